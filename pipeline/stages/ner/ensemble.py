"""Combining the spaCy and stanza backends' entities into one flat list.

Every proposed mention (start, end, label) gets a **confidence**: the
precision that mentions of its kind and label have, from a
:data:`Reliability` table. The kinds are

* ``"both"``: both backends proposed the same span with the same label
  (agreement; source ``"ensemble:both"``);
* ``"spacy"`` / ``"stanza"``: only that backend proposed it, including the
  case where the other one gave the same span another label (source
  ``"spacy"`` / ``"stanza"``).

The table is measured on the development documents when ``textmine train
stanza-ner`` builds a model (``StanzaBackend.reliability``); without one,
:data:`DEFAULT_RELIABILITY` holds: agreement 0.9, either backend alone 0.6.

Decisions, in this order:

1. Same span, different labels: the label whose mention has the higher
   confidence wins; on a tie the label that comes first in
   :data:`LABEL_PRECEDENCE` (EVENT, PERSON, ORG, LOC, DATE) — the narrower
   reading, because a model falls back on the broad classes when unsure (a
   named exercise read as ORG, an institution named after its city read as
   LOC) while the narrower label needs positive evidence.
2. Mentions below :data:`MIN_CONFIDENCE` are dropped: adding a mention that
   is right with probability p raises F1 only when p > F1 / 2, and the
   backends' F1 is about 0.7.
3. The rest are taken greedily by confidence (longer spans first on ties);
   one that crosses or nests in a taken mention is dropped, so the result
   has no crossing spans (guidelines §1).
"""

from __future__ import annotations

from typing import Mapping

from textmine.document import Entity

LABEL_PRECEDENCE = ("EVENT", "PERSON", "ORG", "LOC", "DATE")
KINDS = ("both", "spacy", "stanza")
MIN_CONFIDENCE = 0.35

# kind -> label -> precision; a kind without the label falls back on its "*".
Reliability = Mapping[str, Mapping[str, float]]
DEFAULT_RELIABILITY: Reliability = {"both": {"*": 0.9}, "spacy": {"*": 0.6}, "stanza": {"*": 0.6}}

_RANK = {label: i for i, label in enumerate(LABEL_PRECEDENCE)}


def confidence_of(reliability: Reliability, kind: str, label: str) -> float:
    table = reliability.get(kind) or DEFAULT_RELIABILITY[kind]
    if label in table:
        return table[label]
    return table.get("*", DEFAULT_RELIABILITY[kind]["*"])


def combine(spacy_entities: list[Entity], stanza_entities: list[Entity], reliability: Reliability | None = None) -> list[Entity]:
    """One flat, non-crossing list of mentions from the two backends (see the module docstring)."""
    reliability = reliability or DEFAULT_RELIABILITY
    by_mention: dict[tuple[int, int, str], dict[str, Entity]] = {}
    for source, entities in (("spacy", spacy_entities), ("stanza", stanza_entities)):
        for ent in entities:
            by_mention.setdefault((ent.start, ent.end, ent.label), {})[source] = ent

    best_per_span: dict[tuple[int, int], tuple[tuple[float, int], Entity]] = {}
    for (start, end, label), sources in by_mention.items():
        kind = "both" if len(sources) == 2 else next(iter(sources))
        confidence = confidence_of(reliability, kind, label)
        if confidence < MIN_CONFIDENCE:
            continue
        base = next(iter(sources.values()))
        mention = Entity(id="", start=start, end=end, label=label, text=base.text,
                         source="ensemble:both" if kind == "both" else kind, confidence=round(confidence, 4))
        rank = (confidence, -_RANK.get(label, len(_RANK)))
        if (start, end) not in best_per_span or rank > best_per_span[(start, end)][0]:
            best_per_span[(start, end)] = (rank, mention)

    taken: list[Entity] = []
    ordered = sorted(best_per_span.values(), key=lambda item: (-item[0][0], -(item[1].end - item[1].start), item[1].start))
    for _, mention in ordered:
        if all(mention.end <= other.start or mention.start >= other.end for other in taken):
            taken.append(mention)
    taken.sort(key=lambda e: (e.start, e.end))
    for i, mention in enumerate(taken, 1):
        mention.id = f"T{i}"
    return taken


def measure_reliability(pairs: list[tuple[list[Entity], list[Entity], list[Entity]]]) -> dict[str, dict[str, float]]:
    """A reliability table from (gold, spaCy, stanza) mentions of held-apart documents.

    Precision per kind and label, smoothed towards 1/2 (add one to the right
    and one to the wrong counts) so that rare labels do not swing to 0 or 1.
    """
    counts: dict[str, dict[str, list[int]]] = {kind: {} for kind in KINDS}
    for gold, spacy_entities, stanza_entities in pairs:
        gold_keys = {(e.start, e.end, e.label) for e in gold}
        spacy_keys = {(e.start, e.end, e.label) for e in spacy_entities}
        stanza_keys = {(e.start, e.end, e.label) for e in stanza_entities}
        for key in spacy_keys | stanza_keys:
            kind = "both" if key in spacy_keys and key in stanza_keys else ("spacy" if key in spacy_keys else "stanza")
            right_wrong = counts[kind].setdefault(key[2], [0, 0])
            right_wrong[0 if key in gold_keys else 1] += 1
    table: dict[str, dict[str, float]] = {}
    for kind, per_label in counts.items():
        table[kind] = {label: round((right + 1) / (right + wrong + 2), 4) for label, (right, wrong) in sorted(per_label.items())}
        table[kind]["*"] = DEFAULT_RELIABILITY[kind]["*"]
    return table
