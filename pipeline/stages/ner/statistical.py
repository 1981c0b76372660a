"""The statistical model's entities (trained or pretrained spaCy component), mapped onto the guidelines' labels.

OntoNotes labels: GPE, LOC and FAC are places (LOC); ORG, PERSON, DATE and
EVENT keep their names; NORP (nationalities), LAW, WORK_OF_ART, numbers and
the rest are not entities under the guidelines. A named holiday tagged EVENT
("Victory Day") is a DATE by the guidelines. The trained component
(``models/ner/``) is the pretrained one fine-tuned, so it keeps the OntoNotes
label set: it was taught only the guidelines' five, and any other label it
still emits is mapped the same way.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from textmine.stages.ner.spans import PRIORITY, Candidate

ONTONOTES_TO_GUIDELINES = {
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "PERSON": "PERSON",
    "DATE": "DATE",
    "EVENT": "EVENT",
}
_HOLIDAY = re.compile(r"\b(?:Day|Eve|Christmas|Easter|Ramadan|Nowruz|Navruz|Hanukkah|Diwali)$")


def map_label(ontonotes_label: str, mention: str) -> str | None:
    label = ONTONOTES_TO_GUIDELINES.get(ontonotes_label)
    if label == "EVENT" and _HOLIDAY.search(mention):
        return "DATE"
    return label


def spacy_candidates(spacy_doc: Any, source: str = "spacy") -> list[Candidate]:
    """The model's entities as candidates, labels mapped, nothing else changed."""
    out = []
    for ent in spacy_doc.ents:
        label = map_label(ent.label_, ent.text)
        if label is not None:
            out.append(Candidate(ent.start_char, ent.end_char, label, source, PRIORITY["statistical"]))
    return out


def entities_to_candidates(entities: Iterable[Any]) -> list[Candidate]:
    """Entities of another statistical backend (stanza) as candidates."""
    return [
        Candidate(e.start, e.end, e.label, e.source or "statistical", PRIORITY["statistical"])
        for e in entities
    ]
