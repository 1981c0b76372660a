"""Author-block and source forms of issue 15 met on the m70–m89 dev layouts, each rule tried on a made-up page.

Every line and page here is invented for these tests (not from the seed page, not from the layout sets)."""

import pytest

from textmine.document import Document
from textmine.stages.htmltext import extract_html
from textmine.stages.metadata import extract_metadata
from textmine.stages.metadata.bylines import join_broken_name, read_byline
from textmine.stages.metadata.sources import choose_fields, find_statements, outlet_name
from textmine.stages.segment import Segmenter


def page_fields(text: str) -> dict:
    chosen = choose_fields(find_statements(text, [(0, len(text))]), text)
    return {name: text[span[0]:span[1]] if span else None for name, span in vars(chosen).items()}


def test_html_name_and_affiliation_elements_side_by_side():
    # the elements' texts become the name line and the affiliation line below it; the e-mail element a line of its own
    html = """<html><body><h1>Olive groves of the Alentejo after the drought of 2017</h1>
<div class="author"><span class="name">Pedro Almeida</span><span class="aff">Department of Ecology, Coimbra Agrarian University, Coimbra, Portugal</span><span>p.almeida@example.pt</span></div>
<div class="author"><span class="name">Ines Duarte</span><span class="aff">Alentejo Olive Research Station, Beja, Portugal</span></div>
<p>Yields of 80 olive groves fell by half in 2017 and came back within two years only where the groves were irrigated.</p>
</body></html>"""
    text = extract_html(html).text
    assert "Pedro Almeida\nDepartment of Ecology" in text and "Portugal\np.almeida@example.pt" in text
    authors = extract_metadata(Document("test", text))["authors"]
    assert [(a["name"], a["email"], a["affiliation"]) for a in authors] == [
        ("Pedro Almeida", "p.almeida@example.pt", "Coimbra Agrarian University"),
        ("Ines Duarte", None, "Alentejo Olive Research Station"),
    ]


def test_given_name_cut_from_its_initials_by_the_line_break():
    text = "Anna K. Frolova¹, Pavel\nS. Gromov², Ilya Z. Kuts¹\n"
    first_end = text.index("\n")
    end = join_broken_name(text, 0, first_end, first_end + 1, len(text) - 1)
    names = read_byline(text, 0, end)
    assert [(n.text, n.markers) for n in names] == [("Anna K. Frolova", ["1"]), ("Pavel S. Gromov", ["2"])]
    # a word that is no name's is not joined to the next line ("..., Department" / "A. Smith")
    text = "Ivan Petrov, Department\nA. Smith\n"
    assert join_broken_name(text, 0, text.index("\n"), text.index("\n") + 1, len(text) - 1) == text.index("\n")


def test_capitals_by_byline_with_and():
    line = "BY MARTA KOWAL AND IGOR SEMYONOV"
    assert [n.text for n in read_byline(line, 0, len(line))] == ["MARTA KOWAL", "IGOR SEMYONOV"]


def test_bilingual_affiliation_lines_give_the_printing_in_the_articles_language():
    page = """Mountain pastures of the Northern Urals

A. V. Sedykh¹, K. P. Lozhkina²
¹ Уральский институт горного хозяйства, Пермь, Россия / Ural Institute of Mountain Farming, Perm, Russia
² Вишерский заповедник, Красновишерск, Россия / Vishera Nature Reserve Research Station, Krasnovishersk, Russia

Grazing on the mountain pastures of the Northern Urals fell by half after 1995, and the tree line moved up the slopes where herds no longer came in summer.
"""
    authors = extract_metadata(Document("test", page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("A. V. Sedykh", "Ural Institute of Mountain Farming"),
        ("K. P. Lozhkina", "Vishera Nature Reserve Research Station"),
    ]


def test_issue_label_with_the_year_first():
    fields = page_fields("Журнал: Northern Forestry Letters\nВыпуск: 2019, № 3 (12)\n")
    assert fields["issue"] == "3 (12)" and fields["year"] == "2019"
    assert page_fields("Журнал: Northern Forestry Letters\nВыпуск: 3 (12)\n")["issue"] == "3 (12)"


def test_html_author_elements_without_spaces_give_names_affiliations_and_orcids():
    html = """<html><body><h1>Salt marsh birds of the Tagus estuary</h1>
<div class="authors"><span class="author">Rita Moniz</span><sup>1</sup><a href="https://orcid.org/0000-0002-1825-0097">0000-0002-1825-0097</a>, <span class="author">Nuno Serrao</span><sup>2</sup></div>
<div><p><sup>1</sup>Lisbon Institute of Ornithology, Lisbon, Portugal</p><p><sup>2</sup>Tagus Estuary Research Station, Alcochete, Portugal</p></div>
<p>Counts of wading birds on the salt marshes of the Tagus estuary in 2005–2020 show that the birds moved to the southern marshes after the northern ones were built up.</p>
</body></html>"""
    text = extract_html(html).text
    authors = extract_metadata(Document("test", text))["authors"]
    assert [(a["name"], a["orcid"], a["affiliation"]) for a in authors] == [
        ("Rita Moniz", "0000-0002-1825-0097", "Lisbon Institute of Ornithology"),
        ("Nuno Serrao", None, "Tagus Estuary Research Station"),
    ]


def test_navigation_words_are_no_journal():
    # a breadcrumb-like issue line with dashes names no journal; the masthead above names it
    fields = page_fields("Журнал «Степные ландшафты»\nАрхив номеров — 2021 — № 3 (17)\n")
    assert fields["journal"] == "Степные ландшафты" and fields["issue"] == "3 (17)" and fields["year"] == "2021"
    # menu items before the name in a pipe row are none of it
    fields = page_fields("Journals | Arid Zone Hydrology Letters | Volume 12\n")
    assert fields["journal"] == "Arid Zone Hydrology Letters" and fields["volume"] == "12"


def test_periodical_name_next_to_an_issue_line():
    # below a breadcrumb that states the issue
    fields = page_fields("Home / Archives / Vol. 8 No. 2 (2019)\nDanube Journal of Fisheries\n\nCarp ponds of the lower Danube\n")
    assert fields["journal"] == "Danube Journal of Fisheries" and fields["volume"] == "8" and fields["issue"] == "2"
    # the page's first line right above the issue line, without a periodical's word
    fields = page_fields("Почвы и агрохимия Заволжья\nТом 6, № 1 (2018)\n\nSalinity of irrigated soils\n")
    assert fields["journal"] == "Почвы и агрохимия Заволжья"
    # not lower down the page without that word, and not a menu word
    fields = page_fields("Research article\n\nSalinity of irrigated soils\nТом 6, № 1 (2018)\n")
    assert fields["journal"] is None
    assert page_fields("Archives\nVol. 8 No. 2 (2019)\n")["journal"] is None


def test_bilingual_masthead_names_the_news_outlet():
    page = """Степной курьер — Steppe Courier
Главная | Новости

Grain exports through Novorossiysk

By Ilya Sorin
12 May 2023

Exports of wheat through the port rose by a tenth in April.
"""
    metadata = extract_metadata(Document("test", page))
    assert metadata["journal"] == "Steppe Courier"
    lines = [(0, "Степной курьер — 2023"), (0, "Главная | Новости")]  # a year is no name; a menu row is no masthead
    assert outlet_name("", lines) is None


def test_author_note_names_a_capitals_byline_author_in_mixed_case():
    page = """Harbour cranes of the Baltic

BY OLGA MERTENS AND PAUL ADLER
March 3, 2022

Cranes at three Baltic ports were replaced by electric ones in 2021.

Olga Mertens is a research fellow at the Baltic Institute of Port Economics in Riga.
"""
    authors = extract_metadata(Document("test", page))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("OLGA MERTENS", "Baltic Institute of Port Economics"), ("PAUL ADLER", None)]


def test_html_letter_markers_in_superscript_give_each_author_a_letter():
    html = """<html><body><h1>Ice roads of the Kolyma</h1>
<p>Egor S. Popov<sup>a</sup>, Sardana I. Gotovtseva<sup>a,b</sup></p>
<p><sup>a</sup> Magadan Institute of Transport, Magadan, Russia</p>
<p><sup>b</sup> Kolyma Road Research Station, Susuman, Russia</p>
<p>Ice roads on the Kolyma opened two weeks later in the winters of 2015–2022 than in the 1980s, and closed earlier.</p>
</body></html>"""
    authors = extract_metadata(Document("test", extract_html(html).text))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("Egor S. Popov", "Magadan Institute of Transport"), ("Sardana I. Gotovtseva", "Magadan Institute of Transport")]


def test_marker_before_an_orcid_url_without_scheme_gives_the_id_to_its_author():
    page = """Tidal flats of the White Sea

Ermolina Daria Olegovna¹
Haugen Tor²
Pavlov Sergei Ivanovich¹

¹ Arkhangelsk Institute of Coastal Research, Arkhangelsk, Russia
² Trondheim Marine Station, Trondheim, Norway

ORCID: ² orcid.org/0000-0002-1825-0097; ¹ orcid.org/0000-0001-5109-3700

Tidal flats of the Onega bay lost a fifth of their area to salt marsh between 1990 and 2020, and the loss was fastest near the river mouths.
"""
    authors = extract_metadata(Document("test", page))["authors"]
    assert [(a["name"], a["orcid"]) for a in authors] == [
        ("Ermolina Daria Olegovna", "0000-0001-5109-3700"), ("Haugen Tor", "0000-0002-1825-0097"),
        ("Pavlov Sergei Ivanovich", None)]


def test_journal_abbreviated_with_full_stops_in_a_citation_line():
    fields = page_fields("For citation: Orlova T. P. Frost heave of railway beds. Izv. Vyssh. Uchebn. Zaved. Geol., 2019, vol. 8, no. 2, pp. 5–14.\n")
    assert fields["journal"] == "Izv. Vyssh. Uchebn. Zaved. Geol" and fields["volume"] == "8" and fields["issue"] == "2"
    # a title's last word is no abbreviation: the journal starts after it
    fields = page_fields("For citation: Orlova T. P. Frost heave and railway beds. Railway Geotechnics. 2019. Vol. 8, No. 2. P. 5–14.\n")
    assert fields["journal"] == "Railway Geotechnics"


def test_proceedings_named_with_the_conference_place_and_date_only():
    fields = page_fields("Proceedings of the Altai Workshop on Glaciology, Barnaul, 12–14 May 2022\n\nMoraine lakes\n")
    assert fields["journal"] == "Proceedings of the Altai Workshop on Glaciology" and fields["year"] is None
    fields = page_fields("Материалы конференции «Степи Евразии» (Оренбург, 3–5 октября 2021 г.)\n")
    assert fields["journal"] == "Материалы конференции «Степи Евразии»" and fields["year"] is None
    # a sentence that mentions a conference is no proceedings line
    assert page_fields("The data were shown at the Altai Workshop on Glaciology, Barnaul, 12–14 May 2022\n")["journal"] is None


def test_record_author_field_whose_names_stand_in_a_cell_of_their_own():
    html = """<html><body><p>Электронная библиотека «Северные науки»</p>
<dl><dt>Авторы:</dt><dd><a href="/a/1">Lebedeva T. K.</a>, <a href="/a/2">Okhlopkov N. S.</a></dd>
<dt>Журнал:</dt><dd>Yakutian Hydrology</dd><dt>Год выпуска:</dt><dd>2017</dd></dl>
<div><p>SPRING FLOODS ON THE ALDAN</p>
<p>Gauge records of 1950–2016 show that the spring flood on the Aldan now peaks a week earlier than in the 1950s.</p></div>
</body></html>"""
    page = extract_html(html)
    document = Segmenter()(Document("test", page.text, source={"html": {"blocks": page.blocks}}))
    metadata = extract_metadata(document)
    assert [a["name"] for a in metadata["authors"]] == ["Lebedeva T. K.", "Okhlopkov N. S."]


def test_site_name_above_its_menu_row_and_the_issue_line():
    fields = page_fields("Tundra Ecology Notes\nHome Archives About\nVol. 3, No. 2 (2020)\n\nLemming cycles\n")
    assert fields["journal"] == "Tundra Ecology Notes" and fields["volume"] == "3"
    # a line between them that is not a menu: the first line is no journal
    assert page_fields("Tundra Ecology Notes\nOur partners and friends\nVol. 3, No. 2 (2020)\n")["journal"] is None
