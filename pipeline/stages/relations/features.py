"""Features of a candidate pair: what a linear classifier can generalise from.

Entity types and order, the words and lemmas between and around the pair,
the dependency path between the two heads (from the first member of a list,
so every member of "India, Pakistan and Iran" reads like the first), trigger
words and their meaning groups (``triggers``: membership, location,
hosting, participation, affiliation, ...) between the pair and on the path,
clause boundaries crossed by the path, list structure, distance, punctuation
between, the sizes of places by their gazetteer kind, and the patterns that fired (dependency constructions and
layouts). No feature names a particular entity: mention texts only enter
as the last word of organisation and event names ("Committee", "summit"),
which says what kind of thing they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from textmine.document import Document
from textmine.stages.relations import patterns
from textmine.stages.relations.triggers import GROUP_ORDER, groups_of
from textmine.stages.relations.candidates import Candidate

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


@lru_cache(maxsize=4096)
def _triggers_in(text: str) -> frozenset[str]:
    """Names of the triggers found in ``text`` (cached: pairs of one sentence share their contexts)."""
    return frozenset(name for name, rx in _TRIGGERS.items() if rx.search(text))
MAX_BETWEEN_SEQUENCE = 5
MAX_PATH = 8


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "more"


class TokenTable:
    """A parsed document's token attributes as plain lists, read for every candidate pair.

    Built once per document: going through spaCy's Token objects for each of
    a document's dozens of pairs costs more than the classifier.
    """

    def __init__(self, parsed: Any):
        self.parsed = parsed
        self.lemma = [t.lemma_.lower() for t in parsed]
        self.dep = [t.dep_ for t in parsed]
        self.pos = [t.pos_ for t in parsed]
        self.head = [t.head.i for t in parsed]
        self.text = [t.text for t in parsed]
        self.is_punct = [t.is_punct for t in parsed]
        self.is_space = [t.is_space for t in parsed]
        self._spans: dict[tuple[int, int], tuple[int, int, int] | None] = {}
        self._children: list[list[int]] | None = None

    def span(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(first token, end token, root token) of the character span, widened to whole tokens; None if it has no token."""
        if (start, end) not in self._spans:
            span = self.parsed.char_span(start, end, alignment_mode="expand")
            self._spans[(start, end)] = None if span is None else (span.start, span.end, span.root.i)
        return self._spans[(start, end)]

    def children(self, i: int) -> list[int]:
        if self._children is None:
            self._children = [[] for _ in self.head]
            for t, h in enumerate(self.head):
                if h != t:
                    self._children[h].append(t)
        return self._children[i]

    def ancestors(self, i: int) -> list[int]:
        chain = []
        while self.head[i] != i and len(chain) < len(self.head):
            i = self.head[i]
            chain.append(i)
        return chain

    def list_head(self, i: int) -> int:
        """First member of the coordination token i belongs to (i itself when it is not a conjunct)."""
        while self.dep[i] == "conj" and self.head[i] != i:
            i = self.head[i]
        return i


# Dependencies that open a clause of their own: a path through one leaves the clause the argument is in.
CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "acl", "parataxis", "csubj"}


def path_tokens(table: TokenTable, a: int, b: int) -> list[int] | None:
    """Tokens on the dependency path from a to b (both included), or None when they are in different trees."""
    up = [a, *table.ancestors(a)]
    down = [b, *table.ancestors(b)]
    down_ids = {t: n for n, t in enumerate(down)}
    for n, token in enumerate(up):
        if token in down_ids:
            return up[: n + 1] + list(reversed(down[: down_ids[token]]))
    return None


def clause_boundaries(table: TokenTable, path: list[int]) -> int:
    """Clause edges crossed on the path, a sentence-level coordination of verbs counting as one."""
    crossed = 0
    for token in path:
        dep = table.dep[token]
        if dep in CLAUSE_DEPS or (dep == "conj" and table.pos[token] in ("VERB", "AUX")):
            crossed += 1
    return crossed


def dependency_path(table: TokenTable, a: int, b: int) -> tuple[str, str] | None:
    """(labels-only path, path with the lemmas of the words it passes) from token a up to the common ancestor and down to b."""
    up = [a, *table.ancestors(a)]
    down = [b, *table.ancestors(b)]
    down_ids = {t: n for n, t in enumerate(down)}
    for n, token in enumerate(up):
        if token in down_ids:
            rising, falling = up[:n], list(reversed(down[: down_ids[token]]))
            break
    else:
        return None
    if len(rising) + len(falling) > MAX_PATH:
        return "long", "long"
    dep, head, lemma = table.dep, table.head, table.lemma
    labels = [f"{dep[t]}<" for t in rising] + [f">{dep[t]}" for t in falling]
    inner_up = [f"{dep[t]}<{lemma[head[t]]}" if head[t] != token else f"{dep[t]}<" for t in rising]
    inner_down = [f"{lemma[head[t]]}>{dep[t]}" if head[t] != token else f">{dep[t]}" for t in falling]
    top = lemma[token] if token not in (a, b) else "ARG"
    return " ".join(labels), " ".join(inner_up + [top] + inner_down)


def _name_word(label: str, text: str) -> str | None:
    if label not in ("ORG", "EVENT"):
        return None
    words = re.findall(r"[A-Za-z]+", text)
    return words[-1].lower() if words and not words[-1].isupper() else None


def extract(
    cand: Candidate,
    doc: Document,
    parsed: Any,
    view: patterns.PairView | None = None,
    pattern_hits: list[tuple[str, str]] | None = None,
    vetoes: list[str] | None = None,
    table: TokenTable | None = None,
) -> dict[str, float]:
    """The candidate's features.

    ``view``, ``pattern_hits``, ``vetoes`` and ``table`` (the parse's
    TokenTable) are computed here unless the caller already has them.
    """
    view = view or patterns.PairView(cand, doc)
    table = table or TokenTable(parsed)
    head_label, tail_label = cand.head.label, cand.tail.label
    types = f"{head_label}>{tail_label}"
    order = "ht" if view.head_first else "th"
    f: dict[str, float] = {f"types={types}": 1.0, f"order={types}|{order}": 1.0}

    first, second = (view.head_span, view.tail_span) if view.head_first else (view.tail_span, view.head_span)
    first_span = table.span(*first)
    second_span = table.span(*second)
    between_tokens = range(first_span[1], second_span[0]) if first_span is not None and second_span is not None else range(0)
    words = [i for i in between_tokens if not table.is_space[i]]
    lemmas = [table.lemma[i] for i in words if not table.is_punct[i]]
    f[f"dist={_bucket(len(words))}"] = 1.0
    f[f"dist={types}|{order}|{_bucket(len(words))}"] = 1.0
    for lemma in sorted(set(lemmas)):
        f[f"bw={lemma}"] = 1.0
    # Meaning groups of the words between: a synonym seen in training counts for a word that was not.
    between_groups = {g for lemma in lemmas for g in groups_of(lemma)}
    for group in GROUP_ORDER:
        if group in between_groups:
            f[f"bw_group={group}"] = 1.0
            f[f"bw_group={types}|{order}|{group}"] = 1.0
    if len(words) <= MAX_BETWEEN_SEQUENCE:
        f[f"bwseq={types}|{order}|{view.between}"] = 1.0
    punct = "".join(table.text[i] for i in words if table.is_punct[i])
    if words and all(table.is_punct[i] for i in words):
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
        for k, lemma in enumerate(reversed(table.lemma[max(first_span[0] - 2, 0):first_span[0]]), 1):
            f[f"before{k}={lemma}"] = 1.0
    if second_span is not None:
        for k, lemma in enumerate(table.lemma[second_span[1]:second_span[1] + 2], 1):
            f[f"after{k}={lemma}"] = 1.0

    # In TRIGGERS order: the order features are added in is the order of a row's
    # sparse entries, and so of the classifier's floating-point sums.
    between, context = _triggers_in(view.between), _triggers_in(view.before[-60:]) | _triggers_in(view.after[:60])
    for name in TRIGGERS:
        if name in between:
            f[f"trig_bw={name}"] = 1.0
            f[f"trig_bw={types}|{order}|{name}"] = 1.0
        if name in context:
            f[f"trig_ctx={types}|{name}"] = 1.0

    head_span = table.span(*view.head_span)
    tail_span = table.span(*view.tail_span)
    if head_span is not None and tail_span is not None:
        head_root, tail_root = head_span[2], tail_span[2]
        head_list, tail_list = table.list_head(head_root), table.list_head(tail_root)
        if head_list != head_root:
            f["head_in_list"] = 1.0
        if tail_list != tail_root:
            f["tail_in_list"] = 1.0
        # (spaCy's Token.conjuncts climb the same "conj" chain list_head does: a conjunct shares the list head.)
        if head_list == tail_list:
            f["same_list"] = 1.0
            f[f"same_list={types}"] = 1.0
        path = dependency_path(table, head_list, tail_list) if head_list != tail_list else None
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
        on_path = path_tokens(table, head_list, tail_list)
        if on_path is not None:
            inner = on_path[1:-1]
            path_groups = {g for t in inner for g in groups_of(table.lemma[t])}
            # Words hanging on the path's words count too ("took part": "part" hangs on "took").
            path_groups |= {g for t in inner for c in table.children(t) if table.dep[c] in ("dobj", "prt", "compound", "amod") for g in groups_of(table.lemma[c])}
            for group in GROUP_ORDER:
                if group in path_groups:
                    f[f"path_group={types}|{group}"] = 1.0
            f[f"clauses={types}|{min(clause_boundaries(table, on_path), 2)}"] = 1.0
        if "LOC" in (head_label, tail_label):
            # Sizes of the places by their gazetteer kind (0 unknown, city 1 ... region 4), with how closely the parse
            # joins them: "A, B" and "A in B" put a place in a larger one; a city and a country far apart in one
            # sentence are not stated to be one in the other.
            ranks = "|".join(str(patterns.place_rank(e.text)) if e.label == "LOC" else e.label for e in (cand.head, cand.tail))
            near = "near" if on_path is not None and len(on_path) <= 4 else "far"
            f[f"place_ranks={ranks}|{near}"] = 1.0

    for role, entity in (("head", cand.head), ("tail", cand.tail)):
        word = _name_word(entity.label, entity.text)
        if word and not (cand.proxy is not None and cand.proxy_role == role):
            f[f"{role}_word={word}"] = 1.0
    if cand.proxy is not None:
        f[f"proxy={cand.proxy_role}"] = 1.0
        f[f"proxy={types}|{cand.proxy_role}"] = 1.0
    if cand.block:
        f[f"block={cand.block}|{types}"] = 1.0
    for name in patterns.vetoes(cand, doc, view) if vetoes is None else vetoes:
        f[f"veto={name}"] = 1.0
    for name, label in patterns.match(cand, doc, view) if pattern_hits is None else pattern_hits:
        f[f"pattern={name}"] = 1.0
        f[f"pattern_label={label}"] = 1.0
    return f
