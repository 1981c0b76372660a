"""The two baselines the classifier is compared with, and scoring of any of them.

* co-occurrence: every same-sentence pair whose ordered argument types saw a
  relation in training gets the majority label of those types;
* patterns only: the surface patterns of :mod:`.patterns`, nothing else.

Scores come from :func:`textmine.evaluation.evaluate.evaluate_documents`, restricted to
the labels this stage predicts (alias_of is the canonical stage's).
"""

from __future__ import annotations

from typing import Any, Callable

from textmine.document import SYMMETRIC_RELATIONS, Document, Relation
from textmine.stages.relations.classify import EXAMPLES_KEY, Example, examples, parse, predict
from textmine.stages.relations.candidates import NONE_LABEL, PREDICTED_LABELS
from textmine.training.crossre import UNLABELLED

Predictor = Callable[[Document, list[Example]], list[Relation]]


def majority_labels(items: list[Example], labels: list[str]) -> dict[str, str]:
    """Most frequent relation label per ordered argument-type pair "HEAD>TAIL" among training positives."""
    counts: dict[str, dict[str, int]] = {}
    for item, label in zip(items, labels):
        if label == NONE_LABEL:
            continue
        types = f"{item.candidate.head.label}>{item.candidate.tail.label}"
        counts.setdefault(types, {})
        counts[types][label] = counts[types].get(label, 0) + 1
    return {types: max(sorted(c), key=c.get) for types, c in sorted(counts.items())}


def _unique(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for rel in relations:
        key = (rel.label, *sorted((rel.head, rel.tail))) if rel.label in SYMMETRIC_RELATIONS else (rel.label, rel.head, rel.tail)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def cooccurrence_predictor(majority: dict[str, str]) -> Predictor:
    def run(doc: Document, items: list[Example]) -> list[Relation]:
        out = []
        for item in items:
            cand = item.candidate
            label = majority.get(f"{cand.head.label}>{cand.tail.label}")
            if label and cand.proxy is None:
                out.append(Relation("", label, cand.head.id, cand.tail.id, source="baseline:cooccurrence"))
        return _unique(out)

    return run


def patterns_predictor(doc: Document, items: list[Example]) -> list[Relation]:
    out = [
        Relation("", item.pattern_hits[0][1], item.candidate.head.id, item.candidate.tail.id, source=f"pattern:{item.pattern_hits[0][0]}")
        for item in items
        if item.pattern_hits and not item.vetoes
    ]
    return _unique(out)


def classifier_predictor(model: Any) -> Predictor:
    def run(doc: Document, items: list[Example]) -> list[Relation]:
        return predict(model, items)

    return run


def _without_aliases(doc: Document, relations: list[Relation]) -> Document:
    out = Document(id=doc.id, text=doc.text, entities=doc.entities, relations=[r for r in relations if r.label in PREDICTED_LABELS])
    for i, rel in enumerate(out.relations, 1):
        rel.id = f"R{i}"
    return out


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _without_unlabelled_pairs(gold: Document, seen: Document, relations: list[Relation]) -> list[Relation]:
    """Predictions between mentions whose gold relation has no mapped label are neither right nor wrong: dropped.

    Compared by the mentions' texts, so that the rule also holds with predicted entities.
    """
    pairs = gold.annotations.get(UNLABELLED)
    if not pairs:
        return relations
    by_id = gold.entity_by_id()
    unlabelled = {(_fold(by_id[h].text), _fold(by_id[t].text)) for h, t in pairs}
    seen_by_id = seen.entity_by_id()
    return [r for r in relations if (_fold(seen_by_id[r.head].text), _fold(seen_by_id[r.tail].text)) not in unlabelled]


def score(gold_docs: list[Document], predictor: Predictor, pred_docs: list[Document] | None = None) -> dict[str, Any]:
    """Relation scores (mention and fact level) of ``predictor`` on the documents.

    The predictor sees ``pred_docs`` (the gold documents themselves when
    None, i.e. gold entities) with no relations; relations are compared with
    the gold ones, alias_of left out on both sides, and predictions on pairs
    whose gold relation has no mapped label (CrossRE) left out.
    """
    from textmine.evaluation.evaluate import evaluate_documents

    pred_docs = pred_docs if pred_docs is not None else gold_docs
    gold_by_id, pred_by_id = {}, {}
    for gold, seen in zip(gold_docs, pred_docs):
        parsed = parse(seen)
        blank = Document(id=seen.id, text=seen.text, segments=seen.segments, entities=seen.entities, metadata=seen.metadata)
        blank.annotations = {k: v for k, v in seen.annotations.items()}
        blank.annotations["spacy"] = parsed
        if EXAMPLES_KEY not in seen.annotations:
            seen.annotations[EXAMPLES_KEY] = examples(blank, parsed)
        predicted = _without_unlabelled_pairs(gold, blank, predictor(blank, seen.annotations[EXAMPLES_KEY]))
        pred_by_id[gold.id] = _without_aliases(seen, predicted)
        gold_by_id[gold.id] = _without_aliases(gold, gold.relations)
    report = evaluate_documents(gold_by_id, pred_by_id)
    relations = report["relations"]
    for level in ("mention", "fact"):
        relations[level]["per_label"] = {k: v for k, v in relations[level]["per_label"].items() if k in PREDICTED_LABELS}
    relations["errors"] = report["errors"]["relations"]
    return relations
