"""Side-by-side NER backends: strict F1 per label and words per second.

Each backend (``spacy``, ``stanza``, ``ensemble``) runs as the extractor's
``ner`` stage between the segmenter and the DATE values, exactly as
``textmine extract --ner BACKEND`` runs it, on two corpora:

* the held-out part of Re-DocRED (``textmine.training.redocred.split`` with the seed
  that ``textmine train stanza-ner`` used, so the stanza model never saw it);
* the gold files of ``corpus/gold/``.

Scores come from :func:`textmine.evaluation.evaluate.evaluate_documents` (strict
scheme). Words per second count whitespace-separated words of the input
texts over the wall time of the stage run, model loading and a warm-up
document excluded.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from textmine.document import ENTITY_LABELS, Document

BACKENDS = ("spacy", "stanza", "ensemble")


@dataclass
class BackendRun:
    backend: str
    corpus: str
    f1: dict[str, float | None] = field(default_factory=dict)  # per label and "micro"
    words_per_second: float = 0.0
    error: str | None = None


@dataclass
class Corpus:
    name: str
    gold: list[Document]
    note: str | None = None


def default_corpora(seed: int, limit: int | None, stanza_dir: Path | None) -> list[Corpus]:
    from textmine.stages.ner.stanza_backend import MANIFEST_NAME, resolve_model_dir
    from textmine.training.redocred import load_documents, split
    from textmine.training.corpus import load_gold_documents

    _, held_out = split(load_documents(), 0.2, seed)
    held_out = held_out[:limit] if limit else held_out
    gold = load_gold_documents()
    seen: set[str] = set()
    manifest = resolve_model_dir(stanza_dir) / MANIFEST_NAME
    if manifest.is_file():
        seen = set(json.loads(manifest.read_text(encoding="utf-8")).get("train_document_ids", []))
    corpora = [Corpus(f"Re-DocRED held-out ({len(held_out)} docs, seed {seed})", held_out)]
    leaked = [d.id for d in held_out if d.id in seen]
    if leaked:
        corpora[0].note = f"the stanza model was trained on {len(leaked)} of these documents (trained with another seed?)"
    in_training = [d.id for d in gold if d.id in seen]
    corpora.append(Corpus(f"seed gold ({len(gold)} docs)", gold, f"the stanza model was trained on {', '.join(in_training)}" if in_training else None))
    return corpora


def run_backend(backend: str, corpus: Corpus, stanza_dir: Path | None) -> BackendRun:
    from textmine.evaluation.evaluate import evaluate_documents
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.stages.ner.stanza_backend import StanzaModelsMissing

    run = BackendRun(backend, corpus.name)
    settings = {"backend": backend, **({"stanza_dir": str(stanza_dir)} if stanza_dir else {})}
    try:
        extractor = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values"), settings={"ner": settings}))
    except StanzaModelsMissing as exc:
        run.error = str(exc)
        return run
    inputs = [Document(id=d.id, text=d.text) for d in corpus.gold]
    # One untimed document first: the stages build their lookup tables on first use.
    list(extractor.pipe([Document(id="warm-up", text=corpus.gold[0].text)]))
    started = time.perf_counter()
    predicted = {d.id: d for d in extractor.pipe(inputs)}
    seconds = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in corpus.gold)
    run.words_per_second = words / seconds if seconds else 0.0
    strict = evaluate_documents({d.id: d for d in corpus.gold}, predicted)["entities"]["strict"]
    run.f1 = {label: strict["per_label"][label]["f1"] if strict["per_label"][label]["possible"] else None for label in ENTITY_LABELS}
    run.f1["micro"] = strict["micro"]["f1"]
    return run


def render(corpus: Corpus, runs: list[BackendRun]) -> str:
    ok = [r for r in runs if r.error is None]
    width = 10
    lines = [corpus.name]
    if corpus.note:
        lines.append(f"  note: {corpus.note}")
    lines.append("  " + "strict F1".ljust(12) + "".join(r.backend.rjust(width) for r in ok))
    for row in (*ENTITY_LABELS, "micro"):
        cells = "".join(("-" if r.f1.get(row) is None else f"{r.f1[row]:.3f}").rjust(width) for r in ok)
        lines.append("  " + row.ljust(12) + cells)
    lines.append("  " + "words/s".ljust(12) + "".join(f"{r.words_per_second:.0f}".rjust(width) for r in ok))
    for r in runs:
        if r.error:
            lines.append(f"  {r.backend}: not run: {r.error}")
    return "\n".join(lines)


def benchmark_backends(
    backends: tuple[str, ...] = BACKENDS,
    stanza_dir: Path | None = None,
    seed: int = 13,
    limit: int | None = None,
    corpora: list[Corpus] | None = None,
    echo: Callable[[str], None] = print,
) -> list[BackendRun]:
    """Run every backend on every corpus, echo one table per corpus, return the runs."""
    unknown = [b for b in backends if b not in BACKENDS]
    if unknown:
        raise ValueError(f"unknown backend(s) {', '.join(unknown)}; choose from {', '.join(BACKENDS)}")
    corpora = default_corpora(seed, limit, stanza_dir) if corpora is None else corpora
    all_runs = []
    for corpus in corpora:
        runs = [run_backend(backend, corpus, stanza_dir) for backend in backends]
        echo(render(corpus, runs))
        all_runs += runs
    return all_runs
