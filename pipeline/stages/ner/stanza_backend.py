"""stanza NER as a backend of the ``ner`` component, from local models only.

Two kinds of model directory are understood:

* a model trained here by ``textmine train stanza-ner``: ``textmine_stanza.json``
  (manifest) beside ``ner.pt`` and, when trained with word vectors,
  ``pretrain.pt``; its labels are already the guidelines' labels;
* official stanza resources fetched on a connected machine
  (``resources.json`` and ``en/ner/*.pt``); their OntoNotes or CoNLL labels
  are mapped onto the guidelines' (GPE/LOC/FAC -> LOC, PER -> PERSON, NORP
  and the numeric types dropped).

stanza never reaches for the network (``download_method=None``). Tokens and
sentences come from spaCy's rule-based English tokenizer and sentencizer
(:func:`tokenize_sentences`, also used to build the training data), given to
stanza pre-tokenised: stanza then needs no tokenize model, and every token
keeps its exact character offsets in ``doc.text``.

torch and stanza are imported only when a backend is built.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from textmine.document import Document, Entity
from textmine.resources.locations import models_dir

DEFAULT_MODEL_DIR = models_dir() / "stanza"
MANIFEST_NAME = "textmine_stanza.json"
NER_MODEL_NAME = "ner.pt"
PRETRAIN_NAME = "pretrain.pt"

TRAIN_COMMAND = "textmine train stanza-ner --out {dir}"
DOWNLOAD_COMMAND = "python -c \"import stanza; stanza.download('en', model_dir='{dir}', processors='tokenize,ner')\""

# Labels of the official English models (OntoNotes 18 types, CoNLL-03 4 types)
# and of models trained here, onto the guidelines' labels; unlisted labels
# (NORP, CARDINAL, MONEY, MISC, ...) are not entities of the guidelines.
LABEL_MAP = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "DATE": "DATE",
    "EVENT": "EVENT",
}

# Sentences longer than this are cut: the tagger's cost grows with length and
# lines without sentence punctuation (reference lists, tables) can be long.
MAX_SENTENCE_TOKENS = 150


class StanzaModelsMissing(RuntimeError):
    """No usable stanza NER model in the model directory."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def map_label(label: str) -> str | None:
    return LABEL_MAP.get(label)


@lru_cache(maxsize=1)
def _tokenizer_pipeline() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def tokenize_sentences(text: str, start: int = 0, end: int | None = None) -> list[list[Token]]:
    """Sentences of tokens (offsets into ``text``) for ``text[start:end]``.

    Every line is tokenised on its own, since a line break ends a heading, an
    author-block line or a reference entry even without punctuation.
    """
    end = len(text) if end is None else end
    nlp = _tokenizer_pipeline()
    sentences: list[list[Token]] = []
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        line = text[line_start:line_end]
        if line.strip():
            for sent in nlp(line).sents:
                tokens = [Token(t.text, line_start + t.idx, line_start + t.idx + len(t.text)) for t in sent if not t.is_space]
                sentences += [tokens[cut : cut + MAX_SENTENCE_TOKENS] for cut in range(0, len(tokens), MAX_SENTENCE_TOKENS)]
        line_start = line_end + 1
    return sentences


def english_spans(doc: Document) -> list[tuple[int, int]]:
    """The stretches of ``doc.text`` that are English (the whole text when unsegmented)."""
    if not doc.segments:
        return [(0, len(doc.text))]
    return [(seg.start, seg.end) for seg in doc.segments if seg.lang == "en"]


def spans_from_tags(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, tag type) from BIOES or BIO tags; a broken sequence still yields its span."""
    spans = []
    current: tuple[int, int, str] | None = None  # (first token index, last token index, type)
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix in ("I", "E") and current is not None and current[2] == kind:
            current = (current[0], i, kind)
        else:
            if current is not None:
                spans.append(current)
            current = (i, i, kind) if prefix in ("B", "S", "I", "E") and kind else None
        if prefix in ("S", "E") and current is not None:
            spans.append(current)
            current = None
    if current is not None:
        spans.append(current)
    return [(tokens[first].start, tokens[last].end, kind) for first, last, kind in spans]


def bioes_tags(tokens: Sequence[Token], entities: Iterable[Entity]) -> tuple[list[str], list[Entity]]:
    """BIOES tags of ``tokens`` for the entities that start and end on token boundaries.

    Returns the tags and the entities that could not be placed (their edges
    fall inside a token, or they lie partly outside the sentence).
    """
    tags = ["O"] * len(tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    misaligned = []
    for ent in entities:
        first, last = starts.get(ent.start), ends.get(ent.end)
        if first is None or last is None or last < first or any(tag != "O" for tag in tags[first : last + 1]):
            misaligned.append(ent)
            continue
        if first == last:
            tags[first] = f"S-{ent.label}"
        else:
            tags[first] = f"B-{ent.label}"
            for i in range(first + 1, last):
                tags[i] = f"I-{ent.label}"
            tags[last] = f"E-{ent.label}"
    return tags, misaligned


def _missing(model_dir: Path, why: str) -> StanzaModelsMissing:
    return StanzaModelsMissing(
        f"no stanza NER model in {model_dir}: {why}. Expected either {MANIFEST_NAME} with {NER_MODEL_NAME} "
        f"(and {PRETRAIN_NAME} when trained with word vectors), built here offline by `{TRAIN_COMMAND.format(dir=model_dir)}`, "
        f"or official stanza resources (resources.json and en/ner/*.pt, en/pretrain/*.pt), fetched on a connected machine by "
        f"`{DOWNLOAD_COMMAND.format(dir=model_dir)}` and copied here. Point textmine at another folder with --stanza-dir or STANZA_RESOURCES_DIR."
    )


def resolve_model_dir(model_dir: str | Path | None) -> Path:
    if model_dir is not None:
        return Path(model_dir)
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"])
    return DEFAULT_MODEL_DIR


def pipeline_options(model_dir: Path) -> dict[str, Any]:
    """stanza.Pipeline keyword arguments for the models in ``model_dir``; raises StanzaModelsMissing."""
    options: dict[str, Any] = {
        "lang": "en",
        "processors": "tokenize,ner",
        "dir": str(model_dir),
        "download_method": None,
        "tokenize_pretokenized": True,
        "logging_level": "ERROR",
        "use_gpu": False,
    }
    manifest_path = model_dir / MANIFEST_NAME
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        ner_model = model_dir / manifest["ner_model"]
        if not ner_model.is_file():
            raise _missing(model_dir, f"{manifest_path.name} names {ner_model.name}, which is not there")
        options["ner_model_path"] = str(ner_model)
        if manifest.get("pretrain"):
            pretrain = model_dir / manifest["pretrain"]
            if not pretrain.is_file():
                raise _missing(model_dir, f"{manifest_path.name} names {pretrain.name}, which is not there")
            options["ner_pretrain_path"] = str(pretrain)
        # stanza requires a resources.json even with explicit model paths;
        # the trainer writes an empty one, so the language is "unknown" to it.
        if not (model_dir / "resources.json").is_file():
            raise _missing(model_dir, f"{manifest_path.name} is there but resources.json is not")
        options["allow_unknown_language"] = True
        return options
    if not model_dir.is_dir():
        raise _missing(model_dir, "the directory does not exist")
    if not (model_dir / "resources.json").is_file():
        raise _missing(model_dir, f"neither {MANIFEST_NAME} nor resources.json is there")
    if not any((model_dir / "en" / "ner").glob("*.pt")):
        raise _missing(model_dir, "resources.json is there but en/ner/ holds no model")
    return options


class StanzaBackend:
    """Entities from a local stanza NER model, over the English segments of a document."""

    def __init__(self, model_dir: str | Path | None = None):
        self.model_dir = resolve_model_dir(model_dir)
        options = pipeline_options(self.model_dir)
        import stanza

        self.pipeline = stanza.Pipeline(**options)

    def entities(self, doc: Document) -> list[Entity]:
        sentences = [sent for start, end in english_spans(doc) for sent in tokenize_sentences(doc.text, start, end)]
        return self._tag(doc.text, sentences)

    def _tag(self, text: str, sentences: list[list[Token]]) -> list[Entity]:
        if not sentences:
            return []
        tagged = self.pipeline([[t.text for t in sent] for sent in sentences])
        found = []
        for tokens, stanza_sentence in zip(sentences, tagged.sentences):
            tags = [token.ner or "O" for token in stanza_sentence.tokens]
            for start, end, kind in spans_from_tags(tokens, tags):
                label = map_label(kind)
                if label is not None:
                    found.append(Entity(id="", start=start, end=end, label=label, text=text[start:end], source="stanza"))
        for i, ent in enumerate(found, 1):
            ent.id = f"T{i}"
        return found
