"""One name per real-world entity: canonical names, ``entities_index``, alias_of.

The component groups the mentions of a document that denote the same thing:

* the same name written again (case, whitespace, a leading "the" and Russian
  inflection ignored: "Чехии" and "Чехия" are one name);
* names of one gazetteer entry ("SCO", "Shanghai Cooperation Organization",
  "ШОС"; "Astana", "Nur-Sultan");
* pairs the text itself states: an abbreviation defined next to its full form
  ("Full Name (ABBR)", "ABBR (Full Name)", matched in the manner of Schwartz
  and Hearst, 2003), and old/new names ("Astana (now Nursultan)", "X
  (formerly Y)", "X, also known as Y", or "X (Y)" where both are names of
  one gazetteer place). These pairs also become ``alias_of`` relations;
* people written with and without initials or in another order
  ("G. T. Ichshanova", "Ichshanova", "Ichshanova G.T.").

Every ORG/LOC/PERSON/EVENT mention gets ``canonical``: the gazetteer's name
when the gazetteer knows the entity, else the document's full form (the
expansion of an abbreviation, the most complete person name). A DATE's
canonical is its value (its text when the value is unknown).

An abbreviation defined in the text ("Collective Rapid Reaction Forces
(CRRF)") whose short or long form the NER missed is added as a mention of
the other's label, and so are the later uses of the defined abbreviation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from textmine.components import register
from textmine.document import Document, Entity, Relation
from textmine.resources.gazetteer import GazetteerEntry, load_gazetteer, normalise_name, russian_lemma_key

NAMED_LABELS = ("ORG", "LOC", "PERSON", "EVENT")

# Words inside the brackets that say the second name is a former/current/other name.
_RENAMING_MARKERS = (
    r"now|formerly|former|previously|currently|renamed(?: as| to)?|since renamed|later|"
    r"also known as|also called|known as|a\.?k\.?a\.?|or|ныне|сейчас|теперь|бывш\.?|бывший|бывшая|"
    r"ранее|прежде|до переименования"
)
_BRACKETED_ALIAS = re.compile(
    r"\s*\(\s*(?:(?P<marker>" + _RENAMING_MARKERS + r")\b\.?\s*[:,]?\s*)?$", re.IGNORECASE
)
# After the second name: an optional remark ("- author", ", 1997") then ")".
_BRACKET_CLOSE = re.compile(r"\s*(?:[-–—,;]\s*[^()\n]{0,40})?\)")
_APPOSED_ALIAS = re.compile(
    r"\s*(?:,\s*\(?|\()\s*(?P<marker>now|formerly|previously|also known as|known as|renamed|a\.?k\.?a\.?|ныне|ранее|бывший|бывшая)\s+$",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"[^\W_][\w&./-]*")
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+", re.IGNORECASE)
_LOWER_FUNCTION_WORDS = frozenset(
    "of the and for on in at to de du des la le el al an ad по и в на для при".split()
)


# --------------------------------------------------------------------------
# Abbreviations (Schwartz & Hearst 2003, "A simple algorithm for identifying
# abbreviation definitions in biomedical text")


def looks_like_abbreviation(text: str) -> bool:
    """A short form: one word of 2-10 characters with an upper-case letter and
    more capitals than a plain capitalised word ("SCO", "EurAsEC", "ШОС")."""
    text = text.strip()
    if not (2 <= len(text) <= 10) or " " in text or not _ABBREVIATION.fullmatch(text):
        return False
    capitals = sum(ch.isupper() for ch in text)
    return capitals >= 2 or (capitals == 1 and len(text) <= 3 and text[0].isupper())


def long_form_start(short: str, long: str) -> int | None:
    """Where in ``long`` the expansion of ``short`` starts, or None.

    Each letter/digit of the short form must appear in the long form, in
    order, right to left, and the first one must start a word."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    if not chars:
        return None
    s_index = len(chars) - 1
    l_index = len(long) - 1
    while s_index >= 0:
        current = chars[s_index]
        while l_index >= 0 and (
            long[l_index].lower() != current
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = long.rfind(" ", 0, l_index + 1) + 1
    return start


def is_abbreviation_of(short: str, long: str) -> bool:
    """True when ``short`` abbreviates the whole of ``long`` (a name, so
    with a capital: "free trade zone" is no expansion of "FTA")."""
    if not looks_like_abbreviation(short) or len(long) <= len(short) or long.islower():
        return False
    words = long.split()
    if len(words) < 2 and not re.search(r"[A-ZА-Я].*[A-ZА-Я]", long):
        return False
    start = long_form_start(short, long)
    if start is None:
        return False
    # The expansion must cover the name from its first word (or all but a leading "the").
    return normalise_name(long[start:]) == normalise_name(long)


def is_translated_abbreviation_of(short: str, long: str) -> bool:
    """True when ``short`` is built from the starts of words of ``long`` taken
    in another order, as an acronym of the name in another language is
    ("SICA" for "Central American Integration System", from "Sistema de la
    Integración Centroamericana"; "PARLACEN" for "Central American
    Parliament"). Every piece starts a different capitalised word; a word may
    be left out ("BCIE": Bank, Central, Integration, Economic)."""
    if not looks_like_abbreviation(short) or not short.isalpha():
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", long) if w[:1].isupper()]
    if len(words) < 2:
        return False

    # At least two pieces and half the words: a long name offers too many accidental matches otherwise.
    needed = max(2, (len(words) + 1) // 2)

    def pieces(rest: str, unused: frozenset[int]) -> bool:
        if not rest:
            return len(words) - len(unused) >= needed
        for i in unused:
            length = 1
            while length <= len(rest) and length <= len(words[i]) and words[i][:length] == rest[:length]:
                if pieces(rest[length:], unused - {i}):
                    return True
                length += 1
        return False

    return pieces(short.lower(), frozenset(range(len(words))))


def _name_like(words: list[str]) -> bool:
    """Capitalised words, allowing lower-case function words inside."""
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _LOWER_FUNCTION_WORDS or not w[:1].isalpha() for w in words)


def find_long_form(text: str, short: str, open_bracket: int) -> tuple[int, int] | None:
    """Span of the expansion of ``short`` written just before ``open_bracket``
    ("Collective Rapid Reaction Forces (CRRF)"), or None."""
    window_words = min(len(short) + 5, 2 * len(short))
    line_start = text.rfind("\n", 0, open_bracket) + 1
    before = text[line_start:open_bracket].rstrip()
    words = list(re.finditer(r"\S+", before))[-window_words:]
    if not words:
        return None
    window_start = words[0].start()
    window = before[window_start:]
    start = long_form_start(short, window)
    if start is None:
        return None
    long_text = window[start:]
    if re.search(r"[.;:!?,()\"«»]", long_text) or not _name_like(long_text.split()):
        return None
    begin = line_start + window_start + start
    if text[begin:begin + 4].lower() == "the ":
        begin += 4
    return begin, line_start + len(before)


# --------------------------------------------------------------------------
# People


@dataclass(frozen=True)
class PersonName:
    surname: str
    initials: str  # upper-case letters of the given names/initials, in order

    def compatible(self, other: "PersonName") -> bool:
        if self.surname.casefold() != other.surname.casefold():
            return False
        return self.initials.startswith(other.initials) or other.initials.startswith(self.initials)


_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.-?)+$")


def parse_person(text: str) -> PersonName | None:
    """"G. T. Ichshanova", "John R. Miller", "Ichshanova G.T.", "Chukalova R.R.",
    "Ivanov, Ivan Petrovich" -> surname and initials (in written order)."""
    tokens = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?(?:[^\W\d_]{1,2}\.)*", text)
    words = [i for i, t in enumerate(tokens) if not _INITIALS.match(t)]
    if not words:
        return None
    surname_first = "," in text or _INITIALS.match(tokens[-1]) is not None
    surname_index = words[0] if surname_first else words[-1]
    letters = ""
    for i, token in enumerate(tokens):
        if i == surname_index:
            continue
        if _INITIALS.match(token):
            letters += "".join(ch for ch in token if ch.isalpha() and ch.isupper())
        else:
            letters += token[0].upper()
    return PersonName(tokens[surname_index].rstrip("."), letters)


def person_display(text: str) -> str:
    """Standard written form: initials before the surname ("Chukalova R.R." -> "R. R. Chukalova")."""
    match = re.fullmatch(r"\s*([^\W\d_][\w'’-]+),?\s+((?:[^\W\d_]{1,2}\.\s*-?)+)\s*", text)
    if not match:
        return " ".join(text.split())
    surname, initials = match.groups()
    letters = re.findall(r"[^\W\d_]{1,2}\.", initials)
    return " ".join(letters + [surname])


# --------------------------------------------------------------------------
# Grouping


class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


@dataclass
class AliasPair:
    first: Entity
    second: Entity
    kind: str  # "abbreviation" or "renamed"
    confidence: float


# "(CABEI; BCIE in Spanish)": a second short form in the brackets, named by its language.
_SECOND_SHORT_FORM = re.compile(r"\s*;\s*")
_IN_LANGUAGE_CLOSE = re.compile(r"\s+in\s+[A-Z][a-z]+\s*\)")


def _second_bracketed_names(text: str, ordered: list[Entity]) -> list[AliasPair]:
    """The full name and a second short form given for it in another language
    after the first one ("Full Name (ABBR; XYZ in Spanish)")."""
    pairs = []
    for long, short, other in zip(ordered, ordered[1:], ordered[2:]):
        if not (long.label == short.label == other.label) or long.label not in ("ORG", "LOC", "EVENT"):
            continue
        if (_BRACKETED_ALIAS.fullmatch(text[long.end:short.start]) and _SECOND_SHORT_FORM.fullmatch(text[short.end:other.start])
                and _IN_LANGUAGE_CLOSE.match(text, other.end)):
            pairs.append(AliasPair(other, long, "abbreviation", 0.9))
    return pairs


# "The acronym SICA follows the Spanish name, Sistema de ...": an abbreviation and the name it is said to stand for.
_ACRONYM_WORD = re.compile(r"\b(?:acronym|abbreviation|short form)\s*$", re.IGNORECASE)
_STANDS_FOR = re.compile(
    r"^\s*(?:(?:stands|is short) for|(?:follows|comes from|is derived from|derives from|reflects)\b[^.;()\n]{0,40}?\bname)\s*,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _named_acronyms(text: str, ordered: list[Entity]) -> list[AliasPair]:
    """An abbreviation the text says stands for a name, when its letters fit that name."""
    pairs = []
    for short, long in zip(ordered, ordered[1:]):
        if short.label != long.label or short.label not in ("ORG", "LOC", "EVENT"):
            continue
        line_start = text.rfind("\n", 0, short.start) + 1
        if (_ACRONYM_WORD.search(text[line_start:short.start]) and _STANDS_FOR.match(text[short.end:long.start])
                and is_abbreviation_of(short.text, long.text)):
            pairs.append(AliasPair(short, long, "abbreviation", 0.9))
    return pairs


def _name_key(entity: Entity) -> str:
    key = normalise_name(entity.text)
    if re.search(r"[\u0400-\u04FF]", key):
        return russian_lemma_key(key)
    return key


def _inside_url_or_email(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return any(m.start() <= start - line_start < m.end() for m in _URL_OR_EMAIL.finditer(line))


@register("canonical")
class Canonical:
    """Set ``Entity.canonical``, build ``doc.entities_index``, add alias_of relations.

    Settings: ``add_abbreviation_mentions`` (default True) adds the mentions
    of abbreviations the text defines (see the module docstring).
    """

    name = "canonical"

    def __init__(self, add_abbreviation_mentions: bool = True):
        self.add_abbreviation_mentions = add_abbreviation_mentions
        self.gazetteer = load_gazetteer()
        self.provenance = {"add_abbreviation_mentions": add_abbreviation_mentions}

    # -- alias pairs stated by the text ---------------------------------

    def _gazetteer_entry(self, entity: Entity) -> GazetteerEntry | None:
        if entity.label not in ("ORG", "LOC"):
            return None
        return self.gazetteer.lookup(entity.text, entity.label)

    def find_alias_pairs(self, doc: Document) -> list[AliasPair]:
        ordered = sorted(doc.entities, key=lambda e: (e.start, e.end))
        pairs: list[AliasPair] = []
        for first, second in zip(ordered, ordered[1:]):
            if first.label != second.label or first.label == "DATE":
                continue
            between = doc.text[first.end:second.start]
            bracketed = _BRACKETED_ALIAS.fullmatch(between)
            if bracketed and _BRACKET_CLOSE.match(doc.text, second.end):
                marker = bracketed.group("marker")
            else:
                apposed = _APPOSED_ALIAS.fullmatch(between)
                if not apposed:
                    continue
                marker = apposed.group("marker")
            pair = self._classify_pair(first, second, marker)
            if pair is not None:
                pairs.append(pair)
        pairs.extend(_second_bracketed_names(doc.text, ordered))
        pairs.extend(_named_acronyms(doc.text, ordered))
        return pairs

    def _classify_pair(self, first: Entity, second: Entity, marker: str | None) -> AliasPair | None:
        if not marker or marker.lower() == "or":
            if is_abbreviation_of(second.text, first.text) or is_abbreviation_of(first.text, second.text):
                return AliasPair(first, second, "abbreviation", 0.95)
            if first.label == "ORG" and is_translated_abbreviation_of(second.text, first.text):
                return AliasPair(first, second, "abbreviation", 0.9)
        if marker and marker.lower() != "or":
            return AliasPair(first, second, "renamed", 0.9)
        entry_first, entry_second = self._gazetteer_entry(first), self._gazetteer_entry(second)
        if entry_first is not None and entry_first == entry_second and _name_key(first) != _name_key(second):
            kind = "abbreviation" if looks_like_abbreviation(first.text) or looks_like_abbreviation(second.text) else "renamed"
            return AliasPair(first, second, kind, 0.85)
        return None

    # -- abbreviation mentions the NER missed -----------------------------

    def _add_defined_abbreviations(self, doc: Document) -> None:
        text = doc.text
        taken = sorted((e.start, e.end) for e in doc.entities)

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        next_number = 1 + max((int(e.id[1:]) for e in doc.entities if e.id[1:].isdigit()), default=0)
        added: list[Entity] = []

        def add(start: int, end: int, label: str) -> None:
            nonlocal next_number
            entity = Entity(f"T{next_number}", start, end, label, text[start:end], source="canonical:abbreviation")
            next_number += 1
            added.append(entity)
            taken.append((start, end))

        defined: dict[str, str] = {}
        for match in re.finditer(r"\(\s*([^\W_][\w&.-]{1,9})\s*\)", text):
            short, s_start, s_end = match.group(1), match.start(1), match.end(1)
            if not looks_like_abbreviation(short) or _inside_url_or_email(text, s_start, s_end):
                continue
            long_span = find_long_form(text, short, match.start())
            if long_span is None:
                continue
            l_start, l_end = long_span
            long_entity = next((e for e in doc.entities + added if (e.start, e.end) == (l_start, l_end)), None)
            short_entity = next((e for e in doc.entities + added if (e.start, e.end) == (s_start, s_end)), None)
            if long_entity is not None and short_entity is None and free(s_start, s_end):
                if long_entity.label in ("ORG", "LOC", "EVENT"):
                    add(s_start, s_end, long_entity.label)
                    defined[short] = long_entity.label
            elif short_entity is not None and long_entity is None and free(l_start, l_end):
                if short_entity.label in ("ORG", "LOC", "EVENT"):
                    add(l_start, l_end, short_entity.label)
                    defined[short] = short_entity.label
            elif long_entity is not None and short_entity is not None and long_entity.label == short_entity.label:
                defined[short] = short_entity.label
        for short, label in defined.items():
            for match in re.finditer(r"(?<![\w/@.-])" + re.escape(short) + r"(?![\w@-]|\.\w)", text):
                if free(match.start(), match.end()) and not _inside_url_or_email(text, match.start(), match.end()):
                    add(match.start(), match.end(), label)
        doc.entities.extend(added)

    # -- grouping and naming ---------------------------------------------

    def __call__(self, doc: Document) -> Document:
        if self.add_abbreviation_mentions:
            self._add_defined_abbreviations(doc)
        pairs = self.find_alias_pairs(doc)
        entities = sorted(doc.entities, key=lambda e: (e.start, e.end))
        groups = _UnionFind(e.id for e in entities)
        entries: dict[str, GazetteerEntry] = {}
        first_by_key: dict[tuple[str, str], str] = {}

        for entity in entities:
            if entity.label == "DATE":
                key = ("DATE", entity.value or normalise_name(entity.text))
            elif entity.label == "PERSON":
                continue
            else:
                entry = self._gazetteer_entry(entity)
                if entry is not None:
                    entries[entity.id] = entry
                    key = (entity.label, f"gazetteer:{entry.kb_id or entry.canonical}")
                else:
                    key = (entity.label, _name_key(entity))
            if key in first_by_key:
                groups.union(first_by_key[key], entity.id)
            else:
                first_by_key[key] = entity.id
        # Names linked by the text bring their whole groups along (e.g. every
        # "SCO" joins "Shanghai Cooperation Organization").
        for pair in pairs:
            groups.union(pair.first.id, pair.second.id)
        self._group_people(entities, groups)
        self._group_short_references(entities, groups)

        members: dict[str, list[Entity]] = {}
        for entity in entities:
            members.setdefault(groups.find(entity.id), []).append(entity)
        index = []
        for number, group in enumerate(members.values(), 1):
            canonical, kb_id = self._name_group(group, entries, pairs)
            for entity in group:
                entity.canonical = canonical
            index.append(
                {
                    "id": f"E{number}",
                    "label": group[0].label,
                    "canonical": canonical,
                    "mentions": [e.id for e in group],
                    "kb_id": kb_id,
                    "aliases": list(dict.fromkeys(" ".join(e.text.split()) for e in group)),
                }
            )
        doc.entities_index = index
        self._add_alias_relations(doc, pairs)
        return doc

    @staticmethod
    def _group_people(entities: list[Entity], groups: _UnionFind) -> None:
        """A name joins the one earlier person whose every name it is
        compatible with ("Ichshanova" after "G. T. Ichshanova"); when it fits
        several people ("Desmarais" after "Paul" and "Hélène Desmarais") or
        none, it stays apart."""
        people: list[tuple[str, list[PersonName]]] = []
        for entity in entities:
            if entity.label != "PERSON":
                continue
            name = parse_person(entity.text)
            if name is None:
                continue
            fitting = [person for person in people if all(name.compatible(other) for other in person[1])]
            if len(fitting) == 1:
                groups.union(fitting[0][0], entity.id)
                fitting[0][1].append(name)
            else:
                people.append((entity.id, [name]))

    @staticmethod
    def _group_short_references(entities: list[Entity], groups: _UnionFind) -> None:
        """An organisation named again by the tail of its name ("the Executive
        Committee" after "RATS Executive Committee") joins that organisation,
        when exactly one earlier organisation's name ends so."""
        for i, entity in enumerate(entities):
            if entity.label != "ORG":
                continue
            key = _name_key(entity)
            if len(key.split()) < 2:
                continue
            owners = {
                groups.find(other.id)
                for other in entities[:i]
                if other.label == "ORG" and _name_key(other).endswith(" " + key)
            }
            if len(owners) == 1:
                groups.union(owners.pop(), entity.id)

    def _name_group(
        self, group: list[Entity], entries: dict[str, GazetteerEntry], pairs: list[AliasPair]
    ) -> tuple[str, str | None]:
        label = group[0].label
        if label == "DATE":
            return group[0].value or " ".join(group[0].text.split()), None
        entry_counts = Counter(entries[e.id] for e in group if e.id in entries)
        if entry_counts:
            entry = entry_counts.most_common(1)[0][0]
            return entry.canonical, entry.kb_id
        texts = [" ".join(e.text.split()) for e in group]
        if label == "PERSON":
            return person_display(max(texts, key=lambda t: (len(parse_person(t).initials) if parse_person(t) else 0, len(t)))), None
        expansions = [t for t in texts if not looks_like_abbreviation(t)]
        candidates = expansions or texts
        counts = Counter(candidates)
        # The full form the document gives; among equals the most frequent, then the first.
        return max(candidates, key=lambda t: (len(t.split()), counts[t], -candidates.index(t))), None

    @staticmethod
    def _add_alias_relations(doc: Document, pairs: list[AliasPair]) -> None:
        existing = {(r.label, frozenset((r.head, r.tail))) for r in doc.relations}
        for pair in pairs:
            key = ("alias_of", frozenset((pair.first.id, pair.second.id)))
            if key in existing:
                continue
            existing.add(key)
            doc.relations.append(
                Relation(
                    id=f"R{len(doc.relations) + 1}",
                    label="alias_of",
                    head=pair.first.id,
                    tail=pair.second.id,
                    confidence=pair.confidence,
                    source=f"canonical:{pair.kind}",
                )
            )
