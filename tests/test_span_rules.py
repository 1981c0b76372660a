"""Span rules, unit by unit: clean_span's boundary rules, token alignment, look-alike folding, position words,
and the ranks of the recognisers (pipeline/stages/ner/spans.py).

Written against the survivors of a mutation run over spans.py (docs/testing.md); every text is made up, none is
from the seed page. No test here loads a model, so scripts/mutation.sh runs this file first for span cleaning.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from textmine.stages.ner.spans import Candidate, align_to_tokens


def cleaned(text: str, surface: str, label: str = "PERSON", source: str = "statistical") -> str | None:
    from textmine.stages.ner.spans import PRIORITY, clean_span

    start = text.index(surface)
    cand = clean_span(text, Candidate(start, start + len(surface), label, source, PRIORITY["statistical"]), [])
    return None if cand is None else text[cand.start:cand.end]


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("On Monday Prof. Dana Whitcombe opened the session.", "Prof. Dana Whitcombe", "Dana Whitcombe"),
        ("A letter from Chancellor Helga Brandt arrived.", "Chancellor Helga Brandt", "Helga Brandt"),
        ("Under Czar Ivan Shuisky the town grew.", "Czar Ivan Shuisky", "Ivan Shuisky"),
        ("The band hired Guitarist Tomas Ruiz in 1999.", "Guitarist Tomas Ruiz", "Tomas Ruiz"),
        ("In 2019 President Aldo Ferrante resigned.", "President Aldo Ferrante", "Aldo Ferrante"),
        ("Reviewed by Ms. Lina Okafor PhD in May.", "Ms. Lina Okafor PhD", "Lina Okafor"),
    ],
)
def test_clean_span_leaves_titles_of_office_and_honorifics_out_of_a_person(text, surface, expected):
    assert cleaned(text, surface) == expected
    assert cleaned(text, surface, label="ORG") == surface  # only a person's span loses them


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("Authors: Gulnara Seitova1,2, Bolat Aliev3", "Gulnara Seitova1,2", "Gulnara Seitova"),
        ("Authors: Bolat Aliev3*, Gulnara Seitova", "Bolat Aliev3*", "Bolat Aliev"),
        ("Compiled by Nazarova A.Kh.1 and others", "Nazarova A.Kh.1", "Nazarova A.Kh."),
    ],
)
def test_clean_span_cuts_affiliation_digits_after_a_person_but_not_after_other_names(text, surface, expected):
    assert cleaned(text, surface) == expected
    assert cleaned("The Boeing 747 landed.", "Boeing 747", label="PRODUCT") == "Boeing 747"


def test_clean_span_ends_a_name_at_a_line_break_unless_a_war_or_place_event_runs_over_one():
    text = "the Great Patriotic\nWar ended; the Almaty\nsummit met; Tashkent\nKabul; the Winter\n\nWar"
    assert cleaned(text, "Great Patriotic\nWar", "EVENT", "pattern:war") == "Great Patriotic\nWar"
    assert cleaned(text, "Almaty\nsummit", "EVENT", "pattern:place-event") == "Almaty\nsummit"
    assert cleaned(text, "Tashkent\nKabul", "LOC", "statistical") == "Tashkent"
    assert cleaned(text, "Tashkent\nKabul", "LOC", "pattern") == "Tashkent"
    # a blank line ends even a war's name
    assert cleaned(text, "Winter\n\nWar", "EVENT", "pattern:war") == "Winter"


def test_clean_span_keeps_the_quoted_name_when_the_span_opens_with_the_quote():
    text = "published by «Gylym» Almaty and “Atamura” Press"
    assert cleaned(text, "«Gylym» Almaty", "ORG") == "Gylym"
    assert cleaned(text, "“Atamura” Press", "ORG") == "Atamura"


def test_position_words_make_a_job_title_not_a_name():
    from textmine.stages.ner.spans import is_position

    for surface in ("Associate Professor", "Senior Lecturer,", "Deputy Director", "Chief Editor", "(Research Fellow)"):
        assert is_position(surface), surface
    for surface in ("Professor Dana Whitcombe", "Lecturer Aliev", "Editorial Board of Vestnik"):
        assert not is_position(surface), surface


def test_a_person_mention_with_a_degree_word_is_not_kept_from_the_model():
    from textmine.stages.ner import _is_furniture_or_artefact
    from textmine.stages.ner.spans import PRIORITY

    text = "Reviewer: Marat Seitkali PhD; editor Sc.D Aliya Bek and Marat Seitkali."
    for surface in ("Marat Seitkali PhD", "Sc.D Aliya Bek"):
        start = text.index(surface)
        assert _is_furniture_or_artefact(text, Candidate(start, start + len(surface), "PERSON", "spacy", PRIORITY["statistical"]))
    start = text.rindex("Marat Seitkali")
    assert not _is_furniture_or_artefact(text, Candidate(start, start + 14, "PERSON", "spacy", PRIORITY["statistical"]))


def test_cyrillic_look_alikes_are_folded_only_inside_mostly_latin_words():
    from textmine.stages.ner.spans import latin_lookalikes_folded

    # "а" and "о" below are Cyrillic; every folded text keeps its length, so offsets stay valid.
    assert latin_lookalikes_folded("Dr Nаzarbayev met Rоmа in Аstana.") == "Dr Nazarbayev met Roma in Astana."
    assert latin_lookalikes_folded("Сахар и Cахар") == "Сахар и Cахар"  # a Russian word with one Latin letter stays Russian
    assert latin_lookalikes_folded("Plain Latin text.") == "Plain Latin text."
    assert latin_lookalikes_folded("Kаzаkh ёлка") == "Kazakh ёлка"  # "ёлка" has a letter with no Latin look-alike


def test_alignment_grows_over_letters_and_an_abbreviations_stop_but_not_over_markers():
    # Tokens written out by hand: (start, end) of every token, in order.
    text = "O'Neill and Yusupova¹ met O'Brien at ASEAN+3 with Aliev1,2 and Nazarbekova A.Kh.1 of Acme Inc. in /Astana"
    words = ["O'Neill", "and", "Yusupova¹", "met", "O'Brien", "at", "ASEAN+3", "with", "Aliev1,2", "and", "Nazarbekova",
             "A.Kh.1", "of", "Acme", "Inc.", "in", "/Astana"]
    tokens, pos = [], 0
    for word in words:
        pos = text.index(word, pos)
        tokens.append((pos, pos + len(word)))
        pos += len(word)

    def grown(surface: str, label: str = "PERSON") -> str:
        start = text.index(surface)
        (cand,) = align_to_tokens(text, [Candidate(start, start + len(surface), label, "statistical", 70, "C", "Q1")], tokens)
        return text[cand.start:cand.end]

    assert grown("Yusupova") == "Yusupova"
    assert grown("Brien") == "O'Brien"
    assert grown("O'Bri") == "O'Brien"
    assert grown("ASEAN", "ORG") == "ASEAN+3"
    assert grown("SEAN", "ORG") == "ASEAN+3"
    assert grown("Aliev") == "Aliev"
    assert grown("Aliev", "ORG") == "Aliev1,2"  # digits glued to an organisation's name are part of it
    assert grown("Nazarbekova A.Kh") == "Nazarbekova A.Kh."
    assert grown("Acme Inc", "ORG") == "Acme Inc."
    assert grown("Acme I", "ORG") == "Acme Inc."  # the span's last character opens a token
    assert grown("Neill") == "O'Neill"  # inside the text's first token
    assert grown("Astana", "LOC") == "Astana"  # punctuation alone before a name is not grown over
    # a span that starts or ends on a space takes no word across it
    assert grown(" met") == " met" and grown("met ") == "met " and grown("met") == "met"
    start = text.index("Brien")
    (moved,) = align_to_tokens(text, [Candidate(start, start + 5, "PERSON", "statistical", 70, "C", "Q1")], tokens)
    (kept,) = align_to_tokens(text, [Candidate(start - 2, start + 5, "PERSON", "statistical", 70, "C", "Q1")], tokens)
    assert (moved.canonical, moved.kb_id) == (None, None) and (kept.canonical, kept.kb_id) == ("C", "Q1")
    assert align_to_tokens(text, [], tokens) == []


def test_a_model_name_ranked_over_the_date_it_encloses_is_level_with_a_named_event_pattern():
    from textmine.stages.ner import _names_inside_statistical_names
    from textmine.stages.ner.spans import PRIORITY, resolve

    # The ranks meet after alignment, when two names that resolution kept apart come to share a token.
    text = "the 2014 Sochi Winter Games closing week"
    start = text.index("2014")
    model = Candidate(start, text.index(" closing"), "EVENT", "spacy", PRIORITY["statistical"])
    year = Candidate(start, start + 4, "DATE", "dates", PRIORITY["dates"])
    (ranked, _) = _names_inside_statistical_names([model, year])
    assert ranked.priority > PRIORITY["dates"]
    event = Candidate(text.index("Winter"), text.index(" week"), "EVENT", "pattern:named-event", PRIORITY["pattern:named-event"])
    # equal rank: the longer name wins, whichever comes first
    assert resolve([ranked, event]) == [ranked] and resolve([event, ranked]) == [ranked]
    shorter = replace(ranked, end=text.index(" Games"))
    assert resolve([shorter, event]) == [event]


def test_a_model_name_ranked_over_a_pattern_it_encloses_is_level_with_an_institution_pattern():
    from textmine.stages.ner import _names_inside_statistical_names
    from textmine.stages.ner.spans import PRIORITY, resolve

    # A model name enclosing a pattern's mention is ranked one above it, which is the institution
    # pattern's rank: the two then meet as equals and the longer name wins.
    text = "the Narva River Commission of Ida-Viru fisheries"
    start = text.index("Narva")
    model = Candidate(start, text.index(" fisheries"), "ORG", "spacy", PRIORITY["statistical"])
    river = Candidate(start, text.index(" Commission"), "LOC", "pattern", PRIORITY["pattern"])
    (ranked, _) = _names_inside_statistical_names([model, river])
    assert ranked.priority == PRIORITY["pattern:institution"]
    shorter = Candidate(text.index("Commission"), len(text), "ORG", "pattern:institution", PRIORITY["pattern:institution"])
    assert shorter.length < ranked.length
    assert resolve([ranked, shorter]) == [ranked] and resolve([shorter, ranked]) == [ranked]
    longer = Candidate(text.index("River"), len(text), "ORG", "pattern:institution", PRIORITY["pattern:institution"])
    assert resolve([ranked, longer]) == [longer]
