"""Candidate mentions and the guidelines' span rules.

Every recogniser (statistical model, gazetteer, patterns, Russian NER, date
finder) proposes :class:`Candidate` spans; :func:`clean_span` applies the
boundary rules of the annotation guidelines, and :func:`resolve` chooses flat,
non-crossing mentions by priority and length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Source priorities: higher wins an overlap; equal priority, the longer span wins.
PRIORITY = {
    "dates": 90,
    "pattern": 85,
    "gazetteer:long": 80,
    # Above persons: a name inside an institution's name is not annotated apart ("L. N. Gumilyov ... University").
    "pattern:institution": 86,
    # Authors parsed from a whole reference list, citation or byline, and "Surname I." cut before the next sentence:
    # above the shapes that read one name at a time ("Ortega-Ruiz M. Migration" is an author and a title's first word)
    # and not enclosed by the model's longer name.
    "pattern:reference-author": 87,
    # Bodies of organisations ("Parliamentary Assembly"): above the model, below a longer gazetteer name.
    "pattern:body": 75,
    # Names of events that contain a year or an organisation ("2020 presidential election", "21st meeting of the
    # Council of Heads of State"): the name is the span, its parts are not annotated apart.
    "pattern:named-event": 91,
    # A surname alone after the person's full name: above a town of the same name.
    "propagation:surname": 65,
    # The same surname where the model gave that very word another label ("Later Rakhimov moved" -> ORG): the person.
    "propagation:surname-over-model": 72,
    "statistical": 70,
    "natasha": 70,
    "gazetteer": 60,
    "propagation": 50,
}

# Regions of text where nothing is annotated (guidelines §1): URLs, e-mails, ORCIDs.
_NO_ANNOTATION = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b",
)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Footnote and affiliation markers: "Name¹,²", "Name*", "¹ University of ...".
FOOTNOTE_MARKS = "*†‡⁰¹²³⁴⁵⁶⁷⁸⁹"
_LEADING = re.compile(rf"^(?:[Tt]he\s+|[\"'«»“”„‘’(\[\s,;:.\-–—/{FOOTNOTE_MARKS}]+)+")
# (one character per repetition: a nested "+" backtracks exponentially over a long run of spaces before a word, as in
# a table whose columns are aligned with spaces)
_TRAILING = re.compile(rf"(?:[\"'«»“”„‘’)\]\s,;:.\-–—/{FOOTNOTE_MARKS}]|'s|’s|\s(?:of|the|and|in|for|on|at|to))+$")
# Degree and title words that stick to author names in author blocks.
_PERSON_TITLES = re.compile(
    r"(?:\s+(?:PhD|Ph\.D\.?|Dr\.?|Prof\.?|professor|Master's|Master|MA|MSc|BSc|DSc|Candidate|Doctor|Associate)\b.*)$",
    re.DOTALL,
)


# Affiliation markers in plain digits glued to the end of a person's name ("Aliev1,2", "Aliev2*", "Aliev A.Kh.1").
_DIGIT_MARKER_AFTER_NAME = re.compile(r"(?<=[^\W\d_]|\.)\d{1,2}(?:,\d{1,2})*\*{0,2}$")
# A span ending in an initial, one letter or a transliterated digraph ("R.R", "A.Kh", "Sh.M").
# Recognisers whose names may run over one line break.
LINE_SPANNING_SOURCES = frozenset({"pattern:war", "pattern:place-event", "pattern:broken-name"})
# Recognisers whose names a reference's field separator follows: the full stop after them is not theirs even where
# spaCy keeps it on the token ("Int Migr Rev. 2015;49(3)").
FIELD_CLOSED_SOURCES = frozenset({"pattern:journal"})
# Cyrillic letters that look like Latin ones; PDF extraction leaves them inside Latin names ("Nаzarbayev").
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухіјѕ", "ABEKMHOPCTXaeopcyxijs")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"\w+")
# Academic degrees and titles, abbreviated, that are not names ("Cand. Sci. (Econ.)", "Assoc. Prof.").
# Titles of office before a name are not part of it ("Governor Rick Scott", "President Nazarbayev"; guidelines: job titles
# are not names), nor are the honorifics of a byline.
_LEADING_PERSON_TITLES = re.compile(
    r"^(?:(?:Prof|Dr|Assoc|Cand|Acad|Mr|Mrs|Ms|Sci|Doc|Sen|Lect|Gov|Gen|Col|Lt|Maj|Capt|Adm|Hon|Rev|Amb)\.?\s+"
    r"|(?:President|Vice-President|Prime\s+Minister|Minister|Governor|Senator|General|Colonel|Admiral|Marshal|Ambassador|"
    r"Chancellor|Secretary|Chairman|Chairwoman|Premier|Mayor|Deputy|Honourable|Honorable|King|Queen|Emperor|Empress|Tsar|"
    r"Czar|Sultan|Emir|Sheikh|Pope|Patriarch|Metropolitan|Bishop|Archbishop|Cardinal|Doge|Judge|Justice|Drummer|Singer|"
    r"Guitarist|Bassist|Professor|Doctor|Academician)\s+(?=[A-ZА-ЯЁ]))+"
)
DEGREE_WORDS = frozenset(
    "Sci Econ Hist Philol Tech Techn Ped Jur Polit Philos Psych Biol Chem Phys Med Agr Geogr Soc Cand Assoc Prof Dr Doc "
    "PhD Ph.D Acad Dsc DSc Sc D.Sc Dr.Sc Dr.Sci Cand.Sc Cand.Sci Sc.D".split()
)


# Academic and research positions written in an author block ("Senior Lecturer", "Leading Researcher").
_POSITION_WORDS = frozenset(
    "associate assistant senior junior leading chief principal head deputy visiting adjunct emeritus full research "
    "professor lecturer reader researcher fellow scientist student postgraduate postdoctoral doctoral candidate "
    "director dean chair analyst expert editor".split()
)


def is_position(surface: str) -> bool:
    """Whether every word of ``surface`` is a position word ("Associate Professor"): a job title, not a name."""
    words = [word.strip(".,()").casefold() for word in surface.split()]
    # Plurals name the positions of several authors ("Research fellows, Institute of ...").
    return all(word in _POSITION_WORDS or (word.endswith("s") and word[:-1] in _POSITION_WORDS) for word in words)


def latin_lookalikes_folded(text: str) -> str:
    """The text with Cyrillic look-alike letters replaced by Latin ones inside mostly Latin words.

    One character for one, so every offset stays valid for the original text.
    """
    if not has_cyrillic(text):
        return text
    pieces, last = [], 0
    for word in _WORD.finditer(text):
        token = word.group()
        latin = len(_LATIN_LETTER.findall(token))
        if latin and has_cyrillic(token) and latin >= sum(has_cyrillic(ch) for ch in token):
            folded = token.translate(_LOOKALIKES)
            if not has_cyrillic(folded):
                pieces.append(text[last:word.start()])
                pieces.append(folded)
                last = word.end()
    pieces.append(text[last:])
    return "".join(pieces)


_INITIAL_END = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁ](?:[hsua]|zh)?$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str  # e.g. "spacy", "gazetteer", "pattern:person", "natasha", "dates"
    priority: int
    canonical: str | None = None
    kb_id: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


def no_annotation_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NO_ANNOTATION.finditer(text)]


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def clean_span(text: str, cand: Candidate, blocked: list[tuple[int, int]]) -> Candidate | None:
    """Apply the boundary rules; None when nothing of the span is left.

    A span is cut at a line break and at the first URL/e-mail it runs into
    (the part before is kept), loses a leading "the", quotes and punctuation,
    a trailing possessive, and for PERSON the degree words after the name.
    """
    start, end = cand.start, cand.end
    for b_start, b_end in blocked:
        if b_start <= start < b_end:
            return None
        if start < b_start < end:
            end = b_start
    newline = text.find("\n", start, end)
    # A war's name may be split by a line break ("Great Patriotic\nWar"); other names end at one.
    if newline != -1 and not (cand.source in LINE_SPANNING_SOURCES and "\n\n" not in text[start:end]):
        end = newline
    # A name in guillemets or curly quotes is the quoted part ("Издательство «Наука»" -> "Наука", "«Наука» Москва" -> "Наука").
    for opener, closer in (("«", "»"), ("“", "”")):
        inside = text.find(opener, start, end)
        if inside >= start:
            closing = text.find(closer, inside + 1, end + 1)
            start, end = inside + 1, closing if closing != -1 else end
    piece = text[start:end]
    lead = _LEADING.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    if cand.label == "PERSON":
        leading = _LEADING_PERSON_TITLES.match(piece)
        if leading:
            start += leading.end()
            piece = text[start:end]
        title = _PERSON_TITLES.search(piece)
        if title:
            end = start + title.start()
        marker = _DIGIT_MARKER_AFTER_NAME.search(text, start, end)
        if marker:
            end = marker.start()  # "Aliev1,2": an affiliation marker in plain digits
    piece = text[start:end]
    trail = _TRAILING.search(piece)
    if trail:
        end = start + trail.start()
        # A closing bracket stays when its opener is inside the span ("Center (Moscow)").
        if text[end:end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1
        # The full stop of an initial is part of the name ("Chukalova R.R.").
        elif text[end:end + 1] == "." and _INITIAL_END.search(text, start, end):
            end += 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return replace(cand, start=start, end=end)


# Affiliation markers the tokenizer keeps on a name's token: superscripts, asterisks; after a person's name also
# plain digits ("Aliev1,2*": no personal name ends in a digit).
_GLUED_MARKER = re.compile(rf"[{FOOTNOTE_MARKS}]+(?:,[{FOOTNOTE_MARKS}]+)*,?")
_GLUED_DIGIT_MARKER = re.compile(r"\d{1,2}(?:,\d{1,2})*\*{0,2},?")


def align_to_tokens(text: str, candidates: list[Candidate], tokens: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates grown to the edges of the tokens they start or end inside (guidelines §1: a span
    is made of whole tokens).

    ``tokens`` are (start, end) of the text's tokens, in order. A span grows
    over the rest of a token when that rest holds a letter or digit ("O'" of
    "O'Shaughnessy", "+3" of "ASEAN+3") or is the full stop the tokenizer
    keeps with an abbreviation ("Inc.", "Jr.", "St."); a token that goes on
    with other punctuation only ("1952-" in "(1952-)") is left cut, since
    trailing punctuation stays out of a span, and so does an affiliation
    marker glued to a name ("Yusupova¹", "Aliev1,2"). A grown span loses the
    canonical name and identifier, which belonged to the shorter name.
    """
    from bisect import bisect_right

    starts = [start for start, _ in tokens]

    def token_at(position: int) -> tuple[int, int] | None:
        i = bisect_right(starts, position) - 1
        return tokens[i] if i >= 0 and tokens[i][0] <= position < tokens[i][1] else None

    def glued(rest: str, label: str) -> bool:
        if _GLUED_MARKER.fullmatch(rest) or (label == "PERSON" and _GLUED_DIGIT_MARKER.fullmatch(rest.lstrip("."))):
            return False  # "Yusupova¹", "Bekov²,³", "Aliev1,2", "A.Kh.1": an affiliation marker, not part of the name
        if rest[:1] == ";":
            return False  # "2020;56(4):733": a Vancouver year glued by ";" to its volume, issue and page
        return rest == "." or any(ch.isalnum() for ch in rest)

    aligned = []
    for cand in candidates:
        start, end = cand.start, cand.end
        first, last = token_at(start), token_at(end - 1)
        if first is not None and first[0] < start and glued(text[first[0]:start], cand.label):
            start = first[0]
        if last is not None and end < last[1]:
            rest = text[end:last[1]]
            if glued(rest, cand.label) and not (rest == "." and cand.source in FIELD_CLOSED_SOURCES):
                end = last[1]
            elif cand.label == "PERSON" and rest[:1] == "." and _GLUED_DIGIT_MARKER.fullmatch(rest[1:]):
                end += 1  # "Nazarbekova A.Kh.1": the initial's full stop, not its marker
        if (start, end) != (cand.start, cand.end):
            cand = replace(cand, start=start, end=end, canonical=None, kb_id=None)
        aligned.append(cand)
    return aligned


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Flat, maximal, non-crossing mentions: by priority, then length, then position."""
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start)):
        if not any(cand.overlaps(kept) for kept in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
