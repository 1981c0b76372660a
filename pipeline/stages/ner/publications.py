"""Publishers and periodicals told by their position in reference entries and wrapper breadcrumbs.

Transliterated or foreign names of publishers and journals ("Izdatelstvo Povolzhye", "Editorial Istmo",
"Latinskaya Amerika") look like persons' or places' names to a model; where they stand says what they are:

* the imprint of a book: "CITY: PUBLISHER, YEAR" (or "CITY: PUBLISHER." closing an APA entry), and its city;
* an APA journal before its volume and issue: "Title. JOURNAL, 14(2), 55–79." or "JOURNAL, (9), 20–36.";
* a breadcrumb item after "Журналы" / "Journals": the journal the page belongs to.
"""

from __future__ import annotations

import re

from textmine.stages.ner.patterns import _LOW, _UP
from textmine.stages.ner.spans import PRIORITY, Candidate

_WORD = rf"[{_UP}][{_LOW}'’]*(?:-[{_UP}]?[{_LOW}]+)*"
# Words a publisher's or journal's name may hold between capitalised ones.
_LINK = r"(?:de|del|de\sla|do|da|des|di|und|and|&|i|y|of|the|for)"
_NAME = rf"{_WORD}(?:\s(?:{_LINK}\s)?{_WORD}){{0,4}}"
# "Managua: Editorial Centroamericana, 2016", "Tegucigalpa: Editorial Istmo." at the end of the line.
_IMPRINT = re.compile(rf"(?m)(?<![\w.])([{_UP}][{_LOW}]+(?:[ -][{_UP}][{_LOW}]+)?):\s({_NAME})(?=,\s(?:19|20)\d\d\b|\.[ \t]*$)")
# "Title. Journal Name, 14(2), 55–79." / "Journal Name, (9), 20–36."
_PERIODICAL_BEFORE_ISSUE = re.compile(rf"(?<=[.?!]\s)({_NAME}),\s(?:\d{{1,4}}\s?)?\(\d{{1,4}}(?:[-–/]\d{{1,4}})?\),\s\d+\s?[-–]\s?\d+")
# A reference entry's line: opened by its number, or holding its year in brackets ("(2020).").
_REFERENCE_LINE = re.compile(r"[ \t]*(?:\[?\d{1,3}[.)\]]\s|[^\n]*\((?:19|20)\d\d[a-z]?\)[.,])")
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:/|»|›|>|→|\\)\s")
_JOURNALS_ITEM = frozenset({"Журналы", "Журнал", "Journals", "Издания"})
# First words of a site's section links, which follow "Журналы" too ("Журналы / Архив номеров").
_SECTION_WORDS = frozenset("архив архивы выпуски номера текущий все о поиск archive archives issues current all about search".split())
_LINE = re.compile(r"[^\n]+")


def _org(start: int, end: int, kind: str) -> Candidate:
    return Candidate(start, end, "ORG", f"pattern:{kind}", PRIORITY["pattern"])


def publication_candidates(text: str) -> list[Candidate]:
    """Publishers in imprints, journals before their issue numbers and journals in breadcrumbs (see the module doc)."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    out = []
    for imprint in _IMPRINT.finditer(text):
        place = lookup(imprint.group(1))
        known_place = place is not None and place.label == "LOC"
        line_start = text.rfind("\n", 0, imprint.start()) + 1
        if not (known_place or _REFERENCE_LINE.match(text, line_start)):
            continue  # "Conclusion: Central Asia Today.": a heading's colon, not a place of publication
        out.append(_org(imprint.start(2), imprint.end(2), "publisher"))
        if known_place:
            # The place of publication, which a tagger may not take for a proper noun after a foreign title.
            out.append(Candidate(imprint.start(1), imprint.end(1), "LOC", "gazetteer", PRIORITY["gazetteer"], place.canonical, place.kb_id))
    out += [_org(m.start(1), m.end(1), "periodical") for m in _PERIODICAL_BEFORE_ISSUE.finditer(text)]
    return out + _breadcrumb_journals(text)


def _breadcrumb_journals(text: str) -> list[Candidate]:
    out = []
    for line in _LINE.finditer(text):
        separators = list(_BREADCRUMB_SEPARATOR.finditer(text, line.start(), line.end()))
        if len(separators) < 2:
            continue
        bounds = [line.start(), *(p for s in separators for p in (s.start(), s.end())), line.end()]
        items = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        for (start, end), (next_start, next_end) in zip(items, items[1:]):
            journal = text[next_start:next_end].strip()
            if (
                text[start:end].strip() in _JOURNALS_ITEM and journal[:1].isupper()
                and journal.split()[0].casefold() not in _SECTION_WORDS
            ):
                offset = next_start + text[next_start:next_end].index(journal)
                out.append(_org(offset, offset + len(journal), "breadcrumb-journal"))
    return out
