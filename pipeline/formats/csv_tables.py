"""Flat CSV tables for pandas: ``documents.csv``, ``entities.csv`` and ``relations.csv`` in one folder.

``pd.read_csv(OUT / "entities.csv")`` gives one row per mention (document,
id, start, end, label, text, value, canonical, source, confidence);
``relations.csv`` one row per relation with its arguments' texts;
``documents.csv`` the id, text and the document-level fields as JSON. Parquet
is not offered: neither pyarrow nor pandas is a dependency of textmine.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from textmine.document import Document, Entity, Relation, Segment
from textmine.formats.common import ConversionError, Dropped

NAME = "csv"
DESCRIPTION = "flat CSV tables (documents.csv, entities.csv, relations.csv) in a folder, for pandas"

DOCUMENT_COLUMNS = ("id", "text_sha256", "text", "segments", "metadata", "entities_index", "source", "provenance")
ENTITY_COLUMNS = ("document", "id", "start", "end", "label", "text", "value", "canonical", "source", "confidence")
RELATION_COLUMNS = ("document", "id", "label", "head", "tail", "head_text", "tail_text", "confidence", "source")


def _cell(value) -> str:
    return "" if value is None else str(value)


def write(docs: list[Document], path: Path) -> Dropped:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "documents.csv", "w", encoding="utf-8", newline="") as d_handle, \
            open(path / "entities.csv", "w", encoding="utf-8", newline="") as e_handle, \
            open(path / "relations.csv", "w", encoding="utf-8", newline="") as r_handle:
        documents, entities, relations = csv.writer(d_handle), csv.writer(e_handle), csv.writer(r_handle)
        documents.writerow(DOCUMENT_COLUMNS)
        entities.writerow(ENTITY_COLUMNS)
        relations.writerow(RELATION_COLUMNS)
        for doc in docs:
            record = doc.to_dict()
            documents.writerow(
                [doc.id, doc.text_sha256, doc.text]
                + [json.dumps(record.get(name, [] if name in ("segments", "entities_index") else {}), ensure_ascii=False) for name in DOCUMENT_COLUMNS[3:]]
            )
            by_id = doc.entity_by_id()
            for e in doc.entities:
                entities.writerow([doc.id, e.id, e.start, e.end, e.label, e.text, _cell(e.value), _cell(e.canonical), _cell(e.source), _cell(e.confidence)])
            for r in doc.relations:
                head, tail = by_id.get(r.head), by_id.get(r.tail)
                relations.writerow(
                    [doc.id, r.id, r.label, r.head, r.tail, head.text if head else "", tail.text if tail else "", _cell(r.confidence), _cell(r.source)]
                )
    return Dropped()


def _rows(file: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not file.is_file():
        raise ConversionError(f"{file}: missing; a CSV folder holds documents.csv, entities.csv and relations.csv")
    with open(file, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ConversionError(f"{file}: missing columns {', '.join(missing)}")
        return list(reader)


def _optional(value: str, kind=str):
    return None if value == "" else kind(value)


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    path = Path(path)
    docs: dict[str, Document] = {}
    for row in _rows(path / "documents.csv", DOCUMENT_COLUMNS):
        extra = {name: json.loads(row[name]) if row[name] else None for name in DOCUMENT_COLUMNS[3:]}
        docs[row["id"]] = Document(
            id=row["id"],
            text=row["text"],
            segments=[Segment(s["start"], s["end"], s["lang"], s["role"]) for s in extra["segments"] or []],
            metadata=extra["metadata"] or {},
            entities_index=extra["entities_index"] or [],
            source=extra["source"] or {},
            provenance=extra["provenance"] or {},
        )
    for number, row in enumerate(_rows(path / "entities.csv", ENTITY_COLUMNS), 2):
        doc = docs.get(row["document"])
        if doc is None:
            raise ConversionError(f"{path / 'entities.csv'}:{number}: document {row['document']!r} is not in documents.csv")
        start, end = int(row["start"]), int(row["end"])
        doc.entities.append(
            Entity(row["id"], start, end, row["label"], doc.text[start:end], value=_optional(row["value"]),
                   canonical=_optional(row["canonical"]), source=_optional(row["source"]), confidence=_optional(row["confidence"], float))
        )
    for number, row in enumerate(_rows(path / "relations.csv", RELATION_COLUMNS), 2):
        doc = docs.get(row["document"])
        if doc is None:
            raise ConversionError(f"{path / 'relations.csv'}:{number}: document {row['document']!r} is not in documents.csv")
        doc.relations.append(
            Relation(row["id"], row["label"], row["head"], row["tail"], confidence=_optional(row["confidence"], float), source=_optional(row["source"]))
        )
    return list(docs.values())
