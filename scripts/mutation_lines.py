"""pytest plugin of scripts/mutation.sh: which tests run each line of the module being mutated.

    TEXTMINE_MUTATION_TRACE=pipeline/stages/dates.py TEXTMINE_MUTATION_LINES=lines.json \\
        python -m pytest -p mutation_lines TESTS...

writes lines.json: {"file": ..., "tests": {node id: seconds}, "lines": {line number: [node ids]},
"outside": [line numbers run outside any test (at import, collection, or in a fixture's teardown
after the session)]}. Line numbers are 1-based. A mutant of a line is then tried first against
only the tests that ran the line (scripts/mutmut_config.py); a line run outside the tests (module
constants, default arguments, decorators) can change any test, so its mutants get the whole set.
Lines run only in a subprocess of a test are not seen here: they count as run by no test, and
their mutants get the whole set too.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time

import pytest

_target = os.path.realpath(os.environ.get("TEXTMINE_MUTATION_TRACE", ""))
_output = os.environ.get("TEXTMINE_MUTATION_LINES", "")
_is_target: dict[str, bool] = {}
_current: list[str | None] = [None]
_lines: dict[int, dict[str, None]] = {}  # line -> tests in the order they first ran it
_outside: set[int] = set()
_durations: dict[str, float] = {}


def _local(frame, event, arg):
    if event == "line":
        test = _current[0]
        if test is None:
            _outside.add(frame.f_lineno)
        else:
            _lines.setdefault(frame.f_lineno, {})[test] = None
    return _local


def _global(frame, event, arg):
    filename = frame.f_code.co_filename
    hit = _is_target.get(filename)
    if hit is None:
        hit = _is_target[filename] = os.path.realpath(filename) == _target
    if not hit:
        return None
    return _local


def pytest_configure(config):
    if not _target or not _output:
        raise pytest.UsageError("mutation_lines: set TEXTMINE_MUTATION_TRACE (the file) and TEXTMINE_MUTATION_LINES (the output)")
    sys.settrace(_global)
    threading.settrace(_global)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _current[0] = item.nodeid
    started = time.perf_counter()
    try:
        yield
    finally:
        _durations[item.nodeid] = time.perf_counter() - started
        _current[0] = None


def pytest_unconfigure(config):
    sys.settrace(None)
    threading.settrace(None)
    report = {
        "file": _target,
        "tests": _durations,
        "lines": {str(line): list(tests) for line, tests in sorted(_lines.items())},
        "outside": sorted(_outside),
    }
    with open(_output, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=0)
