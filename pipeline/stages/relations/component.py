"""The ``relations`` pipeline component: typed relations with calibrated confidence."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from textmine.components import register
from textmine.document import Document
from textmine.stages.relations import model as model_io
from textmine.stages.relations.classify import examples, merge_into, parse, predict_many


@register("relations")
class RelationsComponent:
    """Classify candidate pairs of ``doc.entities`` and add the relations found.

    Relations already in the document from other stages (alias_of from the
    canonical stage) are kept. ``min_confidence`` drops relations whose
    calibrated confidence is lower.
    """

    name = "relations"

    def __init__(self, min_confidence: float = 0.0, model_path: str | Path | None = None, use_patterns: bool = True):
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
        self.min_confidence = min_confidence
        self.use_patterns = use_patterns
        self.model = model_io.load(Path(model_path) if model_path else model_io.DEFAULT_MODEL_PATH)

    @property
    def provenance(self) -> dict[str, Any]:
        manifest = self.model.manifest
        return {
            "model": manifest.get("file"),
            "model_sha256": manifest.get("sha256"),
            "model_format": manifest.get("format_version"),
            "threshold": self.model.threshold,
            "min_confidence": self.min_confidence,
        }

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Relations for a stream of documents, with one classifier call per batch.

        scikit-learn's per-call validation costs as much as the arithmetic on
        one document's few dozen candidates; the probabilities of a row do not
        depend on the other rows, so a batch gives each document the relations
        it gets alone.
        """
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            per_doc = [examples(doc, parse(doc)) for doc in batch]
            for doc, relations in zip(batch, predict_many(self.model, per_doc, self.min_confidence, self.use_patterns)):
                merge_into(doc, relations)
            yield from batch
