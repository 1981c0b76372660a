"""Metadata forms of issue 15 met on the m98–m120 dev layouts, each rule tried on a made-up page of its own.

Every page here is invented for these tests (not from the seed page, not from the layout sets)."""

from textmine.document import Document, Segment
from textmine.stages.metadata import extract_metadata
from textmine.stages.metadata.bylines import read_byline
from textmine.stages.metadata.sources import choose_fields, find_statements, read_statement


def doc(text: str, segments: list[Segment] | None = None) -> Document:
    return Document("test", text, segments=segments or [])


def segments(text: str, *parts: tuple[str, str, str]) -> list[Segment]:
    """Segments from (first words, lang, role) triples, each running to the next one's start."""
    starts = [text.index(first) for first, _, _ in parts] + [len(text)]
    return [Segment(starts[i], starts[i + 1], lang, role) for i, (_, lang, role) in enumerate(parts)]


def page_fields(text: str) -> dict:
    chosen = choose_fields(find_statements(text, [(0, len(text))]), text)
    return {name: text[span[0]:span[1]] if span else None for name, span in vars(chosen).items()}


def test_a_symbol_after_a_comma_is_a_marker_and_the_list_goes_on():
    line = "Tamara V. Golub1,✉, Arslan K. Beisenov2, Irina O. Mints1,*"
    names = read_byline(line, 0, len(line))
    assert [(n.text, n.markers) for n in names] == [
        ("Tamara V. Golub", ["1", "✉"]), ("Arslan K. Beisenov", ["2"]), ("Irina O. Mints", ["1", "*"])]


def test_a_series_named_last_stays_in_the_journal_name():
    line = ("For citation: Baitursynov K. A. Reading aloud in the first grade // Bulletin of Turgai University. "
            "Humanities Series. 2018. No. 3 (31). P. 12–20.")
    statement = read_statement(line)
    assert line[slice(*statement.journal)] == "Bulletin of Turgai University. Humanities Series"
    assert line[slice(*statement.issue)] == "3 (31)"
    # the series named first keeps working, and a sentence merely ending the title is no series
    line = "Oleshko P. Title of a paper. Vestnik Tomskogo universiteta. Series Biology. 2020. No. 2."
    assert line[slice(*read_statement(line).journal)] == "Vestnik Tomskogo universiteta. Series Biology"
    line = "Oleshko P. Time series. Lake Science Letters. 2020. No. 2."
    assert line[slice(*read_statement(line).journal)] == "Lake Science Letters"


def test_the_date_line_below_a_bylines_position_line_gives_the_year():
    page = """Steppe Affairs — analysis
Home | Analysis | About

Water quotas on the Ili river

By TIMUR ZHANABAYEV
Research Fellow, Almaty Centre for Water Policy
November 14, 2019

Kazakhstan and China have argued over the Ili for decades, and the talks resumed in 2017.

© 2015–2024 Steppe Affairs
"""
    assert page_fields(page)["year"] == "2019"
    # only a date alone counts on the second line: a sentence with a date there is the article's body
    page = page.replace("November 14, 2019", "Talks resumed on November 14, 2019, in Almaty.")
    assert page_fields(page)["year"] is None


def test_russian_header_above_an_english_article_states_the_source_and_the_information_block_the_authors():
    page = """Известия Уральского горного колледжа. 2017. № 2 (25). С. 30–41
Беляков П. С.¹, Ким Л. Э.²
¹ Уральский горный колледж, Екатеринбург
² Институт карьерной техники, Екатеринбург

Dust suppression on haul roads of open-pit mines

Abstract. Spraying a lignin solution on haul roads kept dust below the limit for nine days, against one day for water.

Keywords: dust; haul roads; open-pit mining.

Information about the authors
Pavel S. Belyakov — Senior Lecturer, Ural Mining College, Yekaterinburg, Russia; e-mail: belyakov.ps@umc.example.ru
Lidia E. Kim, Researcher, Institute of Open-Pit Machinery, Yekaterinburg, Russia; e-mail: kim.le@iopm.example.ru

How to cite: Belyakov P. S., Kim L. E. Dust suppression ...
"""
    parts = segments(page, ("Известия", "ru", "article"), ("Dust suppression on", "en", "article"))
    meta = extract_metadata(doc(page, parts))
    assert (meta["title"], meta["journal"], meta["year"], meta["issue"]) == (
        "Dust suppression on haul roads of open-pit mines", "Известия Уральского горного колледжа", 2017, "2 (25)")
    assert [(a["name"], a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("Pavel S. Belyakov", "belyakov.ps@umc.example.ru", "Ural Mining College"),
        ("Lidia E. Kim", "kim.le@iopm.example.ru", "Institute of Open-Pit Machinery"),
    ]


def test_a_heading_without_name_lines_below_gives_no_authors():
    page = """Dust suppression on haul roads of open-pit mines

Abstract. Spraying a lignin solution on haul roads kept dust below the limit for nine days, against one day for water.

About the authors
The authors work on mine safety in the Urals.
"""
    assert extract_metadata(doc(page))["authors"] == []


def test_english_title_over_a_card_read_as_russian_is_the_articles():
    page = """НАУЧНАЯ БИБЛИОТЕКА «ЗНАНИЕ»
Вход   Регистрация

PEAT FIRES AND AIR QUALITY IN THE MESHCHERA LOWLANDS

ГОЛОВАНОВА Т.И.1, ЛИ В.А.2
1 Рязанский институт болотоведения, г. Рязань
2 Мещерская лесная станция, г. Спас-Клепики
Том: 4   Номер: 1   Год: 2016   Страницы: 5-14
ЖУРНАЛ:
ТОРФ И БОЛОТА
"""
    # the segmenter's swap: the card's Russian lines are the "article", the English title a wrapper between them
    parts = segments(page, ("НАУЧНАЯ", "ru", "article"), ("PEAT FIRES", "en", "wrapper"), ("ГОЛОВАНОВА", "ru", "article"),
                     ("ТОРФ И", "ru", "wrapper"))
    meta = extract_metadata(doc(page, parts))
    assert (meta["title"], meta["journal"], meta["year"], meta["volume"], meta["issue"]) == (
        "PEAT FIRES AND AIR QUALITY IN THE MESHCHERA LOWLANDS", "ТОРФ И БОЛОТА", 2016, "4", "1")
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("ГОЛОВАНОВА Т.И.", "Рязанский институт болотоведения"), ("ЛИ В.А.", "Мещерская лесная станция")]


def test_an_english_line_without_card_fields_below_does_not_move_the_article():
    page = """Новости науки

Open day at the institute

В субботу институт открыл свои лаборатории для школьников и студентов.
"""
    parts = segments(page, ("Новости", "ru", "article"), ("Open day", "en", "wrapper"), ("В субботу", "ru", "article"))
    assert extract_metadata(doc(page, parts))["title"] != "Open day at the institute"
