"""The project's own JSON: output files and gold files (one ``.json`` per document, or ``.jsonl``).

Gold files may omit ``text``; the raw text is then ``RAW_DIR/<id>.txt``
(by default ``../raw/`` beside the gold folder, as ``textmine validate --raw``).
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document
from textmine.evaluation.validate import find_text, iter_json_records
from textmine.formats.common import ConversionError, Dropped

NAME = "json"
DESCRIPTION = "textmine JSON: a folder of <id>.json (or one .json / .jsonl file), outputs or gold"


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    docs = []
    for record in iter_json_records(Path(path)):
        if record.error:
            raise ConversionError(f"{record.where}: {record.error}")
        if not isinstance(record.data, dict) or "id" not in record.data:
            raise ConversionError(f"{record.where}: not a textmine document (a JSON object with an 'id')")
        text, reason = find_text(record.data, record.path, raw_dir)
        if text is None:
            raise ConversionError(f"{record.where}: {reason}")
        try:
            docs.append(Document.from_dict(record.data, text=text))
        except (KeyError, TypeError) as exc:
            raise ConversionError(f"{record.where}: missing or malformed field {exc}; run `textmine validate` on it") from exc
    return docs


def write(docs: list[Document], path: Path) -> Dropped:
    """One ``<id>.json`` per document in the folder ``path``, or every document in ``path`` if it ends in .jsonl."""
    path = Path(path)
    if path.suffix == ".jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            for doc in docs:
                handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        return Dropped()
    path.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (path / f"{doc.id}.json").write_text(doc.to_json(), encoding="utf-8", newline="\n")
    return Dropped()
