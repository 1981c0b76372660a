"""The layout benchmark (textmine benchmark metadata): its scoring rules and its command."""

import json

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.evaluation.benchmarks.metadata import EXTRA_DEV_DIRS, FIELDS, SplitResult, load_layouts, render, score_page


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
    assert set(halves) == {"dev", "test"} and len(halves["test"]) == 14
    # the dev-only batch joins dev; the frozen test half keeps only corpus/layouts/ pages
    batch = sum(len(json.loads((directory / "split.json").read_text(encoding="utf-8"))["layouts"]) for directory in EXTRA_DEV_DIRS)
    assert batch >= 216 and len(halves["dev"]) == 14 + batch
    assert all(path.parent.name == "layouts" for path, _ in halves["test"])
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


def test_an_added_batch_may_not_put_pages_in_the_test_half(tmp_path):
    import json
    from textmine.evaluation.benchmarks.metadata import LAYOUTS_DIR
    (tmp_path / "split.json").write_text(json.dumps({"layouts": [{"id": "z1", "split": "test"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="dev only"):
        load_layouts(LAYOUTS_DIR, [tmp_path])


@pytest.mark.parametrize("folder", ["layouts", "layouts-metadata"])
def test_the_layout_sets_pass_their_checker(folder):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, str(root / "scripts" / "check_layouts.py"), str(root / "corpus" / folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout
