"""The challenge passages (``corpus/challenge/``) by half: ``dev`` may train and tune, ``test`` is only scored.

``split.json`` maps every passage id to its half; the gold files are in the
format of ``corpus/gold/`` with their texts in ``raw/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document
from textmine.resources.locations import corpus_dir
from textmine.training.corpus import load_gold_documents

CHALLENGE_DIR = corpus_dir() / "challenge"
HALVES = ("dev", "test")


def load_half(half: str, challenge_dir: Path = CHALLENGE_DIR) -> list[Document]:
    """The passages of one half, in id order; [] when the challenge set is not in the corpus."""
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r} of the challenge set; choose one of {', '.join(HALVES)}")
    split_file = Path(challenge_dir) / "split.json"
    if not split_file.is_file():
        return []
    halves = json.loads(split_file.read_text(encoding="utf-8"))
    docs = load_gold_documents(Path(challenge_dir) / "gold", Path(challenge_dir) / "raw")
    return [doc for doc in docs if halves.get(doc.id) == half]
