"""CrossRE (Bassignana and Plank, 2022) politics and news, converted onto the project's labels.

CrossRE adds relations to CrossNER's sentences; each line of its files is one
sentence with CrossNER entity spans (inclusive token offsets) and relations
``[head_start, head_end, tail_start, tail_end, label, explanation, ...]``.
The copy in ``corpus/crossre/`` is GPL v3 (its ``LICENSE`` is beside it).

Entities (CrossNER labels): politician, person → PERSON; politicalparty,
organisation → ORG; country, location → LOC; election, event → EVENT; the
rest (misc, works of art, ...) are dropped.

Relations, by CrossRE label and the converted argument types (see
``map_relation``):

* physical: ORG/LOC → LOC is located_in, EVENT → LOC is held_in;
* part-of and general-affiliation: LOC/ORG/PERSON → ORG is member_of (in
  these domains part-of joins parties to alliances and countries to
  organisations, which the guidelines call membership, not a body's part_of);
* role: PERSON → party is member_of, PERSON → other organisation is
  affiliated_with (works for, sits in, plays for);
* temporal, role and win-defeat from a PERSON or ORG to an EVENT (mostly an
  election) are participant_in;
* opposite, compare, social and win-defeat between non-events state that the
  pair is *not* in any of the guidelines' relations and stay negatives;
* everything else (named, origin, related-to, role between organisations, a
  place "temporal" with an election, ...) has no right mapping for most of its
  cases: the pair is recorded as unlabelled, left out of training and of
  scoring rather than counted as a negative.
"""

from __future__ import annotations

import json
from pathlib import Path

from textmine.document import Document, Entity, Relation, relation_allowed
from textmine.training.redocred import rebuild_text
from textmine.resources.locations import corpus_dir
from textmine.stages.relations.candidates import NONE_LABEL

CORPUS_DIR = corpus_dir() / "crossre"
DOMAINS = ("politics", "news")

ENTITY_TYPES = {
    "politician": "PERSON", "person": "PERSON",
    "politicalparty": "ORG", "organisation": "ORG",
    "country": "LOC", "location": "LOC",
    "election": "EVENT", "event": "EVENT",
}
# CrossRE labels that say two arguments are opposed, compared or socially related: not a relation of the guidelines.
NEGATIVE_LABELS = {"opposite", "compare", "social", "win-defeat"}
# Key of Document.annotations listing (head id, tail id) pairs whose relation has no mapping.
UNLABELLED = "unlabelled_pairs"


def map_relation(label: str, head_type: str, tail_type: str) -> str | None:
    """The project's label for a CrossRE relation between CrossNER types, NONE_LABEL (a negative), or None when unmapped."""
    head, tail = ENTITY_TYPES.get(head_type), ENTITY_TYPES.get(tail_type)
    if head is None or tail is None:
        return None
    if label == "physical":
        if tail == "LOC" and head in ("ORG", "LOC"):
            return "located_in"
        if tail == "LOC" and head == "EVENT":
            return "held_in"
        return None
    if label in ("part-of", "general-affiliation") and tail == "ORG" and head in ("LOC", "ORG", "PERSON"):
        return "member_of"
    if label == "role" and head == "PERSON" and tail == "ORG":
        return "member_of" if tail_type == "politicalparty" else "affiliated_with"
    if label in ("temporal", "role", "win-defeat") and tail == "EVENT" and head in ("PERSON", "ORG"):
        return "participant_in"
    if label in NEGATIVE_LABELS:
        return NONE_LABEL
    return None


def convert_sentence(raw: dict) -> Document:
    """One CrossRE line as a document of one sentence with its mapped entities and relations."""
    text, offsets, sentences = rebuild_text([raw["sentence"]])
    tokens = offsets[0]
    doc = Document(id=raw["doc_key"], text=text, source={"format": "crossre"})
    by_span: dict[tuple[int, int], tuple[Entity, str]] = {}
    for first, last, ner_type in sorted(raw["ner"]):
        label = ENTITY_TYPES.get(ner_type)
        if label is None:
            continue
        start, end = tokens[first][0], tokens[last][1]
        entity = Entity(id=f"T{len(doc.entities) + 1}", start=start, end=end, label=label, text=text[start:end], source="crossre")
        doc.entities.append(entity)
        by_span[(first, last)] = (entity, ner_type)
    unlabelled: list[tuple[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for h0, h1, t0, t1, crossre_label, *_ in raw["relations"]:
        if (h0, h1) not in by_span or (t0, t1) not in by_span:
            continue
        (head, head_type), (tail, tail_type) = by_span[(h0, h1)], by_span[(t0, t1)]
        label = map_relation(crossre_label, head_type, tail_type)
        if label == NONE_LABEL:
            continue
        if label is None or not relation_allowed(label, head.label, tail.label):
            unlabelled += [(head.id, tail.id), (tail.id, head.id)]
            continue
        if (label, head.id, tail.id) not in seen:
            seen.add((label, head.id, tail.id))
            doc.relations.append(Relation(id=f"R{len(doc.relations) + 1}", label=label, head=head.id, tail=tail.id, source="crossre"))
    doc.annotations["sentences"] = [(s.start, s.end) for s in sentences]
    doc.annotations[UNLABELLED] = sorted(set(unlabelled))
    return doc


def load_documents(domain: str = "politics", split: str = "train", corpus_dir: Path = CORPUS_DIR) -> list[Document]:
    """The converted sentences of one domain and split ("train" or "dev"; the test split is not in the project)."""
    if domain not in DOMAINS or split not in ("train", "dev"):
        raise ValueError(f"CrossRE {domain}-{split} is not in the project: domains {DOMAINS}, splits train and dev")
    path = corpus_dir / f"{domain}-{split}.json"
    with open(path, encoding="utf-8") as handle:
        return [convert_sentence(json.loads(line)) for line in handle if line.strip()]
