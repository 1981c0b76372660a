"""Metadata forms of issue 15 met on the full-length m231–m250 dev layouts: finding the article's author block among
the other names a whole page prints (editorial boards, contents, information blocks at the end), each rule tried on
a made-up page of its own, with a case the rule must leave alone.

Every page here is invented for these tests (not from the seed page, not from the layout sets)."""

from textmine.document import Document, Segment
from textmine.stages.metadata import _under_listing_heading, extract_metadata
from textmine.stages.ingest import document_from_text
from textmine.stages.metadata.bylines import read_byline


def doc(text: str, segments: list[Segment] | None = None) -> Document:
    return Document("test", text, segments=segments or [])


def people(page: str, segments: list[Segment] | None = None) -> list[tuple]:
    return [(a["name"], a["orcid"], a["email"], a["affiliation"]) for a in extract_metadata(doc(page, segments))["authors"]]


BODY = ("The survey covered forty-two farms of the district between 2015 and 2020, and the yields were weighed at the "
        "elevator by the same inspectors every autumn, so that the series can be compared from one year to the next.")


def test_an_editorial_board_above_the_article_names_no_author():
    board = """Onega Soil Review
Editorial board:
Vilma Karhunen, PhD, Petrozavodsk Institute of Soil Science
Dmitry Ozerov, Dr. Sci. (Agr.), Kondopoga Agricultural College

Onega Soil Review, 2018, Vol. 2, No. 1

Liming of acid soils on the Onega shore

"""
    assert people(board + BODY + "\n") == []
    # the same names with no board heading above them are an author block
    unlisted = board.replace("Editorial board:\n", "")
    assert [name for name, *_ in people(unlisted + BODY + "\n")] == ["Vilma Karhunen", "Dmitry Ozerov"]


def test_the_listing_heading_reaches_over_one_blank_line_only():
    text = "Содержание секции\n\nOSIPOV I. K.  Peat fires .......... 12\nKUZMINA A. A.  Bogs .......... 19\n\nLater line\n"
    assert _under_listing_heading(text, text.index("OSIPOV"))
    assert _under_listing_heading(text, text.index("KUZMINA"))
    assert not _under_listing_heading(text, text.index("Later line"))
    related = "Related articles\nRiver ice in spring\nBy Hedda Lind\n\nBy Oleg Vershinin\n"
    assert _under_listing_heading(related, related.index("By Hedda"))
    assert not _under_listing_heading(related, related.index("By Oleg"))


def test_contents_entries_with_dot_leaders_are_not_bylines():
    page = f"""Proceedings of the Ladoga Hydrology Workshop. Sortavala, 2022

MELNIK O. P., SAVIN A. A.  Ice jams on the Vuoksi .......... 101

RIVER ICE THICKNESS ON THE SVIR

ARINA V. TOLMACHEVA
Senior Researcher, Ladoga Institute of Limnology, Sortavala, Russia

{BODY}
"""
    assert [name for name, *_ in people(page)] == ["ARINA V. TOLMACHEVA"]


def test_a_name_with_its_orcid_and_institution_on_one_line_is_an_author():
    line = "Saule Temirkhanova https://orcid.org/0000-0002-1825-0097 Shymkent Institute of Cotton Research, Shymkent"
    names = read_byline(line, 0, len(line))
    assert [n.text for n in names] == ["Saule Temirkhanova"]
    assert line[names[0].institution[0]:names[0].institution[1]] == "Shymkent Institute of Cotton Research, Shymkent"
    page = f"Cotton yields of the Syr Darya valley\n\n{line}\n\n{BODY}\n"
    assert people(page) == [("Saule Temirkhanova", "0000-0002-1825-0097", None, "Shymkent Institute of Cotton Research")]
    # a two-word phrase with an iD and no institution after it is not a byline
    other = "Cotton Yields https://orcid.org/0000-0002-1825-0097 were measured"
    assert read_byline(other, 0, len(other)) == []


def test_an_orcid_label_after_a_marked_name_belongs_to_the_name():
    line = "Rustem Abdrakhmanov1 ORCID: 0000-0002-1825-0097"
    names = read_byline(line, 0, len(line))
    assert [(n.text, n.markers) for n in names] == [("Rustem Abdrakhmanov", ["1"])]
    # any other label after the name still ends the byline reading with text left over
    assert read_byline("Rustem Abdrakhmanov Received: 2020", 0, 34) == []


def test_an_article_segment_opening_with_numbered_affiliations_takes_the_names_above_it():
    page = f"""Home / Archive / Vol. 3, No. 2 (2021)

Wheat rust in the Kostanay steppe

Askar B. Nurmagambetov1 ORCID: 0000-0002-1825-0097

Olga V. Shchukina2

1 Kostanay Agrarian Institute, Kostanay, Kazakhstan

2 Tobol Plant Protection Station, Rudny, Kazakhstan

{BODY}
"""
    article = page.index("1 Kostanay")
    segments = [Segment(0, article, "en", "wrapper"), Segment(article, len(page), "en", "article")]
    assert people(page, segments) == [
        ("Askar B. Nurmagambetov", "0000-0002-1825-0097", None, "Kostanay Agrarian Institute"),
        ("Olga V. Shchukina", None, None, "Tobol Plant Protection Station")]
    # an article that opens with its own title keeps its header (the wrapper's lines are not read)
    own = page[article:]
    titled = "Rust of spring wheat\n\nMarat Zhunusov1, Dina Alimova2\n\n" + own
    assert [name for name, *_ in people(titled, [Segment(0, len(titled), "en", "article")])] == ["Marat Zhunusov", "Dina Alimova"]


def test_an_authors_heading_after_the_abstract_opens_dash_information_lines():
    page = f"""TITLE OF A TEST ARTICLE ON BARLEY

Abstract. {BODY}

Authors

Timur G. Sadykov — Candidate of Sciences (Agriculture), Kazan Institute of Field Crops, Kazan; sadykov@kifc.example.ru

Lilia R. Nabieva — Researcher, Volga Seed Station, Ulyanovsk

{BODY}
"""
    assert people(page) == [("Timur G. Sadykov", None, "sadykov@kifc.example.ru", "Kazan Institute of Field Crops"),
                            ("Lilia R. Nabieva", None, None, "Volga Seed Station")]
    # under a bare "Authors" heading a list of names with commas is no information block
    listed = page.replace(" — Candidate of Sciences (Agriculture), Kazan Institute of Field Crops, Kazan; sadykov@kifc.example.ru",
                          ", Lilia R. Nabieva").replace("Lilia R. Nabieva — Researcher, Volga Seed Station, Ulyanovsk\n\n", "")
    assert "Kazan Institute of Field Crops" not in [aff for *_, aff in people(listed)]


def test_an_initials_byline_takes_the_institution_of_its_information_line():
    page = f"""Barley malting quality in Bashkortostan

G. F. Ishmukhametova, A. V. Lopatin

{BODY}

References
1. Ishmukhametova G. F. Malting barley, Ufa Agrarian Academy, 2015. 120 p.

Information about the authors

Gulnaz F. Ishmukhametova — Candidate of Sciences (Agriculture), Bashkir Institute of Crop Breeding, Ufa, Russia

Andrei V. Lopatin, Senior Lecturer, Ural Malting College, Chelyabinsk, Russia
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [
        ("G. F. Ishmukhametova", "Bashkir Institute of Crop Breeding"), ("A. V. Lopatin", "Ural Malting College")]
    # a reference entry that names the author and an institution is not the author's information line
    alone = page[:page.index("Information about the authors")]
    assert [aff for *_, aff in people(alone)] == [None, None]


def fields(page: str) -> tuple:
    found = extract_metadata(doc(page))
    return found["journal"], found["year"], found["volume"], found["issue"]


def test_a_name_repeated_from_the_site_header_above_an_issue_line_is_the_journal():
    page = f"""Skip to main content
Tundra Fisheries Science
Home · Issues · About

Tundra Fisheries Science
Volume 6, Issue 3, May 2019, Pages 40–52

Grayling spawning in the Pechora tributaries

{BODY}
"""
    assert fields(page) == ("Tundra Fisheries Science", 2019, "6", "3")
    # printed once, a capitalised line above the issue line is not taken for the journal (it may be a heading)
    once = page.replace("Tundra Fisheries Science\nHome", "Home", 1)
    assert fields(once)[0] is None


def test_a_menu_word_repeated_in_the_breadcrumb_above_the_issue_is_no_journal():
    # a Russian journal platform prints "Архивы" in its menu and again in the breadcrumb above the issue
    page = f"""Текущий выпуск
Архивы
О журнале

Главная
Архивы
Т. 9 № 2 (2021)

Grayling spawning in the Pechora tributaries

{BODY}
"""
    assert fields(page)[0] is None
    # a title-case name repeated the same way is the journal's
    named = page.replace("Архивы", "Pechora Fisheries Bulletin")
    assert fields(named)[0] == "Pechora Fisheries Bulletin"


def test_an_english_edition_after_the_russian_name_and_a_date_line_with_its_time_under_the_byline():
    page = f"""Сибирский агрообозреватель | Siberian Farm Monitor — English edition
Главная · Новости · RU | EN

Why Altai farmers buy Belarusian tractors

By MARINA OSOKINA
Agriculture correspondent
4 March 2022, 11:15 · Updated 6 March 2022

{BODY}
"""
    assert fields(page)[:2] == ("Siberian Farm Monitor", 2022)
    # a line that only mentions a date later on is no date line of the byline
    undated = page.replace("4 March 2022, 11:15 · Updated 6 March 2022", "Updated on 6 March 2022, after 4 March 2022")
    assert fields(undated)[1] is None


def test_an_article_segment_opening_with_its_byline_takes_the_title_above_it():
    page = f"""Recommended articles
Flax retting in the Pskov region
Orlova, T.

Research article

Soil crusting after spring rains in the Pskov lowland

Irina V. Tamm, Pavel A. Rebane
Pskov Institute of Soil Science, Pskov, Russia

Handling editor: Marta Kivi

Received 3 May 2020. Accepted 20 June 2020.

{BODY}
"""
    byline = page.index("Irina V. Tamm")
    segments = [Segment(0, byline, "en", "wrapper"), Segment(byline, len(page), "en", "article")]
    found = extract_metadata(doc(page, segments))
    assert found["title"] == "Soil crusting after spring rains in the Pskov lowland"
    assert [a["name"] for a in found["authors"]] == ["Irina V. Tamm", "Pavel A. Rebane"]
    # with the title inside the article segment the wrapper's list is not read
    titled = page.index("Soil crusting")
    segments = [Segment(0, titled, "en", "wrapper"), Segment(titled, len(page), "en", "article")]
    assert extract_metadata(doc(page, segments))["title"] == "Soil crusting after spring rains in the Pskov lowland"


def test_a_news_header_read_as_the_page_is_taken_over_its_share_row_and_timed_date_line():
    page = f"""Read also
Tariffs on the Kama rise again
By Hedda Lind

Why Perm sawmills export to Uzbekistan

By OLEG VERSHININ
Industry correspondent
2 February 2024, 08:10 · Updated 3 February 2024

Share: VK · Telegram · E-mail

{BODY}
"""
    text = page.index(BODY)
    segments = [Segment(0, text, "en", "wrapper"), Segment(text, len(page), "en", "article")]
    found = extract_metadata(doc(page, segments))
    assert found["title"] == "Why Perm sawmills export to Uzbekistan"
    assert [a["name"] for a in found["authors"]] == ["OLEG VERSHININ"]
    # only the share row right above the text is passed over: a label line above it ends the walk up, and the
    # wrapper's byline is not read as the article's
    bare = page.replace("\n\nShare: VK", "\nSection: Industry\n\nShare: VK")
    text = bare.index(BODY)
    segments = [Segment(0, text, "en", "wrapper"), Segment(text, len(bare), "en", "article")]
    assert extract_metadata(doc(bare, segments))["authors"] == []


def test_a_note_about_the_author_in_full_gives_the_institution_of_an_initials_byline():
    page = f"""Salt marsh birds of the Kandalaksha bay

T. V. Kuusela

{BODY}

About the author

Tuomas V. Kuusela is a researcher at the Kandalaksha Bird Observatory in the Murmansk region.
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [("T. V. Kuusela", "Kandalaksha Bird Observatory")]
    # a note about another person with another surname gives nothing
    other = page.replace("Tuomas V. Kuusela is", "Tuomas V. Laine is")
    assert [(name, aff) for name, _, _, aff in people(other)] == [("T. V. Kuusela", None)]


def test_an_author_block_printed_after_the_keywords_line_is_the_article_s():
    page = f"""Авторы: Kuusela T. V., Laine P.

{BODY}

Salt marsh birds of the Kandalaksha bay

Abstract. {BODY}

Keywords: salt marsh, waders, White Sea.

Tuomas V. Kuusela¹, Pekka Laine²
¹ Kandalaksha Bird Observatory, Kandalaksha, Russia
² Oulu Institute of Coastal Ecology, Oulu, Finland

{BODY}
"""
    def read(text: str) -> list[tuple]:
        title = text.index("Salt marsh")
        return people(text, [Segment(0, title, "ru", "wrapper"), Segment(title, len(text), "en", "article")])

    assert [(name, aff) for name, _, _, aff in read(page)] == [
        ("Tuomas V. Kuusela", "Kandalaksha Bird Observatory"), ("Pekka Laine", "Oulu Institute of Coastal Ecology")]
    # a names-only line after the keywords with no institution, e-mail or ORCID below is no author block: the
    # record's field names the authors
    plain = page.replace("¹ Kandalaksha Bird Observatory, Kandalaksha, Russia\n² Oulu Institute of Coastal Ecology, Oulu, Finland\n", "")
    assert [name for name, *_ in read(plain)] == ["Kuusela T. V.", "Laine P."]


def test_a_role_heading_alone_on_its_line_opens_no_author_block():
    page = f"""Grain elevators of the Kurgan region

Nadezhda P. Ostanina
Kurgan Agrarian Academy, Kurgan, Russia

Scientific editor
Valery I. Tolstykh
Doctor of Sciences (Economics)
Tobol Institute of Rural Economy, Tyumen, Russia

{BODY}
"""
    assert [(name, aff) for name, _, _, aff in people(page)] == [("Nadezhda P. Ostanina", "Kurgan Agrarian Academy")]
    # the same block under a heading that is no role is a second author
    unlabelled = page.replace("Scientific editor\n", "")
    assert [name for name, *_ in people(unlabelled)] == ["Nadezhda P. Ostanina", "Valery I. Tolstykh"]


def test_names_above_the_title_give_way_to_a_byline_below_it():
    sidebar = ("<aside><p>Most popular</p><p>Larch seed years in Evenkia</p><p>By Jasper Hallonen</p>"
               "<p>Wildfire smoke over Tura</p><p>Irina Sivtseva, PhD, Evenkia Forest Station</p></aside>")
    article = ("<main><h1>Tree line advance on the Putorana plateau</h1><p>Semyon A. Kirillin<sup>1</sup>, Aino Lehtola<sup>2</sup></p>"
               "<p><sup>1</sup> Norilsk Institute of Arctic Ecology, Norilsk, Russia</p>"
               "<p><sup>2</sup> Lapland Forest Research Station, Kolari, Finland</p>"
               f"<p>{BODY}</p></main>")

    def names(markup: str) -> list[str]:
        page = document_from_text(f"<html><body>{markup}</body></html>")
        return [a["name"] for a in extract_metadata(page)["authors"]]

    assert names(sidebar + article) == ["Semyon A. Kirillin", "Aino Lehtola"]
    # an author block printed above the title, with no byline below it, stays
    above = article.replace("<h1>Tree line advance on the Putorana plateau</h1>", "")
    above = above.replace(f"<p>{BODY}</p>", f"<h1>Tree line advance on the Putorana plateau</h1><p>{BODY}</p>")
    assert names(above) == ["Semyon A. Kirillin", "Aino Lehtola"]
