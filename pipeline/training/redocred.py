"""Re-DocRED (Tan et al., 2022) converted onto the project's labels.

The mapping is the one in ``corpus/README.md``: PER/ORG/LOC/TIME
become PERSON/ORG/LOC/DATE (MISC and NUM dropped, nationality adjectives not
LOC), and a handful of Wikidata properties become the guidelines' relation
labels. Re-DocRED's relations are between entities (all their mentions) and
may span sentences; the guidelines annotate a relation where one sentence
states it, so a relation is kept between two mentions that share a sentence
listed in its evidence (or any shared sentence when no evidence is given).

Re-DocRED has relations with no label here (educated at, shares border
with, ...); their same-sentence pairs are not negatives of the guidelines'
labels either, so they are left out of training (``UNMAPPED_PAIRS``).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from textmine.document import Document, Entity, Relation
from textmine.resources.locations import corpus_dir, require_corpus

# Key of Document.annotations listing (head id, tail id) pairs, both ways, of same-sentence mentions of a relation the
# mapping leaves out: left out of the classifier's training (not "no relation"), still scored as any other pair.
UNMAPPED_PAIRS = "unmapped_pairs"

DEFAULT_PATH = corpus_dir() / "redocred" / "dev_revised.json"

ENTITY_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "TIME": "DATE"}

# Wikidata property -> (project label, reversed?) ; located_in/part_of depend on
# argument types and are resolved in _map_relation.
LOCATED_PROPERTIES = {"P131", "P17", "P276", "P159", "P706", "P30"}
# Membership of a person in an organisation, the guidelines' member_of (PERSON -> ORG): a party (P102),
# a sports team (P54), a band or group the person is "part of" (P361; P527 "has part" its inverse).
PERSON_MEMBERSHIP_PROPERTIES = {"P102", "P54"}

# Tokens glued to the previous token when the text is rebuilt.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class SentenceSpan:
    start: int
    end: int


def rebuild_text(sents: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]], list[SentenceSpan]]:
    """Join tokens into text; return the text, each token's offsets, each sentence's span (also used for CrossNER)."""
    parts: list[str] = []
    length = 0
    token_offsets: list[list[tuple[int, int]]] = []
    sentence_spans: list[SentenceSpan] = []
    previous = None
    for sent in sents:
        offsets = []
        sent_start = None
        for token in sent:
            if previous is not None and token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
                parts.append(" ")
                length += 1
            if sent_start is None:
                sent_start = length
            offsets.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            previous = token
        token_offsets.append(offsets)
        sentence_spans.append(SentenceSpan(length if sent_start is None else sent_start, length))
    return "".join(parts), token_offsets, sentence_spans


def _map_relation(prop: str, head_label: str, tail_label: str, person_membership: bool = True) -> tuple[str, bool] | None:
    """(project label, swap head and tail) for a Re-DocRED property, or None when unmapped.

    ``person_membership`` False gives the mapping before persons' parties, teams and groups were
    mapped to member_of (kept so that figures under both mappings can be compared).
    """
    if prop == "P463":
        return "member_of", False
    if person_membership and prop in PERSON_MEMBERSHIP_PROPERTIES and (head_label, tail_label) == ("PERSON", "ORG"):
        return "member_of", False
    if prop in LOCATED_PROPERTIES and tail_label == "LOC":
        return "located_in", False
    if prop == "P150":
        return "located_in", True
    if prop in ("P361", "P527"):
        swap = prop == "P527"
        labels = (tail_label, head_label) if swap else (head_label, tail_label)
        if labels == ("ORG", "ORG"):
            return "part_of", swap
        if labels == ("LOC", "LOC"):
            return "located_in", swap
        if person_membership and labels == ("PERSON", "ORG"):
            return "member_of", swap
        return None
    if prop == "P749":
        return "part_of", False
    if prop == "P355":
        return "part_of", True
    if prop == "P108":
        return "affiliated_with", False
    return None


def convert_document(raw: dict, doc_id: str, person_membership: bool = True) -> Document:
    from textmine.document import relation_allowed
    from textmine.resources.gazetteer import is_nationality_adjective

    text, token_offsets, sentence_spans = rebuild_text(raw["sents"])
    doc = Document(id=doc_id, text=text, source={"format": "redocred", "title": raw.get("title")})
    mentions_by_vertex: list[list[tuple[Entity, int]]] = []
    counter = 0
    seen_spans: set[tuple[int, int]] = set()
    # MISC mentions are left out, but some are EVENTs ("World War II"): a recogniser
    # trained on the document must not learn them as non-entities (training/ner.py).
    misc_spans: list[tuple[int, int]] = []
    for vertex in raw["vertexSet"]:
        mentions = []
        for mention in vertex:
            label = ENTITY_TYPES.get(mention["type"])
            sent_id = mention["sent_id"]
            first, last = mention["pos"]
            start = token_offsets[sent_id][first][0]
            end = token_offsets[sent_id][last - 1][1]
            surface = text[start:end]
            if mention["type"] == "MISC":
                misc_spans.append((start, end))
            if label is None or (start, end) in seen_spans:
                continue
            if label == "LOC" and is_nationality_adjective(surface):
                continue
            seen_spans.add((start, end))
            counter += 1
            entity = Entity(id=f"T{counter}", start=start, end=end, label=label, text=surface, source="redocred")
            doc.entities.append(entity)
            mentions.append((entity, sent_id))
        mentions_by_vertex.append(mentions)
    _drop_crossing(doc)
    alive = {e.id for e in doc.entities}
    relation_keys: set[tuple[str, str, str]] = set()
    unmapped: list[tuple[Entity, Entity]] = []
    for label_info in raw.get("labels", []):
        heads = [(e, s) for e, s in mentions_by_vertex[label_info["h"]] if e.id in alive]
        tails = [(e, s) for e, s in mentions_by_vertex[label_info["t"]] if e.id in alive]
        if not heads or not tails:
            continue
        mapped = _map_relation(label_info["r"], heads[0][0].label, tails[0][0].label, person_membership)
        if mapped is None:
            unmapped += [(h, t) for h, h_sent in heads for t, t_sent in tails if h_sent == t_sent]
            continue
        label, swap = mapped
        if swap:
            heads, tails = tails, heads
        evidence = set(label_info.get("evidence") or [])
        for head, head_sent in heads:
            for tail, tail_sent in tails:
                if head_sent != tail_sent or (evidence and head_sent not in evidence):
                    continue
                if not relation_allowed(label, head.label, tail.label):
                    continue
                key = (label, head.id, tail.id)
                if key not in relation_keys:
                    relation_keys.add(key)
                    doc.relations.append(Relation(id=f"R{len(doc.relations) + 1}", label=label, head=head.id, tail=tail.id, source="redocred"))
    doc.annotations["sentences"] = [(s.start, s.end) for s in sentence_spans]
    doc.annotations["unannotated_spans"] = sorted(misc_spans)
    doc.renumber()
    # After renumbering: the pairs are kept as entities until their ids are final.
    related = {pair for r in doc.relations for pair in ((r.head, r.tail), (r.tail, r.head))}
    doc.annotations[UNMAPPED_PAIRS] = sorted({pair for h, t in unmapped for pair in ((h.id, t.id), (t.id, h.id))} - related)
    return doc


def _drop_crossing(doc: Document) -> None:
    """Keep flat, maximal spans as the guidelines ask: the longer of two overlapping mentions wins."""
    kept: list[Entity] = []
    for entity in sorted(doc.entities, key=lambda e: (-(e.end - e.start), e.start)):
        if all(entity.end <= k.start or entity.start >= k.end for k in kept):
            kept.append(entity)
    doc.entities = sorted(kept, key=lambda e: e.start)


def load_documents(path: Path = DEFAULT_PATH, person_membership: bool = True) -> list[Document]:
    """The converted documents; ``person_membership`` False uses the earlier mapping (see ``_map_relation``)."""
    with open(require_corpus(path, "reading Re-DocRED"), encoding="utf-8") as handle:
        raw_docs = json.load(handle)
    return [convert_document(raw, f"redocred_dev_{i:03d}", person_membership) for i, raw in enumerate(raw_docs)]


def split(docs: list[Document], held_out_fraction: float = 0.2, seed: int = 13) -> tuple[list[Document], list[Document]]:
    """Reproducible train / held-out split of whole documents."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    cut = int(round(len(docs) * (1 - held_out_fraction)))
    train = [docs[i] for i in sorted(order[:cut])]
    held_out = [docs[i] for i in sorted(order[cut:])]
    return train, held_out


def iter_raw_texts(path: Path = DEFAULT_PATH) -> Iterator[tuple[str, str]]:
    """(id, text) pairs, for speed benchmarks that need plain documents."""
    with open(require_corpus(path, "reading Re-DocRED"), encoding="utf-8") as handle:
        raw_docs = json.load(handle)
    for i, raw in enumerate(raw_docs):
        yield f"redocred_dev_{i:03d}", rebuild_text(raw["sents"])[0]
