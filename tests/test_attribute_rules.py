"""The indexed attribute ruler (and the lemmatizer's word sets) give exactly the annotations of spaCy's own."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from textmine.resources.attribute_rules import IndexedAttributeRuler, index_attribute_ruler
from textmine.training.corpus import RAW_DIR
from textmine.resources.nlp import load_english
from textmine.training.redocred import iter_raw_texts


def annotations(doc: Doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def tagged(nlp, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    heads = list(range(len(words)))  # every token its own head: only the labels matter here
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_rules_of_every_kind_match_as_spacy_applies_them():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "NN", "LOWER": "something"}]], {"POS": "PRON"})  # later rule wins on the same token
    ruler.add([[{"LOWER": {"IN": ["gon", "got"]}}, {"LOWER": {"IN": ["na", "ta"]}}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"}, index=0)
    ruler.add([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]], {"POS": "PRON"})
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "VERB"}, index=-1)
    ruler.add([[{"TAG": "VB", "OP": "+"}]], {"POS": "VERB"})  # an operator: left to a Matcher
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
    words = ["y'", "all", "gon", "na", "see", "something", "that", "there", "is", "a", "dog", " ", "that"]
    tags = ["PRP", "DT", "VBG", "TO", "VB", "NN", "WDT", "EX", "VBZ", "DT", "NN", "_SP", "DT"]
    deps = ["nsubj", "det", "aux", "aux", "ROOT", "dobj", "nsubj", "expl", "ccomp", "det", "attr", "dep", "det"]
    expected = ruler(tagged(nlp, words, tags, deps))
    indexed = IndexedAttributeRuler(ruler)
    got = indexed(tagged(nlp, words, tags, deps))
    assert annotations(got) == annotations(expected)
    # The cases are really exercised: the assertions above compare something.
    assert [t.pos_ for t in got][5:8] == ["PRON", "PRON", ""] and got[3].lemma_ == "to" and got[0].lemma_ == "you"
    assert got[8].pos_ == "VERB" and got[4].pos_ == "VERB" and got[12].pos_ == ""


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    seed = [path.read_text(encoding="utf-8") for path in sorted(RAW_DIR.glob("*.txt"))]
    return seed + [text for _, text in itertools.islice(iter_raw_texts(), 150)]


def test_the_english_pipeline_annotates_the_corpus_as_published(corpus_texts):
    published = load_english.__wrapped__(index_attribute_rules=False)
    indexed = load_english()
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    # the lemmatizer's word lists are sets in the indexed pipeline (the lemmas compared below must not change)
    assert isinstance(indexed.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun"), frozenset)
    assert isinstance(published.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun"), list)
    assert indexed.pipe_names == published.pipe_names
    for a, b in zip(published.pipe(corpus_texts), indexed.pipe(corpus_texts)):
        assert annotations(a) == annotations(b)


def test_indexing_is_idempotent():
    nlp = load_english()
    ruler = nlp.get_pipe("attribute_ruler")
    assert index_attribute_ruler(nlp).get_pipe("attribute_ruler") is ruler
