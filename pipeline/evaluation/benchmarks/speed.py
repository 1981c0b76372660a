"""Speed and memory benchmark of batch extraction (``textmine benchmark speed``, benchmarks/speed.py).

Measured in one run on Re-DocRED dev texts (repeated to make larger
collections), all with the full default pipeline, relations included:

1. textmine with one worker against the bare pretrained spaCy model's
   ``nlp.pipe`` (as published) on the same documents, in words per second
   (target >= 0.7);
2. two workers against one (target >= 1.6);
3. the resident memory of the whole process tree (batch process + workers)
   sampled through a batch of ``--docs`` documents: start, middle, end, peak
   (target: flat, under 1.5 GB).

Throughputs count the words (whitespace-separated) of the documents processed
once the models are loaded and warmed on one short text, on both sides. On a
shared virtual machine the speed of the same code moves by a fifth from one
minute to the next, so timings far apart compare the machine, not the code:

- the first ratio is paired: chunk by chunk (``--chunk`` documents), bare
  spaCy in this process and a textmine batch worker (the engine of
  ``textmine batch``: pipeline, JSON results, inter-process transfer)
  process the same chunk back to back, taking turns at going first; the
  ratio is that of the summed throughputs, and the spread of the chunk
  ratios is printed;
- the second compares whole ``textmine batch`` runs (outputs written) with
  one and two workers, in ``--repeat`` interleaved rounds, best round of each
  (as timeit does); every round is printed.
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

from textmine.runtime.batch import BatchOptions, run_batch
from textmine.document import Document
from textmine.runtime.extract import ExtractConfig


def collection(size: int) -> Iterator[Document]:
    """``size`` documents: Re-DocRED dev texts, repeated (with new ids) as often as needed; streamed."""
    from textmine.training.redocred import iter_raw_texts

    texts = list(iter_raw_texts())  # 500 short texts: small, and read only once
    for n, (doc_id, text) in enumerate(itertools.islice(itertools.cycle(texts), size)):
        yield Document(id=f"{doc_id}_{n // len(texts)}", text=text, source={"format": "redocred"})


def words_in(size: int) -> int:
    return sum(len(doc.text.split()) for doc in collection(size))


@dataclass
class PairedThroughput:
    words: int = 0
    bare_seconds: float = 0.0
    textmine_seconds: float = 0.0
    chunk_ratios: list[float] = field(default_factory=list)

    @property
    def bare(self) -> float:
        return self.words / self.bare_seconds

    @property
    def textmine(self) -> float:
        return self.words / self.textmine_seconds


def paired_throughput(size: int, batch_size: int, chunk: int) -> PairedThroughput:
    """Bare ``nlp.pipe`` in this process and one textmine worker on the same chunks, back to back."""
    from textmine.runtime.batch import WARM_UP_TEXT, LocalEngine
    from textmine.resources.nlp import load_english
    from textmine.runtime.worker import WorkerSpec

    engine = LocalEngine(WorkerSpec(ExtractConfig(batch_size=batch_size)), workers=1, timeout=600.0)
    engine.start()  # loads the pipeline and runs it once on WARM_UP_TEXT
    try:
        nlp = load_english.__wrapped__(index_attribute_rules=False, block_sentences=False)  # a fresh model, as published
        list(nlp.pipe([WARM_UP_TEXT]))
        result = PairedThroughput()
        docs = iter(collection(size))
        for n in itertools.count():
            part = list(itertools.islice(docs, chunk))
            if not part:
                break
            timings = {}
            for side in ("bare", "textmine") if n % 2 == 0 else ("textmine", "bare"):
                started = time.monotonic()
                if side == "bare":
                    for _ in nlp.pipe([doc.text for doc in part], batch_size=batch_size):
                        pass
                else:
                    futures = [engine.submit(part[i:i + batch_size]) for i in range(0, len(part), batch_size)]
                    if not all(outcome.ok for future in futures for outcome in future.result()):
                        raise RuntimeError("documents failed during the benchmark; see textmine batch for the reasons")
                timings[side] = time.monotonic() - started
            result.words += sum(len(doc.text.split()) for doc in part)
            result.bare_seconds += timings["bare"]
            result.textmine_seconds += timings["textmine"]
            result.chunk_ratios.append(timings["bare"] / timings["textmine"])
        return result
    finally:
        engine.close()


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
    sample: int = 500,
    docs: int = 20000,
    workers: int = 1,
    batch_size: int = 16,
    repeat: int = 3,
    chunk: int = 50,
    echo: Callable[[str], None] = print,
) -> dict:
    """Run the three measurements and print them; returns the figures."""
    words = words_in(sample)
    echo(f"textmine speed benchmark: {sample} Re-DocRED dev documents ({words:,} words), batch size {batch_size}")
    # The memory batch first: the process tree it measures includes this process, still free of any model.
    if docs:
        echo(f"  memory batch of {docs:,} documents first (one worker does roughly a thousand Re-DocRED documents a minute)...")
    profile = batch_memory(docs, workers, batch_size) if docs else None
    rounds = []
    for n in range(1, repeat + 1):
        one = textmine_words_per_second(sample, 1, batch_size)
        two = textmine_words_per_second(sample, 2, batch_size)
        rounds.append((one, two))
        echo(f"  textmine batch, round {n}: 1 worker {one:,.0f}, 2 workers {two:,.0f} words/s")
    one, two = max(r[0] for r in rounds), max(r[1] for r in rounds)
    paired = paired_throughput(sample, batch_size, chunk)
    figures: dict = {
        "bare_spacy_wps": paired.bare,
        "textmine_worker_wps": paired.textmine,
        "chunk_ratios": paired.chunk_ratios,
        "textmine_1_worker_wps": one,
        "textmine_2_workers_wps": two,
        "rounds": rounds,
    }
    ratios = sorted(paired.chunk_ratios)
    echo(f"  textmine batch, best of {repeat} rounds: 1 worker {one:,.0f}, 2 workers {two:,.0f} words/s, "
         f"ratio {two / one:.2f} (target >= 1.6)")
    echo(f"  paired, {len(ratios)} chunks of up to {chunk} documents, each processed by both back to back:")
    echo(f"    bare en_core_web_sm nlp.pipe   {paired.bare:>8,.0f} words/s")
    echo(
        f"    textmine, 1 worker             {paired.textmine:>8,.0f} words/s   ratio to bare spaCy "
        f"{paired.textmine / paired.bare:.2f} (target >= 0.7; chunks {ratios[0]:.2f} to {ratios[-1]:.2f}, "
        f"median {ratios[len(ratios) // 2]:.2f})"
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
