"""Patterns over token shapes for names the statistical model misses or mislabels.

Each pattern states a general shape from the guidelines, not a sentence:
personal names written with initials, facilities ("<Name> airport"), names
in quotes introduced by an organisation or event noun, named exercises with
a year, "X summit" where X is an organisation, a place or a year, and a
periodical on a catalogue citation line ("Journal. - 2021. - № 1").
"""

from __future__ import annotations

import re
from typing import Iterable

from textmine.stages.ner.spans import PRIORITY, Candidate

_UP = "A-ZА-ЯЁ"
_LOW = "a-zа-яёáéíóúýčďěňřšťžüöäß"
_NAME_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
# An initial: one capital, or a transliterated digraph ("Zh.", "Sh.", "Yu.").
_INITIAL = rf"[{_UP}][hsuaо]?\."
_INITIALS = rf"(?:{_INITIAL}\s?){{1,3}}"

# "G. T. Ichshanova", "A.M. Melis", "Zh. K. Bekova", "Ganpat G. Shinde"
_INITIALS_FIRST = re.compile(rf"(?<![\w.])((?:{_NAME_WORD}\s{_INITIAL}\s?|{_INITIALS}\s?){_NAME_WORD})(?![{_LOW}])")
# "Chukalova R.R.", "Ivanov I. I.", "Smith, J." — one initial followed by a name is "J. Name" instead.
_SURNAME_FIRST = re.compile(
    rf"(?<![\w.])({_NAME_WORD},?\s(?:{_INITIAL}\s?{_INITIAL}(?:\s?{_INITIAL})?|{_INITIAL}(?!\s?{_NAME_WORD})))(?!\w)"
)
# A reference entry opens with its first author, surname first: "1. Rahmon E. Water for ..."
_REFERENCE_AUTHOR = re.compile(rf"(?m)^\[?\d{{1,3}}[.)\]]\s*({_NAME_WORD},?\s{_INITIALS})")

_FACILITY_NOUNS = (
    r"airport|Airport|air\s+base|Air\s+Base|airbase|Airbase|training\s+ground|Training\s+Ground|"
    r"cosmodrome|Cosmodrome|naval\s+base|Naval\s+Base|seaport|Seaport|test\s+site|Test\s+Site|"
    r"proving\s+ground|Proving\s+Ground|firing\s+range|dam|Dam|canal|Canal|bridge|Bridge"
)
_FACILITY = re.compile(rf"\b((?:{_NAME_WORD}\s){{1,3}}(?:{_FACILITY_NOUNS}))\b")

_QUOTE_OPEN = "\"“«„‘'"
_QUOTE_CLOSE = "\"”»“’'"
_QUOTED = rf"[{_QUOTE_OPEN}]([^{_QUOTE_CLOSE}\n]{{2,80}}?)[{_QUOTE_CLOSE}]"
_ORG_NOUNS = (
    r"organi[sz]ations?|movements?|group|party|compan(?:y|ies)|cent(?:er|re)|agency|union|association|"
    r"foundation|network|front|publisher|publishing\s+house|newspaper|journal|magazine|ITO|"
    r"центр|организаци[яи]|издательств[оа]|компани[яи]|движени[ея]|парти[яи]|агентств[оа]|газет[аы]|журнал"
)
_QUOTED_ORG = re.compile(rf"\b(?:{_ORG_NOUNS})\s+{_QUOTED}", re.IGNORECASE)
_EVENT_NOUNS = r"exercises?|drills?|maneuvers|manoeuvres|war\s+games|operation|games|festival"
_QUOTED_EVENT = re.compile(rf"\b(?:{_EVENT_NOUNS}|name|called|codenamed|code-named)\s+{_QUOTED}", re.IGNORECASE)
# "Center-2019 exercise", "exercise Vostok-2018"
_HYPHEN_YEAR_EVENT = re.compile(
    rf"\b({_NAME_WORD}-(?:19|20)\d\d)(?=\s+(?:{_EVENT_NOUNS})\b)|\bexercises?\s+({_NAME_WORD}-(?:19|20)\d\d)\b"
)
# "Peace Mission 2016 exercise", "exercises Peaceful Mission 2020"
_NAME_YEAR_EVENT = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{1,3}}(?:19|20)\d\d)(?=\s+(?:{_EVENT_NOUNS})\b)"
    rf"|\bexercises?\s+((?:{_NAME_WORD}\s){{1,3}}(?:19|20)\d\d)\b"
)
# Named institutions: "Al-Farabi Kazakh National University", "Institute of Oriental Studies".
_INSTITUTION_NOUNS = r"Universit(?:y|ies)|Institutes?|Academy|Academies|Colleges?|Conservatory|Ministry|Observatory|Library"
_INSTITUTION = re.compile(
    rf"\b((?:{_INITIALS}\s?)?(?:{_NAME_WORD}\s){{1,5}}(?:{_INSTITUTION_NOUNS})(?:\s(?:of|for)\s(?:the\s)?(?:(?:{_NAME_WORD}|and|of)\s?){{1,6}})?"
    rf"|(?:{_INSTITUTION_NOUNS})\s(?:of|for)\s(?:the\s)?(?:(?:{_NAME_WORD}|and|of)\s?){{1,6}})"
)
# Named gatherings written as proper names: "Dushanbe Water Conference", "2018 Winter Olympics".
_EVENT_NAME = re.compile(
    rf"\b((?:(?:{_NAME_WORD}|(?:19|20)\d\d)\s){{1,5}}(?:Conference|Summit|Forum|Congress|Olympics|Games|Championships?|Festival|Expo))\b"
)
_SUMMIT_NOUN = re.compile(r"\s(summit|Summit|meeting|Meeting|conference|Conference|forum|Forum|congress|Congress)\b")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d$")
# A catalogue citation line: "Journal title. - 2021. - № 1" / "Journal. – 2019. – Vol. 3"
_CITATION_LINE = re.compile(
    r"(?m)^([^\n.]{3,120}?)\.\s*[-–—]\s*(?:19|20)\d\d\.\s*[-–—]\s*(?:№|No\.?|Vol\.?|Т\.|Issue)\s*\d+"
)
_NOT_SURNAME = frozenset(
    "The This That These Those In On At Of For From By With And Or But If As To It He She They We You "
    "January February March April May June July August September October November December".split()
)


def _cand(start: int, end: int, label: str, kind: str) -> Candidate:
    return Candidate(start, end, label, f"pattern:{kind}", PRIORITY["pattern"])


def person_candidates(text: str) -> list[Candidate]:
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = []
    for match in _INITIALS_FIRST.finditer(text):
        words = match.group(1).split()
        surname = words[-1].split(".")[-1]
        initials = re.search(_INITIALS, match.group(1)).group().strip()
        # "U.S. Office": letters with full stops that spell a place or an organisation are not initials.
        if surname in _NOT_SURNAME or words[0] in _NOT_SURNAME or gazetteer.lookup(initials) is not None:
            continue
        # Initials straight after a capitalised word close "Surname I.I."; the next word starts a title.
        starts_with_initials = match.group(1).startswith(initials[:2])
        if starts_with_initials and re.search(rf"{_NAME_WORD} $", text[max(0, match.start(1) - 40):match.start(1)]):
            continue
        if not starts_with_initials and _REFERENCE_AUTHOR.match(text, _line_start(text, match.start(1))):
            continue  # "Surname I. Title" at the head of a reference, not "Given I. Surname"
        out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    for match in _REFERENCE_AUTHOR.finditer(text):
        name = match.group(1).rstrip()
        out.append(_cand(match.start(1), match.start(1) + len(name), "PERSON", "person"))
    for match in _SURNAME_FIRST.finditer(text):
        surname = match.group(1).split()[0].rstrip(",")
        if surname not in _NOT_SURNAME:
            out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    return out


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def facility_candidates(text: str) -> list[Candidate]:
    out = []
    for match in _FACILITY.finditer(text):
        first_word = match.group(1).split()[0]
        if first_word in _NOT_SURNAME:
            continue
        out.append(_cand(match.start(1), match.end(1), "LOC", "facility"))
    return out


def quoted_name_candidates(text: str) -> list[Candidate]:
    out = []
    for regex, label, kind in ((_QUOTED_ORG, "ORG", "quoted-org"), (_QUOTED_EVENT, "EVENT", "quoted-event")):
        for match in regex.finditer(text):
            name = match.group(1)
            if name[:1].isupper():
                out.append(_cand(match.start(1), match.end(1), label, kind))
    return out


def named_event_candidates(text: str) -> list[Candidate]:
    """Exercises named with a year; any other mention of a name learnt here counts too."""
    out = []
    for regex in (_HYPHEN_YEAR_EVENT, _NAME_YEAR_EVENT):
        for match in regex.finditer(text):
            # A sentence-initial function word ("The Peace Mission 2016") is not part of the name.
            span = _without_leading_function_words(match, 1 if match.group(1) else 2, min_words=1)
            if span:
                out.append(_cand(span[0], span[1], "EVENT", "event"))
    return out


def propagate_event_names(text: str, events: Iterable[Candidate]) -> list[Candidate]:
    """A name the document uses for an event is an EVENT wherever it recurs, with or without its year."""
    names = set()
    for event in events:
        base = re.sub(r"[\s-](?:19|20)\d\d$", "", text[event.start:event.end]).strip()
        if len(base) > 2 and base[0].isupper():
            names.add(base)
    out = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?:[\s-](?:19|20)\d\d)?(?!\w)", text):
            out.append(_cand(match.start(), match.end(), "EVENT", "event"))
    return out


def summit_candidates(text: str, anchors: Iterable[Candidate]) -> list[Candidate]:
    """"X summit" where X is an organisation or a place (an anchor ending right before) or a year."""
    anchor_by_end = {a.end: a for a in anchors if a.label in ("ORG", "LOC")}
    out = []
    for match in _SUMMIT_NOUN.finditer(text):
        before = match.start()
        anchor = anchor_by_end.get(before)
        if anchor is not None:
            out.append(_cand(anchor.start, match.end(1), "EVENT", "summit"))
            continue
        year = _YEAR_BEFORE.search(text, max(0, before - 4), before)
        if year:
            out.append(_cand(year.start(), match.end(1), "EVENT", "summit"))
    return out


def _without_leading_function_words(match: re.Match, group: int = 1, min_words: int = 2) -> tuple[int, int] | None:
    """The match less a sentence-initial "The", "In"...; None when fewer than ``min_words`` remain."""
    start, words = match.start(group), match.group(group).split()
    while words and words[0] in _NOT_SURNAME:
        start += len(words[0]) + 1
        words = words[1:]
    return (start, match.end(group)) if len(words) >= min_words else None


def institution_candidates(text: str) -> list[Candidate]:
    out = []
    for match in _INSTITUTION.finditer(text):
        span = _without_leading_function_words(match)
        if span:
            out.append(Candidate(span[0], span[1], "ORG", "pattern:institution", PRIORITY["pattern:institution"]))
    return out


def event_name_candidates(text: str) -> list[Candidate]:
    out = []
    for match in _EVENT_NAME.finditer(text):
        span = _without_leading_function_words(match)
        if span:
            out.append(_cand(span[0], span[1], "EVENT", "event"))
    return out


def citation_line_candidates(text: str) -> list[Candidate]:
    """The periodical named on a catalogue citation line is an ORG (guidelines: periodicals)."""
    out = []
    for match in _CITATION_LINE.finditer(text):
        name = match.group(1).strip()
        if name and name[0].isupper():
            start = match.start(1) + match.group(1).index(name)
            out.append(_cand(start, start + len(name), "ORG", "periodical"))
    return out
