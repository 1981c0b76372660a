"""Reading inputs into Documents.

``iter_documents(paths)`` turns files, folders (read recursively), ``.jsonl``
streams and ``-`` (standard input) into :class:`Document` objects, and every
input it cannot read into an :class:`InputError` whose ``reason`` is one line a
user can act on, so one bad file never stops the others.

* ``.txt`` (and any file named explicitly whatever its suffix): the bytes are
  decoded by byte-order mark, then strict UTF-8, then the charset detector
  (charset-normalizer, restricted to the encodings Russian and European sites
  use). A BOM is not part of the text; newlines are kept exactly as they are
  (offsets refer to the decoded text, annotation guidelines §1).
* ``.html``/``.htm``: see :mod:`textmine.stages.htmltext`; the extracted text is the
  document text and the page's block structure and metadata are kept as
  evidence for later stages.
* ``.jsonl``: one ``{"id", "text"}`` object per line; a bad line is an
  ``InputError`` naming the file and the line.
* ``-``: standard input, UTF-8, plain text or HTML by content.
* Folders: every ``.txt``/``.html``/``.htm``/``.xhtml``/``.jsonl`` file below
  them; any other file is a :class:`SkippedInput`, an InputError that callers
  report as a note and do not count as a failure.

``doc.source`` records ``path``, ``format`` (txt/html/jsonl) and ``encoding``
(plus ``line`` for JSON Lines and ``html``, the page's title/meta/lang).
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from textmine.document import Document

FORMAT_BY_SUFFIX = {".txt": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl"}
SUPPORTED_SUFFIXES_TEXT = ", ".join(sorted(FORMAT_BY_SUFFIX))

# Encodings the charset detector may choose from. Left to itself it picks
# DOS or Mac code pages (cp1125, mac_cyrillic) for short Windows-1251 texts;
# these are the encodings Russian-language and European web pages are saved in.
DETECTOR_ENCODINGS = [
    "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866",
    "cp1252", "latin_1", "cp1250", "iso8859_2",
]

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# A well-formed multi-byte UTF-8 sequence (2 to 4 bytes).
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters that never occur in a text document (tab, LF, VT, FF, CR are fine).
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
GLOB_CHARS = re.compile(r"[*?[]")
WORD = re.compile(r"[^\W\d_]+")
LOWER_THEN_UPPER = re.compile(r"[a-zа-яё](?=[A-ZА-ЯЁ])")
# Characters that would let a document id escape the output folder.
UNSAFE_ID = re.compile(r"[/\\\x00]")


@dataclass
class InputError:
    """An input that could not be read: which one and why, in words a user can act on."""

    path: str
    reason: str
    id: str | None = None


@dataclass
class SkippedInput(InputError):
    """A file inside a folder that is not an input type (reported as a note, not a failure)."""


class UnreadableInput(Exception):
    """Raised by the decoders with the one-line reason for the user."""


def iter_documents(paths: Iterable[str | Path], stdin_id: str = "stdin") -> Iterator[Document | InputError]:
    """Yield a Document for every readable input and an InputError for every other one.

    ``-`` reads standard input as a document named ``stdin_id``. A path that
    does not exist but contains ``*``, ``?`` or ``[`` is expanded as a glob.
    Two inputs with the same id and different texts would overwrite each
    other's output: the second is an InputError.
    """
    used_ids: dict[str, tuple[str, str]] = {}  # id -> (where, sha256 of the text)
    for raw in paths:
        if str(raw) == "-":
            items: Iterable[Document | InputError] = [_read_stdin(stdin_id)]
        else:
            items = _read_path(Path(raw))
        for item in items:
            if isinstance(item, Document):
                where, digest = used_ids.setdefault(item.id, (_where(item), item.text_sha256))
                if digest != item.text_sha256:
                    yield InputError(
                        _where(item),
                        f"document id {item.id!r} is already used by {where} (another text); "
                        "both would be written to the same output file: rename one",
                        item.id,
                    )
                    continue
            yield item


def _where(doc: Document) -> str:
    path = doc.source.get("path", doc.id)
    return f"{path}:{doc.source['line']}" if "line" in doc.source else path


def _read_path(path: Path) -> Iterator[Document | InputError]:
    if path.is_dir():
        yield from _read_folder(path)
    elif path.exists():
        yield from _read_file(path, FORMAT_BY_SUFFIX.get(path.suffix.lower()))
    elif GLOB_CHARS.search(str(path)):
        matches = sorted(Path(match) for match in glob.glob(str(path), recursive=True))
        if not matches:
            yield InputError(str(path), "no file or folder matches this pattern", None)
        for match in matches:
            yield from _read_path(match)
    elif path.is_symlink():
        yield InputError(str(path), "broken symbolic link (its target does not exist)", path.stem)
    else:
        yield InputError(str(path), "no such file or directory", path.stem)


def _read_folder(folder: Path) -> Iterator[Document | InputError]:
    problems: list[OSError] = []
    found = False
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        dirs.sort()
        for name in sorted(files):
            file = Path(root) / name
            fmt = FORMAT_BY_SUFFIX.get(file.suffix.lower())
            if fmt is None:
                yield SkippedInput(str(file), f"skipped: not an input file (inputs are {SUPPORTED_SUFFIXES_TEXT})", file.stem)
                continue
            found = True
            yield from _read_file(file, fmt)
    for exc in problems:
        yield InputError(str(exc.filename or folder), f"cannot read folder: {_os_reason(exc)}")
    if not found and not problems:
        yield InputError(str(folder), f"folder contains no input files ({SUPPORTED_SUFFIXES_TEXT})")


def _read_file(path: Path, fmt: str | None) -> Iterator[Document | InputError]:
    """Read one file; ``fmt`` None (unknown suffix, named explicitly) means text or HTML by content."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read file: {_os_reason(exc)}", path.stem)
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, data)
        return
    try:
        yield _document_from_bytes(path.stem, data, fmt, str(path))
    except UnreadableInput as exc:
        yield InputError(str(path), str(exc), path.stem)


def _read_stdin(stdin_id: str) -> Document | InputError:
    stream = sys.stdin
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    if not data.strip():
        return InputError("-", "standard input is empty: nothing to extract", stdin_id)
    try:
        text, encoding = _decode_utf8_only(data, "standard input")
        return _build_document(stdin_id, text, encoding, None, "-")
    except UnreadableInput as exc:
        return InputError("-", str(exc), stdin_id)


def _document_from_bytes(doc_id: str, data: bytes, fmt: str | None, path: str) -> Document:
    if not data:
        raise UnreadableInput("empty file (0 bytes): nothing to extract")
    declared = None
    if fmt != "txt":
        from textmine.stages.htmltext import declared_charset

        declared = declared_charset(data)
    text, encoding = decode_bytes(data, declared=declared)
    return _build_document(doc_id, text, encoding, fmt, path)


def _build_document(doc_id: str, text: str, encoding: str, fmt: str | None, path: str) -> Document:
    if fmt is None:
        fmt = "html" if HTML_START.match(text) else "txt"
    source = {"path": path, "format": fmt, "encoding": encoding}
    annotations = {}
    if fmt == "html":
        from textmine.stages.htmltext import extract_html

        page = extract_html(text)
        text = page.text
        source["html"] = page.info
        annotations["html_blocks"] = page.blocks
    if not text.strip():
        what = "the HTML page has no visible text" if fmt == "html" else "the file contains only whitespace"
        raise UnreadableInput(f"{what}: nothing to extract")
    return Document(id=doc_id, text=text, source=source, annotations=annotations)


def _read_jsonl(path: Path, data: bytes) -> Iterator[Document | InputError]:
    if not data.strip():
        yield InputError(str(path), "empty file: no JSON lines to read", path.stem)
        return
    try:
        content, _ = _decode_utf8_only(data, "JSON Lines file")
    except UnreadableInput as exc:
        yield InputError(str(path), str(exc), path.stem)
        return
    # Split on "\n" only: str.splitlines would also break at U+2028 and friends inside strings.
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        problem = _jsonl_record_problem(record)
        if problem:
            record_id = record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
            yield InputError(where, f"line {number}: {problem}", record_id)
            continue
        text = record["text"]
        doc_id = str(record["id"])
        yield Document(id=doc_id, text=text, source={"path": str(path), "line": number, "format": "jsonl", "encoding": "utf-8"})


def _jsonl_record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return 'expected a JSON object {"id": ..., "text": ...}'
    doc_id, text = record.get("id"), record.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        return 'missing or empty "id" (a string)'
    if UNSAFE_ID.search(str(doc_id)) or str(doc_id) in (".", ".."):
        return f'"id" {doc_id!r} cannot name an output file (no "/", "\\" or NUL, not "." or "..")'
    if not isinstance(text, str):
        return 'missing "text" (a string)'
    if not text.strip():
        return '"text" is empty: nothing to extract'
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document's bytes; return (text, encoding name).

    Order: byte-order mark, UTF-32 without one, strict UTF-8, the encoding the document declares
    (HTML ``<meta charset>``), then the charset detector. Raises
    UnreadableInput for binary data and bytes no supported encoding fits.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError as exc:
                name = encoding.removesuffix("-sig").upper()
                raise UnreadableInput(
                    f"undecodable bytes: starts with a {name} byte-order mark but bytes from offset {exc.start} "
                    f"are not {name}; repair or re-save the file"
                ) from None
    utf32 = _utf32_without_bom(data)
    if utf32:
        return utf32
    try:
        return _checked_text(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):
        raise UnreadableInput(
            f"undecodable bytes: invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start} "
            "in an otherwise UTF-8 file; repair or re-save it as UTF-8"
        )
    if declared and b"\x00" not in data:
        try:
            return _checked_text(data.decode(declared), declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common on saved pages; the detector decides
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # A decoding full of control characters (Latin-1 read of UTF-16, say) is not a candidate.
    matches = [match for match in from_bytes(data, cp_isolation=DETECTOR_ENCODINGS) if not BINARY_CONTROL.search(str(match))]
    if not matches:
        if b"\x00" in data:
            raise UnreadableInput("binary file (contains NUL bytes), not a text document")
        raise UnreadableInput(
            "undecodable bytes: not valid UTF-8 and no supported encoding fits "
            "(UTF-16/32, Windows-1251, KOI8-R, ISO 8859-5, CP866, Windows-1250/1252, Latin-1); re-save it as UTF-8"
        )
    # On short texts the detector ranks several single-byte encodings equal; the
    # one whose decoding reads least like mojibake wins (detector order breaks ties).
    ranked = sorted(enumerate(matches), key=lambda pair: (_mojibake_score(str(pair[1])[:65536]), pair[0]))
    best = ranked[0][1]
    encoding = codecs.lookup(best.encoding).name
    return _checked_text(str(best), encoding), encoding


def _utf32_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32 text without a byte-order mark, or None.

    Its NUL bytes would otherwise make it valid UTF-8 full of NULs (read as
    binary), and the detector does not try it. Text in UTF-32 has at least
    half of its bytes NUL, which binary files and UTF-16 rarely have.
    """
    if len(data) % 4 or data.count(0) < len(data) // 2:
        return None
    for encoding in ("utf-32-le", "utf-32-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not BINARY_CONTROL.search(text):
            return text, encoding
    return None


def _mojibake_score(text: str) -> int:
    """How much ``text`` looks like bytes decoded with the wrong code page.

    Counts letters in words that mix Latin and Cyrillic ("poznбnн"), accented
    letters in Latin words where most letters are accented ("Ďĺđâŕ˙"), capitals
    inside words ("їаШТХв"), and the symbols, modifier letters and box drawing
    that single-byte code pages put where another code page has letters.
    """
    score = 0
    for word in WORD.findall(text):
        score += len(LOWER_THEN_UPPER.findall(word))
        scripts = {_script(char) for char in word}
        if len(scripts) > 1:
            score += len(word)
        elif scripts == {"LATIN"}:
            accented = sum(ord(char) > 127 for char in word)
            if accented * 2 > len(word):
                score += accented
    return score + sum(unicodedata.category(char) in ("So", "Sk", "Lm", "Co") for char in text)


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _checked_text(text: str, encoding: str) -> str:
    if BINARY_CONTROL.search(text):
        if "\x00" in text:
            raise UnreadableInput("binary file (contains NUL bytes), not a text document")
        raise UnreadableInput(f"binary file (control characters in the {encoding} text), not a text document")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few bad bytes (damaged), not text in a single-byte encoding.

    Text in Windows-1251 or KOI8-R almost never contains well-formed UTF-8
    sequences, so when they outnumber the bytes UTF-8 rejects, the file is
    broken UTF-8 and guessing another encoding would only produce mojibake.
    """
    valid = len(UTF8_MULTIBYTE.findall(data))
    invalid = len(re.findall(rb"[\x80-\xff]", UTF8_MULTIBYTE.sub(b"", data)))
    return valid > invalid


def _decode_utf8_only(data: bytes, what: str) -> tuple[str, str]:
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"undecodable bytes: {what} must be UTF-8, but byte 0x{data[exc.start]:02x} at offset {exc.start} is not"
        ) from None
    return _checked_text(text, encoding), encoding


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (check the file's read permission)"
    return (exc.strerror or str(exc)).lower()
