"""Scoring predictions against gold files (annotation guidelines §5).

* Entities: the four SemEval-2013 task 9.1 schemes exactly as ``nervaluate``
  1.2.1 computes them (strict — the headline —, exact, partial, type), per
  label and micro-averaged. The matching is reimplemented here so that the
  individual errors (which prediction met which gold mention) can be listed;
  ``tests/test_evaluate.py`` checks the figures against the library.
* DATE values: accuracy over strict-matched DATE mentions with a gold value.
* Relations at mention level (label + both argument spans and labels) and
  fact level (label + case-folded, whitespace-collapsed argument texts,
  de-duplicated per document); symmetric labels match in either direction.
* Segments: character-level agreement of (role, lang) with gold segments
  (:func:`textmine.stages.segment.segment_char_accuracy`), micro-averaged over documents.
* Metadata: field-level accuracy (:func:`textmine.stages.metadata.metadata_field_accuracy`),
  averaged over the fields of all documents with gold metadata.

Gold and predictions are matched by document ``id``. A gold document without
a prediction is scored as all-missed; a prediction without gold is listed
and ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from textmine.document import ENTITY_LABELS, RELATION_TYPES, SYMMETRIC_RELATIONS, Document, Entity
from textmine.stages.metadata import metadata_field_accuracy
from textmine.stages.segment import segment_char_accuracy
from textmine.evaluation.validate import iter_json_records, schema_errors, schema_problems

SCHEMES = ("strict", "exact", "partial", "type")  # nervaluate calls "type" "ent_type"
# nervaluate's default: an overlap counts when it covers at least 1% of the gold span.
MIN_OVERLAP_PERCENT = 1.0


class GoldFormatError(ValueError):
    """A gold file that cannot be scored; the message names the file and the field."""


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # exclusive, as everywhere in textmine
    label: str


@dataclass
class SchemeOutcome:
    """How one scheme paired predictions (p) with gold mentions (g); indices into the input lists."""

    correct: list[tuple[int, int]] = field(default_factory=list)  # (p, g)
    incorrect: list[tuple[int, int]] = field(default_factory=list)
    partial: list[tuple[int, int]] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(
            correct=len(self.correct),
            incorrect=len(self.incorrect),
            partial=len(self.partial),
            missed=len(self.missed),
            spurious=len(self.spurious),
        )


def _overlaps(pred: Span, gold: Span) -> bool:
    """nervaluate's overlap test (its ends are inclusive, ours exclusive: the arithmetic below is the same)."""
    overlap = min(pred.end, gold.end) - max(pred.start, gold.start)
    if overlap <= 0 or gold.end <= gold.start:
        return False
    return overlap / (gold.end - gold.start) * 100.0 >= MIN_OVERLAP_PERCENT


def match_spans(gold: Sequence[Span], pred: Sequence[Span], scheme: str) -> SchemeOutcome:
    """Pair predictions with gold mentions the way nervaluate's strategy for ``scheme`` does.

    Greedy in prediction order, each gold mention used once: an exact match
    wins; otherwise the first overlapping gold mention makes the prediction
    incorrect (or partial); for "type" the same-label overlap with the
    closest boundaries wins.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; one of {SCHEMES}")
    outcome = SchemeOutcome()
    taken: set[int] = set()
    for p, ps in enumerate(pred):
        hit = near = None
        best_distance = None
        for g, gs in enumerate(gold):
            if g in taken:
                continue
            same_span = ps.start == gs.start and ps.end == gs.end
            overlapping = _overlaps(ps, gs)
            if scheme == "type":
                if not overlapping:
                    continue
                distance = abs(ps.start - gs.start) + abs(ps.end - gs.end)
                if ps.label == gs.label:
                    if best_distance is None or distance < best_distance:
                        hit, best_distance = g, distance
                elif near is None:
                    near = g
                continue
            if scheme == "partial":
                exact_hit = overlapping and same_span
            else:
                exact_hit = same_span and (scheme == "exact" or ps.label == gs.label)
            if exact_hit:
                hit = g
                break
            if overlapping and near is None:
                near = g
        if hit is not None:
            outcome.correct.append((p, hit))
            taken.add(hit)
        elif near is not None:
            (outcome.partial if scheme == "partial" else outcome.incorrect).append((p, near))
            taken.add(near)
        else:
            outcome.spurious.append(p)
    outcome.missed = [g for g in range(len(gold)) if g not in taken]
    return outcome


def span_scores(counts: Counter, scheme: str) -> dict[str, Any]:
    """Counts plus precision/recall/F1 as nervaluate defines them (partial matches count half)."""
    correct, incorrect, partial = counts["correct"], counts["incorrect"], counts["partial"]
    actual = correct + incorrect + partial + counts["spurious"]
    possible = correct + incorrect + partial + counts["missed"]
    credit = correct + 0.5 * partial if scheme in ("partial", "type") else correct
    precision = credit / actual if actual else 0.0
    recall = credit / possible if possible else 0.0
    f1 = 2 * (precision * recall) / (precision + recall) if precision + recall else 0.0
    return {
        "correct": correct,
        "incorrect": incorrect,
        "partial": partial,
        "missed": counts["missed"],
        "spurious": counts["spurious"],
        "possible": possible,
        "actual": actual,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * (precision * recall) / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


# --------------------------------------------------------------------------- loading


@dataclass
class Loaded:
    docs: dict[str, Document]
    where: dict[str, str]  # id -> file (or file:line)
    problems: list[str]  # unreadable predictions, duplicate ids


def _document(data: dict[str, Any]) -> Document:
    # Gold files may omit the text: scoring uses offsets and mention texts only.
    return Document.from_dict(data, text=data.get("text") or "")


def _reference_problem(data: dict[str, Any]) -> tuple[str, str] | None:
    """The first dangling relation argument or empty entity span: either makes scoring meaningless."""
    ids = {e["id"] for e in data["entities"]}
    for i, rel in enumerate(data["relations"]):
        for role in ("head", "tail"):
            if rel[role] not in ids:
                return f"relations[{i}].{role}", f"no entity with id {rel[role]!r}"
    for i, ent in enumerate(data["entities"]):
        if ent["end"] <= ent["start"]:
            return f"entities[{i}].end", f"end {ent['end']} is not after start {ent['start']}"
    return None


def load_gold(path: Path) -> Loaded:
    """Gold documents under ``path``; any malformed one raises GoldFormatError."""
    loaded = Loaded({}, {}, [])
    for record in iter_json_records(Path(path)):
        if record.error:
            raise GoldFormatError(f"{record.where}: {record.error}")
        problems = schema_problems(record.data, "gold")
        if not problems:
            dangling = _reference_problem(record.data)
            problems = [dangling] if dangling else []
        if problems:
            field_name, message = problems[0]
            more = f" (and {len(problems) - 1} more; see `textmine validate`)" if len(problems) > 1 else ""
            raise GoldFormatError(f"{record.where}: {field_name}: {message}{more}")
        doc = _document(record.data)
        if doc.id in loaded.docs:
            raise GoldFormatError(f"{record.where}: id: document id {doc.id!r} also in {loaded.where[doc.id]}")
        loaded.docs[doc.id] = doc
        loaded.where[doc.id] = record.where
    if not loaded.docs:
        raise GoldFormatError(f"{path}: no gold documents (*.json or *.jsonl) to score against")
    return loaded


# The fields scoring reads; a schema error elsewhere (a DATE value, a confidence, metadata) is scored as it is.
_SCORED_FIELD = re.compile(r"(document|id|entities|relations|segments)|(entities|relations|segments)\[\d+\](\.(id|start|end|label|text|head|tail|lang|role))?")


def _breaks_scoring(field_name: str, keyword: str) -> bool:
    """Whether a schema error leaves a prediction unscorable: a missing or mistyped id, span,
    label or argument. Missing entities or relations only mean there are none."""
    if keyword not in ("required", "type") or not _SCORED_FIELD.fullmatch(field_name):
        return False
    return not (keyword == "required" and field_name in ("entities", "relations", "segments"))


def load_predictions(path: Path) -> Loaded:
    """Predicted documents under ``path``; unreadable ones are listed in ``problems`` and left out,
    ones that break the schema only where scoring does not look are listed and scored."""
    loaded = Loaded({}, {}, [])
    for record in iter_json_records(Path(path)):
        if record.error:
            loaded.problems.append(f"{record.where}: {record.error}")
            continue
        errors = schema_errors(record.data, "gold")
        fatal = [(f, m) for f, m, keyword in errors if _breaks_scoring(f, keyword)]
        if fatal:
            field_name, message = fatal[0]
            loaded.problems.append(f"{record.where}: {field_name}: {message}; prediction not scored")
            continue
        if errors:
            field_name, message, _ = errors[0]
            more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
            loaded.problems.append(f"{record.where}: {field_name}: {message}{more} (see `textmine validate`); scored anyway")
        doc = _document(record.data)
        if doc.id in loaded.docs:
            loaded.problems.append(f"{record.where}: id: document id {doc.id!r} also in {loaded.where[doc.id]}; ignored")
            continue
        loaded.docs[doc.id] = doc
        loaded.where[doc.id] = record.where
    return loaded


# --------------------------------------------------------------------------- entities


def _spans(entities: Sequence[Entity]) -> list[Span]:
    return [Span(e.start, e.end, e.label) for e in entities]


def _mention(ent: Entity) -> dict[str, Any]:
    out = {"start": ent.start, "end": ent.end, "label": ent.label, "text": ent.text}
    if ent.label == "DATE":
        out["value"] = ent.value
    return out


def _by_position(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e.start, e.end, e.label))


class _EntityTally:
    def __init__(self) -> None:
        self.micro = {scheme: Counter() for scheme in SCHEMES}
        self.per_label = {scheme: {label: Counter() for label in ENTITY_LABELS} for scheme in SCHEMES}
        self.date_correct = 0
        self.date_total = 0
        self.errors: list[dict[str, Any]] = []
        self.value_errors: list[dict[str, Any]] = []

    def add(self, doc_id: str, gold: list[Entity], pred: list[Entity]) -> None:
        for scheme in SCHEMES:
            outcome = match_spans(_spans(gold), _spans(pred), scheme)
            self.micro[scheme].update(outcome.counts())
            for label in ENTITY_LABELS:
                gold_l = [e for e in gold if e.label == label]
                pred_l = [e for e in pred if e.label == label]
                if gold_l or pred_l:
                    self.per_label[scheme][label].update(match_spans(_spans(gold_l), _spans(pred_l), scheme).counts())
            if scheme == "strict":
                self._record_strict(doc_id, gold, pred, outcome)

    def _record_strict(self, doc_id: str, gold: list[Entity], pred: list[Entity], outcome: SchemeOutcome) -> None:
        for p, g in outcome.correct:
            if gold[g].label == "DATE" and gold[g].value is not None:
                self.date_total += 1
                if pred[p].value == gold[g].value:
                    self.date_correct += 1
                else:
                    self.value_errors.append({"document": doc_id, "gold": _mention(gold[g]), "pred": _mention(pred[p])})
        for p, g in outcome.incorrect:
            same_span = (pred[p].start, pred[p].end) == (gold[g].start, gold[g].end)
            kind = "wrong_label" if same_span else ("wrong_boundary" if pred[p].label == gold[g].label else "wrong_label_and_boundary")
            self.errors.append({"document": doc_id, "kind": kind, "gold": _mention(gold[g]), "pred": _mention(pred[p])})
        for p in outcome.spurious:
            self.errors.append({"document": doc_id, "kind": "spurious", "gold": None, "pred": _mention(pred[p])})
        for g in outcome.missed:
            self.errors.append({"document": doc_id, "kind": "missed", "gold": _mention(gold[g]), "pred": None})

    def report(self) -> dict[str, Any]:
        def position(err: dict[str, Any]) -> tuple:
            where = err["gold"] or err["pred"]
            return (err["document"], where["start"], where["end"])

        schemes = {
            scheme: {
                "micro": span_scores(self.micro[scheme], scheme),
                "per_label": {label: span_scores(self.per_label[scheme][label], scheme) for label in ENTITY_LABELS},
            }
            for scheme in SCHEMES
        }
        dates = {
            "correct": self.date_correct,
            "total": self.date_total,
            "accuracy": self.date_correct / self.date_total if self.date_total else None,
        }
        return {
            "schemes": schemes,
            "date_values": dates,
            "errors": sorted(self.errors, key=position),
            "date_value_errors": sorted(self.value_errors, key=position),
        }


# --------------------------------------------------------------------------- relations


def normalise_fact_text(text: str) -> str:
    """Case-folded, whitespace-collapsed (guidelines §5, fact level)."""
    return " ".join(text.casefold().split())


def _ordered(label: str, head: Any, tail: Any) -> tuple:
    return (label, *sorted((head, tail))) if label in SYMMETRIC_RELATIONS else (label, head, tail)


def relation_mention_key(label: str, head: Entity, tail: Entity) -> tuple:
    """The mention-level key of a relation: label and both argument spans (unordered for symmetric labels)."""
    return _ordered(label, (head.start, head.end, head.label), (tail.start, tail.end, tail.label))


def relation_keys(doc: Document) -> tuple[set[tuple], set[tuple], list[str]]:
    """(mention-level keys, fact-level keys, problems) of a document's relations."""
    by_id = doc.entity_by_id()
    mentions: set[tuple] = set()
    facts: set[tuple] = set()
    problems = []
    for rel in doc.relations:
        if rel.label not in RELATION_TYPES:
            problems.append(f"{doc.id}: relation {rel.id}: unknown label {rel.label!r}; not scored")
            continue
        head, tail = by_id.get(rel.head), by_id.get(rel.tail)
        if head is None or tail is None:
            problems.append(f"{doc.id}: relation {rel.id}: argument {rel.head if head is None else rel.tail} not among the entities; not scored")
            continue
        mentions.add(relation_mention_key(rel.label, head, tail))
        facts.add(_ordered(rel.label, normalise_fact_text(head.text), normalise_fact_text(tail.text)))
    return mentions, facts, problems


class _RelationTally:
    def __init__(self) -> None:
        self.counts = {level: {label: Counter() for label in RELATION_TYPES} for level in ("mention", "fact")}
        self.errors: list[dict[str, Any]] = []
        self.problems: list[str] = []

    def add(self, doc_id: str, gold: Document, pred: Document) -> None:
        gold_mentions, gold_facts, _ = relation_keys(gold)
        pred_mentions, pred_facts, problems = relation_keys(pred)
        self.problems.extend(problems)
        for level, g, p in (("mention", gold_mentions, pred_mentions), ("fact", gold_facts, pred_facts)):
            for key in g & p:
                self.counts[level][key[0]]["tp"] += 1
            for key in p - g:
                self.counts[level][key[0]]["fp"] += 1
            for key in g - p:
                self.counts[level][key[0]]["fn"] += 1
        for kind, keys in (("missed", gold_facts - pred_facts), ("spurious", pred_facts - gold_facts)):
            for label, head, tail in keys:
                self.errors.append({"document": doc_id, "kind": kind, "label": label, "head": head, "tail": tail})

    def report(self) -> dict[str, Any]:
        levels = {}
        for level, per_label in self.counts.items():
            total = sum(per_label.values(), Counter())
            levels[level] = {
                "micro": prf(total["tp"], total["fp"], total["fn"]),
                "per_label": {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in per_label.items()},
            }
        errors = sorted(self.errors, key=lambda e: (e["document"], e["kind"], e["label"], e["head"], e["tail"]))
        return {**levels, "errors": errors}


# --------------------------------------------------------------------------- metadata


def _field_values(metadata: dict[str, Any], field_name: str) -> Any:
    """What a field of :func:`metadata_field_accuracy` looks at: "year", or "authors.orcid" (one value per author)."""
    container, _, item_field = field_name.partition(".")
    if not item_field:
        return metadata.get(container)
    return [item.get(item_field) for item in metadata.get(container) or [] if isinstance(item, dict)]


# --------------------------------------------------------------------------- report


def evaluate_documents(gold_docs: dict[str, Document], pred_docs: dict[str, Document]) -> dict[str, Any]:
    """The report for gold and predicted documents keyed by id (see :func:`evaluate_dirs`)."""
    entities, relations = _EntityTally(), _RelationTally()
    seg_agreeing = seg_total = 0
    seg_docs: dict[str, float] = {}
    meta_scores: dict[str, list[float]] = {}
    meta_errors: list[dict[str, Any]] = []
    meta_docs = 0
    problems: list[str] = []
    for doc_id in sorted(gold_docs):
        gold = gold_docs[doc_id]
        pred = pred_docs.get(doc_id) or Document(id=doc_id, text="")
        # As nervaluate with the project's tags: other labels are not scored.
        pred_entities = [e for e in pred.entities if e.label in ENTITY_LABELS]
        if len(pred_entities) < len(pred.entities):
            unknown = sorted({e.label for e in pred.entities} - set(ENTITY_LABELS))
            problems.append(f"{doc_id}: {len(pred.entities) - len(pred_entities)} predicted entities with labels {', '.join(unknown)} not scored")
        entities.add(doc_id, _by_position(gold.entities), _by_position(pred_entities))
        relations.add(doc_id, gold, pred)
        if gold.segments:
            # Gold segments cover the whole text, so they give its length when the gold omits the text.
            length = len(gold.text) if gold.text else max(seg.end for seg in gold.segments)
            accuracy = segment_char_accuracy(gold.segments, pred.segments, length)
            seg_agreeing, seg_total = seg_agreeing + round(accuracy * length), seg_total + length
            seg_docs[doc_id] = accuracy
        if gold.metadata:
            meta_docs += 1
            pred_metadata = pred.metadata if isinstance(pred.metadata, dict) else {}
            for name, score in metadata_field_accuracy(gold.metadata, pred_metadata).items():
                meta_scores.setdefault(name, []).append(score)
                if score < 1.0:
                    meta_errors.append(
                        {
                            "document": doc_id,
                            "field": name,
                            "accuracy": score,
                            "gold": _field_values(gold.metadata, name),
                            "pred": _field_values(pred_metadata, name),
                        }
                    )

    entity_report = entities.report()
    relation_report = relations.report()
    all_meta_scores = [score for scores in meta_scores.values() for score in scores]
    return {
        "documents": {
            "gold": len(gold_docs),
            "predicted": len(pred_docs),
            "scored": sum(1 for d in gold_docs if d in pred_docs),
            "missing_predictions": sorted(d for d in gold_docs if d not in pred_docs),
            "unmatched_predictions": sorted(d for d in pred_docs if d not in gold_docs),
            "problems": problems + relations.problems,
        },
        "entities": entity_report["schemes"],
        "date_values": entity_report["date_values"],
        "relations": {"mention": relation_report["mention"], "fact": relation_report["fact"]},
        "segments": {
            "documents": len(seg_docs),
            "correct_chars": seg_agreeing,
            "total_chars": seg_total,
            "accuracy": seg_agreeing / seg_total if seg_total else None,
            "per_document": seg_docs,
        },
        "metadata": {
            "documents": meta_docs,
            "fields": len(all_meta_scores),
            "accuracy": sum(all_meta_scores) / len(all_meta_scores) if all_meta_scores else None,
            "per_field": {name: sum(scores) / len(scores) for name, scores in sorted(meta_scores.items())},
        },
        "errors": {
            "entities": entity_report["errors"],
            "date_values": entity_report["date_value_errors"],
            "relations": relation_report["errors"],
            "metadata": meta_errors,
        },
    }


def evaluate_dirs(gold: Path, pred: Path) -> dict[str, Any]:
    """Score every prediction under ``pred`` against the gold documents under ``gold``.

    Both may be a folder (``*.json`` and ``*.jsonl`` read recursively) or one
    file. Raises GoldFormatError for a malformed gold file. The result is
    JSON-serialisable and its order is stable.
    """
    gold_loaded = load_gold(Path(gold))
    pred_loaded = load_predictions(Path(pred))
    report = evaluate_documents(gold_loaded.docs, pred_loaded.docs)
    report["documents"]["problems"] = pred_loaded.problems + report["documents"]["problems"]
    return report


# --------------------------------------------------------------------------- rendering


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf_cells(scores: dict[str, Any], empty: bool) -> list[str]:
    # Nothing in gold or prediction: the 0.0 nervaluate reports is no measurement.
    return ["-"] * 3 if empty else [_fmt(scores["precision"]), _fmt(scores["recall"]), _fmt(scores["f1"])]




def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _metadata_difference(err: dict[str, Any]) -> str:
    gold, pred = err["gold"], err["pred"]
    if isinstance(gold, list) and isinstance(pred, list):
        # One value per author or reference: show only the values the other side lacks.
        gold_only = ", ".join(_short(v) for v in gold if v not in pred) or "-"
        pred_only = ", ".join(_short(v) for v in pred if v not in gold) or "-"
        return f"gold only: {gold_only}; pred only: {pred_only}"
    return f"gold {_short(gold)}, pred {_short(pred)}"


def _mention_text(m: dict[str, Any] | None) -> str:
    if m is None:
        return "-"
    value = f" value={m['value']}" if "value" in m else ""
    return f"{m['label']} [{m['start']}:{m['end']}] {m['text']!r}{value}"


def render_report(report: dict[str, Any]) -> str:
    """Plain-text tables of the report (no colour codes, so it reads the same in a file or a pipe)."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    # Mention texts are data: no markup or emoji codes interpreted in them.
    console = Console(
        file=buffer, width=160, force_terminal=False, color_system=None, highlight=False, soft_wrap=True, markup=False, emoji=False
    )
    docs = report["documents"]
    console.print(f"Documents: {docs['gold']} gold, {docs['predicted']} predicted, {docs['scored']} scored")
    if docs["missing_predictions"]:
        console.print("No prediction (scored as all missed): " + ", ".join(docs["missing_predictions"]))
    if docs["unmatched_predictions"]:
        console.print("Predictions without gold (ignored): " + ", ".join(docs["unmatched_predictions"]))
    for problem in docs["problems"]:
        console.print(f"Problem: {problem}")

    def entity_table(scheme: str) -> Table:
        headline = " (headline)" if scheme == "strict" else ""
        table = Table(title=f"Entities, {scheme}{headline}", box=box.ASCII, title_justify="left")
        for column in ("label", "correct", "incorrect", "partial", "missed", "spurious", "P", "R", "F1"):
            table.add_column(column, justify="left" if column == "label" else "right")
        rows = [*report["entities"][scheme]["per_label"].items(), ("micro", report["entities"][scheme]["micro"])]
        for label, s in rows:
            counts = [str(s[k]) for k in ("correct", "incorrect", "partial", "missed", "spurious")]
            table.add_row(label, *counts, *_prf_cells(s, empty=not (s["possible"] or s["actual"])))
        return table

    for scheme in SCHEMES:
        console.print(entity_table(scheme))
    dates = report["date_values"]
    console.print(f"DATE value accuracy: {_fmt(dates['accuracy'])} ({dates['correct']}/{dates['total']} strict-matched DATEs with a gold value)\n")

    for level in ("mention", "fact"):
        table = Table(title=f"Relations, {level} level", box=box.ASCII, title_justify="left")
        for column in ("label", "tp", "fp", "fn", "P", "R", "F1"):
            table.add_column(column, justify="left" if column == "label" else "right")
        rows = [*report["relations"][level]["per_label"].items(), ("micro", report["relations"][level]["micro"])]
        for label, s in rows:
            table.add_row(label, str(s["tp"]), str(s["fp"]), str(s["fn"]), *_prf_cells(s, empty=not (s["tp"] or s["fp"] or s["fn"])))
        console.print(table)

    seg = report["segments"]
    console.print(f"Segment character accuracy: {_fmt(seg['accuracy'])} ({seg['correct_chars']}/{seg['total_chars']} chars, {seg['documents']} documents)")
    meta = report["metadata"]
    console.print(f"Metadata field accuracy: {_fmt(meta['accuracy'])} (mean over {meta['fields']} fields, {meta['documents']} documents)")
    if meta["per_field"]:
        table = Table(title="Metadata fields", box=box.ASCII, title_justify="left")
        table.add_column("field")
        table.add_column("accuracy", justify="right")
        for name, accuracy in meta["per_field"].items():
            table.add_row(name, _fmt(accuracy))
        console.print(table)

    errors = report["errors"]
    console.print(f"\nEntity errors ({len(errors['entities'])}):")
    for err in errors["entities"]:
        console.print(f"  {err['document']}  {err['kind']:<24} gold: {_mention_text(err['gold'])}  pred: {_mention_text(err['pred'])}")
    console.print(f"\nDATE value errors ({len(errors['date_values'])}):")
    for err in errors["date_values"]:
        console.print(f"  {err['document']}  [{err['gold']['start']}:{err['gold']['end']}] {err['gold']['text']!r}: gold {err['gold']['value']}, pred {err['pred']['value']}")
    console.print(f"\nRelation fact errors ({len(errors['relations'])}):")
    for err in errors["relations"]:
        console.print(f"  {err['document']}  {err['kind']:<9} {err['label']}({err['head']!r}, {err['tail']!r})")
    console.print(f"\nMetadata errors ({len(errors['metadata'])}):")
    for err in errors["metadata"]:
        console.print(f"  {err['document']}  {err['field']} ({_fmt(err['accuracy'])}): {_metadata_difference(err)}")
    return buffer.getvalue()
