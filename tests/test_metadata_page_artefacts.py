"""Metadata forms of issue 15 met on the m143–m174 dev layouts (PDF-text artefacts, labels and bylines the set did not
have), each rule tried on a made-up page of its own, with a case the rule must leave alone.

Every page here is invented for these tests (not from the seed page, not from the layout sets)."""

import pytest

from textmine.document import Document
from textmine.stages.metadata import _AFFILIATION_LINE, extract_metadata
from textmine.stages.metadata.bylines import read_byline
from textmine.stages.metadata.sources import choose_fields, find_statements, read_statement
from textmine.stages.segment import Segmenter


def doc(text: str) -> Document:
    return Document("test", text, segments=[])


def page_fields(text: str) -> dict:
    chosen = choose_fields(find_statements(text, [(0, len(text))]), text)
    return {name: text[span[0]:span[1]] if span else None for name, span in vars(chosen).items()}


def people(page: str) -> list[tuple]:
    return [(a["name"], a["orcid"], a["email"], a["affiliation"]) for a in extract_metadata(doc(page))["authors"]]


def test_a_letter_marker_glued_to_the_institution_line_points_to_it():
    page = """Lake Onega Papers. 2019. Vol. 3, No. 1

Ice cover of Lake Onega in warm winters

Anna K. Bystrova a,b, Ilya S. Gorin b

aKarelian Institute of Limnology, 11 Nevsky St., Petrozavodsk 185030, Russia
bDepartment of Hydrology, Onega Lake University, Petrozavodsk, Russia

Abstract. The lake froze over three weeks later in the winters of 2015–2018 than in the 1960s, and the ice was thinner.
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("Anna K. Bystrova", "Karelian Institute of Limnology"), ("Ilya S. Gorin", "Onega Lake University")]
    # only a lone letter before a capitalised word is a glued marker, not a word's first letter
    assert _AFFILIATION_LINE.match("aKarelian Institute").group(2) == "a"
    assert _AFFILIATION_LINE.match("eLIBRARY.RU - scientific library") is None


def test_an_id_alone_on_its_line_belongs_to_the_author_whose_name_opens_the_paragraph():
    page = """Tundra Botany Letters. 2021. No. 3

Dwarf birch spread on the Yamal peninsula

Irina P. Kharyuchi, Denis O. Laptander
Yamal Institute of Arctic Botany, Salekhard, Russia

Abstract. Dwarf birch cover grew by a quarter on the plots of 1990 and 2020 where reindeer grazing had stopped.

Information about the authors
Irina P. Kharyuchi, Candidate of Biological Sciences
ORCID iD:
0000-0002-1825-0097

Denis O. Laptander, Junior Researcher
ORCID iD:
0000-0001-5109-3700

Editorial office
ORCID iD:
0000-0003-1415-9269
"""
    assert [orcid for _, orcid, _, _ in people(page)] == ["0000-0002-1825-0097", "0000-0001-5109-3700"]


def test_inverted_capital_surnames_with_bracketed_institutions_are_a_byline():
    page = """Maritime Law Notes | 2019 | Vol. 2 | Issue 4

Salvage awards on the Amur river

KORNEEV, Pavel (Khabarovsk Institute of Maritime Law); LI, Sofia (Amur Shipping Company)

Abstract. Courts on the Amur awarded salvage in 12 of 40 claims of 2010–2018, at a fifth of the value saved.
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("KORNEEV, Pavel", "Khabarovsk Institute of Maritime Law"), ("LI, Sofia", "Amur Shipping Company")]
    # a given name that is a town's ("Sofia") stands with its bracketed institution; a place before the comma does not
    names = read_byline("KORNEEV, Pavel (Khabarovsk Institute of Maritime Law)", 0, 53)
    assert [n.text for n in names] == ["KORNEEV, Pavel"]
    place_page = page.replace("KORNEEV, Pavel (Khabarovsk Institute of Maritime Law); LI, Sofia (Amur Shipping Company)",
                              "Almaty, Kazakhstan (Central Asia University)")
    assert people(place_page) == []


def test_a_name_then_a_dash_then_the_institution_is_an_author_line():
    page = """Ural Food Letters, 2023, No. 2 (11)

Shelf life of birch sap drinks

Olga N. Pustovalova – Chelyabinsk Institute of Food Technology, Chelyabinsk
Ruslan A. Gizatullin – Miass Technological College, Miass

Abstract. Pasteurised birch sap kept its taste for 8 months at 4 °C and for 3 months at room temperature.
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("Olga N. Pustovalova", "Chelyabinsk Institute of Food Technology"), ("Ruslan A. Gizatullin", "Miass Technological College")]
    # a dash inside an institution's name that opens with no person's name is left alone
    plain = page.replace("Olga N. Pustovalova – Chelyabinsk Institute of Food Technology, Chelyabinsk\n"
                         "Ruslan A. Gizatullin – Miass Technological College, Miass",
                         "Olga N. Pustovalova, Ruslan A. Gizatullin\nInstitute of Food Safety – Branch of Ural Centre, Miass")
    assert {aff for *_, aff in people(plain)} == {"Institute of Food Safety – Branch of Ural Centre"}


def test_record_fields_do_not_outvote_a_small_english_article():
    card = """НаучТека — электронная библиотека
Текст научной работы на тему «Lichen cover of the Khibiny tundra»
Аннотация научной статьи по биологическим наукам, автор научной работы — Ушакова Мария Олеговна, Кудрин Павел Андреевич
Журнал: Вестник северной ботаники Кольского научного центра
Издательство: Кольский научный центр Российской академии наук
Год: 2020
Номер: 2
Область наук: Биологические науки

Lichen cover fell from 60% to 35% on the plots trampled by tourists in 2005–2019, while the control plots kept theirs.

Похожие темы научных работ
"""
    segments = Segmenter().segments(card)
    article = [s for s in segments if s.role == "article"]
    assert article and all(s.lang == "en" for s in article)
    assert card[article[0].start:article[0].end].startswith("Lichen cover fell")
    # a Russian article with a short English line keeps its language
    russian = ("Лишайниковый покров Хибин сократился с 60% до 35% на площадках, которые вытаптывали туристы в 2005–2019 "
               "годах, а на контрольных площадках остался прежним; восстановление займёт десятилетия.\n"
               "Keywords: lichens\n")
    assert {s.lang for s in Segmenter().segments(russian) if s.role == "article"} == {"ru"}


def test_the_author_label_after_an_abstract_heading_names_the_record_authors():
    line = "Аннотация научной статьи по биологическим наукам, автор научной работы — Ушакова Мария Олеговна, Кудрин Павел Андреевич"
    page = f"Lichen cover of the Khibiny tundra\n{line}\n"
    assert [name for name, *_ in people(page)] == ["Ушакова Мария Олеговна", "Кудрин Павел Андреевич"]
    # without the label's dash it is a sentence, which names nobody
    assert people(page.replace("работы —", "работы по теме")) == []


def test_an_in_label_and_a_place_with_its_country_are_cut_from_the_proceedings():
    line = ("In: Proceedings of the 3rd Conference on Rural Networks (RuNet-2020), Tver, Russia, 2–4 June 2020. "
            "Tver: TSU Press, 2020, pp. 45–52.")
    statement = read_statement(line)
    assert line[slice(*statement.journal)] == "Proceedings of the 3rd Conference on Rural Networks (RuNet-2020)"
    assert line[slice(*statement.year)] == "2020"
    # "In" opens other lines without being a label
    assert read_statement("Indexed in: Scopus, 2021. Vol. 3") is not None
    assert "Indexed" in "Indexed in: Scopus, 2021. Vol. 3"[slice(*read_statement("Indexed in: Scopus, 2021. Vol. 3").journal)]


def test_a_statement_of_responsibility_ends_the_volume_title():
    line = ("Source: Forests of the Urals: proceedings of the regional conference / ed. by P. S. Kotov. – Perm: "
            "Perm Forestry Press, 2018. – P. 10–15.")
    assert page_fields(line)["journal"] == "Forests of the Urals: proceedings of the regional conference"
    # a bilingual header's slash is no statement of responsibility: the name after it is kept
    line = "Вестник лесной науки / Forest Science Bulletin. 2018. № 3 (12)"
    assert line[slice(*read_statement(line).journal)] == "Вестник лесной науки / Forest Science Bulletin"


def test_a_year_crumb_next_to_an_issue_crumb_is_the_issue_year():
    page = "Steppe Law Review\nHome / Archive / 2017 / No. 2\n\nGrazing rights in the Orenburg steppe\n"
    assert page_fields(page)["year"] == "2017" and page_fields(page)["issue"] == "2"
    # a year crumb beside no issue crumb states nothing
    assert page_fields("Steppe Law Review\nHome / News / 2017 / March\n\nGrazing rights\n")["year"] is None


def test_the_number_of_a_numbered_institution_is_no_issue():
    assert read_statement("¹ Kazan City Hospital No. 7, Kazan, Russia") is None
    # a journal's issue after "No." still is one
    line = "Kazan Medical Notes. 2019. No. 7"
    assert line[slice(*read_statement(line).issue)] == "7"


@pytest.mark.parametrize("line, name, year", [
    ("Posted on 12 March 2020 by Timur Aliev", "Timur Aliev", "2020"),
    ("Posted on March 12, 2020 by Timur Aliev", "Timur Aliev", "2020"),
])
def test_a_posted_on_date_by_name_line_is_a_dated_byline(line, name, year):
    page = f"Steppe Watch\n\nWhy wheat goes south\n{line}\n\nExports of wheat to the south grew by a third in the year, the ministry said.\n"
    assert [n.text for n in read_byline(line, 0, len(line))] == [name]
    assert page_fields(page)["year"] == year
    # a posting date without a byline is the portal's, not the publication year
    assert page_fields("Steppe Watch\n\nWhy wheat goes south\nPosted on the site: 12 March 2024\n")["year"] is None


def test_a_russian_text_credit_names_the_author_and_the_photo_credit_does_not():
    assert [n.text for n in read_byline("Текст: Anna Seregina", 0, 21)] == ["Anna Seregina"]
    assert read_byline("Фото: Anna Seregina", 0, 19) == []


def test_an_affiliations_label_with_each_author_named_in_brackets():
    page = """Central Steppe Agronomy. 2021. Vol. 5, No. 1

Sunflower after fallow in the Saratov region

Authors: Elena V. Gudkova, Marat R. Islamov
Affiliations: Saratov Agrarian Institute (M. R. Islamov); Engels Soil Station (E. V. Gudkova)

Abstract. Sunflower after fallow gave 2.4 t/ha, against 1.9 t/ha after wheat, in the dry years of 2018–2020.
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("Elena V. Gudkova", "Engels Soil Station"), ("Marat R. Islamov", "Saratov Agrarian Institute")]
    # brackets that name no author (the town) leave the line as one shared affiliation after the label
    towns = page.replace("Saratov Agrarian Institute (M. R. Islamov); Engels Soil Station (E. V. Gudkova)",
                         "Saratov Agrarian Institute (Saratov); Engels Soil Station (Engels)")
    assert {aff for *_, aff in people(towns)} == {"Saratov Agrarian Institute"}


def test_a_lower_case_volume_word_of_gost():
    line = "Источник: Пермский ботанический журнал. – 2016. – т. 4, вып. 1. – с. 20–28."
    statement = read_statement(line)
    assert line[slice(*statement.volume)] == "4" and line[slice(*statement.issue)] == "1"
    # "т. е." (that is) is no volume
    assert read_statement("Покров восстановился (т. е. 2 из 5 площадок) к 2019 г. Вестник. 2019. № 2").volume is None


# -- forms of the m175–m188 layouts ---------------------------------------------------------------------------------


def test_an_author_block_in_columns_side_by_side():
    page = """Ural Mining Letters. 2019. Vol. 4, No. 2

Dust from the open pits of Korkino

Pavel S. Urusov                         Dina R. Khairullina
Chelyabinsk Institute of Mining         Kopeysk Ecology Station
urusov.ps@cim.example.ru                khairullina.dr@kes.example.ru

Abstract. Dust fallout in Korkino was twice the limit on 40 days of 2018, all of them dry days with a south wind.
"""
    assert people(page) == [("Pavel S. Urusov", None, "urusov.ps@cim.example.ru", "Chelyabinsk Institute of Mining"),
                            ("Dina R. Khairullina", None, "khairullina.dr@kes.example.ru", "Kopeysk Ecology Station")]
    # a name's own words are never parted by a wide gap, and one spaced name is no list
    line = "Pavel S. Urusov                         Senior Researcher"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Pavel S. Urusov"]


def test_an_ampersand_after_a_serial_comma_and_degrees_before_names():
    line = "Roman Eliseev, Aigul Tazhieva, & Oleg Burlakov"
    names = read_byline(line, 0, len(line), own_line=True)
    assert [n.text for n in names] == ["Roman Eliseev", "Aigul Tazhieva", "Oleg Burlakov"]
    line = "Cand. Sci. (Econ.), Assoc. Prof. Irina P. Volkova"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["Irina P. Volkova"]
    # a bracket that is no degree's field ends the reading as before
    assert read_byline("Cand. (Econ.) Sci. Irina", 0, 24) == []


@pytest.mark.parametrize("line, volume, issue", [
    ("Bulletin of Vyatka Archaeology. 2018. Vol. 11, No. 1-2 (41)", "11", "1-2 (41)"),
    ("Bulletin of Vyatka Archaeology, Vol. XII, No. 3, 2017, pp. 88–101", "XII", "3"),
    ("Bulletin of Vyatka Archaeology. 2018. No. 3/4", None, "3/4"),
])
def test_double_issues_and_roman_volumes(line, volume, issue):
    statement = read_statement(line)
    assert (line[slice(*statement.volume)] if statement.volume else None, line[slice(*statement.issue)]) == (volume, issue)
    assert line[slice(*statement.journal)] == "Bulletin of Vyatka Archaeology"


def test_a_grant_number_is_still_no_double_issue():
    assert read_statement("Supported by Grant No. 19-18-001 of the Science Foundation.") is None


def test_a_site_menu_between_the_journal_name_and_its_issue_line():
    page = "Onega Lake Studies\nHome | Archive | Authors | Контакты\nVol. 4, No. 2 (2023)\n\nFish of Onega\n"
    assert page_fields(page)["journal"] == "Onega Lake Studies"
    # a row with an item that is no navigation is no menu: the line above it is not taken for the journal
    assert page_fields("Onega Lake Studies\nHome | Archive | Weather\nVol. 4, No. 2 (2023)\n")["journal"] is None


def test_a_periodical_word_is_no_name():
    page = """Kama Linguistics Preprints

Dialect words of the Kama river

Leila R. Garipova <garipova.lr@kli.example.ru>
Kazan Institute of Language, Kazan, Russia

Abstract. Speakers over 60 named 40 of 50 river things with dialect words, speakers under 30 named 12.
"""
    assert [name for name, *_ in people(page)] == ["Leila R. Garipova"]


def test_a_news_date_line_under_the_title_gives_the_year_of_a_piece_without_byline():
    page = """Северный вестник
English edition: Northern Courier

Arkhangelsk opens a new ferry line

12 May 2021

The ferry will cross the Northern Dvina six times a day from June to October.

Authors: Ivan Shestakov, Maria Loginova
"""
    meta = extract_metadata(doc(page))
    assert (meta["journal"], meta["year"]) == ("Northern Courier", 2021)
    # a header date above the title is no date line of the piece
    assert extract_metadata(doc(page.replace("\n12 May 2021\n", "\n").replace("Северный вестник", "Северный вестник\n12 May 2024")))["year"] is None


def test_a_byline_whose_name_is_a_link_stays_in_the_article():
    from textmine.stages.htmltext import extract_html

    def roles(byline: str) -> dict[str, str]:
        page = extract_html(
            "<html><body><header><p>Steppe Brief</p><p>Politics of the steppe</p></header>"
            f"<h1>Why Kazakh wheat goes to Iran</h1><p>{byline}</p>"
            "<p>Senior Analyst, Astana Institute of Grain Markets</p>"
            "<p>Kazakh wheat exports to Iran grew to 1.2 million tonnes in 2021, a fifth of all the country's grain "
            "exports, as the railway through Turkmenistan was widened and the tariffs were cut by a third.</p>"
            "<footer>© Steppe Brief 2015–2025</footer></body></html>")
        segments = Segmenter().segments(page.text, page.blocks)
        return {line: next(s.role for s in segments if s.start <= page.text.index(line) < s.end)
                for line in ("Why Kazakh wheat", byline.replace('<a href="/a/1">', "").replace("</a>", ""))}

    assert set(roles('By <a href="/a/1">Erlan Sadykov</a>').values()) == {"article"}
    # a paragraph that is only a link without "By" is still link furniture
    assert roles('<a href="/a/1">Erlan Sadykov</a>')["Erlan Sadykov"] == "wrapper"


# -- forms of the m189–m196 layouts ---------------------------------------------------------------------------------


def test_a_trailing_punctuation_run_is_found_over_a_long_gap():
    from textmine.stages.ner.spans import _TRAILING

    assert _TRAILING.search("Shaikhutdinova" + " " * 60 + "Value") is None
    assert _TRAILING.search("Kazan University, ").start() == len("Kazan University")


def test_a_proceedings_source_line_is_no_paragraph():
    page = """Rivers of the Kama Basin: proceedings of the 2nd regional conference (Perm, 3–4 May 2022). – Perm: Kama Press, 2022. – 180 p.

Section 2. Hydrology

Ice jams on the Chusovaya river

Pavel I. Lunegov (Perm), Irina S. Vasyanina (Kungur)
Perm Institute of River Hydrology; Kungur Hydrological Station

Ice jams raised the water at Chusovoy above the flood mark in six springs of 2000–2021, all after a cold March.
"""
    meta = extract_metadata(doc(page))
    assert meta["title"] == "Ice jams on the Chusovaya river"
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("Pavel I. Lunegov", "Perm Institute of River Hydrology"), ("Irina S. Vasyanina", "Kungur Hydrological Station")]
    # a bracket that is no place still ends the list; one institution on the line below is shared
    names = read_byline("Pavel I. Lunegov (retired), Irina S. Vasyanina", 0, 46)
    assert [n.text for n in names] == ["Pavel I. Lunegov"]
    shared = page.replace("Perm Institute of River Hydrology; Kungur Hydrological Station", "Perm Institute of River Hydrology")
    assert {aff for *_, aff in people(shared)} == {"Perm Institute of River Hydrology"}


def test_a_paragraph_with_a_spaced_hyphen_stays_prose():
    # Tokenised text spaces its hyphens ("short - lived"); one dash is no GOST area mark, so the paragraph
    # (a name, then a year) is no source line naming a journal.
    page = ("Marta Eklund (born 4 May 1961) is a Swedish hydrologist. She led the Lule river survey from 1990 and "
            "wrote a widely read short - lived column on ice roads in 2004, before she joined the Umea water board.\n")
    meta = extract_metadata(doc(page))
    assert (meta["journal"], meta["year"], meta["authors"]) == (None, None, [])
    # with two ". – " area marks it is a source line again (the proceedings test above reads one)
    assert extract_metadata(doc("Rivers of the Kama Basin: proceedings of the regional conference. – Perm: Kama Press, "
                                "2022. – 180 p. Texts of the talks on ice jams and floods of the upper Kama river.\n"))["journal"]


def test_wrapperless_prose_states_no_metadata():
    """500 Re-DocRED paragraphs (Wikipedia prose, no page around them) state no title, journal, year or author.

    Two documents are read wrongly since before this test (a name opening a paragraph of capitalised film
    titles taken for a journal with a year; a party's name for an author): listed, so any other fails.
    """
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.training.redocred import load_documents

    extractor = Extractor(ExtractConfig(components=("segmenter", "metadata")))
    docs = list(extractor.pipe(Document(id=d.id, text=d.text) for d in load_documents()[:500]))
    filled = {d.id: sorted(k for k, v in d.metadata.items() if v not in (None, [], {}, "")) for d in docs}
    assert {k: v for k, v in filled.items() if v} == {
        "redocred_dev_185": ["authors"], "redocred_dev_441": ["authors", "journal", "year"]}


def test_the_first_item_of_a_menu_above_the_issue_line_names_the_journal():
    page = "Kama Politics Review | Issues | About | Русский\nVol. 3, No. 1 (2022)\n\nFerries of the Kama\n"
    assert page_fields(page)["journal"] == "Kama Politics Review"
    # a first item that is no periodical's name is no journal
    assert page_fields("Welcome | Issues | About | Русский\nVol. 3, No. 1 (2022)\n\nFerries\n")["journal"] is None
