#!/usr/bin/env python3
"""Validate the frozen page-layout evaluation set in corpus/layouts/.

Standard library only. Usage:

    python3 scripts/check_layouts.py [LAYOUT_DIR]

Checks (see corpus/layouts/README.md for the format and conventions):

* every raw page (``<id>.txt`` / ``<id>.html``) has ``<id>.json`` and vice versa;
  ``id`` and ``file`` name the page, ``file_sha256`` is the sha256 of its bytes;
* ``.txt``: ``text_sha256`` is the sha256 of the UTF-8 text; ``segments`` cover
  the text from 0 to its length without gaps or overlaps, each starts at a line
  start, has role wrapper/article and a two-letter language, neighbours differ
  in (role, lang), and the title (if stated) lies inside an article segment;
* ``.html``: ``text_sha256`` and ``segments`` are null;
* ``metadata`` has exactly title, journal, year, volume, issue, authors (each
  author exactly name, orcid, email, affiliation) with the right types, valid
  ORCID check digits and e-mail shapes;
* every stated string value occurs verbatim in the page (whitespace runs
  compared as one space): in the text for ``.txt``; for ``.html`` in the raw
  HTML after unescaping entities (which includes meta-tag contents) or in its
  tag-stripped text; volume and issue also stand after a volume/issue marker
  ("Т.", "Vol.", "№", "No.", "Номер:", ...) or in citation_volume/issue; the
  year occurs as a four-digit number;
* ``split.json`` assigns every id exactly once to dev or test, half each,
  balanced within every shape and every format, and its format matches the
  file; README.md lists every id with its split.

Exit status 0 when the set is valid, 1 otherwise.
"""

from __future__ import annotations

import collections
import hashlib
import html
import json
import re
import sys
from pathlib import Path

META_KEYS = {"title", "journal", "year", "volume", "issue", "authors"}
AUTHOR_KEYS = {"name", "orcid", "email", "affiliation"}
EXPECTED_KEYS = {"id", "file", "file_sha256", "text_sha256", "segments", "metadata"}
SEGMENT_KEYS = {"start", "end", "lang", "role"}
ROLES = {"wrapper", "article"}
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
EMAIL_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
LANG_RE = re.compile(r"^[a-z]{2}$")
SPLITS = ("dev", "test")
FORMATS = {".txt": "txt", ".html": "html"}


def collapse(text: str) -> str:
    """Whitespace runs (spaces, tabs, newlines, no-break spaces) as one space."""
    return " ".join(text.split())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def orcid_valid(orcid: str) -> bool:
    """ISO 7064 MOD 11-2 check digit of an ORCID iD."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


VOLUME_MARKERS = r"(?:Vol\.?|Volume|Том|Т\.)"
ISSUE_MARKERS = r"(?:№|No\.?|Nr\.?|Номер|Выпуск|Вып\.|Issue|Iss\.)"


def marked(key: str, value: str, hay: str) -> bool:
    """The volume/issue value printed after its marker ("Т. 14", "No. 3(45)", "Номер: 4")
    or as the content of a citation_volume/citation_issue meta tag."""
    markers = VOLUME_MARKERS if key == "volume" else ISSUE_MARKERS
    needle = re.escape(collapse(value))
    return bool(re.search(rf"(?<!\w){markers}\s*:?\s*{needle}(?![\w(])", hay, re.IGNORECASE)
                or re.search(rf'name="citation_{key}"\s+content="{needle}"', hay))


def html_haystacks(raw: str) -> list[str]:
    unescaped = html.unescape(raw)
    stripped = html.unescape(re.sub(r"<[^>]*>", " ", raw))
    return [collapse(unescaped), collapse(stripped)]


class Checker:
    def __init__(self, root: Path):
        self.root = root
        self.errors: list[str] = []
        # A batch whose split.json says "scope": "metadata" is scored on metadata only and may be
        # dev-only (a later development batch beside a frozen set): null segments, no half balance.
        self.metadata_only = self._split_scope() == "metadata"

    def _split_scope(self) -> str | None:
        try:
            split = json.loads((self.root / "split.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        return split.get("scope") if isinstance(split, dict) else None

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    # -- pages and expected files -------------------------------------------------
    def pages(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for path in sorted(self.root.iterdir()):
            if path.suffix in FORMATS:
                if path.stem in found:
                    self.error(path.name, f"two raw pages share the id {path.stem}")
                found[path.stem] = path
        for path in sorted(self.root.glob("*.json")):
            if path.name != "split.json" and path.stem not in found:
                self.error(path.name, "expected file without a raw page")
        return found

    def check_page(self, ident: str, page: Path) -> dict | None:
        exp_path = page.with_suffix(".json")
        if not exp_path.exists():
            self.error(page.name, "no expected file")
            return None
        try:
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self.error(exp_path.name, f"not valid JSON: {exc}")
            return None
        where = exp_path.name
        if not isinstance(exp, dict):
            self.error(where, "not a JSON object")
            return None
        if set(exp) != EXPECTED_KEYS:
            self.error(where, f"keys {sorted(exp)} != {sorted(EXPECTED_KEYS)}")
        if exp.get("id") != ident:
            self.error(where, f"id {exp.get('id')!r} != file stem {ident!r}")
        if exp.get("file") != page.name:
            self.error(where, f"file {exp.get('file')!r} != {page.name!r}")
        data = page.read_bytes()
        if exp.get("file_sha256") != sha256(data):
            self.error(where, "file_sha256 does not match the raw page")
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.error(page.name, f"not UTF-8: {exc}")
            return exp
        if page.suffix == ".txt":
            if exp.get("text_sha256") != sha256(raw.encode("utf-8")):
                self.error(where, "text_sha256 does not match the text")
            if self.metadata_only:
                if exp.get("segments") is not None:
                    self.error(where, "segments must be null in a metadata-only batch")
            else:
                self.check_segments(where, raw, exp.get("segments"))
            haystacks = [collapse(raw)]
        else:
            if exp.get("text_sha256") is not None:
                self.error(where, "text_sha256 must be null for an HTML page")
            if exp.get("segments") is not None:
                self.error(where, "segments must be null for an HTML page")
            haystacks = html_haystacks(raw)
        meta = exp.get("metadata")
        if self.check_metadata(where, meta):
            self.check_stated(where, meta, haystacks)
            if page.suffix == ".txt" and isinstance(exp.get("segments"), list) and meta.get("title"):
                self.check_title_in_article(where, raw, exp["segments"], meta["title"])
        return exp

    def check_segments(self, where: str, text: str, segments) -> None:
        if not isinstance(segments, list) or not segments:
            self.error(where, "segments must be a non-empty list for a .txt page")
            return
        expected_start = 0
        previous = None
        for n, seg in enumerate(segments):
            tag = f"segment {n}"
            if not isinstance(seg, dict) or set(seg) != SEGMENT_KEYS:
                self.error(where, f"{tag}: keys must be {sorted(SEGMENT_KEYS)}")
                return
            start, end = seg["start"], seg["end"]
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
                self.error(where, f"{tag}: start/end must be integers")
                return
            if start != expected_start:
                kind = "gap" if start > expected_start else "overlap"
                self.error(where, f"{tag}: {kind} — starts at {start}, previous segment ended at {expected_start}")
            if end <= start:
                self.error(where, f"{tag}: empty or reversed span {start}-{end}")
            if start > 0 and start <= len(text) and text[start - 1] != "\n":
                self.error(where, f"{tag}: starts at {start}, not at the start of a line")
            if seg["role"] not in ROLES:
                self.error(where, f"{tag}: role {seg['role']!r} not in {sorted(ROLES)}")
            if not isinstance(seg["lang"], str) or not LANG_RE.match(seg["lang"]):
                self.error(where, f"{tag}: lang {seg['lang']!r} is not an ISO 639-1 code")
            key = (seg["role"], seg["lang"])
            if key == previous:
                self.error(where, f"{tag}: same role and lang as the segment before; merge them")
            previous = key
            expected_start = end
        if expected_start != len(text):
            self.error(where, f"segments end at {expected_start}, the text has {len(text)} characters")
        if not any(isinstance(s, dict) and s.get("role") == "article" for s in segments):
            self.error(where, "no article segment")

    def check_metadata(self, where: str, meta) -> bool:
        if not isinstance(meta, dict):
            self.error(where, "metadata must be an object")
            return False
        ok = True
        if set(meta) != META_KEYS:
            self.error(where, f"metadata keys {sorted(meta)} != {sorted(META_KEYS)}")
            ok = False
        for key in ("title", "journal", "volume", "issue"):
            value = meta.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                self.error(where, f"metadata.{key} must be a non-empty string or null")
                ok = False
            elif isinstance(value, str) and value != value.strip():
                self.error(where, f"metadata.{key} has surrounding whitespace")
        year = meta.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1800 <= year <= 2100):
            self.error(where, "metadata.year must be an integer year or null")
            ok = False
        authors = meta.get("authors")
        if not isinstance(authors, list):
            self.error(where, "metadata.authors must be a list ([] when no author is stated)")
            return False
        for n, author in enumerate(authors):
            tag = f"metadata.authors[{n}]"
            if not isinstance(author, dict) or set(author) != AUTHOR_KEYS:
                self.error(where, f"{tag}: keys must be {sorted(AUTHOR_KEYS)}")
                ok = False
                continue
            if not isinstance(author["name"], str) or not author["name"].strip():
                self.error(where, f"{tag}: name must be a non-empty string")
                ok = False
            for key in ("orcid", "email", "affiliation"):
                if author[key] is not None and (not isinstance(author[key], str) or not author[key].strip()):
                    self.error(where, f"{tag}.{key} must be a non-empty string or null")
                    ok = False
            orcid = author["orcid"]
            if isinstance(orcid, str) and (not ORCID_RE.match(orcid) or not orcid_valid(orcid)):
                self.error(where, f"{tag}.orcid {orcid!r} is not a valid ORCID iD (form or check digit)")
            email = author["email"]
            if isinstance(email, str) and not EMAIL_RE.match(email):
                self.error(where, f"{tag}.email {email!r} does not look like an e-mail address")
        return ok

    def check_stated(self, where: str, meta: dict, haystacks: list[str]) -> None:
        def find(label: str, value) -> None:
            if value is None:
                return
            needle = collapse(value)
            if not any(needle in hay for hay in haystacks):
                self.error(where, f"{label} {value!r} does not occur verbatim in the page")

        for key in ("title", "journal"):
            find(f"metadata.{key}", meta.get(key))
        for key in ("volume", "issue"):
            value = meta.get(key)
            if isinstance(value, str):
                find(f"metadata.{key}", value)
                if not any(marked(key, value, hay) for hay in haystacks):
                    self.error(where, f"metadata.{key} {value!r} is not printed after its {key} marker "
                                      f"or in citation_{key}")
        year = meta.get("year")
        if isinstance(year, int) and not any(re.search(rf"(?<!\d){year}(?!\d)", hay) for hay in haystacks):
            self.error(where, f"metadata.year {year} does not occur in the page")
        for n, author in enumerate(meta.get("authors") or []):
            if isinstance(author, dict):
                for key in ("name", "orcid", "email", "affiliation"):
                    if isinstance(author.get(key), str):
                        find(f"metadata.authors[{n}].{key}", author[key])

    def check_title_in_article(self, where: str, text: str, segments: list, title: str) -> None:
        needle = collapse(title)
        for seg in segments:
            if isinstance(seg, dict) and seg.get("role") == "article":
                if needle in collapse(text[seg["start"]:seg["end"]]):
                    return
        self.error(where, "the title does not occur inside an article segment")

    # -- split and README ---------------------------------------------------------
    def check_split(self, pages: dict[str, Path]) -> dict[str, str]:
        path = self.root / "split.json"
        if not path.exists():
            self.error("split.json", "missing")
            return {}
        try:
            split = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            self.error("split.json", f"not valid JSON: {exc}")
            return {}
        layouts = split.get("layouts") if isinstance(split, dict) else None
        if not isinstance(layouts, list):
            self.error("split.json", "needs a 'layouts' list of {id, shape, format, split}")
            return {}
        assigned: dict[str, str] = {}
        by_shape: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        by_format: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for entry in layouts:
            if not isinstance(entry, dict) or set(entry) != {"id", "shape", "format", "split"}:
                self.error("split.json", f"entry {entry!r} must have exactly id, shape, format, split")
                continue
            ident = entry["id"]
            if ident in assigned:
                self.error("split.json", f"{ident} assigned twice")
            if entry["split"] not in SPLITS:
                self.error("split.json", f"{ident}: split {entry['split']!r} not in {SPLITS}")
            if ident not in pages:
                self.error("split.json", f"{ident}: no such layout")
            elif FORMATS[pages[ident].suffix] != entry["format"]:
                self.error("split.json", f"{ident}: format {entry['format']!r} but the page is {pages[ident].name}")
            assigned[ident] = entry["split"]
            by_shape[entry["shape"]][entry["split"]] += 1
            by_format[entry["format"]][entry["split"]] += 1
        for ident in pages:
            if ident not in assigned:
                self.error("split.json", f"{ident} has no split")
        totals = collections.Counter(assigned.values())
        if self.metadata_only and not totals["test"]:
            return assigned  # a dev-only development batch: nothing to balance
        if totals["dev"] != totals["test"]:
            self.error("split.json", f"not half each: {dict(totals)}")
        for name, groups in (("shape", by_shape), ("format", by_format)):
            for value, counts in sorted(groups.items()):
                if abs(counts["dev"] - counts["test"]) > 1:
                    self.error("split.json", f"{name} {value!r} unbalanced: {dict(counts)}")
        return assigned

    def check_readme(self, assigned: dict[str, str]) -> None:
        path = self.root / "README.md"
        if not path.exists():
            self.error("README.md", "missing")
            return
        rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
        for ident, split in sorted(assigned.items()):
            mine = [row for row in rows if re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", row)]
            if not mine:
                self.error("README.md", f"{ident} is not in the shape table")
            elif not any(re.search(rf"\|\s*{split}\s*\|", row) for row in mine):
                self.error("README.md", f"{ident}: table row does not give split {split!r}")

    def run(self) -> int:
        pages = self.pages()
        for ident, page in pages.items():
            self.check_page(ident, page)
        assigned = self.check_split(pages)
        self.check_readme(assigned)
        counts = collections.Counter(FORMATS[p.suffix] for p in pages.values())
        splits = collections.Counter(assigned.values())
        for message in self.errors:
            print("ERROR", message)
        print(f"{len(pages)} layouts ({', '.join(f'{n} {f}' for f, n in sorted(counts.items()))}); "
              f"split {dict(sorted(splits.items()))}; {len(self.errors)} error(s)")
        return 1 if self.errors else 0


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "corpus" / "layouts"
    if not root.is_dir():
        print(f"ERROR no layout directory {root}")
        return 1
    return Checker(root).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
