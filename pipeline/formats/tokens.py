"""spaCy's English tokens of a text, and tokens split at entity boundaries.

Token-based formats (spaCy ``DocBin``, CoNLL BIO) need every entity to start
and end on a token boundary. spaCy's English tokenizer (the rules
en_core_web_sm ships with, loaded here without the model) is the reference:
:func:`misaligned_entities` lists the entities that start or end inside one of
its tokens, and :func:`aligned_pieces` cuts the text into tokens that are
spaCy's except where an entity boundary falls inside one, so that no offset is
ever moved.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from textmine.document import Document, Entity


@lru_cache(maxsize=1)
def english() -> Any:
    """A blank English spaCy pipeline: the tokenizer rules of en_core_web_sm, no model files."""
    import spacy

    return spacy.blank("en")


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every spaCy token of ``text``, whitespace tokens included."""
    return [(tok.idx, tok.idx + len(tok.text)) for tok in english().tokenizer(text)]


def misaligned_entities(doc: Document) -> list[Entity]:
    """Entities of ``doc`` that start or end inside a spaCy token."""
    spans = token_spans(doc.text)
    starts = {start for start, _ in spans}
    ends = {end for _, end in spans}
    return [e for e in doc.entities if e.start not in starts or e.end not in ends]


def aligned_pieces(text: str, entities: Iterable[Entity]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags that rebuild ``text`` exactly (spaCy's ``Doc(words, spaces)``).

    The words are spaCy's tokens, cut again wherever an entity starts or ends
    inside one. A single space after a word becomes its trailing space unless
    an entity starts or ends on that space.
    """
    entity_starts, entity_ends = set(), set()
    for ent in entities:
        entity_starts.add(ent.start)
        entity_ends.add(ent.end)
    cuts = {0, len(text)} | entity_starts | entity_ends
    for start, end in token_spans(text):
        cuts.update((start, end))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    words: list[str] = []
    spaces: list[bool] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = text[start:end]
        glue = (
            piece == " "
            and words
            and not spaces[-1]
            and not words[-1].isspace()
            and start not in entity_starts
            and end not in entity_ends
        )
        if glue:
            spaces[-1] = True
        else:
            words.append(piece)
            spaces.append(False)
    return words, spaces
