"""mutmut's hook file for scripts/mutation.sh (mutmut imports `mutmut_config` from the import path).

Before each mutant, `pre_mutation` narrows the test command to the tests that ran the mutated line
in the module's traced run (scripts/mutation_lines.py), fastest first, so that pytest -x stops at
the first failing test after running only tests that can notice the mutant. mutmut runs with
--rerun-all: a mutant that the narrowed tests let through is tried again against the module's whole
test selection before it counts as a survivor, so narrowing can only change how fast a mutant is
killed, not whether it is. A line run outside the tests (at import: constants, default arguments)
or by no traced test keeps the whole selection in its usual order (narrowing it to the same tests
in another order would run a survivor's tests twice).

    TEXTMINE_MUTATION_LINES   the traced run's JSON; unset (mutmut's registering run): no narrowing
    TEXTMINE_MUTATION_PYTEST  the pytest command without tests (its options: -x -q ...)
"""

from __future__ import annotations

import json
import os

_ARGS = ".mutation-tests"  # pytest's @file: one node id a line
_LOG = "mutation-narrowing.log"
_traced: dict | None = None


def _load(path: str) -> dict:
    global _traced
    if _traced is None:
        with open(path, encoding="utf-8") as handle:
            _traced = json.load(handle)
    return _traced


def tests_for_line(traced: dict, line: int) -> tuple[list[str] | None, str]:
    """The node ids to run for a mutant of `line` (1-based), fastest first (None: the whole selection), and why."""
    if line in traced["outside"]:
        return None, "run outside the tests"
    tests = traced["lines"].get(str(line))
    if not tests:
        return None, "run by no traced test"
    return sorted(tests, key=traced["tests"].get), "run by these tests"


def pre_mutation(context) -> None:
    lines_path = os.environ.get("TEXTMINE_MUTATION_LINES")
    pytest_command = os.environ.get("TEXTMINE_MUTATION_PYTEST")
    if not lines_path or not pytest_command:
        return
    traced = _load(lines_path)
    line = context.mutation_id.line_number + 1
    with open(context.filename, encoding="utf-8") as handle:
        source = handle.read().split("\n")
    if os.path.realpath(context.filename) != traced["file"] or source[line - 1] != context.mutation_id.line:
        tests, why = None, "line not in the traced file"
    else:
        tests, why = tests_for_line(traced, line)
    with open(_LOG, "a", encoding="utf-8") as log:
        count = len(traced["tests"]) if tests is None else len(tests)
        log.write(f"{context.filename}:{line}: {count} of {len(traced['tests'])} tests ({why})\n")
    if tests is None:
        return
    with open(_ARGS, "w", encoding="utf-8") as handle:
        handle.write("\n".join(tests) + "\n")
    context.config.test_command = f"{pytest_command} @{_ARGS}"
