"""The stanza backend and its offline training."""

from __future__ import annotations

import importlib.util
import json
import random

import pytest

from textmine.document import ENTITY_LABELS, Document, Entity, Segment
from textmine.stages.ner.stanza_backend import (
    MANIFEST_NAME,
    StanzaBackend,
    StanzaModelsMissing,
    Token,
    bioes_tags,
    map_label,
    spans_from_tags,
    tokenize_sentences,
)


# Training and running a model needs the stanza extra (stanza and torch, `bash scripts/setup.sh --with-stanza`,
# CPython 3.11 only); without it those tests skip, and the rest of the file (tokens, tags, errors) still runs.
requires_stanza = pytest.mark.skipif(
    importlib.util.find_spec("stanza") is None or importlib.util.find_spec("torch") is None,
    reason="stanza/torch not installed (the stanza extra: bash scripts/setup.sh --with-stanza)",
)


def ent(start: int, end: int, label: str, text: str = "", source: str = "spacy") -> Entity:
    return Entity(id="", start=start, end=end, label=label, text=text or "x" * (end - start), source=source)


# ----------------------------------------------------------------- tokens and tags


def test_tokens_keep_exact_offsets_and_lines_end_sentences():
    text = "SCO and regional security\nG. T. Ichshanova, Almaty  (Kazakhstan).\n\nIn 2002 the SCO met. It grew."
    sentences = tokenize_sentences(text)
    for sent in sentences:
        for tok in sent:
            assert text[tok.start : tok.end] == tok.text and tok.text.strip() == tok.text
    firsts = [s[0].text for s in sentences]
    assert firsts == ["SCO", "G.", "In", "It"]


def test_tokenize_respects_the_requested_stretch():
    text = "Каталог статей\nThe SCO met in Astana.\nПолный архив"
    start = text.index("The")
    end = text.index("\nПолный")
    sentences = tokenize_sentences(text, start, end)
    assert [t.text for t in sentences[0]] == ["The", "SCO", "met", "in", "Astana", "."]
    assert all(start <= t.start and t.end <= end for s in sentences for t in s)


def test_bioes_round_trip_and_misaligned_entities():
    text = "The Shanghai Cooperation Organization met in Almaty's centre"
    tokens = tokenize_sentences(text)[0]
    sco = ent(4, 37, "ORG", text[4:37])
    almaty = ent(45, 51, "LOC", "Almaty")
    inside_token = ent(46, 51, "LOC", "lmaty")
    tags, left_out = bioes_tags(tokens, [sco, almaty, inside_token])
    assert tags[:5] == ["O", "B-ORG", "I-ORG", "E-ORG", "O"]
    assert "S-LOC" in tags
    assert left_out == [inside_token]
    assert spans_from_tags(tokens, tags) == [(4, 37, "ORG"), (45, 51, "LOC")]


def test_spans_from_bio_tags_and_broken_sequences():
    tokens = [Token(w, i * 10, i * 10 + len(w)) for i, w in enumerate(["a", "b", "c", "d"])]
    assert spans_from_tags(tokens, ["B-ORG", "I-ORG", "O", "B-LOC"]) == [(0, 11, "ORG"), (30, 31, "LOC")]
    # An I- after O opens a span; a type change closes the previous one.
    assert spans_from_tags(tokens, ["I-ORG", "I-LOC", "E-LOC", "O"]) == [(0, 1, "ORG"), (10, 21, "LOC")]


def test_labels_map_onto_the_guidelines():
    assert map_label("GPE") == map_label("FAC") == map_label("LOC") == "LOC"
    assert map_label("PER") == "PERSON"
    for dropped in ("NORP", "CARDINAL", "MISC", "WORK_OF_ART", "LAW"):
        assert map_label(dropped) is None


def test_importing_the_stanza_modules_loads_neither_stanza_nor_torch():
    import subprocess
    import sys

    code = (
        "import sys, textmine.stages.ner.stanza_backend, textmine.training.stanza_ner, textmine.evaluation.benchmarks.ner;"
        "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ----------------------------------------------------------------- missing models


def test_missing_models_error_names_folder_files_and_commands(tmp_path):
    folder = tmp_path / "no-models"
    with pytest.raises(StanzaModelsMissing) as caught:
        StanzaBackend(folder)
    message = str(caught.value)
    assert isinstance(caught.value, RuntimeError)
    assert str(folder) in message
    for expected in (MANIFEST_NAME, "ner.pt", "resources.json", "textmine train stanza-ner", "stanza.download('en'"):
        assert expected in message


def test_official_layout_without_ner_model_is_reported(tmp_path):
    (tmp_path / "resources.json").write_text("{}")
    with pytest.raises(StanzaModelsMissing, match="en/ner/ holds no model"):
        StanzaBackend(tmp_path)


def test_manifest_naming_an_absent_model_is_reported(tmp_path):
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({"ner_model": "ner.pt", "pretrain": None}))
    with pytest.raises(StanzaModelsMissing, match="names ner.pt"):
        StanzaBackend(tmp_path)


# ----------------------------------------------------------------- training for real

PEOPLE = ["Ivan Petrov", "Anna Smith", "Gulnar Ichshanova", "John Brown", "Maria Lopez", "Chen Wei"]
PLACES = ["Almaty", "Kazakhstan", "Moscow", "Bishkek", "China", "Tashkent"]
ORGS = ["the Shanghai Cooperation Organization", "the United Nations", "NATO", "the University of Oxford"]
YEARS = ["2001", "1999", "2014", "June 2007", "2020"]
TEMPLATES = [
    "{PERSON} visited {LOC} in {DATE} .",
    "In {DATE} , {ORG} met in {LOC} .",
    "{PERSON} works for {ORG} .",
    "Delegates from {LOC} joined {ORG} in {DATE} .",
]


def synthetic_documents(count: int, seed: int) -> list[Document]:
    """Documents written from templates, entities at exact offsets, as the corpus converters give them."""
    rng = random.Random(seed)
    pools = {"PERSON": PEOPLE, "LOC": PLACES, "ORG": ORGS, "DATE": YEARS}
    docs = []
    for n in range(count):
        text, entities = "", []
        for _ in range(6):
            for piece in rng.choice(TEMPLATES).split():
                if text:
                    text += " "
                if piece.startswith("{"):
                    label = piece[1:-1]
                    value = rng.choice(pools[label])
                    if value.startswith("the "):
                        text += "the "
                        value = value[4:]
                    entities.append(Entity(id=f"T{len(entities) + 1}", start=len(text), end=len(text) + len(value), label=label, text=value))
                    text += value
                else:
                    text += piece
            text += "\n"
        docs.append(Document(id=f"synthetic_{n:03d}", text=text, entities=entities))
    return docs


@pytest.fixture(scope="module")
def tiny_vectors(tmp_path_factory):
    """A spaCy vocab folder with a few 8-d vectors, standing in for en_core_web_md's."""
    import numpy
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    folder = tmp_path_factory.mktemp("vocab")
    words = ["visited", "works", "for", "in", "met", "almaty", "moscow", "delegates", "joined", "zebra"]
    strings = StringStore(words)
    rng = numpy.random.default_rng(0)
    vectors = Vectors(data=rng.standard_normal((len(words), 8)).astype("float32"), keys=[strings[w] for w in words])
    vectors.to_disk(folder)
    strings.to_disk(folder / "strings.json")
    return folder


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory, tiny_vectors):
    from textmine.training.stanza_ner import train_stanza_ner

    out = tmp_path_factory.mktemp("stanza")
    report = train_stanza_ner(
        out, seed=3, max_steps=60, eval_interval=30, vectors="en_core_web_md", vector_vocab_dir=tiny_vectors,
        redocred_docs=synthetic_documents(30, seed=1), gold_docs=[], batch_size=16,
    )
    return out, report


@requires_stanza
def test_training_writes_model_vectors_and_manifest(trained_model):
    out, report = trained_model
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert (out / "ner.pt").is_file() and (out / "pretrain.pt").is_file() and (out / "resources.json").is_file()
    assert manifest["pretrain"] == "pretrain.pt" and manifest["seed"] == 3
    assert report.train_sentences > 0 and report.misaligned_entities == 0
    # the held-out documents stay out of training
    assert not set(manifest["held_out_document_ids"]) & set(manifest["train_document_ids"])


@requires_stanza
def test_exported_vectors_load_in_stanza_and_cover_corpus_words(trained_model):
    from stanza.models.common.pretrain import Pretrain

    out, _ = trained_model
    pretrain = Pretrain(str(out / "pretrain.pt"), save_to_file=False)
    assert pretrain.emb.shape[1] == 8
    # corpus words with a vector come first, other alphabetic words fill the rest
    for word in ("almaty", "visited", "zebra"):
        assert word in pretrain.vocab


@requires_stanza
def test_trained_model_tags_english_segments_with_exact_offsets(trained_model):
    out, _ = trained_model
    backend = StanzaBackend(out)
    article = "Ivan Petrov visited Almaty in 2014 .\nIn 1999 , the United Nations met in Moscow .\n"
    wrapper = "Полный архив статей Ivan Petrov\n"
    doc = Document(id="t", text=article + wrapper,
                   segments=[Segment(0, len(article), "en", "article"), Segment(len(article), len(article) + len(wrapper), "ru", "wrapper")])
    found = backend.entities(doc)
    assert found, "a model trained on these templates finds some of their names"
    for e in found:
        assert doc.text[e.start : e.end] == e.text
        assert e.label in ENTITY_LABELS and e.source == "stanza"
        assert e.end <= len(article)
    assert {"PERSON", "LOC"} & {e.label for e in found}


@requires_stanza
def test_training_is_reproducible_from_the_seed(tmp_path):
    import torch

    from textmine.training.stanza_ner import train_stanza_ner

    weights = []
    for run in ("first", "second"):
        train_stanza_ner(tmp_path / run, seed=5, max_steps=12, eval_interval=6, vectors=None,
                         redocred_docs=synthetic_documents(20, seed=1), gold_docs=[], batch_size=16)
        weights.append(torch.load(tmp_path / run / "ner.pt", weights_only=True)["model"])
    assert weights[0].keys() == weights[1].keys()
    assert all(torch.equal(weights[0][name], weights[1][name]) for name in weights[0])
    assert json.loads((tmp_path / "first" / MANIFEST_NAME).read_text())["pretrain"] is None


# ----------------------------------------------------------------- benchmark


@requires_stanza
def test_ner_benchmark_prints_stanza_beside_the_spacy_path(trained_model, tmp_path):
    from textmine.evaluation.benchmarks.ner import Dataset, default_systems, run

    model_dir, _ = trained_model
    docs = synthetic_documents(2, seed=99)
    dataset = Dataset("synthetic", {d.id: d for d in docs}, ENTITY_LABELS)
    wanted = ("textmine spacy (default)", "textmine stanza")
    lines: list[str] = []
    results = run(systems=[s for s in default_systems(model_dir) if s.name in wanted], datasets=[dataset], echo=lines.append)
    table = lines[0].splitlines()
    assert table[0] == "Strict F1 on synthetic"
    assert [row.split(" | ")[0].lstrip("| ") for row in table[3:]] == list(wanted)
    for figures in results["synthetic"].values():
        assert figures["words_per_second"] > 0
        assert all(f1 is None or 0.0 <= f1 <= 1.0 for f1 in figures["per_label"].values())

    lines.clear()
    absent = [s for s in default_systems(tmp_path / "absent") if s.name == "textmine stanza"]
    results = run(systems=absent, datasets=[dataset], echo=lines.append)
    assert results["synthetic"] == {}
    assert "textmine stanza: not run:" in lines[0] and "textmine train stanza-ner" in lines[0]
