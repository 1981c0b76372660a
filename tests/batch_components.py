"""Small components for the batch tests, loaded by the workers as a plugin module.

They stand in for the real pipeline where a test needs behaviour on demand:
a deterministic entity finder, a slow stage (to kill a batch halfway), a
stage that fails or hangs on marked documents.
"""

from __future__ import annotations

import os
import re
import time

from textmine.components import register
from textmine.document import Document, Entity

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@register("test_years")
class YearFinder:
    """Marks four-digit years as DATE entities (value = the year)."""

    name = "test_years"

    def __call__(self, doc: Document) -> Document:
        for i, match in enumerate(YEAR.finditer(doc.text), 1):
            doc.entities.append(Entity(f"Y{i}", match.start(), match.end(), "DATE", match.group(), value=match.group(), source="test"))
        return doc

    def pipe(self, docs, batch_size):
        for doc in docs:
            yield self(doc)


@register("test_slow")
class Slow:
    name = "test_slow"

    def __init__(self, seconds: float = 0.2):
        self.seconds = seconds

    def __call__(self, doc: Document) -> Document:
        time.sleep(self.seconds)
        return doc


@register("test_trouble")
class Trouble:
    """Raises on FAIL, never returns on HANG, kills its process on CRASH (words in the text)."""

    name = "test_trouble"

    def __call__(self, doc: Document) -> Document:
        if "CRASH" in doc.text:
            os._exit(3)
        if "FAIL" in doc.text:
            raise ValueError("this document asked to fail")
        while "HANG" in doc.text:
            time.sleep(0.05)
        return doc


@register("test_pid")
class ProcessId:
    """Records the id of the process that extracted the document."""

    name = "test_pid"

    def __call__(self, doc: Document) -> Document:
        doc.metadata["worker_pid"] = os.getpid()
        return doc


@register("test_hog")
class MemoryHog:
    """Holds 400 MB for a second on HOG (a document that needs far more memory than the others)."""

    name = "test_hog"

    def __call__(self, doc: Document) -> Document:
        if "HOG" in doc.text:
            held = b"x" * (400 * 2**20)
            time.sleep(1.5)
            del held
        return doc
