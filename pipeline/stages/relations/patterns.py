"""Patterns over a candidate pair: the dependency constructions of :mod:`.syntax` and a few layout patterns.

Most patterns are dependency constructions (``syntax``); the ones here read
token shapes that a parser does not see as grammar: "Almaty, Kazakhstan",
"EVENT, DATE", an organisation "of" another, the author block's layout.
Each of these reads the text between (and around) the two argument spans,
with the other entity mentions there replaced by ``§`` so that a list of
names reads the same whatever its length ("member states §, § and §").
Patterns serve three purposes: they are features of the classifier, they are
the "patterns only" baseline, and the component lets them add a relation the
classifier missed (source ``pattern:<name>``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any, Callable

from textmine.document import Document, relation_allowed
from textmine.resources.gazetteer import load_gazetteer
from textmine.stages.relations import syntax
from textmine.stages.relations.candidates import FACT_LINE, Candidate, fact_sheet_heading, names_only_line
from textmine.stages.relations.triggers import groups_of

# Stands for another mention; a symbol, so that lower-casing leaves it alone and no word matches it.
PLACEHOLDER = "§"
# A list continuation: ", §", " and §", ", and §".
_EVENT_VERBS = r"\b(held|hold|holds|took place|take place|takes place|conducted|hosted|organi[sz]ed|staged)\b"


def mention_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's mention spans, sorted (computed once per document, read by every PairView)."""
    return sorted({(e.start, e.end) for e in doc.entities})


def masked(
    doc: Document, start: int, end: int, skip: tuple[tuple[int, int], ...] = (), spans: list[tuple[int, int]] | None = None
) -> str:
    """``doc.text[start:end]`` with every entity mention inside replaced by § (mentions in ``skip`` too).

    ``spans`` are ``mention_spans(doc)`` when the caller has them already.
    """
    spans = mention_spans(doc) if spans is None else spans
    # Only mentions starting in [start, end) can be inside.
    nearby = sorted(set(spans[bisect_left(spans, (start, start)):bisect_left(spans, (end, end))]) | set(skip))
    pieces, pos = [], start
    for s, e in nearby:
        if s >= start and e <= end and s >= pos:
            pieces.append(doc.text[pos:s])
            pieces.append(PLACEHOLDER)
            pos = e
    pieces.append(doc.text[pos:end])
    return " ".join("".join(pieces).split())


class PairView:
    """The pieces of text a pattern looks at, computed once per candidate."""

    def __init__(self, cand: Candidate, doc: Document, spans: list[tuple[int, int]] | None = None):
        spans = mention_spans(doc) if spans is None else spans
        self.cand = cand
        self.doc = doc
        self.head_span = cand.span("head")
        self.tail_span = cand.span("tail")
        self.head_first = self.head_span[0] < self.tail_span[0]
        first, second = (self.head_span, self.tail_span) if self.head_first else (self.tail_span, self.head_span)
        arguments = (self.head_span, self.tail_span)
        sent_start, sent_end = cand.sentence
        self.between_raw = doc.text[first[1]:second[0]]
        self.labels_between = [e.label for e in doc.entities if e.start >= first[1] and e.end <= second[0]]
        self.between = masked(doc, first[1], second[0], arguments, spans).lower()
        self.before = masked(doc, sent_start, first[0], arguments, spans).lower()
        self.after = masked(doc, second[1], sent_end, arguments, spans).lower()

    def labels(self) -> tuple[str, str]:
        return self.cand.head.label, self.cand.tail.label


def _comma_location(v: PairView) -> str | None:
    """"University of §, Almaty", "Almaty, Kazakhstan": a place named right after, not a list of places.

    Two places the gazetteer knows, the first not smaller than the second ("Kenya, Uganda, Tanzania", "Bamako, Niamey"),
    are a list without its "and", not a place and where it is.
    """
    if v.head_first and v.between_raw.strip() == "," and not list_siblings(v):
        if v.labels() == ("LOC", "LOC"):
            head_rank, tail_rank = place_rank(v.cand.head.text), place_rank(v.cand.tail.text)
            if head_rank and tail_rank and head_rank >= tail_rank:
                return None
        return "located_in"
    return None


# How large a place of each gazetteer kind is, to tell which of two places is in the other; a name the gazetteer lacks counts as small.
_PLACE_RANK = {"region": 4, "country": 3, "historical-country": 3, "subdivision": 2, "city": 1, "water": 1, "mountains": 1}


def place_rank(name: str) -> int:
    """The size rank of a place name by its gazetteer kind (0 when unknown)."""
    entry = load_gazetteer().lookup(name, "LOC")
    return _PLACE_RANK.get(entry.kind, 0) if entry else 0


def _parenthesised_place(v: PairView) -> str | None:
    """"Uganda (Jinja)", "Jinja (Uganda)": a place and a place in brackets after it; the smaller one is in the larger.

    Both orders occur, so the gazetteer's kinds decide; places of one size ("Astana (Nursultan)") state nothing.
    """
    if v.labels() == ("LOC", "LOC") and v.between_raw.strip() == "(" and v.after.startswith(")"):
        if place_rank(v.cand.head.text) < place_rank(v.cand.tail.text):
            return "located_in"
    return None


def _organisation_parenthesis_place(v: PairView) -> str | None:
    """"Uppsala University (Sweden)": an organisation and, in brackets, where it is."""
    if v.head_first and v.labels() == ("ORG", "LOC") and v.between_raw.strip() == "(" and v.after.startswith(")"):
        return "located_in"
    return None


def _possessive_place(v: PairView) -> str | None:
    """"Indonesia's Papua province": a place of a larger place; places of one size ("Russia's China policy") state nothing."""
    if not v.head_first and v.labels() == ("LOC", "LOC") and v.between_raw.strip() in ("'s", "’s"):
        if place_rank(v.cand.head.text) < place_rank(v.cand.tail.text):
            return "located_in"
    return None


def _name_parenthesis(v: PairView) -> str | None:
    """"Tomasi Raduva (Fiji National University)": a person and, in brackets, where the person works."""
    if v.head_first and v.labels() == ("PERSON", "ORG") and v.between_raw.strip() == "(":
        return "affiliated_with"
    return None


# Words that open the name of a unit of a university or institute.
_UNIT_WORDS = re.compile(r"^(department|faculty|school|institute|centre|center|chair|laboratory|division|college|graduate school)\b", re.IGNORECASE)


def _unit_comma_university(v: PairView) -> str | None:
    """"Department of Political Science, University of Port Harcourt": the unit is part of the organisation named after it."""
    if v.head_first and v.labels() == ("ORG", "ORG") and v.between_raw.strip() == "," and _UNIT_WORDS.match(v.cand.head.text):
        return "part_of"
    return None


# Head words of the names of an organisation's bodies: "the Council of Foreign Ministers of X", "the Secretariat of X".
BODY_WORDS = frozenset({
    "council", "committee", "commission", "secretariat", "court", "tribunal", "assembly", "parliament", "structure", "bureau",
    "directorate", "board", "office", "agency", "centre", "center", "institute", "department", "faculty", "school", "college",
    "division", "branch", "chapter", "mission", "fund", "bank", "academy", "service", "unit", "organ", "conference", "summit",
})


# Adjectives that follow the noun of a body's name.
POSTPOSITIVE_WORDS = {"general"}


def _name_head(name: str) -> str:
    """The head word of an organisation's name: the last word before its own "of" ("Council of Foreign Ministers": council)."""
    words = re.split(r"\s+of\s+", name, maxsplit=1)[0].split()
    if len(words) > 1 and words[-1].lower() in POSTPOSITIVE_WORDS:
        words = words[:-1]  # "Secretariat General", "Directorate General": the noun before the postpositive adjective
    return words[-1].lower() if words else ""


def _of_organisation_pair(v: PairView) -> bool:
    return v.head_first and v.labels() == ("ORG", "ORG") and re.fullmatch(r"of(\s+the)?", v.between) is not None


def _body_of(v: PairView) -> str | None:
    """"the Council of Foreign Ministers of the X", "the Secretariat of the X": a named body of an organisation (guidelines §2)."""
    return "part_of" if _of_organisation_pair(v) and _name_head(v.cand.head.text) in BODY_WORDS else None


def _of_organisation(v: PairView) -> str | None:
    """Another named organisation "of" an organisation, whose name does not say it is a body ("the Friends of the X")."""
    return "part_of" if _of_organisation_pair(v) and _name_head(v.cand.head.text) not in BODY_WORDS else None


def _held_on(v: PairView) -> str | None:
    if v.labels()[1] != "DATE":
        return None
    if v.head_first and re.fullmatch(r"(in|on|of|,)?", v.between):
        return "held_on"
    if v.head_first and re.search(_EVENT_VERBS + r"(\s+\S+){0,3}\s+(in|on|during)(\s+the)?$", v.between):
        return "held_on"
    return None


# An affiliation marker: "Ivanova A.1,2", "J. Smith*", "Mbeki²"; and the same marker opening an affiliation line.
_MARKER = r"(?:\d{1,2}|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹]|[a-e](?=[\s,]))"
_MARKERS_AFTER_NAME = re.compile(rf"^\s*,?\s*({_MARKER}(?:\s*,\s*{_MARKER})*)(?![\w.])")


def _markers(text: str) -> set[str]:
    return {m.strip() for m in re.split(r"\s*,\s*", text) if m.strip()}


def _author_affiliation(v: PairView) -> str | None:
    """Author block: an author is affiliated with the organisation carrying the author's marker ("Name¹ ... ¹University"),
    and without markers with the first organisation after the authors (on the same or a following line)."""
    if v.cand.block != "author" or not v.head_first or v.labels() != ("PERSON", "ORG"):
        return None
    name_marks = _MARKERS_AFTER_NAME.match(v.doc.text[v.head_span[1]:v.head_span[1] + 12])
    org_line = v.doc.text[v.doc.text.rfind("\n", 0, v.tail_span[0]) + 1:v.tail_span[0]]
    org_mark = re.match(rf"^[ \t]*({_MARKER})[ \t.)]*", org_line)
    if name_marks and org_mark:
        return "affiliated_with" if org_mark.group(1) in _markers(name_marks.group(1)) else None
    if "ORG" not in v.labels_between:
        return "affiliated_with"
    return None


# What a fact sheet's line label says of the names on the line ("Members: A, B"), and which argument the heading is.
FACT_SHEET_LABELS = {
    **dict.fromkeys(["members", "member", "member states", "member countries", "member nations", "membership", "founding members",
                     "full members", "founders", "founding states", "member organisations", "member organizations"], ("member_of", "tail")),
    **dict.fromkeys(["observers", "observer", "observer states", "observer countries", "observer status"], ("observer_of", "tail")),
    **dict.fromkeys(["participants", "participant", "participating countries", "participating states", "participating nations",
                     "participating forces", "participating organisations", "participating organizations", "organisers", "organizers"],
                    ("participant_in", "tail")),
    **dict.fromkeys(["venue", "venues", "location", "place", "host city"], ("held_in", "head")),
    **dict.fromkeys(["date", "dates", "held on"], ("held_on", "head")),
    **dict.fromkeys(["headquarters", "seat", "head office", "secretariat"], ("located_in", "head")),
}


def _fact_sheet_line(v: PairView) -> tuple[str, str] | None:
    """(label, role of the heading) that the line label of the non-heading argument states, in a fact sheet; None elsewhere
    and for two names on one line.

    ("", "") when the pair is in a fact sheet but its label states nothing ("Chair: A", "Donors: B") or the two
    names are on two lines under the heading.
    """
    if v.cand.block != "factsheet":
        return None
    text = v.doc.text
    start, _ = v.cand.sentence
    heading = fact_sheet_heading(v.doc, start, text.find("\n", start) if "\n" in text[start:] else len(text))
    roles = [role for role, entity in (("head", v.cand.head), ("tail", v.cand.tail))
             if heading is not None and (entity.start, entity.end) == (heading.start, heading.end)]
    if not roles and "\n" not in text[min(v.cand.head.start, v.cand.tail.start):max(v.cand.head.end, v.cand.tail.end)]:
        return None  # two names on one line ("Headquarters: Brasília, Brazil") relate as in any sentence
    if len(roles) != 1:
        return "", ""
    other = v.cand.tail if roles[0] == "head" else v.cand.head
    line_start = text.rfind("\n", 0, other.start) + 1
    label = FACT_LINE.match(text[line_start:other.start + 1])
    if label is None:
        return "", ""
    relation, heading_role = FACT_SHEET_LABELS.get(" ".join(label.group(1).lower().split()), ("", ""))
    return (relation, heading_role) if heading_role == roles[0] else ("", "")


def _fact_sheet(v: PairView) -> str | None:
    """"Members: A, B, C" under an organisation's name: each is its member (likewise observers, participants, venue, seat)."""
    line = _fact_sheet_line(v)
    return line[0] or None if line else None


def fact_sheet_other_line(v: PairView) -> bool:
    """A pair in a fact sheet that no line label relates: two names on its lines, or a heading and a "Chair:" line."""
    line = _fact_sheet_line(v)
    return line is not None and not line[0]


PATTERNS: dict[str, Callable[[PairView], str | None]] = {
    "comma_location": _comma_location,
    "parenthesised_place": _parenthesised_place,
    "organisation_parenthesis_place": _organisation_parenthesis_place,
    "possessive_place": _possessive_place,
    "name_parenthesis": _name_parenthesis,
    "fact_sheet": _fact_sheet,
    "unit_comma_university": _unit_comma_university,
    "body_of": _body_of,
    "of_organisation": _of_organisation,
    "held_on": _held_on,
    "author_affiliation": _author_affiliation,
}


_LIST_SEP = r"(,|and|or|,\s*and|,\s*or)"


def list_siblings(v: PairView) -> bool:
    """Both arguments are members of one list of three or more names joined by "and"/"or" ("India, Pakistan and Iran").

    States and organisations mix in lists, events and dates do not: "A and B, Lake Guard 2018" names the event after a list.
    """
    head, tail = v.labels()
    if head != tail and {head, tail} & {"EVENT", "DATE"}:
        return False
    if not re.fullmatch(rf"{_LIST_SEP}(\s*§\s*{_LIST_SEP})*", v.between):
        return False
    before = re.search(rf"(§\s*{_LIST_SEP}\s*)+$", v.before)
    after = re.match(rf"(\s*{_LIST_SEP}\s*§)+", v.after)
    area = v.between + (before.group(0) if before else "") + (after.group(0) if after else "")
    return area.count("§") + 2 >= 3 and re.search(r"\b(and|or)\b", area) is not None


_ACCESS_DATE = re.compile(r"(date of (treatment|access)|accessed( on)?|retrieved( on)?|дата обращения)\s*:?\s*$")


def access_date(v: PairView) -> bool:
    """The date argument is a reference's access date ("(date of treatment 12/30/2020)"), not a date of what it names."""
    for role, span in (("head", v.head_span), ("tail", v.tail_span)):
        entity = v.cand.head if role == "head" else v.cand.tail
        if entity.label == "DATE":
            preceding = v.between if (role == "tail") == v.head_first else v.before
            if _ACCESS_DATE.search(preceding):
                return True
    return False


_COPYRIGHT_LINE = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.IGNORECASE)


def copyright_date(v: PairView) -> bool:
    """The date is a copyright line's year ("© Organising committee of «E», 2023"): when the notice was issued, not when the
    event it names took place."""
    for entity in (v.cand.head, v.cand.tail):
        if entity.label == "DATE":
            line_start = v.doc.text.rfind("\n", 0, entity.start) + 1
            if _COPYRIGHT_LINE.match(v.doc.text[line_start:entity.start]):
                return True
    return False


# After a reference's place of publication: the year ("Nairobi, 2018") or the publisher ("Lagos: Malthouse").
_PUBLICATION_PLACE_END = re.compile(r"^\s*(,\s*(1[89]|20)\d\d\b|:\s*[A-Z])")


def publication_place(v: PairView) -> bool:
    """One argument is a reference entry's place of publication ("... // Abstract. - Nairobi, 2018"): where the work appeared,
    not where anything its title names is."""
    if v.cand.block != "reference":
        return False
    for place, other in ((v.cand.head, v.cand.tail), (v.cand.tail, v.cand.head)):
        if place.label == "LOC" and other.label != "EVENT" and _PUBLICATION_PLACE_END.match(v.doc.text[place.end:place.end + 12]):
            return True
    return False


def coordinated_places(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """Two places joined in one coordination ("Kazakhstan and Kyrgyzstan", "Paris, Rome or Vienna"): neighbours, not one inside the other."""
    if v.labels() != ("LOC", "LOC") or facts is None:
        return False
    return facts.coordinated(v.head_span, v.tail_span)


_KEYWORDS_LABEL = re.compile(r"^\s*(key\s?words|index terms|ключевые слова)\s*[:.\-–—]?", re.IGNORECASE)


def keyword_list(v: PairView) -> bool:
    """Both arguments are in one keyword list ("Keywords: X, Y, Z", or the label on the line before): a list of topics
    states no relation between them."""
    text = v.doc.text
    first, second = (v.head_span, v.tail_span) if v.head_first else (v.tail_span, v.head_span)
    if "\n" in text[first[1]:second[0]]:
        return False
    line_start = text.rfind("\n", 0, first[0]) + 1
    if _KEYWORDS_LABEL.match(text[line_start:first[0]]):
        return True
    previous = [line for line in text[:line_start].split("\n")[-3:] if line.strip()]
    return bool(previous) and _KEYWORDS_LABEL.fullmatch(previous[-1].strip()) is not None


def participant_not_venue(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """An event and a place that the parse states takes part in it ("E was held in X, with A and B taking part"): A is a
    participant, not where E was held, unless a construction also states it was held there ("A hosted E")."""
    if facts is None or v.labels()[0] != "EVENT" or v.labels()[1] not in ("LOC", "ORG"):
        return False
    reverse = facts.hits(v.tail_span, v.head_span, v.cand.tail.label, v.cand.head.label)
    forward = facts.hits(v.head_span, v.tail_span, v.cand.head.label, v.cand.tail.label)
    return any(label == "participant_in" for _, label in reverse) and not any(label == "held_in" for _, label in forward)


def venue_not_participant(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """A place and an event that the parse states was held there ("E was held in A and B", "E, held in CITY, COUNTRY"): the
    venue, not a participant, unless a construction also states it takes part ("A hosted E", "A took part in E")."""
    if facts is None or v.labels() != ("LOC", "EVENT"):
        return False
    place, event = v.cand.head, v.cand.tail
    # The event's name as well as a pronoun standing for it ("E was held in A, and B took part in it": A is still the venue).
    event_spans = {v.tail_span, (event.start, event.end)}
    if any(label == "participant_in" for span in event_spans for _, label in facts.hits(v.head_span, span, place.label, event.label)):
        return False
    return any(label == "held_in" for span in event_spans for _, label in facts.hits(span, v.head_span, event.label, place.label))


# The inside of "(CABEI)" or "(CABEI; BCIE in Spanish)": one short name, or several apart by semicolons, each perhaps with its language.
_SHORT_NAMES_IN_BRACKETS = re.compile(r"\s*[^\s;(),]+(?:\s+in\s+[A-Z][a-z]+)?(?:\s*;\s*[^\s;(),]+(?:\s+in\s+[A-Z][a-z]+)?)*\s*")


def bracketed_short_name(v: PairView) -> bool:
    """An argument is an organisation's short name in brackets right after its full name ("the Mercosur Parliament
    (Parlasur) sits in Montevideo", "X (CABEI; BCIE in Spanish)"): the sentence's relations go to the full name, which is a
    candidate of its own.
    A pronoun that refers back to the short name (a later sentence, the candidate's proxy) still links it."""
    text = v.doc.text
    for role, entity in (("head", v.cand.head), ("tail", v.cand.tail)):
        if entity.label != "ORG" or (v.cand.proxy is not None and v.cand.proxy_role == role):
            continue
        opening, closing = text.rfind("(", 0, entity.start), text.find(")", entity.end)
        if opening < 0 or closing < 0 or not _SHORT_NAMES_IN_BRACKETS.fullmatch(text[opening + 1:closing]):
            continue
        full_name_end = len(text[:opening].rstrip())
        other = v.cand.tail if role == "head" else v.cand.head
        if other.end != full_name_end and any(e.label == "ORG" and e.end == full_name_end for e in v.doc.entities):
            return True
    return False


def two_countries(v: PairView) -> bool:
    """Two different countries ("Tajikistan ... Afghanistan"): a country is not located in another one, however the
    sentence joins them (in the training sources, 2 of 910 place-in-place relations are between two countries)."""
    if v.labels() != ("LOC", "LOC"):
        return False
    gazetteer = load_gazetteer()
    head, tail = gazetteer.lookup(v.cand.head.text, "LOC"), gazetteer.lookup(v.cand.tail.text, "LOC")
    return head is not None and tail is not None and head.kind == tail.kind == "country" and head.canonical != tail.canonical


# Dependencies by which a party of a partnership reaches the verb or noun that states it: its subject (also of a
# passive's "by"), its possessor ("A's partnership"), a name in the noun ("the A partnership"), an apposition.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "appos", "agent", "conj"})


def _list_head(token: Any) -> Any:
    """The first member of the coordination the token is in."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


# Prepositions by which names hang on the generic noun they are examples of ("organisations, including A and B").
_EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as", "among", "notably", "especially", "particularly"})


def _named_for(token: Any) -> Any:
    """The noun a name stands in for: its list's first member, or the generic noun it is an example or apposition of
    ("partnerships with many organisations, including A, B and C": A, B and C stand in for "organisations")."""
    token = _list_head(token)
    while True:
        if token.dep_ == "pobj" and token.head.lower_ in _EXAMPLE_PREPOSITIONS and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = _list_head(token.head.head)
        elif token.dep_ == "appos" and token.head.pos_ == "NOUN":
            token = _list_head(token.head)
        else:
            return token


def partnership_outsider(other: Any, partner: Any) -> bool:
    """``partner`` (a token) is what a partner word is "with" ("partnerships with A", "partnered with A") and ``other``
    is not a party to it: neither inside the partner word's phrase ("the partnership between X and A", "X's
    partnership") nor its subject, but the object of another clause or phrase ("X hosted B, developing partnerships
    with A"; "observer at X, developing partnerships with A").
    """
    partner = _named_for(partner)
    preposition = partner.head
    if partner.dep_ != "pobj" or preposition.lower_ != "with":
        return False
    word = preposition.head
    if word.lemma_.lower() not in syntax.PARTNER_NOUNS + syntax.PARTNER_VERBS:
        return False
    start = _list_head(other)
    if word in start.ancestors or start == word:
        return False
    above_word = {word.i, *(t.i for t in word.ancestors)}
    token = start
    while token.i not in above_word:
        if token.dep_ not in _PARTY_DEPS and not (token.dep_ == "pobj" and token.head.lower_ == "by"):
            if not (token.dep_ == "prep" and token.lower_ == "by"):
                return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def third_party_partnership(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """One argument is what a partnership is "with" and the other is not a party to it ("observer at X, developing
    partnerships with A and B": X is not A's partner); see ``partnership_outsider``."""
    roots = _argument_roots(v, facts, ("ORG", "ORG"))
    if roots is None:
        return False
    head_root, tail_root = roots
    return partnership_outsider(head_root, tail_root) or partnership_outsider(tail_root, head_root)


def organisations_across_clauses(v: PairView) -> bool:
    """Two organisations named in clauses apart by a semicolon ("X became a partner of A; it had only contacts with B"):
    what one clause states (a partnership, a body) does not join them; a pronoun standing for one (a proxy) still may."""
    return v.labels() == ("ORG", "ORG") and ";" in v.between_raw and v.cand.proxy is None


def _argument_roots(v: PairView, facts: syntax.DocFacts | None, labels: tuple[str, str]) -> tuple[Any, Any] | None:
    """The parse's root tokens of the two arguments when the pair has these labels and both arguments are parsed."""
    if facts is None or facts.parsed is None or v.labels() != labels:
        return None
    head, tail = facts.tokens(*v.head_span), facts.tokens(*v.tail_span)
    if not head or not tail:
        return None
    return facts.parsed[head.start:head.stop].root, facts.parsed[tail.start:tail.stop].root


def _sent_as_observer(token: Any) -> bool:
    """The token (or the list it is in) is the subject of "sent a ship as an observer"."""
    for _ in range(3):
        if token.dep_ != "conj":
            break
        token = token.head
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in syntax.SEND_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(o.lemma_.lower() in syntax.OBSERVER_NOUNS for o in c.children)
               for c in verb.children)


def sent_observers(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """A state that "sent a ship as an observer" to an event is not presented as taking part in it (corpus/pages/README.md).
    "Sent observers" is left to the classifier: the challenge set makes such a state a participant, the pages README not."""
    for labels in (("LOC", "EVENT"), ("ORG", "EVENT")):
        roots = _argument_roots(v, facts, labels)
        if roots is not None and _sent_as_observer(roots[0]):
            return True
    return False


def _origin_phrase(token: Any) -> Any:
    """The "from" whose phrase the token is in, when that phrase names where a group of people or things comes from:
    it hangs on a noun ("ministers from A, B and C", "remittances from A", "officials from Osh, a city in B") or on a
    verb of participation or hosting ("drew ministers from A", "received delegations from A"); else None."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "from":
            governor = ancestor.head
            if governor.pos_ == "NOUN" or (governor.pos_ == "VERB" and {"participation", "hosting"} & set(groups_of(governor.lemma_.lower()))):
                return ancestor
            return None
    return None


def origin_phrase(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """One place is where the people or things of a noun come from ("drew ministers from A and B", "delegations from A
    arrived in B", "remittances from A ... in B") and the other stands outside that phrase: the origin of a group says
    nothing about where the other place lies ("Officials from Osh, a city in southern B" keeps B inside the phrase)."""
    roots = _argument_roots(v, facts, ("LOC", "LOC"))
    if roots is None:
        return False
    for inside, outside in (roots, roots[::-1]):
        preposition = _origin_phrase(inside)
        if preposition is not None and preposition not in outside.ancestors:
            return True
    return False


# "Title // Journal" (Russian GOST citations): the separator between a cited work's title and where it appeared.
_CITATION_SEPARATOR = re.compile(r"\s//\s")


def citation_title_and_source(v: PairView) -> bool:
    """One argument is in a cited work's title and the other in the journal or book after "//" on the same line ("The
    insurgency in northern Mozambique // Southern Africa Review"): a title's subject is not related to where it appeared."""
    text = v.doc.text
    first, second = (v.head_span, v.tail_span) if v.head_first else (v.tail_span, v.head_span)
    between = text[first[1]:second[0]]
    return "\n" not in between and _CITATION_SEPARATOR.search(between) is not None


# Nouns whose "in PLACE" is where the organisation itself is: "the headquarters of X in CITY", "X's office in CITY".
_SEAT_GROUPS = frozenset({"location", "part"})


def _activity_place(organisation: Any, place: Any, inside: range) -> bool:
    """``place`` hangs by "in" on a noun outside the organisation's name that the organisation modifies ("the mission of
    X in P", "X's operations in P", "X peace operations in P"), a noun that does not name a seat or a body."""
    noun = organisation.head
    if organisation.dep_ == "pobj" and noun.lower_ == "of" and noun.dep_ == "prep":
        noun = noun.head
    elif organisation.dep_ not in ("poss", "compound", "nmod"):
        return False
    if noun.i in inside or noun.pos_ != "NOUN" or _SEAT_GROUPS & set(groups_of(noun.lemma_.lower())):
        return False
    preposition = _list_head(place).head
    return place.dep_ in ("pobj", "conj") and preposition.lower_ == "in" and preposition.head == noun


def activity_of_organisation(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """An organisation and the place of something it does ("the mission of SADC in Mozambique", "African Union peace
    operations in Somalia"): the place is where the mission is, not where the organisation is ("the headquarters of X in
    CITY" still puts X there)."""
    if facts is None or facts.parsed is None or v.labels() != ("ORG", "LOC"):
        return False
    organisation, place = facts.tokens(*v.head_span), facts.tokens(*v.tail_span)
    if not organisation or not place:
        return False
    parsed = facts.parsed
    return _activity_place(parsed[organisation.start:organisation.stop].root, parsed[place.start:place.stop].root, organisation)


# Verbs of founding: "X was founded in CITY", "X, established in CITY in 1992", "Founded in CITY, X ...".
_FOUNDING_VERBS = frozenset({"found", "establish", "create", "form", "launch", "inaugurate", "institute", "constitute", "co-found"})


def _founding_verb_of(organisation: Any, verb: Any) -> bool:
    """Whether ``verb`` founds ``organisation``: its subject (passive or active), its object, a participle or relative
    clause on it ("X, founded in ..."), or a participle opening the clause whose subject it is ("Founded in ..., X")."""
    organisation = _list_head(organisation)
    if organisation.head == verb and organisation.dep_ in ("nsubjpass", "nsubj", "dobj"):
        return True
    if verb.dep_ in ("acl", "relcl") and verb.head == organisation:
        return True
    return verb.dep_ == "advcl" and organisation.head == verb.head and organisation.dep_ in ("nsubj", "nsubjpass")


def founding_place(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """The place is where an organisation was founded ("X was founded in CITY", "X, established in CITY in 1992,"): the
    place of the founding act, not where the organisation is (ANNOTATION-DECISIONS: founding is membership, not location)."""
    roots = _argument_roots(v, facts, ("ORG", "LOC"))
    if roots is None:
        return False
    organisation, place = roots
    preposition = _list_head(place).head
    if place.dep_ not in ("pobj", "conj") or preposition.lower_ != "in" or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    if verb == organisation and organisation.dep_ == "dobj":
        verb = organisation.head  # "A and B formed X in CITY": the place parsed as hanging on the founded organisation
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _FOUNDING_VERBS and _founding_verb_of(organisation, verb)


# A line that ends a sentence or a clause; a heading or a title does not.
_CLOSING_PUNCTUATION = ".!?;:,"
# Finite verbs (Penn tags): a line with one is a sentence, not a title ("Kenya Joins IGAD" is still read as a sentence).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MAX_HEADING_WORDS = 20


def title_of_a_work(v: PairView, facts: syntax.DocFacts | None = None) -> bool:
    """Both arguments stand in a title — a heading line or a cited work's title — that names them without stating
    anything about them ("The Arctic Council in a divided Arctic", "Smith, J. The AU in a fractured Sahel. Journal ..."):
    a title is a noun phrase, not a statement (corpus/pages gold, challenge dev ch-located_in-neg-347/349/355)."""
    if v.cand.block not in (None, "reference"):
        return False
    text = v.doc.text
    first, second = (v.head_span, v.tail_span) if v.head_first else (v.tail_span, v.head_span)
    for start, end in _reference_titles(text):
        if start <= first[0] and second[1] <= end:
            return True
    line_end = text.find("\n", second[1])
    line_end = len(text) if line_end < 0 else line_end
    separator = _CITATION_SEPARATOR.search(text, second[1], line_end)
    if separator and "\n" not in text[first[0]:separator.start()]:
        return True  # "Authors. Title // Source" (a GOST citation): both names before the "//" are its authors and title
    if v.cand.block is not None or facts is None or facts.parsed is None or "PERSON" in v.labels():
        return False  # a line naming a person on its own is an author or affiliation line, not a title
    line_start = text.rfind("\n", 0, first[0]) + 1
    line = text[line_start:line_end].strip()
    sentence = v.cand.sentence
    if "\n" in text[first[1]:second[0]] or not line or line[-1] in _CLOSING_PUNCTUATION or len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if not any(ch.isalpha() for ch in v.between):
        return False  # "University, Department, City, Country": an affiliation line lists its names, a title joins them by words
    if not (line_start <= sentence[0] and sentence[1] <= line_end + 1):
        return False  # the sentence runs on over the line break
    # A heading stands between blank lines, an article's title above its byline; the first line of a paragraph wrapped at
    # a fixed width does neither.
    next_end = text.find("\n", line_end + 1)
    above_byline = line_end < len(text) and names_only_line(v.doc, line_end + 1, len(text) if next_end < 0 else next_end)
    alone = (line_start == 0 or text[:line_start].endswith("\n\n")) and (
        line_end == len(text) or text.startswith("\n", line_end + 1) or above_byline)
    tokens = facts.tokens(line_start, line_end)
    finite = tokens and any(facts.parsed[i].tag_ in _FINITE_TAGS for i in tokens)
    return alone and not finite


def bracket_of_another_person(v: PairView) -> bool:
    """The organisation stands in the brackets right after another person's name ("A (Institute X, Almaty); B
    (University Y)"): the brackets say where B works, not where A does."""
    if v.labels() != ("PERSON", "ORG"):
        return False
    text, organisation = v.doc.text, v.cand.tail
    opening = text.rfind("(", 0, organisation.start)
    if opening < 0 or ")" in text[opening:organisation.start] or "\n" in text[opening:organisation.start]:
        return False
    owner = max((e for e in v.doc.entities if e.end <= opening and not text[e.end:opening].strip()), key=lambda e: e.end, default=None)
    return owner is not None and owner.label == "PERSON" and owner.id != v.cand.head.id


def cited_work_entry(v: PairView) -> bool:
    """Both arguments stand in one entry of a list of cited works (a catalogue's related articles): its authors and the
    names of its title, which names them without stating anything (decision 30)."""
    return v.cand.block == "cited"


@lru_cache(maxsize=4)
def _reference_titles(text: str) -> list[tuple[int, int]]:
    from textmine.stages.ner.patterns import reference_title_spans

    return reference_title_spans(text)


VETOES: dict[str, Callable[..., bool]] = {
    "list_siblings": list_siblings, "access_date": access_date, "copyright_date": copyright_date,
    "organisations_across_clauses": organisations_across_clauses, "sent_observers": sent_observers,
    "publication_place": publication_place, "coordinated_places": coordinated_places,
    "participant_not_venue": participant_not_venue, "venue_not_participant": venue_not_participant, "keyword_list": keyword_list,
    "bracketed_short_name": bracketed_short_name, "fact_sheet_other_line": fact_sheet_other_line,
    "two_countries": two_countries, "third_party_partnership": third_party_partnership, "origin_phrase": origin_phrase,
    "citation_title_and_source": citation_title_and_source, "activity_of_organisation": activity_of_organisation,
    "founding_place": founding_place, "title_of_a_work": title_of_a_work, "cited_work_entry": cited_work_entry,
    "bracket_of_another_person": bracket_of_another_person,
}
# Vetoes that read the dependency facts.
FACT_VETOES = ("sent_observers", "coordinated_places", "participant_not_venue", "venue_not_participant", "third_party_partnership", "origin_phrase",
               "activity_of_organisation", "founding_place", "title_of_a_work")


def document_facts(doc: Document) -> syntax.DocFacts:
    """The dependency facts of the document's parse (empty when it has not been parsed)."""
    return syntax.DocFacts(doc.annotations.get("spacy"))


def vetoes(cand: Candidate, doc: Document, view: PairView | None = None, facts: syntax.DocFacts | None = None) -> list[str]:
    """Names of the veto patterns that say the pair holds no relation."""
    view = view or PairView(cand, doc)
    facts = facts if facts is not None else document_facts(doc)
    return [name for name, veto in VETOES.items() if (veto(view, facts) if name in FACT_VETOES else veto(view))]


def match(cand: Candidate, doc: Document, view: PairView | None = None, facts: syntax.DocFacts | None = None) -> list[tuple[str, str]]:
    """(pattern name, label) for every pattern that fires on the candidate with an allowed label: dependency constructions first."""
    view = view or PairView(cand, doc)
    facts = facts if facts is not None else document_facts(doc)
    hits = facts.hits(view.head_span, view.tail_span, cand.head.label, cand.tail.label)
    for name, pattern in PATTERNS.items():
        label = pattern(view)
        if label and relation_allowed(label, cand.head.label, cand.tail.label):
            hits.append((name, label))
    return hits
