"""spaCy ``DocBin`` (``.spacy``), the training-data format of ``spacy train``.

Entities become ``doc.ents`` (their canonical name, when there is one, the
span's ``kb_id_``). spaCy's tokens are cut again where an entity boundary
falls inside one, so every entity keeps its exact offsets. Relations, DATE
values and the rest of the document travel in ``doc.user_data["textmine"]`` (JSON)
(DocBin keeps user data), and are matched back to the entities by span.
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document, Entity
from textmine.formats.common import SIDECAR_KEY, ConversionError, Dropped, restore, sidecar
from textmine.formats.tokens import aligned_pieces, english

NAME = "spacy"
DESCRIPTION = "spaCy DocBin (.spacy): entities as doc.ents, the rest in user_data"


def to_spacy(doc: Document):
    """A spaCy ``Doc`` with the document's text, entities and (in user_data) everything else."""
    from spacy.tokens import Doc

    nlp = english()
    words, spaces = aligned_pieces(doc.text, doc.entities)
    spacy_doc = Doc(nlp.vocab, words=words, spaces=spaces)
    spans = []
    for ent in sorted(doc.entities, key=lambda e: (e.start, e.end)):
        span = spacy_doc.char_span(ent.start, ent.end, label=ent.label, kb_id=ent.canonical or "")
        if span is None:  # cannot happen: the pieces are cut at every entity boundary
            raise ConversionError(f"{doc.id}: entity {ent.id} [{ent.start}:{ent.end}] does not fall on token boundaries")
        spans.append(span)
    try:
        spacy_doc.set_ents(spans)
    except ValueError as exc:
        raise ConversionError(f"{doc.id}: overlapping entities cannot be doc.ents ({exc}); `textmine validate` lists them") from exc
    # As a JSON string: msgpack, which DocBin uses, would give lists back as tuples.
    spacy_doc.user_data[SIDECAR_KEY] = json.dumps(sidecar(doc), ensure_ascii=False)
    return spacy_doc


def from_spacy(spacy_doc, fallback_id: str) -> Document:
    """A Document from a spaCy ``Doc`` written by :func:`to_spacy` (or any Doc with entities)."""
    record = json.loads(spacy_doc.user_data.get(SIDECAR_KEY) or "{}")
    text = spacy_doc.text
    doc = Document(id=record.get("id") or fallback_id, text=text)
    for i, span in enumerate(spacy_doc.ents, 1):
        start, end = span.start_char, span.end_char
        doc.entities.append(
            Entity(id=f"e{i}", start=start, end=end, label=span.label_, text=text[start:end], canonical=span.kb_id_ or None)
        )
    restore_relations(doc, record)
    return restore(doc, record)


def restore_relations(doc: Document, record: dict) -> None:
    """Relations recorded in the sidecar, re-attached to the entities with the same spans (others dropped)."""
    from textmine.document import Relation

    recorded = {item["id"]: item for item in record.get("entities", [])}
    by_span = {(e.start, e.end, e.label): e.id for e in doc.entities}
    for item in record.get("relations", []):
        head, tail = recorded.get(item["head"]), recorded.get(item["tail"])
        if head is None or tail is None:
            continue
        head_id = by_span.get((head["start"], head["end"], head["label"]))
        tail_id = by_span.get((tail["start"], tail["end"], tail["label"]))
        if head_id and tail_id:
            doc.relations.append(
                Relation(item["id"], item["label"], head_id, tail_id, confidence=item.get("confidence"), source=item.get("source"))
            )


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    from spacy.tokens import DocBin

    try:
        doc_bin = DocBin(store_user_data=True).from_disk(Path(path))
    except (OSError, ValueError) as exc:
        raise ConversionError(f"{path}: not a readable spaCy DocBin ({exc})") from exc
    stem = Path(path).stem
    return [from_spacy(d, f"{stem}_{i:04d}") for i, d in enumerate(doc_bin.get_docs(english().vocab))]


def write(docs: list[Document], path: Path) -> Dropped:
    from spacy.tokens import DocBin

    doc_bin = DocBin(store_user_data=True)
    for doc in docs:
        doc_bin.add(to_spacy(doc))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    doc_bin.to_disk(Path(path))
    return Dropped()
