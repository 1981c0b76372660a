"""doccano JSONL for sequence labelling with relations (one document per line).

A line is ``{"text", "entities": [{"id", "label", "start_offset",
"end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}``, what
doccano imports and exports for a project with relation labels. The
document id, DATE values, canonical names, sources, confidences, segments
and metadata travel in the line's ``textmine`` field (doccano keeps unknown
fields as the example's metadata); what an annotator added gets its DATE
value from the expression itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document, Entity, Relation
from textmine.formats.common import SIDECAR_KEY, ConversionError, Dropped, fill_date_values, restore, sidecar

NAME = "doccano"
DESCRIPTION = "doccano JSONL with entities and relations (one document per line)"


def to_line(doc: Document) -> dict:
    numbers = {ent.id: i for i, ent in enumerate(doc.entities, 1)}
    return {
        "text": doc.text,
        "entities": [
            {"id": numbers[e.id], "label": e.label, "start_offset": e.start, "end_offset": e.end} for e in doc.entities
        ],
        "relations": [
            {"id": i, "from_id": numbers[r.head], "to_id": numbers[r.tail], "type": r.label}
            for i, r in enumerate(doc.relations, 1)
            if r.head in numbers and r.tail in numbers
        ],
        SIDECAR_KEY: sidecar(doc),
    }


def from_line(line: dict, where: str) -> Document:
    text = line.get("text")
    if not isinstance(text, str):
        raise ConversionError(f"{where}: no 'text' string; is this a doccano JSONL export?")
    record = line.get(SIDECAR_KEY) or (line.get("meta") or {}).get(SIDECAR_KEY) or {}
    doc_id = record.get("id") or (f"doccano_{line['id']}" if "id" in line else None)
    if doc_id is None:
        raise ConversionError(f"{where}: no document id (neither a '{SIDECAR_KEY}' record nor doccano's 'id')")
    doc = Document(id=str(doc_id), text=text)
    # Older doccano exports write entities as [start, end, label] under "label".
    raw_entities = line.get("entities")
    if raw_entities is None:
        raw_entities = [{"id": i, "start_offset": s, "end_offset": e, "label": lab} for i, (s, e, lab) in enumerate(line.get("label") or [], 1)]
    for item in raw_entities:
        start, end = item["start_offset"], item["end_offset"]
        doc.entities.append(Entity(id=f"d{item['id']}", start=start, end=end, label=item["label"], text=text[start:end]))
    for item in line.get("relations") or []:
        doc.relations.append(Relation(id=f"dr{item['id']}", label=item["type"], head=f"d{item['from_id']}", tail=f"d{item['to_id']}"))
    restore(doc, record)
    fill_date_values(doc, record)
    return doc


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    docs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConversionError(f"{path}:{number}: invalid JSON: {exc}") from exc
            docs.append(from_line(data, f"{path}:{number}"))
    return docs


def write(docs: list[Document], path: Path) -> Dropped:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(json.dumps(to_line(doc), ensure_ascii=False) + "\n")
    return Dropped()
