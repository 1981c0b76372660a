"""The place where an organisation was founded, names inside titles, and an organisation's seat (events9 round); made-up
sentences, none from the seed page or from corpus/pages."""

from __future__ import annotations

import pytest

from test_relation_patterns import hits, make_doc as make_doc_in_order, vetoed


def make_doc(text, spans):
    """``make_doc`` with the spans sorted by where they first stand in the text."""
    return make_doc_in_order(text, sorted(spans, key=lambda span: text.index(span[0])))


@pytest.mark.parametrize(
    "text",
    [
        "The Zambezi Basin Council was founded in Lusaka in 1995.",
        "The Zambezi Basin Council, established in Lusaka in 1995, publishes a yearbook.",
        "Founded in Lusaka in 1995, the Zambezi Basin Council publishes a yearbook.",
        "The Zambezi Basin Council, which was created in Lusaka, publishes a yearbook.",
        "Four states formed the Zambezi Basin Council in Lusaka in 1995.",
    ],
)
def test_the_place_of_a_founding_is_not_where_the_organisation_is(text):
    found = vetoed(make_doc(text, [("Zambezi Basin Council", "ORG"), ("Lusaka", "LOC")]))
    assert "founding_place" in found[("Zambezi Basin Council", "Lusaka")]


@pytest.mark.parametrize(
    "text",
    [
        "The Zambezi Basin Council is based in Lusaka.",
        "The Zambezi Basin Council, founded in 1995, moved its secretariat to Lusaka.",
        "The Zambezi Basin Council was founded in 1995; its office in Lusaka opened later.",
        # the founding of something else in the city
        "The Zambezi Basin Council praised the school founded in Lusaka.",
    ],
)
def test_a_seat_or_another_founding_is_no_founding_place_of_the_organisation(text):
    found = vetoed(make_doc(text, [("Zambezi Basin Council", "ORG"), ("Lusaka", "LOC")]))
    assert "founding_place" not in found[("Zambezi Basin Council", "Lusaka")]


def test_a_heading_without_a_verb_names_without_stating():
    doc = make_doc_in_order(
        "The Andean Parliament in a Divided Amazon\n\nThe Andean Parliament met in Lima in 2019.",
        [("Andean Parliament", "ORG"), ("Amazon", "LOC"), ("Andean Parliament", "ORG"), ("Lima", "LOC")],
    )
    found = vetoed(doc)
    assert "title_of_a_work" in found[("Andean Parliament", "Amazon")]
    assert "title_of_a_work" not in found[("Andean Parliament", "Lima")]


def test_an_affiliation_line_with_a_position_or_a_department_is_not_a_title():
    doc = make_doc_in_order(
        "Regional Integration in the Andes\n\nAnna Berg, PhD, Senior Lecturer, University of Oslo\n\n"
        "Fridtjof Nansen Institute, Department of Politics, Oslo\n\nAbstract. This article studies it.",
        [("Andes", "LOC"), ("Anna Berg", "PERSON"), ("University of Oslo", "ORG"), ("Fridtjof Nansen Institute", "ORG"),
         ("Department of Politics", "ORG"), ("Oslo", "LOC")],
    )
    found = vetoed(doc)
    assert "title_of_a_work" not in found[("Anna Berg", "University of Oslo")]
    assert "title_of_a_work" not in found[("Fridtjof Nansen Institute", "Oslo")]


@pytest.mark.parametrize(
    "text",
    [
        # a heading with a finite verb is a sentence
        "The Andean Parliament opens an office in Quito\n\nIt did so in 2019.",
        # the first line of a paragraph of prose wrapped at a fixed width
        "In 2019 the Andean Parliament in Quito\nadopted a new rule on the budget of its members.",
        "Preface\n\nIn 2019 the Andean Parliament in Quito\nadopted a new rule on the budget of its members.",
        # an ordinary sentence with a full stop
        "The Andean Parliament in Quito adopted a rule.",
        # an affiliation line on its own: names joined by commas
        "A. B. Rojas, Andean Parliament, Quito, Ecuador\n\nAbstract",
    ],
)
def test_prose_is_not_a_title(text):
    found = vetoed(make_doc(text, [("Andean Parliament", "ORG"), ("Quito", "LOC")]))
    assert "title_of_a_work" not in found[("Andean Parliament", "Quito")]


def test_a_gost_citations_authors_and_title_stand_before_the_double_slash():
    doc = make_doc("Mensah K. The Lake Chad Commission in a shrinking Sahel // Journal of Basin Studies. 2018. No. 2.",
                   [("Mensah K.", "PERSON"), ("Lake Chad Commission", "ORG"), ("Sahel", "LOC"), ("Journal of Basin Studies", "ORG")])
    found = vetoed(doc)
    assert "title_of_a_work" in found[("Lake Chad Commission", "Sahel")]
    assert "title_of_a_work" not in found[("Lake Chad Commission", "Journal of Basin Studies")]


def test_a_cited_works_title_names_without_stating():
    doc = make_doc(
        "Okoro, B. The Lake Chad Commission in a shrinking Sahel. Journal of Basin Studies, 2018, no. 2, pp. 5–19.",
        [("Okoro, B.", "PERSON"), ("Lake Chad Commission", "ORG"), ("Sahel", "LOC"), ("Journal of Basin Studies", "ORG"),
         ("2018", "DATE")],
    )
    assert "title_of_a_work" in vetoed(doc)[("Lake Chad Commission", "Sahel")]


@pytest.mark.parametrize(
    "text",
    [
        "The Zambezi Basin Council has its secretariat in Lusaka.",
        "The Zambezi Basin Council was founded in 1995 and is based in Lusaka.",
    ],
)
def test_a_seat_stated_by_have_or_by_a_second_verb(text):
    found = hits(make_doc(text, [("Zambezi Basin Council", "ORG"), ("Lusaka", "LOC")]))
    assert ("located_verb", "located_in") in found[("Zambezi Basin Council", "Lusaka")] or (
        ("seat_of", "located_in") in found[("Zambezi Basin Council", "Lusaka")]
    )


def test_a_second_verb_with_a_subject_of_its_own_is_not_the_first_subjects():
    found = hits(make_doc("The Zambezi Basin Council is based in Lusaka, and its river police are stationed at Kariba since 1990.",
                          [("Zambezi Basin Council", "ORG"), ("Lusaka", "LOC"), ("Kariba", "LOC")]))
    assert ("located_verb", "located_in") in found[("Zambezi Basin Council", "Lusaka")]
    assert ("located_verb", "located_in") not in found.get(("Zambezi Basin Council", "Kariba"), [])
