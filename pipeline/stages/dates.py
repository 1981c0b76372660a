"""DATE mentions: finding calendar expressions, cleaning their spans, normalising values.

One grammar serves three uses (annotation guidelines §2, "DATE" and
"DATE values"):

* :func:`find_dates` / :func:`find_date_spans` scan text for calendar
  expressions that a statistical English NER tends to miss or cut wrongly
  (numeric dates, ranges, Russian dates, decades, centuries, named holidays);
* :func:`trim_date_span` cleans a DATE span proposed by a model;
* :func:`normalise_date` gives the TIMEX3-style ``value`` of an expression.

The finder is regex based. It works in four steps:

1. *atoms*: single calendar expressions, each from its own pattern (ISO,
   dotted/slashed numeric, month-day-year, day-month-year, month-year, bare
   month, bare year, decade, century, holiday; English and Russian forms);
2. *context checks* reject atoms that are not dates in their context:
   anything inside a URL, e-mail, ORCID/identifier or page/issue reference,
   years that are counts ("about 2000 people", "30 p."), years that belong
   to a name ("Peace Mission 2014", "Center-2019"), and ambiguous bare months
   ("May", "March") without a temporal preposition;
3. *ranges*: two compatible atoms joined by a dash, "to", "through",
   "until", "по", or "between ... and" become ONE span ("2004 to 2019");
4. *modifiers* ("end of", "late", "first half of the", "year", "конце") are
   added on the left; prepositions and a leading "the" never are.

Values: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``XXXX-MM`` (no year
written), ``A/B`` for ranges, ``199X`` for decades and, for centuries, the
TIMEX3 two-digit form: the 20th century ("XX век") is ``19``. Modifiers do
not change the value. ``None`` where the expression alone does not give one
(named holidays, typos such as "20015", impossible dates).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from textmine.components import register
from textmine.document import Document

# --------------------------------------------------------------------------
# Vocabulary

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_EN_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

# Russian month stems with their declension type; every case form is generated
# (nominative "май", genitive "мая", prepositional "мае", ...).
_RU_MONTH_STEMS = (
    ("январ", "soft"), ("феврал", "soft"), ("март", "hard"), ("апрел", "soft"),
    ("ма", "yot"), ("июн", "soft"), ("июл", "soft"), ("август", "hard"),
    ("сентябр", "soft"), ("октябр", "soft"), ("ноябр", "soft"), ("декабр", "soft"),
)
_RU_ENDINGS = {
    "soft": ("ь", "я", "е", "ю", "ём", "ем"),
    "hard": ("", "а", "е", "у", "ом"),
    "yot": ("й", "я", "е", "ю", "ем"),
}
_RU_MONTH_ABBREVIATIONS = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}


def _build_month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, name in enumerate(_EN_MONTHS, 1):
        table[name.lower()] = number
    for abbreviation, number in _EN_MONTH_ABBREVIATIONS.items():
        table[abbreviation.lower()] = number
    for number, (stem, kind) in enumerate(_RU_MONTH_STEMS, 1):
        for ending in _RU_ENDINGS[kind]:
            table[stem + ending] = number
    table.update(_RU_MONTH_ABBREVIATIONS)
    return table


_MONTH_NUMBERS = _build_month_table()
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first.

    It is led by a look-ahead on the possible first letters: the regex engine
    then skips most positions of a text instead of trying every word there (a
    month pattern scans 25 times faster; what matches is unchanged).
    """
    words = sorted(set(words), key=len, reverse=True)
    first_letters = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?=[{first_letters}])(?:" + "|".join(re.escape(w) for w in words) + ")"


def _with_capitals(words) -> list[str]:
    return [form for w in words for form in (w, w[:1].upper() + w[1:])]


_RU_MONTH_FORMS = [w for w in _MONTH_NUMBERS if re.match("[а-яё]", w) and w not in _RU_MONTH_ABBREVIATIONS]

# English month names are capitalised ("may" is a verb); all-caps is accepted.
_EN_MONTH_FULL = rf"(?:{_alternation(list(_EN_MONTHS) + [m.upper() for m in _EN_MONTHS])})(?![\w])"
_EN_MONTH = rf"(?:{_EN_MONTH_FULL}|(?:{_alternation(_EN_MONTH_ABBREVIATIONS)})(?:\.|(?![\w])))"
_RU_MONTH_FULL = rf"(?:{_alternation(_with_capitals(_RU_MONTH_FORMS))})(?![а-яёА-ЯЁ])"
_RU_MONTH = rf"(?:{_RU_MONTH_FULL}|(?:{_alternation(_with_capitals(_RU_MONTH_ABBREVIATIONS))})\.)"
_ANY_MONTH = rf"(?:{_EN_MONTH}|{_RU_MONTH})"

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
# A 4-digit number that is not part of a longer number, decimal or numeric date
# (a glued Russian year abbreviation is allowed: "1992г.").
_YEAR = r"(?<![\w])(?<!\d[.,/])\d{4}(?!(?!гг?(?:\.|(?![\w])))[\w])(?![.,/]\d)"
# Russian year words belong to the span: "1992 г.", "2020 года", "2004–2019 гг.".
_RU_YEAR_WORD = r"(?:\s?гг?\.|\s?гг?(?![\w.])|\s+год(?:ами|ах|ам|ов|ом|а|у|ы)?(?![\w]))"
_RU_PLURAL_YEARS = re.compile(r"\s?гг|\s+год(?:ами|ах|ам|ов|ы)(?![\w])")

# --------------------------------------------------------------------------
# Partial dates and their values


@dataclass(frozen=True)
class PartialDate:
    """A calendar expression's written components; unwritten ones are None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 20 for the 20th century
    valid: bool = True  # False for typos and impossible dates

    @property
    def granularity(self) -> tuple[bool, ...]:
        return (self.decade is not None, self.century is not None, self.month is not None, self.day is not None)

    def order_key(self) -> tuple[int, ...]:
        if self.decade is not None:
            return (self.decade,)
        if self.century is not None:
            return (self.century,)
        return (self.year or 0, self.month or 0, self.day or 0)

    def value(self) -> str | None:
        if not self.valid:
            return None
        if self.decade is not None:
            return f"{self.decade}X"
        if self.century is not None:
            return f"{self.century - 1:02d}"
        if self.month is None:
            return None if self.year is None else f"{self.year:04d}"
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"


def _calendar_date(year: int | None, month: int | None, day: int | None) -> PartialDate:
    """A PartialDate marked invalid when the month or day cannot exist."""
    valid = month is None or 1 <= month <= 12
    if valid and day is not None:
        # February 29 is possible when no year is written.
        days = calendar.monthrange(year if year is not None else 2000, month)[1] if month else 31
        valid = 1 <= day <= days
    return PartialDate(year=year, month=month, day=day, valid=valid)


def _numeric_date(first: int, second: int, year: int, separator: str, lang: str) -> PartialDate | None:
    """Resolve day/month order of a numeric date (guidelines' DATE value table).

    When only one reading is a real date it is taken; when both are, day first
    for Russian text and for dotted dates, month first for slashed dates in
    English text. None when neither reading exists.
    """
    day_first = _calendar_date(year, second, first)
    month_first = _calendar_date(year, first, second)
    if day_first.valid and month_first.valid:
        return month_first if separator == "/" and lang != "ru" else day_first
    if day_first.valid:
        return day_first
    if month_first.valid:
        return month_first
    return None


def _month(word: str) -> int:
    return _MONTH_NUMBERS[word.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _roman(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, char in enumerate(numeral):
        value = values[char]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total if 0 < total <= 30 else None


# --------------------------------------------------------------------------
# Atoms: one regex per kind of single calendar expression


@dataclass
class _Atom:
    start: int
    end: int
    kind: str  # year, month, date, decade, century, holiday, day, range
    first: PartialDate | None  # None for holidays
    last: PartialDate | None = None  # the range end, for ranges
    has_year_word: bool = False

    @property
    def value(self) -> str | None:
        if self.first is None:
            return None
        first = self.first.value()
        if self.last is None:
            return first
        last = self.last.value()
        return f"{first}/{last}" if first and last else None


_Builder = Callable[[re.Match, str], "tuple[str, PartialDate | None, PartialDate | None] | None"]


def _year_of(match: re.Match, group: str = "y") -> int:
    return int(match.group(group))


def _build_iso(m: re.Match, lang: str):
    return "date", _calendar_date(_year_of(m), int(m.group("m")), int(m.group("d"))), None


def _build_iso_month(m: re.Match, lang: str):
    return "date", _calendar_date(_year_of(m), int(m.group("m")), None), None


def _build_numeric(m: re.Match, lang: str):
    date = _numeric_date(int(m.group("a")), int(m.group("b")), _year_of(m), m.group("sep"), lang)
    return None if date is None else ("date", date, None)


def _build_month_day_year(m: re.Match, lang: str):
    return "date", _calendar_date(_year_of(m), _month(m.group("mn")), _day(m.group("d"))), None


def _build_month_day(m: re.Match, lang: str):
    return "date", _calendar_date(None, _month(m.group("mn")), _day(m.group("d"))), None


def _build_month_year(m: re.Match, lang: str):
    return "date", _calendar_date(_year_of(m), _month(m.group("mn")), None), None


def _build_year_month_day(m: re.Match, lang: str):
    day = m.group("d")
    return "date", _calendar_date(_year_of(m), _month(m.group("mn")), _day(day) if day else None), None


def _build_month(m: re.Match, lang: str):
    return "month", _calendar_date(None, _month(m.group("mn")), None), None


def _build_year(m: re.Match, lang: str):
    return "year", PartialDate(year=_year_of(m)), None


def _build_decade(m: re.Match, lang: str):
    return "decade", PartialDate(decade=int(m.group("dec"))), None


def _build_century(m: re.Match, lang: str):
    if m.group("cn"):
        number = int(m.group("cn"))
    elif m.group("cr"):
        number = _roman(m.group("cr"))
    else:
        number = _EN_ORDINALS[re.sub(r"[\s-]+", "-", m.group("cw").lower())]
    if not number:
        return None
    return "century", PartialDate(century=number), None


def _build_day(m: re.Match, lang: str):
    return "day", PartialDate(day=_day(m.group("d"))), None


def _build_month_day_range(m: re.Match, lang: str):
    year, month = _year_of(m), _month(m.group("mn"))
    first, last = _calendar_date(year, month, _day(m.group("d1"))), _calendar_date(year, month, _day(m.group("d2")))
    if first.order_key() >= last.order_key():
        return None
    return "range", first, last


def _build_short_range(m: re.Match, lang: str):
    first = _year_of(m)
    last = first // 100 * 100 + int(m.group("yy"))
    # "1992-93" is a range; "2010-11" with a hyphen could be an ISO month, so
    # two digits above 12 are required there; an en dash is never ISO ("2003–04").
    # A plural Russian year word after it ("2010-11 гг.", "в 2010-11 годах") says years, not a month.
    iso_like = m.string[m.end("y")] == "-" and not _RU_PLURAL_YEARS.match(m.string, m.end("yy"), m.end())
    if (iso_like and int(m.group("yy")) <= 12) or last <= first:
        return None
    return "range", PartialDate(year=first), PartialDate(year=last)


def _build_holiday(m: re.Match, lang: str):
    return "holiday", None, None


_EN_ORDINAL_WORDS = "|".join(re.escape(w).replace("\\-", r"[\s-]") for w in sorted(_EN_ORDINALS, key=len, reverse=True))
_HOLIDAY_NAMES = (
    r"Christmas(?:\s+Eve)?|Easter|New\s+Year(?:'s\s+Eve)?|Nowruz|Navruz|Nauryz|Ramadan"
    r"|Eid\s+al-(?:Fitr|Adha)|Kurban\s+(?:Ait|Bayram)|Thanksgiving"
    r"|Новый\s+год|Рождеств[оа]|Пасх[аи]|Наурыз|Навруз"
)

# "The Day After", "Every Day": function words do not start a holiday name.
_NOT_HOLIDAY_START = (
    r"(?i:(?:the|this|that|these|those|every|each|one|same|next|last|first|second|third|any|some|which|what|a|an|"
    r"its|his|her|their|our|my|your|all|another|on|in|at|by|for|of|since|until|till|to|from|before|after|during|"
    r"and|or|but|day)\s)"
)

_ATOM_PATTERNS: list[tuple[re.Pattern, _Builder]] = [
    (re.compile(r"(?<![\w./-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\w/-])(?![.,]\d)"), _build_iso),
    # ISO 8601 year and month ("2011-12" is December 2011, not 2011 to 2012).
    (re.compile(r"(?<![\w./-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?![\w/-])(?![.,]\d)"), _build_iso_month),
    (re.compile(rf"(?<![\w.,/-])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\w/])(?![.,]\d)(?:{_RU_YEAR_WORD})?"), _build_numeric),
    (re.compile(rf"(?P<mn>{_EN_MONTH})\s+(?P<d>{_DAY})(?:\s*,\s*|\s+)(?P<y>{_YEAR})"), _build_month_day_year),
    (re.compile(rf"(?<![\w.,])(?P<d>{_DAY})\s+(?:of\s+)?(?P<mn>{_EN_MONTH})\s*,?\s+(?P<y>{_YEAR})"), _build_month_day_year),
    (re.compile(rf"(?<![\w.,])(?P<d>{_DAY})\s+(?P<mn>{_RU_MONTH})\s+(?P<y>{_YEAR})(?:{_RU_YEAR_WORD})?"), _build_month_day_year),
    (re.compile(rf"(?P<mn>{_EN_MONTH})\s*,?\s+(?:of\s+)?(?P<y>{_YEAR})"), _build_month_year),
    (re.compile(rf"(?P<mn>{_RU_MONTH})\s+(?P<y>{_YEAR})(?:{_RU_YEAR_WORD})?"), _build_month_year),
    # Year first, as reference entries date a work: Vancouver "2019 Mar;14(2)", "Epub 2021 Jan 12.", APA "(2021, March 4)";
    # only where the entry's punctuation closes the date, so that prose ("in 2019 March was ...") is not read so.
    (re.compile(rf"(?P<y>{_YEAR})(?:,\s*|\s+)(?P<mn>{_EN_MONTH})(?:\s+(?P<d>{_DAY}))?(?=[;:.)]|[ \t]*(?:\n|$))"), _build_year_month_day),
    (re.compile(rf"(?P<mn>{_EN_MONTH})\s+(?P<d>{_DAY})(?![\w])(?![.,:/]\d)"), _build_month_day),
    (re.compile(rf"(?<![\w.,])(?P<d>{_DAY})\s+(?:of\s+)?(?P<mn>{_ANY_MONTH})"), _build_month_day),
    (re.compile(rf"(?P<mn>{_EN_MONTH_FULL}|{_RU_MONTH_FULL})"), _build_month),
    (re.compile(rf"(?P<y>{_YEAR})(?P<yw>{_RU_YEAR_WORD})?"), _build_year),
    (re.compile(r"(?<![\w])(?<!\d[.,/])(?P<dec>\d{3})0(?:'|’)?s(?![\w])"), _build_decade),
    (re.compile(rf"(?<![\w])(?<!\d[.,/])(?P<dec>\d{{3}})0-?(?:ые|ых|х|е|x)(?![\w])(?:{_RU_YEAR_WORD})?"), _build_decade),
    (re.compile(
        r"(?:(?<![\w])(?P<cn>\d{1,2})(?:st|nd|rd|th|-?(?:й|го|м|ом))?|(?<![\w])(?P<cr>[IVX]{1,5})|(?<![\w])(?P<cw>(?i:" + _EN_ORDINAL_WORDS + r")))"
        r"[\s-]+(?:[Cc]entury|CENTURY|век(?:ами|ах|ам|ов|ом|а|е|у)?(?![\w])|в\.)"
    ), _build_century),
    # A bare day opening a range, with a dash or a word between the days ("20–25 June", "14 to 25 October").
    (re.compile(rf"(?<![\w.,])(?P<d>{_DAY})(?=(?:\s*[-–—]\s*|\s+(?:to|through|until|till|по|до)\s+){_DAY}\s+(?:of\s+)?{_ANY_MONTH})"), _build_day),
    (re.compile(rf"(?P<mn>{_EN_MONTH})\s+(?P<d1>{_DAY})\s*[-–—]\s*(?P<d2>{_DAY})\s*,?\s+(?P<y>{_YEAR})"), _build_month_day_range),
    (re.compile(rf"(?<![\w])(?<!\d[.,/])(?P<y>\d{{4}})[-–](?P<yy>\d{{2}})(?![\w])(?![.,/]\d)(?:{_RU_YEAR_WORD})?"), _build_short_range),
    (re.compile(rf"(?<![\w])(?:(?!{_NOT_HOLIDAY_START})(?:(?!Day\s)[A-Z][a-z]+(?:'s)?\s+){{1,3}}Day|День\s+[А-ЯЁ][а-яё]+|День\s+независимости|{_HOLIDAY_NAMES})(?![\w])"), _build_holiday),
]


def _atoms(text: str, start: int, end: int, lang: str) -> list[_Atom]:
    found = []
    for pattern, build in _ATOM_PATTERNS:
        for m in pattern.finditer(text, start, end):
            # A Cyrillic expression ("05/06/2007 г.") is read as Russian whatever the text.
            built = build(m, "ru" if _CYRILLIC.search(m.group()) else lang)
            if built is None:
                continue
            kind, first, last = built
            found.append(_Atom(m.start(), m.end(), kind, first, last, has_year_word=bool(m.groupdict().get("yw"))))
    return found


# --------------------------------------------------------------------------
# Context checks (finder only: an expression handed to normalise_date is a DATE)

_EXCLUDED_ZONES = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\d+(?:[-‐‑]\d+){2}[-‐‑][\dX]+"  # ORCIDs, phone numbers: 4+ hyphenated groups
    r"|(?i:\b(?:e-?ISSN|ISSN|ISBN|DOI|UDC|УДК|ББК))[\s:]*[\dX][\dX.\-/–]*"
    # page, volume and issue references: "p. 18", "pp. 20-25", "№ 1", "С. 2019", "Т. 5"
    # (upper-case "P." and "Т." are left alone: they are more often initials)
    r"|(?:№|(?<![\w])(?:[Nn]os?|[Vv]ol|pp?|[Сс]|т|[Ii]ss)\.|(?<![\w])(?i:issue|number))\s*\d+(?:\s*[-–]\s*\d+)?"
    # a Vancouver locator after the year: ";56(4):733-51", ";44 Suppl 2:S14-22"
    r"|;\s?\d+(?:\s?Suppl\s?\d+)?(?:\([\w\s-]+\))?:[A-Z]?\d+(?:[-–][A-Z]?\d+)?"
)

_QUANTITY_BEFORE = re.compile(
    r"(?i:(?<![\w])(?:about|approximately|approx\.|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|up\s+to|"
    r"at\s+least|roughly|some|около|более|менее|свыше|почти|примерно|порядка))\s+$"
)
_UNIT_AFTER = re.compile(
    r"^\s*(?:%|(?i:per\s*cent|percent|people|persons|men|women|children|soldiers|troops|militants|members|"
    r"participants|students|employees|fighters|copies|units|pages|km|kilomet(?:er|re)s|miles|met(?:er|re)s|kg|"
    r"tons|tonnes|hectares|dollars|euros|rubles|roubles|tenge|usd|eur|thousand|million|billion|times|cases|"
    r"years|months|weeks|days|hours|decades|centuries|лет|месяцев|дней|"
    # "the 2005 summit" is an EVENT name (guidelines: "X summit" where X is a year)
    r"summit|meeting|conference|forum|congress|саммит|саммита|конференци[яиейю]|форум|"
    r"человек|рублей|долларов|тенге|км|кг|тонн|страниц|процентов|раз|участников|военнослужащих|тысяч)(?![\w])"
    r"|(?:p|pp|с|стр|руб|чел|экз|тыс|млн|млрд)\.)"
)
# Capitalised words that may precede a year without making it part of a name.
_TIME_WORDS = frozenset(
    "in on at since from by until till before after during of between and to through throughout within around "
    "circa as for year early late mid spring summer autumn fall winter "
    "в во с со до по от на к после около летом весной осенью зимой".split()
)
_TIME_PREPOSITION_BEFORE = re.compile(
    r"(?i:(?<![\w])(?:in|since|from|until|till|by|during|before|after|of|early|late|mid|end\s+of|"
    r"beginning\s+of|middle\s+of|between|to|through|throughout))[\s-]+$"
)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?P<word>(?<![\w])[A-ZА-ЯЁ][\w'’]*)(?: |-)$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"«(\[]\s*)$")
# Bare years without calendar context are taken only in this range; earlier
# numbers are more often counts, later ones rarely appear as dates in articles.
_BARE_YEAR_RANGE = (1800, 2099)
_EARLY_YEAR_MIN = 1000
_LOOKBEHIND = 60


def _before(text: str, position: int, limit: int = _LOOKBEHIND) -> str:
    return text[max(0, position - limit):position]


def _year_in_name(text: str, atom: _Atom) -> bool:
    """"Peace Mission 2014", "Center-2019": a year glued to a name is part of it."""
    before = _before(text, atom.start)
    m = _CAPITALISED_WORD_BEFORE.search(before)
    if not m or m.group("word").lower() in _TIME_WORDS or m.group("word").lower() in _MONTH_NUMBERS:
        return False
    if before.endswith("-"):
        return True
    # A capitalised word that opens a sentence is an ordinary word ("Also 2005 ...").
    return not _SENTENCE_START_BEFORE.search(before[: m.start()])


def _acceptable(text: str, atom: _Atom) -> bool:
    if atom.kind in ("year", "range") and atom.first is not None and atom.first.month is None and not atom.has_year_word:
        year = atom.first.year
        if _QUANTITY_BEFORE.search(_before(text, atom.start)) or _UNIT_AFTER.match(text[atom.end:atom.end + 20]):
            return False
        if atom.kind == "year":
            if _year_in_name(text, atom):
                return False
            if not _BARE_YEAR_RANGE[0] <= year <= _BARE_YEAR_RANGE[1]:
                return year >= _EARLY_YEAR_MIN and bool(_TIME_PREPOSITION_BEFORE.search(_before(text, atom.start)))
    if atom.kind == "month":
        word = text[atom.start:atom.end]
        if _CYRILLIC.match(word):
            # A capitalised bare Russian month form is more often a name ("Мая").
            return word.islower()
        # "May" and "March" are also a verb/noun: require a temporal preposition.
        if word.lower() in ("may", "march"):
            return bool(_TIME_PREPOSITION_BEFORE.search(_before(text, atom.start)))
    return True


# --------------------------------------------------------------------------
# Ranges and modifiers

_RANGE_SEPARATOR = re.compile(r"\s*[-–—]\s*|\s+(?:to|through|until|till|and|по|до|и)\s+")
_BETWEEN_BEFORE = re.compile(r"(?i:(?<![\w])(?:between|между))\s+$")

_EN_MODIFIER = (
    r"(?i:(?:end|beginning|start|middle|turn|dawn|close|spring|summer|autumn|fall|winter"
    r"|(?:first|second|third|fourth|latter|last|final)\s+(?:half|quarter|third|part))\s+of"
    r"|early|late|middle|mid|spring|summer|autumn|fall|winter|years?)"
)
_RU_MODIFIER = (
    r"(?:[Нн]ачал[еоау]|[Кк]онц[еау]|[Кк]онец|[Сс]ередин[еыуа]|[Рр]убеж[еау]?|(?:[Пп]ерв|[Вв]тор)(?:ой|ая|ую)\s+половин[еыуа]"
    r"|[Вв]есн(?:ой|а|е|у)|[Лл]ет(?:ом|о|а)|[Оо]сен(?:ью|ь|и)|[Зз]им(?:ой|а|е|у))"
)
_MODIFIER_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:{_EN_MODIFIER}|{_RU_MODIFIER})\s+(?:(?i:the)\s+)?|(?i:mid|early|late|pre|post)-)$"
)


def _can_join(first: _Atom, last: _Atom) -> tuple[PartialDate, PartialDate] | None:
    """The two ends of a range written as ``first SEP last``, or None."""
    if first.first is None or last.first is None or first.last is not None or last.last is not None:
        return None
    a, b = first.first, last.first
    if first.kind == "day":
        if b.month is None or b.day is None:
            return None
        a = _calendar_date(b.year, b.month, a.day)
    elif a.year is None and a.decade is None and a.century is None:
        if b.year is None and (a.month is None or b.month is None):
            return None
        a = _calendar_date(b.year, a.month, a.day)
    if a.granularity != b.granularity or (a.year is None) != (b.year is None) or not (a.valid and b.valid):
        return None
    if a.order_key() >= b.order_key():
        return None
    return a, b


def _join_ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    joined: list[_Atom] = []
    for atom in atoms:
        previous = joined[-1] if joined else None
        if previous is not None:
            separator = _RANGE_SEPARATOR.fullmatch(text, previous.end, atom.start)
            ends = _can_join(previous, atom) if separator else None
            # "2005 and 2007" are two dates; "between 2005 and 2007" is one range.
            if ends and separator.group().strip() in ("and", "и"):
                ends = ends if _BETWEEN_BEFORE.search(_before(text, previous.start)) else None
            if ends:
                joined[-1] = _Atom(previous.start, atom.end, "range", ends[0], ends[1])
                continue
        joined.append(atom)
    # A bare day only exists as the start of a range ("20–25 June 2013").
    return [a for a in joined if a.kind != "day"]


def _extend_modifiers(text: str, atoms: list[_Atom], floor: int) -> None:
    for atom in atoms:
        window_start = max(floor, atom.start - _LOOKBEHIND)
        m = _MODIFIER_BEFORE.search(text, window_start, atom.start)
        if m and atom.kind != "holiday":
            atom.start = m.start()
        floor = atom.end


def _resolve_overlaps(atoms: list[_Atom]) -> list[_Atom]:
    """Keep the longest of overlapping atoms (flat, maximal spans)."""
    kept: list[_Atom] = []
    for atom in sorted(atoms, key=lambda a: (-(a.end - a.start), a.start)):
        if all(atom.end <= k.start or atom.start >= k.end for k in kept):
            kept.append(atom)
    return sorted(kept, key=lambda a: a.start)


def _parse(text: str, start: int, end: int, lang: str, in_context: bool) -> list[_Atom]:
    atoms = _atoms(text, start, end, lang)
    if in_context:
        zones = [m.span() for m in _EXCLUDED_ZONES.finditer(text, start, end)]
        atoms = [
            a for a in atoms
            if not any(a.start < z_end and z_start < a.end for z_start, z_end in zones) and _acceptable(text, a)
        ]
    atoms = _join_ranges(text, _resolve_overlaps(atoms))
    _extend_modifiers(text, atoms, start)
    return atoms


# --------------------------------------------------------------------------
# Public API


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None


def find_dates(text: str, lang: str = "en") -> list[DateMention]:
    """Calendar expressions in ``text`` with their normalised values.

    ``lang`` is the language of the text; it decides the day/month order of
    ambiguous slashed dates (a Cyrillic expression is always read as Russian).
    """
    return [DateMention(a.start, a.end, a.value) for a in _parse_in_context(text, 0, len(text), lang)]


def find_date_spans(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) of every calendar expression the rules find, in order."""
    return [(m.start, m.end) for m in find_dates(text, lang)]


_LEADING_NOISE = re.compile(
    r"(?:\s+|[\"'«»“”‘’(\[{,;:]"
    r"|(?i:the|in|on|at|since|from|by|until|till|before|after|during|of|for|to|between|around|circa|about|as\s+of|as)(?=\s)"
    r"|(?:[Вв]о?|[Сс]о?|[Дд]о|[Пп]о|[Оо]т|[Нн]а|[Кк]|[Пп]осле|[Оо]коло|[Мм]ежду|[Зз]а)(?=\s))"
)
_TRAILING_PUNCTUATION = "\"'«»“”‘’)]},;:!?…"
# Abbreviations whose final dot belongs to the span ("1992 г.", "XX в.", "Sept.").
_ABBREVIATION_DOT = re.compile(
    rf"(?<![\w])(?:гг?|вв?|{_alternation(_with_capitals(_RU_MONTH_ABBREVIATIONS))}|{_alternation(_EN_MONTH_ABBREVIATIONS)})\.$"
)


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end:
        m = _LEADING_NOISE.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    while end > start:
        char = text[end - 1]
        if char.isspace() or char in _TRAILING_PUNCTUATION:
            end -= 1
        elif char == "." and not _ABBREVIATION_DOT.search(text, start, end):
            end -= 1
        else:
            break
    return start, end


def normalise_date(expression: str, lang: str = "en") -> str | None:
    """The guidelines' DATE ``value`` of one expression, or None.

    Leading "the"/prepositions, modifiers and Russian year words do not change
    the value. None for holidays, typos, impossible dates and anything that is
    not one calendar expression (or one range) as a whole.
    """
    start, end = _strip_edges(expression, 0, len(expression))
    atoms = _parse(expression, start, end, lang, in_context=False)
    if len(atoms) != 1 or (atoms[0].start, atoms[0].end) != (start, end):
        return None
    return atoms[0].value


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


@lru_cache(maxsize=64)
def _parse_in_context(text: str, start: int, end: int, lang: str) -> tuple[_Atom, ...]:
    """The calendar expressions of text[start:end], read in context (cached: a model proposes several DATEs
    per line, and the NER stage reads a one-line text's dates both to trim them and to find them)."""
    return tuple(_parse(text, start, end, lang, in_context=True))


def _line_atoms(text: str, line_start: int, line_end: int) -> tuple[_Atom, ...]:
    """The calendar expressions of one line, read in context."""
    return _parse_in_context(text, line_start, line_end, "en")


def trim_date_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Clean a DATE span proposed by a model, or None when it holds no DATE.

    Leading "the", prepositions and punctuation are stripped; the span is then
    cut to the calendar expressions the rules find inside it (with their
    modifiers), read in the context of its line so that URLs, counts and
    names are recognised. Durations, relative times, weekdays, clock
    times and bare numbers that are not years contain no such expression.
    """
    start, end = _strip_edges(text, start, end)
    if start >= end:
        return None
    inside = [a for a in _line_atoms(text, *_line_bounds(text, start, end)) if a.start < end and start < a.end]
    if not inside:
        return None
    return max(start, inside[0].start), min(end, inside[-1].end)


# --------------------------------------------------------------------------
# Component


def _segment_lang(doc: Document, position: int) -> str:
    for segment in doc.segments:
        if segment.start <= position < segment.end:
            return segment.lang
    return "en"


@register("date_values")
class DateValues:
    """Sets ``value`` on every DATE entity from its own text."""

    name = "date_values"

    def __call__(self, doc: Document) -> Document:
        for entity in doc.entities:
            if entity.label != "DATE":
                continue
            lang = "ru" if _CYRILLIC.search(entity.text) else _segment_lang(doc, entity.start)
            entity.value = normalise_date(entity.text, lang)
        return doc
