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
