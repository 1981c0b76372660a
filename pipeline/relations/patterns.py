"""High-precision surface patterns over a candidate pair.

Each pattern reads the text between (and around) the two argument spans,
with the other entity mentions there replaced by ``X`` so that a list of
names reads the same whatever its length ("member states X, X and X").
Patterns serve three purposes: they are features of the classifier, they are
the "patterns only" baseline, and the component lets them add a relation the
classifier missed (source ``pattern:<name>``).
"""

from __future__ import annotations

import re
from typing import Callable

from ..document import Document, relation_allowed
from .candidates import Candidate

PLACEHOLDER = "X"
# A list continuation: ", X", " and X", ", and X".
_LIST = r"(?:\s*(?:,|\band\b|\bor\b|,\s*and\b)\s*X)*"


def masked(doc: Document, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()) -> str:
    """``doc.text[start:end]`` with every entity mention inside replaced by X (mentions in ``skip`` too)."""
    pieces, pos = [], start
    spans = sorted({(e.start, e.end) for e in doc.entities} | set(skip))
    for s, e in spans:
        if s >= start and e <= end and s >= pos:
            pieces.append(doc.text[pos:s])
            pieces.append(PLACEHOLDER)
            pos = e
    pieces.append(doc.text[pos:end])
    return " ".join("".join(pieces).split())


class PairView:
    """The pieces of text a pattern looks at, computed once per candidate."""

    def __init__(self, cand: Candidate, doc: Document):
        self.cand = cand
        self.head_span = cand.span("head")
        self.tail_span = cand.span("tail")
        self.head_first = self.head_span[0] < self.tail_span[0]
        first, second = (self.head_span, self.tail_span) if self.head_first else (self.tail_span, self.head_span)
        spans = (self.head_span, self.tail_span)
        sent_start, sent_end = cand.sentence
        self.between_raw = doc.text[first[1]:second[0]]
        self.labels_between = [e.label for e in doc.entities if e.start >= first[1] and e.end <= second[0]]
        self.between = masked(doc, first[1], second[0], spans).lower()
        self.before = masked(doc, sent_start, first[0], spans).lower()
        self.after = masked(doc, second[1], sent_end, spans).lower()

    def labels(self) -> tuple[str, str]:
        return self.cand.head.label, self.cand.tail.label


def _comma_location(v: PairView) -> str | None:
    """"University of X, Almaty", "Almaty, Kazakhstan": a place named right after, not a list of places."""
    if not v.head_first or v.between_raw.strip() != ",":
        return None
    if re.match(r"^\s*(,\s*(and\s+|or\s+)?X|and\b|or\b)", v.after):
        return None
    if v.cand.head.label == "LOC" and re.search(r"(X\s*,|\band|\bor)\s*$", v.before):
        return None
    return "located_in"


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
    if not v.head_first and re.fullmatch(r"member\s+(states?|countries|nations)(\s*:)?(\s*X" + _LIST + r"\s*(,|and|,\s*and))?", v.between):
        return "member_of"
    return None


def _held_on(v: PairView) -> str | None:
    if v.head_first and v.labels()[1] == "DATE" and re.fullmatch(r"(in|on|of|,)?", v.between):
        return "held_on"
    return None


def _held_in(v: PairView) -> str | None:
    if v.head_first and re.search(r"\b(held|took place|conducted|hosted|organi[sz]ed|staged)\b(\s+\S+){0,4}\s+(in|at)(\s+the)?$", v.between):
        return "held_in"
    return None


def _took_part(v: PairView) -> str | None:
    """"EVENT ..., where X, Y and Z took part": each listed name took part."""
    if v.head_first:
        return None
    if re.match(r"^" + _LIST + r"\s+(took part|participated|take part|participate|joined)\b", v.after) or re.match(
        r"^" + _LIST + r"\s+(took|take) part", v.after
    ):
        return "participant_in"
    return None


def _partnership(v: PairView) -> str | None:
    if re.search(r"\bpartner(s|ships?)?\b.*\bwith\b", v.between):
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
    "partnership": _partnership,
    "author_affiliation": _author_affiliation,
}


def match(cand: Candidate, doc: Document, view: PairView | None = None) -> list[tuple[str, str]]:
    """(pattern name, label) for every pattern that fires on the candidate with an allowed label."""
    view = view or PairView(cand, doc)
    hits = []
    for name, pattern in PATTERNS.items():
        label = pattern(view)
        if label and relation_allowed(label, cand.head.label, cand.tail.label):
            hits.append((name, label))
    return hits
