"""NER quality side by side: the bare pretrained model against textmine.

"Bare" is the same spaCy model with its labels mapped onto the guidelines'
(GPE/LOC/FAC -> LOC, NORP and the rest dropped) and nothing else: no
gazetteer, patterns, span rules, Russian NER or date values. Both are scored
with :func:`textmine.evaluation.evaluate.evaluate_documents` (strict is the headline).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from textmine.document import ENTITY_LABELS, Document, Entity
from textmine.training.corpus import GOLD_DIR, RAW_DIR, load_gold_documents
from textmine.evaluation.evaluate import evaluate_documents

CORE_LABELS = ("ORG", "LOC", "DATE")


@dataclass
class Dataset:
    name: str
    gold: dict[str, Document]
    labels: tuple[str, ...]  # labels the gold annotates


def seed_dataset(gold_dir: Path = GOLD_DIR, raw_dir: Path = RAW_DIR) -> Dataset:
    docs = {doc.id: doc for doc in load_gold_documents(gold_dir, raw_dir)}
    return Dataset("seed gold", docs, ENTITY_LABELS)


def redocred_dataset(limit: int | None = None) -> Dataset:
    from textmine.training.redocred import load_documents, split

    _, held_out = split(load_documents())
    docs = {d.id: d for d in held_out[:limit]}
    # Re-DocRED has no EVENT type (its MISC is dropped), so EVENT is not scored there.
    return Dataset(f"Re-DocRED held-out ({len(docs)} docs)", docs, ("ORG", "LOC", "DATE", "PERSON"))


def bare_model(texts: Iterable[Document]) -> list[Document]:
    from textmine.resources.nlp import load_english
    from textmine.stages.ner.statistical import spacy_candidates

    nlp = load_english(index_attribute_rules=False)  # as published
    docs = list(texts)
    for doc, spacy_doc in zip(docs, nlp.pipe([d.text for d in docs])):
        doc.entities = [
            Entity(id=f"T{i}", start=c.start, end=c.end, label=c.label, text=doc.text[c.start:c.end], source="spacy")
            for i, c in enumerate(spacy_candidates(spacy_doc), 1)
        ]
    return docs


def textmine_ner(texts: Iterable[Document], backend: str = "spacy") -> list[Document]:
    from textmine.runtime.extract import ExtractConfig, Extractor

    extractor = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values"), settings={"ner": {"backend": backend}}))
    return list(extractor.pipe(texts))


def _only(docs: dict[str, Document], labels: tuple[str, ...]) -> dict[str, Document]:
    out = {}
    for doc_id, doc in docs.items():
        kept = Document(id=doc.id, text=doc.text, entities=[e for e in doc.entities if e.label in labels])
        out[doc_id] = kept
    return out


def score(dataset: Dataset, system: Callable[[Iterable[Document]], list[Document]]) -> dict:
    inputs = [Document(id=d.id, text=d.text) for d in dataset.gold.values()]
    predicted = {d.id: d for d in system(inputs)}
    full = evaluate_documents(_only(dataset.gold, dataset.labels), _only(predicted, dataset.labels))
    core = evaluate_documents(_only(dataset.gold, CORE_LABELS), _only(predicted, CORE_LABELS))
    strict = full["entities"]["strict"]
    return {
        "per_label": {label: strict["per_label"][label]["f1"] for label in dataset.labels},
        "micro": strict["micro"]["f1"],
        "micro_core": core["entities"]["strict"]["micro"]["f1"],
        "date_value_accuracy": full["date_values"]["accuracy"],
    }


def render(dataset: Dataset, results: dict[str, dict]) -> str:
    header = ["system", *dataset.labels, "micro (all)", "micro ORG+LOC+DATE", "DATE value acc."]
    rows = []
    for system, figures in results.items():
        cells = [figures["per_label"][label] for label in dataset.labels]
        cells += [figures["micro"], figures["micro_core"], figures["date_value_accuracy"]]
        rows.append([system] + ["-" if v is None else f"{v:.3f}" for v in cells])
    lines = [f"Strict F1 on {dataset.name}", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def run(redocred_limit: int | None = 100) -> str:
    sections = []
    for dataset in (seed_dataset(), redocred_dataset(redocred_limit)):
        results = {"bare en_core_web_sm (labels mapped)": score(dataset, bare_model), "textmine": score(dataset, textmine_ner)}
        sections.append(render(dataset, results))
    return "\n\n".join(sections)
