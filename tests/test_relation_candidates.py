"""Relation candidates: paragraphs, reference and author blocks, name pairs, and anaphors of other kinds.

Written against the survivors of a mutation run over
pipeline/stages/relations/candidates.py (docs/testing.md); every name below is
made up, none is from the seed page. Each test name holds "candidate", so the
module's row in scripts/mutation.sh (selection by `-k`) runs them.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from textmine.document import Document, Entity
from textmine.stages.relations import candidates
from textmine.stages.relations.classify import parse


def make_doc(text: str, spans: list[tuple[str, str]], **kwargs) -> Document:
    """Entities at the first occurrences (after the previous one) of the given strings."""
    entities, pos = [], 0
    for i, (surface, label) in enumerate(spans, 1):
        start = text.index(surface, pos)
        entities.append(Entity(f"T{i}", start, start + len(surface), label, surface))
        pos = start + len(surface)
    return Document(id="c", text=text, entities=entities, **kwargs)


def generate(doc: Document) -> list[candidates.Candidate]:
    return candidates.generate(doc, parse(doc))


# ---------------------------------------------------------------- paragraphs and blocks


def test_candidate_paragraphs_are_the_text_between_blank_lines():
    text = "First para.\nSame para.\n\n  \nSecond.\n\n5\n\nLast one"
    spans = candidates.paragraphs(text)
    assert [text[s:e].strip() for s, e in spans] == ["First para.\nSame para.", "Second.", "5", "Last one"]


def test_candidate_reference_blocks_come_from_the_metadata_even_unnumbered():
    text = "Body text about the Oskar Council.\nSmith J. Report of the Oskar Council. Kordabad, 2019.\n"
    start = text.index("Smith")
    end = text.index("\n", start)
    doc = make_doc(text, [("Oskar Council", "ORG")])
    doc.metadata = {"references": [{"start": start, "end": end}]}
    assert candidates.reference_blocks(doc) == [(start, end)]


def test_candidate_reference_lines_without_metadata_need_a_number_and_a_url_or_slashes():
    text = (
        "1. Smith J. Oskar Council // Kordabad Review. 2019. No. 4.\n"
        "2. Brown T. Vellmor Union. URL: https://example.org/vu\n"
        "3. Lopez M. A report with neither.\n"
        "Text // with slashes but no number.\n"
    )
    lines = text.split("\n")
    first = (0, len(lines[0]))
    second = (len(lines[0]) + 1, len(lines[0]) + 1 + len(lines[1]))
    assert candidates.reference_blocks(Document(id="r", text=text)) == [first, second]


def test_candidate_reference_entries_without_offsets_or_empty_are_passed_over_for_the_numbered_lines():
    text = "Body about the Vellmor Union.\n4. Brown T. Vellmor Union yearbook // Review. 2019.\n"
    line = text.split("\n")[1]
    start = text.index(line)
    doc = Document(id="e", text=text, metadata={"references": [{"text": "Brown T. Vellmor Union yearbook"}, {"start": 20, "end": 20}]})
    assert candidates.reference_blocks(doc) == [(start, start + len(line))]


def test_candidate_reference_line_with_a_bare_www_address_counts():
    text = "Body about the Vellmor Union.\n4. Brown T. Vellmor Union yearbook. www.vellmor.example/yearbook\n5. Brown T. Notes.\n"
    line = text.split("\n")[1]
    start = text.index(line)
    assert candidates.reference_blocks(Document(id="w", text=text)) == [(start, start + len(line))]


def test_a_sentence_touching_a_block_stays_a_candidate_sentence():
    # The parse is given: spaCy puts the newline in the earlier sentence, so a block ending right where a
    # sentence starts comes from the metadata's reference offsets.
    text = "Intro line.Smith J. Oskar Council report.Closing line."
    ref_start, ref_end = text.index("Smith"), text.index("Closing")
    doc = Document(id="s", text=text, metadata={"references": [{"start": ref_start, "end": ref_end}]})
    parsed = SimpleNamespace(sents=[
        SimpleNamespace(start_char=0, end_char=ref_start),
        SimpleNamespace(start_char=ref_start, end_char=ref_end),
        SimpleNamespace(start_char=ref_end, end_char=len(text)),
    ])
    assert candidates.sentence_spans(doc, parsed) == [(0, ref_start), (ref_start, ref_end), (ref_end, len(text))]


# A line of names, short lines under it naming an organisation, a blank line, then more short lines.
NAME_LINES = (
    "Water sharing in the Vellmor basin\n"
    "Ferreira L.*, Rojas M. \n"
    "Oskar University, Kordabad\n"
    "\n"
    "Received 3 May 2020\n"
    "The rivers of the basin have been shared by treaty for a long time, and Maria Lopez wrote about it first.\n"
)


def name_lines_doc(text: str = NAME_LINES, org: str = "ORG") -> Document:
    return make_doc(text, [("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Oskar University", org), ("Kordabad", "LOC"),
                           ("Maria Lopez", "PERSON")])


def test_candidate_author_block_is_the_name_line_and_the_short_lines_under_it():
    doc = name_lines_doc()
    start = NAME_LINES.index("Ferreira")
    end = NAME_LINES.index("\n", NAME_LINES.index("Kordabad"))
    assert candidates.author_block(doc) == (start, end)
    cands = generate(doc)
    author = {(c.head.text, c.tail.text) for c in cands if c.block == "author"}
    assert ("Ferreira L.", "Oskar University") in author and ("Rojas M.", "Oskar University") in author
    # the body's person is in no author-block candidate
    assert not any("Maria Lopez" in pair for pair in author)


def test_candidate_author_block_needs_an_organisation_under_the_names():
    assert candidates.author_block(name_lines_doc(org="LOC")) is None


def test_candidate_author_block_after_a_title_that_names_a_person():
    text = "Letters of Tom Brown from the Vellmor basin\n" + NAME_LINES.split("\n", 1)[1]
    doc = make_doc(text, [("Tom Brown", "PERSON"), ("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Oskar University", "ORG"),
                          ("Kordabad", "LOC")])
    assert candidates.author_block(doc) == (text.index("Ferreira"), text.index("\n", text.index("Kordabad")))


def test_candidate_author_block_with_windows_line_ends():
    text = NAME_LINES.replace(" \n", "\n").replace("\n", "\r\n")
    doc = name_lines_doc(text)
    start = text.index("Ferreira")
    assert candidates.author_block(doc) == (start, text.index("\n", text.index("Kordabad")))


# ---------------------------------------------------------------- pairs


def test_no_candidate_between_two_mentions_of_the_same_multiword_name():
    text = "The Oskar Council thanked the oskar  council and Norland."
    doc = make_doc(text, [("Oskar Council", "ORG"), ("oskar  council", "ORG"), ("Norland", "LOC")])
    found = {(c.head.text, c.tail.text) for c in generate(doc)}
    assert found == {("Oskar Council", "Norland"), ("Norland", "Oskar Council"),
                     ("oskar  council", "Norland"), ("Norland", "oskar  council")}


def test_candidates_within_a_sentence_have_no_proxy_and_use_their_own_spans():
    text = "Norland joined the Oskar Council in 2003."
    doc = make_doc(text, [("Norland", "LOC"), ("Oskar Council", "ORG"), ("2003", "DATE")])
    cands = generate(doc)
    assert cands and all(c.proxy is None for c in cands)
    for c in cands:
        assert c.span("head") == (c.head.start, c.head.end) and c.span("tail") == (c.tail.start, c.tail.end)


# ---------------------------------------------------------------- anaphors of other kinds


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        # possessive pronoun
        ("The Vellmor Union grew fast. Its members met in Kordabad.", [("Vellmor Union", "ORG"), ("Kordabad", "LOC")],
         ("Vellmor Union", "Kordabad", "Its")),
        ("The Vellmor Union grew fast. Their members met in Kordabad.", [("Vellmor Union", "ORG"), ("Kordabad", "LOC")],
         ("Vellmor Union", "Kordabad", "Their")),
        # object pronoun, of a verb and of a preposition
        ("The Oskar Council was founded in 2001. Norland joined it in 2003.",
         [("Oskar Council", "ORG"), ("2001", "DATE"), ("Norland", "LOC"), ("2003", "DATE")], ("Oskar Council", "Norland", "it")),
        ("The Steppe Shield exercise was large. Norland took part in it.", [("Steppe Shield", "EVENT"), ("Norland", "LOC")],
         ("Steppe Shield", "Norland", "it")),
        # object pronoun referring back into its own sentence, across clauses
        ("The Steppe Shield exercise was held in Kordabad, and Norland took part in it.",
         [("Steppe Shield", "EVENT"), ("Kordabad", "LOC"), ("Norland", "LOC")], ("Steppe Shield", "Norland", "it")),
        # elided object: the verb stands for the organisation
        ("The Oskar Council was founded in 2001. Moldova joined in 2003.",
         [("Oskar Council", "ORG"), ("2001", "DATE"), ("Moldova", "LOC"), ("2003", "DATE")], ("Oskar Council", "Moldova", "joined")),
        # a name inside the description does not stop the names after it
        ("The Vellmor Union grew fast. The Kordabad organization opened an office in Norland.",
         [("Vellmor Union", "ORG"), ("Kordabad", "LOC"), ("Norland", "LOC")],
         ("Vellmor Union", "Norland", "The Kordabad organization")),
    ],
)
def test_candidate_through_a_possessive_object_or_elided_anaphor(text, spans, expected):
    doc = make_doc(text, spans)
    cands = [c for c in generate(doc) if c.proxy is not None]
    found = {(c.head.text, c.tail.text, text[c.proxy[0]:c.proxy[1]]) for c in cands}
    assert expected in found
    for c in cands:
        # the proxy is a non-empty stretch of the candidate's sentence
        assert c.sentence[0] <= c.proxy[0] < c.proxy[1] <= c.sentence[1]



@pytest.mark.parametrize(
    "text, spans, pair, description",
    [
        ("The Vellmor Union was founded in 1994. This organization opened an office in Norland.",
         [("Vellmor Union", "ORG"), ("1994", "DATE"), ("Norland", "LOC")], {"Vellmor Union", "Norland"}, "This organization"),
        ("The Steppe Shield exercises began in May. These exercises were held in Kordabad.",
         [("Steppe Shield", "EVENT"), ("May", "DATE"), ("Kordabad", "LOC")], {"Steppe Shield", "Kordabad"}, "These exercises"),
        ("The Kordabad Summit opened on Monday. That summit was attended by Norland.",
         [("Kordabad Summit", "EVENT"), ("Monday", "DATE"), ("Norland", "LOC")], {"Kordabad Summit", "Norland"}, "That summit"),
        ("Norland signed the treaty with Vellmoria. Those countries joined the Oskar Council in 2003.",
         [("Norland", "LOC"), ("Vellmoria", "LOC"), ("Oskar Council", "ORG"), ("2003", "DATE")],
         {"Vellmoria", "Oskar Council"}, "Those countries"),
    ],
)
def test_candidate_through_a_description_opened_by_any_demonstrative(text, spans, pair, description):
    found = {(frozenset((c.head.text, c.tail.text)), text[c.proxy[0]:c.proxy[1]]) for c in generate(make_doc(text, spans)) if c.proxy}
    assert (frozenset(pair), description) in found


@pytest.mark.parametrize("naming", ["called", "named", "known as", "dubbed", "titled"])
def test_candidate_naming_sentence_with_each_naming_verb(naming):
    text = f"Large military exercises took place in Mongolia. They were {naming} Steppe Shield."
    doc = make_doc(text, [("Mongolia", "LOC"), ("Steppe Shield", "EVENT")])
    proxied = [c for c in generate(doc) if c.proxy is not None]
    # the name takes the place of the description the previous sentence is about, in both argument orders
    assert {(c.head.text, c.tail.text, text[c.proxy[0]:c.proxy[1]], c.proxy_role) for c in proxied} == {
        ("Steppe Shield", "Mongolia", "Large military exercises", "head"),
        ("Mongolia", "Steppe Shield", "Large military exercises", "tail"),
    }


def test_candidate_author_block_runs_over_lines_of_up_to_sixteen_words():
    sixteen = "Department of Water History and Policy, Faculty of Social Sciences, second building, room four, floor two"
    seventeen = sixteen + " east"
    assert (len(sixteen.split()), len(seventeen.split())) == (16, 17)
    for line, included in ((sixteen, True), (seventeen, False)):
        text = f"Water sharing in the Vellmor basin\nFerreira L.*, Rojas M.\nOskar University, Kordabad\n{line}\n\nBody text."
        doc = make_doc(text, [("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Oskar University", "ORG"), ("Kordabad", "LOC")])
        end = text.index("\n\n") if included else text.index("\n", text.index("Kordabad"))
        assert candidates.author_block(doc) == (text.index("Ferreira"), end)


def test_candidate_front_matter_ends_at_the_first_line_of_twenty_five_words():
    from textmine.document import Segment

    prose = ("The rivers of the Vellmor basin have been shared by treaty for a long time and the rules were "
             "written down by both river banks")
    assert len(prose.split()) == 25
    text = f"Water sharing in the Vellmor basin\nJ. K. Doe\nOskar University, Kordabad\n{prose}\nA short line.\n"
    doc = Document(id="f", text=text, segments=[Segment(0, len(text), "en", "article")])
    assert candidates.author_block(doc) == (text.index("J. K."), text.index("\n", text.index("Kordabad")))
    shorter = text.replace("both river banks", "both banks")  # 24 words: still front matter, and so no prose line ends it
    assert candidates.author_block(Document(id="f", text=shorter, segments=[Segment(0, len(shorter), "en", "article")])) is None


def test_candidate_fact_sheet_heading_is_a_name_alone_or_with_its_bracketed_short_name():
    text = ("Niger Basin Authority (NBA)\nMembers: Benin, Mali\n\n"
            "The Kordabad Forum met\nMembers: Ghana\n\n"
            "Oskar Council (OC) of 1990\nMembers: Norland\n\n"
            "Kordabad\nVenue: Bol\n")
    doc = make_doc(text, [("Niger Basin Authority", "ORG"), ("NBA", "ORG"), ("Benin", "LOC"), ("Mali", "LOC"),
                          ("Kordabad Forum", "EVENT"), ("Ghana", "LOC"), ("Oskar Council", "ORG"), ("OC", "ORG"),
                          ("Norland", "LOC"), ("Kordabad", "LOC"), ("Bol", "LOC")])
    lines = list(candidates._lines(text, 0, len(text)))
    headings = [candidates.fact_sheet_heading(doc, s, e) for s, e in lines]
    assert headings[0].text == "Niger Basin Authority"
    assert headings[1:] == [None] * (len(lines) - 1)  # not after "The", not before "of 1990", not a place, not a label line
    assert candidates.fact_sheet_blocks(doc) == [(0, text.index("\n\n"))]
    assert candidates.block_kinds(doc) == {(0, text.index("\n\n")): "factsheet"}


def test_candidate_sentences_given_by_a_converted_corpus_are_kept_and_have_no_blocks():
    text = "1. Norland joined the Oskar Council // Review. 2003.\nIt opened an office in Kordabad."
    split = [[0, text.index("\n")], [text.index("It"), len(text)]]
    doc = make_doc(text, [("Norland", "LOC"), ("Oskar Council", "ORG"), ("2003", "DATE"), ("Kordabad", "LOC")])
    doc.annotations["sentences"] = split
    assert candidates.sentence_spans(doc, SimpleNamespace(sents=[])) == [tuple(s) for s in split]
    assert candidates.block_kinds(doc) == {}
    cands = generate(doc)
    # pairs of the first sentence only: no reference block, and no paragraph case for "It"
    assert cands and all(c.sentence == tuple(split[0]) and c.proxy is None and c.block is None for c in cands)
    assert any(c.proxy is not None for c in candidates.generate(doc, parse(doc), with_paragraph_case=True))


@pytest.mark.parametrize("last", ["affiliation", "place"])
def test_candidate_author_block_from_the_metadata_spans_the_lines_of_authors_affiliations_and_places(last):
    # "By ..." is no line of names alone, so without the metadata there is no author block at all
    lines = {"affiliation": ("Oskar University", "ORG"), "place": ("Kordabad, Norland", "LOC")}
    order = ["place", "affiliation"] if last == "affiliation" else ["affiliation", "place"]
    text = "Water sharing in the Vellmor basin\nBy Ferreira Lucia and Rojas Mateo\n" + "\n".join(lines[k][0] for k in order)
    text += "\n\nBody text."
    spans = [("Ferreira Lucia", "PERSON"), ("Rojas Mateo", "PERSON")]
    spans += [(lines[k][0].split(",")[0], lines[k][1]) for k in order]
    doc = make_doc(text, spans)
    ids = {e.text: e.id for e in doc.entities}
    doc.metadata = {
        "authors": [{"entity": ids["Ferreira Lucia"], "affiliation_entity": ids["Oskar University"]},
                    {"entity": ids["Rojas Mateo"], "affiliation_entity": None}],
        "affiliation_place_entities": [ids["Kordabad"]],
    }
    assert candidates.author_block(doc) == (text.index("By "), text.index("\n\n"))
    doc.metadata = {"authors": [], "affiliation_place_entities": []}
    assert candidates.author_block(doc) is None


def test_candidate_author_block_from_the_metadata_on_the_line_after_a_leading_line_break():
    text = "\nBy Ferreira Lucia, Oskar University\n\nBody text."
    doc = make_doc(text, [("Ferreira Lucia", "PERSON"), ("Oskar University", "ORG")])
    doc.metadata = {"authors": [{"entity": "T1", "affiliation_entity": "T2"}]}
    assert candidates.author_block(doc) == (1, text.index("\n\n"))


@pytest.mark.parametrize(
    "text, spans",
    [
        # a description in object position stands for an earlier event only, not an organisation
        ("The Vellmor Union grew fast. Norland joined the organization in 2003.",
         [("Vellmor Union", "ORG"), ("Norland", "LOC"), ("2003", "DATE")]),
        # "an organization" is a new one, not the one named before
        ("The Vellmor Union grew fast. An organization opened an office in Norland.", [("Vellmor Union", "ORG"), ("Norland", "LOC")]),
    ],
)
def test_no_candidate_through_an_object_description_or_an_indefinite_one(text, spans):
    assert not [c for c in generate(make_doc(text, spans)) if c.proxy is not None]


def test_candidate_anaphor_after_a_sentence_without_names():
    text = "The Vellmor Union grew fast. Nothing changed for years. Its members met in Kordabad."
    cands = generate(make_doc(text, [("Vellmor Union", "ORG"), ("Kordabad", "LOC")]))
    assert ("Vellmor Union", "Kordabad", "Its") in {(c.head.text, c.tail.text, text[c.proxy[0]:c.proxy[1]]) for c in cands if c.proxy}


def test_candidate_naming_sentence_takes_the_subject_not_an_earlier_noun_of_the_clause():
    text = "Last year large military exercises took place in Mongolia. They were called Steppe Shield."
    doc = make_doc(text, [("Mongolia", "LOC"), ("Steppe Shield", "EVENT")])
    assert {text[c.proxy[0]:c.proxy[1]] for c in generate(doc) if c.proxy} == {"large military exercises"}


# ---------------------------------------------------------------- anaphora edge cases (mutation survivors of round 6)


def proxied(doc: Document, **kwargs) -> set[tuple[str, str, str]]:
    """(head, tail, anaphor text) of the candidates that go through an anaphor."""
    found = candidates.generate(doc, parse(doc), **kwargs)
    return {(c.head.text, c.tail.text, doc.text[c.proxy[0]:c.proxy[1]]) for c in found if c.proxy}


@pytest.mark.parametrize(
    "text, spans",
    [
        # the description's label is the only one named in its sentence
        ("The Vellmor Union grew fast. The organization of the Oskar Council met in May.",
         [("Vellmor Union", "ORG"), ("Oskar Council", "ORG")]),
        # other labels are named next to it too
        ("Steppe Shield 2019 ended in May. The exercises of Steppe Shield 2020 were held in Kordabad.",
         [("Steppe Shield 2019", "EVENT"), ("Steppe Shield 2020", "EVENT"), ("Kordabad", "LOC")]),
    ],
)
def test_candidate_none_through_a_description_next_to_a_name_of_its_label(text, spans):
    # "The exercises of Steppe Shield 2020" means Steppe Shield 2020, not the event named in the sentence before
    assert not proxied(make_doc(text, spans))


def test_candidate_mention_inside_a_description_is_not_paired_with_its_referent():
    text = "The Vellmor Union grew fast. The Norland organization opened an office in Kordabad."
    found = proxied(make_doc(text, [("Vellmor Union", "ORG"), ("Norland", "LOC"), ("Kordabad", "LOC")]))
    # "Norland" is part of "The Norland organization", which stands for the Vellmor Union: no pair of the two through it
    assert found == {("Vellmor Union", "Kordabad", "The Norland organization"), ("Kordabad", "Vellmor Union", "The Norland organization")}


def test_candidate_naming_takes_the_mention_after_the_verb_not_a_short_one_before_it():
    text = "A joint exercise took place in Mongolia. NATO called it Steppe Shield."
    doc = make_doc(text, [("Mongolia", "LOC"), ("NATO", "ORG"), ("Steppe Shield", "EVENT")])
    assert proxied(doc) == {("Steppe Shield", "Mongolia", "A joint exercise"), ("Mongolia", "Steppe Shield", "A joint exercise")}


def test_candidate_anaphor_after_a_naming_one_in_the_same_sentence():
    text = "The joint games began in Kordabad. They were called Steppe Shield, and it joined the Oskar Council."
    doc = make_doc(text, [("Kordabad", "LOC"), ("Steppe Shield", "EVENT"), ("Oskar Council", "ORG")])
    # "They were called" stands for "The joint games"; "it" is still tried after it and may stand for Steppe Shield
    assert ("Oskar Council", "Steppe Shield", "it") in proxied(doc)


def test_candidate_none_through_a_pronoun_inside_a_reference_block():
    text = "The Vellmor Union grew.\n1. Smith J. Its history. Oskar Press, Kordabad. https://example.org/x\n"
    doc = make_doc(text, [("Vellmor Union", "ORG"), ("Oskar Press", "ORG"), ("Kordabad", "LOC")])
    assert candidates.reference_blocks(doc) == [(text.index("1."), text.index("\n", text.index("1.")))]
    # the block is one sentence of its own kind: "Its" there does not reach back to the Vellmor Union
    assert not proxied(doc)


def given_split_doc(text: str, spans: list[tuple[str, str]], sentences: list[tuple[int, int]]) -> Document:
    doc = make_doc(text, spans)
    doc.annotations["sentences"] = sentences
    return doc


def test_candidate_given_sentence_starting_on_a_blank_line_reaches_into_no_paragraph():
    text = "Vellmor Union grew.\n\nIt joined the Oskar Council."
    second = text.index("It")
    # a converted corpus's split may start a sentence on the blank line's second line break
    doc = given_split_doc(text, [("Vellmor Union", "ORG"), ("Oskar Council", "ORG")], [(0, 19), (second - 1, len(text))])
    assert candidates.paragraphs(text)[0] == (0, second - 1)
    assert not proxied(doc, with_paragraph_case=True)


def test_candidate_sentences_after_one_outside_every_paragraph_are_still_tried():
    text = "Vellmor Union grew.\n\nThe Tarvik Group grew. It joined the Oskar Council."
    second, third = text.index("The Tarvik"), text.index("It joined")
    doc = given_split_doc(text, [("Vellmor Union", "ORG"), ("Tarvik Group", "ORG"), ("Oskar Council", "ORG")],
                          [(0, 19), (second - 1, third - 1), (third, len(text))])
    assert proxied(doc, with_paragraph_case=True) == {("Tarvik Group", "Oskar Council", "It"), ("Oskar Council", "Tarvik Group", "It")}


def test_candidate_naming_sentence_does_not_reach_a_sentence_that_starts_in_the_paragraph_before():
    text = "The joint games began in Kordabad.\n\nThey were called Steppe Shield."
    second = text.index("They")
    # the given split ends the first sentence after the blank line, at the second paragraph's start
    doc = given_split_doc(text, [("Kordabad", "LOC"), ("Steppe Shield", "EVENT")], [(0, second), (second, len(text))])
    assert not proxied(doc, with_paragraph_case=True)


# ---------------------------------------------------------------- block lines and anaphora (mutation survivors of round 8)


def test_candidate_author_block_on_the_text_s_first_line_up_to_an_organisation_ending_it():
    text = "Ferreira L.*, Rojas M.\nKordabad, Oskar University\n\nThe rivers of the basin have long been shared."
    doc = make_doc(text, [("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Kordabad", "LOC"), ("Oskar University", "ORG")])
    # the names start the text, and the organisation is the block's last word
    assert candidates.author_block(doc) == (0, text.index("\n\n"))


def test_candidate_no_author_block_from_a_name_line_with_nothing_under_it():
    text = "Ferreira L., Rojas M.\n\nOskar University staff wrote this report in Kordabad."
    doc = make_doc(text, [("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Oskar University", "ORG"), ("Kordabad", "LOC")])
    assert candidates.author_block(doc) is None


@pytest.mark.parametrize("words, included", [(16, True), (17, False)])
def test_candidate_author_block_counts_a_marker_opening_the_line_under_the_names_as_a_word(words, included):
    # "¹ Department of ..., Oskar University, ...": the footnote marker is one of the line's words
    line = "¹ Department of Water History, Oskar University, second building, room four, floor two, Kordabad"
    line += " city east wing" if words == 17 else " city east"
    assert len(line.split()) == words
    text = f"Ferreira L.*, Rojas M.\n{line}\n\nBody text."
    doc = make_doc(text, [("Ferreira L.", "PERSON"), ("Rojas M.", "PERSON"), ("Oskar University", "ORG")])
    assert candidates.author_block(doc) == ((0, text.index("\n\n")) if included else None)


def sentences_of(text: str, cuts: list[str]) -> list[tuple[int, int]]:
    """sentence_spans over a parse that starts a sentence right before each of the given strings."""
    starts = [0] + [text.index(cut) for cut in cuts]
    ends = [len(text[:s].rstrip()) for s in starts[1:]] + [len(text)]
    parsed = SimpleNamespace(sents=[SimpleNamespace(start_char=s, end_char=e) for s, e in zip(starts, ends)])
    return candidates.sentence_spans(Document(id="l", text=text), parsed)


def test_candidate_sentence_keeps_a_list_its_colon_introduces_on_the_same_line():
    text = "Norland is small. Tarvia is large. The Oskar Council has three members: Norland, Tarvia\nand Vellmoria. It met once."
    spans = sentences_of(text, ["Tarvia is", "The Oskar", "Norland, Tarvia", "It met"])
    # the parser's sentence at "Norland, Tarvia" (which runs on to the next line) joins the one its colon ends
    assert [text[s:e] for s, e in spans] == [
        "Norland is small.", "Tarvia is large.", "The Oskar Council has three members: Norland, Tarvia\nand Vellmoria.", "It met once.",
    ]


def test_candidate_sentence_after_a_colon_on_the_next_line_stays_apart():
    text = "Norland is small. The Oskar Council has three members:\nNorland, Tarvia and Vellmoria."
    spans = sentences_of(text, ["The Oskar", "Norland, Tarvia"])
    assert [text[s:e] for s, e in spans] == ["Norland is small.", "The Oskar Council has three members:", "Norland, Tarvia and Vellmoria."]


def test_candidate_fact_sheet_on_the_last_lines_of_the_text():
    text = "The Oskar Council met in May.\n\nOskar Council\nMembers: Norland, Tarvia"
    doc = make_doc(text, [("Oskar Council", "ORG"), ("May", "DATE"), ("Oskar Council", "ORG"), ("Norland", "LOC"), ("Tarvia", "LOC")])
    assert candidates.fact_sheet_blocks(doc) == [(text.index("Oskar Council\n"), len(text))]


def test_candidate_no_fact_sheet_under_a_name_without_label_lines():
    text = "Oskar Council\nNorland joined it in 2003.\nMembers: Norland"
    doc = make_doc(text, [("Oskar Council", "ORG"), ("Norland", "LOC"), ("2003", "DATE"), ("Norland", "LOC")])
    assert candidates.fact_sheet_blocks(doc) == []
    assert candidates.block_kinds(doc) == {}


def test_candidate_fact_sheet_after_a_reference_block_is_a_block_too():
    text = "1. Brown T. Vellmor yearbook // Review. 2019.\n\nOskar Council\nMembers: Norland, Tarvia\n\nBody text."
    doc = make_doc(text, [("Oskar Council", "ORG"), ("Norland", "LOC"), ("Tarvia", "LOC")])
    reference = (0, text.index("\n"))
    sheet = (text.index("Oskar"), text.index("\n\nBody"))
    assert candidates.block_kinds(doc) == {reference: "reference", sheet: "factsheet"}
    parsed = SimpleNamespace(sents=[SimpleNamespace(start_char=s, end_char=e)
                                    for s, e in [reference, (sheet[0], text.index("\nMembers")), (text.index("Members"), sheet[1]),
                                                 (text.index("Body"), len(text))]])
    assert candidates.sentence_spans(doc, parsed) == [reference, sheet, (text.index("Body"), len(text))]


def test_candidate_fact_sheet_overlapping_the_author_block_gives_way_to_it():
    # front matter in "Label: value" lines: the metadata's author and place make the author block, inside the fact sheet
    text = "Oskar University\nAuthor: Maria Lopez\nCity: Kordabad\n\nBody text."
    doc = make_doc(text, [("Oskar University", "ORG"), ("Maria Lopez", "PERSON"), ("Kordabad", "LOC")])
    doc.metadata = {"authors": [{"entity": "T2", "affiliation_entity": None}], "affiliation_place_entities": ["T3"]}
    author = (text.index("Author"), text.index("\n\n"))
    assert candidates.fact_sheet_blocks(doc) == [(0, author[1])]
    assert candidates.block_kinds(doc) == {author: "author"}
    lines = [(0, 16), (17, text.index("\nCity")), (text.index("City"), author[1]), (text.index("Body"), len(text))]
    parsed = SimpleNamespace(sents=[SimpleNamespace(start_char=s, end_char=e) for s, e in lines])
    assert candidates.sentence_spans(doc, parsed) == [(0, 16), author, (text.index("Body"), len(text))]


def anaphor_texts(text: str) -> list[str]:
    doc = Document(id="a", text=text)
    return [text[s:e] for (s, e), _, _ in candidates._anaphors(parse(doc), (0, len(text)))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # every anaphor of a sentence, in order, whatever kind comes first
        ("Its leaders said it would open an office in Kordabad.", ["Its", "it"]),
        ("Norland left it, and the organization moved to Kordabad.", ["it", "the organization"]),
        ("Moldova joined in 1998 and the organization opened an office in Kordabad.", ["joined", "the organization"]),
        ("Norland took part in the summit, and the organization opened an office in Kordabad.", ["the summit", "the organization"]),
        # "his" stands for no organisation; "the treaty" is no description of an event; "a summit" is a new one
        ("His brother joined the Vellmor Council.", []),
        ("Norland signed the treaty.", []),
        ("Norland took part in a summit.", []),
        ("Norland took part in summits.", []),
        # an event described with a modifier of its own is another event; "the meeting with Vellmoria" is the one named before
        ("Norland took part in the army exercise.", []),
        ("Norland took part in the May 2019 summit.", []),
        ("Norland hosted the summit of the Vellmor Union.", []),
        # a possessor too, after a doubled determiner (a slip of translated text): "its" is the only anaphor
        ("Norland took part in the its summit.", ["its"]),
        ("Norland took part in the meeting with Vellmoria.", ["the meeting"]),
    ],
)
def test_candidate_anaphors_of_a_sentence(text, expected):
    assert anaphor_texts(text) == expected


def test_candidate_no_anaphor_from_a_pronoun_inside_a_title():
    text = "The Vellmor Union grew. Norland printed Their Finest Hour in Kordabad."
    doc = make_doc(text, [("Vellmor Union", "ORG"), ("Norland", "LOC"), ("Kordabad", "LOC")])
    # the parser reads "Their Finest Hour" as a work's title: "Their" is no possessive of the Vellmor Union
    assert not proxied(doc)


def test_candidate_possessive_of_a_person_is_no_anaphor():
    text = "Tom Brown studied law. His brother joined the Vellmor Council."
    assert not proxied(make_doc(text, [("Tom Brown", "PERSON"), ("Vellmor Council", "ORG")]))


def test_candidate_elided_object_refers_back_into_its_own_sentence_past_a_name_of_its_label():
    text = "The Oskar Council was founded in 2001. The Vellmor Union grew, and Moldova joined in 2003."
    doc = make_doc(text, [("Oskar Council", "ORG"), ("2001", "DATE"), ("Vellmor Union", "ORG"), ("Moldova", "LOC"), ("2003", "DATE")])
    # "joined" stands for the Vellmor Union, the organisation of the clause before, although the sentence names it
    assert proxied(doc) == {("Moldova", "Vellmor Union", "joined"), ("Vellmor Union", "Moldova", "joined")}


@pytest.mark.parametrize(
    "text",
    [
        # the nearest organisation before "it" is in its own clause: the subject's apposition, or the subject itself
        "The Oskar Council was founded in 2001. Maria Lopez, a member of the Vellmor Union, praised it.",
        "The Tarvik Group met in May. Vellmor Union joined it in Kordabad.",
        # however deep the name sits in the subject's phrase
        "The Oskar Council was founded in 2001. Maria Lopez, head of the press office of the department of history of the "
        "faculty of arts of the school of law of the Vellmor Union, praised it.",
    ],
)
def test_candidate_no_pronoun_pair_with_a_name_of_its_own_clause(text):
    spans = [(name, label) for name, label in [("Oskar Council", "ORG"), ("Tarvik Group", "ORG"), ("2001", "DATE"), ("May", "DATE"),
                                               ("Maria Lopez", "PERSON"), ("Vellmor Union", "ORG"), ("Kordabad", "LOC")]
             if name in text]
    spans.sort(key=lambda span: text.index(span[0]))
    assert not proxied(make_doc(text, spans))


def test_candidate_pronoun_skips_a_name_of_its_own_clause_for_one_of_another_label():
    text = "The Oskar Council planned the Steppe Shield exercise. The Tarvik Group praised it."
    doc = make_doc(text, [("Oskar Council", "ORG"), ("Steppe Shield", "EVENT"), ("Tarvik Group", "ORG")])
    # "it" may be an organisation or an event: the Tarvik Group is its own clause's subject, the event is still tried
    assert proxied(doc) == {("Tarvik Group", "Steppe Shield", "it")}


def test_candidate_event_description_in_object_position_stays_within_names_before_its_sentence():
    text = "The Oskar Summit ended in May. Norland attended the Tarvik Conference and hosted the meeting."
    doc = make_doc(text, [("Oskar Summit", "EVENT"), ("May", "DATE"), ("Norland", "LOC"), ("Tarvik Conference", "EVENT")])
    # "the meeting" is next to a name of its kind (the Tarvik Conference): it means that one, and reaches neither
    assert not proxied(doc)


@pytest.mark.parametrize("verb", ["is", "became"])
def test_candidate_possessive_complement_describes_the_subject_not_its_referent(verb):
    text = f"The Oskar Council was set up in 2001. Vellcorp {verb} its executive body."
    doc = make_doc(text, [("Oskar Council", "ORG"), ("2001", "DATE"), ("Vellcorp", "ORG")])
    # "its" is the Oskar Council; Vellcorp, what the complement describes (a one-word name, starting at the subject), is not
    assert proxied(doc) == {("Oskar Council", "Vellcorp", "its"), ("Vellcorp", "Oskar Council", "its")}


def test_candidate_they_stands_for_the_nearest_name_and_its_coordinated_names_only():
    text = "The Tarvik Group met in Vellmoria. Norland and Tarvia signed a pact. They joined the Oskar Council."
    doc = make_doc(text, [("Tarvik Group", "ORG"), ("Vellmoria", "LOC"), ("Norland", "LOC"), ("Tarvia", "LOC"), ("Oskar Council", "ORG")])
    referents = {head for head, tail, proxy in proxied(doc) if tail == "Oskar Council"}
    # Tarvia and Norland with it, the nearest organisation; not Vellmoria, a place not in the coordination
    assert referents == {"Tarvik Group", "Norland", "Tarvia"}


def test_candidate_singular_pronoun_does_not_take_the_coordinated_names():
    text = "Norland and Tarvia signed a pact. It joined the Oskar Council."
    doc = make_doc(text, [("Norland", "LOC"), ("Tarvia", "LOC"), ("Oskar Council", "ORG")])
    assert proxied(doc) == {("Tarvia", "Oskar Council", "It"), ("Oskar Council", "Tarvia", "It")}


def test_candidate_they_after_names_of_two_labels_gives_each_pair_once():
    text = "Norland and the Vellmor Union signed a pact. They opened an office in Kordabad."
    doc = make_doc(text, [("Norland", "LOC"), ("Vellmor Union", "ORG"), ("Kordabad", "LOC")])
    found = [(c.head.text, c.tail.text) for c in generate(doc) if c.proxy]
    assert sorted(found) == sorted({("Norland", "Kordabad"), ("Kordabad", "Norland"), ("Vellmor Union", "Kordabad"),
                                    ("Kordabad", "Vellmor Union")})


def test_candidate_description_does_not_stand_for_a_name_its_sentence_cuts():
    text = "Norland sold its shares to St. Tarvik Company. The company opened an office in Kordabad."
    spans = [("Norland", "LOC"), ("St. Tarvik Company", "ORG"), ("Kordabad", "LOC")]
    second = text.index("The company")
    whole = given_split_doc(text, spans, [(0, second - 1), (second, len(text))])
    assert ("St. Tarvik Company", "Kordabad", "The company") in proxied(whole, with_paragraph_case=True)
    # a split after "St." leaves the name partly inside the description's sentence: no name before that sentence remains
    cut = text.index("Tarvik")
    assert not proxied(given_split_doc(text, spans, [(0, cut - 1), (cut, len(text))]), with_paragraph_case=True)


def test_candidate_owner_description_stands_for_the_organisation_named_like_it():
    text = ("The Andean Fisheries System (AFS) was created in 1994. The Tuna Board met in Lima. "
            "Ecuador and Bolivia are observers of the system. The system's Technical Secretariat sits in Quito.")
    doc = make_doc(text, [("Andean Fisheries System", "ORG"), ("AFS", "ORG"), ("1994", "DATE"), ("Tuna Board", "ORG"), ("Lima", "LOC"),
                          ("Ecuador", "LOC"), ("Bolivia", "LOC"), ("Technical Secretariat", "ORG"), ("Quito", "LOC")])
    found = proxied(doc)
    # "the system" is the System named before, not the nearer Tuna Board
    assert ("Ecuador", "Andean Fisheries System", "the system") in found
    assert ("Technical Secretariat", "Andean Fisheries System", "The system") in found
    assert not any(tail == "Tuna Board" and proxy.lower() == "the system" for _, tail, proxy in found)


def test_candidate_left_out_organisation_of_a_verb_relates_only_the_names_of_its_clause():
    text = "The Caribbean Port Bank was founded in May 1970 by Jamaica and Barbados; Guyana joined in 1973, and Belize left."
    doc = make_doc(text, [("Caribbean Port Bank", "ORG"), ("May 1970", "DATE"), ("Jamaica", "LOC"), ("Barbados", "LOC"),
                          ("Guyana", "LOC"), ("1973", "DATE"), ("Belize", "LOC")])
    through_verb = {(head, tail) for head, tail, proxy in proxied(doc) if proxy == "joined"}
    assert ("Guyana", "Caribbean Port Bank") in through_verb
    assert not through_verb & {("Jamaica", "Caribbean Port Bank"), ("Barbados", "Caribbean Port Bank"), ("Belize", "Caribbean Port Bank")}
