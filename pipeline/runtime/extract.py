"""The extractor: named components applied in order to each Document.

``Extractor`` is built from an :class:`ExtractConfig` (which components, with
which settings); models are loaded when it is built, never at import time, so
the CLI answers ``--help`` at once.
"""

from __future__ import annotations

import copy
import importlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from textmine import __version__, components
from textmine.document import Document

# Where each built-in component is defined; imported only when it is used.
COMPONENT_MODULES = {
    "segmenter": "textmine.stages.segment",
    "ner": "textmine.stages.ner",
    "date_values": "textmine.stages.dates",
    "canonical": "textmine.stages.canonical",
    "metadata": "textmine.stages.metadata",
    "relations": "textmine.stages.relations",
}

DEFAULT_COMPONENTS = ("segmenter", "ner", "date_values", "canonical", "metadata", "relations")


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
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    # Per-component keyword settings, e.g. {"ner": {"backend": "stanza"}}.
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_size: int = 16


class Extractor:
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

    def __call__(self, doc: Document) -> Document:
        for comp in self.components:
            doc = comp(doc)
        return self._finish(doc)

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Document]:
        stream: Iterable[Document] = docs
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
