"""Helpers of scripts/mutation.sh for sampled runs over mutmut's cache (.mutmut-cache in the current folder).

    python scripts/mutation_cache.py registered FILE      how many mutants the cache lists for FILE as it is now (0: none
                                                          registered yet, or FILE changed since they were)
    python scripts/mutation_cache.py save                 remember the statuses of the mutants tried so far
    python scripts/mutation_cache.py sample N SEED [RETRY] put those statuses back after a registering run, and
                                                          print the ids of the survivors and timeouts (to be
                                                          tried again against the current tests; not when RETRY
                                                          is 0) and of N untried mutants drawn at random
    python scripts/mutation_cache.py compare OLD IDS...   print each mutant's status in the OLD cache file and in
                                                          .mutmut-cache now, and how many verdicts (killed or
                                                          not) changed
    python scripts/mutation_cache.py table DIR EQUIVALENTS print docs/testing.md's per-module table from the module
                                                          caches DIR/.mutmut-cache-NAME and the survivors explained
                                                          as equivalent (EQUIVALENTS, docs/mutation-equivalents.tsv),
                                                          then the ids of the survivors not explained
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import sys

CACHE = ".mutmut-cache"
TRIED = ".mutmut-tried.json"


def save() -> None:
    tried: dict[str, list] = {}
    if os.path.exists(CACHE):
        db = sqlite3.connect(CACHE)
        rows = db.execute("SELECT id, status, tested_against_hash FROM Mutant WHERE status != 'untested'")
        tried = {str(mutant_id): [status, tests_hash] for mutant_id, status, tests_hash in rows}
    with open(TRIED, "w", encoding="utf-8") as handle:
        json.dump(tried, handle)


def sample(count: int, seed: int, retry: bool = True) -> list[int]:
    with open(TRIED, encoding="utf-8") as handle:
        tried = json.load(handle)
    db = sqlite3.connect(CACHE)
    for (mutant_id,) in db.execute("SELECT id FROM Mutant").fetchall():
        status, tests_hash = tried.get(str(mutant_id), ["untested", ""])
        db.execute("UPDATE Mutant SET status = ?, tested_against_hash = ? WHERE id = ?", (status, tests_hash, mutant_id))
    # The always-passing runner's timing must not become the baseline (and timeout) of the real runs.
    db.execute("DELETE FROM MiscData WHERE key IN ('baseline_time_elapsed', 'hash_of_tests')")
    db.commit()
    # Survivors may be killed by tests written since; a timeout may have been load, not a hang.
    survivors = [mutant_id for (mutant_id,) in db.execute("SELECT id FROM Mutant WHERE status IN ('bad_survived', 'bad_timeout') ORDER BY id")]
    untried = [mutant_id for (mutant_id,) in db.execute("SELECT id FROM Mutant WHERE status = 'untested' ORDER BY id")]
    return (survivors if retry else []) + sorted(random.Random(seed).sample(untried, min(count, len(untried))))


def registered(path: str) -> int:
    if not os.path.exists(CACHE):
        return 0
    db = sqlite3.connect(CACHE)
    # mutmut keys mutants by line text and records the file's hash when it updates its line table; after an
    # edit the mutants of changed lines are stale and those of new lines missing, so they must be registered again.
    with open(path, "rb") as handle:
        current = hashlib.sha256(handle.read()).hexdigest()
    if db.execute("SELECT COUNT(*) FROM SourceFile WHERE filename = ? AND hash = ?", (path, current)).fetchone()[0] == 0:
        return 0
    return db.execute("SELECT COUNT(*) FROM Mutant").fetchone()[0]


KILLED = ("ok_killed", "bad_timeout", "ok_suspicious")


def compare(old_path: str, ids: list[int]) -> int:
    old = sqlite3.connect(old_path)
    new = sqlite3.connect(CACHE)
    changed = 0
    for mutant_id in ids:
        (before,) = old.execute("SELECT status FROM Mutant WHERE id = ?", (mutant_id,)).fetchone()
        (after,) = new.execute("SELECT status FROM Mutant WHERE id = ?", (mutant_id,)).fetchone()
        same = (before in KILLED) == (after in KILLED)
        changed += not same
        print(f"{mutant_id}: {before} -> {after}{'' if same else '  VERDICT CHANGED'}")
    print(f"{len(ids) - changed} of {len(ids)} verdicts unchanged")
    return changed


# The modules of scripts/mutation.sh, in the table's order, with the names the table gives them.
MODULES = {
    "spans": "span cleaning",
    "dates": "dates",
    "candidates": "candidates",
    "evaluation": "evaluation",
    "ingestion": "ingestion",
    "htmltext": "ingestion, HTML",
    "export": "export",
}


def read_equivalents(path: str) -> dict[tuple[str, int], tuple[int, str]]:
    """(module, mutant id) -> (mutant index on its line, source line) of each survivor explained as equivalent."""
    equivalents = {}
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            if row.startswith("#") or not row.strip():
                continue
            module, mutant_id, index, line, _reason = row.rstrip("\n").split("\t")
            equivalents[(module, int(mutant_id))] = (int(index), line)
    return equivalents


def table(folder: str, equivalents_path: str) -> list[str]:
    """The per-module table (Markdown rows) and the survivors that are not explained.

    A survivor counts as equivalent only if its id still names the same mutation (the same source line
    and index on it): mutmut renumbers the mutants of a changed line, whose verdicts must be made again.
    """
    equivalents = read_equivalents(equivalents_path)
    lines = [
        "| module | mutants | tried | killed | equivalent | survived, not equivalent | not tried | killed of tried |",
        "|---|---|---|---|---|---|---|---|",
    ]
    totals = [0] * 6
    unexplained = []
    for name, label in MODULES.items():
        path = os.path.join(folder, f".mutmut-cache-{name}")
        if not os.path.exists(path):
            lines.append(f"| {label} | no cache | | | | | | |")
            continue
        db = sqlite3.connect(path)
        (source,) = db.execute("SELECT filename FROM SourceFile").fetchone()
        rows = db.execute('SELECT m.id, m.status, m."index", l.line FROM Mutant m JOIN Line l ON m.line = l.id').fetchall()
        killed = sum(status in KILLED for _, status, _, _ in rows)
        untried = sum(status == "untested" for _, status, _, _ in rows)
        equivalent = survived = 0
        for mutant_id, status, index, line in rows:
            if status != "bad_survived":
                continue
            if equivalents.get((name, mutant_id)) == (index, line.strip()):
                equivalent += 1
            else:
                survived += 1
                unexplained.append(f"{name} {mutant_id}")
        tried = len(rows) - untried
        counts = [len(rows), tried, killed, equivalent, survived, untried]
        totals = [a + b for a, b in zip(totals, counts)]
        rate = f"{killed / tried:.0%}" if tried else "-"
        lines.append(f"| {label} `{source}` | " + " | ".join(map(str, counts)) + f" | {rate} |")
    rate = f"{totals[2] / totals[1]:.0%}" if totals[1] else "-"
    lines.append(f"| **all {len(MODULES)}** | " + " | ".join(map(str, totals)) + f" | {rate} |")
    lines.append("")
    lines.append("survivors not explained as equivalent: " + (", ".join(unexplained) or "none"))
    return lines


if __name__ == "__main__":
    if sys.argv[1:2] == ["registered"] and len(sys.argv) == 3:
        print(registered(sys.argv[2]))
    elif sys.argv[1:2] == ["save"]:
        save()
    elif sys.argv[1:2] == ["sample"] and len(sys.argv) in (4, 5):
        retry = sys.argv[4:5] != ["0"]
        print(" ".join(map(str, sample(int(sys.argv[2]), int(sys.argv[3]), retry))))
    elif sys.argv[1:2] == ["table"] and len(sys.argv) == 4:
        print("\n".join(table(sys.argv[2], sys.argv[3])))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) >= 4:
        sys.exit(1 if compare(sys.argv[2], [int(i) for i in sys.argv[3:]]) else 0)
    else:
        sys.exit(__doc__)
