"""Where the page states the article's source: journal, year, volume and issue.

A *source statement* is one line (or a label and the value on the next line)
that names some of the four, read apart into fields with their offsets:

* **citation lines** ("For citation:", "How to cite", "Для цитирования",
  "Как цитировать", "Cite this article", the label alone on the line before
  the citation too): "Title. Journal. 2022. No. 3(45). P. 33-47",
  "... // Journal. 2020. Т. 8, № 3(31)", "Journal, 9(2), 112–130",
  "Journal. 2021;7(4):203–214";
* **labelled fields**: "Журнал:", "Год:", "Том:", "Номер:", "Выпуск:",
  "Published:", "Issue:", "Volume:" (the value on the same line or, in a
  catalogue table, on the next; a journal label without its colon, alone on
  its line, when another labelled field follows its value);
* **source lines**: a catalogue or issue line ("Journal. – 2021. – № 4",
  "Journal, Vol. 12 (2018), pp. 1–24", "Том 8, № 3(31), 2020"),
  proceedings ("Title: сборник статей ... (Самара, 17 марта 2022 г.). —
  Самара: Publisher, 2022"), breadcrumbs ("Archives / Vol. 9 No. 2 (2020)",
  no journal from these);
* **running headers**: a line in capitals that names the journal with its
  issue or year, printed at the top of the page or repeated;
* unlabelled source lines **below the article** (related items, other
  issues) count only when nothing above states a source.

Statements are ranked in that order (a citation line over a field label over
a layout guess) and each field is taken from the best statement that states
it; the article's reference list and body are never read. A year is never one
that a label says is something else (received, accepted, updated, posted,
today's date, a copyright range) nor one inside a date in brackets (a
conference's date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from textmine.stages.metadata.bylines import BY_LABEL, read_byline

YEAR = r"(?:1[89]|20)\d{2}"
# "3(45)", "2 (44)", a double issue "1-2 (41)", "3/4"; not the year in "No. 4 (2022)", not "Grant No. 19-18-001"
_ISSUE_NUMBER = rf"\d+(?:[-–/]\d{{1,2}}(?![\d/–-]))?(?:\s?\((?!{YEAR}\))\d+\))?"
_VOLUME_WORD = r"(?:Vol\.|vol\.|VOL\.|Volume|VOLUME|Т\.|т\.|Том|том|ТОМ)"  # GOST writes "т. 5" in lower case too
_ISSUE_WORD = r"(?:No\.|no\.|NO\.|Nr\.|№|Issue|ISSUE|Iss\.|iss\.|Номер|Выпуск|выпуск|Вып\.|вып\.)"
_SPACE = r"[ \t\u00a0]*"

# A year standing alone: not a part of a longer number, of a dotted date ("14.03.2022") or of a range ("2017–2025").
_YEAR_TOKEN = re.compile(rf"(?<![\d.,/–—-])({YEAR})(?!\d)(?!\s?[–—-]\s?\d{{4}})")
# (a volume numbered in Roman figures too: "Vol. XII")
_VOLUME = re.compile(rf"(?<!\w){_VOLUME_WORD}{_SPACE}:?{_SPACE}(\d+(?![\d(])|[IVXLC]{{1,7}}(?![\w(]))")
# "Vol. 3(2)": volume 3, issue 2 (a volume word before the pair; "Т. 3(45)" has none after "№").
_VOLUME_AND_ISSUE = re.compile(rf"(?<!\w){_VOLUME_WORD}{_SPACE}:?{_SPACE}(\d+)\s?\(((?!{YEAR}\))\d+)\)")
_ISSUE = re.compile(rf"(?<!\w){_ISSUE_WORD}{_SPACE}:?{_SPACE}({_ISSUE_NUMBER})(?!\d)(?!-\d)")  # not "Grant No. 19-18-001"
# "2021;7(4):203–214" (Vancouver) and ", 9(2), 112–130" (APA): volume(issue) written without words.
_COMPACT = re.compile(rf"(?:(?P<year>{YEAR})\s?;\s?|,\s)(?P<volume>\d+)\s?\((?P<issue>\d+)\)")
# "Arctic Transport Letters 4(3):10–20" (author-date styles): volume(issue):pages right after the journal's name.
_COMPACT_PAGES = re.compile(r"(?P<year>(?!))?(?<=[^\W\d_])\s(?P<volume>\d+)\s?\((?P<issue>\d+)\)\s?:\s?\d")
# "Polar Record 52, 143–153 (2016)", "Caribbean Affairs 7(3), 211–230 (2022)" (the "Cite this article" style of
# many publishers): volume, optional issue, pages and the year in brackets right after the journal's name.
_VOLUME_PAGES_YEAR = re.compile(
    rf"(?<=[^\W\d_])\s(?P<volume>\d+)(?:\s?\((?P<issue>\d+)\))?,\s?[A-Za-z]?\d+(?:\s?[–—-]\s?[A-Za-z]?\d+)?\s\((?P<year>{YEAR})\)")
# A word between a year and the volume or issue (a title: the year is the authors', not the journal's).
_WORDLIKE_BETWEEN = re.compile(rf"(?!{_VOLUME_WORD}|{_ISSUE_WORD})[^\W\d_]{{3,}}")
# The year in brackets after the authors, before the title ("Orr T. (2012) Moss bogs.", "Orr, T. (2012). Moss"):
# the journal is named after it, never before.
_AUTHOR_DATE = re.compile(rf"\)[.,]?\s+(?!{_VOLUME_WORD}|{_ISSUE_WORD})[^\W\d_]")
_PAGES = re.compile(r"(?<!\w)(?:pp?\.|P\.|С\.|с\.|Pages:?|Страницы:?)\s*\d", re.IGNORECASE)
# The page count of a volume ("Irkutsk: Angara Press, 2022. – 420 p.", "– 312 с."): the line describes a book.
_PAGE_COUNT = re.compile(r"(?<![\w–—-])\d{2,4}\s?(?:p|pp|с|стр)\.(?!\w)")
# Labels that say a year on the line is not the publication's.
_NOT_PUBLICATION = re.compile(
    r"(?<!\w)(?:received|accepted|revised|approved|submitted|updated|last updated|posted|uploaded|added"
    r"|today(?=\s*(?::|is\b|\d))"  # a label ("Today: 07.12.2026"), not a title's word ("today and tomorrow")
    r"|поступила|принята|одобрена|обновлено|добавлено|размещено|дата размещения|дата публикации на портале"
    r"|дата публикации на сайте|опубликовано на сайте|posted on the site|added to the site"
    r"|сегодня|просмотров|загрузок|©|copyright|\(c\))",
    re.IGNORECASE,
)
_PUBLICATION_LABEL = re.compile(r"(?<!\w)(?:published|publication date|date of publication|опубликовано|дата публикации|год|year)\b",
                                re.IGNORECASE)
# "Received: 01.02.2021 Accepted: 03.04.2021 Published: 05.06.2021": a dotted date after a publication label.
_PUBLISHED_DOTTED = re.compile(
    rf"(?<!\w)(?:published(?: online)?|опубликовано(?: онлайн)?|опубликована)\s*:?\s*\d{{1,2}}[./]\d{{1,2}}[./]({YEAR})(?!\d)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"(?<!\w)(?:published|publication date|date of publication|опубликовано|дата публикации)\b", re.IGNORECASE)
# A citation line's label (public: the metadata stage also reads the names a citation line of the article opens with).
CITATION_LABEL = re.compile(
    r"^\s*(?:for citation|how to cite(?: this article)?|cite this article|cite as|citation|для цитирования"
    r"|published in|опубликовано в|опубликована в|in(?=\s*:)"  # "In: Proceedings of ..., pp. 12–19"
    r"|как цитировать(?: статью)?|(?:про)?цитировать(?: статью)?|cite(?=\s*:)"  # a widget's "Цитировать:", "Cite:"
    r"|ссылка для цитирования|библиографическая ссылка)\s*[:.]?\s*",
    re.IGNORECASE,
)
# A field label at a line's start, after a wide gap or a separator, or right after a number that ends the previous
# field's value ("Номер: 2 (58) Год: 2020": an HTML record row whose spaces collapsed to one).
FIELD_LABEL = re.compile(
    r"(?:^|(?<=\s\s)|(?<=\t)|(?<=[·|•;]\s)|(?<=[·|•;])|(?<=[\d)]\s))\s*(?P<label>Журнал|Издание|Источник|Journal|Source|Год издания|Год публикации|Год выпуска|Год|Publication year|Year of publication|Year"
    r"|Дата публикации|Дата выхода|Publication date|Date of publication|Date published|Том|Volume|Номер журнала|Номер|№|Выпуск|Issue date|Date of issue|Online first|Issue|Published online|Published"
    r"|Опубликовано)"
    r"\s*:\s*",
    re.IGNORECASE,
)
_ANY_LABEL = re.compile(r"(?:\s{2,}|\t)[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?\s*:")
_JOURNAL_LABELS = {"журнал", "издание", "источник", "journal", "source"}
# A citation widget's style selector: a word or two without digits ("ГОСТ", "APA", "Chicago style").
_STYLE_NAME = re.compile(r"[^\W\d_]+(?:[ \t][^\W\d_]+)?[ \t]*[|:]?")
# A DOI that opens a PDF's source line; the identifier is no part of the journal's name.
# (A GOST "//" cut may leave the link without its scheme: "doi.org/10...".)
_LEADING_DOI = re.compile(r"[ \t]*(?:DOI|doi)?[ \t:]*(?:(?:https?:)?//)?(?:(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+[ \t]+")
# A record table printed label above value: the journal's label alone on its line, without a colon ("Журнал").
_BARE_JOURNAL_LABEL = re.compile(r"^[ \t]*(?:Журнал|Издание|Источник|Journal|Source)[ \t]*$", re.IGNORECASE)
# Other rows of an aggregator's record table, a label alone on its line ("Журнал" / name / "Область наук").
_RECORD_ROW_LABEL = re.compile(r"Область наук|Ключевые слова|Рубрика|Тематика|Field of science|Subject area|Keywords",
                               re.IGNORECASE)
# A record table's label alone on its line, without a colon (see bare_record_label).
_BARE_RECORD_LABEL = re.compile(
    r"^[ \t]*(?P<label>Авторы?|Authors?|Журнал|Издание|Источник|Journal|Source|Год(?: издания| публикации| выпуска)?|Year"
    r"|Том|Volume|Номер(?: журнала)?|Выпуск|Issue)[ \t]*$", re.IGNORECASE)
_ISSUE_FIELD_LABEL = re.compile(r"Год(?: издания| публикации| выпуска)?|Том|Номер(?: журнала)?|Выпуск|Year|Volume|Issue",
                                re.IGNORECASE)
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:/|›|»|>|→)\s")
# Proceedings: the volume's title up to the bracket with the conference's place and date.
_DATE_IN_BRACKETS = re.compile(
    rf"\((?=[^()]*(?:\d{{1,2}}\s*[–-]?\s*\d{{0,2}}\s+[^\W\d_]+\s+{YEAR}|\d{{1,2}}\.\d{{1,2}}\.{YEAR}"
    rf"|[^\W\d_]+\s+\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?,\s+{YEAR}))[^()]*\)"
)
# Proceedings without the bracket: "Title of the volume, Chelyabinsk, 14–16 November 2023" (place, then the day;
# the place may name its country too: "..., Novosibirsk, Russia, 14–16 May 2021").
_PLACE_AND_DATE = re.compile(
    rf",\s+(?:[^\W\d_][^,()\d]{{0,40}},\s+){{0,2}}\d{{1,2}}(?:\s*[–—-]\s*\d{{1,2}})?\s+[^\W\d_]+\.?(?:\s+{YEAR}(?:\s*г\.)?)?(?!\w)"
)
# An institution known by its number ("Children's Clinical Hospital No. 2", "Школа № 5"): the number is no issue.
_NUMBERED_INSTITUTION = re.compile(
    r"(?i:hospital|clinic|polyclinic|school|lyceum|gymnasium|kindergarten|больниц[аы]|поликлиник[аи]|школ[аы]|лице[йя]"
    r"|гимнази[яи]|детский сад)\s+$")
# GOST's statement of responsibility after a volume's title ("... / ed. by I. V. Surname", "... / под ред. ..."): the
# title ends before it.
_RESPONSIBILITY = re.compile(r"\s/\s*(?=(?:ed\.|eds\.|edited by|comp\.|под\s+(?:общ\.\s+|науч\.\s+)?ред|отв\.\s+ред"
                             r"|науч\.\s+ред|ред\.|сост\.)(?!\w))", re.IGNORECASE)
# The title of a conference's proceedings volume at the line's start.
_PROCEEDINGS_TITLE = re.compile(r"\s*(?:Proceedings|Abstracts|Материалы|Труды|Сборник (?:статей|трудов|материалов)|Тезисы)\b")
CITATION_WORDS = 20
_CONFERENCE = re.compile(r"(?i)conference|congress|symposium|workshop|конференц|конгресс|симпозиум|семинар")
_WORD = re.compile(r"[^\W\d_]+")
# A journal title word abbreviated as the ISO 4 list of title word abbreviations does ("Izv. Saratov Univ. Earth
# Sci.", "Vestn. Tomsk. Gos. Univ.", "Proc. Acad. Sci."): its full stop ends no sentence. The commonest of the list.
_TITLE_WORD_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Acad|Agric|Akad|Ann|Appl|Biol|Bull|Chem|Comput|Conf|Dokl|Ecol|Econ|Eng|Environ|Fiz|Geogr|Geol|Gos|Hist"
    r"|Inst|Int|Izv|Khim|Lett|Math|Med|Mezhdunar|Natl|Nauchn|Phys|Probl|Proc|Psychol|Res|Rev|Ross|Russ|Sb|Sci|Ser|Soc"
    r"|Stud|Symp|Technol|Tekh|Teor|Trans|Uchebn|Univ|Uch|Vestn|Vopr|Vyssh|Zap|Zaved|Zh|Изв|Вестн|Журн|Зап|Учен|Тр|Сер|Науч|Гос|Ун-та)\.$")
# Site navigation that a source line may carry before the journal's name, or instead of it ("Архив номеров — 2022 — № 2").
_NAVIGATION = re.compile(
    r"(?i:home|main page|archives?|all issues|current issue|current|issues|journals|about|contents|search|главная"
    r"|архив(?:ы|\s+(?:номеров|выпусков|журнала))?|все выпуски|выпуски|номера|журналы|текущий выпуск|содержание|поиск"
    r"|authors|for authors|editorial board|contacts?|submissions?|about the journal|авторам|для авторов|редакция"
    r"|контакты|о журнале|english|русский|ru|en)")  # a language switch is navigation too
_OPENING = {"»": "«", "”": "“"}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
# A news piece's date: "12 April 2022", "November 18, 2024", "2022-04-12", "14.04.2022", "14 апреля 2022" (Russian
# sites print the day first with dots, or the Russian date, in English pieces too).
_RUSSIAN_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_NEWS_DATE = re.compile(rf"(?:\d{{1,2}}\s+(?:{_MONTH}|{_RUSSIAN_MONTH})\s+({YEAR})|{_MONTH}\s+\d{{1,2}},\s+({YEAR})|({YEAR})-\d{{2}}-\d{{2}}"
                        rf"|(?<![\d.])\d{{1,2}}\.\d{{2}}\.({YEAR}))(?!\d)")
BY_LINE = BY_LABEL
# A news line that gives the rubric, the date and the author between bars, without "By" ("Commentary | 14.04.2022 |
# Name Surname"): the date and the name are its last two parts.
DATED_BYLINE = re.compile(rf"^[ \t]*(?:[^|\d]{{1,40}}?[ \t]+\|[ \t]+)?(?P<date>{_NEWS_DATE.pattern})[ \t]+\|[ \t]+"
                          rf"(?P<name>[^|\d]+?)[ \t]*$")


def is_date_line(line: str) -> bool:
    """The line is a date alone ("12 May 2022", "May 12, 2022", "2022-05-12"): a news piece's date line, never a title."""
    return bool(re.fullmatch(rf"[\W_]*(?:{_NEWS_DATE.pattern})[\W_]*", line.strip()))


def leading_date_year(line: str) -> tuple[int, int] | None:
    """The span of the year of a news date that opens the line ("April 12, 2023 Reading time: 7 min", "14.04.2022"),
    or None."""
    date = re.compile(rf"[ \t]*(?:{_NEWS_DATE.pattern})").match(line)
    if not date:
        return None
    group = next(g for g in (1, 2, 3, 4) if date.group(g))
    return date.span(group)


def is_news_byline(line: str) -> bool:
    """The line is a news piece's byline: "By NAME ..." or "Rubric | date | NAME"."""
    return bool(BY_LINE.match(line) or DATED_BYLINE.match(line))
# The site's own name in its copyright line: "© «Природа Юга», 2010–2024", "© 2011–2025 «Каспийский обозреватель»",
# "© Портал аналитики «Степь», 2015–2025" (the quoted name without the generic words before it).
_COPYRIGHT_NAME = re.compile(
    rf"(?:©|\(c\)|Copyright)\s*(?:{YEAR}(?:\s*[–-]\s*{YEAR})?\s*)?(?:(?:[^\W\d_][^«»,\d]{{0,40}}\s)?«(?P<name>[^»]+)»|(?P<latin>[A-Z][\w&'’-]*(?:\s+(?:(?:of|the|and|for|on|in)\s+)*[A-Z][\w&'’-]*){{0,5}})"
    rf"|(?P<cyrillic>[А-ЯЁ][а-яё]+(?:\.[А-ЯЁа-яё][а-яё]+)?(?=,\s*{YEAR})))"
)

# A masthead line that names the site's English edition: "Amur Nature Review — English edition",
# "English edition: Caspian Observer", "Caspian Observer (English version)", maybe after the site's Russian name and a
# separator ("Портал «Амур» · Amur Review (English edition)").
_EDITION_LINE = re.compile(
    r"^\s*(?:[^|·•\n]*[|·•]\s*)?(?:(?P<before>[A-Z][^|:—–()\n]*?)\s*(?:[—–|:-]\s*|\()(?i:english\s+(?:edition|version))\)?"
    r"|(?i:english\s+(?:edition|version))\s*[:—–-]\s*(?P<after>[A-Z][^|\n]*?))\s*\.?\s*$"
)

# A word that names a periodical's kind ("Journal", "Вестник", "Review").
PERIODICAL_WORD = re.compile(
    r"\b(?:Journal|Review|Bulletin|Herald|Letters|Proceedings|Annals|Transactions|Quarterly|Gazette|Vestnik"
    r"|[Жж]урнал|[Вв]естник|[Ии]звестия|[Зз]аписки|[Вв]опросы|[Тт]руды|[Оо]бозрение)"
)
# A masthead line: a journal's kind, then its name in quotes ("Научный журнал «Право Севера»", "Научно-практический
# журнал «...»", "Journal «...»").
_MASTHEAD = re.compile(r"\s*(?:[А-ЯЁ][а-яё-]+\s+){0,2}(?:[Жж]урнал|Journal)\s+[«“](?P<name>[^»”]+)[»”]\s*")

RANK_CITATION, RANK_FIELD, RANK_LINE, RANK_BREADCRUMB, RANK_RUNNING_HEADER, RANK_BELOW = range(6)


@dataclass
class Statement:
    """What one line says about the source, with the text offsets of each value."""

    rank: int
    line_start: int
    journal: tuple[int, int] | None = None
    year: tuple[int, int] | None = None
    volume: tuple[int, int] | None = None
    issue: tuple[int, int] | None = None
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    # read in the article's running text (a full text's running header): it counts only when it names the journal
    # that another statement names
    needs_same_journal: bool = False


# An article number after the year and volume ("Boreal Landscapes 2021, 13, 2045"): the number is no year.
_ARTICLE_NUMBER = re.compile(rf"(?<!\d){YEAR},\s?\d{{1,3}},\s?$")


def _publication_years(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the years on a line that may be its publication year (see the module docstring)."""
    blocked = [m.span() for m in _DATE_IN_BRACKETS.finditer(line)]
    if _CONFERENCE.search(line):  # a conference's place and date, not the volume's year
        blocked += [m.span() for m in _PLACE_AND_DATE.finditer(line)]
    years = []
    for match in _YEAR_TOKEN.finditer(line):
        if any(s <= match.start() < e for s, e in blocked) or _ARTICLE_NUMBER.search(line, 0, match.start()):
            continue
        before = line[:match.start()]
        labels = list(_NOT_PUBLICATION.finditer(before))
        publication = list(_PUBLICATION_LABEL.finditer(before))
        if labels and (not publication or publication[-1].start() <= labels[-1].start()):
            continue
        years.append((offset + match.start(1), offset + match.end(1)))
    return years


def _clean_journal(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The journal's span inside line[start:end] without quotes, labels, bullets and trailing punctuation
    (and without the generic word before a quoted name: "Журнал «Право и общество»")."""
    # "ISSN 2999-0202 Vestnik ...", "ISSN 1814-0000 (Print) | Vestnik ..."
    issn = re.match(r"[ \t]*(?:e-?ISSN|ISSN)[ \t:]*\d{4}-\d{3}[\dXx](?:[ \t]*\((?i:print|online)\))?(?:[ \t]*[|•·])?[ \t]+",
                    line[start:end])
    if issn:
        start += issn.end()
    doi = _LEADING_DOI.match(line, start, end)  # "DOI: 10.99433/x.2021.14 Journal. 2021. Vol. 14"
    if doi:
        start = doi.end()
    trailing_issn = re.search(r"[ \t,.;]+(?:e-?ISSN|ISSN)\b", line[start:end])  # "Journal ISSN: 2999-0101"
    if trailing_issn:
        end = start + trailing_issn.start()
    # ... and without a portal's description ending in that word: "Зеркало английской версии журнала «Name»"
    generic = re.match(r"[^«»\n]*?(?<!\w)(?:[Жж]урнал[аеу]?|Journal|[Ии]здани[еяю])[ \t]+(?=«)", line[start:end])
    if generic and line.count("«", start, end) == 1:
        start += generic.end()
    while start < end and line[start] in " \t\u00a0«\"“'•·|–—-,.:;0123456789[":  # "[Journal, 2020, Vol. 12]"
        start += 1
    while end > start and line[end - 1] in " \t\u00a0»\"”'•·|–—-,.:;(":
        if line[end - 1] in "»”" and line.count(_OPENING[line[end - 1]], start, end) > line.count(line[end - 1], start, end - 1):
            break  # the quote closes one inside the name: СЕРИЯ «ПРАВО»
        end -= 1
    # "Journals | Cold Regions Letters | Volume 28": site navigation before the name is none of it
    while (pipe := re.match(r"([^|]*)\|[ \t]*", line[start:end])) and _NAVIGATION.fullmatch(pipe.group(1).strip()):
        start += pipe.end()
    value = line[start:end]
    words = _WORD.findall(value)
    if not words or len(value.split()) > 20 or len(value) < 3 or _NAVIGATION.fullmatch(value.strip()):
        return None
    return start, end


def read_statement(line: str, offset: int = 0, rank: int = RANK_LINE) -> Statement | None:
    """The source fields one line states, or None: a year, volume or issue, and the journal written before them."""
    label = CITATION_LABEL.match(line)
    body_start = label.end() if label else 0
    volumes = [m.span(1) for m in _VOLUME.finditer(line, body_start)]
    issues = [m.span(1) for m in _ISSUE.finditer(line, body_start) if not _NUMBERED_INSTITUTION.search(line, 0, m.start())]
    paired = _VOLUME_AND_ISSUE.search(line, body_start)
    if paired and not volumes and not issues:
        volumes, issues = [paired.span(1)], [paired.span(2)]
    cited = _VOLUME_PAGES_YEAR.search(line, body_start)
    if cited and not volumes and not issues:
        volumes = [cited.span("volume")]
        issues = [cited.span("issue")] if cited.group("issue") else []
    compact = _COMPACT.search(line, body_start) or _COMPACT_PAGES.search(line, body_start)
    if compact and not issues:
        volumes = volumes or [compact.span("volume")]
        issues = [compact.span("issue")]
    years = [y for y in _publication_years(line) if y[0] >= body_start]
    dotted = _PUBLISHED_DOTTED.search(line, body_start)
    if not (volumes or issues) and not years and dotted and rank not in (RANK_CITATION, RANK_FIELD):
        return Statement(RANK_FIELD, offset, year=(offset + dotted.start(1), offset + dotted.end(1)))
    if not (volumes or issues) and not years:
        # A proceedings volume named with the conference's place and date only ("Proceedings of the X Symposium,
        # Irkutsk, 5–7 June 2023"): the journal, no year (the date is the conference's).
        proceedings = _PROCEEDINGS_TITLE.match(line, body_start)
        place_and_date = _DATE_IN_BRACKETS.search(line, body_start) or _PLACE_AND_DATE.search(line, body_start)
        if proceedings and place_and_date and _CONFERENCE.search(line, body_start, place_and_date.start()) and len(line.split()) <= CITATION_WORDS:
            span = _clean_journal(line, proceedings.start(), place_and_date.start())
            return Statement(rank, offset, journal=(offset + span[0], offset + span[1])) if span else None
        return None
    if not (volumes or issues) and rank not in (RANK_CITATION, RANK_FIELD):
        published = [y for y in years if _PUBLISHED.search(line[:y[0]])]
        if published:  # "Received 3 May 2023 · Published 12 September 2023"
            return Statement(RANK_FIELD, offset, year=(offset + published[-1][0], offset + published[-1][1]))
        # A year alone makes a source line only next to pages ("Journal. 2021. P. 5-9"), a volume's page count or a
        # proceedings' place and date.
        if not (_PAGES.search(line) or _DATE_IN_BRACKETS.search(line) or _PAGE_COUNT.search(line)
                or (_CONFERENCE.search(line) and _PLACE_AND_DATE.search(line))):
            return None
    statement = Statement(rank, offset)
    numbers = sorted(volumes + issues)
    if years:
        # The publication year is the one next to the volume and issue (a year in a title stands apart from them);
        # in an author-date citation, the year in brackets after the authors ("Orr, T. (2021). Title after the 2015
        # reform. Journal, 5(2)").
        author_date_years = [y for y in years if line[y[0] - 1:y[0]] == "(" and _AUTHOR_DATE.match(line, y[1])]
        year = (author_date_years[0] if author_date_years
                else min(years, key=lambda y: abs(y[0] - numbers[0][0])) if numbers else years[-1])
        statement.year = (offset + year[0], offset + year[1])
    if volumes:
        statement.volume = (offset + volumes[0][0], offset + volumes[0][1])
    if issues:
        statement.issue = (offset + issues[0][0], offset + issues[0][1])
    if rank != RANK_BREADCRUMB:
        starts = [_element_start(line, numbers[0][0])] if numbers else []
        if compact:
            starts.append(compact.start() if compact.group("year") else compact.start() + 1)
        if statement.year:
            year_start = statement.year[0] - offset
            # Author-date styles put the year after the authors ("Orr T. (2012) Title.", "Orr, T. 2012. Title.
            # Journal 7(2)"): no journal before it. The year that ends a journal's name comes right before the
            # volume and issue, with no words between.
            author_date = line[year_start - 1:year_start] == "(" and _AUTHOR_DATE.match(line, year_start + 4)
            later = [s for s in starts if s > year_start]
            titled = bool(later) and _WORDLIKE_BETWEEN.search(line, year_start + 4, min(later))
            if not (author_date or titled):
                starts.append(year_start)
        statement.journal = _journal_before(line, body_start, min(starts), offset) if starts else None
    return statement


def _element_start(line: str, value_start: int) -> int:
    """Where the word before a value ("Vol. 5", "№ 2") starts."""
    start = value_start
    # "Выпуск № 3": every such word before the value, so that none of them is read as the journal's name
    while word := re.search(rf"(?:{_VOLUME_WORD}|{_ISSUE_WORD}){_SPACE}:?{_SPACE}$", line[:start]):
        start = word.start()
    return start


# A series' sentence in a journal's name: named first ("Серия: История", "Series Economics") or last
# ("Pedagogical Series", "Гуманитарная серия").
_SERIES = re.compile(r"(?:Серия|Series|Ser\.)(?!\w)|[^.]*\s(?:Series|серия|Seriya|seriya)$")


def _journal_before(line: str, start: int, end: int, offset: int) -> tuple[int, int] | None:
    """The journal: the last sentence before the first numeric element ("Title. Journal. 2021"),
    after a GOST "//", cut before a proceedings bracket with the conference's place and date."""
    bracket = _DATE_IN_BRACKETS.search(line, start, end)
    if bracket:
        end = bracket.start()
    place_and_date = _PLACE_AND_DATE.search(line, start, end) if _CONFERENCE.search(line, start, end) else None
    if place_and_date:
        end = place_and_date.start()
    responsibility = _RESPONSIBILITY.search(line, start, end)
    if responsibility and "//" not in line[responsibility.end():end]:
        end = responsibility.start()  # "Title: proceedings of ... / ed. by I. V. Surname. – Tomsk: Press, 2019"
    segment = line[start:end]
    cut = max(segment.rfind("//") + 2 if "//" in segment else 0, 0)
    stops = [m.end() for m in re.finditer(r"(?<![A-ZА-ЯЁ])(?<!\b[A-ZА-ЯЁ][a-zа-я])[.?!]\s+(?=[^\W\d_«\"])", segment)
             if not _TITLE_WORD_ABBREVIATION.search(segment, 0, m.start() + 1)]
    stops = [s for s in stops if s > cut and segment[cut:s].strip(" .–—-")]
    # The last full stop that leaves a name before the numbers.
    while stops and not _WORD.search(segment[stops[-1]:].strip(" .,–—-")):
        stops.pop()
    # A series belongs to the journal's name: "Вестник X университета. Серия: История. 2022", "Bulletin of
    # X University. Pedagogical Series. 2021"; so does a section's name printed after the periodical's or the
    # series' sentence ("Vestnik of X University. Economics, 2022", "X University Bulletin. Series 5. Geography").
    while stops and (_SERIES.match(segment[stops[-1]:].strip(" .,–—-"))
                     or _section_of(segment[stops[-2] if len(stops) > 1 else cut:stops[-1]], segment[stops[-1]:])):
        stops.pop()
    if stops:
        cut = stops[-1]
    start, end = _last_bullet_part(line, start + cut, end)
    span = _clean_journal(line, start, end)
    return (offset + span[0], offset + span[1]) if span else None


# A section's name: one to three capitalised words without digits ("Economics", "Earth Sciences", "Право").
_SECTION_NAME = re.compile(r"[A-ZА-ЯЁ][^\W\d_]+(?:\s+(?:and\s+|и\s+)?[A-ZА-ЯЁ][^\W\d_]+){0,2}")
# A record's access or kind label between bullets ("Journal • Open Access • Volume 8"), never a journal's name.
_ACCESS_OR_KIND = re.compile(r"(?i)(?:(?:gold|green|hybrid|bronze)\s+)?open\s+access|free\s+access|subscription"
                             r"|(?:original\s+|research\s+|review\s+)?(?:article|paper)|review")
_BULLET = re.compile(r"[ \t]+[•·][ \t]+")


def _section_of(before: str, last: str) -> bool:
    """``last`` is a section's name that belongs to the periodical named in the sentence ``before`` it: a short
    name without a periodical's word after a short sentence with one, or after a series' sentence ("Series 5")."""
    before, last = before.strip(" .,–—-"), last.strip(" .,–—-")
    if not _SECTION_NAME.fullmatch(last) or PERIODICAL_WORD.search(last) or len(before.split()) > 8:
        return False
    return bool(PERIODICAL_WORD.search(before) or re.fullmatch(r"(?:Серия|Series|Ser\.)\s*\d+", before))


def _last_bullet_part(line: str, start: int, end: int) -> tuple[int, int]:
    """Of a journal's place cut into parts by spaced bullets ("Journal • Open Access • "), the last part that is
    not an access or kind label; the span unchanged without bullets."""
    cuts = [m.span() for m in _BULLET.finditer(line, start, end)]
    if not cuts:
        return start, end
    parts = list(zip([start] + [e for _, e in cuts], [s for s, _ in cuts] + [end]))
    named = [(s, e) for s, e in parts if line[s:e].strip() and not _ACCESS_OR_KIND.fullmatch(line[s:e].strip())]
    return named[-1] if named else (end, end)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out, position = [], start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        out.append((position, text[position:stop - 1 if stop > position and text[stop - 1] == "\r" else stop]))  # not a CRLF's \r
        position = stop + 1
    return out


def _labelled(text: str, lines: list[tuple[int, str]]) -> list[Statement]:
    """Field labels ("Журнал: X", "Год: 2020   Том: 7   Номер: 4", "Published: 2020-06-30", a label alone
    on its line with the value on the next)."""
    statements = []
    for index, (start, line) in enumerate(lines):
        labels = list(FIELD_LABEL.finditer(line))
        for number, label in enumerate(labels):
            value_start = label.end()
            value_end = labels[number + 1].start() if number + 1 < len(labels) else len(line)
            other_label = _ANY_LABEL.search(line, value_start, value_end)  # "Журнал: X   Язык: английский"
            value_end = other_label.start() if other_label else value_end
            value_offset = start
            following = next((item for item in lines[index + 1:index + 3] if item[1].strip()), None)
            if not line[value_start:value_end].strip() and following and line[:label.start()].strip() == "":
                value_offset, line_value = following
                value_start, value_end, value_text = 0, len(line_value), line_value
            else:
                value_text = line
            statement = _labelled_value(label.group("label").casefold(), value_text, value_start, value_end, value_offset)
            if statement:
                statements.append(statement)
        bare = _bare_field(lines, index) or _bare_journal_label(lines, index) or _bare_publication_label(lines, index)
        if bare:
            statements.append(bare)
    return statements


# A publication label alone on its line ("Опубликован", "Published"), as a journal page saved as text prints it.
_BARE_PUBLICATION_LABEL = re.compile(r"[ \t]*(?:Опубликован[оа]?|Published(?: online)?|Дата публикации|Publication date"
                                     r"|Date published)[ \t]*:?[ \t]*", re.IGNORECASE)


def _bare_publication_label(lines: list[tuple[int, str]], index: int) -> Statement | None:
    """The year of a date alone on the line after a publication label alone ("Опубликован" / "2023-03-30")."""
    if not _BARE_PUBLICATION_LABEL.fullmatch(lines[index][1]):
        return None
    following = next((item for item in lines[index + 1:index + 3] if item[1].strip()), None)
    year = leading_date_year(following[1]) if following and is_date_line(following[1]) else None
    return Statement(RANK_FIELD, following[0], year=(following[0] + year[0], following[0] + year[1])) if year else None


def bare_record_label(lines: list[tuple[int, str]], index: int) -> str | None:
    """The label (case-folded) of a record table's row printed label above value without a colon ("Год" / "2021",
    an HTML table's cells on lines of their own): a label word alone on its line counts when the table's next row
    or its row before is one too (so a menu word alone is no label); None otherwise."""
    label = _BARE_RECORD_LABEL.match(lines[index][1])
    if not label:
        return None
    after = [item[1] for item in lines[index + 1:] if item[1].strip()][:2]
    before = [item[1] for item in lines[:index] if item[1].strip()][-2:]
    if not after or _BARE_RECORD_LABEL.match(after[0]) or FIELD_LABEL.match(after[0]):
        return None
    row_after = len(after) == 2 and bool(_BARE_RECORD_LABEL.match(after[1]))
    row_before = len(before) == 2 and bool(_BARE_RECORD_LABEL.match(before[0]))
    return " ".join(label.group("label").split()).casefold() if row_after or row_before else None


def _bare_field(lines: list[tuple[int, str]], index: int) -> Statement | None:
    label = bare_record_label(lines, index)
    if label is None or label in ("авторы", "автор", "authors", "author"):
        return None
    value_start, value = next(item for item in lines[index + 1:] if item[1].strip())
    return _labelled_value(label, value, 0, len(value), value_start)


def _bare_journal_label(lines: list[tuple[int, str]], index: int) -> Statement | None:
    """A journal label alone on its line without a colon ("Журнал") and the name on the next line, in a record
    table: the year, volume or issue field follows the name ("Год: 2021"), so the word is a row's label, not a menu item."""
    if not _BARE_JOURNAL_LABEL.match(lines[index][1]):
        return None
    following = [item for item in lines[index + 1:index + 4] if item[1].strip()][:2]
    if len(following) < 2 or FIELD_LABEL.search(following[0][1]):
        return None
    label = FIELD_LABEL.match(following[1][1])
    if not (label and _ISSUE_FIELD_LABEL.fullmatch(label.group("label"))) and not _RECORD_ROW_LABEL.fullmatch(following[1][1].strip()):
        return None
    value_start, value = following[0]
    return _labelled_value("журнал", value, 0, len(value), value_start)


def _labelled_value(label: str, line: str, start: int, end: int, offset: int) -> Statement | None:
    value = line[start:end]
    stripped = value.strip()
    if not stripped:
        return None
    first = start + value.index(stripped)
    last = first + len(stripped.rstrip(" .,;"))
    statement = Statement(RANK_FIELD, offset)
    if label in _JOURNAL_LABELS:
        span = _clean_journal(line, first, last)
        if span is None or _YEAR_TOKEN.search(line, span[0], span[1]):
            inner = read_statement(line[first:last], offset + first, RANK_FIELD)
            return inner
        statement.journal = (offset + span[0], offset + span[1])
    elif label in ("год", "year", "год издания", "год публикации", "год выпуска", "publication year", "year of publication"):
        year = _YEAR_TOKEN.match(line, first)
        if not year:
            return None
        statement.year = (offset + year.start(1), offset + year.end(1))
        # "Год: 2019 Том: 4 № 2": the volume and issue printed after the year on the same value
        after = read_statement(line[year.end():last], offset + year.end(), RANK_FIELD)
        if after:
            statement.volume, statement.issue = after.volume, after.issue
    elif label in ("том", "volume"):
        number = re.match(r"\d+(?![\d(])", line[first:last])
        if not number:
            return None
        statement.volume = (offset + first, offset + first + number.end())
        # "Том: 4 № 2": the issue printed after the volume on the same value
        after = read_statement(line[first + number.end():last], offset + first + number.end(), RANK_FIELD)
        if after:
            statement.issue = after.issue
    elif label in ("номер", "номер журнала", "№", "выпуск", "issue"):
        number = re.match(_ISSUE_NUMBER + r"(?!\d)", line[first:last])
        # "Выпуск: 2024, № 1 (29)": a year first, then the issue with its own word; read as a source line
        if number and re.fullmatch(YEAR, number.group(0)) and _ISSUE.search(line, first + number.end(), last):
            number = None
        if number:
            statement.issue = (offset + first, offset + first + number.end())
        else:
            inner = read_statement(line[first:last], offset + first, RANK_FIELD)
            if inner is None:
                return None
            inner.journal = None
            return inner
    else:  # published, a publication date
        dotted = re.match(rf"\d{{1,2}}[./]\d{{1,2}}[./]({YEAR})(?!\d)", line[first:last])  # "12.05.2017"
        years = [(offset + first + dotted.start(1), offset + first + dotted.end(1))] if dotted else \
            _publication_years(line[first:last], offset + first)
        if not years:
            return None
        statement.year = years[0]
    return statement


def is_capitals(line: str) -> bool:
    """Whether the line is written in capitals (at least 8 letters, nine in ten of them upper case)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _running_headers(lines: list[tuple[int, str]]) -> list[Statement]:
    """Lines in capitals that state an issue or year and recur on the page (or open it)."""
    def key(line: str) -> str:
        return re.sub(r"^\s*\d+\s+|\s+\d+\s*$", "", line).strip()

    counts: dict[str, int] = {}
    for _, line in lines:
        counts[key(line)] = counts.get(key(line), 0) + 1
    statements = []
    for index, (start, line) in enumerate(lines):
        if not is_capitals(line) or (counts[key(line)] < 2 and index > 0):
            continue
        statement = read_statement(line, start, RANK_RUNNING_HEADER)
        if statement and (statement.issue or statement.volume or statement.year):
            statements.append(statement)
    return statements


@dataclass
class SourceFields:
    """The chosen span of each field (None when the page does not state it)."""

    journal: tuple[int, int] | None = None
    year: tuple[int, int] | None = None
    volume: tuple[int, int] | None = None
    issue: tuple[int, int] | None = None


def find_statements(text: str, regions: Iterable[tuple[int, int]], body: tuple[int, int] | None = None,
                    below_from: int | None = None) -> list[Statement]:
    """Every source statement in the regions (wrapper and the article's header and citation lines), best first.

    ``body`` is the article's running text and references: only labelled citation lines are read there;
    unlabelled lines from ``below_from`` on (after the article) rank last."""
    lines = [item for start, end in regions for item in _lines(text, start, end)]
    statements: list[Statement] = []
    body_lines = _lines(text, *body) if body else []
    citation_lines = []
    for group in (lines, body_lines):
        for index, (start, line) in enumerate(group):
            label = CITATION_LABEL.match(line)
            if not label:
                continue
            if line[label.end():].strip():
                citation_lines.append((start, line))
            else:  # the label alone ("How to Cite" as a heading): the citation is the next line with text
                following = [item for item in group[index + 1:index + 6] if item[1].strip()]
                # past a citation style's name printed above it ("ГОСТ", "APA", "Chicago style")
                while len(following) > 1 and _STYLE_NAME.fullmatch(following[0][1].strip()):
                    following.pop(0)
                if following:
                    citation_lines.append(following[0])
    cited = {start for start, _ in citation_lines}
    for start, line in citation_lines:
        statement = read_statement(line, start, RANK_CITATION)
        if statement:
            statements.append(statement)
    statements += _labelled(text, lines)
    for start, line in lines:
        if start in cited or FIELD_LABEL.search(line) or is_capitals(line):
            continue
        if len(_BREADCRUMB_SEPARATOR.findall(line)) >= 2 or (re.search(r"\s»\s", line)):
            crumbs = list(re.finditer(r"[^/›»>→]+", line))
            for number, crumb in enumerate(crumbs):
                statement = read_statement(crumb.group(0), start + crumb.start(), RANK_BREADCRUMB)
                year = re.fullmatch(rf"\s*({YEAR})\s*", crumb.group(0))
                if statement:
                    statements.append(statement)
                elif year and any(_issue_crumb(crumbs[near].group(0)) for near in (number - 1, number + 1)
                                  if 0 <= near < len(crumbs)):
                    # "Archive / 2019 / No. 4": the year's crumb next to the issue's is the issue's year
                    statements.append(Statement(RANK_BREADCRUMB, start, year=(start + crumb.start() + year.start(1), start + crumb.start() + year.end(1))))
                elif (number + 1 < len(crumbs) and PERIODICAL_WORD.search(crumb.group(0))
                      and _dating_crumb(crumbs[number + 1].group(0))):
                    # "Journals / Kostanay Agrarian Bulletin / 2022 / No. 2": a periodical's name right before the
                    # crumb of its year or issue is the journal's
                    span = _clean_journal(line, crumb.start(), crumb.end())
                    if span:
                        statements.append(Statement(RANK_BREADCRUMB, start, journal=(start + span[0], start + span[1])))
            continue
        below = below_from is not None and start >= below_from
        statement = read_statement(line, start, RANK_BELOW if below else RANK_LINE)
        if statement:
            statements.append(statement)
    statements += _running_headers(lines)
    statements += _body_running_headers(body_lines)
    statements += _body_source_notes(body_lines)
    statements += _mastheads(lines)
    statements += _dated_bylines(lines)
    statements += _dated_author_lines(lines)
    return sorted(statements, key=lambda s: s.rank)


def _body_running_headers(lines: list[tuple[int, str]]) -> list[Statement]:
    """A line in capitals in the article's running text that names a journal with its year and its volume or issue
    (the running header that opens an aggregator's full text: "JOURNAL. 2021. No. 2 (48)"), ranked with running
    headers and kept only when another statement names the same journal."""
    statements = []
    for start, line in lines:
        statement = read_statement(line, start, RANK_RUNNING_HEADER) if is_capitals(line) else None
        if statement and statement.journal and statement.year and (statement.volume or statement.issue):
            statement.needs_same_journal = True
            statements.append(statement)
    return statements


# A reprint's note of where the piece was first published ("Source: Journal, 2023, Vol. 12, No. 4, pp. 77–91.").
_SOURCE_NOTE_LABEL = re.compile(r"[ \t]*(?:Source|Источник)[ \t]*:[ \t]*", re.IGNORECASE)


def _body_source_notes(lines: list[tuple[int, str]]) -> list[Statement]:
    """A "Source:" line in the article's running text that names a journal with its year and its volume or issue (a
    reprint's source note under the text, where no blank line sets it apart from it), ranked last: a table's or
    figure's "Source: Rosstat, 2021" names no volume or issue."""
    statements = []
    for start, line in lines:
        label = _SOURCE_NOTE_LABEL.match(line)
        statement = read_statement(line[label.end():], start + label.end(), RANK_BELOW) if label else None
        if statement and statement.journal and statement.year and (statement.volume or statement.issue):
            statements.append(statement)
    return statements


# An aggregator's label line "2021 / Surname I. I., Surname I. I.": the year of the article and its authors.
_YEAR_AND_NAMES = re.compile(rf"[ \t]*({YEAR})[ \t]+/[ \t]+(?=[^\W\d_])")


def _dated_author_lines(lines: list[tuple[int, str]]) -> list[Statement]:
    """The year of the first "YEAR / names" line (a record's year and authors; later ones are related items)."""
    for start, line in lines:
        label = _YEAR_AND_NAMES.match(line)
        if label and read_byline(line, label.end(), len(line), labelled=True):
            return [Statement(RANK_FIELD, start, year=(start + label.start(1), start + label.end(1)))]
    return []


# A repository's Dublin Core row ("dc.contributor.author   Surname, Given   en", "dc.date.issued\t2021\t-"): the
# field's name, then its value, and the value's language code in a column of its own.
_DC_FIELD = re.compile(r"[ \t]*(?P<field>dc\.[a-z]+(?:\.[a-z]+)*)(?=[ \t]|$)", re.IGNORECASE)
_DC_LANGUAGE = re.compile(r"(?:[ \t]{2,}|\t)(?:[a-z]{2}(?:[_-][A-Za-z]{2})?|-)[ \t]*$")
# The language column after a single space, as HTML prints a table's cells when its tabs collapse ("dc.title Title en").
_DC_LANGUAGE_SPACED = re.compile(r"[ \t]+(?:[a-z]{2}(?:[_-][A-Za-z]{2})?|-)[ \t]*$")
_DC_JOURNAL_FIELDS = ("dc.relation.ispartof", "dc.source", "dc.citation.journaltitle")


def dublin_core_rows(text: str) -> list[tuple[str, int, int]]:
    """The rows of a repository's Dublin Core record ("full item record"): (field, value start, value end) in the
    page's order, the value on the field's line or, in an HTML table whose cells stand on lines of their own, on
    the next line; [] when the page prints fewer than three rows (no record)."""
    filled = [item for item in _lines(text, 0, len(text)) if item[1].strip()]
    values = []
    for index, (start, line) in enumerate(filled):
        field_name = _DC_FIELD.match(line)
        if not field_name:
            continue
        value_start, value = start + field_name.end(), line[field_name.end():]
        if not value.strip():
            if index + 1 == len(filled) or _DC_FIELD.match(filled[index + 1][1]):
                continue
            value_start, value = filled[index + 1]
        values.append((field_name.group("field").casefold(), value_start, value))
    # a language column set apart by one space (no row sets it apart by a tab) is told from a value's last word by
    # standing on most rows
    spaced = sum(bool(_DC_LANGUAGE_SPACED.search(value)) for _, _, value in values)
    language_column = _DC_LANGUAGE
    if spaced >= 3 and spaced * 2 > len(values) and not any(_DC_LANGUAGE.search(value) for _, _, value in values):
        language_column = _DC_LANGUAGE_SPACED
    rows = []
    for field_name, value_start, value in values:
        language = language_column.search(value)
        end = language.start() if language else len(value.rstrip())
        begin = len(value) - len(value.lstrip())
        if begin < end:
            rows.append((field_name, value_start + begin, value_start + end))
    return rows if len(rows) >= 3 else []


def is_dublin_core_row(line: str) -> bool:
    """The line opens with a Dublin Core field's name ("dc.date.issued 2019"): a record row, never a title."""
    return bool(_DC_FIELD.match(line))


def dublin_core_statements(text: str, rows: list[tuple[str, int, int]]) -> list[Statement]:
    """What a Dublin Core record says about the source: its citation (``dc.identifier.citation``, ranked with
    citation lines), the periodical it is part of (``dc.relation.ispartof``, ``dc.source``), ``dc.date.issued``
    and ``dc.citation.volume`` / ``dc.citation.issue`` (ranked with labelled fields)."""
    statements = []
    for name, start, end in rows:
        value = text[start:end]
        if name == "dc.identifier.citation":
            statement = read_statement(value, start, RANK_CITATION)
        elif name in _DC_JOURNAL_FIELDS:
            statement = read_statement(value, start, RANK_FIELD)
            if statement is None or statement.journal is None:
                span = _clean_journal(value, 0, len(value))
                statement = Statement(RANK_FIELD, start, journal=(start + span[0], start + span[1])) if span else statement
        elif name == "dc.date.issued":
            year = _YEAR_TOKEN.match(value) or re.match(rf"({YEAR})-\d{{2}}", value)
            statement = Statement(RANK_FIELD, start, year=(start + year.start(1), start + year.end(1))) if year else None
        elif name in ("dc.citation.volume", "dc.citation.issue"):
            number = re.fullmatch(_ISSUE_NUMBER, value.strip())
            key = name.rsplit(".", 1)[1]
            statement = Statement(RANK_FIELD, start, **{key: (start, end)}) if number else None
        else:
            statement = None
        if statement:
            statements.append(statement)
    return statements


# A page's skip links and menu button, printed above the site's name when a journal page is saved as text.
_SKIP_LINK = re.compile(r"\s*(?:(?:Skip to|Jump to|Go to|Перейти к)\b.*|Open Menu|Открыть меню|Menu|Меню)\s*$", re.IGNORECASE)


def _mastheads(lines: list[tuple[int, str]]) -> list[Statement]:
    """A masthead that names the journal and nothing else ("Научный журнал «Право Севера»", "Journal «Arctic
    Review»"), or a periodical's name right above its issue line, or right after the page's skip links and above
    its menu words ("Перейти к главному содержанию" ... "Altai Journal of X" / "Текущий выпуск"): the journal,
    ranked with running headers (any source or citation line comes first)."""
    statements = []
    filled = [item for item in lines if item[1].strip()]
    # the site's first line: below its top bar (account links, a menu, a breadcrumb) if one stands above it
    first = next((index for index, (_, line) in enumerate(filled) if not _top_bar_line(line)), 0)
    opening = next((i for i, item in enumerate(filled) if not _SKIP_LINK.match(item[1])), None)
    if opening and opening + 1 < len(filled):
        start, line = filled[opening]
        if (PERIODICAL_WORD.search(line) and len(line.split()) <= 8 and not re.search(r"\d|[|:;,!?/]", line)
                and _NAVIGATION.fullmatch(filled[opening + 1][1].strip())):
            stripped = line.strip()
            begin = start + line.index(stripped)
            statements.append(Statement(RANK_RUNNING_HEADER, start, journal=(begin, begin + len(stripped))))
    for index, (start, line) in enumerate(filled):
        masthead = _MASTHEAD.fullmatch(line)
        if masthead:
            statements.append(Statement(RANK_RUNNING_HEADER, start, journal=(start + masthead.start("name"), start + masthead.end("name"))))
            continue
        # A short name with a periodical's word next to an issue line that names no journal ("Полярный вестник"
        # / "Том 5, № 4 (2021)", or below the breadcrumb "Archives / Vol. 15 No. 1 (2020)"); at the top of the page,
        # right above the issue line, also without that word ("Геология и недра Приуралья" / "Том 12, № 4 (2021)").
        above_issue = index + 1 < len(filled) and _issue_line(filled[index + 1][1])
        # the site's first line may stand above its menu row and then the issue line ("Home Issues About")
        above_menu = index == first and len(filled) > index + 2 and _menu_line(filled[index + 1][1]) and _issue_line(filled[index + 2][1])
        below_issue = index > 0 and _issue_line(filled[index - 1][1])
        items = [item.strip() for item in line.split("|")]
        if (above_issue and len(items) >= 3 and PERIODICAL_WORD.search(items[0]) and not _NAVIGATION.fullmatch(items[0])
                and all(_NAVIGATION.fullmatch(item) for item in items[1:])):
            # "Baltic Politics Review | Issues | About | Русский" above "Vol. 3, No. 1 (2022)": the menu's first item
            begin = start + line.index(items[0])
            statements.append(Statement(RANK_RUNNING_HEADER, start, journal=(begin, begin + len(items[0]))))
            continue
        # A name printed on a line of its own elsewhere too (the site's header and the issue's masthead: "Arctic
        # Resource Economics" in the menu bar and above "Volume 14, Issue 2, June 2021") is the journal's, though it
        # has no periodical's word.
        repeated = sum(other.strip() == line.strip() for _, other in filled) >= 2 and title_case(line)
        named = (PERIODICAL_WORD.search(line) or repeated) and (above_issue or below_issue)
        # (without a periodical's word: the page's first line above the issue line, or the site's first line
        # under its top bar above its own menu row)
        if ((named or (index == 0 and above_issue) or above_menu) and len(line.split()) <= 6
                and not re.search(r"\d|[|:;,.!?/]\s", line) and not _NAVIGATION.fullmatch(line.strip())):
            stripped = line.strip()
            begin = start + line.index(stripped)
            statements.append(Statement(RANK_RUNNING_HEADER, start, journal=(begin, begin + len(stripped))))
    return statements


def title_case(line: str) -> bool:
    """Every word of the line but short particles opens with a capital ("Arctic Resource Economics")."""
    words = line.split()
    return bool(words) and all(word[0].isupper() for word in words if len(word) > 3 or word == words[0])


def _dating_crumb(crumb: str) -> bool:
    """A breadcrumb part that is a year alone or states a volume or an issue ("2022", "No. 2 (66)", "Vol. 5")."""
    return bool(re.fullmatch(rf"\s*{YEAR}\s*", crumb)) or _issue_crumb(crumb)


def _issue_crumb(crumb: str) -> bool:
    """A breadcrumb part that states a volume or an issue ("No. 4", "Vol. 5")."""
    statement = read_statement(crumb)
    return bool(statement and (statement.volume or statement.issue))


def _menu_line(line: str) -> bool:
    """The line is a site menu: navigation words only ("Home Issues About", "Главная | Архив | Контакты")."""
    items = [item for item in re.split(r"\s*[|/•·]\s*|\s+(?=[A-ZА-ЯЁ])", line.strip()) if item]
    return len(items) >= 2 and all(_NAVIGATION.fullmatch(item) for item in items)


# Words of a site's top bar besides its menu's (_NAVIGATION): account links, sections of a news site.
_TOP_BAR_WORD = re.compile(
    r"(?i:log ?in|sign in|sign up|register|subscribe|news|analytics|opinion|catalogue|catalog|articles|search"
    r"|войти|вход|регистрация|подписка|новости|аналитика|мнения|каталог|статьи|поиск)")


def _top_bar_line(line: str) -> bool:
    """The line is site furniture above a masthead: a menu, account links, a language switch or a breadcrumb of
    such words ("Войти   Регистрация   RU | EN", "Главная / Каталог / Статьи")."""
    items = [item for item in re.split(r"\s*[|/•·›»]\s*|\s+(?=[A-ZА-ЯЁ])", line.strip()) if item]
    return len(items) >= 2 and all(_NAVIGATION.fullmatch(item) or _TOP_BAR_WORD.fullmatch(item) for item in items)


def _masthead_lines(lines: list[tuple[int, str]], count: int = 3) -> list[tuple[int, str]]:
    """The page's first ``count`` lines that are neither blank nor top-bar furniture: where a masthead stands."""
    return [item for item in lines if item[1].strip() and not _top_bar_line(item[1])][:count]


def _issue_line(line: str) -> bool:
    """The line states a volume or issue and names no journal (of a breadcrumb, its last part)."""
    if len(_BREADCRUMB_SEPARATOR.findall(line)) >= 2:
        # of a breadcrumb, its part that names the issue (the last one, or one before a section's name:
        # "Archives / Vol. 5 No. 3 (2021) / Chronicle")
        statements = [read_statement(crumb) for crumb in re.split(r"[/›»>→]", line)]
        return any(s and (s.volume or s.issue) for s in statements) and not any(s and s.journal for s in statements)
    statement = read_statement(line)
    return bool(statement and (statement.volume or statement.issue) and not statement.journal)


def _dated_bylines(lines: list[tuple[int, str]]) -> list[Statement]:
    """A news byline's date ("By NAME · 12 April 2022", or the date on the line after "By NAME", or a date
    line below the author's position line) gives the year."""
    statements = []
    for index, (start, line) in enumerate(lines):
        dated = DATED_BYLINE.match(line)
        if dated:  # "Commentary | 14.04.2022 | Name": the date on the byline itself
            group = next(g for g in (2, 3, 4, 5) if dated.group(g))
            statements.append(Statement(RANK_FIELD, start, year=(start + dated.start(group), start + dated.end(group))))
            continue
        by = BY_LINE.match(line)
        if not by:
            continue
        following = [item for item in lines[index + 1:index + 5] if item[1].strip()][:2]
        # The second line below counts only as a date alone ("By NAME" / "Senior Fellow, Centre X" / "March 3, 2022").
        following = following[:1] + [item for item in following[1:] if is_date_line(item[1]) or opens_with_date(item[1])]
        for line_start, candidate in [(start, line)] + following:
            date = _NEWS_DATE.search(candidate)
            # the date inside the byline's label is the piece's own ("Posted on 5 May 2022 by NAME")
            in_label = line_start == start and date is not None and date.end() <= by.end()
            if date and (in_label or not _NOT_PUBLICATION.search(candidate[:date.start()])):
                group = next(g for g in (1, 2, 3, 4) if date.group(g))
                statements.append(Statement(RANK_FIELD, line_start, year=(line_start + date.start(group), line_start + date.end(group))))
                break
    return statements


def opens_with_date(line: str) -> bool:
    """The line opens with a date, maybe with its time, and then only a separated note ("17 June 2023, 09:40 ·
    Updated 18 June 2023"): a news piece's date line under its author's position line."""
    return bool(re.match(rf"\s*(?:{_NEWS_DATE.pattern})(?:,?\s+\d{{1,2}}:\d{{2}})?\s*(?:[·|•]|$)", line))


def english_edition(lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """The span of the name on a line that names the site's English edition ("Amur Nature Review — English
    edition"), or None."""
    for start, line in lines:
        match = _EDITION_LINE.match(line)
        if match:
            group = "before" if match.group("before") else "after"
            return start + match.start(group), start + match.end(group)
    return None


def is_edition_line(line: str) -> bool:
    """The line names the site's English edition (site furniture, never a title)."""
    return bool(_EDITION_LINE.match(line))


def outlet_name(text: str, lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """A news site's name: its English-edition name when the page prints one (a line "NAME — English edition",
    or the masthead beside the Russian name: "КАСПИЙСКИЙ ОБОЗРЕВАТЕЛЬ | Caspian Observer"), else the name in its
    copyright line."""
    edition = english_edition(lines) or bilingual_masthead(lines)
    if edition:
        return edition
    found = unquoted = None
    for start, line in lines:
        match = _COPYRIGHT_NAME.search(line)
        if match and match.group("cyrillic"):
            # A bare Cyrillic word ("© Евразия.Аналитика, 2016–2025") only when no line names the site otherwise:
            # a photo credit or an author's copyright may take that shape too.
            unquoted = unquoted or (start + match.start("cyrillic"), start + match.end("cyrillic"))
        elif match:
            group = "name" if match.group("name") else "latin"
            found = (start + match.start(group), start + match.end(group))
    found = found or unquoted
    if found is None:
        return None
    name = text[found[0]:found[1]].casefold()
    for start, line in _masthead_lines(lines):
        parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^|]+", line)]
        if len(parts) == 2 and any(p.strip().casefold() == name for _, p in parts):
            other_start, other = next((s, p) for s, p in parts if p.strip().casefold() != name)
            if re.search(r"[A-Za-z]", other) and not re.search(r"[А-Яа-яЁё]", other):
                stripped = other.strip()
                begin = start + other_start + other.index(stripped)
                return begin, begin + len(stripped)
    return found


def bilingual_masthead(lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """The English name of a masthead that prints the site's name in Russian and in English, one beside the other
    ("Евразийский обзор — Eurasia Review Weekly", "Степной вестник | Steppe Herald", or with a space alone
    between them where a logo's two lines were joined: "Клуб «Ладога» Ladoga Discussion Club"), among the
    page's first lines."""
    for start, line in _masthead_lines(lines):
        parts = re.split(r"\s[—–|/]\s", line.strip())
        if len(parts) == 1:  # the Russian name, then the English one in Latin letters (two words each at least)
            parts = re.split(r"(?<=[А-Яа-яЁё»])\s+(?=[A-Z][a-z])", line.strip(), maxsplit=1)
            if len(parts) == 2 and (any(len(part.split()) < 2 for part in parts)
                                    or any(_NAVIGATION.fullmatch(word) for word in parts[1].split())):
                continue
        if len(parts) != 2 or any(re.search(r"\d|[.,:;!?]", part) or not 1 <= len(part.split()) <= 6 for part in parts):
            continue
        latin = [part for part in parts if re.search(r"[A-Za-z]", part) and not re.search(r"[А-Яа-яЁё]", part)]
        cyrillic = [part for part in parts if re.search(r"[А-Яа-яЁё]", part) and not re.search(r"[A-Za-z]", part)]
        if len(latin) == 1 and len(cyrillic) == 1 and latin[0][0].isupper():
            begin = start + line.index(latin[0])
            return begin, begin + len(latin[0])
    return None


def choose_fields(statements: list[Statement], text: str) -> SourceFields:
    """Each field from the best-ranked statement that states it; a journal in capitals gives way to the same
    words in mixed case from any other statement."""
    chosen = SourceFields()
    if any(s.rank != RANK_BELOW for s in statements):
        statements = [s for s in statements if s.rank != RANK_BELOW]
    named = [" ".join(text[s.journal[0]:s.journal[1]].casefold().split()) for s in statements
             if s.journal and not s.needs_same_journal]
    statements = [s for s in statements if not s.needs_same_journal or (
        " ".join(text[s.journal[0]:s.journal[1]].casefold().split()) in named)]
    for name in ("journal", "year", "volume", "issue"):
        setattr(chosen, name, next((getattr(s, name) for s in statements if getattr(s, name)), None))
    if chosen.journal and is_capitals(text[chosen.journal[0]:chosen.journal[1]]):
        words = text[chosen.journal[0]:chosen.journal[1]].casefold().split()
        mixed = next((s.journal for s in statements if s.journal and text[s.journal[0]:s.journal[1]].casefold().split() == words
                      and not is_capitals(text[s.journal[0]:s.journal[1]])), None)
        chosen.journal = mixed or chosen.journal
    return chosen
