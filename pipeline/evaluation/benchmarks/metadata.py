"""Bibliographic metadata on the frozen layout set (corpus/layouts/).

Each layout page is read as ``textmine extract`` reads it (ingest, segmenter,
NER, dates, canonical names, metadata) and its metadata is compared with the
expected file. Every field of every page is either **stated** (the expected
value is not null; for ``authors``, the page names at least one author) or
**unstated** (null, or no author):

* a stated scalar (title, journal, year, volume, issue) is right when the
  prediction equals it;
* an unstated field is an error when the prediction fills it (any value);
* ``authors`` is F1 over names: a predicted name matches an expected one
  when they are equal (each one at most once); a page with no author is an
  unstated field, filled when any author is predicted;
* ``orcid``, ``email`` and ``affiliation`` are scored on the expected
  authors: stated when the expected value is not null (right only when the
  author was found and the value equals it), unstated otherwise (filled when
  the found author has a value).

Strings are compared as the layout README writes them: each run of
whitespace is one space, and nothing else is changed (case, dashes, quotes
and markers count; a name printed in capitals must be given in capitals).
The stated figure of all fields is the mean of the nine per-field figures;
the unstated figure is the share of all unstated fields that were filled.
Each half is also scored per directory (set), so that a batch's own figure is
visible beside the pooled one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from textmine.resources.locations import corpus_dir

LAYOUTS_DIR = corpus_dir() / "layouts"
# Later batches: layouts-metadata is development-only (all dev); layouts-wholepage's split.json says
# "frozen_test": true (its test pages were split off before textmine read them, and join the test half);
# layouts-wholepage-dev2 is a development-only batch of whole pages (all dev).
ADDED_DIRS = (corpus_dir() / "layouts-metadata", corpus_dir() / "layouts-wholepage",
              corpus_dir() / "layouts-wholepage-dev2")
SCALAR_FIELDS = ("title", "journal", "year", "volume", "issue")
AUTHOR_FIELDS = ("orcid", "email", "affiliation")
FIELDS = SCALAR_FIELDS + ("authors",) + tuple(f"author {name}" for name in AUTHOR_FIELDS)


def normalise(value: Any) -> Any:
    """The form values are compared in: whitespace runs as one space, ints as they are."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


@dataclass
class FieldScore:
    """Counts of one field over a set of pages."""

    stated: int = 0  # expected values that are not null
    right: int = 0  # of those, predicted equal
    unstated: int = 0  # expected nulls
    filled: int = 0  # of those, predicted anyway
    # authors only: name counts for F1
    true_positives: int = 0
    predicted: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.stated if self.stated else None

    def f1(self) -> float | None:
        if not self.stated and not self.predicted:
            return None
        precision = self.true_positives / self.predicted if self.predicted else 0.0
        recall = self.true_positives / self.stated if self.stated else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def filled_share(self) -> float | None:
        return self.filled / self.unstated if self.unstated else None


@dataclass
class SplitResult:
    """Per-field counts over one half of the set, and the errors per page."""

    name: str
    pages: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in FIELDS})
    errors: list[str] = field(default_factory=list)
    sets: dict[str, "SplitResult"] = field(default_factory=dict)  # the same half, per directory (set)

    def figure(self, name: str) -> float | None:
        """The stated figure of a field: accuracy, F1 for authors."""
        score = self.fields[name]
        return score.f1() if name == "authors" else score.accuracy

    @property
    def stated_mean(self) -> float:
        figures = [f for f in (self.figure(name) for name in FIELDS) if f is not None]
        return sum(figures) / len(figures) if figures else 0.0

    @property
    def unstated_filled(self) -> tuple[int, int]:
        return sum(s.filled for s in self.fields.values()), sum(s.unstated for s in self.fields.values())


def _match_authors(expected: list[dict], predicted: list[dict]) -> list[dict | None]:
    """For each expected author, the predicted author with the same name (each used once)."""
    free = list(predicted)
    matched: list[dict | None] = []
    for author in expected:
        name = normalise(author.get("name"))
        found = next((p for p in free if normalise(p.get("name")) == name), None)
        if found is not None:
            free.remove(found)
        matched.append(found)
    return matched


def score_page(result: SplitResult, page_id: str, expected: dict[str, Any], predicted: dict[str, Any]) -> None:
    """Add one page's comparison to ``result`` (errors are recorded as readable lines)."""
    result.pages += 1
    for name in SCALAR_FIELDS:
        score, want, got = result.fields[name], normalise(expected.get(name)), normalise(predicted.get(name))
        if want is None:
            score.unstated += 1
            score.filled += got is not None
        else:
            score.stated += 1
            score.right += got == want
        if got != want:
            result.errors.append(f"{page_id}: {name}: expected {want!r}, got {got!r}")
    want_authors = [a for a in expected.get("authors") or [] if isinstance(a, dict)]
    got_authors = [a for a in predicted.get("authors") or [] if isinstance(a, dict)]
    names = result.fields["authors"]
    matched = _match_authors(want_authors, got_authors)
    if want_authors:
        names.stated += len(want_authors)
        names.predicted += len(got_authors)
        names.true_positives += sum(m is not None for m in matched)
        names.right += sum(m is not None for m in matched)
    else:
        names.unstated += 1
        names.filled += bool(got_authors)
        names.predicted += len(got_authors)
    if [normalise(a.get("name")) for a in want_authors] != [normalise(a.get("name")) for a in got_authors]:
        result.errors.append(f"{page_id}: authors: expected {[normalise(a.get('name')) for a in want_authors]}, "
                             f"got {[normalise(a.get('name')) for a in got_authors]}")
    for name in AUTHOR_FIELDS:
        score = result.fields[f"author {name}"]
        for author, found in zip(want_authors, matched):
            want = normalise(author.get(name))
            got = normalise(found.get(name)) if found is not None else None
            if want is None:
                score.unstated += 1
                score.filled += got is not None
            else:
                score.stated += 1
                score.right += got == want
            if found is not None and got != want:
                result.errors.append(f"{page_id}: {author.get('name')}: {name}: expected {want!r}, got {got!r}")


def load_layouts(layouts_dir: Path = LAYOUTS_DIR,
                 added_dirs: Iterable[Path] = ADDED_DIRS) -> dict[str, list[tuple[Path, dict[str, Any]]]]:
    """The layout pages of each half ("dev", "test"): (raw file, expected JSON) in the split's order.

    ``added_dirs`` are later batches: their pages join the halves after ``layouts_dir``'s own. A batch
    may put pages in test only if its split.json says ``"frozen_test": true`` (its test half was split
    off before textmine read it); any other added batch is dev only, and a test page in it is refused."""
    halves: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for n, directory in enumerate((layouts_dir, *added_dirs)):
        split_path = directory / "split.json"
        if not split_path.is_file():
            raise FileNotFoundError(f"{split_path} not found: run from a textmine checkout that has {directory.name}/")
        split = json.loads(split_path.read_text(encoding="utf-8"))
        for item in split["layouts"]:
            if n and item["split"] != "dev" and split.get("frozen_test") is not True:
                raise ValueError(f"{split_path}: {item['id']} is in {item['split']!r}; an added batch is dev only "
                                 f"unless its split.json says \"frozen_test\": true")
            expected = json.loads((directory / f"{item['id']}.json").read_text(encoding="utf-8"))
            halves.setdefault(item["split"], []).append((directory / expected["file"], expected))
    return halves


def textmine_metadata(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Metadata of each page (by file name) as ``textmine extract`` gives it, without the relation stage."""
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.stages.ingest import iter_documents

    extractor = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values", "canonical", "metadata")))
    docs = []
    for item in iter_documents([str(p) for p in paths]):
        if not hasattr(item, "text"):
            raise ValueError(f"layout page could not be read: {item}")
        docs.append(item)
    return {Path(doc.source["path"]).name: doc.metadata for doc in extractor.pipe(docs)}


def run_benchmark(halves: Iterable[str] = ("test", "dev"), layouts_dir: Path = LAYOUTS_DIR,
                  system: Callable[[Iterable[Path]], dict[str, dict[str, Any]]] = textmine_metadata,
                  added_dirs: Iterable[Path] = ADDED_DIRS) -> list[SplitResult]:
    """Score ``system`` on each named half of the layout set (with the added batches), pooled and per set."""
    layouts = load_layouts(layouts_dir, added_dirs)
    results = []
    for half in halves:
        if half not in layouts:
            raise ValueError(f"no half {half!r} in {layouts_dir / 'split.json'}: use one of {sorted(layouts)}")
        pages = layouts[half]
        predicted = system([path for path, _ in pages])
        result = SplitResult(half)
        for path, expected in pages:
            comparison = (expected["id"], expected["metadata"], predicted.get(path.name) or {})
            score_page(result, *comparison)
            score_page(result.sets.setdefault(path.parent.name, SplitResult(path.parent.name)), *comparison)
        results.append(result)
    return results


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def field_table(result: SplitResult) -> list[str]:
    """The lines of a table of the half's per-field figures, stated and unstated."""
    lines = ["| field | stated: right / stated | stated figure | unstated: filled / unstated | filled share |",
             "|---|---|---|---|---|"]
    for name in FIELDS:
        score = result.fields[name]
        right = f"{score.true_positives} found of {score.stated}, {score.predicted} predicted" if name == "authors" \
            else f"{score.right} / {score.stated}"
        label = "authors (F1 over names)" if name == "authors" else name
        lines.append(f"| {label} | {right} | {_cell(result.figure(name))} | {score.filled} / {score.unstated} | "
                     f"{_cell(score.filled_share)} |")
    return lines


def set_lines(result: SplitResult) -> list[str]:
    """One line per directory of the half: its pages, stated-field mean and unstated filled share."""
    lines = []
    for name, scored in result.sets.items():
        filled, unstated = scored.unstated_filled
        lines.append(f"  set {name}: {scored.pages} pages, stated fields {scored.stated_mean:.3f}, "
                     f"unstated filled {filled} / {unstated} = {filled / unstated if unstated else 0.0:.3f}")
    return [f"by set ({result.name} half):", *lines] if lines else []


def render(result: SplitResult, show_errors: bool = False) -> str:
    """A table of the half's per-field figures (stated and unstated) and its two summary figures."""
    lines = [f"Metadata on the layout set, {result.name} half ({result.pages} pages)", *field_table(result)]
    filled, unstated = result.unstated_filled
    lines.append(f"stated fields (mean of the field figures): {result.stated_mean:.3f}")
    lines.append(f"unstated fields filled: {filled} / {unstated} = {filled / unstated if unstated else 0.0:.3f}")
    lines += set_lines(result)
    if show_errors and result.errors:
        lines.append("errors:")
        lines += [f"  {error}" for error in result.errors]
    return "\n".join(lines)
