"""Segment benchmark on the team's page-layout sets (``textmine benchmark segments``).

Two sets of pages written by the team, each split into a dev half (for
development) and a frozen test half (the expected figure):

* ``corpus/layouts/`` — pages with ``<id>.json`` beside them; a ``.txt``
  page's json gives its segments as offsets (HTML pages there have none and
  are counted as unscored);
* ``corpus/layouts-extra/`` — pages whose ``split.json`` gives the expected
  segments as markers (a segment starts at the first line, after the
  previous segment's start, that begins with its marker), so that HTML pages
  are scored on the text textmine's own ingest extracts;
* ``corpus/layouts-segdev/`` — more pages in the same marker format, all of
  them dev (written to develop the segmenter without the frozen test halves).

Each page goes through ingest and the segmenter; the score is character
accuracy of (role, lang) (:func:`textmine.stages.segment.segment_char_accuracy`),
micro-averaged over the characters of each split.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from textmine.document import Document, Segment
from textmine.resources.locations import corpus_dir

LAYOUT_DIRS = (corpus_dir() / "layouts", corpus_dir() / "layouts-extra", corpus_dir() / "layouts-segdev")
SPLITS = ("dev", "test")


@dataclass
class LayoutPage:
    """One page of a layout set with its expected segments (None when it has none)."""

    id: str
    split: str
    shape: str
    document: Document
    expected: list[Segment] | None


@dataclass
class PageScore:
    id: str
    split: str
    shape: str
    characters: int
    accuracy: float


def _read_document(path: Path) -> Document:
    from textmine.stages.ingest import iter_documents

    items = list(iter_documents([path]))
    if len(items) != 1 or not isinstance(items[0], Document):
        raise ValueError(f"layout page {path} could not be read: {items}")
    return items[0]


def segments_from_markers(text: str, markers: list[list[str]]) -> list[Segment]:
    """Segments whose starts are the lines beginning with each marker in turn (the first starts at 0)."""
    starts = []
    position = 0
    for marker, _, _ in markers:
        at = 0 if not starts and text.startswith(marker) else text.find("\n" + marker, position)
        if at < 0:
            raise ValueError(f"segment marker {marker!r} is not at the start of a line after offset {position}")
        at = at if not starts and at == 0 else at + 1
        starts.append(at)
        position = at + 1
    if starts[0] != 0:
        raise ValueError(f"the first segment marker {markers[0][0]!r} must start the text")
    ends = starts[1:] + [len(text)]
    return [Segment(start, end, lang, role) for start, end, (_, role, lang) in zip(starts, ends, markers)]


def load_layout_pages(dirs: tuple[Path, ...] = LAYOUT_DIRS) -> Iterator[LayoutPage]:
    """Every page of the layout sets found under ``dirs``, in split.json order."""
    for folder in dirs:
        split_file = folder / "split.json"
        if not split_file.exists():
            continue
        for entry in json.loads(split_file.read_text(encoding="utf-8"))["layouts"]:
            page_id, fmt = entry["id"], entry["format"]
            document = _read_document(folder / f"{page_id}.{fmt}")
            if "segments" in entry:
                expected = segments_from_markers(document.text, entry["segments"])
            else:
                gold = json.loads((folder / f"{page_id}.json").read_text(encoding="utf-8")).get("segments")
                expected = [Segment(s["start"], s["end"], s["lang"], s["role"]) for s in gold] if gold else None
            yield LayoutPage(page_id, entry["split"], entry["shape"], document, expected)


def score_pages(pages: list[LayoutPage], segmenter: Callable[[Document], Document]) -> list[PageScore]:
    """Character accuracy of the segmenter on each page with expected segments."""
    from textmine.stages.segment import segment_char_accuracy

    scores = []
    for page in pages:
        if page.expected is None:
            continue
        predicted = segmenter(page.document).segments
        length = len(page.document.text)
        scores.append(PageScore(page.id, page.split, page.shape, length, segment_char_accuracy(page.expected, predicted, length)))
    return scores


def split_accuracy(scores: list[PageScore], split: str) -> float | None:
    """Character accuracy over all characters of the split's pages (None when it has none)."""
    chosen = [s for s in scores if s.split == split]
    total = sum(s.characters for s in chosen)
    return sum(s.accuracy * s.characters for s in chosen) / total if total else None


def run(verbose: bool = False, echo: Callable[[str], None] = print) -> dict[str, float | None]:
    """Score the default segmenter on the layout sets and print accuracy per split; returns it."""
    from textmine.stages.segment import Segmenter

    pages = list(load_layout_pages())
    if not pages:
        raise FileNotFoundError(f"no layout set found (looked for split.json in {', '.join(str(d) for d in LAYOUT_DIRS)})")
    segmenter = Segmenter()
    scores = score_pages(pages, segmenter)
    unscored = [p.id for p in pages if p.expected is None]
    shapes = {s.shape for s in scores}
    echo(f"Segment character accuracy on the layout sets: {len(scores)} pages of {len(shapes)} shapes with expected segments"
         + (f" ({len(unscored)} pages without them not scored)" if unscored else ""))
    if verbose:  # the dev half's pages only: per-page figures of the frozen test half would invite tuning on it
        for s in scores:
            if s.split == "dev":
                echo(f"  {s.split:<5} {s.id:<40} {s.shape:<40} {s.characters:>6} chars  {s.accuracy:.3f}")
    results = {}
    for split in SPLITS:
        accuracy = split_accuracy(scores, split)
        results[split] = accuracy
        pages_in = sum(1 for s in scores if s.split == split)
        label = "test (expected figure)" if split == "test" else split
        echo(f"  {label:<24} {pages_in:>3} pages  " + (f"{accuracy:.3f}" if accuracy is not None else "-"))
    return results
