"""Patterns over token shapes for names the statistical model misses or mislabels.

Each pattern states a general shape from the guidelines, not a sentence:
personal names written with initials, facilities ("<Name> airport"), names
in quotes introduced by an organisation or event noun, named exercises with
a year, "X summit" where X is an organisation, a place or a year, and a
periodical on a catalogue citation line ("Journal. - 2021. - № 1"); names in
post-Soviet formats (patronymics, surnames in capitals, bylines) and a surname
alone after the full name; bodies of organisations and states, institutions
"named after" a person, periodicals in references, Russian institution names;
events by head noun and shape (wars and revolutions, "<place> events",
elections, numbered sessions and summits, exercises in any frame, forums and
dialogues named by a place, "<place> <topic> conference"); venues
("... Conference Centre") as places; newspapers by head noun; "Body of
<organisation>" split where the organisation is named by its head noun or an
acronym.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable

from textmine.stages.ner.spans import DEGREE_WORDS, PRIORITY, Candidate, is_position

# Latin letters with diacritics (Latin-1 and Latin Extended-A: "Yalçın", "Çavuşoğlu", "Wałęsa") belong to names too.
_UP = "A-ZА-ЯЁÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽƏȘȚ"
# ș and ț (comma below, Romanian: "Babeș-Bolyai") lie outside Latin Extended-A.
_LOW = "a-zа-яёß-öø-ÿā-žəșț"
_NAME_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
# An initial: one capital, or a transliterated digraph ("Zh.", "Sh.", "Yu.").
_INITIAL = rf"[{_UP}][hsuaо]?\."
_INITIALS = rf"(?:{_INITIAL}\s?){{1,3}}"

# "G. T. Ichshanova", "A.M. Melis", "Zh. K. Bekova", "Ganpat G. Shinde"
# "Given I. Surname", "I. I. Surname", on one line: a word that ends a line ("recorded in Sofia" / "K. Petrova ...") is not
# a given name of the next line's person (a list's name cut by a line break: references.broken_name_candidates).
_INITIALS_FIRST = re.compile(rf"(?<![\w.])((?:{_NAME_WORD}[ \t]{_INITIAL}[ \t]?|{_INITIALS}[ \t]?){_NAME_WORD})(?![{_LOW}])")
# "Chukalova R.R.", "Ivanov I. I.", "Smith, J." — one initial followed by a name is "J. Name" instead.
_SURNAME_FIRST = re.compile(
    rf"(?<![\w.])({_NAME_WORD},?\s(?:{_INITIAL}\s?{_INITIAL}(?:\s?{_INITIAL})?|{_INITIAL}(?!\s?{_NAME_WORD})))(?!\w)"
)
_INITIAL_BEFORE = re.compile(rf"(?:^|\s){_INITIAL}\s?$")
# "Akhmedova Lola Sh.": surname, given name and the patronymic's initial (a surname of the region's shape).
_SURNAME_GIVEN_INITIAL = re.compile(rf"(?<![\w.])({_NAME_WORD}\s{_NAME_WORD}\s{_INITIAL})(?!\s?{_NAME_WORD})(?!\w)")
# A reference entry opens with its first author, surname first: "1. Rahmon E. Water for ..."
_REFERENCE_AUTHOR = re.compile(rf"(?m)^\[?\d{{1,3}}[.)\]]\s*({_NAME_WORD},?\s{_INITIALS})")
# An unnumbered reference (a list item of an HTML page) is known by its shape: a "//" before the source, or ". 2020."
_UNNUMBERED_REFERENCE_AUTHOR = re.compile(rf"(?m)^({_NAME_WORD},?\s{_INITIALS})(?=[^\n]*(?:\s//\s|\.\s(?:19|20)\d\d[.,]))")

_FACILITY_NOUNS = (
    r"airport|Airport|air\s+base|Air\s+Base|airbase|Airbase|training\s+(?:ground|area|range)|Training\s+(?:Ground|Area|Range)|"
    r"cosmodrome|Cosmodrome|naval\s+base|Naval\s+Base|seaport|Seaport|test\s+site|Test\s+Site|"
    r"proving\s+ground|Proving\s+Ground|firing\s+range|dam|Dam|canal|Canal|bridge|Bridge|"
    # A venue is a facility, a place (guidelines §2): "Serena Conference Centre", "Montego Bay Convention Center".
    r"(?:Conference|Convention|Congress|Exhibition|Expo)\s(?:Centre|Center|Hall)"
)
_VENUE_END = re.compile(r"(?:Conference|Convention|Congress|Exhibition|Expo)\s(?:Centre|Center|Hall)$")
_FACILITY = re.compile(rf"\b((?:{_NAME_WORD}\s){{1,3}}(?:{_FACILITY_NOUNS}))\b")

_QUOTE_OPEN = "\"“«„‘'"
_QUOTE_CLOSE = "\"”»“’'"
_QUOTED = rf"[{_QUOTE_OPEN}]([^{_QUOTE_CLOSE}\n]{{2,80}}?)[{_QUOTE_CLOSE}]"
_ORG_NOUNS = (
    r"organi[sz]ations?|movements?|group|party|compan(?:y|ies)|cent(?:er|re)|agency|union|association|"
    r"foundation|network|front|publisher|publishing\s+house|newspaper|journal|magazine|"
    r"центр|организаци[яи]|издательств[оа]|компани[яи]|движени[ея]|парти[яи]|агентств[оа]|газет[аы]|журнал"
)
_QUOTED_ORG = re.compile(rf"\b(?:{_ORG_NOUNS})\s+{_QUOTED}", re.IGNORECASE)
# A legal-form or type abbreviation before a quoted name ('JSC "Kazakhtelecom"', 'ООО «Ромашка»', 'NGO "Memorial"'):
# the quoted part is the organisation's name, the abbreviation its descriptor.
_ABBREVIATION_QUOTED_ORG = re.compile(rf"(?<![\w.])([{_UP}]{{2,5}})\s+{_QUOTED}")
_EVENT_NOUNS = r"exercises?|drills?|maneuvers|manoeuvres|war\s+games|operation|games|festival"
_QUOTED_EVENT = re.compile(rf"\b(?:{_EVENT_NOUNS}|name|called|codenamed|code-named)\s+{_QUOTED}", re.IGNORECASE)
# Lower-case words that may stand between an exercise's name and its noun ("joint counter-terrorism exercise").
_EVENT_MODIFIERS = r"(?:[a-z][a-z-]*\s+){0,3}"
# "Center-2019 exercise", "exercise Vostok-2018", "Peace Mission-2021 joint counter-terrorism exercise"
_HYPHEN_YEAR_EVENT = re.compile(
    rf"\b({_NAME_WORD}-(?:19|20)\d\d)(?=\s+{_EVENT_MODIFIERS}(?i:{_EVENT_NOUNS})\b)"
    rf"|\bexercises?\s+({_NAME_WORD}-(?:19|20)\d\d)\b"
)
# "Peace Mission 2016 exercise", "exercises Peaceful Mission 2020"
_NAME_YEAR_EVENT = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{1,3}}(?:19|20)\d\d)(?=\s+{_EVENT_MODIFIERS}(?i:{_EVENT_NOUNS})\b)"
    rf"|\bexercises?\s+((?:{_NAME_WORD}\s){{1,3}}(?:19|20)\d\d)\b"
)
# Named institutions: "Al-Farabi Kazakh National University", "Institute of Oriental Studies".
_INSTITUTION_NOUNS = (
    r"Universit(?:y|ies)|Institutes?|Academy|Academies|Colleges?|Conservatory|Ministry|Observatory|Library|Facult(?:y|ies)|"
    # A school that is an institution; "the Copenhagen School" (of thought) is not.
    r"(?:Business|Graduate|Law|Medical)\sSchool|"
    # A station of science is an institution, not a facility ("Khabarovsk Research Station"); a railway station is a place.
    r"(?:Research|Experimental|Field|Biological|Scientific|Agricultural|Polar)\s+Stations?"
)
_INSTITUTION = re.compile(
    rf"\b((?:{_INITIALS}\s?)?(?:{_NAME_WORD}\s){{1,5}}(?:{_INSTITUTION_NOUNS})(?:\s(?:of|for)\s(?:the\s)?(?:(?:{_NAME_WORD}|and|of\sthe|of)\s?){{1,8}})?"
    rf"|(?:{_INSTITUTION_NOUNS})\s(?:of|for)\s(?:the\s)?(?:(?:{_NAME_WORD}|and|of\sthe|of)\s?){{1,8}})"
)
_INSTITUTION_HEAD = re.compile(rf"\b(?:{_INSTITUTION_NOUNS})\b")
# Institutions named head first in Spanish, Portuguese, French or Italian: "Universidad del Litoral Sur",
# "Universidade Federal do Pará", "Institut d'Études Politiques", "Istituto Affari Internazionali".
_ROMANCE_INSTITUTION = re.compile(
    rf"\b((?:Pontificia\s)?(?:Universidad|Universidade|Université|Università|Universitat|Instituto|Istituto|Institut|Escuela|Escola|"
    rf"École|Colegio|Centro|Fundación|Fundação)"
    rf"(?:\s(?:de|del|da|do|dos|das|des|du|di|della|degli|y|e|et|d'|[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)|(?<=d')[{_UP}][{_LOW}]+)*"
    rf"\s[{_UP}][{_LOW}]+)"
)
# Named gatherings written as proper names: "Dushanbe Water Conference", "2018 Winter Olympics", "Extraordinary SADC
# Energy Ministers Meeting", "Horn of Africa Water Symposium", "Chaco Trade Round Table"; a gathering of a body named
# after it runs on over "of (the)" and its capitalised words ("Annual Meeting of the Nordic Investment Bank"), but
# not over a month ("Samarkand Summit of November 2022").
_GATHERING_HEADS = (
    r"Conference|Summit|Forum|Congress|Olympics|Games|Championships?|Festival|Expo|Dialogue|Meetings?|Workshop|Symposium|"
    r"Seminar|Colloquium|Session|Round\sTable|Roundtable"
)
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
_EVENT_WORD = rf"(?:{_NAME_WORD}|[{_UP}]{{2,6}}|(?:19|20)\d\d)"
_EVENT_NAME = re.compile(
    rf"\b((?:{_EVENT_WORD}\s(?:of\s(?:the\s)?(?={_NAME_WORD}\s))?){{1,5}}(?:{_GATHERING_HEADS})"
    rf"(?:\s(?:19|20)\d\d|\sof\s(?:the\s)?(?!(?:{_MONTH_NAMES})\b)(?:{_NAME_WORD}|[{_UP}]{{2,6}})(?:\s(?:{_NAME_WORD}|[{_UP}]{{2,6}}|of\sthe|of|and)){{0,7}}(?<!\sand)(?<!\sof)(?<!\sthe))?)\b"
)
# A gathering named head first with its topic after "on" ("International Conference on Mountain Economies", "Regional
# Workshop on Transboundary Aquifers"): the topic's capitalised words, joined by "of", "and", "for" (and "the"), belong
# to the name; not a weekday or a month. A region after "in" is read after resolution, as for organisations
# (organisations.organisations_with_inner_region): "... on Glacier Retreat in the Pamirs", not "... in Kathmandu".
_TOPIC_WORD = rf"(?:{_NAME_WORD}|[{_UP}]{{2,6}})"
_TOPIC_EVENT_NAME = re.compile(
    rf"\b((?:{_EVENT_WORD}\s){{0,5}}(?:{_GATHERING_HEADS})\son\s(?:the\s)?"
    rf"(?!(?:{_MONTH_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b){_TOPIC_WORD}"
    rf"(?:(?:\s(?:of|and|for)(?:\sthe)?)?\s{_TOPIC_WORD}){{0,8}})\b"
)
# "X summit", "X ministerial meeting": one adjective of a gathering's kind may stand between the name and the noun.
_SUMMIT_NOUN = re.compile(
    r"\s(?:(?:ministerial|annual|extraordinary|informal|special|regular|plenary|jubilee|consultative|Ministerial|Annual)\s"
    # or one lower-case topic word: "Maputo security conference", "Lima trade summit" (not a function word or a verb)
    r"|(?!(?:and|the|for|with|from|that|this|its|their|his|her|was|were|has|had|will|would|can|did|does|not|also|into|our|"
    r"who|which|after|before|during|since|hosts|holds|attends|joins|chairs|said|says)\s)[a-z]{3,}(?<!ed)\s)?"
    r"(summit|Summit|meeting|Meeting|conference|Conference|forum|Forum|congress|Congress)\b"
)
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d$")
# A catalogue citation line: "Journal title. - 2021. - № 1" / "Journal. – 2019. – Vol. 3"
_CITATION_LINE = re.compile(
    r"(?m)^([^\n.]{3,120}?)\.\s*[-–—]\s*(?:19|20)\d\d\.\s*[-–—]\s*(?:№|No\.?|Vol\.?|Т\.|Issue)\s*\d+"
)
_NOT_SURNAME = frozenset(
    "The This That These Those In On At Of For From By With And Or But If As To It He She They We You "
    "Upon After Before During Since Under When While Although However Then There Thus Later Both Each Either Neither "
    "January February March April May June July August September October November December".split()
)


# Capitalised words that open a sentence or a title and are no one's surname: after "Surname I." they start the next
# sentence ("... by Kaur S. Further work ...", "Okello P. Funding came ..."), not a "Given I. Surname" name.
_SENTENCE_OPENERS = _NOT_SURNAME | frozenset(
    "Further Furthermore Moreover Therefore Hence Also Finally First Second Third Here We Our Their His Her Its All Some "
    "Many Most Such Thanks Funding Data Table Figure Fig See Source Sources Note Notes Abstract Keywords Received Accepted "
    "Published Translated Acknowledgements Results Conclusion Conclusions Introduction Several Another Other One Two Three "
    "No Not Yet So Only Even Instead Meanwhile Overall Today Now Recently Currently Similarly Likewise Indeed Nevertheless "
    "Nonetheless Despite Although Because Where What Which Who How Why Unlike Between Among Within Without Through "
    "Following According Using Until Once Every Any Few Much More Less".split()
)
# "Surname I." and the next word: the word opens a sentence when it is an opener above or a country, region or
# organisation ("... made by Hartmann J. Germany later agreed").
# "Okello P. Funding came ...": the surname and its initial on one line ("recorded in Sofia" / "K. Petrova transcribed"
# is a sentence's last word and the next line's name).
_SURNAME_INITIAL_THEN_WORD = re.compile(rf"(?<![\w.])({_NAME_WORD}[ \t]{_INITIAL})\s({_NAME_WORD})\b")


_CAPITALISED_WORD_BEFORE = re.compile(rf"[{_UP}][\w'’-]*\s$")
# The second word of a double surname after initials, closed by a bracket or a list's punctuation ("L. Fernández Rivas);").
_SECOND_SURNAME = re.compile(rf"[ \t]({_NAME_WORD})(?=[ \t]*[),;])")


def _opens_a_sentence(word: str, gazetteer) -> bool:
    entry = gazetteer.lookup(word)
    return word in _SENTENCE_OPENERS or (
        entry is not None and (entry.label == "ORG" or entry.kind in ("country", "historical-country", "region"))
    )


def _names_a_country_or_body(word: str, gazetteer) -> bool:
    """Whether the gazetteer knows the word as a country, a region or an organisation (a town or a province's name is
    often a surname: "Rivas")."""
    entry = gazetteer.lookup(word)
    return entry is not None and (entry.label == "ORG" or entry.kind in ("country", "historical-country", "region"))


def _cand(start: int, end: int, label: str, kind: str) -> Candidate:
    return Candidate(start, end, label, f"pattern:{kind}", PRIORITY["pattern"])


def person_candidates(text: str) -> list[Candidate]:
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = []
    for match in _INITIALS_FIRST.finditer(text):
        words = match.group(1).split()
        surname = words[-1].split(".")[-1]
        initials = re.search(_INITIALS, match.group(1)).group().strip()
        # "U.S. Office": letters with full stops that spell a place or an organisation are not initials;
        # "D.Sc", "Cand.Sci": a degree.
        if surname in DEGREE_WORDS or surname in _NOT_SURNAME or words[0] in _NOT_SURNAME or gazetteer.lookup(initials) is not None:
            continue
        if len(words) == 3 and _opens_a_sentence(surname, gazetteer):
            continue  # "Kaur S. Further": "Surname I." and the next sentence (found below)
        # Initials straight after a capitalised word close "Surname I.I."; the next word starts a title.
        starts_with_initials = match.group(1).startswith(initials[:2])
        if starts_with_initials and re.search(rf"{_NAME_WORD} $", text[max(0, match.start(1) - 40):match.start(1)]):
            continue
        line_start = _line_start(text, match.start(1))
        if not starts_with_initials and (
            _REFERENCE_AUTHOR.match(text, line_start) or _UNNUMBERED_REFERENCE_AUTHOR.match(text, match.start(1)) and line_start == match.start(1)
        ):
            continue  # "Surname I. Title" at the head of a reference, not "Given I. Surname"
        end = match.end(1)
        second = _SECOND_SURNAME.match(text, end)
        if starts_with_initials and second and second.group(1) not in _NOT_SURNAME and not _names_a_country_or_body(second.group(1), gazetteer):
            end = second.end(1)  # "(L. Fernández Rivas)": a double surname after the initials (a town's name is often a surname)
        out.append(_cand(match.start(1), end, "PERSON", "person"))
    for regex in (_REFERENCE_AUTHOR, _UNNUMBERED_REFERENCE_AUTHOR):
        for match in regex.finditer(text):
            name = match.group(1).rstrip()
            if name.split()[0].rstrip(",") not in _NOT_SURNAME:
                out.append(_cand(match.start(1), match.start(1) + len(name), "PERSON", "person"))
    for match in _SURNAME_INITIAL_THEN_WORD.finditer(text):
        surname = match.group(1).split()[0]
        if _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "World War I. This", "Série A. After": the end of a longer name
        if _opens_a_sentence(match.group(2), gazetteer) and surname not in _NOT_SURNAME and gazetteer.lookup(surname) is None:
            # Ranked like a listed author: the model's "Okello P. Funding" does not enclose it as a name of its own.
            out.append(Candidate(match.start(1), match.end(1), "PERSON", "pattern:person", PRIORITY["pattern:reference-author"]))
    for match in _SURNAME_GIVEN_INITIAL.finditer(text):
        surname, given = match.group(1).split()[:2]
        if _surname_like(surname) and surname not in _NOT_SURNAME and not gazetteer.lookup(surname) and not gazetteer.lookup(given):
            out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    for match in _SURNAME_FIRST.finditer(text):
        if _INITIAL_BEFORE.search(text, max(0, match.start(1) - 6), match.start(1)):
            continue  # "A. B. Okafor, C. N. Eze": the surname closes an initials-first name, it opens no other
        surname = match.group(1).split()[0].rstrip(",")
        initials = match.group(1)[len(surname):].strip(" ,")
        # "Washington, D.C.": letters with full stops that spell a place are not initials.
        spelled = match.group(1).replace(",", "")
        if surname not in _NOT_SURNAME and gazetteer.lookup(initials) is None and gazetteer.lookup(spelled) is None:
            out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    return out


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


# Administrative units named head last, capitalised: "Eastern Province", "Kemerovo Region", "Osh Oblast".
_ADMINISTRATIVE_UNIT = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{1,2}}(?:Province|Region|Oblast|Governorate|Prefecture|Krai|Okrug|Voivodeship|Canton))\b"
)


def facility_candidates(text: str) -> list[Candidate]:
    """Facilities ("Manas Air Base") and administrative units ("Eastern Province") named head last."""
    out = []
    for regex in (_FACILITY, _ADMINISTRATIVE_UNIT):
        for match in regex.finditer(text):
            first_word = match.group(1).split()[0]
            if first_word in _NOT_SURNAME:
                continue
            out.append(_cand(match.start(1), match.end(1), "LOC", "facility"))
    return out


def quoted_name_candidates(text: str) -> list[Candidate]:
    out = []
    from textmine.resources.gazetteer import load_gazetteer

    for regex, label, kind in ((_QUOTED_ORG, "ORG", "quoted-org"), (_QUOTED_EVENT, "EVENT", "quoted-event")):
        for match in regex.finditer(text):
            name = match.group(1)
            if name[:1].isupper():
                out.append(_cand(match.start(1), match.end(1), label, kind))
    for match in _ABBREVIATION_QUOTED_ORG.finditer(text):
        name = match.group(2)
        # A known abbreviation before a quoted name is an organisation of its own ("the SCO "Peace Mission"").
        if name[:1].isupper() and load_gazetteer().lookup(match.group(1)) is None:
            out.append(_cand(match.start(2), match.end(2), "ORG", "quoted-org"))
    return out


def named_event_candidates(text: str) -> list[Candidate]:
    """Exercises named with a year; any other mention of a name learnt here counts too."""
    out = []
    for regex in (_HYPHEN_YEAR_EVENT, _NAME_YEAR_EVENT):
        for match in regex.finditer(text):
            # A sentence-initial function word ("The Peace Mission 2016") is not part of the name.
            span = _without_leading_function_words(match, 1 if match.group(1) else 2, min_words=1)
            if span:
                out.append(_cand(span[0], span[1], "EVENT", "event"))
    return out


def propagate_event_names(text: str, events: Iterable[Candidate]) -> list[Candidate]:
    """A name the document uses for an event is an EVENT wherever it recurs, with or without its year."""
    names = set()
    for event in events:
        base = re.sub(r"[\s-](?:19|20)\d\d$", "", text[event.start:event.end]).strip()
        if len(base) > 2 and base[0].isupper():
            names.add(base)
    out = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?:[\s-](?:19|20)\d\d)?(?!\w)", text):
            if not PROCEEDINGS_AFTER.match(text, match.end()):
                out.append(_cand(match.start(), match.end(), "EVENT", "event"))
    return out


# "<conference name>: сборник трудов ...", ": proceedings of ...": the title of the proceedings volume, a book.
PROCEEDINGS_AFTER = re.compile(
    r"\s*[:.]\s*(?:сборник|материалы|труды|тезисы|proceedings|collected\spapers|book\sof\sabstracts)\b", re.IGNORECASE
)


def summit_candidates(text: str, anchors: Iterable[Candidate]) -> list[Candidate]:
    """"X summit" where X is an organisation or a place (an anchor ending right before) or a year."""
    anchor_by_end = {a.end: a for a in anchors if a.label in ("ORG", "LOC")}
    out = []
    for match in _SUMMIT_NOUN.finditer(text):
        before = match.start()
        anchor = anchor_by_end.get(before)
        if anchor is not None:
            start = anchor.start
            # "Russia–Africa summit", "China–Central Asia summit": names joined by a dash are one gathering's name.
            while start > 0 and text[start - 1] in "–—-" and start - 1 in anchor_by_end:
                start = anchor_by_end[start - 1].start
            summit = _cand(numbered_summit_start(text, start), match.end(1), "EVENT", "summit")
            if anchor.label == "ORG":
                # "Pacific Islands Forum meeting": the organisation is inside the event's name (guidelines §2), above
                # its own body pattern ("... Forum").
                summit = replace(summit, source="pattern:named-event", priority=PRIORITY["pattern:named-event"])
            out.append(summit)
            continue
        year = _YEAR_BEFORE.search(text, max(0, before - 4), before)
        if year:
            out.append(_cand(numbered_summit_start(text, year.start()), match.end(1), "EVENT", "summit"))
    return out


def _without_leading_function_words(match: re.Match, group: int = 1, min_words: int = 2) -> tuple[int, int] | None:
    """The match less a sentence-initial "The", "In"...; None when fewer than ``min_words`` remain."""
    start, words = match.start(group), match.group(group).split()
    while words and words[0] in _NOT_SURNAME:
        start += len(words[0]) + 1
        words = words[1:]
    return (start, match.end(group)) if len(words) >= min_words else None


def _on_one_line(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The part of a name after the last line break inside it: the line before is another line's text."""
    if span is None:
        return None
    newline = text.rfind("\n", span[0], span[1])
    if newline == -1:
        return span
    words = text[newline + 1:span[1]].split()
    return (newline + 1, span[1]) if len(words) >= 2 else None


def _gazetteer_label(name: str) -> str | None:
    """The label the gazetteer gives a name, or None when it does not know it."""
    from textmine.resources.gazetteer import load_gazetteer

    entry = load_gazetteer().lookup(name.strip())
    return entry.label if entry else None


def institution_candidates(text: str) -> list[Candidate]:
    """Institutions named by their head noun ("Kazakh National University", "Institute of Europe",
    "Universidad del Litoral Sur"), on the line that holds the head noun."""
    label_of = _gazetteer_label
    out = []
    for regex in (_INSTITUTION, _ROMANCE_INSTITUTION):
        for match in regex.finditer(text):
            span = _line_with_head(text, _without_leading_function_words(match))
            if span:
                for part in _split_at_coordinated_institution(text, span):
                    for start, end in _split_at_inner_organisation(text, part[0], part[1], label_of):
                        out.append(Candidate(start, end, "ORG", "pattern:institution", PRIORITY["pattern:institution"]))
    return out


_AND = re.compile(r"\sand\s")


def _split_at_coordinated_institution(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """"University of Nairobi and Makerere University": two institutions, where the words after "and" name one whole;
    "University of Science and Technology" stays one."""
    for conjunction in _AND.finditer(text, span[0], span[1]):
        rest = text[conjunction.end():span[1]].rstrip()
        if _INSTITUTION.fullmatch(rest):
            return [(span[0], conjunction.start()), (conjunction.end(), conjunction.end() + len(rest))]
    return [span]


def _line_with_head(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The line of a multi-line match that holds the institution's head noun, when it has two words or more.

    An author block puts position, institution and city on lines of their own ("Associate Professor\nFederal
    University of Pernambuco\nRecife"); the words of the other lines are not part of the name.
    """
    if span is None or "\n" not in text[span[0]:span[1]]:
        return span
    start = span[0]
    for line in text[span[0]:span[1]].split("\n"):
        end = start + len(line)
        if _INSTITUTION_HEAD.search(line) and len(line.split()) >= 2:
            return start, end
        start = end + 1
    return None


def event_name_candidates(text: str) -> list[Candidate]:
    """Gatherings named by their head noun ("Nordic Offshore Wind Symposium"), with an ordinal before them ("9th ...")."""
    out = []
    for match in (*_EVENT_NAME.finditer(text), *_TOPIC_EVENT_NAME.finditer(text)):
        span = _without_leading_function_words(match)
        if span and _gazetteer_label(text[span[0]:span[1]]) != "ORG":  # "Pacific Islands Forum" is an organisation
            event = _cand(numbered_summit_start(text, span[0]), span[1], "EVENT", "event")
            topic = match.re is _TOPIC_EVENT_NAME  # "United Nations Conference on ...": the names in the topic are inside
            if topic or _YEAR_INSIDE.search(text, span[0], span[1]) or _GATHERING_OF.search(text, span[0], span[1]):
                # "2023 Amazon Summit": the year is inside the name, which outranks the date finder's "2023"; "Ministerial
                # Meeting of the Gas Exporting Countries Forum": the body it is a gathering of is inside the name too.
                event = replace(event, source="pattern:named-event", priority=PRIORITY["pattern:named-event"])
            out.append(event)
    return out


_YEAR_INSIDE = re.compile(r"\b(?:19|20)\d\d\b")
_GATHERING_OF = re.compile(rf"\b(?:{_GATHERING_HEADS})\sof\s")


def citation_line_candidates(text: str) -> list[Candidate]:
    """The periodical named on a catalogue citation line is an ORG (guidelines: periodicals)."""
    out = []
    for match in _CITATION_LINE.finditer(text):
        name = match.group(1).strip()
        if name and name[0].isupper():
            start = match.start(1) + match.group(1).index(name)
            out.append(_cand(start, start + len(name), "ORG", "periodical"))
    return out


# --------------------------------------------------------------------------
# Personal names in post-Soviet formats

# Russian and Turkic patronymics ("Ivanovich", "Sergeevna", "Mamed ogly" is written "Mamedogly" too).
_PATRONYMIC = rf"[{_UP}][{_LOW}]+(?:ovich|evich|ovna|evna|ichna|inichna|ogly|oglu|uly|kyzy|qizi|kizi|ович|евич|овна|евна|ична|инична)"
_CAPS_WORD = rf"[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?"
# "Ivanov Ivan Ivanovich", "Ivanova, Anna Sergeevna", "IVANOV Ivan Ivanovich", "Ivan Ivanovich Ivanov"
_FULL_NAME = re.compile(
    rf"(?<![\w.])((?:{_NAME_WORD}|{_CAPS_WORD}),?\s{_NAME_WORD}\s{_PATRONYMIC}(?:\s{_NAME_WORD}(?=\s*[,;\n(]|\s*$))?"
    rf"|{_NAME_WORD}\s{_PATRONYMIC}\s{_NAME_WORD}"
    # A Turkic patronymic in two words: "Mammadova Gunel Rafig qizi", "Aliyev Ilham Heydar oglu"
    rf"|(?:{_NAME_WORD}|{_CAPS_WORD}),?\s{_NAME_WORD}\s{_NAME_WORD}\s(?:oglu|ogly|oğlu|qizi|gizi|kyzy|kizi|uulu|uly))(?!\w)"
)
# "IVANOV Ivan", "PETROVA A.S.", "A.Kh. NAZAROV": a surname in capitals next to a given name or initials.
_CAPS_SURNAME = re.compile(
    rf"(?<![\w.])({_CAPS_WORD}[ \t](?:{_NAME_WORD}(?:[ \t]{_NAME_WORD})?|{_INITIAL}\s?{_INITIAL}?)|{_INITIALS}\s?{_CAPS_WORD})(?![\w])"
)
# Surname endings common in the region, to tell "IVANOV Ivan" from "NATO Summit".
_SURNAME_ENDING = re.compile(
    r"(?:OV|OVA|EV|EVA|YEV|YEVA|IN|INA|SKY|SKII|SKIY|SKAYA|ENKO|UK|YUK|YAN|IAN|DZE|SHVILI|ULY|ICH|AEV|IEV|OVICH)$"
)
# A byline: one to four "Given Surname" names on a line of their own, next to an affiliation or contact line.
# Affiliation markers after a byline's names: "Name¹", "Name²,³", "Name*", "Name1,2".
_BYLINE_MARK = r"(?:[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*|\d{1,2}(?:,\d{1,2})*\*?)?"
_BYLINE = re.compile(
    rf"(?m)^[ \t]*({_NAME_WORD}\s{_NAME_WORD}{_BYLINE_MARK}(?:(?:,\s|\sand\s){_NAME_WORD}\s{_NAME_WORD}{_BYLINE_MARK}){{0,3}})[ \t]*,?[ \t]*$"
)
_BYLINE_NAME = re.compile(rf"{_NAME_WORD}\s{_NAME_WORD}")
_AFFILIATION_CUE = re.compile(
    r"Universit|Institut|Academ|College|School|Centre|Center|Ministry|Department|Faculty|Observator|Laborator|"
    r"Research Station|ORCID|e-mail|@|"
    r"университет|институт|академи",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def _known_name_part(gazetteer, name: str) -> bool:
    """Whether the gazetteer knows the name or one of its words (a place or organisation, not a person)."""
    return gazetteer.lookup(name) is not None or any(gazetteer.lookup(w) is not None for w in name.split() if "." not in w)


def _surname_like(word: str) -> bool:
    return bool(_SURNAME_ENDING.search(word.upper()))


# An author line: "Given Surname, <affiliation>, City" or a whole line "Given Surname (<affiliation>, City)" (an
# institution word later on the line).
_AUTHOR_LINE = re.compile(
    rf"(?m)^[ \t]*({_NAME_WORD}(?:\s{_INITIAL})?\s{_NAME_WORD})(?:,\s|\s\((?=[^\n]*\)[ \t]*$))(?=[^\n]*(?:{_AFFILIATION_CUE.pattern}))",
    re.IGNORECASE
)


# "Surname, Given" (guidelines: one PERSON) where the shape shows a name list, not "City, Country": at the head of a
# reference entry or after "and"/";" between co-authors, before a year, a co-author or an affiliation marker.
_INVERTED = rf"{_NAME_WORD},\s{_NAME_WORD}(?:\s(?:{_NAME_WORD}|{_INITIAL}))?"
_INVERTED_NAME = re.compile(
    rf"(?m)(?:^[ \t]*(?:\[?\d{{1,3}}[.)\]][ \t]*)?|,?\s(?:and|&)\s|;\s|(?<=[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹\d]),\s)({_INVERTED})"
    rf"(?=[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]|\d{{1,2}}(?:,\d{{1,2}})*\*?(?:,\s|[ \t]*$)|\.?\s\(?(?:19|20)\d\d\b"
    # alone on its line (its marker read as a space), an affiliation on the next
    rf"|[ \t]*\n[^\n]*(?i:{_AFFILIATION_CUE.pattern})"
    # before its affiliation in brackets: "Kovač, Petra (University of Ljubljana)"
    rf"|\s\((?=[^\n)]*(?i:{_AFFILIATION_CUE.pattern}))"
    rf"|,?\s(?:and|&)\s{_NAME_WORD},\s{_NAME_WORD}|;\s{_NAME_WORD},\s{_NAME_WORD})"
)
# Gazetteer kinds that follow a city after a comma ("Tbilisi, Georgia"): never a given name in this shape.
_PLACE_AFTER_CITY_KINDS = frozenset({"country", "historical-country", "region", "subdivision"})


def _inverted_name_candidates(text: str, gazetteer) -> list[Candidate]:
    out = []
    for match in _INVERTED_NAME.finditer(text):
        surname, given = (w.strip(",") for w in match.group(1).split()[:2])
        if surname in _NOT_SURNAME or given in _NOT_SURNAME:
            continue
        entries = (gazetteer.lookup(surname), gazetteer.lookup(given))
        if any(e is not None and (e.kind in _PLACE_AFTER_CITY_KINDS or e.label == "ORG") for e in entries):
            continue  # "Tbilisi, Georgia", "Makhachkala, Dagestan", "UNESCO, Paris"
        out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    return out


def post_soviet_name_candidates(text: str) -> list[Candidate]:
    """Names with a patronymic or a surname in capitals, inverted "Surname, Given" names, and names on a byline."""
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = _inverted_name_candidates(text, gazetteer)
    for match in _FULL_NAME.finditer(text):
        if match.group(1).split()[0].rstrip(",") not in _NOT_SURNAME:
            out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    for match in _CAPS_SURNAME.finditer(text):
        words = match.group(1).split()
        index = next(i for i, w in enumerate(words) if w.isupper() and "." not in w)
        caps, others = words[index], words[:index] + words[index + 1:]
        with_initials = any("." in w for w in others)
        if _ROMAN.match(caps) or gazetteer.lookup(caps) is not None:
            continue
        if not with_initials and (not _surname_like(caps) or any(w in _NOT_SURNAME or gazetteer.lookup(w) for w in others)):
            continue
        out.append(_cand(match.start(1), match.end(1), "PERSON", "person"))
    for match in _AUTHOR_LINE.finditer(text):
        name = match.group(1)
        if name[:1].isupper() and not any(w in _NOT_SURNAME for w in name.split()) and not is_position(name) and not _known_name_part(gazetteer, name):
            out.append(_cand(match.start(1), match.end(1), "PERSON", "byline"))
    for match in _BYLINE.finditer(text):
        line_end = text.find("\n", match.end(1))
        following = text[match.end(1): line_end + 200 if line_end != -1 else len(text)].strip().split("\n", 1)[0]
        if not _AFFILIATION_CUE.search(following):
            continue
        for name in _BYLINE_NAME.finditer(match.group(1)):
            words = name.group().split()
            if any(w in _NOT_SURNAME for w in words) or is_position(name.group()) or gazetteer.lookup(name.group()) is not None:
                continue
            out.append(_cand(match.start(1) + name.start(), match.start(1) + name.end(), "PERSON", "byline"))
    return out


def surname_of(name: str) -> str | None:
    """The surname in a personal name as written: "G. T. Ichshanova", "Ivanov I.I.", "Ivanov Ivan Ivanovich"."""
    words = [w.strip(",") for w in name.split()]
    full = [w for w in words if "." not in w and len(w) > 2]
    if not full:
        return None
    caps = [w for w in full if w.isupper()]
    if caps:
        return caps[0]
    if re.fullmatch(_PATRONYMIC, full[-1]) and len(full) >= 3:
        return full[0]  # "Surname Given Patronymic"
    if len(full) == 3 and re.fullmatch(_PATRONYMIC, full[1]):
        return full[2]  # "Given Patronymic Surname"
    if "." in words[-1] or "," in name:
        return full[0]  # "Surname I.I.", "Surname, Given"
    return full[-1]


def surname_mentions(text: str, persons: Iterable[Candidate]) -> list[Candidate]:
    """A surname alone refers to the person whose full name appeared before it in the document."""
    first_seen: dict[str, int] = {}
    for person in persons:
        surname = surname_of(text[person.start:person.end])
        if surname and surname not in _NOT_SURNAME and len(text[person.start:person.end].split()) > 1:
            first_seen.setdefault(surname, person.start)
    if not first_seen:
        return []
    seen_by_form = {}
    for surname, seen in first_seen.items():
        for form in ({surname, surname.title()} if surname.isupper() else {surname}):
            seen_by_form[form] = min(seen, seen_by_form.get(form, seen))
    forms = "|".join(re.escape(form) for form in sorted(seen_by_form, key=len, reverse=True))
    out = []
    for match in re.finditer(rf"(?<![\w.])(?:{forms})(?![\w])(?!\s?[{_UP}]\.)", text):
        if match.start() > seen_by_form[match.group()]:
            out.append(Candidate(match.start(), match.end(), "PERSON", "propagation:surname", PRIORITY["propagation:surname"]))
    return out


# --------------------------------------------------------------------------
# Organisations: bodies, state institutions, periodicals, Russian institution names

_BODY_NOUNS = (
    r"Assembly|Council|Forum|Secretariat|Staff|Committee|Commission|Board|Parliament|Duma|Senate|Majlis|Mazhilis|"
    r"Kenesh|Khural|Rada|Cabinet|Court|Service|Agency|Office|Bureau|Directorate|Command|Structure|Centre|Center"
)
_OF_TAIL = rf"(?:\s(?:of|for|on)\s(?:the\s)?(?:(?:{_NAME_WORD}|[{_UP}]{{2,6}}|of\sthe|of|and|for|on)\s?){{1,8}})?"
# "Parliamentary Assembly", "Joint Staff of the CSTO", "State Duma of the Russian Federation", "Council of Heads of State"
_BODY = re.compile(
    rf"\b((?:{_NAME_WORD}\s(?:of\s(?={_NAME_WORD}\s))?){{1,6}}(?:{_BODY_NOUNS})\b{_OF_TAIL}|(?:{_BODY_NOUNS})\s(?:of|for|on)\s(?:the\s)?(?:(?:{_NAME_WORD}|[{_UP}]{{2,6}}|of\sthe|of|and)\s?){{1,8}})"
)
_NAMED_AFTER = rf"\snamed\safter\s(?:{_INITIALS}\s?)?(?:(?:al-|Al-|el-)?{_NAME_WORD}\s?){{1,3}}"
_INSTITUTION_NAMED = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{1,5}}(?:{_INSTITUTION_NOUNS}){_NAMED_AFTER})"
)
# Periodicals: "Journal of Eurasian Studies", "Central Asian Survey" is left to the citation shapes below.
_PERIODICAL = re.compile(
    rf"\b((?:Journal|Bulletin|Herald|Vestnik|Annals|Proceedings)\sof\s(?:the\s)?(?:(?:{_NAME_WORD}|and|of)\s?){{1,6}}"
    rf"|(?:{_NAME_WORD}\s){{1,4}}(?:Journal|Quarterly|Review|Bulletin|Herald|Vestnik)"
    # "South African Journal of International Affairs"
    rf"(?:[ ]of[ ](?:the[ ])?{_NAME_WORD}(?:[ ](?:and[ ]|of[ ](?:the[ ])?)?{_NAME_WORD}){{0,5}})?"
    # Newspapers by their head noun, in English, French, Spanish, German or transliterated Russian: "Walf Quotidien",
    # "Le Témoin Quotidien", "Nezavisimaya Gazeta".
    rf"|(?:{_NAME_WORD}\s){{1,3}}(?:Quotidien|Gazette|Tribune|Chronicle|Courier|Courrier|Telegraph|Gazeta|Zeitung|Diario)\b"
    # Russian titles transliterated, head first, their other words often in lower case: "Vestnik MGIMO-Universiteta",
    # "Voprosy istorii", "Izvestiya Rossiiskoi akademii nauk"; up to the full stop or comma that ends the title.
    rf"|(?:Vestnik|Voprosy|Izvestiya|Izvestia|Problemy|Obozrevatel|Vlast|Mirovaya\sekonomika)"
    rf"(?:\s(?:[{_UP}]{{2,8}}|[A-Za-z][a-z]+)(?:-[A-Za-z][a-z]+)?){{1,5}}(?=[.,:;]|\s//|\s[-–—]\s|\s*$))"
)
# A periodical named head last with an "of" tail ("South African Journal of International Affairs").
_HEAD_THEN_OF = re.compile(rf"{_NAME_WORD}\s(?:Journal|Quarterly|Review|Bulletin|Herald|Vestnik)\sof\s")
# A reference's source after "//" (GOST): "... // Central Asia and the Caucasus. 2019. No. 3"
_GOST_SOURCE = re.compile(r"//\s*([^/\n.]{3,120}?)\.\s*(?:[-–—]\s*)?(?:19|20)\d\d\b")
# An APA reference's source: "... title. Journal of Peace Research, 48(2), 151-166."
_APA_SOURCE = re.compile(r"\.\s([A-Z][^.\n()]{2,100}?),\s\d+\s?\(\d+[-–]?\d*\)")
# A Chicago-style reference's source, volume, issue and pages: '... Black Sea." Caucasus Survey 7 (2): 141–158.'
_CHICAGO_SOURCE = re.compile(r"[.?!][\"”]?\s([A-Z][^.\n()\"“”]{2,100}?)\s\d+\s?\(\d+[-–]?\d*\):\s?\d+")
# Russian institutions: "Казахский национальный университет имени аль-Фараби", "Институт востоковедения РАН"
_RU_INSTITUTION_NOUNS = (
    r"университет|институт|академи[яи]|колледж|министерств[оа]|консерватори[яи]|обсерватори[яи]|библиотек[аи]|"
    r"лицей|фонд|агентств[оа]|комитет|совет|служб[аы]|центр"
)
_RU_INSTITUTION = re.compile(
    rf"(?<![\w-])((?:[А-ЯЁ][а-яё-]+\s(?:[а-яё-]+\s){{0,4}}(?:{_RU_INSTITUTION_NOUNS})|[А-ЯЁ](?:{_RU_INSTITUTION_NOUNS})[а-яё]*)"
    rf"(?:\s(?!им\.|имени)[а-яёА-ЯЁ][а-яё-]+){{0,5}}(?:\s(?:имени|им\.)\s(?:[А-ЯЁ]\.\s?){{0,3}}[А-ЯЁа-яё][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?)?"
    rf"(?:\s[А-ЯЁ]{{2,6}})?)(?=\s*[,;.()\n]|\s*$)",
)
_RU_INSTITUTION_HEAD = re.compile(rf"(?i)(?:{_RU_INSTITUTION_NOUNS})")
_OF_SPLIT = re.compile(r"\s(?:of|for)\s(?:the\s)?")
# Head nouns of organisations' own names: after "Body of the", such a name is the parent organisation ("General
# Secretariat of the Central American Integration System"); an acronym the gazetteer does not know as a place is too
# ("Court of Justice of WAEMU").
_ORGANISATION_HEADS = frozenset(
    "Organization Organisation Union Community System Association Alliance Authority League Movement Group Bank Fund "
    "Agency Federation Confederation Coalition Partnership".split()
)
_ACRONYM = re.compile(rf"[{_UP}]{{2,6}}")
_TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s(?:and|of|for|on|the))+$")


def _names_an_organisation(name: str, label_of: Callable[[str], str | None]) -> bool:
    """Whether the words after "Body of (the)" name an organisation, not a place ("... of Kyrgyzstan")."""
    name = _TRAILING_FUNCTION_WORDS.sub("", name.strip())
    label = label_of(name)
    if label is not None:
        return label == "ORG"
    if _ACRONYM.fullmatch(name):
        return True
    words = name.split(" of ")[0].split()
    return len(words) >= 2 and name[:1].isupper() and words[-1] in _ORGANISATION_HEADS


def _split_at_inner_organisation(text: str, start: int, end: int, label_of: Callable[[str], str | None]) -> list[tuple[int, int]]:
    """"Body of the Organisation" is two ORGs (guidelines); "Body of <place>" stays one."""
    stripped_end = start + len(text[start:end].rstrip())
    if stripped_end < len(text) and text[stripped_end].isalnum():
        return [(start, end)]  # the match cuts a word ("... for JPM" in "JPMorgan"): not a name, left whole to be dropped
    for of in _OF_SPLIT.finditer(text, start, end):
        if of.start() <= start:
            continue
        rest = text[of.end():end]
        if label_of(text[start:of.start()]) == "LOC":
            continue  # "Gulf of Guinea Commission": a place named with "of" opens the body's name
        if _names_an_organisation(rest, label_of) or _INSTITUTION.fullmatch(rest) or _BODY.fullmatch(rest):
            return [(start, of.start())] + _split_at_inner_organisation(text, of.end(), end, label_of)
    return [(start, end)]


def _a_gathering_named_by_place(surface: str, label_of: Callable[[str], str | None]) -> bool:
    """"Caribbean Energy Forum", "Black Sea Naval Forum": a forum the gazetteer does not know, named first by a place or
    a region's adjective, is a gathering; "Liberal Forum", a party, and "Pacific Islands Forum", known, are not."""
    from textmine.resources.gazetteer import is_nationality_adjective

    if not surface.endswith("Forum") or label_of(surface) == "ORG":
        return False
    words = surface.split()[:-1]
    return is_nationality_adjective(words[0]) or any(label_of(" ".join(words[:n])) == "LOC" for n in range(1, len(words) + 1))


_BODY_NOUN = re.compile(rf"\b(?:{_BODY_NOUNS})\b")


def _place_with_of_opens(surface: str, label_of: Callable[[str], str | None]) -> bool:
    """Whether an "of" before a body's noun joins a place's name ("Gulf of Guinea Commission"); "Member of
    Parliament" and "Minister of Public Service" are offices. True when no "of" stands there."""
    noun = _BODY_NOUN.search(surface)
    lead = surface[:noun.start()] if noun else ""
    return " of " not in lead or label_of(lead.split(" of ")[0]) == "LOC"


def organisation_candidates(text: str) -> list[Candidate]:
    """Bodies of organisations and states, institutions named after a person, and periodicals."""
    label_of = _gazetteer_label
    out = []
    for regex, kind in ((_BODY, "body"), (_INSTITUTION_NAMED, "institution"), (_PERIODICAL, "periodical")):
        for match in regex.finditer(text):
            span = _on_one_line(text, _without_leading_function_words(match))
            if span is None or _DOCUMENT_START.match(text, span[0]):
                continue
            surface = text[span[0]:span[1]]
            if kind == "body" and (
                _VENUE_END.search(surface) or _a_gathering_named_by_place(surface, label_of) or _YEAR_AFTER.match(text, span[1])
                or not _place_with_of_opens(surface, label_of)
            ):
                continue  # a venue is a facility; "Caribbean Energy Forum" is a gathering (EVENT)
            for start, end in _split_at_inner_organisation(text, span[0], span[1], label_of):
                end = start + len(text[start:end].rstrip())
                priority = PRIORITY[_ORG_PATTERN_PRIORITY[kind]]
                if kind == "periodical" and _HEAD_THEN_OF.search(text, start, end):
                    priority = PRIORITY["pattern:institution"]  # "Agrarian Bulletin of the Volga Region": the place is inside
                out.append(Candidate(start, end, "ORG", f"pattern:{kind}", priority))
    for regex in (_GOST_SOURCE, _APA_SOURCE, _CHICAGO_SOURCE):
        for match in regex.finditer(text):
            name = match.group(1).strip()
            if name and name[0].isupper() and len(name.split()) <= 12:
                start = match.start(1) + match.group(1).index(name)
                out.append(_cand(start, start + len(name), "ORG", "periodical"))
    for match in _RU_INSTITUTION.finditer(text):
        out.append(_cand(match.start(1), match.end(1), "ORG", "institution-ru"))
    return out


# A name of a body or institution wins over the names inside it ("State Duma of the Russian Federation",
# "L. N. Gumilyov Eurasian National University"); one that cuts a known organisation is dropped by the ner component.
_ORG_PATTERN_PRIORITY = {"body": "pattern:institution", "institution": "pattern:institution", "periodical": "pattern:body"}

# Documents named by their head first: "Treaty on Collective Security", "Agreement between ..."
_DOCUMENT_START = re.compile(
    r"(?:Charter|Agreement|Treaty|Declaration|Convention|Protocol|Memorandum|Concept|Strategy|Programme|Program|Resolution)"
    r"\s(?:on|of|between|for|concerning|about)\b"
)


# --------------------------------------------------------------------------
# Events by head noun and shape

_ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th|-th)|[IVXLC]{1,6}|"
    # "Thirty-Sixth", "Twenty-first"
    r"(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth)|"
    r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth)"
)
_WAR_HEAD = r"War|Revolution|Uprising|Massacre|Rebellion|Revolt"
# "Great Patriotic War", "Tulip Revolution", "World War II", "Second Chechen\nWar" (a line break inside the name)
_NAMED_WAR = re.compile(
    rf"\b((?:(?:{_NAME_WORD}|{_ORDINAL})[ \t]*\n?[ \t]*){{1,4}}(?:{_WAR_HEAD})(?:\s(?:I{{1,3}}|IV|One|Two)\b)?)"
)
# "<place> events", "<place> uprising": the place is found by the gazetteer (an anchor ending right before).
_PLACE_EVENT_NOUN = re.compile(r"\s(events|uprising|massacre|riots|unrest|pogroms?|tragedy|revolution|war)\b")
_MONTH_EVENTS = re.compile(r"\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\sevents)\b")
# "2020 presidential election", "1886 United Kingdom general election", "2013 Meghalaya Legislative Assembly election",
# "2001 Queensland state election", "1995 referendum": a year, or a name before the type, makes the election a name.
_ELECTION_TYPE = (
    r"[Pp]residential|[Pp]arliamentary|[Ll]egislative|[Gg]eneral|[Ll]ocal|[Mm]unicipal|[Ss]nap|[Ee]arly|[Ss]tate|[Ff]ederal|"
    r"[Rr]egional|[Pp]rovincial|[Mm]ayoral|[Gg]ubernatorial|[Ss]enate|[Bb]y-"
)
_MONTH_YEAR = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{4}\b")
_ELECTION = re.compile(
    rf"\b((?:(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)?(?:1[5-9]|20)\d\d\s)?(?:{_NAME_WORD}\s(?:of\s(?:the\s)?)?){{0,4}}(?:(?:{_ELECTION_TYPE})\s?(?:and\s(?:presidential|parliamentary)\s)?)?"
    rf"(?:[Ee]lections?|[Rr]eferendum))\b"
)
# "the 21st meeting of the Council of Heads of State of the SCO", "the XX session of the UN General Assembly",
# "the Fourth Consultative Meeting of the Heads of State of Central Asia"
_NUMBERED_SESSION = re.compile(
    rf"\b({_ORDINAL}\s(?:(?:regular|extraordinary|plenary|annual|anniversary|special|jubilee|ministerial|informal|consultative|{_NAME_WORD}(?:\sof)?)\s){{0,3}}(?:[Ss]ession|[Mm]eeting|[Ss]ummit|[Cc]ongress|[Cc]onference|[Ff]orum)"
    rf"(?:\s(?:of|on)\s(?:the\s)?(?:(?:{_NAME_WORD}|[{_UP}]{{2,6}}|of\sthe|of|and)\s?){{1,8}})?)"
)
# "drills codenamed Phoenix Express", "exercise Justified Accord": a name after the noun or "codenamed", without a year.
_NAMED_BY_NOUN = re.compile(
    rf"\b(?:codenamed|code-named|dubbed|(?:exercises?|drills|manoeuvres|maneuvers)(?=\s{_NAME_WORD}\s{_NAME_WORD}))"
    rf"\s({_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}})(?![\w-]|\s(?:19|20)\d\d)"
)
_NAME_GOES_ON = re.compile(rf"[\s-](?:(?:19|20)\d\d|[{_UP}])")
# 'held the "Interaction-2019" exercises', '"Sea Breeze-2021" drills'
_QUOTED_BEFORE_EVENT = re.compile(rf"{_QUOTED}\s+(?:{_EVENT_NOUNS})\b", re.IGNORECASE)
# "Sea Breeze-2021 drills", "Zapad-2021", "Cooperation-2019": names glued to a year with a hyphen
_MULTIWORD_HYPHEN_YEAR = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{0,2}}{_NAME_WORD}-(?:19|20)\d\d)(?=\s+{_EVENT_MODIFIERS}(?i:{_EVENT_NOUNS})\b)"
)


def event_shape_candidates(text: str) -> list[Candidate]:
    """Wars and revolutions, elections, numbered sessions and exercises in any frame."""
    from textmine.resources.gazetteer import is_nationality_adjective

    out = []
    for match in _NAMED_WAR.finditer(text):
        span = _without_leading_function_words(match, min_words=2)
        if span and "\n\n" not in text[span[0]:span[1]]:
            out.append(Candidate(span[0], span[1], "EVENT", "pattern:war", PRIORITY["pattern"]))
    for regex in (_MONTH_EVENTS, _ELECTION, _NUMBERED_SESSION, _MULTIWORD_HYPHEN_YEAR):
        for match in regex.finditer(text):
            # A month opening "February 1974 ... election" or "January events" is part of the name, not a sentence's first word.
            dated = regex is _MONTH_EVENTS or (regex is _ELECTION and _MONTH_YEAR.match(match.group(1)))
            span = (match.start(1), match.end(1)) if dated else _without_leading_function_words(match, min_words=1)
            if span is None:
                continue
            words = text[span[0]:span[1]].split()
            # "the presidential election" is a description; a year or a place before its type makes it a name.
            if regex is _ELECTION and not (
                (any(w[:1].isdigit() for w in words[:2]) and len(words) > 1)
                or (len(words) > 2 and words[0][:1].isupper() and not re.fullmatch(_ELECTION_TYPE, words[0]))
            ):
                continue
            start = span[0]
            while regex is _MULTIWORD_HYPHEN_YEAR and len(words) > 1 and is_nationality_adjective(words[0]):
                start += len(words[0]) + 1  # "Russian Zapad-2021": the nationality is not part of the name
                words = words[1:]
            # "January events" holds a month: like a dated name, it outranks the date finder's "January".
            kind = "event" if regex is _MULTIWORD_HYPHEN_YEAR else "named-event"
            out.append(Candidate(start, span[1], "EVENT", f"pattern:{kind}", PRIORITY[f"pattern:{kind}" if kind == "named-event" else "pattern"]))
    for match in _QUOTED_BEFORE_EVENT.finditer(text):
        if match.group(1)[:1].isupper():
            out.append(_cand(match.start(1), match.end(1), "EVENT", "quoted-event"))
    for match in _NAMED_BY_NOUN.finditer(text):
        name = match.group(1)
        if _NAME_GOES_ON.match(text, match.end(1)):
            continue  # "exercise Southern Bridge 2021": a shorter name cut before a year or a word is not the name
        # "exercises Russia conducted": a known name after the noun is its subject, not its name.
        if name.split()[0] not in _NOT_SURNAME and _gazetteer_label(name) is None:
            out.append(_cand(match.start(1), match.end(1), "EVENT", "event"))
    return out


def place_event_candidates(text: str, anchors: Iterable[Candidate]) -> list[Candidate]:
    """"Andijan events", "Kengir uprising": a place right before an event noun names the event."""
    anchor_by_end = {a.end: a for a in anchors if a.label == "LOC"}
    out = []
    for match in _PLACE_EVENT_NOUN.finditer(text):
        anchor = anchor_by_end.get(match.start())
        if anchor is not None:
            # "the Second Karabakh war": an ordinal before the place numbers the event and belongs to its name.
            # "Andijan\nevents": the name may run over one line break, like a war's.
            out.append(Candidate(numbered_summit_start(text, anchor.start), match.end(1), "EVENT", "pattern:place-event", PRIORITY["pattern"]))
    return out


def numbered_summit_start(text: str, start: int) -> int:
    """Where an ordinal before an event name starts ("XI BRICS summit", "19th SCO summit"), else ``start``."""
    before = re.search(rf"(?<![\w-]){_ORDINAL}\s$", text[max(0, start - 16):start])
    return start - len(before.group()) if before else start


# A document's title runs from its head ("Agreement on", "Declaration on the") to the end of the sentence or line,
# a bracket, or a date.
_DOCUMENT_TITLE = re.compile(rf"{_DOCUMENT_START.pattern}[^\n.;(]*")


def document_title_spans(text: str) -> list[tuple[int, int]]:
    """Where the titles of treaties and other documents named head first are ("Declaration on the Establishment of ...")."""
    return [(m.start(), m.end()) for m in _DOCUMENT_TITLE.finditer(text)]


# A quoted title of a book, report, article or film: three words or more on one line with a colon or a lower-case
# function word ('the report "Ports of Mombasa and Dar es Salaam: Competition on the Swahili Coast"', "the article
# 'Rail Links between Kenya and Uganda'"); a quoted name after its descriptor ('the foundation "Living Balkhash"') is not.
_QUOTED_TITLE = re.compile(r"(?<!\w)[\"“‘']([^\"“”‘’'\n]{8,200}?)[\"”’'](?!\w)")
_TITLE_FUNCTION_WORD = re.compile(r"\s(?:of|the|and|in|on|for|between|over|from|to|after|before|under|with|at|by|a|an)\s")


def quoted_title_spans(text: str) -> list[tuple[int, int]]:
    """Where quoted titles of works are (see _QUOTED_TITLE)."""
    quoted_names = {c.start for c in quoted_name_candidates(text)}
    return [
        (m.start(1), m.end(1)) for m in _QUOTED_TITLE.finditer(text)
        if m.start(1) not in quoted_names and len(m.group(1).split()) >= 3
        and (":" in m.group(1) or _TITLE_FUNCTION_WORD.search(m.group(1)))
    ]


# A reference's title: after its authors ("Surname I. I., Surname I." or "(eds.)", maybe a year in brackets), up to
# the full stop or "//" before the source ("Adler E., Barnett M. (eds.) Security Communities. Cambridge, 1998.").
_REFERENCE_TITLE = re.compile(
    rf"(?m)^[ \t]*(?:\[?\d{{1,3}}[.)\]]\s*)?(?:{_NAME_WORD},?\s{_INITIALS},?\s?(?:and\s|&\s)?)+"
    rf"(?:\((?:eds?|ред)\.\)\s?)?(?:\(\d{{4}}\)\.?\s?)?([^\n]+?)(?=\s//\s|\.\s|\.$)"
)


def reference_title_spans(text: str) -> list[tuple[int, int]]:
    """Where the titles of the works in a reference list are (after the authors, before the source)."""
    return [(m.start(1), m.end(1)) for m in _REFERENCE_TITLE.finditer(text)]


def is_document_title(surface: str) -> bool:
    """A treaty's or other document's title named head first ("Treaty on Collective Security")."""
    return bool(_DOCUMENT_START.match(surface))


# --------------------------------------------------------------------------
# Organisation names that run over "in <place>", coordinations and publishers

# The head of a field presence named by the place it works in: "<Org> Mission in <Country>", "<Org> Office for <Region>".
_PRESENCE_NOUNS = r"Mission|Office|Operation|Delegation|Representation"
_PRESENCE = re.compile(rf"\b((?:(?:{_NAME_WORD}|[{_UP}]{{2,6}})\s){{1,6}}(?:{_PRESENCE_NOUNS}))\b")
_PLACE_NAME = rf"{_NAME_WORD}(?:\s(?:del|de|do|da|{_NAME_WORD})){{0,3}}"
_YEAR_AFTER = re.compile(r"[\s-](?:19|20)\d\d\b")
_PRESENCE_TAIL = re.compile(rf"\s(?:in|for|to)\s(?:the\s)?({_PLACE_NAME})")
_PLACE_AND = re.compile(rf"(?:,\s|\sand\s)(?:the\s)?({_PLACE_NAME})")
# Bodies named by a coordination: "Peace and Security Council", "Emergency Prevention, Preparedness and Response
# Working Group", "Organ on Politics, Defence and Security Cooperation".
_ITEM = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}"
_COORDINATION = rf"{_ITEM}(?:,\s{_ITEM})*\sand\s{_ITEM}"
# "Advisory and Technical Committee for Communications and Transit": the purpose after "for" is the body's own name
# ("of the League of Nations" after it names the parent, another ORG).
_PURPOSE_TAIL = rf"(?:\sfor\s{_NAME_WORD}(?:(?:,\s|\sand\s|\s){_NAME_WORD}){{0,4}})?"
_COORDINATED_BODY = re.compile(
    rf"\b((?:{_COORDINATION})\s(?:{_BODY_NOUNS}|Working\sGroup|Group){_PURPOSE_TAIL}"
    rf"|(?:{_BODY_NOUNS}|Organ|Working\sGroup)\s(?:on|for|of)\s(?:{_COORDINATION}))\b"
)
# Publishers: "<Name> University Press", "<Name> Publishers"; and a book reference's publisher slot
# ("... Title. Basingstoke: Name Name, 2016.", "... Title. Name Name, 2016.").
# Standing groups of an organisation: "Sustainable Energy Working Group", "Counter-Piracy Task Force".
_NAMED_GROUP = re.compile(rf"\b((?:{_NAME_WORD}\s){{1,4}}(?:Working|Contact|Expert|Steering|Task)\s(?:Group|Force))\b")
_PUBLISHER = re.compile(rf"\b((?:{_NAME_WORD}\s){{1,4}}(?:Press|Publishers|Publishing|Publications|Verlag))\b")
_PUBLISHER_SLOT = re.compile(rf"(?m)(?:\.|:)\s((?:{_NAME_WORD})(?:\s{_NAME_WORD}){{0,3}}),\s(?:19|20)\d\d\.?[ \t]*(?:<|$)")


def _places_after(text: str, position: int, is_place: Callable[[str], bool]) -> int:
    """Where "in <place>( and <place>)*" after ``position`` ends, when the gazetteer knows the places; else ``position``."""
    tail = _PRESENCE_TAIL.match(text, position)
    if tail is None or not is_place(tail.group(1)):
        return position
    end = tail.end()
    while (more := _PLACE_AND.match(text, end)) and is_place(more.group(1)):
        end = more.end()
    return end


def organisation_extent_candidates(text: str) -> list[Candidate]:
    """Field presences with their place, bodies named by a coordination, and publishers.

    Each is one ORG (guidelines §2: an organisation name followed by a place is
    one ORG); the gazetteer's names inside them are not annotated apart.
    """
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def is_place(name: str) -> bool:
        entry = gazetteer.lookup(name)
        return entry is not None and entry.label == "LOC"

    def opens_with_organisation(name: str) -> bool:
        words = name.split()[:-1]
        return any(
            (entry := gazetteer.lookup(" ".join(words[:n]))) is not None and entry.label == "ORG" for n in range(1, len(words) + 1)
        ) or bool(re.fullmatch(rf"[{_UP}]{{2,6}}", words[0]))

    out = []
    for match in _PRESENCE.finditer(text):
        span = _on_one_line(text, _without_leading_function_words(match))
        # A presence belongs to an organisation named first ("OSCE Office"); "Peace Mission 2014" is an exercise.
        if span and opens_with_organisation(text[span[0]:span[1]]) and not _YEAR_AFTER.match(text, span[1]):
            out.append(Candidate(span[0], _places_after(text, span[1], is_place), "ORG", "pattern:presence", PRIORITY["pattern:institution"]))
    for match in _COORDINATED_BODY.finditer(text):
        span = _on_one_line(text, _without_leading_function_words(match, min_words=3))
        if span is None:
            continue
        items = re.split(r",\s|\sand\s", text[span[0]:span[1]])
        # "Russia and Security Council members": a known name in the list makes it a list of names, not one body.
        if any(gazetteer.lookup(item.strip()) is not None for item in items):
            continue
        out.append(Candidate(span[0], span[1], "ORG", "pattern:body", PRIORITY["pattern:institution"]))
    for match in _NAMED_GROUP.finditer(text):
        span = _on_one_line(text, _without_leading_function_words(match, min_words=3))
        if span:
            out.append(Candidate(span[0], span[1], "ORG", "pattern:body", PRIORITY["pattern:institution"]))
    for match in _PUBLISHER.finditer(text):
        span = _on_one_line(text, _without_leading_function_words(match))
        if span:
            out.append(Candidate(span[0], span[1], "ORG", "pattern:publisher", PRIORITY["pattern:institution"]))
    for match in _PUBLISHER_SLOT.finditer(text):
        name = match.group(1)
        if name.split()[0] not in _NOT_SURNAME and gazetteer.lookup(name) is None:
            out.append(_cand(match.start(1), match.end(1), "ORG", "publisher"))
    return out


# Russian periodicals by their head word ("Вестник международных исследований", "Известия ... университета")
# and the site named in a copyright line ("© КиберНаука, 2014–2024"; not an author's "© Иванов И.И., 2020").
_RU_PERIODICAL = re.compile(
    r"(?<![\w-])((?:Вестник|Известия|Обозрение|Бюллетень|Ежегодник)(?:\s(?:[а-яё-]+|[А-ЯЁ][а-яё-]+)){1,4}?)(?=\s*(?:[.,:;>/»)]|\s[-–—]\s|$))",
    re.MULTILINE,
)
_COPYRIGHT_OWNER = re.compile(rf"©\s*(?:(?:19|20)\d\d\s*)?([{_UP}][\w-]+(?:\s[{_UP}][\w-]+){{0,3}})(?!\s?[{_UP}]\.)(?=\s*[,.]|\s*$)", re.MULTILINE)
# A conference, forum or congress named in guillemets: «Арктика: регион сотрудничества».
_RU_QUOTED_EVENT = re.compile(
    r"(?i:конференци[яиюей]|форум[аеу]?|саммит[аеу]?|симпозиум[аеу]?|конгресс[аеу]?|учени[яйям]+|чтени[яйям]+)\s«([^»\n]{2,80})»"
)


def russian_name_candidates(text: str) -> list[Candidate]:
    """Russian periodicals, a site's name in its copyright line, and conferences named in guillemets."""
    out = [_cand(m.start(1), m.end(1), "ORG", "periodical-ru") for m in _RU_PERIODICAL.finditer(text)]
    out += [_cand(m.start(1), m.end(1), "ORG", "copyright") for m in _COPYRIGHT_OWNER.finditer(text)]
    out += [_cand(m.start(1), m.end(1), "EVENT", "quoted-event") for m in _RU_QUOTED_EVENT.finditer(text) if m.group(1)[:1].isupper()]
    return out


# "Flintlock 2023, led by the United States, was held in ...": a name with a year that the sentence says was held.
_HELD_NAME_YEAR = re.compile(
    rf"\b((?:{_NAME_WORD}\s){{1,3}}(?:19|20)\d\d)(?=[^.\n]{{0,80}}?\b(?:(?:was|were)\s(?:held|conducted|staged|hosted)|took\splace)\b)"
)


def held_event_candidates(text: str) -> list[Candidate]:
    """A capitalised name followed by a year, the subject of "was held"/"took place": one EVENT, the year inside it."""
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = []
    for match in _HELD_NAME_YEAR.finditer(text):
        span = _without_leading_function_words(match, min_words=2)
        if span is None:
            continue
        name = text[span[0]:span[1]].rsplit(" ", 1)[0]
        if gazetteer.lookup(name) is None:
            out.append(Candidate(span[0], span[1], "EVENT", "pattern:named-event", PRIORITY["pattern:named-event"]))
    return out
