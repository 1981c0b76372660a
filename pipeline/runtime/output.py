"""Writing documents: atomically (temp file + rename), deterministically, under safe file names.

A document id is text from the input (a file name, a JSON Lines ``id``), so it
is not used as a file name as it is. :func:`output_filename` keeps a plain id
(``000_53fded65e5fbe7f9`` -> ``000_53fded65e5fbe7f9.json``) and turns any
other (a path, a reserved name, a name starting with ".", over
``MAX_PLAIN_BYTES`` bytes, characters a file system refuses) into
``<readable part>~<16 hex digits of its sha256>.json``. A plain id never holds
``~``, so the two kinds never meet; the original id is always the ``id`` of
the JSON inside.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from textmine.document import Document

# Names the batch folder uses for its own files (textmine.runtime.batch).
RESERVED_IDS = frozenset({"batch", "manifest", "errors"})
# Temporary files add about 20 bytes to the name; file systems allow 255.
MAX_PLAIN_BYTES = 200
PLAIN_ID = re.compile(r"[\w][\w.,()+=@ -]*")
UNSAFE_CHARS = re.compile(r"[^\w.,()+=@-]+")
OUTPUT_MODE = 0o644  # readable by other users and by loaders, like the JSONL shards


def output_filename(doc_id: str, suffix: str = ".json") -> str:
    """The file name of document ``doc_id``'s output (see the module docstring)."""
    if (
        PLAIN_ID.fullmatch(doc_id)
        and doc_id.casefold() not in RESERVED_IDS
        and not doc_id.endswith((" ", "."))
        and len(doc_id.encode("utf-8", "surrogatepass")) <= MAX_PLAIN_BYTES
    ):
        return doc_id + suffix
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    readable = UNSAFE_CHARS.sub("_", doc_id).strip("._ ")[:60]
    return f"{readable}~{digest}{suffix}"


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` (mode 0644) so readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".textmine-", suffix=".tmp")
    try:
        os.fchmod(fd, OUTPUT_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_document(doc: Document, out_dir: Path) -> Path:
    """Write ``doc`` as ``out_dir/<output_filename(id)>``."""
    path = Path(out_dir) / output_filename(doc.id)
    write_atomic(path, doc.to_json())
    return path
