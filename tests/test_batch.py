"""Batch runs: outputs, error records, timeouts, resume after kill -9, Dask engine, CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.runtime.batch import BatchOptions, BatchSetupError, read_jsonl, run_batch
from textmine.cli import app
from textmine.document import Document
from textmine.runtime.export import open_database
from textmine.runtime.extract import ExtractConfig
from textmine.stages.ingest import InputError

TESTS_DIR = Path(__file__).resolve().parent
PLUGINS = ("batch_components",)  # tests/batch_components.py: test_years, test_slow, test_trouble


def make_docs(count: int, extra: dict[int, str] | None = None) -> list[Document]:
    docs = []
    for i in range(count):
        text = (extra or {}).get(i, f"Document {i} mentions the years {1990 + i} and {2000 + i}.")
        docs.append(Document(id=f"doc{i:03d}", text=text, source={"path": f"/in/doc{i:03d}.txt", "format": "txt"}))
    return docs


def options(out: Path, *components: str, **kwargs) -> BatchOptions:
    settings = kwargs.pop("settings", {})
    batch_size = kwargs.pop("batch_size", 2)
    config = ExtractConfig(components=components or ("test_years",), settings=settings, batch_size=batch_size)
    return BatchOptions(out, config=config, plugins=PLUGINS, **kwargs)


def output_ids(out: Path) -> list[str]:
    """Ids of all documents in the output folder, repeated ones included."""
    ids = [json.loads(p.read_text(encoding="utf-8"))["id"] for p in out.glob("*.json") if p.name != "batch.json"]
    for shard in out.glob("part-*.jsonl"):
        ids += [json.loads(line)["id"] for line in shard.read_text(encoding="utf-8").splitlines()]
    return sorted(ids)


def quiet(_message: str) -> None:
    pass


def test_local_batch_writes_outputs_and_records_every_failure(tmp_path):
    docs = make_docs(9, {2: "This one should FAIL.", 4: "This one will HANG forever.", 7: "This one will CRASH."})
    source = [docs[0], InputError("/in/broken.txt", "cannot decode the bytes as text", "broken"), *docs[1:]]
    report = run_batch(
        source, options(tmp_path, "test_years", "test_trouble", workers=2, timeout=2), log=quiet, interactive=False
    )
    assert (report.documents, report.failed, report.skipped) == (6, 4, 0)
    assert output_ids(tmp_path) == ["doc000", "doc001", "doc003", "doc005", "doc006", "doc008"]
    out = json.loads((tmp_path / "doc001.json").read_text(encoding="utf-8"))
    assert [(e["text"], e["value"]) for e in out["entities"]] == [("1991", "1991"), ("2001", "2001")]
    errors = {e["id"]: e for e in read_jsonl(tmp_path / "errors.jsonl")}
    assert set(errors) == {"broken", "doc002", "doc004", "doc007"}
    assert errors["broken"]["path"] == "/in/broken.txt"
    assert "asked to fail" in errors["doc002"]["reason"]
    assert errors["doc004"]["reason"].startswith("timeout")
    assert "worker process died" in errors["doc007"]["reason"]
    # The batch mates of the failing, hanging and crashing documents kept their results.
    assert {"doc003", "doc005", "doc006"} <= set(output_ids(tmp_path))


def test_jsonl_shards_and_resume_skips_done_documents(tmp_path):
    docs = make_docs(7)
    first = run_batch(docs, options(tmp_path, format="jsonl", shard_size=3), log=quiet, interactive=False)
    assert first.documents == 7
    assert sorted(p.name for p in tmp_path.glob("part-*.jsonl")) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert output_ids(tmp_path) == [d.id for d in docs]
    # One document changed since: only it is extracted again.
    changed = make_docs(7, {5: "Changed text from 1977."})
    again = run_batch(changed, options(tmp_path, format="jsonl", shard_size=3, resume=True), log=quiet, interactive=False)
    assert (again.documents, again.skipped) == (1, 6)
    latest = [json.loads(line) for line in (tmp_path / "part-00003.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(d["id"], d["text"]) for d in latest] == [("doc005", "Changed text from 1977.")]


def test_workers_are_recycled_after_the_given_number_of_documents(tmp_path):
    report = run_batch(make_docs(6), options(tmp_path, "test_pid", recycle_after=2), log=quiet, interactive=False)
    assert report.documents == 6
    pids = [json.loads((tmp_path / f"doc{i:03d}.json").read_text(encoding="utf-8"))["metadata"]["worker_pid"] for i in range(6)]
    # Batches of two: a fresh process for each batch.
    assert pids[0] == pids[1] and pids[2] == pids[3] and pids[4] == pids[5]
    assert len(set(pids)) == 3


def test_duplicate_ids_are_errors_and_repeated_documents_are_skipped(tmp_path):
    docs = make_docs(2)
    other_text = Document(id="doc000", text="Another text.", source={"path": "/elsewhere/doc000.txt"})
    report = run_batch([*docs, docs[1], other_text], options(tmp_path), log=quiet, interactive=False)
    assert (report.documents, report.skipped, report.failed) == (2, 1, 1)
    (error,) = read_jsonl(tmp_path / "errors.jsonl")
    assert error["path"] == "/elsewhere/doc000.txt" and "duplicate document id" in error["reason"]


def test_resume_refuses_other_settings(tmp_path):
    run_batch(make_docs(1), options(tmp_path), log=quiet, interactive=False)
    with pytest.raises(BatchSetupError, match="other settings"):
        run_batch(make_docs(1), options(tmp_path, format="jsonl", resume=True), log=quiet, interactive=False)


def test_a_pipeline_that_cannot_load_stops_the_batch_at_once(tmp_path):
    with pytest.raises(BatchSetupError, match="unknown component 'no_such_stage'"):
        run_batch(make_docs(3), options(tmp_path, "no_such_stage"), log=quiet, interactive=False)


def test_plain_progress_lines_when_not_on_a_terminal(tmp_path):
    lines: list[str] = []
    run_batch(make_docs(4), options(tmp_path, log_interval=0.0), log=lines.append, interactive=False)
    assert len(lines) >= 2
    assert "4 documents (4 extracted, 0 skipped, 0 failed)" in lines[-1] and "words/s" in lines[-1]


KILLED_BATCH = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from textmine.runtime.batch import BatchOptions, run_batch
    from textmine.document import Document
    from textmine.runtime.extract import ExtractConfig
    from test_batch import make_docs

    config = ExtractConfig(components=("test_years", "test_slow"), settings={{"test_slow": {{"seconds": 0.1}}}}, batch_size=2)
    options = BatchOptions({out!r}, config=config, format={fmt!r}, shard_size=3, plugins=("batch_components",), resume={resume})
    run_batch(make_docs({count}), options, interactive=False)
    """
)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_resume_after_kill_9_loses_and_duplicates_nothing(tmp_path, fmt):
    count = 40
    script = KILLED_BATCH.format(tests=str(TESTS_DIR), out=str(tmp_path), fmt=fmt, count=count, resume=False)
    process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.DEVNULL)
    manifest = tmp_path / "manifest.jsonl"

    def done() -> set[str]:
        # A JSONL shard's entries reach the manifest just before the shard gets its final
        # name, so counting manifest lines alone could kill inside that gap with fewer done.
        return {e["id"] for e in read_jsonl(manifest) if (tmp_path / e["output"]).exists()}

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and len(done()) < 9:
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = done()
    assert 9 <= len(done_before) < count

    config = ExtractConfig(components=("test_years", "test_slow"), settings={"test_slow": {"seconds": 0.1}}, batch_size=2)
    resumed = BatchOptions(tmp_path, config=config, format=fmt, shard_size=3, plugins=PLUGINS, resume=True)
    report = run_batch(make_docs(count), resumed, log=quiet, interactive=False)

    assert report.skipped == len(done_before) and report.documents == count - len(done_before) and report.failed == 0
    assert output_ids(tmp_path) == [f"doc{i:03d}" for i in range(count)]  # each exactly once
    assert sorted(e["id"] for e in read_jsonl(manifest)) == [f"doc{i:03d}" for i in range(count)]
    assert not list(tmp_path.glob(".*.tmp"))


def test_dask_local_cluster_gives_the_same_outputs_as_local_workers(tmp_path):
    docs = make_docs(9, {3: "Please FAIL here."})
    local = run_batch(docs, options(tmp_path / "local", "test_years", "test_trouble", workers=2), log=quiet, interactive=False)
    dask = run_batch(
        docs, options(tmp_path / "dask", "test_years", "test_trouble", workers=2, engine="dask"), log=quiet, interactive=False
    )
    assert (local.documents, local.failed) == (dask.documents, dask.failed) == (8, 1)
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "dask").iterdir())
    for name in names:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_cli_batch_with_default_pipeline_exports_as_it_goes(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "The Shanghai Cooperation Organization was founded in Shanghai on June 15, 2001.\n", encoding="utf-8"
    )
    (inputs / "b.txt").write_text("Kazakhstan and Uzbekistan are members of the SCO.\n", encoding="utf-8")
    out = tmp_path / "out"
    url = f"sqlite:///{tmp_path}/batch.db"
    result = CliRunner().invoke(app, ["batch", str(inputs), "--out", str(out), "--workers", "1", "--db", url])
    assert result.exit_code == 0, result.output
    a = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert any(e["label"] == "DATE" and e["text"] == "June 15, 2001" for e in a["entities"])
    assert all(a["text"][e["start"]:e["end"]] == e["text"] for e in a["entities"])
    with open_database(url) as db:
        assert db.fetch_all("SELECT doc_id FROM documents ORDER BY doc_id") == [("a",), ("b",)]
        stored = db.fetch_all("SELECT COUNT(*) FROM entities WHERE doc_id = 'a'")[0][0]
    assert stored == len(a["entities"])
    again = CliRunner().invoke(app, ["batch", str(inputs), "--out", str(out), "--resume"])
    assert again.exit_code == 0 and "2 skipped" in again.output


def test_benchmark_collection_repeats_dev_texts_under_new_ids():
    from textmine.evaluation.benchmarks.speed import collection

    docs = list(collection(502))
    assert len(docs) == 502 and len({d.id for d in docs}) == 502
    assert docs[500].text == docs[0].text and docs[501].text == docs[1].text


def test_paired_benchmark_times_both_sides_on_every_chunk():
    from textmine.evaluation.benchmarks.speed import paired_throughput, words_in

    paired = paired_throughput(7, batch_size=4, chunk=3)
    assert len(paired.chunk_ratios) == 3  # chunks of 3, 3 and 1 documents
    assert paired.words == words_in(7)
    assert paired.bare > 0 and paired.textmine > 0 and all(r > 0 for r in paired.chunk_ratios)


# --- identity, provenance, files read by the workers -------------------------------------------


def test_reserved_and_unsafe_ids_get_safe_file_names_and_keep_their_id(tmp_path):
    ids = ["batch", "manifest", "errors", ".notes", "..", "x" * 260, "a/b", "bad\\udc80"]
    docs = [Document(id=doc_id, text=f"Text {i} of 199{i}.", source={"path": f"/in/{i}.txt"}) for i, doc_id in enumerate(ids)]
    report = run_batch(docs, options(tmp_path), log=quiet, interactive=False)
    assert report.documents == len(ids) and report.failed == 0
    assert json.loads((tmp_path / "batch.json").read_text(encoding="utf-8"))["fingerprint"]  # not overwritten
    assert output_ids(tmp_path) == sorted(ids)
    for path in tmp_path.glob("*.json"):
        assert not path.name.startswith(".") and len(path.name.encode()) < 250
        assert oct(path.stat().st_mode & 0o777) == "0o644"
    # The batch can be resumed: nothing is left to do.
    again = run_batch(docs, options(tmp_path, resume=True), log=quiet, interactive=False)
    assert (again.documents, again.skipped) == (0, len(ids))


def test_resume_refuses_another_pipeline_unless_overwrite(tmp_path):
    run_batch(make_docs(3), options(tmp_path), log=quiet, interactive=False)
    info = json.loads((tmp_path / "batch.json").read_text(encoding="utf-8"))
    assert info["provenance"]["libraries"]["python"]
    info["provenance"]["pipeline_version"] = "0.0.1-old"
    (tmp_path / "batch.json").write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(BatchSetupError, match="another pipeline.*--overwrite"):
        run_batch(make_docs(3), options(tmp_path, resume=True), log=quiet, interactive=False)
    report = run_batch(make_docs(3), options(tmp_path, resume=True, overwrite=True), log=quiet, interactive=False)
    assert (report.documents, report.skipped) == (3, 0)
    assert json.loads((tmp_path / "batch.json").read_text(encoding="utf-8"))["provenance"]["pipeline_version"] != "0.0.1-old"


def test_files_are_read_by_the_workers_and_special_files_refused(tmp_path):
    from textmine.runtime.batch import batch_paths

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Founded in 2001.\n", encoding="utf-8")
    (inputs / "page.html").write_text("<p>Met in 2017.</p>", encoding="utf-8")
    (inputs / "deep.html").write_text("<div>" * 3000 + "Deep in 1999." + "</div>" * 3000, encoding="utf-8")
    (inputs / "long.txt").write_text("word " * 100, encoding="utf-8")
    os.mkfifo(inputs / "fifo.txt")
    (inputs / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "out"
    config = ExtractConfig(components=("test_years",), batch_size=2)
    from textmine.stages.ingest import InputLimits

    report = batch_paths(
        [str(inputs)], BatchOptions(out, config=config, plugins=PLUGINS, limits=InputLimits(max_chars=300), timeout=30)
    )
    assert (report.documents, report.failed) == (3, 3)
    errors = {Path(e["path"]).name: e["reason"] for e in read_jsonl(out / "errors.jsonl")}
    assert "a FIFO" in errors["fifo.txt"] and "a character device" in errors["zero.txt"]
    assert "document too long: 500 characters, the limit is 300" in errors["long.txt"]
    deep = json.loads((out / "deep.json").read_text(encoding="utf-8"))
    assert deep["text"] == "Deep in 1999.\n" and deep["source"]["format"] == "html"
    manifest = {m["id"]: m for m in read_jsonl(out / "manifest.jsonl")}
    assert manifest["a"]["sha256"] == deep["text_sha256"] or manifest["deep"]["sha256"] == deep["text_sha256"]


def test_counting_inputs_for_the_progress_bar_parses_nothing(tmp_path, monkeypatch):
    from textmine.stages import ingest

    (tmp_path / "a.txt").write_text("One.\n")
    (tmp_path / "b.html").write_text("<p>Two.</p>")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "x"}\n{broken\n{"id": "c3", "text": "y"}')

    def forbidden(*_args, **_kwargs):
        raise AssertionError("the counter parsed an input")

    monkeypatch.setattr(ingest, "load_input", forbidden)
    monkeypatch.setattr(ingest, "_jsonl_line", forbidden)
    monkeypatch.setattr(ingest, "decode_bytes", forbidden)
    assert ingest.count_inputs([tmp_path]) == 5


def test_extract_gives_up_a_hanging_document_and_reports_a_broken_pipeline_once(tmp_path):
    from textmine.runtime.run import ExtractRun, ExtractSetupError

    (tmp_path / "a.txt").write_text("Fine text from 2001.\n")
    (tmp_path / "b.txt").write_text("This one will HANG forever.\n")
    (tmp_path / "c.txt").write_text("Also fine, 2002.\n")
    run = ExtractRun(ExtractConfig(components=("test_years", "test_trouble")), timeout=3, plugins=PLUGINS)
    reports: list[str] = []
    failures = run.extract_to([str(tmp_path)], tmp_path / "out", reports.append)
    assert failures == 1 and len(reports) == 1 and "timeout" in reports[0] and "b.txt" in reports[0]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a.json", "c.json"]

    broken = ExtractRun(ExtractConfig(components=("no_such_stage",)), plugins=PLUGINS)
    with pytest.raises(ExtractSetupError, match="no_such_stage"):
        broken.extract_to([str(tmp_path)], tmp_path / "out2", reports.append)


def test_a_worker_past_the_memory_limit_is_stopped_and_only_its_document_fails(tmp_path):
    docs = make_docs(4, {2: "This one is a memory HOG."})
    report = run_batch(docs, options(tmp_path, "test_years", "test_hog", max_memory=250 * 2**20), log=quiet, interactive=False)
    assert (report.documents, report.failed) == (3, 1)
    (error,) = read_jsonl(tmp_path / "errors.jsonl")
    assert error["id"] == "doc002" and error["reason"].startswith("memory: the worker grew past 250 MiB")
