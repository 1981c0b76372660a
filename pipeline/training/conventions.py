"""External NER annotations brought onto the guidelines' span conventions.

Re-DocRED and CrossNER annotate names much as the guidelines do, but differ
in two ways that change strict scores without being errors of either side:

* they keep a leading article in the span ("the United Nations",
  "The Sunflower"); the guidelines leave it out (§1);
* Re-DocRED splits a date range into two TIME mentions ("1990 to 1995");
  the guidelines make a range whose both ends are written ONE span (§2);
* Re-DocRED leaves a date's modifier out ("the late [1930s]", "summer of
  [1975]"); the guidelines put it in ("late 1930s", as OntoNotes and TimeML);
* Re-DocRED tags durations as TIME ("three-year", "78 years"); the
  guidelines say durations are not DATEs;
* Re-DocRED writes "between 1930 and 1950" as two dates; a range whose
  both ends are written is one span (§2), with "between ... and" as with
  "from ... to";
* Re-DocRED splits "Supreme Court of Florida" into an ORG and a LOC; the
  guidelines make an organisation followed by "of" and a place ONE ORG
  ("Parliament of Kyrgyzstan", "Ministry of Defence of the Russian
  Federation").

:func:`to_guidelines` applies them all, for training (``textmine train ner``)
and for the benchmark's gold (``textmine benchmark ner``), so that a system
following the guidelines is not counted wrong for following them. Other
differences (nationality adjectives, MISC, durations, CrossNER's missing
dates) are decided where each corpus is read and in ``training/ner.py``.
"""

from __future__ import annotations

import re

from textmine.document import Document, Entity

_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
# What joins the two ends of a written range: "1990 to 1995", "1990 – 1995", "1990-1995".
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*")
# The modifiers of the guidelines' examples ("end of 1993", "late 2000s", "first half of the 1990s"), ending where the date starts.
_DATE_MODIFIER = re.compile(
    r"(?:\b(?:early|mid|late|Early|Mid|Late)"
    r"|\b(?:[Bb]eginning|[Ee]nd|[Mm]iddle|(?:[Ff]irst|[Ss]econd) half|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter) of(?: the)?"
    r"|\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter))\s+$"
)
# "between 1930 and 1950": the second joiner of a written range, after "between" before its first end.
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+$")
_AND_JOINER = re.compile(r"\s+and\s+")
# An organisation followed by "of" and a place: one ORG under the guidelines ("Supreme Court of Florida").
_OF_PLACE_JOINER = re.compile(r"\s+of(?:\s+the)?\s+")
# A duration: a unit of time and no year, month name or decade ("three - year", "78 years", "a year").
_DURATION_UNIT = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b", re.IGNORECASE)
_CALENDAR = re.compile(
    r"\d{4}|\d0s\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|century", re.IGNORECASE
)


def to_guidelines(doc: Document) -> Document:
    """A copy of ``doc`` (entities only, renumbered) with the guidelines' span conventions."""
    text = doc.text
    entities = []
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        start = ent.start
        article = _LEADING_ARTICLE.match(text, start, ent.end)
        if article and article.end() < ent.end:
            start = article.end()
        if ent.label == "DATE":
            surface = text[start:ent.end]
            if _DURATION_UNIT.search(surface) and not _CALENDAR.search(surface):
                continue
            modifier = _DATE_MODIFIER.search(text, max(0, start - 30), start)
            if modifier and not any(e.end > modifier.start() for e in entities):
                start = modifier.start()
        previous = entities[-1] if entities else None
        if (
            previous is not None
            and previous.label == ent.label == "DATE"
            and (
                _RANGE_JOINER.fullmatch(text, previous.end, start)
                or (_AND_JOINER.fullmatch(text, previous.end, start) and _BETWEEN_BEFORE.search(text, max(0, previous.start - 12), previous.start))
            )
        ):
            entities[-1] = Entity(id="", start=previous.start, end=ent.end, label="DATE", text=text[previous.start:ent.end])
            continue
        if (
            previous is not None
            and previous.label == "ORG"
            and ent.label == "LOC"
            and _OF_PLACE_JOINER.fullmatch(text, previous.end, start)
        ):
            entities[-1] = Entity(id="", start=previous.start, end=ent.end, label="ORG", text=text[previous.start:ent.end])
            continue
        entities.append(Entity(id="", start=start, end=ent.end, label=ent.label, text=text[start:ent.end], value=ent.value))
    for i, ent in enumerate(entities, 1):
        ent.id = f"T{i}"
    copy = Document(id=doc.id, text=text, entities=entities, source=dict(doc.source))
    copy.annotations = dict(doc.annotations)
    return copy
