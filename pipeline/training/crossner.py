"""CrossNER politics (Liu et al., 2021) mapped onto the guidelines' labels.

One token and its BIO tag per line, a blank line between paragraphs
(``corpus/crossner/politics/{train,dev}.txt``). The mapping is the one in
``corpus/README.md``:

* politician, person -> PERSON; politicalparty, organisation -> ORG;
  election, event -> EVENT; country, location -> LOC;
* misc (nationality adjectives, ideologies, documents, awards) -> not an
  entity: none of these is one under the guidelines.

CrossNER has no DATE label and leaves dates untagged, so its documents say
nothing about DATE: a scorer compares them over ORG/LOC/PERSON/EVENT only
(:data:`SCORED_LABELS`), and the trainer marks date-like tokens as unknown
instead of teaching them as non-entities (``training/ner.py``).
"""

from __future__ import annotations

from pathlib import Path

from textmine.document import Document, Entity
from textmine.training.redocred import rebuild_text
from textmine.resources.locations import corpus_dir

DEFAULT_DIR = corpus_dir() / "crossner" / "politics"
SPLITS = ("train", "dev")

LABELS = {
    "politician": "PERSON",
    "person": "PERSON",
    "politicalparty": "ORG",
    "organisation": "ORG",
    "election": "EVENT",
    "event": "EVENT",
    "country": "LOC",
    "location": "LOC",
    "misc": None,
}
SCORED_LABELS = ("ORG", "LOC", "EVENT", "PERSON")


class CrossNERFormatError(ValueError):
    """A line of a CrossNER file that is not "token<TAB>tag" with a known tag."""


def read_paragraphs(path: Path) -> list[list[tuple[str, str]]]:
    """(token, tag) pairs per paragraph, in file order."""
    paragraphs: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        token, sep, tag = line.rpartition("\t")
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if not sep or not token or (tag != "O" and kind not in LABELS):
            raise CrossNERFormatError(f"{path}:{number}: expected 'token<TAB>tag' with a CrossNER tag, got {line!r}")
        current.append((token, tag))
    if current:
        paragraphs.append(current)
    return paragraphs


def convert_paragraph(pairs: list[tuple[str, str]], doc_id: str) -> Document:
    """One paragraph as a Document: text rebuilt like Re-DocRED's, mapped entities with exact offsets."""
    tokens = [token for token, _ in pairs]
    text, offsets, _ = rebuild_text([tokens])
    spans: list[tuple[int, int, str | None]] = []
    for i, (_, tag) in enumerate(pairs):
        if tag == "O":
            continue
        kind = LABELS[tag[2:]]
        start, end = offsets[0][i]
        if tag.startswith("I-") and spans and spans[-1][1] <= start and _continues(pairs, i):
            spans[-1] = (spans[-1][0], end, spans[-1][2])
        else:
            spans.append((start, end, kind))
    entities = [
        Entity(id=f"T{n}", start=s, end=e, label=label, text=text[s:e], source="crossner")
        for n, (s, e, label) in enumerate(((s, e, lab) for s, e, lab in spans if lab is not None), 1)
    ]
    return Document(id=doc_id, text=text, entities=entities, source={"format": "crossner"})


def _continues(pairs: list[tuple[str, str]], i: int) -> bool:
    previous = pairs[i - 1][1] if i else "O"
    return previous != "O" and previous[2:] == pairs[i][1][2:]


def load_documents(split: str = "train", directory: Path = DEFAULT_DIR) -> list[Document]:
    """The paragraphs of one split (``train`` or ``dev``) as Documents with ids ``crossner_<split>_NNN``."""
    if split not in SPLITS:
        raise ValueError(f"unknown CrossNER split {split!r}; choose one of {', '.join(SPLITS)} (the test split is not in the project)")
    path = Path(directory) / f"{split}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; copy it from ../shared/corpus/crossner/ (see corpus/README.md)")
    return [convert_paragraph(pairs, f"crossner_{split}_{i:03d}") for i, pairs in enumerate(read_paragraphs(path))]
