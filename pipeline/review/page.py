"""The review page of ``textmine show``: one self-contained HTML file for reading extractions by eye.

Each document gets a header with its metadata, its text in its segments
(page wrapper and article, with their language), its entities highlighted in
a colour per label (canonical name, DATE value, source and confidence on
hover), and its relations as labelled arcs between the spans where both
stand within a few lines of each other, and always as a list whose items
link to, and light up, their two spans. Nothing is loaded from the network:
the styles and the script are inside the page.

With gold documents (``--diff``) every predicted entity is marked correct,
false positive, label error or boundary error, every missed gold entity is
shown where it stands, and relations are marked the same way, all with the
matching of ``textmine evaluate`` (strict entity matching, mention-level
relations).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from textmine import __version__
from textmine.document import ENTITY_LABELS, Document, Entity
from textmine.evaluation.evaluate import match_spans, relation_mention_key, Span

LABEL_COLOURS = {"ORG": "#7aecec", "LOC": "#feca74", "DATE": "#bfe1d9", "EVENT": "#ffeb80", "PERSON": "#aa9cfc"}
DIFF_TITLES = {
    "tp": "correct",
    "fp": "false positive: not in gold",
    "label": "label error",
    "boundary": "boundary error",
    "fn": "false negative: missed gold entity",
}


@dataclass
class DocumentDiff:
    """How one prediction compares with its gold document, entity by entity and relation by relation."""

    entity_status: dict[str, str] = field(default_factory=dict)  # predicted entity id -> tp/fp/label/boundary
    gold_of: dict[str, Entity] = field(default_factory=dict)  # predicted entity id -> the gold mention it met
    missed_entities: list[Entity] = field(default_factory=list)
    relation_status: dict[str, str] = field(default_factory=dict)  # predicted relation id -> tp/fp
    missed_relations: list[tuple[str, Entity, Entity]] = field(default_factory=list)  # (label, gold head, gold tail)

    def counts(self) -> dict[str, int]:
        statuses = list(self.entity_status.values())
        return {
            "entities correct": statuses.count("tp"),
            "false positives": statuses.count("fp"),
            "label errors": statuses.count("label"),
            "boundary errors": statuses.count("boundary"),
            "false negatives": len(self.missed_entities),
            "relations correct": list(self.relation_status.values()).count("tp"),
            "relation false positives": list(self.relation_status.values()).count("fp"),
            "relation false negatives": len(self.missed_relations),
        }


def _by_position(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e.start, e.end, e.label))


def diff_document(gold: Document, pred: Document) -> DocumentDiff:
    """Compare ``pred`` with ``gold`` as ``textmine evaluate`` does (strict scheme; mention-level relations)."""
    diff = DocumentDiff()
    gold_entities = _by_position(gold.entities)
    pred_entities = _by_position(e for e in pred.entities if e.label in ENTITY_LABELS)
    outcome = match_spans(
        [Span(e.start, e.end, e.label) for e in gold_entities], [Span(e.start, e.end, e.label) for e in pred_entities], "strict"
    )
    for p, g in outcome.correct:
        diff.entity_status[pred_entities[p].id] = "tp"
        diff.gold_of[pred_entities[p].id] = gold_entities[g]
    for p, g in outcome.incorrect:
        same_span = (pred_entities[p].start, pred_entities[p].end) == (gold_entities[g].start, gold_entities[g].end)
        diff.entity_status[pred_entities[p].id] = "label" if same_span else "boundary"
        diff.gold_of[pred_entities[p].id] = gold_entities[g]
    for p in outcome.spurious:
        diff.entity_status[pred_entities[p].id] = "fp"
    diff.missed_entities = [gold_entities[g] for g in outcome.missed]

    gold_by_id = gold.entity_by_id()
    gold_keys = {}
    for rel in gold.relations:
        head, tail = gold_by_id.get(rel.head), gold_by_id.get(rel.tail)
        if head and tail:
            gold_keys[relation_mention_key(rel.label, head, tail)] = (rel.label, head, tail)
    pred_by_id = pred.entity_by_id()
    pred_keys = set()
    for rel in pred.relations:
        head, tail = pred_by_id.get(rel.head), pred_by_id.get(rel.tail)
        if head and tail:
            key = relation_mention_key(rel.label, head, tail)
            pred_keys.add(key)
            diff.relation_status[rel.id] = "tp" if key in gold_keys else "fp"
    diff.missed_relations = [value for key, value in gold_keys.items() if key not in pred_keys]
    return diff


# --------------------------------------------------------------------------- HTML


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class _Layer:
    """An element laid over a stretch of text; elements of lower ``depth`` enclose those of higher."""

    start: int
    end: int
    depth: int
    tag: str
    attributes: dict[str, str]
    first_only: tuple[str, ...] = ("id",)  # attributes written only on the first piece when the element is split


def _layered_html(text: str, layers: list[_Layer]) -> str:
    """The text with every layer as an element; where two would cross, the inner one is split in pieces."""
    cuts = sorted({0, len(text)} | {l.start for l in layers} | {l.end for l in layers})
    out: list[str] = []
    stack: list[_Layer] = []
    opened: set[int] = set()
    ordered = sorted(layers, key=lambda l: (l.start, l.depth, -l.end))
    for a, b in zip(cuts, cuts[1:]):
        active = sorted((l for l in ordered if l.start <= a and b <= l.end), key=lambda l: (l.depth, l.start, -l.end))
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for layer in reversed(stack[keep:]):
            out.append(f"</{layer.tag}>")
        for layer in active[keep:]:
            attributes = dict(layer.attributes)
            if id(layer) in opened:
                attributes = {k: v for k, v in attributes.items() if k not in layer.first_only}
                attributes["class"] = attributes.get("class", "") + " cont"
            opened.add(id(layer))
            rendered = "".join(f' {k}="{_e(v)}"' for k, v in attributes.items())
            out.append(f"<{layer.tag}{rendered}>")
        stack = active
        out.append(_e(text[a:b]))
    for layer in reversed(stack):
        out.append(f"</{layer.tag}>")
    return "".join(out)


def _entity_title(ent: Entity, status: str | None, gold: Entity | None) -> str:
    parts = [ent.label, f"[{ent.start}:{ent.end}]"]
    if ent.canonical:
        parts.append(f"canonical: {ent.canonical}")
    if ent.label == "DATE":
        parts.append(f"value: {ent.value}")
    if ent.source:
        parts.append(f"source: {ent.source}")
    if ent.confidence is not None:
        parts.append(f"confidence: {ent.confidence:.2f}")
    if status:
        parts.append(DIFF_TITLES[status])
    if gold is not None and status in ("label", "boundary"):
        parts.append(f"gold: {gold.label} [{gold.start}:{gold.end}] {gold.text!r}")
    return " · ".join(parts)


def _metadata_rows(doc: Document) -> list[tuple[str, str]]:
    meta = doc.metadata or {}
    rows = [("id", doc.id)]
    for name in ("title", "journal", "year", "issue"):
        if meta.get(name) not in (None, ""):
            rows.append((name, str(meta[name])))
    authors = []
    for author in meta.get("authors") or []:
        if isinstance(author, dict):
            details = [author.get(k) for k in ("affiliation", "orcid", "email") if author.get(k)]
            authors.append(author.get("name", "?") + (f" ({'; '.join(details)})" if details else ""))
    if authors:
        rows.append(("authors", ", ".join(authors)))
    if meta.get("affiliation_place"):
        rows.append(("affiliation place", str(meta["affiliation_place"])))
    if meta.get("references"):
        rows.append(("references", str(len(meta["references"]))))
    if doc.source.get("path"):
        rows.append(("source", str(doc.source["path"])))
    if doc.provenance.get("pipeline_version"):
        rows.append(("textmine", str(doc.provenance["pipeline_version"])))
    rows.append(("annotations", f"{len(doc.entities)} entities, {len(doc.relations)} relations, {len(doc.segments)} segments"))
    return rows


def render_document(doc: Document, number: int, diff: DocumentDiff | None = None) -> str:
    """One document's section of the page."""
    prefix = f"d{number}"
    layers: list[_Layer] = []
    segments = doc.segments or []
    for seg in segments:
        layers.append(_Layer(seg.start, seg.end, 0, "div", {"class": f"segment seg-{seg.role}", "data-role": seg.role, "lang": seg.lang, "title": f"{seg.role} ({seg.lang}) [{seg.start}:{seg.end}]"}))
    for ent in doc.entities:
        status = diff.entity_status.get(ent.id) if diff else None
        attributes = {
            "id": f"{prefix}-{ent.id}",
            "class": f"ent ent-{ent.label}" + (f" diff-{status}" if status else ""),
            "data-entity": ent.id,
            "data-label": ent.label,
            "title": _entity_title(ent, status, diff.gold_of.get(ent.id) if diff else None),
        }
        if ent.label == "DATE" and ent.value is not None:
            attributes["data-value"] = ent.value
        if ent.canonical:
            attributes["data-canonical"] = ent.canonical
        if status:
            attributes["data-diff"] = status
        layers.append(_Layer(ent.start, ent.end, 1, "mark", attributes))
    for gold in diff.missed_entities if diff else []:
        layers.append(
            _Layer(gold.start, gold.end, 2, "span", {
                "id": f"{prefix}-gold-{gold.id}",
                "class": f"ent missed ent-{gold.label} diff-fn",
                "data-gold-entity": gold.id,
                "data-label": gold.label,
                "data-diff": "fn",
                "title": _entity_title(gold, "fn", None),
            })
        )
    body = _layered_html(doc.text, layers)

    by_id = doc.entity_by_id()
    items = []
    for rel in doc.relations:
        head, tail = by_id.get(rel.head), by_id.get(rel.tail)
        status = diff.relation_status.get(rel.id) if diff else None
        details = [f"confidence {rel.confidence:.2f}" if rel.confidence is not None else None, f"source {rel.source}" if rel.source else None]
        if status:
            details.append("correct" if status == "tp" else "false positive: not in gold")
        items.append(
            f'<li class="rel{" diff-" + status if status else ""}" data-relation="{_e(rel.id)}" data-label="{_e(rel.label)}" '
            f'data-head="{prefix}-{_e(rel.head)}" data-tail="{prefix}-{_e(rel.tail)}"'
            + (f' data-diff="{status}"' if status else "")
            + f'><a href="#{prefix}-{_e(rel.head)}">{_e(head.text if head else rel.head)}</a> '
            f'<span class="rel-label">{_e(rel.label)}</span> '
            f'<a href="#{prefix}-{_e(rel.tail)}">{_e(tail.text if tail else rel.tail)}</a>'
            f' <span class="rel-details">{_e(" · ".join(d for d in details if d))}</span></li>'
        )
    missed = ""
    if diff is not None:
        missed_items = "".join(
            f'<li class="rel diff-fn" data-diff="fn" data-label="{_e(label)}">{_e(head.text)} <span class="rel-label">{_e(label)}</span> {_e(tail.text)}'
            f' <span class="rel-details">gold [{head.start}:{head.end}] → [{tail.start}:{tail.end}], false negative</span></li>'
            for label, head, tail in diff.missed_relations
        )
        counts = " · ".join(f"{k} {v}" for k, v in diff.counts().items())
        missed = (
            f'<p class="diff-counts">{_e(counts)}</p>'
            f'<h3>Gold relations the prediction misses ({len(diff.missed_relations)})</h3><ol class="missed-relations">{missed_items}</ol>'
        )
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _metadata_rows(doc))
    title = (doc.metadata or {}).get("title") or doc.id
    return (
        f'<section class="doc" id="{prefix}" data-doc="{_e(doc.id)}">'
        f'<header class="doc-meta"><h2>{_e(title)}</h2><dl>{meta}</dl></header>'
        f'<div class="doc-body"><svg class="arcs" aria-hidden="true"></svg><div class="text">{body}</div></div>'
        f'<h3>Relations ({len(doc.relations)})</h3><ol class="relations">{"".join(items)}</ol>{missed}'
        "</section>"
    )


_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70em; padding: 1em 2em; color: #222; }
header.page { border-bottom: 1px solid #ccc; margin-bottom: 1em; }
.legend span { display: inline-block; margin: 0 .4em .3em 0; padding: 0 .4em; border-radius: .3em; }
section.doc { border-top: 3px solid #444; margin-top: 2em; }
.doc-meta dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: .5em 0; }
.doc-meta dt { font-weight: 600; color: #555; }
.doc-meta dd { margin: 0; }
.doc-body { position: relative; }
.arcs { position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; overflow: visible; }
.arcs path { fill: none; stroke: #555; stroke-width: 1.2; }
.arcs text { font-size: 10px; fill: #333; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.text { white-space: pre-wrap; line-height: 2.6; }
.segment { border-left: 4px solid #999; padding-left: .6em; margin: .2em 0; }
.segment.seg-wrapper { background: #f3f3f3; border-color: #bbb; color: #555; }
.segment.seg-article { border-color: #4a7; }
.segment::before { content: attr(data-role) " · " attr(lang); display: block; font-size: 11px; color: #777; line-height: 1.4; }
.segment.cont::before { content: none; }
mark.ent { padding: .1em .15em; border-radius: .25em; color: inherit; cursor: help; }
mark.ent::after { content: attr(data-label); font-size: 9px; font-weight: 700; margin-left: .2em; vertical-align: middle; opacity: .7; }
mark.ent.cont::after, mark.ent:has(+ mark.cont)::after { content: none; }
mark.diff-fp, .legend .diff-fp { outline: 2px solid #d22; }
mark.diff-label, .legend .diff-label { outline: 2px dashed #d22; }
mark.diff-boundary, .legend .diff-boundary { outline: 2px dotted #d80; }
span.missed, .legend .missed { background: none; border-bottom: 3px double #d22; }
.hl { box-shadow: 0 0 0 3px #333; }
ol.relations li.hl, ol.relations li:hover { background: #eef; }
.rel-label { font-weight: 600; font-family: monospace; }
.rel-details { color: #666; font-size: 13px; }
li.far .rel-label::after { content: " (no arc: too far apart)"; font-weight: 400; color: #999; }
li.diff-fp { color: #b00; } li.diff-fn { color: #b00; font-style: italic; }
.diff-counts { font-weight: 600; }
"""

# Arcs for relations whose spans stand within MAX_LINES lines; the others stay in the list only.
_SCRIPT = """
(function () {
  var MAX_LINES = 3;
  function draw(section) {
    var body = section.querySelector('.doc-body'), svg = section.querySelector('svg.arcs');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var origin = body.getBoundingClientRect();
    var ns = 'http://www.w3.org/2000/svg';
    var line = parseFloat(getComputedStyle(section.querySelector('.text')).lineHeight) || 40;
    var defs = document.createElementNS(ns, 'defs');
    defs.innerHTML = '<marker id="arrow-' + section.id + '" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" style="fill:#555;stroke:none"/></marker>';
    svg.appendChild(defs);
    section.querySelectorAll('ol.relations li.rel').forEach(function (item) {
      var head = document.getElementById(item.dataset.head), tail = document.getElementById(item.dataset.tail);
      if (!head || !tail) { item.classList.add('far'); return; }
      var h = head.getClientRects()[0], t = tail.getClientRects()[0];
      if (!h || !t || Math.abs(h.top - t.top) > MAX_LINES * line) { item.classList.add('far'); return; }
      item.classList.remove('far');
      var x1 = h.left + h.width / 2 - origin.left, y1 = h.top - origin.top;
      var x2 = t.left + t.width / 2 - origin.left, y2 = t.top - origin.top;
      var top = Math.min(y1, y2) - Math.min(line * 0.9, 12 + Math.abs(x2 - x1) / 12);
      var path = document.createElementNS(ns, 'path');
      path.setAttribute('d', 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + top + ' ' + x2 + ',' + top + ' ' + x2 + ',' + y2);
      path.setAttribute('marker-end', 'url(#arrow-' + section.id + ')');
      path.setAttribute('data-relation', item.dataset.relation);
      svg.appendChild(path);
      var label = document.createElementNS(ns, 'text');
      label.setAttribute('x', (x1 + x2) / 2); label.setAttribute('y', top + 8);
      label.setAttribute('text-anchor', 'middle');
      label.textContent = item.dataset.label;
      svg.appendChild(label);
    });
  }
  function light(item, on) {
    [item, document.getElementById(item.dataset.head), document.getElementById(item.dataset.tail)].forEach(function (el) {
      if (el) el.classList.toggle('hl', on);
    });
  }
  function drawAll() { document.querySelectorAll('section.doc').forEach(draw); }
  document.querySelectorAll('ol.relations li.rel').forEach(function (item) {
    item.addEventListener('mouseenter', function () { light(item, true); });
    item.addEventListener('mouseleave', function () { light(item, false); });
  });
  drawAll();
  window.addEventListener('resize', drawAll);
})();
"""


def render_page(docs: list[Document], gold: dict[str, Document] | None = None) -> str:
    """The whole page for ``docs``; with ``gold`` (documents by id) each document that has one is diffed."""
    sections = []
    for number, doc in enumerate(docs):
        diff = diff_document(gold[doc.id], doc) if gold is not None and doc.id in gold else None
        sections.append(render_document(doc, number, diff))
    legend = "".join(f'<span class="ent-{label}">{label}</span>' for label in ENTITY_LABELS)
    if gold is not None:
        legend += (
            ' <span class="diff-fp">false positive</span><span class="diff-label">label error</span>'
            '<span class="diff-boundary">boundary error</span><span class="missed">false negative</span>'
        )
    entities = sum(len(d.entities) for d in docs)
    relations = sum(len(d.relations) for d in docs)
    colours = "".join(f".ent-{label} {{ background: {colour}; }}\n" for label, colour in LABEL_COLOURS.items())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>textmine review: {len(docs)} document{'s' if len(docs) != 1 else ''}</title><style>{_STYLE}{colours}</style></head><body>"
        f'<header class="page"><h1>textmine review</h1><p>{len(docs)} document{"s" if len(docs) != 1 else ""}, {entities} entities, {relations} relations'
        f"{' · compared with gold' if gold is not None else ''} · textmine {_e(__version__)}. "
        "Hover over a span for its canonical name and DATE value, over a relation to light up its spans.</p>"
        f'<p class="legend">{legend}</p></header>'
        + "".join(sections)
        + f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_page(paths: list[Path], out: Path, gold_dir: Path | None = None, raw_dir: Path | None = None) -> tuple[Path, list[str]]:
    """Render the output or gold files under ``paths`` into ``out``; returns the page and notes for the user.

    ``gold_dir`` turns on the comparison with gold (``textmine evaluate``'s
    matching); ``raw_dir`` holds the texts of gold files without ``text``.
    """
    from textmine.evaluation.evaluate import load_gold
    from textmine.formats.textmine_json import read

    docs: list[Document] = []
    for path in paths:
        docs.extend(read(Path(path), raw_dir))
    notes = []
    gold = None
    if gold_dir is not None:
        gold = load_gold(Path(gold_dir)).docs
        for doc in docs:
            if doc.id not in gold:
                notes.append(f"{doc.id}: no gold document in {gold_dir}; shown without comparison")
            elif gold[doc.id].text and gold[doc.id].text != doc.text:
                notes.append(f"{doc.id}: the gold text differs from this document's; offsets may not correspond")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(docs, gold), encoding="utf-8")
    return out, notes
