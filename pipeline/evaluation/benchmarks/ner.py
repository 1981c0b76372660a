"""NER quality and speed side by side (``textmine benchmark ner``).

Systems, all run in the same process on the same texts:

* **bare en_core_web_sm** — the pinned pretrained model as published, its
  OntoNotes labels mapped onto the guidelines' (GPE/LOC/FAC -> LOC, NORP and
  the rest dropped) and nothing else: the baseline;
* **textmine spacy, pretrained ner** — the spaCy path with the pretrained
  model's entities as its statistical source (the default before the trained
  component);
* **textmine spacy** — the default: the spaCy path with the component trained
  for the guidelines (``models/ner/``);
* **textmine stanza** — ``--ner stanza``, when a stanza model is installed
  (otherwise the reason it was not run is printed).

Data sets, none of them used to train or tune the trained component:

* the seed gold (the rules were written from it and the trained component
  saw it: a development score);
* Re-DocRED held-out: the 20 % of ``redocred.split(seed=13)``;
* CrossNER politics dev (the trainer reads only its train split), scored over
  ORG/LOC/PERSON/EVENT since CrossNER does not tag dates;
* the challenge passages' test half (``corpus/challenge/``; the trainer reads
  only the dev half), when the corpus has them: the expected figure on new
  text annotated by the guidelines.

Both external sets are brought onto the guidelines' span conventions first
(``training/conventions.py``: no leading "the", a written date range one
span), so a system is not counted wrong for following the guidelines.
Scores are nervaluate's strict scheme
(:func:`textmine.evaluation.evaluate.evaluate_documents`); words per second
count the whitespace-separated words of the inputs over the wall time of the
run, model loading and a warm-up document excluded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from textmine.document import ENTITY_LABELS, Document, Entity
from textmine.evaluation.evaluate import evaluate_documents
from textmine.training.corpus import GOLD_DIR, RAW_DIR, load_gold_documents

CORE_LABELS = ("ORG", "LOC", "DATE")

Runner = Callable[[Iterable[Document]], list[Document]]


@dataclass
class Dataset:
    name: str
    gold: dict[str, Document]
    labels: tuple[str, ...]  # labels the gold annotates
    note: str | None = None


@dataclass
class System:
    name: str
    build: Callable[[], Runner]  # loads the models; the runner it returns is what is timed


def seed_dataset(gold_dir: Path = GOLD_DIR, raw_dir: Path = RAW_DIR) -> Dataset:
    docs = {doc.id: doc for doc in load_gold_documents(gold_dir, raw_dir)}
    return Dataset("seed gold", docs, ENTITY_LABELS, "the rules were written from it and the trained component saw it: a development score")


def redocred_dataset(limit: int | None = None) -> Dataset:
    from textmine.training.conventions import to_guidelines
    from textmine.training.redocred import load_documents, split

    _, held_out = split(load_documents())
    docs = {d.id: to_guidelines(d) for d in held_out[:limit]}
    # Re-DocRED has no EVENT type (its MISC is dropped), so EVENT is not scored there.
    return Dataset(f"Re-DocRED held-out ({len(docs)} docs, split seed 13)", docs, ("ORG", "LOC", "DATE", "PERSON"))


def crossner_dataset(limit: int | None = None) -> Dataset:
    from textmine.training.conventions import to_guidelines
    from textmine.training.crossner import SCORED_LABELS, load_documents

    docs = {d.id: to_guidelines(d) for d in load_documents("dev")[:limit]}
    return Dataset(f"CrossNER politics dev ({len(docs)} paragraphs)", docs, SCORED_LABELS, "no DATE label in CrossNER: dates are not scored")


def challenge_dataset(half: str = "test") -> Dataset | None:
    """The challenge passages' test half (the expected figure), or the dev half (a development score: it guides
    rules and the trained component reads it)."""
    from textmine.training.challenge import load_half

    docs = {d.id: d for d in load_half(half)}
    if not docs:
        return None
    note = "rules were written for its kinds and the trained component saw it: a development score" if half == "dev" else None
    return Dataset(f"challenge passages, {half} half ({len(docs)} passages)", docs, ENTITY_LABELS, note)


def default_datasets(redocred_limit: int | None = None, crossner_limit: int | None = None, challenge_half: str = "test") -> list[Dataset]:
    challenge = challenge_dataset(challenge_half)
    return [seed_dataset(), redocred_dataset(redocred_limit), crossner_dataset(crossner_limit)] + ([challenge] if challenge else [])


def bare_model(texts: Iterable[Document]) -> list[Document]:
    return _build_bare()(texts)


def _build_bare() -> Runner:
    from textmine.resources.nlp import load_english
    from textmine.stages.ner.statistical import spacy_candidates

    nlp = load_english(index_attribute_rules=False, block_sentences=False)  # as published

    def run(texts: Iterable[Document]) -> list[Document]:
        docs = list(texts)
        for doc, spacy_doc in zip(docs, nlp.pipe([d.text for d in docs])):
            doc.entities = [
                Entity(id=f"T{i}", start=c.start, end=c.end, label=c.label, text=doc.text[c.start:c.end], source="spacy")
                for i, c in enumerate(spacy_candidates(spacy_doc), 1)
            ]
        return docs

    return run


def _build_textmine(
    backend: str = "spacy", statistical: str = "trained", stanza_dir: Path | None = None, ner_model_dir: Path | None = None
) -> Runner:
    from textmine.runtime.extract import ExtractConfig, Extractor

    settings: dict = {"backend": backend, "statistical": statistical}
    if stanza_dir is not None:
        settings["stanza_dir"] = str(stanza_dir)
    if ner_model_dir is not None:
        settings["model_dir"] = str(ner_model_dir)
    extractor = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values"), settings={"ner": settings}))
    return lambda texts: list(extractor.pipe(texts))


def textmine_ner(texts: Iterable[Document], backend: str = "spacy", statistical: str = "trained") -> list[Document]:
    return _build_textmine(backend, statistical)(texts)


def default_systems(stanza_dir: Path | None = None, compare_ner_model: Path | None = None) -> list[System]:
    """The baseline, the pretrained and trained spaCy paths, stanza; plus the spaCy path with ``compare_ner_model``'s component."""
    systems = [
        System("bare en_core_web_sm (labels mapped)", _build_bare),
        System("textmine spacy, pretrained ner", lambda: _build_textmine(statistical="pretrained")),
        System("textmine spacy (default)", _build_textmine),
    ]
    if compare_ner_model is not None:
        from textmine.stages.ner.model import read_manifest

        base = (read_manifest(Path(compare_ner_model)).get("base_model") or {}).get("name", "?")
        name = f"textmine spacy, {Path(compare_ner_model).name} ({base} start)"
        systems.append(System(name, lambda: _build_textmine(ner_model_dir=compare_ner_model)))
    return systems + [System("textmine stanza", lambda: _build_textmine(backend="stanza", stanza_dir=stanza_dir))]


def _only(docs: dict[str, Document], labels: tuple[str, ...]) -> dict[str, Document]:
    return {
        doc_id: Document(id=doc.id, text=doc.text, entities=[e for e in doc.entities if e.label in labels])
        for doc_id, doc in docs.items()
    }


def score(dataset: Dataset, system: Runner) -> dict:
    """Strict F1 per label, micro over the dataset's labels and over ORG+LOC+DATE, DATE value accuracy, words/s."""
    inputs = [Document(id=d.id, text=d.text) for d in dataset.gold.values()]
    system([Document(id="warm-up", text=inputs[0].text)])  # lookup tables are built on first use
    started = time.perf_counter()
    predicted = {d.id: d for d in system(inputs)}
    seconds = time.perf_counter() - started
    full = evaluate_documents(_only(dataset.gold, dataset.labels), _only(predicted, dataset.labels))
    core_labels = tuple(label for label in CORE_LABELS if label in dataset.labels)
    core = evaluate_documents(_only(dataset.gold, core_labels), _only(predicted, core_labels))
    strict = full["entities"]["strict"]
    return {
        "per_label": {label: strict["per_label"][label]["f1"] for label in dataset.labels},
        "micro": strict["micro"]["f1"],
        "micro_core": core["entities"]["strict"]["micro"]["f1"],
        "date_value_accuracy": full["date_values"]["accuracy"] if "DATE" in dataset.labels else None,
        "words_per_second": sum(len(d.text.split()) for d in inputs) / seconds if seconds else 0.0,
    }


def render(dataset: Dataset, results: dict[str, dict], not_run: dict[str, str] | None = None) -> str:
    core = "+".join(label for label in CORE_LABELS if label in dataset.labels)
    header = ["system", *dataset.labels, "micro (all)", f"micro {core}", "DATE value acc.", "words/s"]
    lines = [f"Strict F1 on {dataset.name}"]
    if dataset.note:
        lines.append(f"({dataset.note})")
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for system, figures in results.items():
        cells = [figures["per_label"][label] for label in dataset.labels]
        cells += [figures["micro"], figures["micro_core"], figures["date_value_accuracy"]]
        row = [system] + ["-" if v is None else f"{v:.3f}" for v in cells] + [f"{figures['words_per_second']:,.0f}"]
        lines.append("| " + " | ".join(row) + " |")
    for system, reason in (not_run or {}).items():
        lines.append(f"{system}: not run: {reason}")
    return "\n".join(lines)


def run(
    redocred_limit: int | None = None,
    crossner_limit: int | None = None,
    systems: list[System] | None = None,
    datasets: list[Dataset] | None = None,
    echo: Callable[[str], None] = print,
    challenge_half: str = "test",
) -> dict[str, dict[str, dict]]:
    """Score every system on every dataset, echo one table per dataset, return {dataset: {system: figures}}."""
    from textmine.stages.ner.stanza_backend import StanzaModelsMissing

    systems = default_systems() if systems is None else systems
    datasets = default_datasets(redocred_limit, crossner_limit, challenge_half) if datasets is None else datasets
    runners: dict[str, Runner] = {}
    not_run: dict[str, str] = {}
    for system in systems:
        try:
            runners[system.name] = system.build()
        except StanzaModelsMissing as exc:
            reason = " ".join(str(exc).split()).split(". ")[0]
            not_run[system.name] = f"{reason}; build one with `textmine train stanza-ner` or point --stanza-dir at one"
    results: dict[str, dict[str, dict]] = {}
    for dataset in datasets:
        results[dataset.name] = {name: score(dataset, runner) for name, runner in runners.items()}
        echo(render(dataset, results[dataset.name], not_run))
        echo("")
    return results
