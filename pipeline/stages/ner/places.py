"""Places told by their syntax where the model reads them as organisations or persons, and the extent of place names.

Applied to the resolved mentions (:func:`places_by_syntax`):

* a former name in "CITY (formerly OLDNAME)" is a place like the city before it;
* a one-word name after "via" that closes a route from place to place ("to Vilnius via Zarasai");
* a name opening with a toponym word and running on over Romance particles ("Santa Rosa de Copán", "San Marcos de
  Colón"): one place, whatever the model made of its parts;
* a hyphenated compass prefix belongs to the place it names ("South-West Indian Ocean").

Proposed with the other recognisers (:func:`russian_street_candidates`): a Russian street's name after "ул.",
"пр." or "пер." is a place, not the person it is named after ("ул. Марата").
"""

from __future__ import annotations

import re
from dataclasses import replace

from textmine.stages.ner.patterns import _LOW, _UP
from textmine.stages.ner.spans import PRIORITY, Candidate

_NAME_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}]+)*"
# "Tallinn (formerly Reval)", "(previously known as Dorpat)", "(formerly called Stanleyville)".
_FORMERLY = r"\(\s*(?:formerly|previously|once|earlier)(?:\s(?:known\sas|called|named))?\s"
_FORMERLY_BEFORE = re.compile(rf"\s*{_FORMERLY}$")
_FORMERLY_AFTER = re.compile(rf"\s*{_FORMERLY}")
_FORMER_NAME = re.compile(rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}(?=\s*\))")
_VIA_BETWEEN = re.compile(r"\svia\s")
_TO_BEFORE = re.compile(r"(?:^|\s)to\s$")
# A Spanish, Portuguese or Italian place name: a toponym word, one or two words, then "de/del/de la ..." and words.
_ROMANCE_PLACE = re.compile(
    rf"(?:San|Santa|Santo|São|Puerto|Porto|Ciudad|Villa|Nueva|Nuevo)\s{_NAME_WORD}(?:\s{_NAME_WORD})?"
    rf"(?:\s(?:de|del|de\sla|de\slas|de\slos|do|da|dos|das|di)\s{_NAME_WORD})+"
)
_COMPASS = r"(?:North|South|East|West)"
_HYPHENATED_COMPASS_BEFORE = re.compile(rf"(?<![\w-]){_COMPASS}-{_COMPASS}(?:ern)?\s$")
# "ул. Марата", "пр. Кирова", "пер. Маршала Жукова": a street named after a person is a place.
_RUSSIAN_STREET = re.compile(r"(?:^|(?<=[\s,(]))(?:ул|пр|просп|пер|наб|пл|б-р)\.\s?([А-ЯЁ][а-яё]+(?:[\s-][А-ЯЁ][а-яё]+){0,2})")


def russian_street_candidates(text: str) -> list[Candidate]:
    """Street names after a Russian street abbreviation ("ул. Гагарина"), which natasha reads as persons."""
    return [
        Candidate(m.start(1), m.end(1), "LOC", "pattern:street", PRIORITY["pattern"]) for m in _RUSSIAN_STREET.finditer(text)
    ]


def places_by_syntax(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The resolved mentions with the places the syntax around them shows (see the module doc)."""
    chosen = _romance_places(text, chosen)
    out: list[Candidate] = []
    for cand in chosen:
        previous = out[-1] if out else None
        if cand.label in ("ORG", "PERSON") and _is_a_place_by_syntax(text, cand, previous):
            cand = replace(cand, label="LOC")
        if cand.label == "LOC":
            prefix = _HYPHENATED_COMPASS_BEFORE.search(text, max(0, cand.start - 16), cand.start)
            if prefix:
                cand = replace(cand, start=prefix.start())
        out.append(cand)
    return out + _missed_former_names(text, out)


def _is_a_place_by_syntax(text: str, cand: Candidate, previous: Candidate | None) -> bool:
    surface = text[cand.start:cand.end]
    if previous is None or previous.label != "LOC":
        return False
    if _FORMERLY_BEFORE.fullmatch(text, previous.end, cand.start):
        return True  # "Tallinn (formerly Reval)": the old name of the place before it
    return (
        " " not in surface
        and _VIA_BETWEEN.fullmatch(text, previous.end, cand.start) is not None
        and _TO_BEFORE.search(text, max(0, previous.start - 4), previous.start) is not None
    )


def _missed_former_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A former name no recogniser proposed, after a place and "(formerly": a place too."""
    out = []
    for cand in chosen:
        if cand.label != "LOC":
            continue
        formerly = _FORMERLY_AFTER.match(text, cand.end)
        if formerly is None:
            continue
        name = _FORMER_NAME.match(text, formerly.end())
        if name and not any(c.start < name.end() and name.start() < c.end for c in chosen):
            out.append(Candidate(name.start(), name.end(), "LOC", "pattern:former-name", PRIORITY["pattern"]))
    return out


def _romance_places(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"Santa Rosa de Copán" read as an ORG, "San Marcos de Colón" as two places: one LOC over the whole name."""
    out = list(chosen)
    for cand in chosen:
        if cand.label == "DATE":
            continue
        match = _ROMANCE_PLACE.match(text, cand.start)
        if match is None or match.end() < cand.end or (cand.label == "LOC" and match.end() == cand.end):
            continue
        inside = [c for c in out if match.start() <= c.start and c.end <= match.end()]
        if any(c.label not in ("LOC", "ORG", "PERSON") or c.source.startswith("pattern:institution") for c in inside):
            continue
        if any(c.start < match.end() < c.end for c in out):
            continue  # the name runs on into another mention: not a place of its own
        out = [c for c in out if c not in inside]
        out.append(Candidate(match.start(), match.end(), "LOC", "pattern:romance-place", PRIORITY["pattern"]))
    return sorted(out, key=lambda c: (c.start, c.end))
