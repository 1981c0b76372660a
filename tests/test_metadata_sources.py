"""Journal, year, volume and issue from the page's source statements (textmine.stages.metadata.sources).

Every example is made up for these tests (not from the seed page or the layout set)."""

import pytest

from textmine.stages.metadata.sources import (
    RANK_BREADCRUMB,
    RANK_CITATION,
    RANK_LINE,
    RANK_RUNNING_HEADER,
    choose_fields,
    find_statements,
    outlet_name,
    read_statement,
)


def fields(line: str, rank: int = RANK_LINE) -> tuple:
    statement = read_statement(line, 0, rank)
    assert statement is not None, line
    return tuple(line[s:e] if s is not None else None for s, e in
                 ((statement.journal or (None, None)), (statement.year or (None, None)),
                  (statement.volume or (None, None)), (statement.issue or (None, None))))


def page_fields(text: str) -> dict:
    chosen = choose_fields(find_statements(text, [(0, len(text))]), text)
    return {name: text[span[0]:span[1]] if span else None for name, span in vars(chosen).items()}


@pytest.mark.parametrize("line, expected", [
    # GOST citation after "//": volume and issue apart, the cumulative number kept with the issue.
    ("Для цитирования: Иванова А. Б. Речные порты Заречья // Вестник Заречья. 2019. Т. 3, № 2(14). С. 5–9.",
     ("Вестник Заречья", "2019", "3", "2(14)")),
    # "Title. Journal. Year. No." with initials before the title.
    ("For citation: Smith J. A., Lee K. Tidal flats of the White Sea. Coastal Studies Letters. 2017. No. 4(22). P. 10-20.",
     ("Coastal Studies Letters", "2017", None, "4(22)")),
    # Vancouver: year;volume(issue):pages.
    ("How to cite: Berg L. Frostbite in reindeer herders. Arctic Medicine Reports. 2019;5(3):11–19.",
     ("Arctic Medicine Reports", "2019", "5", "3")),
    # APA: the year in brackets after the authors is not where the journal ends.
    ("Lee, K. (2015). Salt roads of the Baltic. Baltic History Journal, 4(1), 5–9.",
     ("Baltic History Journal", "2015", "4", "1")),
    # A year inside the title is not the publication year.
    ("For citation: Kim A. Harvests of 1891 in retrospect. Grain History. 2020. No. 1. P. 1-9.",
     ("Grain History", "2020", None, "1")),
])
def test_citation_lines(line, expected):
    assert fields(line, RANK_CITATION) == expected


@pytest.mark.parametrize("line, expected", [
    ("Steppe Studies. – 2016. – Т. 2, № 3. – С. 40–52.", ("Steppe Studies", "2016", "2", "3")),
    ("Papers in Tundra Ecology, Vol. 8 (2014), pp. 3–19", ("Papers in Tundra Ecology", "2014", "8", None)),
    ("Том 6, № 1(20), 2018", (None, "2018", "6", "1(20)")),
    # Proceedings: the volume's title ends at the bracket with the conference's place and date; the year is
    # the publisher's, not the conference's.
    ("Водные ресурсы: сборник трудов конференции (Казань, 12–13 мая 2018 г.). — Казань: Изд-во «Волна», 2019. — 210 с.",
     ("Водные ресурсы: сборник трудов конференции", "2019", None, None)),
])
def test_source_lines(line, expected):
    assert fields(line) == expected


@pytest.mark.parametrize("line", [
    "Received 14.03.2021; accepted 02.06.2021.",
    "© 2010–2024 Taiga Review. All rights reserved.",
    "Сегодня: 5 мая 2025 г.",
    "The survey was repeated in 2016 and 2017 in three villages.",
])
def test_lines_that_state_no_source(line):
    assert read_statement(line, 0, RANK_LINE) is None


def test_running_header_in_capitals_gives_way_to_mixed_case():
    text = ("BALTIC FORESTRY REVIEW No. 2(30), 2016\nSpruce bark beetle outbreaks\n"
            "For citation: Ozols A. Spruce bark beetle outbreaks. Baltic Forestry Review. 2016. No. 2(30). P. 7-15.\n"
            "Body text.\n8 BALTIC FORESTRY REVIEW No. 2(30), 2016\n")
    assert page_fields(text) == {"journal": "Baltic Forestry Review", "year": "2016", "volume": None, "issue": "2(30)"}


def test_running_header_with_bullets():
    text = "TAIGA VETERINARY JOURNAL • 2015 • VOL. 3 • NO. 2\nTick-borne diseases of reindeer\n"
    statement = find_statements(text, [(0, len(text))])[0]
    assert statement.rank == RANK_RUNNING_HEADER
    assert page_fields(text) == {"journal": "TAIGA VETERINARY JOURNAL", "year": "2015", "volume": "3", "issue": "2"}


def test_labelled_fields_on_one_line_and_on_the_next():
    assert page_fields("Журнал: Степной вестник   Язык: английский\nГод: 2016   Том: 2   Номер: 3\n") == {
        "journal": "Степной вестник", "year": "2016", "volume": "2", "issue": "3"}
    assert page_fields("Журнал:\n\nRiver Engineering Notes\n\nГод:\n\n2011\n\nВыпуск:\n\n5(9)\n") == {
        "journal": "River Engineering Notes", "year": "2011", "volume": None, "issue": "5(9)"}


def test_published_label_beats_updated_and_portal_dates():
    text = ("Дата размещения: 03.06.2020\nPublished: 2019-05-02 · Updated: 3 March 2024\n")
    assert page_fields(text)["year"] == "2019"
    assert page_fields("Published: 12 May 2021 · Last updated: 1 June 2024\n")["year"] == "2021"


def test_breadcrumb_gives_volume_issue_and_year_but_no_journal():
    text = "Home / Archive / Vol. 3 No. 1 (2017) / Articles\n"
    statements = find_statements(text, [(0, len(text))])
    assert [s.rank for s in statements] == [RANK_BREADCRUMB]
    assert page_fields(text) == {"journal": None, "year": "2017", "volume": "3", "issue": "1"}


def test_citation_label_alone_on_its_line():
    text = "How to Cite\nOrr, T. (2012). Moss bogs. Peat Science, 7(2), 1–9.\n"
    assert page_fields(text) == {"journal": "Peat Science", "year": "2012", "volume": "7", "issue": "2"}


def test_citation_outranks_an_issue_line_of_another_article():
    text = ("Most read articles\nIvan Orlov, Older paper, Vol. 2 No. 1 (2010)\n"
            "Cite this article: Orlov I. New paper. Lake Notes. 2013. Vol. 5, No. 2.\n")
    assert page_fields(text) == {"journal": "Lake Notes", "year": "2013", "volume": "5", "issue": "2"}


def test_dated_byline_gives_the_year():
    assert page_fields("Четверг, 2 мая 2025\nBy Anna Berg\nMay 4, 2021\nText.\n")["year"] == "2021"
    assert page_fields("By Anna Berg · 4 May 2021\n")["year"] == "2021"


def test_outlet_name_from_copyright_and_english_masthead():
    text = "СТЕПНОЙ ВЕСТНИК | Steppe Herald\nNews\n© 2001–2024 «Степной вестник»\n"
    lines = [(0, "СТЕПНОЙ ВЕСТНИК | Steppe Herald"), (32, "News"), (37, "© 2001–2024 «Степной вестник»")]
    span = outlet_name(text, lines)
    assert text[span[0]:span[1]] == "Steppe Herald"
    other = "Site\n© «Лесная газета», 2005–2024\n"
    span = outlet_name(other, [(0, "Site"), (5, "© «Лесная газета», 2005–2024")])
    assert other[span[0]:span[1]] == "Лесная газета"
    assert outlet_name("No copyright here\n", [(0, "No copyright here")]) is None


def test_lines_below_the_article_count_only_when_nothing_above_states_a_source():
    text = "Lake Notes. 2013. No. 2. P. 4-9.\nArticle body.\nOther issue: Lake Notes. 2011. Vol. 1, No. 4. P. 1-3.\n"
    below = text.index("Other issue")
    assert choose_fields(find_statements(text, [(0, len(text))], below_from=below), text).volume is None
    only_below = "Article body.\nLake Notes. 2011. Vol. 1, No. 4. P. 1-3.\n"
    chosen = choose_fields(find_statements(only_below, [(0, len(only_below))], below_from=14), only_below)
    assert only_below[chosen.volume[0]:chosen.volume[1]] == "1"


def test_a_grant_number_is_not_an_issue():
    assert read_statement("The study was funded by grant No. 19-18-00123.", 0, RANK_LINE) is None


def test_russian_running_header_keeps_its_series_in_quotes():
    line = "ВЕСТНИК СЕВЕРНОГО УНИВЕРСИТЕТА. СЕРИЯ «ЭКОНОМИКА». 2019. Т. 5, № 3"
    assert fields(line, RANK_RUNNING_HEADER) == ("ВЕСТНИК СЕВЕРНОГО УНИВЕРСИТЕТА. СЕРИЯ «ЭКОНОМИКА»", "2019", "5", "3")


def test_lower_case_volume_and_issue_words():
    line = "For citation: Orr T. Peat. Moss Review. 2020, vol. 4, no. 2(12), pp. 9–24."
    assert fields(line, RANK_CITATION) == ("Moss Review", "2020", "4", "2(12)")


def test_published_among_received_and_accepted_dates():
    text = "Received 3 May 2023 · Accepted 1 August 2023 · Published 12 September 2024\n"
    assert page_fields(text)["year"] == "2024"
    assert page_fields("Дата публикации на портале: 11 ноября 2023\n")["year"] is None


def test_outlet_name_from_an_english_copyright_line():
    text = "Home | News\n© 2015–2024 Lakeside Legal Review. All rights reserved.\n"
    span = outlet_name(text, [(0, "Home | News"), (12, "© 2015–2024 Lakeside Legal Review. All rights reserved.")])
    assert text[span[0]:span[1]] == "Lakeside Legal Review"


@pytest.mark.parametrize("text", ["Год издания: 2017\n", "Publication date: 12.05.2017\n", "Year of publication: 2017\n",
                                  "Дата публикации: 12 мая 2017 г.\n"])
def test_publication_labels(text):
    assert page_fields(text)["year"] == "2017"


def test_proceedings_line_with_place_and_date_outside_brackets():
    line = ("Proceedings of the 3rd Workshop on River Ice Engineering (RIE-2019), Tomsk, 2–4 October 2019. Vol. 2")
    journal, year, volume, issue = fields(line)
    # the volume's title stops before the conference's place and date, and the conference's year is not the volume's
    assert (journal, year, volume, issue) == ("Proceedings of the 3rd Workshop on River Ice Engineering (RIE-2019)", None, "2", None)
    page = line + "\nPublished: 15 March 2020\n"
    assert page_fields(page)["year"] == "2020"


def test_place_and_date_is_cut_only_on_a_conference_line():
    # a journal line without a conference word keeps its text before the year
    assert fields("Tundra Botany Letters, 2018, No. 3")[0] == "Tundra Botany Letters"


@pytest.mark.parametrize("text, expected", [
    # "Published in:" is a label of the source line, not part of the journal
    ("Published in: Tundra Geography Letters, 2022, Vol. 5, No. 3, pp. 4-9",
     {"journal": "Tundra Geography Letters", "year": "2022", "volume": "5", "issue": "3"}),
    ("Опубликовано в: Вестник Северного университета. 2020. № 4",
     {"journal": "Вестник Северного университета", "year": "2020", "volume": None, "issue": "4"}),
    # volume and issue after the year in one "Год:" value
    ("Журнал: Вестник экономики Сибири\nГод: 2019 Том: 4 № 2",
     {"journal": "Вестник экономики Сибири", "year": "2019", "volume": "4", "issue": "2"}),
    # the generic word before a quoted name; a site's posting date is not the year
    ("Дата публикации на сайте: 12 мая 2024\nИсточник: Журнал «Право и общество», 2023, № 2",
     {"journal": "Право и общество", "year": "2023", "volume": None, "issue": "2"}),
    # a series stays with the journal; a cumulative number after a space is part of the issue
    ("Вестник Заречного университета. Серия: Филология. 2022. № 3 (45). С. 10–20.",
     {"journal": "Вестник Заречного университета. Серия: Филология", "year": "2022", "volume": None, "issue": "3 (45)"}),
    # a dotted publication date after received/accepted dates on one line
    ("Received: 01.02.2021 Accepted: 03.04.2021 Published online: 05.06.2021",
     {"journal": None, "year": "2021", "volume": None, "issue": None}),
    ("Год выпуска: 2020   Номер журнала: 5", {"journal": None, "year": "2020", "volume": None, "issue": "5"}),
])
def test_more_labelled_source_forms(text, expected):
    assert page_fields(text) == expected


def test_a_year_in_brackets_after_the_issue_is_not_a_cumulative_number():
    assert page_fields("Issue: No. 4 (2022)")["issue"] == "4"


@pytest.mark.parametrize("text, expected", [
    # "Vol. 3(2)": the volume and the issue apart
    ("Journal of Tundra Law. 2021. Vol. 3(2). P. 4–15",
     {"journal": "Journal of Tundra Law", "year": "2021", "volume": "3", "issue": "2"}),
    ("Steppe Water Review, 2020, vol. 20, iss. 3, pp. 4–15",
     {"journal": "Steppe Water Review", "year": "2020", "volume": "20", "issue": "3"}),
    ("Online first: 12.01.2020", {"journal": None, "year": "2020", "volume": None, "issue": None}),
    ("Issue date: 30.06.2019", {"journal": None, "year": "2019", "volume": None, "issue": None}),
])
def test_volume_with_the_issue_in_brackets_and_other_publication_labels(text, expected):
    assert page_fields(text) == expected


@pytest.mark.parametrize("line, journal", [
    # A record field with the ISSN after the name.
    ("Журнал: Tundra Economy Review ISSN: 2999-0404", "Tundra Economy Review"),
    # A PDF header opening with the ISSN.
    ("ISSN 2999-0505 Bulletin of Kama State University. Series: Law. 2019. Vol. 7, No. 3. P. 1–9",
     "Bulletin of Kama State University. Series: Law"),
])
def test_the_issn_is_not_part_of_the_journal(line, journal):
    assert page_fields(line + "\n")["journal"] == journal


def test_outlet_name_from_a_cyrillic_copyright_line_and_english_masthead():
    text = "ЛЕСНОЙ.ОБЗОР | Forest Review\n© Лесной.Обзор, 2012–2024. Все права защищены.\n"
    lines = [(0, "ЛЕСНОЙ.ОБЗОР | Forest Review"), (29, "© Лесной.Обзор, 2012–2024. Все права защищены.")]
    span = outlet_name(text, lines)
    assert text[span[0]:span[1]] == "Forest Review"
    # An author's copyright ("© Иванова А. Б., 2020") has no capitalised word run before the year: no outlet.
    assert outlet_name("© Иванова А. Б., 2020\n", [(0, "© Иванова А. Б., 2020")]) is None
    # A photo credit in a person's name is not the site.
    credit = "Фото: © Ирина Смирнова, 2023\n© «Лесная газета», 2005–2024\n"
    span = outlet_name(credit, [(0, "Фото: © Ирина Смирнова, 2023"), (29, "© «Лесная газета», 2005–2024")])
    assert credit[span[0]:span[1]] == "Лесная газета"


def test_citation_label_alone_above_a_blank_line():
    # HTML headings come out with a blank line under them: the citation is the next line with text.
    text = "Как цитировать\n\nBerg, L. (2016). Lichen heaths. Tundra Botany, 3(4), 7–12.\n"
    assert page_fields(text) == {"journal": "Tundra Botany", "year": "2016", "volume": "3", "issue": "4"}


@pytest.mark.parametrize("line", [
    "DOI: 10.99901/lgr.2018.7.2 Lake Geology Reports. 2018. Vol. 7, Issue 2. P. 3–9",
    "https://doi.org/10.99901/lgr.2018.7.2 Lake Geology Reports. 2018. Vol. 7, Issue 2. P. 3–9",
])
def test_a_doi_opening_the_source_line_is_not_part_of_the_journal(line):
    assert page_fields(line + "\n") == {"journal": "Lake Geology Reports", "year": "2018", "volume": "7", "issue": "2"}


def test_journal_label_without_colon_in_a_record_table():
    text = "Журнал\nВестник озёрной геологии\nГод: 2018\nТом: 7\n"
    assert page_fields(text) == {"journal": "Вестник озёрной геологии", "year": "2018", "volume": "7", "issue": None}
    # The same word as a menu item, with no labelled field under it, names no journal.
    assert page_fields("Журнал\nАрхив номеров\nКонтакты\n")["journal"] is None
    # nor with a field under it that is not the issue's (a page's "Published:" date under two menu items)
    assert page_fields("Journal\nArchive\nPublished: 2020-01-01\n")["journal"] is None


def test_a_citation_label_alone_with_no_citation_below_states_nothing():
    assert page_fields("How to Cite\n\nDownload PDF\n\nShare\n") == {"journal": None, "year": None, "volume": None, "issue": None}


def test_a_citation_style_name_between_the_label_and_the_citation():
    text = "Как цитировать\n\nГОСТ\n\nBerg L. Lichen heaths // Tundra Botany. 2016. Vol. 3, No. 4. P. 7–12.\n"
    assert page_fields(text) == {"journal": "Tundra Botany", "year": "2016", "volume": "3", "issue": "4"}


@pytest.mark.parametrize("text, expected", [
    # author-date style: the bracketed year after the authors never ends the journal; volume(issue):pages
    ("Cite this article\n\nOrr T, Berg L (2013) Moss bogs. Peat Science Letters 7(2):1–9\n",
     {"journal": "Peat Science Letters", "year": "2013", "volume": "7", "issue": "2"}),
    ("Cite this article\n\nOrr, T., Berg, L. (2013) Moss bogs. Peat Science Letters, 7(2), 1–9.\n",
     {"journal": "Peat Science Letters", "year": "2013", "volume": "7", "issue": "2"}),
    # without a number after the journal the authors are still not the journal
    ("Cite this article\n\nOrr T, Berg L (2013) Moss bogs. Peat Science Letters\n",
     {"journal": None, "year": "2013", "volume": None, "issue": None}),
    # a bracketed year before the volume word ends the journal, and the bracket is not part of it
    ("Peat Science Letters (2013) Vol. 7, No. 2\n", {"journal": "Peat Science Letters", "year": "2013", "volume": "7", "issue": "2"}),
])
def test_author_date_citations(text, expected):
    assert page_fields(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two issue words before the number: neither is the journal
    ("Выпуск № 3 (45), 2021\n", {"journal": None, "year": "2021", "volume": None, "issue": "3 (45)"}),
    # "№:" as a field label among others on one line; lower-case "вып."
    ("Журнал: Вестник озёр  Год: 2021  Том: 5  №: 3\n", {"journal": "Вестник озёр", "year": "2021", "volume": "5", "issue": "3"}),
    ("Вестник озёр. – 2021. – Т. 5, вып. 3. – С. 10–20.\n", {"journal": "Вестник озёр", "year": "2021", "volume": "5", "issue": "3"}),
    # Harvard: the year after the authors, then the title: the journal is the name before the volume
    ("How to cite: Orr, T. 2012. Moss bogs of Karelia. Peat Letters 14 (3): 45–60.\n",
     {"journal": "Peat Letters", "year": "2012", "volume": "14", "issue": "3"}),
])
def test_issue_words_field_signs_and_harvard_citations(text, expected):
    assert page_fields(text) == expected


def test_a_widgets_cite_label_and_a_portals_description_before_the_quoted_name():
    # "Цитировать:" / "Cite:" open a citation widget like "Как цитировать:"; the journal is its cited source.
    for label in ("Цитировать:", "Cite:"):
        text = (f"Журналы / Морская политика / 2022 / Том 7, № 1\n{label} Mensah A. K. Fisheries governance in the Gulf of "
                "Guinea // Морская политика. 2022. Т. 7, № 1. С. 12–30.\n")
        assert page_fields(text) == {"journal": "Морская политика", "year": "2022", "volume": "7", "issue": "1"}, label
    # A portal's description of what it mirrors ends with the periodical's word before the quoted name.
    line = "Английская версия журнала «Baltic Fisheries Review», Vol. 4, No. 2 (2021). Размещено на портале 3 мая 2021 г."
    assert fields(line)[0] == "Baltic Fisheries Review"
