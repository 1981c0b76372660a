"""Features of a candidate pair: what a linear classifier can generalise from.

Entity types and order, the words and lemmas between and around the pair,
the dependency path between the two heads (from the first member of a list,
so every member of "India, Pakistan and Iran" reads like the first), trigger
words, list structure, distance, punctuation between and the surface
patterns. No feature names a particular entity: mention texts only enter as
the last word of organisation and event names ("Committee", "summit"), which
says what kind of thing they are.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import Document
from . import patterns
from .candidates import Candidate

TRIGGERS = {
    "member": r"\bmembers?(hip)?\b",
    "observer": r"\bobservers?\b",
    "held": r"\b(hold|holds|held|holding)\b",
    "took_place": r"\b(take|takes|took|taken|taking) place\b",
    "took_part": r"\b(take|takes|took|taken|taking) part\b|\bparticipa",
    "located": r"\b(located|based|headquartered|situated|seat)\b",
    "now": r"\(\s*now\b",
    "part_of": r"\bpart of\b",
    "body_of": r"\b(body|organ|division|branch|subsidiary|unit|department) of\b",
    "partner": r"\bpartner(s|ships?)?\b",
    "founded": r"\b(found|founded|founding|founder|established|formed|created)\b",
    "joined": r"\b(join|joined|joins|accession|admitted)\b",
    "capital": r"\bcapital\b",
    "works": r"\b(works?|worked|working) (at|for|in)\b|\b(employ\w*|professor|lecturer|researcher|staff)\b",
    "conducted": r"\b(conduct\w*|organi[sz]\w*|host\w*|stag\w+)\b",
    "exercise": r"\bexercises?\b",
    "summit": r"\b(summit|meeting|conference|forum)s?\b",
}
_TRIGGERS = {name: re.compile(rx) for name, rx in TRIGGERS.items()}
MAX_BETWEEN_SEQUENCE = 5
MAX_PATH = 8


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "more"


def _span(parsed: Any, start: int, end: int):
    return parsed.char_span(start, end, alignment_mode="expand")


def _list_head(token):
    """First member of the coordination ``token`` belongs to (itself when it is not a conjunct)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def dependency_path(a, b) -> tuple[str, str] | None:
    """(labels-only path, path with the lemmas of the words it passes) from token a up to the common ancestor and down to b."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    down_ids = {t.i: n for n, t in enumerate(down)}
    for n, token in enumerate(up):
        if token.i in down_ids:
            rising, falling = up[:n], list(reversed(down[: down_ids[token.i]]))
            break
    else:
        return None
    if len(rising) + len(falling) > MAX_PATH:
        return "long", "long"
    labels = [f"{t.dep_}<" for t in rising] + [f">{t.dep_}" for t in falling]
    inner_up = [f"{t.dep_}<{t.head.lemma_.lower()}" if t.head.i != token.i else f"{t.dep_}<" for t in rising]
    inner_down = [f"{t.head.lemma_.lower()}>{t.dep_}" if t.head.i != token.i else f">{t.dep_}" for t in falling]
    lemma = token.lemma_.lower() if token.i not in (a.i, b.i) else "ARG"
    return " ".join(labels), " ".join(inner_up + [lemma] + inner_down)


def _name_word(label: str, text: str) -> str | None:
    if label not in ("ORG", "EVENT"):
        return None
    words = re.findall(r"[A-Za-z]+", text)
    return words[-1].lower() if words and not words[-1].isupper() else None


def extract(cand: Candidate, doc: Document, parsed: Any, view: patterns.PairView | None = None) -> dict[str, float]:
    view = view or patterns.PairView(cand, doc)
    head_label, tail_label = cand.head.label, cand.tail.label
    types = f"{head_label}>{tail_label}"
    order = "ht" if view.head_first else "th"
    f: dict[str, float] = {f"types={types}": 1.0, f"order={types}|{order}": 1.0}

    first, second = (view.head_span, view.tail_span) if view.head_first else (view.tail_span, view.head_span)
    first_span = _span(parsed, *first)
    second_span = _span(parsed, *second)
    between_tokens = [t for t in parsed[first_span.end:second_span.start]] if first_span is not None and second_span is not None else []
    words = [t for t in between_tokens if not t.is_space]
    lemmas = [t.lemma_.lower() for t in words if not t.is_punct]
    f[f"dist={_bucket(len(words))}"] = 1.0
    f[f"dist={types}|{order}|{_bucket(len(words))}"] = 1.0
    for lemma in sorted(set(lemmas)):
        f[f"bw={lemma}"] = 1.0
    if len(words) <= MAX_BETWEEN_SEQUENCE:
        f[f"bwseq={types}|{order}|{view.between}"] = 1.0
    punct = "".join(t.text for t in words if t.is_punct)
    if words and all(t.is_punct for t in words):
        f[f"punct_only={types}|{order}|{punct}"] = 1.0
    for p in sorted(set(punct)):
        f[f"bw_punct={p}"] = 1.0
    if "\n" in view.between_raw:
        f["bw_newline"] = 1.0
    f[f"entities_between={_bucket(len(view.labels_between))}"] = 1.0
    for label in sorted(set(view.labels_between)):
        f[f"bw_ent={label}"] = 1.0

    # The masked context tells a list ("X, X and X") from a place and its country ("X, X").
    f[f"ctx={types}|{order}|{' '.join(view.before.split()[-2:])}|{' '.join(view.after.split()[:2])}"] = 1.0
    f[f"ctx_after={' '.join(view.after.split()[:2])}"] = 1.0
    f[f"ctx_before={' '.join(view.before.split()[-2:])}"] = 1.0
    if first_span is not None:
        for k, tok in enumerate(reversed(parsed[max(first_span.start - 2, 0):first_span.start]), 1):
            f[f"before{k}={tok.lemma_.lower()}"] = 1.0
    if second_span is not None:
        for k, tok in enumerate(parsed[second_span.end:second_span.end + 2], 1):
            f[f"after{k}={tok.lemma_.lower()}"] = 1.0

    for name, rx in _TRIGGERS.items():
        if rx.search(view.between):
            f[f"trig_bw={name}"] = 1.0
            f[f"trig_bw={types}|{order}|{name}"] = 1.0
        if rx.search(view.before[-60:]) or rx.search(view.after[:60]):
            f[f"trig_ctx={types}|{name}"] = 1.0

    head_span = _span(parsed, *view.head_span)
    tail_span = _span(parsed, *view.tail_span)
    if head_span is not None and tail_span is not None:
        head_root, tail_root = head_span.root, tail_span.root
        head_list, tail_list = _list_head(head_root), _list_head(tail_root)
        if head_list.i != head_root.i:
            f["head_in_list"] = 1.0
        if tail_list.i != tail_root.i:
            f["tail_in_list"] = 1.0
        if head_list.i == tail_list.i or head_root.i in {t.i for t in tail_root.conjuncts}:
            f["same_list"] = 1.0
            f[f"same_list={types}"] = 1.0
        path = dependency_path(head_list, tail_list) if head_list.i != tail_list.i else None
        if path is None:
            f["path=none"] = 1.0
        else:
            labels, lexical = path
            f[f"path={types}|{labels}"] = 1.0
            f[f"lexpath={types}|{lexical}"] = 1.0
            f[f"lexpath={lexical}"] = 1.0
            for word in lexical.split():
                if "<" not in word and ">" not in word and word != "ARG":
                    f[f"path_lemma={types}|{word}"] = 1.0

    for role, entity in (("head", cand.head), ("tail", cand.tail)):
        word = _name_word(entity.label, entity.text)
        if word and not (cand.proxy is not None and cand.proxy_role == role):
            f[f"{role}_word={word}"] = 1.0
    if cand.proxy is not None:
        f[f"proxy={cand.proxy_role}"] = 1.0
        f[f"proxy={types}|{cand.proxy_role}"] = 1.0
    if cand.block:
        f[f"block={cand.block}|{types}"] = 1.0
    for name in patterns.vetoes(cand, doc, view):
        f[f"veto={name}"] = 1.0
    for name, label in patterns.match(cand, doc, view):
        f[f"pattern={name}"] = 1.0
        f[f"pattern_label={label}"] = 1.0
    return f
