"""Metadata forms met on the whole pages of corpus/layouts-wholepage-dev2 (session meta12): authors named only in the
article's citation line, a company as an author's institution, and an author table with header cells (a journal
site's sidebar). Each rule is tried on a made-up page of its own, with a case the rule must leave alone.

Every page here is invented for these tests (not from the seed page, not from the layout sets)."""

from textmine.document import Document, Segment
from textmine.stages.metadata import extract_metadata


def people(page: str, segments: list[Segment] | None = None) -> list[tuple]:
    document = Document("test", page, segments=segments or [])
    return [(a["name"], a["email"], a["affiliation"]) for a in extract_metadata(document)["authors"]]


BODY = ("The survey covered forty-two lakes of the district between 2015 and 2020, and the catches were weighed at the "
        "pier by the same inspectors every summer, so that the series can be compared from one year to the next.")
TITLE = "Whitefish catches in the lakes of the Vepsian upland"


def test_authors_named_only_in_the_citation_line_of_the_article():
    page = (f"{TITLE}\n\n{BODY}\n\nFor citation: Lodygina M.E., Saarinen P. {TITLE}. Vepsian Fisheries Notes, 2019, "
            "vol. 3, no. 2, pp. 10–19.\n")
    assert [name for name, *_ in people(page)] == ["Lodygina M.E.", "Saarinen P."]
    # a citation line of another article names none of this one's authors
    other = page.replace(f"Saarinen P. {TITLE}.", "Saarinen P. Pike in the Onega bays.")
    assert people(other) == []


def test_a_company_is_an_authors_institution():
    page = (f"{TITLE}\n\nZinaida P. Korotkova, Vepsian Institute of Lake Ecology, korotkova@vile.example.ru\n"
            f"Anatoly S. Ershov, Belozersk Savings Bank\n\n{BODY}\n")
    assert people(page) == [("Zinaida P. Korotkova", "korotkova@vile.example.ru", "Vepsian Institute of Lake Ecology"),
                            ("Anatoly S. Ershov", None, "Belozersk Savings Bank")]


def test_an_author_table_with_header_cells_names_the_authors():
    # the table stands in the page's sidebar after the article (a wrapper segment)
    table = ("Авторы статьи\n\nАвтор\n\nОрганизация\n\nKsenia V. Mityaeva\n\nBelozersk Institute of Fisheries\n\nE-mail\n\n"
             "mityaeva.kv@bif.example.ru\n\nАвтор\n\nОрганизация\n\nTeemu Rantala\n\nKuopio Lake Research Station\n\n"
             "Другие статьи\n\nPike in the Onega bays\n")
    article = f"{TITLE}\n\n{BODY}\n\n"

    def sidebar(rows: str) -> list[tuple]:
        page = article + rows
        return people(page, [Segment(0, len(article), "en", "article"), Segment(len(article), len(page), "en", "wrapper")])

    assert sidebar(table) == [("Ksenia V. Mityaeva", "mityaeva.kv@bif.example.ru", "Belozersk Institute of Fisheries"),
                              ("Teemu Rantala", None, "Kuopio Lake Research Station")]
    # without the header cells the same rows are no author table
    assert sidebar(table.replace("Автор\n\nОрганизация\n\n", "")) == []
