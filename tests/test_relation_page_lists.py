"""Whole-page contexts where pair candidates abound and few relations hold (rel11): lists of cited works in a
catalogue's wrapper, an article's title right above its byline, and a list of people each with an organisation in
brackets. No sentence here is from the seed page or the challenge passages."""

from __future__ import annotations

from textmine.stages.relations import candidates
from textmine.stages.relations.classify import examples, parse

from test_relation_patterns import make_doc  # documents with entities by surface

RELATED_ARTICLES = (
    "Related articles\n"
    "Okafor N. The Lake Chad Basin Commission and Niger: a decade of drought\n"
    "Mbeki T., Zulu S. Fishing rights on Lake Kariba after the Harare Summit\n"
    "Pereira L. Soy exports through Paranaguá"
)
RELATED_ENTITIES = [("Okafor N.", "PERSON"), ("Lake Chad Basin Commission", "ORG"), ("Niger", "LOC"),
                    ("Mbeki T.", "PERSON"), ("Zulu S.", "PERSON"), ("Lake Kariba", "LOC"), ("Harare Summit", "EVENT"),
                    ("Pereira L.", "PERSON"), ("Paranaguá", "LOC")]


def test_each_line_of_a_list_of_cited_works_is_one_reference_entry():
    doc = make_doc(RELATED_ARTICLES, RELATED_ENTITIES)
    lines = [doc.text[s:e] for s, e in candidates.cited_work_lines(doc)]
    assert lines == RELATED_ARTICLES.split("\n")[1:]
    pairs = {(c.head.text, c.tail.text): c.block for c in candidates.generate(doc, parse(doc))}
    # no pair across two entries; pairs inside one entry are a cited work's
    assert ("Okafor N.", "Harare Summit") not in pairs and ("Mbeki T.", "Lake Chad Basin Commission") not in pairs
    assert pairs[("Zulu S.", "Harare Summit")] == "cited"


def test_an_entry_of_a_list_of_cited_works_states_nothing_between_its_names():
    doc = make_doc(RELATED_ARTICLES, RELATED_ENTITIES)
    vetoes = {(x.candidate.head.text, x.candidate.tail.text): x.vetoes for x in examples(doc, parse(doc))}
    assert "cited_work_entry" in vetoes[("Harare Summit", "Lake Kariba")]
    assert "cited_work_entry" in vetoes[("Lake Chad Basin Commission", "Niger")]


def test_an_author_line_and_a_single_name_line_are_not_a_list_of_cited_works():
    byline = make_doc("Rivers of the Sahel\nAmadou Sow PhD, senior lecturer, University of Niamey\n\nSow K. Water in Mali",
                      [("Sahel", "LOC"), ("Amadou Sow", "PERSON"), ("University of Niamey", "ORG"), ("Sow K.", "PERSON"),
                       ("Mali", "LOC")])
    assert candidates.cited_work_lines(byline) == []


def test_an_articles_title_right_above_its_byline_names_without_stating():
    doc = make_doc("The Maputo Summit of 2017 and the future of SADC\nLerato Dlamini\nUniversity of Botswana, Gaborone",
                   [("Maputo Summit", "EVENT"), ("2017", "DATE"), ("SADC", "ORG"), ("Lerato Dlamini", "PERSON"),
                    ("University of Botswana", "ORG"), ("Gaborone", "LOC")])
    vetoes = {(x.candidate.head.text, x.candidate.tail.text): x.vetoes for x in examples(doc, parse(doc))}
    assert "title_of_a_work" in vetoes[("Maputo Summit", "2017")]


def test_a_first_line_above_prose_is_not_a_title_above_a_byline():
    doc = make_doc("The Maputo Summit of 2017 was held in August\nand SADC met again in 2018.",
                   [("Maputo Summit", "EVENT"), ("2017", "DATE"), ("SADC", "ORG"), ("2018", "DATE")])
    vetoes = {(x.candidate.head.text, x.candidate.tail.text): x.vetoes for x in examples(doc, parse(doc))}
    assert "title_of_a_work" not in vetoes[("Maputo Summit", "2017")]


def test_an_organisation_in_brackets_after_another_persons_name_is_that_persons():
    doc = make_doc("Advisory board: Aroha Ngata (Massey University, Palmerston North); Sione Tupou (University of the South Pacific)",
                   [("Aroha Ngata", "PERSON"), ("Massey University", "ORG"), ("Palmerston North", "LOC"),
                    ("Sione Tupou", "PERSON"), ("University of the South Pacific", "ORG")])
    vetoes = {(x.candidate.head.text, x.candidate.tail.text): x.vetoes for x in examples(doc, parse(doc))}
    assert "bracket_of_another_person" in vetoes[("Aroha Ngata", "University of the South Pacific")]
    assert "bracket_of_another_person" not in vetoes[("Aroha Ngata", "Massey University")]
    assert "bracket_of_another_person" not in vetoes[("Sione Tupou", "University of the South Pacific")]
