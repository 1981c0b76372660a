"""The layout benchmark (textmine benchmark metadata): its scoring rules and its command."""

import json

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.evaluation.benchmarks.metadata import (ADDED_DIRS, FIELDS, LAYOUTS_DIR, SplitResult, load_layouts, render,
                                                     run_benchmark, score_page)


def test_stated_and_unstated_fields_are_scored_apart():
    result = SplitResult("dev")
    expected = {"title": "A  title", "journal": None, "year": 2020, "volume": None, "issue": "3(45)",
                "authors": [{"name": "Anna K. Orr", "orcid": None, "email": "a@x.example", "affiliation": "X University"},
                            {"name": "B. Lee", "orcid": "0000-0002-1825-0097", "email": None, "affiliation": None}]}
    predicted = {"title": "A title", "journal": "Invented Journal", "year": 2021, "volume": None, "issue": "3",
                 "authors": [{"name": "Anna  K. Orr", "orcid": None, "email": "a@x.example", "affiliation": "X university"},
                             {"name": "Home Page", "orcid": None, "email": "b@x.example", "affiliation": None}]}
    score_page(result, "p1", expected, predicted)
    fields = result.fields
    assert (fields["title"].right, fields["title"].stated) == (1, 1)  # whitespace runs compare as one space
    assert (fields["journal"].filled, fields["journal"].unstated) == (1, 1)  # a value the page does not state is an error
    assert fields["year"].right == 0 and fields["issue"].right == 0
    assert (fields["volume"].filled, fields["volume"].unstated) == (0, 1)
    assert result.figure("authors") == 0.5  # one of two names found, one of two predicted
    assert fields["author affiliation"].right == 0  # case counts
    assert (fields["author email"].right, fields["author email"].stated) == (1, 1)
    assert (fields["author orcid"].right, fields["author orcid"].stated) == (0, 1)  # B. Lee was not found
    assert result.unstated_filled == (1, 1 + 1 + 3)  # journal, volume, three empty author values
    assert any("journal" in error for error in result.errors)


def test_a_page_without_authors_is_an_unstated_field():
    result = SplitResult("dev")
    score_page(result, "p", {"authors": []}, {"authors": [{"name": "Skip Navigation"}]})
    assert (result.fields["authors"].filled, result.fields["authors"].unstated) == (1, 1)
    assert result.figure("authors") == 0.0


def test_layout_set_halves_and_render():
    halves = load_layouts()
    assert set(halves) == {"dev", "test"}
    # the dev-only batch joins dev; the whole-page batch (frozen_test) adds its own test pages to the test half
    added = [item for directory in ADDED_DIRS
             for item in json.loads((directory / "split.json").read_text(encoding="utf-8"))["layouts"]]
    assert len(halves["test"]) == 14 + sum(item["split"] == "test" for item in added) == 14 + 12
    assert len(halves["dev"]) == 14 + sum(item["split"] == "dev" for item in added) >= 14 + 246 + 12 + 12
    assert {path.parent.name for path, _ in halves["test"]} == {"layouts", "layouts-wholepage"}
    text = render(SplitResult("test"))
    assert "test half" in text and all(name in text for name in ("title", "volume", "author orcid"))


def test_benchmark_command_on_the_dev_half():
    result = CliRunner().invoke(app, ["benchmark", "metadata", "--half", "dev"])
    assert result.exit_code == 0, result.output
    pages = len(load_layouts()["dev"])
    assert f"dev half ({pages} pages)" in result.output and "stated fields" in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("| ")]) == 1 + len(FIELDS)


def test_benchmark_command_rejects_an_unknown_half():
    result = CliRunner().invoke(app, ["benchmark", "metadata", "--half", "train"])
    assert result.exit_code == 2


def _batch(directory, split, pages, **keys):
    """A made-up layout batch: split.json (with ``keys``) and one expected file per (id, metadata)."""
    directory.mkdir(exist_ok=True)
    layouts = [{"id": ident, "shape": "made-up", "format": "txt", "split": split} for ident, _ in pages]
    (directory / "split.json").write_text(json.dumps({"layouts": layouts, **keys}), encoding="utf-8")
    for ident, metadata in pages:
        (directory / f"{ident}.txt").write_text("page\n", encoding="utf-8")
        (directory / f"{ident}.json").write_text(json.dumps({"id": ident, "file": f"{ident}.txt", "metadata": metadata}),
                                                 encoding="utf-8")
    return directory


def test_an_added_batch_may_not_put_pages_in_the_test_half(tmp_path):
    _batch(tmp_path, "test", [("z1", {})])
    with pytest.raises(ValueError, match="dev only"):
        load_layouts(LAYOUTS_DIR, [tmp_path])
    _batch(tmp_path, "test", [("z1", {})], frozen_test=False)  # only a literal true opens the test half
    with pytest.raises(ValueError, match="frozen_test"):
        load_layouts(LAYOUTS_DIR, [tmp_path])


def test_an_added_batch_with_frozen_test_contributes_test_pages(tmp_path):
    _batch(tmp_path, "test", [("z1", {}), ("z2", {})], frozen_test=True, frozen_on="2026-12-07")
    halves = load_layouts(LAYOUTS_DIR, [tmp_path])
    assert [path.name for path, _ in halves["test"][-2:]] == ["z1.txt", "z2.txt"]
    assert len(halves["test"]) == 14 + 2 and all(path.parent.name == "layouts" for path, _ in halves["test"][:14])


def test_each_half_is_also_scored_and_rendered_per_set(tmp_path):
    right = {"title": "Ice roads of the Lena", "journal": None, "year": 2020, "volume": None, "issue": None, "authors": []}
    base = _batch(tmp_path / "base", "test", [("b1", right)])
    batch = _batch(tmp_path / "batch", "test", [("n1", right), ("n2", dict(right, title="Reindeer counts"))],
                   frozen_test=True)

    def system(paths):  # reads every page as b1's metadata: right on b1 and n1, a wrong title on n2
        return {path.name: {**right, "journal": "Filled Anyway" if path.stem == "n2" else None} for path in paths}

    [result] = run_benchmark(("test",), base, system, [batch])
    assert result.pages == 3 and list(result.sets) == ["base", "batch"]
    assert (result.sets["base"].pages, result.sets["batch"].pages) == (1, 2)
    assert result.sets["batch"].fields["title"].right == 1 and result.sets["batch"].unstated_filled == (1, 8)
    lines = render(result).splitlines()
    assert lines[lines.index("by set (test half):") + 1:] == [
        "  set base: 1 pages, stated fields 1.000, unstated filled 0 / 4 = 0.000",
        "  set batch: 2 pages, stated fields 0.750, unstated filled 1 / 8 = 0.125"]


@pytest.mark.parametrize("folder", ["layouts", "layouts-metadata", "layouts-wholepage",
                                    "layouts-wholepage-dev2"])
def test_the_layout_sets_pass_their_checker(folder):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, str(root / "scripts" / "check_layouts.py"), str(root / "corpus" / folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout
