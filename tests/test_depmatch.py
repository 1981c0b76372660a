"""The indexed dependency matcher gives spaCy's DependencyMatcher's matches, for the relation constructions and beyond."""

from __future__ import annotations

import itertools

import pytest

from textmine.resources.nlp import load_english
from textmine.stages.relations import syntax
from textmine.stages.relations.depmatch import IndexedDependencyMatcher, compile_pattern
from textmine.training.redocred import iter_raw_texts

# Made-up sentences in the constructions' shapes (none from the seed page), then real prose.
SENTENCES = [
    "Mali, Niger and Chad are members of the Sahel Alliance, which was founded in 2014 in Nouakchott.",
    "The Nordic Council, whose members include Norway and Iceland, met in Oslo.",
    "The exercise, in which troops from Kenya and Uganda took part, was held on a range near Jinja.",
    "Peru obtained observer status in the Pacific Union, and Chile was admitted as a member in 2012.",
    "The Andean Community established the court as its judicial body; Bolivia did not join it.",
]


def spacy_matches(patterns: list[tuple[str, list[dict]]], doc) -> set[tuple[str, tuple[int, ...]]]:
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(doc.vocab, validate=True)
    for key, pattern in patterns:
        matcher.add(key, [pattern])
    return {(doc.vocab.strings[match_id], tuple(ids)) for match_id, ids in matcher(doc)}


def indexed_matches(patterns: list[tuple[str, list[dict]]], doc) -> set[tuple[str, tuple[int, ...]]]:
    return {(key, tuple(ids)) for key, ids in IndexedDependencyMatcher(doc.vocab, patterns)(doc)}


def construction_patterns() -> list[tuple[str, list[dict]]]:
    return [(f"{name}#{k}", variant) for name, (_, variants) in syntax.CONSTRUCTIONS.items() for k, variant in enumerate(variants)]


@pytest.fixture(scope="module")
def parsed():
    texts = SENTENCES + [text for _, text in itertools.islice(iter_raw_texts(), 40)]
    return list(load_english().pipe(texts))


def test_every_construction_is_indexed():
    assert all(compile_pattern(pattern) is not None for _, pattern in construction_patterns())


def test_same_matches_as_spacy_on_the_constructions(parsed):
    patterns = construction_patterns()
    total = 0
    for doc in parsed:
        expected = spacy_matches(patterns, doc)
        assert indexed_matches(patterns, doc) == expected, doc.text[:80]
        total += len(expected)
    assert total > 50  # the comparison is about matches, not about empty sets


def test_head_operator_stops_at_the_sentence_root(parsed):
    # "<" from a root has no head: spaCy gives no match, and neither may the index (a root is not its own head).
    patterns = [("root_head", [{"RIGHT_ID": "r", "RIGHT_ATTRS": {"DEP": "ROOT"}}, {"LEFT_ID": "r", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}]),
                ("head_of_subject", [{"RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}}},
                                     {"LEFT_ID": "s", "REL_OP": "<", "RIGHT_ID": "v", "RIGHT_ATTRS": {}}])]
    for doc in parsed[:10]:
        found = indexed_matches(patterns, doc)
        assert not any(key == "root_head" for key, _ in found)
        assert found == spacy_matches(patterns, doc)
    assert any(key == "head_of_subject" for doc in parsed[:10] for key, _ in indexed_matches(patterns, doc))


def test_other_operators_and_attributes_go_to_spacy(parsed):
    patterns = [
        ("subtree", [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}}, {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "PROPN"}}]),
        ("not_in", [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": {"NOT_IN": ["VERB", "AUX"]}, "DEP": "ROOT"}}]),
        ("plain", [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "be"}}, {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}}]),
    ]
    matcher = IndexedDependencyMatcher(parsed[0].vocab, patterns)
    assert [key for group in matcher.indexed.values() for key, _ in group] == ["plain"] and len(matcher.fallback) == 2
    for doc in parsed[:10]:
        assert indexed_matches(patterns, doc) == spacy_matches(patterns, doc)
    assert any(key == "subtree" for doc in parsed[:10] for key, _ in indexed_matches(patterns, doc))


def test_a_pattern_naming_an_unknown_node_is_refused():
    bad = [("bad", [{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, {"LEFT_ID": "nowhere", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}])]
    with pytest.raises(ValueError):
        IndexedDependencyMatcher(load_english().vocab, bad)


def test_capitals_and_length_are_indexed_with_spacys_meaning(parsed):
    # An acronym as a compound ("the ECOWAS member states"): IS_UPPER and compared LENGTH, also as the only anchor tests.
    patterns = [
        ("acronym_compound", [{"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "NOUN"}},
                              {"LEFT_ID": "n", "REL_OP": ">", "RIGHT_ID": "a", "RIGHT_ATTRS": {"IS_UPPER": True, "LENGTH": {">=": 2}}}]),
        ("short_word", [{"RIGHT_ID": "w", "RIGHT_ATTRS": {"LENGTH": {"<=": 2, "!=": 1}}}]),
        ("not_capitals", [{"RIGHT_ID": "w", "RIGHT_ATTRS": {"IS_UPPER": False, "POS": "PROPN"}}]),
    ]
    matcher = IndexedDependencyMatcher(parsed[0].vocab, patterns)
    assert len(matcher.fallback) == 0
    docs = parsed + list(load_english().pipe(["The ECOWAS member states and the EU met in Accra; UN staff came."]))
    for doc in docs:
        assert indexed_matches(patterns, doc) == spacy_matches(patterns, doc), doc.text[:80]
    found = {key for doc in docs for key, _ in indexed_matches(patterns, doc)}
    assert found == {"acronym_compound", "short_word", "not_capitals"}
