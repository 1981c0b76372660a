"""What the format modules share: the attributes a foreign format may not hold, and putting them back.

A format that has no field for a DATE value, a canonical name, a relation's
confidence, the segments or the metadata can still carry the project's own
record of them in a free-form field (Label Studio's task ``data``, a doccano
line's extra key, a DocBin's ``user_data``). :func:`sidecar` writes that
record; :func:`restore` gives the attributes back to the entities and
relations read from the format, matched by span and label, so that what an
annotator corrected wins and what they left alone keeps its attributes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Iterable

from textmine.document import Document, Entity, Segment

SIDECAR_KEY = "textmine"
_DOCUMENT_FIELDS = ("segments", "metadata", "entities_index", "source", "provenance")


class ConversionError(ValueError):
    """An input that cannot be converted; the message names the file and what is wrong."""


@dataclass
class Dropped:
    """What a conversion could not keep, counted: ``{"relations": 39, "DATE values": 12}``."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, count: int = 1) -> None:
        if count:
            self.counts[what] = self.counts.get(what, 0) + count

    def lines(self, format_name: str) -> list[str]:
        return [f"{format_name} cannot hold {what}: {count} dropped" for what, count in self.counts.items()]


def span_key(ent: Entity) -> tuple[int, int, str]:
    return (ent.start, ent.end, ent.label)


def sidecar(doc: Document) -> dict[str, Any]:
    """The document's record without its text: everything :func:`restore` can give back."""
    record = doc.to_dict()
    record.pop("text")
    return record


def restore(doc: Document, record: dict[str, Any] | None) -> Document:
    """Give ``doc`` (read from a foreign format) the attributes kept in ``record``.

    Entities are matched by (start, end, label): a matched entity takes the
    recorded id, value, canonical name, source and confidence where the format
    gave none; relations matched by label and argument spans take the
    recorded confidence and source. Document-level fields (segments, metadata,
    entities index, source, provenance) are copied. Entities the format added
    get fresh ids; then the document is renumbered (T1.., R1..), references in
    metadata and the entities index following their entities.
    """
    if record:
        for name in _DOCUMENT_FIELDS:
            if record.get(name) and not getattr(doc, name):
                setattr(doc, name, copy.deepcopy(record[name]))
        if record.get("segments") and isinstance(doc.segments[0], dict):
            doc.segments = [Segment(s["start"], s["end"], s["lang"], s["role"]) for s in doc.segments]
        recorded = {}
        for item in record.get("entities", []):
            recorded[(item["start"], item["end"], item["label"])] = item
        recorded_by_id = {item["id"]: item for item in record.get("entities", [])}
        used_ids = {item["id"] for item in record.get("entities", [])}
        renamed: dict[str, str] = {}
        fresh = 0
        for ent in doc.entities:
            item = recorded.get(span_key(ent))
            if item is not None:
                for name in ("value", "canonical", "source", "confidence"):
                    if getattr(ent, name) is None and item.get(name) is not None:
                        setattr(ent, name, item[name])
                new_id = item["id"]
            else:
                fresh += 1
                while f"new{fresh}" in used_ids:
                    fresh += 1
                new_id = f"new{fresh}"
            renamed[ent.id] = new_id
            ent.id = new_id
        for rel in doc.relations:
            rel.head, rel.tail = renamed.get(rel.head, rel.head), renamed.get(rel.tail, rel.tail)
        recorded_relations = {}
        for item in record.get("relations", []):
            head, tail = recorded_by_id.get(item["head"]), recorded_by_id.get(item["tail"])
            if head and tail:
                recorded_relations[(item["label"], head["start"], head["end"], tail["start"], tail["end"])] = item
        by_id = doc.entity_by_id()
        for rel in doc.relations:
            head, tail = by_id.get(rel.head), by_id.get(rel.tail)
            if head is None or tail is None:
                continue
            item = recorded_relations.get((rel.label, head.start, head.end, tail.start, tail.end))
            if item is not None:
                rel.confidence = rel.confidence if rel.confidence is not None else item.get("confidence")
                rel.source = rel.source or item.get("source")
        # Metadata and the index may point at entities the annotator removed: renumber() drops those references.
    doc.renumber()
    return doc


def fill_date_values(doc: Document, record: dict[str, Any] | None = None) -> int:
    """Normalise the value of each DATE that has none and is not in ``record`` (an annotator added it)
    from its own text, as the guidelines ask; returns how many were filled."""
    from textmine.stages.dates import normalise_date

    recorded = {(item["start"], item["end"], item["label"]) for item in (record or {}).get("entities", [])}
    filled = 0
    for ent in doc.entities:
        if ent.label == "DATE" and ent.value is None and span_key(ent) not in recorded:
            lang = "ru" if any("\u0400" <= ch <= "\u04ff" for ch in ent.text) else "en"
            ent.value = normalise_date(ent.text, lang)
            filled += ent.value is not None
    return filled


def present(docs: Iterable[Document]) -> dict[str, int]:
    """How many of each droppable thing the documents hold (for the 'cannot hold' messages)."""
    counts = {"relations": 0, "DATE values": 0, "canonical names": 0, "entity sources and confidences": 0,
              "relation sources and confidences": 0, "segments": 0, "metadata": 0, "entities index records": 0}
    for doc in docs:
        counts["relations"] += len(doc.relations)
        counts["DATE values"] += sum(1 for e in doc.entities if e.label == "DATE" and e.value is not None)
        counts["canonical names"] += sum(1 for e in doc.entities if e.canonical is not None)
        counts["entity sources and confidences"] += sum(1 for e in doc.entities if e.source is not None or e.confidence is not None)
        counts["relation sources and confidences"] += sum(1 for r in doc.relations if r.source is not None or r.confidence is not None)
        counts["segments"] += len(doc.segments)
        counts["metadata"] += bool(doc.metadata)
        counts["entities index records"] += len(doc.entities_index)
    return counts
