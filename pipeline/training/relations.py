"""Training the relation classifier from several sources, from a fixed seed.

Sources: the seed page's gold, Re-DocRED dev (80 %), CrossRE politics and
news train (labels mapped by ``textmine.training.crossre``) and the
development half of the challenge set. Re-DocRED's held-out 20 %
(``textmine.training.redocred.split``, fixed seed), CrossRE dev and the
challenge set's test half never enter a model, so scores on them are honest. Parses are cached on
disk (keyed by text and spaCy model version) because parsing 500 documents
takes minutes on this machine; the cache is an optimisation only.
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from textmine.training.corpus import load_gold_documents
from textmine.document import Document
from textmine.training.crossre import UNLABELLED
from textmine.training.redocred import UNMAPPED_PAIRS, split
from textmine.stages.relations import model as model_io
from textmine.stages.relations.candidates import NONE_LABEL
from textmine.stages.relations.classify import EXAMPLES_KEY, Example, decide_one, examples, gold_lookup, label_confidences
from textmine.stages.relations.model import RelationModel

SEED = 13
HELD_OUT_FRACTION = 0.2
# Folds of the training documents the decision threshold is chosen over before the final fit.
THRESHOLD_FOLDS = 5
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))
# Features seen fewer times than this are dropped: they cannot generalise and they bloat the model file.
MIN_FEATURE_COUNT = 2


def cache_dir() -> Path:
    base = os.environ.get("TEXTMINE_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "textmine")
    return Path(base) / "parses"


def parse_documents(docs: list[Document], use_cache: bool = True, report: Callable[[str], None] | None = None) -> list[Any]:
    """spaCy parses of the documents' texts, stored in ``doc.annotations['spacy']`` too."""
    from spacy.tokens import DocBin

    from textmine.resources.block_sentences import RULE_VERSION as BLOCK_RULE_VERSION
    from textmine.resources.nlp import MODEL_VERSION, load_english

    nlp = load_english()
    key = hashlib.sha256(("\0".join([MODEL_VERSION, BLOCK_RULE_VERSION, *(d.text_sha256 for d in docs)])).encode()).hexdigest()[:24]
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
        doc.annotations.pop(EXAMPLES_KEY, None)
    return parsed


@dataclass
class Dataset:
    items: list[Example] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        """The document's candidates with their gold labels; pairs whose gold relation has no mapping are left out."""
        lookup = gold_lookup(doc)
        unlabelled = {tuple(pair) for key in (UNLABELLED, UNMAPPED_PAIRS) for pair in doc.annotations.get(key, ())}
        # A document's examples depend on its text, entities and parse only: computed once per training run.
        if EXAMPLES_KEY not in doc.annotations:
            doc.annotations[EXAMPLES_KEY] = examples(doc, doc.annotations["spacy"])
        for item in doc.annotations[EXAMPLES_KEY]:
            key = (item.candidate.head.id, item.candidate.tail.id)
            if key in unlabelled:
                continue
            self.items.append(item)
            self.labels.append(lookup.get(key, NONE_LABEL))


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
    items, labels = [data.items[i] for i in keep], [data.labels[i] for i in keep]
    pipeline = model_io.build_pipeline(seed, labels)
    pipeline.fit(_frequent_features(items), labels)
    return pipeline


def micro_f1(gold: list[str], predicted: list[str | None]) -> float:
    tp = sum(1 for g, p in zip(gold, predicted) if p is not None and p == g)
    fp = sum(1 for g, p in zip(gold, predicted) if p is not None and p != g)
    fn = sum(1 for g, p in zip(gold, predicted) if g != NONE_LABEL and p != g)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


Scored = list[tuple[Example, dict[str, float], dict[str, float]]]


def scored_candidates(pipeline: Any, data: Dataset, precision: dict[str, float]) -> Scored:
    """(example, label confidences from ``pipeline``, pattern precision of the fitting documents) per candidate."""
    rows = pipeline.predict_proba([item.features for item in data.items])
    index = {str(label): i for i, label in enumerate(pipeline.classes_)}
    return [(item, label_confidences(item.candidate, row, index), precision) for item, row in zip(data.items, rows)]


def best_threshold(scored: Scored, labels: list[str]) -> float:
    """The decision threshold with the best candidate-level micro F1 over ``scored`` candidates and their gold ``labels``.

    Each candidate is decided as the relation stage decides it
    (``classify.decide_one``): vetoed pairs are dropped and, below the
    threshold, a pattern whose precision (from the fitting documents)
    is high enough adds its relation. Scoring the classifier alone would
    ignore the relations the patterns add below the threshold, and so pick a
    threshold that lets the classifier add co-occurrences the patterns leave
    out.
    """
    best, best_f1 = THRESHOLDS[0], -1.0
    for threshold in THRESHOLDS:
        decided = [None if item.vetoes else decide_one(item, c, threshold, precision)[0] for item, c, precision in scored]
        f1 = micro_f1(labels, decided)
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def cross_validated_threshold(docs: list[Document], seed: int = SEED, folds: int = THRESHOLD_FOLDS) -> float:
    """The threshold (as ``best_threshold`` chooses it) over every document, each decided by a model fitted without it.

    The documents are dealt into ``folds`` seeded folds; each fold is decided
    by a model fitted on the others, with those documents' pattern precision,
    and the threshold is chosen on all the decisions pooled. One held-out
    split chose it from a fifth of the documents, so adding a few documents
    could move it by two steps.
    """
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    scored: Scored = []
    labels: list[str] = []
    for fold in range(min(folds, len(docs))):
        held = set(order[fold::folds])
        fit_data = build_dataset([doc for i, doc in enumerate(docs) if i not in held])
        check_data = build_dataset([doc for i, doc in enumerate(docs) if i in held])
        scored += scored_candidates(fit(fit_data, seed), check_data, pattern_precision(fit_data))
        labels += check_data.labels
    return best_threshold(scored, labels)


def pattern_precision(data: Dataset) -> dict[str, float]:
    """Laplace-smoothed share of each pattern's firings whose label was the gold one."""
    fired: dict[str, int] = {}
    right: dict[str, int] = {}
    for item, gold in zip(data.items, data.labels):
        for name, label in item.pattern_hits:
            fired[name] = fired.get(name, 0) + 1
            right[name] = right.get(name, 0) + (label == gold)
    return {name: round((right[name] + 1) / (fired[name] + 2), 4) for name in sorted(fired)}


def train_model(docs: list[Document], seed: int = SEED) -> RelationModel:
    """Choose the threshold by cross-validation over ``docs``, then fit on all of them."""
    threshold = cross_validated_threshold(docs, seed)
    data = build_dataset(docs)
    return RelationModel(fit(data, seed), threshold, pattern_precision(data))


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


def summary(scores: dict[str, Any]) -> dict[str, Any]:
    """Micro figures per level, rounded for the manifest."""
    return {
        level: {"micro": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores[level]["micro"].items()}}
        for level in ("mention", "fact")
    }


def training_sources(
    seed: int = SEED,
    redocred_limit: int | None = None,
    crossre_limit: int | None = None,
    challenge_limit: int | None = None,
) -> tuple[dict[str, list[Document]], list[Document]]:
    """The named training sources, and Re-DocRED's held-out part (never trained on).

    The seed page, 80 % of Re-DocRED dev, CrossRE politics and news train
    (mapped labels) and the development half of the challenge set. CrossRE dev
    and the challenge set's test half are benchmark data only. The limits keep
    only the first N documents of Re-DocRED (before the split), of each CrossRE
    domain and of the challenge passages (a quick model, for tests and trials).
    """
    from textmine.training import challenge, crossre, redocred

    train_part, held_out = split(redocred.load_documents()[:redocred_limit], HELD_OUT_FRACTION, seed)
    sources = {
        "seed": load_gold_documents(),
        "redocred": train_part,
        "crossre_politics": crossre.load_documents("politics", "train")[:crossre_limit],
        "crossre_news": crossre.load_documents("news", "train")[:crossre_limit],
        "challenge_dev": challenge.load_half("dev")[:challenge_limit],
    }
    return sources, held_out


def without_seed_path(model_path: Path) -> Path:
    """Where the model trained without the seed page goes: beside the shipped one, for the honest seed figure."""
    return model_path.with_name(model_path.stem + ".without-seed" + model_path.suffix)


def run_training(
    model_path: Path = model_io.DEFAULT_MODEL_PATH,
    seed: int = SEED,
    use_cache: bool = True,
    report: Callable[[str], None] = print,
    redocred_limit: int | None = None,
    crossre_limit: int | None = None,
    challenge_limit: int | None = None,
) -> dict[str, Any]:
    """The whole ``textmine train relations`` job; returns the shipped model's manifest.

    Two models are written: the shipped one (every source) and, beside it,
    one trained without the seed page, which ``textmine benchmark relations``
    scores the seed with. The limits use only the first N documents of
    Re-DocRED, of each CrossRE domain and of the challenge passages (a quick
    model, for tests and trials; the manifest records the counts used).
    """
    from textmine.evaluation.baselines import classifier_predictor, majority_labels, score

    sources, held_out = training_sources(seed, redocred_limit, crossre_limit, challenge_limit)
    report(", ".join(f"{name} {len(docs)}" for name, docs in sources.items()) + f" documents; Re-DocRED {len(held_out)} held out (seed {seed})")
    everything = [doc for docs in sources.values() for doc in docs]
    parse_documents(everything + held_out, use_cache=use_cache, report=report)
    per_source = {name: build_dataset(docs) for name, docs in sources.items()}
    source_info = {name: {"documents": len(sources[name]), "labels": label_counts(data.labels)} for name, data in per_source.items()}

    manifest: dict[str, Any] = {}
    for name, include_seed in (("shipped", True), ("without seed", False)):
        docs = [doc for source, group in sources.items() if include_seed or source != "seed" for doc in group]
        report(f"training the {name} model on {len(docs)} documents ...")
        model = train_model(docs, seed)
        data = build_dataset(docs)
        info = {
            "seed": seed,
            "held_out_fraction": HELD_OUT_FRACTION,
            "training_sources": {k: v for k, v in source_info.items() if include_seed or k != "seed"},
            "training_labels": label_counts(data.labels),
            "majority_labels": majority_labels(data.items, data.labels),
        }
        path = model_path if include_seed else without_seed_path(model_path)
        model_io.save(model, path, info)
        if include_seed:
            scores = {"redocred_held_out": summary(score(held_out, classifier_predictor(model)))}
        else:
            scores = {"seed_not_in_training": summary(score(sources["seed"], classifier_predictor(model)))}
        saved = model_io.update_manifest(path, {"scores": scores})
        if include_seed:
            manifest = saved
        report(f"wrote {path} ({path.stat().st_size // 1024} KiB), threshold {model.threshold}")
        for figure, figures in scores.items():
            fact = figures["fact"]["micro"]
            report(f"{figure}: fact-level P {fact['precision']:.3f} R {fact['recall']:.3f} F1 {fact['f1']:.3f}")
    return manifest
