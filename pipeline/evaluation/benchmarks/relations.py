"""``textmine benchmark relations``: the classifier against the two baselines.

Each system is scored on the seed gold and on the held-out part of
Re-DocRED, with gold entities, and on the seed also end to end (entities
predicted by the extractor's earlier stages). The shipped model was trained
on the seed gold, so the seed figures with gold entities are training
figures; the honest seed figure — a model trained without the seed — is
computed at training time and read from the manifest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from textmine.document import Document
from textmine.stages.relations import model as model_io
from textmine.evaluation.baselines import classifier_predictor, cooccurrence_predictor, patterns_predictor, score
from textmine.stages.relations.candidates import PREDICTED_LABELS
from textmine.training.corpus import load_gold_documents
from textmine.training.relations import HELD_OUT_FRACTION, parse_documents


def predicted_entities(gold: list[Document], with_relations: bool = False) -> list[Document]:
    """The gold texts run through the extractor (without the relation stage unless asked)."""
    from textmine.runtime.extract import DEFAULT_COMPONENTS, ExtractConfig, Extractor

    names = DEFAULT_COMPONENTS if with_relations else tuple(c for c in DEFAULT_COMPONENTS if c != "relations")
    extractor = Extractor(ExtractConfig(components=names))
    return [extractor(Document(id=doc.id, text=doc.text, source={"format": "txt"})) for doc in gold]


def run_benchmark(model_path: Path = model_io.DEFAULT_MODEL_PATH, end_to_end: bool = True, report: Callable[[str], None] = print) -> dict[str, Any]:
    from textmine.training import redocred

    model = model_io.load(model_path)
    manifest = model.manifest
    seed = int(manifest["seed"])
    systems = {
        "co-occurrence": cooccurrence_predictor(manifest["majority_labels"]),
        "patterns": patterns_predictor,
        "textmine": classifier_predictor(model),
    }
    _, held_out = redocred.split(redocred.load_documents(), HELD_OUT_FRACTION, seed)
    gold = load_gold_documents()
    parse_documents(held_out + gold, report=report)
    results: dict[str, Any] = {}
    for dataset, docs in (("seed gold, gold entities", gold), ("Re-DocRED held out, gold entities", held_out)):
        results[dataset] = {name: score(docs, predictor) for name, predictor in systems.items()}
    if end_to_end and gold:
        try:
            predicted = predicted_entities(gold)
        except Exception as exc:  # another stage not usable here: say so, keep the other figures
            report(f"end-to-end figures skipped: the extractor failed ({exc})")
        else:
            results["seed gold, predicted entities"] = {name: score(gold, p, predicted) for name, p in systems.items()}
            results["seed gold, predicted entities, all labels"] = _all_labels(gold)
    results["seed gold, model trained without it (from the manifest)"] = (manifest.get("scores") or {}).get("gold_not_in_training")
    return results


def _all_labels(gold: list[Document]) -> dict[str, Any]:
    """The whole extractor, alias_of from the canonical stage included, scored on every relation."""
    from textmine.evaluation.evaluate import evaluate_documents

    predicted = predicted_entities(gold, with_relations=True)
    report = evaluate_documents({d.id: d for d in gold}, {d.id: d for d in predicted})
    return {"textmine (whole extractor)": report["relations"]}


def render(results: dict[str, Any]) -> str:
    lines = []
    for dataset, systems in results.items():
        lines.append(f"\n== {dataset}")
        if systems is None:
            lines.append("  (not recorded)")
            continue
        if "fact" in systems and "mention" in systems:
            systems = {"textmine": systems}
        lines.append(f"  {'system':<28}{'level':<9}{'P':>7}{'R':>7}{'F1':>7}   per label F1")
        for name, scores in systems.items():
            for level in ("mention", "fact"):
                micro = scores[level]["micro"]
                per_label = scores[level].get("per_label", {})
                labels = " ".join(
                    f"{label}={v['f1']:.2f}" for label, v in per_label.items() if label in PREDICTED_LABELS and (v["tp"] + v["fn"] + v["fp"])
                )
                lines.append(f"  {name:<28}{level:<9}{micro['precision']:>7.3f}{micro['recall']:>7.3f}{micro['f1']:>7.3f}   {labels}")
    return "\n".join(lines)
