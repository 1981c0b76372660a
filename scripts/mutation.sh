#!/usr/bin/env bash
# Mutation testing of the stage modules with mutmut (pinned in the test extra).
#   bash scripts/mutation.sh                 every module in the table below, one after the other
#   bash scripts/mutation.sh dates spans     only those modules
#   MUTATION_TIME_LIMIT=1200                 seconds one module may take (default 1200; then its run is stopped
#                                            and the figures count the mutants tried so far)
#   MUTATION_RESUME=1                        carry on from the last run of each module: mutants already killed
#                                            stay killed, untried ones are tried, survivors are tried again
#                                            (against the current tests); a module can so be run in parts
#   TEXTMINE_TEST_POSTGRES_URL=...           needed for export (its PostgreSQL tests): set it with
#                                            `export TEXTMINE_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)`;
#                                            without it export is refused (MUTATION_NO_POSTGRES=1 runs it
#                                            anyway, and mutants only PostgreSQL notices survive)
#   MUTATION_SAMPLE=60                       try the module's survivors and timeouts again, then this many of its untried mutants
#                                            drawn at random (seed MUTATION_SEED, default 0) over the whole file
#                                            instead of the first ones in line order (with MUTATION_RESUME=1 to
#                                            add to the last run; MUTATION_SAMPLE=0 retries the survivors only)
#   MUTATION_IDS="12 40"                     with MUTATION_SAMPLE, try just these mutants (say, the survivors a new
#                                            test should kill) instead of the survivors and the sample
#   MUTATION_RETRY=0                         with MUTATION_SAMPLE, do not try the survivors and timeouts again
#                                            (those already explained as equivalent), only the sample
#   MUTATION_NARROW=0                        try each mutant against the module's whole selection at once; by
#                                            default it is tried first against the tests that ran its line
#                                            (one traced run per module, scripts/mutation_lines.py; the hook is
#                                            scripts/mutmut_config.py) and, if they pass, against the whole
#                                            selection (--rerun-all) before it counts as a survivor
#
# mutmut rewrites source files in place, so it runs in a scratch copy of the repository
# (MUTATION_DIR, default /tmp/textmine-mutation), never in this working tree; the copy's
# pipeline/ is put first on the import path as `textmine`. Each module is tested by the
# tests that cover it (the table below), not the whole suite, to keep a run in minutes.
# Prints killed/total per module; `cd $MUTATION_DIR && mutmut show ID` shows a mutant (never
# while a run is going: it rewrites mutmut's line table from the mutated file and the run crashes).
# Not run by CI (hours for all modules on 2 cores); docs/testing.md has the latest figures.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="$root/.venv/bin/python"
mutmut="$root/.venv/bin/mutmut"
[ -x "$mutmut" ] || { echo "mutation.sh: mutmut is missing; run: bash scripts/setup.sh --with-tests" >&2; exit 2; }

# module name | file to mutate | tests that cover it
modules=(
  "spans|pipeline/stages/ner/spans.py|tests/test_span_rules.py tests/test_ner.py tests/test_edge_cases.py tests/test_span_hygiene.py tests/test_ner_page_kinds.py tests/test_ner_unseen_kinds.py tests/test_ner_construction.py -k clean_span or resolve or brackets_and_email or boundaries or geometry or cyrillic or priorities or span or align or page_kinds or unseen or construction"
  "candidates|pipeline/stages/relations/candidates.py|tests/test_relation_candidates.py tests/test_anaphora.py tests/test_relations.py tests/test_relation_patterns.py -k candidate or sentence or pronoun or naming or block or vetoed or fitting_label or another_label or description or alias_of or obvious_pattern or relation_patterns"
  "dates|pipeline/stages/dates.py|tests/test_dates.py tests/test_date_ranges_and_holidays.py tests/test_edge_cases.py -k not end_to_end"
  "evaluation|pipeline/evaluation/evaluate.py|tests/test_evaluate.py tests/test_edge_cases.py -k not end_to_end"
  "ingestion|pipeline/stages/ingest.py|tests/test_ingest.py tests/test_edge_cases.py -k not end_to_end and not cli"
  "export|pipeline/runtime/export.py|tests/test_export.py"
  "htmltext|pipeline/stages/htmltext.py|tests/test_ingest.py tests/test_edge_cases.py tests/test_segment.py tests/test_htmltext_blocks.py -k html or charset or page or advert"
)

wanted=("$@")
selected() {
  [ ${#wanted[@]} -eq 0 ] && return 0
  local name
  for name in "${wanted[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

scratch="${MUTATION_DIR:-/tmp/textmine-mutation}"
limit="${MUTATION_TIME_LIMIT:-1200}"
# Each module's results are kept in $scratch/.mutmut-cache-NAME; a fresh copy of the sources
# (and tests) replaces the rest of the scratch copy on every run.
if [ "${MUTATION_RESUME:-0}" = 1 ]; then
  find "$scratch" -mindepth 1 -maxdepth 1 ! -name '.mutmut-cache-*' ! -name 'mutmut-*.log' -exec rm -rf {} + 2>/dev/null || true
else
  rm -rf "$scratch"
fi
mkdir -p "$scratch/.import"
git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$scratch"
ln -s "$scratch/pipeline" "$scratch/.import/textmine"
# mutmut 2.5.1 counts only pytest's status 1 as a kill: the plugin makes every failed run (a test module
# that cannot import the mutant exits 2) exit 1 (scripts/mutation_exit.py).
ln -s "$scratch/scripts/mutation_exit.py" "$scratch/.import/mutation_exit.py"
# mutmut imports its hook file (mutmut_config) and pytest the tracing plugin from the import path.
if [ "${MUTATION_NARROW:-1}" = 1 ]; then
  ln -s "$scratch/scripts/mutmut_config.py" "$scratch/.import/mutmut_config.py"
  ln -s "$scratch/scripts/mutation_lines.py" "$scratch/.import/mutation_lines.py"
fi
export PYTHONPATH="$scratch/.import"
cd "$scratch"
# Each mutant's pytest run would compile every module it imports (mutmut sets PYTHONDONTWRITEBYTECODE):
# compile the copy's sources once, validated by their hash, so that only the mutated module is compiled
# again (its text differs); the test files are compiled by pytest's assertion rewriting on the first run
# below, which may write them. Collecting dates' tests took 2.0 s of CPU without, 0.8 s with.
env -u PYTHONDONTWRITEBYTECODE "$python" -m compileall -q --invalidation-mode checked-hash pipeline >/dev/null
where="$("$python" -c 'import textmine, os; print(os.path.realpath(textmine.__file__))')"
case "$where" in
  "$scratch"/*) ;;
  *) echo "mutation.sh: textmine imports from $where, not from the scratch copy" >&2; exit 2 ;;
esac

# A mutant counts as killed by timeout when its tests take 10 times the baseline plus a minute:
# mutmut's default (twice the baseline) is often reached on the shared machine by load alone,
# which counted mutants that no test kills as killed.
patience="--test-time-multiplier 10 --test-time-base 60"

for row in "${modules[@]}"; do
  IFS='|' read -r name file tests <<<"$row"
  selected "$name" || continue
  if [ "$name" = export ]; then
    # The environment reaches mutmut, its pytest runs and so the scratch copy's tests; check here that
    # the server answers, so that the PostgreSQL tests run rather than skip.
    if [ -n "${TEXTMINE_TEST_POSTGRES_URL:-}" ]; then
      "$python" -c 'import os, psycopg; psycopg.connect(os.environ["TEXTMINE_TEST_POSTGRES_URL"], connect_timeout=10).close()' \
        || { echo "mutation.sh: export: cannot connect to TEXTMINE_TEST_POSTGRES_URL; start it with: bash scripts/postgres.sh" >&2; exit 2; }
      echo "export: PostgreSQL tests included (TEXTMINE_TEST_POSTGRES_URL answers)"
    elif [ "${MUTATION_NO_POSTGRES:-0}" = 1 ]; then
      echo "export: TEXTMINE_TEST_POSTGRES_URL is not set; the PostgreSQL tests skip (MUTATION_NO_POSTGRES=1)"
    else
      echo "mutation.sh: export needs TEXTMINE_TEST_POSTGRES_URL (its PostgreSQL tests kill mutants SQLite cannot);" \
        "run: export TEXTMINE_TEST_POSTGRES_URL=\$(bash scripts/postgres.sh), or set MUTATION_NO_POSTGRES=1" >&2
      exit 2
    fi
  fi
  # "-k EXPR" at the end of the tests column selects tests by name.
  selection="${tests%% -k *}"
  runner="$python -m pytest -x -q -p no:cacheprovider -p no:randomly -p mutation_exit $selection"
  [ "$selection" != "$tests" ] && runner="$runner -k '${tests#* -k }'"
  rm -f .mutmut-cache
  [ "${MUTATION_RESUME:-0}" = 1 ] && [ -f ".mutmut-cache-$name" ] && cp ".mutmut-cache-$name" .mutmut-cache
  echo "== $name: $file ($runner)"
  started=$(date +%s)
  # Narrowing (scripts/mutmut_config.py): one traced run of the module's tests records which tests
  # run each line; each mutant is then tried against those first, and against the whole selection
  # (--rerun-all) before it counts as a survivor.
  narrowing=()
  rerun=""
  if [ "${MUTATION_NARROW:-1}" = 1 ]; then
    rm -f "mutation-narrowing.log"
    TEXTMINE_MUTATION_TRACE="$file" TEXTMINE_MUTATION_LINES="$scratch/.mutation-lines-$name.json" \
      nice -n 10 env -u PYTHONDONTWRITEBYTECODE bash -c "$runner -p mutation_lines" >"mutation-trace-$name.log" 2>&1 \
      || { echo "mutation.sh: $name: the traced run of its tests failed (see $scratch/mutation-trace-$name.log)" >&2; exit 2; }
    narrowing=(env TEXTMINE_MUTATION_LINES="$scratch/.mutation-lines-$name.json"
      TEXTMINE_MUTATION_PYTEST="$python -m pytest -x -q -p no:cacheprovider -p no:randomly -p mutation_exit")
    rerun="--rerun-all"
  else
    nice -n 10 env -u PYTHONDONTWRITEBYTECODE bash -c "$runner --collect-only" >/dev/null 2>&1 || true
  fi
  if [ -n "${MUTATION_SAMPLE:-}" ]; then
    # mutmut lists a file's mutants only by running them: a run with a runner that always
    # passes registers them in the cache, then their earlier statuses are put back and a
    # sample of the untried ones is run one by one (`mutmut run ID`) with the real tests.
    "$python" "$root/scripts/mutation_cache.py" save
    if [ "${MUTATION_RESUME:-0}" != 1 ] || [ "$("$python" "$root/scripts/mutation_cache.py" registered "$file")" = 0 ]; then
      "$mutmut" run --paths-to-mutate "$file" --runner true --tests-dir tests --no-progress --simple-output >/dev/null 2>&1 || true
      cp "$root/$file" "$file"
    fi
    sample=$("$python" "$root/scripts/mutation_cache.py" sample "$MUTATION_SAMPLE" "${MUTATION_SEED:-0}" "${MUTATION_RETRY:-1}")
    [ -n "${MUTATION_IDS:-}" ] && sample="$MUTATION_IDS"
    echo "sample: $sample"
    end=$(( started + limit ))
    for id in $sample; do
      remaining=$(( end - $(date +%s) ))
      [ "$remaining" -gt 0 ] || break
      timeout "$remaining" "${narrowing[@]}" nice -n 10 "$mutmut" run "$id" --paths-to-mutate "$file" --runner "$runner" $patience $rerun \
        --tests-dir tests --no-progress --simple-output >>"mutmut-$name.log" 2>&1 || true
    done
  else
    timeout "$limit" "${narrowing[@]}" nice -n 10 "$mutmut" run --paths-to-mutate "$file" --runner "$runner" $patience $rerun \
      --tests-dir tests --no-progress --simple-output >>"mutmut-$name.log" 2>&1 || true
  fi
  cp "$root/$file" "$file"  # a run stopped by the time limit leaves its last mutant in place
  "$python" - "$name" "$(( $(date +%s) - started ))" <<'EOF'
import sqlite3, sys
name, seconds = sys.argv[1], sys.argv[2]
rows = sqlite3.connect(".mutmut-cache").execute("SELECT status, COUNT(*) FROM Mutant GROUP BY status").fetchall()
counts = dict(rows)
killed = counts.get("ok_killed", 0)
survived = counts.get("bad_survived", 0)
timeout = counts.get("bad_timeout", 0)  # a mutant that hangs the tests is caught
suspicious = counts.get("ok_suspicious", 0)
untested = counts.get("untested", 0)
tried = killed + survived + timeout + suspicious
rate = (killed + timeout + suspicious) / tried if tried else 0.0
print(f"{name}: {killed + timeout + suspicious} of {tried} mutants killed ({rate:.0%}; {timeout} by timeout), "
      f"{survived} survived, {untested} not tried, {seconds} s")
if survived:
    ids = [i for i, in sqlite3.connect(".mutmut-cache").execute("SELECT id FROM Mutant WHERE status = 'bad_survived' ORDER BY id")]
    print(f"{name}: survivors (mutmut show ID): {' '.join(map(str, ids))}")
EOF
  cp .mutmut-cache ".mutmut-cache-$name"
done
