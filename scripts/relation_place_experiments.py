"""Place pairs on pages of the seed's kind (issue 11, seventh round): the figures of docs/relation-experiments.md,
section "Seventh round".

    .venv/bin/python scripts/relation_place_experiments.py ["VARIANT NAME" ...]   # default: every variant

Same protocol as ``scripts/relation_redocred_convention_experiments.py`` (tuning data only): models fitted without the
seed page on 80 % of Re-DocRED's training part (split again with seed 7), CrossRE politics and news train and every
other passage of the challenge set's older dev passages; the threshold tuned as ``textmine train relations`` tunes it;
scored (fact-level micro F1 and located_in F1, gold entities) on the other 20 % of Re-DocRED's training part (rd_dev),
CrossRE politics dev, the other half of the older challenge dev passages (ch_dev_b), the challenge dev passages of
this round (ch_new: numbers from 301, never trained on here) and the dev half of corpus/pages (pages_dev). The seed
column is a check only. The challenge test half, the pages test half and Re-DocRED's held-out 20 % are never loaded.
Variants:

* shipped: the features and vetoes before this round;
* + origin_phrase: the veto of a place against a place in a "from" phrase of origin (patterns.origin_phrase);
* + origin_phrase, place sizes near only: the place-size feature only where the parse joins the places closely;
* + origin_phrase, no place sizes;
* + origin_phrase, place sizes of place pairs only (none for an organisation and a place);
* + origin_phrase, place sizes of an organisation and a place only where the parse joins them closely.

About 20 minutes for every variant on the shared 2 cores.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relation_decision_experiments as base  # noqa: E402

from textmine.evaluation.evaluate import evaluate_documents  # noqa: E402
from textmine.stages.relations.classify import EXAMPLES_KEY  # noqa: E402
from textmine.training import redocred  # noqa: E402
from textmine.training import relations as training  # noqa: E402

DEV = ("rd_dev", "crossre_dev", "ch_dev_b", "ch_new", "pages_dev", "seed")
NEW_VETOES = ("origin_phrase", "citation_title_and_source", "activity_of_organisation")
ROUND_PASSAGE = re.compile(r"^ch-.+-(pos|neg)-3\d\d$")


def load() -> dict[str, list]:
    current = redocred.split(redocred.load_documents(), training.HELD_OUT_FRACTION, training.SEED)[0]
    sets = base.shared_sets()
    older = [doc for doc in sets["ch_dev_a"] + sets["ch_dev_b"] if not ROUND_PASSAGE.match(doc.id)]
    older.sort(key=lambda doc: doc.id)
    sets["ch_new"] = sorted((doc for doc in sets["ch_dev_a"] + sets["ch_dev_b"] if ROUND_PASSAGE.match(doc.id)), key=lambda doc: doc.id)
    sets["ch_dev_a"], sets["ch_dev_b"] = older[0::2], older[1::2]
    sets["rd_train"], sets["rd_dev"] = redocred.split(current, 0.2, base.DEV_SEED)
    base.attach_examples([doc for docs in sets.values() for doc in docs], lambda doc, item, table: {})
    for docs in sets.values():
        for doc in docs:
            for item in doc.annotations[EXAMPLES_KEY]:
                item.all_vetoes = list(item.vetoes)
    return sets


def use_vetoes(sets: dict, on: tuple[str, ...]) -> None:
    """Decide with the vetoes before this round and those of NEW_VETOES named in ``on``."""
    for docs in sets.values():
        for doc in docs:
            for item in doc.annotations[EXAMPLES_KEY]:
                item.vetoes = [v for v in item.all_vetoes if v in on or v not in NEW_VETOES]


def score(docs: list, pipeline, featurise: Callable, threshold: float, precision: dict) -> str:
    """Micro F1 and located_in F1 (fact level, gold entities), as base.score decides."""
    report = {}

    def capture(gold_by_id, pred_by_id):
        report.update(evaluate_documents(gold_by_id, pred_by_id)["relations"]["fact"])
        return {"relations": {"fact": report}}

    original = base.evaluate_documents
    base.evaluate_documents = capture
    try:
        base.score(docs, pipeline, featurise, {None: threshold}, precision)
    finally:
        base.evaluate_documents = original
    return f"{report['micro']['f1']:.3f}/{report['per_label']['located_in']['f1']:.3f}"


def variant(sets: dict, name: str, featurise: Callable, vetoes: tuple[str, ...]) -> None:
    started = time.time()
    use_vetoes(sets, vetoes)
    train_docs = [doc for source in ("rd_train", "crossre_politics", "crossre_news", "ch_dev_a") for doc in sets[source]]
    pipeline, tuned, precision = base.fit_tuned(train_docs, featurise)
    cells = " ".join(f"{s}={score(sets[s], pipeline, featurise, tuned, precision)}" for s in DEV)
    print(f"{name:<36} tuned {tuned:.2f} | {cells}  ({time.time() - started:.0f}s)", flush=True)


def with_vetoes(on: tuple[str, ...], drop: Callable[[str], bool] = lambda name: False) -> Callable:
    """The shipped features without the veto features of NEW_VETOES not in ``on`` and without those ``drop`` names."""
    off = {f"veto={name}" for name in NEW_VETOES if name not in on}
    return lambda item: {k: v for k, v in item.features.items() if k not in off and not drop(k)}


def far_sizes(name: str) -> bool:
    return name.startswith("place_ranks=") and name.endswith("|far")


def sizes(name: str) -> bool:
    return name.startswith("place_ranks=")


def organisation_sizes(name: str) -> bool:
    return name.startswith("place_ranks=") and "ORG" in name


def far_organisation_sizes(name: str) -> bool:
    return organisation_sizes(name) and name.endswith("|far")


ORIGIN, ALL = NEW_VETOES[:1], NEW_VETOES
VARIANTS = {
    "shipped": (with_vetoes(()), ()),
    "+ origin_phrase": (with_vetoes(ORIGIN), ORIGIN),
    "+ three vetoes": (with_vetoes(ALL), ALL),
    "+ origin_phrase, sizes near only": (with_vetoes(ORIGIN, far_sizes), ORIGIN),
    "+ origin_phrase, no place sizes": (with_vetoes(ORIGIN, sizes), ORIGIN),
    "+ origin_phrase, place pairs' sizes only": (with_vetoes(ORIGIN, organisation_sizes), ORIGIN),
    "+ origin_phrase, ORG sizes near only": (with_vetoes(ORIGIN, far_organisation_sizes), ORIGIN),
}


def main(names: list[str]) -> None:
    sets = load()
    print("cells: fact-level micro F1 / located_in F1, gold entities", flush=True)
    for name in names or VARIANTS:
        featurise, vetoes = VARIANTS[name]
        variant(sets, name, featurise, vetoes)


if __name__ == "__main__":
    main(sys.argv[1:])
