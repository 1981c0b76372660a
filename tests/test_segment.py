"""Wrapper/article segments and their languages (textmine.stages.segment), on the seed and on pages built here."""

from __future__ import annotations

import json

import pytest

from fixtures.seed_pages import ROOT, catalogue_page, paragraphs_html, seed_catalogue_page, seed_part, seed_text
from textmine import components
from textmine.document import Document, Segment
from textmine.runtime.extract import ExtractConfig, Extractor
from textmine.stages.ingest import iter_documents
from textmine.stages.segment import Segmenter, segment_char_accuracy

SEED_GOLD = ROOT / "corpus" / "gold" / "000_53fded65e5fbe7f9.json"

# An English article of another layout than the seed's: abstract, keywords, numbered headings, references.
OTHER_ARTICLE = """Water diplomacy and energy trade in the Syr Darya basin

K. B. Sultanova, Institute of Economics, Bishkek, Kyrgyzstan

Abstract. The article examines how upstream and downstream states of the Syr Darya basin trade water for electricity. We compare the barter agreements signed in the late 1990s with the market arrangements that replaced them.

Keywords: water management; hydropower; regional cooperation

1. Introduction

Since independence, the states of the basin have depended on infrastructure built for a single economy. Reservoirs upstream were designed to release water in summer for irrigation, while the upstream countries need electricity in winter.

2. Results

Annual agreements reduced tensions, yet they were rarely fulfilled in full. Delivery schedules slipped whenever a dry year forced governments to protect their own farmers first.

References

1. Smith J. Rivers and borders in Central Asia. London, 2015. 240 p.
2. Petrova L. Hydropower and regional markets // Energy Policy Review. 2019. No. 4. P. 15-29."""

OTHER_HEADER = """Электронная научная библиотека

Главная
Журналы
Конференции

Вестник международных отношений. - 2019. - Т. 3, № 2"""

OTHER_FOOTER = """Все материалы сайта доступны по лицензии. При использовании материалов ссылка на источник обязательна.

Подписаться на рассылку новых выпусков

Контакты редакции"""

RUSSIAN_ONLY = """Водная дипломатия в бассейне Сырдарьи

Статья рассматривает, как государства верхнего и нижнего течения обменивают воду на электроэнергию. Сравниваются бартерные соглашения конца девяностых годов и рыночные механизмы, пришедшие им на смену.

Ежегодные соглашения снижали напряжённость, однако редко выполнялись полностью. Графики поставок срывались всякий раз, когда засушливый год вынуждал правительства защищать прежде всего собственных фермеров."""


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def summary(text: str, segments: list[Segment]) -> list[tuple[str, str, str]]:
    """(role, lang, first words) per segment, after checking the segments tile the text."""
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for left, right in zip(segments, segments[1:]):
        assert left.end == right.start and left.start < left.end
    return [(s.role, s.lang, text[s.start : s.end].split("\n", 1)[0][:30]) for s in segments]


def joined(*parts: str) -> tuple[str, list[int]]:
    """Parts joined by blank lines, with each part's start offset."""
    text, starts = "", []
    for part in parts:
        if text:
            text += "\n\n"
        starts.append(len(text))
        text += part
    return text + "\n", starts


def line_start(text: str, number: int) -> int:
    return sum(len(line) + 1 for line in text.split("\n")[: number - 1])


# --- the seed ---------------------------------------------------------------------------------


def test_seed_segments_follow_the_boundary_convention(segmenter):
    text = seed_text()
    segments = segmenter.segments(text)
    assert [s.to_dict() for s in segments] == [
        {"start": 0, "end": line_start(text, 6), "lang": "ru", "role": "wrapper"},
        {"start": line_start(text, 6), "end": line_start(text, 130), "lang": "en", "role": "article"},
        {"start": line_start(text, 130), "end": len(text), "lang": "ru", "role": "wrapper"},
    ]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not written yet")
def test_seed_character_accuracy_against_gold(segmenter):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = seed_text()
    assert segment_char_accuracy(gold["segments"], segmenter.segments(text), len(text)) >= 0.99


def test_seed_as_html_page_keeps_navigation_sidebar_and_adverts_out_of_the_article(tmp_path, segmenter):
    path = tmp_path / "page.html"
    path.write_text(seed_catalogue_page(), encoding="utf-8")
    doc = next(iter(iter_documents([path])))
    segmenter(doc)
    text = doc.text
    roles = summary(text, doc.segments)
    assert [(role, lang) for role, lang, _ in roles] == [("wrapper", "ru"), ("article", "en"), ("wrapper", "ru")]
    article = doc.segments[1]
    assert text[article.start :].startswith("SCO and regional security issues in Central Asia\n\nG. T. Ichshanova")
    assert text[article.start : article.end].rstrip().endswith("- Astana, 2019 - 30 p.")
    assert text[article.end :].startswith("Рубрики каталога")


def test_other_wrapper_text_and_article_layout_in_html(segmenter):
    from textmine.stages.htmltext import extract_html

    page = extract_html(catalogue_page(OTHER_HEADER, OTHER_ARTICLE, OTHER_FOOTER, "Water diplomacy"))
    segments = segmenter.segments(page.text, page.blocks)
    article = [s for s in segments if s.role == "article"]
    assert [(s.lang, page.text[s.start : s.end].strip()) for s in article] == [("en", OTHER_ARTICLE)]
    assert [(s.role, s.lang) for s in segments] == [("wrapper", "ru"), ("article", "en"), ("wrapper", "ru")]


def test_english_wrapper_in_html_is_found_from_layout_not_language(segmenter):
    from textmine.stages.htmltext import extract_html

    body = paragraphs_html(OTHER_ARTICLE.split("\n\n", 1)[1])
    page = extract_html(
        "<html><body>"
        '<div class="top-menu"><a href="/">Home</a> <a href="/journals">Journals</a> <a href="/about">About the project</a></div>'
        '<nav><ul><li><a href="/issue">Current issue</a></li><li><a href="/archive">Archive of past issues</a></li></ul></nav>'
        f'<div class="content"><h1>{OTHER_ARTICLE.split(chr(10))[0]}</h1>{body}</div>'
        '<aside><h3>Most read</h3><ul><li><a href="/a/1">Migration and remittances in Tajikistan after the pandemic</a></li>'
        '<li><a href="/a/2">Transit corridors between China and the Caspian Sea</a></li></ul></aside>'
        "<footer><p>Open Journals Platform. All rights reserved. Articles are published under a Creative Commons licence.</p></footer>"
        "</body></html>"
    )
    segments = segmenter.segments(page.text, page.blocks)
    assert [(role, lang) for role, lang, _ in summary(page.text, segments)] == [
        ("wrapper", "en"),
        ("article", "en"),
        ("wrapper", "en"),
    ]
    article = segments[1]
    assert page.text[article.start : article.end].strip() == OTHER_ARTICLE


def _publisher_header_page(header_class: str) -> str:
    """A Russian portal mirroring a publisher's article page: title and linked byline in a header-named block."""
    title, byline, rest = OTHER_ARTICLE.split("\n\n", 2)
    return (
        "<html><body>"
        '<div class="portal-top"><a href="/">Научный портал университета</a></div>'
        "<p>Публикация сотрудника в зарубежном издании. Источник: сайт издателя.</p>"
        f'<div class="{header_class}"><h1>{title}</h1>'
        '<ul><li><a href="/people/sultanova">K. B. Sultanova</a></li></ul>'
        '<p><a href="/journal">Central Asian Water Review</a> volume 7, pages 40–58 (2021)</p></div>'
        f"{paragraphs_html(rest)}"
        "<p>© Научный портал университета, 2024. Все права защищены.</p>"
        "</body></html>"
    ), title


@pytest.mark.parametrize("header_class", ["c-article-header", "entry-header", "post__header"])
def test_a_block_named_as_the_articles_own_header_opens_the_article(segmenter, header_class):
    from textmine.stages.htmltext import extract_html

    markup, title = _publisher_header_page(header_class)
    page = extract_html(markup)
    segments = segmenter.segments(page.text, page.blocks)
    article = [s for s in segments if s.role == "article"]
    # The title and the linked byline are the article's: without them metadata reads a section heading as the title.
    assert page.text[article[0].start :].startswith(title + "\n\nK. B. Sultanova")
    assert [(role, lang) for role, lang, _ in summary(page.text, segments)] == [
        ("wrapper", "ru"), ("article", "en"), ("wrapper", "ru")]


def test_a_site_header_with_links_above_the_article_stays_a_wrapper(segmenter):
    from textmine.stages.htmltext import extract_html

    page = extract_html(
        "<html><body>"
        '<div class="site-header"><a href="/">Open Journals Platform</a> <a href="/archive">Archive of issues</a></div>'
        f'<div class="article-list-header"><a href="/a/1">Transit corridors between China and the Caspian Sea</a></div>'
        f"{paragraphs_html(OTHER_ARTICLE, 'h1')}"
        "</body></html>"
    )
    segments = segmenter.segments(page.text, page.blocks)
    article = [s for s in segments if s.role == "article"]
    assert page.text[article[0].start :].startswith(OTHER_ARTICLE.split("\n")[0])
    assert segments[0].role == "wrapper" and "Transit corridors" in page.text[segments[0].start : segments[0].end]


def test_advert_and_share_links_inside_the_article_are_a_wrapper_between_article_parts(segmenter):
    from textmine.stages.htmltext import extract_html

    paragraphs = OTHER_ARTICLE.split("\n\n")
    page = extract_html(
        "<html><body><article>"
        + paragraphs_html("\n\n".join(paragraphs[:5]), "h1")
        + '<aside class="promo"><p>Advertisement: publish your monograph with us in two weeks.</p></aside>'
        + '<div class="share-buttons"><a href="/s/vk">Share in VK</a> <a href="/s/tg">Share in Telegram</a></div>'
        + paragraphs_html("\n\n".join(paragraphs[5:]))
        + "</article></body></html>"
    )
    segments = segmenter.segments(page.text, page.blocks)
    assert [(role, lang) for role, lang, _ in summary(page.text, segments)] == [
        ("article", "en"),
        ("wrapper", "en"),
        ("article", "en"),
    ]
    assert page.text[segments[1].start : segments[1].end].split("\n\n")[:2] == [
        "Advertisement: publish your monograph with us in two weeks.",
        "Share in VK Share in Telegram",
    ]


# --- plain texts of other shapes ------------------------------------------------------------


def test_a_russian_reference_inside_the_article_stays_article(segmenter):
    lines = seed_text().split("\n")
    russian = "10. Иванов И. И. Шанхайская организация сотрудничества и региональная безопасность // Вестник МГИМО. 2019. № 3. С. 10-20."
    text = "\n".join(lines[:119] + ["", russian, ""] + lines[119:])
    at = text.index(russian)
    roles = [(s.role, s.lang, s.start) for s in segmenter.segments(text)]
    assert roles == [
        ("wrapper", "ru", 0),
        ("article", "en", line_start(text, 6)),
        ("article", "ru", at),
        ("article", "en", at + len(russian) + 2),
        ("wrapper", "ru", text.index("Полный архив")),
    ]



def test_other_wrapper_texts_around_another_article_layout(segmenter):
    text, (_, article_at, footer_at) = joined(OTHER_HEADER, OTHER_ARTICLE, OTHER_FOOTER)
    segments = segmenter.segments(text)
    assert [s.to_dict() for s in segments] == [
        {"start": 0, "end": article_at, "lang": "ru", "role": "wrapper"},
        {"start": article_at, "end": footer_at, "lang": "en", "role": "article"},
        {"start": footer_at, "end": len(text), "lang": "ru", "role": "wrapper"},
    ]


BOARDS = {
    "en": """Editorial Board

Editor-in-chief: Prof. R. T. Baimukhanov

S. L. Okafor, University of Ibadan, Nigeria

Marta Kowalczyk, Jagiellonian University, Poland

H. Q. Tran, Vietnam National University, Hanoi""",
    "ru": """Редакционная коллегия

Главный редактор: Р. Т. Баймуханов

S. L. Okafor, University of Ibadan, Nigeria

Marta Kowalczyk, Jagiellonian University, Poland

H. Q. Tran, Vietnam National University, Hanoi""",
}


@pytest.mark.parametrize("board", sorted(BOARDS))
def test_an_editorial_board_above_the_wrapper_is_no_article(segmenter, board):
    # Members' names and universities are English text: without the heading they read as the article's first lines.
    text, (_, _, article_at, footer_at) = joined(BOARDS[board], OTHER_HEADER, OTHER_ARTICLE, OTHER_FOOTER)
    segments = segmenter.segments(text)
    assert [s.role for s in segments if s.start < article_at] == ["wrapper"] * sum(s.start < article_at for s in segments)
    article = [s for s in segments if s.role == "article"]
    assert [(s.start, s.end, s.lang) for s in article] == [(article_at, footer_at, "en")]


def test_a_board_heading_right_above_the_article_does_not_take_its_title(segmenter):
    # The board's members end at the first line that is neither a name nor a role: the article's title.
    text, (_, article_at, footer_at) = joined(OTHER_HEADER + "\n\n" + BOARDS["en"], OTHER_ARTICLE, OTHER_FOOTER)
    article = [s for s in segmenter.segments(text) if s.role == "article"]
    assert [(s.start, s.end) for s in article] == [(article_at, footer_at)]


def test_wrapper_only_at_the_top(segmenter):
    text = seed_part((1, 128)) + "\n"
    assert [(r, l) for r, l, _ in summary(text, segmenter.segments(text))] == [("wrapper", "ru"), ("article", "en")]
    assert segmenter.segments(text)[1].start == line_start(text, 6)


def test_english_article_without_wrapper_is_one_article_segment(segmenter):
    for text in (OTHER_ARTICLE, seed_part((6, 128))):
        assert segmenter.segments(text) == [Segment(0, len(text), "en", "article")]


def test_russian_text_only_is_one_russian_segment(segmenter):
    assert segmenter.segments(RUSSIAN_ONLY) == [Segment(0, len(RUSSIAN_ONLY), "ru", "article")]


def test_short_blocks_do_not_flip_a_segment(segmenter):
    paragraphs = OTHER_ARTICLE.split("\n\n")
    # A bare number and a Czech journal name inside the English article.
    text = "\n\n".join(paragraphs[:3] + ["2019", "Paradigmata poznání"] + paragraphs[3:])
    assert segmenter.segments(text) == [Segment(0, len(text), "en", "article")]


def test_a_russian_field_label_alone_in_an_english_article_is_the_records(segmenter):
    # The layout set's convention (corpus/layouts): "Ключевые слова" or "Аннотация" alone on its line, in
    # another script than the article's, is a field label of the catalogue record around the article.
    paragraphs = OTHER_ARTICLE.split("\n\n")
    text = "\n\n".join(paragraphs[:3] + ["Аннотация:"] + paragraphs[3:])
    at = text.index("Аннотация:")
    assert [(s.role, s.lang, s.start) for s in segmenter.segments(text)] == [
        ("article", "en", 0),
        ("wrapper", "ru", at),
        ("article", "en", at + len("Аннотация:") + 2),
    ]


def test_english_title_inside_a_russian_heading_stays_in_the_wrapper(segmenter):
    heading = "Каталог публикаций научных журналов - Water diplomacy and energy trade in the Syr Darya basin"
    text, (_, article_at) = joined(heading, OTHER_ARTICLE)
    assert [s.to_dict() for s in segmenter.segments(text)] == [
        {"start": 0, "end": article_at, "lang": "ru", "role": "wrapper"},
        {"start": article_at, "end": len(text), "lang": "en", "role": "article"},
    ]


def test_menu_and_copyright_lines_in_the_article_language_are_wrapper(segmenter):
    menu = "Home | Journals | Archive | Submit a paper | Contacts"
    footer = "© 2024 Open Journals Platform. All rights reserved."
    text, (_, article_at, footer_at) = joined(menu, OTHER_ARTICLE, footer)
    assert [s.to_dict() for s in segmenter.segments(text)] == [
        {"start": 0, "end": article_at, "lang": "en", "role": "wrapper"},
        {"start": article_at, "end": footer_at, "lang": "en", "role": "article"},
        {"start": footer_at, "end": len(text), "lang": "en", "role": "wrapper"},
    ]


def test_edge_texts(segmenter):
    assert segmenter.segments("") == []
    assert segmenter.segments("12345\n") == [Segment(0, 6, "en", "article")]  # no evidence: all article
    crlf = OTHER_HEADER.replace("\n", "\r\n") + "\r\n\r\n" + OTHER_ARTICLE.replace("\n", "\r\n")
    segments = segmenter.segments(crlf)
    assert [(s.role, s.lang) for s in segments] == [("wrapper", "ru"), ("article", "en")]
    assert crlf[segments[1].start :].startswith("Water diplomacy")


# --- the component --------------------------------------------------------------------------


def test_registered_component_runs_in_the_extractor():
    assert isinstance(components.create("segmenter"), Segmenter)
    doc = Extractor(ExtractConfig(components=("segmenter",)))(Document(id="x", text=OTHER_ARTICLE))
    assert [s.to_dict() for s in doc.segments] == [{"start": 0, "end": len(OTHER_ARTICLE), "lang": "en", "role": "article"}]
    assert doc.provenance["components"][0]["languages"][:2] == ["en", "ru"]


def test_language_set_is_configurable_and_checked():
    assert Segmenter(languages=["EN", "ru"]).segments(RUSSIAN_ONLY)[0].lang == "ru"
    with pytest.raises(ValueError, match="xx"):
        Segmenter(languages=["en", "xx"])


# --- the accuracy measure -------------------------------------------------------------------


def test_segment_char_accuracy():
    gold = [Segment(0, 10, "ru", "wrapper"), Segment(10, 100, "en", "article")]
    assert segment_char_accuracy(gold, gold, 100) == 1.0
    shifted = [{"start": 0, "end": 14, "lang": "ru", "role": "wrapper"}, {"start": 14, "end": 100, "lang": "en", "role": "article"}]
    assert segment_char_accuracy(gold, shifted, 100) == pytest.approx(0.96)
    wrong_lang = [Segment(0, 10, "ru", "wrapper"), Segment(10, 100, "de", "article")]
    assert segment_char_accuracy(gold, wrong_lang, 100) == pytest.approx(0.10)
    with_gap = [Segment(0, 10, "ru", "wrapper"), Segment(20, 100, "en", "article")]
    assert segment_char_accuracy(gold, with_gap, 100) == pytest.approx(0.90)
    assert segment_char_accuracy([], [], 0) == 1.0
    assert segment_char_accuracy(gold, [], 100) == 0.0


# --- evidence beyond language: quotations, bibliographic lines, position --------------------


def test_heading_that_quotes_the_title_is_a_wrapper_in_its_own_language(segmenter):
    # The English title outweighs the Russian words of the heading; as a quotation it gives no evidence.
    for heading in ("Статья - Water diplomacy and energy trade in the Syr Darya basin", "Статья - Water diplomacy and energy trade in the..."):
        text, (_, article_at) = joined(heading, OTHER_ARTICLE)
        assert [s.to_dict() for s in segmenter.segments(text)] == [
            {"start": 0, "end": article_at, "lang": "ru", "role": "wrapper"},
            {"start": article_at, "end": len(text), "lang": "en", "role": "article"},
        ], heading


def test_citation_line_goes_with_the_wrapper_next_to_it(segmenter):
    citation = "Review of Regional Studies. - 2020. - № 4"
    text, (_, _, article_at) = joined("Электронная библиотека научных статей", "Рубрика: международные отношения", citation + "\n\n" + OTHER_ARTICLE)
    article_at += len(citation) + 2
    assert [s.to_dict() for s in segmenter.segments(text)] == [
        {"start": 0, "end": article_at, "lang": "ru", "role": "wrapper"},
        {"start": article_at, "end": len(text), "lang": "en", "role": "article"},
    ]
    # Without a wrapper the article's own header line stays with it.
    plain = citation + "\n\n" + OTHER_ARTICLE
    assert segmenter.segments(plain) == [Segment(0, len(plain), "en", "article")]


def test_translated_abstract_inside_the_article_is_the_articles_own(segmenter):
    paragraphs = OTHER_ARTICLE.split("\n\n")
    title, abstract = RUSSIAN_ONLY.split("\n\n", 1)
    russian = "\n\n".join([title, "К. Б. Султанова", abstract, "Ключевые слова: водная дипломатия, гидроэнергетика"])
    text = "\n\n".join(paragraphs[:4] + [russian] + paragraphs[4:])
    at = text.index(russian)
    assert [(s.role, s.lang, s.start) for s in segmenter.segments(text)] == [
        ("article", "en", 0),
        ("article", "ru", at),
        ("article", "en", at + len(russian) + 2),
    ]


def test_without_blank_lines_a_reference_with_a_russian_access_date_stays_in_the_article(segmenter):
    reference = "3. Water portal of the basin / http://water.example.org/ (дата обращения 12.04.2019)"
    lines = [line for line in (OTHER_ARTICLE + "\n" + reference + "\n" + OTHER_FOOTER).split("\n") if line.strip()]
    text = "\n".join(lines)
    footer_at = text.index(OTHER_FOOTER.split("\n")[0])
    assert [s.to_dict() for s in segmenter.segments(text)] == [
        {"start": 0, "end": footer_at, "lang": "en", "role": "article"},
        {"start": footer_at, "end": len(text), "lang": "ru", "role": "wrapper"},
    ]


# --- Layouts beyond the seed's (issue 12): each rule with a page built here, not from the layout set's test half.


def _roles_at(segments: list[Segment], text: str, *fragments: str) -> list[tuple[str, str]]:
    """(role, lang) of the segment holding each fragment's first character."""
    out = []
    for fragment in fragments:
        position = text.index(fragment)
        seg = next(s for s in segments if s.start <= position < s.end)
        out.append((seg.role, seg.lang))
    return out


def test_english_site_furniture_around_an_english_article_is_wrapper(segmenter):
    top = "RU | EN\nSkip to main content\nThis site uses cookies to give you the best experience. Accept"
    bottom = "Share this article: Facebook Twitter Email\nFollow us on Telegram\nCopyright 2023 Steppe Studies. All rights reserved."
    text, _ = joined(top, OTHER_ARTICLE, bottom)
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "RU | EN", "Skip to", "This site uses cookies", "Share this", "Follow us", "Copyright 2023") == [
        ("wrapper", "en")
    ] * 6
    assert _roles_at(segments, text, "Water diplomacy", "Abstract.", "2. Petrova") == [("article", "en")] * 3


def test_an_english_article_labelled_by_a_russian_record_is_the_article(segmenter):
    abstract = OTHER_ARTICLE.split("\n\n")[2]
    record = "\n".join([
        "Электронная библиотека «Наука Азии»", "Название статьи:", "Water diplomacy and energy trade in the Syr Darya basin",
        "Авторы:", "Султанова Карина Болотовна", "Журнал:", "Вестник международных отношений", "Год: 2019",
        "Аннотация:", abstract, "Ключевые слова:", "water management; hydropower; regional cooperation",
        "Просмотров: 120",
    ])
    segments = segmenter.segments(record)
    assert _roles_at(segments, record, "Water diplomacy", abstract[:30], "water management") == [("article", "en")] * 3
    assert _roles_at(segments, record, "Авторы:", "Султанова", "Год: 2019", "Ключевые слова:", "Просмотров") == [("wrapper", "ru")] * 5


def test_a_running_header_repeated_with_page_numbers_is_wrapper(segmenter):
    paragraphs = OTHER_ARTICLE.split("\n\n")
    header = "STEPPE ECONOMIC REVIEW Vol. 4 No. 2, 2021"
    text = "\n\n".join([header] + paragraphs[:5] + [f"118 {header}"] + paragraphs[5:9] + [f"{header} 119"] + paragraphs[9:])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, f"118 {header}", f"{header} 119") == [("wrapper", "en")] * 2
    assert _roles_at(segments, text, "1. Introduction", "2. Results") == [("article", "en")] * 2


def test_a_russian_abstract_before_the_english_one_keeps_english_the_article_language(segmenter):
    title, abstract = RUSSIAN_ONLY.split("\n\n", 1)
    russian = "\n\n".join([f"УДК 339.9", title, f"Аннотация. {abstract.splitlines()[0]}", "Ключевые слова: водная дипломатия, гидроэнергетика"])
    text, _ = joined(russian, OTHER_ARTICLE)
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "Аннотация.", "Ключевые слова:") == [("article", "ru")] * 2
    assert _roles_at(segments, text, "Water diplomacy", "Abstract.") == [("article", "en")] * 2


def test_segment_benchmark_reads_both_layout_sets_and_scores_each_split():
    from textmine.evaluation.benchmarks.segments import load_layout_pages, run, segments_from_markers

    pages = list(load_layout_pages())
    scored = [p for p in pages if p.expected is not None]
    assert len({p.shape for p in scored}) >= 15
    assert {p.split for p in scored} == {"dev", "test"}
    for page in scored:
        assert page.expected[0].start == 0 and page.expected[-1].end == len(page.document.text)
    lines: list[str] = []
    results = run(echo=lines.append)
    assert set(results) == {"dev", "test"} and all(0.0 <= value <= 1.0 for value in results.values())
    assert any(line.strip().startswith("test (expected figure)") for line in lines)
    verbose: list[str] = []
    run(verbose=True, echo=verbose.append)
    page_lines = [line.split()[1] for line in verbose if " chars " in line]
    assert set(page_lines) == {p.id for p in scored if p.split == "dev"}  # per-page figures of the dev half only
    with pytest.raises(ValueError, match="not at the start of a line"):
        segments_from_markers("a\nb\n", [["a", "wrapper", "ru"], ["missing", "article", "en"]])


# --- Failure kinds found on the development pages (corpus/layouts-segdev): one page built here per rule.

BODY = OTHER_ARTICLE.split("\n\n")
ABSTRACT = BODY[2][len("Abstract. "):]


def test_site_word_lines_and_fields_are_english_furniture():
    from textmine.stages.segment import _is_site_furniture_line

    for line in ("Make a Submission", "Show full item record", "Download abstract (PDF)", "Back to the list of abstracts",
                 "Published: 2021-12-20", "Section: Research Articles", "Size: 1.204Mb", "View/Open", "About the Journal"):
        assert _is_site_furniture_line(line), line
    for line in ("Abstract", "Keywords", "References", "Introduction", "Water diplomacy in the Syr Darya basin",
                 "Results: trade in electricity grew", "Download speed and rural broadband access in Kyrgyzstan"):
        assert not _is_site_furniture_line(line), line


def test_a_menu_with_one_item_per_line_and_a_platforms_item_page_are_wrapper(segmenter):
    menu = "\n".join(["Skip to main navigation menu", "Open Menu", "Current", "Archives", "Announcements", "About the Journal",
                      "Submissions", "Editorial Team", "Contact", "Search", "Register", "Login"])
    after = "\n".join(["Downloads", "PDF", "Published", "2019-05-14", "Issue", "Vol. 3 No. 2 (2019)", "Section", "Articles",
                       "License", "This work is licensed under a Creative Commons Attribution 4.0 International License.",
                       "Make a Submission", "For Readers", "For Librarians"])
    text = "\n".join([menu] + [p for p in BODY] + [after])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "Open Menu", "Editorial Team", "Login", "Downloads", "2019-05-14", "Make a Submission") == [
        ("wrapper", "en")] * 6
    assert _roles_at(segments, text, "Water diplomacy", "Keywords:", "2. Petrova") == [("article", "en")] * 3


def test_a_breadcrumb_with_long_items_and_a_double_spaced_menu_are_furniture():
    from textmine.stages.segment import _text_furniture

    assert _text_furniture('Conferences / IX Forum "Water of Central Asia" / Book of abstracts / Section 2') > 0
    assert _text_furniture("University  Education  Science  Contacts") > 0
    assert _text_furniture("Upstream and downstream states trade water / electricity in the basin.") == 0


def test_a_list_of_related_items_is_wrapper_up_to_a_change_of_script(segmenter):
    related = "\n".join(["Read also", "Hydropower and the Rogun dam: who pays", "Water quotas in the Fergana valley after 1992",
                         "Подпишитесь на рассылку", "© 2024 Аналитический портал «Вода Азии»"])
    text = "\n".join(BODY + [related])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "Read also", "Hydropower and the Rogun", "Water quotas") == [("wrapper", "en")] * 3
    assert _roles_at(segments, text, "Подпишитесь") == [("wrapper", "ru")]
    assert _roles_at(segments, text, "2. Results", "2. Petrova") == [("article", "en")] * 2


def test_listing_ends_at_a_sentence_or_a_change_of_script():
    from textmine.stages.segment import _Line, _add_listing_furniture

    text = "Похожие статьи\nВодные споры в Центральной Азии\nWater diplomacy and energy trade\nMore text."
    lines, position = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(position, position + len(raw), 0, main_script="CYRILLIC" if raw[0] in "ПВ" else "LATIN"))
        position += len(raw) + 1
    _add_listing_furniture(text, lines)
    assert [line.furniture > 0 for line in lines] == [True, True, False, False]


def test_a_title_printed_again_in_capitals_is_no_running_header(segmenter):
    title = BODY[0]
    text = "\n".join(["Каталог научных статей", "Главная / Статьи / 2020", title, f"Аннотация: {ABSTRACT}", f"Текст статьи «{title}»",
                      title.upper(), *BODY[1:], "© Каталог научных статей, 2024"])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, title, title.upper()) == [("article", "en")] * 2


def test_an_english_title_among_russian_record_lines_keeps_its_language(segmenter):
    text = "\n".join(["Электронная библиотека", "Тип: статья", BODY[0], "Год: 2019", "Том: 3", "Номер: 2", "Просмотров: 41"])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, BODY[0])[0][1] == "en"
    assert _roles_at(segments, text, "Тип: статья", "Год: 2019")[1] == ("wrapper", "ru")


def test_a_library_record_with_its_abstract_headings_and_the_full_text_below(segmenter):
    title = BODY[0]
    text = "\n".join([
        "Научная библиотека «Степь»", "Главная › Журналы › Вестник международных отношений › 2019 › № 2",
        "Текст научной статьи по специальности «Политологические науки»", "2019 / Султанова Карина Болотовна",
        title,
        "Аннотация научной статьи по политологическим наукам, автор научной работы — Султанова Карина Болотовна",
        ABSTRACT,
        "Похожие темы научных работ по политологическим наукам, автор научной работы — Султанова Карина Болотовна",
        "Водно-энергетический консорциум: история проекта", "Гидроэнергетика Кыргызстана и соседи",
        f"Текст научной работы на тему «{title}»",
        "UDC 327.5", title.upper(), *BODY[1:],
        "О проекте  Партнёрам  Контакты",
    ])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, title, ABSTRACT[:40], "UDC 327.5", title.upper(), "2. Petrova") == [("article", "en")] * 5
    assert _roles_at(segments, text, "Аннотация научной", "Похожие темы", "Гидроэнергетика", "Текст научной работы", "О проекте") == [
        ("wrapper", "ru")] * 5


def test_a_library_card_in_capitals_with_numbers_on_their_own_lines(segmenter):
    text = "\n".join([
        "ЭЛЕКТРОННАЯ БИБЛИОТЕКА", "ВХОД", "ПОИСК", BODY[0].upper(), "SULTANOVA K.B.¹", "¹ Institute of Economics, Bishkek",
        "Тип:", "статья в журнале", "Том:", "3", "Номер:", "2", "Год:", "2019",
        "КЛЮЧЕВЫЕ СЛОВА:", "WATER MANAGEMENT / HYDROPOWER / REGIONAL COOPERATION", "АННОТАЦИЯ:", ABSTRACT, "ЦИТИРОВАНИЯ: 4",
    ])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, BODY[0].upper(), "SULTANOVA", "WATER MANAGEMENT", ABSTRACT[:30]) == [("article", "en")] * 4
    assert _roles_at(segments, text, "Тип:", "Год:", "АННОТАЦИЯ:", "ЦИТИРОВАНИЯ") == [("wrapper", "ru")] * 4


def test_a_russian_header_and_abstract_before_the_english_article_are_the_articles(segmenter):
    title, abstract = RUSSIAN_ONLY.split("\n\n", 1)
    text = "\n".join(["Журнал «Вестник водного хозяйства»", "Главная | Архив | Авторам | Контакты", "Том 3, № 2 (2019)",
                      "УДК 339.9", title, "Султанова К. Б.", "Институт экономики, Бишкек", "Аннотация", abstract.splitlines()[0],
                      "Ключевые слова: водная дипломатия, гидроэнергетика", *BODY, "Статья поступила в редакцию 02.02.2019"])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "УДК 339.9", title, "Султанова К. Б.", abstract[:30], "Ключевые слова:") == [("article", "ru")] * 5
    assert _roles_at(segments, text, "Water diplomacy", "2. Petrova") == [("article", "en")] * 2
    assert _roles_at(segments, text, "Журнал «Вестник", "Статья поступила") == [("wrapper", "ru")] * 2


def test_a_russian_running_header_keeps_its_language_and_takes_its_page_numbers(segmenter):
    header = "ВЕСТНИК ВОДНОГО ХОЗЯЙСТВА. 2019. Т. 3, № 2"
    lines = [header] + BODY[:5] + ["118", header] + BODY[5:9] + ["119", header]
    text = "\n".join(lines)
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, header, "118\n", "119\n") == [("wrapper", "ru")] * 3
    assert _roles_at(segments, text, "Water diplomacy", "2. Results") == [("article", "en")] * 2


def test_the_citation_under_a_citation_widget_heading_is_wrapper(segmenter):
    citation = "Sultanova K. B. Water diplomacy and energy trade in the Syr Darya basin // Review of Regional Studies. 2019. Vol. 3, no. 2. P. 10-24."
    for heading in ("Cite this article", "Как цитировать:"):
        text = "\n".join(BODY + [heading, citation, "Download full text (PDF, 1.2 MB)", "© 2024 Review of Regional Studies"])
        segments = segmenter.segments(text)
        assert _roles_at(segments, text, heading, citation[:20], "Download full text")[1:] == [("wrapper", "en")] * 2, heading
        assert _roles_at(segments, text, heading)[0][0] == "wrapper"
        assert _roles_at(segments, text, "2. Petrova") == [("article", "en")]


def test_a_record_field_with_a_russian_label_and_the_articles_words_is_the_records_in_russian(segmenter):
    # Rule 24: "Авторы: <English names>" and "Ключевые слова: <English keywords>" are the record's fields, `ru`;
    # a keyword line whose value is in its label's language is the article's translated keywords.
    fields = ["Авторы: Sultanova K. B., Osmonov T. A.", "Ключевые слова: water management, hydropower, regional cooperation, Syr Darya"]
    text = "\n".join(["Научная библиотека «Степь»", "Журнал: Review of Regional Studies", "Год: 2019   Том: 3", *fields,
                      *BODY, "Ключевые слова: водная дипломатия, гидроэнергетика, региональное сотрудничество"])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "Авторы:", "Ключевые слова: water") == [("wrapper", "ru")] * 2
    assert _roles_at(segments, text, "Water diplomacy", "2. Petrova") == [("article", "en")] * 2
    assert _roles_at(segments, text, "Ключевые слова: водная") == [("article", "ru")]


def test_a_references_language_is_that_of_its_title_not_of_its_source(segmenter):
    entries = [
        "3. Moreno L. Hydropolitics in Central Asia revisited // Revista de Estudios Internacionales y Política Exterior. 2020. Vol. 12. P. 5-30.",
        "4. García Pérez J. La cuenca del Syr Darya y la integración regional // Revista de Estudios Internacionales. 2018. No. 3. P. 7-19.",
        "5. Osmonov T. A. Water-energy exchange in the basin // Вестник Киргизского национального университета. 2017. № 4. С. 11-20.",
    ]
    text = OTHER_ARTICLE + "\n" + "\n".join(entries)
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "3. Moreno", "5. Osmonov") == [("article", "en")] * 2
    assert _roles_at(segments, text, "4. García") == [("article", "es")]


def test_a_citation_widget_with_a_russian_journal_name_is_english_and_with_a_russian_label_russian(segmenter):
    citation = "Sultanova K. B. Water diplomacy and energy trade in the Syr Darya basin // Вестник региональных исследований. 2019. Т. 3, № 2. С. 10-24."
    text = "\n".join(BODY + ["Как цитировать", citation, "Лицензия CC BY 4.0"])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, citation[:20]) == [("wrapper", "en")]
    text = "\n".join(BODY + ["Для цитирования: " + citation, "Лицензия CC BY 4.0"])
    assert _roles_at(segmenter.segments(text), text, "Для цитирования") == [("wrapper", "ru")]


def test_a_russian_title_with_a_subtitle_after_a_colon_is_no_record_field(segmenter):
    title = "Водные споры на Сырдарье: опыт Кыргызстана"
    text = "\n".join(["Журнал «Вестник водного хозяйства»", "Главная | Архив | Авторам | Контакты", title, "Султанова К. Б., Институт экономики, Бишкек",
                      "Аннотация. " + RUSSIAN_ONLY.split("\n\n")[1], *BODY])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, title, "Султанова К. Б.") == [("article", "ru")] * 2
    # Among other fields a long label is still a field.
    record = "\n".join(["Электронная библиотека", "Количество страниц в статье: 14", "Год издания: 2019", *BODY])
    assert _roles_at(segmenter.segments(record), record, "Количество страниц") == [("wrapper", "ru")]


def test_a_rubric_above_the_title_is_the_sites_section_name(segmenter):
    # The section the site files the article under: a menu item repeated above the title, or "Section / Topic".
    for rubric, menu in (("Opinion", "Home  News  Opinion  Interviews  About"), ("Regions / Central Asia", "Главная | Аналитика | Контакты")):
        text = "\n".join(["Steppe Policy Forum", menu, rubric, *BODY, "© 2024 Steppe Policy Forum"])
        segments = segmenter.segments(text)
        assert _roles_at(segments, text, rubric)[0][0] == "wrapper", rubric
        assert _roles_at(segments, text, "Water diplomacy", "2. Petrova") == [("article", "en")] * 2, rubric
    assert segmenter.segments(OTHER_ARTICLE) == [Segment(0, len(OTHER_ARTICLE), "en", "article")]


def test_an_ojs_page_with_russian_interface_headings_around_the_english_article(segmenter):
    # OJS in Russian: the platform's headings between the article's parts are the site's, each in its own language,
    # with or without blank lines; the English interface words of a repository are English however short.
    citation = "Sultanova K. B. Water diplomacy and energy trade in the Syr Darya basin // Central Asian Studies Review. 2020. Vol. 5, no. 2. P. 10-24."
    lines = ["Вестник исследований Центральной Азии", "Текущий выпуск", "Архивы", "Главная / Архивы / Т. 5 № 2 (2020) / Статьи",
             BODY[0], BODY[1], "Аннотация", ABSTRACT, "Ключевые слова", "water management, hydropower, regional cooperation",
             "Полный текст", *BODY[4:8], "Библиографические ссылки", "Smith J. Rivers and borders in Central Asia. London, 2015. 240 p.",
             "Как цитировать", citation, "Date", "2020", "URI", "Collections", "Раздел", "Статьи", "LIBRARY.EXAMPLE.RU"]
    for separator in ("\n", "\n\n"):
        text = separator.join(lines)
        segments = segmenter.segments(text)
        assert _roles_at(segments, text, "Аннотация", "Полный текст", "Библиографические", "Как цитировать", "Раздел",
                         "LIBRARY") == [("wrapper", "ru")] * 6
        assert _roles_at(segments, text, citation[:30], "Date", "Collections") == [("wrapper", "en")] * 3
        assert _roles_at(segments, text, BODY[0], ABSTRACT[:30], "water management", "2. Results", "Smith J.") == [("article", "en")] * 5


def test_a_bilingual_head_with_a_long_russian_author_block_is_the_articles(segmenter):
    # Guidelines' conventions: a Russian title, author block and abstract printed by the article are `ru` article,
    # with or without a UDC line above them, however many lines the authors' affiliations and e-mails take.
    title, abstract = RUSSIAN_ONLY.split("\n\n")[:2]
    authors = ["К. Б. Султанова", "Институт экономики Национальной академии наук, Бишкек, Кыргызстан", "e-mail: sultanova@example.kg",
               "Т. А. Осмонов", "Кыргызский национальный университет, Бишкек, Кыргызстан", "ORCID: 0000-0002-1825-0097"]
    for udc in (["УДК 339.9", "DOI: 10.99123/vvh.2019.3.2.1"], []):
        text = "\n".join(["Вестник водного хозяйства", "Главная | Архив | Авторам | Контакты", "Архив номеров / 2019 / Том 3, № 2",
                          *udc, title, *authors, "Аннотация", abstract, "Ключевые слова: водная дипломатия, гидроэнергетика",
                          *BODY, "© Вестник водного хозяйства, 2019"])
        segments = segmenter.segments(text)
        assert _roles_at(segments, text, *udc, title, "К. Б.", "e-mail", "Т. А.", "ORCID", abstract[:20]) == [("article", "ru")] * (6 + len(udc))
        assert _roles_at(segments, text, "Вестник водного", "Архив номеров", "©") == [("wrapper", "ru")] * 3
        assert _roles_at(segments, text, "Water diplomacy", "2. Petrova") == [("article", "en")] * 2


# --- Failure kinds of the whole pages p14, p16 and p20 (corpus/pages): a journal's PDF text and publisher pages,
# built here on another topic (fisheries in the Gulf of Guinea).

GUINEA_HEADER = "ИЗВЕСТИЯ ПРИБАЛТИЙСКОГО ИНСТИТУТА. СЕРИЯ: МЕЖДУНАРОДНЫЕ ОТНОШЕНИЯ. 2023. Т. 5, № 2"
GUINEA_INTRO = ("Industrial trawlers and artisanal canoes compete for the same stocks along the coast of West Africa. "
                "The coastal states have signed many agreements on monitoring and licensing, yet enforcement at sea remains "
                "weak and the catch reported to the regional bodies is a fraction of the real one.")
GUINEA_RESULTS = ("Joint patrols reduced illegal fishing only where the navies shared their radar data with the fisheries "
                  "ministries. Elsewhere the licences sold to foreign fleets kept growing faster than the means to inspect them, "
                  "and the artisanal fishers lost most of their catch to the trawlers working inside the coastal zone.")
GUINEA_PDF = "\n".join([
    GUINEA_HEADER, "112", "",
    "Обзорная статья", "УДК 341.24", "DOI 10.99555/pib.2023.5.2.112", "",
    "FISHERIES GOVERNANCE IN THE GULF OF GUINEA", "",
    "Amara K. Mensah¹, Pavel O. Zhuravlev²",
    "¹ Department of Marine Studies, University of the Gold Coast, Cape Coast, Ghana; amensah@ugc.example.gh",
    "² Baltic Institute of International Affairs, Kaliningrad, Russia; zhuravlev@bia.example.ru", "",
    "Abstract. " + GUINEA_INTRO,
    "Keywords: fisheries; Gulf of Guinea; maritime security; licensing.", "",
    "Для цитирования: Mensah A. K., Zhuravlev P. O. Fisheries governance in the Gulf of Guinea // Известия Прибалтийского "
    "института. Серия: Международные отношения. 2023. Т. 5, № 2. С. 112–130.",
    "Поступила в редакцию 03.02.2023; одобрена после рецензирования 14.03.2023.", "",
    "Introduction", GUINEA_INTRO, "",
    "Работа выполнена в рамках государственного задания Министерства науки, тема № 0731-2023-0004.",
    "² The committee is better known by its Portuguese name, Comissão Regional de Pesca do Golfo da Guiné.", "",
    f"113 {GUINEA_HEADER}", "",
    "Results", GUINEA_RESULTS, "",
    "Mensah A. K., Zhuravlev P. O. Fisheries governance in the Gulf of Guinea    114", "",
    "Conclusion", GUINEA_RESULTS, "",
    "References",
    "1. Asante K. (2019). Small boats and large fleets: artisanal fishing in West Africa. Revista de Estudios Marítimos del Atlántico, 8(1), 14–33.",
    "2. Zhuravlev P. O. Atlantic fisheries after the Cold War. Kaliningrad: Izdatelstvo Yantarny Kray, 2020. 214 p.",
])


def test_a_lines_language_is_read_from_its_words_outside_names(segmenter):
    # A footnote naming a body in another language, an English reference with a Spanish journal or a transliterated
    # Russian publisher: names are names in any language, the line's other words are English.
    segments = segmenter.segments(GUINEA_PDF)
    assert _roles_at(segments, GUINEA_PDF, "² The committee", "1. Asante", "2. Zhuravlev") == [("article", "en")] * 3


def test_a_line_of_an_identifier_goes_with_its_paragraph(segmenter):
    # "DOI 10.99..." shows no language: under "УДК ..." in one paragraph it is Russian like the lines above it.
    segments = segmenter.segments(GUINEA_PDF)
    assert _roles_at(segments, GUINEA_PDF, "Обзорная статья", "УДК", "DOI") == [("article", "ru")] * 3
    assert _roles_at(segments, GUINEA_PDF, "FISHERIES") == [("article", "en")]


def test_an_article_kind_label_above_the_title_is_the_articles(segmenter):
    # A publisher page: the kind label under the breadcrumb, in another language than the article, is its own line.
    lines = ["Издательство «Маяк»", "Журналы / Морская политика / 2022 / Том 7, № 1", "Оригинальная статья",
             "Fisheries governance in the Gulf of Guinea", "Amara K. Mensah, University of the Gold Coast",
             "Abstract. " + GUINEA_INTRO, "Introduction", GUINEA_RESULTS, "© Издательство «Маяк», 2022"]
    text = "\n".join(lines)
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "Оригинальная статья") == [("article", "ru")]
    assert _roles_at(segments, text, "Журналы /", "©") == [("wrapper", "ru")] * 2


def test_a_russian_label_over_an_english_citation_in_the_article_block_is_russian(segmenter):
    segments = segmenter.segments(GUINEA_PDF)
    assert _roles_at(segments, GUINEA_PDF, "Для цитирования") == [("article", "ru")]


def test_a_russian_note_inside_the_article_is_the_articles(segmenter):
    # The article's dates line and a funding footnote in Russian are statements of the article, no record's heading.
    segments = segmenter.segments(GUINEA_PDF)
    assert _roles_at(segments, GUINEA_PDF, "Поступила в редакцию", "Работа выполнена") == [("article", "ru")] * 2
    assert _roles_at(segments, GUINEA_PDF, "Introduction", "Results") == [("article", "en")] * 2


def test_a_running_head_of_authors_and_short_title_with_its_page_number_is_wrapper(segmenter):
    segments = segmenter.segments(GUINEA_PDF)
    assert _roles_at(segments, GUINEA_PDF, "Gulf of Guinea    114") == [("wrapper", "en")]
    assert _roles_at(segments, GUINEA_PDF, "Conclusion", "References") == [("article", "en")] * 2
    # A reference entry of the same names has its year and pages: no running head.
    entry = "Mensah A. K., Zhuravlev P. O. Fisheries governance in the Gulf of Guinea. Kaliningrad, 2021"
    text = GUINEA_PDF + "\n" + entry
    assert _roles_at(segmenter.segments(text), text, entry) == [("article", "en")]


def test_a_doi_field_among_a_records_russian_fields_is_the_records(segmenter):
    # "DOI: ..." shows no language; between two fields of a record with Russian labels it is one of the record's.
    abstract = ("Artisanal catches along the coast of Ghana fell by a third between 2005 and 2020, while the licences sold "
                "to foreign trawlers doubled over the same period.")
    text = "\n".join(["Репозиторий Прибалтийского института", "Название: Fisheries governance in the Gulf of Guinea",
                      "Авторы: Mensah A. K., Zhuravlev P. O.", "Год: 2023", "Страницы: 112-130", "DOI: 10.99555/pib.2023.5.2.112",
                      "Индексируется в: Scopus, Web of Science", "Дата внесения: 11.05.2023", "", "Аннотация:", abstract])
    segments = segmenter.segments(text)
    assert _roles_at(segments, text, "DOI:") == [("wrapper", "ru")]
    assert _roles_at(segments, text, abstract[:20]) == [("article", "en")]
