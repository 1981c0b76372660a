"""Printings that `textmine benchmark perturbations` found breaking metadata, each rule tried on a made-up page.

Every page here is invented for these tests (not from the seed page, not from the layout sets), and each rule has
a case where it must not fire."""

from textmine.document import Document, Segment
from textmine.stages.metadata import EMAIL, extract_metadata
from textmine.stages.metadata.bylines import join_broken_name, read_byline
from textmine.stages.metadata.sources import _top_bar_line

PAGE = """Journal of Invented Forestry. 2020. Vol. 7, No. 3

Beaver dams and the spread of alder on the Mezen floodplain

Olga V. Tikhonova¹, Piotr S. Lomov²
¹ Mezen Institute of Forestry, Arkhangelsk, Russia
² Pechora State University, Naryan-Mar, Russia
E-mail: tikhonova.ov@example.org

Beaver dams raised the water table along eleven tributaries of the Mezen, and alder spread over the flooded meadows within a decade of the first dams being built there.
"""


def _authors(text: str) -> list[tuple]:
    return [(a["name"], a["email"], a["orcid"], a["affiliation"]) for a in extract_metadata(Document("t", text))["authors"]]


def test_crlf_line_ends_read_as_lf_ones():
    # one name a line, each in the "SURNAME Given Patronymic" shape that needs a line of its own
    page = PAGE.replace("Olga V. Tikhonova¹, Piotr S. Lomov²\n¹ Mezen Institute of Forestry, Arkhangelsk, Russia\n"
                        "² Pechora State University, Naryan-Mar, Russia\n",
                        "TIKHONOVA Olga Viktorovna\nMezen Institute of Forestry, Arkhangelsk, Russia\n"
                        "LOMOV Piotr Sergeevich\nPechora State University, Naryan-Mar, Russia\n")
    lf, crlf = extract_metadata(Document("t", page)), extract_metadata(Document("t", page.replace("\n", "\r\n")))
    assert [(a["name"], a["affiliation"]) for a in lf["authors"]] == [
        ("TIKHONOVA Olga Viktorovna", "Mezen Institute of Forestry"), ("LOMOV Piotr Sergeevich", "Pechora State University")]
    for key in ("title", "journal", "year", "volume", "issue", "authors"):
        assert crlf[key] == lf[key], key
    # a carriage return inside a line is no line end: the name is not read from half a line
    inside = page.replace("TIKHONOVA Olga Viktorovna\n", "Reviewed by\rTIKHONOVA Olga Viktorovna, editor\n")
    assert "TIKHONOVA Olga Viktorovna" not in [a["name"] for a in extract_metadata(Document("t", inside))["authors"]]


def test_superscript_letter_marker_is_stripped_from_an_e_mail_and_maps_it():
    page = (PAGE.replace("¹", "ᵃ").replace("²", "ᵇ")
            .replace("E-mail: tikhonova.ov@example.org", "E-mail: ᵃtikhonova.ov@example.org, ᵇlomov@example.org"))
    assert _authors(page) == [
        ("Olga V. Tikhonova", "tikhonova.ov@example.org", None, "Mezen Institute of Forestry"),
        ("Piotr S. Lomov", "lomov@example.org", None, "Pechora State University"),
    ]
    # a mailbox that starts with an ordinary letter keeps it
    assert EMAIL.search("E-mail: atikhonova@example.org").group(0) == "atikhonova@example.org"


def test_superscript_letter_marker_before_an_orcid_maps_it():
    page = PAGE.replace("¹", "ᵃ").replace("²", "ᵇ").replace(
        "E-mail: tikhonova.ov@example.org", "ORCID: ᵃ0000-0002-1825-0097, ᵇ 0000-0001-5109-3700")
    assert [(a[0], a[2]) for a in _authors(page)] == [
        ("Olga V. Tikhonova", "0000-0002-1825-0097"), ("Piotr S. Lomov", "0000-0001-5109-3700")]


def test_next_institution_after_a_semicolon_with_a_spaced_or_letter_marker():
    for first, second in (("¹", "² "), ("ᵃ", "ᵇ"), ("ᵃ ", "ᵇ ")):
        page = PAGE.replace("¹ Mezen Institute of Forestry, Arkhangelsk, Russia\n² Pechora State University, Naryan-Mar, Russia",
                            f"{first}Mezen Institute of Forestry, Arkhangelsk, Russia; {second}Pechora State University, Naryan-Mar, Russia")
        page = page.replace("Tikhonova¹", f"Tikhonova{first.strip()}").replace("Lomov²", f"Lomov{second.strip()}")
        assert [a[3] for a in _authors(page)] == ["Mezen Institute of Forestry", "Pechora State University"], (first, second)
    # a semicolon before a plain word is no cut: one institution stays whole
    page = PAGE.replace("¹ Mezen Institute of Forestry, Arkhangelsk, Russia", "¹ Mezen Institute of Forestry; Arkhangelsk branch")
    assert _authors(page)[0][3] == "Mezen Institute of Forestry"


def test_romanised_two_letter_initials_in_capitals():
    for line, names in (("YU. P. ORLOVA, R. KH. GAREEV", ["YU. P. ORLOVA", "R. KH. GAREEV"]),
                        ("TIMUR ZH. BAKIEV", ["TIMUR ZH. BAKIEV"]),
                        ("Yu. P. Orlova, R. Kh. Gareev", ["Yu. P. Orlova", "R. Kh. Gareev"])):
        assert [n.text for n in read_byline(line, 0, len(line), own_line=True)] == names
    # two capitals that are no romanisation digraph start no name: "DR. ORLOVA", "ST. PETERSBURG"
    for line in ("DR. ORLOVA", "ST. PETERSBURG"):
        assert read_byline(line, 0, len(line), own_line=True) == []


NEWS = """Войти   Регистрация   RU | EN
Главная / Новости / Аналитика
Северный вестник | Northern Herald
Главная | Новости | Аналитика | Контакты

Ferry fares on the White Sea rise for the summer

By Anna\u00a0Leskova, 12 May 2023

Ferry fares between Arkhangelsk and the Solovetsky Islands rose by a fifth this summer, and the operators blame the price of fuel and the short navigation season for the increase.

Anna\u00a0Leskova is a transport analyst at the Onega Institute of Regional Studies.
"""


def test_author_note_names_the_author_with_other_spacing():
    authors = extract_metadata(Document("t", NEWS))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [("Anna Leskova", "Onega Institute of Regional Studies")]
    # a note about somebody else gives the author nothing
    other = NEWS.replace("Anna\u00a0Leskova is", "Boris\u00a0Leskov is")
    assert extract_metadata(Document("t", other))["authors"][0]["affiliation"] is None


def test_masthead_below_a_top_bar_of_account_links_and_breadcrumb():
    meta = extract_metadata(Document("t", NEWS))
    assert meta["journal"] == "Northern Herald" and meta["year"] == 2023
    assert _top_bar_line("Войти Регистрация RU | EN") and _top_bar_line("Главная / Новости / Аналитика")
    # a line naming the site or the journal is no top bar, even among navigation words
    assert not _top_bar_line("Северный вестник | Northern Herald")
    assert not _top_bar_line("Главная / Архив / Caspian Review")


def test_site_name_above_its_menu_row_under_a_top_bar():
    page = """Войти   Регистрация   RU | EN
Onega Lake Studies
Home | Archive | Authors | Contacts
Vol. 3, No. 1 (2022)

Whitefish spawning grounds of the northern bays

Whitefish spawned on eleven gravel banks of the northern bays in the autumns of 2018 to 2021, and the banks silted by log rafting were left empty.
"""
    meta = extract_metadata(Document("t", page))
    assert (meta["journal"], meta["volume"], meta["issue"], meta["year"]) == ("Onega Lake Studies", "3", "1", 2022)
    # without the menu row between it and the issue line, a line under the top bar needs a periodical's word
    assert extract_metadata(Document("t", page.replace("Home | Archive | Authors | Contacts\n", "")))["journal"] is None


def test_title_label_starts_the_title_when_no_blank_line_sets_it_apart():
    page = """Steppe Open Repository
Record details
Title: Hay yields on the meadows of the Ishim valley
Author(s): Dauletova, Saule K.
Source: Ishim Agrarian Review, 2021, Vol. 4, Issue 2, p. 5-14
Abstract: Hay yields were weighed on thirty meadow plots of the Ishim valley over eight summers, and the plots flooded in spring gave twice the hay of the dry ones in every year.
"""
    assert extract_metadata(Document("t", page))["title"] == "Hay yields on the meadows of the Ishim valley"
    # without the label, two title-like lines in a row are one title across a line break
    run_on = page.replace("Steppe Open Repository\nRecord details\nTitle: ", "Hay yields and floods:\n")
    assert extract_metadata(Document("t", run_on))["title"] == "Hay yields and floods: Hay yields on the meadows of the Ishim valley"


def test_article_kind_label_right_above_the_title_is_not_part_of_it():
    page = PAGE.replace("\nBeaver dams and the spread", "\nOriginal research\nBeaver dams and the spread")
    assert extract_metadata(Document("t", page))["title"] == "Beaver dams and the spread of alder on the Mezen floodplain"
    # a title that only begins with those words is a title
    page = PAGE.replace("Beaver dams and the spread of alder on the Mezen floodplain",
                        "Original research on beaver dams of the Mezen floodplain")
    assert extract_metadata(Document("t", page))["title"] == "Original research on beaver dams of the Mezen floodplain"


def test_name_cut_by_a_line_break_before_letter_or_dagger_markers():
    for first, second in (("ᵃ", "ᵇ"), ("†", "‡")):
        text = f"Irina P. Lebedeva{first}, Marat\nZ. Khusnutdinov{second}, Olga S. Garaeva{second}"
        line_end = text.index("\n")
        end = join_broken_name(text, 0, line_end, line_end + 1, len(text))
        assert text[:end].endswith(f"Khusnutdinov{second}"), first
    # a capitalised word that opens the next line without a marker or the line's end is no surname
    text = "Irina P. Lebedeva, Marat\nZ. Khusnutdinov studied the lakes"
    assert join_broken_name(text, 0, text.index("\n"), text.index("\n") + 1, len(text)) == text.index("\n")


def test_the_whole_footnote_sequence_marks_authors():
    line = "Irina Lebedeva*, Marat Khusnutdinov†, Olga Garaeva‡, Ruslan Zakirov§, Anna Petrova‖, Ivan Orlov¶"
    names = read_byline(line, 0, len(line), own_line=True)
    assert [n.markers for n in names] == [["*"], ["†"], ["‡"], ["§"], ["‖"], ["¶"]]
    # a pilcrow inside a sentence is no marker of a name
    assert read_byline("See ¶ 4 of the agreement", 0, 24, own_line=True) == []


def test_orcid_list_by_name_with_the_ids_printed_as_urls():
    ids = "0000-0002-1825-0097", "0000-0001-5109-3700"
    page = PAGE.replace("E-mail: tikhonova.ov@example.org",
                        f"ORCID: Tikhonova O. V. https://orcid.org/{ids[0]}, Lomov P. S. https://orcid.org/{ids[1]}")
    assert [(a[0], a[2]) for a in _authors(page)] == [("Olga V. Tikhonova", ids[0]), ("Piotr S. Lomov", ids[1])]
    # the name after the URL owns it when the list prints the iD first ("iD Name, iD Name")
    page = PAGE.replace("E-mail: tikhonova.ov@example.org",
                        f"ORCID: https://orcid.org/{ids[0]} (Tikhonova O. V.); https://orcid.org/{ids[1]} (Lomov P. S.)")
    assert [(a[0], a[2]) for a in _authors(page)] == [("Olga V. Tikhonova", ids[0]), ("Piotr S. Lomov", ids[1])]


AGGREGATOR_CARD = """ЛесНаука — электронная библиотека
Главная | Журналы | Войти

Журнал: Вестник таёжного лесоводства
Год: 2019   Номер: 4
Авторы: Belova I. N., Frolov D. S.

Аннотация научной статьи по лесному хозяйству, автор научной работы — Belova I. N., Frolov D. S.
The paper compares how fast pine and larch seedlings recover after ground fires on the sandy terraces of the Vychegda River.

Текст научной работы

Pine and larch seedlings after ground fires on the Vychegda terraces

Irina N. Belova¹
Denis S. Frolov²

¹ Syktyvkar Forest Institute, Syktyvkar, Russia
² Komi Reserve Research Station, Troitsko-Pechorsk, Russia

Abstract. Seedlings of both species were counted on forty burnt and twenty unburnt plots for five years after the fires of 2012, and larch recovered twice as fast as pine on the driest sands.
"""


def test_full_text_byline_of_one_name_a_line_overrides_the_record_field():
    metadata = extract_metadata(Document("t", AGGREGATOR_CARD))
    assert metadata["title"] == "Pine and larch seedlings after ground fires on the Vychegda terraces"
    assert [(a["name"], a["affiliation"]) for a in metadata["authors"]] == [
        ("Irina N. Belova", "Syktyvkar Forest Institute"), ("Denis S. Frolov", "Komi Reserve Research Station")]
    # with the names on one line, their markers superscript letters or footnote symbols
    for first, second in (("ᵃ", "ᵇ"), ("†", "‡")):
        page = (AGGREGATOR_CARD.replace("Irina N. Belova¹\nDenis S. Frolov²", f"Irina N. Belova{first}, Denis S. Frolov{second}")
                .replace("¹ ", f"{first} ").replace("² ", f"{second} "))
        assert [a["name"] for a in extract_metadata(Document("t", page))["authors"]] == ["Irina N. Belova", "Denis S. Frolov"]
    # name lines with no affiliation, e-mail or ORCID below them are no author block: the record's field stands
    bare = AGGREGATOR_CARD.replace("¹ Syktyvkar Forest Institute, Syktyvkar, Russia\n"
                                   "² Komi Reserve Research Station, Troitsko-Pechorsk, Russia\n\n", "")
    assert [a["name"] for a in extract_metadata(Document("t", bare))["authors"]] == ["Belova I. N.", "Frolov D. S."]


TITLE = "Beaver dams and the spread of alder on the Mezen floodplain"


def _title_without_blank_lines(above: str, title: str = TITLE) -> str | None:
    """The title read from PAGE printed with no blank line around its title, ``above`` right above it."""
    page = PAGE.replace("\n\n" + TITLE + "\n\n", "\n" + above + title + "\n")
    return extract_metadata(Document("t", page))["title"]


def test_a_labelled_date_line_above_the_title_is_no_part_of_it():
    assert _title_without_blank_lines("Posted: 12.05.2021\n") == TITLE
    assert _title_without_blank_lines("Дата публикации: 3 мая 2021\n") == TITLE
    # a title with a colon and a year after it is still a title
    assert _title_without_blank_lines("", "Drought year: 2018 and the Mezen alder") == "Drought year: 2018 and the Mezen alder"


def test_a_blog_rubric_above_the_title_is_no_part_of_it():
    assert _title_without_blank_lines("Guest post\n") == TITLE
    assert _title_without_blank_lines("Opinion column\n") == TITLE
    # a title that opens with the rubric's words is whole
    title = "Guest posts on forestry blogs and their readers"
    assert _title_without_blank_lines("", title) == title


def test_a_capitalised_series_name_above_a_sentence_case_title_is_no_part_of_it():
    assert _title_without_blank_lines("Mezen Forestry Preprints\n") == TITLE
    # a title's first line that runs on with a colon, and a title capitalised throughout, keep all their lines
    assert _title_without_blank_lines("", "Beaver Dams on the Mezen:\nAlder spread over the floodplain") == (
        "Beaver Dams on the Mezen: Alder spread over the floodplain")
    assert _title_without_blank_lines("", "Beaver Dams and Alder\nOn the Mezen Floodplain") == (
        "Beaver Dams and Alder On the Mezen Floodplain")


ABOUT_THE_AUTHORS = """Journal of Invented Forestry. 2020. Vol. 7, No. 3

Beaver dams and the spread of alder on the Mezen floodplain

O. V. Tikhonova, P. S. Lomov

Beaver dams raised the water table along eleven tributaries of the Mezen, and alder spread over the flooded meadows within a decade of the first dams being built there.

About the authors
Olga V. Tikhonova — Candidate of Sciences (Biology), Senior Researcher, Mezen Institute of Forestry, Arkhangelsk, Russia; e-mail: tikhonova.ov@example.org; ORCID: 0000-0002-1825-0097
Piotr S. Lomov — Lecturer, Pechora State University, Naryan-Mar, Russia; e-mail: lomov@example.org; ORCID: 0000-0001-5109-3700
"""


def test_an_orcid_url_does_not_make_an_about_the_authors_line_a_reference():
    for orcid in ("ORCID: https://orcid.org/", "https://orcid.org/", "http://orcid.org/"):
        page = ABOUT_THE_AUTHORS.replace("ORCID: ", orcid)
        assert [(a["name"], a["affiliation"]) for a in extract_metadata(Document("t", page))["authors"]] == [
            ("O. V. Tikhonova", "Mezen Institute of Forestry"), ("P. S. Lomov", "Pechora State University")]
    # a GOST reference's "//" before its source still marks a reference, whose institution is not the author's
    reference = ABOUT_THE_AUTHORS.replace(
        "Olga V. Tikhonova — Candidate of Sciences (Biology), Senior Researcher, Mezen Institute of Forestry, Arkhangelsk, "
        "Russia; e-mail: tikhonova.ov@example.org; ORCID: 0000-0002-1825-0097",
        "Olga V. Tikhonova — Alder stands of the Mezen Institute of Forestry plots // Forest Notes. 2018. No. 2. P. 3–9.")
    assert extract_metadata(Document("t", reference))["authors"][0]["affiliation"] is None


def test_a_lower_case_by_line_under_the_title_is_the_byline_not_the_title():
    page = PAGE.replace("Olga V. Tikhonova¹, Piotr S. Lomov²\n¹ Mezen Institute of Forestry, Arkhangelsk, Russia\n"
                        "² Pechora State University, Naryan-Mar, Russia\n",
                        "by Olga V. Tikhonova and Piotr S. Lomov\n\n"
                        "Olga V. Tikhonova, Mezen Institute of Forestry, Arkhangelsk, Russia\n"
                        "Piotr S. Lomov, Pechora State University, Naryan-Mar, Russia\n")
    metadata = extract_metadata(Document("t", page))
    assert metadata["title"] == "Beaver dams and the spread of alder on the Mezen floodplain"
    assert [(a["name"], a["affiliation"]) for a in metadata["authors"]] == [
        ("Olga V. Tikhonova", "Mezen Institute of Forestry"), ("Piotr S. Lomov", "Pechora State University")]


def test_first_page_footnotes_marked_with_letters_or_daggers_give_the_institution():
    page = """Salt marsh birds of the Onega Bay

Irina P. Gromova{1}, Timur S. Ablaev{2}

Abstract. Counts on nine transects of the Onega Bay marshes show that waders nest half as often where cattle graze the upper marsh as where it is left unmown and ungrazed.

1. Introduction
The marshes of the bay are grazed from June to September.

{1} Onega Bird Observatory, Onega, Russia. E-mail: gromova@example.org. ORCID: 0000-0002-1825-0097
{2} Kem Coastal Research Station, Kem, Russia. E-mail: ablaev@example.org
"""
    for first, second in (("ᵃ", "ᵇ"), ("†", "‡")):
        marked = page.replace("{1}", first).replace("{2}", second)
        assert _authors(marked) == [
            ("Irina P. Gromova", "gromova@example.org", "0000-0002-1825-0097", "Onega Bird Observatory"),
            ("Timur S. Ablaev", "ablaev@example.org", None, "Kem Coastal Research Station")], first
    # a star marks the corresponding author: a starred line is no footnote's institution
    starred = page.replace("{1}", "*").replace("{2}", "").replace("\n{2} Kem Coastal Research Station, Kem, Russia. E-mail: ablaev@example.org", "")
    assert [a[3] for a in _authors(starred)] == [None, None]


def test_a_dublin_core_record_whose_language_column_lost_its_tab_keeps_the_tag_out_of_the_values():
    from textmine.stages.metadata.sources import dublin_core_rows

    record = """Full item record
dc.contributor.author Osipova, Vera K. en
dc.contributor.author Lund, Erik en
dc.date.issued 2019 -
dc.title Where the reindeer go in spring en
dc.relation.ispartof Kola Journal of Ecology. 2019. Vol. 2, № 1 en
dc.type Article en
"""
    values = [(name, record[start:end]) for name, start, end in dublin_core_rows(record)]
    assert values[:4] == [("dc.contributor.author", "Osipova, Vera K."), ("dc.contributor.author", "Lund, Erik"),
                          ("dc.date.issued", "2019"), ("dc.title", "Where the reindeer go in spring")]
    # a record without a language column: a value's last short word stays
    plain = record.replace(" en\n", "\n").replace(" -\n", "\n").replace(" in spring", "")
    titles = [plain[start:end] for name, start, end in dublin_core_rows(plain) if name == "dc.title"]
    assert titles == ["Where the reindeer go"]


def test_an_e_mail_in_a_footer_line_is_no_author_s_though_no_blank_line_ends_the_author_s_paragraph():
    # an information paragraph ("Name, degree, position" / its iD alone on a line) with no blank line before the footer
    page = (PAGE.replace("E-mail: tikhonova.ov@example.org\n", "")
            + "About the authors\nOlga V. Tikhonova, Cand. Sci. (Biology), Senior Researcher\nORCID: 0000-0002-1825-0097\n"
            + "© 2015–2024 Mezen Institute of Forestry. All rights reserved. office@mezen.example.org\n")
    assert [(a[0], a[1], a[2]) for a in _authors(page)] == [
        ("Olga V. Tikhonova", None, "0000-0002-1825-0097"), ("Piotr S. Lomov", None, None)]
    # an e-mail alone on its line, under the author's information line, is the author's
    alone = page.replace("© 2015–2024 Mezen Institute of Forestry. All rights reserved. ", "E-mail: ")
    assert [a[1] for a in _authors(alone)] == ["office@mezen.example.org", None]


def test_an_inverted_name_opens_an_information_line_before_a_dash_and_a_degree():
    page = """Байкальский аналитический портал | Baikal Analytics
Главная   Аналитика   Комментарии   EN

Commentary | 03.11.2023 | Olkhovsky, Dmitry
Why Irkutsk hauliers are moving to the Mongolian border

Road freight from Irkutsk to the Kyakhta crossing grew by half in 2022, twice as fast as the rail freight.
The rail corridor to the east stayed at the limit of its capacity for most of the year and the next.

Olkhovsky, Dmitry — Ph.D. (Economics), Senior Researcher at the Irkutsk Institute of Transport Economics.
Views expressed are the author's own.

Tags: freight, Mongolia, Irkutsk
"""
    assert [(a[0], a[3]) for a in _authors(page)] == [("Olkhovsky, Dmitry", "Irkutsk Institute of Transport Economics")]
    # a place in the same shape before a dash and other words is no name
    place = "Irkutsk, Russia — Regional Office"
    assert read_byline(place, 0, len(place), own_line=True) == []


def test_a_library_card_s_marked_names_one_a_line_under_the_title():
    card = """eLIBRARY - НАУЧНАЯ ЭЛЕКТРОННАЯ БИБЛИОТЕКА

WINTER GRAZING OF REINDEER ON THE YAMAL LICHEN TUNDRA
ХУДИ Н.В.1
СЕРОТЕТТО А.П.2
1 Салехардский аграрный университет
2 Институт арктического оленеводства

Тип: статья в журнале - научная статья
Язык: английский
Номер: 2 (17)
Год: 2021
Страницы: 12-20
ЖУРНАЛ:
ОЛЕНЕВОДСТВО СЕВЕРА
"""
    # the card's English title is its article part; its names, institutions and fields are the card's
    title_start = card.index("WINTER")
    title_end = card.index("\n", title_start)
    segments = [Segment(0, title_start, "ru", "wrapper"), Segment(title_start, title_end, "en", "article"),
                Segment(title_end, len(card), "ru", "wrapper")]
    authors = extract_metadata(Document("t", card, segments=segments))["authors"]
    assert [(a["name"], a["affiliation"]) for a in authors] == [
        ("ХУДИ Н.В.", "Салехардский аграрный университет"), ("СЕРОТЕТТО А.П.", "Институт арктического оленеводства")]


def test_a_reprint_s_source_note_in_the_running_text_gives_the_journal():
    from textmine.stages.metadata.sources import RANK_BELOW, find_statements

    text = ("Fishing quotas on Lake Khanka after the border agreement\n"
            "Catches of carp on the Russian side fell by a fifth after 2015, while the Chinese side kept its quotas and its season.\n"
            "Source: Far Eastern Fisheries Review, 2021, Vol. 9, No. 2, pp. 40–52.\n"
            "Source: Rosrybolovstvo catch statistics, 2020.\n")
    body = (text.index("\n") + 1, len(text))
    notes = [s for s in find_statements(text, [(0, body[0])], body) if s.rank == RANK_BELOW]
    assert [text[slice(*s.journal)] for s in notes] == ["Far Eastern Fisheries Review"]
    assert text[slice(*notes[0].volume)] == "9" and text[slice(*notes[0].issue)] == "2"


def test_a_listing_without_blank_lines_ends_at_a_source_line_a_rule_or_running_text():
    page = """Kamchatka Volcanology Letters
Editorial board:
Yu. P. Tarasenko (chair), L. E. Koryakina, M. A. Shilov
{closer}
Ash fall from the 2019 Shiveluch eruption in the Klyuchi settlement
Anna V. Goreva, Pyotr N. Lanin
Kamchatka Institute of Volcanic Hazards, Petropavlovsk-Kamchatsky, Russia
Ash fell on Klyuchi on eleven days of the eruption, and its thickness reached six centimetres on the roofs of the northern streets where the plume turned.
"""
    for closer in ("Kamchatka Volcanology Letters. 2020. Vol. 6, No. 1", "────────────────",
                   "The board thanks the reviewers of this issue for their careful and timely work on the papers that follow here."):
        names = [a[0] for a in _authors(page.replace("{closer}", closer))]
        assert names == ["Anna V. Goreva", "Pyotr N. Lanin"], closer
    # the board's own names, and a line right under them, stay the listing's
    from textmine.stages.metadata import _under_listing_heading

    board = page.replace("{closer}", "V. K. Ermolaev (secretary)")
    assert _under_listing_heading(board, board.index("Yu. P."))
    assert _under_listing_heading(board, board.index("V. K. Ermolaev"))


def test_an_inverted_name_with_its_orcid_url_after_it_is_a_name():
    line = "Vaganova, Elmira https://orcid.org/0000-0002-1825-0097 Kazan Institute of River Ecology, Kazan, Russia"
    names = read_byline(line, 0, len(line))
    assert [(n.text, line[slice(*n.institution)]) for n in names] == [
        ("Vaganova, Elmira", "Kazan Institute of River Ecology, Kazan, Russia")]
    # the same shape with no iD after it, in a line of other words, stays no name ("Almaty, Kazakhstan")
    place = "Almaty, Kazakhstan Institute of Steppe Studies"
    assert read_byline(place, 0, len(place)) == []


def test_a_card_s_english_title_is_the_article_s_when_the_segmenter_cut_the_card_s_fields_in_two():
    card = """Главная | Каталог | Контакты

НАУЧНАЯ БИБЛИОТЕКА СИБИРИ
ВОЙТИ   РЕГИСТРАЦИЯ

SNOW COVER AND WINTER WHEAT SURVIVAL IN THE KULUNDA STEPPE
ЛЕБЕДЕВА О.И.1, ШУЛЬЦ А.А.2
1 Кулундинский аграрный институт
2 Славгородская опытная станция
Тип: статья в журнале - научная статья   Язык: английский
Том: 5   Номер: 3   Год: 2020   Страницы: 30-38
ЖУРНАЛ:
ВЕСТНИК СТЕПНОГО ЗЕМЛЕДЕЛИЯ

Похожие статьи
"""
    masthead, title = card.index("НАУЧНАЯ"), card.index("SNOW")
    names, fields = card.index("ЛЕБЕДЕВА"), card.index("Том:")
    segments = [Segment(0, masthead, "ru", "wrapper"), Segment(masthead, title, "ru", "article"),
                Segment(title, names, "en", "wrapper"), Segment(names, fields, "ru", "article"),
                Segment(fields, len(card), "ru", "wrapper")]
    metadata = extract_metadata(Document("t", card, segments=segments))
    assert metadata["title"] == "SNOW COVER AND WINTER WHEAT SURVIVAL IN THE KULUNDA STEPPE"


def test_items_on_the_information_line_that_opens_with_the_author_s_name_are_the_author_s():
    page = """Pechora Forestry Letters. 2020. Vol. 7, No. 3

Beaver dams and the spread of alder on the Mezen floodplain

O. V. Tikhonova¹, P. S. Lomov²

¹Mezen Institute of Forestry, Arkhangelsk, Russia
²Pechora State University, Naryan-Mar, Russia

Abstract. Beaver dams raised the water table along eleven tributaries of the Mezen, and alder spread within a decade.

About the authors
¹Tikhonova Olga Viktorovna, Cand. Sci. (Biology), Senior Researcher; e-mail: tikhonova.ov@mif.example.org; ORCID: 0000-0002-1825-0097
²Lomov Piotr Sergeevich, Senior Lecturer; e-mail: lomov.ps@psu.example.org; ORCID: 0000-0001-5109-3700
"""
    assert [(a[0], a[2]) for a in _authors(page)] == [
        ("O. V. Tikhonova", "0000-0002-1825-0097"), ("P. S. Lomov", "0000-0001-5109-3700")]
