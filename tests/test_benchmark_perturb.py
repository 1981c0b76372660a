"""The perturbation harness (textmine benchmark perturbations): its transforms keep the expected values printed,
are deterministic by seed, and never read the frozen test half."""

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.evaluation.benchmarks.metadata import load_layouts, normalise
from textmine.evaluation.benchmarks.perturb import (TRANSFORMS, Page, dev_pages, page_text, perturb, render,
                                                    run_perturbations, values_printed)

# A made-up page (not from the seed or the layout set) with markers, ORCID, e-mail and a byline of three names.
PAGE = Page("p_made_up", """Journal of Invented Studies. 2021. Vol. 4, No. 2

Dune patterns on the Kalmyk steppe

Ivan Petrov1, O. V. Sidorova2,* and Marta Kovač1

1 Steppe Research Institute, Elista, Russia
2 Caspian University of Geography, Astrakhan, Russia
* E-mail: sidorova@caspian.example.org
ORCID: https://orcid.org/0000-0002-1825-0097

Abstract
We map dune patterns over ten years of satellite images and find that the fields move east.
""", "txt", {
    "title": "Dune patterns on the Kalmyk steppe", "journal": "Journal of Invented Studies", "year": 2021,
    "volume": "4", "issue": "2",
    "authors": [
        {"name": "Ivan Petrov", "orcid": None, "email": None, "affiliation": "Steppe Research Institute"},
        {"name": "O. V. Sidorova", "orcid": "0000-0002-1825-0097", "email": "sidorova@caspian.example.org",
         "affiliation": "Caspian University of Geography"},
        {"name": "Marta Kovač", "orcid": None, "email": None, "affiliation": "Steppe Research Institute"},
    ]})


def _transform(name):
    return next(t for t in TRANSFORMS if t.name == name)


def test_every_transform_keeps_the_expected_values_printed():
    skipped = set()
    for transform in TRANSFORMS:
        new = perturb(PAGE, transform, seed=1)
        if new is None:
            skipped.add(transform.name)
            continue
        assert new.content != PAGE.content
        text = normalise(page_text(new))
        for author in new.metadata["authors"]:
            for key in ("name", "email", "orcid", "affiliation"):
                if author[key]:
                    assert normalise(author[key]) in text, (transform.name, key)
        assert normalise(new.metadata["title"]) in text and new.metadata["year"] == 2021
    # names on one comma-separated line, digit markers already, a star marker, no name-only lines: nothing to change
    assert skipped == {"surname_comma_given", "markers_digits", "markers_daggers", "authors_joined"}


def test_name_transforms_rewrite_the_expected_names_as_printed():
    capitals = perturb(PAGE, _transform("names_capitals"), seed=1)
    assert [a["name"] for a in capitals.metadata["authors"]] == ["IVAN PETROV", "O. V. SIDOROVA", "MARTA KOVAČ"]
    assert "IVAN PETROV1" in capitals.content and "Ivan Petrov" not in capitals.content
    inverted = perturb(PAGE, _transform("initials_after_surname"), seed=1)
    assert inverted.metadata["authors"][1]["name"] == "Sidorova O. V." and "Sidorova O. V.2" in inverted.content
    spaced = perturb(PAGE, _transform("initials_respaced"), seed=1)
    assert spaced.metadata["authors"][1]["name"] == "O.V. Sidorova"
    # three names on one line, separated by commas: "Petrov, Ivan" would read as two items, so it is not applied
    assert perturb(PAGE, _transform("surname_comma_given"), seed=1) is None


def test_marker_restyling_changes_names_and_institution_lines_together():
    letters = perturb(PAGE, _transform("markers_letters"), seed=1)
    assert "Ivan Petrovᵃ, O. V. Sidorovaᵇ,*" in letters.content
    assert "ᵃ Steppe Research Institute" in letters.content and "ᵇ Caspian University" in letters.content
    assert letters.metadata == PAGE.metadata
    # a page whose names carry no markers has nothing to restyle
    plain = Page("p", PAGE.content.replace("Petrov1", "Petrov").replace("Sidorova2,*", "Sidorova").replace("Kovač1", "Kovač"),
                 "txt", PAGE.metadata)
    assert perturb(plain, _transform("markers_superscript"), seed=1) is None


def test_a_transform_that_would_lose_a_value_is_skipped():
    # the title is printed only once and contains the author's name: reprinting the name would change the title
    page = Page("p", "Ivan Petrov and the steppe\n\nIvan Petrov\nSteppe Research Institute\n", "txt",
                {"title": "Ivan Petrov and the steppe", "authors": [{"name": "Ivan Petrov", "affiliation": "Steppe Research Institute"}]})
    assert perturb(page, _transform("names_capitals"), seed=1) is None
    assert values_printed(page)
    assert not values_printed(Page("p", "nothing here", "txt", page.metadata))


def test_transforms_are_deterministic_by_seed():
    for name in ("orcid_printing", "email_labels"):
        first, again = perturb(PAGE, _transform(name), seed=5), perturb(PAGE, _transform(name), seed=5)
        assert first is not None and first.content == again.content
    printings = {perturb(PAGE, _transform("email_labels"), seed=seed).content for seed in range(12)}
    assert len(printings) > 1  # the seed chooses the label


def test_html_rendering_is_read_through_the_html_path():
    page = perturb(PAGE, _transform("as_html"), seed=1)
    assert page.format == "html" and page.content.startswith("<!DOCTYPE html>") and "<br>" in page.content
    assert "Ivan Petrov" in page_text(page) and "<p>" not in page_text(page)


def test_dev_pages_never_include_the_test_half():
    ids = {page.id for page in dev_pages()}
    test_ids = {gold["id"] for _, gold in load_layouts()["test"]}
    assert ids == {gold["id"] for _, gold in load_layouts()["dev"]} and not ids & test_ids
    assert "l01_pdfhead_ecology" in ids and "l02_pdfhead_law" not in ids


def test_run_scores_each_transform_beside_the_unperturbed_pages():
    def system(pages):  # reads the byline perfectly when the names are printed as on the original page
        return {page.id: page.metadata if "~" not in page.id or "crlf" in page.id else {} for page in pages}

    results = run_perturbations(("crlf", "names_capitals"), seed=1, pages=[PAGE], extract=system)
    by_name = {r.transform.name: r for r in results}
    assert by_name["crlf"].perturbed.stated_mean == 1.0 and not by_name["crlf"].failures
    assert by_name["names_capitals"].perturbed.stated_mean == 0.0 and by_name["names_capitals"].unperturbed.stated_mean == 1.0
    assert any(field == "authors" for _, field, _ in by_name["names_capitals"].failures)
    table = render(results, show_failures=True)
    assert "| crlf | 1 | 1.000 (1.000)" in table and "p_made_up | names_capitals | authors" in table
    with pytest.raises(ValueError, match="unknown transform"):
        run_perturbations(("no_such",), pages=[PAGE], extract=system)


def test_perturbations_command_runs_one_transform():
    result = CliRunner().invoke(app, ["benchmark", "perturbations", "-t", "trailing_spaces", "--pages", "3"])
    assert result.exit_code == 0, result.output
    assert "| trailing_spaces | 3 |" in result.output
    assert CliRunner().invoke(app, ["benchmark", "perturbations", "-t", "nope"]).exit_code == 2
