"""Hostile inputs: a generated fuzz corpus, and the memory benchmark over it (``textmine benchmark hostile``).

The corpus is generated when needed (by tests/test_fuzz.py and this benchmark; nothing of it is committed).

:func:`write_fuzz_corpus` writes one file (or one JSON Lines line) per hostile
input into a folder and returns what it wrote, so a test can check that each
input became exactly one output or one error record. It covers every class of
defect in issue 13 plus random mutations of slices of the seed page:

* structure: HTML nested thousands of levels deep, an element with 100,000
  attributes, JSON nested 100,000 levels, integers of more than 4,300 digits;
* text: lone surrogates (escaped in JSON), raw and escaped NUL, control
  characters, binary data, empty and blank files, broken UTF-8, wrong BOMs;
* size: long tokens without whitespace (the quadratic-regex inputs),
  ``"SCO " * n`` repetitions, documents over the character limit;
* names: ids over 240 bytes, non-UTF-8 file names, reserved names (batch,
  manifest, errors), names starting with ".", the same stem in several folders;
* special files: symbolic links to /dev/zero and /dev/urandom, a FIFO, a
  broken symbolic link;
* mutations: slices of the seed page with bytes flipped, inserted, deleted,
  duplicated or cut, in several encodings, as text, HTML and JSON Lines.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from textmine.resources.locations import corpus_dir

SEED_PATH = corpus_dir() / "raw" / "000_53fded65e5fbe7f9.txt"
# The target: peak resident memory of one extraction worker, 1.5 GB.
WORKER_MEMORY_TARGET = 1.5e9


@dataclass
class FuzzCorpus:
    root: Path
    files: list[Path] = field(default_factory=list)  # inputs that each give one output or one error record
    jsonl_lines: dict[Path, int] = field(default_factory=dict)  # JSON Lines file -> non-blank lines (one record each)
    classes: dict[str, int] = field(default_factory=dict)  # hostile class -> inputs written

    @property
    def inputs(self) -> int:
        return len(self.files) + sum(self.jsonl_lines.values())


class _Writer:
    def __init__(self, root: Path, seed: int):
        self.corpus = FuzzCorpus(root)
        self.rng = random.Random(seed)
        self.count = 0

    def file(self, kind: str, name: str | bytes, data: bytes, folder: str = "") -> Path:
        directory = self.corpus.root / folder if folder else self.corpus.root
        directory.mkdir(parents=True, exist_ok=True)
        path = Path(os.fsdecode(os.path.join(os.fsencode(directory), name if isinstance(name, bytes) else os.fsencode(name))))
        path.write_bytes(data)
        self.corpus.files.append(path)
        self._count(kind)
        return path

    def jsonl(self, kind: str, name: str, lines: list[str]) -> Path:
        path = self.corpus.root / name
        path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
        self.corpus.jsonl_lines[path] = sum(1 for line in lines if line.strip())
        self._count(kind, self.corpus.jsonl_lines[path])
        return path

    def special(self, kind: str, name: str, make) -> None:
        path = self.corpus.root / name
        make(path)
        self.corpus.files.append(path)
        self._count(kind)

    def _count(self, kind: str, n: int = 1) -> None:
        self.corpus.classes[kind] = self.corpus.classes.get(kind, 0) + n
        self.count += n


def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Apply 1-4 random byte-level mutations."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(("flip", "insert", "delete", "duplicate", "truncate", "control"))
        if not out:
            out.extend(b"x")
        i = rng.randrange(len(out))
        if op == "flip":
            out[i] = rng.randrange(256)
        elif op == "insert":
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == "delete":
            del out[i : i + rng.randint(1, 16)]
        elif op == "duplicate":
            j = min(len(out), i + rng.randint(1, 64))
            out[i:i] = out[i:j] * rng.randint(1, 5)
        elif op == "truncate":
            del out[i:]
        else:
            out[i:i] = bytes([rng.choice((0, 1, 7, 27, 127))])
    return bytes(out)


def write_fuzz_corpus(root: Path, mutations: int = 950, seed: int = 13, max_chars: int = 3000) -> FuzzCorpus:
    """Write the hostile inputs under ``root``; ``max_chars`` is the limit the run will use (some inputs exceed it)."""
    w = _Writer(Path(root), seed)
    rng = w.rng
    text = seed_text()

    # Structure.
    for depth in (1000, 5000, 20000):
        w.file("deep_html", f"deep_div_{depth}.html", f"<html><body>{'<div>' * depth}SCO met in Astana.{'</div>' * depth}</body></html>".encode())
        w.file("deep_html", f"deep_span_{depth}.html", f"<p>{'<span><b>' * depth}Deep text.".encode())
        w.file("deep_html", f"deep_unclosed_{depth}.htm", ("<table><tr><td>" * depth).encode())
    w.file("many_attributes", "attributes.html", ("<p " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">SCO</p>").encode())
    w.file("many_attributes", "attributes_split.html", ("".join(f'<i a{i}="x" b="y">t</i>' for i in range(20_000))).encode())
    huge_int = "9" * 5000
    w.jsonl(
        "json_structure",
        "structure.jsonl",
        [
            '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "[" * 100_000,
            '{"id": ' + huge_int + ', "text": "Big id."}',
            '{"id": "bigint", "text": "x", "n": ' + huge_int + "}",
            '{"id": "bigfloat", "text": "x", "n": 1e999999}',
            '{"id": "nan", "text": "NaN value", "n": NaN}',
            '{"id": "meta", "text": "With meta.", "url": "https://example.org/a", "meta": {"k": [1, 2, {"x": null}]}}',
            '{"id": "deep_meta", "text": "Deep meta.", "meta": ' + "[" * 5000 + "]" * 5000 + "}",
        ],
    )

    # Text content in JSON Lines.
    w.jsonl(
        "json_text",
        "text.jsonl",
        [
            '{"id": "surrogate_text", "text": "bad \\udc80 text"}',
            '{"id": "bad\\udc80id", "text": "A text under an id with a lone surrogate."}',
            '{"id": "high\\ud800", "text": "Another id with a lone surrogate."}',
            '{"id": "escaped_nul", "text": "NUL \\u0000 inside"}',
            '{"id": "escaped_ctrl", "text": "bell \\u0007 inside"}',
            '{"id": "ok_after_bad", "text": "This line is fine and must survive its neighbours."}',
            '{"id": "", "text": "empty id"}',
            '{"id": "   ", "text": "blank id"}',
            '{"id": true, "text": "bool id"}',
            '{"id": "no_text"}',
            '{"id": "empty_text", "text": ""}',
            '{"id": "list_text", "text": ["a"]}',
            '"just a string"',
            "{broken",
            '{"id": "' + "L" * 300 + '", "text": "An id of 300 characters."}',
            '{"id": "' + "Ж" * 600 + '", "text": "An id of 600 Cyrillic letters."}',
            '{"id": "batch", "text": "A document called batch."}',
            '{"id": "manifest", "text": "A document called manifest."}',
            '{"id": "errors", "text": "A document called errors."}',
            '{"id": "../../etc/passwd", "text": "A path as an id."}',
            '{"id": ".hidden", "text": "A dot id."}',
            '{"id": "..", "text": "Dot dot."}',
            '{"id": "a/b\\\\c", "text": "Slashes."}',
            '{"id": 12345, "text": "A number as an id."}',
        ],
    )
    (w.corpus.root / "raw_nul.jsonl").write_bytes(
        b'{"id": "before_nul", "text": "Fine."}\n{"id": "raw\x00nul", "text": "x"}\n{"id": "after_nul", "text": "Also fine."}\n'
    )
    w.corpus.jsonl_lines[w.corpus.root / "raw_nul.jsonl"] = 3
    w._count("json_text", 3)
    (w.corpus.root / "bad_utf8_line.jsonl").write_bytes(
        b'{"id": "u1", "text": "Fine."}\n{"id": "u2", "text": "caf\xe9"}\n{"id": "u3", "text": "Fine too."}\n'
    )
    w.corpus.jsonl_lines[w.corpus.root / "bad_utf8_line.jsonl"] = 3
    w._count("json_text", 3)
    w.file("json_text", "empty.jsonl", b"")

    # Text files.
    w.file("bad_text", "empty.txt", b"")
    w.file("bad_text", "blank.txt", b" \n\t\n")
    w.file("bad_text", "binary.txt", bytes(range(256)) * 40)
    w.file("bad_text", "nul.txt", b"text\x00text")
    w.file("bad_text", "controls.txt", b"ELF\x7f\x01\x02 header" * 20)
    w.file("bad_text", "broken_utf8.txt", text.encode("utf-8")[:900] + b"\xff\xfe" + text.encode("utf-8")[900:1800])
    w.file("bad_text", "bad_bom.txt", b"\xef\xbb\xbf" + "Привет".encode("cp1251"))
    w.file("bad_text", "utf16_odd.txt", b"\xff\xfe" + "SCO".encode("utf-16-le") + b"\x00")
    w.file("bad_text", "latin1.txt", "Café société in Genève.".encode("latin-1"))
    w.file("bad_text", "no_text.html", b"<html><head><script>var a = 1;</script></head><body></body></html>")

    # Size: long tokens (quadratic regexes), repetitions, over the limit.
    for length in (2000, max_chars - 10):
        w.file("long_token", f"letters_{length}.txt", b"a" * length)
        w.file("long_token", f"dotted_{length}.txt", b"a." * (length // 2))
        w.file("long_token", f"at_signs_{length}.txt", b"x@" * (length // 2))
        w.file("long_token", f"digits_{length}.txt", b"1-" * (length // 2))
        w.file("long_token", f"mail_like_{length}.txt", b"ab.cd+" * (length // 6) + b"@example")
    for length in (20_000, 100_000):
        w.file("long_token", f"letters_{length}.txt", b"a" * length)
        w.file("long_token", f"dotted_{length}.txt", b"a." * (length // 2))
    w.file("repetition", "sco_small.txt", b"SCO " * (max_chars // 4 - 5))
    w.file("repetition", "sco_500k.txt", b"SCO " * 125_000)
    w.file("repetition", "sentences.txt", b"The SCO met in Astana on 15 June 2017. " * (max_chars // 40 - 1))
    w.file("over_limit", "long_seed.txt", (text * 3).encode("utf-8"))

    # Names.
    w.file("names", "n" * 240 + ".txt", b"An id of 240 bytes.")
    w.file("names", "\u0436" * 120 + ".txt", "An id of 240 bytes in Cyrillic.".encode())
    w.file("names", b"caf\xe9.txt", b"A file name that is not UTF-8.")
    w.file("names", b"\xff\xfe.txt", b"Another file name that is not UTF-8.")
    for reserved in ("batch", "manifest", "errors", "Batch", "part-00000"):
        w.file("names", f"{reserved}.txt", f"A document named {reserved}.".encode())
    w.file("names", ".notes.txt", b"A hidden file.")
    w.file("names", "..txt", b"Two dots.")
    w.file("names", "with space.txt", b"A name with a space.")
    w.file("names", "tilde~name.txt", b"A tilde.")
    for folder in ("site_a", "site_b", "site_c/deeper"):
        w.file("names", "index.html", f"<p>The index page of {folder}.</p>".encode(), folder=folder)
    w.file("names", "index.txt", b"Same stem, other suffix.", folder="site_a")

    # Special files.
    if hasattr(os, "mkfifo"):
        w.special("special", "fifo.txt", os.mkfifo)
    w.special("special", "zero.txt", lambda p: p.symlink_to("/dev/zero"))
    w.special("special", "urandom.html", lambda p: p.symlink_to("/dev/urandom"))
    w.special("special", "dangling.txt", lambda p: p.symlink_to(p.parent / "does-not-exist"))

    # Mutations of slices of the seed, in several formats and encodings.
    encodings = ("utf-8", "utf-8", "utf-8", "cp1251", "koi8-r", "utf-16")
    mutation_lines: list[str] = []
    for i in range(mutations):
        start = rng.randrange(0, max(1, len(text) - 200))
        piece = text[start : start + rng.randint(30, 300)]
        form = rng.random()
        if form < 0.15:
            record = {"id": f"mut{i}", "text": piece[: rng.randint(0, len(piece))]}
            line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
            if rng.random() < 0.5:
                cut = rng.randrange(len(line))
                line = line[:cut] + rng.choice(['"', "\\", "{", "}", "\\u", "\\ud83d", ""]) + line[cut:]
            mutation_lines.append(line)
            continue
        encoding = rng.choice(encodings)
        data = piece.encode(encoding, "replace")
        if form < 0.35:
            data = b"<html><body><article><p>" + data.replace(b"\n\n", b"</p><p>") + b"</p></article></body></html>"
            name = f"mut{i:04d}.html"
        else:
            name = f"mut{i:04d}.txt"
        if rng.random() < 0.8:
            data = mutate(data, rng)
        w.file("mutation", name, data, folder=f"mutations/{i % 10}")
    w.jsonl("mutation", "mutations.jsonl", mutation_lines)
    return w.corpus


def run(
    workers: int = 1, timeout: float = 300.0, max_chars: int | None = None, max_memory: int = 1300 * 2**20,
    echo: Callable[[str], None] = print,
) -> float:
    """Batch the fuzz corpus with the default pipeline and limits; print and return the peak worker memory ratio.

    The peak is the largest resident set any worker process reached (the
    kernel's high-water mark of the finished workers, not a sample), against
    the 1.5 GB (10^9 bytes) per worker target. ``max_memory`` is the batch's watchdog
    (``--max-memory``): a worker that grows past it between two looks (every
    0.25 s) is stopped, so the peak can exceed it by what a worker allocates
    in that time; 0 measures without it.
    """
    import resource
    import tempfile
    import time

    from textmine.runtime.batch import BatchOptions, batch_paths
    from textmine.stages.ingest import InputLimits

    limits = InputLimits() if max_chars is None else InputLimits(max_chars=max_chars)
    with tempfile.TemporaryDirectory(prefix="textmine-hostile-") as tmp:
        corpus = write_fuzz_corpus(Path(tmp) / "inputs", max_chars=limits.max_chars)
        echo(f"fuzz corpus: {corpus.inputs:,} inputs in {len(corpus.classes)} classes, limits {limits.max_chars:,} characters, {limits.max_bytes:,} bytes")
        options = BatchOptions(Path(tmp) / "out", workers=workers, timeout=timeout, limits=limits, max_memory=max_memory)
        started = time.monotonic()
        report = batch_paths([str(corpus.root)], options)
        elapsed = time.monotonic() - started
    # ru_maxrss is in kilobytes on Linux: the largest of the waited-for children (the workers).
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    ratio = worker_peak / WORKER_MEMORY_TARGET
    echo(f"documents: {report.documents:,} extracted, {report.failed:,} refused or failed, {report.skipped:,} skipped, in {elapsed:.0f} s")
    echo(f"memory watchdog (--max-memory): {f'{max_memory / 2**20:,.0f} MiB' if max_memory else 'off'}")
    echo(f"peak memory of a worker: {worker_peak / 1e9:.2f} GB; batch process: {parent_peak / 1e9:.2f} GB")
    echo(f"worker peak / 1.5 GB target: {ratio:.2f} ({'met' if ratio <= 1 else 'NOT met'})")
    return ratio
