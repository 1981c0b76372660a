"""An indexed dependency matcher: spaCy's ``DependencyMatcher`` matches, found along the parse from each pattern's anchor.

spaCy's ``DependencyMatcher`` adds every node of every pattern to one token
``Matcher``, runs that over the whole document, finds the tree root of every
token it matched, and then tries each pattern on each sentence. With a few
hundred constructions of four or five nodes, most nodes broad ("a pobj", "a
subject"), that is most of the relation stage's time, although a
construction can only match where its anchor word is ("member", "hold",
"participation").

:class:`IndexedDependencyMatcher` gives the same matches for patterns whose
edges are ``>`` (child) and ``<`` (head) and whose token attributes are
exact values or ``IN`` lists of ``LEMMA``, ``LOWER``, ``ORTH``, ``TEXT``,
``DEP``, ``POS`` or ``TAG``, a boolean ``IS_UPPER`` or a compared
``LENGTH``: it looks the anchor up in a per-document index
and follows the parse node by node, in the pattern's order. Any other pattern
(other operators or attribute forms) is handed to a spaCy
``DependencyMatcher`` held alongside, so the matches are always spaCy's.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Iterable, Iterator

# Token attributes the index reads: the matcher's name -> the Token attribute (as spaCy's Matcher compares it).
# LENGTH reads the text and keeps its length.
TOKEN_ATTRS = {
    "LEMMA": "lemma_", "LOWER": "lower_", "ORTH": "orth_", "TEXT": "text", "DEP": "dep_", "POS": "pos_", "TAG": "tag_",
    "IS_UPPER": "is_upper", "LENGTH": "text",
}
OPERATORS = (">", "<")
# Which attribute of an anchor to look up: words are rarer than dependency labels and parts of speech; the last
# two are not looked up but scanned.
ANCHOR_ORDER = ("LEMMA", "LOWER", "ORTH", "TEXT", "TAG", "DEP", "POS", "IS_UPPER", "LENGTH")
# spaCy's Matcher's comparison operators for LENGTH.
COMPARISONS = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


@dataclass(frozen=True)
class _Compared:
    """The values passing ``{op: bound}`` comparisons (spaCy's ``{"LENGTH": {">=": 2}}``), tested with ``in``."""

    bounds: tuple[tuple[str, int], ...]

    def __contains__(self, value: object) -> bool:
        return all(COMPARISONS[op](value, bound) for op, bound in self.bounds)

# A compiled node: (index of the node it hangs on or -1 for the anchor, operator, ((attribute, allowed values), ...)).
Tests = tuple[tuple[str, "frozenset[Any] | _Compared"], ...]
Node = tuple[int, str, Tests]


def _tests(attrs: dict[str, Any]) -> Tests | None:
    tests: list[tuple[str, frozenset[Any] | _Compared]] = []
    for name, value in attrs.items():
        if name not in TOKEN_ATTRS:
            return None
        if name == "IS_UPPER":
            if not isinstance(value, bool):
                return None
            tests.append((name, frozenset([value])))
        elif name == "LENGTH":
            if not (isinstance(value, dict) and value and all(op in COMPARISONS and type(v) is int for op, v in value.items())):
                return None
            tests.append((name, _Compared(tuple(sorted(value.items())))))
        elif isinstance(value, str):
            tests.append((name, frozenset([value])))
        elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            tests.append((name, frozenset(value["IN"])))
        else:
            return None
    return tuple(tests)


def compile_pattern(pattern: list[dict[str, Any]]) -> list[Node] | None:
    """The pattern's nodes with their edge to an earlier node, or None when it uses what the index does not read."""
    ids: dict[str, int] = {}
    nodes: list[Node] = []
    for j, spec in enumerate(pattern):
        tests = _tests(spec.get("RIGHT_ATTRS", {}))
        if tests is None or spec.get("RIGHT_ID") in ids or "RIGHT_ID" not in spec:
            return None  # spaCy validates it, and reports what is wrong
        if j == 0:
            if "REL_OP" in spec or "LEFT_ID" in spec:
                return None
            nodes.append((-1, "", tests))
        else:
            if spec.get("REL_OP") not in OPERATORS or spec.get("LEFT_ID") not in ids:
                return None
            nodes.append((ids[spec["LEFT_ID"]], spec["REL_OP"], tests))
        ids[spec["RIGHT_ID"]] = j
    return nodes


class _DocIndex:
    """A parsed document's token attributes, children and heads, and the tokens carrying each attribute value."""

    def __init__(self, doc: Any, attrs: set[str]):
        names = sorted(attrs)
        # One pass over the tokens (each read makes a new Python object); "i" keeps attrgetter's result a tuple.
        read = attrgetter("i", "head.i", *[TOKEN_ATTRS[name] for name in names])
        columns = list(zip(*map(read, doc))) or [()] * (len(names) + 2)
        self.heads = columns[1]
        self.values = {name: columns[k] for k, name in enumerate(names, 2)}
        if "LENGTH" in self.values:
            self.values["LENGTH"] = tuple(map(len, self.values["LENGTH"]))
        self.children: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self._postings: dict[str, dict[str, list[int]]] = {}

    def postings(self, name: str) -> dict[str, list[int]]:
        if name not in self._postings:
            table: dict[str, list[int]] = {}
            for i, value in enumerate(self.values[name]):
                table.setdefault(value, []).append(i)
            self._postings[name] = table
        return self._postings[name]

    def passes(self, i: int, tests: Tests) -> bool:
        for name, allowed in tests:
            if self.values[name][i] not in allowed:
                return False
        return True

    def anchors(self, tests: Tests) -> list[int]:
        """Tokens passing the anchor's tests, looked up by its first attribute in ANCHOR_ORDER (words before labels)."""
        if not tests:
            return list(range(len(self.heads)))
        name, allowed = min(tests, key=lambda test: ANCHOR_ORDER.index(test[0]))
        if isinstance(allowed, _Compared):
            return [i for i in range(len(self.heads)) if self.passes(i, tests)]
        table = self.postings(name)
        found = sorted(i for value in allowed for i in table.get(value, ()))
        return [i for i in found if self.passes(i, tests)]


class IndexedDependencyMatcher:
    """``matcher(doc)`` yields ``(key, token indices in the pattern's node order)`` for every match, as spaCy's
    ``DependencyMatcher`` finds them (the order of the matches aside)."""

    def __init__(self, vocab: Any, patterns: Iterable[tuple[str, list[dict[str, Any]]]]):
        from spacy.matcher import DependencyMatcher

        # Patterns grouped by their anchor's tests: the anchor is looked up once per document for all of them.
        self.indexed: dict[Tests, list[tuple[str, list[Node]]]] = {}
        self.fallback = DependencyMatcher(vocab, validate=True)
        for key, pattern in patterns:
            nodes = compile_pattern(pattern)
            if nodes is None:
                self.fallback.add(key, [pattern])
            else:
                self.indexed.setdefault(nodes[0][2], []).append((key, nodes))
        self.attrs = {name for group in self.indexed.values() for _, nodes in group for _, _, tests in nodes for name, _ in tests}

    def __call__(self, doc: Any) -> Iterator[tuple[str, list[int]]]:
        if len(self.fallback):
            for match_id, token_ids in self.fallback(doc):
                yield doc.vocab.strings[match_id], token_ids
        if not self.indexed or not len(doc):
            return
        index = _DocIndex(doc, self.attrs)
        for anchor_tests, group in self.indexed.items():
            anchors = index.anchors(anchor_tests)
            if not anchors:
                continue
            for key, nodes in group:
                for anchor in anchors:
                    for token_ids in _extend(index, nodes, [anchor]):
                        yield key, token_ids


def _extend(index: _DocIndex, nodes: list[Node], chosen: list[int]) -> Iterator[list[int]]:
    """Every way to give the remaining nodes tokens that pass their tests and stand in their relation to their parent node."""
    if len(chosen) == len(nodes):
        yield list(chosen)
        return
    left, operator, tests = nodes[len(chosen)]
    source = chosen[left]
    if operator == ">":
        options = index.children[source]
    else:  # "<": the head; a sentence root has none
        head = index.heads[source]
        options = [head] if head != source else []
    for i in options:
        if index.passes(i, tests):
            chosen.append(i)
            yield from _extend(index, nodes, chosen)
            chosen.pop()
