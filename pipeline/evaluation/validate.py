"""Checking gold and output files against the format (annotation guidelines §1-§4).

Two layers: the JSON Schema in ``pipeline/schema/textmine.schema.json``
(field names, types, label sets; outputs validate against its root, gold files
against ``#/$defs/gold``), then the rules a schema cannot express: offsets
against the text, unique ids, no crossing spans, relation argument types,
``text_sha256``, segments tiling the text, and references from metadata and
``entities_index`` to existing entity ids.

Every problem is one human-readable line ``<file>: <field>: <what is wrong>``.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from textmine.document import SYMMETRIC_RELATIONS, relation_allowed, sha256_text
from textmine.stages.metadata import orcid_checksum_valid

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "textmine.schema.json"
SCHEMA_VARIANTS = ("output", "gold")

_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


@lru_cache(maxsize=None)
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def schema_validator(kind: str = "output") -> Any:
    """A draft 2020-12 validator for pipeline outputs (the schema root) or gold files."""
    from jsonschema import Draft202012Validator

    if kind not in SCHEMA_VARIANTS:
        raise ValueError(f"schema variant must be one of {SCHEMA_VARIANTS}, not {kind!r}")
    schema = load_schema()
    if kind == "gold":
        schema = {**schema, "$ref": "#/$defs/gold"}
    return Draft202012Validator(schema)


def field_path(parts: Iterable[str | int]) -> str:
    """``("entities", 3, "start")`` -> ``entities[3].start``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "document"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe_schema_error(error: Any) -> tuple[str, str]:
    path = list(error.absolute_path)
    if error.validator == "required":
        # One error per missing property; its name is only in the message ("'x' is a required property").
        quoted = error.message.removesuffix(" is a required property")
        try:
            missing = ast.literal_eval(quoted)
        except (ValueError, SyntaxError):
            missing = quoted
        return field_path([*path, str(missing)]), "missing"
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        return field_path(path), f"expected {expected}, got {_JSON_TYPE_NAMES.get(type(error.instance), 'value')} {_short(error.instance)}"
    if error.validator == "enum":
        return field_path(path), f"{_short(error.instance)} is not one of {', '.join(map(str, error.validator_value))}"
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "pattern" and described:
        return field_path(path), f"{_short(error.instance)} is not {described}"
    if error.validator == "anyOf" and described:
        return field_path(path), f"expected {described}"
    if error.validator == "anyOf" and error.context:
        # "x or null": the non-null branch says what a valid value looks like.
        reasons = [_describe_schema_error(sub)[1] for sub in error.context if sub.validator != "type" or sub.validator_value != "null"]
        return field_path(path), reasons[0] if reasons else error.message
    return field_path(path), error.message


def schema_errors(data: Any, kind: str = "output") -> list[tuple[str, str, str]]:
    """(field, message, schema keyword) for each way ``data`` breaks the schema variant ``kind``."""
    described = {(*_describe_schema_error(err), str(err.validator)) for err in schema_validator(kind).iter_errors(data)}
    return sorted(described, key=lambda item: (_path_sort_key(item[0]), item[1]))


def schema_problems(data: Any, kind: str = "output") -> list[tuple[str, str]]:
    """(field, message) for each way ``data`` breaks the schema variant ``kind``."""
    return [(field, message) for field, message, _ in schema_errors(data, kind)]


def _path_sort_key(path: str) -> tuple:
    # entities[10] after entities[9]: compare the numeric parts as numbers.
    return tuple(int(tok) if tok.isdigit() else tok for tok in re.split(r"\[(\d+)\]", path))


@dataclass
class JsonRecord:
    """One document object read from a file: where it came from and its content (or why it could not be read)."""

    where: str  # "path" or "path:LINE" for .jsonl
    path: Path
    data: Any = None
    error: str | None = None


def iter_json_records(path: Path) -> Iterator[JsonRecord]:
    """Every document object in a file or folder (recursively ``*.json``, and ``*.jsonl`` one per line).

    A batch folder's bookkeeping (``batch.json``, ``manifest.jsonl``, ``errors.jsonl`` beside a
    ``batch.json``) holds no documents and is skipped.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix in (".json", ".jsonl") and not _is_bookkeeping(p)
        )
    elif path.exists():
        files = [path]
    else:
        yield JsonRecord(str(path), path, error="no such file or directory")
        return
    for file in files:
        try:
            content = file.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield JsonRecord(str(file), file, error=f"cannot read: {exc}")
            continue
        if file.suffix == ".jsonl":
            for number, line in enumerate(content.splitlines(), 1):
                if line.strip():
                    yield _parse(f"{file}:{number}", file, line)
        else:
            yield _parse(str(file), file, content)


BATCH_BOOKKEEPING = frozenset({"batch.json", "manifest.jsonl", "errors.jsonl"})


def _is_bookkeeping(file: Path) -> bool:
    return file.name in BATCH_BOOKKEEPING and (file.parent / "batch.json").is_file()


def _parse(where: str, path: Path, content: str) -> JsonRecord:
    try:
        return JsonRecord(where, path, data=json.loads(content))
    except json.JSONDecodeError as exc:
        return JsonRecord(where, path, error=f"invalid JSON: {exc}")


def find_text(data: dict[str, Any], path: Path, raw_dir: Path | None = None) -> tuple[str | None, str | None]:
    """The document text: the file's ``text``, else ``raw_dir/<id>.txt``, else ``../raw/<id>.txt`` beside the gold folder.

    Returns (text, None) or (None, reason). Raw files are decoded as UTF-8 with
    nothing normalised (no newline translation), as the guidelines anchor offsets.
    """
    if isinstance(data.get("text"), str):
        return data["text"], None
    doc_id = data.get("id")
    if not isinstance(doc_id, str):
        return None, "no text field and no id to find the raw text by"
    candidates = [Path(raw_dir) / f"{doc_id}.txt"] if raw_dir else [path.parent.parent / "raw" / f"{doc_id}.txt"]
    for candidate in candidates:
        if candidate.is_file():
            try:
                return candidate.read_bytes().decode("utf-8"), None
            except (OSError, UnicodeDecodeError) as exc:
                return None, f"raw text {candidate} unreadable: {exc}"
    return None, f"no text field and no raw text at {candidates[0]} (use --raw DIR)"


def _is_iso639_1(code: str) -> bool:
    import pycountry

    return pycountry.languages.get(alpha_2=code) is not None


def document_problems(data: dict[str, Any], text: str | None) -> list[tuple[str, str]]:
    """(field, message) for each rule of the format the schema cannot express.

    ``data`` must already satisfy the gold schema. ``text`` is None when it is
    unknown; the checks that need it are then skipped.
    """
    problems: list[tuple[str, str]] = []
    entities: list[dict[str, Any]] = data.get("entities", [])
    relations: list[dict[str, Any]] = data.get("relations", [])

    if text is not None and data.get("text_sha256") != sha256_text(text):
        problems.append(("text_sha256", f"{data.get('text_sha256')} does not match the text (sha256 {sha256_text(text)})"))

    by_id: dict[str, dict[str, Any]] = {}
    for i, ent in enumerate(entities):
        where = f"entities[{i}]"
        if ent["id"] in by_id:
            problems.append((f"{where}.id", f"duplicate id {ent['id']!r}"))
        by_id.setdefault(ent["id"], ent)
        if ent["end"] <= ent["start"]:
            problems.append((f"{where}.end", f"end {ent['end']} is not after start {ent['start']}"))
        elif text is not None:
            if ent["end"] > len(text):
                problems.append((f"{where}.end", f"end {ent['end']} is past the end of the text ({len(text)})"))
            elif text[ent["start"] : ent["end"]] != ent["text"]:
                problems.append(
                    (f"{where}.text", f"{ent['text']!r} but text[{ent['start']}:{ent['end']}] is {text[ent['start']:ent['end']]!r}")
                )
    problems.extend(_crossing_span_problems(entities))

    seen_relation_ids: set[str] = set()
    seen_relations: dict[tuple[str, ...], int] = {}
    for i, rel in enumerate(relations):
        where = f"relations[{i}]"
        if rel["id"] in seen_relation_ids:
            problems.append((f"{where}.id", f"duplicate id {rel['id']!r}"))
        seen_relation_ids.add(rel["id"])
        missing = [role for role in ("head", "tail") if rel[role] not in by_id]
        for role in missing:
            problems.append((f"{where}.{role}", f"no entity with id {rel[role]!r}"))
        if missing:
            continue
        head, tail = by_id[rel["head"]], by_id[rel["tail"]]
        if rel["head"] == rel["tail"]:
            problems.append((where, f"{rel['label']} links {rel['head']} to itself"))
        elif not relation_allowed(rel["label"], head["label"], tail["label"]):
            problems.append((f"{where}.label", f"{rel['label']} is not allowed from {head['label']} to {tail['label']} (guidelines §3)"))
        args = (rel["head"], rel["tail"])
        key = (rel["label"], *(sorted(args) if rel["label"] in SYMMETRIC_RELATIONS else args))
        if key in seen_relations:
            problems.append((where, f"duplicate of relations[{seen_relations[key]}]"))
        seen_relations.setdefault(key, i)

    problems.extend(_segment_problems(data.get("segments"), text))
    problems.extend(_metadata_problems(data.get("metadata") or {}, by_id, text))
    problems.extend(_entities_index_problems(data.get("entities_index") or [], entities, by_id))
    return problems


def _crossing_span_problems(entities: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """Spans never cross, nest or overlap (guidelines §1: flat, maximal spans)."""
    problems = []
    order = sorted(range(len(entities)), key=lambda i: (entities[i]["start"], entities[i]["end"]))
    reach = None  # index of the entity reaching furthest right so far
    for i in order:
        ent = entities[i]
        if reach is not None and ent["start"] < entities[reach]["end"]:
            other = entities[reach]
            problems.append(
                (
                    f"entities[{i}]",
                    f"{ent['id']} {ent['text']!r} [{ent['start']}:{ent['end']}] overlaps "
                    f"{other['id']} {other['text']!r} [{other['start']}:{other['end']}]",
                )
            )
        if reach is None or ent["end"] > entities[reach]["end"]:
            reach = i
    return problems


def _segment_problems(segments: list[dict[str, Any]] | None, text: str | None) -> list[tuple[str, str]]:
    if not segments:
        return []
    problems = []
    expected_start = 0
    for i, seg in enumerate(segments):
        where = f"segments[{i}]"
        if seg["start"] != expected_start:
            kind = "gap before it" if seg["start"] > expected_start else "overlaps the previous segment"
            problems.append((f"{where}.start", f"starts at {seg['start']}, expected {expected_start} ({kind})"))
        if seg["end"] <= seg["start"]:
            problems.append((f"{where}.end", f"end {seg['end']} is not after start {seg['start']}"))
        if not _is_iso639_1(seg["lang"]):
            problems.append((f"{where}.lang", f"{seg['lang']!r} is not an ISO 639-1 code"))
        expected_start = max(expected_start, seg["end"])
    if text is not None and expected_start != len(text):
        problems.append((f"segments[{len(segments) - 1}].end", f"segments end at {expected_start}, the text at {len(text)}"))
    return problems


def _metadata_problems(metadata: dict[str, Any], by_id: dict[str, Any], text: str | None) -> list[tuple[str, str]]:
    problems = []

    def check_ref(field: str, entity_id: Any) -> None:
        if entity_id is not None and entity_id not in by_id:
            problems.append((f"metadata.{field}", f"no entity with id {entity_id!r}"))

    check_ref("journal_entity", metadata.get("journal_entity"))
    for i, entity_id in enumerate(metadata.get("affiliation_place_entities") or []):
        check_ref(f"affiliation_place_entities[{i}]", entity_id)
    for i, author in enumerate(metadata.get("authors") or []):
        check_ref(f"authors[{i}].entity", author.get("entity"))
        check_ref(f"authors[{i}].affiliation_entity", author.get("affiliation_entity"))
        if author.get("orcid") and not orcid_checksum_valid(author["orcid"]):
            problems.append((f"metadata.authors[{i}].orcid", f"{author['orcid']} fails its ISO 7064 MOD 11-2 check digit"))
    for i, ref in enumerate(metadata.get("references") or []):
        start, end = ref.get("start"), ref.get("end")
        if text is not None and start is not None and end is not None and text[start:end] != ref["text"]:
            problems.append((f"metadata.references[{i}].text", f"does not equal text[{start}:{end}] {text[start:end]!r}"))
    return problems


def _entities_index_problems(index: list[dict[str, Any]], entities: list[dict[str, Any]], by_id: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    record_of: dict[str, int] = {}
    record_with_id: dict[str, int] = {}
    for i, record in enumerate(index):
        # Record ids are the database's keys (export): a repeated one would fail there as a key clash.
        if record["id"] in record_with_id:
            problems.append((f"entities_index[{i}].id", f"duplicate id {record['id']!r} (entities_index[{record_with_id[record['id']]}])"))
        record_with_id.setdefault(record["id"], i)
        for j, mention in enumerate(record["mentions"]):
            where = f"entities_index[{i}].mentions[{j}]"
            if mention not in by_id:
                problems.append((where, f"no entity with id {mention!r}"))
                continue
            if mention in record_of:
                problems.append((where, f"{mention} is already in entities_index[{record_of[mention]}]"))
            record_of.setdefault(mention, i)
            ent = by_id[mention]
            if ent["label"] != record["label"]:
                problems.append((where, f"{mention} is {ent['label']}, the record {record['label']}"))
            if ent.get("canonical") is not None and ent["canonical"] != record["canonical"]:
                problems.append((where, f"{mention} has canonical {ent['canonical']!r}, the record {record['canonical']!r}"))
    if index:
        for i, ent in enumerate(entities):
            if ent["id"] not in record_of:
                problems.append((f"entities[{i}]", f"{ent['id']} is in no entities_index record"))
    return problems


def validate_data(data: Any, path: Path, raw_dir: Path | None = None) -> list[tuple[str, str]]:
    """All problems of one document object: the schema (its output variant when the object
    claims to be an output by having ``provenance``, else the gold one), then the rules beyond it."""
    kind = "output" if isinstance(data, dict) and "provenance" in data else "gold"
    problems = schema_problems(data, kind)
    if problems:
        return problems  # the rules below rely on the structure being right
    text, reason = find_text(data, path, raw_dir)
    if reason:
        problems.append(("text", f"{reason}; offsets and text_sha256 not checked"))
    return problems + document_problems(data, text)


def validate_paths(paths: Iterable[Path], raw_dir: Path | None = None) -> list[str]:
    """Human-readable problems (``<file>: <field>: <message>``) of every gold or output file under ``paths``."""
    problems: list[str] = []
    for path in paths:
        seen_ids: dict[str, str] = {}  # per argument: a gold folder and an output folder share ids
        for record in iter_json_records(Path(path)):
            if record.error:
                problems.append(f"{record.where}: {record.error}")
                continue
            for field, message in validate_data(record.data, record.path, raw_dir):
                problems.append(f"{record.where}: {field}: {message}")
            doc_id = record.data.get("id") if isinstance(record.data, dict) else None
            if isinstance(doc_id, str):
                if doc_id in seen_ids:
                    problems.append(f"{record.where}: id: document id {doc_id!r} also in {seen_ids[doc_id]}")
                seen_ids.setdefault(doc_id, record.where)
    return problems
