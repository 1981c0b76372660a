"""Gazetteer names found in the text, token-aligned.

Names are matched with their exact case (abbreviations such as "EU" must not
fire on "eu"); multi-word organisation names also in any case ("shanghai
cooperation organization"). A single-word city is taken only where the parser
sees a proper noun, since many town names are also common words.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any

from textmine.resources.gazetteer import GazetteerEntry, load_gazetteer
from textmine.stages.ner.spans import PRIORITY, Candidate, has_cyrillic

# Hyphens count as tokens: "Organization for Security and Co-operation in Europe" is nine.
MAX_NAME_TOKENS = 12


class GazetteerIndex:
    def __init__(self, entries: list[GazetteerEntry]):
        self.exact: dict[str, GazetteerEntry] = {}
        self.folded: dict[str, GazetteerEntry] = {}
        # Countries, regions and organisations win a name they share with a town.
        rank = {"country": 0, "historical-country": 0, "region": 1, "subdivision": 2, "city": 3}
        for entry in sorted(entries, key=lambda e: 0 if e.label == "ORG" else rank.get(e.kind, 2)):
            for alias in entry.aliases:
                if has_cyrillic(alias):
                    continue  # Russian text goes through the Russian recogniser
                self.exact.setdefault(alias, entry)
                if entry.label == "ORG" and len(alias.split()) > 1:
                    self.folded.setdefault(alias.casefold(), entry)
        # Sorted names, to ask at each token whether any name starts there at all.
        self._exact_sorted = sorted(self.exact)
        self._folded_sorted = sorted(self.folded)

    def _may_start(self, text: str, start: int, end: int) -> bool:
        """Whether a name can start with the token text[start:end].

        A name of one token is the token itself; a longer one also continues
        with the character after the token (a space or what is glued to it).
        """
        longer = text[start:end + 1]
        return (
            text[start:end] in self.exact
            or _some_start_with(self._exact_sorted, longer)
            or _some_start_with(self._folded_sorted, longer.casefold())
        )

    def find(self, spacy_doc: Any) -> list[Candidate]:
        text = spacy_doc.text
        tokens = list(spacy_doc)
        starts = [t.idx for t in tokens]
        ends = [start + len(t) for start, t in zip(starts, tokens)]
        out: list[Candidate] = []
        i = 0
        while i < len(tokens):
            match = None
            if not self._may_start(text, starts[i], ends[i]):
                i += 1
                continue
            for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                surface = text[starts[i]:ends[i + n - 1]]
                entry = self.exact.get(surface) or (self.folded.get(surface.casefold()) if n > 1 else None)
                if entry is None:
                    continue
                if n == 1 and entry.kind == "city" and not _standalone_proper_noun(tokens, i):
                    continue
                match = (n, entry, starts[i], ends[i + n - 1])
                break
            if match is None:
                i += 1
                continue
            n, entry, start, end = match
            priority = PRIORITY["gazetteer:long"] if n > 1 else PRIORITY["gazetteer"]
            out.append(Candidate(start, end, entry.label, "gazetteer", priority, entry.canonical, entry.kb_id))
            i += n
        return out


def _some_start_with(names: list[str], prefix: str) -> bool:
    i = bisect_left(names, prefix)
    return i < len(names) and names[i].startswith(prefix)


# Heads of documents named after the town they were signed in ("Ottawa Declaration", "Minsk Agreements"): documents
# are not entities, the town in the name is (guidelines §2).
_DOCUMENT_HEADS = frozenset(
    "Declaration Declarations Agreement Agreements Accord Accords Protocol Treaty Charter Convention Communiqué Memorandum".split()
)


def _standalone_proper_noun(tokens: list[Any], i: int) -> bool:
    """A proper noun that is not part of a longer name ("George Smith", "Budapest Metro"), or names a document's town."""
    if tokens[i].pos_ != "PROPN":
        return False
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and after.text in _DOCUMENT_HEADS:
        after = None
    return not any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after))


@lru_cache(maxsize=1)
def gazetteer_index() -> GazetteerIndex:
    return GazetteerIndex(list(load_gazetteer().entries()))
