"""Reading inputs into Documents.

PROVISIONAL minimal version (UTF-8 .txt only); the full reader (encodings,
HTML, JSONL, stdin, bad-input errors) replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .document import Document


@dataclass
class InputError:
    """An input that could not be read: which one and why, in words a user can act on."""

    path: str
    reason: str
    id: str | None = None


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(str(file), str(exc), file.stem)
                continue
            yield Document(id=file.stem, text=text, source={"path": str(file), "format": "txt", "encoding": "utf-8"})
