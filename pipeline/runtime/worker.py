"""An extraction worker process: loads the pipeline once, then extracts batches.

:class:`WorkerProcess` (parent side) starts ``python -m textmine.runtime.worker`` with
two pipe descriptors and talks to it with pickled messages
(:mod:`multiprocessing.connection`). A plain subprocess rather than a
multiprocessing child, so it can be started from anywhere, including a Dask
worker (whose daemonic processes may not have multiprocessing children), and
killed when a document hangs without taking the caller down.

Protocol (parent -> child, child -> parent)::

    ("init", {"sys_path": [...], "plugins": [...], "config": ExtractConfig, "limits": InputLimits})
                                  -> ("ready", provenance) | ("fatal", message)
    ("batch", [Document | InputFile, ...])  -> ("done", [Outcome, ...])

An :class:`~textmine.stages.ingest.InputFile` is read, decoded and (HTML)
parsed here, inside the process the parent's time limit applies to.

The child exits when the parent closes the pipe (or dies).
"""

from __future__ import annotations

import copy
import gc
import importlib
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from textmine.document import Document


@dataclass
class Outcome:
    """What became of one document: its output JSON, or why it failed."""

    ok: bool
    json: str | None = None
    reason: str | None = None
    text_sha256: str | None = None  # of the document's text, when it could be read
    words: int = 0  # whitespace-separated words of the text (for words/s)


class WorkerFailure(RuntimeError):
    """The worker process could not finish a batch (timeout or crash)."""


class WorkerStartError(RuntimeError):
    """The worker process could not load the pipeline: no document can be processed."""


@dataclass
class WorkerSpec:
    """Everything a worker needs to build the same extractor as its siblings."""

    config: Any  # ExtractConfig (kept Any so this module imports nothing heavy)
    plugins: tuple[str, ...] = ()  # modules imported first, e.g. ones registering extra components
    # Restart the process after this many documents (0: never). Bounds memory
    # that grows with the collection, such as spaCy's string store keeping every
    # new token it has seen, at the cost of loading the pipeline again.
    recycle_after: int = 0
    limits: Any = None  # InputLimits for the files the worker reads (None: the defaults)
    # Resident memory (bytes) past which the parent kills the worker in the middle of a
    # batch, as it does after a timeout (0: no limit). Character limits bound the usual
    # cost of a document; this bounds the unusual ones (pathological token patterns).
    max_memory: int = 0


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def extract_batch(extractor: Any, items: list[Any], batch_size: int, limits: Any = None) -> list[Outcome]:
    """Read the ``InputFile`` items, then extract the documents with ``extractor.pipe``; an InputError item fails.

    A document's failure must not cost its batch mates their results, so after
    a failed batch each document is extracted again on its own, from an
    untouched copy (components may have modified the first ones).
    """
    from textmine.stages.ingest import InputError, InputFile, InputLimits, load_input

    outcomes: list[Outcome | None] = [None] * len(items)
    docs: list[Document] = []
    positions: list[int] = []
    for position, item in enumerate(items):
        if isinstance(item, InputFile):
            item = load_input(item, limits or InputLimits())
        if isinstance(item, InputError):
            outcomes[position] = Outcome(False, reason=item.reason)
        else:
            docs.append(item)
            positions.append(position)
    for position, outcome in zip(positions, _extract_docs(extractor, docs, batch_size)):
        outcomes[position] = outcome
    return [outcome for outcome in outcomes if outcome is not None]


def _extract_docs(extractor: Any, docs: list[Document], batch_size: int) -> list[Outcome]:
    if not docs:
        return []
    pristine = copy.deepcopy(docs)
    try:
        outcomes = [_done(doc) for doc in extractor.pipe(docs, batch_size=batch_size)]
        if len(outcomes) == len(docs):
            return outcomes
    except Exception:  # some document failed: find which, sparing the others
        pass
    return [_extract_one(extractor, doc) for doc in pristine]


def _done(doc: Document) -> Outcome:
    return Outcome(True, json=doc.to_json(), text_sha256=doc.text_sha256, words=len(doc.text.split()))


def _extract_one(extractor: Any, doc: Document) -> Outcome:
    try:
        return _done(extractor(doc))
    except Exception as exc:  # reported as this document's error record; the batch goes on
        return Outcome(False, reason=f"extraction failed: {_describe(exc)}", text_sha256=doc.text_sha256)


def _serve(conn: _DuplexConnection) -> None:
    kind, init = conn.recv()
    assert kind == "init", kind
    sys.path[:] = init["sys_path"]
    try:
        from textmine.runtime.extract import Extractor

        for module in init["plugins"]:
            importlib.import_module(module)
        extractor = Extractor(init["config"])
    except Exception as exc:
        conn.send(("fatal", _describe(exc)))
        return
    # The models, gazetteers and lexicons live as long as the process: frozen, the collector's full passes, which
    # come every few hundred documents, skip their few hundred thousand objects (output unchanged).
    gc.collect()
    gc.freeze()
    conn.send(("ready", extractor.provenance))
    batch_size = init["config"].batch_size
    while True:
        try:
            kind, docs = conn.recv()
        except EOFError:
            return
        conn.send(("done", extract_batch(extractor, docs, batch_size, init.get("limits"))))


# Seconds between two looks at a worker's memory while it extracts.
MEMORY_CHECK_INTERVAL = 0.25


def _resident_bytes(pid: int) -> int:
    """Resident set size of process ``pid`` (0 when it cannot be read, e.g. not on Linux)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class WorkerProcess:
    """Parent-side handle of one worker process (started on first use, restarted after a kill)."""

    def __init__(self, spec: WorkerSpec, start_timeout: float = 600.0):
        self.spec = spec
        self.start_timeout = start_timeout
        self._proc: subprocess.Popen | None = None
        self._conn: _DuplexConnection | None = None
        self._documents = 0  # extracted by the current process
        self.provenance: dict[str, Any] | None = None  # of the loaded pipeline, once started

    def _start(self) -> None:
        parent_read, child_write = os.pipe()
        child_read, parent_write = os.pipe()
        # Own session: a Ctrl-C at the terminal reaches the parent, which then
        # stops the workers itself, instead of interrupting them mid-document.
        # The child's stdout goes to stderr so stray prints never mix with the
        # parent's output.
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "textmine.runtime.worker", str(child_read), str(child_write), str(os.getpid())],
            pass_fds=(child_read, child_write),
            stdin=subprocess.DEVNULL,
            stdout=2,
            start_new_session=True,
        )
        os.close(child_read)
        os.close(child_write)
        self._conn = _DuplexConnection(Connection(parent_read, writable=False), Connection(parent_write, readable=False))
        self._conn.send(
            (
                "init",
                {"sys_path": list(sys.path), "plugins": list(self.spec.plugins), "config": self.spec.config, "limits": self.spec.limits},
            )
        )
        try:
            kind, payload = self._receive(self.start_timeout, "loading the pipeline")
        except WorkerFailure as exc:
            raise WorkerStartError(f"the extraction pipeline could not be loaded: {exc}") from exc
        if kind == "fatal":
            self.stop()
            raise WorkerStartError(f"the extraction pipeline could not be loaded: {payload}")
        self.provenance = payload

    def _receive(self, timeout: float, doing: str) -> tuple[str, Any]:
        # Local references: stop() from another thread (Ctrl-C) clears the attributes.
        conn, proc = self._conn, self._proc
        assert conn is not None and proc is not None
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise WorkerFailure(f"timeout: no result after {timeout:g} s")
            try:
                if conn.poll(min(remaining, MEMORY_CHECK_INTERVAL if self.spec.max_memory else 1.0)):
                    return conn.recv()
            except (EOFError, OSError):
                pass
            else:
                if proc.poll() is None:
                    if self.spec.max_memory and doing == "extracting" and _resident_bytes(proc.pid) > self.spec.max_memory:
                        self.stop()
                        raise WorkerFailure(
                            f"memory: the worker grew past {self.spec.max_memory / 2**20:,.0f} MiB (--max-memory) "
                            "on this input; split it, lower --max-chars or raise --max-memory"
                        )
                    continue
            code = proc.wait()
            self.stop()
            raise WorkerFailure(f"worker process died while {doing} (exit status {code})")

    def start(self) -> None:
        """Load the pipeline now (it is otherwise loaded by the first ``extract``); WorkerStartError if it cannot."""
        if self._proc is None:
            self._start()

    def extract(self, docs: list[Any], timeout: float) -> list[Outcome]:
        """Outcomes for ``docs`` (Documents or InputFiles) in order; WorkerFailure if the process hangs past ``timeout`` or dies."""
        if self._proc is None:
            self._start()
        assert self._conn is not None
        try:
            self._conn.send(("batch", docs))
        except OSError as exc:
            self.stop()
            raise WorkerFailure(f"worker process unreachable: {exc}") from exc
        _, outcomes = self._receive(timeout, "extracting")
        self._documents += len(docs)
        if self.spec.recycle_after and self._documents >= self.spec.recycle_after:
            self.stop()  # the next batch starts a fresh process
        return outcomes

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            self._proc = None
        self._documents = 0


class _DuplexConnection:
    """Two one-way pipe connections used as one (os.pipe is one-way)."""

    def __init__(self, reader: Connection, writer: Connection):
        self._reader = reader
        self._writer = writer

    def send(self, obj: Any) -> None:
        self._writer.send(obj)

    def recv(self) -> Any:
        return self._reader.recv()

    def poll(self, timeout: float) -> bool:
        return self._reader.poll(timeout)

    def close(self) -> None:
        self._reader.close()
        self._writer.close()


def _exit_with_parent(parent_pid: int) -> None:
    """End this process when its parent dies, even in the middle of a hanging document.

    A closed pipe is noticed only between batches; a worker stuck on a
    pathological input would otherwise outlive a killed parent.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str]) -> None:
    read_fd, write_fd = int(argv[0]), int(argv[1])
    _exit_with_parent(int(argv[2]))
    conn = _DuplexConnection(Connection(read_fd, writable=False), Connection(write_fd, readable=False))
    try:
        _serve(conn)
    except (EOFError, BrokenPipeError):
        pass  # the parent went away: nothing left to do


if __name__ == "__main__":
    # Through the package module, so that pickled Outcomes name textmine.runtime.worker, not __main__.
    from textmine.runtime.worker import main as worker_main

    worker_main(sys.argv[1:])
