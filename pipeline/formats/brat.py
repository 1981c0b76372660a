"""BRAT standoff: ``<id>.txt`` with ``<id>.ann`` beside it, in one folder.

``T`` lines hold entities (a span crossing a line break is written as
fragments, as brat does), ``R`` lines relations (``Arg1`` head, ``Arg2``
tail), ``N`` lines normalisations: a DATE's value as ``TIMEX3:<value>``, a
canonical name as ``textmine:<entity record>`` (or ``Wikidata:<QID>`` when the
entities index has one) with the name as the line's text. Sources and
confidences go into ``#`` AnnotatorNotes lines. The folder also gets an
``annotation.conf`` with the labels and the relation argument types. BRAT
has no place for segments, metadata or the rest of the entities index: they
are dropped, and the command says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from textmine.document import ENTITY_LABELS, RELATION_TYPES, Document, Entity, Relation
from textmine.formats.common import ConversionError, Dropped, present, restore

NAME = "brat"
DESCRIPTION = "BRAT standoff: a folder of <id>.txt + <id>.ann (T, R, N and AnnotatorNotes lines)"
CANNOT_HOLD = ("segments", "metadata", "entities index records")

_NOTE = re.compile(r"(source|confidence)=([^;]*)")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks (brat's discontinuous-span notation), leaving out the breaks."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if text[i] in "\r\n":
            if piece_start < i:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces or [(start, end)]


def _notes(obj: Entity | Relation) -> str | None:
    parts = [f"{name}={getattr(obj, name)}" for name in ("source", "confidence") if getattr(obj, name) is not None]
    return "; ".join(parts) or None


def to_ann(doc: Document) -> str:
    lines = []
    numbers = {ent.id: i for i, ent in enumerate(doc.entities, 1)}
    index_ids = {}
    for record in doc.entities_index:
        for mention in record.get("mentions", []):
            index_ids[mention] = f"Wikidata:{record['kb_id']}" if str(record.get("kb_id") or "").startswith("Q") else f"textmine:{record['id']}"
    n_norm = n_note = 0
    for ent in doc.entities:
        t = numbers[ent.id]
        fragments = ";".join(f"{s} {e}" for s, e in _fragments(doc.text, ent.start, ent.end))
        lines.append(f"T{t}\t{ent.label} {fragments}\t{' '.join(ent.text.split())}")
        if ent.label == "DATE" and ent.value is not None:
            n_norm += 1
            lines.append(f"N{n_norm}\tReference T{t} TIMEX3:{ent.value}\t{ent.value}")
        if ent.canonical is not None:
            n_norm += 1
            lines.append(f"N{n_norm}\tReference T{t} {index_ids.get(ent.id, 'textmine:' + ent.id)}\t{ent.canonical}")
        if _notes(ent):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes T{t}\t{_notes(ent)}")
    for r, rel in enumerate(doc.relations, 1):
        if rel.head not in numbers or rel.tail not in numbers:
            continue
        lines.append(f"R{r}\t{rel.label} Arg1:T{numbers[rel.head]} Arg2:T{numbers[rel.tail]}")
        if _notes(rel):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes R{r}\t{_notes(rel)}")
    return "\n".join(lines) + "\n"


def annotation_conf() -> str:
    relations = []
    for label, (heads, tails) in RELATION_TYPES.items():
        relations.append(
            f"{label}\tArg1:{'|'.join(l for l in ENTITY_LABELS if l in heads)}, Arg2:{'|'.join(l for l in ENTITY_LABELS if l in tails)}"
        )
    return "[entities]\n" + "\n".join(ENTITY_LABELS) + "\n\n[relations]\n" + "\n".join(relations) + "\n\n[events]\n\n[attributes]\n"


def from_ann(doc_id: str, text: str, ann: str, where: str) -> Document:
    doc = Document(id=doc_id, text=text)
    by_id: dict[str, Entity | Relation] = {}
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        try:
            if kind == "T":
                label, _, spans = fields[1].partition(" ")
                offsets = [tuple(map(int, fragment.split())) for fragment in spans.split(";")]
                start, end = min(s for s, _ in offsets), max(e for _, e in offsets)
                entity = Entity(id=fields[0], start=start, end=end, label=label, text=text[start:end])
                doc.entities.append(entity)
                by_id[fields[0]] = entity
            elif kind == "R":
                label, arg1, arg2 = fields[1].split()
                relation = Relation(id=fields[0], label=label, head=arg1.split(":", 1)[1], tail=arg2.split(":", 1)[1])
                doc.relations.append(relation)
                by_id[fields[0]] = relation
            elif kind == "N":
                _, target, reference = fields[1].split()
                entity = by_id[target]
                if reference.startswith("TIMEX3:"):
                    entity.value = reference.split(":", 1)[1]
                else:
                    entity.canonical = fields[2] if len(fields) > 2 and fields[2] else None
            elif kind == "#":
                _, target = fields[1].split()
                for name, value in _NOTE.findall(fields[2] if len(fields) > 2 else ""):
                    setattr(by_id[target], name, float(value) if name == "confidence" else value.strip())
            else:
                raise ConversionError(f"{where}:{number}: {fields[0][:1]!r} lines (events, attributes) are not used by textmine")
        except (ValueError, IndexError, KeyError) as exc:
            raise ConversionError(f"{where}:{number}: cannot read {line!r} ({exc})") from exc
    return restore(doc, None)


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    path = Path(path)
    anns = sorted(path.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not anns:
        raise ConversionError(f"{path}: no .ann files")
    docs = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            raise ConversionError(f"{ann}: no {txt.name} beside it")
        text = txt.read_bytes().decode("utf-8")
        docs.append(from_ann(ann.stem, text, ann.read_text(encoding="utf-8"), str(ann)))
    return docs


def write(docs: list[Document], path: Path) -> Dropped:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (path / f"{doc.id}.txt").write_bytes(doc.text.encode("utf-8"))
        (path / f"{doc.id}.ann").write_text(to_ann(doc), encoding="utf-8", newline="\n")
    (path / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    dropped = Dropped()
    counts = present(docs)
    for what in CANNOT_HOLD:
        dropped.add(what, counts[what])
    return dropped
