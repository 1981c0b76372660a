"""The ``byline_affiliations`` component: affiliated_with from the author block as the metadata stage reads it.

Who is affiliated with what in an author block is a matter of the block's
layout (markers, one affiliation per line, "Name, position, University", a
line shared by all authors), which the metadata stage already reads: it
assigns each author the affiliation lines that author's markers point to, or
the one written under the author, or the one shared by all. This component
turns that assignment into relations, so that the block has one reading:

* for every author with a PERSON mention, affiliated_with from that mention
  (the one on the byline, so one fact per author-organisation pair) to every
  ORG mention inside each affiliation assigned to the author (the
  organisation part of the line, before its address: a department and its
  university are both affiliations, guidelines §3);
* affiliated_with pairs from the classifier or patterns are dropped when they
  contradict the block: either argument inside the block, or the person is an
  author whose affiliation the block states (the author's name again in the
  page's wrapper), or the person stands in a bibliographic entry (a
  reference, a "how to cite" line: it names authors and works, never where
  they work).

It runs after ``metadata`` and ``relations`` and reads what the metadata
component left in ``doc.annotations`` (:data:`AUTHOR_ASSIGNMENT_KEY`); a
document without an author assignment is left as it is, apart from the
reference rule.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from textmine.components import register
from textmine.document import Document, Entity, Relation
from textmine.stages.metadata import AUTHOR_ASSIGNMENT_KEY, Metadata, is_references_heading
from textmine.stages.relations.candidates import reference_blocks

SOURCE = "byline"
# The precision of this component's facts on the dev half of corpus/pages (12 right of 12 emitted, counted over the
# dev pages' outputs against their gold), add-one smoothed so that a perfect small count does not claim certainty:
# (12 + 1) / (12 + 2) = 0.93. The test half was not used.
BYLINE_CONFIDENCE = 0.93
LABEL = "affiliated_with"


def _name_words(text: str) -> set[str]:
    """The words of a name that are not initials ("Okonkwo C. A." -> {"okonkwo"})."""
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", text)}


def bibliographic_spans(doc: Document) -> list[tuple[int, int]]:
    """Where the page cites works: reference entries, the lines below a references heading, and lines in the
    GOST form "Authors. Title // Journal. Year" (a reference list or a "how to cite" line)."""
    spans = list(reference_blocks(doc))
    position, below_heading = 0, False
    for line in doc.text.split("\n"):
        end = position + len(line)
        below_heading = below_heading or is_references_heading(line)
        if below_heading or " // " in line:
            spans.append((position, end))
        position = end + 1
    return spans


def distinct_authors(assignment: list[dict[str, Any]], by_id: dict[str, Entity]) -> list[dict[str, Any]]:
    """The assignment without the authors that are another printing of an author in it ("Okonkwo C. A." in the
    wrapper's record and "Chinedu A. Okonkwo" on the byline): the fullest printing, else the last, carries the facts."""
    words = [_name_words(by_id[a["entity"]].text) if a.get("entity") in by_id else set() for a in assignment]
    kept = []
    for i, author in enumerate(assignment):
        repeated = any(j != i and words[i] and words[i] <= words[j] and (words[i] != words[j] or j > i)
                       for j in range(len(assignment)))
        if not repeated:
            kept.append(author)
    return kept


def _inside(entity: Entity, spans: list[tuple[int, int]]) -> bool:
    return any(start <= entity.start and entity.end <= end for start, end in spans)


def byline_relations(doc: Document, assignment: list[dict[str, Any]], confidence: float = BYLINE_CONFIDENCE) -> list[Relation]:
    """affiliated_with from each author's PERSON mention to the ORG mentions of the affiliations assigned to it."""
    by_id = doc.entity_by_id()
    journal = (doc.metadata or {}).get("journal_entity")
    organisations = sorted((e for e in doc.entities if e.label == "ORG" and e.id != journal), key=lambda e: e.start)
    pairs: dict[tuple[str, str], None] = {}
    for author in distinct_authors(assignment, by_id):
        person = by_id.get(author.get("entity"))
        if person is None or person.label != "PERSON":
            continue
        for start, end in author.get("affiliations") or []:
            for org in organisations:
                if org.start < end and start < org.end:
                    pairs[(person.id, org.id)] = None
    return [Relation(id="", label=LABEL, head=head, tail=tail, confidence=confidence, source=SOURCE) for head, tail in pairs]


def block_span(assignment: list[dict[str, Any]]) -> tuple[int, int] | None:
    """From the first author's name to the end of the last line of the block (a name or an assigned affiliation);
    None when no author has an affiliation. ``assignment`` without other printings of its authors."""
    if not any(author.get("affiliations") for author in assignment):
        return None
    starts = [a["start"] for a in assignment]
    ends = [a["end"] for a in assignment] + [end for a in assignment for _, end in a.get("lines") or []]
    return min(starts), max(ends)


def contradicts(rel: Relation, doc: Document, assignment: list[dict[str, Any]], references: list[tuple[int, int]]) -> bool:
    """A classifier or pattern affiliated_with pair that the author block or a reference list rules out."""
    by_id = doc.entity_by_id()
    head, tail = by_id.get(rel.head), by_id.get(rel.tail)
    if head is None or tail is None:
        return False
    if _inside(head, references) or _inside(tail, references):
        return True
    block = block_span(distinct_authors(assignment, by_id))
    if block is None:
        return False
    if _inside(head, [block]) or _inside(tail, [block]):
        return True
    words = _name_words(head.text)
    return bool(words) and any(author.get("affiliations") and words <= _name_words(by_id[author["entity"]].text)
                               for author in assignment if author.get("entity") in by_id)


@register("byline_affiliations")
class BylineAffiliations:
    """Replace sentence-level affiliated_with guesses in the author block by the metadata stage's reading of it.

    ``confidence`` is the fixed confidence of the relations it adds (default
    :data:`BYLINE_CONFIDENCE`, the precision measured on development pages);
    with ``min_confidence`` above it (the extractor's ``--min-confidence``) it adds none.
    """

    name = "byline_affiliations"

    def __init__(self, confidence: float = BYLINE_CONFIDENCE, min_confidence: float = 0.0):
        if not 0.0 < confidence <= 1.0:
            raise ValueError(f"confidence must be in (0, 1], not {confidence}")
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
        self.confidence = confidence
        self.min_confidence = min_confidence

    @property
    def provenance(self) -> dict[str, Any]:
        return {"source": SOURCE, "confidence": self.confidence, "min_confidence": self.min_confidence}

    def __call__(self, doc: Document) -> Document:
        assignment = doc.annotations.get(AUTHOR_ASSIGNMENT_KEY) or []
        references = bibliographic_spans(doc)
        kept = [rel for rel in doc.relations
                if rel.label != LABEL or rel.source == SOURCE or not contradicts(rel, doc, assignment, references)]
        added = byline_relations(doc, assignment, self.confidence) if self.confidence >= self.min_confidence else []
        new = {(rel.head, rel.tail) for rel in added}
        # The block's reading replaces a classifier pair it agrees with, so each pair is stated once, by the byline.
        kept = [rel for rel in kept if not (rel.label == LABEL and (rel.head, rel.tail) in new)]
        doc.relations = kept + added
        for i, rel in enumerate(doc.relations, 1):
            rel.id = f"R{i}"
        return doc


def with_byline(predictor: Callable[[Document, Any], list[Relation]]) -> Callable[[Document, Any], list[Relation]]:
    """A relation predictor ``(doc, examples) -> relations`` followed by the metadata stage and this component, as
    the extractor runs them: for benchmarks that call the relation classifier on documents directly."""
    component = BylineAffiliations()

    def run(doc: Document, items: Any) -> list[Relation]:
        seen = Document(id=doc.id, text=doc.text, segments=doc.segments, entities=doc.entities,
                        relations=list(predictor(doc, items)), source=doc.source or {})
        seen.annotations = {key: value for key, value in doc.annotations.items() if key == "html_blocks"}
        return component(Metadata()(seen)).relations

    return run
