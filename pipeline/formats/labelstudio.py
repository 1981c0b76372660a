"""Label Studio JSON: tasks with pre-annotations (``predictions``) to import, and exported ``annotations``.

A task is ``{"data": {"text", "textmine"}, "predictions" | "annotations":
[{"result": [...]}]}``; a result item is a labelled span (``type: labels``,
``value: {start, end, text, labels}``, with the confidence as ``score`` and
the canonical name and DATE value as region notes in ``meta``) or a relation
(``type: relation``, ``from_id``, ``to_id``, ``labels``). Label Studio counts
offsets in UTF-16 code units, as JavaScript does; they are converted from and
to the project's code points. :func:`labelling_config` is the project
configuration the results refer to (``label`` on ``text``).

Reading an export takes each task's latest annotation that was not
cancelled, else its first prediction. The document id, DATE values and the
rest travel in ``data.textmine``; an entity the annotator added gets its
DATE value from the expression itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

from textmine import __version__
from textmine.document import ENTITY_LABELS, RELATION_TYPES, SYMMETRIC_RELATIONS, Document, Entity, Relation
from textmine.formats.common import SIDECAR_KEY, ConversionError, Dropped, fill_date_values, restore, sidecar

NAME = "labelstudio"
DESCRIPTION = "Label Studio JSON tasks (predictions to import; exported annotations read back), with relations"

LABEL_COLOURS = {"ORG": "#7aecec", "LOC": "#ff9561", "DATE": "#bfe1d9", "EVENT": "#ffeb80", "PERSON": "#aa9cfc"}


def _utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of every code-point offset 0..len(text)."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return offsets


def labelling_config() -> str:
    """The Label Studio labelling configuration (XML) for the project's labels and relations."""
    labels = "\n".join(f"    <Label value={quoteattr(l)} background={quoteattr(LABEL_COLOURS[l])}/>" for l in ENTITY_LABELS)
    relations = "\n".join(f"    <Relation value={quoteattr(r)}/>" for r in RELATION_TYPES)
    return (
        "<View>\n  <Relations>\n" + relations + "\n  </Relations>\n"
        '  <Labels name="label" toName="text">\n' + labels + "\n  </Labels>\n"
        '  <Text name="text" value="$text" granularity="symbol"/>\n</View>\n'
    )


def to_task(doc: Document, as_annotations: bool = False) -> dict:
    utf16 = _utf16_offsets(doc.text)
    result = []
    for ent in doc.entities:
        item = {
            "id": ent.id,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": utf16[ent.start], "end": utf16[ent.end], "text": ent.text, "labels": [ent.label]},
        }
        if ent.confidence is not None:
            item["score"] = ent.confidence
        notes = [f"{name}: {value}" for name, value in (("canonical", ent.canonical), ("value", ent.value)) if value is not None]
        if notes:
            item["meta"] = {"text": ["; ".join(notes)]}
        result.append(item)
    for rel in doc.relations:
        result.append({"type": "relation", "from_id": rel.head, "to_id": rel.tail, "direction": "right", "labels": [rel.label]})
    task = {"data": {"text": doc.text, SIDECAR_KEY: sidecar(doc)}}
    if as_annotations:
        task["annotations"] = [{"result": result, "was_cancelled": False}]
    else:
        task["predictions"] = [{"model_version": f"textmine {__version__}", "result": result}]
    return task


def _chosen_result(task: dict) -> list[dict]:
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        latest = max(annotations, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id") or 0))
        return latest.get("result") or []
    # Some exports list predictions by id only; those carry no result.
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    return (predictions[0].get("result") or []) if predictions else []


def from_task(task: dict, where: str) -> Document:
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise ConversionError(f"{where}: task has no data.text; the labelling config must name the text field 'text'")
    record = data.get(SIDECAR_KEY) or {}
    doc_id = record.get("id") or (f"labelstudio_{task['id']}" if "id" in task else None)
    if doc_id is None:
        raise ConversionError(f"{where}: no document id (neither data.{SIDECAR_KEY} nor a task id)")
    code_point = {u: i for i, u in enumerate(_utf16_offsets(text))}
    doc = Document(id=str(doc_id), text=text)
    relations = []
    for item in _chosen_result(task):
        kind = item.get("type")
        if kind == "labels":
            value = item["value"]
            start, end = code_point.get(value["start"]), code_point.get(value["end"])
            if start is None or end is None:
                raise ConversionError(f"{where}: region {item.get('id')} [{value['start']}:{value['end']}] splits a character")
            for k, label in enumerate(value.get("labels") or []):
                ent_id = str(item["id"]) if k == 0 else f"{item['id']}#{k}"
                doc.entities.append(Entity(id=ent_id, start=start, end=end, label=label, text=text[start:end], confidence=item.get("score")))
        elif kind == "relation":
            labels = item.get("labels") or []
            if not labels:
                raise ConversionError(f"{where}: relation {item['from_id']} -> {item['to_id']} has no label; label it in Label Studio")
            head, tail = str(item["from_id"]), str(item["to_id"])
            if item.get("direction") == "left":
                head, tail = tail, head
            for label in labels:
                relations.append(Relation(id=f"r{len(relations) + 1}", label=label, head=head, tail=tail))
                if item.get("direction") == "bi" and label not in SYMMETRIC_RELATIONS:
                    relations.append(Relation(id=f"r{len(relations) + 1}", label=label, head=tail, tail=head))
    doc.relations = relations
    restore(doc, record)
    fill_date_values(doc, record)
    return doc


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConversionError(f"{path}: not a readable Label Studio JSON export ({exc})") from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    return [from_task(task, f"{path}: task {i}") for i, task in enumerate(tasks)]


def write(docs: list[Document], path: Path, as_annotations: bool = False) -> Dropped:
    """Tasks with predictions (or annotations), and the labelling config beside them as ``<path>.config.xml``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tasks = [to_task(doc, as_annotations) for doc in docs]
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    path.with_name(path.name + ".config.xml").write_text(labelling_config(), encoding="utf-8")
    return Dropped()
