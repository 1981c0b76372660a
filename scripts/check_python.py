"""Is this Python one textmine supports? Exit 0 if so, 2 with a one-line reason if not.

    python scripts/check_python.py                      the running interpreter, base install
    python scripts/check_python.py --extra stanza       ... with the stanza extra
    python scripts/check_python.py --python-version 3.12   another version (no interpreter needed)

The supported range is read from pyproject.toml (``requires-python``, and
``[tool.textmine] stanza-requires-python`` for the extra), never written
here, so widening it is a one-line change there. Standard library only and
no ``tomllib``: scripts/setup.sh runs it with whatever ``python3`` the
machine has, before any virtual environment exists, and an old one must
still get a clear answer.
"""

from __future__ import annotations

import argparse
import operator
import re
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
OPERATORS = {">=": operator.ge, "<=": operator.le, "==": operator.eq, "!=": operator.ne, ">": operator.gt, "<": operator.lt}
CLAUSE = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)\s*$")


def read_specifier(pyproject: Path = PYPROJECT, key: str = "requires-python") -> str:
    """The quoted value of ``key`` (a top-level key of its table) in pyproject.toml."""
    match = re.search(rf'^{re.escape(key)}\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise ValueError(f"{pyproject} has no {key} = \"...\"")
    return match.group(1)


def _as_tuple(version: str, length: int = 3) -> tuple[int, ...]:
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (length - len(parts)))


def satisfies(version: str, specifier: str) -> bool:
    """True when ``version`` (e.g. "3.12" or "3.12.4") meets every clause of ``specifier`` (e.g. ">=3.11,<3.14").

    Only plain comparisons are understood; anything else (wildcards, ~=) is an
    error rather than a silent pass.
    """
    for clause in specifier.split(","):
        match = CLAUSE.match(clause)
        if match is None:
            raise ValueError(f"unsupported version clause {clause.strip()!r} in {specifier!r}")
        op, bound = match.groups()
        if not OPERATORS[op](_as_tuple(version), _as_tuple(bound)):
            return False
    return True


def supported_minor_versions(specifier: str, candidates: range = range(6, 20)) -> list[str]:
    """The 3.x versions among ``candidates`` that ``specifier`` accepts, e.g. ["3.11", "3.12", "3.13"]."""
    return [f"3.{minor}" for minor in candidates if satisfies(f"3.{minor}", specifier)]


def problem(version: str, extra: str | None = None, pyproject: Path = PYPROJECT) -> str | None:
    """None when ``version`` is supported (with ``extra``), else the reason in one line."""
    specifier = read_specifier(pyproject)
    if not satisfies(version, specifier):
        listed = ", ".join(supported_minor_versions(specifier))
        return f"textmine needs Python {listed} (requires-python {specifier!r}), found {version}; set PYTHON=/path/to/python3.X"
    if extra:
        extra_specifier = read_specifier(pyproject, f"{extra}-requires-python")
        if not satisfies(version, extra_specifier):
            listed = ", ".join(supported_minor_versions(extra_specifier))
            return (
                f"the {extra} extra needs Python {listed} ({extra}-requires-python {extra_specifier!r} in pyproject.toml: "
                f"its locked CPU torch wheel is built for that only), found {version}; set up without it or with PYTHON=/path/to/python{listed.split(', ')[0]}"
            )
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that a Python version is one textmine supports.")
    parser.add_argument("--extra", help="also check the range of this extra (stanza)")
    parser.add_argument("--python-version", help="the version to check (default: this interpreter's)")
    args = parser.parse_args(argv)
    version = args.python_version or ".".join(str(n) for n in sys.version_info[:3])
    reason = problem(version, args.extra)
    if reason:
        print(f"setup.sh: {reason}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
