"""The extractor: named components applied in order to each Document.

``Extractor`` is built from an :class:`ExtractConfig` (which components, with
which settings); :func:`load` builds one from keyword options, as the CLI
does. Models are loaded when the extractor is built, never at import time,
so the CLI answers ``--help`` at once.
"""

from __future__ import annotations

import copy
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from textmine import __version__, components
from textmine.document import Document
from textmine.stages.ingest import InputError, SkippedInput, UnreadableInput, document_from_text, iter_documents

# Where each built-in component is defined; imported only when it is used.
COMPONENT_MODULES = {
    "segmenter": "textmine.stages.segment",
    "ner": "textmine.stages.ner",
    "date_values": "textmine.stages.dates",
    "canonical": "textmine.stages.canonical",
    "metadata": "textmine.stages.metadata",
    "relations": "textmine.stages.relations",
    "byline_affiliations": "textmine.stages.affiliations",
}

# byline_affiliations reads the metadata's author block and corrects the relations' affiliated_with, so it runs last.
DEFAULT_COMPONENTS = ("segmenter", "ner", "date_values", "canonical", "metadata", "relations", "byline_affiliations")

# What the extractor accepts: a text, a Document, or the path of a file (or, in pipe(), a folder or .jsonl file).
Input = Union[str, Document, os.PathLike]


def library_versions() -> dict[str, str]:
    """Versions of Python and of the libraries whose models shaped the output (stanza only when loaded)."""
    import platform
    import sys
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for module, package in (("spacy", "spacy"), ("sklearn", "scikit-learn"), ("stanza", "stanza")):
        if module in sys.modules:
            try:
                versions[package] = version(package)
            except PackageNotFoundError:
                versions[package] = getattr(sys.modules[module], "__version__", "unknown")
    return versions


@dataclass
class ExtractConfig:
    """Which components the extractor runs, in order, and with which settings.

    ``components`` are names from :mod:`textmine.components` (default: all seven
    stages); ``settings`` maps a component name to its keyword settings, e.g.
    ``{"ner": {"backend": "stanza"}}``; ``batch_size`` is the number of
    documents per batch in :meth:`Extractor.pipe`.
    """

    components: tuple[str, ...] = DEFAULT_COMPONENTS
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_size: int = 16

    @classmethod
    def from_options(
        cls, ner: str = "spacy", stanza_dir: str | Path | None = None, min_confidence: float = 0.0, batch_size: int = 16
    ) -> "ExtractConfig":
        """The configuration the CLI's ``--ner``, ``--stanza-dir`` and ``--min-confidence`` options describe."""
        settings = {
            "ner": {"backend": ner, **({"stanza_dir": str(stanza_dir)} if stanza_dir else {})},
            "relations": {"min_confidence": min_confidence},
            "byline_affiliations": {"min_confidence": min_confidence},
        }
        return cls(settings=settings, batch_size=batch_size)


class Extractor:
    """Runs the configured components over documents; ``extractor(x)`` for one, ``extractor.pipe(xs)`` for many.

    An input is a ``str`` (the text itself: plain text, or an HTML page by its
    content; a one-line str naming an existing file is refused as a likely
    mistake), a :class:`~textmine.document.Document` (annotated in place), or
    a :class:`pathlib.Path` to a ``.txt``/``.html`` file (read as ``textmine
    extract`` reads it, encoding detected). The result is a Document: the
    same one ``textmine extract`` writes as JSON (``doc.to_json()``), which
    ``doc.to_spacy()`` turns into a spaCy ``Doc``.
    """

    def __init__(self, config: ExtractConfig | None = None):
        self.config = config or ExtractConfig()
        self.components = []
        for name in self.config.components:
            module = COMPONENT_MODULES.get(name)
            if module:
                importlib.import_module(module)
            self.components.append(components.create(name, **self.config.settings.get(name, {})))
        self._provenance = self._describe_components()

    def _describe_components(self) -> dict[str, Any]:
        info: dict[str, Any] = {"pipeline_version": __version__, "components": []}
        for comp in self.components:
            entry = {"name": comp.name}
            entry.update(getattr(comp, "provenance", {}) or {})
            info["components"].append(entry)
        info["libraries"] = library_versions()
        return info

    @property
    def provenance(self) -> dict[str, Any]:
        """What built the outputs: package version, components and their models (fixed once built)."""
        return copy.deepcopy(self._provenance)

    def __call__(self, item: Input) -> Document:
        """Extract one text, Document or file; raises UnreadableInput when a file cannot be read."""
        doc = as_document(item)
        for comp in self.components:
            doc = comp(doc)
        return self._finish(doc)

    def pipe(self, items: Iterable[Input], batch_size: int | None = None) -> Iterator[Document]:
        """Extract a stream of inputs in batches, yielding Documents in input order.

        Besides texts, Documents and files, a path may name a folder (read
        recursively, files that are not inputs skipped) or a ``.jsonl`` file
        (one document per line). An input that cannot be read raises
        UnreadableInput; ``textmine batch`` is the tool that records such
        failures and goes on.
        """
        stream: Iterable[Document] = iter_input_documents(items)
        size = batch_size or self.config.batch_size
        for comp in self.components:
            stream = components.pipe_component(comp, stream, size)
        for doc in stream:
            yield self._finish(doc)

    def _finish(self, doc: Document) -> Document:
        doc.renumber()
        doc.provenance = self.provenance
        doc.annotations.clear()
        return doc


def iter_input_documents(items: Iterable[Input]) -> Iterator[Document]:
    """Documents from texts, Documents and paths (a folder or ``.jsonl`` file gives several)."""
    for item in items:
        if isinstance(item, (str, Document)):
            yield as_document(item)
        elif isinstance(item, os.PathLike):
            for read in iter_documents([Path(item)]):
                if isinstance(read, SkippedInput):
                    continue
                if isinstance(read, InputError):
                    raise UnreadableInput(f"{read.path}: {read.reason}")
                yield read
        else:
            raise TypeError(f"cannot extract from {type(item).__name__}: give a str (the text), a Document or a pathlib.Path")


def as_document(item: Input) -> Document:
    """One Document from a text, a Document or the path of one file."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        if _names_a_file(item):
            raise ValueError(f"{item!r} is the name of a file; a str is extracted as text: pass pathlib.Path({item!r}) to read the file")
        return document_from_text(item)
    docs = list(iter_input_documents([item]))
    if len(docs) != 1:
        raise ValueError(f"{item} holds {len(docs)} documents; extract them with Extractor.pipe([path])")
    return docs[0]


def _names_a_file(text: str) -> bool:
    """True for a one-line string that is an existing file's path: almost surely meant as a Path."""
    if "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def load(
    *,
    ner: str = "spacy",
    stanza_dir: str | Path | None = None,
    min_confidence: float = 0.0,
    batch_size: int = 16,
    components: Iterable[str] = DEFAULT_COMPONENTS,
    settings: dict[str, dict[str, Any]] | None = None,
) -> Extractor:
    """The extractor, configured as ``textmine extract`` is by the same options.

    ``ner``: ``spacy`` (default) or ``stanza``; ``stanza_dir``:
    the stanza model folder for those; ``min_confidence``: relations below it
    are dropped; ``batch_size``: documents per batch in ``pipe``;
    ``components``: the stages to run, in order; ``settings``: further
    keyword settings per component, e.g. ``{"canonical":
    {"add_abbreviation_mentions": False}}``. Loads the models (a few seconds).
    """
    config = ExtractConfig.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence, batch_size=batch_size)
    config.components = tuple(components)
    for name, extra in (settings or {}).items():
        config.settings.setdefault(name, {}).update(extra)
    return Extractor(config)
