"""Hostile input: a generated fuzz corpus through `textmine batch` and `textmine extract`, Hypothesis on ingestion and dates.

The corpus (textmine.evaluation.benchmarks.hostile) is written at test time: over 1,000 inputs
covering every class of issue 13 plus mutations of the seed page. The run
uses a small character limit and time limit so that most hostile inputs are
refused cheaply before the NLP stages.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textmine.evaluation.benchmarks.hostile import FuzzCorpus, write_fuzz_corpus
from textmine.document import Document
from textmine.runtime.output import RESERVED_IDS, output_filename
from textmine.stages.ingest import InputError, InputLimits, decode_bytes, iter_documents, printable, UnreadableInput

TEXTMINE = [sys.executable, "-c", "from textmine.cli import main; main()"]
MAX_CHARS = 3000
BOOKKEEPING = {"batch.json", "manifest.jsonl", "errors.jsonl"}


def run_cli(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([*TEXTMINE, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def records_by_input(corpus: FuzzCorpus, outputs: list[dict], errors: list[dict]) -> Counter:
    """How many outputs and error records each input of the corpus got (keys: "path" or "path:line")."""
    got: Counter = Counter()
    for data in outputs:
        source = data["source"]
        got[f"{source['path']}:{source['line']}" if "line" in source else source["path"]] += 1
    for error in errors:
        got[error["path"]] += 1
    return got


def expected_inputs(corpus: FuzzCorpus) -> list[str]:
    keys = [printable(str(path)) for path in corpus.files]
    for path, lines in corpus.jsonl_lines.items():
        content = path.read_bytes().split(b"\n")
        keys += [f"{printable(str(path))}:{n}" for n, line in enumerate(content, 1) if line.strip()]
        assert sum(1 for line in content if line.strip()) == lines
    return keys


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> FuzzCorpus:
    return write_fuzz_corpus(tmp_path_factory.mktemp("fuzz") / "inputs", max_chars=MAX_CHARS)


def test_the_corpus_has_over_a_thousand_inputs_of_every_class(corpus):
    assert corpus.inputs >= 1000
    assert set(corpus.classes) >= {
        "deep_html", "many_attributes", "json_structure", "json_text", "bad_text", "long_token", "repetition",
        "over_limit", "names", "special", "mutation",
    }


@pytest.mark.slow
def test_batch_over_the_fuzz_corpus_ends_with_one_record_per_input_and_no_traceback(corpus, tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "batch", str(corpus.root), "--out", str(out), "--max-chars", str(MAX_CHARS), "--timeout", "20", "--batch-size", "8",
        timeout=900,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    assert result.returncode == 1, result.stderr[-3000:]  # some inputs failed: the exit status says so

    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    output_files = [p for p in out.iterdir() if p.suffix == ".json" and p.name not in BOOKKEEPING]
    outputs = [json.loads(p.read_text(encoding="utf-8")) for p in output_files]
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]

    got = records_by_input(corpus, outputs, errors)
    expected = expected_inputs(corpus)
    assert not [key for key in expected if got[key] != 1], [(key, got[key]) for key in expected if got[key] != 1][:20]
    assert sum(got.values()) == len(expected)  # nothing else was recorded
    # Every output is in the manifest, under a safe file name that its id maps to; no output replaced another.
    assert len(manifest) == len(outputs) == len({m["id"] for m in manifest})
    for path, data in zip(output_files, outputs):
        assert path.name == output_filename(data["id"]) and len(path.name.encode()) < 250
        assert not path.name.startswith(".") and path.stem.casefold() not in RESERVED_IDS
        assert data["text_sha256"] == Document(id="x", text=data["text"]).text_sha256
        assert oct(path.stat().st_mode & 0o777) == "0o644"
    # Every error is one line that says what was wrong.
    assert all(e["reason"] and "\n" not in e["reason"] for e in errors)
    reasons = " | ".join(e["reason"] for e in errors)
    for expected_reason in ("not a regular file", "document too long", "nested too deeply", "lone surrogate", "attributes"):
        assert expected_reason in reasons
    # A valid line next to bad ones in the same JSON Lines file is extracted.
    assert {"ok_after_bad", "before_nul", "after_nul", "u1", "u3"} <= {d["id"] for d in outputs}

    # validate skips the batch's bookkeeping; the outputs themselves are valid.
    checked = run_cli("validate", str(out), timeout=300)
    assert checked.returncode == 0, checked.stderr[-2000:]


@pytest.mark.slow
def test_extract_over_a_slice_of_the_fuzz_corpus(corpus, tmp_path):
    chosen = [p for p in corpus.files if "mutations" not in p.parts][:80]
    chosen += [p for p in corpus.files if "mutations" in p.parts][:20]
    chosen += list(corpus.jsonl_lines)[:2]
    out = tmp_path / "out"
    result = run_cli("extract", *map(str, chosen), "--out", str(out), "--max-chars", str(MAX_CHARS), "--timeout", "30", timeout=900)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("textmine: ")]
    assert len(problems) == len(result.stderr.splitlines())  # every line is a one-line report
    outputs = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    assert {d["id"] for d in outputs} >= {"ok_after_bad"}
    reported = {p.split(": ", 2)[1] for p in problems}
    written = {d["source"]["path"] for d in outputs if "line" not in d["source"]}
    for path in chosen:
        if path not in corpus.jsonl_lines:
            assert (printable(str(path)) in reported) != (printable(str(path)) in written), path


# --- Hypothesis: ingestion and dates never raise ----------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_a_one_line_reason(data):
    try:
        text, encoding = decode_bytes(data)
    except UnreadableInput as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))), max_size=8),
       st.sampled_from([".txt", ".html", ".jsonl", ".xhtml"]))
def test_any_file_gives_documents_or_input_errors(tmp_path, chunks, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(b"\n".join(chunks))
    for item in iter_documents([path], limits=InputLimits(max_bytes=100_000, max_chars=5000)):
        assert isinstance(item, (Document, InputError))
        if isinstance(item, Document):
            item.to_json().encode("utf-8")  # the output can be written
            assert len(item.text) <= 5000
        else:
            assert "\n" not in item.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20), lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3), max_leaves=20),
       st.one_of(st.text(max_size=50), st.integers()), st.text(max_size=200))
def test_any_json_line_gives_a_document_or_an_input_error(tmp_path, meta, doc_id, text):
    line = json.dumps({"id": doc_id, "text": text, "meta": meta})
    path = tmp_path / "lines.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (item,) = list(iter_documents([path]))
    if isinstance(item, Document):
        output = Path(tmp_path / output_filename(item.id))
        output.write_text(item.to_json(), encoding="utf-8")
        assert json.loads(output.read_text(encoding="utf-8"))["id"] == item.id
    else:
        assert "\n" not in item.reason


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ./-–,JunMayDecemberth\u00a0XQ")), max_size=60))
def test_date_functions_never_raise(expression):
    from textmine.runtime.export import date_range
    from textmine.stages.dates import normalise_date

    value = normalise_date(expression)
    assert value is None or isinstance(value, str)
    date_range(value)
    date_range(expression)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1@.:/ -_+\nhtpw")), max_size=40))
def test_linear_patterns_match_what_the_old_patterns_matched(text):
    from textmine.stages.segment import NOT_LANGUAGE

    # The old unanchored patterns, plus the bare domain name ("library.example.ru") that is no language either.
    old = re.compile(r"(https?://|www\.)\S+|\S+@\S+|\S*\d\S*|(?<!\S)(?:[A-Za-z0-9-]{2,}\.)+[A-Za-z]{2,6}(?!\S)")
    assert NOT_LANGUAGE.sub(" ", text) == old.sub(" ", text)
