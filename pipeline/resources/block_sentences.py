"""A spaCy component that starts a sentence at every block break, before the parser runs.

Pages hold blocks that are not sentences: headings, author and affiliation
lines, keyword lists, catalogue fields. Between them there is a blank line or
a line break but often no full stop, so the parser reads "Keywords: A, B
Introduction The X was created by ..." as one sentence and hangs the heading
on the next clause. Marking the first token after a blank line, and after a
line break that does not continue a hard-wrapped line of prose, as a sentence
start makes the parser keep to the blocks (spaCy's parser respects sentence
starts set before it) and leaves every other token for the parser to decide.
"""

from __future__ import annotations

import re
from typing import Any

COMPONENT_NAME = "textmine_block_sentences"
# Bumped whenever the rule changes: parses cached by training are keyed on it.
RULE_VERSION = "1"

# A hard-wrapped line of prose is long and does not end a sentence; a heading or a name line is short or ends one.
_WRAPPED_LINE_MIN_CHARS = 50
_SENTENCE_END = re.compile(r"[.!?:;]['\"»”’)\]]*$")
_CONTINUES = re.compile(r"(?:[,(\-–—/&]|\b[a-z][a-z'’]*)$")


def breaks_block(previous_line: str, next_line: str, blank: bool) -> bool:
    """Does a line break between ``previous_line`` and ``next_line`` end a block (a heading, a name line, a field)?

    A blank line always does; a single line break does unless the previous
    line looks like hard-wrapped prose: long, not ending a sentence, and
    going on in the next line (it ends with a comma or a lower-case word, or
    the next line starts in lower case).
    """
    if blank:
        return True
    previous, following = previous_line.strip(), next_line.strip()
    if not previous or not following:
        return True
    if len(previous) < _WRAPPED_LINE_MIN_CHARS or _SENTENCE_END.search(previous):
        return True
    return not (_CONTINUES.search(previous) or following[0].islower())


def block_starts(doc: Any) -> list[int]:
    """Indices of the tokens that open a block: the first non-space token after a break that :func:`breaks_block` accepts."""
    from spacy.attrs import IS_SPACE

    # Line breaks are in whitespace tokens only: a text without any (a paragraph on one line) has no block to start.
    if not doc.to_array(IS_SPACE).any():
        return []
    # One pass over the tokens: spaCy makes a new Token object on every doc[i] and rebuilds doc.text on every read.
    columns = [(token.is_space, token.idx, len(token), token.text_with_ws) for token in doc]
    text = "".join(column[3] for column in columns)
    starts = []
    for i in range(1, len(columns)):
        is_space, idx = columns[i][0], columns[i][1]
        if is_space:
            continue
        before = i - 1
        while before > 0 and columns[before][0]:
            before -= 1
        gap_start = columns[before][1] + (0 if columns[before][0] else columns[before][2])
        gap = text[gap_start:idx]
        if "\n" not in gap:
            continue
        # The line before is what precedes the gap's first newline.
        first_newline = gap_start + gap.index("\n")
        line_start = text.rfind("\n", 0, first_newline) + 1
        line_end = text.find("\n", idx)
        blank = gap.count("\n") > 1
        if breaks_block(text[line_start:first_newline], text[idx:len(text) if line_end < 0 else line_end], blank):
            starts.append(i)
    return starts


def set_block_starts(doc: Any) -> Any:
    """Mark the block starts as sentence starts; leave every other token unset for the parser."""
    for i in block_starts(doc):
        doc[i].is_sent_start = True
    return doc


def add_to(nlp: Any) -> None:
    """Put the component into ``nlp`` just before its parser (registering the factory once per process)."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT_NAME):
        Language.component(COMPONENT_NAME, func=set_block_starts)
    if COMPONENT_NAME in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, before="parser")
    else:
        nlp.add_pipe(COMPONENT_NAME, first=True)
