"""Reading inputs: encodings, HTML, JSON Lines, stdin, folders and bad input (textmine.stages.ingest).

Inputs are built from the seed page at test time (tests/fixtures/seed_pages.py
and tests/fixtures/catalogue_page.html); nothing binary is committed.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fixtures.seed_pages import encodable, seed_catalogue_page, seed_text
from textmine.cli import app
from textmine.document import Document
from textmine.runtime.extract import ExtractConfig
from textmine.stages.ingest import InputError, InputLimits, SkippedInput, UnreadableInput, decode_bytes, iter_documents
from textmine.runtime.run import ExtractRun

ARTICLE_TITLE = "SCO and regional security issues in Central Asia"


def read_one(path: Path | str) -> Document | InputError:
    items = list(iter_documents([path]))
    assert len(items) == 1, items
    return items[0]


def read_doc(path: Path | str) -> Document:
    item = read_one(path)
    assert isinstance(item, Document), item
    return item


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("cp1251", "cp1251"),
        ("koi8-r", "koi8-r"),
    ],
)
def test_seed_in_each_encoding_reads_back_with_the_same_text_and_offsets(tmp_path, codec, reported):
    expected = encodable(seed_text(), codec)
    assert len(expected) == len(seed_text())  # one-for-one replacements keep every offset
    data = expected.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # big-endian with its byte-order mark
    path = tmp_path / "000_53fded65e5fbe7f9.txt"
    path.write_bytes(data)

    doc = read_doc(path)

    assert doc.text == expected
    assert doc.id == "000_53fded65e5fbe7f9"
    assert doc.source == {"path": str(path), "format": "txt", "encoding": reported}
    assert not doc.text.startswith("\ufeff")  # a BOM is not part of the text
    title_at = seed_text().index(ARTICLE_TITLE)
    assert doc.text[title_at : title_at + len(ARTICLE_TITLE)] == ARTICLE_TITLE


def test_cp1251_and_koi8_r_are_told_apart_on_a_short_russian_text(tmp_path):
    text = "Научно-издательский центр приглашает авторов к сотрудничеству.\n"
    for codec in ("cp1251", "koi8-r"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        doc = read_doc(path)
        assert (doc.text, doc.source["encoding"]) == (text, codec)


def test_newlines_are_kept_exactly_as_in_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Первая строка\r\nSecond line\r\n".encode("cp1251"))
    assert read_doc(path).text == "Первая строка\r\nSecond line\r\n"


def test_utf16_without_bom_is_detected(tmp_path):
    path = tmp_path / "le.txt"
    path.write_bytes(seed_text().encode("utf-16-le"))
    doc = read_doc(path)
    assert doc.text == seed_text()
    assert doc.source["encoding"].startswith("utf-16")


def test_utf16_big_endian_without_bom_is_detected(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes(seed_text().encode("utf-16-be"))
    doc = read_doc(path)
    assert doc.text == seed_text() and doc.source["encoding"] == "utf-16-be"


# Cyrillic code pages the detector must be offered: Ukrainian KOI8-U, ISO 8859-5 and DOS CP866 (made-up texts).
@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("koi8_u", "Україна та Казахстан підписали угоду про співпрацю. Її ґрунтовні положення їхні уряди обговорювали два роки. "),
        ("iso8859_5", "Шанхайская организация сотрудничества была создана в 2001 году. Её члены проводят совместные учения. "),
        ("cp866", "Шанхайская организация сотрудничества была создана в 2001 году. Её члены проводят совместные учения. "),
    ],
)
def test_cyrillic_code_pages_are_detected(tmp_path, codec, text):
    path = tmp_path / "page.txt"
    path.write_bytes((text * 3).encode(codec))
    doc = read_doc(path)
    assert doc.text == text * 3 and doc.source["encoding"].replace("-", "_") == codec


# Latin code pages read each other's texts as real letters; the reading whose accented
# letters one language's alphabet holds wins (made-up texts; French in Latin-1 once came out
# as Windows-1250 "trčs ŕ Genčve", Czech in ISO 8859-2 as Windows-1250 "předloľila").
@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("latin_1", "La délégation française a présenté un rapport très détaillé sur la coopération régionale à Genève. "),
        ("iso8859_2", "Česká delegace předložila podrobnou zprávu o regionální spolupráci v Brně a Ostravě. "),
        ("cp1250", "Delegacja przedstawiła szczegółowy raport o współpracy regionalnej w Łodzi i Gdańsku. "),
        ("cp1252", "La delegación española presentó un informe muy detallado sobre la cooperación en Málaga, señor. "),
    ],
)
def test_latin_code_pages_are_told_apart_by_alphabet(tmp_path, codec, text):
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(codec))
    assert read_doc(path).text == text


# On a short title-case phrase the detector ranks several Cyrillic code pages equal; a wrong
# one flips the case of every letter ("сЬЭСдй Щ сгдСЮС"), so each capitalised word turns into
# a lower-case letter followed by capitals, which the mojibake score counts (made-up phrases).
@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("koi8_r", "Алматы и Астана"),
        ("koi8_r", "Добрый День"),
        ("iso8859_5", "Добрый День"),
        ("iso8859_5", "Журнал Вестник"),
    ],
)
def test_case_flipped_readings_lose_on_short_title_case_phrases(codec, text):
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text and encoding.replace("-", "_") == codec


def test_the_detector_reads_only_the_first_megabyte():
    # Its cost grows with the input, so a long file is decoded whole with the encoding of its
    # first megabyte (1,048,576 bytes): here plain ASCII, read as UTF-8, which the Windows-1251
    # bytes after it are not. The refusal names the first such byte.
    head = ("The delegation presented a detailed report on regional cooperation. " * 16000)[: 1 << 20]
    tail = "Делегация представила подробный доклад. ".encode("cp1251") * 20
    with pytest.raises(UnreadableInput) as caught:
        decode_bytes(head.encode("ascii") + tail)
    assert str(caught.value) == (
        f"undecodable bytes: byte 0x{tail[0]:02x} at offset {1 << 20} is not utf-8, "
        "the encoding of the file's first megabyte; re-save it as UTF-8"
    )


def test_letters_outside_one_alphabet_counts_the_mix():
    from textmine.stages.ingest import _letters_outside_one_alphabet

    assert _letters_outside_one_alphabet("française, très détaillé à Genève") == 0
    # The Windows-1250 reading: Slovak has é č ŕ but not ç; French lacks č ŕ (three).
    assert _letters_outside_one_alphabet("française, trčs détaillé ŕ Genčve") == 1
    assert _letters_outside_one_alphabet("plain English, Москва") == 0


# --- HTML ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page_doc(tmp_path_factory) -> Document:
    path = tmp_path_factory.mktemp("html") / "catalogue.html"
    path.write_text(seed_catalogue_page(), encoding="utf-8")
    return read_doc(path)


def test_html_text_has_the_article_and_none_of_the_scripts_styles_or_comments(seed_page_doc):
    text = seed_page_doc.text
    assert seed_page_doc.source["format"] == "html"
    for paragraph in seed_text().split("\n\n")[2:30]:  # the article's title, authors and body, verbatim
        assert paragraph.strip() in text
    for hidden in ("Script text", "CSS is not text", "comment text", "noscript text", "tracking", "loadAdvert", "font-family"):
        assert hidden not in text
    assert "Все права защищены" in text  # the footer is page text (a wrapper), not dropped


def test_html_blocks_become_paragraphs_with_layout_evidence(seed_page_doc):
    text, blocks = seed_page_doc.text, seed_page_doc.annotations["html_blocks"]
    assert [text[b["start"] : b["end"]] for b in blocks] == [p for p in text.strip("\n").split("\n\n")]
    title = next(b for b in blocks if text[b["start"] : b["end"]] == ARTICLE_TITLE)
    assert title["tag"] == "h1" and title["landmarks"] == ["main", "article"]
    menu = next(b for b in blocks if text[b["start"] : b["end"]] == "Контакты")
    assert "nav" in menu["landmarks"] and menu["link_density"] == 1.0
    assert menu["path"].endswith("nav.main-menu > ul > li")
    advert = next(b for b in blocks if text[b["start"] : b["end"]].startswith("Реклама"))
    assert advert["landmarks"] == ["aside"] and "div.advert.banner-right" in advert["path"]
    # <br> inside a paragraph is a single line break, entities are decoded, whitespace collapsed
    assert "Научный мультидисциплинарный журнал\nParadigmata poznání. - 2021. - № 1" in text
    assert "Главная » Каталог » 2021" in text
    assert "в день обращения — скидка 10%!" in text


def test_html_title_meta_and_lang_are_kept_as_evidence(seed_page_doc):
    info = seed_page_doc.source["html"]
    assert info["title"] == f"{ARTICLE_TITLE} — Каталог статей"
    assert info["lang"] == "ru"
    assert info["meta"]["citation_author"] == ["Ichshanova, G. T.", "Melis, A. M."]
    assert info["meta"]["citation_journal_title"] == ["Paradigmata poznání"]
    assert info["meta"]["DC.language"] == ["en"]
    json.dumps(seed_page_doc.source)  # plain JSON


def test_html_in_windows_1251_uses_its_declared_charset(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>' \
        "<body><p>Каталог статей</p><p>Tom &amp; Jerry&#8217;s &#1046;</p></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = read_doc(path)
    assert doc.source["encoding"] == "cp1251"
    assert doc.text == "Каталог статей\n\nTom & Jerry\u2019s Ж\n"


def test_html_line_breaks_preformatted_and_hidden_content(tmp_path):
    path = tmp_path / "layout.html"
    path.write_text(
        "<table><tr><td class='left-menu'><a href='/'>Главная</a></td>"
        "<td>First paragraph<br><br>Second paragraph,<br>its second line</td></tr></table>"
        "<pre>  indented\n    code</pre><p hidden>hidden</p><p style='display: none'>none</p>"
        "<span aria-hidden='true'>icon</span><select><option>Choice</option></select>",
        encoding="utf-8",
    )
    doc = read_doc(path)
    assert doc.text == "Главная\n\nFirst paragraph\n\nSecond paragraph,\nits second line\n\n  indented\n    code\n"
    menu = doc.annotations["html_blocks"][0]
    assert menu["tag"] == "td" and menu["path"].endswith("td.left-menu") and menu["link_density"] == 1.0


def test_unknown_suffix_named_explicitly_is_sniffed_as_html_or_text(tmp_path):
    page = tmp_path / "saved_page"
    page.write_text("<!DOCTYPE html><html><body><p>Hello <b>world</b></p><script>x()</script></body></html>")
    plain = tmp_path / "notes.md"
    plain.write_text("Plain notes\n")
    assert (read_doc(page).source["format"], read_doc(page).text) == ("html", "Hello world\n")
    assert (read_doc(plain).source["format"], read_doc(plain).text) == ("txt", "Plain notes\n")


def test_html_without_visible_text_is_an_input_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body>  <!-- only a comment --> </body></html>")
    error = read_one(path)
    assert isinstance(error, InputError) and "no visible text" in error.reason


# --- JSON Lines and stdin -------------------------------------------------------------------


def test_jsonl_lines_become_documents_and_bad_lines_errors_naming_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First text."}, ensure_ascii=False),
        "",
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "../escape", "text": "x"}),
        json.dumps({"id": "d", "text": "Второй текст\u2028с разделителем"}, ensure_ascii=False),
        json.dumps({"id": "a", "text": "Another text under a used id."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = list(iter_documents([path]))

    docs = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    # An id that is a path is kept: it is escaped into a safe file name when written (textmine.runtime.output).
    assert [(d.id, d.text) for d in docs] == [("a", "First text."), ("../escape", "x"), ("d", "Второй текст\u2028с разделителем")]
    assert docs[0].source == {"path": str(path), "line": 1, "format": "jsonl", "encoding": "utf-8"}
    assert [e.path for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 8)]
    assert "not valid JSON" in errors[0].reason
    assert 'missing "text"' in errors[1].reason
    assert "JSON object" in errors[2].reason
    assert "already used by" in errors[3].reason and f"{path}:1" in errors[3].reason


def test_stdin_is_read_as_utf8_with_the_given_id_or_one_from_its_content(monkeypatch):
    text = "Каталог статей\n\nSCO and regional security issues\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    doc = next(iter(iter_documents(["-"], stdin_id="piped")))
    assert (doc.id, doc.text, doc.source) == ("piped", text, {"path": "-", "format": "txt", "encoding": "utf-8"})

    # Without a given id: "stdin-" and the start of the text's sha256, so two texts never share an id.
    ids = []
    for piped in (text, text + "Another line.\n"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped.encode("utf-8"))))
        doc = next(iter(iter_documents(["-"])))
        assert doc.id == "stdin-" + doc.text_sha256[:16]
        ids.append(doc.id)
    assert ids[0] != ids[1]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("не UTF-8".encode("cp1251"))))
    error = next(iter(iter_documents(["-"])))
    assert isinstance(error, InputError) and error.id.startswith("stdin-") and "must be UTF-8" in error.reason


# --- folders -------------------------------------------------------------------------------


def test_folders_are_read_recursively_and_other_files_skipped_with_a_note(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("English text.\n")
    (tmp_path / "sub" / "a.html").write_text("<p>Page</p>")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text('{"id": "c1", "text": "Line."}\n')
    (tmp_path / "sub" / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")

    items = list(iter_documents([tmp_path]))

    assert [item.id for item in items if isinstance(item, Document)] == ["b", "a", "c1"]
    skipped = [item for item in items if isinstance(item, SkippedInput)]
    assert [Path(s.path).name for s in skipped] == ["figure.png"] and "skipped" in skipped[0].reason
    assert len(items) == 4


def test_files_with_the_same_name_in_a_folder_get_their_relative_paths_as_ids(tmp_path):
    for folder, text in (("x", "One text.\n"), ("y", "One text.\n"), ("z", "Other text.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(f"<p>{text}</p>")
    (tmp_path / "z" / "index.txt").write_text("A third text.\n")
    (tmp_path / "z" / "unique.txt").write_text("Unique.\n")
    items = list(iter_documents([tmp_path]))
    assert [item.id for item in items] == ["x/index", "y/index", "z/index.html", "z/index.txt", "unique"]
    assert all(isinstance(item, Document) for item in items)


def test_same_id_with_another_text_is_an_error_but_an_identical_copy_is_not(tmp_path):
    for folder, text in (("x", "One text.\n"), ("y", "One text.\n"), ("z", "Other text.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_text(text)
    items = list(iter_documents([tmp_path / "x" / "doc.txt", tmp_path / "y", tmp_path / "z"]))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "InputError"]
    assert "already used by" in items[2].reason and str(tmp_path / "x" / "doc.txt") in items[2].reason


def test_empty_folder_and_unmatched_glob_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    assert "no input files" in read_one(tmp_path / "empty").reason
    assert "matches" in read_one(tmp_path / "*.nothing").reason
    (tmp_path / "g1.txt").write_text("one\n")
    (tmp_path / "g2.txt").write_text("two\n")
    assert [d.id for d in iter_documents([str(tmp_path / "g*.txt")])] == ["g1", "g2"]


# --- bad input -------------------------------------------------------------------------------

BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary file"),
    "controls.txt": (b"ELF\x7f\x01\x02\x03 header \x04\x05\x06" * 30, "binary file"),
    "broken_utf8.txt": (seed_text().encode("utf-8")[:600] + b"\xff\xfe" + seed_text().encode("utf-8")[600:], "invalid UTF-8 byte 0xff at offset 600"),
    "bad_bom.txt": (b"\xef\xbb\xbf" + "Привет".encode("cp1251"), "byte-order mark"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_files_are_input_errors_with_a_reason(tmp_path, name):
    data, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    error = read_one(path)
    assert isinstance(error, InputError) and not isinstance(error, SkippedInput)
    assert reason in error.reason
    assert error.path == str(path) and error.id == path.stem
    assert "\n" not in error.reason


def refuse_to_open(locked, monkeypatch) -> None:
    """``os.open`` of ``locked`` fails as for a file without read permission (the tests run as root, who may read
    any file: the refusal is simulated)."""
    original = os.open

    def refuse(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


def test_missing_and_unreadable_paths_are_input_errors(tmp_path, monkeypatch):
    missing = read_one(tmp_path / "nowhere.txt")
    assert isinstance(missing, InputError) and missing.reason == "no such file or directory"

    locked = tmp_path / "locked.txt"
    locked.write_text("secret\n")
    refuse_to_open(locked, monkeypatch)
    error = read_one(locked)
    assert isinstance(error, InputError) and "permission denied" in error.reason


def test_decode_bytes_never_guesses_mojibake_for_damaged_utf8():
    damaged = "Каталог статей из сборников".encode("utf-8") + b"\xc0"
    with pytest.raises(UnreadableInput, match="invalid UTF-8"):
        decode_bytes(damaged)


# --- through the command line ---------------------------------------------------------------


def test_extract_cli_reports_each_bad_input_and_still_writes_the_good_ones(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(encodable(seed_text(), "cp1251").encode("cp1251"))
    (inputs / "page.html").write_text(seed_catalogue_page(), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (inputs / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    monkeypatch.setattr(ExtractRun, "from_options", classmethod(lambda cls, **_: cls(ExtractConfig(components=("segmenter",)))))

    result = CliRunner().invoke(app, ["extract", str(inputs), str(tmp_path / "missing.txt"), "--out", str(out)])

    assert result.exit_code == 1, result.output
    problems = result.stderr.strip().split("\n")
    assert f"textmine: {inputs / 'empty.txt'}: empty file (0 bytes): nothing to extract" in problems
    assert any(p.startswith(f"textmine: {inputs / 'binary.txt'}: binary file") for p in problems)
    assert f"textmine: {tmp_path / 'missing.txt'}: no such file or directory" in problems
    assert any(p.startswith(f"textmine: {inputs / 'notes.pdf'}: skipped") for p in problems)
    assert len(problems) == 4
    assert sorted(p.name for p in out.glob("*.json")) == ["good.json", "page.json"]
    written = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert written["source"]["encoding"] == "cp1251"
    assert [(s["role"], s["lang"]) for s in written["segments"]] == [("wrapper", "ru"), ("article", "en"), ("wrapper", "ru")]


def test_extract_cli_exits_zero_when_only_notes_were_reported(tmp_path, monkeypatch):
    (tmp_path / "doc.txt").write_text("Plain English text about regional security.\n")
    (tmp_path / "README.md").write_text("not an input\n")
    monkeypatch.setattr(ExtractRun, "from_options", classmethod(lambda cls, **_: cls(ExtractConfig(components=("segmenter",)))))
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and (tmp_path / "out" / "doc.json").exists()


def test_extract_cli_reads_standard_input(tmp_path, monkeypatch):
    monkeypatch.setattr(ExtractRun, "from_options", classmethod(lambda cls, **_: cls(ExtractConfig(components=("segmenter",)))))
    result = CliRunner().invoke(app, ["extract", "-", "--out", str(tmp_path)], input=seed_text().encode("utf-8"))
    assert result.exit_code == 0, result.output
    (written_file,) = tmp_path.glob("stdin-*.json")
    written = json.loads(written_file.read_text(encoding="utf-8"))
    assert written["text"] == seed_text() and written["source"]["path"] == "-"
    assert written_file.name == written["id"] + ".json" == f"stdin-{written['text_sha256'][:16]}.json"

    result = CliRunner().invoke(app, ["extract", "-", "--out", str(tmp_path)], input=b"")
    assert result.exit_code == 1 and "textmine: -: standard input is empty" in result.stderr


# --- hostile input ---------------------------------------------------------------------------


def test_hostile_json_lines_fail_alone_and_their_neighbours_are_read(tmp_path):
    path = tmp_path / "hostile.jsonl"
    lines = [
        b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"id": ' + b"9" * 5000 + b', "text": "An integer of 5,000 digits."}',
        b'{"id": "surrogate", "text": "bad \\udc80 text"}',
        b'{"id": "escaped_nul", "text": "NUL \\u0000 here"}',
        b'{"id": "raw\x00nul", "text": "x"}',
        b'{"id": "caf\xe9", "text": "Latin-1 byte."}',
        b'{"id": "id\\udc80", "text": "A lone surrogate in the id only.", "url": "https://example.org/p", "meta": {"site": 3}}',
        b'{"id": "fine", "text": "A good line."}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_documents([path]))
    assert len(items) == len(lines)
    docs = {item.id: item for item in items if isinstance(item, Document)}
    errors = [item for item in items if isinstance(item, InputError)]
    assert set(docs) == {"id\\udc80", "fine"}
    assert docs["id\\udc80"].source["url"] == "https://example.org/p" and docs["id\\udc80"].source["meta"] == {"site": 3}
    reasons = [e.reason for e in errors]
    assert "nested too deeply" in reasons[0]
    assert "not readable JSON" in reasons[1] and "4300" in reasons[1]
    assert "lone surrogate" in reasons[2]
    assert "binary file" in reasons[3]
    assert "not valid JSON" in reasons[4]
    assert "must be UTF-8" in reasons[5]
    assert [e.path for e in errors] == [f"{path}:{n}" for n in range(1, 7)]


def test_special_files_are_refused_without_being_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone")
    (tmp_path / "fine.txt").write_text("Readable.\n")
    items = {Path(item.path if isinstance(item, InputError) else item.source["path"]).name: item for item in iter_documents([tmp_path])}
    assert "a FIFO" in items["pipe.txt"].reason and "only regular files" in items["pipe.txt"].reason
    assert "a character device" in items["zero.txt"].reason
    assert "broken symbolic link" in items["dangling.txt"].reason
    assert isinstance(items["fine.txt"], Document)
    assert "a character device" in read_one("/dev/zero").reason


def test_limits_refuse_long_documents_and_large_files_before_any_stage(tmp_path):
    from textmine.stages.ingest import InputLimits

    (tmp_path / "long.txt").write_text("word " * 1000)
    (tmp_path / "big.html").write_text("<p>" + "x" * 5000 + "</p>")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "short", "text": "ok"}) + "\n" + json.dumps({"id": "huge", "text": "y" * 9000}) + "\n"
    )
    items = list(iter_documents([tmp_path], limits=InputLimits(max_bytes=8000, max_chars=4000)))
    by_path = {item.path: item for item in items if isinstance(item, InputError)}
    assert "document too long: 5,000 characters, the limit is 4,000 (--max-chars)" in by_path[str(tmp_path / "long.txt")].reason
    assert "document too long: 5,001 characters" in by_path[str(tmp_path / "big.html")].reason
    assert "line too large" in by_path[f"{tmp_path / 'lines.jsonl'}:2"].reason
    assert [item.id for item in items if isinstance(item, Document)] == ["short"]
    (tmp_path / "long.txt").write_text("word " * 2000)
    error = read_one_limited(tmp_path / "long.txt", InputLimits(max_bytes=5000))
    assert "file too large: 10,000 bytes, the limit is 5,000 (--max-bytes)" in error.reason


def read_one_limited(path: Path, limits) -> Document | InputError:
    (item,) = list(iter_documents([path], limits=limits))
    return item


def test_deep_and_attribute_heavy_html(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div><span>" * 20_000 + "Deep text." + "</span></div>" * 20_000)
    (tmp_path / "attrs.html").write_text("<p " + " ".join(f'a{i}="v"' for i in range(50_000)) + ">x</p>")
    deep = read_doc(tmp_path / "deep.html")
    assert deep.text == "Deep text.\n"
    assert "50,000 attributes" in read_one(tmp_path / "attrs.html").reason


def test_file_names_that_are_not_utf8_give_printable_ids(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("A name in Latin-1.\n")
    doc = read_doc(tmp_path / name)
    assert doc.id == "caf\\xe9" and doc.source["path"].endswith("caf\\xe9.txt")
    doc.to_json().encode("utf-8")


def test_a_file_read_here_and_parsed_elsewhere_gives_the_same_document(tmp_path):
    from textmine.stages.ingest import InputFile, InputLimits, iter_inputs, load_input

    (tmp_path / "page.html").write_text(seed_catalogue_page(), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (item,) = [i for i in iter_inputs([tmp_path / "page.html"]) if isinstance(i, InputFile)]
    shipped = item.with_data(InputLimits())
    assert shipped.data is not None
    assert load_input(shipped).to_json() == load_input(item).to_json()
    fifo = InputFile(str(tmp_path / "pipe.txt"), str(tmp_path / "pipe.txt"), "txt", "pipe", "k")
    assert "a FIFO" in fifo.with_data(InputLimits()).reason


# --- mutants that survived (docs/testing.md) ---------------------------------------------------


def test_counting_inputs_counts_stdin_once_and_every_json_line(tmp_path):
    from textmine.stages.ingest import count_inputs

    (tmp_path / "ended.jsonl").write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n')
    (tmp_path / "unended.jsonl").write_text('{"id": "c", "text": "x"}\n{"id": "d", "text": "y"}')
    (tmp_path / "empty.jsonl").write_text("")  # read, it is one error record
    os.mkfifo(tmp_path / "pipe.jsonl")  # refused without reading: one error record
    assert count_inputs([tmp_path / "ended.jsonl"]) == 2
    assert count_inputs([tmp_path / "unended.jsonl"]) == 2
    assert count_inputs([tmp_path / "empty.jsonl"]) == 1
    assert count_inputs([tmp_path / "pipe.jsonl"]) == 1
    assert count_inputs(["-"]) == 1
    assert count_inputs([tmp_path / "ended.jsonl", "-"]) == 3


def test_a_json_line_id_may_have_500_characters_and_not_more(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps({"id": "i" * n, "text": "Some text."}) for n in (500, 501)) + "\n")
    accepted, refused = iter_documents([path])
    assert isinstance(accepted, Document) and len(accepted.id) == 500
    assert isinstance(refused, InputError) and refused.reason == 'line 2: "id" too long: 501 characters, at most 500'


def test_a_used_id_error_says_both_would_share_an_output_file():
    from textmine.stages.ingest import claim_id

    used: dict = {}
    first = Document(id="doc", text="One text.", source={"path": "/in/a/doc.txt"})
    other = Document(id="doc", text="Another text.", source={"path": "/in/b/doc.txt"})
    assert claim_id(used, first) is None and claim_id(used, first) is None
    error = claim_id(used, other)
    assert error.path == "/in/b/doc.txt" and error.reason == (
        "document id 'doc' is already used by /in/a/doc.txt (another text); "
        "both would be written to the same output file: rename one"
    )


def test_a_file_gone_between_listing_and_reading_is_an_input_error(tmp_path):
    from textmine.stages.ingest import InputFile, iter_inputs

    (tmp_path / "a.txt").write_text("First.\n")
    (tmp_path / "b.txt").write_text("Second.\n")
    items = iter_inputs([tmp_path])
    first = next(items)
    (tmp_path / "b.txt").unlink()  # the folder was listed before this file was looked at
    gone = next(items)
    assert isinstance(first, InputFile)
    assert isinstance(gone, InputError) and gone.reason == "no such file or directory" and gone.path.endswith("b.txt")


def test_a_skipped_file_does_not_make_an_input_share_its_name(tmp_path):
    (tmp_path / "article.txt").write_text("The article.\n")
    (tmp_path / "article.pdf").write_bytes(b"%PDF-1.4")
    items = list(iter_documents([tmp_path]))
    docs = [item for item in items if isinstance(item, Document)]
    assert [doc.id for doc in docs] == ["article"]
    assert [type(item) for item in items if not isinstance(item, Document)] == [SkippedInput]


def test_two_files_differing_only_in_suffix_keep_their_suffixes_in_the_ids(tmp_path):
    (tmp_path / "doc.txt").write_text("The plain text.\n")
    (tmp_path / "doc.html").write_text("<p>The page.</p>")
    assert sorted(item.id for item in iter_documents([tmp_path])) == ["doc.html", "doc.txt"]


def test_a_special_file_error_names_its_kind_and_the_rule(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    error = read_one(tmp_path / "pipe.txt")
    assert isinstance(error, InputError) and error.reason == "not a regular file (a FIFO (named pipe)): only regular files are read"


def test_standard_input_over_the_byte_limit_is_refused_with_the_size_read(monkeypatch):
    from textmine.stages.ingest import InputLimits

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 50)))
    (error,) = list(iter_documents(["-"], stdin_id="piped", limits=InputLimits(max_bytes=10)))
    # Reading stops one byte past the limit: the size is a lower bound, hence "over".
    assert isinstance(error, InputError) and (error.path, error.id) == ("-", "piped")
    assert error.reason == "standard input too large: over 11 bytes, the limit is 10 (--max-bytes); split it or raise the limit"


def test_a_file_over_the_byte_limit_gets_the_whole_message(tmp_path):
    from textmine.stages.ingest import InputLimits

    (tmp_path / "big.txt").write_text("word " * 20)
    error = read_one_limited(tmp_path / "big.txt", InputLimits(max_bytes=50))
    assert error.reason == "file too large: 100 bytes, the limit is 50 (--max-bytes); split it or raise the limit"


def test_inputs_with_nothing_to_extract_say_why(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t\n")
    (tmp_path / "blank.html").write_text("<html><body><script>var x;</script></body></html>")
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    assert read_one(tmp_path / "blank.txt").reason == "the file contains only whitespace: nothing to extract"
    assert read_one(tmp_path / "blank.html").reason == "the HTML page has no visible text: nothing to extract"
    error = read_one(tmp_path / "blank.jsonl")
    assert isinstance(error, InputError) and (error.reason, error.id) == ("empty file: no JSON lines to read", "blank")


def test_htm_and_xhtml_files_in_a_folder_are_read_as_html(tmp_path):
    (tmp_path / "a.htm").write_text("<html><body><p>First page.</p></body></html>")
    (tmp_path / "b.xhtml").write_text("<html><body><p>Second page.</p></body></html>")
    docs = list(iter_documents([tmp_path]))
    assert [(d.id, d.text.strip()) for d in docs] == [("a", "First page."), ("b", "Second page.")]


def test_an_empty_folder_lists_the_supported_suffixes(tmp_path):
    (tmp_path / "empty").mkdir()
    error = read_one(tmp_path / "empty")
    assert error.reason == "folder contains no input files (.htm, .html, .jsonl, .txt, .xhtml)"
    assert error.id is None  # the error belongs to no document


def test_default_limits_are_200000_characters_and_20_mb(tmp_path):
    (tmp_path / "longest.txt").write_text("a" * 199_999 + "\n")
    assert len(read_doc(tmp_path / "longest.txt").text) == 200_000
    (tmp_path / "too_long.txt").write_text("a" * 200_000 + "\n")
    assert "200,001 characters, the limit is 200,000" in read_one(tmp_path / "too_long.txt").reason
    (tmp_path / "too_big.txt").write_bytes(b"a" * 20_000_001)
    assert read_one(tmp_path / "too_big.txt").reason.startswith("file too large: 20,000,001 bytes, the limit is 20,000,000 ")


def test_input_limits_are_immutable():
    # One default InputLimits() is shared by every call that does not pass its own.
    limits = InputLimits()
    with pytest.raises(dataclasses.FrozenInstanceError):
        limits.max_chars = 10


def test_input_limits_must_be_at_least_1():
    assert InputLimits(max_bytes=1, max_chars=1).max_bytes == 1
    for limits in ({"max_bytes": 0}, {"max_chars": 0}):
        with pytest.raises(ValueError) as info:
            InputLimits(**limits)
        assert str(info.value) == "the input limits (--max-bytes, --max-chars) must be at least 1"


def test_printable_names_escape_undecodable_bytes_and_other_lone_surrogates():
    from textmine.stages.ingest import printable

    # os.fsdecode maps an undecodable byte NN to U+DCNN (NN from 80 to FF); other lone surrogates keep \\u.
    assert printable("a\udc80b\udcff") == "a\\x80b\\xff"
    assert printable("\udc7f\udd00") == "\\udc7f\\udd00"


def test_utf32_big_endian_with_bom_is_read(tmp_path):
    path = tmp_path / "be32.txt"
    path.write_bytes(codecs.BOM_UTF32_BE + seed_text().encode("utf-32-be"))
    assert read_doc(path).text == seed_text()


def test_a_file_that_cannot_be_opened_is_an_error_with_the_reason(tmp_path):
    from textmine.stages.ingest import InputFile

    gone = InputFile(str(tmp_path / "gone.txt"), str(tmp_path / "gone.txt"), "txt", "gone", "k")
    assert gone.with_data(InputLimits()).reason.startswith("cannot read file: ")


def test_an_id_conflict_does_not_stop_the_inputs_after_it(tmp_path):
    for folder, text in (("x", "One text.\n"), ("y", "Other text.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_text(text)
    (tmp_path / "later.txt").write_text("Read after the conflict.\n")
    items = list(iter_documents([tmp_path / "x" / "doc.txt", tmp_path / "y" / "doc.txt", tmp_path / "later.txt"]))
    assert [type(item).__name__ for item in items] == ["Document", "InputError", "Document"]
    assert items[2].id == "later"


def test_counting_inputs_adds_every_file_line_and_error_of_several_paths(tmp_path):
    from textmine.stages.ingest import count_inputs

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("One.\n")
    (folder / "b.html").write_text("<p>Two.</p>")
    (folder / "c.jsonl").write_text('{"id": "c1", "text": "x"}\n{"id": "c2", "text": "y"}\n{"id": "c3", "text": "z"}\n')
    (folder / "notes.pdf").write_bytes(b"%PDF")  # skipped, but it is a record of the run: counted once
    # 1 + 1 + 3 + 1 from the folder, then one error record for each missing path
    assert count_inputs([folder]) == 6
    assert count_inputs([folder, tmp_path / "missing.txt", tmp_path / "gone.txt"]) == 8
    assert count_inputs([tmp_path / "missing.txt", folder / "a.txt", folder / "b.html"]) == 3


def test_counting_the_lines_of_a_json_lines_file_larger_than_one_read(tmp_path):
    from textmine.stages.ingest import READ_CHUNK, count_inputs

    line = json.dumps({"id": "x", "text": "A line of a large JSON Lines file."}) + "\n"
    lines = READ_CHUNK // len(line) * 3  # about three reads
    (tmp_path / "large.jsonl").write_text(line * lines)
    assert count_inputs([tmp_path / "large.jsonl"]) == lines


def test_walking_reports_links_and_special_files_as_errors_with_exact_reasons_and_goes_on(tmp_path):
    from textmine.stages.ingest import InputFile, iter_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_dangling.txt").symlink_to(tmp_path / "gone")
    (folder / "b_loop.txt").symlink_to(folder / "b_loop.txt")  # os.stat fails with "too many levels of symbolic links"
    os.mkfifo(folder / "c_pipe.txt")
    (folder / "d_fine.txt").write_text("Readable.\n")
    items = list(iter_inputs([folder]))
    assert [type(item) for item in items] == [InputError, InputError, InputError, InputFile]
    dangling, loop, pipe, fine = items
    assert dangling.reason == "broken symbolic link (its target does not exist)" and dangling.id == "a_dangling"
    assert loop.reason.startswith("cannot read file: ") and loop.id == "b_loop"
    # refused while walking, before any worker opens it
    assert pipe.reason == "not a regular file (a FIFO (named pipe)): only regular files are read"
    info = os.stat(folder / "d_fine.txt")
    assert fine.key == f"file:{info.st_size}:{info.st_mtime_ns}"  # size and modification time, as resumed batches compare them
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone")  # named on its own, not found in a folder
    (top,) = iter_inputs([tmp_path / "dangling.txt"])
    assert top.reason == "broken symbolic link (its target does not exist)" and top.id == "dangling"


def test_a_double_star_pattern_finds_files_at_any_depth(tmp_path):
    from textmine.stages.ingest import iter_inputs

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "top.txt").write_text("Top.\n")
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep.\n")
    found = sorted(Path(item.path).name for item in iter_inputs([str(tmp_path / "**" / "*.txt")]))
    assert found == ["deep.txt", "top.txt"]


def test_each_kind_of_special_file_is_named_exactly():
    import stat

    from textmine.stages.ingest import _not_regular

    def kind(mode: int) -> str | None:
        return _not_regular(os.stat_result((mode, 0, 0, 1, 0, 0, 0, 0, 0, 0)))

    rule = "only regular files are read"
    assert kind(stat.S_IFREG | 0o644) is None
    assert kind(stat.S_IFCHR) == f"not a regular file (a character device): {rule}"
    assert kind(stat.S_IFBLK) == f"not a regular file (a block device): {rule}"
    assert kind(stat.S_IFSOCK) == f"not a regular file (a socket): {rule}"
    assert kind(stat.S_IFDIR) == f"not a regular file (a folder): {rule}"
    assert kind(0) == f"not a regular file (a special file): {rule}"


def test_a_socket_in_a_folder_is_refused_while_walking(tmp_path):
    import socket

    from textmine.stages.ingest import iter_inputs

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "live.txt"))
        (error,) = iter_inputs([tmp_path])
    finally:
        server.close()
    assert error.reason == "not a regular file (a socket): only regular files are read"


def test_folder_and_pattern_errors_have_exact_reasons(tmp_path, monkeypatch):
    from textmine.stages.ingest import SUPPORTED_SUFFIXES_TEXT, InputFile, iter_inputs

    # A folder holding files, none of them an input: each is skipped, then the folder is an error.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.pdf").write_bytes(b"%PDF")
    skipped, empty = iter_inputs([tmp_path / "notes"])
    assert isinstance(skipped, SkippedInput) and skipped.id == "draft"
    assert skipped.reason == f"skipped: not an input file (inputs are {SUPPORTED_SUFFIXES_TEXT})"
    assert (empty.path, empty.reason) == (str(tmp_path / "notes"), f"folder contains no input files ({SUPPORTED_SUFFIXES_TEXT})")
    # A pattern names its files explicitly: any suffix is read (sniffed), none is skipped.
    (tmp_path / "notes" / "draft.dat").write_text("Plain text with another suffix.\n")
    (named,) = iter_inputs([str(tmp_path / "notes" / "draft.d*")])
    assert isinstance(named, InputFile) and (named.id, named.fmt) == ("draft", None)
    (unmatched,) = iter_inputs([str(tmp_path / "*.nothing")])
    assert (unmatched.reason, unmatched.id) == ("no file or folder matches this pattern", None)

    # A subfolder that cannot be listed is named itself, not the folder given.
    (tmp_path / "tree" / "locked").mkdir(parents=True)
    (tmp_path / "tree" / "a.txt").write_text("Readable.\n")
    locked = str(tmp_path / "tree" / "locked")
    original = os.scandir

    def refuse(path="."):  # the tests run as root, who may list any folder: simulate the refusal
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return original(path)

    monkeypatch.setattr(os, "scandir", refuse)
    found, refused = iter_inputs([tmp_path / "tree"])
    assert isinstance(found, InputFile) and found.id == "a"
    assert (refused.path, refused.reason) == (locked, "cannot read folder: permission denied (check the file's read permission)")


def test_a_pattern_matching_files_of_one_name_in_two_folders_ids_them_by_folder(tmp_path):
    from textmine.stages.ingest import iter_inputs

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_text(f"In {folder}.\n")
    assert [item.id for item in iter_inputs([str(tmp_path / "*" / "doc.txt")])] == ["a/doc", "b/doc"]


# --- reading JSON Lines line by line (bounded: a loop that never ends fails at once) ------------


class EndOfFileGuard(io.BytesIO):
    """A file that fails the test when read at its end more than twice.

    A reader that loops at the end of the file (rereading it, or yielding empty lines for ever)
    would otherwise hang the test until a time limit; this stops it at the third read.
    """

    reads_at_end = 0

    def readline(self, size: int | None = -1) -> bytes:
        return self._counted(super().readline(size))

    def read(self, size: int | None = -1) -> bytes:
        return self._counted(super().read(size))

    def _counted(self, data: bytes) -> bytes:
        if not data:
            self.reads_at_end += 1
            assert self.reads_at_end <= 2, "the file was read at its end again and again (a loop that never ends)"
        return data


def json_lines(data: bytes, max_bytes: int) -> list[tuple[int, bytes, int]]:
    from itertools import islice

    from textmine.stages.ingest import _lines

    # islice bounds a reader that yields for ever; the guard, one that reads for ever.
    return list(islice(_lines(EndOfFileGuard(data), max_bytes), 20))


def test_json_lines_are_numbered_and_an_empty_file_has_none():
    assert json_lines(b"", 10) == []
    assert json_lines(b"one\n\ntwo\n", 10) == [(1, b"one\n", 0), (2, b"\n", 0), (3, b"two\n", 0)]
    # The last line may lack its newline; a line of exactly max_bytes (newline included) is read.
    assert json_lines(b"123456789\nlast", 10) == [(1, b"123456789\n", 0), (2, b"last", 0)]
    assert json_lines(b"1234567890", 10) == [(1, b"1234567890", 0)]
    # The newline ends a line and is not counted against the limit.
    assert json_lines(b"1234567890\nnext\n", 10) == [(1, b"1234567890\n", 0), (2, b"next\n", 0)]


def test_counting_json_lines_reads_the_file_to_its_end_once(monkeypatch):
    import contextlib

    from textmine.stages import ingest

    files = {"ended": b"a\nb\nc\n", "unended": b"a\nb\nc", "empty": b""}
    monkeypatch.setattr(ingest, "_open_regular", lambda name: contextlib.nullcontext(EndOfFileGuard(files[name])))
    assert [ingest._count_lines(name) for name in files] == [3, 3, 1]


def test_an_over_long_json_line_is_skipped_with_its_size_and_the_next_lines_are_read():
    # 25 bytes and its newline: skipped unread in chunks, counted whole, numbered; the next lines follow.
    assert json_lines(b"x" * 25 + b"\nnext\n", 10) == [(1, b"", 26), (2, b"next\n", 0)]
    assert json_lines(b"a\n" + b"x" * 11 + b"\n" + b"y" * 30 + b"\nb\n", 10) == [
        (1, b"a\n", 0), (2, b"", 12), (3, b"", 31), (4, b"b\n", 0)
    ]
    # One byte over the limit and no newline: the file ends inside the skipped line.
    assert json_lines(b"ok\n" + b"z" * 11, 10) == [(1, b"ok\n", 0), (2, b"", 11)]
    assert json_lines(b"z" * 25, 10) == [(1, b"", 25)]


# --- limits, standard input and strings (survivors of the round 8 mutation run) ----------------


def test_opening_a_fifo_does_not_wait_for_a_writer(tmp_path):
    import threading

    from textmine.stages.ingest import read_limited

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    refused: list[str] = []

    def read() -> None:
        try:
            read_limited(str(fifo), 100)
        except UnreadableInput as exc:
            refused.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    waited = reader.is_alive()
    if waited:  # opened without O_NONBLOCK, open() waits for a writer: be one, so that the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
    assert not waited, "opening a FIFO for reading waited for a writer"
    assert refused == ["not a regular file (a FIFO (named pipe)): only regular files are read"]


def test_a_file_of_exactly_max_bytes_is_read_whole(tmp_path):
    from textmine.stages.ingest import read_limited

    (tmp_path / "exact.txt").write_bytes(b"0123456789")
    assert read_limited(str(tmp_path / "exact.txt"), 10) == b"0123456789"
    with pytest.raises(UnreadableInput) as caught:
        read_limited(str(tmp_path / "exact.txt"), 9)
    assert str(caught.value) == "file too large: 10 bytes, the limit is 9 (--max-bytes); split it or raise the limit"


def test_a_file_that_grows_past_the_limit_while_read_is_refused_with_the_bytes_read(tmp_path, monkeypatch):
    from textmine.stages import ingest

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 50)
    real_fstat = os.fstat

    def before_growth(fd):  # the size when the file was opened; 50 bytes were written since
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid, info.st_gid, 5, 0, 0, 0))

    monkeypatch.setattr(ingest.os, "fstat", before_growth)
    with pytest.raises(UnreadableInput) as caught:
        ingest.read_limited(str(path), 10)
    # Reading stops one byte past the limit: the size is a lower bound, hence "over".
    assert str(caught.value) == "file too large: over 11 bytes, the limit is 10 (--max-bytes); split it or raise the limit"


def test_a_file_that_cannot_be_read_says_so_before_the_reason(tmp_path, monkeypatch):
    from textmine.stages import ingest

    path = tmp_path / "locked.txt"
    path.write_text("secret\n")
    (item,) = ingest.iter_inputs([path])

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ingest, "read_limited", refuse)
    error = ingest.load_input(item)
    assert (error.path, error.reason, error.id) == (str(path), "cannot read file: permission denied (check the file's read permission)", "locked")


@pytest.mark.parametrize(
    ("problem", "reason"),
    [
        (RecursionError, "cannot read file: structure nested too deeply to process"),
        (MemoryError, "cannot read file: not enough memory to read it; split it or lower --max-bytes"),
    ],
)
def test_load_input_turns_exhaustion_into_an_input_error(tmp_path, monkeypatch, problem, reason):
    from textmine.stages import ingest

    path = tmp_path / "page.html"
    path.write_text("<p>A page.</p>")
    (item,) = ingest.iter_inputs([path])

    def exhausted(*args, **kwargs):  # what a pathological page does to the parser
        raise problem()

    monkeypatch.setattr(ingest, "_build_document", exhausted)
    error = ingest.load_input(item)
    assert isinstance(error, InputError) and (error.path, error.reason, error.id) == (str(path), reason, "page")


def piped(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_standard_input_errors_are_exact_and_named_by_the_bytes_sha256(monkeypatch):
    import hashlib

    piped(monkeypatch, b"")
    (empty,) = iter_documents(["-"])
    assert (empty.path, empty.reason, empty.id) == ("-", "standard input is empty: nothing to extract", "stdin-" + hashlib.sha256(b"").hexdigest()[:16])
    data = "не UTF-8".encode("cp1251")
    piped(monkeypatch, data)
    (error,) = iter_documents(["-"])
    assert (error.path, error.id) == ("-", "stdin-" + hashlib.sha256(data).hexdigest()[:16])
    assert error.reason == "undecodable bytes: standard input must be UTF-8, but byte 0xed at offset 0 is not"


def test_standard_input_of_exactly_max_bytes_is_read(monkeypatch):
    piped(monkeypatch, b"0123456789")
    (doc,) = iter_documents(["-"], stdin_id="piped", limits=InputLimits(max_bytes=10))
    assert isinstance(doc, Document) and doc.text == "0123456789"


def test_standard_input_without_a_byte_buffer_is_read_as_text(monkeypatch):
    # A replaced sys.stdin (a test harness, an embedding program) may be a text stream only.
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ünïcode text from a text stream.\n"))
    (doc,) = iter_documents(["-"], stdin_id="text")
    assert (doc.text, doc.source) == ("Ünïcode text from a text stream.\n", {"path": "-", "format": "txt", "encoding": "utf-8"})


def test_standard_input_too_deep_to_process_is_an_input_error(monkeypatch):
    from textmine.stages import ingest

    def exhausted(*args, **kwargs):
        raise RecursionError()

    monkeypatch.setattr(ingest, "_build_document", exhausted)
    piped(monkeypatch, b"<html><body>deep</body></html>")
    (error,) = iter_documents(["-"], stdin_id="deep")
    assert (error.path, error.reason, error.id) == ("-", "standard input is nested too deeply to process", "deep")


def test_a_string_becomes_a_document_named_by_its_sha256():
    from textmine.document import sha256_text
    from textmine.stages.ingest import document_from_text

    text = "The delegation met in Astana in May 2019.\n"
    doc = document_from_text(text)
    assert (doc.id, doc.text, doc.source) == (f"text_{sha256_text(text)[:16]}", text, {"format": "txt"})
    assert document_from_text(text, "given").id == "given"
    page = document_from_text("<html><body><p>A page given as a string.</p></body></html>")
    assert page.source["format"] == "html" and page.text.strip() == "A page given as a string."
    with pytest.raises(UnreadableInput) as caught:
        document_from_text(" \n ")
    assert str(caught.value) == "the text is empty: nothing to extract"


def test_an_empty_file_error_is_exact(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_one(tmp_path / "empty.txt").reason == "empty file (0 bytes): nothing to extract"


def test_a_plain_text_file_quoting_a_charset_declaration_is_not_read_with_it(tmp_path):
    # Only HTML declares its charset; a .txt that mentions one (a web developer's notes) is detected.
    text = 'Разметка страницы начинается со строки <meta charset="koi8-r">, но этот файл сохранён в другой кодировке.\n'
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode("cp1251"))
    doc = read_doc(path)
    assert (doc.text, doc.source["encoding"]) == (text, "cp1251")


# --- JSON Lines records and decoding: exact reasons (survivors of the round 8 mutation run) ------


def jsonl_items(tmp_path: Path, lines: list[bytes], limits: InputLimits = InputLimits()) -> tuple[Path, list]:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path, list(iter_documents([path], limits=limits))


def test_each_bad_json_line_has_its_exact_reason_and_id(tmp_path):
    path, items = jsonl_items(tmp_path, [
        b'{"id": "a", "text": "unterminated',
        b'["not", "an", "object"]',
        b'{"text": "No id."}',
        b'{"id": true, "text": "A boolean id."}',
        b'{"id": ["x"], "text": "A list id."}',
        b'{"id": "  ", "text": "A blank id."}',
        b'{"id": "b"}',
        b'{"id": "c", "text": " \\n "}',
        b'{"id": "d", "text": "bad \\udc80 text"}',
        b'{"id": "e", "text": "a control \\u0001 character"}',
        b'{"id": ' + b"9" * 5000 + b', "text": "An integer of 5,000 digits."}',
        b'{"id": "caf\xe9", "text": "Latin-1 byte."}',
        b'{"id": "g", "text": "Fine.", "url": "https://example.org/\\udc80"}',
        b'{"id": 7, "text": "A number is an id."}',
    ])
    expected = [
        ("line 1: not valid JSON (Invalid control character at at column 34)", None),
        ('line 2: expected a JSON object {"id": ..., "text": ...}', None),
        ('line 3: missing or empty "id" (a string)', None),
        ('line 4: missing or empty "id" (a string)', None),
        ('line 5: missing or empty "id" (a string)', None),
        ('line 6: missing or empty "id" (a string)', "  "),
        ('line 7: missing "text" (a string)', "b"),
        ('line 8: "text" is empty: nothing to extract', "c"),
        ('line 9: "text" holds a lone surrogate (\\udc80 at character 4), which is not Unicode text; repair the producer of this file', "d"),
        ("line 10: binary file (control characters in the JSON text), not a text document", "e"),
        ("line 11: not readable JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
         "use sys.set_int_max_str_digits() to increase the limit)", None),
        ("line 12: undecodable bytes: JSON Lines must be UTF-8, but byte 0xe9 at offset 11 is not", None),
        ('line 13: "url" or "meta" is not valid Unicode JSON (lone surrogate, too deep or too large)', "g"),
    ]
    errors = items[:-1]
    assert [(e.path, e.reason, e.id) for e in errors] == [(f"{path}:{n}", reason, id_) for n, (reason, id_) in enumerate(expected, 1)]
    assert isinstance(items[-1], Document) and items[-1].id == "7"


def test_json_nested_too_deeply_has_its_exact_reason(tmp_path):
    path, (error,) = jsonl_items(tmp_path, [b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"])
    assert error.reason == "line 1: JSON nested too deeply to read"


def test_a_json_line_over_the_byte_limit_is_one_error_and_the_next_lines_are_read(tmp_path):
    short = b'{"id": "short", "text": "ok"}'
    path, items = jsonl_items(tmp_path, [b'{"id": "huge", "text": "' + b"y" * 100 + b'"}', short], InputLimits(max_bytes=60))
    error, doc = items
    assert (error.path, error.reason) == (f"{path}:1", "line 1: line too large: over 127 bytes, the limit is 60 (--max-bytes); split it or raise the limit")
    assert isinstance(doc, Document) and (doc.id, doc.source["line"]) == ("short", 2)
    # A file holding only an over-long line has that one error, not also "empty file".
    path, items = jsonl_items(tmp_path, [b'{"id": "huge", "text": "' + b"y" * 100 + b'"}'], InputLimits(max_bytes=60))
    assert [item.path for item in items] == [f"{path}:1"]


def test_a_utf8_byte_order_mark_is_skipped_on_the_first_json_line_only(tmp_path):
    path, items = jsonl_items(tmp_path, [codecs.BOM_UTF8 + b'{"id": "a", "text": "First."}', codecs.BOM_UTF8 + b'{"id": "b", "text": "Second."}'])
    first, second = items
    assert isinstance(first, Document) and first.text == "First."
    assert second.reason == "line 2: not valid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig) at column 1)"


def test_a_json_lines_file_that_cannot_be_opened_is_one_error_with_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "locked.jsonl"
    path.write_text('{"id": "a", "text": "Secret."}\n')
    refuse_to_open(path, monkeypatch)
    (error,) = iter_documents([path])
    assert (error.path, error.reason, error.id) == (str(path), "cannot read file: permission denied (check the file's read permission)", "locked")


def test_os_errors_are_given_by_their_description(tmp_path):
    from textmine.stages.ingest import InputFile

    gone = InputFile(str(tmp_path / "gone.txt"), str(tmp_path / "gone.txt"), "txt", "gone", "k")
    assert gone.with_data(InputLimits()).reason == "cannot read file: no such file or directory"


def test_bad_encodings_have_exact_reasons():
    def reason(data: bytes) -> str:
        with pytest.raises(UnreadableInput) as caught:
            decode_bytes(data)
        return str(caught.value)

    assert reason(codecs.BOM_UTF16_LE + b"a\x00\x00\xdc") == (
        "undecodable bytes: starts with a UTF-16 byte-order mark but bytes from offset 4 are not UTF-16; repair or re-save the file"
    )
    # The offset is the file's, the mark's three bytes included.
    assert reason(codecs.BOM_UTF8 + b"ab\xff") == (
        "undecodable bytes: starts with a UTF-8 byte-order mark but bytes from offset 5 are not UTF-8; repair or re-save the file"
    )
    assert reason("Каталог статей".encode("utf-8") + b"\xff") == (
        "undecodable bytes: invalid UTF-8 byte 0xff at offset 27 in an otherwise UTF-8 file; repair or re-save it as UTF-8"
    )
    assert reason(b"A header\x00\x01 and NUL bytes\x00") == "binary file (contains NUL bytes), not a text document"
    assert reason(b"ELF\x7f\x01\x02 header") == "binary file (control characters in the utf-8 text), not a text document"
    # Not UTF-8, and every reading has control characters (the odd length rules out UTF-16).
    assert reason(b"\xff\x01" * 100 + b"\xff") == (
        "undecodable bytes: not valid UTF-8 and no supported encoding fits "
        "(UTF-16/32, Windows-1251, KOI8-R, ISO 8859-5, CP866, Windows-1250/1252, Latin-1); re-save it as UTF-8"
    )
    assert reason(b"\x81\x00\x98\x00" * 33 + b"\x81") == "binary file (contains NUL bytes), not a text document"


def test_standard_input_with_a_byte_order_mark_is_read_without_it(monkeypatch):
    piped(monkeypatch, codecs.BOM_UTF8 + "Текст с меткой порядка байтов.\n".encode("utf-8"))
    (doc,) = iter_documents(["-"], stdin_id="bom")
    assert (doc.text, doc.source["encoding"]) == ("Текст с меткой порядка байтов.\n", "utf-8-sig")
    piped(monkeypatch, codecs.BOM_UTF8 + b"ab\xff")
    (error,) = iter_documents(["-"], stdin_id="bad")
    assert error.reason == "undecodable bytes: standard input must be UTF-8, but byte 0xff at offset 5 is not"


def test_a_russian_text_with_one_accidental_utf8_sequence_is_still_detected():
    # «Г» in Windows-1251 is AB C3 BB, and C3 BB is well-formed UTF-8 ("û"): one such pair
    # does not make a file "damaged UTF-8" while as many bytes or more are not UTF-8.
    for text in ("Компания «Г» зарегистрирована в Москве.", "The brand «Г» is registered."):
        assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_utf32_without_a_mark_needs_half_of_its_bytes_nul():
    # Cyrillic letters in UTF-32 have exactly two NUL bytes of four.
    assert decode_bytes("Привет".encode("utf-32-le")) == ("Привет", "utf-32-le")
    # Bytes that happen to be valid UTF-32 (characters beyond U+FFFF) with three NULs in eight are binary.
    with pytest.raises(UnreadableInput, match="NUL bytes"):
        decode_bytes(b"AB\x01\x00A\x00\x01\x00" * 16)


def test_document_too_long_has_the_whole_message(tmp_path):
    (tmp_path / "long.txt").write_text("word " * 10)
    error = read_one_limited(tmp_path / "long.txt", InputLimits(max_chars=20))
    assert error.reason == "document too long: 50 characters, the limit is 20 (--max-chars); split it or raise the limit"


def test_the_mojibake_score_counts_each_sign_of_a_wrong_code_page():
    from textmine.stages.ingest import _mojibake_score

    assert _mojibake_score("Plain English words here, Москва") == 0
    assert _mojibake_score("ЖурналВестник") == 1  # a capital inside a word
    assert _mojibake_score("poznбnн") == 7  # a word mixing Latin and Cyrillic counts all its letters
    assert _mojibake_score("Ďĺđâŕ") == 5 + 2  # accented letters where most are; đ and â are in no alphabet with ď ĺ ŕ
    assert (_mojibake_score("où"), _mojibake_score("été")) == (0, 2)  # accented letters count only as a majority
    for sign in ("™", "˙", "ʹ", "\ue000"):  # symbol, modifier symbol, modifier letter, private use
        assert _mojibake_score(f"a {sign} b") == 1, sign
    # The signs add up over the words of a text.
    assert _mojibake_score("ЖурналВестник poznбnн Ďĺđâŕ") == 1 + 7 + 5 + 2


def test_the_mojibake_score_reads_at_most_65536_characters_of_each_reading(monkeypatch):
    # The score's cost grows with the text; the detector's readings of a long file are scored on their start.
    from textmine.stages import ingest

    scored: list[int] = []
    real_score = ingest._mojibake_score

    def recording(text: str) -> int:
        scored.append(len(text))
        return real_score(text)

    monkeypatch.setattr(ingest, "_mojibake_score", recording)
    text = "Делегация представила подробный доклад о региональном сотрудничестве. " * 1000
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")
    assert scored and max(scored) == 65536


def test_a_declared_charset_is_not_tried_on_bytes_with_nul(tmp_path):
    # Declared UTF-16, these Windows-1251 bytes would read as Chinese-looking text; the NUL byte makes them binary.
    page = '<html><head><meta charset="utf-16"><title>Новости</title></head><body><p>Саммит в Астане.</p>\x00</body></html>'
    assert len(page) % 2 == 0  # (an odd length could not be read as UTF-16 at all)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    assert read_one(path).reason == "binary file (contains NUL bytes), not a text document"
