"""Combining the spaCy and stanza backends' entities into one flat list.

:func:`combine` works on mentions (start, end, label) and decides in this order:

1. **Agreement.** A mention both backends found with the same span and label
   is kept first: source ``"ensemble:both"``, confidence
   ``1 - (1 - a)(1 - b)`` of the two backends' confidences (two independent
   votes).
2. **Same span, different labels.** Both backends say the span is a name, so
   it is kept (source ``"ensemble:both"``, confidence ``max(a, b) *
   LABEL_CONFLICT_FACTOR``) with the label that comes first in
   :data:`LABEL_PRECEDENCE`: EVENT, PERSON, ORG, LOC, DATE. The narrower
   reading comes first, because a model falls back on the broad classes when
   unsure (a named exercise or summit read as ORG, an institution named after
   its city read as LOC) while the narrower label needs positive evidence.
3. **One backend only.** Other mentions are candidates with their own
   confidence (the backend's, or :data:`SINGLE_CONFIDENCE` when it gives
   none) and keep their source (``"spacy"`` or ``"stanza"``).

Mentions are then taken greedily in that order (agreement, then label
conflicts, then single-backend ones by confidence, longer spans first on
ties) and one that crosses or nests in an already taken mention is dropped,
so the result has no crossing spans (guidelines §1).
"""

from __future__ import annotations

from ..document import Entity

LABEL_PRECEDENCE = ("EVENT", "PERSON", "ORG", "LOC", "DATE")
# Confidence of a backend's mention when the backend gives none.
SINGLE_CONFIDENCE = 0.6
# Two backends that bound a name alike but type it differently agree on less.
LABEL_CONFLICT_FACTOR = 0.9

_RANK = {label: i for i, label in enumerate(LABEL_PRECEDENCE)}


def _confidence(entity: Entity) -> float:
    return entity.confidence if entity.confidence is not None else SINGLE_CONFIDENCE


def combine(spacy_entities: list[Entity], stanza_entities: list[Entity]) -> list[Entity]:
    """One flat, non-crossing list of mentions from the two backends (see the module docstring)."""
    spacy_by_span: dict[tuple[int, int], list[Entity]] = {}
    for ent in spacy_entities:
        spacy_by_span.setdefault((ent.start, ent.end), []).append(ent)
    stanza_by_span: dict[tuple[int, int], list[Entity]] = {}
    for ent in stanza_entities:
        stanza_by_span.setdefault((ent.start, ent.end), []).append(ent)

    # (tier, -confidence, -length, start) orders the greedy selection.
    candidates: list[tuple[tuple[int, float, int, int], Entity]] = []
    for span in sorted(set(spacy_by_span) | set(stanza_by_span)):
        from_spacy, from_stanza = spacy_by_span.get(span, []), stanza_by_span.get(span, [])
        if from_spacy and from_stanza:
            shared = sorted({e.label for e in from_spacy} & {e.label for e in from_stanza}, key=_RANK.get)
            a = max(_confidence(e) for e in from_spacy)
            b = max(_confidence(e) for e in from_stanza)
            if shared:
                tier, label, confidence = 0, shared[0], 1 - (1 - a) * (1 - b)
            else:
                labels = sorted({e.label for e in from_spacy + from_stanza}, key=lambda lab: _RANK.get(lab, len(_RANK)))
                tier, label, confidence = 1, labels[0], max(a, b) * LABEL_CONFLICT_FACTOR
            base = from_spacy[0]
            merged = Entity(id="", start=base.start, end=base.end, label=label, text=base.text,
                            source="ensemble:both", confidence=round(confidence, 4))
            candidates.append(((tier, -confidence, -(span[1] - span[0]), span[0]), merged))
            continue
        for ent in from_spacy or from_stanza:
            confidence = _confidence(ent)
            single = Entity(id="", start=ent.start, end=ent.end, label=ent.label, text=ent.text,
                            source=ent.source or ("spacy" if from_spacy else "stanza"), confidence=round(confidence, 4))
            candidates.append(((2, -confidence, -(span[1] - span[0]), span[0]), single))

    taken: list[Entity] = []
    for _, ent in sorted(candidates, key=lambda item: item[0]):
        if all(ent.end <= other.start or ent.start >= other.end for other in taken):
            taken.append(ent)
    taken.sort(key=lambda e: (e.start, e.end))
    for i, ent in enumerate(taken, 1):
        ent.id = f"T{i}"
    return taken
