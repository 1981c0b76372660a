"""``textmine benchmark relations``: the classifier against the two baselines, on data it was not trained on.

Four test sets, each scored with gold entities and end to end (entities
predicted by the extractor's earlier stages), for co-occurrence, patterns
only and textmine, in the same run:

* the seed page, with the model trained without it (``relations.without-seed.skops``,
  written by ``textmine train relations`` beside the shipped model);
* the challenge set's frozen test half (``corpus/challenge/``);
* CrossRE politics dev, labels mapped as in ``textmine.training.crossre``;
* Re-DocRED's held-out 20 %.

Only the seed needs the second model: the shipped model never saw the other
three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from textmine.document import Document
from textmine.evaluation.baselines import classifier_predictor, cooccurrence_predictor, patterns_predictor, score
from textmine.stages.affiliations import with_byline
from textmine.stages.relations import model as model_io
from textmine.stages.relations.candidates import PREDICTED_LABELS
from textmine.training.corpus import load_gold_documents
from textmine.training.relations import HELD_OUT_FRACTION, parse_documents, without_seed_path


def predicted_entities(gold: list[Document]) -> list[Document]:
    """The gold texts run through the extractor without the relation stage."""
    from textmine.runtime.extract import DEFAULT_COMPONENTS, ExtractConfig, Extractor

    extractor = Extractor(ExtractConfig(components=tuple(c for c in DEFAULT_COMPONENTS if c not in ("relations", "byline_affiliations"))))
    return [extractor(Document(id=doc.id, text=doc.text, source={"format": "txt"})) for doc in gold]


def _systems(model: model_io.RelationModel) -> dict[str, Any]:
    return {
        "co-occurrence": cooccurrence_predictor(model.manifest["majority_labels"]),
        "patterns": patterns_predictor,
        # What the extractor does: the classifier, then the author block's reading (byline_affiliations).
        "textmine": with_byline(classifier_predictor(model)),
    }


def challenge_set_name(half: str) -> str:
    """The name the benchmark prints for a half of the challenge set."""
    # Both models are trained on the dev half, so only its patterns-only row is a fair figure.
    return "challenge test half" if half == "test" else "challenge dev half (in both models' training data: a development score)"


def benchmark_sets(seed: int, challenge_half: str = "test") -> dict[str, list[Document]]:
    from textmine.training import challenge, crossre, redocred

    _, held_out = redocred.split(redocred.load_documents(), HELD_OUT_FRACTION, seed)
    return {
        "seed page (model trained without it)": load_gold_documents(),
        challenge_set_name(challenge_half): challenge.load_half(challenge_half),
        "CrossRE politics dev (mapped)": crossre.load_documents("politics", "dev"),
        "Re-DocRED held out": held_out,
    }


def run_benchmark(model_path: Path = model_io.DEFAULT_MODEL_PATH, end_to_end: bool = True, report: Callable[[str], None] = print,
                  challenge_half: str = "test") -> dict[str, Any]:
    """Scores per test set, entity source and system: {"<set>, gold entities": {system: scores}, ...}."""
    shipped = model_io.load(model_path)
    without_seed = model_io.load(without_seed_path(model_path))
    sets = benchmark_sets(int(shipped.manifest["seed"]), challenge_half)
    parse_documents([doc for docs in sets.values() for doc in docs], report=report)
    results: dict[str, Any] = {}
    for name, docs in sets.items():
        systems = _systems(without_seed if name.startswith("seed page") else shipped)
        report(f"scoring {name} ({len(docs)} documents) ...")
        results[f"{name}, gold entities"] = {system: score(docs, predictor) for system, predictor in systems.items()}
        if end_to_end:
            predicted = predicted_entities(docs)
            results[f"{name}, predicted entities"] = {system: score(docs, predictor, predicted) for system, predictor in systems.items()}
    return results


def render(results: dict[str, Any]) -> str:
    """Micro P/R/F1 at mention and fact level, and per label at fact level, for every set and system."""
    lines = []
    for dataset, systems in results.items():
        lines.append(f"\n== {dataset}")
        lines.append(f"  {'system':<15}{'label':<17}{'level':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
        for name, scores in systems.items():
            for level in ("mention", "fact"):
                micro = scores[level]["micro"]
                gold = micro["tp"] + micro["fn"]
                lines.append(f"  {name:<15}{'micro':<17}{level:<9}{micro['precision']:>7.3f}{micro['recall']:>7.3f}{micro['f1']:>7.3f}{gold:>6}")
            for label, v in scores["fact"].get("per_label", {}).items():
                if label in PREDICTED_LABELS and (v["tp"] + v["fn"] + v["fp"]):
                    lines.append(f"  {name:<15}{label:<17}{'fact':<9}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['tp'] + v['fn']:>6}")
    return "\n".join(lines)
