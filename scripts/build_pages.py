#!/usr/bin/env python3
"""Build the whole-page evaluation set corpus/pages/ from its hand-written sources.

Reads ``corpus/pages/src/<id>.txt`` and ``corpus/pages/src/<id>.html`` and writes

* ``corpus/pages/raw/<id>.txt|.html``  the page as textmine reads it (markup removed)
* ``corpus/pages/gold/<id>.json``      its gold annotation (guidelines §4 + ``metadata``)
* ``corpus/pages/split.json``          ``{"<id>": "dev" | "test"}``
* ``corpus/pages/index.json``          per id: format, split, wrapper, topic, characters

The entity markup is the challenge set's (``scripts/build_challenge.py``):
``[surface|LABEL]`` and ``[surface|DATE|value]`` (``null`` for a value that
cannot be normalised). A page source adds

* a header of ``#> key: value`` lines ending with ``#> ---``: ``split``,
  ``wrapper``, ``topic`` and the expected metadata (``title``, ``journal``,
  ``year``, ``volume``, ``issue``; ``null`` when not stated; one
  ``author: name | orcid | email | affiliation`` line per author, ``-`` for an
  unstated value);
* segment markers ``{@lang role}`` where a segment starts (at a line start in
  a text page, at the start of a block's text in an HTML page);
* ``{-word}`` around a word that looks like an annotated name but is not one
  there (an adjective: "{-Arctic} governance"), so the check that every
  occurrence of an annotated name is annotated lets it pass;
* relation lines ``R <label> <head> -> <tail>``, removed from the page. Their
  arguments are entity texts looked up among the mentions of the
  paragraph just before the relation lines, else since the previous relation
  lines (``Name#2`` for the second such mention).

For an HTML page the text is what textmine's own HTML-to-text step
(``textmine.stages.htmltext.extract_html``) emits, so offsets are found by
extracting the page once with invisible sentinel characters at every mention
and segment start; the gold file carries that ``text``. Run it with the
project's venv (it imports ``textmine``). If the HTML-to-text step changes,
rebuilding moves the offsets with it; `textmine benchmark pages` refuses a
page whose extracted text no longer matches the gold's ``text_sha256``.

Usage: .venv/bin/python scripts/build_pages.py [--check] [--root DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_challenge import (  # noqa: E402  (the challenge set's markup and label rules)
    DATE_VALUE_RE,
    ENTITY_LABELS,
    MARKUP_RE,
    RELATION_RE,
    RELATION_TYPES,
    SYMMETRIC,
    ARG_RE,
    check_entities,
    check_relations,
    gold_annotations,
    dump,
    write_if_changed,
)

HEADER_RE = re.compile(r"^#>\s*([a-z_]+)\s*:\s*(.*?)\s*$")
HEADER_END = "#> ---"
SEGMENT_RE = re.compile(r"\{@([a-z]{2}) (wrapper|article)\}")
# "{-Arctic}": a word that looks like an annotated name but is not one here (an adjective, say);
# it is exempt from the check that every occurrence of an annotated name is annotated.
NOT_A_NAME_RE = re.compile(r"\{-([^{}\n]+)\}")
ROLES = ("wrapper", "article")
SPLITS = ("dev", "test")
REQUIRED_FIELDS = ("split", "wrapper", "topic", "title", "journal", "year", "volume", "issue")
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
# Sentinels (Unicode private use) put around mentions and at segment starts of an HTML page.
ENT_START, ENT_END, SEG_START, PLAIN_START, PLAIN_END = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
MIN_CHARS, MAX_CHARS = 2500, 6000


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    value: str | None = None


@dataclass
class Page:
    pid: str
    fmt: str  # "txt" | "html"
    header: dict[str, str] = field(default_factory=dict)
    authors: list[dict] = field(default_factory=list)
    raw: str = ""  # the file textmine reads
    text: str = ""  # the text offsets refer to
    entities: list[Mention] = field(default_factory=list)
    segments: list[dict] = field(default_factory=list)
    not_names: list[tuple[int, int]] = field(default_factory=list)  # spans written {-...}
    relations: list[tuple[str, int, int]] = field(default_factory=list)


class Errors(list):
    def add(self, where: str, msg: str) -> None:
        self.append(f"{where}: {msg}")


# ----------------------------------------------------------------- parsing


def _null(value: str) -> str | None:
    return None if value in ("null", "-", "") else value


def parse_source(path: Path, errors: Errors) -> tuple[Page, list[tuple[int, str, int]]] | None:
    """The page's header and its body with the markup still in it.

    Returns the page and the relation lines as (source line, line, index of
    the first entity since the previous relation line, of the first entity
    of the paragraph just before the line, and of the first entity after it); the
    body with relation lines removed is in ``page.raw`` for now.
    """
    page = Page(pid=path.stem, fmt=path.suffix.lstrip("."))
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        end = lines.index(HEADER_END)
    except ValueError:
        errors.add(path.name, f"no header end line {HEADER_END!r}")
        return None
    for no, line in enumerate(lines[:end], 1):
        m = HEADER_RE.match(line)
        if not m:
            errors.add(f"{path.name}:{no}", "header lines look like '#> key: value'")
            continue
        key, value = m.groups()
        if key == "author":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 4:
                errors.add(f"{path.name}:{no}", "author: name | orcid | email | affiliation")
                continue
            name, orcid, email, affiliation = (_null(p) for p in parts)
            page.authors.append({"name": name, "orcid": orcid, "email": email, "affiliation": affiliation})
        elif key in page.header:
            errors.add(f"{path.name}:{no}", f"{key!r} given twice")
        else:
            page.header[key] = value
    for key in REQUIRED_FIELDS:
        if key not in page.header:
            errors.add(path.name, f"header field {key!r} missing")
    if page.header.get("split") not in SPLITS:
        errors.add(path.name, f"split must be one of {SPLITS}")

    body: list[str] = []
    rel_lines: list[tuple[int, str, int, int, int]] = []
    scope_start = 0  # entity index where the current relation scope starts
    paragraph_start = 0  # entity index of the first mention after the last blank line
    mentions_so_far = 0
    in_relations = False
    for no, line in enumerate(lines[end + 1 :], end + 2):
        if RELATION_RE.match(line) or line.startswith("R "):
            if not RELATION_RE.match(line):
                errors.add(f"{path.name}:{no}", "malformed relation line (expected 'R <label> <head> -> <tail>')")
                continue
            rel_lines.append((no, line, scope_start, paragraph_start, mentions_so_far))
            in_relations = True
            continue
        if in_relations:
            scope_start = paragraph_start = mentions_so_far
            in_relations = False
        if not line.strip():
            paragraph_start = mentions_so_far
        mentions_so_far += len(MARKUP_RE.findall(line))
        body.append(line)
    page.raw = "\n".join(body)
    return page, rel_lines


def strip_markup(source: str) -> tuple[str, list[Mention], list[tuple[int, str, str]], list[tuple[int, int]]]:
    """The text without markup, its mentions, its segment starts (offset, lang, role) and its {-...} spans."""
    out: list[str] = []
    mentions: list[Mention] = []
    segments: list[tuple[int, str, str]] = []
    not_names: list[tuple[int, int]] = []
    length = 0
    pos = 0
    pattern = re.compile(f"{MARKUP_RE.pattern}|{SEGMENT_RE.pattern}|{NOT_A_NAME_RE.pattern}")
    for m in pattern.finditer(source):
        chunk = source[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1) is not None:
            surface, label, value = m.group(1), m.group(2), m.group(3)
            mentions.append(Mention(length, length + len(surface), label, surface, value))
            out.append(surface)
            length += len(surface)
        elif m.group(4) is not None:
            segments.append((length, m.group(4), m.group(5)))
        else:
            not_names.append((length, length + len(m.group(6))))
            out.append(m.group(6))
            length += len(m.group(6))
    out.append(source[pos:])
    return "".join(out), mentions, segments, not_names


def with_sentinels(source: str) -> str:
    """The source with each mention wrapped in sentinels and each segment marker replaced by one."""
    source = SEGMENT_RE.sub(SEG_START, source)
    source = NOT_A_NAME_RE.sub(lambda m: PLAIN_START + m.group(1) + PLAIN_END, source)
    return MARKUP_RE.sub(lambda m: ENT_START + m.group(1) + ENT_END, source)


def html_offsets(page: Page, source: str, errors: Errors) -> bool:
    """Text, mention and segment offsets of an HTML page, in the text textmine extracts from it; False (and an error)
    when the sentinels cannot place them."""
    from textmine.stages.htmltext import extract_html

    plain, mentions, segments, not_names = strip_markup(source)
    page.raw = plain
    page.text = extract_html(plain).text
    marked = extract_html(with_sentinels(source)).text
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    seg_starts: list[int] = []
    plain_bounds: list[int] = []
    for ch in marked:
        n = len(text)
        if ch == ENT_START:
            starts.append(n)
        elif ch == ENT_END:
            ends.append(n)
        elif ch == SEG_START:
            seg_starts.append(n)
        elif ch in (PLAIN_START, PLAIN_END):
            plain_bounds.append(n)
        else:
            text.append(ch)
    if "".join(text) != page.text:
        errors.add(page.pid, "the sentinels changed the extracted text (a mention or segment marker next to collapsed whitespace?)")
        return False
    if len(starts) != len(mentions) or len(ends) != len(mentions) or len(seg_starts) != len(segments) \
            or len(plain_bounds) != 2 * len(not_names):
        errors.add(page.pid, "a mention or segment marker is not in the visible text (inside an attribute or a hidden element?)")
        return False
    page.entities = [Mention(s, e, m.label, page.text[s:e], m.value) for s, e, m in zip(starts, ends, mentions)]
    page.not_names = list(zip(plain_bounds[::2], plain_bounds[1::2]))
    page.segments = _segments(page, [(s, lang, role) for s, (_, lang, role) in zip(seg_starts, segments)], errors)
    return True


def txt_offsets(page: Page, source: str, errors: Errors) -> None:
    text, mentions, segments, page.not_names = strip_markup(source)
    page.raw = page.text = text
    page.entities = mentions
    for offset, _, _ in segments:
        if offset and text[offset - 1] != "\n":
            errors.add(page.pid, f"segment marker at offset {offset} is not at a line start")
    page.segments = _segments(page, segments, errors)


def _segments(page: Page, starts: list[tuple[int, str, str]], errors: Errors) -> list[dict]:
    if not starts or starts[0][0] != 0:
        errors.add(page.pid, "the first segment marker must start the text")
        return []
    out = []
    for i, (start, lang, role) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(page.text)
        if end <= start:
            errors.add(page.pid, f"empty segment at {start}")
        if out and (out[-1]["lang"], out[-1]["role"]) == (lang, role):
            errors.add(page.pid, f"segment at {start} has the same lang and role as the one before it")
        out.append({"start": start, "end": end, "lang": lang, "role": role})
    return out


def resolve_relations(page: Page, rel_lines: list[tuple[int, str, int, int, int]], errors: Errors) -> None:
    for no, line, scope, paragraph, upto in rel_lines:
        where = f"{page.pid}.{page.fmt}:{no}"
        label, head, tail = RELATION_RE.match(line).groups()
        if label not in RELATION_TYPES:
            errors.add(where, f"unknown relation label {label!r}")
            continue
        args = [_resolve(page, arg, (scope, paragraph, upto), where, errors) for arg in (head, tail)]
        if None not in args:
            page.relations.append((label, args[0], args[1]))


def _resolve(page: Page, arg: str, bounds: tuple[int, int, int], where: str, errors: Errors) -> int | None:
    """The mention an argument names: looked up in the paragraph just before the relation lines,
    else since the previous relation lines (so an author block may span blank lines)."""
    m = ARG_RE.match(arg.strip())
    name, nth = m.group(1), m.group(2)
    scope, paragraph, upto = bounds
    found = [i for i in range(paragraph, upto) if page.entities[i].text == name]
    if not found:
        found = [i for i in range(scope, upto) if page.entities[i].text == name]
    if not found:
        errors.add(where, f"no mention {name!r} since the previous relation line")
        return None
    if nth is None:
        if len(found) > 1:
            errors.add(where, f"{name!r} occurs {len(found)} times since the previous relation line; write {name}#1 .. #{len(found)}")
            return None
        return found[0]
    if not 1 <= int(nth) <= len(found):
        errors.add(where, f"{name}#{nth} but only {len(found)} mention(s) in scope")
        return None
    return found[int(nth) - 1]


# -------------------------------------------------------------- validation

# Guidelines §2: Russian year words belong to a DATE ("15 мая 1992 г.").
_RUSSIAN_YEAR_WORD = re.compile(r"\sгг?\.$")
_IN_URL_OR_EMAIL = re.compile(r"\S*(?:@|://|www\.)\S*")


def validate(page: Page, errors: Errors) -> None:
    w = page.pid
    text = page.text
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        errors.add(w, f"{len(text)} characters; a page has {MIN_CHARS}-{MAX_CHARS}")
    for ch in (ENT_START, ENT_END, SEG_START, PLAIN_START, PLAIN_END):
        if ch in text:
            errors.add(w, "a sentinel character is left in the text")
    check_entities(w, text, page.entities, errors,
                   may_end_with_period=lambda e: e.label == "PERSON" or _RUSSIAN_YEAR_WORD.search(e.text) is not None)
    # Everything is annotated (guidelines §1): an annotated name recurring bare is a forgotten mention,
    # unless it is inside a URL or an e-mail address.
    spans = [(e.start, e.end) for e in page.entities]
    exempt = [(m.start(), m.end()) for m in _IN_URL_OR_EMAIL.finditer(text)] + page.not_names
    for name in sorted({e.text for e in page.entities if e.label != "DATE"}):
        for mm in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            inside = any(s <= mm.start() and mm.end() <= t for s, t in spans + exempt)
            if not inside:
                errors.add(w, f"{name!r} also occurs unannotated at offset {mm.start()}")
    check_relations(w, page.entities, page.relations, errors)
    metadata = expected_metadata(page)
    for key in ("title", "journal", "volume", "issue"):
        value = metadata[key]
        if value is not None and " ".join(value.split()) not in " ".join(text.split()):
            errors.add(w, f"metadata {key} {value!r} is not in the text")
    if metadata["year"] is not None and str(metadata["year"]) not in text:
        errors.add(w, f"metadata year {metadata['year']} is not in the text")
    for author in metadata["authors"]:
        for key in ("name", "orcid", "email", "affiliation"):
            if author[key] is not None and " ".join(author[key].split()) not in " ".join(text.split()):
                errors.add(w, f"author {key} {author[key]!r} is not in the text")
        if author["orcid"] is not None and not ORCID_RE.match(author["orcid"]):
            errors.add(w, f"ORCID {author['orcid']!r} malformed")


# ------------------------------------------------------------------ output


def expected_metadata(page: Page) -> dict:
    h = page.header
    year = _null(h.get("year", ""))
    return {
        "title": _null(h.get("title", "")),
        "journal": _null(h.get("journal", "")),
        "year": int(year) if year is not None else None,
        "volume": _null(h.get("volume", "")),
        "issue": _null(h.get("issue", "")),
        "authors": page.authors,
    }


def gold_record(page: Page) -> dict:
    entities, relations = gold_annotations(page.entities, page.relations)
    record: dict = {"id": page.pid, "text_sha256": hashlib.sha256(page.text.encode("utf-8")).hexdigest()}
    if page.fmt == "html":
        record["text"] = page.text  # the raw file is HTML: the text offsets refer to is kept with them
    record.update(segments=page.segments, entities=entities, relations=relations, metadata=expected_metadata(page))
    return record


def build(root: Path) -> tuple[list[Page], Errors]:
    errors = Errors()
    pages = []
    for path in sorted((root / "src").iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        parsed = parse_source(path, errors)
        if parsed is None:
            continue
        page, rel_lines = parsed
        source = page.raw
        if page.fmt == "html":
            if not html_offsets(page, source, errors):
                continue  # without its mentions' offsets the page's relation lines and checks have nothing to read
        else:
            txt_offsets(page, source, errors)
        resolve_relations(page, rel_lines, errors)
        validate(page, errors)
        pages.append(page)
    return pages, errors


def counts(pages: list[Page]) -> str:
    from collections import Counter

    lines = ["| id | format | split | wrapper | chars | entities | relations |", "|---|---|---|---|---:|---:|---:|"]
    ent = {s: Counter() for s in SPLITS}
    rel = {s: Counter() for s in SPLITS}
    for p in pages:
        split = p.header["split"]
        ent[split].update(e.label for e in p.entities)
        rel[split].update(label for label, _, _ in p.relations)
        lines.append(f"| {p.pid} | {p.fmt} | {split} | {p.header['wrapper']} | {len(p.text)} | {len(p.entities)} | {len(p.relations)} |")
    lines += ["", "| label | dev | test |", "|---|---:|---:|"]
    for label in ENTITY_LABELS:
        lines.append(f"| {label} | {ent['dev'][label]} | {ent['test'][label]} |")
    for label in RELATION_TYPES:
        lines.append(f"| {label} | {rel['dev'][label]} | {rel['test'][label]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "pages")
    ap.add_argument("--check", action="store_true", help="validate and count, write nothing")
    args = ap.parse_args(argv)
    pages, errors = build(args.root)
    if errors:
        for e in errors:
            print(f"ERROR {e}", file=sys.stderr)
        print(f"{len(errors)} validation error(s); nothing written", file=sys.stderr)
        return 1
    print(f"{len(pages)} pages, no validation errors")
    print(counts(pages))
    if args.check:
        return 0
    raw_dir, gold_dir = args.root / "raw", args.root / "gold"
    raw_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    keep = {p.pid for p in pages}
    for d in (raw_dir, gold_dir):
        for f in sorted(d.iterdir()):
            if f.stem not in keep:
                f.unlink()
    for p in pages:
        write_if_changed(raw_dir / f"{p.pid}.{p.fmt}", p.raw)
        write_if_changed(gold_dir / f"{p.pid}.json", dump(gold_record(p)))
    write_if_changed(args.root / "split.json", dump({p.pid: p.header["split"] for p in pages}))
    index = {
        p.pid: {"format": p.fmt, "split": p.header["split"], "wrapper": p.header["wrapper"], "topic": p.header["topic"],
                "characters": len(p.text)}
        for p in pages
    }
    write_if_changed(args.root / "index.json", dump(index))
    print(f"wrote {len(pages)} raw + gold files, split.json and index.json under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
