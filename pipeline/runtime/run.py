"""The ``extract`` job: read inputs, run the extractor, write one JSON per document.

Each input is read and extracted in a worker process
(:mod:`textmine.runtime.worker`), so a document that takes longer than
``timeout`` seconds is given up (the worker is killed and restarted for the
next one) instead of hanging the command, and a pipeline that cannot load is
reported once, before any document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from textmine.runtime.extract import ExtractConfig, Extractor
from textmine.runtime.output import output_filename, write_atomic
from textmine.runtime.worker import WorkerFailure, WorkerProcess, WorkerSpec, WorkerStartError
from textmine.stages.ingest import InputError, InputFile, InputLimits, SkippedInput, iter_inputs

DEFAULT_TIMEOUT = 300.0


class ExtractSetupError(RuntimeError):
    """The extraction pipeline cannot be loaded: no document can be extracted."""


class ExtractRun:
    def __init__(
        self, config: ExtractConfig, limits: InputLimits | None = None, timeout: float = DEFAULT_TIMEOUT, plugins: tuple[str, ...] = ()
    ):
        self.config = config
        self.limits = limits or InputLimits()
        self.timeout = timeout
        self.plugins = plugins  # modules the worker imports first (custom components)
        self.max_memory = 0  # bytes of resident memory the worker may reach on a document (0: no limit)
        self._extractor: Extractor | None = None

    @classmethod
    def from_options(cls, ner: str = "spacy", stanza_dir: Path | None = None, min_confidence: float = 0.0) -> "ExtractRun":
        return cls(ExtractConfig.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence))

    @property
    def extractor(self) -> Extractor:
        """The extractor of this run's config, in this process (for library use)."""
        if self._extractor is None:
            self._extractor = Extractor(self.config)
        return self._extractor

    def extract_to(self, paths: Iterable[str], out_dir: Path, report: Callable[[str], None]) -> int:
        """Extract every readable input into ``out_dir``; report and count the failures.

        Raises ExtractSetupError when the pipeline cannot be loaded.
        """
        failures = 0
        used_ids: dict[str, tuple[str, str]] = {}  # id -> (where, text sha256)
        worker = WorkerProcess(WorkerSpec(self.config, self.plugins, limits=self.limits, max_memory=self.max_memory))
        try:
            for item in iter_inputs(paths, limits=self.limits):
                if isinstance(item, InputError):
                    failures += not isinstance(item, SkippedInput)  # a skipped non-input file is a note
                    report(f"{item.path}: {item.reason}")
                    continue
                where = _where(item)
                try:
                    (outcome,) = worker.extract([item], self.timeout)
                except WorkerStartError as exc:
                    raise ExtractSetupError(str(exc)) from exc
                except WorkerFailure as exc:  # a hang, a crash, too much memory: this document fails, the worker restarts
                    failures += 1
                    report(f"{where}: extraction failed: {exc}")
                    continue
                if not outcome.ok:
                    failures += 1
                    report(f"{where}: {outcome.reason}")
                    continue
                assert outcome.text_sha256 is not None and outcome.json is not None
                first, digest = used_ids.setdefault(item.id, (where, outcome.text_sha256))
                if digest != outcome.text_sha256:
                    failures += 1
                    report(
                        f"{where}: document id {item.id!r} is already used by {first} (another text); "
                        "both would be written to the same output file: rename one"
                    )
                    continue
                write_atomic(Path(out_dir) / output_filename(item.id), outcome.json)
        finally:
            worker.stop()
        return failures


def _where(item: Any) -> str:
    if isinstance(item, InputFile):
        return item.path
    path = item.source.get("path", item.id)
    return f"{path}:{item.source['line']}" if "line" in item.source else path
