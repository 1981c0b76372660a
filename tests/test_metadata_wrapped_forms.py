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


def test_a_bracketed_source_line_names_the_journal_without_its_bracket():
    assert page_fields("Ferns of the Bureya range\n[Far Eastern Botany Letters, 2016, Vol. 3, No. 2]\n") == {
        "journal": "Far Eastern Botany Letters", "year": "2016", "volume": "3", "issue": "2"}


def test_record_table_cells_label_above_value_without_colons():
    page = """Текст научной работы на тему «Ferns of the Bureya range»

Авторы

Ли О. К., Сомова Т. Т.

Журнал

Вестник дальневосточной флоры

Год

2016

Номер

2 (9)

Ferns of the Bureya range

Abstract. Forty-one species of ferns were found in the valleys of the Bureya range in the summers of 2013–2015.
"""
    assert page_fields(page) == {"journal": "Вестник дальневосточной флоры", "year": "2016", "volume": None, "issue": "2 (9)"}
    parts = segments(page, ("Текст", "ru", "wrapper"), ("Ferns of the Bureya range\n\nAbstract", "en", "article"))
    assert [a["name"] for a in extract_metadata(doc(page, parts))["authors"]] == ["Ли О. К.", "Сомова Т. Т."]


def test_a_label_word_alone_without_a_neighbouring_row_is_a_menu_item():
    page = """Главная

Журнал

Вестник дальневосточной флоры

Архив
"""
    assert page_fields(page)["journal"] is None


def test_a_periodical_crumb_before_the_year_crumb_names_the_journal():
    page = "Journals / Amur Fisheries Review / 2019 / No. 4 (12)\n\nSalmon runs of the Amur\n"
    found = page_fields(page)
    assert (found["journal"], found["issue"]) == ("Amur Fisheries Review", "4 (12)")
    # a crumb without a periodical's word is a site section, not the journal
    page = "Home / Fisheries Science / 2019 / No. 4 (12)\n\nSalmon runs of the Amur\n"
    assert page_fields(page)["journal"] is None


def test_site_name_above_a_language_menu_and_an_issue_breadcrumb_is_the_journal():
    page = """Bulletin of Altai Ethnography
Home | Current | Archives | About | English | Русский
Home / Archives / Vol. 2 No. 1 (2015) / Reviews

Felt carpets of the Telengits
"""
    assert page_fields(page)["journal"] == "Bulletin of Altai Ethnography"


def test_a_surname_given_name_whose_patronymic_opens_the_next_line():
    page = """Peat fires of the Meshchera

Golovanova Tatyana
Igorevna¹, Sokolnikov Ilya Petrovich²
¹ Ryazan Institute of Mire Studies, Ryazan, Russia
² Meshchera Forest Station, Spas-Klepiki, Russia

The peat fires of 2010 burnt 12 000 ha of drained mires in the Meshchera lowlands, and rewetting has since been tried on a fifth of them.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("Golovanova Tatyana Igorevna", "Ryazan Institute of Mire Studies"),
        ("Sokolnikov Ilya Petrovich", "Meshchera Forest Station")]


def test_degrees_between_a_name_and_its_marker():
    line = "Timur K. Ospanov, MD, PhD¹; Galina V. Reut, MD²,*; Oleg Z. Brik, DSc"
    names = read_byline(line, 0, len(line))
    assert [(n.text, n.markers) for n in names] == [
        ("Timur K. Ospanov", ["1"]), ("Galina V. Reut", ["2", "*"]), ("Oleg Z. Brik", [])]


def test_a_date_before_by_on_the_same_line_is_a_dated_byline():
    page = """Балтийский курьер / Baltic Courier
Главная | Новости

Ferry line to Kaliningrad gets a second ship

4 June 2022 | By Ilona Vaitkute, Klaipeda correspondent

The second ferry will double the number of lorries that cross the sea each week, the operator said in May.
"""
    meta = extract_metadata(doc(page))
    assert (meta["journal"], meta["year"]) == ("Baltic Courier", 2022)
    assert [a["name"] for a in meta["authors"]] == ["Ilona Vaitkute"]
    # a date with no "By" after it is no byline
    assert extract_metadata(doc(page.replace("| By Ilona Vaitkute,", "|")))["authors"] == []


def test_a_line_of_site_words_above_the_byline_is_not_the_title():
    page = """Lake Ladoga Studies. 2018. Vol. 2, No. 1

Seal haul-outs on the Valaam islands

Cite   Share   Download PDF

Irina V. Toivonen¹, Pavel A. Sorvali²
¹ Ladoga Seal Research Station, Sortavala, Russia
² Karelian Institute of Lake Biology, Petrozavodsk, Russia

The ringed seals of Lake Ladoga hauled out on 14 rocky islets of the archipelago in the ice-free seasons of 2015–2017, most of them on the outer skerries far from boat routes.
"""
    assert extract_metadata(doc(page))["title"] == "Seal haul-outs on the Valaam islands"


def test_a_journal_name_printed_in_two_languages_parted_by_a_spaced_dash():
    page = """Жаршысы — Herald of Ural River University. 2017. No. 1 (9)

Sturgeon spawning grounds of the Ural river

Anel B. Zhaksylyk
Ural River University, Uralsk, Kazakhstan

The sturgeon spawning grounds of the middle Ural river were mapped by sonar in 2014–2016, and only four of the eleven grounds known in the 1980s were still used by the fish.
"""
    assert extract_metadata(doc(page))["journal"] == "Herald of Ural River University"


def test_a_header_read_as_the_pages_is_taken_back_when_the_article_opens_with_prose():
    page = """Источник: Реки Севера: материалы конференции (Архангельск, 5 мая 2021 г.). – Архангельск, 2021. – С. 10–12.

Floods on the Vychegda river

KOZLOV Ivan
инженер-гидролог
Котласская гидрологическая станция, г. Котлас

The Vychegda rose above the flood mark at Kotlas in six of the last twenty springs, each time after a snowy winter and a cold April.
"""
    parts = segments(page, ("Источник", "ru", "wrapper"), ("The Vychegda rose", "en", "article"))
    meta = extract_metadata(doc(page, parts))
    assert meta["title"] == "Floods on the Vychegda river"
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("KOZLOV Ivan", "Котласская гидрологическая станция")]
