"""Reading inputs into Documents.

Reading happens in two steps so that the expensive and risky part runs where
a time limit applies (inside the extraction workers):

1. :func:`iter_inputs` walks the paths without reading any file: it yields an
   :class:`InputFile` per file to read (with the document id it will get), a
   :class:`Document` per line of a ``.jsonl`` file or for standard input
   (streams, read line by line with a size limit), and an :class:`InputError`
   for every input that cannot be used (missing, not a regular file, ...).
2. :func:`load_input` reads one InputFile: bytes (at most ``max_bytes``),
   decoding, HTML extraction, the character limit. It returns a Document or an
   InputError and never raises.

``iter_documents(paths)`` does both in this process (used by tests and tools).

* ``.txt`` (and any file named explicitly whatever its suffix): the bytes are
  decoded by byte-order mark, then strict UTF-8, then the charset detector
  (charset-normalizer, restricted to the encodings Russian and European sites
  use). A BOM is not part of the text; newlines are kept exactly as they are
  (offsets refer to the decoded text, annotation guidelines §1).
* ``.html``/``.htm``: see :mod:`textmine.stages.htmltext`; the extracted text is the
  document text and the page's block structure and metadata are kept as
  evidence for later stages.
* ``.jsonl``: one ``{"id", "text"}`` object per line, optionally with ``url``
  and ``meta`` (kept in ``source``); a bad line is an ``InputError`` naming
  the file and the line, and the other lines are read.
* ``-``: standard input, UTF-8, plain text or HTML by content.
* Folders: every ``.txt``/``.html``/``.htm``/``.xhtml``/``.jsonl`` file below
  them; any other file is a :class:`SkippedInput`, an InputError that callers
  report as a note and do not count as a failure.

Limits (:class:`InputLimits`): only regular files are read (devices, FIFOs and
sockets are refused before they are opened for reading); a file over
``max_bytes`` bytes (for ``.jsonl``: a line over it) and a document over
``max_chars`` characters are refused with an error record before any stage.

Document ids (see docs/batch.md): a file's id is its name without extension;
when a folder or glob holds several files with the same stem, each gets its
path relative to the folder (the glob's common folder) without extension, or
with it if that still collides. Standard input is ``stdin-`` plus the first 16
hex digits of the text's sha256. A JSON Lines record keeps its own ``id``.
Bytes of a file name that are not UTF-8 appear as ``\\xNN`` in the id. Ids
are never used as file names directly: see :func:`textmine.runtime.output.output_filename`.

``doc.source`` records ``path``, ``format`` (txt/html/jsonl) and ``encoding``
(plus ``line``, ``url`` and ``meta`` for JSON Lines and ``html``, the page's title/meta/lang).
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from textmine.document import Document, sha256_text

FORMAT_BY_SUFFIX = {".txt": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl"}
SUPPORTED_SUFFIXES_TEXT = ", ".join(sorted(FORMAT_BY_SUFFIX))

# Default limits: a long academic article is 50,000-150,000 characters (spaCy needs
# about 1 GB per 100,000 characters of one document); saved
# pages with inline scripts and styles reach a few megabytes.
DEFAULT_MAX_CHARS = 200_000
DEFAULT_MAX_BYTES = 20_000_000

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
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
GLOB_CHARS = re.compile(r"[*?[]")
WORD = re.compile(r"[^\W\d_]+")
LOWER_THEN_UPPER = re.compile(r"[a-zа-яё](?=[A-ZА-ЯЁ])")
# Letters beyond ASCII of the Latin alphabets of European languages. The
# single-byte Latin code pages (Windows-1250/1252, ISO 8859-1/2) decode each
# other's texts into real letters, so a wrong reading shows itself as a mix of
# letters that no one language writes together ("trčs", "ŕ Genčve").
LATIN_ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóù",
    "catalan": "àçèéíïòóúü",
    "dutch": "áéëïóöü",
    "nordic": "åæøäöéáðþíóúý",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "polish": "ąćęłńóśźż",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșşțţ",
    "croatian": "čćđšž",
    "slovene": "čšž",
    "albanian": "çë",
    "turkish": "çğıöşüâî",
}
LATIN_ALPHABET_SETS = [frozenset(letters) for letters in LATIN_ALPHABETS.values()]
# The detector and the mojibake score look at this many bytes/characters at most (both grow with the input).
DETECTOR_SAMPLE = 1 << 20
READ_CHUNK = 1 << 16
# Ids are database keys (PostgreSQL indexes keys of up to about 2,700 bytes).
MAX_ID_CHARS = 500


@dataclass(frozen=True)
class InputLimits:
    """How much of an input is read: bytes per file (per line of a ``.jsonl``), characters per document."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        if self.max_bytes < 1 or self.max_chars < 1:
            raise ValueError("the input limits (--max-bytes, --max-chars) must be at least 1")


@dataclass
class InputError:
    """An input that could not be read: which one and why, in words a user can act on."""

    path: str
    reason: str
    id: str | None = None


@dataclass
class SkippedInput(InputError):
    """A file inside a folder that is not an input type (reported as a note, not a failure)."""


@dataclass(frozen=True)
class InputFile:
    """A file to read (by :func:`load_input`), with the id its document gets.

    ``key`` identifies this version of the file without reading it (size and
    modification time), so a resumed batch can skip it.
    """

    path: str  # as shown to the user (valid UTF-8)
    fs_path: str  # as the operating system needs it (may hold surrogate-escaped bytes)
    fmt: str | None  # txt, html or None (named explicitly with another suffix: sniffed)
    id: str
    key: str
    data: bytes | None = None  # the bytes, when read where the file is (for workers on other machines)

    def with_data(self, limits: "InputLimits") -> "InputFile | InputError":
        """This file with its bytes read here (regular file, at most ``max_bytes``), or the InputError."""
        try:
            return replace(self, data=read_limited(self.fs_path, limits.max_bytes))
        except UnreadableInput as exc:
            return InputError(self.path, str(exc), self.id)
        except OSError as exc:
            return InputError(self.path, f"cannot read file: {_os_reason(exc)}", self.id)


class UnreadableInput(Exception):
    """Raised by the decoders with the one-line reason for the user."""


def printable(name: str) -> str:
    """A file name as valid UTF-8 text: the bytes it holds that are not UTF-8 become ``\\xNN``."""
    return LONE_SURROGATE.sub(_escape_surrogate, name)


def _escape_surrogate(match: re.Match) -> str:
    code = ord(match.group())
    # os.fsdecode maps an undecodable byte NN to U+DCNN (surrogateescape).
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _printable_json_string(value: str) -> str:
    """A JSON string as valid Unicode: each lone surrogate as the ``\\uXXXX`` escape it was written with."""
    return LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", value)


def iter_documents(
    paths: Iterable[str | Path], stdin_id: str | None = None, limits: InputLimits = InputLimits()
) -> Iterator[Document | InputError]:
    """Yield a Document for every readable input and an InputError for every other one.

    ``-`` reads standard input (as ``stdin_id`` when given). A path that does
    not exist but contains ``*``, ``?`` or ``[`` is expanded as a glob. Two
    inputs with the same id and different texts would overwrite each other's
    output: the second is an InputError.
    """
    used_ids: dict[str, tuple[str, str]] = {}  # id -> (where, sha256 of the text)
    for item in iter_inputs(paths, stdin_id, limits):
        if isinstance(item, InputFile):
            item = load_input(item, limits)
        if isinstance(item, Document):
            problem = claim_id(used_ids, item)
            if problem is not None:
                yield problem
                continue
        yield item


def claim_id(used_ids: dict[str, tuple[str, str]], doc: Document) -> InputError | None:
    """Record ``doc``'s id; an InputError when another text already has it (an identical copy is fine)."""
    where, digest = used_ids.setdefault(doc.id, (where_from(doc), doc.text_sha256))
    if digest == doc.text_sha256:
        return None
    return InputError(
        where_from(doc),
        f"document id {doc.id!r} is already used by {where} (another text); "
        "both would be written to the same output file: rename one",
        doc.id,
    )


def where_from(doc: Document) -> str:
    """The input a document came from, as ``path`` or ``path:line``."""
    path = doc.source.get("path", doc.id)
    return f"{path}:{doc.source['line']}" if "line" in doc.source else path


def iter_inputs(
    paths: Iterable[str | Path], stdin_id: str | None = None, limits: InputLimits = InputLimits()
) -> Iterator[InputFile | Document | InputError]:
    """Walk ``paths`` without reading files: InputFiles to load, documents of streams, errors."""
    for raw in paths:
        if str(raw) == "-":
            yield _read_stdin(stdin_id, limits)
        else:
            yield from _walk_path(Path(raw), limits)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many documents ``paths`` hold, for a progress bar: files counted, JSON Lines' lines counted, nothing parsed."""
    paths = list(paths)
    total = 0
    for item in _walk_entries([Path(p) for p in paths if str(p) != "-"]):
        if isinstance(item, tuple):
            fs_path, fmt, _ = item
            total += _count_lines(fs_path) if fmt == "jsonl" else 1
        else:
            total += 1
    return total + sum(1 for p in paths if str(p) == "-")


def _count_lines(fs_path: str) -> int:
    try:
        with _open_regular(fs_path) as handle:
            lines, last = 0, b"\n"
            for chunk in iter(lambda: handle.read(READ_CHUNK), b""):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return max(1, lines + (last != b"\n"))  # an empty file is one error record
    except (OSError, UnreadableInput):
        return 1


def _walk_path(path: Path, limits: InputLimits) -> Iterator[InputFile | Document | InputError]:
    for entry in _walk_entries([path]):
        if isinstance(entry, InputError):
            yield entry
            continue
        fs_path, fmt, doc_id = entry
        try:
            info = os.stat(fs_path)
        except FileNotFoundError:
            what = "broken symbolic link (its target does not exist)" if os.path.islink(fs_path) else "no such file or directory"
            yield InputError(printable(fs_path), what, doc_id)
            continue
        except OSError as exc:
            yield InputError(printable(fs_path), f"cannot read file: {_os_reason(exc)}", doc_id)
            continue
        problem = _not_regular(info)
        if problem:
            yield InputError(printable(fs_path), problem, doc_id)
        elif fmt == "jsonl":
            yield from _read_jsonl(fs_path, limits)
        else:
            yield InputFile(printable(fs_path), fs_path, fmt, doc_id, f"file:{info.st_size}:{info.st_mtime_ns}")


def _walk_entries(paths: Iterable[Path]) -> Iterator[tuple[str, str | None, str] | InputError]:
    """(os path, format, id) of every file to read under ``paths``, or an InputError; nothing is opened."""
    for path in paths:
        if path.is_dir():
            yield from _walk_group(_folder_files(path), path)
        elif os.path.lexists(path):
            if not path.exists():
                yield InputError(printable(str(path)), "broken symbolic link (its target does not exist)", printable(path.stem))
            else:
                yield (str(path), FORMAT_BY_SUFFIX.get(path.suffix.lower()), printable(path.stem))
        elif GLOB_CHARS.search(str(path)):
            matches = sorted(Path(match) for match in glob.glob(str(path), recursive=True))
            if not matches:
                yield InputError(printable(str(path)), "no file or folder matches this pattern", None)
            files = [m for m in matches if not m.is_dir()]
            root = Path(os.path.commonpath([str(f.parent) for f in files])) if files else path.parent
            yield from _walk_group(((f, False) for f in files), root, explicit=True)
            yield from _walk_entries(m for m in matches if m.is_dir())
        else:
            yield InputError(printable(str(path)), "no such file or directory", printable(path.stem))


def _folder_files(folder: Path) -> Iterator[tuple[Path, bool] | InputError]:
    problems: list[OSError] = []
    found = False
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        dirs.sort()
        for name in sorted(files):
            found = True
            yield Path(root) / name, True
    for exc in problems:
        yield InputError(printable(str(exc.filename or folder)), f"cannot read folder: {_os_reason(exc)}")
    if not found and not problems:
        yield InputError(printable(str(folder)), f"folder contains no input files ({SUPPORTED_SUFFIXES_TEXT})")


def _walk_group(
    entries: Iterable[tuple[Path, bool] | InputError], root: Path, explicit: bool = False
) -> Iterator[tuple[str, str | None, str] | InputError]:
    """Ids for a folder's (or a glob's) files: the stem, or the relative path where stems collide.

    Entries are (path, found in a folder); a file found in a folder must have an input suffix.
    """
    listed = list(entries)
    files = [entry for entry in listed if not isinstance(entry, InputError)]
    inputs = [path for path, in_folder in files if not in_folder or path.suffix.lower() in FORMAT_BY_SUFFIX]
    stems = Counter(path.stem for path in inputs)
    relative = Counter(str(path.relative_to(root).with_suffix("")) for path in inputs if stems[path.stem] > 1)
    for path, in_folder in files:
        fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
        if fmt is None and in_folder:
            yield SkippedInput(printable(str(path)), f"skipped: not an input file (inputs are {SUPPORTED_SUFFIXES_TEXT})", printable(path.stem))
            continue
        doc_id = path.stem
        if stems[doc_id] > 1:
            doc_id = str(path.relative_to(root).with_suffix(""))
            if relative[doc_id] > 1:
                doc_id = str(path.relative_to(root))
            doc_id = doc_id.replace(os.sep, "/")
        yield (str(path), fmt, printable(doc_id))
    yield from (entry for entry in listed if isinstance(entry, InputError))
    if files and not inputs and not explicit:
        yield InputError(printable(str(root)), f"folder contains no input files ({SUPPORTED_SUFFIXES_TEXT})")


def _not_regular(info: os.stat_result) -> str | None:
    if stat.S_ISREG(info.st_mode):
        return None
    kind = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode)
        else "a character device" if stat.S_ISCHR(info.st_mode)
        else "a block device" if stat.S_ISBLK(info.st_mode)
        else "a socket" if stat.S_ISSOCK(info.st_mode)
        else "a folder" if stat.S_ISDIR(info.st_mode)
        else "a special file"
    )
    return f"not a regular file ({kind}): only regular files are read"


class _open_regular:
    """Open a file for reading only if it is a regular file (a FIFO's open must not block)."""

    def __init__(self, fs_path: str):
        self.fs_path = fs_path

    def __enter__(self) -> BinaryIO:
        fd = os.open(self.fs_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            problem = _not_regular(os.fstat(fd))
            if problem:
                raise UnreadableInput(problem)
            os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        self._handle = os.fdopen(fd, "rb")
        return self._handle

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def read_limited(fs_path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; UnreadableInput or OSError otherwise."""
    with _open_regular(fs_path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise UnreadableInput(_too_many_bytes(size, max_bytes))
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while being read
            raise UnreadableInput(_too_many_bytes(len(data), max_bytes, more=True))
        return data


def _too_many_bytes(size: int, max_bytes: int, more: bool = False, what: str = "file") -> str:
    return (
        f"{what} too large: {'over ' if more else ''}{size:,} bytes, the limit is {max_bytes:,} (--max-bytes); "
        "split it or raise the limit"
    )


def load_input(item: InputFile, limits: InputLimits = InputLimits()) -> Document | InputError:
    """Read, decode and (for HTML) extract one file; never raises."""
    try:
        data = item.data if item.data is not None else read_limited(item.fs_path, limits.max_bytes)
        return _document_from_bytes(item.id, data, item.fmt, item.path, limits)
    except UnreadableInput as exc:
        return InputError(item.path, str(exc), item.id)
    except OSError as exc:
        return InputError(item.path, f"cannot read file: {_os_reason(exc)}", item.id)
    except RecursionError:
        return InputError(item.path, "cannot read file: structure nested too deeply to process", item.id)
    except MemoryError:
        return InputError(item.path, "cannot read file: not enough memory to read it; split it or lower --max-bytes", item.id)


def _read_stdin(stdin_id: str | None, limits: InputLimits) -> Document | InputError:
    stream = sys.stdin
    data = stream.buffer.read(limits.max_bytes + 1) if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    doc_id = stdin_id or f"stdin-{hashlib.sha256(data).hexdigest()[:16]}"
    if len(data) > limits.max_bytes:
        return InputError("-", _too_many_bytes(len(data), limits.max_bytes, more=True, what="standard input"), stdin_id)
    if not data.strip():
        return InputError("-", "standard input is empty: nothing to extract", doc_id)
    try:
        text, encoding = _decode_utf8_only(data, "standard input")
        if stdin_id is None:
            doc_id = f"stdin-{sha256_text(text)[:16]}"
        return _build_document(doc_id, text, encoding, None, "-", limits)
    except UnreadableInput as exc:
        return InputError("-", str(exc), doc_id)
    except RecursionError:
        return InputError("-", "standard input is nested too deeply to process", doc_id)


def document_from_text(text: str, doc_id: str | None = None) -> Document:
    """A Document from a string, read as standard input is: plain text, or an HTML page by its content.

    ``doc_id`` defaults to ``text_`` and the first 16 hex digits of the
    text's sha256, so the same text always gets the same id. Raises
    UnreadableInput when there is nothing to extract.
    """
    if not text.strip():
        raise UnreadableInput("the text is empty: nothing to extract")
    return _build_document(doc_id or f"text_{sha256_text(text)[:16]}", text, None, None, None, InputLimits())


def _document_from_bytes(doc_id: str, data: bytes, fmt: str | None, path: str, limits: InputLimits) -> Document:
    if not data:
        raise UnreadableInput("empty file (0 bytes): nothing to extract")
    declared = None
    if fmt != "txt":
        from textmine.stages.htmltext import declared_charset

        declared = declared_charset(data)
    text, encoding = decode_bytes(data, declared=declared)
    return _build_document(doc_id, text, encoding, fmt, path, limits)


def _build_document(
    doc_id: str, text: str, encoding: str | None, fmt: str | None, path: str | None, limits: InputLimits
) -> Document:
    if fmt is None:
        fmt = "html" if HTML_START.match(text) else "txt"
    # A string given to the Python API has no path and no encoding.
    source = {key: value for key, value in (("path", path), ("format", fmt), ("encoding", encoding)) if value is not None}
    annotations = {}
    if fmt == "html":
        from textmine.stages.htmltext import UnreadableHtml, extract_html

        try:
            page = extract_html(text)
        except UnreadableHtml as exc:
            raise UnreadableInput(str(exc)) from None
        text = page.text
        source["html"] = page.info
        annotations["html_blocks"] = page.blocks
    if not text.strip():
        what = "the HTML page has no visible text" if fmt == "html" else "the file contains only whitespace"
        raise UnreadableInput(f"{what}: nothing to extract")
    _check_length(text, limits)
    return Document(id=doc_id, text=text, source=source, annotations=annotations)


def _check_length(text: str, limits: InputLimits) -> None:
    if len(text) > limits.max_chars:
        raise UnreadableInput(
            f"document too long: {len(text):,} characters, the limit is {limits.max_chars:,} (--max-chars); "
            "split it or raise the limit"
        )


def _read_jsonl(fs_path: str, limits: InputLimits) -> Iterator[Document | InputError]:
    """The documents of a JSON Lines file, read line by line; a bad line is an error for that line only."""
    path = printable(fs_path)
    stem = printable(Path(fs_path).stem)
    try:
        with _open_regular(fs_path) as handle:
            empty = True
            for number, line, too_long in _lines(handle, limits.max_bytes):
                if too_long:
                    empty = False
                    yield InputError(f"{path}:{number}", f"line {number}: " + _too_many_bytes(too_long, limits.max_bytes, more=True, what="line"))
                    continue
                if not line.strip():
                    continue
                empty = False
                yield _jsonl_line(path, number, line, limits)
    except UnreadableInput as exc:
        yield InputError(path, str(exc), stem)
        return
    except OSError as exc:
        yield InputError(path, f"cannot read file: {_os_reason(exc)}", stem)
        return
    if empty:
        yield InputError(path, "empty file: no JSON lines to read", stem)


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, int]]:
    """(number, line, 0) per line, or (number, b"", bytes seen) for a line over ``max_bytes`` (skipped unread)."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            seen = len(line)
            while True:  # skip the rest of the line without keeping it
                rest = handle.readline(READ_CHUNK)
                seen += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, b"", seen
            continue
        yield number, line, 0


def _jsonl_line(path: str, number: int, data: bytes, limits: InputLimits) -> Document | InputError:
    where = f"{path}:{number}"
    if number == 1 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(where, f"line {number}: undecodable bytes: JSON Lines must be UTF-8, but byte 0x{data[exc.start]:02x} at offset {exc.start} is not")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(where, f"line {number}: JSON nested too deeply to read")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return InputError(where, f"line {number}: not readable JSON ({str(exc).splitlines()[0]})")
    raw_id = record.get("id") if isinstance(record, dict) else None
    record_id = _printable_json_string(str(raw_id)) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    problem = _jsonl_record_problem(record)
    if problem:
        return InputError(where, f"line {number}: {problem}", record_id)
    assert record_id is not None
    text = record["text"]
    source = {"path": path, "line": number, "format": "jsonl", "encoding": "utf-8"}
    for extra in ("url", "meta"):
        if record.get(extra) is not None:
            source[extra] = record[extra]
    try:
        _checked_text(text, "JSON")
        _check_length(text, limits)
        json.dumps(source, ensure_ascii=False).encode("utf-8")
    except UnreadableInput as exc:
        return InputError(where, f"line {number}: {exc}", record_id)
    except (UnicodeEncodeError, ValueError, RecursionError):
        return InputError(where, f'line {number}: "url" or "meta" is not valid Unicode JSON (lone surrogate, too deep or too large)', record_id)
    return Document(id=record_id, text=text, source=source)


def _jsonl_record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return 'expected a JSON object {"id": ..., "text": ...}'
    doc_id, text = record.get("id"), record.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        return 'missing or empty "id" (a string)'
    if len(str(doc_id)) > MAX_ID_CHARS:
        return f'"id" too long: {len(str(doc_id)):,} characters, at most {MAX_ID_CHARS:,}'
    if not isinstance(text, str):
        return 'missing "text" (a string)'
    if not text.strip():
        return '"text" is empty: nothing to extract'
    surrogate = LONE_SURROGATE.search(text)
    if surrogate:
        return (
            f'"text" holds a lone surrogate (\\u{ord(surrogate.group()):04x} at character {surrogate.start()}), '
            "which is not Unicode text; repair the producer of this file"
        )
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
                    f"undecodable bytes: starts with a {name} byte-order mark but bytes from offset {_file_offset(exc, encoding)} "
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
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common on saved pages; the detector decides
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # The detector's cost grows with the input: it sees a sample, and the whole
    # file is then decoded with the encoding it chose.
    sample = data[:DETECTOR_SAMPLE]
    # A decoding full of control characters (Latin-1 read of UTF-16, say) is not a candidate.
    matches = [match for match in from_bytes(sample, cp_isolation=DETECTOR_ENCODINGS) if not BINARY_CONTROL.search(str(match))]
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
    if len(sample) == len(data):
        return _checked_text(str(best), encoding), encoding
    try:
        return _checked_text(data.decode(encoding), encoding), encoding
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"undecodable bytes: byte 0x{data[exc.start]:02x} at offset {exc.start} is not {encoding}, "
            "the encoding of the file's first megabyte; re-save it as UTF-8"
        ) from None


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
    inside words ("їаШТХв"), accented Latin letters that no one European
    alphabet has together ("trčs ŕ Genčve"), and the symbols, modifier letters and box drawing
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
    score += _letters_outside_one_alphabet(text)
    return score + sum(unicodedata.category(char) in ("So", "Sk", "Lm", "Co") for char in text)


def _letters_outside_one_alphabet(text: str) -> int:
    """Occurrences of accented Latin letters outside the one alphabet that fits the text best."""
    letters = Counter(
        char for char in text.lower() if ord(char) > 127 and char.isalpha() and _script(char) == "LATIN"
    )
    if not letters:
        return 0
    return min(sum(n for char, n in letters.items() if char not in alphabet) for alphabet in LATIN_ALPHABET_SETS)


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
        offset = _file_offset(exc, encoding)
        raise UnreadableInput(
            f"undecodable bytes: {what} must be UTF-8, but byte 0x{data[offset]:02x} at offset {offset} is not"
        ) from None
    return _checked_text(text, encoding), encoding


def _file_offset(exc: UnicodeDecodeError, encoding: str) -> int:
    """Where the undecodable bytes start in the data: utf-8-sig counts from after its mark, the UTF-16/32 codecs from the start."""
    return exc.start + len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else exc.start


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (check the file's read permission)"
    return (exc.strerror or str(exc)).lower()
