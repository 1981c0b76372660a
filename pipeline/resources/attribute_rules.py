"""spaCy's ``attribute_ruler`` with its rules looked up by token instead of matched.

The pretrained English pipeline's attribute ruler (tag map, morphology and
lemma exceptions: 179 rules, nearly all of one token) runs every rule through
spaCy's Matcher at every token, which costs about a sixth of the whole
pipeline. :class:`IndexedAttributeRuler` reads the same rules from the loaded
ruler and applies them with the same semantics: every rule is matched against
the tokens as the earlier components left them, then the matches are applied
in rule order, so a later rule wins. Rules are indexed by the tag and
lower-case form their first token requires; their predicates may be plain
values, ``IN`` and ``NOT_IN`` lists or ``REGEX``es. A rule with anything else (operators such
as ``OP``, other attributes) still goes through a Matcher.
``tests/test_attribute_rules.py`` checks that the annotations are identical
to the original component's over the corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# The Matcher attributes the index handles, in the order of the columns read with Doc.to_array.
_COLUMNS = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")
_ALIASES = {"TEXT": "ORTH"}


class _Predicate:
    """One attribute condition of a token pattern: a set of accepted (or refused) values, or a regular expression.

    Tokens are read as rows of ``Doc.to_array(_COLUMNS)``, where string
    attributes are hashes, so the accepted values are hashes too.
    """

    __slots__ = ("column", "values", "refuse", "regex", "strings")

    def __init__(
        self, column: int, values: frozenset[int] | None = None, refuse: bool = False, regex: str | None = None, strings: Any = None
    ):
        self.column, self.values, self.refuse, self.strings = column, values, refuse, strings
        self.regex = re.compile(regex) if regex is not None else None

    def __call__(self, row: list[int]) -> bool:
        if self.regex is not None:
            return self._search(row[self.column])
        return (row[self.column] in self.values) != self.refuse

    @lru_cache(maxsize=65536)  # noqa: B019 (predicates live as long as the pipeline)
    def _search(self, value: int) -> bool:
        return bool(self.regex.search(self.strings[value]))  # as the Matcher's REGEX: a search, not a full match


# A rule's entry in the index: (rule number, offset of the token it sets, predicates of each token from the first)
_Rule = tuple[int, int, list[list[_Predicate]]]


def _token_conditions(strings: Any, token_pattern: dict[str, Any]) -> tuple[dict[int, frozenset[int]], list[_Predicate]] | None:
    """(accepted values by column, the other predicates) of one token pattern; None if the index cannot express it."""
    exact: dict[int, frozenset[int]] = {}
    predicates = []
    for attribute, value in token_pattern.items():
        attribute = _ALIASES.get(attribute, attribute)
        if attribute not in _COLUMNS:
            return None
        column = _COLUMNS.index(attribute)
        if isinstance(value, dict) and set(value) == {"REGEX"} and attribute != "IS_SPACE":
            predicates.append(_Predicate(column, regex=value["REGEX"], strings=strings))
            continue
        refuse = False
        if isinstance(value, dict) and set(value) in ({"IN"}, {"NOT_IN"}):
            refuse = "NOT_IN" in value
            values = value["NOT_IN" if refuse else "IN"]
        elif isinstance(value, (str, bool)):
            values = [value]
        else:
            return None
        hashes = frozenset(int(v) if attribute == "IS_SPACE" else strings.add(v) for v in values)
        if not refuse:
            exact[column] = hashes
        else:
            predicates.append(_Predicate(column, values=hashes, refuse=refuse))
    return exact, predicates


class IndexedAttributeRuler:
    """Drop-in replacement for a loaded ``AttributeRuler`` (same rules, same results)."""

    def __init__(self, ruler: Any):
        from spacy.matcher import Matcher
        from spacy.tokens._retokenize import set_token_attrs

        self._set_token_attrs = set_token_attrs
        self.name = ruler.name
        self._attrs = ruler.attrs  # normalised attributes of rule i
        # Rules by the tag and lower-case form (hashes) their first token must have, by one attribute's value, or neither.
        self._by_tag_lower: dict[tuple[int, int], list[_Rule]] = {}
        self._by_column: list[dict[int, list[_Rule]]] = [{} for _ in _COLUMNS]
        self._unindexed: list[_Rule] = []
        self._matcher = Matcher(ruler.vocab, validate=False)
        self._matcher_rules: dict[int, int] = {}  # matcher key -> rule number
        for rule, (entry, index) in enumerate(zip(ruler.patterns, ruler.indices)):
            for pattern in entry["patterns"]:
                conditions = [_token_conditions(ruler.vocab.strings, token) for token in pattern]
                if any(c is None for c in conditions):
                    key = ruler.vocab.strings.add(f"textmine_attribute_rule_{rule}")
                    self._matcher.add(key, [pattern])
                    self._matcher_rules[key] = rule
                    continue
                self._index(rule, index if index >= 0 else len(pattern) + index, conditions)
        self._indices = ruler.indices

    def _index(self, rule: int, target: int, conditions: list[tuple[dict[int, frozenset[int]], list[_Predicate]]]) -> None:
        """File the rule under the values its first token must have: tag and lower-case form, or one attribute."""
        (first_exact, first_rest), *following = conditions
        tag, lower = _COLUMNS.index("TAG"), _COLUMNS.index("LOWER")
        if tag in first_exact and lower in first_exact:
            keys = [tag, lower]
        else:
            keys = [column for column in (tag, lower, *range(len(_COLUMNS))) if column in first_exact][:1]
        tokens = [first_rest + [_Predicate(c, values=v) for c, v in first_exact.items() if c not in keys]] + [
            rest + [_Predicate(c, values=v) for c, v in exact.items()] for exact, rest in following
        ]
        entry = (rule, target, tokens)
        if len(keys) == 2:
            for value in first_exact[tag]:
                for other in first_exact[lower]:
                    self._by_tag_lower.setdefault((value, other), []).append(entry)
        elif keys:
            for value in first_exact[keys[0]]:
                self._by_column[keys[0]].setdefault(value, []).append(entry)
        else:
            self._unindexed.append(entry)

    def matches(self, doc: Any) -> list[tuple[int, int]]:
        """(rule number, token index) of every rule application, in the order they are applied."""
        found = []
        rows = doc.to_array(list(_COLUMNS)).tolist() if len(doc) else []
        tables = [(column, table) for column, table in enumerate(self._by_column) if table]
        for i, row in enumerate(rows):
            candidates = [self._by_tag_lower.get((row[0], row[1])), self._unindexed]
            candidates += [table.get(row[column]) for column, table in tables]
            for rules in candidates:
                for rule, target, conditions in rules or ():
                    if i + len(conditions) > len(rows):
                        continue
                    if all(check(rows[i + k]) for k, predicates in enumerate(conditions) for check in predicates):
                        found.append((rule, i + target))
        if len(self._matcher):
            for key, start, end in self._matcher(doc, allow_missing=True):
                rule = self._matcher_rules[key]
                index = self._indices[rule]
                found.append((rule, (start if index >= 0 else end) + index))
        found.sort()  # by rule: later rules take precedence, as in spaCy's AttributeRuler
        return found

    def __call__(self, doc: Any) -> Any:
        for rule, i in self.matches(doc):
            self._set_token_attrs(doc[i], self._attrs[rule])
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


_FACTORY = "textmine_indexed_attribute_ruler"


def index_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> Any:
    """Replace ``nlp``'s attribute ruler, in place, by its indexed equivalent; returns ``nlp``."""
    from spacy.language import Language

    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, func=lambda nlp, name, source: IndexedAttributeRuler(nlp.get_pipe(source)))
    if name in nlp.pipe_names and not isinstance(nlp.get_pipe(name), IndexedAttributeRuler):
        indexed = f"{name}_indexed"
        nlp.add_pipe(_FACTORY, name=indexed, before=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(indexed, name)
    return nlp
