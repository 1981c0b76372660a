"""Named entities in Russian text, with natasha's NER (its model ships in its wheel).

natasha's PER/LOC/ORG are run over each line that holds Cyrillic; only spans
with Cyrillic in them are kept, since Latin names on such lines (an English
title inside a Russian heading) are the English recognisers' work.

The gazetteer's Russian names (in any case form: "в Мурманске", "ОДКБ") are
looked up too, for the places and abbreviations natasha misses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from textmine.stages.ner.spans import PRIORITY, Candidate, has_cyrillic

NATASHA_TO_GUIDELINES = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}
_LINE = re.compile(r"[^\n]+")
# Up to three capitalised Cyrillic words ("Кабу-Делгаду", "Центральной Азии"), or an abbreviation in capitals ("ОДКБ").
_RUSSIAN_NAME = re.compile(r"(?<![\w-])(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?:\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*){0,2}|[А-ЯЁ]{2,6})(?![\w-])")
# The first word of a sentence is capitalised whatever it is: a town's name there must be longer than one word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[«\"(]\s*)$")
# A capitalised word and the lower-case words after it: an organisation named in Russian in any case form
# ("Азиатского банка развития", "Нового банка развития"), tried longest first.
_RUSSIAN_LOWER_TAIL_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:\s[а-яё]+){1,4}(?![\w-])")
# Platforms and media are named alone at the head of a row of links ("Поделиться: Одноклассники · ...").
_PLATFORM_KINDS = frozenset({"company", "media"})


@lru_cache(maxsize=1)
def _natasha():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def prepare_russian() -> None:
    """Load now what the first Cyrillic text would load: the natasha tagger and the gazetteer's Russian indexes."""
    from textmine.resources.gazetteer import load_gazetteer

    _natasha()
    load_gazetteer().build_indexes()


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


def russian_gazetteer_candidates(text: str) -> list[Candidate]:
    """Places and organisations of the gazetteer named in Russian on Cyrillic lines, longest name first."""
    if not has_cyrillic(text):
        return []
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = []
    for match in _RUSSIAN_NAME.finditer(text):
        words = match.group().split()
        # The longest run of the words that is a known name, then the rest.
        position = 0
        while position < len(words):
            for size in range(len(words) - position, 0, -1):
                surface = " ".join(words[position:position + size])
                start = match.start() + len(" ".join(words[:position])) + (1 if position else 0)
                entry = gazetteer.lookup(surface)
                if size == 1 and not surface.isupper() and _SENTENCE_START.search(text, max(0, start - 3), start):
                    if entry is None or entry.kind not in _PLATFORM_KINDS:
                        continue
                if entry is not None and has_cyrillic(surface):
                    out.append(Candidate(start, start + len(surface), entry.label, "gazetteer:ru", PRIORITY["gazetteer"],
                                         entry.canonical, entry.kb_id))
                    position += size
                    break
            else:
                position += 1
    return out + _lower_tail_organisations(text, gazetteer)


def _lower_tail_organisations(text: str, gazetteer) -> list[Candidate]:
    """Organisations whose Russian name runs on in lower case, in any case form: the longest known run from each
    capitalised word."""
    out = []
    for match in _RUSSIAN_LOWER_TAIL_NAME.finditer(text):
        words = match.group().split()
        for size in range(len(words), 1, -1):
            surface = " ".join(words[:size])
            entry = gazetteer.lookup(surface)
            if entry is not None and entry.label == "ORG":
                out.append(Candidate(match.start(), match.start() + len(surface), "ORG", "gazetteer:ru",
                                     PRIORITY["gazetteer:long"], entry.canonical, entry.kb_id))
                break
    return out
