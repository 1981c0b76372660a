"""Bibliographic metadata (component "metadata") and its scoring."""

import json
import re
from pathlib import Path

import pytest

from textmine.document import Document, Entity, Segment
from textmine.stages.metadata import (
    name_key,
    METADATA_KEYS,
    Metadata,
    MetadataExtractor,
    access_date,
    extract_metadata,
    first_url,
    metadata_field_accuracy,
    orcid_checksum_valid,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_53fded65e5fbe7f9"


def make_doc(text: str, mentions: list[tuple[str, str]], segments: list[Segment] | None = None, source=None) -> Document:
    """One entity per (surface, label): its first occurrence outside the entities already made."""
    entities = []
    for surface, label in mentions:
        start = next(m.start() for m in re.finditer(re.escape(surface), text)
                     if all(m.end() <= e.start or m.start() >= e.end for e in entities))
        entities.append(Entity(f"T{len(entities) + 1}", start, start + len(surface), label, surface))
    return Document("test", text, entities=entities, segments=segments or [], source=source or {})


CATALOGUE_PAGE = """Электронная библиотека статей - Water diplomacy in Central Asia
Рубрика: Международные отношения
Вестник международных исследований. - 2019. - Т. 7. - № 12

Water diplomacy in Central Asia:
the case of the Amu Darya

Ivanov I.I., PhD, associate professor
Petrova A.S., Master of Arts
ORCID: 0000-0002-1825-0097, 0000-0001-5109-3700
e-mail: ivanov@example.org, petrova@example.org
Moscow State Institute of International Relations, Moscow, Russia

Water has long been a source of tension between the upstream and downstream states of the region, and the disputes over the Amu Darya show how regional organisations try to reduce it.

The study has three aims:
1. to describe the basin;
2. to compare the treaties;
3. to assess the organisations.

References
[1] Smith J. Rivers and borders. London, 2015. 300 p.
[2] Water Convention. URL: https://unece.org/water (accessed 5 March 2021).
[3] Доклад о воде / http://example.ru/report.pdf (дата обращения: 12.03.2021)
[4] Basin report (2018). Retrieved on 2021-03-15 from www.example.com/basin.

Полный архив журнала
"""


def catalogue_doc() -> Document:
    wrapper_end = CATALOGUE_PAGE.index("Water diplomacy in Central Asia:")
    footer = CATALOGUE_PAGE.index("Полный архив")
    segments = [Segment(0, wrapper_end, "ru", "wrapper"), Segment(wrapper_end, footer, "en", "article"),
                Segment(footer, len(CATALOGUE_PAGE), "ru", "wrapper")]
    mentions = [("Вестник международных исследований", "ORG"), ("Ivanov I.I.", "PERSON"), ("Petrova A.S.", "PERSON"),
                ("Moscow State Institute of International Relations", "ORG"), ("Moscow", "LOC"), ("Russia", "LOC")]
    return make_doc(CATALOGUE_PAGE, mentions, segments)


def test_catalogue_page_with_volume_shared_affiliation_and_listed_orcids():
    doc = catalogue_doc()
    meta = extract_metadata(doc)
    assert meta["title"] == "Water diplomacy in Central Asia: the case of the Amu Darya"
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Вестник международных исследований", 2019, "12")
    assert meta["journal_entity"] == "T1"
    assert [a["name"] for a in meta["authors"]] == ["Ivanov I.I.", "Petrova A.S."]
    assert [a["entity"] for a in meta["authors"]] == ["T2", "T3"]
    assert [a["orcid"] for a in meta["authors"]] == ["0000-0002-1825-0097", "0000-0001-5109-3700"]
    assert [a["email"] for a in meta["authors"]] == ["ivanov@example.org", "petrova@example.org"]
    assert {a["affiliation_entity"] for a in meta["authors"]} == {"T4"}
    assert meta["affiliation_place"] == "Moscow, Russia"
    assert meta["affiliation_place_entities"] == ["T5", "T6"]


def test_references_under_heading_with_other_access_wordings():
    doc = catalogue_doc()
    refs = extract_metadata(doc)["references"]
    assert [r["number"] for r in refs] == [1, 2, 3, 4]  # not the numbered list of aims
    for ref in refs:
        assert doc.text[ref["start"]:ref["end"]] == ref["text"]
    assert refs[0]["text"] == "Smith J. Rivers and borders. London, 2015. 300 p."
    assert [r["url"] for r in refs] == [None, "https://unece.org/water", "http://example.ru/report.pdf", "www.example.com/basin"]
    assert [r["accessed"] for r in refs] == [None, "2021-03-05", "2021-03-12", "2021-03-15"]


VOLUME_PAGE = """Regional Security Review, Vol. 12, No. 3 (2020), pp. 45-67
UDC 327.5

NATO and the Black Sea

John R. Miller (Department of Politics, University of Exeter, Exeter, United Kingdom) j.miller@exeter.example
ORCID https://orcid.org/0000-0002-1825-0098
Anna Kowalska (Jagiellonian University, Krakow, Poland) anna.k@uj.example

The Black Sea has become an arena where the interests of the alliance and its neighbours meet, and the following pages examine how the balance has changed since 2014 in three steps.

1) Miller J. Sea power. Oxford: OUP, 2010.
2) Kowalska A. The Black Sea region // Studia Politica. 2019. No. 2. Accessed: 31.01.2020.
"""


def test_volume_style_journal_per_author_affiliations_and_invalid_orcid():
    doc = make_doc(VOLUME_PAGE, [("Regional Security Review", "ORG"), ("NATO", "ORG"), ("Black Sea", "LOC"), ("John R. Miller", "PERSON"),
                                 ("University of Exeter", "ORG"), ("Exeter", "LOC"), ("United Kingdom", "LOC"),
                                 ("Anna Kowalska", "PERSON"), ("Jagiellonian University", "ORG"), ("Krakow", "LOC"), ("Poland", "LOC")])
    meta = extract_metadata(doc)  # no segments: the title is the title-like line nearest above the authors
    assert meta["title"] == "NATO and the Black Sea"
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Regional Security Review", 2020, "3")
    miller, kowalska = meta["authors"]
    assert miller["orcid"] is None  # wrong check digit
    assert (miller["email"], kowalska["email"]) == ("j.miller@exeter.example", "anna.k@uj.example")
    assert (miller["affiliation"], kowalska["affiliation"]) == ("University of Exeter", "Jagiellonian University")
    assert meta["affiliation_place"] == "Exeter, United Kingdom"
    refs = meta["references"]
    assert [r["number"] for r in refs] == [1, 2]
    assert refs[1]["accessed"] == "2020-01-31"


def test_without_entities_names_institutions_and_places_come_from_shapes():
    doc = make_doc(CATALOGUE_PAGE, [])
    meta = extract_metadata(doc)
    assert [a["name"] for a in meta["authors"]] == ["Ivanov I.I.", "Petrova A.S."]
    assert all(a["entity"] is None for a in meta["authors"])
    assert meta["authors"][0]["affiliation"] == "Moscow State Institute of International Relations"
    assert meta["affiliation_place"] == "Moscow, Russia" and meta["affiliation_place_entities"] == []


def test_html_citation_meta_fills_what_the_text_lacks():
    text = "Short note\n\nThis page only has a body paragraph that is long enough to count as prose for the extractor here.\n"
    source = {"format": "html", "html": {"title": "Site | Short note", "meta": {
        "citation_title": ["A short note on borders"], "citation_journal_title": ["Border Studies"],
        "citation_publication_date": ["2018/05/01"], "citation_issue": ["4"],
        "citation_author": ["Jane Doe", "Li Wei"], "citation_author_orcid": ["https://orcid.org/0000-0002-1825-0097"],
        "citation_author_institution": ["University of Tartu"]}}}
    doc = make_doc(text, [], source=source)
    meta = extract_metadata(doc)
    assert meta["title"] == "Short note"  # the text's own title line comes first
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Border Studies", 2018, "4")
    assert [a["name"] for a in meta["authors"]] == ["Jane Doe", "Li Wei"]
    assert meta["authors"][0]["orcid"] == "0000-0002-1825-0097" and meta["authors"][1]["orcid"] is None
    assert meta["authors"][0]["affiliation"] == "University of Tartu"


def test_component_sets_every_key_even_when_nothing_is_found():
    doc = Metadata()(Document("empty", "just some words without structure"))
    assert tuple(doc.metadata) == METADATA_KEYS
    assert doc.metadata["authors"] == [] and doc.metadata["references"] == []
    assert doc.metadata["affiliation_place_entities"] == []
    assert doc.metadata["year"] is None


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X", "0000-0002-2912-2752"])
def test_valid_orcids(orcid):
    assert orcid_checksum_valid(orcid)


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0098", "0000-0001-5109-3701", "0000-0002-1694-2330", "1234"])
def test_invalid_orcids(orcid):
    assert not orcid_checksum_valid(orcid)


def test_first_url_strips_trailing_punctuation():
    assert first_url("see http://a.org/x). More") == "http://a.org/x"
    assert first_url("see https://en.wikipedia.org/wiki/Foo_(bar), ok") == "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert first_url("no link") is None


def test_access_date_wordings():
    assert access_date("(date of treatment 11/27/2020)") == "2020-11-27"
    assert access_date("(дата обращения: 27.11.2020)") == "2020-11-27"
    assert access_date("Accessed 3 June 2019.") == "2019-06-03"
    assert access_date("Published 2019.") is None


def test_seed_metadata_matches_gold():
    gold = json.loads((ROOT / "corpus" / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / "raw" / f"{SEED}.txt").read_text(encoding="utf-8")
    doc = Document.from_dict(gold, text=text)
    scores = metadata_field_accuracy(gold["metadata"], extract_metadata(doc))
    assert scores and all(value == 1.0 for value in scores.values()), scores


def test_metadata_field_accuracy():
    gold = {"title": "T", "year": 2020, "issue": "1", "authors": [{"name": "A", "orcid": None, "email": "a@b.c", "affiliation": "U"}],
            "references": [{"number": 1, "text": "x", "url": None, "accessed": None}, {"number": 2, "text": "y", "url": "u", "accessed": "2020"}]}
    pred = {"title": "T ", "year": 2021, "issue": 1, "authors": [{"name": "A", "orcid": None, "email": None, "affiliation": "U"},
                                                                {"name": "B"}],
            "references": [{"number": 2, "text": "y", "url": "u", "accessed": None}]}
    scores = metadata_field_accuracy(gold, pred)
    assert scores["title"] == 1.0 and scores["year"] == 0.0 and scores["issue"] == 1.0
    assert scores["authors.name"] == 0.5 and scores["authors.email"] == 0.0 and scores["authors.orcid"] == 0.5
    assert scores["references.text"] == 0.5 and scores["references.accessed"] == 0.0
    assert "journal" not in scores
    assert metadata_field_accuracy({"authors": []}, {})["authors.name"] == 1.0
    # A malformed prediction scores zero instead of failing.
    broken = metadata_field_accuracy(gold, {"authors": ["A"], "references": "none"})
    assert broken["authors.name"] == 0.0 and broken["references.text"] == 0.0


def test_access_date_must_follow_the_wording():
    assert access_date("Open access journal of law, 2019. No. 3.") is None
    assert access_date("Accessibility report 2019 (accessed on 12.03.2021)") == "2021-03-12"


def test_output_with_metadata_and_entities_index_passes_the_schema():
    from textmine.stages.canonical import Canonical
    from textmine.runtime.extract import Extractor, ExtractConfig
    from textmine.evaluation.validate import schema_problems

    doc = Metadata()(Canonical()(catalogue_doc()))
    doc.renumber()
    doc.provenance = Extractor(ExtractConfig(components=("canonical", "metadata"))).provenance
    doc.provenance.update(model="test", model_version="0")  # normally given by the NER component
    assert schema_problems(doc.to_dict()) == []
    assert doc.metadata["authors"][0]["entity"] == next(e.id for e in doc.entities if e.text == "Ivanov I.I.")


NUMBERED_PAGE = """Border security cooperation in Eurasia

Ivanov I.I.1, Petrov P.P.²
1 Tomsk State University, Tomsk, Russia
2 Al-Farabi Kazakh National University, Almaty, Kazakhstan

Border security cooperation between the states of the region has developed in stages, and the agreements of the last decade show both its achievements and its limits in practice.
"""


def test_numbered_affiliations():
    doc = make_doc(NUMBERED_PAGE, [("Ivanov I.I.", "PERSON"), ("Petrov P.P.", "PERSON"), ("Tomsk State University", "ORG"),
                                   ("Tomsk", "LOC"), ("Russia", "LOC"), ("Al-Farabi Kazakh National University", "ORG"),
                                   ("Almaty", "LOC"), ("Kazakhstan", "LOC")])
    meta = extract_metadata(doc)
    assert meta["title"] == "Border security cooperation in Eurasia"
    assert [a["affiliation"] for a in meta["authors"]] == ["Tomsk State University", "Al-Farabi Kazakh National University"]
    assert meta["affiliation_place"] == "Tomsk, Russia"


def test_long_affiliation_line_stays_in_the_author_block():
    text = ("Energy security of Central Asian states\n\nA. B. Sadykova\n"
            "Department of International Relations, Faculty of International Relations, Al-Farabi Kazakh National University, Almaty, Kazakhstan.\n\n"
            "The energy policy of the states of the region is shaped by their resources and by the routes along which they can export them to the markets.\n")
    doc = make_doc(text, [("A. B. Sadykova", "PERSON"), ("Al-Farabi Kazakh National University", "ORG"), ("Almaty", "LOC"), ("Kazakhstan", "LOC")])
    meta = extract_metadata(doc)
    assert meta["authors"][0]["affiliation"] == "Al-Farabi Kazakh National University"
    assert meta["affiliation_place"] == "Almaty, Kazakhstan"


LABELLED_PAGE = """Электронная библиотека
Журнал: Review of Border Studies   Язык: английский
Год: 2022   Том: 4   Номер: 7

Research article

Borders and bazaars in the valleys of Central Asia

Karimov B. T.¹, Anna Lindgren²
¹Faculty of History, Fergana State University, Fergana, Uzbekistan
²Department of Human Geography, Lund University, Lund, Sweden

Trade across the borders of the valley has been shaped by the closures of the checkpoints and by the rules on what traders may carry.
"""


def labelled_doc() -> Document:
    article_at = LABELLED_PAGE.index("Research article")
    segments = [Segment(0, article_at, "ru", "wrapper"), Segment(article_at, len(LABELLED_PAGE), "en", "article")]
    # The NER cut the initials short, and took a city for a person.
    mentions = [("Karimov B.", "PERSON"), ("Anna Lindgren", "PERSON"), ("Fergana State University", "ORG"), ("Fergana", "LOC"),
                ("Uzbekistan", "LOC"), ("Lund University", "ORG"), ("Lund", "PERSON"), ("Sweden", "LOC")]
    return make_doc(LABELLED_PAGE, mentions, segments)


def test_labelled_catalogue_fields_article_kind_label_and_authors_in_affiliations():
    meta = extract_metadata(labelled_doc())
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Review of Border Studies", 2022, "7")
    assert meta["title"] == "Borders and bazaars in the valleys of Central Asia"
    assert [a["name"] for a in meta["authors"]] == ["Karimov B. T.", "Anna Lindgren"]  # "Lund" is in an address
    assert [a["entity"] for a in meta["authors"]] == ["T1", "T2"]
    assert [a["affiliation"] for a in meta["authors"]] == ["Fergana State University", "Lund University"]
    assert [a["affiliation_entity"] for a in meta["authors"]] == ["T3", "T6"]
    assert meta["affiliation_place"] == "Fergana, Uzbekistan" and meta["affiliation_place_entities"] == ["T4", "T5"]


def test_authors_before_the_title_and_journal_in_the_wrapper_below():
    text = ("Petrov P. P., Sidorova A. A.\nTomsk Polytechnic University, Tomsk, Russia\n\n"
            "Energy corridors of the Caspian region\n\n"
            "Pipelines across the Caspian Sea have been discussed for three decades, and the legal status of the sea long stood in their way.\n\n"
            "Источник: Caspian Energy Review. - 2020. - № 3\nВсе права защищены.\n")
    footer_at = text.index("Источник")
    doc = make_doc(text, [("Petrov P. P.", "PERSON"), ("Tomsk Polytechnic University", "ORG"), ("Tomsk", "LOC"), ("Russia", "LOC")],
                   [Segment(0, footer_at, "en", "article"), Segment(footer_at, len(text), "ru", "wrapper")])
    meta = extract_metadata(doc)
    assert meta["title"] == "Energy corridors of the Caspian region"
    assert [a["name"] for a in meta["authors"]] == ["Petrov P. P.", "Sidorova A. A."]
    assert {a["affiliation"] for a in meta["authors"]} == {"Tomsk Polytechnic University"}
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Caspian Energy Review", 2020, "3")
    assert meta["affiliation_place"] == "Tomsk, Russia"


def test_author_line_with_a_label():
    text = ("Energy corridors of the Caspian region\n\nAuthors: Petrov P. P., Sidorova A. A.\nTomsk Polytechnic University, Tomsk, Russia\n\n"
            "Pipelines across the Caspian Sea have been discussed for three decades, and the legal status of the sea long stood in their way.\n")
    meta = extract_metadata(make_doc(text, [("Tomsk Polytechnic University", "ORG")]))
    assert meta["title"] == "Energy corridors of the Caspian region"
    assert [a["name"] for a in meta["authors"]] == ["Petrov P. P.", "Sidorova A. A."]
    assert [a["affiliation_entity"] for a in meta["authors"]] == ["T1", "T1"]


# -- pages laid out unlike the seed (made up for these tests; no NER mentions: bylines are read by name shape) --

def _segmented(text: str, article_from: str, article_to: str | None = None) -> list[Segment]:
    start = text.index(article_from)
    end = text.index(article_to) if article_to else len(text)
    segments = [Segment(start, end, "en", "article")]
    if start:
        segments.insert(0, Segment(0, start, "ru", "wrapper"))
    if end < len(text):
        segments.append(Segment(end, len(text), "ru", "wrapper"))
    return segments


PDF_HEADER_PAGE = """TAIGA VETERINARY JOURNAL • 2015 • VOL. 3 • NO. 2
ORIGINAL ARTICLE

Tick-borne infections of reindeer on the Kola Peninsula

Ivan P. Sokolov1, Maria K. Lebedeva2, Oleg Yu. Zorin1,2
1 Murmansk Veterinary Institute, Murmansk, Russia
2 Kola Polar Research Station, Apatity, Russia
Corresponding author: Maria K. Lebedeva, e-mail: lebedeva.mk@kprs.example.ru
ORCID: Zorin O. Yu. — 0000-0002-1825-0097; Sokolov I. P. — 0000-0001-5109-3700

Ticks have spread north with the warming of the last decades, and herders on the Kola Peninsula now report infections in animals that never met a tick before, which raises questions for the veterinary service.

How to cite: Sokolov I. P., Lebedeva M. K., Zorin O. Yu. Tick-borne infections of reindeer on the Kola Peninsula. Taiga Veterinary Journal. 2015;3(2):21–30.
Received: 01.12.2014. Accepted: 02.03.2015.

12 TAIGA VETERINARY JOURNAL • 2015 • VOL. 3 • NO. 2
"""


def test_running_header_page_with_markers_corresponding_author_and_orcid_list():
    meta = extract_metadata(make_doc(PDF_HEADER_PAGE, []))
    assert meta["title"] == "Tick-borne infections of reindeer on the Kola Peninsula"  # not the running header
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Taiga Veterinary Journal", 2015, "3", "2")
    assert [a["name"] for a in meta["authors"]] == ["Ivan P. Sokolov", "Maria K. Lebedeva", "Oleg Yu. Zorin"]
    # "1,2": the first institution the author line names
    assert [a["affiliation"] for a in meta["authors"]] == [
        "Murmansk Veterinary Institute", "Kola Polar Research Station", "Murmansk Veterinary Institute"]
    assert [a["email"] for a in meta["authors"]] == [None, "lebedeva.mk@kprs.example.ru", None]
    assert [a["orcid"] for a in meta["authors"]] == ["0000-0001-5109-3700", None, "0000-0002-1825-0097"]


SITE_PAGE = """RU | EN
Skip to main content
We use cookies to make this site work. By using the site you agree to the use of cookies on this and other visits | Accept
Northern Peat Science
Home | Archive | About
Home / Archive / Vol. 7 No. 2 (2012) / Articles
Moss bogs of the Onega shore and their carbon balance
Tatiana R. Orr
Onega Wetland Institute, Petrozavodsk, Russia
https://orcid.org/0000-0002-1694-233X

Moss bogs store carbon for millennia, but drainage for forestry in the last century turned many of them into sources of carbon dioxide, and we measured how much of that was reversed by rewetting.

Published: 2012-06-30 · Updated: 3 March 2024
Share: VK | Telegram
"""


def test_site_furniture_is_never_the_title_and_the_breadcrumb_states_the_issue():
    doc = make_doc(SITE_PAGE, [], _segmented(SITE_PAGE, "RU | EN", "Share:"))
    meta = extract_metadata(doc)
    assert meta["title"] == "Moss bogs of the Onega shore and their carbon balance"
    assert (meta["year"], meta["volume"], meta["issue"]) == (2012, "7", "2")
    assert [(a["name"], a["orcid"], a["affiliation"]) for a in meta["authors"]] == [
        ("Tatiana R. Orr", "0000-0002-1694-233X", "Onega Wetland Institute")]


def test_no_byline_no_authors_and_no_invented_source():
    text = ("Salt roads of the White Sea coast\n\n"
            "The salt works of the White Sea coast supplied the north of Russia for three centuries, and their decline in 1890 "
            "and after was slow rather than sudden, as the account books of the monasteries show for every decade.\n")
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Salt roads of the White Sea coast"
    assert meta["authors"] == []
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == (None, None, None, None)


RECORD_PAGE = """Научная библиотека
Журнал: Вестник Прионежья
Том 4, № 2(9), 2016
Автор: Соколова Мария Петровна, кандидат исторических наук, доцент, Прионежский государственный университет (Петрозаводск, Россия); e-mail: sokolova.mp@pgu.example.ru
Fishing villages of the Onega shore in the eighteenth century

The fishing villages of the Onega shore paid their dues in salted fish, and the tax books of the eighteenth century let us follow how many households lived from the sea.
Сегодня: 5 мая 2025 г.
"""


def test_author_from_the_record_field_when_the_article_prints_none():
    doc = make_doc(RECORD_PAGE, [], _segmented(RECORD_PAGE, "Fishing villages", "Сегодня:"))
    meta = extract_metadata(doc)
    assert meta["title"] == "Fishing villages of the Onega shore in the eighteenth century"
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Вестник Прионежья", 2016, "4", "2(9)")
    assert [(a["name"], a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("Соколова Мария Петровна", "sokolova.mp@pgu.example.ru", "Прионежский государственный университет")]


def test_footnote_markers_are_stripped_from_emails():
    text = ("Rewetting drained peatlands in Karelia\n"
            "Ivan P. Sokolov1, Maria K. Lebedeva2\n"
            "1 Onega Wetland Institute, Petrozavodsk, Russia\n2 Karelian Forest Academy, Petrozavodsk, Russia\n"
            "1sokolov.ip@owi.example.ru, 2lebedeva@kfa.example.ru\n\n"
            "Drained peatlands emit carbon dioxide for decades, and rewetting them is the cheapest way to stop it, as the "
            "measurements at four sites in the south of Karelia show for the first three years.\n")
    meta = extract_metadata(make_doc(text, []))
    assert [a["email"] for a in meta["authors"]] == ["sokolov.ip@owi.example.ru", "lebedeva@kfa.example.ru"]
    assert [a["affiliation"] for a in meta["authors"]] == ["Onega Wetland Institute", "Karelian Forest Academy"]


NEWS_PAGE = """СТЕПНОЙ ВЕСТНИК | Steppe Herald
Главная | Новости | Экономика
Четверг, 2 мая 2025
Grain exports through the Azov ports hit a record
By Emma Stone and Lars Berg
May 4, 2021
Grain exporters shipped more wheat through the small ports of the Azov Sea this spring than in any year before, and the queues of trucks at the terminals grew to several kilometres.
Emma Stone is a senior researcher at the Azov Grain Institute in Rostov. Lars Berg is a partner with Orr & Berg LLP in Riga.
© 2001–2025 «Степной вестник»
"""


def test_news_byline_date_outlet_and_author_notes():
    doc = make_doc(NEWS_PAGE, [], _segmented(NEWS_PAGE, "Grain exports", "©"))
    meta = extract_metadata(doc)
    assert meta["title"] == "Grain exports through the Azov ports hit a record"
    assert (meta["journal"], meta["year"]) == ("Steppe Herald", 2021)  # not the page's date
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("Emma Stone", "Azov Grain Institute"), ("Lars Berg", "Orr & Berg LLP")]


def test_values_are_printed_on_the_page():
    """Nothing invented: every string value is in the text (whitespace runs as one space), the year is a number there."""
    for text, segments in ((PDF_HEADER_PAGE, None), (SITE_PAGE, None), (RECORD_PAGE, None), (NEWS_PAGE, None)):
        meta = extract_metadata(make_doc(text, [], segments))
        flat = " ".join(text.split())
        values = [meta[k] for k in ("title", "journal", "volume", "issue")]
        values += [a[k] for a in meta["authors"] for k in ("name", "email", "affiliation")]
        assert all(" ".join(v.split()) in flat for v in values if v), values
        assert meta["year"] is None or str(meta["year"]) in text


def test_seed_metadata_exact_through_the_whole_pipeline():
    """The seed stays exact when segments and entities come from the pipeline, not from gold."""
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.stages.ingest import iter_documents

    gold = json.loads((ROOT / "corpus" / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    extractor = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values", "canonical", "metadata")))
    doc = extractor(next(iter(iter_documents([ROOT / "corpus" / "raw" / f"{SEED}.txt"]))))
    scores = metadata_field_accuracy(gold["metadata"], doc.metadata)
    wanted = {k: v for k, v in scores.items() if not k.endswith("_entity") and not k.endswith("_entities")}
    assert wanted and all(value == 1.0 for value in wanted.values()), scores


def test_author_note_without_an_institution_gives_none():
    text = NEWS_PAGE.replace("Lars Berg is a partner with Orr & Berg LLP in Riga.", "Lars Berg is a freelance writer in Riga.")
    meta = extract_metadata(make_doc(text, [], _segmented(text, "Grain exports", "©")))
    assert [a["affiliation"] for a in meta["authors"]] == ["Azov Grain Institute", None]


CAPITALS_PAGE = """Электронная библиотека «Техника»
Главная / Каталог / Машиностроение
Добавлено в библиотеку: 12.11.2025
ANNA P. KOVAL1, DMITRY I. MOROZOV2*
1 Lakeside Technical University, Oslo, Norway
2 Fjord Institute of Marine Engineering, Bergen, Norway
1koval@ltu.example.no; 2morozov@fime.example.no
* Corresponding author
A. P. Koval – Candidate of Technical Sciences, Associate Professor
D. I. Morozov – Doctor of Technical Sciences, Professor
CORROSION OF WELDED STEEL JOINTS IN COLD SEAWATER
Abstract. Welded joints of ship hulls corrode faster than the plate around them, and in cold seawater the difference grows with the content of manganese in the weld metal, as our tests of forty specimens over three winters in the fjord show.
Keywords: corrosion; welding; seawater; steel
Introduction
Ship hulls in northern waters are exposed to cold seawater for most of the year, and the welds are the weakest points of the hull against corrosion, which is why we studied them with care over three winters.
Скачать PDF | Просмотров: 12
"""


def test_author_block_before_the_title_names_in_capitals_and_a_positions_list():
    meta = extract_metadata(make_doc(CAPITALS_PAGE, []))
    assert meta["title"] == "CORROSION OF WELDED STEEL JOINTS IN COLD SEAWATER"  # not "* Corresponding author"
    # the positions list prints the same people again: not new authors
    assert [(a["name"], a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("ANNA P. KOVAL", "koval@ltu.example.no", "Lakeside Technical University"),
        ("DMITRY I. MOROZOV", "morozov@fime.example.no", "Fjord Institute of Marine Engineering")]
    assert (meta["journal"], meta["year"]) == (None, None)  # the upload date is not a publication year


PROCEEDINGS_PAGE = """Language: RU | EN
Lakeside Agrarian University — Conferences
Proceedings of the 5th International Conference on Northern Agriculture, Vol. 2, pp. 145–153
Published: 15 May 2024
SOIL FROST AND WINTER WHEAT SURVIVAL IN KARELIA
IRINA V. PETROVA1*, SERGEY A. LEBEDEV2
1 Karelian Agrarian Institute, Petrozavodsk, Russia
2 Lakeside Agrarian University, Oslo, Norway
*Corresponding author: petrova.iv@kai.example.ru
Abstract. Winter wheat survives the Karelian winter only where snow falls before the soil freezes deeply, and our five-year field trials show that the date of the first snow explains more of the survival than the winter temperature.
Keywords: winter wheat; soil frost; snow cover
Contacts of the organising committee: conf@lau.example.no
© Lakeside Agrarian University, 2024
"""


def test_proceedings_line_published_label_and_an_organisers_address_that_is_nobodys():
    meta = extract_metadata(make_doc(PROCEEDINGS_PAGE, []))
    assert meta["title"] == "SOIL FROST AND WINTER WHEAT SURVIVAL IN KARELIA"  # not the "Published:" line
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == (
        "Proceedings of the 5th International Conference on Northern Agriculture", 2024, "2", None)
    assert [(a["name"], a["email"]) for a in meta["authors"]] == [
        ("IRINA V. PETROVA", "petrova.iv@kai.example.ru"), ("SERGEY A. LEBEDEV", None)]


def test_title_only_in_the_russian_wrapper_in_quotes():
    text = """Электронная библиотека «Кругозор»
Текст научной статьи на тему «Migration of Arctic char in the lakes of Taimyr»
Журнал: Polar Fisheries
Год: 2018
Номер: 2
Char of the Taimyr lakes spend the winter in the deep basins and move into the shallow bays after the ice breaks, and tagging over four seasons shows that most fish return to the same bay every year.
Похожие статьи
"""
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Migration of Arctic char in the lakes of Taimyr"  # not the label line "Журнал: ..."
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Polar Fisheries", 2018, "2")


def test_title_across_a_line_break_under_a_source_line():
    text = """Lake Notes, Vol. 3, No. 1, 2016
Winter feeding of whitefish
in the lakes of Karelia: a field study
Ivan P. Sokolov
Onega Wetland Institute, Petrozavodsk, Russia
Whitefish in the lakes of Karelia keep feeding under the ice, and their stomachs in February held as much zooplankton as in autumn, which contradicts the idea of a winter fast in the species.
"""
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Winter feeding of whitefish in the lakes of Karelia: a field study"
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Lake Notes", 2016, "3", "1")


def test_author_label_alone_with_one_name_per_line_below():
    text = ("Авторы:\nSokolov I. P.\nLebedeva M. K.\nОрганизации:\nOnega Wetland Institute\n"
            "Peat cutting and the water table of raised bogs\n\n"
            "Peat cutting lowered the water table of the raised bogs around the lake by half a metre, and the bogs have not "
            "recovered in the forty years since the works were stopped, as our wells along three transects show.\n")
    article = text.index("Peat cutting and")
    doc = make_doc(text, [], [Segment(0, article, "ru", "wrapper"), Segment(article, len(text), "en", "article")])
    assert [a["name"] for a in extract_metadata(doc)["authors"]] == ["Sokolov I. P.", "Lebedeva M. K."]


def test_one_author_line_each_with_degree_institution_email_and_orcid():
    text = """TRADE AND FINANCE OF THE NORTH No. 2(14), 2021
UDC 336.7
Bank lending to fishing cooperatives in Murmansk region (2015–2020)
Ivan P. Sokolov, Candidate of Economic Sciences, Associate Professor, Department of Finance, Murmansk Arctic University, Murmansk, Russia; e-mail: sokolov.ip@mau.example.ru; ORCID: 0000-0002-1825-0097
Maria K. Lebedeva, Senior Researcher, Kola Institute of Economics, Apatity, Russia; e-mail: lebedeva.mk@kie.example.ru
Abstract. Bank lending to fishing cooperatives in the Murmansk region grew twice as fast as lending to other small firms in 2015–2020, and quota-backed loans made up most of the growth, as the data of the regional banks show.
Keywords: bank lending; fisheries; cooperatives
For citation: Sokolov I. P., Lebedeva M. K. Bank lending to fishing cooperatives in Murmansk region (2015–2020). Trade and Finance of the North. 2021, no. 2(14), pp. 9–24.
Received 05.10.2020
"""
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Bank lending to fishing cooperatives in Murmansk region (2015–2020)"
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"]) == ("Trade and Finance of the North", 2021, None, "2(14)")
    assert [(a["name"], a["orcid"], a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("Ivan P. Sokolov", "0000-0002-1825-0097", "sokolov.ip@mau.example.ru", "Murmansk Arctic University"),
        ("Maria K. Lebedeva", None, "lebedeva.mk@kie.example.ru", "Kola Institute of Economics")]


def test_emails_followed_by_the_owners_name_in_brackets():
    text = """Lake Notes, Vol. 3, No. 1, 2016
Winter feeding of whitefish in the lakes of Karelia
Ivan P. Sokolov1, Maria K. Lebedeva2, Oleg Yu. Zorin1
1 Onega Wetland Institute, Petrozavodsk, Russia
2 Karelian Forest Academy, Petrozavodsk, Russia
E-mail: sokolov@owi.example.ru (I. P. Sokolov), zorin@owi.example.ru (O. Yu. Zorin)
Whitefish in the lakes of Karelia keep feeding under the ice, and their stomachs in February held as much zooplankton as in autumn, which contradicts the idea of a winter fast in the species.
"""
    meta = extract_metadata(make_doc(text, []))
    assert [a["email"] for a in meta["authors"]] == ["sokolov@owi.example.ru", None, "zorin@owi.example.ru"]


# A catalogue card that prints the title only above the record's fields, with numbered affiliations and
# fields whose values stand on the line after their label (made up; not from the seed or the layout set).
FIELD_CARD = """Электронная библиотека «Книжная полка»
Главная / Каталог / Агрономия

SOIL SALINITY MAPPING IN IRRIGATED COTTON FIELDS OF THE FERGANA VALLEY

Rustamov B. T. 1, Haydarova N. K. 2
1 Tashkent Institute of Irrigation Engineers (Tashkent)
2 Andijan Agricultural Research Station (Andijan)

Журнал:

Arid Land Agronomy Review

Год:

2022

Ключевые слова:

SOIL SALINITY, REMOTE SENSING, COTTON, IRRIGATION, FERGANA VALLEY

Аннотация:

Salinity limits cotton yields across the irrigated plains of the valley, and field surveys are too slow to follow its changes from one season to the next. We combined satellite images with soil samples from 120 plots to map salinity at field scale and found that the mapped classes agreed with laboratory measurements in four cases out of five.
"""


def test_field_values_and_numbered_affiliations_are_never_the_title():
    # The segmenter may start the article at the keywords' value (English after a Russian label): the title
    # is then the wrapper's, and neither a field's value nor a numbered affiliation may stand in for it.
    article_start = FIELD_CARD.index("SOIL SALINITY, REMOTE")
    segments = [Segment(0, article_start, "ru", "wrapper"), Segment(article_start, len(FIELD_CARD), "en", "article")]
    metadata = extract_metadata(make_doc(FIELD_CARD, [], segments=segments))
    assert metadata["title"] == "SOIL SALINITY MAPPING IN IRRIGATED COTTON FIELDS OF THE FERGANA VALLEY"


# -- e-mail, ORCID and author forms of the second layout batch (pages made up for these tests) --

ABSTRACT_FIRST_PAGE = """Библиотека научных статей
автор научной работы — Belov Ilya Petrovich, Kirova Tamara Antonovna
Журнал: Northern Fisheries Letters
Год: 2016
The paper counts the nets set for whitefish on the lower Pechora and estimates the catch per household in three villages from interviews held in the winters of 2013 and 2014.

Whitefish nets of the lower Pechora

I. P. Belov, T. A. Kirova
Pechora Fisheries Station, Naryan-Mar, Russia
E-mail: kirova.ta@pfs.example.ru

Whitefish has been the main winter food of the villages on the lower Pechora for as long as records exist, and the nets used for it have changed little since the fishing cooperatives were dissolved.

References
1. Smirnov A. Fish of the north. Arkhangelsk, 1999. 120 p.
"""


def test_the_articles_own_author_block_below_the_abstract_over_the_records_names():
    doc = make_doc(ABSTRACT_FIRST_PAGE, [], _segmented(ABSTRACT_FIRST_PAGE, "The paper counts"))
    meta = extract_metadata(doc)
    # the English author line, not "автор научной работы — ..." of the record; the one e-mail goes to the author
    # whose surname its mailbox spells, not to the last author by position
    assert [(a["name"], a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("I. P. Belov", None, "Pechora Fisheries Station"), ("T. A. Kirova", "kirova.ta@pfs.example.ru", "Pechora Fisheries Station")]


def test_a_record_field_in_the_header_gives_way_to_the_author_line_of_the_same_person():
    text = ("Lichens of the Khibiny slopes\n"
            "автор научной работы — Orlova Nina Petrovna\n"
            "N. P. Orlova\n"
            "Kola Botanical Institute, Kirovsk, Russia\n\n"
            "Lichen cover on the slopes of the Khibiny was mapped along six transects, and its loss near the mines was "
            "measured against the distance from the open pits.\n")
    meta = extract_metadata(make_doc(text, [], _segmented(text, "Lichens")))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("N. P. Orlova", "Kola Botanical Institute")]


EMAIL_FORMS_PAGE = """Sea ice charts of the Kara Sea, 1950-1990

Petr S. Gromov1*, Anna V. Lisina2, Oleg R. Tkachev1
1 Arctic Navigation Institute, Saint Petersburg, Russia
2 Murmansk Marine Academy, Murmansk, Russia
*Corresponding author: Petr S. Gromov, e-mail: gromov@ani.example.ru
Email: seaice77@example.ru; ort.lab@example.ru

Ice charts drawn by the polar stations of the Kara Sea were digitised and compared with the satellite record of the last decades, which shows how the ice edge retreated.
"""


def test_corresponding_author_and_the_other_emails_in_order():
    meta = extract_metadata(make_doc(EMAIL_FORMS_PAGE, []))
    assert [a["email"] for a in meta["authors"]] == ["gromov@ani.example.ru", "seaice77@example.ru", "ort.lab@example.ru"]


def test_superscript_markers_are_not_part_of_the_address():
    text = ("Drift of larch seeds on river ice\n\n"
            "Semyon A. Rudnev¹, Vera O. Kolesova²*\n"
            "¹Yakutsk Forest Institute, Yakutsk, Russia\n"
            "²Lena Valley Station, Pokrovsk, Russia\n"
            "¹larch.lab@example.ru\n"
            "²*vok@example.ru\n\n"
            "Seeds of Cajander larch fall on the river ice in winter and travel with it in spring, and we followed marked "
            "seeds to see how far they drift before they reach a bank.\n")
    meta = extract_metadata(make_doc(text, []))
    assert [(a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("larch.lab@example.ru", "Yakutsk Forest Institute"), ("vok@example.ru", "Lena Valley Station")]


LATER_NAMED_PAGE = """Wind erosion of sandy soils in the Kulunda steppe

Yulia S. Shchetinina, Mikhail O. Kharitonov
Altai Agrarian Institute, Barnaul, Russia

Wind erosion removes the upper layer of the sandy soils of the Kulunda steppe in dry springs, and we measured its rate on ploughed and fallow fields over four years.

References
1. Kharitonov M. O. Dust storms of the Kulunda. Barnaul, 2011. 200 p. E-mail: not.this@example.ru

Информация об авторах
Щетинина Юлия Сергеевна — кандидат биологических наук, доцент. Эл. почта: yss@example.ru
ORCID: Mikhail O. Kharitonov https://orcid.org/0000-0002-1825-0097
Редакция журнала: office@example.ru
"""


def test_items_printed_later_on_a_line_that_names_the_author_in_either_script():
    meta = extract_metadata(make_doc(LATER_NAMED_PAGE, []))
    assert [(a["name"], a["email"], a["orcid"]) for a in meta["authors"]] == [
        ("Yulia S. Shchetinina", "yss@example.ru", None),  # named in Cyrillic in the author information
        ("Mikhail O. Kharitonov", None, "0000-0002-1825-0097"),  # not the address in his reference entry
    ]


@pytest.mark.parametrize("cyrillic, latin", [
    ("Кузьмина", "Kuzmina"), ("Хабибуллин", "Khabibullin"), ("Юлия", "Iuliia"), ("Алексей", "Alexei"),
    ("Цой", "Tsoi"), ("Щукин", "Shchukin"),
])
def test_name_key_joins_a_cyrillic_name_and_its_romanisations(cyrillic, latin):
    assert name_key(cyrillic) == name_key(latin)
    assert name_key("Кузьмина") != name_key("Kuzmin")


def test_a_bilingual_journal_name_gives_the_part_in_the_articles_script():
    text = ("СЕВЕРНЫЙ ЛЕСНОЙ ЖУРНАЛ / NORTHERN FOREST JOURNAL. 2018. № 2(7)\n\n"
            "Pine regrowth after the fires of 2010\n\n"
            "Olga P. Vetrova\nKomi Forest Institute, Syktyvkar, Russia\n\n"
            "Pine stands burnt in the fires of 2010 were revisited eight years later, and the density of young pines was "
            "counted on plots at growing distances from the unburnt edge.\n\n"
            "СЕВЕРНЫЙ ЛЕСНОЙ ЖУРНАЛ / NORTHERN FOREST JOURNAL. 2018. № 2(7)\n")
    meta = extract_metadata(make_doc(text, []))
    assert (meta["journal"], meta["year"], meta["issue"]) == ("NORTHERN FOREST JOURNAL", 2018, "2(7)")


def test_the_journals_copyright_line_names_the_journal_only_when_nothing_else_does():
    body = ("Pike spawning in the floodplain lakes of the Ob\n\nAnna V. Kedrova\nSurgut Fisheries Institute, Surgut, Russia\n\n"
            "Pike spawn in the floodplain lakes of the middle Ob as soon as the ice breaks, and we counted their eggs on "
            "flooded meadows in three springs to see how the timing of the flood changes their survival.\n\n")
    meta = extract_metadata(make_doc(body + "© Journal of Siberian Ichthyology, 2015–2024\n", []))
    assert (meta["journal"], meta["year"]) == ("Journal of Siberian Ichthyology", None)  # a copyright range is no year
    # a site's copyright names no journal
    assert extract_metadata(make_doc(body + "© Scientific Library Online, 2015–2024\n", []))["journal"] is None


@pytest.mark.parametrize("record", ["Belova A. K.", "Белова Анна Кирилловна"])
def test_the_record_names_the_author_in_another_form_or_script(record):
    text = ("Moss cover of burnt peatlands\n"
            f"Авторы: {record}\n"
            "Anna K. Belova\n"
            "Tver Peatland Station, Tver, Russia\n\n"
            "Moss cover returned to burnt peatlands of the upper Volga within five years where the water table was "
            "raised, and stayed sparse where the drains were left open.\n")
    meta = extract_metadata(make_doc(text, [], _segmented(text, "Moss cover")))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("Anna K. Belova", "Tver Peatland Station")]


def test_a_contact_address_after_the_article_belongs_to_the_author_its_mailbox_spells():
    text = ("Grain exports through the Caspian ports\n\nBy Timur Sabitov and Anna Belova\n\n"
            "Grain exports through the Caspian ports grew in the last season, but the ports of Aktau and Kuryk still "
            "lack the storage that the new rail links to China would need.\n\n"
            "Write to the editors: news@example.kz\n"
            "Contact: t.sabitov@example.kz\n")
    meta = extract_metadata(make_doc(text, [], _segmented(text, "Grain exports", "Write to")))
    # the initial before the surname does not hide it ("t.sabitov" is not read "tsabitov"); the editors' address is nobody's
    assert [(a["name"], a["email"]) for a in meta["authors"]] == [("Timur Sabitov", "t.sabitov@example.kz"), ("Anna Belova", None)]


def test_record_fields_naming_the_source_or_publisher_are_no_affiliation():
    text = ("Научная библиотека\n\nRiver ice jams on the Lena\n\n"
            "Авторы: Седова Марина Павловна\nЖурнал: Вестник Северо-Восточного института гидрологии\n"
            "Издатель: Якутский государственный университет\nГод: 2017\n")
    meta = extract_metadata(make_doc(text, []))
    assert meta["journal"] == "Вестник Северо-Восточного института гидрологии"
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("Седова Марина Павловна", None)]


def test_a_title_in_capitals_gives_way_to_its_mixed_case_printing():
    text = ("ICE ROADS OF THE YENISEI\nIN A WARMING CLIMATE\n\nPetrov Ivan Sergeevich\nSiberian Federal University, Krasnoyarsk, Russia\n\n"
            "Abstract. The paper counts the days ice roads stayed open on the lower Yenisei in 1990–2020 and relates them to winter temperature records.\n\n"
            "For citation: Petrov I. S. Ice roads of the Yenisei in a warming climate // Arctic Transport Review. 2021. Vol. 3, iss. 1. P. 5–12.\n")
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Ice roads of the Yenisei in a warming climate"
    only_capitals = text.replace("Ice roads of the Yenisei in a warming climate", "A study")
    assert extract_metadata(make_doc(only_capitals, []))["title"] == "ICE ROADS OF THE YENISEI IN A WARMING CLIMATE"


def test_a_title_line_with_its_record_label_gives_the_value_when_no_article_segment_is_found():
    text = ("Репозиторий Лесного института\n\nTitle: Fire seasons in the Altai foothills\n"
            "Дата публикации: 2018\nAbstract: The paper compares satellite fire counts with ranger reports across four seasons.\n")
    metadata = extract_metadata(make_doc(text, []))
    assert metadata["title"] == "Fire seasons in the Altai foothills"


PROSE = ("Ice cover of the northern lakes breaks up earlier than it did forty years ago, and this paper follows the "
         "dates of the break-up on nine lakes of the region with the records of their weather stations.\n")


def test_each_author_gets_the_institution_in_the_brackets_after_the_name():
    text = ("Break-up of lake ice in Karelia\n\n"
            "Pavel S. Orlov (Onega Institute of Limnology), Irina Sedova (Fjord University, Bergen, Norway)\n\n" + PROSE)
    doc = make_doc(text, [("Pavel S. Orlov", "PERSON"), ("Onega Institute of Limnology", "ORG"), ("Irina Sedova", "PERSON"),
                          ("Fjord University", "ORG"), ("Bergen", "LOC"), ("Norway", "LOC")])
    extractor = MetadataExtractor(doc)
    meta = extractor.extract()
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("Pavel S. Orlov", "Onega Institute of Limnology"), ("Irina Sedova", "Fjord University")]
    # the byline_affiliations component reads the same assignment: each author with the ORG of its own bracket
    from textmine.stages.affiliations import byline_relations
    doc.metadata = meta
    by_id = doc.entity_by_id()
    assert sorted((by_id[r.head].text, by_id[r.tail].text) for r in byline_relations(doc, extractor.assignment)) == [
        ("Irina Sedova", "Fjord University"), ("Pavel S. Orlov", "Onega Institute of Limnology")]


def test_inverted_names_alone_on_their_lines_with_the_affiliation_below():
    text = ("Break-up of lake ice in Karelia\n\n"
            "Sedova, Irina\nFjord University, Bergen, Norway\n"
            "Borisov, Pavel\nOnega Institute of Limnology, Petrozavodsk, Russia\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("Sedova, Irina", "Fjord University"), ("Borisov, Pavel", "Onega Institute of Limnology")]


def test_a_place_line_in_the_inverted_shape_is_no_author():
    text = ("Break-up of lake ice in Karelia\n\nPavel S. Orlov\nOnega Institute of Limnology\n"
            "Petrozavodsk, Russia\norlov@example.ru\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["email"]) for a in meta["authors"]] == [("Pavel S. Orlov", "orlov@example.ru")]


def test_surname_in_capitals_with_a_position_line_below():
    text = ("Break-up of lake ice in Karelia\n\n"
            "SEDOVA Irina\nSenior Researcher, Onega Institute of Limnology, Petrozavodsk, Russia\n"
            "ORLOV Pavel\nAssociate Professor, Fjord University, Bergen, Norway\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert meta["title"] == "Break-up of lake ice in Karelia"
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("SEDOVA Irina", "Onega Institute of Limnology"), ("ORLOV Pavel", "Fjord University")]


def test_letter_markers_point_to_lettered_affiliation_lines():
    text = ("Break-up of lake ice in Karelia\n\n"
            "Pavel S. Orlov a, b, Irina K. Sedova b, *\n"
            "a Onega Institute of Limnology, Petrozavodsk, Russia\n"
            "b Fjord University, Bergen, Norway\n"
            "* Corresponding author. E-mail address: ice.lakes@example.no\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"], a["email"]) for a in meta["authors"]] == [
        ("Pavel S. Orlov", "Onega Institute of Limnology", None),
        ("Irina K. Sedova", "Fjord University", "ice.lakes@example.no")]


def test_marked_emails_on_one_line_when_a_marker_is_shared():
    # marker 1 is shared by the first and the third author: the addresses are listed in the authors' order.
    text = ("Break-up of lake ice in Karelia\n\n"
            "Pavel S. Orlov¹,², Irina K. Sedova²*, Oleg T. Naumov¹\n"
            "¹ Onega Institute of Limnology, Petrozavodsk, Russia\n"
            "² Fjord University, Bergen, Norway\n"
            "¹lakes.one@example.ru, ²*ice.two@example.no\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["email"], a["affiliation"]) for a in meta["authors"]] == [
        ("lakes.one@example.ru", "Onega Institute of Limnology"), ("ice.two@example.no", "Fjord University"),
        (None, "Onega Institute of Limnology")]


def test_an_orcid_with_its_marker_run_into_it_belongs_to_the_marked_author():
    text = ("Break-up of lake ice in Karelia\n\n"
            "Pavel S. Orlov1, Irina K. Sedova2\n"
            "1Onega Institute of Limnology, Petrozavodsk, Russia\n"
            "2Fjord University, Bergen, Norway\n"
            "ORCID: 20000-0002-1825-0097\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [a["orcid"] for a in meta["authors"]] == [None, "0000-0002-1825-0097"]


def test_an_institution_the_ner_calls_a_place_is_still_the_affiliation():
    text = "Break-up of lake ice in Karelia\n\nPavel S. Orlov\nKola Lake Research Station, Apatity, Russia\n\n" + PROSE
    doc = make_doc(text, [("Kola Lake Research Station", "LOC"), ("Apatity", "LOC"), ("Russia", "LOC")])
    assert extract_metadata(doc)["authors"][0]["affiliation"] == "Kola Lake Research Station"


def test_the_journals_printing_in_the_articles_script_over_a_better_ranked_translation():
    # the Russian citation line outranks the English field, but the article is English: its printing of the name
    text = ("Journal: Bulletin of Lake Studies\n\n"
            "Break-up of lake ice in Karelia\n\nPavel S. Orlov\nOnega Institute of Limnology, Petrozavodsk, Russia\n\n"
            + PROSE + "\nКак цитировать: Орлов П. С. Вскрытие озёр Карелии // Вестник озёрных исследований. 2019. № 2. С. 5–9.\n")
    meta = extract_metadata(make_doc(text, []))
    assert (meta["journal"], meta["year"], meta["issue"]) == ("Bulletin of Lake Studies", 2019, "2")
    # with the name printed only in Russian, the Russian printing stays
    only_russian = text.replace("Journal: Bulletin of Lake Studies\n\n", "")
    assert extract_metadata(make_doc(only_russian, []))["journal"] == "Вестник озёрных исследований"


@pytest.mark.parametrize("opening, closing", [("(", ")"), ("[", "]")])
def test_bracketed_numbers_on_names_and_affiliation_lines(opening, closing):
    one, two = f"{opening}1{closing}", f"{opening}2{closing}"
    text = (f"Break-up of lake ice in Karelia\n\nPavel S. Orlov {one}, Irina K. Sedova {two}\n"
            f"{one} Onega Institute of Limnology, Petrozavodsk, Russia\n{two} Fjord University, Bergen, Norway\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("Pavel S. Orlov", "Onega Institute of Limnology"), ("Irina K. Sedova", "Fjord University")]


def test_surname_in_capitals_with_a_dash_and_the_position_on_the_same_line():
    text = ("Break-up of lake ice in Karelia\n\n"
            "ORLOV Pavel Sergeevich – Candidate of Geographical Sciences, Senior Researcher, "
            "Onega Institute of Limnology (Petrozavodsk, Russia)\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("ORLOV Pavel Sergeevich", "Onega Institute of Limnology")]


def test_a_history_line_above_the_title_is_not_part_of_it():
    text = ("Lake Notes. 2021. Vol. 4, No. 3\nArticle received 2020; published online 2021\n"
            "Break-up of lake ice in Karelia\nPavel S. Orlov\nOnega Institute of Limnology, Petrozavodsk, Russia\n\n" + PROSE)
    assert extract_metadata(make_doc(text, []))["title"] == "Break-up of lake ice in Karelia"
    # a year after "published in" is a title's words, not a history date
    titled = text.replace("Break-up of lake ice in Karelia", "Lake maps published in 1900 in Karelia")
    assert extract_metadata(make_doc(titled, []))["title"] == "Lake maps published in 1900 in Karelia"


def test_a_masthead_above_a_records_author_field_is_no_affiliation():
    text = ("Digital Archive of Onega University\nHome → Publications\n\nTitle: Break-up of lake ice in Karelia\n"
            "Authors: Orlov, Pavel Sergeevich\nDate of publication: 2020\n")
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [("Orlov, Pavel Sergeevich", None)]
    # an author line of the article itself still shares an institution printed above it
    block = "Onega University, Petrozavodsk, Russia\nPavel S. Orlov, Irina K. Sedova\n\n" + PROSE
    assert [a["affiliation"] for a in extract_metadata(make_doc("Break-up of lake ice in Karelia\n" + block, []))["authors"]] == [
        "Onega University", "Onega University"]


def test_star_markers_number_the_affiliation_lines():
    text = ("Break-up of lake ice in Karelia\n\nPavel Orlov*, Irina Sedova**\n"
            "* Onega Institute of Limnology, Petrozavodsk, Russia\n** Fjord University, Bergen, Norway\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("Pavel Orlov", "Onega Institute of Limnology"), ("Irina Sedova", "Fjord University")]


def test_name_and_institution_pairs_between_semicolons():
    text = ("Break-up of lake ice in Karelia\n\n"
            "Pavel Orlov, Onega Institute of Limnology; Irina Sedova, Fjord University\n\n" + PROSE)
    meta = extract_metadata(make_doc(text, []))
    assert [(a["name"], a["affiliation"]) for a in meta["authors"]] == [
        ("Pavel Orlov", "Onega Institute of Limnology"), ("Irina Sedova", "Fjord University")]


def test_a_position_before_at_is_not_part_of_the_institution():
    text = ("Break-up of lake ice in Karelia\n\nBy Pavel Orlov, Senior Fellow at the Onega Institute of Limnology\n"
            "March 12, 2021\n\n" + PROSE)
    assert extract_metadata(make_doc(text, []))["authors"][0]["affiliation"] == "Onega Institute of Limnology"
