"""High-precision surface patterns over a candidate pair.

Each pattern reads the text between (and around) the two argument spans,
with the other entity mentions there replaced by ``§`` so that a list of
names reads the same whatever its length ("member states §, § and §").
Patterns serve three purposes: they are features of the classifier, they are
the "patterns only" baseline, and the component lets them add a relation the
classifier missed (source ``pattern:<name>``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from textmine.document import Document, relation_allowed
from textmine.stages.relations.candidates import Candidate

# Stands for another mention; a symbol, so that lower-casing leaves it alone and no word matches it.
PLACEHOLDER = "§"
# A list continuation: ", §", " and §", ", and §".
_LIST = r"(?:\s*(?:,|\band\b|\bor\b|,\s*and\b)\s*§)*"
_EVENT_VERBS = r"\b(held|hold|holds|took place|take place|takes place|conducted|hosted|organi[sz]ed|staged)\b"
# Words that deny or only attempt a relation ("attempted to obtain observer status").
_DENIAL = re.compile(r"\b(attempt\w*|tried|try|sought|seek\w*|fail\w*|refus\w*|denied|deny|not|never|no)\b")


def mention_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's mention spans, sorted (computed once per document, read by every PairView)."""
    return sorted({(e.start, e.end) for e in doc.entities})


def masked(
    doc: Document, start: int, end: int, skip: tuple[tuple[int, int], ...] = (), spans: list[tuple[int, int]] | None = None
) -> str:
    """``doc.text[start:end]`` with every entity mention inside replaced by § (mentions in ``skip`` too).

    ``spans`` are ``mention_spans(doc)`` when the caller has them already.
    """
    spans = mention_spans(doc) if spans is None else spans
    # Only mentions starting in [start, end) can be inside.
    nearby = sorted(set(spans[bisect_left(spans, (start, start)):bisect_left(spans, (end, end))]) | set(skip))
    pieces, pos = [], start
    for s, e in nearby:
        if s >= start and e <= end and s >= pos:
            pieces.append(doc.text[pos:s])
            pieces.append(PLACEHOLDER)
            pos = e
    pieces.append(doc.text[pos:end])
    return " ".join("".join(pieces).split())


class PairView:
    """The pieces of text a pattern looks at, computed once per candidate."""

    def __init__(self, cand: Candidate, doc: Document, spans: list[tuple[int, int]] | None = None):
        spans = mention_spans(doc) if spans is None else spans
        self.cand = cand
        self.head_span = cand.span("head")
        self.tail_span = cand.span("tail")
        self.head_first = self.head_span[0] < self.tail_span[0]
        first, second = (self.head_span, self.tail_span) if self.head_first else (self.tail_span, self.head_span)
        arguments = (self.head_span, self.tail_span)
        sent_start, sent_end = cand.sentence
        self.between_raw = doc.text[first[1]:second[0]]
        self.labels_between = [e.label for e in doc.entities if e.start >= first[1] and e.end <= second[0]]
        self.between = masked(doc, first[1], second[0], arguments, spans).lower()
        self.before = masked(doc, sent_start, first[0], arguments, spans).lower()
        self.after = masked(doc, second[1], sent_end, arguments, spans).lower()

    def labels(self) -> tuple[str, str]:
        return self.cand.head.label, self.cand.tail.label


def _comma_location(v: PairView) -> str | None:
    """"University of §, Almaty", "Almaty, Kazakhstan": a place named right after, not a list of places."""
    if v.head_first and v.between_raw.strip() == "," and not list_siblings(v):
        return "located_in"
    return None


def _in_location(v: PairView) -> str | None:
    if v.head_first and re.fullmatch(r"in(\s+the)?", v.between):
        return "located_in"
    return None


def _located_verb(v: PairView) -> str | None:
    if v.head_first and re.search(r"\b(located|based|headquartered|situated)\s+(in|at)(\s+the)?$", v.between):
        return "located_in"
    return None


def _of_organisation(v: PairView) -> str | None:
    """"the Executive Committee of the RATS": a named organisation of another one."""
    if v.head_first and v.labels() == ("ORG", "ORG") and re.fullmatch(r"of(\s+the)?", v.between):
        return "part_of"
    return None


def _body_of(v: PairView) -> str | None:
    if v.head_first and re.search(r"\b(body|organ|division|subsidiary|branch|unit|department|part)\s+of(\s+the)?$", v.between):
        return "part_of"
    return None


def _member_of(v: PairView) -> str | None:
    if v.head_first and re.search(r"\b(a|an|the)?\s*(founding\s+)?members?(\s+(states?|countries))?\s+of(\s+the)?$", v.between):
        return "member_of"
    # "the CSTO member states Armenia and Belarus": the organisation first, then its members.
    if not v.head_first and re.fullmatch(r"member\s+(states?|countries|nations)(\s*:)?(\s*§" + _LIST + r"\s*(,|and|,\s*and))?", v.between):
        return "member_of"
    return None


def _held_on(v: PairView) -> str | None:
    if v.labels()[1] != "DATE":
        return None
    if v.head_first and re.fullmatch(r"(in|on|of|,)?", v.between):
        return "held_on"
    if v.head_first and re.search(_EVENT_VERBS + r"(\s+\S+){0,3}\s+(in|on|during)(\s+the)?$", v.between):
        return "held_on"
    # "On August 29, 2014, the exercises ...": the date opens the sentence about the event.
    if not v.head_first and re.fullmatch(r",?", v.between) and re.search(r"\b(in|on)$", v.before):
        return "held_on"
    return None


def _held_in(v: PairView) -> str | None:
    if v.head_first and re.search(
        _EVENT_VERBS + r"(\s+\S+){0,8}\s+(in|at|near|on the territory of)(\s+the)?(\s+§\s*\()?$", v.between
    ):
        return "held_in"
    return None


def _organisation_exercise(v: PairView) -> str | None:
    """"The SCO exercises Peaceful Mission 2020": the organisation whose exercise it is conducts it."""
    if v.head_first and v.labels()[1] == "EVENT" and re.fullmatch(r"(exercises?|drills?|manoeuvres|maneuvers|games)", v.between):
        return "participant_in"
    return None


def _observer(v: PairView) -> str | None:
    if _DENIAL.search(v.between) or _DENIAL.search(v.before[-40:]):
        return None
    status = r"\bobserver(s)?(\s+status)?\s+(in|of|at|to|with)(\s+the)?$"
    if v.head_first and (re.search(status, v.between) or re.search(r"\bstatus of an? observer (in|at|to|with)(\s+the)?$", v.between)):
        return "observer_of"
    # "observer status in the SCO ... to three countries - India, Pakistan and Iran"
    if not v.head_first and re.search(status, v.before) and re.search(r"\bto\b[^§]*(§\s*(,|and|,\s*and)\s*)*$", v.between):
        return "observer_of"
    return None


def _took_part(v: PairView) -> str | None:
    """"EVENT ..., where §, § and § took part": each listed name took part."""
    if not v.head_first and re.match(r"^" + _LIST + r"\s*\b(took part|take part|takes part|participated|participate|participates)\b", v.after):
        return "participant_in"
    return None


def _partnership(v: PairView) -> str | None:
    """"X ... developing partnerships with ... Y": X is the partner, not a name in a prepositional phrase before."""
    if re.search(r"\bpartner(s|ships?)?\b.*\bwith\b", v.between) and not re.search(r"\b(at|in|of|to|from|by|for|on|with)(\s+the)?$", v.before):
        return "partner_of"
    return None


def _author_affiliation(v: PairView) -> str | None:
    """Author block: each author is affiliated with the first organisation after the authors."""
    if v.cand.block == "author" and v.head_first and v.labels() == ("PERSON", "ORG") and "ORG" not in v.labels_between:
        return "affiliated_with"
    return None


PATTERNS: dict[str, Callable[[PairView], str | None]] = {
    "comma_location": _comma_location,
    "in_location": _in_location,
    "located_verb": _located_verb,
    "of_organisation": _of_organisation,
    "body_of": _body_of,
    "member_of": _member_of,
    "held_on": _held_on,
    "held_in": _held_in,
    "took_part": _took_part,
    "organisation_exercise": _organisation_exercise,
    "observer": _observer,
    "partnership": _partnership,
    "author_affiliation": _author_affiliation,
}


_LIST_SEP = r"(,|and|or|,\s*and|,\s*or)"


def list_siblings(v: PairView) -> bool:
    """Both arguments are members of one list of three or more names joined by "and"/"or" ("India, Pakistan and Iran")."""
    if not re.fullmatch(rf"{_LIST_SEP}(\s*§\s*{_LIST_SEP})*", v.between):
        return False
    before = re.search(rf"(§\s*{_LIST_SEP}\s*)+$", v.before)
    after = re.match(rf"(\s*{_LIST_SEP}\s*§)+", v.after)
    area = v.between + (before.group(0) if before else "") + (after.group(0) if after else "")
    return area.count("§") + 2 >= 3 and re.search(r"\b(and|or)\b", area) is not None


_ACCESS_DATE = re.compile(r"(date of (treatment|access)|accessed( on)?|retrieved( on)?|дата обращения)\s*:?\s*$")


def access_date(v: PairView) -> bool:
    """The date argument is a reference's access date ("(date of treatment 12/30/2020)"), not a date of what it names."""
    for role, span in (("head", v.head_span), ("tail", v.tail_span)):
        entity = v.cand.head if role == "head" else v.cand.tail
        if entity.label == "DATE":
            preceding = v.between if (role == "tail") == v.head_first else v.before
            if _ACCESS_DATE.search(preceding):
                return True
    return False


VETOES: dict[str, Callable[[PairView], bool]] = {"list_siblings": list_siblings, "access_date": access_date}


def vetoes(cand: Candidate, doc: Document, view: PairView | None = None) -> list[str]:
    """Names of the veto patterns that say the pair holds no relation."""
    view = view or PairView(cand, doc)
    return [name for name, veto in VETOES.items() if veto(view)]


def match(cand: Candidate, doc: Document, view: PairView | None = None) -> list[tuple[str, str]]:
    """(pattern name, label) for every pattern that fires on the candidate with an allowed label."""
    view = view or PairView(cand, doc)
    hits = []
    for name, pattern in PATTERNS.items():
        label = pattern(view)
        if label and relation_allowed(label, cand.head.label, cand.tail.label):
            hits.append((name, label))
    return hits
