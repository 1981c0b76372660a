"""Metadata forms of issue 15 met on the m39–m58 dev layouts, each rule tried on a made-up page of its own.

Every page here is invented for these tests (not from the seed page, not from the layout sets)."""

from textmine.document import Document, Segment
from textmine.stages.metadata import extract_metadata
from textmine.stages.metadata.bylines import read_byline, split_markers
from textmine.stages.metadata.sources import find_statements, choose_fields, english_edition, outlet_name, read_statement


def doc(text: str, segments: list[Segment] | None = None) -> Document:
    return Document("test", text, segments=segments or [])


def page_fields(text: str) -> dict:
    chosen = choose_fields(find_statements(text, [(0, len(text))]), text)
    return {name: text[span[0]:span[1]] if span else None for name, span in vars(chosen).items()}


def test_envelope_marks_the_corresponding_author_and_is_no_part_of_the_list():
    line = "Olga P. Semina¹✉, Ruslan T. Akhmetov², Vera L. Dyakova¹"
    names = read_byline(line, 0, len(line))
    assert [n.text for n in names] == ["Olga P. Semina", "Ruslan T. Akhmetov", "Vera L. Dyakova"]
    assert names[0].markers == ["1", "✉"] and split_markers("²✉") == ["2", "✉"]


def test_envelope_line_gives_the_e_mail_to_the_marked_author():
    page = """Glacier lakes of the Kodar range

Olga P. Semina¹, Ruslan T. Akhmetov²✉
¹ Chita Institute of Natural Resources, Chita, Russia
² Transbaikal Mountain University, Chita, Russia
✉ akhm.rt@example.ru

Twenty-two glacier lakes of the Kodar range were mapped from satellite images of four decades, and the lakes grew fastest in the warm summers that followed snowy winters in the mountains.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["email"], a["affiliation"]) for a in authors] == [
        ("Olga P. Semina", None, "Chita Institute of Natural Resources"),
        ("Ruslan T. Akhmetov", "akhm.rt@example.ru", "Transbaikal Mountain University"),
    ]


def test_english_edition_line_names_the_outlet_and_is_not_the_title():
    page = """Вестник Приморья
Главная | Новости | RU | EN

Primorye Herald — English edition

Sea urchin catches fall for the third year running

Published: 14 May 2023

Catches of the grey sea urchin in Peter the Great Bay fell by a fifth in 2022, and fishermen blame the warm winters for the poor recruitment of young urchins on the rocky shallows of the bay.
"""
    meta = extract_metadata(doc(page))
    assert meta["title"] == "Sea urchin catches fall for the third year running"
    assert meta["journal"] == "Primorye Herald" and meta["year"] == 2023 and meta["authors"] == []
    lines = [(0, "English version: Tobol Courier")]
    assert outlet_name(lines[0][1], lines) == (17, 30)
    # the Russian site name first, then the English edition's, after a middle dot
    line = "Портал «Тобольский курьер» · Tobol Courier (English edition)"
    start, end = outlet_name(line, [(0, line)])
    assert line[start:end] == "Tobol Courier"
    # a menu row that ends in an "English edition" link names no edition
    assert english_edition([(0, "Главная · Новости · English edition")]) is None


def test_value_of_a_bare_journal_label_is_not_a_byline():
    page = """Bog pines of the Vasyugan mire

KRAVTSOVA IRINA 1, OSIPOV DENIS PETROVICH 2
1 Tomsk Mire Research Station
2 Siberian Forest Institute

ЖУРНАЛ:
NORTHERN MIRE STUDIES
Учредители: Сибирский центр болотоведения
Год: 2019   Том: 4   Номер: 2
"""
    meta = extract_metadata(doc(page))
    assert [a["name"] for a in meta["authors"]] == ["KRAVTSOVA IRINA", "OSIPOV DENIS PETROVICH"]
    assert meta["journal"] == "NORTHERN MIRE STUDIES"


def test_publisher_cite_form_with_volume_pages_and_year_in_brackets():
    line = "Ortiz, L. & Baker, J. Kelp forests of Tierra del Fuego. Southern Ocean Letters 14(2), 88–97 (2018)."
    statement = read_statement(line)
    assert line[slice(*statement.journal)] == "Southern Ocean Letters"
    assert (line[slice(*statement.volume)], line[slice(*statement.issue)], line[slice(*statement.year)]) == ("14", "2", "2018")
    line = "Moyo, T. Rain-fed maize on the Zambezi floodplain. Zambezi Agronomy 31, 5–19 (2021)."
    statement = read_statement(line)
    assert line[slice(*statement.journal)] == "Zambezi Agronomy" and line[slice(*statement.volume)] == "31"
    assert statement.issue is None and line[slice(*statement.year)] == "2021"


def test_authors_and_affiliations_section_prints_the_institution_above_its_authors():
    page = """Drought and pastoral mobility in the Karoo

Pieter J. Naude, Nomsa K. Dlamini & Ivan Sorokin

Abstract
Grazing records of 1990–2020 show that Karoo herders moved their flocks further and more often in drought years than in the years before them.

Authors and Affiliations
School of Geography, Karoo Highlands University, Graaff-Reinet, South Africa
Pieter J. Naude & Nomsa K. Dlamini
Volga Institute of Arid Lands, Saratov, Russia
Ivan Sorokin

Corresponding author
Correspondence to Ivan Sorokin.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("Pieter J. Naude", "Karoo Highlands University"),
        ("Nomsa K. Dlamini", "Karoo Highlands University"),
        ("Ivan Sorokin", "Volga Institute of Arid Lands"),
    ]


def test_record_fields_run_together_after_a_number():
    # An HTML record row whose non-breaking spaces collapsed to one space.
    assert page_fields("Номер: 4 (12) Год: 2018 Страницы: 5-9") == {
        "journal": None, "year": "2018", "volume": None, "issue": "4 (12)"}
    assert page_fields("Том: 9 Номер: 1 Год: 2016") == {"journal": None, "year": "2016", "volume": "9", "issue": "1"}


def test_card_author_line_below_a_title_only_article_keeps_both_scripts():
    text = """НАУЧНАЯ БИБЛИОТЕКА · Поиск

PERMAFROST ROADS OF CHUKOTKA

ЛЕБЕДЕВ П.А.1, OKAFOR CHIDI2
1 Анадырский институт дорожного строительства
2 Lagos Institute of Transport

Номер: 3 Год: 2017
ЖУРНАЛ: ДОРОГИ СЕВЕРА
"""
    segments = [Segment(0, text.index("PERMAFROST"), "ru", "wrapper"),
                Segment(text.index("PERMAFROST"), text.index("ЛЕБЕДЕВ"), "en", "article"),
                Segment(text.index("ЛЕБЕДЕВ"), len(text), "ru", "wrapper")]
    meta = extract_metadata(doc(text, segments))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("ЛЕБЕДЕВ П.А.", "Анадырский институт дорожного строительства"),
        ("OKAFOR CHIDI", "Lagos Institute of Transport"),
    ]
    assert meta["year"] == 2017 and meta["issue"] == "3"


def test_two_word_names_in_a_list_of_initialled_names_but_not_places():
    line = "Tomas R. Vidal, Kemal O. Aydin and Sara Lind"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Tomas R. Vidal", "Kemal O. Aydin", "Sara Lind"]
    line = "Kemal O. Aydin, Saint Petersburg"
    assert read_byline(line, 0, len(line)) == []
    line = "Kemal O. Aydin, Leningrad Region"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Kemal O. Aydin"]


def test_several_numbered_institutions_on_one_line():
    page = """Seal counts on the ice of the Gulf of Riga

L.K. OZOLS¹, M.A. SIDOROVA²*
¹Riga Marine Institute, Riga, Latvia; ²Pskov Lake Research Station, Pskov, Russia
*e-mail: sidorova.ma@example.ru

Grey seals were counted on the drift ice of the Gulf of Riga from aircraft in six winters, and the counts fell in the mild winters when the ice broke up before the pups were weaned.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["email"], a["affiliation"]) for a in authors] == [
        ("L.K. OZOLS", None, "Riga Marine Institute"),
        ("M.A. SIDOROVA", "sidorova.ma@example.ru", "Pskov Lake Research Station"),
    ]


def test_name_shapes_of_other_naming_traditions():
    line = "Carlos Alberto Mendoza Huamán¹, Sigríður Ósk Þórsdóttir², Trần Văn Đức¹, Mele Kaufusi'ahi²"
    names = read_byline(line, 0, len(line))
    assert [n.text for n in names] == ["Carlos Alberto Mendoza Huamán", "Sigríður Ósk Þórsdóttir", "Trần Văn Đức",
                                       "Mele Kaufusi'ahi"]
    line = "Ana Lucía dela Paz, Jürgen Weißmann"
    assert [n.text for n in read_byline(line, 0, len(line), labelled=True)] == ["Ana Lucía dela Paz", "Jürgen Weißmann"]
    # Four capitalised words need what two-word names need: a label, markers or a line of their own.
    line = "Central Asian Water Diplomacy"
    assert read_byline(line, 0, len(line)) == []


def test_proceedings_line_with_place_and_date_after_a_comma_and_a_page_count():
    line = "Steppe and Forest: Proceedings of the All-Russian Conference, Orenburg, 3–4 June 2019. – Orenburg: Ural Press, 2019. – 268 p."
    statement = read_statement(line)
    assert line[slice(*statement.journal)] == "Steppe and Forest: Proceedings of the All-Russian Conference"
    assert line[slice(*statement.year)] == "2019"
    assert read_statement("Steppe and forest in the 2019 season") is None  # a year alone is no source line


def test_double_surname_after_initials_on_its_own_line():
    page = """Vicuña shearing cooperatives of the Puna

Mariela C. Torres Quispe
PhD in Anthropology, Lecturer
Jujuy National University, San Salvador de Jujuy, Argentina

Cooperatives of vicuña shearers in the Puna of Jujuy were visited in four seasons, and the income from fibre sales was shared more evenly where the communities kept their own shearing corrals.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [("Mariela C. Torres Quispe", "Jujuy National University")]


def test_name_run_into_its_institution_by_html_elements():
    line = "Ana K. VillalbaInstitute of Andean Glaciers, Huaraz, Peru"
    names = read_byline(line, 0, len(line))
    assert [n.text for n in names] == ["Ana K. Villalba"]
    assert line[slice(*names[0].institution)] == "Institute of Andean Glaciers, Huaraz, Peru"
    line = "Ross McDonald, Isla McLeod"  # a capital inside a surname is no element boundary
    assert [n.text for n in read_byline(line, 0, len(line), labelled=True)] == ["Ross McDonald", "Isla McLeod"]


def test_written_by_label_with_the_date_below_and_a_quoted_outlet_name():
    page = """Аналитический центр «Прикаспий»
Главная | Эксперты

Written by: Ines Duarte and Timur Kasymov
3 March 2021

Caviar smuggling routes across the Caspian

Seizures of black caviar at the ports of the Caspian rose in 2020, and most of the smuggled caviar came from poached sturgeon of the northern Caspian rather than from farms.

© Аналитический центр «Прикаспий», 2012–2025
"""
    meta = extract_metadata(doc(page))
    assert meta["title"] == "Caviar smuggling routes across the Caspian"
    assert [a["name"] for a in meta["authors"]] == ["Ines Duarte", "Timur Kasymov"]
    assert meta["year"] == 2021 and meta["journal"] == "Прикаспий"


def test_a_date_alone_is_no_title():
    from textmine.stages.metadata.sources import is_date_line
    assert is_date_line("3 March 2021") and is_date_line("March 3, 2021") and is_date_line("2021-03-03")
    assert not is_date_line("March 2021 floods on the Ob")


def test_masthead_names_the_journal_only_when_no_source_line_does():
    page = """Научно-практический журнал «Лесной вестник Приамурья»
Выпуск 2 (31), 2018

Larch bark beetles after the fires of 2016

Fires of 2016 left large stands of weakened larch in the Amur region, and bark beetle numbers rose in them for two summers before falling back.
"""
    meta = extract_metadata(doc(page))
    assert meta["journal"] == "Лесной вестник Приамурья" and meta["issue"] == "2 (31)" and meta["year"] == 2018
    cited = page + "\nДля цитирования: Orlov P. Larch bark beetles // Amur Forest Bulletin. 2018. № 2 (31). С. 5–14.\n"
    assert extract_metadata(doc(cited))["journal"] == "Amur Forest Bulletin"


def test_orcid_url_after_each_name_keeps_the_byline_going():
    line = "Mirzo K. Rakhimov https://orcid.org/0000-0002-1825-0097, Gulnora A. Tursunova 0000-0001-5109-3700, Bobur Aliev"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Mirzo K. Rakhimov", "Gulnora A. Tursunova", "Bobur Aliev"]


def test_institution_named_after_of_in_a_unit_field_and_affiliation_lines_that_name_their_author():
    page = """Bride price and labour migration in rural Khatlon

Parviz N. Rahimov, Zarina S. Odinaeva

Zarina S. Odinaeva — Lecturer at the Chair of Ethnology of the University of the Pamirs, Khorog, Tajikistan
Parviz N. Rahimov — Researcher, Department of Social Statistics of Dushanbe Institute of Demography, Dushanbe, Tajikistan

Household surveys in four districts of Khatlon show that bride prices rose with the remittances of migrants in Russia and fell back when remittances dropped in 2015 and 2020.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("Parviz N. Rahimov", "Dushanbe Institute of Demography"),
        ("Zarina S. Odinaeva", "University of the Pamirs"),
    ]


def test_periodical_name_right_above_its_issue_line():
    page = """Главная | Архив
Таёжный вестник
Том 9, № 2 (2017)

Sable trapping quotas in the Evenki district

Sable trappers of the Evenki district filled their quotas only in the years of a good cedar nut crop, when the sables stayed in the valleys near the trapping lines.
"""
    meta = extract_metadata(doc(page))
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Таёжный вестник", 2017, "9", "2")
    # a name without a periodical's word, or a line that is no name, is not taken
    assert extract_metadata(doc(page.replace("Таёжный вестник", "Таёжный край")))["journal"] is None


# --- Forms of the whole page p20 (corpus/pages), each on a made-up page.

def test_a_one_line_byline_of_names_with_dashed_affiliations_and_a_bare_orcid_list():
    # "Name — School of X, University, City; Name — Institute, City": each author with the institution after the dash
    # (a school before a university is none), though the affiliation reader takes "Name — School of X" for an
    # affiliation line; "ORCID: iD; iD" without names gives the iDs in the printed order, though the line names an
    # author before its label.
    page = """Fisheries governance in the Gulf of Guinea

Efua Asante Mensah — School of Marine Sciences, University of the Gold Coast, Cape Coast, Ghana; Pavel O. Zhuravlev — Baltic Institute of International Affairs, Kaliningrad, Russia

Contact: emensah@ugc.example.gh (E. Asante Mensah); zhuravlev@bia.example.ru (P. O. Zhuravlev). ORCID: 0000-0002-1825-0097; 0000-0001-5109-3700.

Abstract. Industrial trawlers and artisanal canoes compete for the same stocks along the coast of West Africa, and the coastal states have signed many agreements on monitoring and licensing while enforcement at sea remains weak.
"""
    authors = extract_metadata(doc(page))["authors"]
    assert [(a["name"], a["orcid"], a["email"], a["affiliation"]) for a in authors] == [
        ("Efua Asante Mensah", "0000-0002-1825-0097", "emensah@ugc.example.gh", "University of the Gold Coast"),
        ("Pavel O. Zhuravlev", "0000-0001-5109-3700", "zhuravlev@bia.example.ru", "Baltic Institute of International Affairs"),
    ]
