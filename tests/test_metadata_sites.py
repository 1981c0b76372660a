"""Metadata forms of issue 15 met on the m197–m226 dev layouts (site templates that carry English articles on
Russian pages), each rule tried on a made-up page or line of its own, with a case the rule must leave alone.

Every page and line here is invented for these tests (not from the seed page, not from the layout sets)."""

from textmine.document import Document, Segment
from textmine.stages.metadata import _AFFILIATION_WORDS, Line, MetadataExtractor, extract_metadata
from textmine.stages.metadata.bylines import DEGREE, read_byline
from textmine.stages.metadata.sources import (DATED_BYLINE, RANK_CITATION, _publication_years, bilingual_masthead, choose_fields,
                                              dublin_core_rows, find_statements,
                                              leading_date_year, read_statement)


def doc(text: str, segments: list[Segment] | None = None) -> Document:
    return Document("test", text, segments=segments or [])


def journal_of(line: str, rank: int = RANK_CITATION) -> str | None:
    statement = read_statement(line, 0, rank)
    return line[statement.journal[0]:statement.journal[1]] if statement and statement.journal else None


def test_a_section_after_a_bulletins_name_belongs_to_the_journal():
    line = ("For citation: Orlova P. S. Dune sands of the Ob valley. Bulletin of Tver University. Geology, 2020, vol. 5, "
            "issue 2, pp. 3–9.")
    assert journal_of(line) == "Bulletin of Tver University. Geology"
    assert journal_of("Tver University Bulletin. Series 3. Hydrology. 2019. No. 4. P. 5–9") == (
        "Tver University Bulletin. Series 3. Hydrology")
    # a one-word journal after a title without a periodical's word stays alone
    assert journal_of("Orlova P. S. Dune sands of the Ob valley. Ecology, 2020, vol. 5, no. 2, pp. 3–9.") == "Ecology"


def test_bullet_parts_around_a_journal_drop_access_labels():
    line = "Arctic Soils Review • Open Access • Volume 4, Issue 1, Pages 1 - 9 • May 2020"
    statement = read_statement(line)
    assert journal_of(line) == "Arctic Soils Review"
    assert (line[slice(*statement.volume)], line[slice(*statement.issue)]) == ("4", "1")
    assert journal_of("Open Access • Volume 4, Issue 1, Pages 1 - 9") is None


def test_print_issn_and_bar_before_the_journal_are_no_part_of_it():
    assert journal_of("ISSN 1234-5678 (Print) | Steppe Bulletin, 2019, vol. 3, no. 1, pp. 4–9") == "Steppe Bulletin"


def test_an_article_number_after_year_and_volume_is_no_year():
    line = "Boreal Lakes 2021, 13, 2045. https://doi.org/10.99999/bl13042045"
    statement = read_statement(line, 0, 0)
    assert line[slice(*statement.year)] == "2021" and journal_of(line) == "Boreal Lakes"
    # two years in a row are both years
    assert [("Published 2019, 2020"[s:e]) for s, e in _publication_years("Published 2019, 2020")] == ["2019", "2020"]


def test_a_dated_bar_byline_gives_the_date_and_the_name():
    line = "Commentary | 14.04.2022 | Olesya Varlamova"
    match = DATED_BYLINE.match(line)
    assert match.group("name") == "Olesya Varlamova" and match.group(5) == "2022"
    assert DATED_BYLINE.match("Home | Analysis | Contacts") is None
    assert DATED_BYLINE.match("Vol. 5 | No. 2 | 2021") is None


def test_a_line_that_opens_with_a_date_gives_its_year():
    line = "April 12, 2023 Reading time: 7 min Print"
    assert line[slice(*leading_date_year(line))] == "2023"
    assert leading_date_year("14.04.2022")
    assert leading_date_year("Received 14.04.2022") is None


def test_a_masthead_of_a_russian_then_an_english_name_without_a_separator():
    lines = [(0, "Центр «Байкал» Baikal Policy Centre"), (36, "Главная Аналитика Эксперты")]
    span = bilingual_masthead(lines)
    assert lines[0][1][span[0]:span[1]] == "Baikal Policy Centre"
    # a Russian menu that ends with a language switch names no outlet
    assert bilingual_masthead([(0, "Главная Архив English Version")]) is None


def test_degree_with_full_stops_before_a_space():
    assert DEGREE.match("Ph.D. in Economics, Senior Research Fellow")
    assert not DEGREE.match("Phillips curve in Siberia")


ANALYSIS_PAGE = """Центр «Байкал» Baikal Policy Centre

Главная Аналитика Эксперты Контакты

Analysis

Water levels of Lake Baikal and the Angara dams

Olesya Varlamova

Ph.D. in Geography, Senior Research Fellow, Irkutsk Institute of Water Problems

March 3, 2021 Reading time: 5 min

The level of Lake Baikal is set by the Irkutsk dam within a band of one metre, and the dry years of 2015–2017 pushed it to the lower limit of that band for the first time since the dam was built.

© 2012–2026 Центр «Байкал»
"""


def test_an_author_card_above_the_article_gives_author_date_and_outlet():
    article = ANALYSIS_PAGE.index("Ph.D.")
    footer = ANALYSIS_PAGE.index("©")
    segments = [Segment(0, article, "en", "wrapper"), Segment(article, footer, "en", "article"),
                Segment(footer, len(ANALYSIS_PAGE), "ru", "wrapper")]
    meta = extract_metadata(doc(ANALYSIS_PAGE, segments))
    assert meta["title"] == "Water levels of Lake Baikal and the Angara dams"
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("Olesya Varlamova", "Irkutsk Institute of Water Problems")]
    assert (meta["journal"], meta["year"]) == ("Baikal Policy Centre", 2021)


def test_a_position_line_without_a_name_above_it_invents_no_author():
    page = ANALYSIS_PAGE.replace("Olesya Varlamova\n\n", "")
    article = page.index("Ph.D.")
    footer = page.index("©")
    segments = [Segment(0, article, "en", "wrapper"), Segment(article, footer, "en", "article"),
                Segment(footer, len(page), "ru", "wrapper")]
    assert extract_metadata(doc(page, segments))["authors"] == []


DUBLIN_CORE_PAGE = """Volga Open Archive
Full item record

dc.contributor.author\tKozyreva, Marina O.\ten
dc.contributor.author\tКозырева, Марина Олеговна\tru
dc.contributor.author\tBelykh, Oleg T.\ten
dc.date.accessioned\t2023-01-12T10:00:00Z\t-
dc.date.issued\t2020-11\t-
dc.identifier.citation\tKozyreva M. O. Pike perch in the Saratov reservoir / M. O. Kozyreva, O. T. Belykh // Volga Fisheries Journal. — 2020. — Vol. 6, № 3. — P. 7-15.\ten
dc.description.abstract\tThe catch of pike perch fell by a third in the reservoir in 2010–2019 while the catch of bream doubled over the same years.\ten
dc.title\tPike perch in the Saratov reservoir\ten
dc.title.alternative\tСудак Саратовского водохранилища\tru
"""


def test_dublin_core_rows_give_title_authors_and_source():
    meta = extract_metadata(doc(DUBLIN_CORE_PAGE))
    assert meta["title"] == "Pike perch in the Saratov reservoir"
    assert [a["name"] for a in meta["authors"]] == ["Kozyreva, Marina O.", "Belykh, Oleg T."]
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Volga Fisheries Journal", 2020, "6", "3")


def test_dublin_core_cells_on_lines_of_their_own():
    page = ("Repository\n\ndc.contributor.author\n\nNoskov, Ilya P.\n\nen\n\ndc.date.issued\n\n2018\n\n"
            "dc.relation.ispartof\n\nKama Hydrology Letters\n\nen\n\ndc.title\n\nIce jams on the Vyatka\n\nen\n")
    rows = dublin_core_rows(page)
    assert [(name, page[s:e]) for name, s, e in rows] == [
        ("dc.contributor.author", "Noskov, Ilya P."), ("dc.date.issued", "2018"),
        ("dc.relation.ispartof", "Kama Hydrology Letters"), ("dc.title", "Ice jams on the Vyatka")]
    meta = extract_metadata(doc(page))
    assert (meta["title"], meta["journal"], meta["year"]) == ("Ice jams on the Vyatka", "Kama Hydrology Letters", 2018)


def test_a_page_that_mentions_a_dublin_core_field_once_has_no_record():
    page = "Metadata schemes\n\nThe field dc.title holds the title of a resource in most repositories.\n"
    assert dublin_core_rows(page) == []


def test_today_is_a_label_only_before_a_colon_or_a_date():
    line = ("Rivers of the Urals: today and tomorrow: Proceedings of the All-Russian Conference (Perm, 3–4 June 2020) "
            "/ ed. by P. S. Orlov. – Perm: Kama Press, 2021. – 210 p.")
    statement = read_statement(line)
    assert line[slice(*statement.year)] == "2021"
    assert line[slice(*statement.journal)] == "Rivers of the Urals: today and tomorrow: Proceedings of the All-Russian Conference"
    assert _publication_years("Today: 07.12.2026 Kama Press, 2021") == []


def test_record_rows_label_above_value_and_year_slash_names():
    page = """Главная / Науки о Земле / Kama Hydrology Letters
Spring floods of the Vyatka in 1990–2020
2019 / Noskov I. P., Lapteva O. K.
Журнал
Kama Hydrology Letters
Область наук
Науки о Земле
Похожие темы
Ice jams of the Kama
2016 / Orlova S. T.
"""
    fields = choose_fields(find_statements(page, [(0, len(page))]), page)
    assert page[slice(*fields.journal)] == "Kama Hydrology Letters" and page[slice(*fields.year)] == "2019"
    # a menu word alone above a name and another menu word is no record row
    menu = "Журнал\nKama Hydrology Letters\nКонтакты\n"
    assert choose_fields(find_statements(menu, [(0, len(menu))]), menu).journal is None


def test_a_capitals_header_in_the_running_text_counts_when_it_names_the_journal_found_elsewhere():
    wrapper = "Журнал: Kama Hydrology Letters\nГод: 2019\n"
    body = "KAMA HYDROLOGY LETTERS. 2019. No. 3 (21)\nThe floods came early in most years of the period.\n"
    other = "ANNALS OF HYDROLOGY. 2015. No. 4\nThe floods came early in most years of the period.\n"
    for text, issue in ((wrapper + body, "3 (21)"), (wrapper + other, None)):
        statements = find_statements(text, [(0, len(wrapper))], (len(wrapper), len(text)))
        fields = choose_fields(statements, text)
        assert (text[slice(*fields.issue)] if fields.issue else None) == issue


FRONT_MATTER_PAGE = """SOILS OF THE TRANS-URALS: PAST AND FUTURE
Proceedings of the Regional Scientific Conference
(Kurgan, 5–6 October 2021)

Editorial board:
P. S. Orlov (chair), T. V. Kraeva

Soils of the Trans-Urals: past and future: Proceedings of the Regional Scientific Conference (Kurgan, 5–6 October 2021) / ed. by P. S. Orlov. – Kurgan: Tobol Press, 2022. – 180 p.

The volume brings together the papers read at the conference on the soils and land use of the Trans-Urals region.

Salinity of the Tobol floodplain soils

A. N. Vedernikova, S. P. Ilyin
Kurgan Soil Institute, Kurgan, Russia

Samples from forty pits on the Tobol floodplain show that salinity rose where the spring floods had not reached the meadows for three years running.
"""


def test_a_volumes_front_matter_above_the_paper_gives_way_to_the_papers_title():
    segments = [Segment(0, len(FRONT_MATTER_PAGE), "en", "article")]
    meta = extract_metadata(doc(FRONT_MATTER_PAGE, segments))
    assert meta["title"] == "Salinity of the Tobol floodplain soils"
    assert [a["name"] for a in meta["authors"]] == ["A. N. Vedernikova", "S. P. Ilyin"]
    assert (meta["journal"], meta["year"]) == (
        "Soils of the Trans-Urals: past and future: Proceedings of the Regional Scientific Conference", 2022)


def test_letter_markers_glued_to_the_last_initial():
    line = "Sabirova L.K.a, Dronov P.T.b  Save all to author list"
    assert [(n.text, n.markers) for n in read_byline(line, 0, len(line))] == [("Sabirova L.K.", ["a"]), ("Dronov P.T.", ["b"])]
    # a longer lower-case run after the initials is no marker
    assert read_byline("Sabirova L.K.abc, Dronov P.T.", 0, 29) == []


def test_a_nature_reserve_and_a_mill_are_institutions_a_staff_list_is_no_affiliation():
    page = """Lichens of the Katun valley

Roza M. Tadysheva¹, Pavel O. Grin²
¹ Katun Nature Reserve, Gorno-Altaisk, Russia
² Biysk Flax Mill, Biysk, Russia

Forty species of lichens were found on the larch bark of the Katun valley, and six of them had not been known from the Altai mountains before.
"""
    meta = extract_metadata(doc(page))
    assert [a["affiliation"] for a in meta["authors"]] == ["Katun Nature Reserve", "Biysk Flax Mill"]
    card = """Название: Lichens of the Katun valley
Авторы: Tadysheva R.M., Grin P.O.
Сотрудники университета: Тадышева Роза Михайловна
Журнал: Altai Botanical Letters
Год: 2020
"""
    assert [a["affiliation"] for a in extract_metadata(doc(card))["authors"]] == [None, None]
    # a surname that holds the word is no institution
    assert _AFFILIATION_WORDS.search("Anna Miller, Reservoir Street") is None


def test_a_list_item_whose_name_runs_into_its_institution():
    line = "Lev K. Aristov Tobol Institute of Soil Research, Tyumen, Russia https://orcid.org/0000-0002-1825-0097"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Lev K. Aristov"]
    page = f"""Soil frost on the Tobol terraces

Vera P. Kozlova Tyumen Agrarian University, Tyumen, Russia
{line}

Frost reached 1.4 m under bare soil and 0.6 m under snow-covered meadows in the winters from 2015 to 2020 on the terraces.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"], a["orcid"]) for a in authors] == [
        ("Vera P. Kozlova", "Tyumen Agrarian University", None),
        ("Lev K. Aristov", "Tobol Institute of Soil Research", "0000-0002-1825-0097")]
    # an eponym printed with initials first stays in the institution's name
    eponym = "1 A. N. Kosygin Textile Institute, Moscow, Russia"
    extractor = MetadataExtractor(doc(eponym))
    found = extractor._affiliation_line(Line(0, len(eponym), eponym))
    assert eponym[found.start:found.end] == "A. N. Kosygin Textile Institute"


def test_information_lines_after_the_text_give_the_institution():
    page = """Ferry traffic on Lake Ladoga

T. S. Kurgina, M. O. Veselov

Ferries carried a third more cars across the northern part of the lake in 2021 than in 2019, and the waiting times doubled at the Sortavala pier in the summer months.

Information about the authors
Tatiana S. Kurgina – Cand. Sci. (Econ.), Associate Professor, Department of Logistics, Ladoga Transport Institute (5 Lenin St., Petrozavodsk, 185000, Russia; kurgina@example.ru)

About the author
Mikhail O. Veselov
Sortavala Maritime College, Sortavala
Россия
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("T. S. Kurgina", "Ladoga Transport Institute"), ("M. O. Veselov", "Sortavala Maritime College")]
    # a reference that opens with the author's name is no information line
    cited = page.split("Information about")[0] + "References\nKurgina T. S., Veselov M. O. Ferries // Bulletin of Ladoga University. 2020. No. 2.\n"
    assert [a["affiliation"] for a in extract_metadata(doc(cited))["authors"]] == [None, None]


def test_first_page_footnotes_give_institution_e_mail_and_orcid_by_number():
    page = """Ice roads of the Yenisei

Oleg V. Dudin¹, Sofia A. Laptsevich²

Abstract. The ice road from Dudinka to the right bank opened on average nine days later in 2011–2020 than in 1981–1990 because of the warmer autumns of the last decade.

1. Introduction
The ice roads carry most of the winter cargo of the lower Yenisei.

¹ Norilsk Polar Institute, Norilsk, Russia. E-mail: dudin@example.ru. ORCID: 0000-0002-1825-0097
² Dudinka Port Research Station, Dudinka, Russia. E-mail: laptsevich@example.ru
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["affiliation"], a["email"], a["orcid"]) for a in authors] == [
        ("Norilsk Polar Institute", "dudin@example.ru", "0000-0002-1825-0097"),
        ("Dudinka Port Research Station", "laptsevich@example.ru", None)]
    # numbered reference entries are no footnotes
    listed = page.replace("¹ Norilsk", "1. Norilsk").replace("² Dudinka", "2. Dudinka")
    assert [a["affiliation"] for a in extract_metadata(doc(listed))["authors"]] == [None, None]


def test_an_author_date_citation_takes_the_year_after_the_authors_not_one_in_the_title():
    line = ("How to Cite: Gadzhiev, M. G. (2021). Irrigation tariffs after the 2015 reform. Caspian Water Economics, "
            "5(2), 44–58.")
    statement = read_statement(line, 0, RANK_CITATION)
    assert line[slice(*statement.year)] == "2021"
    # without an author-date year, the year next to the volume and issue
    other = "Gadzhiev M. G. Irrigation tariffs after the 2015 reform. Caspian Water Economics. 2021;5(2):44–58."
    assert other[slice(*read_statement(other, 0, RANK_CITATION).year)] == "2021"


def test_a_saved_journal_page_names_its_journal_after_the_skip_links_and_dates_it_by_a_bare_label():
    page = """Skip to main content
Skip to main navigation menu
Open Menu
Kama Journal of Hydrology
Current
Archives
About
Home / Archives / Vol. 4 No. 2 / Articles
Ice jams on the Vyatka
Published
2020-12-25
"""
    fields = choose_fields(find_statements(page, [(0, len(page))]), page)
    assert (page[slice(*fields.journal)], page[slice(*fields.year)]) == ("Kama Journal of Hydrology", "2020")
    # a site name above prose, and a date under any other label, say nothing
    other = "Skip to main content\nKama Journal of Hydrology\nThe journal was founded in the spring.\nUpdated\n2024-01-10\n"
    fields = choose_fields(find_statements(other, [(0, len(other))]), other)
    assert fields.journal is None and fields.year is None


def test_a_russian_date_in_an_english_piece():
    line = "14 апреля 2022"
    assert line[slice(*leading_date_year(line))] == "2022"
    assert leading_date_year("Апрель и май 2022") is None


def test_a_rubric_above_the_title_of_an_html_page_is_no_part_of_it():
    page = ("Клуб «Вега» Vega Policy Club\n\nExpert Opinions\n\nFerries of the White Sea in a warm decade\n\n"
            "Oksana Lebedeva\n\n14 апреля 2022\n\n"
            "The ferries to the Solovetsky Islands ran six weeks longer in 2021 than in 2011, and the islands received "
            "a third more visitors in the seasons that followed the change.\n")
    article = page.index("The ferries")
    document = Document("test", page, segments=[Segment(0, article, "en", "wrapper"), Segment(article, len(page), "en", "article")],
                        source={"html": {"title": "", "meta": {}}})
    meta = extract_metadata(document)
    assert meta["title"] == "Ferries of the White Sea in a warm decade"
    assert [a["name"] for a in meta["authors"]] == ["Oksana Lebedeva"]
    assert (meta["journal"], meta["year"]) == ("Vega Policy Club", 2022)


def test_a_section_label_above_a_date_is_no_byline():
    page = ("Ferries of the White Sea in a warm decade\n\nLatest News\n\n14 апреля 2022\n\n"
            "The ferries to the Solovetsky Islands ran six weeks longer in 2021 than in 2011, and the islands received "
            "a third more visitors in the seasons that followed the change.\n")
    assert extract_metadata(doc(page))["authors"] == []
