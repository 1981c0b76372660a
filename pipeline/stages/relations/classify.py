"""From a parsed document to candidate features, and from probabilities to relations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from textmine.document import SYMMETRIC_RELATIONS, Document, Relation
from textmine.stages.relations import features, patterns, syntax
from textmine.stages.relations.model import RelationModel
from textmine.stages.relations.candidates import NONE_LABEL, Candidate, allowed_labels, generate


# Key of Document.annotations under which training and benchmarks keep a document's candidate examples
# (they depend on its text, entities and parse only).
EXAMPLES_KEY = "relation_examples"
# A pattern adds a relation the classifier missed only if most of its firings in training were right.
PATTERN_ADD_PRECISION = 0.5
# A pattern that never fired in training is trusted as far as the gate, no further: grammar, not evidence.
UNSEEN_PATTERN_PRECISION = 0.5


def parse(doc: Document) -> Any:
    """The spaCy Doc of the whole text: the NER stage's when it left one, else a fresh parse."""
    parsed = doc.annotations.get("spacy")
    if parsed is None or parsed.text != doc.text:
        from textmine.resources.nlp import load_english

        parsed = load_english()(doc.text)
        doc.annotations["spacy"] = parsed
    return parsed


@dataclass
class Example:
    candidate: Candidate
    features: dict[str, float]
    pattern_hits: list[tuple[str, str]]
    vetoes: list[str]


def examples(doc: Document, parsed: Any, with_paragraph_case: bool | None = None) -> list[Example]:
    out = []
    spans, table, facts = patterns.mention_spans(doc), features.TokenTable(parsed), syntax.DocFacts(parsed)
    for cand in generate(doc, parsed, with_paragraph_case):
        view = patterns.PairView(cand, doc, spans)
        hits, vetoes = patterns.match(cand, doc, view, facts), patterns.vetoes(cand, doc, view, facts)
        out.append(Example(cand, features.extract(cand, doc, parsed, view, hits, vetoes, table), hits, vetoes))
    return out


def gold_label(doc: Document, cand: Candidate, lookup: dict[tuple[str, str], str] | None = None) -> str:
    """The gold label of a candidate (symmetric labels in either direction); alias_of counts as none here."""
    if lookup is None:
        lookup = gold_lookup(doc)
    return lookup.get((cand.head.id, cand.tail.id), NONE_LABEL)


def gold_lookup(doc: Document) -> dict[tuple[str, str], str]:
    lookup: dict[tuple[str, str], str] = {}
    for rel in doc.relations:
        if rel.label == "alias_of":
            continue
        lookup[(rel.head, rel.tail)] = rel.label
        if rel.label in SYMMETRIC_RELATIONS:
            lookup.setdefault((rel.tail, rel.head), rel.label)
    return lookup


def label_confidences(cand: Candidate, row: Any, index: dict[str, int]) -> dict[str, float]:
    """Probabilities of the labels the argument types allow, renormalised together with none."""
    allowed = [label for label in allowed_labels(cand.head.label, cand.tail.label) if label in index]
    columns = [index[label] for label in allowed] + ([index[NONE_LABEL]] if NONE_LABEL in index else [])
    mass = float(sum(row[c] for c in columns)) or 1.0
    return {label: float(row[index[label]]) / mass for label in allowed}


def choose(confidence: dict[str, float], threshold: float) -> tuple[str | None, float]:
    """The most probable allowed label if it reaches the threshold, else (None, 0)."""
    if confidence:
        top = max(confidence, key=confidence.get)
        if confidence[top] >= threshold:
            return top, confidence[top]
    return None, 0.0


def decide_one(
    item: Example, confidence: dict[str, float], threshold: float, pattern_precision: dict[str, float], pattern_fallback: bool = True
) -> tuple[str | None, float, str]:
    """(label, confidence, source) for one candidate that no veto dropped; label None when nothing is emitted.

    The classifier's most probable allowed label if it reaches ``threshold``,
    else the label of the first firing pattern whose precision in training
    reached PATTERN_ADD_PRECISION. Training tunes the threshold with this same
    decision, so that it counts the relations the patterns add below it.
    """
    label, score = choose(confidence, threshold)
    if label is not None or not pattern_fallback:
        return label, score, "classifier"
    precision = {name: pattern_precision.get(name, UNSEEN_PATTERN_PRECISION) for name, _ in item.pattern_hits}
    trusted = [(name, hit) for name, hit in item.pattern_hits if precision[name] >= PATTERN_ADD_PRECISION]
    if not trusted:
        return None, 0.0, "classifier"
    name, label = trusted[0]
    return label, max(confidence.get(label, 0.0), precision[name]), f"pattern:{name}"


def decide(
    items: list[Example],
    probabilities: Any,
    classes: list[str],
    threshold: float,
    pattern_precision: dict[str, float] | None = None,
    min_confidence: float = 0.0,
    pattern_fallback: bool = True,
) -> list[Relation]:
    """Relations from the classifier's calibrated probabilities.

    Labels the argument types do not allow are masked out and the rest
    renormalised; the most probable label is emitted when its probability
    reaches ``threshold``. A veto pattern (list siblings) drops the pair. Otherwise a firing pattern whose
    precision in training reached PATTERN_ADD_PRECISION may add its relation
    (source ``pattern:<name>``), with that precision or the classifier's
    probability, whichever is higher, as confidence.
    Symmetric labels are emitted once per pair, ordered by position.
    """
    pattern_precision = pattern_precision or {}
    index = {label: i for i, label in enumerate(classes)}
    best: dict[tuple[str, str, str], Relation] = {}
    for item, row in zip(items, probabilities):
        cand = item.candidate
        if item.vetoes:
            continue
        label, score, source = decide_one(item, label_confidences(cand, row, index), threshold, pattern_precision, pattern_fallback)
        if label is None or score < min_confidence:
            continue
        head, tail = cand.head, cand.tail
        if label in SYMMETRIC_RELATIONS and tail.start < head.start:
            head, tail = tail, head
        key = (label, head.id, tail.id)
        if key not in best or best[key].confidence < score:
            best[key] = Relation(id="", label=label, head=head.id, tail=tail.id, confidence=round(score, 4), source=source)
    _affiliation_through_units(best)
    return list(best.values())


def _affiliation_through_units(best: dict[tuple[str, str, str], Relation]) -> None:
    """A person affiliated with a department is affiliated with its university too (guidelines §3)."""
    units = [r for r in best.values() if r.label == "part_of"]
    for rel in [r for r in best.values() if r.label == "affiliated_with"]:
        for unit in units:
            key = ("affiliated_with", rel.head, unit.tail)
            if unit.head == rel.tail and key not in best:
                score = round(min(rel.confidence or 0.0, unit.confidence or 0.0), 4)
                best[key] = Relation(id="", label="affiliated_with", head=rel.head, tail=unit.tail, confidence=score, source="pattern:affiliation_through_unit")


def probabilities(model: RelationModel, items: list[Example]) -> Any:
    return model.pipeline.predict_proba([item.features for item in items])


def predict(model: RelationModel, items: list[Example], min_confidence: float = 0.0, pattern_fallback: bool = True) -> list[Relation]:
    return predict_many(model, [items], min_confidence, pattern_fallback)[0]


def predict_many(
    model: RelationModel, per_doc: list[list[Example]], min_confidence: float = 0.0, pattern_fallback: bool = True
) -> list[list[Relation]]:
    """``predict`` for several documents' examples with a single classifier call."""
    flat = [item for items in per_doc for item in items]
    rows = probabilities(model, flat) if flat else []
    out, offset = [], 0
    for items in per_doc:
        doc_rows = rows[offset:offset + len(items)]
        offset += len(items)
        out.append(
            decide(items, doc_rows, model.classes, model.threshold, model.pattern_precision, min_confidence, pattern_fallback)
            if items else []
        )
    return out


def merge_into(doc: Document, relations: Iterable[Relation]) -> None:
    """Add predicted relations to ``doc``, keeping those other stages put there (alias_of), with fresh ids."""
    kept = [r for r in doc.relations if r.source != "classifier" and not (r.source or "").startswith("pattern:")]
    existing = {(r.label, r.head, r.tail) for r in kept}
    merged = kept + [r for r in relations if (r.label, r.head, r.tail) not in existing]
    for i, rel in enumerate(merged, 1):
        rel.id = f"R{i}"
    doc.relations = merged
