"""Writing documents: atomically (temp file + rename), deterministically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from textmine.document import Document


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` so readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
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
    path = Path(out_dir) / f"{doc.id}.json"
    write_atomic(path, doc.to_json())
    return path
