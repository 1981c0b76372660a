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
loading is left out on both sides. Wall-clock ratios move with the machine's
load (on a shared virtual machine, by a fifth from one minute to the next),
so the throughputs are measured in ``repeat`` interleaved rounds, each with
freshly loaded models, and the best round of each is compared, as timeit
does; every round's figures are printed too. The words per CPU second of bare
spaCy and of the full pipeline, both measured in this process, give the first
ratio independently of the load.
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


def bare_spacy_speed(size: int, batch_size: int) -> tuple[float, float]:
    """Bare ``nlp.pipe`` in this process: (words per second, words per CPU second).

    The model is loaded afresh, as published, so that it meets the texts for
    the first time, as a batch worker does.
    """
    from .nlp import load_english

    nlp = load_english.__wrapped__(index_attribute_rules=False)
    texts = [doc.text for doc in collection(size)]
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):
        pass  # warm-up (first-call allocations are not throughput)
    started, cpu_started = time.monotonic(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return words / (time.monotonic() - started), words / (time.process_time() - cpu_started)


def extractor_words_per_cpu_second(size: int, batch_size: int) -> float:
    """The full pipeline's ``Extractor.pipe`` in this process, in words per CPU second.

    CPU time, unlike wall time, does not depend on what else the machine runs,
    so the ratio to bare spaCy's CPU figure is stable on a shared machine.
    """
    from .extract import Extractor

    extractor = Extractor(ExtractConfig(batch_size=batch_size))
    docs = list(collection(size))
    words = sum(len(doc.text.split()) for doc in docs)
    for _ in extractor.pipe(collection(batch_size)):
        pass  # warm-up: some components load their models on first use
    cpu_started = time.process_time()
    for _ in extractor.pipe(docs):
        pass
    return words / (time.process_time() - cpu_started)


def textmine_words_per_second(size: int, workers: int, batch_size: int) -> float:
    with tempfile.TemporaryDirectory(prefix="textmine-speed-") as out:
        options = BatchOptions(Path(out), config=ExtractConfig(batch_size=batch_size), workers=workers, format="jsonl")
        report = run_batch(collection(size), options, log=lambda _: None, interactive=False)
    if report.failed:
        raise RuntimeError(f"{report.failed} documents failed during the benchmark; see textmine batch for the reasons")
    return report.words_per_second


def _tree_rss() -> tuple[int, list[int]]:
    """RSS of this process and of each of its descendants (the workers), in bytes."""
    import psutil

    me = psutil.Process(os.getpid())
    children = []
    for process in me.children(recursive=True):
        try:
            children.append(process.memory_info().rss)
        except psutil.NoSuchProcess:
            continue
    return me.memory_info().rss, children


@dataclass
class MemoryProfile:
    # (seconds since start, RSS of the batch process, RSS of each worker), in bytes
    samples: list[tuple[float, int, list[int]]] = field(default_factory=list)

    def at(self, fraction: float) -> tuple[float, int, list[int]]:
        """The sample nearest to ``fraction`` of the run's duration."""
        end = self.samples[-1][0]
        return min(self.samples, key=lambda s: abs(s[0] - fraction * end))

    @staticmethod
    def total(sample: tuple[float, int, list[int]]) -> int:
        return sample[1] + sum(sample[2])

    @property
    def peak(self) -> int:
        return max(self.total(s) for s in self.samples)


def batch_memory(size: int, workers: int, batch_size: int, interval: float = 1.0) -> MemoryProfile:
    """RSS of this process and its workers, sampled every ``interval`` s through a ``size``-document batch."""
    profile = MemoryProfile()
    finished = threading.Event()
    started = time.monotonic()

    def sample() -> None:
        while True:
            profile.samples.append((time.monotonic() - started, *_tree_rss()))
            if finished.wait(interval):
                return

    sampler = threading.Thread(target=sample, name="rss-sampler", daemon=True)
    sampler.start()
    try:
        with tempfile.TemporaryDirectory(prefix="textmine-memory-") as out:
            options = BatchOptions(Path(out), config=ExtractConfig(batch_size=batch_size), workers=workers, format="jsonl")
            run_batch(collection(size), options, log=lambda _: None, interactive=False)
    finally:
        finished.set()
        sampler.join()
    # The batch proper: from the workers' start to their stop.
    profile.samples = [s for s in profile.samples if s[2]]
    return profile


def _gb(size: int) -> str:
    return f"{size / 1e9:.2f} GB"


def run(
    sample: int = 500, docs: int = 20000, workers: int = 1, batch_size: int = 16, repeat: int = 3, echo: Callable[[str], None] = print
) -> dict:
    """Run the three measurements and print them; returns the figures."""
    words = words_in(sample)
    echo(f"textmine speed benchmark: {sample} Re-DocRED dev documents ({words:,} words), batch size {batch_size}, best of {repeat} rounds")
    # The memory batch first: the process tree it measures includes this process, still free of any model.
    if docs:
        echo(f"  memory batch of {docs:,} documents first (several minutes per thousand documents)...")
    profile = batch_memory(docs, workers, batch_size) if docs else None
    rounds = []
    for n in range(1, repeat + 1):
        one = textmine_words_per_second(sample, 1, batch_size)
        two = textmine_words_per_second(sample, 2, batch_size)
        bare, bare_cpu = bare_spacy_speed(sample, batch_size)
        rounds.append((bare, one, two))
        echo(f"  round {n}: bare spaCy {bare:,.0f}, textmine 1 worker {one:,.0f}, 2 workers {two:,.0f} words/s")
    bare, one, two = (max(r[i] for r in rounds) for i in range(3))
    figures: dict = {"bare_spacy_wps": bare, "textmine_1_worker_wps": one, "textmine_2_workers_wps": two, "rounds": rounds}
    textmine_cpu = extractor_words_per_cpu_second(sample, batch_size)
    figures.update(bare_spacy_words_per_cpu_s=bare_cpu, textmine_words_per_cpu_s=textmine_cpu)
    echo(f"  bare en_core_web_sm nlp.pipe     {bare:>10,.0f} words/s")
    echo(f"  textmine, 1 worker               {one:>10,.0f} words/s   ratio to bare spaCy {one / bare:.2f} (target >= 0.7)")
    echo(f"  textmine, 2 workers              {two:>10,.0f} words/s   ratio to 1 worker   {two / one:.2f} (target >= 1.6)")
    echo(
        f"  per CPU second (in-process, insensitive to machine load): bare spaCy {bare_cpu:,.0f} words, "
        f"textmine {textmine_cpu:,.0f} words, ratio {textmine_cpu / bare_cpu:.2f}"
    )
    if profile is not None:
        moments = {"start": profile.at(0.05), "middle": profile.at(0.5), "end": profile.at(1.0)}
        figures.update({f"rss_{name}": profile.total(moment) for name, moment in moments.items()})
        figures["rss_peak"] = profile.peak
        echo(f"  memory, {docs:,}-document batch with {workers} worker(s), RSS of the whole process tree (target flat, < 1.5 GB):")
        for name, moment in moments.items():
            per_worker = ", ".join(_gb(rss) for rss in moment[2])
            echo(f"    {name:<7} {_gb(profile.total(moment))}  (batch process {_gb(moment[1])}; workers {per_worker})")
        echo(f"    peak    {_gb(profile.peak)}")
    return figures
