"""Training the relation classifier: gold documents + Re-DocRED, from a fixed seed.

Re-DocRED's dev split is divided into a training part and a held-out part
(``pipeline.redocred.split``, 20 %, fixed seed); the held-out part never
enters the shipped model, so scores on it are honest. Parses are cached on
disk (keyed by text and spaCy model version) because parsing 500 documents
takes minutes on this machine; the cache is an optimisation only.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..document import Document
from . import model as model_io
from .classify import Example, examples, gold_lookup

SEED = 13
HELD_OUT_FRACTION = 0.2
# Features seen fewer times than this are dropped: they cannot generalise and they bloat the model file.
MIN_FEATURE_COUNT = 2
ROOT = Path(__file__).resolve().parent.parent.parent
GOLD_DIR = ROOT / "corpus" / "gold"
RAW_DIR = ROOT / "corpus" / "raw"


def cache_dir() -> Path:
    base = os.environ.get("TEXTMINE_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "textmine")
    return Path(base) / "parses"


def load_gold(gold_dir: Path = GOLD_DIR, raw_dir: Path = RAW_DIR) -> list[Document]:
    """Gold documents with their texts (from the gold file, else corpus/raw/<id>.txt)."""
    docs = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data.get("text")
        if text is None:
            text = (raw_dir / f"{data['id']}.txt").read_text(encoding="utf-8")
        docs.append(Document.from_dict(data, text))
    return docs


def parse_documents(docs: list[Document], use_cache: bool = True, report: Callable[[str], None] | None = None) -> list[Any]:
    """spaCy parses of the documents' texts, stored in ``doc.annotations['spacy']`` too."""
    from spacy.tokens import DocBin

    from ..nlp import MODEL_VERSION, load_english

    nlp = load_english()
    key = hashlib.sha256(("\0".join([MODEL_VERSION, *(d.text_sha256 for d in docs)])).encode()).hexdigest()[:24]
    path = cache_dir() / f"{key}.spacy"
    parsed = None
    if use_cache and path.exists():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [p.text for p in parsed] != [d.text for d in docs]:
            parsed = None
    if parsed is None:
        if report:
            report(f"parsing {len(docs)} documents with spaCy ...")
        parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
        if use_cache:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE", "SPACY"], docs=parsed).to_disk(path)
    for doc, p in zip(docs, parsed):
        doc.annotations["spacy"] = p
    return parsed


@dataclass
class Dataset:
    items: list[Example] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        lookup = gold_lookup(doc)
        for item in examples(doc, doc.annotations["spacy"]):
            self.items.append(item)
            self.labels.append(lookup.get((item.candidate.head.id, item.candidate.tail.id), "none"))


def build_dataset(docs: list[Document]) -> Dataset:
    data = Dataset()
    for doc in docs:
        data.add(doc)
    return data


def _frequent_features(items: list[Example]) -> list[dict[str, float]]:
    counts: dict[str, int] = {}
    for item in items:
        for name in item.features:
            counts[name] = counts.get(name, 0) + 1
    return [{k: v for k, v in item.features.items() if counts[k] >= MIN_FEATURE_COUNT} for item in items]


def fit(data: Dataset, seed: int = SEED) -> Any:
    """Fit the pipeline; labels with fewer examples than calibration folds cannot be calibrated and are left out."""
    counts = label_counts(data.labels)
    keep = [i for i, label in enumerate(data.labels) if counts[label] >= model_io.CALIBRATION_FOLDS]
    items = [data.items[i] for i in keep]
    model = model_io.build_pipeline(seed)
    model.fit(_frequent_features(items), [data.labels[i] for i in keep])
    return model


def strip_predictions(doc: Document) -> Document:
    """A copy of a gold document with its relations other than alias_of removed (what the relation stage sees)."""
    copy = Document(
        id=doc.id, text=doc.text, segments=doc.segments, entities=doc.entities,
        relations=[r for r in doc.relations if r.label == "alias_of"], metadata=doc.metadata,
    )
    copy.annotations = dict(doc.annotations)
    return copy


def label_counts(labels: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items()))
