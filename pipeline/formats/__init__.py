"""Reading and writing the formats annotation tools and spaCy use, over :class:`textmine.document.Document`.

One module per format, each with ``read(path, raw_dir) -> list[Document]``
and ``write(docs, path) -> Dropped`` (what the format could not hold).
:func:`convert` is what ``textmine convert`` runs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from textmine.document import Document
from textmine.formats.common import ConversionError

FORMAT_MODULES = {
    "json": "textmine.formats.textmine_json",
    "spacy": "textmine.formats.docbin",
    "doccano": "textmine.formats.doccano",
    "labelstudio": "textmine.formats.labelstudio",
    "brat": "textmine.formats.brat",
    "conll": "textmine.formats.conll",
    "csv": "textmine.formats.csv_tables",
}
FORMATS = tuple(FORMAT_MODULES)

__all__ = ["FORMATS", "ConversionError", "ConversionReport", "convert", "format_module", "read_documents", "write_documents"]


def format_module(name: str) -> ModuleType:
    if name not in FORMAT_MODULES:
        raise ConversionError(f"unknown format {name!r}; one of {', '.join(FORMATS)}")
    return importlib.import_module(FORMAT_MODULES[name])


def read_documents(name: str, path: Path, raw_dir: Path | None = None) -> list[Document]:
    """Documents read from ``path`` in format ``name`` (``raw_dir``: texts of gold files and BIO documents)."""
    path = Path(path)
    if not path.exists():
        raise ConversionError(f"{path}: no such file or directory")
    return format_module(name).read(path, raw_dir)


def write_documents(name: str, docs: list[Document], path: Path) -> list[str]:
    """Write ``docs`` to ``path`` in format ``name``; returns one line per kind of thing the format dropped."""
    return format_module(name).write(docs, Path(path)).lines(name)


@dataclass
class ConversionReport:
    documents: int
    entities: int
    relations: int
    dropped: list[str] = field(default_factory=list)  # what the target format cannot hold
    problems: list[str] = field(default_factory=list)  # what `textmine validate` would say about the converted documents

    def summary(self, source: str, target: str, out: Path) -> str:
        plural = "" if self.documents == 1 else "s"
        return f"{self.documents} document{plural}, {self.entities} entities, {self.relations} relations: {source} -> {target} {out}"


def convert(source: str, target: str, in_path: Path, out_path: Path, raw_dir: Path | None = None) -> ConversionReport:
    """Read ``in_path`` as ``source`` and write it to ``out_path`` as ``target``.

    The documents read are checked as ``textmine validate`` checks gold files
    (offsets, labels, relation argument types, the schema); each problem is
    reported, and they are written all the same so that they can be fixed.
    """
    from textmine.evaluation.validate import document_problems, schema_problems

    docs = read_documents(source, in_path, raw_dir)
    problems = []
    for doc in docs:
        data = doc.to_dict()
        found = schema_problems(data, "gold") or document_problems(data, doc.text)
        problems.extend(f"{doc.id}: {where}: {message}" for where, message in found)
    dropped = write_documents(target, docs, out_path)
    return ConversionReport(
        documents=len(docs),
        entities=sum(len(d.entities) for d in docs),
        relations=sum(len(d.relations) for d in docs),
        dropped=dropped,
        problems=problems,
    )
