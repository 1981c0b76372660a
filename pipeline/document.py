"""The one document model shared by gold files and predictions.

A :class:`Document` is what every stage reads and writes, from ingestion to
JSON. Field names are the gold format's (annotation guidelines §4), so a
prediction can be scored as if it were a gold file. Offsets are code-point
indices into ``Document.text`` and every stage keeps
``text[start:end] == mention``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

ENTITY_LABELS = ("ORG", "LOC", "DATE", "EVENT", "PERSON")

# Allowed (head labels, tail labels) per relation label, from guidelines §3.
RELATION_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "member_of": (frozenset({"LOC", "ORG", "PERSON"}), frozenset({"ORG"})),
    "observer_of": (frozenset({"LOC", "ORG"}), frozenset({"ORG"})),
    "part_of": (frozenset({"ORG"}), frozenset({"ORG"})),
    "located_in": (frozenset({"ORG", "LOC"}), frozenset({"LOC"})),
    "partner_of": (frozenset({"ORG"}), frozenset({"ORG"})),
    "alias_of": (frozenset(ENTITY_LABELS), frozenset(ENTITY_LABELS)),
    "held_in": (frozenset({"EVENT"}), frozenset({"LOC"})),
    "held_on": (frozenset({"EVENT"}), frozenset({"DATE"})),
    "participant_in": (frozenset({"LOC", "ORG", "PERSON"}), frozenset({"EVENT"})),
    "affiliated_with": (frozenset({"PERSON"}), frozenset({"ORG"})),
}
SYMMETRIC_RELATIONS = frozenset({"partner_of", "alias_of"})

# Key of a spaCy Doc's user_data under which Document.to_spacy keeps what doc.ents cannot hold.
SPACY_USER_DATA_KEY = "textmine"


def relation_allowed(label: str, head_label: str, tail_label: str) -> bool:
    """True when the guidelines allow ``label`` between these entity labels."""
    if label not in RELATION_TYPES:
        return False
    heads, tails = RELATION_TYPES[label]
    if label == "alias_of":
        return head_label == tail_label
    return head_label in heads and tail_label in tails


def _remap_entity_refs(value: Any, new_ids: dict[str, str]) -> None:
    """Renumber entity ids held in metadata: keys "entity", "*_entity" (an id
    or None) and "*_entities" (a list of ids), at any depth."""
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "entity" or key.endswith("_entity")) and isinstance(item, str):
                value[key] = new_ids.get(item)
            elif key.endswith("_entities") and isinstance(item, list):
                value[key] = [new_ids[i] for i in item if i in new_ids]
    for child in children:
        if isinstance(child, (dict, list)):
            _remap_entity_refs(child, new_ids)


def sha256_text(text: str) -> str:
    """Hex sha256 of the UTF-8 text: the ``text_sha256`` of gold and output files."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Segment:
    """A stretch of the text in one language with its role: ``wrapper`` (the catalogue page) or ``article``."""

    start: int
    end: int
    lang: str
    role: str  # "wrapper" or "article"

    def to_dict(self) -> dict[str, Any]:
        """The segment's JSON object."""
        return {"start": self.start, "end": self.end, "lang": self.lang, "role": self.role}


@dataclass
class Entity:
    """A mention: ``text == document.text[start:end]`` (code-point offsets), labelled ORG, LOC, DATE, EVENT or PERSON.

    ``value`` is a DATE's normalised ISO 8601 / TIMEX3 value; ``canonical``
    the name of the real-world entity it refers to (see
    ``Document.entities_index``); ``source`` the component that found it.
    """

    id: str
    start: int
    end: int
    label: str
    text: str
    value: str | None = None  # DATE only: normalised value, None when not normalisable
    source: str | None = None  # component that produced the mention
    canonical: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entity's JSON object (``value`` always for a DATE, the optional fields when set)."""
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
        }
        if self.label == "DATE":
            out["value"] = self.value
        for key in ("source", "canonical", "confidence"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass
class Relation:
    """A typed relation ``label`` from entity ``head`` to entity ``tail`` (entity ids), as one sentence states it."""

    id: str
    label: str
    head: str
    tail: str
    confidence: float | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The relation's JSON object (confidence and source when set)."""
        out: dict[str, Any] = {"id": self.id, "label": self.label, "head": self.head, "tail": self.tail}
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.source is not None:
            out["source"] = self.source
        return out


@dataclass
class Document:
    """One text with everything found in it; the gold format's fields plus metadata, source and provenance.

    ``to_dict``/``to_json`` give the output file, ``from_dict`` reads a gold
    or output file, ``to_spacy``/``from_spacy`` convert to and from a spaCy
    ``Doc``.
    """

    id: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    entities_index: list[dict[str, Any]] = field(default_factory=list)
    # Where the text came from: path, detected encoding, format (txt/html/jsonl).
    source: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    # Working state shared between stages (e.g. the spaCy Doc); never serialised.
    annotations: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text_sha256(self) -> str:
        """Hex sha256 of the text (UTF-8)."""
        return sha256_text(self.text)

    def entity_by_id(self) -> dict[str, Entity]:
        """Entities keyed by id."""
        return {e.id: e for e in self.entities}

    def mention(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def iter_segments(self, role: str | None = None, lang: str | None = None) -> Iterator[Segment]:
        """Segments with this role and language (either left out: any)."""
        for seg in self.segments:
            if (role is None or seg.role == role) and (lang is None or seg.lang == lang):
                yield seg

    def renumber(self) -> None:
        """Sort entities by position and give them ids T1..Tn (relations follow)."""
        self.entities.sort(key=lambda e: (e.start, e.end, e.label))
        new_ids = {}
        for i, ent in enumerate(self.entities, 1):
            new_ids[ent.id] = f"T{i}"
            ent.id = f"T{i}"
        kept = []
        for rel in self.relations:
            if rel.head in new_ids and rel.tail in new_ids:
                rel.head, rel.tail = new_ids[rel.head], new_ids[rel.tail]
                kept.append(rel)
        kept.sort(key=lambda r: (int(r.head[1:]), int(r.tail[1:]), r.label))
        for i, rel in enumerate(kept, 1):
            rel.id = f"R{i}"
        self.relations = kept
        for record in self.entities_index:
            record["mentions"] = [new_ids[m] for m in record.get("mentions", []) if m in new_ids]
        _remap_entity_refs(self.metadata, new_ids)

    def to_dict(self) -> dict[str, Any]:
        """The output file's JSON object (gold fields first)."""
        out: dict[str, Any] = {
            "id": self.id,
            "text_sha256": self.text_sha256,
            "text": self.text,
            "segments": [s.to_dict() for s in self.segments],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "metadata": self.metadata,
        }
        if self.entities_index:
            out["entities_index"] = self.entities_index
        if self.source:
            out["source"] = self.source
        if self.provenance:
            out["provenance"] = self.provenance
        return out

    def to_json(self) -> str:
        """Deterministic JSON: same document, byte-identical output."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str | None = None) -> "Document":
        """Build from a gold or output JSON object.

        Gold files may omit ``text``; pass the raw text then (its sha256 is
        checked by :mod:`textmine.evaluation.validate`, not here).
        """
        if text is None:
            text = data.get("text")
        if text is None:
            raise ValueError(f"document {data.get('id')!r}: no 'text' field and no raw text given")
        return cls(
            id=data["id"],
            text=text,
            segments=[Segment(s["start"], s["end"], s["lang"], s["role"]) for s in data.get("segments", [])],
            entities=[
                Entity(
                    id=e["id"],
                    start=e["start"],
                    end=e["end"],
                    label=e["label"],
                    text=e["text"],
                    value=e.get("value"),
                    source=e.get("source"),
                    canonical=e.get("canonical"),
                    confidence=e.get("confidence"),
                )
                for e in data.get("entities", [])
            ],
            relations=[
                Relation(
                    id=r["id"],
                    label=r["label"],
                    head=r["head"],
                    tail=r["tail"],
                    confidence=r.get("confidence"),
                    source=r.get("source"),
                )
                for r in data.get("relations", [])
            ],
            metadata=data.get("metadata", {}) or {},
            entities_index=data.get("entities_index", []) or [],
            source=data.get("source", {}) or {},
            provenance=data.get("provenance", {}) or {},
        )

    def to_spacy(self, nlp: Any = None) -> Any:
        """This document as a spaCy ``Doc`` with the same text; :meth:`from_spacy` turns it back.

        Entities are ``doc.ents`` (labels as here: ORG, LOC, DATE, EVENT,
        PERSON). Everything else is in ``doc.user_data["textmine"]``: the
        ``id``, ``entities`` (with ids, DATE values, canonical names, sources,
        confidences), ``relations`` (head and tail are entity ids),
        ``segments``, ``metadata``, ``entities_index``, ``source`` and
        ``provenance``. Tokens come from ``nlp``'s tokenizer (default: a
        blank English pipeline), split where an entity starts or ends inside
        a token; no pipeline component is run. Entities must not overlap
        (guidelines §1), as spaCy's ``doc.ents`` cannot hold that.
        """
        import spacy
        from spacy.tokens import Doc

        nlp = nlp if nlp is not None else spacy.blank("en")
        cuts = sorted({e.start for e in self.entities} | {e.end for e in self.entities})
        words: list[str] = []
        spaces: list[bool] = []
        for token in nlp.make_doc(self.text):
            start, end = token.idx, token.idx + len(token.text)
            inside = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
            bounds = [start, *inside, end]
            words.extend(self.text[a:b] for a, b in zip(bounds, bounds[1:]))
            spaces.extend([False] * (len(bounds) - 2) + [bool(token.whitespace_)])
        spacy_doc = Doc(nlp.vocab, words=words, spaces=spaces)
        spans = []
        for entity in sorted(self.entities, key=lambda e: (e.start, e.end)):
            span = spacy_doc.char_span(entity.start, entity.end, label=entity.label)
            if span is None:
                raise ValueError(f"entity {entity.id} {entity.text!r} [{entity.start}:{entity.end}] does not start and end on a token boundary")
            spans.append(span)
        try:
            spacy_doc.ents = spans
        except ValueError as exc:
            raise ValueError(f"document {self.id}: entities overlap, which doc.ents cannot hold ({exc})") from exc
        data = self.to_dict()
        for key in ("text", "text_sha256"):
            del data[key]
        spacy_doc.user_data[SPACY_USER_DATA_KEY] = data
        return spacy_doc

    @classmethod
    def from_spacy(cls, spacy_doc: Any) -> "Document":
        """A Document from a spaCy ``Doc``: its ``ents`` are the entities.

        What :meth:`to_spacy` kept in ``doc.user_data["textmine"]`` comes
        back (entity attributes by span and label, relations, segments,
        metadata, ...), so ``Document.from_spacy(doc.to_spacy())`` equals
        ``doc``. Entities added in spaCy get no value or source; relations
        whose head or tail was removed are dropped. Entity ids are then
        renumbered T1..Tn in text order, as the extractor numbers them. A
        ``Doc`` from any spaCy pipeline works too (its labels are kept).
        """
        data = dict(spacy_doc.user_data.get(SPACY_USER_DATA_KEY) or {})
        text = spacy_doc.text
        known = {(e["start"], e["end"], e["label"]): e for e in data.get("entities", [])}
        base = cls.from_dict({**data, "id": data.get("id") or f"text_{sha256_text(text)[:16]}", "entities": []}, text=text)
        for i, span in enumerate(spacy_doc.ents, 1):
            record = known.get((span.start_char, span.end_char, span.label_), {})
            base.entities.append(
                Entity(
                    id=record.get("id", f"spacy{i}"),
                    start=span.start_char,
                    end=span.end_char,
                    label=span.label_,
                    text=span.text,
                    value=record.get("value"),
                    source=record.get("source"),
                    canonical=record.get("canonical"),
                    confidence=record.get("confidence"),
                )
            )
        base.renumber()
        return base
