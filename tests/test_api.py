"""The Python API: textmine.load, the extractor on texts, Documents and paths, pipe(), spaCy conversion, docs."""

from __future__ import annotations

import inspect
import json
import re
import shutil
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

import textmine
from textmine import Document, Entity, Relation
from textmine.cli import app
from textmine import UnreadableInput

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
# Not the seed page: a made-up journal page and a plain article (tests/fixtures/pages/README.md).
HTML_PAGE = PAGES / "journal_site.html"
TEXT_PAGE = PAGES / "plain_article.txt"
SENTENCE = "The Shanghai Cooperation Organisation held its summit in Astana on 4 July 2024."


@pytest.fixture(scope="module")
def extractor() -> textmine.Extractor:
    return textmine.load()


def test_a_default_extractor_takes_a_plain_string():
    doc = textmine.Extractor(textmine.ExtractConfig(components=("segmenter", "date_values")))("Signed in Paris in March 1999.")
    assert isinstance(doc, Document) and doc.text == "Signed in Paris in March 1999."
    assert doc.id.startswith("text_") and doc.source == {"format": "txt"}
    assert [s.role for s in doc.segments] == ["article"]


def test_a_string_gives_entities_with_exact_offsets(extractor):
    doc = extractor(SENTENCE)
    found = {(e.text, e.label) for e in doc.entities}
    assert {("Astana", "LOC"), ("4 July 2024", "DATE")} <= found
    assert all(doc.text[e.start : e.end] == e.text for e in doc.entities)
    assert next(e.value for e in doc.entities if e.label == "DATE") == "2024-07-04"
    # the same text gets the same id
    assert extractor(SENTENCE).id == doc.id


def test_a_path_gives_what_the_command_writes(extractor, tmp_path):
    result = CliRunner().invoke(app, ["extract", str(HTML_PAGE), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / f"{HTML_PAGE.stem}.json").read_text(encoding="utf-8"))
    assert extractor(HTML_PAGE).to_dict() == written


def test_pipe_takes_texts_documents_files_and_folders_in_order(extractor, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(TEXT_PAGE, folder / "a.txt")
    shutil.copy(HTML_PAGE, folder / "b.html")
    (folder / "notes.csv").write_text("not an input\n", encoding="utf-8")
    given = Document(id="mine", text="Delegates from Kazakhstan met in Geneva in 2019.")
    docs = list(extractor.pipe([SENTENCE, given, TEXT_PAGE, folder], batch_size=2))
    assert [d.id for d in docs] == [extractor(SENTENCE).id, "mine", TEXT_PAGE.stem, "a", "b"]
    assert docs[1] is given and docs[1].entities
    # batching changes nothing
    assert docs[2].to_dict() == extractor(TEXT_PAGE).to_dict()


def test_unreadable_inputs_raise_with_the_reason(extractor, tmp_path):
    with pytest.raises(UnreadableInput, match="empty"):
        extractor("   \n")
    with pytest.raises(UnreadableInput, match="no such file"):
        extractor(tmp_path / "missing.txt")
    with pytest.raises(TypeError, match="pathlib.Path"):
        extractor(42)
    with pytest.raises(ValueError, match="name of a file.*pathlib.Path"):
        extractor(str(TEXT_PAGE))
    lines = tmp_path / "two.jsonl"
    lines.write_text('{"id": "a", "text": "Paris."}\n{"id": "b", "text": "Rome."}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="2 documents.*pipe"):
        extractor(lines)
    assert [d.id for d in extractor.pipe([lines])] == ["a", "b"]


def test_load_passes_the_command_options_and_component_settings():
    extractor = textmine.load(components=("segmenter",), min_confidence=0.4, batch_size=3, settings={"segmenter": {}})
    assert extractor.config.components == ("segmenter",)
    assert extractor.config.settings["relations"] == {"min_confidence": 0.4}
    assert extractor.config.settings["ner"] == {"backend": "spacy"}
    assert extractor.config.batch_size == 3
    assert [c.name for c in extractor.components] == ["segmenter"]


def test_spacy_round_trip_keeps_the_whole_document(extractor):
    doc = extractor(HTML_PAGE)
    assert doc.entities and doc.relations
    spacy_doc = doc.to_spacy()
    assert spacy_doc.text == doc.text
    assert [(s.start_char, s.end_char, s.label_) for s in spacy_doc.ents] == [(e.start, e.end, e.label) for e in doc.entities]
    data = spacy_doc.user_data["textmine"]
    assert data["relations"] == [r.to_dict() for r in doc.relations] and data["metadata"] == doc.metadata
    assert Document.from_spacy(spacy_doc).to_dict() == doc.to_dict()
    # spaCy's own serialisation keeps it
    from spacy.tokens import Doc

    restored = Doc(spacy_doc.vocab).from_bytes(spacy_doc.to_bytes())
    assert Document.from_spacy(restored).to_dict() == doc.to_dict()


def test_tokens_are_split_at_entity_boundaries_inside_a_token():
    doc = Document(id="d", text="See MGIMO.ru now", entities=[Entity("T1", 4, 9, "ORG", "MGIMO")])
    nlp = spacy.blank("en")
    assert nlp.make_doc(doc.text)[1].text == "MGIMO.ru"  # one token: the split is needed
    spacy_doc = doc.to_spacy(nlp)
    assert [(s.text, s.label_) for s in spacy_doc.ents] == [("MGIMO", "ORG")]
    assert [t.text for t in spacy_doc] == ["See", "MGIMO", ".ru", "now"]
    assert spacy_doc.text == doc.text


def test_overlapping_entities_cannot_become_doc_ents():
    doc = Document(id="d", text="New York City", entities=[Entity("T1", 0, 8, "LOC", "New York"), Entity("T2", 4, 13, "LOC", "York City")])
    with pytest.raises(ValueError, match="overlap"):
        doc.to_spacy()


def test_entities_edited_in_spacy_come_back_with_the_relations_that_still_hold():
    text = "Dr Ivanova of Tomsk University visited Minsk."
    doc = Document(
        id="d",
        text=text,
        entities=[Entity("T1", 3, 10, "PERSON", "Ivanova"), Entity("T2", 14, 30, "ORG", "Tomsk University"), Entity("T3", 39, 44, "LOC", "Minsk", source="gazetteer")],
        relations=[Relation("R1", "affiliated_with", "T1", "T2", confidence=0.9), Relation("R2", "located_in", "T2", "T3")],
    )
    spacy_doc = doc.to_spacy()
    spacy_doc.ents = [spacy_doc.ents[0], spacy_doc.ents[2], spacy_doc.char_span(14, 19, label="LOC")]  # drop the ORG, add Tomsk
    back = Document.from_spacy(spacy_doc)
    assert [(e.id, e.text, e.label, e.source) for e in back.entities] == [
        ("T1", "Ivanova", "PERSON", None), ("T2", "Tomsk", "LOC", None), ("T3", "Minsk", "LOC", "gazetteer"),
    ]
    assert back.relations == []  # both relations had the removed ORG as an argument


def test_a_doc_from_any_spacy_pipeline_converts():
    nlp = spacy.blank("en")
    spacy_doc = nlp.make_doc("Talks in Oslo.")
    spacy_doc.ents = [spacy_doc.char_span(9, 13, label="GPE")]
    doc = Document.from_spacy(spacy_doc)
    assert doc.text == "Talks in Oslo." and doc.id.startswith("text_")
    assert [(e.id, e.text, e.label) for e in doc.entities] == [("T1", "Oslo", "GPE")]


def test_readme_notebook_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    assert len([line for line in code.splitlines() if line.strip()]) <= 5
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    doc, spacy_doc = namespace["doc"], namespace["spacy_doc"]
    assert doc.entities and len(spacy_doc.ents) == len(doc.entities)
    assert Document.from_spacy(spacy_doc).to_dict() == doc.to_dict()


PUBLIC_API = [textmine.load, textmine.Extractor, textmine.ExtractConfig, Document, Entity, Relation, textmine.Segment]


@pytest.mark.parametrize("obj", PUBLIC_API, ids=lambda o: o.__name__)
def test_public_api_has_docstrings(obj):
    assert inspect.getdoc(obj) and not inspect.getdoc(obj).startswith(obj.__name__ + "(")  # not dataclass's generated one
    if inspect.isclass(obj):
        for name, member in vars(obj).items():
            if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, (property, classmethod))):
                assert inspect.getdoc(getattr(obj, name)), f"{obj.__name__}.{name} has no docstring"
    assert set(textmine.__all__) >= {"load", "Extractor", "ExtractConfig", "Document", "Entity", "Relation"}
