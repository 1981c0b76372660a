"""Where the stages meet: the default pipeline's wiring and the README's claims about it.

Each test fails when a claim of the README breaks: the relation stage runs by
default, a modified model file is refused on the path the CLI loads it by,
and outputs are byte-identical across processes whatever the hash seed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.stages.relations import model as model_io

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "raw" / "000_53fded65e5fbe7f9.txt"
runner = CliRunner()

# Not from the seed page: an event with its place and date, a member and its organisation.
ARTICLE = (
    "The 2019 SCO summit was held in Bishkek on 14 June 2019.\n"
    "Pakistan became a member of the Shanghai Cooperation Organization in 2017.\n"
)


def extract_cli(tmp_path: Path, text: str = ARTICLE) -> tuple[int, str, Path]:
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(source), "--out", str(out)])
    return result.exit_code, result.output, out / "article.json"


def test_the_default_cli_pipeline_runs_every_stage(tmp_path):
    code, output, path = extract_cli(tmp_path)
    assert code == 0, output
    data = json.loads(path.read_text(encoding="utf-8"))
    names = [c["name"] for c in data["provenance"]["components"]]
    for stage in ("segmenter", "ner", "date_values", "canonical", "metadata", "relations", "byline_affiliations"):
        assert stage in names, names
    by_id = {e["id"]: e for e in data["entities"]}
    facts = {(r["label"], by_id[r["head"]]["text"], by_id[r["tail"]]["text"]) for r in data["relations"]}
    # Relations other than alias_of come only from the relation stage.
    assert ("held_in", "2019 SCO summit", "Bishkek") in facts or ("held_in", "SCO summit", "Bishkek") in facts, facts
    assert any(label == "held_on" for label, _, _ in facts), facts
    assert all(0.0 < r["confidence"] <= 1.0 for r in data["relations"] if r["label"] != "alias_of")
    dates = {e["text"]: e.get("value") for e in data["entities"] if e["label"] == "DATE"}
    assert dates.get("14 June 2019") == "2019-06-14"  # date_values ran after ner


def models_copy(tmp_path: Path, tamper: bool) -> Path:
    """A copy of the trained models folder; with ``tamper``, one bit flipped in the middle of the relation model."""
    target = tmp_path / "models"
    shutil.copytree(model_io.MODELS_DIR, target, ignore=shutil.ignore_patterns("stanza"))
    if tamper:
        model = target / model_io.DEFAULT_MODEL_PATH.name
        data = bytearray(model.read_bytes())
        data[len(data) // 2] ^= 0x01
        model.write_bytes(bytes(data))
    return target


# extract runs the pipeline in a worker process: the models folder is pointed at through the environment,
# which the worker inherits, so the check under test is the one on the CLI's own load path.
def test_cli_refuses_a_tampered_relation_model(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTMINE_MODELS_DIR", str(models_copy(tmp_path, tamper=True)))
    code, output, path = extract_cli(tmp_path)
    assert code != 0
    assert "does not match its manifest" in output and "textmine train relations" in output
    assert not path.exists()


def test_cli_accepts_an_intact_copy_of_the_relation_model(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTMINE_MODELS_DIR", str(models_copy(tmp_path, tamper=False)))
    code, output, path = extract_cli(tmp_path)
    assert code == 0, output
    assert path.exists()


SPACY_MODEL_CHECK = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {folder!r})
    from textmine.resources.nlp import ModelCheckError, load_english
    try:
        load_english()
    except ModelCheckError as exc:
        print("refused:", exc)
        sys.exit(3)
    print("loaded")
    """
)


@pytest.mark.slow
def test_a_modified_spacy_model_file_is_refused_at_load(tmp_path):
    import importlib.metadata

    from textmine.resources import nlp

    dist = importlib.metadata.distribution(nlp.MODEL_DISTRIBUTION)
    package_dir = Path(dist.locate_file(nlp.MODEL_PACKAGE))
    info_dir = Path(dist._path)  # the .dist-info folder with RECORD
    copy = tmp_path / "site"
    shutil.copytree(package_dir, copy / package_dir.name)
    shutil.copytree(info_dir, copy / info_dir.name)

    def run() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", SPACY_MODEL_CHECK.format(folder=str(copy))],
                              capture_output=True, text=True, cwd=tmp_path, timeout=300)

    intact = run()
    assert intact.returncode == 0 and "loaded" in intact.stdout, intact.stdout + intact.stderr
    # Change one byte of one model file (not its size): the RECORD's sha256 no longer matches.
    victim = next(p for p in sorted((copy / package_dir.name).rglob("*")) if p.is_file() and p.name == "cfg")
    data = bytearray(victim.read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\t")
    victim.write_bytes(bytes(data))
    refused = run()
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "does not match its published hash" in refused.stdout and victim.name in refused.stdout


@pytest.mark.slow
def test_outputs_are_byte_identical_across_processes_with_other_hash_seeds(tmp_path):
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>Regional security</title></head><body><h1>Regional security in Central Asia</h1>"
        f"<p>{ARTICLE}</p><p>Kazakhstan, Kyrgyzstan and Tajikistan took part in the exercise Peace Mission 2014.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    inputs = [str(SEED), str(html)]
    # This process hashes strings with its own seed (random unless PYTHONHASHSEED is set); a fresh process gets another.
    here = tmp_path / "here"
    result = runner.invoke(app, ["extract", *inputs, "--out", str(here)])
    assert result.exit_code == 0, result.output
    other_seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    there = tmp_path / "there"
    done = subprocess.run([sys.executable, "-m", "textmine.cli", "extract", *inputs, "--out", str(there)],
                          env={**os.environ, "PYTHONHASHSEED": other_seed}, capture_output=True, text=True, cwd=tmp_path,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in here.iterdir())
    assert names == ["000_53fded65e5fbe7f9.json", "page.json"] == sorted(p.name for p in there.iterdir())
    for name in names:
        assert (here / name).read_bytes() == (there / name).read_bytes(), f"{name} differs between hash seeds"
