"""The block-sentence component: sentence starts at block breaks, set before the parser."""

from __future__ import annotations

from textmine.resources.block_sentences import COMPONENT_NAME, breaks_block
from textmine.resources.nlp import load_english


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_english()(text).sents if s.text.strip()]


def test_the_component_runs_before_the_parser_and_not_in_the_published_pipeline():
    names = load_english().pipe_names
    assert names.index(COMPONENT_NAME) < names.index("parser")
    assert COMPONENT_NAME not in load_english(index_attribute_rules=False, block_sentences=False).pipe_names


def test_headings_keyword_and_name_lines_do_not_run_into_the_next_sentence():
    text = ("Keywords: Danube Commission, river transport, Serbia\n\nBackground\n\n"
            "The Danube Commission was set up by the riparian states.\n"
            "Milica Jovanovic\nInstitute of European Studies, Belgrade")
    found = sentences(text)
    assert "Keywords: Danube Commission, river transport, Serbia" in found
    assert "Background" in found
    assert "The Danube Commission was set up by the riparian states." in found
    assert "Milica Jovanovic" in found


def test_a_hard_wrapped_line_of_prose_goes_on_in_the_next_line():
    assert not breaks_block("The commission, which had met in Vienna for several years, was", "moved to Budapest in 1954.", blank=False)
    assert not breaks_block("The commission met in Vienna and in Budapest for many years with", "Hungary and Austria present.", blank=False)
    # a short line, a line that ends a sentence, and a blank line all end a block
    assert breaks_block("Background", "The commission met in Vienna.", blank=False)
    assert breaks_block("The commission met in Vienna and in Budapest for many years after the war.", "Hungary objected.", blank=False)
    assert breaks_block("The commission, which had met in Vienna for several years, was", "moved to Budapest.", blank=True)


def test_offsets_and_text_are_untouched():
    text = "Background\n\nThe commission met.\n"
    doc = load_english()(text)
    assert doc.text == text
    assert [t.idx for t in doc] == [t.idx for t in load_english(block_sentences=False)(text)]


def _block_starts_token_by_token(doc) -> list[int]:
    """The straightforward reading of the rule, through spaCy's Token objects (what block_starts computes in one pass)."""
    from textmine.resources.block_sentences import breaks_block

    text, starts = doc.text, []
    for token in doc[1:]:
        if token.is_space:
            continue
        before = token.i - 1
        while before > 0 and doc[before].is_space:
            before -= 1
        gap_start = doc[before].idx + (0 if doc[before].is_space else len(doc[before]))
        gap = text[gap_start:token.idx]
        if "\n" in gap:
            first_newline = gap_start + gap.index("\n")
            line_end = text.find("\n", token.idx)
            previous_line = text[text.rfind("\n", 0, first_newline) + 1:first_newline]
            if breaks_block(previous_line, text[token.idx:len(text) if line_end < 0 else line_end], gap.count("\n") > 1):
                starts.append(token.i)
    return starts


def test_block_starts_agree_with_the_token_by_token_reading():
    from textmine.resources.block_sentences import block_starts

    texts = [
        "Keywords: Danube Commission, river transport\n\nBackground\n \n  The commission met in Vienna.\n",
        "\n\nTitle\nAuthor Name\n\tInstitute of Oriental Studies, Tashkent\n\n\n",
        "The commission, which had met in Vienna for several years, was\nmoved to Budapest in 1954.\nHungary objected.",
        " \n Abstract \n\n The Mekong River Commission  \n  coordinates the four states.",
        "One line only, no break at all.",
        "",
    ]
    tokenizer_only = load_english(index_attribute_rules=False, block_sentences=False).tokenizer
    for text in texts:
        doc = tokenizer_only(text)
        assert block_starts(doc) == _block_starts_token_by_token(doc), text
    assert block_starts(tokenizer_only(texts[0]))  # the cases are not all trivial
