"""Personal names in reference lists, author-date citations and bylines, read from the list's shape.

A reference entry opens with its authors, in one of a few shapes (APA/Harvard
"Surname, I. I.", Chicago "Surname, Given" then "Given Surname", GOST "Surname
I. I.", Vancouver "Surname AB", editors "I. Surname"), joined by commas, "&",
"and" or ";", and closed by a year, "et al.", "(Eds.)", "//" or the title after
the last initial's full stop. :func:`reference_author_candidates` parses that
list from the start of a line (or after "In" before editors) and proposes every
author whole only when the whole list parses up to such an end: a line of
places or organisations does not ("Kenya, Uganda and Tanzania. 2019").

Surnames may carry particles ("van der Merwe", "de la Cruz Ortega", "dos
Santos", "al-Rashid"), apostrophes and "Mc" ("O'Sullivan", "McAllister"),
hyphens with a lower-case second part ("Hyun-woo"). The same shapes read
author-date citations in prose ("(Achebe & Okonkwo, 2015; de Vries et al.,
2019)", "Van Dijk (2020)") and names with particles on a byline ("Pieter van
den Heever¹, ...").

A Vancouver entry's abbreviated journal ("Post Sov Aff. 2018;34(5)") and a record
field's periodical ("Источник: Caspian J Environ Sci") are ORGs
(:func:`journal_candidates`); a list's name cut by a line break ("..., Dilnoza" /
"R. Khamidova¹") is one PERSON over the break (:func:`broken_name_candidates`).
"""

from __future__ import annotations

import re
from typing import Callable

from textmine.stages.ner.patterns import _LOW, _NOT_SURNAME, _UP
from textmine.stages.ner.spans import PRIORITY, Candidate, has_cyrillic

# Lower-case name particles (Dutch, German, Romance, Arabic): part of the surname they precede.
_PARTICLE = r"(?:van|von|der|den|de|del|della|degli|di|da|das|do|dos|du|la|le|ter|ten|bin|ibn|al|el|y)"
# A surname word: "Okonkwo", "O'Sullivan", "McAllister", "Asante-Darko", "al-Rashid".
_SURNAME_WORD = rf"(?:(?:al|el)-|[{_UP}]['’])?(?:Mc|Mac)?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
_SURNAME = rf"(?:{_PARTICLE}[ \t]){{0,3}}{_SURNAME_WORD}(?:[ \t](?:{_PARTICLE}[ \t]){{0,2}}{_SURNAME_WORD}){{0,2}}"
# A given name: "Ingrid", "Hyun-woo", "Ciarán".
_GIVEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
# Initials with full stops, spaced or not, a hyphenated one too: "K. E.", "J.P.", "X.-M.", "Zh."
_INITIALS = rf"[{_UP}][hsu]?\.(?:[ \t]?-?[{_UP}][hsu]?\.){{0,3}}"

# The author shapes, tried in this order at each position of the list.
_ITEM_SHAPES = (
    ("inverted", re.compile(rf"{_SURNAME},[ \t]{_INITIALS}")),  # "van der Merwe, J.P."
    ("inverted", re.compile(rf"{_SURNAME},[ \t]{_GIVEN}(?:[ \t](?:{_GIVEN}|{_INITIALS}))?(?!\w)")),  # "Sørensen, Ingrid"
    ("initials-last", re.compile(rf"{_SURNAME}[ \t]{_INITIALS}")),  # "Kuznetsova A. V."
    ("vancouver", re.compile(rf"{_SURNAME}[ \t][{_UP}]{{1,3}}(?=[,.])")),  # "Nguyen TH"
    ("initials-first", re.compile(rf"{_INITIALS}[ \t]?{_SURNAME}(?!\w)")),  # "R. Haile", "D.J. de Klerk"
    ("natural", re.compile(rf"{_GIVEN}(?:[ \t](?:{_GIVEN}|{_INITIALS}))?[ \t]{_SURNAME}(?!\w)")),  # "Pedro Álvarez-Quintero"
)
# Affiliation markers glued after a name on an author line ("Beridze T. G.¹, ..."): skipped like the separator.
# (The recognisers read superscripts after a letter as spaces, so a marker may follow a space: "Orlova  *".)
_MARKER = r"(?:[ \t]*[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)?"
_SEPARATOR = re.compile(rf"{_MARKER}\s*(?:,?\s(?:&|and)\s|,\s|;\s)")
# What may close an author list: a year, "et al.", editors, a GOST "//", or a title after a full stop.
_YEAR_END = re.compile(r"\.?\s*\(?(?:19|20)\d\d")
_ET_AL = re.compile(r",?\set\sal\.?")
_EDITORS = re.compile(r"\s*\((?:Eds?|eds?)\.?\)")
_TITLE_END = re.compile(rf"(?:(?<=\.)|\.)\s+(?://|[\"“‘'«]?[{_UP}0-9])")
# A reference's source or locator on its line: "//", "pp. 3", "P. 11", "Vol. 5", "№ 2", "No. 3".
_LOCATOR = re.compile(r"\s//\s|\b(?:pp?|P|Vol|No|Iss)\.\s?\d|№\s?\d")
# A book's imprint on its line: "Managua: Editorial Centroamericana, 2016", "276 p.", "198 с.".
_BOOK_IMPRINT = re.compile(r"[\w.]:\s[^\n:]+,\s(?:19|20)\d\d\b|\b\d+\s[pсc]\.")
# A numbered entry of a reference list, up to its first author: "1. ", "[2] ", "3) ".
_NUMBERED_ENTRY = re.compile(r"(?m)^[ \t]*\[?\d{1,3}[.)\]][ \t]*$")
# "Konstantin Yu. Bezrukov, Village ...", "Radu D. Lecca (1890-1980)": the word after the initial closes a "Given I.
# Surname" name, not a title.
_SURNAME_AFTER = re.compile(rf"\s{_SURNAME_WORD}(?:,|\s\()")
# The end of an author line, or a gap between two columns of a page.
_LINE_END = re.compile(rf"{_MARKER}[ \t]*,?[ \t]*(?:\n|$)|{_MARKER}[ \t]{{3,}}")
# Where an author list starts: a line, after its number or bullet; editors after "In".
_LIST_START = re.compile(r"(?m)^[ \t]*(?:\[?\d{1,3}[.)\]]\s*|[-•*–]\s+)?|(?<=[.,]\s)In:?\s")

# Author-date citations: "(Achebe & Okonkwo, 2015; de Vries et al., 2019)", "Van Dijk (2020)".
_CITED = rf"(?:{_PARTICLE}[ \t]){{0,3}}{_SURNAME_WORD}(?:[ \t](?:{_PARTICLE}[ \t]){{0,2}}{_SURNAME_WORD})?"
_CITED_GROUP = rf"({_CITED})(?:,?\s(?:&|and)\s({_CITED}))?(?:\set\sal\.)?"
_YEAR = r"(?:19|20)\d\d[a-z]?"
_PARENTHESIS = re.compile(r"\(([^()\n]{6,300})\)")
# One citation of a bracket's list: "(A, 2015; B et al., 2019)".
_CITATION_PART = re.compile(r"\s*([^;]+?)\s*(?:;|$)")
_PARENTHETICAL_CITATION = re.compile(rf"(?:(?:see|e\.g\.|cf\.),?\s)?{_CITED_GROUP},?\s{_YEAR}(?:[,:]\s?(?:pp?\.\s?)?\d+(?:[-–]\d+)?)?")
_NARRATIVE_CITATION = re.compile(rf"(?<![\w'’-]){_CITED_GROUP}\s\({_YEAR}(?:[,:]\s?(?:pp?\.\s?)?\d+(?:[-–]\d+)?)?\)")
# One author cited in prose is told from a work's title with its year ("her album Lotus (2012)") by the verb of
# reporting that follows: "Van Dijk (2020) disagreed".
_REPORTING_VERB = re.compile(
    r"\s(?:also\s|further\s|rightly\s|similarly\s)?(?:argu|not|show|find|found|suggest|claim|disagree|agree|writ|wrote|observ|"
    r"contend|conclud|point|stress|emphasi[sz]|describ|propos|demonstrat|report|maintain|insist|stat|estimat|defin|"
    r"identif|examin|analy[sz]|highlight|document|recall|warn|call|question|criticis|criticiz|distinguish|reject|"
    r"challeng|cite|refer|offer|explain|develop|introduc|treat|view|see|saw|use|us)[a-z]*\b"
)
_CAPITALISED_BEFORE = re.compile(rf"(?:[{_UP}][\w'’-]*|the|of|for)\s$")

# A name with a lower-case particle on a byline: "Pieter van den Heever", "Carlos de la Fuente Ramírez".
_PARTICLE_NAME = re.compile(
    rf"(?m)(?:^[ \t]*|,\s|\sand\s|\b[Bb]y\s)({_GIVEN}(?:\s{_GIVEN})?\s(?:{_PARTICLE}\s){{1,3}}{_SURNAME_WORD}(?:\s{_SURNAME_WORD})?)"
    rf"(?=[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]*[ \t]*(?:[,;]|\sand\s|\n|$))"
)
# Words that open the name of an institution or a place in Romance languages, not a given name.
_NOT_GIVEN = frozenset(
    "Universidad Universidade Université Università Universitat Instituto Istituto Institut Escuela Escola École Colegio "
    "Centro Fundación Fundação Banco Ministerio Ministério Tribunal Consejo Conselho Casa Ciudad Villa Puerto Porto Rio "
    "Río San Santa Santo São Sierra Isla Cabo Costa Mar Golfo Lago Monte Bahía Facultad Faculdade Faculté Museo Archivo "
    # articles that open titles of works ("Le Ventre de Paris")
    "Le La Les El Los Las Il Lo Gli Der Die Das Het".split()
)


def _cand(start: int, end: int, kind: str) -> Candidate:
    return Candidate(start, end, "PERSON", f"pattern:{kind}", PRIORITY["pattern:reference-author"])


def _is_known(name: str, lookup: Callable[[str], object]) -> bool:
    """Whether the gazetteer knows the name as an organisation or a country or region (not a person's name)."""
    entry = lookup(name)
    return entry is not None and (entry.label == "ORG" or entry.kind in ("country", "historical-country", "region", "subdivision"))


# Words of a reference's locator, never part of a name ("Letters, Vol. 14").
_LOCATOR_WORDS = frozenset("Vol Vols No Nos Issue Iss Pp Art Ch Fig Tab Suppl".split())


def _item_is_a_name(kind: str, surface: str, lookup: Callable[[str], object]) -> bool:
    if "\n" in surface:
        return False  # a heading above the list ("References\nDerpsch R.")
    words = [w.strip(",.") for w in surface.replace(",", " ").split()]
    if any(w in _NOT_SURNAME or w in _LOCATOR_WORDS for w in words) or (kind == "natural" and words[0] in _NOT_GIVEN):
        return False
    if _is_known(surface, lookup):
        return False
    if kind == "inverted":
        surname, given = (part.strip() for part in surface.split(",", 1))
        return not _is_known(surname, lookup) and not _is_known(given, lookup)
    if kind == "natural":
        return not any(_is_known(w, lookup) for w in words)  # a town's name is often a given name ("Sofya")
    return True


_NATURAL = dict(_ITEM_SHAPES)["natural"]


def _ends_an_item(text: str, position: int) -> bool:
    """Whether a list item may end at ``position``: a separator before another item, a line end, a year, "et al."."""
    separator = _SEPARATOR.match(text, position)
    return bool(
        (separator and re.match(rf"[{_UP}]", text[separator.end():separator.end() + 1]))
        or _LINE_END.match(text, position) or _YEAR_END.match(text, position) or _ET_AL.match(text, position)
        or _EDITORS.match(text, position)
    )


def _parse_author_list(text: str, start: int, lookup: Callable[[str], object]) -> list[tuple[int, int]]:
    """The authors' spans of the list starting at ``start``, or [] when the text there is not a whole author list."""
    items: list[tuple[str, int, int]] = []
    position = start
    while True:
        for kind, shape in _ITEM_SHAPES:
            match = shape.match(text, position)
            if match and _item_is_a_name(kind, match.group(), lookup):
                break
        else:
            return []
        if kind == "initials-last":
            # "Alina R. Fattakhova², ...": read "Given I. Surname" where the longer reading ends where a list item ends.
            natural = _NATURAL.match(text, position)
            if natural and _item_is_a_name("natural", natural.group(), lookup) and _ends_an_item(text, natural.end()):
                kind, match = "natural", natural
        items.append((kind, match.start(), match.end()))
        position = match.end()
        separator = _SEPARATOR.match(text, position)
        if separator and any(shape.match(text, separator.end()) for _, shape in _ITEM_SHAPES) and not _ET_AL.match(text, position):
            position = separator.end()
            continue
        break
    kinds = {kind for kind, _, _ in items}
    editors = _EDITORS.match(text, position) is not None
    with_initials = all("." in text[item_start:item_end] for _, item_start, item_end in items)
    if kinds == {"natural"} and not editors and not with_initials:
        return []  # "South Africa and North Korea. 2019": names in natural order alone are not known to be persons
    closed = (
        _YEAR_END.match(text, position) or _ET_AL.match(text, position) or editors or _TITLE_END.match(text, position)
        # an author line of its own (markers read as spaces): every name with its initials
        or (_LINE_END.match(text, position) and with_initials)
    )
    if not closed:
        return []
    if len(items) == 1 and items[0][0] == "inverted" and "." not in text[items[0][1]:items[0][2]]:
        surname, given = text[items[0][1]:items[0][2]].split(",", 1)
        entry = lookup(surname)
        if entry is not None and entry.label == "LOC":
            return []  # "London, Routledge, 2019": a place and a publisher, unless a co-author makes it a list of names
        if len(given.split()) > 1 or len(surname.split()) > 2:
            return []  # "Political Science, International Relations. 2021", "Minerals Processing Letters, ...": no person
    if len(items) == 1 and items[0][0] == "initials-last" and not (_YEAR_END.match(text, position) or _ET_AL.match(text, position)):
        line_end = text.find("\n", position)
        line_end = line_end if line_end != -1 else len(text)
        in_a_reference = (_LOCATOR.search(text, position, line_end) or _BOOK_IMPRINT.search(text, position, line_end)
                          or _NUMBERED_ENTRY.search(text, text.rfind("\n", 0, start) + 1, start))
        if not in_a_reference or _SURNAME_AFTER.match(text, position):
            # "Radu D. Lecca (1890-1980)": "Given I. Surname", unless the line is a reference ("// Journal. - 2017", a
            # book's imprint "Managua: Editorial Centroamericana, 2016", a numbered entry "2. von Brandt H. Die ...")
            return []
    spans = []
    for _, item_start, item_end in items:
        end = item_end
        while end > item_start and text[end - 1] == ",":
            end -= 1
        spans.append((item_start, end))
    return spans


# After an author list: its year ("(2019). ", ". 2016. ") and then the title, up to the full stop (or the closing quote)
# that ends it.
_YEAR_BEFORE_TITLE = re.compile(r"\.?\s*\(?(?:19|20)\d\d[a-z]?\)?[.,]?\s*|\.\s+")
_TITLE = re.compile(r"[\"“‘']?([^\n\"“”‘’]{3,200}?)(?:[.?!][\"”’']?(?:\s|$)|[\"”’'],?\s|\s//\s)")


def reference_title_spans(text: str) -> list[tuple[int, int]]:
    """Where the titles of cited works are: after a whole author list (and its year), up to the title's full stop."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    spans = []
    for start in _LIST_START.finditer(text):
        authors = _parse_author_list(text, start.end(), lookup)
        if not authors:
            continue
        position = authors[-1][1]
        closing = _ET_AL.match(text, position) or _EDITORS.match(text, position)
        if closing:
            position = closing.end()
        lead = _YEAR_BEFORE_TITLE.match(text, position)
        title = _TITLE.match(text, lead.end() if lead else position)
        if title:
            spans.append((title.start(1), title.end(1)))
    return spans


def reference_author_candidates(text: str) -> list[Candidate]:
    """Every author of a reference entry or an editors' list, parsed from the list's shape (see the module doc)."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    out = []
    for start in _LIST_START.finditer(text):
        for item_start, item_end in _parse_author_list(text, start.end(), lookup):
            out.append(_cand(item_start, item_end, "reference-author"))
    return out


# A Vancouver entry's journal, abbreviated without full stops, between the title's full stop and the year that a ";" glues
# to the volume: "... in the Gulf of Aden. Marit Econ Logist. 2019 Mar;14(2):101-9", "... Asian Surv. 2016;56(2):221-44".
_VANCOUVER_JOURNAL = re.compile(
    rf"(?<=[.?]\s)([{_UP}][\w'’-]*(?:[ \t][{_UP}][\w'’-]*){{0,7}})\.[ \t](?:19|20)\d\d(?:[ \t][A-Z][a-z]{{2}}(?:[ \t]\d{{1,2}})?)?;\s?\d"
)
# A periodical named by a record field: "Журнал: Steppe Ecology Letters", "Источник: Caspian J Environ Sci".
_JOURNAL_FIELD = re.compile(r"(?m)^[ \t]*(?:Журнал|Источник|Издание|Journal)[ \t]*:[ \t]*([A-Z][^\n]*?)[ \t.]*$")
# Words a periodical's title may hold in lower case.
_TITLE_FUNCTION_WORDS = frozenset("of and the for in on & de des du la le der und".split())


def journal_candidates(text: str) -> list[Candidate]:
    """Periodicals (ORG) named by a Vancouver entry's abbreviated journal or by a record field's value in title case."""
    out = [
        Candidate(m.start(1), m.end(1), "ORG", "pattern:journal", PRIORITY["pattern"]) for m in _VANCOUVER_JOURNAL.finditer(text)
    ]
    for field in _JOURNAL_FIELD.finditer(text):
        words = field.group(1).split()
        if all(word[0].isupper() or word in _TITLE_FUNCTION_WORDS for word in words) and not has_cyrillic(field.group(1)):
            out.append(Candidate(field.start(1), field.end(1), "ORG", "pattern:journal", PRIORITY["pattern"]))
    return out


def _cited_is_a_name(surface: str, lookup: Callable[[str], object], among_authors: bool) -> bool:
    if any(w in _NOT_SURNAME for w in surface.split()) or surface.split()[0] in _NOT_GIVEN:
        return False
    return lookup(surface) is None or (among_authors and not _is_known(surface, lookup))


def citation_candidates(text: str) -> list[Candidate]:
    """Cited authors' surnames in author-date citations, in brackets or narrative ("Van Dijk (2020) disagreed")."""
    from textmine.resources.gazetteer import load_gazetteer
    from textmine.stages.ner import _NAME_HEADS

    lookup = load_gazetteer().lookup
    out = []

    def add(match: re.Match) -> None:
        groups = [(match.start(g), match.end(g)) for g in (1, 2) if match.group(g)]
        surfaces = [text[s:e] for s, e in groups]
        # A town's name alone is a place ("(Geneva, 2019)"); beside a co-author or "et al." it is a surname.
        among_authors = len(groups) == 2 or "et al" in match.group()
        if all(_cited_is_a_name(s, lookup, among_authors) and not set(s.split()) & _NAME_HEADS for s in surfaces):
            out.extend(_cand(s, e, "citation") for s, e in groups)

    for bracket in _PARENTHESIS.finditer(text):
        for part in _CITATION_PART.finditer(text, bracket.start(1), bracket.end(1)):
            match = _PARENTHETICAL_CITATION.fullmatch(text, part.start(1), part.end(1))
            if match:
                add(match)
    for match in _NARRATIVE_CITATION.finditer(text):
        if _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        if match.group(2) or "et al" in match.group() or _REPORTING_VERB.match(text, match.end()):
            add(match)
    return out


# A list item's name cut by a line break of the page, read where a list item starts (a line, a comma, "and", "By", a
# label's colon) and ends (a marker, a comma, "and", the line's end): "..., Dilnoza" / "R. Khamidova¹", "Rustam T." /
# "Bekmuratov and ...", "Sultanbekova" / "A. M., ...". A whole name before the break ("Elena Petrova" / "K. D. Ushinsky
# ... University") is none of these shapes.
_BREAK = r"[ \t]*\n[ \t]*"
_BROKEN_NAME = re.compile(
    rf"(?m)(?:^[ \t]*|,[ \t]+|[ \t]and[ \t]+|\b[Bb]y[ \t]+|:[ \t]+)"
    rf"({_GIVEN}{_BREAK}{_INITIALS}[ \t]?{_SURNAME_WORD}|{_GIVEN}[ \t]{_INITIALS}{_BREAK}{_SURNAME_WORD}|{_SURNAME_WORD}{_BREAK}{_INITIALS})"
    rf"(?={_MARKER}[ \t]*(?:[,;]|[ \t]and[ \t]|\n|$))"
)


def broken_name_candidates(text: str) -> list[Candidate]:
    """Names of an author list cut in two by a line break, as one PERSON over the break (see _BROKEN_NAME)."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    out = []
    for match in _BROKEN_NAME.finditer(text):
        words = [word.strip(".") for word in match.group(1).split()]
        if any(word in _NOT_SURNAME or word in _LOCATOR_WORDS or _is_known(word, lookup) for word in words):
            continue  # "Kazakhstan" / "A. Smith": a place ends the line before a name
        out.append(Candidate(match.start(1), match.end(1), "PERSON", "pattern:broken-name", PRIORITY["pattern:reference-author"]))
    return out


def particle_name_candidates(text: str) -> list[Candidate]:
    """Names with a lower-case particle in a list of names ("Pieter van den Heever¹, María ...", "By Ana de la Vega")."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    out = []
    for match in _PARTICLE_NAME.finditer(text):
        name = match.group(1)
        words = name.split()
        if words[0] in _NOT_GIVEN or words[0] in _NOT_SURNAME or lookup(name) is not None or lookup(words[0]) is not None:
            continue  # "Universidad de la República", "Rio de Janeiro", "Santa Cruz de la Sierra"
        out.append(_cand(match.start(1), match.end(1), "particle-name"))
    return out
