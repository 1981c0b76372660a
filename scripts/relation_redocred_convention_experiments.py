"""Re-DocRED's unmapped pairs left out of training (issue 11, fifth round): the figures of
docs/relation-experiments.md, section "Fifth round".

    .venv/bin/python scripts/relation_redocred_convention_experiments.py

Same protocol as ``scripts/relation_classifier_experiments.py`` (tuning data only): models fitted without the seed
page on 80 % of Re-DocRED's training part (split again with seed 7), CrossRE politics and news train and every other
passage of the challenge dev half; the threshold tuned as ``textmine train relations`` tunes it (the stage's decision
on a 20 % document split of the fitting documents), and the scores at fixed thresholds beside it; scored
(fact-level micro F1, gold entities) on the other 20 % of Re-DocRED's training part (rd_dev), CrossRE politics dev,
the other half of the challenge dev half (ch_dev_b) and the dev half of corpus/pages (pages_dev). The seed column is a
check only (no model here saw it). The challenge test half, the pages test half and Re-DocRED's held-out 20 % are
never loaded. Variants of the Re-DocRED training documents:

* earlier: same-sentence pairs of relations the mapping leaves out (educated at, shares border with, ...) are
  negatives ("none");
* unmapped out: they are left out of training (``redocred.UNMAPPED_PAIRS``; shipped).

The figures of both variants depend on the code of the relation stage at the time of the run (features, vetoes).

About 10 minutes on the shared 2 cores.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relation_decision_experiments as base  # noqa: E402

from textmine.document import Document  # noqa: E402
from textmine.training import redocred  # noqa: E402
from textmine.training import relations as training  # noqa: E402

DEV = ("rd_dev", "crossre_dev", "ch_dev_b", "pages_dev", "seed")
FIXED = (0.3, 0.35, 0.4)


def load() -> dict[str, list]:
    current = redocred.split(redocred.load_documents(), training.HELD_OUT_FRACTION, training.SEED)[0]
    sets = base.shared_sets()
    sets["rd_train"], sets["rd_dev"] = redocred.split(current, 0.2, base.DEV_SEED)
    base.attach_examples([doc for docs in sets.values() for doc in docs], lambda doc, item, table: {})
    # The earlier training documents: the same documents (parse and examples shared) with the unmapped pairs as negatives.
    sets["rd_train_earlier"] = []
    for doc in sets["rd_train"]:
        twin = Document(id=doc.id, text=doc.text, entities=doc.entities, relations=doc.relations)
        twin.annotations = {k: v for k, v in doc.annotations.items() if k != redocred.UNMAPPED_PAIRS}
        sets["rd_train_earlier"].append(twin)
    return sets


def variant(sets: dict, name: str, rd_train: str) -> None:
    """Fit on the training sets (Re-DocRED as ``rd_train``), print DEV at the tuned threshold and at FIXED."""
    started = time.time()
    featurise = lambda item: item.features  # noqa: E731
    train_docs = [doc for source in (rd_train, "crossre_politics", "crossre_news", "ch_dev_a") for doc in sets[source]]
    pipeline, tuned, precision = base.fit_tuned(train_docs, featurise)
    for threshold in (tuned, *FIXED):
        cells = " ".join(f"{s}={base.score(sets[s], pipeline, featurise, {None: threshold}, precision):.3f}" for s in DEV)
        kind = "tuned" if threshold == tuned else "fixed"
        print(f"{name:<16} {kind} {threshold:.2f} | {cells}", flush=True)
    print(f"  ({time.time() - started:.0f}s)", flush=True)


def main() -> None:
    sets = load()
    variant(sets, "earlier", "rd_train_earlier")
    variant(sets, "unmapped out", "rd_train")


if __name__ == "__main__":
    main()
