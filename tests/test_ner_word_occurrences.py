"""whole_word_occurrences: the matches of a whole-word regex, found without compiling one per word."""

from __future__ import annotations

import re

import pytest

from textmine.stages.ner import whole_word_occurrences


def _by_regex(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


TEXTS = [
    "Kazakhstan and the kazakh steppe; Kazakhstan's capital, Astana (Kazakhstan).",
    "aaa aa a_a aa-aa aa2 2aa «aa» aa.aa",
    "The Council of the Council; Councils; council; Council_; Council",
    "Бишкек и Бишкеке, Бишкек-Ош; Бишкек1 Бишкек",
    "x.x.x x.x x x.x.x.x",
    "ⅫAB AB ABⅫ AB² ²AB AB",  # numerals and superscripts count as word characters, as in re's \w
    "",
]
WORDS = ["Kazakhstan", "aa", "a", "Council", "Бишкек", "x.x", "AB", "the", "missing"]


@pytest.mark.parametrize("text", TEXTS)
def test_same_starts_as_the_regex(text: str):
    for word in WORDS:
        assert list(whole_word_occurrences(text, word)) == _by_regex(text, word), word


def test_the_cases_are_not_trivial():
    assert list(whole_word_occurrences(TEXTS[0], "Kazakhstan")) == [0, 34, 64]
    assert list(whole_word_occurrences(TEXTS[4], "x.x")) == [0, 6, 12, 16]  # not overlapping, like finditer


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        list(whole_word_occurrences("text", ""))
