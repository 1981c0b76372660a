"""Segments and metadata of the made-up pages in tests/fixtures/pages (see its README): pages the code was not fitted to one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textmine.document import Segment
from textmine.runtime.extract import ExtractConfig, Extractor
from textmine.stages.ingest import iter_documents
from textmine.stages.segment import segment_char_accuracy

PAGES = Path(__file__).parent / "fixtures" / "pages"
PAGE_FILES = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".html"))
SCALAR_FIELDS = ("title", "journal", "year", "issue", "affiliation_place")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ExtractConfig(components=("segmenter", "ner", "date_values", "canonical", "metadata")))


def expected_segments(text: str, specs: list[dict]) -> list[Segment]:
    """Segments from their first lines: each starts at the first line (after the previous start) beginning with ``starts_at``."""
    starts, position = [], 0
    for spec in specs:
        line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        position = next(s for s in line_starts if s >= position and text.startswith(spec["starts_at"], s))
        starts.append(position)
        position += 1
    assert starts[0] == 0, "the first expected segment must start the text"
    ends = starts[1:] + [len(text)]
    return [Segment(start, end, spec["lang"], spec["role"]) for start, end, spec in zip(starts, ends, specs)]


def test_every_page_has_an_expectation():
    assert len(PAGE_FILES) >= 6
    for page in PAGE_FILES:
        assert page.with_suffix(".json").exists(), page.name


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page(page, extractor):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    doc = extractor(next(iter(iter_documents([page]))))
    gold_segments = expected_segments(doc.text, expected["segments"])
    accuracy = segment_char_accuracy(gold_segments, doc.segments, len(doc.text))
    assert accuracy >= 0.98, [(s.role, s.lang, doc.text[s.start : s.end][:40]) for s in doc.segments]

    meta, gold = doc.metadata, expected["metadata"]
    assert {field: meta[field] for field in SCALAR_FIELDS} == {field: gold[field] for field in SCALAR_FIELDS}
    author_fields = ("name", "orcid", "email", "affiliation")
    assert [{f: a[f] for f in author_fields} for a in meta["authors"]] == gold["authors"]
    reference_fields = ("number", "text", "url", "accessed")
    assert [{f: r[f] for f in reference_fields} for r in meta["references"]] == gold["references"]
    for ref in meta["references"]:
        assert doc.text[ref["start"] : ref["end"]] == ref["text"]
