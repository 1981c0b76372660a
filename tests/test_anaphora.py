"""Relation candidates across sentences: which earlier names a subject pronoun or description may stand for.

Texts are written for these tests (made-up names), one paragraph each: the
second sentence's subject refers back to the first sentence's name.
"""

from __future__ import annotations

import pytest

from textmine.document import Document, Entity
from textmine.stages.relations import candidates
from textmine.stages.relations.classify import parse


def proxied_pairs(first: str, first_label: str, second: str, second_label: str, text: str) -> set[tuple[str, str]]:
    a = text.index(first)
    b = text.index(second, a + len(first))
    doc = Document(id="a", text=text, entities=[
        Entity("T1", a, a + len(first), first_label, first), Entity("T2", b, b + len(second), second_label, second),
    ])
    return {(c.head.text, c.tail.text) for c in candidates.generate(doc, parse(doc)) if c.proxy is not None}


@pytest.mark.parametrize(
    "text, name, label, other, other_label, expected",
    [
        ("Maria Lopez studied law. She joined the Vellmor Council.", "Maria Lopez", "PERSON", "Vellmor Council", "ORG",
         ("Maria Lopez", "Vellmor Council")),
        ("The Vellmor Union grew fast. She became an observer at the Oskar Council.", "Vellmor Union", "ORG", "Oskar Council", "ORG",
         ("Vellmor Union", "Oskar Council")),
        ("The Vellmor Union grew fast. It joined the Oskar Council.", "Vellmor Union", "ORG", "Oskar Council", "ORG",
         ("Vellmor Union", "Oskar Council")),
        ("Norland is a small country. It joined the Oskar Council.", "Norland", "LOC", "Oskar Council", "ORG",
         ("Norland", "Oskar Council")),
        ("The Steppe Shield exercise was large. It was held in Kordabad.", "Steppe Shield", "EVENT", "Kordabad", "LOC",
         ("Steppe Shield", "Kordabad")),
        ("Norland and Vellmor signed a pact. They joined the Oskar Council.", "Vellmor", "LOC", "Oskar Council", "ORG",
         ("Vellmor", "Oskar Council")),
        ("The Steppe Shield games were large. They were held in Kordabad.", "Steppe Shield", "EVENT", "Kordabad", "LOC",
         ("Steppe Shield", "Kordabad")),
        ("Maria Lopez and Tom Brown studied law. They joined the Vellmor Council.", "Tom Brown", "PERSON", "Vellmor Council", "ORG",
         ("Tom Brown", "Vellmor Council")),
        ("Tom Brown studied law. He joined the Vellmor Council.", "Tom Brown", "PERSON", "Vellmor Council", "ORG",
         ("Tom Brown", "Vellmor Council")),
        ("The Vellmor Union grew fast. They joined the Oskar Council.", "Vellmor Union", "ORG", "Oskar Council", "ORG",
         ("Vellmor Union", "Oskar Council")),
        ("The Vellmor Union grew fast. The organization opened an office in Kordabad.", "Vellmor Union", "ORG", "Kordabad", "LOC",
         ("Vellmor Union", "Kordabad")),
        ("Norland grew rich. The country joined the Oskar Council.", "Norland", "LOC", "Oskar Council", "ORG",
         ("Norland", "Oskar Council")),
    ],
)
def test_a_subject_pronoun_or_description_stands_for_an_earlier_name_of_a_fitting_label(text, name, label, other, other_label, expected):
    assert expected in proxied_pairs(name, label, other, other_label, text)


@pytest.mark.parametrize(
    "text, name, label, other, other_label",
    [
        # "It" never stands for a person, "she" never for a place.
        ("Maria Lopez studied law. It joined the Vellmor Council.", "Maria Lopez", "PERSON", "Vellmor Council", "ORG"),
        ("Norland is a small country. She joined the Oskar Council.", "Norland", "LOC", "Oskar Council", "ORG"),
        # A description names its label: "the country" is no organisation.
        ("The Vellmor Union grew fast. The country joined the Oskar Council.", "Vellmor Union", "ORG", "Oskar Council", "ORG"),
    ],
)
def test_no_reference_to_a_name_of_another_label(text, name, label, other, other_label):
    assert not proxied_pairs(name, label, other, other_label, text)


ORG_NOUNS = ["organization", "organisation", "alliance", "bloc", "structure", "union", "body", "committee", "university",
             "company"]
LOC_NOUNS = ["country", "state", "city", "region", "republic"]
EVENT_NOUNS = ["exercise", "summit", "meeting", "conference", "war"]


@pytest.mark.parametrize(
    "noun, text, name, label, other, other_label",
    [(n, f"The Vellmor Group grew fast. The {n} opened an office in Kordabad.", "Vellmor Group", "ORG", "Kordabad", "LOC")
     for n in ORG_NOUNS]
    + [(n, f"Norland grew rich. The {n} joined the Oskar Council.", "Norland", "LOC", "Oskar Council", "ORG") for n in LOC_NOUNS]
    + [(n, f"Steppe Shield began in spring. The {n} took place in Kordabad.", "Steppe Shield", "EVENT", "Kordabad", "LOC")
       for n in EVENT_NOUNS],
)
def test_each_description_noun_stands_for_names_of_its_label(noun, text, name, label, other, other_label):
    assert (name, other) in proxied_pairs(name, label, other, other_label, text), noun


def test_the_relation_stage_predicts_every_label_but_alias_of():
    from textmine.document import RELATION_TYPES

    # alias_of comes from the canonical stage; the classifier's labels are the nine others.
    assert set(candidates.PREDICTED_LABELS) == set(RELATION_TYPES) - {"alias_of"}
