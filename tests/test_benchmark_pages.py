"""The whole-page set (corpus/pages/) and its benchmark (textmine benchmark pages)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.evaluation.benchmarks.metadata import SplitResult, field_table, score_page
from textmine.evaluation.benchmarks.pages import PAGES_DIR, PagesSetError, load_pages, run_benchmark
from textmine.evaluation.evaluate import evaluate_dirs, span_scores
from textmine.evaluation.validate import validate_paths

ROOT = Path(__file__).resolve().parents[1]
# One text page and one HTML page of the dev half.
SAMPLE = ("p05_plain_mercosur", "p08_journal_html_arctic")


def _build_module():
    spec = importlib.util.spec_from_file_location("build_pages", ROOT / "scripts" / "build_pages.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_the_set_has_two_balanced_halves_of_whole_pages():
    halves = load_pages()
    assert set(halves) == {"dev", "test"} and len(halves["dev"]) == len(halves["test"]) >= 8
    for half in halves.values():
        formats = Counter(page.raw.suffix for page in half)
        assert formats[".txt"] >= 4 and formats[".html"] >= 4
    assert validate_paths([PAGES_DIR / "gold"]) == []


def test_generated_files_are_up_to_date_with_the_sources(tmp_path):
    """Rebuilding from src/ gives the committed raw/, gold/ and split.json byte for byte."""
    shutil.copytree(PAGES_DIR / "src", tmp_path / "src")
    assert _build_module().main(["--root", str(tmp_path)]) == 0
    for name in ("raw", "gold"):
        built = {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
        committed = {p.name: p.read_bytes() for p in (PAGES_DIR / name).iterdir()}
        assert built == committed, f"corpus/pages/{name} is stale: run scripts/build_pages.py"
    assert (tmp_path / "split.json").read_bytes() == (PAGES_DIR / "split.json").read_bytes()


def test_the_builder_rejects_a_relation_with_a_wrong_argument_type(tmp_path):
    source = (PAGES_DIR / "src" / "p05_plain_mercosur.txt").read_text(encoding="utf-8")
    broken = source.replace("R observer_of Mexico -> Mercosur", "R observer_of Mexico -> New Zealand")
    assert broken != source
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "p05_plain_mercosur.txt").write_text(broken, encoding="utf-8")
    build = _build_module()
    pages, errors = build.build(tmp_path)
    assert any("observer_of does not allow" in e for e in errors)


def _rows(output: str) -> dict[str, list[str]]:
    """Table rows of the printed output: first cell -> the other cells (the last table with that first cell wins)."""
    rows = {}
    for line in output.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages-out")
    result = CliRunner().invoke(app, ["benchmark", "pages", *[a for p in SAMPLE for a in ("--page", p)], "--out", str(out)])
    assert result.exit_code == 0, result.output
    gold = tmp_path_factory.mktemp("pages-gold")
    for page_id in SAMPLE:
        shutil.copy(PAGES_DIR / "gold" / f"{page_id}.json", gold / f"{page_id}.json")
    return result.output, evaluate_dirs(gold, out), out


def test_printed_figures_equal_textmine_evaluate_on_the_same_outputs(sample_run):
    output, report, _ = sample_run
    rows = _rows(output)
    assert f"dev half: 2 pages ({', '.join(SAMPLE)})" in output
    strict = report["entities"]["strict"]
    for label, scores in [*strict["per_label"].items(), ("micro (all)", strict["micro"])]:
        if scores["possible"] or scores["actual"]:
            assert rows[label][-1] == f"{scores['f1']:.3f}", label
            assert rows[label][:3] == [str(scores["possible"]), str(scores["actual"]), str(scores["correct"])]
    core = span_scores(sum((Counter({k: strict["per_label"][label][k] for k in ("correct", "incorrect", "partial", "missed", "spurious")})
                            for label in ("ORG", "LOC", "DATE")), Counter()), "strict")
    assert rows["micro (ORG+LOC+DATE)"][-1] == f"{core['f1']:.3f}"
    fact = report["relations"]["fact"]
    for label, scores in [*fact["per_label"].items(), ("micro", fact["micro"])]:
        assert rows[label][:3] == [str(scores["tp"]), str(scores["fp"]), str(scores["fn"])], label
        if scores["tp"] or scores["fp"] or scores["fn"]:
            assert rows[label][-1] == f"{scores['f1']:.3f}", label
    assert f"Segment character accuracy: {report['segments']['accuracy']:.3f}" in output
    assert f"DATE value accuracy: {report['date_values']['accuracy']:.3f}" in output


def test_printed_metadata_figure_is_the_metadata_benchmarks_on_the_same_outputs(sample_run):
    output, _, out = sample_run
    result = SplitResult("dev")
    for page_id in SAMPLE:
        expected = json.loads((PAGES_DIR / "gold" / f"{page_id}.json").read_text(encoding="utf-8"))["metadata"]
        predicted = json.loads((out / f"{page_id}.json").read_text(encoding="utf-8"))["metadata"]
        score_page(result, page_id, expected, predicted)
    match = re.search(r"Metadata stated-field accuracy: (\d\.\d{3})", output)
    assert match and match.group(1) == f"{result.stated_mean:.3f}"
    # The per-field table is the metadata benchmark's, over the same outputs.
    table = output.split("Metadata per field", 1)[1].split("\n\n", 1)[0]
    assert table.split("\n")[1:] == field_table(result)
    assert "| author affiliation |" in table and "| title |" in table


def test_a_page_whose_text_no_longer_matches_its_gold_is_refused(tmp_path):
    pages = tmp_path / "pages"
    for name in ("raw", "gold"):
        (pages / name).mkdir(parents=True)
    page_id = "p05_plain_mercosur"
    shutil.copy(PAGES_DIR / "raw" / f"{page_id}.txt", pages / "raw" / f"{page_id}.txt")
    gold = json.loads((PAGES_DIR / "gold" / f"{page_id}.json").read_text(encoding="utf-8"))
    gold["text_sha256"] = "0" * 64
    (pages / "gold" / f"{page_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    (pages / "split.json").write_text(json.dumps({page_id: "dev"}), encoding="utf-8")
    with pytest.raises(PagesSetError, match="build_pages.py"):
        run_benchmark(("dev",), pages_dir=pages, echo=lambda _: None)


def test_an_unknown_page_is_an_error_that_names_the_pages():
    result = CliRunner().invoke(app, ["benchmark", "pages", "--page", "p99_missing"])
    assert result.exit_code == 2
    assert "p01_cyber_au_somalia" in result.output


def test_the_builder_reports_an_html_mention_outside_the_visible_text_without_crashing(tmp_path):
    """A mention the HTML-to-text step drops (in an attribute) leaves the page without offsets: the builder says so
    and skips the page's relation lines instead of failing on them."""
    source = (PAGES_DIR / "src" / "p08_journal_html_arctic.html").read_text(encoding="utf-8")
    broken = source.replace("<body>", '<body>\n<img src="map.png" alt="[Tromsø|LOC]">', 1)
    assert broken != source
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "p08_journal_html_arctic.html").write_text(broken, encoding="utf-8")
    pages, errors = _build_module().build(tmp_path)
    assert pages == []
    assert [e for e in errors if "not in the visible text" in e]
