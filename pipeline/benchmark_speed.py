"""Speed and memory benchmark of batch extraction (``textmine benchmark speed``, benchmarks/speed.py).

Measured in one run on Re-DocRED dev texts (repeated to make larger
collections), all with the full default pipeline, relations included:

1. textmine with one worker against the bare pretrained spaCy model's
   ``nlp.pipe`` on the same documents, in words per second (target >= 0.7);
2. two workers against one (target >= 1.6);
3. the resident memory of the whole process tree (batch process + workers)
   sampled through a batch of ``--docs`` documents: start, middle, end, peak
   (target: flat, under 1.5 GB).

Throughputs count the words (whitespace-separated) of the documents processed
between the moment the workers are ready and the last result, so model
loading is left out on both sides.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .batch import BatchOptions, run_batch
from .document import Document
from .extract import ExtractConfig


def collection(size: int) -> Iterator[Document]:
    """``size`` documents: Re-DocRED dev texts, repeated (with new ids) as often as needed; streamed."""
    from .redocred import iter_raw_texts

    texts = list(iter_raw_texts())  # 500 short texts: small, and read only once
    for n, (doc_id, text) in enumerate(itertools.islice(itertools.cycle(texts), size)):
        yield Document(id=f"{doc_id}_{n // len(texts)}", text=text, source={"format": "redocred"})


def words_in(size: int) -> int:
    return sum(len(doc.text.split()) for doc in collection(size))


def bare_spacy_words_per_second(size: int, batch_size: int) -> float:
    from .nlp import load_english

    nlp = load_english()
    texts = [doc.text for doc in collection(size)]
    started = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return sum(len(t.split()) for t in texts) / (time.monotonic() - started)


def textmine_words_per_second(size: int, workers: int, batch_size: int) -> float:
    with tempfile.TemporaryDirectory(prefix="textmine-speed-") as out:
        options = BatchOptions(Path(out), config=ExtractConfig(batch_size=batch_size), workers=workers, format="jsonl")
        report = run_batch(collection(size), options, log=lambda _: None, interactive=False)
    if report.failed:
        raise RuntimeError(f"{report.failed} documents failed during the benchmark; see textmine batch for the reasons")
    return report.words_per_second


def _tree_rss() -> int:
    import psutil

    me = psutil.Process(os.getpid())
    total = 0
    for process in [me, *me.children(recursive=True)]:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


@dataclass
class MemoryProfile:
    samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, bytes)

    def at(self, fraction: float) -> int:
        """The sample nearest to ``fraction`` of the run's duration."""
        end = self.samples[-1][0]
        return min(self.samples, key=lambda s: abs(s[0] - fraction * end))[1]

    @property
    def peak(self) -> int:
        return max(rss for _, rss in self.samples)


def batch_memory(size: int, workers: int, batch_size: int, interval: float = 1.0) -> MemoryProfile:
    """RSS of this process and its workers, sampled every ``interval`` s through a ``size``-document batch."""
    profile = MemoryProfile()
    finished = threading.Event()
    started = time.monotonic()

    def sample() -> None:
        while not finished.wait(interval):
            profile.samples.append((time.monotonic() - started, _tree_rss()))

    sampler = threading.Thread(target=sample, name="rss-sampler", daemon=True)
    sampler.start()
    try:
        with tempfile.TemporaryDirectory(prefix="textmine-memory-") as out:
            options = BatchOptions(Path(out), config=ExtractConfig(batch_size=batch_size), workers=workers, format="jsonl")
            run_batch(collection(size), options, log=lambda _: None, interactive=False)
    finally:
        finished.set()
        sampler.join()
    profile.samples.append((time.monotonic() - started, _tree_rss()))
    return profile


def _gb(size: int) -> str:
    return f"{size / 1e9:.2f} GB"


def run(sample: int = 500, docs: int = 20000, workers: int = 2, batch_size: int = 16, echo: Callable[[str], None] = print) -> dict:
    """Run the three measurements and print them; returns the figures."""
    words = words_in(sample)
    echo(f"textmine speed benchmark: {sample} Re-DocRED dev documents ({words:,} words), batch size {batch_size}")
    # Batches first: this process stays free of a loaded model while workers are measured.
    one = textmine_words_per_second(sample, 1, batch_size)
    two = textmine_words_per_second(sample, 2, batch_size)
    figures: dict = {"textmine_1_worker_wps": one, "textmine_2_workers_wps": two}
    if docs:
        profile = batch_memory(docs, workers, batch_size)
        figures.update(
            rss_start=profile.at(0.05), rss_middle=profile.at(0.5), rss_end=profile.at(1.0), rss_peak=profile.peak
        )
    bare = bare_spacy_words_per_second(sample, batch_size)
    figures["bare_spacy_wps"] = bare
    echo(f"  bare en_core_web_sm nlp.pipe     {bare:>10,.0f} words/s")
    echo(f"  textmine, 1 worker               {one:>10,.0f} words/s   ratio to bare spaCy {one / bare:.2f} (target >= 0.7)")
    echo(f"  textmine, 2 workers              {two:>10,.0f} words/s   ratio to 1 worker   {two / one:.2f} (target >= 1.6)")
    if docs:
        echo(
            f"  memory, {docs:,}-document batch, {workers} worker(s), whole process tree: "
            f"start {_gb(figures['rss_start'])}, middle {_gb(figures['rss_middle'])}, end {_gb(figures['rss_end'])}, "
            f"peak {_gb(figures['rss_peak'])} (target flat, < 1.5 GB)"
        )
    return figures
