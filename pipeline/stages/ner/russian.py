"""Named entities in Russian text, with natasha's NER (its model ships in its wheel).

natasha's PER/LOC/ORG are run over each line that holds Cyrillic; only spans
with Cyrillic in them are kept, since Latin names on such lines (an English
title inside a Russian heading) are the English recognisers' work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from textmine.stages.ner.spans import PRIORITY, Candidate, has_cyrillic

NATASHA_TO_GUIDELINES = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _natasha():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def russian_candidates(text: str) -> list[Candidate]:
    if not has_cyrillic(text):
        return []
    from natasha import Doc

    segmenter, tagger = _natasha()
    # The Cyrillic lines are tagged as one text (one model call); each keeps its offset.
    lines = [line for line in _LINE.finditer(text) if has_cyrillic(line.group())]
    joined_starts, position = [], 0
    for line in lines:
        joined_starts.append(position)
        position += len(line.group()) + 1
    doc = Doc("\n".join(line.group() for line in lines))
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    out = []
    for span in doc.spans:
        label = NATASHA_TO_GUIDELINES.get(span.type)
        if not label or not has_cyrillic(span.text) or "\n" in span.text:
            continue
        index = bisect_right(joined_starts, span.start) - 1
        start = lines[index].start() + span.start - joined_starts[index]
        out.append(Candidate(start, start + len(span.text), label, "natasha", PRIORITY["natasha"]))
    return out
