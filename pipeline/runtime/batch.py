"""Batch extraction over large collections: worker processes or a Dask cluster.

``run_batch`` streams documents (never the whole collection in memory),
sends them in batches to extraction workers, and writes each result as it
comes, in input order:

* ``--format json``: ``DIR/<id>.json``, one file per document;
* ``--format jsonl``: ``DIR/part-NNNNN.jsonl`` shards of ``shard_size`` documents.

Nothing is lost: a document that cannot be read, fails in a component, hangs
past the timeout or crashes its worker becomes a line of ``DIR/errors.jsonl``
(id, path, reason) and the batch goes on.

Resuming: ``DIR/manifest.jsonl`` gets one line per finished document (its id,
the sha256 of its text, its output file), appended and fsync'ed only after the
output itself is on disk (for JSONL, after the shard is complete), so after a
kill at any moment the manifest never claims a document whose output is
missing. ``--resume`` skips the documents the manifest lists (same id, same
text hash, output present) and does everything else again, including the
documents that failed before.

Engines: ``local`` runs ``workers`` extraction processes
(:mod:`textmine.runtime.worker`) on this machine; ``dask`` sends the same batches to a
Dask distributed cluster, where each Dask worker keeps one loaded pipeline.
Both run the same code on the same batches, so outputs are identical.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from textmine.document import Document, sha256_text
from textmine.runtime.extract import ExtractConfig
from textmine.runtime.output import output_filename, write_atomic
from textmine.stages.ingest import InputError, InputFile, InputLimits, SkippedInput, where_from
from textmine.runtime.worker import Outcome, WorkerFailure, WorkerProcess, WorkerSpec, WorkerStartError

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
BATCH_INFO = "batch.json"
SHARD_PREFIX = "part-"


class BatchSetupError(RuntimeError):
    """The batch cannot start (conflicting resume settings, pipeline not loadable, ...)."""


@dataclass
class BatchOptions:
    out_dir: Path
    config: ExtractConfig = field(default_factory=ExtractConfig)
    workers: int = 1
    format: str = "json"  # "json" (one file per document) or "jsonl" (shards)
    resume: bool = False
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a local cluster
    db: str | None = None  # export each finished document to this database as well
    replace_in_db: bool = False  # let a document replace a stored one with the same id and another text
    # Seconds a batch may take before its worker is killed; its documents are
    # then retried one by one with the same limit, and one that still hangs fails.
    timeout: float = 300.0
    shard_size: int = 1000
    plugins: tuple[str, ...] = ()  # modules the workers import first (custom components)
    log_interval: float = 10.0  # seconds between progress lines when not on a terminal
    recycle_after: int = 0  # restart each worker after this many documents (0: never); see WorkerSpec
    limits: InputLimits = field(default_factory=InputLimits)  # bytes per file, characters per document
    max_memory: int = 0  # bytes of resident memory a worker may reach on a batch before it is killed (0: no limit)
    # With resume: redo the documents a pipeline of another version or with other models made.
    overwrite: bool = False

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)
        if self.format not in ("json", "jsonl"):
            raise ValueError(f"unknown format {self.format!r}: use json or jsonl")
        if self.engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {self.engine!r}: use local or dask")
        if self.workers < 1 or self.shard_size < 1 or self.config.batch_size < 1:
            raise ValueError("workers, shard size and batch size must be at least 1")
        if self.scheduler and self.engine != "dask":
            raise ValueError("a scheduler address needs the dask engine (--engine dask)")

    @property
    def fingerprint(self) -> dict[str, Any]:
        """What must stay the same for a resumed batch to continue the first one."""
        return {
            "components": list(self.config.components),
            "settings": self.config.settings,
            "plugins": list(self.plugins),
            "format": self.format,
        }


@dataclass
class BatchReport:
    documents: int = 0  # extracted and written in this run
    skipped: int = 0  # already done (resume) or repeated in the input
    failed: int = 0
    words: int = 0  # words of the extracted documents
    elapsed: float = 0.0  # seconds from workers ready to the last result

    @property
    def words_per_second(self) -> float:
        return self.words / self.elapsed if self.elapsed > 0 else 0.0


@dataclass
class _Item:
    doc: Document | InputFile  # an InputFile is read by the worker
    key: str  # with the id, what identifies a done document: the text's sha256, or the file's size and mtime

    @property
    def path(self) -> str:
        if isinstance(self.doc, InputFile):
            return self.doc.path
        return where_from(self.doc)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _AppendLog:
    """A JSONL file that each record reaches durably (flush + fsync) before the call returns."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = open(path, "a", encoding="utf-8")

    def append(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL log; a line torn by a kill mid-write is ignored."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict):
                yield record


class OutputStore:
    """The output folder of a batch: documents, manifest, error log, resume state."""

    def __init__(self, options: BatchOptions):
        self.options = options
        self.out = options.out_dir
        self.out.mkdir(parents=True, exist_ok=True)
        self.done: dict[str, str] = {}  # id -> input key of documents finished (any run)
        self.previous_provenance: dict[str, Any] | None = None  # of the batch being resumed
        self._open()
        self._manifest = _AppendLog(self.out / MANIFEST)
        self._errors = _AppendLog(self.out / ERRORS)
        self._shard_handle = None
        self._shard_tmp: Path | None = None
        self._shard_entries: list[dict[str, Any]] = []

    def _open(self) -> None:
        info_path = self.out / BATCH_INFO
        fingerprint = self.options.fingerprint
        if self.options.resume and info_path.exists():
            previous = json.loads(info_path.read_text(encoding="utf-8"))
            if previous.get("fingerprint") != fingerprint:
                raise BatchSetupError(
                    f"{self.out} holds a batch made with other settings ({previous.get('fingerprint')}); "
                    "resume it with the same settings, or start afresh without --resume"
                )
            self.previous_provenance = previous.get("provenance")
            self._load_manifest()
        else:
            # A fresh batch: the previous batch's bookkeeping and shards go.
            for stale in (MANIFEST, ERRORS):
                (self.out / stale).unlink(missing_ok=True)
            for shard in self.out.glob(f"{SHARD_PREFIX}*.jsonl"):
                shard.unlink()
        # Temporary files of writes cut short by a kill (unfinished shards, atomic writes).
        for leftover in self.out.glob(".*.tmp"):
            leftover.unlink()
        # Every failure is retried on resume, so the error log starts empty.
        write_atomic(self.out / ERRORS, "")
        self._write_info(self.previous_provenance)
        shards = sorted(self.out.glob(f"{SHARD_PREFIX}*.jsonl"))
        self._next_shard = int(shards[-1].stem[len(SHARD_PREFIX):]) + 1 if shards else 0

    def _write_info(self, provenance: dict[str, Any] | None) -> None:
        info: dict[str, Any] = {"fingerprint": self.options.fingerprint}
        if provenance is not None:
            info["provenance"] = provenance
        write_atomic(self.out / BATCH_INFO, json.dumps(info, ensure_ascii=False, indent=2) + "\n")

    def check_provenance(self, provenance: dict[str, Any]) -> None:
        """Refuse to mix two pipelines' outputs in one batch, unless told to redo the old ones."""
        previous = self.previous_provenance
        if previous is not None and self.done and previous != provenance:
            if not self.options.overwrite:
                raise BatchSetupError(
                    f"{self.out} holds a batch made by another pipeline (version {previous.get('pipeline_version')}, "
                    f"or other models or libraries) than this one (version {provenance.get('pipeline_version')}); "
                    "add --overwrite to extract its documents again, or start afresh without --resume"
                )
            self.done.clear()
        self.previous_provenance = provenance
        self._write_info(provenance)

    def _load_manifest(self) -> None:
        """Keep the entries whose output exists, and rewrite the manifest with only those.

        Rewriting drops lines torn by a kill and entries of a JSONL shard that
        was never completed, before any new shard could take its name.
        """
        entries: dict[str, dict[str, Any]] = {}
        for entry in read_jsonl(self.out / MANIFEST):
            if {"id", "sha256", "output"} <= entry.keys() and (self.out / entry["output"]).exists():
                entries[entry["id"]] = entry
        write_atomic(self.out / MANIFEST, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries.values()))
        self.done = {doc_id: entry.get("input", entry["sha256"]) for doc_id, entry in entries.items()}

    def record_error(self, doc_id: str | None, path: str, reason: str) -> None:
        self._errors.append([{"id": doc_id, "path": path, "reason": reason}])

    def write(self, item: _Item, outcome: Outcome) -> None:
        entry = {"id": item.doc.id, "sha256": outcome.text_sha256, "input": item.key, "path": item.path}
        output_json = outcome.json
        assert output_json is not None
        if self.options.format == "json":
            written = write_document_json(item.doc.id, output_json, self.out)
            self._manifest.append([{**entry, "output": written.name}])
        else:
            self._append_to_shard(entry, output_json)

    def _append_to_shard(self, entry: dict[str, Any], output_json: str) -> None:
        if self._shard_handle is None:
            name = f"{SHARD_PREFIX}{self._next_shard:05d}.jsonl"
            self._shard_tmp = self.out / f".{name}.tmp"
            self._shard_handle = open(self._shard_tmp, "w", encoding="utf-8")
        # One line per document: the same JSON as --format json, without indentation.
        self._shard_handle.write(json.dumps(json.loads(output_json), ensure_ascii=False) + "\n")
        self._shard_entries.append(entry)
        if len(self._shard_entries) >= self.options.shard_size:
            self.finish_shard()

    def finish_shard(self) -> None:
        """Make the current shard final: data on disk, manifest entries, then the final name."""
        if self._shard_handle is None:
            return
        assert self._shard_tmp is not None
        self._shard_handle.flush()
        os.fsync(self._shard_handle.fileno())
        self._shard_handle.close()
        final = self.out / self._shard_tmp.name[1 : -len(".tmp")]
        # Entries first: a kill before the rename leaves entries whose output
        # is missing, which the next resume drops (see _load_manifest).
        self._manifest.append([{**e, "output": final.name} for e in self._shard_entries])
        os.replace(self._shard_tmp, final)
        _fsync_dir(self.out)
        self._shard_handle = None
        self._shard_entries = []
        self._next_shard += 1

    def close(self) -> None:
        self.finish_shard()
        self._manifest.close()
        self._errors.close()


def write_document_json(doc_id: str, output_json: str, out_dir: Path) -> Path:
    """Write an already serialised document under its output file name (as textmine.runtime.output does)."""
    path = Path(out_dir) / output_filename(doc_id)
    write_atomic(path, output_json)
    return path


def extract_isolated(worker: WorkerProcess, docs: list[Any], timeout: float) -> list[Outcome]:
    """Outcomes for ``docs``; after a hang or crash, each document is retried alone to find the culprit."""
    try:
        return worker.extract(docs, timeout)
    except WorkerFailure as exc:
        if len(docs) == 1:
            return [Outcome(False, reason=str(exc))]
        return [outcome for doc in docs for outcome in extract_isolated(worker, [doc], timeout)]


WARM_UP_TEXT = "The Shanghai Cooperation Organisation (SCO) met in Astana on 15 June 2017."


class LocalEngine:
    """``workers`` extraction processes on this machine, each fed by one thread."""

    def __init__(self, spec: WorkerSpec, workers: int, timeout: float):
        self.timeout = timeout
        self.provenance: dict[str, Any] = {}
        self._workers = [WorkerProcess(spec) for _ in range(workers)]
        self._idle: queue.Queue[WorkerProcess] = queue.Queue()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="textmine-worker")
        self.size = workers

    def start(self) -> None:
        # Load the pipelines in parallel and run each once, so that what its
        # components load on first use is loaded before the clock starts; the
        # first failure stops the batch.
        warm_up = [Document(id="warm-up", text=WARM_UP_TEXT)]
        for started in [self._pool.submit(w.extract, warm_up, self.timeout) for w in self._workers]:
            started.result()
        self.provenance = self._workers[0].provenance or {}
        for worker in self._workers:
            self._idle.put(worker)

    def submit(self, docs: list[Document]) -> Future:
        return self._pool.submit(self._run, docs)

    def _run(self, docs: list[Document]) -> list[Outcome]:
        worker = self._idle.get()
        try:
            return extract_isolated(worker, docs, self.timeout)
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)


# One worker process per Dask worker process and settings, kept between tasks.
_DASK_WORKERS: dict[str, WorkerProcess] = {}
_DASK_LOCK = threading.Lock()


def dask_extract(spec: WorkerSpec, docs: list[Document], timeout: float) -> list[Outcome]:
    """The Dask task: extract ``docs`` with this Dask worker's loaded pipeline."""
    import pickle

    key = pickle.dumps(spec).hex()
    with _DASK_LOCK:
        worker = _DASK_WORKERS.get(key)
        if worker is None:
            worker = _DASK_WORKERS[key] = WorkerProcess(spec)
        return extract_isolated(worker, docs, timeout)


class DaskEngine:
    """The same batches as tasks on a Dask distributed cluster (a local one when no scheduler is given)."""

    def __init__(self, spec: WorkerSpec, workers: int, timeout: float, scheduler: str | None):
        from distributed import Client, LocalCluster

        self.spec = spec
        self.timeout = timeout
        self.provenance: dict[str, Any] = {}
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            self._client = Client(self._cluster)
        self.size = max(1, len(self._client.scheduler_info().get("workers", {})))

    def start(self) -> None:
        # Load the pipeline on every worker now, so that a broken setup fails at once.
        warm_up = [Document(id="warm-up", text=WARM_UP_TEXT)]
        results = self._client.run(dask_extract, self.spec, warm_up, self.timeout)
        outcome = next(iter(results.values()))[0]
        self.provenance = json.loads(outcome.json).get("provenance", {}) if outcome.ok else {}

    def submit(self, docs: list[Any]) -> Any:
        # Dask workers may run on machines without these files: their bytes travel
        # in the task (decoding and parsing still happen on the worker).
        limits = self.spec.limits or InputLimits()
        items = [item.with_data(limits) if isinstance(item, InputFile) else item for item in docs]
        return self._client.submit(dask_extract, self.spec, items, self.timeout, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


class _Progress:
    """A rich progress bar on a terminal, plain periodic log lines otherwise."""

    def __init__(self, report: BatchReport, interactive: bool, log: Callable[[str], None], interval: float = 10.0):
        self.report = report
        self.log = log
        self.interval = interval
        self.total: int | None = None
        self.start_clock()
        self._bar = None
        if interactive:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("documents"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("{task.fields[failed]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task("batch", total=None, rate="", failed="")
            self._bar.start()

    def start_clock(self) -> None:
        self._started = time.monotonic()
        self._last_line = self._started

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def _rate(self) -> float:
        elapsed = time.monotonic() - self._started
        return self.report.words / elapsed if elapsed > 0 else 0.0

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            failed = f"{self.report.failed} failed" if self.report.failed else ""
            self._bar.update(self._task, advance=count, rate=f"{self._rate():,.0f} words/s", failed=failed)
            return
        now = time.monotonic()
        if now - self._last_line >= self.interval:
            self._last_line = now
            self.log(self.line())

    def line(self) -> str:
        report = self.report
        seen = report.documents + report.skipped + report.failed
        of = f" of {self.total}" if self.total is not None else ""
        eta = ""
        if self.total is not None and report.documents and seen < self.total:
            per_document = (time.monotonic() - self._started) / report.documents
            remaining = max(0, self.total - seen) * per_document
            eta = f", ETA {time.strftime('%H:%M:%S', time.gmtime(remaining))}"
        return (
            f"batch: {seen}{of} documents ({report.documents} extracted, {report.skipped} skipped, "
            f"{report.failed} failed), {self._rate():,.0f} words/s{eta}"
        )

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _count_in_background(counter: Callable[[], int], progress: _Progress) -> None:
    def count() -> None:
        try:
            progress.set_total(counter())
        except Exception:
            pass  # the total only feeds the ETA; the batch itself reports input problems

    threading.Thread(target=count, name="textmine-count", daemon=True).start()


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _start_engine(options: BatchOptions) -> LocalEngine | DaskEngine:
    """The engine of ``options`` with its pipelines loaded; BatchSetupError when that fails."""
    engine: LocalEngine | DaskEngine | None = None
    try:
        spec = WorkerSpec(options.config, options.plugins, options.recycle_after, options.limits, options.max_memory)
        if options.engine == "dask":
            engine = DaskEngine(spec, options.workers, options.timeout, options.scheduler)
        else:
            engine = LocalEngine(spec, options.workers, options.timeout)
        engine.start()
    except Exception as exc:
        if engine is not None:
            engine.close()
        raise BatchSetupError(str(exc)) from exc
    return engine


def run_batch(
    source: Iterable[Document | InputFile | InputError],
    options: BatchOptions,
    count_inputs: Callable[[], int] | None = None,
    log: Callable[[str], None] = _stderr,
    interactive: bool | None = None,
) -> BatchReport:
    """Extract every document of ``source`` into ``options.out_dir``; see the module docstring.

    ``count_inputs``, when given, counts the inputs in a background thread for
    the progress ETA. Raises BatchSetupError when the batch cannot start;
    KeyboardInterrupt leaves a consistent folder that ``resume`` continues.
    """
    report = BatchReport()
    database = None
    if options.db is not None:
        # Before the output folder is touched: a bad database leaves the previous batch as it was.
        from textmine.runtime.export import ExportError, open_database

        try:
            database = open_database(options.db)
        except ExportError as exc:
            raise BatchSetupError(str(exc)) from exc
    try:
        store = OutputStore(options)
    except OSError as exc:
        if database is not None:
            database.close()
        raise BatchSetupError(f"cannot use output folder {options.out_dir}: {exc.strerror or exc}") from exc
    engine: LocalEngine | DaskEngine | None = None
    progress = _Progress(report, sys.stderr.isatty() if interactive is None else interactive, log, options.log_interval)
    try:
        if count_inputs is not None:
            _count_in_background(count_inputs, progress)
        started: float | None = None  # when the pipelines were loaded
        pending: deque[tuple[list[_Item], Any]] = deque()

        def start() -> LocalEngine | DaskEngine:
            nonlocal started
            engine = _start_engine(options)
            store.check_provenance(engine.provenance)
            progress.start_clock()
            started = time.monotonic()
            return engine

        if options.resume and store.previous_provenance is not None and store.done:
            # The pipeline is compared with the one that made the finished documents before any is skipped.
            engine = start()

        def finish_oldest() -> None:
            items, future = pending.popleft()
            try:
                outcomes = future.result()
            except WorkerStartError as exc:
                raise BatchSetupError(str(exc)) from exc
            except Exception as exc:  # e.g. a Dask worker lost for good: the batch's documents failed, the run goes on
                outcomes = [Outcome(False, reason=f"batch failed: {type(exc).__name__}: {exc}")] * len(items)
            for item, outcome in zip(items, outcomes):
                if outcome.ok and database is not None:
                    try:
                        database.store(json.loads(outcome.json), replace=options.replace_in_db)
                    except Exception as exc:  # not marked done, so --resume exports it again
                        outcome = Outcome(False, reason=f"database export failed: {_one_line(exc)}")
                if outcome.ok:
                    store.write(item, outcome)
                    store.done[item.doc.id] = item.key
                    report.documents += 1
                    report.words += outcome.words
                else:
                    store.record_error(item.doc.id, item.path, outcome.reason)
                    report.failed += 1
                progress.advance()

        for batch in _batches(source, store, report, progress, options.config.batch_size):
            if engine is None:
                # Started at the first document to do: a batch with nothing
                # left loads no pipeline. The clock (words/s, ETA) starts once
                # the pipelines are loaded.
                engine = start()
            pending.append((batch, engine.submit([item.doc for item in batch])))
            if len(pending) > 2 * engine.size:  # batches in flight: workers stay busy, memory stays bounded
                finish_oldest()
        while pending:
            finish_oldest()
        report.elapsed = time.monotonic() - started if started is not None else 0.0
    finally:
        progress.stop()
        if engine is not None:
            engine.close()
        store.close()
        if database is not None:
            database.close()
    log(progress.line())
    return report


def _batches(
    source: Iterable[Document | InputFile | InputError], store: OutputStore, report: BatchReport, progress: _Progress, size: int
) -> Iterator[list[_Item]]:
    """Documents still to do, in batches; input errors and done documents are accounted for on the way."""
    claimed: dict[str, tuple[str, str]] = {}  # id -> (text sha256, path) of documents sent in this run
    batch: list[_Item] = []
    for entry in source:
        if isinstance(entry, InputError):
            store.record_error(entry.id, entry.path, entry.reason)
            if isinstance(entry, SkippedInput):  # a file that is not an input: recorded, not a failure
                report.skipped += 1
            else:
                report.failed += 1
            progress.advance()
            continue
        key = entry.key if isinstance(entry, InputFile) else sha256_text(entry.text)
        item = _Item(entry, key)
        if entry.id in claimed and claimed[entry.id][0] != key:
            store.record_error(entry.id, item.path, f"duplicate document id: {claimed[entry.id][1]} has the same id and another text")
            report.failed += 1
            progress.advance()
            continue
        if store.done.get(entry.id) == key or entry.id in claimed:
            report.skipped += 1
            progress.advance()
            continue
        claimed[entry.id] = (key, item.path)
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def batch_paths(paths: list[str], options: BatchOptions) -> BatchReport:
    """``run_batch`` over input paths (files, folders, globs, JSONL), walked by textmine.stages.ingest.

    Files are read and parsed by the workers; the progress total counts files
    and JSON Lines' lines without parsing anything.
    """
    from textmine.stages.ingest import count_inputs, iter_inputs

    return run_batch(
        iter_inputs(paths, limits=options.limits), options, count_inputs=lambda: count_inputs(paths)
    )
