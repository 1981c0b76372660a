"""Candidate mentions and the guidelines' span rules.

Every recogniser (statistical model, gazetteer, patterns, Russian NER, date
finder) proposes :class:`Candidate` spans; :func:`clean_span` applies the
boundary rules of the annotation guidelines, and :func:`resolve` chooses flat,
non-crossing mentions by priority and length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Source priorities: higher wins an overlap; equal priority, the longer span wins.
PRIORITY = {
    "dates": 90,
    "pattern": 85,
    "gazetteer:long": 80,
    # Above persons: a name inside an institution's name is not annotated apart ("L. N. Gumilyov ... University").
    "pattern:institution": 86,
    "statistical": 70,
    "natasha": 70,
    "gazetteer": 60,
    "propagation": 50,
}

# Regions of text where nothing is annotated (guidelines §1): URLs, e-mails, ORCIDs.
_NO_ANNOTATION = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b",
)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LEADING = re.compile(r"^(?:[Tt]he\s+|[\"'«»“”„‘’(\[\s,;:.\-–—/]+)+")
_TRAILING = re.compile(r"(?:[\"'«»“”„‘’)\]\s,;:.\-–—/*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]+|'s|’s|\s(?:of|the|and|in|for|on|at|to))+$")
# Degree and title words that stick to author names in author blocks.
_PERSON_TITLES = re.compile(
    r"(?:\s+(?:PhD|Ph\.D\.?|Dr\.?|Prof\.?|professor|Master's|Master|MA|MSc|BSc|DSc|Candidate|Doctor|Associate)\b.*)$",
    re.DOTALL,
)


_INITIAL_END = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁ]$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str  # e.g. "spacy", "gazetteer", "pattern:person", "natasha", "dates"
    priority: int
    canonical: str | None = None
    kb_id: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


def no_annotation_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NO_ANNOTATION.finditer(text)]


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def clean_span(text: str, cand: Candidate, blocked: list[tuple[int, int]]) -> Candidate | None:
    """Apply the boundary rules; None when nothing of the span is left.

    A span is cut at a line break and at the first URL/e-mail it runs into
    (the part before is kept), loses a leading "the", quotes and punctuation,
    a trailing possessive, and for PERSON the degree words after the name.
    """
    start, end = cand.start, cand.end
    for b_start, b_end in blocked:
        if b_start <= start < b_end:
            return None
        if start < b_start < end:
            end = b_start
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    # A name in guillemets or curly quotes is the quoted part ("Издательство «Наука»" -> "Наука").
    for opener, closer in (("«", "»"), ("“", "”")):
        inside = text.find(opener, start, end)
        if inside > start:
            closing = text.find(closer, inside + 1, end + 1)
            start, end = inside + 1, closing if closing != -1 else end
    piece = text[start:end]
    lead = _LEADING.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    if cand.label == "PERSON":
        title = _PERSON_TITLES.search(piece)
        if title:
            end = start + title.start()
    piece = text[start:end]
    trail = _TRAILING.search(piece)
    if trail:
        end = start + trail.start()
        # A closing bracket stays when its opener is inside the span ("Center (Moscow)").
        if text[end:end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1
        # The full stop of an initial is part of the name ("Chukalova R.R.").
        elif text[end:end + 1] == "." and _INITIAL_END.search(text, start, end):
            end += 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return replace(cand, start=start, end=end)


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Flat, maximal, non-crossing mentions: by priority, then length, then position."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start)):
        if not any(cand.overlaps(kept) for kept in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
