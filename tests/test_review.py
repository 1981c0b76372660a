"""textmine show: the review page holds every entity and relation, marks differences as evaluate counts them,
and renders in a real headless browser (Chromium from Debian's packages; scripts/chromium.sh installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation, Segment
from textmine.evaluation.evaluate import evaluate_documents
from textmine.review.page import diff_document, render_page
from textmine.training.corpus import load_gold_documents

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["extract", str(ROOT / "corpus/raw/000_53fded65e5fbe7f9.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "000_53fded65e5fbe7f9.json"


@pytest.fixture(scope="module")
def page(seed_output, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "review.html"
    result = runner.invoke(app, ["show", str(seed_output), "--diff", str(ROOT / "corpus/gold"), "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path


def check_dom(tree: HTMLParser, doc: Document) -> None:
    """Every entity and relation of ``doc`` is in the page, and the text reads as the document's."""
    section = tree.css_first(f'section.doc[data-doc="{doc.id}"]')
    assert section is not None
    shown = Counter(node.attributes["data-entity"] for node in section.css("mark[data-entity]") if "cont" not in node.attributes["class"])
    assert shown == Counter(e.id for e in doc.entities)
    for ent in doc.entities:
        pieces = section.css(f'mark[data-entity="{ent.id}"]')
        assert "".join(p.text(deep=True) for p in pieces) == ent.text
        assert pieces[0].attributes["data-label"] == ent.label
    relations = section.css("ol.relations li.rel")
    assert [(li.attributes["data-relation"], li.attributes["data-label"]) for li in relations] == [(r.id, r.label) for r in doc.relations]
    assert section.css_first(".text").text(deep=True) == doc.text


def test_page_holds_everything_and_is_self_contained(page, seed_output):
    from textmine.formats.textmine_json import read

    (doc,) = read(seed_output)
    html = page.read_text(encoding="utf-8")
    tree = HTMLParser(html)
    check_dom(tree, doc)
    # Offline: no external script, style sheet, font or image.
    assert not tree.css("script[src], link, img, iframe") and "@import" not in html and "url(http" not in html
    roles = [seg.attributes["data-role"] for seg in tree.css("div.segment") if "cont" not in seg.attributes["class"]]
    assert roles == [s.role for s in doc.segments]
    header = tree.css_first(".doc-meta").text()
    assert doc.metadata["title"] in header and doc.metadata["authors"][0]["name"] in header
    date = next(e for e in doc.entities if e.label == "DATE" and e.value)
    mark = tree.css_first(f'mark[data-entity="{date.id}"]')
    assert mark.attributes["data-value"] == date.value and f"value: {date.value}" in mark.attributes["title"]
    rel = next(r for r in doc.relations if r.confidence is not None)
    item = tree.css_first(f'li[data-relation="{rel.id}"]').text()
    assert f"confidence {rel.confidence:.2f}" in item and f"source {rel.source}" in item


def test_diff_counts_what_evaluate_counts(page, seed_output):
    from textmine.formats.textmine_json import read

    (pred,) = read(seed_output)
    (gold,) = load_gold_documents()
    report = evaluate_documents({gold.id: gold}, {pred.id: pred})
    strict = report["entities"]["strict"]["micro"]
    kinds = Counter(err["kind"] for err in report["errors"]["entities"])
    tree = HTMLParser(page.read_text(encoding="utf-8"))
    marks = Counter(m.attributes["data-diff"] for m in tree.css("mark[data-diff]") if "cont" not in m.attributes["class"])
    assert marks["tp"] == strict["correct"]
    assert marks["fp"] == strict["spurious"]
    assert marks["label"] == kinds["wrong_label"]
    assert marks["boundary"] == kinds["wrong_boundary"] + kinds["wrong_label_and_boundary"]
    missed = [m for m in tree.css("section.doc span.missed") if "cont" not in m.attributes["class"]]
    assert len(missed) == strict["missed"]
    mention = report["relations"]["mention"]["micro"]
    relation_marks = Counter(li.attributes.get("data-diff") for li in tree.css("li.rel"))
    assert (relation_marks["tp"], relation_marks["fp"], relation_marks["fn"]) == (mention["tp"], mention["fp"], mention["fn"])


def test_diff_marks_each_kind_of_error_in_an_unseen_document():
    text = "Delegates from Chile met in Lima in 2011 with Mercosur officials."
    gold = Document(id="d", text=text, entities=[
        Entity("T1", 15, 20, "LOC", "Chile"), Entity("T2", 28, 32, "LOC", "Lima"),
        Entity("T3", 36, 40, "DATE", "2011", value="2011"), Entity("T4", 46, 54, "ORG", "Mercosur"),
    ], relations=[Relation("R1", "member_of", "T1", "T4")])
    pred = Document(id="d", text=text, entities=[
        Entity("T1", 0, 9, "ORG", "Delegates"), Entity("T2", 15, 20, "LOC", "Chile"),
        Entity("T3", 28, 32, "ORG", "Lima"), Entity("T4", 46, 64, "ORG", "Mercosur officials"),
    ], relations=[Relation("R1", "member_of", "T2", "T4", confidence=0.61, source="classifier")])
    diff = diff_document(gold, pred)
    assert diff.entity_status == {"T1": "fp", "T2": "tp", "T3": "label", "T4": "boundary"}
    assert [e.text for e in diff.missed_entities] == ["2011"]
    assert diff.relation_status == {"R1": "fp"} and [(l, h.text, t.text) for l, h, t in diff.missed_relations] == [("member_of", "Chile", "Mercosur")]
    check_dom(HTMLParser(render_page([pred], {"d": gold})), pred)


def test_crossing_annotations_are_split_into_well_formed_pieces():
    text = "The Shanghai Cooperation Organisation summit"
    doc = Document(id="x", text=text, segments=[Segment(0, 12, "en", "wrapper"), Segment(12, len(text), "en", "article")],
                   entities=[Entity("T1", 4, 37, "ORG", "Shanghai Cooperation Organisation")])
    html = render_page([doc])
    tree = HTMLParser(html)
    assert len(tree.css('mark[data-entity="T1"]')) == 2 and len(tree.css("#d0-T1")) == 1
    check_dom(tree, doc)


def test_gold_files_are_shown_with_their_raw_text(tmp_path):
    result = runner.invoke(app, ["show", str(ROOT / "corpus/gold"), "--out", str(tmp_path / "gold.html")])
    assert result.exit_code == 0, result.output
    check_dom(HTMLParser((tmp_path / "gold.html").read_text(encoding="utf-8")), load_gold_documents()[0])
    result = runner.invoke(app, ["show", str(tmp_path / "missing"), "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "no such file or directory" in result.output


def chromium() -> str | None:
    return os.environ.get("TEXTMINE_TEST_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]


def run_chromium(binary: str, page: Path, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=180, check=True,
        )


@pytest.mark.skipif(chromium() is None, reason="no chromium on PATH: scripts/test.sh installs Debian's (bash scripts/chromium.sh)")
def test_page_in_headless_chromium(page, seed_output, tmp_path):
    from textmine.formats.textmine_json import read

    (doc,) = read(seed_output)
    dom = run_chromium(chromium(), page, "--virtual-time-budget=5000", "--dump-dom").stdout
    tree = HTMLParser(dom)
    check_dom(tree, doc)
    # The script ran in the browser: every relation is an arc or marked as too far apart for one.
    arcs = tree.css("svg.arcs path[data-relation]")
    far = tree.css("li.rel.far")
    assert arcs and len(arcs) + len(far) == len(doc.relations)
    screenshot = tmp_path / "review.png"
    run_chromium(chromium(), page, "--window-size=1280,1400", f"--screenshot={screenshot}")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
