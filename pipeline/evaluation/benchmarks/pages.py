"""Whole pages of the seed's kind, scored end to end (``textmine benchmark pages``).

``corpus/pages/`` holds hand-annotated whole pages (an English article on
international relations inside a Russian catalogue or publisher page) with
full gold: segments, entities, relations and metadata, split into a dev half
and a frozen test half (``corpus/pages/README.md``). Each page goes through
the default extractor, as ``textmine extract`` runs it, and its output is
written as ``textmine extract`` writes it. The outputs are then read back and
scored with the functions ``textmine evaluate`` uses
(:func:`textmine.evaluation.evaluate.load_gold`,
:func:`~textmine.evaluation.evaluate.load_predictions`,
:func:`~textmine.evaluation.evaluate.evaluate_documents`), so the figures are
the ones ``textmine evaluate --gold corpus/pages/gold --pred OUT`` gives for
the same pages; metadata is scored by the layout benchmark's stated-field
scorer (:func:`textmine.evaluation.benchmarks.metadata.score_page`).

Per half it reports entity strict F1 per label, micro over all labels and
micro over ORG+LOC+DATE; DATE value accuracy; relation fact-level F1 per label
and micro (and the mention-level micro); segment character accuracy; and the
metadata stated-field figure. The test half's figures are the expected ones
on unseen pages of this kind.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from textmine.document import ENTITY_LABELS, RELATION_TYPES, sha256_text
from textmine.evaluation.benchmarks.metadata import SplitResult, field_table, score_page
from textmine.evaluation.evaluate import evaluate_documents, load_gold, load_predictions, span_scores
from textmine.resources.locations import corpus_dir, require_corpus

PAGES_DIR = corpus_dir() / "pages"
HALVES = ("dev", "test")
CORE_LABELS = ("ORG", "LOC", "DATE")


class PagesSetError(ValueError):
    """The page set cannot be scored as it stands; the message says what to do."""


@dataclass
class Page:
    """One page of the set: its raw file and its gold file."""

    id: str
    half: str
    raw: Path
    gold: Path


@dataclass
class HalfResult:
    """The scores of one half: the ``textmine evaluate`` report and the metadata benchmark's counts."""

    name: str
    pages: list[str]
    report: dict[str, Any]
    metadata: SplitResult

    def entity_micro(self, labels: Iterable[str] = ENTITY_LABELS) -> dict[str, Any]:
        """Strict scores summed over ``labels`` (the report's own micro when all labels are given)."""
        labels = tuple(labels)
        if set(labels) == set(ENTITY_LABELS):
            return self.report["entities"]["strict"]["micro"]
        per_label = self.report["entities"]["strict"]["per_label"]
        counts = Counter()
        for label in labels:
            counts.update({k: per_label[label][k] for k in ("correct", "incorrect", "partial", "missed", "spurious")})
        return span_scores(counts, "strict")


def load_pages(pages_dir: Path = PAGES_DIR, only: Iterable[str] = ()) -> dict[str, list[Page]]:
    """The pages of each half (``"dev"``, ``"test"``), in id order; ``only`` restricts them to those ids."""
    pages_dir = require_corpus(Path(pages_dir), "the whole-page benchmark")
    split_path = pages_dir / "split.json"
    if not split_path.is_file():
        raise PagesSetError(f"{split_path} not found: build the set with `.venv/bin/python scripts/build_pages.py`")
    split: dict[str, str] = json.loads(split_path.read_text(encoding="utf-8"))
    only = list(only)
    unknown = sorted(set(only) - set(split))
    if unknown:
        raise PagesSetError(f"no page {', '.join(unknown)} in {split_path}: use one of {', '.join(sorted(split))}")
    halves: dict[str, list[Page]] = {}
    for page_id in sorted(split):
        if only and page_id not in only:
            continue
        raws = sorted((pages_dir / "raw").glob(f"{page_id}.*"))
        if len(raws) != 1:
            raise PagesSetError(f"page {page_id}: expected one raw file {pages_dir / 'raw' / page_id}.txt or .html, found {len(raws)}")
        halves.setdefault(split[page_id], []).append(Page(page_id, split[page_id], raws[0], pages_dir / "gold" / f"{page_id}.json"))
    return halves


def extract_pages(pages: list[Page], out_dir: Path, echo: Callable[[str], None] = print) -> None:
    """Run the default extractor over the pages and write each output as ``textmine extract`` does.

    Raises PagesSetError when a page's text is not the one its gold was written for
    (an HTML page after a change of the HTML-to-text step).
    """
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.runtime.output import write_document

    extractor = Extractor(ExtractConfig.from_options())
    for number, (page, doc) in enumerate(zip(pages, extractor.pipe([page.raw for page in pages], batch_size=1)), 1):
        gold_sha = json.loads(page.gold.read_text(encoding="utf-8"))["text_sha256"]
        if sha256_text(doc.text) != gold_sha:
            raise PagesSetError(
                f"page {page.id}: the text textmine reads from {page.raw.name} is not the text of its gold file "
                "(for an HTML page: the HTML-to-text step changed). Rebuild the set with "
                "`.venv/bin/python scripts/build_pages.py` and review the changes under corpus/pages/gold/."
            )
        write_document(doc, out_dir)
        echo(f"  extracted {number}/{len(pages)}: {page.id}")


def score_half(name: str, pages: list[Page], out_dir: Path) -> HalfResult:
    """Score the outputs under ``out_dir`` of one half's pages against their gold."""
    gold_docs = {}
    expected_metadata = {}
    for page in pages:
        gold_docs.update(load_gold(page.gold).docs)
        expected_metadata[page.id] = json.loads(page.gold.read_text(encoding="utf-8"))["metadata"]
    predicted = load_predictions(out_dir)
    pred_docs = {doc_id: doc for doc_id, doc in predicted.docs.items() if doc_id in gold_docs}
    report = evaluate_documents(gold_docs, pred_docs)
    metadata = SplitResult(name)
    for page in pages:
        doc = pred_docs.get(page.id)
        score_page(metadata, page.id, expected_metadata[page.id], doc.metadata if doc is not None else {})
    return HalfResult(name, [page.id for page in pages], report, metadata)


def run_benchmark(halves: Iterable[str] = HALVES, only: Iterable[str] = (), out_dir: Path | None = None,
                  pages_dir: Path = PAGES_DIR, echo: Callable[[str], None] = print) -> list[HalfResult]:
    """Extract and score each named half (restricted to the ``only`` ids when given).

    The outputs go to ``out_dir`` (kept, so that ``textmine evaluate`` can score
    them again) or to a temporary folder.
    """
    found = load_pages(pages_dir, only)
    halves = [half for half in halves if half in found] if only else list(halves)
    for half in halves:
        if half not in found:
            raise PagesSetError(f"no half {half!r} in {Path(pages_dir) / 'split.json'}: use one of {sorted(found)}")
    chosen = [page for half in halves for page in found[half]]
    with tempfile.TemporaryDirectory(prefix="textmine-pages-") as tmp:
        target = Path(out_dir) if out_dir is not None else Path(tmp)
        target.mkdir(parents=True, exist_ok=True)
        echo(f"Extracting {len(chosen)} pages into {target if out_dir is not None else 'a temporary folder'} ...")
        extract_pages(chosen, target, echo=echo)
        return [score_half(half, found[half], target) for half in halves]


# --------------------------------------------------------------------------- rendering


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _entity_row(label: str, scores: dict[str, Any]) -> str:
    empty = not (scores["possible"] or scores["actual"])
    cells = ["-"] * 3 if empty else [_cell(scores[k]) for k in ("precision", "recall", "f1")]
    return f"| {label} | {scores['possible']} | {scores['actual']} | {scores['correct']} | " + " | ".join(cells) + " |"


def _relation_row(label: str, scores: dict[str, Any]) -> str:
    empty = not (scores["tp"] or scores["fp"] or scores["fn"])
    cells = ["-"] * 3 if empty else [_cell(scores[k]) for k in ("precision", "recall", "f1")]
    return f"| {label} | {scores['tp']} | {scores['fp']} | {scores['fn']} | " + " | ".join(cells) + " |"


def render(result: HalfResult, show_errors: bool = False) -> str:
    """The half's tables and summary lines; ``show_errors`` adds its relation and metadata errors."""
    report = result.report
    title = "test half (the expected figure)" if result.name == "test" else f"{result.name} half"
    lines = [f"Whole pages (corpus/pages/), {title}: {len(result.pages)} pages ({', '.join(result.pages)})", "",
             "Entities, strict", "| label | gold | predicted | correct | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for label, scores in report["entities"]["strict"]["per_label"].items():
        lines.append(_entity_row(label, scores))
    lines.append(_entity_row("micro (all)", result.entity_micro()))
    lines.append(_entity_row("micro (ORG+LOC+DATE)", result.entity_micro(CORE_LABELS)))
    dates = report["date_values"]
    lines += [f"DATE value accuracy: {_cell(dates['accuracy'])} ({dates['correct']}/{dates['total']} strict-matched DATEs with a gold value)",
              "", "Relations, fact level", "| label | tp | fp | fn | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    fact = report["relations"]["fact"]
    for label in RELATION_TYPES:
        lines.append(_relation_row(label, fact["per_label"][label]))
    lines.append(_relation_row("micro", fact["micro"]))
    mention = report["relations"]["mention"]["micro"]
    seg = report["segments"]
    filled, unstated = result.metadata.unstated_filled
    lines += [
        f"Relations, mention level, micro: P {_cell(mention['precision'])} R {_cell(mention['recall'])} F1 {_cell(mention['f1'])}",
        "",
        f"Segment character accuracy: {_cell(seg['accuracy'])} ({seg['correct_chars']}/{seg['total_chars']} chars)",
        f"Metadata stated-field accuracy: {result.metadata.stated_mean:.3f} (mean of the field figures of `textmine benchmark metadata`); "
        f"unstated fields filled: {filled}/{unstated}",
        "Metadata per field (the author fields count every expected author):",
        *field_table(result.metadata),
        "",
        "Summary " + result.name + ": "
        f"entity strict F1 {_cell(result.entity_micro()['f1'])} (ORG+LOC+DATE {_cell(result.entity_micro(CORE_LABELS)['f1'])}), "
        f"relation fact F1 {_cell(fact['micro']['f1'])}, segments {_cell(seg['accuracy'])}, "
        f"metadata stated {result.metadata.stated_mean:.3f}",
    ]
    if show_errors:
        errors = report["errors"]
        lines += ["", f"Relation fact errors ({len(errors['relations'])}):"]
        lines += [f"  {e['document']}  {e['kind']:<9} {e['label']}({e['head']!r}, {e['tail']!r})" for e in errors["relations"]]
        lines += ["", f"Entity errors ({len(errors['entities'])}):"]
        for e in errors["entities"]:
            gold = f"{e['gold']['label']} {e['gold']['text']!r}" if e["gold"] else "-"
            pred = f"{e['pred']['label']} {e['pred']['text']!r}" if e["pred"] else "-"
            lines.append(f"  {e['document']}  {e['kind']:<24} gold: {gold}  pred: {pred}")
        lines += ["", f"Metadata errors ({len(result.metadata.errors)}):"] + [f"  {e}" for e in result.metadata.errors]
        per_doc = seg["per_document"]
        lines += ["", "Segment accuracy per page: " + ", ".join(f"{d} {_cell(a)}" for d, a in per_doc.items())]
    return "\n".join(lines)
