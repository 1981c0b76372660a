"""Bibliographic metadata of the article: title, journal, year, volume, issue, authors, references.

The component reads the page's layout, not a template of one site, and
invents nothing: a field the page does not state stays null (authors []), and
every value is a string printed on the page (whitespace runs written as one
space) or, for the year, the number printed there.

* the *header* is the stretch of the article before its first prose
  paragraph (a line of many words, or a long sentence; never a line of menu
  separators); the *title* is its title-like lines (short, no final period,
  not a journal, source line or running header, menu, breadcrumb or skip
  link, author, affiliation, UDC/DOI or keyword line, not the journal's
  name, mostly in the article's script): the page's main heading (HTML h1) if
  it is one of them, else the one nearest above the first byline, else the
  first; a title printed only by the wrapper above the article (a catalogue
  card) is taken from there, in mixed case when it is also printed in
  capitals; the HTML <title> counts only when the text prints it;
* *journal, year, volume and issue* come from the page's source statements,
  ranked: citation lines, field labels, source lines, breadcrumbs, running
  headers (:mod:`textmine.stages.metadata.sources`); a journal printed in
  another script than the article's gives way to the article-script printing
  of a citation, field or source line; then the HTML ``citation_*`` meta
  tags; for a news piece the outlet's name;
* *affiliation lines* of the header are cut into fields at commas,
  semicolons and brackets: the address is the run of place fields at the end
  (the last a LOC mention or a gazetteer place), the institution the first
  field before it with an institution's word (else an ORG mention), written
  as a name, without a position before "at" ("Senior Fellow at the X
  Institute"), and a leading number, letter or star run ("¹Tomsk State
  University", "(2) ...", "a Kazan Institute", "** ...") lets authors point to it;
* *authors* are the names on the header's bylines, read by name shape
  (:mod:`textmine.stages.metadata.bylines`) and linked to the PERSON mention
  inside them; in a bilingual article those in the article's script; without
  an author block in the article, the wrapper's author field ("Автор:",
  "Авторы:"). An author's ORCID (kept only with a valid ISO 7064 MOD 11-2
  check digit) and e-mail are those on a line that names or marks the author
  ("Corresponding author: NAME", "ORCID: Surname I. — iD", "1 name@host",
  "1name@host" with the marker stripped; an item's own marker, "¹a@x, ²*b@y",
  over the line's, and a marker shared by several authors gives the first
  without an item: items are listed in the authors' order; an ORCID with its
  marker run into it, "20000-0002-..."), else those written after the name
  and before the next author, else the HTML ``citation_author_*`` tags; the
  affiliation is the institution in brackets right after the name ("A (Univ
  X), B (Univ Y)"; "A, Univ X; B, Univ Y"), else the one the author's first
  marker points to ("1,2" -> 1), else the first written after the author (one
  written after all authors is shared; one above all authors too, unless they
  are a record's author field), else an author note ("NAME is ... at the X
  Institute"); the place
  is the first author's affiliation's address (or the line of places right
  under it);
* *references* are the last numbered list of the article ("1. ...", "2.Text",
  "[3] ...") whose entries look bibliographic (a year or a URL), preferring
  one under a "References"/"Литература" heading; each entry gives its
  number, text and offsets, its first URL and its access date ("date of
  treatment", "accessed", "retrieved", "дата обращения", ...), normalised
  with :func:`textmine.stages.dates.normalise_date`.

:func:`metadata_field_accuracy` scores predicted metadata against gold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field as dataclass_field
from functools import lru_cache
from typing import Any, Iterable

from textmine.components import register
from textmine.stages.dates import find_dates, normalise_date
from textmine.document import Document, Entity, Segment
from textmine.resources.gazetteer import load_gazetteer
from textmine.stages.metadata.bylines import (AUTHOR_LABEL, DEGREE, SUPERSCRIPTS, SYMBOLS, Name, join_broken_name, name_at, name_run_into_institution,
                                              read_byline, split_markers)
from textmine.stages.metadata.sources import (CITATION_LABEL, FIELD_LABEL, is_capitals as _is_capitals, RANK_LINE, read_statement, BY_LINE,
                                              DATED_BYLINE, is_news_byline, leading_date_year, bilingual_masthead,
                                              dublin_core_rows, dublin_core_statements, is_dublin_core_row,
                                              bare_record_label, choose_fields, english_edition, find_statements, is_date_line, is_edition_line,
                                              opens_with_date, outlet_name, PERIODICAL_WORD as _PERIODICAL_WORD, title_case as _title_case)

METADATA_KEYS = (
    "title", "journal", "journal_entity", "year", "volume", "issue", "authors",
    "affiliation_place", "affiliation_place_entities", "references",
)

ORCID = re.compile(r"(?<![\w-])(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?![\w-])")
# The mailbox never starts with a superscript: "¹name@host" ("ᵃname@host") is the address of the author with marker 1 (a).
EMAIL = re.compile(r"(?:(?![¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉᶠᵍʰ])[\w.+-])+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_URL_TRAILING = ".,;:)]}»\"'"

_DASH = r"[-–—]"
_ISSUE_WORD = r"(?:№|No\.?|Nr\.?|N|Issue|Iss\.|Вып\.|Выпуск)"
_VOLUME_WORD = r"(?:Vol\.?|Volume|Т\.|Том)"
_YEAR = r"(?:1[89]|20)\d{2}"
# "Paradigmata poznání. - 2021. - № 1", "Вестник МГУ. - 2019. - Т. 5. - № 2"
_CATALOGUE_LINE = re.compile(
    rf"(?P<journal>[^\W\d_][^\n]{{1,150}}?)\s*[.,]?\s+{_DASH}\s+(?P<year>{_YEAR})\s*[.,]?\s*"
    rf"(?:{_DASH}\s*{_VOLUME_WORD}\s*(?P<volume>\d+)\s*[.,]?\s*)?{_DASH}\s*{_ISSUE_WORD}\s*(?P<issue>\d+[\w/-]*)"
)
# "Central Asian Survey, Vol. 38, No. 2, 2019" / "Journal of X, 2019, No. 3"
_VOLUME_LINE = re.compile(
    rf"(?P<journal>[^\W\d_][^\n,]{{1,150}}?)\s*[,.]\s*(?:(?P<year1>{_YEAR})\s*[,.]\s*)?"
    rf"(?:{_VOLUME_WORD}\s*(?P<volume>\d+)\s*[,.(]?\s*)?{_ISSUE_WORD}\s*(?P<issue>\d+[\w/-]*)\)?"
    rf"(?:\s*[,.(]\s*(?P<year2>{_YEAR}))?"
)
# A source label before the journal's name ("Источник: Journal. - 2021. - № 1").
_SOURCE_LABEL = re.compile(r"^(?:Источник|Source|Журнал|Journal|Издание|Published in|Опубликовано в|In)\s*:\s*", re.IGNORECASE)
CITATION_MAX_WORDS = 20
_NOT_TITLE_START = re.compile(
    r"^\s*(?:UDC|УДК|ББК|DOI|JEL|ISSN|Keywords|Key words|Ключевые слова|Abstract|Аннотация|Annotation|Резюме|Summary"
    r"|Section|Rubric|Рубрика|Раздел"
    # dates, contacts and record fields of the page, and footnotes ("* Corresponding author")
    r"|Published|Received|Accepted|Revised|Updated|Last updated|Corresponding author|Language|Pages"
    r"|Опубликовано|Поступила|Принята|Обновлено|Добавлено|Сегодня|Дата|Язык|Тип|Страницы)\b|^\s*[*¹²³⁴⁵⁶⁷⁸⁹†]",
    re.IGNORECASE,
)
# Site furniture: menus and breadcrumbs ("Home | Archives", "Home / Archives / Vol. 9"), skip links, switchers.
_PAGE_FURNITURE = re.compile(r"\s[|›»•·]\s|\s/\s.*\s/\s|^\s*(?:Skip to|Jump to|Go to|Перейти к)\b", re.IGNORECASE)
# A label of the article's kind printed above the title ("Original article", "Научная статья").
_ARTICLE_KIND = re.compile(
    r"^\s*(?:(?:original|research|review|scientific|short)\s+(?:research\s+)?(?:article|paper|communication)"
    r"|original\s+research|research\s+note|case\s+report|(?:научная|оригинальная|обзорная)\s+статья"
    # a news or blog site's rubric above the headline
    r"|(?:guest|blog)\s+(?:post|column)|opinion\s+(?:piece|column)|book\s+review|press\s+release)\s*$",
    re.IGNORECASE,
)
_REFERENCES_HEADING = re.compile(
    r"^\s*(?:References|Reference list|Literature|Bibliography|Sources|Notes|Список литературы|"
    r"Список использованных источников|Список источников|Библиографический список|Литература|Источники)\s*:?\s*$",
    re.IGNORECASE,
)
# The heading of a section that lists each institution above its authors' names (publisher pages).
_AUTHORS_INFORMATION_HEADING = re.compile(
    r"^\s*(?:(?:Information|Details) (?:about|on) the authors?|About the authors?|Authors?['’]? information|Author details"
    r"|Сведения об авторах|Информация об авторах|Об авторах)\s*:?\s*$", re.IGNORECASE)
# The heading of a list of other people's names a page prints near the article (the journal's editorial board, an
# editor's, reviewer's or translator's role alone on its line, the contents of an issue or a proceedings section,
# lists of other articles with their authors): the lines under it are no byline.
_LISTING_HEADING = re.compile(
    r"^\s*(?:Editorial (?:board|council|team)|Editorial advisory board|International editorial board|Contents|"
    r"Table of contents|In this issue|Read (?:also|more)|See also|Related(?: articles| posts| stories)?|"
    r"Recommended(?: articles| reading)?|More from (?:this|the) author|(?:Other articles|Also) by (?:this|the) author|"
    r"Читайте также|Похожие (?:статьи|публикации)|Статьи по теме|Другие статьи(?: автора| выпуска)?|"
    r"(?:(?:Scientific|Science|Handling|Section|Managing|Guest|Academic|Responsible)\s+)?(?:editors?|reviewers?)|"
    r"Editor-in-chief|Translators?|Translated by|Scientific (?:supervisor|adviser|advisor)|Научный (?:редактор|руководитель)|"
    r"(?:Главный|Ответственный|Выпускающий) редактор|Рецензент(?:ы)?|Переводчик|"
    r"Редакционная коллегия|Редакционный совет|Редколлегия|Состав редакции|"
    r"Содержание(?: (?:номера|выпуска|секции|сборника|тома))?(?: \(продолжение\))?|В (?:этом )?номере)\s*:?\s*$",
    re.IGNORECASE)
# An entry of a printed table of contents: names and a title, dot leaders and the page number.
_CONTENTS_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$")
# "Authors" alone as a section heading: an information block when its lines open with "Name — ..." (a dash, not
# the comma of a byline list below a bare label).
_AUTHORS_HEADING = re.compile(r"^\s*(?:Authors?|Авторы|Об авторе)\s*:?\s*$", re.IGNORECASE)
_KEYWORDS_LINE = re.compile(r"^\s*(?:Keywords|Key words|Ключевые слова)\s*[:.—–-]", re.IGNORECASE)
_AFFILIATIONS_HEADING = re.compile(r"^\s*(?:Authors? and affiliations|Affiliations)\s*:?\s*$", re.IGNORECASE)
_NUMBERED_ENTRY = re.compile(r"[ \t]*(?:\[(?P<bracketed>\d{1,3})\]|(?P<number>\d{1,3})\s*[.)])[ \t]*(?=\S)")
_ACCESS_DATE = re.compile(
    r"\b(?:date of (?:treatment|access|accessed|reference|application|circulation|appeal|request|the request|viewing)"
    r"|access(?:ed)?(?: on| date)?|retrieved(?: on)?|viewed(?: on)?|last visited"
    r"|дата обращения|дата доступа|дата просмотра|просмотрено|обращено)\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # an access date is a day
# A history label right before its date anywhere on a line ("Article received 12.01.2020", "published online 2021").
_HISTORY_DATE = re.compile(
    rf"(?i)\b(?:received|accepted|revised|published(?: online)?|поступила(?: в редакцию)?|принята(?: к печати)?"
    rf"|опубликована)\s*:?\s*(?:on\s+)?(?:\d{{1,2}}[./ ]|{_YEAR}|[^\W\d_]+\s\d{{1,2}},?\s{_YEAR})")
_AFFILIATION_WORDS = re.compile(
    r"(?:University|Institute|Academy|College|School|Centre|Center|Hospital|Clinic|Station|Observatory|Museum|Library|Garden"
    r"|Universidad|Universidade|Université|Universität|Universiti|Universitas|Università|Instituto|Institut|Istituto"
    r"|[Уу]ниверситет|[Ии]нститут|[Аа]кадемия|[Кк]олледж|[Цц]ентр|[Бб]ольница|[Кк]линика|[Сс]танци|[Оо]бсерватори|[Мм]узе[йя]"
    # a nature reserve (a research body in Russia) and a mill or factory (a company), as whole words
    r"|\b(?:Reserve|Zapovednik|Mill|Factory)\b|[Зз]аповедник)",
)

# "School of Geography, Karoo Highlands University": a school of a discipline before its university is a unit of it,
# like a faculty.
_SCHOOL_OF = re.compile(r"\s*(?:Graduate\s+)?School\s+of\b")
_UNIVERSITY_WORD = re.compile(r"University|Universidad|Universidade|Université|Universität|Universiti|Universitas|Università"
                              r"|[Уу]ниверситет")


_WORDLIKE = re.compile(r"[^\W\d_]{3}")
# A position before its institution in one field ("Senior Fellow at the Onega Institute", "Lecturer with the X").
_POSITION_AT = re.compile(
    r"[^,;()]*?\b(?:Fellow|Researcher|Professor|Lecturer|Analyst|Director|Head|Scientist|Associate|Assistant|Student"
    r"|Candidate|Chief|Expert|Editor|Adviser|Advisor|Consultant)\b[^,;()]*?\s(?:at|with)\s+(?:the\s+)?(?=[A-Z])")
# A unit inside an institution, which is no institution itself (layout conventions).
_UNIT = re.compile(r"\s*(?:Department|Dept\.|Chair|Faculty|Laboratory|Division|Sector|(?:Graduate\s+)?School)\s+of\b")
# In an author note: "at the X Institute", "with Orr & Berg LLP".
_NOTE_INSTITUTION = re.compile(r"\b(?:at|of|with|for)\s+(?:the\s+)?(?P<org>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and|for|&))*)")
_NOTE_NAME = r"[A-ZА-ЯЁ][\w'’-]*\.?(?:[ \t]+[A-ZА-ЯЁ][\w'’-]*\.?){1,3}"  # a full name opening a note about the author
# The header cells of an author table ("Автор | Организация") and the labels of its contact cells.
_AUTHOR_COLUMN = re.compile(r"\s*(?:Авторы?|Authors?)\s*$", re.IGNORECASE)
_AFFILIATION_COLUMN = re.compile(r"\s*(?:Организация|Место работы|Аффилиация|Affiliation|Organi[sz]ation|Institution)\s*$",
                                 re.IGNORECASE)
_CONTACT_CELL = re.compile(r"\s*(?:E-?mail|Эл\.\s*почта|ORCID(?:\s?iD)?)\s*:?\s*$", re.IGNORECASE)
_COMPANY_WORDS = re.compile(r"\b(?:LLP|LLC|Ltd|Inc|Partners|Company|Corporation|Bank|Foundation|Agency|Bureau|Chambers|Firm)\b")
_AUTHOR_WORD = re.compile(r"(?i)\bauthors?\b|\bавтор")
# A numbered affiliation line ("¹Tomsk State University", "2 Institute of ...", "(1) ...", "[2] ..."), or one marked
# by a letter before a capital ("a Kazan Institute of ...", "ᵇVolga University", and "aAltai Institute ..." where PDF
# text lost the superscript's space: a letter glued to a capitalised word) or by a star run ("** Fjord ...").
_AFFILIATION_LINE = re.compile(
    rf"\s*(?:[(\[]?([1-9¹²³⁴⁵⁶⁷⁸⁹])[\s.)\]]*|([a-h])(?:[ \t.)]+|(?=[A-ZА-ЯЁ][a-zа-яё]))(?=[A-ZА-ЯЁ])"
    rf"|([ᵃᵇᶜᵈᵉᶠᵍʰ])\s*|([{SYMBOLS}]+)\s*)(?=[^\W\d_])")
# Institutions named one after another, apart by semicolons, each without a place or address.
_INSTITUTION_LIST = re.compile(
    rf"\s*[^;,()]*{_AFFILIATION_WORDS.pattern}[^;,()]*(?:;\s*[^;,()]*{_AFFILIATION_WORDS.pattern}[^;,()]*)+[\s.]*")
# The gap between two columns of PDF text printed side by side (merged line by line).
_COLUMN_GAP = re.compile(r"\S[ \t]{3,}\S")
# A label before a line of institutions ("Affiliations:", "Место работы:").
_AFFILIATION_LABEL = re.compile(r"\s*(?:Affiliations?|Место работы|Организаци[яи]|Аффилиаци[яи])\s*:\s*", re.IGNORECASE)
# Institutions each followed by the names of its authors in brackets, separated by semicolons.
_NAMED_PARTS = re.compile(r"\s*[^;()]+\([^()]+\)(?:\s*;\s*[^;()]+\([^()]+\))+[\s.]*")
# The start of the next numbered institution on the same line ("...; ²Volga Delta Company", "; ᵇ Volga ..."): after a semicolon.
_NEXT_NUMBERED = re.compile(r";(?=\s*(?:[¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰ]|\d)\s?(?![ᵃᵇᶜᵈᵉᶠᵍʰ])[^\W\d_])")
# A line of ORCID iDs and e-mails alone, each after its label at most ("ORCID iD: https://orcid.org/0000-...",
# "E-mail: name@host; ✉ other@host").
_ITEM_LABEL = r"(?:[^\W\d_][\w.\- ]{0,20}:|✉)?\s*(?:(?:https?://)?(?:www\.)?orcid\.org/|mailto:)?"
_ITEMS_LINE = re.compile(rf"(?:\s*{_ITEM_LABEL}(?:{ORCID.pattern}|{EMAIL.pattern})[\s.,;|]*)+")
# The footnote symbols after the star (bylines.SYMBOLS): they point to a note, an institution, as digits do; the star
# marks the corresponding author.
_FOOTNOTE_SYMBOLS = "†‡§‖¶"
# An ORCID iD with the author's marker run into it ("²0000-0002-1825-0097" printed as "20000-..." from HTML <sup>).
_MARKED_ORCID = re.compile(r"(?<![\w-])[1-9¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰ](\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?![\w-])")
# The marker printed right before an item ("¹name@host", "²*name@host", "2 0000-0002-...").
# A labelled list of bare items ("ORCID: iD; iD", "E-mail: a@x, b@y"), no name among them: the items are the authors'
# in the printed order, whatever names the line prints before the label.
_BARE_ITEM_LIST = re.compile(r"(?i:\b(?:orcid(?:\s?ids?)?|e-?mails?)\s*:\s*)((?:\S+\s*[;,]\s*)+\S+?)\.?\s*$")
_ATTACHED_MARKER = re.compile(rf"(?:(?:(?<![\w.+-])\d|[¹²³⁴⁵⁶⁷⁸⁹]+|[ᵃᵇᶜᵈᵉᶠᵍʰ]+)[{SYMBOLS}]?|[{SYMBOLS}])[ \t]?$")


# An aggregator's author label after the heading of its abstract, on one line ("Аннотация научной статьи по
# экономике, автор научной работы — Name"): the names start after the comma.
_INLINE_AUTHOR_LABEL = re.compile(r",\s*(?=(?i:авторы? научной работы)\s*[—–-])")

# A record field that states the title (a repository's or catalogue's card).
_TITLE_LABEL = re.compile(r"^\s*(?:Заглавие|Название статьи|Название|Title|Article title)\s*:\s*", re.IGNORECASE)


def _without_title_label(title: str) -> str:
    """A title line that carries its record label ("Заглавие: Title") gives the value, not the label."""
    label = _TITLE_LABEL.match(title)
    return title[label.end():].strip() if label and title[label.end():].strip() else title
# A catalogue record's field that names the source or the publisher ("Журнал: ...", "Издатель: ...") is no
# author's affiliation, though its value may hold an institution's word.
_RECORD_FIELD_NOT_AFFILIATION = re.compile(
    r"^\s*(?:Журнал|Издание|Источник|Издатель|Издательство|Серия|Коллекция|Располагается в коллекциях"
    # a staff-publications card's list of the university's employees or units ("Сотрудники университета: ...")
    r"|Сотрудники[^:\n]{0,30}|Подразделени[яе]|Staff[^:\n]{0,30}|Departments"
    r"|Journal|Source|Publisher|Series|Collection|Collections)\s*:", re.IGNORECASE)


def _pointing_markers(markers: list[str], numbered: dict[str, Any]) -> list[str]:
    """The author's markers that point to numbered affiliation lines: its digits and letters ("1,2*" -> 1, 2); else
    the longest run of symbols that numbers one ("**" -> the "**" line, when the lines are marked with stars)."""
    digits = [m for m in markers if m.isalnum() and m in numbered]
    if digits or any(m.isalnum() for m in markers):
        return digits
    symbols = sorted((m for m in markers if m in numbered), key=len, reverse=True)
    return symbols[:1]


def _marker_digits(marker: str) -> str:
    return marker.translate(SUPERSCRIPTS)


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def orcid_checksum_valid(orcid: str) -> bool:
    """ISO 7064 MOD 11-2 check digit of an ORCID iD ("0000-0002-1825-0097")."""
    digits = orcid.replace("-", "").upper()
    if len(digits) != 16 or not digits[:15].isdigit():
        return False
    total = 0
    for char in digits[:15]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    return digits[15] == ("X" if result == 10 else str(result))


def first_url(text: str) -> str | None:
    match = URL.search(text)
    if not match:
        return None
    url = match.group(0)
    while url and url[-1] in _URL_TRAILING:
        # Keep a closing bracket that closes one opened inside the URL.
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url or None


def access_date(text: str, lang: str = "en") -> str | None:
    """The access date of a reference entry ("(date of treatment 11/27/2020)")
    as its value: the date written right after the wording."""
    for match in _ACCESS_DATE.finditer(text):
        tail = re.split(r"[)\]\n]", text[match.end():], maxsplit=1)[0]
        dates = find_dates(tail, lang)
        value = dates[0].value if dates and dates[0].start == 0 else normalise_date(tail.strip(" .;,"), lang)
        if value and _FULL_DATE.fullmatch(value):
            return value
    return None


def _lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    lines = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        line_end = stop - 1 if stop > position and text[stop - 1] == "\r" else stop  # a CRLF line end is no part of the line
        lines.append(Line(position, line_end, text[position:line_end]))
        position = stop + 1
    return lines


def _is_prose(line: Line) -> bool:
    """A paragraph of running text: many words, mostly in lower case (an
    affiliation line is long too, but made of capitalised names)."""
    stripped = line.text.strip()
    if ORCID.search(stripped) or EMAIL.search(stripped) or _PAGE_FURNITURE.search(stripped):
        return False
    words = [w for w in stripped.split() if w[:1].isalpha()]
    if not words or sum(w[0].isupper() for w in words) * 2 > len(words):
        return False
    if not (line.words >= 20 or (line.words >= 10 and stripped[-1:] in ".!?…" and len(stripped) > 80)):
        return False
    # A source line that opens with the volume's or journal's name ("Water of the Volga Basin: proceedings of ...
    # conference (Samara, ...). – Samara: Press, 2023. – 212 p.") is long and in lower case, but no paragraph.
    # GOST parts its areas with ". – " (more than one) or "//"; a lone " - " is prose's dash or a tokenised hyphen.
    if not (len(re.findall(r"\.\s[–—-]\s", stripped)) >= 2 or re.search(r"(?<!:)//", stripped)):
        return True
    source = read_statement(stripped)
    return not (source and source.journal and source.journal[0] <= 2 and (source.year or source.volume or source.issue))


def _journal_match(line: str) -> dict[str, Any] | None:
    for pattern in (_CATALOGUE_LINE, _VOLUME_LINE):
        match = pattern.search(line)
        if not match:
            continue
        groups = match.groupdict()
        year = groups.get("year") or groups.get("year1") or groups.get("year2")
        if year is None:
            found = re.search(rf"\b{_YEAR}\b", line)
            year = found.group(0) if found else None
        label = _SOURCE_LABEL.match(match.group("journal"))
        journal_start = match.start("journal") + (label.end() if label else 0)
        journal = line[journal_start:match.end("journal")].strip(" .,-–—")
        if not journal:
            continue
        return {
            "journal": journal,
            "journal_span": (journal_start, journal_start + len(line[journal_start:match.end("journal")].rstrip(" .,-–—"))),
            "year": int(year) if year else None,
            "issue": groups["issue"],
        }
    return None


def is_citation_line(line: str) -> bool:
    """A short line that cites the article's source ("Journal. - 2021. - № 1", "Journal, Vol. 5, No. 2, 2019"),
    not a reference entry (numbered, or GOST "Title // Journal") nor a sentence that mentions a number."""
    return (len(line.split()) <= CITATION_MAX_WORDS and "//" not in line and not _NUMBERED_ENTRY.match(line)
            and _journal_match(line) is not None)


def is_reference_entry(line: str) -> bool:
    """A numbered entry of a reference list: "1. Author. Title. City, 2019." with a year or a URL."""
    return bool(_NUMBERED_ENTRY.match(line)) and bool(URL.search(line) or re.search(rf"\b{_YEAR}\b", line))


def is_references_heading(line: str) -> bool:
    return bool(_REFERENCES_HEADING.match(line))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged where they overlap, in order (each line of the page read once)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# What may follow a byline's last name: its markers (digits, superscript digits and letters, footnote symbols) and
# separators.
_AFTER_LAST_NAME = " ,;.0123456789¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉᶠᵍʰ" + SYMBOLS
# A record field's short label at a line's start ("Uploaded: ", "Дата публикации: ").
_FIELD_LABEL_START = re.compile(r"\s*[^\W\d_][\w ]{0,30}:\s*")


def _title_like(line: Line) -> bool:
    text = line.text.strip()
    if not (8 <= len(text) <= 300) or len(text.split()) < 2 or not re.search(r"[^\W\d_]{3}", text):
        return False
    if text.endswith((".", ",", ";")) or _NOT_TITLE_START.match(text) or _ARTICLE_KIND.match(text) or FIELD_LABEL.match(text):
        return False
    if ORCID.search(text) or EMAIL.search(text) or URL.search(text) or _journal_match(text) or _PAGE_FURNITURE.search(text):
        return False
    if is_dublin_core_row(text):  # "dc.date.issued 2019": a repository record's row
        return False
    if is_edition_line(text) or is_date_line(text):  # a site's edition line ("Amur Review — English edition"), a date
        return False
    label = _FIELD_LABEL_START.match(text)
    if label and is_date_line(text[label.end():]):  # a record's dated field ("Uploaded: 17.08.2022", "Обновлено: 3 мая 2021")
        return False
    from textmine.stages.segment import _is_site_furniture_line  # here: the segmenter imports this module
    if _is_site_furniture_line(text):  # the site's words only: "Share   Print   Download PDF", "Make a Submission"
        return False
    if _HISTORY_DATE.search(text):  # "Article received 2020; published online 2021": the article's history
        return False
    statement = read_statement(text, 0, RANK_LINE)  # a running header or a source line, not a title
    if statement and (statement.volume or statement.issue or statement.journal):
        return False
    return not read_byline(text, 0, len(text))


_CYRILLIC_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
})
# Spellings that the usual romanisations of Russian names write differently ("Khabibullin"/"Habibullin",
# "Yulia"/"Iuliia", "Alexei"/"Aleksei"), folded to one form on both sides.
_ROMANISATION_VARIANTS = (("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("x", "ks"), ("ts", "c"), ("tz", "c"),
                          ("j", "i"), ("y", "i"), ("'", ""), ("’", ""), ("ii", "i"),
                          ("iu", "u"), ("ia", "a"), ("ie", "e"), ("io", "o"))


def name_key(word: str) -> str:
    """A name word in a form that its Cyrillic printing and its usual romanisations share
    ("Кузнецова" and "Kuznetsova" -> "kuznecova"), for finding an author's name printed in the other script."""
    key = word.casefold().translate(_CYRILLIC_TO_LATIN)
    for variant, common in _ROMANISATION_VARIANTS:
        key = key.replace(variant, common)
    return key


def _name_words(name: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", name)}


def _same_person(earlier: str, later: str) -> bool:
    """A later printing of an author already found ("A. P. Koval – Candidate of Sciences" after "ANNA P. KOVAL"):
    the later name's words (not initials) are all in the earlier one."""
    words = _name_words(later)
    return bool(words) and words <= _name_words(earlier)


def _same_in_any_script(one: str, other: str) -> bool:
    """Two printings of one name, in either script and either fullness ("Сапаров Ержан Бахытович",
    "Nurlanova A.S." / "E. B. Saparov", "Aigerim S. Nurlanova"): the words of one are all among the other's."""
    first, second = ({name_key(w) for w in re.findall(r"[^\W\d_]{3,}", name)} for name in (one, other))
    return bool(first and second) and (first <= second or second <= first)


def _title_run(lines: list[Line], candidates: set[int], anchor: int) -> list[int]:
    """The adjacent candidate lines around ``anchor``; of two lines with the same words (a title printed in
    capitals and in mixed case) only the one in mixed case."""
    first = last = anchor
    while first - 1 in candidates:
        first -= 1
    while last + 1 in candidates:
        last += 1
    run = list(range(first, last + 1))
    # a record's "Title:" field starts the title: the lines above it are the record's heading, not the title's start
    labelled = [i for i in run[1:] if _TITLE_LABEL.match(lines[i].text)]
    if labelled and labelled[0] <= anchor:
        run = run[run.index(labelled[0]):]
    # a name with every word capitalised right above the anchor's line in sentence case (a series', a site's or a
    # rubric's name printed with no blank line before the title: "Ural Forestry Preprints" / "Beaver dams and ..."),
    # is not the title's first line; a title's first line that runs on ("Arctic Shipping:" / "Costs and ...") is
    first_line, second_line = lines[run[0]].text.strip(), lines[run[1]].text.strip() if len(run) > 1 else ""
    if (run[0] < anchor and _title_case(first_line) and not first_line.isupper() and not first_line.endswith((":", "—", "–", "-", ","))
            and second_line[:1].isupper() and not _title_case(second_line)):
        run = run[1:]
    keys = [" ".join(lines[i].text.split()).casefold() for i in run]
    if len(run) == 2 and keys[0] == keys[1]:
        return [run[1]] if lines[run[0]].text.strip().isupper() else [run[0]]
    return run


def _after_field_label(text: str, start: int) -> bool:
    """The line at ``start`` holds the value of a record field labelled alone on the line before it
    ("Ключевые слова:" then the keywords), which is never the title."""
    before = text[max(0, start - 200):start].rstrip()
    previous = before[before.rfind("\n") + 1:].strip()
    # A label is a word or three ("Год:", "Ключевые слова:"); a longer line ending in a colon is a title's first part.
    return bool(re.fullmatch(r"[^\W\d_]\w*(?: \w+){0,2}:", previous)) and len(previous) <= 30


def _after_author_label(text: str, start: int) -> bool:
    """The line before the one at ``start`` is an author label alone ("Авторы:", "Authors:")."""
    before = text[max(0, start - 200):start].rstrip()
    previous = before[before.rfind("\n") + 1:]
    label = AUTHOR_LABEL.match(previous)
    return bool(label) and not previous[label.end():].strip()


def _under_listing_heading(text: str, line_start: int) -> bool:
    """The line at ``line_start`` belongs to the run of lines right under a listing heading (an editorial board, a
    role, contents, related articles: ``_LISTING_HEADING``) alone on its line, the run unbroken by a blank line or
    with one blank line between the heading and the run, whatever segment the heading was put in. Where no blank
    line closes the listing (a page printed without them), a rule ("────"), a paragraph of running text or a line
    citing the source closes it: the article's header below them is no listing's."""
    above = text[:line_start].split("\n")[:-1]
    while above and above[-1].strip() and not _LISTING_HEADING.match(above[-1]):
        line = above.pop()
        if not any(c.isalnum() for c in line) or _is_prose(Line(0, len(line), line)) or is_citation_line(line.strip()):
            return False
    if above and not above[-1].strip():
        above.pop()
    return bool(above) and bool(_LISTING_HEADING.match(above[-1]))


def _has_label(text: str) -> bool:
    """A "Label: value" line of a record ("Тип: статья", "Язык: английский")."""
    return bool(re.match(r"\s*[^\W\d_][\w ]{0,30}:(?:\s|$)", text))


def _spans_inside(entities: Iterable[Entity], start: int, end: int, label: str) -> list[Entity]:
    return sorted((e for e in entities if e.label == label and start <= e.start and e.end <= end), key=lambda e: e.start)


@dataclass
class _Affiliation:
    line: Line
    number: str | None  # the affiliation's number, when the authors point to it by one
    start: int  # the institution field
    end: int
    place: tuple[int, int] | None  # the address fields after it on the line


@dataclass
class _Author:
    name: str
    start: int
    end: int
    entity: Entity | None
    affiliation: _Affiliation | None = None
    markers: list[str] = dataclass_field(default_factory=list)  # affiliation and corresponding-author markers ("1", "*")
    record_field: bool = False  # named by an author label of a record ("автор научной работы —"), not an author line
    institution: tuple[int, int] | None = None  # the name's own institution printed right after it (Name.institution)


def _fields(line: Line, skip: int) -> list[tuple[int, int, str]]:
    """(start, end, separator after it) of the line's fields after ``skip`` characters:
    text between commas, semicolons and brackets, without e-mail addresses, URLs, ORCIDs or a final period."""
    fields = []
    for match in re.finditer(r"[^,;()]+", line.text[skip:]):
        raw = match.group(0)
        stripped = raw.strip().rstrip(".").strip()
        if not stripped or EMAIL.search(stripped) or URL.search(stripped) or ORCID.search(stripped):
            continue
        start = line.start + skip + match.start() + raw.index(stripped)
        after = line.text[skip + match.end(): skip + match.end() + 1]
        fields.append((start, start + len(stripped), after))
    return fields


_NAME_PARTICLES = frozenset("of the and for in on at named after by de la von van и им имени при "
                            "des du del della di da do dos das los las le les y e für".split())


def _name_like(text: str) -> bool:
    """Written as a name: every word capitalised, save particles ("University of International Business")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text)]
    if words and _script(words[0][0]) == "CYRILLIC":
        # Russian names capitalise the first word only ("Пермогорский государственный университет").
        return words[0][0].isupper()
    return bool(words) and all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words)


def _short_name(text: str) -> bool:
    """One to three capitalised words: a city the gazetteer does not know ("Lund")."""
    words = text.split()
    return 1 <= len(words) <= 3 and _name_like(text)


@lru_cache(maxsize=8192)  # per character, for every letter it is asked about: the Unicode name lookup is the cost
def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


class MetadataExtractor:
    """Extracts the metadata of one document (see the module docstring); after :meth:`extract`, ``assignment``
    holds each author's affiliation spans (:meth:`_assignment`)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        articles = list(doc.iter_segments(role="article"))
        # A bilingual article opens with its Russian title and authors, then gives the English ones: the English
        # part is the article's header (the project reads English articles).
        english = [segment for segment in articles if segment.lang == "en"]
        self.article_start = (english or articles)[0].start if articles else 0
        self.article_end = articles[-1].end if articles else len(doc.text)
        self.has_segments = bool(articles)
        self.lang = articles[0].lang if articles else "en"
        self.html_meta: dict[str, list[str]] = (doc.source.get("html") or {}).get("meta") or {}
        self.journal_entity_id: str | None = None
        self.dublin_core = dublin_core_rows(self.text)  # a repository's "full item record", if the page prints one
        self.news_piece = False  # the page names no journal and is a news piece (its outlet is the journal)
        article_letters = [c for c in self.text[self.article_start:self.article_end] if c.isalpha()]
        scripts = [_script(c) for c in article_letters]
        self.script = max(set(scripts), key=scripts.count) if scripts else "LATIN"
        card_title = self._english_title_over_card(articles) if articles and not english else None
        if card_title is not None:
            # A library card read as Russian throughout (its interface, names and institutions outweigh the one
            # English line): the English title above the card's fields opens the article, in its script.
            self.article_start, self.lang = card_title.start, "en"
            self.script = _script(next(c for c in card_title.text if c.isalpha()))

    def _header_above_article(self, keep_blank: bool = False) -> list[Line]:
        """The run of lines right above the article, up to a labelled, furniture or prose line, from its first
        title-like line in the article's script on (the article's title and author block); [] when it has none.
        ``keep_blank`` keeps the blank lines between them (HTML blocks: a rubric above the title is no part of it)."""
        run: list[Line] = []
        for line in reversed(_lines(self.text, 0, self.article_start)):
            text = line.text.strip()
            if not text:
                if keep_blank and run:
                    run.insert(0, line)
                continue
            if not run and _PAGE_FURNITURE.search(text) and not _is_prose(line):
                continue  # a share row between the byline and the text ("Share: VK · Telegram · E-mail")
            contact = bool(ORCID.search(text) or EMAIL.search(text))  # "Name¹ ORCID: iD": the block's, not a record's
            dated = opens_with_date(text)  # a news piece's "17 June 2023, 09:40 · Updated 18 June 2023"
            if ((_has_label(text) and not contact) or (_PAGE_FURNITURE.search(text) and not dated) or _is_prose(line)
                    or is_citation_line(text)):
                break
            run.insert(0, line)
        title = next((i for i, line in enumerate(run) if _title_like(line) and self._in_article_script(line.text)), None)
        return run[title:] if title is not None else []

    def _opens_with_position(self, header: list[Line]) -> bool:
        """The header's first line is an author's degree or position ("Ph.D. in Political Science, Senior Research
        Fellow, Institute ...", "Associate Professor at the X Institute") and no line of it is a byline: the name
        it belongs to stands above the article."""
        first = next((line for line in header if line.text.strip()), None)
        if first is None or not (DEGREE.match(first.text.strip()) or _POSITION_AT.match(first.text.strip())):
            return False
        return not any(self._byline(header, i) for i in range(len(header)))

    def _opens_with_author_block(self, header: list[Line]) -> bool:
        """The header's first line is a byline or a numbered affiliation ("1 Astrakhan Medical Academy, Astrakhan"):
        an article never opens with one, its title (and names) stand above it."""
        first = next((index for index, line in enumerate(header) if line.text.strip()), None)
        if first is None:
            return False
        affiliation = self._affiliation_line(header[first])
        return (affiliation is not None and affiliation.number is not None) or bool(self._byline(header, first))

    def _english_title_over_card(self, articles: list[Segment]) -> Line | None:
        """The first line of an English segment standing before the end of an article read in another language,
        when it is title-like and the article's lines below it state the card's record fields (the project reads
        English articles: on a library card the English title is the article's, its Russian fields the card's). The
        card's lines run on to the end of the article's last paragraph, which the segmenter may have cut in two."""
        blank = self.text.find("\n\n", max(articles[-1].end - 2, 0))
        card_end = max(articles[-1].end, blank if blank >= 0 else len(self.text))
        for segment in self.doc.segments:
            if segment.lang != "en" or segment.start >= articles[-1].end:
                continue
            first = next((line for line in _lines(self.text, segment.start, segment.end) if line.text.strip()), None)
            below = _lines(self.text, segment.end, card_end)
            if first is not None and _title_like(first) and any(FIELD_LABEL.match(line.text) for line in below):
                return first
        return None

    def extract(self) -> dict[str, Any]:
        lines = _lines(self.text, self.article_start, self.article_end)
        body_index = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
        if self.has_segments and (body_index == 0 or self._opens_with_position(lines[:body_index])
                                  or self._opens_with_author_block(lines[:body_index])):
            # The article opens with its running text, with its byline or affiliation lines, or with an author's
            # position line below a name the segmenter left to the page (an analysis site's author card): its
            # title (and author block) were read as the page's (short name lines between Russian institution lines,
            # names with their iDs under a breadcrumb, a title under a list of recommended articles); they are the
            # lines right above it.
            above = self._header_above_article(keep_blank=body_index > 0 or bool(self.doc.source.get("html")))
            lines, body_index = above + lines, body_index + len(above)
        header = lines[:body_index]
        metadata: dict[str, Any] = {key: None for key in METADATA_KEYS}
        metadata.update(self._journal(header, self.article_end))
        self.journal_entity_id = metadata["journal_entity"]
        affiliations = self._affiliations(header)
        title_lines = self._title_lines(header, affiliations, metadata["journal"])
        title_span = (header[title_lines[0]].start, header[title_lines[-1]].end) if title_lines else (0, 0)
        authors = self._authors([line for line in header if not title_span[0] <= line.start < title_span[1]], affiliations)
        if title_lines and any(a.start >= title_span[1] for a in authors):
            # Names above the title are a sidebar's or a board's (the page's lists before the article) when the
            # title has a byline below it; an author block printed only above the title stays.
            authors = [a for a in authors if a.start >= title_span[1]]
        metadata["title"] = (_without_title_label(self._quoted(" ".join(header[i].text.strip() for i in title_lines)))
                             or self._labelled_title()
                             or self._wrapper_title() or self._meta("citation_title"))
        if metadata["title"] is None:
            metadata["title"] = self._page_title_in_text()
        metadata["title"] = self._mixed_case_printing(self._dublin_core_value("dc.title") or metadata["title"])
        below_title = next((line for line in header[title_lines[-1] + 1:] if line.text.strip()), None) if title_lines else None
        if metadata["year"] is None and self.news_piece and below_title is not None and is_date_line(below_title.text):
            # a news piece without a dated byline: the date line alone right under its title
            metadata["year"] = int(re.search(rf"(?<!\d){_YEAR}(?!\d)", below_title.text).group(0))
        if metadata["year"] is None and self.news_piece and title_lines:
            # or the first line under the title and its author card that opens with a date ("April 12, 2023
            # Reading time: 7 min", "14.04.2022" below the author's position line)
            for line in header[title_lines[-1] + 1:]:
                year = leading_date_year(line.text)
                if year:
                    metadata["year"] = int(line.text[year[0]:year[1]])
                    break
        block_end = header[-1].end if header else self.article_start
        if not authors or all(a.record_field for a in authors):
            # An aggregator prints the abstract first and the full text below it, with its own title and author
            # block; that block's byline names the authors over the record's field above the abstract.
            block = self._later_author_block(lines, body_index)
            block_affiliations = self._affiliations(block) if block else []
            block_authors = self._authors(block, block_affiliations) if block else []
            if block and (block_authors or not authors):
                authors = block_authors
                affiliations = sorted(affiliations + block_affiliations, key=lambda aff: aff.start)
                block_end = block[-1].end
                # The block's own title, when its words are not the header's (a proceedings volume's front matter
                # above the paper): the header's title was the volume's.
                own_title = self._title_above(lines, block[0]) if authors else None
                header_title = " ".join((metadata["title"] or "").casefold().split())
                if own_title and (not header_title or header_title not in " ".join(own_title.casefold().split())):
                    metadata["title"] = self._mixed_case_printing(own_title)
        if not authors:
            # A library card whose article part is the title alone: the card's unlabelled author line right below it.
            block = self._card_author_block()
            if block:
                block_affiliations = self._affiliations(block)
                authors = self._authors(block, block_affiliations)
                affiliations = sorted(affiliations + block_affiliations, key=lambda aff: aff.start)
                block_end = block[-1].end
        if not authors:
            # No byline in the article's header (its author block printed only in Russian above the English title):
            # the article's closing "Information about the authors" block, one author per line.
            block = self._authors_information_block(lines, body_index)
            if block:
                block_affiliations = self._affiliations(block)
                authors = self._information_block_authors(block)
                affiliations = sorted(affiliations + block_affiliations, key=lambda aff: aff.start)
                block_end = block[-1].end
        if not authors:
            # No author block in the article: the wrapper's record field ("Автор: ...", "Авторы:"), read over the
            # page above the article whatever role a short value line was given (a record's names alone in a cell).
            # A record whose field rows the segmenter left in the article (an HTML <dl> under the title: "Authors" /
            # "Surname, Given; ...") is read in the article's header too.
            record = [line for segment in self.doc.segments if segment.end <= self.article_start
                      for line in _lines(self.text, segment.start, segment.end) if line.text.strip()]
            in_article = [line for line in header if line.text.strip() and line.start >= self.article_start]
            if in_article:  # with the table's next rows, which tell a label cell from a word alone
                record += in_article + [line for line in _lines(self.text, in_article[-1].end + 1) if line.text.strip()][:2]
            authors = self._record_authors(record)
            if authors:
                # A record's institution lines come after its author field; one above it is the site's masthead.
                affiliations = sorted(affiliations + [aff for aff in map(self._affiliation_line, record)
                                                      if aff and aff.start > authors[0].start], key=lambda aff: aff.start)
                block_end = max(block_end, record[-1].end)
        if not authors:
            # A table of the authors anywhere on the page (a journal site's sidebar): an "Автор | Организация" header
            # row above each author's row of name and institution.
            authors, table_end = self._author_table()
            block_end = max(block_end, table_end)
        if not authors and metadata["title"]:
            # No author block and no record field: the names that open the article's own citation line
            # ("For citation: Surname I.I., Surname I. <title>. Journal. 2020 ...").
            authors = self._citation_line_authors(metadata["title"])
        dublin_core_authors = self._dublin_core_authors()
        if dublin_core_authors:  # a repository record: its author rows, which no layout guess overrides
            authors, affiliations = dublin_core_authors, []
        metadata["authors"] = self._author_records(authors, affiliations, block_end) or self._meta_authors()
        self.assignment = self._assignment(authors, affiliations)
        metadata.update(self._affiliation_place(authors, affiliations, header))
        metadata["references"] = self._references(lines[body_index:])
        return metadata

    # -- title ---------------------------------------------------------------

    def _title_lines(self, header: list[Line], affiliations: list[_Affiliation], journal: str | None) -> list[int]:
        """Indices (into header) of the title's lines: the run of adjacent
        title-like lines around the page's main heading (HTML h1), else the
        one nearest above the first byline in the article's script, else the
        first one. Author and affiliation lines, the journal's name and lines
        mostly in another script than the article's are not the title."""
        affiliation_lines = {aff.line.start for aff in affiliations}
        journal_key = " ".join((journal or "").split()).casefold()
        author_lines = {i for i in range(len(header)) if self._byline(header, i) or ORCID.search(header[i].text)}
        field_values = {i for i, line in enumerate(header) if _after_field_label(self.text, line.start)}
        candidates = {
            i for i, line in enumerate(header)
            if _title_like(line) and i not in author_lines and i not in field_values and line.start not in affiliation_lines
            and self._in_article_script(line.text) and " ".join(line.text.split()).casefold() != journal_key
        }
        if not candidates:
            return []
        headings = [i for i in sorted(candidates) if self._block_tag(header[i]) == "h1"]
        author_line = min((i for i in author_lines if self._in_article_script(header[i].text)), default=None)
        above = [i for i in candidates if author_line is not None and i < author_line]
        anchor = headings[0] if headings else max(above) if above else min(candidates)
        return _title_run(header, candidates, anchor)

    def _dublin_core_value(self, name: str) -> str | None:
        """The first value of a Dublin Core field in the article's script (a Russian ``dc.title`` of an English
        article is a translation)."""
        return next((" ".join(self.text[start:end].split()) for field_name, start, end in self.dublin_core
                     if field_name == name and self._in_article_script(self.text[start:end])), None)

    def _dublin_core_authors(self) -> list[_Author]:
        """The names of the record's ``dc.contributor.author`` (or ``dc.creator``) rows in the article's script."""
        authors = []
        for field_name, start, end in self.dublin_core:
            if field_name in ("dc.contributor.author", "dc.creator") and self._in_article_script(self.text[start:end]):
                person = next((e for e in self.doc.entities if e.label == "PERSON" and e.start < end and start < e.end), None)
                authors.append(_Author(self.text[start:end], start, end, person, record_field=True))
        return authors

    def _page_title_in_text(self) -> str | None:
        """The HTML <title> (or its part before the site's name, "Title - Site") when the text prints it as a line:
        the element alone states nothing."""
        page_title = (self.doc.source.get("html") or {}).get("title") or ""
        printed = {" ".join(line.text.split()) for line in _lines(self.text)}
        for part in [page_title] + re.split(r"\s[-–—|]\s", page_title):
            part = " ".join(part.split())
            if part and part in printed:
                return part
        return None

    def _mixed_case_printing(self, title: str | None) -> str | None:
        """A title printed in capitals gives way to the same words printed in mixed case elsewhere on the page
        (a "For citation" line): the layout conventions prefer mixed case when the words are the same."""
        if not title or not _is_capitals(title):
            return title
        words = title.split()
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(self.text):
            if not _is_capitals(match.group(0)) and any(c.isupper() for c in match.group(0)):
                return " ".join(match.group(0).split())
        return title

    def _labelled_title(self) -> str | None:
        """A title the wrapper's record gives under a title label ("Заглавие: Title", "Title: ..."), in the
        article's script."""
        for segment in self.doc.iter_segments(role="wrapper"):
            if segment.end > self.article_start:
                continue
            for line in _lines(self.text, segment.start, segment.end):
                label = _TITLE_LABEL.match(line.text)
                value = line.text[label.end():].strip().rstrip(".") if label else ""
                if value and self._in_article_script(value):
                    return " ".join(value.split())
        return None

    def _wrapper_title(self) -> str | None:
        """A title printed only by the wrapper above the article (a catalogue card): the last run of title-like
        lines there, one printing when it is printed twice (mixed case over capitals)."""
        lines = [line for segment in self.doc.iter_segments(role="wrapper") if segment.end <= self.article_start
                 for line in _lines(self.text, segment.start, segment.end) if line.text.strip()]
        candidates = {i for i, line in enumerate(lines) if _title_like(line) and not self._is_author_line(line)
                      and self._in_article_script(line.text) and not _has_label(line.text)
                      and not _after_field_label(self.text, line.start) and self._affiliation_line(line) is None}
        if not candidates:
            return None
        return self._quoted(" ".join(lines[i].text.strip() for i in _title_run(lines, candidates, max(candidates))))

    def _quoted(self, title: str) -> str:
        """The title inside «» when the words around the quotes are in another script
        ("Текст научной статьи на тему «Title»")."""
        quoted = re.fullmatch(r"(?P<before>[^«]*)«(?P<title>[^»]+)»(?P<after>[^«»]*)", title)
        if quoted and self._in_article_script(quoted.group("title")):
            around = (quoted.group("before") + quoted.group("after")).strip(" .:—-")
            if around and not self._in_article_script(around):
                return quoted.group("title").strip()
        return title

    def _in_article_script(self, text: str) -> bool:
        """Most of the line's letters are in the article's script (a Russian rubric is not an English article's title)."""
        letters = [char for char in text if char.isalpha()]
        return bool(letters) and sum(_script(char) == self.script for char in letters) * 2 > len(letters)

    def _block_tag(self, line: Line) -> str | None:
        """The HTML element that holds the line (h1, p, li, ...), for HTML input."""
        for block in self.doc.annotations.get("html_blocks") or []:
            if block["start"] <= line.start < block["end"]:
                return block.get("tag")
        return None

    # -- journal ---------------------------------------------------------------

    def _journal(self, header: list[Line], body_end: int) -> dict[str, Any]:
        """Journal, year, volume and issue from the page's source statements (see
        :mod:`textmine.stages.metadata.sources`): the wrapper and the article's header
        are read, the article's body only for its citation lines; then the HTML
        citation meta tags fill what the text does not state."""
        header_end = header[-1].end if header else self.article_start
        # The wrapper, and whatever precedes the English article (a bilingual article's Russian header and
        # running header: "Вестник ... 2019. № 3 (43)" above the Russian authors).
        regions = [(s.start, s.end) for s in self.doc.segments if s.role == "wrapper" or s.end <= self.article_start]
        regions = _union(regions + [(self.article_start, header_end)]) if self.has_segments else [(0, header_end)]
        body = (header_end, body_end) if body_end > header_end else None
        statements = find_statements(self.text, regions, body, below_from=max(body_end, header_end))
        statements += dublin_core_statements(self.text, self.dublin_core)
        # Of equally ranked statements, one naming the journal in the article's language comes first (a Russian
        # "Для цитирования" line and an English "For citation" line: the article's own printing).
        statements.sort(key=lambda s: (s.rank, bool(s.journal) and not self._in_article_script(self.text[s.journal[0]:s.journal[1]])))
        chosen = choose_fields(statements, self.text)
        out: dict[str, Any] = {"journal": None, "journal_entity": None, "year": None, "volume": None, "issue": None}
        if chosen.journal and not self._in_article_script(self.text[slice(*self._part_in_article_script(*chosen.journal))]):
            # A translation gives way to the article's own printing of the name from another citation, field or
            # source line (a Russian "Как цитировать" line and an English "Journal:" field).
            chosen.journal = next((s.journal for s in statements if s.journal and s.rank <= RANK_LINE
                                   and self._in_article_script(self.text[slice(*s.journal)])), chosen.journal)
        if chosen.journal:
            start, end = self._part_in_article_script(*chosen.journal)
            out["journal"] = " ".join(self.text[start:end].split())
            entity = next((e for e in self.doc.entities if e.label == "ORG" and start <= e.start and e.end <= end), None)
            out["journal_entity"] = entity.id if entity else None
        if chosen.year:
            out["year"] = int(self.text[chosen.year[0]:chosen.year[1]])
        for name in ("volume", "issue"):
            span = getattr(chosen, name)
            out[name] = self.text[span[0]:span[1]] if span else None
        if out["journal"] is None and self._meta("citation_journal_title"):
            out["journal"] = self._meta("citation_journal_title")
            out["journal_entity"] = self._entity_named(out["journal"], "ORG")
        all_lines = [(line.start, line.text) for line in _lines(self.text)]
        if out["journal"] is None and (any(is_news_byline(line) for _, line in all_lines) or english_edition(all_lines)
                                       or bilingual_masthead(all_lines)):
            # A news piece names no journal: its outlet is the site (named by its English edition, or by its byline).
            outlet = outlet_name(self.text, [(line.start, line.text) for line in _lines(self.text)])
            out["journal"] = " ".join(self.text[outlet[0]:outlet[1]].split()) if outlet else None
            self.news_piece = True
        if out["journal"] is None:
            # Last: the journal's own copyright line ("© Journal of Lake Studies, 2024"); a site's is not a journal.
            named = outlet_name(self.text, [(line.start, line.text) for line in _lines(self.text)])
            if named and _PERIODICAL_WORD.search(self.text, named[0], named[1]):
                out["journal"] = " ".join(self.text[named[0]:named[1]].split())
        if out["year"] is None:
            date = self._meta("citation_publication_date") or self._meta("citation_date") or self._meta("citation_year")
            found_year = re.search(rf"\b{_YEAR}\b", date or "")
            if found_year:
                out["year"] = int(found_year.group(0))
        for name in ("volume", "issue"):
            if out[name] is None and self._meta(f"citation_{name}"):
                out[name] = self._meta(f"citation_{name}")
        return out

    def _part_in_article_script(self, start: int, end: int) -> tuple[int, int]:
        """Of a name printed in two languages ("Аграрный вестник Поволжья / Agrarian Bulletin of the Volga
        Region", "Хабаршысы — Bulletin of X"), the part in the article's script; the span unchanged otherwise."""
        # the printings are parted by a slash, a bar or a spaced dash ("Хабаршысы — Bulletin of X University")
        cuts = [m.span() for m in re.finditer(r"[/|]|\s[—–](?=\s)", self.text[start:end])]
        bounds = zip([0] + [cut_end for _, cut_end in cuts], [cut_start for cut_start, _ in cuts] + [end - start])
        parts = [(start + s, start + e) for s, e in bounds]
        parts = [(s + len(self.text[s:e]) - len(self.text[s:e].lstrip()), s + len(self.text[s:e].rstrip())) for s, e in parts]
        if len(parts) == 2 and all(_WORDLIKE.search(self.text, s, e) for s, e in parts):
            mine = [part for part in parts if self._in_article_script(self.text[part[0]:part[1]])]
            if len(mine) == 1:
                return mine[0]
        return start, end

    # -- authors ---------------------------------------------------------------

    def _affiliations(self, lines: list[Line]) -> list[_Affiliation]:
        """The affiliations of the lines; a line of several numbered institutions ("¹Caspian Institute, Astrakhan;
        ²Delta Company, Kamyzyak") gives one per number."""
        found = []
        for line in lines:
            if name_run_into_institution(self.text, line.start, line.end):
                continue  # "Kaliti TavolaUniversity of ...": an author line that carries its institution
            label = _AFFILIATION_LABEL.match(line.text)
            if label:  # "Affiliations: Orel Agrarian University (V. E. Pronin); ...": the institutions after the label
                line = Line(line.start + label.end(), line.end, line.text[label.end():])
            parts = [line]
            if _INSTITUTION_LIST.fullmatch(line.text):
                # "Samara Institute of X; Tolyatti Hydrological Station": one institution per part (per author, in order)
                parts = [Line(line.start + m.start(), line.start + m.end(), m.group(0)) for m in re.finditer(r"[^;]+", line.text)]
            elif _COLUMN_GAP.search(line.text.strip()):
                # columns side by side ("Tomsk Institute of Forestry <spaces> Kemerovo Centre"): one part per column
                parts = [Line(line.start + m.start(), line.start + m.end(), m.group(0))
                         for m in re.finditer(r"\S+(?:[ \t]{1,2}\S+)*", line.text)]
            elif _NAMED_PARTS.fullmatch(line.text):
                # "Institution (I. I. Surname); Institution (I. I. Surname)": one per author named in its brackets
                parts = [Line(line.start + m.start(), line.start + m.end(), m.group(0)) for m in re.finditer(r"[^;]+", line.text)]
            elif _AFFILIATION_LINE.match(line.text):
                cuts = [m.end() for m in _NEXT_NUMBERED.finditer(line.text)]
                bounds = list(zip([0] + cuts, [cut - 1 for cut in cuts] + [len(line.text)]))
                parts = [Line(line.start + s, line.start + e, line.text[s:e]) for s, e in bounds]
            found += [aff for aff in map(self._affiliation_line, parts) if aff is not None]
        return found

    def _affiliation_line(self, line: Line) -> _Affiliation | None:
        """The line as an affiliation: its institution field and the address fields after it.

        The line is cut into fields at commas, semicolons and brackets; the
        address is the run of fields at the end that name places (the last a
        known place: a LOC mention or a gazetteer entry, the ones before it
        may be short capitalised names); the institution is the last field
        before the address that has an institution word or an ORG mention and
        is written as a name. A line is an affiliation when it has an
        institution word, an address or an affiliation number.
        """
        if _RECORD_FIELD_NOT_AFFILIATION.match(line.text):
            return None
        marker = _AFFILIATION_LINE.match(line.text)
        skip = marker.end() if marker else 0
        # "Закамский аграрный университет, ... / Trans-Kama Agrarian University, ...": the printing in the article's script
        part = self._part_in_article_script(line.start + skip, line.end)
        if part != (line.start + skip, line.end):
            fields = _fields(Line(part[0], part[1], self.text[part[0]:part[1]]), 0)
        else:
            fields = _fields(line, skip)
        if not fields:
            return None
        place_from = len(fields)
        while place_from > 0:
            start, end, separator = fields[place_from - 1]
            last = place_from == len(fields)
            if not last and separator != ",":
                break
            unknown_city = not last and _short_name(self.text[start:end]) and not self._is_institution(start, end)
            if not (self._is_known_place(start, end) or unknown_city):
                break
            place_from -= 1
        # The first field with an institution's word (a department before it is not one); else the last ORG.
        institution = next((f for i, f in enumerate(fields[:place_from]) if _AFFILIATION_WORDS.search(self.text, f[0], f[1])
                            and _name_like(self.text[f[0]:f[1]]) and not (
                                _SCHOOL_OF.match(self.text, f[0], f[1])
                                and any(_UNIVERSITY_WORD.search(self.text, g[0], g[1]) for g in fields[i + 1:place_from]))), None)
        institution = institution or next((f for f in reversed(fields[:place_from]) if self._is_institution(f[0], f[1])), None)
        if institution is None:
            return None
        named = name_at(self.text, institution[0], institution[1], allow_weak=False, first=True)
        dash = named and re.compile(r"[ \t]+[–—-][ \t]+").match(self.text, named.end, institution[1])
        if dash:  # "Viktoria N. Grebenyuk – Krasnodar Institute of ...": the author's line; the institution after the dash
            institution = (dash.end(), institution[1], institution[2])
        elif named and named.shape == "gis" and _AFFILIATION_WORDS.search(self.text, named.end, institution[1]):
            # "Artur R. Ilyasov Siberian Institute of ...": an author list item whose name and affiliation elements
            # were joined by a space; the institution after the name ("Given I. Surname" only: an eponym is printed
            # with initials first, "A. N. Kosygin Russian State University")
            run_on = re.match(r"[ \t]+(?=[A-ZА-ЯЁ])", self.text[named.end:institution[1]])
            if run_on:
                institution = (named.end + run_on.end(), institution[1], institution[2])
        position = _POSITION_AT.match(self.text, institution[0], institution[1])
        if position:  # "Senior Fellow at the Onega Institute": the institution after the position
            institution = (position.end(), institution[1], institution[2])
        inside = self._institution_of_unit(institution[0], institution[1])
        if inside is not None:  # "Department of Hydraulics of Samarkand Institute of Irrigation": the institution
            institution = (inside, institution[1], institution[2])
        has_word = bool(_AFFILIATION_WORDS.search(self.text, institution[0], institution[1])
                        or _COMPANY_WORDS.search(self.text, institution[0], institution[1]))
        if not (has_word or marker or place_from < len(fields)):
            return None
        places = fields[place_from:]
        return _Affiliation(
            line=line,
            number=_marker_digits(next(g for g in marker.groups() if g)) if marker else None,
            start=institution[0],
            end=institution[1],
            place=(places[0][0], places[-1][1]) if places else None,
        )

    def _institution_of_unit(self, start: int, end: int) -> int | None:
        """Where the institution starts in a unit's field that names it after "of" ("Department of Agrarian
        Economics of Fergana State Agrarian University", "Chair of History of the University of Tartu"): the last
        "of" whose rest holds an institution's word with no other "of" before that word; None for other fields."""
        unit = _UNIT.match(self.text, start, end)
        if not unit:
            return None
        for joint in reversed(list(re.finditer(r"\s(?:of|at)\s+(?:the\s+)?(?=[A-ZА-ЯЁ])", self.text[unit.end():end]))):
            rest_start = unit.end() + joint.end()
            word = _AFFILIATION_WORDS.search(self.text, rest_start, end)
            if word and not re.search(r"\sof\s", self.text[rest_start - 1:word.start()]):
                return rest_start
        return None

    def _is_institution(self, start: int, end: int) -> bool:
        text = self.text[start:end]
        # (a company is an institution too: "Sverdlovsk Regional Bank")
        named = _AFFILIATION_WORDS.search(text) or _COMPANY_WORDS.search(text) or any(
            e.label == "ORG" and e.id != self.journal_entity_id and start <= e.start and e.end <= end for e in self.doc.entities)
        return bool(named) and _name_like(text)

    def _is_known_place(self, start: int, end: int) -> bool:
        """A LOC mention (unless it carries an institution's word: "Grain Research Station" is an affiliation, whatever
        the NER says) or a place the gazetteer knows."""
        if any(e.label == "LOC" and e.start == start and e.end == end for e in self.doc.entities) and not (
                _AFFILIATION_WORDS.search(self.text, start, end)):
            return True
        return load_gazetteer().lookup(self.text[start:end], "LOC") is not None

    def _authors(self, lines: list[Line], affiliations: list[_Affiliation]) -> list[_Author]:
        """The names on the bylines among ``lines`` (see :mod:`textmine.stages.metadata.bylines`), each
        linked to the PERSON mention inside it; names inside an institution or an address are not
        authors, and when bylines are printed in two scripts (a bilingual article) those in the
        article's script are kept."""
        taken = [(aff.start, aff.end) for aff in affiliations] + [aff.place for aff in affiliations if aff.place]
        authors: list[_Author] = []
        for name in (n for line_index in range(len(lines)) for n in self._byline(lines, line_index)):
            # (a name read with its own institution after it, "Name — School of X, University", opens no affiliation)
            if any(s <= name.start and name.end <= e for s, e in taken) and name.institution is None:
                continue
            person = next((e for e in self.doc.entities if e.label == "PERSON" and e.start < name.end and name.start < e.end), None)
            author = _Author(name.text, name.start, name.end, person, markers=name.markers, record_field=name.record_field,
                             institution=name.institution)
            same = next((i for i, a in enumerate(authors) if _same_person(a.name, name.text)
                         or (a.record_field and not name.record_field and _same_in_any_script(a.name, name.text))), None)
            if same is None:
                authors.append(author)
            elif authors[same].record_field and not name.record_field:
                # The article's own author line over a record field that names the same person first
                # ("автор научной работы — Surname Given Patronymic", then "G. P. Surname" above the abstract).
                authors[same] = author
        authors.sort(key=lambda a: a.start)
        # Names in another script are a translation when printed on lines of their own; one byline that prints each
        # name in its own script ("ТОКТОГУЛОВА А.К.1, REYES QUISPE MARIA2") is one list.
        in_script_lines = {self._line_start(a.start) for a in authors if self._in_article_script(a.name)}
        in_script = [a for a in authors if self._in_article_script(a.name) or self._line_start(a.start) in in_script_lines]
        return in_script or authors

    def _author_table(self) -> tuple[list[_Author], int]:
        """The authors of a table whose header cells "Автор" / "Author" and "Организация" / "Affiliation" (one a line,
        as an HTML table's cells are read) stand above a name cell and its institution cell, each with the end of the
        table's last row (its e-mail and ORCID cells after the institution); ([], 0) when there is none."""
        cells = [line for line in _lines(self.text) if line.text.strip()]
        authors: list[_Author] = []
        end = 0
        for index in range(len(cells) - 3):
            if not (_AUTHOR_COLUMN.match(cells[index].text) and _AFFILIATION_COLUMN.match(cells[index + 1].text)):
                continue
            name_cell, institution_cell = cells[index + 2], cells[index + 3]
            names = read_byline(self.text, name_cell.start, name_cell.end, own_line=True, labelled=True)
            if len(names) != 1 or self._affiliation_line(institution_cell) is None:
                continue
            names[0].institution = (institution_cell.start, institution_cell.start + len(institution_cell.text.rstrip()))
            authors.append(_Author(names[0].text, names[0].start, names[0].end, None, institution=names[0].institution))
            end = institution_cell.end
            for cell in cells[index + 4:]:  # the row's contact cells: their labels and values
                if not (_CONTACT_CELL.match(cell.text) or EMAIL.search(cell.text) or ORCID.search(cell.text)):
                    break
                end = cell.end
        return authors, end

    def _citation_line_authors(self, title: str) -> list[_Author]:
        """The names between the label of a citation line and the article's title in it; [] when no labelled
        citation line cites the title. The title bounds the byline, so its first word is not read as a name's."""
        wanted = " ".join(title.split()).casefold()
        for line in _lines(self.text):
            label = CITATION_LABEL.match(line.text)
            if not label:
                continue
            # the title's start in the line, over its whitespace runs (a line may wrap a long title)
            match = re.search(r"\s+".join(map(re.escape, wanted.split())), line.text.casefold())
            if not match or not line.text[label.end():match.start()].strip():
                continue
            names = read_byline(self.text, line.start + label.end(), line.start + match.start())
            return [_Author(n.text, n.start, n.end, None, markers=n.markers) for n in names]
        return []

    def _line_start(self, position: int) -> int:
        return self.text.rfind("\n", 0, position) + 1

    def _later_author_block(self, lines: list[Line], body_index: int) -> list[Line]:
        """An author block below the article's first paragraph (the full text after an abstract, on an
        aggregator page): a line of names only, under a title-like line or the keywords line (the block
        printed after the abstract), with an affiliation, e-mail or ORCID right below; the block runs to the
        next paragraph. [] when there is none."""
        references = next((i for i in range(body_index, len(lines)) if _REFERENCES_HEADING.match(lines[i].text)), len(lines))
        filled = [i for i in range(body_index, references) if lines[i].text.strip()]
        for position, index in enumerate(filled[1:-1], start=1):
            above = lines[filled[position - 1]]
            if not (_title_like(above) or _KEYWORDS_LINE.match(above.text)) or not self._names_only(lines, index):
                continue
            # the byline may print one name a line: the block goes on below the last of its name lines
            last = position
            while last + 2 < len(filled) and self._names_only(lines, filled[last + 1]):
                last += 1
            below = lines[filled[last + 1]]
            if self._affiliation_line(below) is not None or EMAIL.search(below.text) or ORCID.search(below.text):
                end = next((i for i in filled if i > index and _is_prose(lines[i])), references)
                return [line for line in lines[index:end] if line.text.strip()]
        return []

    def _names_only(self, lines: list[Line], index: int) -> bool:
        """lines[index] holds names and nothing else but their markers, none of them a record field's value."""
        if _is_prose(lines[index]):
            return False
        names = self._byline(lines, index)
        rest = self.text[names[-1].end:lines[index].end].strip(_AFTER_LAST_NAME) if names else None
        return bool(names) and not rest and not any(n.record_field for n in names)

    def _title_above(self, lines: list[Line], first: Line) -> str | None:
        """The run of title-like lines in the article's script right above ``first`` (past blank lines), or None."""
        index = next(i for i, line in enumerate(lines) if line.start == first.start)
        run: list[Line] = []
        for line in reversed(lines[:index]):
            if not line.text.strip() and not run:
                continue
            if not (line.text.strip() and _title_like(line) and self._in_article_script(line.text)):
                break
            run.insert(0, line)
        return " ".join(line.text.strip() for line in run) or None

    def _authors_information_block(self, lines: list[Line], body_index: int) -> list[Line]:
        """The lines of an "Information about the authors" / "Сведения об авторах" section after the header: the
        run of lines under the heading that each open with a name ("Name — position, Institution; e-mail: ...");
        [] when there is none."""
        heading = next((i for i in range(body_index, len(lines)) if _AUTHORS_INFORMATION_HEADING.match(lines[i].text)
                        or _AUTHORS_HEADING.match(lines[i].text)), None)
        if heading is None:
            return []
        dashed = not _AUTHORS_INFORMATION_HEADING.match(lines[heading].text)
        block = []
        for line in lines[heading + 1:]:
            if not line.text.strip():
                continue
            name = self._information_line_name(line)
            if not name or (dashed and not re.match(r"\s*[—–-]", self.text[name.end:line.end])):
                break
            block.append(line)
        return block

    def _information_line_name(self, line: Line) -> Name | None:
        """The name an information line opens with, followed by a dash or a comma ("Name — Cand. Sci., ...")."""
        names = self._opening_names(line)
        return names[0] if names and re.match(r"\s*[,—–-]", self.text[names[0].end:line.end]) else None

    def _opening_names(self, line: Line) -> list[Name]:
        """The names of the line read as a byline, when the first opens the line (after its indent); else []."""
        indent = len(line.text) - len(line.text.lstrip())
        names = read_byline(self.text, line.start + indent, line.end, own_line=True)
        return names if names and names[0].start == line.start + indent else []

    def _information_block_authors(self, block: list[Line]) -> list[_Author]:
        """The authors an information block names, one per line, in its order."""
        authors = []
        for line in block:
            name = self._information_line_name(line)
            if name and not any(_same_person(a.name, name.text) for a in authors):
                person = next((e for e in self.doc.entities if e.label == "PERSON" and e.start < name.end and name.start < e.end), None)
                authors.append(_Author(name.text, name.start, name.end, person))
        return authors

    def _card_author_block(self) -> list[Line]:
        """The author block a library card prints right below the title when the article part is the title
        alone: the first lines after it, bylines whose names all carry affiliation markers (the names on one line or
        one a line), with the numbered institution lines below them; [] when there is none."""
        lines = [line for line in _lines(self.text, self.article_end, len(self.text)) if line.text.strip()]
        block: list[Line] = []
        for index, line in enumerate(lines):
            names = None if _has_label(line.text) else self._byline(lines, index)
            if not names or not all(name.markers for name in names):
                break
            block.append(line)
        if not block:
            return []
        for line in lines[len(block):]:
            affiliation = self._affiliation_line(line)
            if affiliation is None or affiliation.number is None:
                break
            block.append(line)
        return block

    def _record_authors(self, lines: list[Line]) -> list[_Author]:
        """Names after an author label of a record: on the label's line or, for a label alone, on the next."""
        authors: list[_Author] = []
        rows = [(line.start, line.text) for line in lines]
        for index, line in enumerate(lines):
            dated = DATED_BYLINE.match(line.text)
            if dated and not authors:  # "Commentary | 14.04.2022 | Name": the page's byline above the title
                names = read_byline(self.text, line.start + dated.start("name"), line.start + dated.end("name"), own_line=True)
                authors += [_Author(n.text, n.start, n.end, None, markers=n.markers) for n in names]
                continue
            label = AUTHOR_LABEL.match(line.text)
            if not label and bare_record_label(rows, index) in ("авторы", "автор", "authors", "author"):
                # A record table's "Авторы" cell above its value, without a colon: the names on the next line.
                following = next(other for other in lines[index + 1:] if other.text.strip())
                names = read_byline(self.text, following.start, following.end, labelled=True)
                authors += [_Author(n.text, n.start, n.end, None, markers=n.markers) for n in names
                            if not any(a.name == n.text for a in authors)]
                continue
            inline = None if label else _INLINE_AUTHOR_LABEL.search(line.text)
            if inline:  # "Аннотация научной статьи по экономике, автор научной работы — Name, Name"
                names = read_byline(self.text, line.start + inline.end(), line.end)
                authors += [_Author(n.text, n.start, n.end, None, markers=n.markers) for n in names
                            if not any(a.name == n.text for a in authors)]
                continue
            if not label or BY_LINE.match(line.text):
                continue
            if line.text[label.end():].strip():
                names = read_byline(self.text, line.start, line.end)
            else:  # the label alone: the names on the lines below it, one or more
                names = []
                for following in lines[index + 1:]:
                    found = read_byline(self.text, following.start, following.end, labelled=True)
                    if not found:
                        break
                    names += found
            authors += [_Author(n.text, n.start, n.end, None, markers=n.markers) for n in names
                        if not any(a.name == n.text for a in authors)]
        return authors

    def _byline(self, lines: list[Line], index: int) -> list[Name]:
        """The names on lines[index] (read on into the next line when a name is cut by the break)."""
        line = lines[index]
        if _after_field_label(self.text, line.start) and not _after_author_label(self.text, line.start):
            return []  # the value of a label alone on the line above ("ЖУРНАЛ:" / "POLAR OCEAN GOVERNANCE")
        if _CONTENTS_ENTRY.search(line.text) or _under_listing_heading(self.text, line.start):
            return []  # a board member, an editor, a contents entry or another article's author: not this article's
        following = [other for other in lines[index + 1:index + 3] if other.text.strip()]
        end = join_broken_name(self.text, line.start, line.end, following[0].start, following[0].end) if following else line.end
        # A line of only two-word names is a byline when the author block goes on below it (an affiliation,
        # an e-mail or an ORCID) or when the NER takes it for a person.
        own_line = bool(following) and (self._affiliation_line(following[0]) is not None or bool(
            EMAIL.search(following[0].text) or ORCID.search(following[0].text)))
        own_line = own_line or any(e.label == "PERSON" and e.start == line.start + len(line.text) - len(line.text.lstrip())
                                   for e in self.doc.entities)
        # "KARIMOVA Leila" above "Candidate of Economic Sciences, Associate Professor, ...": a position line below.
        own_line = own_line or (bool(following) and bool(DEGREE.match(following[0].text.strip())))
        # "Oksana Lebedeva" above "14 апреля 2022": a news piece's byline above its date line
        own_line = own_line or (bool(following) and is_date_line(following[0].text))
        names = read_byline(self.text, line.start, end, own_line)
        # An inverted name alone on its line has the shape of a place line ("Almaty, Kazakhstan"): not when the part
        # after the comma is a place (a surname may be a town's name too: "Borisov, Nikolai").
        # A given name that is a town's too ("LI, Sofia (Nakhodka Shipping Company)") stands when the name carries its
        # institution in brackets and the part before the comma is no place.
        if any(n.shape == "inv" and self._place_after_comma(n) and not (n.institution and not self._place_after_comma(n, before=True))
               for n in names):
            return []
        return names

    def _place_after_comma(self, name: Name, before: bool = False) -> bool:
        """The part of an inverted name after its comma (``before``: before it) is a place the gazetteer knows (the
        NER's LOC is no evidence here: it reads both parts of the "X, Y" shape as places)."""
        comma = self.text.index(",", name.start, name.end)
        part = self.text[name.start:comma] if before else self.text[comma + 1:name.end]
        return load_gazetteer().lookup(part.strip(), "LOC") is not None

    def _is_author_line(self, line: Line) -> bool:
        return bool(read_byline(self.text, line.start, line.end)) or bool(ORCID.search(line.text))

    def _author_records(self, authors: list[_Author], affiliations: list[_Affiliation], block_end: int) -> list[dict[str, Any]]:
        if not authors:
            return []
        zones = [(a.end, authors[i + 1].start if i + 1 < len(authors) else block_end) for i, a in enumerate(authors)]
        found_orcids = [(m.start(1), m.group(1).upper()) for pattern in (ORCID, _MARKED_ORCID)
                        for m in pattern.finditer(self.text, authors[0].end, block_end)
                        if orcid_checksum_valid(m.group(1))]
        found_emails = [(m.start(), m.group(0).rstrip(".")) for m in EMAIL.finditer(self.text, authors[0].end, block_end)]
        found_emails += self._contact_emails(block_end)
        orcids = self._owned(authors, zones, found_orcids)
        emails = self._owned(authors, zones, found_emails)
        emails = [self._strip_marker(email, author) if email else None for email, author in zip(emails, authors)]
        orcids, emails = self._fill_later_named(authors, orcids, emails, block_end)
        orcids, emails = self._fill_from_meta(authors, orcids, emails)
        in_order = self._institutions_in_order(authors, affiliations)
        columns = self._columns(authors)
        # An institution placed by layout: below the author's column, or the author's part of one institution line.
        placed: list[_Affiliation | None] = in_order or [None] * len(authors)
        if columns:  # an author block in columns: each author's items and institution are below the name
            orcids = self._by_column(columns, found_orcids, orcids)
            emails = self._by_column(columns, found_emails, emails)
            placed = [below or in_line for below, in_line in zip(
                self._by_column(columns, [(aff.start, aff) for aff in affiliations], [None] * len(authors)), placed)]
        numbered = {aff.number: aff for aff in affiliations if aff.number}
        footnotes = {} if numbered else self._footnote_affiliations(authors, block_end)
        # An affiliation printed above all the authors is shared too, unless they are a record's author field:
        # a record lists its fields after the label, and a line above it is the site's masthead.
        above = affiliations[0] if affiliations and not all(a.record_field for a in authors) else None
        shared = next((aff for aff in affiliations if aff.start >= authors[-1].end), above)
        listed = self._affiliations_section(authors, block_end)
        named = self._named_affiliations(authors, affiliations)
        records = []
        for index, (author, zone, orcid, email) in enumerate(zip(authors, zones, orcids, emails)):
            keys = _pointing_markers(author.markers, numbered)
            footnote = footnotes.get(next(iter(_pointing_markers(author.markers, footnotes)), None))
            if footnote is not None:  # the footnote's own e-mail and ORCID iD are the author's too
                orcid = orcid or next((m.group(1).upper() for m in ORCID.finditer(footnote.line.text)
                                       if orcid_checksum_valid(m.group(1))), None)
                email = email or next((m.group(0).rstrip(".") for m in EMAIL.finditer(footnote.line.text)), None)
            author.affiliation = (placed[index] or self._bracketed_affiliation(author) or (numbered[keys[0]] if keys else None)
                                  or footnote
                                  or named.get(index) or self._own_affiliation(author, zone, affiliations, numbered)
                                  or listed.get(author.start) or shared)
            affiliation = (author.affiliation or self._information_affiliation(authors, index, block_end)
                           or self._author_note(author, block_end))
            organisation = self._organisation_in(affiliation) if affiliation else None
            records.append({
                "name": author.name,
                "entity": author.entity.id if author.entity else None,
                "orcid": orcid,
                "email": email,
                "affiliation": " ".join(self.text[affiliation.start:affiliation.end].split()) if affiliation else None,
                "affiliation_entity": organisation.id if organisation else None,
            })
        return records

    def _named_affiliations(self, authors: list[_Author], affiliations: list[_Affiliation]) -> dict[int, _Affiliation]:
        """Affiliation lines that name one author before the institution ("Lola T. Yuldasheva — Senior Researcher,
        Zeravshan Water Research Centre"), by the author's index: the first such line per author."""
        named: dict[int, _Affiliation] = {}
        for affiliation in affiliations:
            prefix = self.text[affiliation.line.start:affiliation.start]
            owners = self._named_authors(authors, prefix) if prefix.strip() else []
            bracket = re.match(r"[^()]*\(([^()]+)\)[\s.;]*$", self.text[affiliation.end:affiliation.line.end])
            if not owners and bracket:  # "Orel Agrarian University (V. E. Pronin)": the author named after it
                owners = self._named_authors(authors, bracket.group(1))
            if len(owners) == 1:
                named.setdefault(owners[0], affiliation)
        return named

    def _affiliations_section(self, authors: list[_Author], block_end: int) -> dict[int, _Affiliation]:
        """Affiliations from an "Authors and Affiliations" section after the header, which prints each institution
        above the names of its authors ("University of X, City" / "A. Name & B. Name"), keyed by the author's start."""
        lines = [line for line in _lines(self.text, block_end, self.article_end) if line.text.strip()]
        heading = next((i for i, line in enumerate(lines) if _AFFILIATIONS_HEADING.match(line.text)), None)
        if heading is None:
            return {}
        listed: dict[int, _Affiliation] = {}
        current: _Affiliation | None = None
        for line in lines[heading + 1:]:
            names = read_byline(self.text, line.start, line.end, own_line=True)
            affiliation = None if names else self._affiliation_line(line)
            if affiliation is not None:
                current = affiliation
            elif names and current is not None:
                for name in names:
                    owner = next((a for a in authors if _same_person(a.name, name.text) or _same_person(name.text, a.name)), None)
                    if owner is not None:
                        listed.setdefault(owner.start, current)
            else:
                break  # the next heading or paragraph ends the section
        return listed

    def _information_affiliation(self, authors: list[_Author], index: int, block_end: int) -> _Affiliation | None:
        """The institution an "About the authors" / "Information about the authors" line after the header gives the
        author, for a byline that names none ("L. M. Surname" above): a line that opens with the author's name in
        any fullness or script, either followed by a dash or a comma and the institution ("Lyudmila M. Surname —
        degree, position, Institution, town; e-mail", "Name, Ph.D., Leading Research Fellow at the X Institute"),
        or alone on its line above the institution's line ("Name" / "Institution, Town"); never a reference entry."""
        lines = [line for line in _lines(self.text, block_end, len(self.text)) if line.text.strip()]
        keys = {name_key(word) for word in _name_words(authors[index].name)}
        for number, line in enumerate(lines):
            # (only lines that name the author are read as bylines: a long page has many lines)
            if not keys & {name_key(word) for word in _name_words(line.text[:120])}:
                continue
            # (a GOST reference's "//" before its source, not a URL's: "ORCID: https://orcid.org/...")
            if is_reference_entry(line.text) or "//" in URL.sub(" ", line.text) or self._opening_author(authors, line) != index:
                continue
            names = self._opening_names(line)
            if not names:
                continue
            rest = self.text[names[0].end:line.end]
            if not rest.strip(" .,") and len(names) == 1 and number + 1 < len(lines):
                found = self._affiliation_line(lines[number + 1])
            elif re.match(r"\s*[,—–-]", rest):
                found = next(iter(self._affiliations([Line(names[0].end, line.end, rest)])), None)
            else:
                continue
            if found is not None:
                return found
        return None

    def _author_note(self, author: _Author, block_end: int) -> _Affiliation | None:
        """The institution of a note about the author after the header ("NAME is a senior analyst at the
        Caspian Transport Institute in Aktau.", "NAME is a partner with Orr & Berg LLP"), as news pieces print it."""
        # the note may print in mixed case a name the byline prints in capitals ("BY ANNA LEE" / "Anna Lee is ..."),
        # space it otherwise (a non-breaking space, a line break: any whitespace between its words), or print in
        # full a name the byline gives with initials ("L. M. Orlova" / "Lidia M. Orlova is ...")
        name = r"\s+".join(re.escape(word) for word in author.name.split())
        sentence = re.compile(rf"(?:(?i:{name})|(?P<other>{_NOTE_NAME}))\s+(?:is|was|works|teaches|heads|leads)\b[^.\n]*")
        for note in sentence.finditer(self.text, block_end, self.article_end):
            if note.group("other") and not _same_in_any_script(author.name, note.group("other")):
                continue
            for place in _NOTE_INSTITUTION.finditer(self.text, note.start(), note.end()):
                org = re.sub(r"(?:\s+(?:of|the|and|for|&))+$", "", place.group("org"))
                if _AFFILIATION_WORDS.search(org) or _COMPANY_WORDS.search(org):
                    start = place.start("org")
                    line = Line(start, start + len(org), org)
                    return _Affiliation(line=line, number=None, start=start, end=start + len(org), place=None)
        return None

    def _footnote_affiliations(self, authors: list[_Author], block_end: int) -> dict[str, _Affiliation]:
        """Affiliations printed as the first page's footnotes, below the abstract and the start of the text ("¹ Arkhangelsk
        Maritime Academy, Arkhangelsk, Russia. E-mail: ... ORCID: ..."), by number, for authors whose markers the
        header's lines do not number: lines that open with a superscript digit or letter, a footnote symbol after the
        corresponding author's star ("ᵃ Arkhangelsk ...", "† Arkhangelsk ...") or a digit and a space (not a
        reference's "1." or "[1]"), before the reference list."""
        if not any(marker.isalnum() or marker in _FOOTNOTE_SYMBOLS for author in authors for marker in author.markers):
            return {}
        found: dict[str, _Affiliation] = {}
        for line in _lines(self.text, block_end, self.article_end):
            if _REFERENCES_HEADING.match(line.text):
                break
            if not re.match(rf"\s*(?:[¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰ{_FOOTNOTE_SYMBOLS}]|[1-9][ \t])", line.text):
                continue
            affiliation = self._affiliation_line(line)
            if affiliation is not None and affiliation.number:
                found.setdefault(affiliation.number, affiliation)
        return found

    def _bracketed_affiliation(self, author: _Author) -> _Affiliation | None:
        """The institution in brackets right after the author's name ("Marta Kowalczyk (University of Wroclaw)"):
        on a line of several such names, each author's own, not the line's first."""
        if author.institution is None:
            return None
        start, end = author.institution
        found = self._affiliation_line(Line(start, end, self.text[start:end]))
        company = re.match(r"[^,;]*", self.text[start:end]).group(0).rstrip()
        if found is None and _COMPANY_WORDS.search(company) and _name_like(company):
            # "(Nakhodka Shipping Company)": a company, which the bracket says is the author's institution
            found = _Affiliation(line=Line(start, end, self.text[start:end]), number=None, start=start,
                                 end=start + len(company), place=None)
        return found

    def _own_affiliation(self, author: _Author, zone: tuple[int, int], affiliations: list[_Affiliation],
                         numbered: dict[str, _Affiliation]) -> _Affiliation | None:
        """The affiliation the author's number points to ("Ivanov I.I.¹"), else the first one written in the author's zone."""
        keys = _pointing_markers(author.markers, numbered)
        if keys:  # "1,2": the first institution the author line names
            return numbered[keys[0]]
        return next((aff for aff in affiliations if zone[0] <= aff.start < zone[1]), None)

    def _organisation_in(self, affiliation: _Affiliation) -> Entity | None:
        return next((e for e in sorted(self.doc.entities, key=lambda e: e.start) if e.label == "ORG" and e.id != self.journal_entity_id
                     and affiliation.start <= e.start and e.end <= affiliation.end), None)

    def _institutions_in_order(self, authors: list[_Author], affiliations: list[_Affiliation]) -> list[_Affiliation]:
        """The institutions of the one line right after unmarked authors that names as many institutions as there
        are authors, apart by semicolons ("A (Samara), B (Tolyatti)" / "Samara Institute; Tolyatti Station"): one
        per author in order; [] otherwise."""
        if len(authors) < 2 or any(a.markers for a in authors):
            return []
        following = self.text.find("\n", authors[-1].end) + 1
        line_end = self.text.find("\n", following)
        line_end = len(self.text) if line_end < 0 else line_end
        if not following or not _INSTITUTION_LIST.fullmatch(self.text, following, line_end):
            return []
        parts = [aff for aff in affiliations if following <= aff.start < line_end]
        return parts if len(parts) == len(authors) else []

    def _columns(self, authors: list[_Author]) -> list[int]:
        """The column (characters from the line's start) of each author when the authors stand on one line in
        columns apart by wide gaps, as an author block printed side by side; [] otherwise."""
        if len(authors) < 2:
            return []
        line_start = self._line_start(authors[0].start)
        if any(self._line_start(a.start) != line_start for a in authors) or not all(
                re.fullmatch(r"[^\S\n]{3,}", self.text[a.end:b.start].lstrip("*¹²³⁴⁵⁶⁷⁸⁹0123456789,"))
                for a, b in zip(authors, authors[1:])):
            return []
        return [a.start - line_start for a in authors]

    def _by_column(self, columns: list[int], found: list[tuple[int, Any]], current: list[Any]) -> list[Any]:
        """Items (at their text positions) below the authors' names, each given to the author whose column it
        starts in (within two characters); the others keep ``current``."""
        mine = list(current)
        taken = [False] * len(columns)
        for position, value in sorted(found, key=lambda item: item[0]):
            column = position - self._line_start(position)
            near = [i for i, c in enumerate(columns) if abs(c - column) <= 2]
            if len(near) == 1 and not taken[near[0]]:
                mine[near[0]], taken[near[0]] = value, True
        return mine

    def _owned(self, authors: list[_Author], zones: list[tuple[int, int]], found: list[tuple[int, str]]) -> list[str | None]:
        """Each author's item (ORCID or e-mail): the one on a line that names the author ("Corresponding
        author: NAME, e-mail", "ORCID: Surname I. O. — iD; ..."), or marks it with the author's marker
        ("1 name@host", "* Corresponding author: ...", "1name@host"); the rest by position
        (:meth:`_per_author`)."""
        owned: list[str | None] = [None] * len(authors)
        rest = []
        for position, value in sorted(found):
            owner = self._owner(authors, position, value, taken=[item is not None for item in owned])
            if owner is not None and owned[owner] is None:
                owned[owner] = value
            elif owner is None:
                rest.append((position, value))
        by_position = self._per_author(zones, rest, [value is not None for value in owned])
        return [mine or (other if other not in owned else None) for mine, other in zip(owned, by_position)]

    def _owner(self, authors: list[_Author], position: int, value: str, named_only: bool = False,
               taken: list[bool] | None = None) -> int | None:
        """The author an item (ORCID or e-mail) at ``position`` belongs to by what its line says (see
        :meth:`_owned`); ``named_only``: only by a name on the line or by the mailbox (a line far from the
        author block, where markers and positions mean nothing)."""
        line_start = self.text.rfind("\n", 0, position) + 1
        line_end = self.text.find("\n", position)
        line_end = len(self.text) if line_end < 0 else line_end
        line = self.text[line_start:line_end]
        if any(a.start < line_end and line_start < a.end for a in authors):
            return None  # the byline itself: position decides
        bare_list = next((m for m in _BARE_ITEM_LIST.finditer(line) if m.start(1) <= position - line_start < m.end(1)), None)
        # (items with markers, "1a@x, 2b@y", go by their markers)
        if bare_list and all(ORCID.fullmatch(item) or (EMAIL.fullmatch(item) and item[0].isalpha())
                             for item in re.split(r"\s*[;,]\s*", bare_list.group(1))):
            return None  # its order decides
        part_start = line.rfind(";", 0, position - line_start) + 1
        part_end = line.find(";", position - line_start)
        part = line[part_start:part_end if part_end >= 0 else len(line)]
        bracket = re.match(r"\s*\(([^()]*)\)", self.text[position + len(value):line_end])  # "a@x (I. P. Sokolov)"
        for context in ((bracket.group(1),) if bracket else ()) + (part, line):
            named = self._named_authors(authors, context)
            if len(named) == 1:
                return named[0]
        # an iD printed as a URL is as far from its name as the URL's start ("Name https://orcid.org/iD, Name ...")
        offset = next((m.start() for m in URL.finditer(line) if m.start() <= position - line_start < m.end()), position - line_start)
        nearest = self._nearest_named(authors, line, offset)
        if nearest is not None:
            return nearest
        if named_only:
            return self._mailbox_owner(authors, value)
        if len(authors) == 1 and _AUTHOR_WORD.search(line):
            return 0  # "Contact the author: ..." of a one-author piece
        # The item's own marker ("1name@host", "²*name@host" on a line of several): the authors with all its symbols,
        # the first without an item yet when several share them (items listed in the authors' order); else the
        # line's marker ("* e-mail: ...") when it marks one author.
        # (a marker before an ORCID URL marks its iD: "¹ orcid.org/0000-...")
        before = re.sub(r"(?:https?://)?(?:www\.)?orcid\.org/$", "", line[:position - line_start], flags=re.IGNORECASE)
        own = re.match(r"\d(?=[^\W\d_])", value) or _ATTACHED_MARKER.search(before)
        if own:
            symbols = split_markers(own.group(0))
            marked = [i for i, a in enumerate(authors) if symbols and all(s in a.markers for s in symbols)]
            free = [i for i in marked if not (taken and taken[i])]
            if len(marked) == 1 or (marked and free and taken is not None):
                return (free or marked)[0]
        line_marker = re.match(rf"\s*([{SYMBOLS}¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰ]|\d(?!\d))", line)
        if line_marker:
            symbol = _marker_digits(line_marker.group(1))
            marked = [i for i, a in enumerate(authors) if symbol in a.markers]
            if len(marked) == 1:
                return marked[0]
        return self._mailbox_owner(authors, value)

    @staticmethod
    def _mailbox_owner(authors: list[_Author], value: str) -> int | None:
        """The one author whose surname (a name word of four letters or more, in either script) the
        e-mail's mailbox spells ("saparov.eb@..." is E. B. Saparov's); None for an ORCID or no single owner."""
        if "@" not in value:
            return None
        mailbox = value.split("@")[0].casefold()
        # Each part of the mailbox apart too, so that an initial does not run into the surname's romanisation
        # ("t.sadykov": "t" + "sadykov", not "tsadykov").
        keys = [name_key(part) for part in re.findall(r"[^\W\d_]+", mailbox)] + [name_key(re.sub(r"[\W\d_]", "", mailbox))]

        def spells(surname: str) -> bool:
            return surname.casefold() in mailbox or any(name_key(surname) in key for key in keys)

        owners = [i for i, a in enumerate(authors) if any(spells(word) for word in re.findall(r"[^\W\d_]{4,}", a.name))]
        return owners[0] if len(owners) == 1 else None

    @staticmethod
    def _named_authors(authors: list[_Author], context: str) -> list[int]:
        """Authors whose name's words (not initials) the context prints, without its e-mails, URLs and iDs;
        in either script ("Кузнецова Ольга Андреевна" names "O. A. Kuznetsova")."""
        context = URL.sub(" ", EMAIL.sub(" ", ORCID.sub(" ", context)))
        printed = {name_key(w) for w in re.findall(r"[^\W\d_][^\W\d_'’]*", context)}
        words = [{name_key(w) for w in re.findall(r"[^\W\d_][^\W\d_'’-]{2,}", a.name)} for a in authors]
        hits = [sum(w in printed for w in ws) for ws in words]
        best = max(hits, default=0)
        return [i for i, hit in enumerate(hits) if hit == best] if best else []

    @staticmethod
    def _nearest_named(authors: list[_Author], line: str, offset: int) -> int | None:
        """On a line that names several authors ("a@x (I. P. Sokolov), b@y (O. Zorin)"), the author named
        nearest to the item at ``offset`` (None on a tie or when no author is named)."""
        blanked = line
        for pattern in (EMAIL, URL, ORCID):
            blanked = pattern.sub(lambda m: " " * len(m.group(0)), blanked)
        distances = []
        for index, author in enumerate(authors):
            spots = [m.start() for w in _name_words(author.name) for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", blanked.casefold())]
            if spots:
                distances.append((min(abs(spot - offset) for spot in spots), index))
        distances.sort()
        if not distances or (len(distances) > 1 and distances[0][0] == distances[1][0]):
            return None
        return distances[0][1]

    def _contact_emails(self, block_end: int) -> list[tuple[int, str]]:
        """E-mails the article prints after its header on a line about its author ("Contact the author: ...")."""
        found = []
        for line in _lines(self.text, block_end, self.article_end):
            if _AUTHOR_WORD.search(line.text):
                found += [(line.start + m.start(), m.group(0).rstrip(".")) for m in EMAIL.finditer(line.text)]
        return found

    @staticmethod
    def _strip_marker(email: str, author: _Author) -> str:
        """"1name@host" after the author with marker 1 -> "name@host"."""
        marker = re.match(r"\d(?=[^\W\d_])", email)
        return email[1:] if marker and marker.group(0) in author.markers else email

    def _fill_later_named(self, authors: list[_Author], orcids: list[str | None], emails: list[str | None],
                          block_end: int) -> tuple[list[str | None], list[str | None]]:
        """ORCIDs and e-mails printed after the author block on a line that names the author (an "Author
        information" section, "Контактное лицо: NAME, e-mail: ...", an ORCID list at the end, the names in
        either script) or whose mailbox spells the author's surname; only for authors without one, never
        from a reference entry."""
        orcids, emails = list(orcids), list(emails)
        heading: int | None = None  # the author whose name opens the current paragraph
        for line in _lines(self.text, block_end, len(self.text)):
            if not line.text.strip():
                heading = None
                continue
            if is_reference_entry(line.text):
                continue
            opener = self._opening_author(authors, line)
            heading = opener if opener is not None else heading
            found = [(m.start(1), m.group(1).upper(), orcids) for m in ORCID.finditer(line.text) if orcid_checksum_valid(m.group(1))]
            found += [(m.start(), m.group(0).rstrip("."), emails) for m in EMAIL.finditer(line.text)]
            for offset, value, values in found:
                owner = self._owner(authors, line.start + offset, value, named_only=True)
                if owner is None and (_ITEMS_LINE.fullmatch(line.text) or (
                        opener is not None and not self._named_authors(authors, line.text))):
                    # "Name, degree, position" / "ORCID iD:" / "0000-..." : an item on the line that opens with the
                    # author's name, or alone on its line, belongs to the author whose name opens its paragraph (an
                    # item in a line of other words, a footer's "© 2024 Institute. press@host", is tied to no author)
                    owner = heading
                if owner is not None and values[owner] is None and value not in values:
                    values[owner] = value
        return orcids, emails

    def _opening_author(self, authors: list[_Author], line: Line) -> int | None:
        """The author whose name opens the line (after a marker), as in an information block's "Name, degree,
        position" line; None when the line opens with no author's name."""
        indent = len(line.text) - len(line.text.lstrip(" \t*¹²³⁴⁵⁶⁷⁸⁹0123456789"))
        names = read_byline(self.text, line.start + indent, line.end, own_line=True)
        if not names or names[0].start != line.start + indent:
            return None
        owners = [i for i, a in enumerate(authors) if _same_person(a.name, names[0].text) or _same_in_any_script(a.name, names[0].text)]
        return owners[0] if len(owners) == 1 else None

    def _fill_from_meta(self, authors: list[_Author], orcids: list[str | None], emails: list[str | None]):
        """ORCIDs and e-mails that only the HTML citation_author_* tags state, matched to the author by name."""
        names = self.html_meta.get("citation_author") or []
        meta_orcids = self.html_meta.get("citation_author_orcid") or []
        meta_emails = self.html_meta.get("citation_author_email") or []
        for i, name in enumerate(names):
            words = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", name)}
            match = next((k for k, a in enumerate(authors) if words and words <= {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", a.name)}), None)
            if match is None:
                continue
            orcid = ORCID.search(meta_orcids[i]) if i < len(meta_orcids) else None
            if orcids[match] is None and orcid and orcid_checksum_valid(orcid.group(1)):
                orcids[match] = orcid.group(1).upper()
            if emails[match] is None and i < len(meta_emails) and EMAIL.fullmatch(meta_emails[i].strip()):
                emails[match] = meta_emails[i].strip()
        return orcids, emails

    @staticmethod
    def _per_author(zones: list[tuple[int, int]], found: list[tuple[int, str]],
                    taken: list[bool] | None = None) -> list[str | None]:
        """Each author's item written in its zone; when the items stand together after the names (one per
        author, or one per author that has none yet: "Email: a@x; b@y" under a corresponding author's line),
        in order."""
        taken = taken or [False] * len(zones)
        per_zone = [[value for position, value in found if start <= position < end] for start, end in zones]
        if all(len(values) <= 1 for values in per_zone):
            return [values[0] if values else None for values in per_zone]
        if len(found) == len(zones):
            return [value for _, value in found]
        free = [i for i, done in enumerate(taken) if not done]
        if len(found) == len(free) and all(position >= zones[-1][0] for position, _ in found):
            ordered: list[str | None] = [None] * len(zones)
            for index, (_, value) in zip(free, found):
                ordered[index] = value
            return ordered
        return [values[0] if values else None for values in per_zone]

    def _affiliation_place(self, authors: list[_Author], affiliations: list[_Affiliation], header: list[Line]) -> dict[str, Any]:
        """The address of the first author's affiliation: the place fields after the
        institution, or the line of places right below it ("Almaty, Kazakhstan")."""
        affiliation = authors[0].affiliation if authors and authors[0].affiliation else (affiliations[0] if affiliations else None)
        if affiliation is None:
            return {"affiliation_place": None, "affiliation_place_entities": []}
        place = affiliation.place
        if place is None:
            following = [line for line in header if line.start > affiliation.line.start and line.text.strip()]
            if following:
                fields = _fields(following[0], 0)
                if fields and all(f[2] in (",", "") for f in fields[:-1]) and self._is_known_place(*fields[-1][:2]) and all(
                        self._is_known_place(s, e) or (_short_name(self.text[s:e]) and not self._is_institution(s, e))
                        for s, e, _ in fields):
                    place = (fields[0][0], fields[-1][1])
        if place is None:
            return {"affiliation_place": None, "affiliation_place_entities": []}
        return {
            "affiliation_place": self.text[place[0]:place[1]],
            "affiliation_place_entities": [e.id for e in _spans_inside(self.doc.entities, place[0], place[1], "LOC")],
        }

    # -- references ------------------------------------------------------------

    def _references(self, lines: list[Line]) -> list[dict[str, Any]]:
        heading = max((i for i, line in enumerate(lines) if _REFERENCES_HEADING.match(line.text)), default=None)
        runs: list[list[tuple[int, Line, re.Match]]] = []
        for line in lines:
            match = _NUMBERED_ENTRY.match(line.text)
            if not match:
                continue
            number = int(match.group("bracketed") or match.group("number"))
            if number == 1:
                runs.append([(number, line, match)])
            elif runs and number == runs[-1][-1][0] + 1:
                runs[-1].append((number, line, match))
        bibliographic = [run for run in runs if self._looks_bibliographic(run)]
        if heading is not None:
            heading_end = lines[heading].end
            after_heading = [run for run in bibliographic if run[0][1].start > heading_end]
            bibliographic = after_heading or bibliographic
        if not bibliographic:
            return []
        references = []
        for number, line, match in bibliographic[-1]:
            start = line.start + match.end()
            end = line.start + len(line.text.rstrip())
            entry = self.text[start:end]
            references.append({
                "number": number,
                "text": entry,
                "start": start,
                "end": end,
                "url": first_url(entry),
                "accessed": access_date(entry, self.lang),
            })
        return references

    @staticmethod
    def _looks_bibliographic(run: list[tuple[int, Line, re.Match]]) -> bool:
        with_evidence = sum(
            1 for _, line, _ in run if URL.search(line.text) or re.search(rf"\b{_YEAR}\b", line.text) or "//" in line.text
        )
        return with_evidence * 2 >= len(run)

    # -- HTML meta -------------------------------------------------------------

    def _meta(self, name: str) -> str | None:
        values = self.html_meta.get(name) or []
        return values[0] if values and values[0] else None

    def _entity_named(self, name: str, label: str) -> str | None:
        wanted = " ".join(name.split()).casefold()
        entity = next((e for e in self.doc.entities if e.label == label and " ".join(e.text.split()).casefold() == wanted), None)
        return entity.id if entity else None

    def _assignment(self, authors: list[_Author], affiliations: list[_Affiliation]) -> list[dict[str, Any]]:
        """Each author with the spans of the affiliations assigned to it (every one its markers point to, "1,2"
        -> 1 and 2; else the one of its record), for :data:`AUTHOR_ASSIGNMENT_KEY`. A span is the organisation
        part of the affiliation's line: after its number and any author named before it, up to its address."""
        numbered = {aff.number: aff for aff in affiliations if aff.number}
        # Names on an affiliation's line bound it ("A (Univ. X), B (Univ. Y)"), whether or not read as authors.
        names = [(a.start, a.end) for a in authors] + [(e.start, e.end) for e in self.doc.entities if e.label == "PERSON"]
        out = []
        for author in authors:
            pointed = [numbered[m] for m in _pointing_markers(author.markers, numbered)]
            assigned = pointed or ([author.affiliation] if author.affiliation else [])
            spans = []
            for aff in assigned:
                marker = _AFFILIATION_LINE.match(aff.line.text) if aff.number else None
                start = aff.line.start + (marker.end() if marker else 0)
                end = aff.place[0] if aff.place else aff.line.end
                start = max([start] + [name_end for _, name_end in names if start <= name_end <= aff.start])
                end = min([end] + [name_start for name_start, _ in names if aff.end <= name_start < end])
                spans.append((start, end))
            out.append({"start": author.start, "end": author.end, "entity": author.entity.id if author.entity else None,
                        "affiliations": spans, "lines": [(aff.line.start, aff.line.end) for aff in assigned]})
        return out

    def _meta_authors(self) -> list[dict[str, Any]]:
        names = self.html_meta.get("citation_author") or []
        orcids = self.html_meta.get("citation_author_orcid") or []
        emails = self.html_meta.get("citation_author_email") or []
        institutions = self.html_meta.get("citation_author_institution") or []
        records = []
        for i, name in enumerate(names):
            orcid_match = ORCID.search(orcids[i]) if i < len(orcids) else None
            orcid = orcid_match.group(1).upper() if orcid_match and orcid_checksum_valid(orcid_match.group(1)) else None
            institution = institutions[i] if i < len(institutions) else None
            records.append({
                "name": name,
                "entity": self._entity_named(name, "PERSON"),
                "orcid": orcid,
                "email": emails[i] if i < len(emails) else None,
                "affiliation": institution,
                "affiliation_entity": self._entity_named(institution, "ORG") if institution else None,
            })
        return records


def extract_metadata(doc: Document) -> dict[str, Any]:
    return MetadataExtractor(doc).extract()


# Key of Document.annotations under which the metadata component leaves its author -> affiliation assignment with
# offsets (:meth:`MetadataExtractor._assignment`), read by the ``byline_affiliations`` component.
AUTHOR_ASSIGNMENT_KEY = "author_assignment"


@register("metadata")
class Metadata:
    """Fill ``doc.metadata`` (every key present; null or [] when absent)."""

    name = "metadata"

    def __call__(self, doc: Document) -> Document:
        extractor = MetadataExtractor(doc)
        doc.metadata = extractor.extract()
        doc.annotations[AUTHOR_ASSIGNMENT_KEY] = extractor.assignment
        return doc


# --------------------------------------------------------------------------
# Scoring

SCALAR_FIELDS = ("title", "journal", "year", "issue", "affiliation_place")
AUTHOR_FIELDS = ("name", "orcid", "email", "affiliation")
REFERENCE_FIELDS = ("number", "text", "url", "accessed")


def _same(gold: Any, pred: Any) -> bool:
    if isinstance(gold, str) and isinstance(pred, str):
        return " ".join(gold.split()) == " ".join(pred.split())
    if gold is not None and pred is not None and type(gold) is not type(pred):
        return str(gold) == str(pred)
    return gold == pred


def _records(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list field (anything else in a prediction counts as empty)."""
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, dict) else {} for item in value]


def metadata_field_accuracy(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    """Per-field accuracy of predicted metadata against gold metadata.

    Scalars score 1.0 or 0.0 (null = null counts as correct). Authors are
    aligned by position and references by number; a list field's accuracy is
    the number of correct values over the longer of the two lists (1.0 when
    both are empty). Fields the gold does not contain are not scored.
    """
    pred = pred or {}
    scores: dict[str, float] = {}
    for field in SCALAR_FIELDS:
        if field in gold:
            scores[field] = float(_same(gold[field], pred.get(field)))
    if "authors" in gold:
        gold_authors, pred_authors = _records(gold["authors"]), _records(pred.get("authors"))
        size = max(len(gold_authors), len(pred_authors))
        for field in AUTHOR_FIELDS:
            correct = sum(
                _same(g.get(field), p.get(field)) for g, p in zip(gold_authors, pred_authors)
            )
            scores[f"authors.{field}"] = correct / size if size else 1.0
    if "references" in gold:
        gold_refs = {r.get("number"): r for r in _records(gold["references"])}
        pred_refs = {r.get("number"): r for r in _records(pred.get("references"))}
        size = max(len(gold_refs), len(pred_refs))
        for field in REFERENCE_FIELDS:
            correct = sum(_same(ref.get(field), pred_refs[n].get(field)) for n, ref in gold_refs.items() if n in pred_refs)
            scores[f"references.{field}"] = correct / size if size else 1.0
    return scores
