"""How well the "canonical" component groups mentions into entities, measured
on Re-DocRED dev, whose vertexSet gives every entity's mentions.

Gold entities (the converted Re-DocRED mentions) go in; the component's
groups (``entities_index``) are compared with Re-DocRED's entities as pairs of
mentions put in the same entity (pairwise precision, recall, F1), per label
and overall. Run:

    .venv/bin/python scripts/eval_canonical_redocred.py [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

from textmine.stages.canonical import Canonical
from textmine.training.redocred import DEFAULT_PATH, ENTITY_TYPES, _rebuild_text, convert_document


def gold_clusters(raw: dict) -> dict[tuple[int, int], int]:
    """(start, end) of each mention -> index of its Re-DocRED entity."""
    _text, token_offsets, _sentences = _rebuild_text(raw["sents"])
    clusters = {}
    for vertex_index, vertex in enumerate(raw["vertexSet"]):
        for mention in vertex:
            if mention["type"] not in ENTITY_TYPES:
                continue
            first, last = mention["pos"]
            span = (token_offsets[mention["sent_id"]][first][0], token_offsets[mention["sent_id"]][last - 1][1])
            clusters.setdefault(span, vertex_index)
    return clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    with open(DEFAULT_PATH, encoding="utf-8") as handle:
        raw_docs = json.load(handle)[: args.limit]
    component = Canonical(add_abbreviation_mentions=False)
    counts: Counter = Counter()
    for i, raw in enumerate(raw_docs):
        doc = convert_document(raw, f"redocred_dev_{i:03d}")
        gold = gold_clusters(raw)
        component(doc)
        predicted = {mention: record["id"] for record in doc.entities_index for mention in record["mentions"]}
        entities = [e for e in doc.entities if (e.start, e.end) in gold]
        for a, b in itertools.combinations(entities, 2):
            if a.label != b.label:
                continue
            same_gold = gold[(a.start, a.end)] == gold[(b.start, b.end)]
            same_pred = predicted[a.id] == predicted[b.id]
            for key in (a.label, "all"):
                counts[key, "tp"] += same_gold and same_pred
                counts[key, "fp"] += same_pred and not same_gold
                counts[key, "fn"] += same_gold and not same_pred
    print(f"{len(raw_docs)} documents; pairs of mentions in one entity (pairwise P/R/F1)")
    for label in ("ORG", "LOC", "PERSON", "DATE", "all"):
        tp, fp, fn = counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label:7} P={precision:.3f} R={recall:.3f} F1={f1:.3f} (gold pairs {tp + fn})")


if __name__ == "__main__":
    main()
