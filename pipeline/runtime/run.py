"""The ``extract`` job: read inputs, run the extractor, write one JSON per document."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from textmine.runtime.extract import ExtractConfig, Extractor
from textmine.stages.ingest import InputError, SkippedInput, iter_documents
from textmine.runtime.output import write_document


class ExtractRun:
    def __init__(self, config: ExtractConfig):
        self.config = config
        self._extractor: Extractor | None = None

    @classmethod
    def from_options(cls, ner: str = "spacy", stanza_dir: Path | None = None, min_confidence: float = 0.0) -> "ExtractRun":
        return cls(ExtractConfig.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence))

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self.config)
        return self._extractor

    def extract_to(self, paths: Iterable[str], out_dir: Path, report: Callable[[str], None]) -> int:
        """Extract every readable input into ``out_dir``; report and count the failures."""
        failures = 0
        for item in iter_documents(paths):
            if isinstance(item, InputError):
                failures += not isinstance(item, SkippedInput)  # a skipped non-input file is a note
                report(f"{item.path}: {item.reason}")
                continue
            try:
                doc = self.extractor(item)
            except Exception as exc:  # one bad document must not stop the others
                failures += 1
                report(f"{item.source.get('path', item.id)}: extraction failed: {exc}")
                continue
            write_document(doc, out_dir)
        return failures
