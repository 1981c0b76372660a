"""The command line end to end: lazy start, extract → validate → evaluate, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "raw" / "000_53fded65e5fbe7f9.txt"
runner = CliRunner()


def test_help_loads_no_models_or_torch():
    code = (
        "import sys; from typer.testing import CliRunner; from textmine.cli import app;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output;"
        "heavy = [m for m in ('spacy', 'torch', 'stanza', 'sklearn', 'natasha') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_extract_writes_a_valid_output_per_document(seed_outputs):
    path = seed_outputs / "000_53fded65e5fbe7f9.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["text"] == SEED.read_text(encoding="utf-8")
    assert data["provenance"]["pipeline_version"]
    result = runner.invoke(app, ["validate", str(seed_outputs)])
    assert result.exit_code == 0, result.output
    for ent in data["entities"]:
        assert data["text"][ent["start"]:ent["end"]] == ent["text"]
    for rel in data["relations"]:
        assert 0.0 <= rel["confidence"] <= 1.0 and rel["source"]


def test_output_is_deterministic(seed_outputs, tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    name = "000_53fded65e5fbe7f9.json"
    assert (tmp_path / name).read_bytes() == (seed_outputs / name).read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name != name], "temporary files left behind"


def test_evaluate_scores_the_output_against_gold(seed_outputs):
    result = runner.invoke(app, ["evaluate", "--gold", str(ROOT / "corpus" / "gold"), "--pred", str(seed_outputs), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["entities"]["strict"]["micro"]["f1"] >= 0.95
    assert report["date_values"]["accuracy"] == 1.0
    assert report["segments"]["accuracy"] >= 0.99
    text = runner.invoke(app, ["evaluate", "--gold", str(ROOT / "corpus" / "gold"), "--pred", str(seed_outputs)]).output
    assert "strict" in text.lower() and "spurious" in text.lower()


def test_bad_and_good_inputs_together(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The Shanghai Cooperation Organization met in Astana in June 2017.", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(empty), str(tmp_path / "missing.txt"), str(good), "--out", str(out)])
    assert result.exit_code != 0
    assert "empty.txt" in result.output and "missing.txt" in result.output
    assert (out / "good.json").exists() and not (out / "empty.json").exists()


def test_ner_training_and_benchmark_commands_describe_their_data():
    trained = runner.invoke(app, ["train", "ner", "--help"])
    assert trained.exit_code == 0 and "CrossNER" in trained.output and "--seed" in trained.output
    benchmark = runner.invoke(app, ["benchmark", "ner", "--help"])
    assert benchmark.exit_code == 0 and "--crossner-docs" in benchmark.output
    assert runner.invoke(app, ["benchmark", "backends"]).exit_code != 0  # folded into `benchmark ner`


def test_benchmark_relations_refuses_an_unknown_challenge_half():
    result = runner.invoke(app, ["benchmark", "relations", "--challenge-half", "train"])
    assert result.exit_code == 2
    assert "--challenge-half must be test or dev, not 'train'" in result.output
