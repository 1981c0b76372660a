"""CoNLL-2003-style BIO: one token per line, a blank line between sentences.

Four columns like CoNLL-2003's (token, two placeholder columns, tag); each
document starts with ``-DOCSTART- -X- <id> O``, so the id survives. The
tokens are spaCy's, cut again at entity boundaries; whitespace is not
written. BIO holds only entity spans and labels: relations, DATE values,
canonical names, segments and metadata are dropped, and the command says so
(reading back, DATE values are normalised again from the expressions).
Reading back, the offsets are exact when the document's text is found
(``--raw DIR/<id>.txt``); otherwise the text is rebuilt from the tokens
(single spaces, a line break between sentences) and the offsets refer to it.
"""

from __future__ import annotations

from pathlib import Path

from textmine.document import Document, Entity
from textmine.formats.common import ConversionError, Dropped, fill_date_values, present, restore
from textmine.formats.tokens import aligned_pieces, english

NAME = "conll"
DESCRIPTION = "CoNLL-2003-style BIO (token _ _ tag; -DOCSTART- lines carry the id)"
CANNOT_HOLD = (
    "relations", "DATE values", "canonical names", "entity sources and confidences",
    "segments", "metadata", "entities index records",
)


def _sentence_starts(words: list[str]) -> set[int]:
    """Indices of words that start a sentence: after a line break, or where spaCy's sentencizer starts one."""
    from spacy.tokens import Doc

    sentencizer = _sentencizer()
    spacy_doc = sentencizer(Doc(english().vocab, words=words))
    starts = {sent.start for sent in spacy_doc.sents}
    starts.update(i + 1 for i, w in enumerate(words) if "\n" in w)
    return starts


def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def to_conll(doc: Document) -> str:
    words, spaces = aligned_pieces(doc.text, doc.entities)
    starts_at = {}
    position = 0
    offsets = []
    for word, space in zip(words, spaces):
        offsets.append(position)
        position += len(word) + space
    for ent in doc.entities:
        starts_at[ent.start] = ent
    sentence_starts = _sentence_starts(words)
    lines = [f"-DOCSTART- -X- {doc.id} O", ""]
    open_entity: Entity | None = None
    for i, (word, start) in enumerate(zip(words, offsets)):
        if open_entity is not None and start >= open_entity.end:
            open_entity = None
        if start in starts_at:
            open_entity, tag = starts_at[start], f"B-{starts_at[start].label}"
        elif open_entity is not None:
            tag = f"I-{open_entity.label}"
        else:
            tag = "O"
        if word.isspace():
            continue
        if i in sentence_starts and open_entity is None and lines[-1] != "":
            lines.append("")
        lines.append(f"{word} _ _ {tag}")
    return "\n".join(lines) + "\n\n"


def _align(tokens: list[str], text: str, where: str) -> list[tuple[int, int]]:
    """Offsets of the tokens in ``text``, which may only put whitespace between them."""
    offsets, position = [], 0
    for token in tokens:
        found = text.find(token, position)
        if found == -1 or (text[position:found] and not text[position:found].isspace()):
            raise ConversionError(f"{where}: token {token!r} does not follow offset {position} of the raw text; is it the right text?")
        offsets.append((found, found + len(token)))
        position = found + len(token)
    return offsets


def _parse(lines: list[str], where: str) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """(doc id, sentences of (token, tag)) per document."""
    docs: list[tuple[str, list[list[tuple[str, str]]]]] = []
    for number, line in enumerate(lines, 1):
        # Tokens hold no space (spaCy splits on spaces) but may hold other whitespace ("a\xa0b").
        fields = line.split(" ") if line.count(" ") == 3 else line.split()
        if fields and fields[0] == "-DOCSTART-":
            doc_id = fields[2] if len(fields) > 2 and fields[2] != "-X-" else f"conll_{len(docs) + 1:04d}"
            docs.append((doc_id, [[]]))
            continue
        if not docs:
            docs.append((f"conll_{len(docs) + 1:04d}", [[]]))
        if not fields:
            if docs[-1][1][-1]:
                docs[-1][1].append([])
            continue
        if len(fields) < 2:
            raise ConversionError(f"{where}:{number}: expected a token and a tag, got {line!r}")
        docs[-1][1][-1].append((fields[0], fields[-1]))
    return [(doc_id, [s for s in sentences if s]) for doc_id, sentences in docs]


def read(path: Path, raw_dir: Path | None = None) -> list[Document]:
    with open(path, encoding="utf-8", newline="") as handle:
        # Lines end at "\n" only: other line separators ("\u2028") may sit inside a token.
        lines = handle.read().split("\n")
    docs = []
    for doc_id, sentences in _parse(lines, str(path)):
        tokens = [token for sentence in sentences for token, _ in sentence]
        tags = [tag for sentence in sentences for _, tag in sentence]
        raw = Path(raw_dir) / f"{doc_id}.txt" if raw_dir else None
        if raw is not None and raw.is_file():
            text = raw.read_bytes().decode("utf-8")
            offsets = _align(tokens, text, f"{path}: document {doc_id}")
        else:
            parts, offsets, position = [], [], 0
            for s, sentence in enumerate(sentences):
                for t, (token, _) in enumerate(sentence):
                    if s or t:
                        separator = " " if t else "\n"
                        parts.append(separator)
                        position += 1
                    offsets.append((position, position + len(token)))
                    parts.append(token)
                    position += len(token)
            text = "".join(parts)
        doc = Document(id=doc_id, text=text)
        current: Entity | None = None
        for (start, end), tag in zip(offsets, tags):
            prefix, _, label = tag.partition("-")
            if prefix == "I" and current is not None and current.label == label:
                current.end = end
                current.text = text[current.start : end]
            elif prefix in ("B", "I"):
                current = Entity(id=f"c{len(doc.entities) + 1}", start=start, end=end, label=label, text=text[start:end])
                doc.entities.append(current)
            else:
                current = None
        restore(doc, None)
        fill_date_values(doc)
        docs.append(doc)
    return docs


def write(docs: list[Document], path: Path) -> Dropped:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(to_conll(doc))
    dropped = Dropped()
    counts = present(docs)
    for what in CANNOT_HOLD:
        dropped.add(what, counts[what])
    return dropped
