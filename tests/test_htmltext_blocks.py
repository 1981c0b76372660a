"""HTML text extraction at its edges (textmine.stages.htmltext): ARIA landmarks and the attribute limit.

Written against the survivors of a sampled mutation run over
pipeline/stages/htmltext.py (docs/testing.md). Each test name holds "html",
so the module's row in scripts/mutation.sh (selection by `-k`) runs them.
"""

from __future__ import annotations

import pytest

from textmine.stages.htmltext import MAX_ATTRIBUTES, UnreadableHtml, extract_html


@pytest.mark.parametrize(
    "role, landmark",
    [("navigation", "nav"), ("banner", "header"), ("contentinfo", "footer"), ("complementary", "aside"),
     ("main", "main"), ("article", "article"), ("Navigation ", "nav")],
)
def test_html_aria_roles_are_landmarks_like_their_elements(role, landmark):
    page = extract_html(f'<html><body><div role="{role}"><p>Inside the region.</p></div><p>Outside it.</p></body></html>')
    by_text = {page.text[b["start"]:b["end"]]: b["landmarks"] for b in page.blocks}
    assert by_text == {"Inside the region.": [landmark], "Outside it.": []}


def test_html_unknown_role_is_no_landmark():
    page = extract_html('<html><body><div role="presentation"><p>Plain.</p></div></body></html>')
    assert [b["landmarks"] for b in page.blocks] == [[]]


def html_with_attributes(count: int) -> str:
    return "<html><body><p " + " ".join(f'data-a{i}="v"' for i in range(count)) + ">Text.</p></body></html>"


def test_html_element_with_the_most_attributes_read_is_read():
    assert extract_html(html_with_attributes(MAX_ATTRIBUTES)).text == "Text.\n"


def test_html_element_with_one_attribute_too_many_is_refused():
    with pytest.raises(UnreadableHtml, match=f"{MAX_ATTRIBUTES + 1:,} attributes"):
        extract_html(html_with_attributes(MAX_ATTRIBUTES + 1))


def test_html_nested_deeper_than_max_path_keeps_the_innermost_elements():
    from textmine.stages.htmltext import MAX_PATH

    depth = MAX_PATH + 36
    page = extract_html("<html><body>" + "<nav>" * depth + '<p class="deep">Deep text.</p>' + "</nav>" * depth + "</body></html>")
    (block,) = page.blocks
    path = block["path"].split(" > ")
    assert len(path) == MAX_PATH and path[-1] == "p.deep" and set(path[:-1]) == {"nav"}
    assert block["landmarks"] == ["nav"] * MAX_PATH


@pytest.mark.parametrize(
    "paragraph, density",
    [
        ('<a href="/a">ab</a> cd ef', 0.333),  # 2 of 6 visible characters (spaces do not count)
        ('<a name="top">ab</a> cd ef', 0.0),  # an anchor without href is no link
        ('<span href="/a">ab</span> cd ef', 0.0),  # nor is another element with an href
        ('<a href="/a">Home</a> <a href="/b">Archive</a>', 1.0),
        ('<a href="https://example.org/x">https://example.org/x</a> cd', 0.0),  # a URL as link text is a citation
    ],
)
def test_html_link_density_counts_visible_characters_of_real_links(paragraph, density):
    page = extract_html(f"<html><body><p>{paragraph}</p></body></html>")
    assert [b["link_density"] for b in page.blocks] == [density]


def test_html_declared_charset_is_kept_as_evidence():
    page = extract_html('<html><head><meta charset=" koi8-r "><title>T</title></head><body><p>Text.</p></body></html>')
    assert page.info["charset"] == "koi8-r"


@pytest.mark.parametrize(
    "html_lang, metas, expected",
    [
        ("", '<meta http-equiv="Content-Language" content="ru">', "ru"),
        (' lang="en"', '<meta http-equiv="Content-Language" content="ru">', "en"),  # the html element's lang wins
        ("", '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', None),
        ("", '<meta http-equiv="Content-Type" content="text/html"><meta http-equiv="content-language" content="kk">', "kk"),
    ],
)
def test_html_language_from_the_html_element_or_content_language(html_lang, metas, expected):
    page = extract_html(f"<html{html_lang}><head>{metas}</head><body><p>Text.</p></body></html>")
    assert page.info.get("lang") == expected


@pytest.mark.parametrize(
    "paragraph, text",
    [
        # a name element and an affiliation element side by side: the case change is a field boundary, a line break
        ('<span class="n">Ana Lopes</span><span class="a">Institute of Marine Botany, Faro</span>',
         "Ana Lopes\nInstitute of Marine Botany, Faro"),
        # an e-mail element after a place, both in lower case at the joint
        ('<span>Faro, Portugal</span><span>a.lopes@example.pt</span>', "Faro, Portugal\na.lopes@example.pt"),
        # letter markers in superscript are set apart from the name; digits stay on it
        ("<span>Ana Lopes</span><sup>a,b</sup>, Rui Sousa<sup>2</sup>", "Ana Lopes a,b, Rui Sousa2"),
        ("x<sup>n</sup> and H<sub>2</sub>O", "xn and H2O"),
        # a marker stays on its name; an ORCID iD after the marker is a word of its own
        ('<span>Ana Lopes</span><sup>1</sup><a href="https://orcid.org/0000-0002-1825-0097">0000-0002-1825-0097</a>',
         "Ana Lopes1 0000-0002-1825-0097"),
        # the text after a marker keeps to it ("1Institute", "1name@host": markers the metadata reads)
        ("<p><sup>1</sup>Institute of Marine Botany</p>", "1Institute of Marine Botany"),
        # parts of one word in two elements stay one word
        ("<b>Intro</b><span>duction</span>", "Introduction"),
        ("<span>UN</span><span>ESCO</span>", "UNESCO"),
        ("<i>Salmo</i>nidae", "Salmonidae"),
        # one element: no change
        ("<span>camelCase</span>", "camelCase"),
    ],
)
def test_html_adjacent_inline_elements_are_separate_words_only_at_field_boundaries(paragraph, text):
    assert extract_html(f"<html><body><div>{paragraph}</div></body></html>").text == text + "\n"


# The block-level elements of HTML: each starts a paragraph of its own (table cells outside a table
# are dropped by the parser, so the table elements are left to the page tests).
@pytest.mark.parametrize(
    "tag",
    "address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup legend li main menu nav ol p pre section summary ul".split(),
)
def test_html_block_elements_start_a_paragraph(tag):
    page = extract_html(f"<html><body><span>Before</span><{tag}>Inside</{tag}><span>After</span></body></html>")
    assert page.text == "Before\n\nInside\n\nAfter\n"
    inside = next(b for b in page.blocks if page.text[b["start"]:b["end"]] == "Inside")
    assert inside["tag"] == tag


@pytest.mark.parametrize("tag", ["nav", "header", "footer", "aside", "main", "article"])
def test_html_landmark_elements_are_landmarks(tag):
    page = extract_html(f"<html><body><{tag}><p>Inside.</p></{tag}><p>Outside.</p></body></html>")
    assert {page.text[b["start"]:b["end"]]: b["landmarks"] for b in page.blocks} == {"Inside.": [tag], "Outside.": []}


def test_html_block_path_names_ids_and_classes():
    page = extract_html('<html><body><div id=" main-text " class="a b c d"><p>Text.</p></div></body></html>')
    assert [b["path"] for b in page.blocks] == ["html > body > div#main-text.a.b.c > p"]


def test_html_path_keeps_the_innermost_64_elements():
    page = extract_html("<html><body>" + "<div>" * 100 + "<p>Deep.</p>" + "</div>" * 100 + "</body></html>")
    assert len(page.blocks[0]["path"].split(" > ")) == 64


def test_html_attribute_limit_counts_the_shortest_attributes_too():
    # The length pre-filter must not let through an element whose attributes are as short as
    # HTML allows with a value (4 characters: space, name, "=", value): 1,001 of them are refused.
    markup = "<html><body><p" + " a=1" * 1001 + ">Text.</p></body></html>"
    with pytest.raises(UnreadableHtml) as caught:
        extract_html(markup)
    assert str(caught.value) == "an HTML element has 1,001 attributes (at most 1,000 are read): not a web page to extract"
    assert extract_html("<html><body><p" + " a=1" * 1000 + ">Text.</p></body></html>").text == "Text.\n"


def test_html_declared_charset_is_read_in_the_first_4096_bytes_only():
    from textmine.stages.htmltext import declared_charset

    declaration = b"<meta charset=windows-1251>"
    assert declared_charset(b" " * (4096 - len(declaration)) + declaration) == "cp1251"
    # Cut after the 4096th byte: "windows-125" is no charset, so none is declared.
    assert declared_charset(b" " * (4098 - len(declaration)) + declaration) is None


def test_html_preformatted_lines_keep_every_character_but_their_line_breaks():
    page = extract_html("<html><body><pre>XML in X\n  X axis X</pre></body></html>")
    assert page.text.splitlines() == ["XML in X", "  X axis X"]


def test_html_spaces_of_adjacent_elements_collapse_to_one():
    assert extract_html("<html><body><p><b>one </b> <i> two</i></p></body></html>").text == "one two\n"


@pytest.mark.parametrize(
    ("pre", "density"),
    [
        ('ab <a href="/a">cd\n</a>efgh\nij', 0.2),  # 2 of the 10 letters; line breaks are not characters
        ('<a href="/a">ab\ncd</a>\nefgh', 0.5),
    ],
)
def test_html_link_density_of_preformatted_text_counts_no_line_breaks(pre, density):
    page = extract_html(f"<html><body><pre>{pre}</pre></body></html>")
    assert [b["link_density"] for b in page.blocks] == [density]


@pytest.mark.parametrize(
    "paragraph, text",
    [
        # a subscript stays on its symbol like a superscript: k_B T, not "k" and "BT" on two lines
        ("<p>Energy k<sub>B</sub>T per mode.</p>", "Energy kBT per mode."),
        # text right in the block, then the first inline element: two fields, as between two inline elements
        ("<div>Maria Rossi<span>University of Pavia</span></div>", "Maria Rossi\nUniversity of Pavia"),
        # the case change is read at the last character of the left side, whatever precedes it
        ("<div><span>Laboratory 4b</span><span>Institute of Geology</span></div>", "Laboratory 4b\nInstitute of Geology"),
        ("<div><span>A. Mukhanova</span><span>Kazakh National University</span></div>", "A. Mukhanova\nKazakh National University"),
        # a whole ORCID iD on the left is a field of its own, with no case change to show it
        ('<div><a href="https://orcid.org/0000-0002-1825-0097">0000-0002-1825-0097</a><span>Institute of Geology</span></div>',
         "0000-0002-1825-0097\nInstitute of Geology"),
        # text split inside one element (by a word-break hint or a comment) is no field boundary
        ("<p>Java<wbr>Script and Type<!-- x -->Script</p>", "JavaScript and TypeScript"),
    ],
)
def test_html_field_boundaries_of_subscripts_block_text_and_split_words(paragraph, text):
    assert extract_html(f"<html><body>{paragraph}</body></html>").text == text + "\n"


def test_html_page_evidence_collapses_title_and_meta_whitespace_and_reads_property_and_xml_lang():
    page = extract_html(
        '<html xml:lang="kk"><head><title>  On the\n  Steppe </title>'
        '<meta property="og:title" content=" On  the\n Steppe "><meta name="citation_title" content="On the Steppe">'
        '<meta content="no name: not evidence"></head><body><p>Text.</p></body></html>'
    )
    assert page.info == {"title": "On the Steppe", "lang": "kk", "meta": {"og:title": ["On the Steppe"], "citation_title": ["On the Steppe"]}}
    # A blank title, no language and no named meta: nothing to keep.
    assert extract_html("<html><head><title>  </title></head><body><p>Text.</p></body></html>").info == {}


def test_html_paragraph_without_visible_characters_has_no_link_density():
    page = extract_html("<html><body><pre>   </pre><p>After.</p></body></html>")
    assert page.text == "   \n\nAfter.\n"
    assert [b["link_density"] for b in page.blocks] == [0.0, 0.0]
