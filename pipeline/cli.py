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
    from .run import ExtractRun

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
    from .evaluate import GoldFormatError, evaluate_dirs, render_report

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
    from .validate import validate_paths

    problems = validate_paths(paths, raw_dir=raw)
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(code=1)
    typer.echo("all files valid")


def main() -> None:  # pragma: no cover - entry point for `python -m pipeline`
    app(prog_name="textmine")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
