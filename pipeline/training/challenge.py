"""The team's challenge set (``corpus/challenge/``): CheckList-style passages per relation label.

Its ``split.json`` puts every passage in the development half or the frozen
test half. Only the development half may train or tune anything; the test
half is read for the final figures of ``textmine benchmark relations`` only.
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document
from textmine.training.corpus import ROOT, load_gold_documents

CHALLENGE_DIR = ROOT / "corpus" / "challenge"
SPLITS = ("dev", "test")


def load_documents(split: str, challenge_dir: Path = CHALLENGE_DIR) -> list[Document]:
    """The passages of one half ("dev" or "test"), as gold documents with their texts."""
    if split not in SPLITS:
        raise ValueError(f"the challenge set has the halves {SPLITS}, not {split!r}")
    halves = json.loads((challenge_dir / "split.json").read_text(encoding="utf-8"))
    docs = load_gold_documents(challenge_dir / "gold", challenge_dir / "raw")
    return [doc for doc in docs if halves.get(doc.id) == split]
