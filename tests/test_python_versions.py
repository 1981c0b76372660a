"""The supported Python versions come from pyproject.toml, not from a version written into the scripts."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_python.py"

spec = importlib.util.spec_from_file_location("check_python", SCRIPT)
check_python = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_python)


def write_pyproject(tmp_path: Path, requires: str, stanza: str = ">=3.11,<3.12") -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[project]\nrequires-python = "{requires}"\n\n[tool.textmine]\nstanza-requires-python = "{stanza}"\n')
    return path


def test_the_running_interpreter_is_supported():
    # What CI checks on this machine: the Python the suite runs under passes the same check setup.sh makes.
    version = ".".join(str(n) for n in sys.version_info[:3])
    assert check_python.problem(version) is None


@pytest.mark.parametrize("version", ["3.11", "3.11.2", "3.12", "3.12.7", "3.13", "3.13.0"])
def test_every_minor_version_in_the_declared_range_is_accepted(version):
    assert check_python.problem(version) is None


@pytest.mark.parametrize("version", ["3.10", "3.10.14", "3.14", "3.14.1", "2.7"])
def test_versions_outside_the_range_are_refused_with_the_range(version):
    reason = check_python.problem(version)
    assert reason is not None and version in reason and "3.11, 3.12, 3.13" in reason


def test_the_range_is_read_from_pyproject_not_hard_coded(tmp_path):
    narrow = write_pyproject(tmp_path, ">=3.12,<3.13")
    assert check_python.problem("3.12.1", pyproject=narrow) is None
    assert check_python.problem("3.11.9", pyproject=narrow) is not None
    assert check_python.problem("3.13", pyproject=narrow) is not None
    wide = write_pyproject(tmp_path, ">=3.9,!=3.10,<=3.15")
    assert check_python.supported_minor_versions(check_python.read_specifier(wide)) == ["3.9", "3.11", "3.12", "3.13", "3.14", "3.15"]


def test_the_stanza_extra_has_its_own_range():
    assert check_python.problem("3.11.4", extra="stanza") is None
    reason = check_python.problem("3.13", extra="stanza")
    assert reason is not None and "stanza" in reason and "torch" in reason


def test_specifiers_the_checker_cannot_read_are_errors_not_passes():
    with pytest.raises(ValueError, match="unsupported"):
        check_python.satisfies("3.12", "~=3.11")


def test_command_exit_status_and_message():
    ok = subprocess.run([sys.executable, str(SCRIPT), "--python-version", "3.13"], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stderr == ""
    refused = subprocess.run([sys.executable, str(SCRIPT), "--python-version", "3.10"], capture_output=True, text=True)
    assert refused.returncode == 2 and "found 3.10" in refused.stderr


def test_setup_script_asks_the_checker_and_names_no_version():
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "scripts/check_python.py" in setup
    code = "\n".join(line for line in setup.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"3[.,] ?1[0-9]", code), "setup.sh must not compare against a fixed Python version"
