"""From a parsed document to candidate features, and from probabilities to relations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..document import SYMMETRIC_RELATIONS, Document, Relation
from . import features, patterns
from .candidates import NONE_LABEL, Candidate, allowed_labels, generate


def parse(doc: Document) -> Any:
    """The spaCy Doc of the whole text: the NER stage's when it left one, else a fresh parse."""
    parsed = doc.annotations.get("spacy")
    if parsed is None or parsed.text != doc.text:
        from ..nlp import load_english

        parsed = load_english()(doc.text)
        doc.annotations["spacy"] = parsed
    return parsed


@dataclass
class Example:
    candidate: Candidate
    features: dict[str, float]
    pattern_hits: list[tuple[str, str]]


def examples(doc: Document, parsed: Any, with_paragraph_case: bool | None = None) -> list[Example]:
    out = []
    for cand in generate(doc, parsed, with_paragraph_case):
        view = patterns.PairView(cand, doc)
        out.append(Example(cand, features.extract(cand, doc, parsed, view), patterns.match(cand, doc, view)))
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


def decide(
    items: list[Example],
    decision: Any,
    probabilities: Any,
    classes: list[str],
    min_confidence: float = 0.0,
    pattern_fallback: bool = True,
) -> list[Relation]:
    """Relations from the classifier's scores.

    ``decision`` (the class-balanced model's probabilities) picks the label,
    so rare labels are not drowned by "none"; ``probabilities`` (the
    calibrated ones) give the confidence. Labels the argument types do not
    allow are masked out first. When the classifier says none but a pattern
    fires, the pattern's relation is kept with the calibrated probability of
    its label, marked ``pattern:<name>``. Symmetric labels are emitted once
    per pair, ordered by entity position.
    """
    index = {label: i for i, label in enumerate(classes)}
    none = index.get(NONE_LABEL)
    best: dict[tuple[str, str, str], Relation] = {}
    for item, choice_row, prob_row in zip(items, decision, probabilities):
        cand = item.candidate
        allowed = [label for label in allowed_labels(cand.head.label, cand.tail.label) if label in index]
        if not allowed:
            continue
        columns = [index[label] for label in allowed] + ([none] if none is not None else [])
        mass = float(sum(prob_row[c] for c in columns)) or 1.0
        confidence = {label: float(prob_row[index[label]]) / mass for label in allowed}
        label, source = max(allowed, key=lambda l: choice_row[index[l]]), "classifier"
        if none is not None and choice_row[none] >= choice_row[index[label]]:
            label = None
        if label is None and pattern_fallback and item.pattern_hits:
            name, label = item.pattern_hits[0]
            source = f"pattern:{name}"
        # A pattern label the model never saw gets no support from it: confidence 0.
        score = confidence.get(label, 0.0) if label else 0.0
        if label is None or score < min_confidence:
            continue
        head, tail = cand.head, cand.tail
        if label in SYMMETRIC_RELATIONS and tail.start < head.start:
            head, tail = tail, head
        key = (label, head.id, tail.id)
        if key not in best or best[key].confidence < score:
            best[key] = Relation(id="", label=label, head=head.id, tail=tail.id, confidence=round(score, 4), source=source)
    return list(best.values())


def predict(model: Any, items: list[Example], min_confidence: float = 0.0, pattern_fallback: bool = True) -> list[Relation]:
    if not items:
        return []
    vectors = model[:-1].transform([item.features for item in items])
    calibrated = model[-1]
    # With ensemble=False the calibrated classifier wraps one class-balanced model fitted on all the data.
    balanced = calibrated.calibrated_classifiers_[0].estimator
    return decide(
        items,
        balanced.predict_proba(vectors),
        calibrated.predict_proba(vectors),
        [str(c) for c in calibrated.classes_],
        min_confidence,
        pattern_fallback,
    )


def merge_into(doc: Document, relations: Iterable[Relation]) -> None:
    """Add predicted relations to ``doc``, keeping those other stages put there (alias_of), with fresh ids."""
    kept = [r for r in doc.relations if r.source != "classifier" and not (r.source or "").startswith("pattern:")]
    existing = {(r.label, r.head, r.tail) for r in kept}
    merged = kept + [r for r in relations if (r.label, r.head, r.tail) not in existing]
    for i, rel in enumerate(merged, 1):
        rel.id = f"R{i}"
    doc.relations = merged
