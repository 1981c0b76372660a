"""The project's annotated corpus: gold files with their texts."""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document
from textmine.resources.locations import corpus_dir, require_corpus

GOLD_DIR = corpus_dir() / "gold"
RAW_DIR = corpus_dir() / "raw"


class CorpusError(ValueError):
    """A gold file whose text cannot be found or does not match its text_sha256."""


def load_gold_documents(gold_dir: Path = GOLD_DIR, raw_dir: Path = RAW_DIR) -> list[Document]:
    """Gold files of ``gold_dir`` (``*.json``), with their raw text (``raw_dir/<id>.txt``) when they carry none."""
    docs = []
    for path in sorted(require_corpus(Path(gold_dir), "reading the gold annotations").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data.get("text")
        if text is None:
            raw = Path(raw_dir) / f"{data['id']}.txt"
            if not raw.is_file():
                raise CorpusError(f"gold file {path} has no 'text' and {raw} does not exist")
            text = raw.read_text(encoding="utf-8")
        doc = Document.from_dict(data, text=text)
        if data.get("text_sha256") and data["text_sha256"] != doc.text_sha256:
            raise CorpusError(f"gold file {path}: text_sha256 does not match the text of {data['id']}")
        docs.append(doc)
    return docs
