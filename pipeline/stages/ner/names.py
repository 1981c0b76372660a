"""Personal names told by their shape where the model reads them otherwise or cuts them.

* "I. Surname Surname" alone in brackets ("(L. Fernández Rivas)", a contact line's author): one person with a
  double surname, not a person and a stray word.
* Latvian and Lithuanian names ("Kārlis Ozols", "Aušra Petraitytė"): two capitalised words with the
  nominative endings of those languages and at least one of their letters, which a model trained on English
  reads as a place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from textmine.stages.ner.patterns import _LOW, _UP
from textmine.stages.ner.spans import PRIORITY, Candidate

_NAME_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_BRACKETED_INITIALS_DOUBLE_SURNAME = re.compile(
    rf"\(\s*((?:[{_UP}]\.\s?-?){{1,2}}\s?{_NAME_WORD}\s{_NAME_WORD})\s*\)"
)
_BALTIC_LETTERS = re.compile(r"[āēīūņļķģėįųĀĒĪŪŅĻĶĢĖĮŲ]")
# Nominative endings of Latvian and Lithuanian given names and surnames: "-s", "-š", "-is", "-us", "-ys", "-a",
# "-e", "-ė" ("Kārlis", "Bērziņš", "Kalniņa", "Žukauskienė", "Petraitytė").
_BALTIC_NAME_WORD = re.compile(r"^[A-ZĀČĒĢĪĶĻŅŠŪŽĖĮŲ][a-zāčēģīķļņšūžėįų]+[sšaeė]$")


def bracketed_double_surname_candidates(text: str) -> list[Candidate]:
    """"(M. Quesada Solís)": initials and two surnames filling a bracket are one person."""
    return [
        Candidate(m.start(1), m.end(1), "PERSON", "pattern:bracketed-name", PRIORITY["pattern:reference-author"])
        for m in _BRACKETED_INITIALS_DOUBLE_SURNAME.finditer(text)
    ]


def baltic_person(text: str, cand: Candidate, known: bool) -> Candidate:
    """A model's two-word place or organisation shaped like a Latvian or Lithuanian name is the person.

    ``known``: the gazetteer knows the span (a place or body of that name stays what it is).
    """
    surface = text[cand.start:cand.end]
    words = surface.split()
    if (
        cand.label in ("LOC", "ORG")
        and not known
        and len(words) == 2
        and all(_BALTIC_NAME_WORD.match(w) for w in words)
        and _BALTIC_LETTERS.search(surface)
    ):
        return replace(cand, label="PERSON")
    return cand
