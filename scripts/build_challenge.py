#!/usr/bin/env python3
"""Build the CheckList-style challenge set from its hand-written sources.

Reads ``corpus/challenge/src/<label>.txt`` and writes, per passage,

* ``corpus/challenge/raw/<id>.txt``   the plain passage text (UTF-8, ends in "\\n")
* ``corpus/challenge/gold/<id>.json`` its gold annotation (guidelines §4 format)

plus ``corpus/challenge/split.json`` (id -> "dev" | "test") and
``corpus/challenge/index.json`` (id -> label, kind, construction, split, note).
It validates everything it writes and exits with status 1 (writing nothing) if
any source passage is malformed. Standard library only; deterministic.

Source format (see corpus/challenge/README.md for the full description)::

    === ch-member_of-pos-01
    # construction: coordination-list
    # kind: positive
    The [East African Community|ORG] member states are [Kenya|LOC] and [Uganda|LOC].
    R member_of Kenya -> East African Community
    R member_of Uganda -> East African Community

Usage: python3 scripts/build_challenge.py [--check] [--lint] [--root DIR]
  --check  validate and print the counts, write nothing
  --lint   also list capitalised words left unannotated (a review aid)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_LABELS = ("ORG", "LOC", "DATE", "EVENT", "PERSON")

# Guidelines §3: label -> (allowed head labels, allowed tail labels).
RELATION_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "member_of": (frozenset({"LOC", "ORG", "PERSON"}), frozenset({"ORG"})),
    "observer_of": (frozenset({"LOC", "ORG"}), frozenset({"ORG"})),
    "part_of": (frozenset({"ORG"}), frozenset({"ORG"})),
    "located_in": (frozenset({"ORG", "LOC"}), frozenset({"LOC"})),
    "partner_of": (frozenset({"ORG"}), frozenset({"ORG"})),
    "alias_of": (frozenset(ENTITY_LABELS), frozenset(ENTITY_LABELS)),  # same label on both sides
    "held_in": (frozenset({"EVENT"}), frozenset({"LOC"})),
    "held_on": (frozenset({"EVENT"}), frozenset({"DATE"})),
    "participant_in": (frozenset({"LOC", "ORG", "PERSON"}), frozenset({"EVENT"})),
    "affiliated_with": (frozenset({"PERSON"}), frozenset({"ORG"})),
}
RELATION_LABELS = tuple(RELATION_TYPES)
SYMMETRIC = frozenset({"partner_of", "alias_of"})

KINDS = {"positive": "pos", "negative": "neg"}

# The schema's dateValue pattern (pipeline/schema/textmine.schema.json).
_DV = r"(\d{4}|\d{3}X|\d{2}XX|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
DATE_VALUE_RE = re.compile(rf"^{_DV}(/{_DV})?$")

HEADER_RE = re.compile(r"^===\s*(\S+)\s*$")
FIELD_RE = re.compile(r"^#\s*([a-z_-]+)\s*:\s*(.*?)\s*$")
RELATION_RE = re.compile(r"^R\s+([a-z_]+)\s+(.+?)\s+->\s+(.+?)\s*$")
MARKUP_RE = re.compile(r"\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]|]+))?\]")
ID_RE = re.compile(r"^ch-([a-z_]+)-(pos|neg)-(\d{2,3})$")
ARG_RE = re.compile(r"^(.+?)(?:#(\d+))?$")

METADATA_EMPTY = {
    "title": None,
    "journal": None,
    "journal_entity": None,
    "year": None,
    "issue": None,
    "authors": [],
    "affiliation_place": None,
    "affiliation_place_entities": [],
    "references": [],
}


@dataclass
class Entity:
    start: int
    end: int
    label: str
    text: str
    value: str | None = None


@dataclass
class Passage:
    pid: str
    src: str  # "file:line" of the header
    file_label: str
    fields: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    rel_lines: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    relations: list[tuple[str, int, int]] = field(default_factory=list)  # label, head idx, tail idx

    @property
    def kind(self) -> str:
        return self.fields.get("kind", "")

    @property
    def number(self) -> int:
        m = ID_RE.match(self.pid)
        return int(m.group(3)) if m else 0

    @property
    def split(self) -> str:
        # Odd numbers dev, even numbers test, within each (label, kind) group.
        return "dev" if self.number % 2 == 1 else "test"


class Errors(list):
    def add(self, where: str, msg: str) -> None:
        self.append(f"{where}: {msg}")


# ----------------------------------------------------------------- parsing


def read_blocks(path: Path, errors: Errors) -> list[Passage]:
    label = path.stem
    passages: list[Passage] = []
    cur: Passage | None = None
    for no, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.rstrip()
        where = f"{path.name}:{no}"
        if "\t" in line:
            errors.add(where, "tab character (use spaces)")
        m = HEADER_RE.match(line)
        if m:
            cur = Passage(pid=m.group(1), src=where, file_label=label)
            passages.append(cur)
            continue
        if line.startswith("==="):
            errors.add(where, "malformed header line (expected '=== <id>')")
            continue
        if cur is None:
            if line and not line.startswith("#"):
                errors.add(where, "text before the first '=== <id>' header")
            continue
        if line.startswith("#"):
            fm = FIELD_RE.match(line)
            if fm and not cur.lines and not cur.rel_lines:
                key = fm.group(1)
                if key in cur.fields:
                    errors.add(where, f"field {key!r} given twice")
                cur.fields[key] = fm.group(2)
            # any other '#' line is a comment
            continue
        if line.startswith("R ") or line.startswith("R\t"):
            if not RELATION_RE.match(line):
                errors.add(where, "malformed relation line (expected 'R <label> <head> -> <tail>')")
            cur.rel_lines.append((no, line))
            continue
        if cur.rel_lines:
            if line.strip():
                errors.add(where, "passage text after a relation line")
            continue
        cur.lines.append(line)
    return passages


def parse_text(p: Passage, errors: Errors) -> None:
    lines = list(p.lines)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        errors.add(p.src, f"{p.pid}: empty passage")
        return
    source = "\n".join(lines)
    out: list[str] = []
    pos = 0
    length = 0
    for m in MARKUP_RE.finditer(source):
        chunk = source[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        surface, label, value = m.group(1), m.group(2), m.group(3)
        ent = Entity(start=length, end=length + len(surface), label=label, text=surface, value=value)
        p.entities.append(ent)
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(source[pos:])
    p.text = "".join(out)
    for ch in "[]|":
        if ch in p.text:
            errors.add(p.src, f"{p.pid}: stray {ch!r} in the text (malformed markup?)")


def resolve_arg(p: Passage, arg: str, where: str, errors: Errors) -> int | None:
    m = ARG_RE.match(arg.strip())
    name, nth = m.group(1), m.group(2)
    # A name over a line break is written with a space on a relation line.
    idx = [i for i, e in enumerate(p.entities) if e.text.replace("\n", " ") == name]
    if not idx:
        errors.add(where, f"{p.pid}: no entity with text {name!r}")
        return None
    if nth is None:
        if len(idx) > 1:
            errors.add(where, f"{p.pid}: {name!r} is annotated {len(idx)} times; write {name}#1 .. {name}#{len(idx)}")
            return None
        return idx[0]
    n = int(nth)
    if not 1 <= n <= len(idx):
        errors.add(where, f"{p.pid}: {name}#{n} but only {len(idx)} mention(s)")
        return None
    return idx[n - 1]


def parse_relations(p: Passage, errors: Errors, path_name: str) -> None:
    for no, line in p.rel_lines:
        where = f"{path_name}:{no}"
        m = RELATION_RE.match(line)
        if not m:
            continue  # already reported
        label, head, tail = m.groups()
        if label not in RELATION_TYPES:
            errors.add(where, f"{p.pid}: unknown relation label {label!r}")
            continue
        h = resolve_arg(p, head, where, errors)
        t = resolve_arg(p, tail, where, errors)
        if h is None or t is None:
            continue
        p.relations.append((label, h, t))


# -------------------------------------------------------------- validation

def _wordish(ch: str) -> bool:
    """A letter or an ASCII digit (superscript markers such as ¹ are not part of a word)."""
    return ch.isalpha() or ch in "0123456789"


def paragraph_of(text: str, offset: int) -> int:
    return len(re.findall(r"\n[ ]*\n", text[:offset]))


def check_entities(where: str, text: str, entities: list, errors: Errors, may_end_with_period=lambda e: e.label == "PERSON") -> None:
    """Offsets, order, labels, DATE values and span hygiene of one text's entities (shared with build_pages.py);
    ``may_end_with_period(entity)`` says where a final period belongs to the name (initials)."""
    prev_end = -1
    for e in entities:
        if text[e.start : e.end] != e.text:
            errors.add(where, f"offset mismatch for {e.text!r}")
        if e.start < prev_end:
            errors.add(where, f"overlapping entities at {e.text!r}")
        prev_end = e.end
        if e.label not in ENTITY_LABELS:
            errors.add(where, f"unknown entity label {e.label!r} on {e.text!r}")
        if e.label == "DATE":
            if e.value is None:
                errors.add(where, f"DATE {e.text!r} needs a value ([text|DATE|value] or |null)")
            elif e.value != "null" and not DATE_VALUE_RE.match(e.value):
                errors.add(where, f"DATE {e.text!r}: value {e.value!r} is not a valid TIMEX3 value")
        elif e.value is not None:
            errors.add(where, f"{e.label} {e.text!r} must not carry a value")
        # A person's name cut by one line break of the page ("Dilnoza" / "R. Khamidova") is one PERSON over the break.
        broken_name = e.label == "PERSON" and e.text.count("\n") == 1 and not re.search(r"\s\n|\n\s", e.text)
        if not e.text or e.text != e.text.strip() or ("\n" in e.text and not broken_name):
            errors.add(where, f"entity {e.text!r} is empty, has surrounding whitespace or a line break")
        elif re.match(r"(?i)the\s", e.text):
            errors.add(where, f"entity {e.text!r} starts with an article")
        elif e.text[-1] in ",;:!?\"'»)" or (e.text[-1] == "." and not may_end_with_period(e)):
            errors.add(where, f"entity {e.text!r} ends with punctuation")
        if e.start > 0 and _wordish(text[e.start - 1]) or e.end < len(text) and _wordish(text[e.end]):
            errors.add(where, f"entity {e.text!r} cuts through a word")


def check_relations(w: str, entities: list, relations: list, errors: Errors) -> None:
    """Argument types, self-relations and duplicates (symmetric labels unordered); shared with build_pages.py."""
    seen: set[tuple] = set()
    for label, h, t in relations:
        he, te = entities[h], entities[t]
        heads, tails = RELATION_TYPES[label]
        if h == t:
            errors.add(w, f"{label}: head and tail are the same mention {he.text!r}")
        if label == "alias_of":
            if he.label != te.label:
                errors.add(w, f"alias_of between {he.label} and {te.label}")
        elif he.label not in heads or te.label not in tails:
            errors.add(w, f"{label} does not allow {he.label} {he.text!r} -> {te.label} {te.text!r}")
        key = (label, *sorted((h, t))) if label in SYMMETRIC else (label, h, t)
        if key in seen:
            errors.add(w, f"duplicate relation {label} {he.text!r} -> {te.text!r}")
        seen.add(key)


def validate(p: Passage, errors: Errors) -> None:
    w = f"{p.src} {p.pid}"
    m = ID_RE.match(p.pid)
    if not m:
        errors.add(w, "id must look like ch-<label>-<pos|neg>-<NN>")
    else:
        if m.group(1) != p.file_label:
            errors.add(w, f"id label {m.group(1)!r} differs from the file's label {p.file_label!r}")
        if KINDS.get(p.kind) != m.group(2):
            errors.add(w, f"id says {m.group(2)!r} but '# kind: {p.kind}'")
    if p.kind not in KINDS:
        errors.add(w, "'# kind:' must be positive or negative")
    if not p.fields.get("construction"):
        errors.add(w, "'# construction:' missing")
    unknown = set(p.fields) - {"kind", "construction", "note"}
    if unknown:
        errors.add(w, f"unknown field(s) {sorted(unknown)}")

    text = p.text
    check_entities(w, text, p.entities, errors)

    # An annotated name that recurs unannotated outside every entity span.
    spans = [(e.start, e.end) for e in p.entities]
    for name in sorted({e.text for e in p.entities}):
        for mm in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(s <= mm.start() and mm.end() <= t for s, t in spans):
                errors.add(w, f"{name!r} also occurs unannotated at offset {mm.start()}")

    check_relations(w, p.entities, p.relations, errors)
    for label, h, t in p.relations:
        he, te = p.entities[h], p.entities[t]
        if paragraph_of(text, he.start) != paragraph_of(text, te.start):
            errors.add(w, f"{label} {he.text!r} -> {te.text!r} crosses a paragraph break")

    own = sum(1 for label, _, _ in p.relations if label == p.file_label)
    if p.kind == "positive" and own == 0:
        errors.add(w, f"positive passage without a {p.file_label} relation")
    if p.kind == "negative" and own:
        errors.add(w, f"negative passage with {own} {p.file_label} relation(s)")


# ------------------------------------------------------------------ output


def gold_annotations(entities: list, relations: list) -> tuple[list[dict], list[dict]]:
    """Entities and relations as gold-file records: T1.. and R1.. ids, a DATE's "null" value as null."""
    entity_records = []
    for i, e in enumerate(entities, 1):
        rec: dict = {"id": f"T{i}", "start": e.start, "end": e.end, "label": e.label, "text": e.text}
        if e.label == "DATE":
            rec["value"] = None if e.value == "null" else e.value
        entity_records.append(rec)
    relation_records = [
        {"id": f"R{i}", "label": label, "head": f"T{h + 1}", "tail": f"T{t + 1}"}
        for i, (label, h, t) in enumerate(relations, 1)
    ]
    return entity_records, relation_records


def gold_record(p: Passage) -> dict:
    raw = p.text + "\n"
    entities, relations = gold_annotations(p.entities, p.relations)
    return {
        "id": p.pid,
        "text_sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "segments": [{"start": 0, "end": len(raw), "lang": "en", "role": "article"}],
        "entities": entities,
        "relations": relations,
        "metadata": json.loads(json.dumps(METADATA_EMPTY)),
    }


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write_if_changed(path: Path, content: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return
    path.write_text(content, encoding="utf-8", newline="\n")


def counts_table(passages: list[Passage]) -> str:
    groups: dict[str, Counter] = defaultdict(Counter)
    for p in passages:
        groups[p.file_label][(p.kind, p.split)] += 1
    order = [l for l in RELATION_LABELS if l in groups] + sorted(set(groups) - set(RELATION_LABELS))
    cols = [("positive", "dev"), ("positive", "test"), ("negative", "dev"), ("negative", "test")]
    lines = ["| file label | pos dev | pos test | neg dev | neg test | total |", "|---|---:|---:|---:|---:|---:|"]
    tot = Counter()
    for label in order:
        c = groups[label]
        tot.update(c)
        lines.append(f"| {label} | " + " | ".join(str(c[k]) for k in cols) + f" | {sum(c.values())} |")
    lines.append("| **all** | " + " | ".join(str(tot[k]) for k in cols) + f" | {sum(tot.values())} |")

    ent = {s: Counter() for s in ("dev", "test")}
    rel = {s: Counter() for s in ("dev", "test")}
    for p in passages:
        ent[p.split].update(e.label for e in p.entities)
        rel[p.split].update(label for label, _, _ in p.relations)
    lines += ["", "| entity label | dev | test | total |", "|---|---:|---:|---:|"]
    for label in ENTITY_LABELS:
        lines.append(f"| {label} | {ent['dev'][label]} | {ent['test'][label]} | {ent['dev'][label] + ent['test'][label]} |")
    lines.append(f"| **all** | {sum(ent['dev'].values())} | {sum(ent['test'].values())} | {sum(ent['dev'].values()) + sum(ent['test'].values())} |")
    lines += ["", "| relation label (all passages) | dev | test | total |", "|---|---:|---:|---:|"]
    for label in RELATION_LABELS:
        lines.append(f"| {label} | {rel['dev'][label]} | {rel['test'][label]} | {rel['dev'][label] + rel['test'][label]} |")
    lines.append(f"| **all** | {sum(rel['dev'].values())} | {sum(rel['test'].values())} | {sum(rel['dev'].values()) + sum(rel['test'].values())} |")
    return "\n".join(lines)


_CAP = re.compile(r"\b[A-Z][\w'’.-]*")


def lint(passages: list[Passage]) -> None:
    """Capitalised words outside every entity span and not sentence-initial."""
    hits: Counter = Counter()
    where: dict[str, str] = {}
    for p in passages:
        spans = [(e.start, e.end) for e in p.entities]
        for m in _CAP.finditer(p.text):
            if any(s <= m.start() < t for s, t in spans):
                continue
            before = p.text[: m.start()].rstrip(" \"“(")
            if not before or before[-1] in ".!?:\n":
                continue
            hits[m.group(0)] += 1
            where.setdefault(m.group(0), p.pid)
    for word, n in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"lint: {n:3d} {word}  (e.g. {where[word]})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "challenge")
    ap.add_argument("--check", action="store_true", help="validate and count, write nothing")
    ap.add_argument("--lint", action="store_true", help="list unannotated capitalised words")
    args = ap.parse_args(argv)

    root: Path = args.root
    src_files = sorted((root / "src").glob("*.txt"))
    errors = Errors()
    passages: list[Passage] = []
    for path in src_files:
        if path.stem not in RELATION_TYPES:
            errors.add(path.name, f"file name must be a relation label ({', '.join(RELATION_LABELS)})")
            continue
        blocks = read_blocks(path, errors)
        for p in blocks:
            parse_text(p, errors)
            parse_relations(p, errors, path.name)
            validate(p, errors)
        passages.extend(blocks)
    ids = Counter(p.pid for p in passages)
    for pid, n in sorted(ids.items()):
        if n > 1:
            errors.add(pid, f"id used {n} times")

    if errors:
        for e in errors:
            print(f"ERROR {e}", file=sys.stderr)
        print(f"{len(errors)} validation error(s); nothing written", file=sys.stderr)
        return 1

    passages.sort(key=lambda p: p.pid)
    print(f"{len(passages)} passages from {len(src_files)} source files, no validation errors")
    print(counts_table(passages))
    if args.lint:
        lint(passages)
    if args.check:
        return 0

    raw_dir, gold_dir = root / "raw", root / "gold"
    raw_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    keep = {p.pid for p in passages}
    for d, ext in ((raw_dir, ".txt"), (gold_dir, ".json")):
        for f in sorted(d.glob("ch-*" + ext)):
            if f.stem not in keep:
                f.unlink()
    for p in passages:
        write_if_changed(raw_dir / f"{p.pid}.txt", p.text + "\n")
        write_if_changed(gold_dir / f"{p.pid}.json", dump(gold_record(p)))
    write_if_changed(root / "split.json", dump({p.pid: p.split for p in passages}))
    index = {
        p.pid: {
            "label": p.file_label,
            "kind": p.kind,
            "construction": p.fields["construction"],
            "split": p.split,
            "note": p.fields.get("note") or None,
        }
        for p in passages
    }
    write_if_changed(root / "index.json", dump(index))
    print(f"wrote {len(passages)} raw + gold files, split.json and index.json under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
