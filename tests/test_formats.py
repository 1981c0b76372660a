"""textmine convert: every format keeps every entity, relation and offset, on the seed gold and Re-DocRED."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation
from textmine.evaluation.validate import validate_paths
from textmine.formats import FORMATS, ConversionError, read_documents, write_documents
from textmine.formats.tokens import aligned_pieces
from textmine.training.corpus import load_gold_documents
from textmine.training.redocred import load_documents

runner = CliRunner()
# Where each format writes: a file or a folder.
TARGET = {"json": "out", "spacy": "docs.spacy", "doccano": "docs.jsonl", "labelstudio": "tasks.json", "brat": "brat", "conll": "docs.bio", "csv": "tables"}
# Formats that hold the whole document (in their own fields or a free-form field they keep).
LOSSLESS = ("json", "spacy", "doccano", "labelstudio", "csv")


@pytest.fixture(scope="module")
def corpora() -> dict[str, list[Document]]:
    return {"seed gold": load_gold_documents(), "Re-DocRED (100 docs)": load_documents()[:100]}


@pytest.fixture(scope="module")
def seed_output() -> Document:
    """A real extraction: sources, confidences, canonical names, the entities index and metadata references."""
    from textmine.runtime.extract import Extractor

    gold = load_gold_documents()[0]
    return Extractor()(Document(id=gold.id, text=gold.text))


def spans(doc: Document):
    by_id = doc.entity_by_id()
    entities = sorted((e.start, e.end, e.label, e.text) for e in doc.entities)
    relations = sorted((r.label, by_id[r.head].start, by_id[r.head].end, by_id[r.tail].start, by_id[r.tail].end) for r in doc.relations)
    return entities, relations


def raw_dir(tmp_path: Path, docs: list[Document]) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir(exist_ok=True)
    for doc in docs:
        (folder / f"{doc.id}.txt").write_bytes(doc.text.encode("utf-8"))
    return folder


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("corpus", ["seed gold", "Re-DocRED (100 docs)"])
def test_round_trip_keeps_every_entity_relation_and_offset(name, corpus, corpora, tmp_path):
    docs = corpora[corpus]
    assert sum(len(d.relations) for d in docs) > 30
    dropped = write_documents(name, docs, tmp_path / TARGET[name])
    back = read_documents(name, tmp_path / TARGET[name], raw_dir(tmp_path, docs))
    assert [d.id for d in back] == [d.id for d in docs]
    for original, copy in zip(docs, back):
        assert copy.text == original.text
        assert all(copy.text[e.start : e.end] == e.text for e in copy.entities)
        entities, relations = spans(original)
        assert spans(copy)[0] == entities
        if name == "conll":
            assert copy.relations == []
        else:
            assert spans(copy)[1] == relations
        if name in LOSSLESS:
            assert copy.to_dict() == original.to_dict()
        else:
            values = sorted((e.start, e.value) for e in original.entities if e.label == "DATE")
            if name == "brat":
                assert sorted((e.start, e.value) for e in copy.entities if e.label == "DATE") == values
                assert [(e.source, e.canonical) for e in copy.entities] == [(e.source, e.canonical) for e in original.entities]
    if name == "conll":
        assert f"conll cannot hold relations: {sum(len(d.relations) for d in docs)} dropped" in dropped
    elif name == "brat" and corpus == "seed gold":
        assert "brat cannot hold segments: 3 dropped" in dropped and "brat cannot hold metadata: 1 dropped" in dropped
    elif name in LOSSLESS:
        assert dropped == []


@pytest.mark.parametrize("name", ["spacy", "doccano", "labelstudio", "brat", "csv"])
def test_round_trip_of_an_extraction_keeps_its_attributes(name, seed_output, tmp_path):
    assert seed_output.entities_index and any(r.confidence is not None for r in seed_output.relations)
    write_documents(name, [seed_output], tmp_path / TARGET[name])
    (copy,) = read_documents(name, tmp_path / TARGET[name])
    original = seed_output.to_dict()
    if name == "brat":
        # BRAT keeps the text, entities (with values, canonical names, sources, confidences) and relations only.
        for key in ("entities_index", "provenance", "source"):
            original.pop(key, None)
        original["segments"], original["metadata"] = [], {}
    assert copy.to_dict() == original


def test_spacy_docbin_splits_tokens_only_where_an_entity_needs_it():
    text = "The O'Shaughnessy Dam opened in late-2003."
    inside = Entity("T1", text.index("Shaughnessy"), text.index(" opened"), "LOC", "Shaughnessy Dam")
    words, spaces = aligned_pieces(text, [inside])
    assert "".join(w + " " * s for w, s in zip(words, spaces)) == text
    assert words[:4] == ["The", "O'", "Shaughnessy", "Dam"] and "late-2003" in words


def test_label_studio_export_with_corrections_is_valid_gold(tmp_path):
    text = "Trade talks 🙂 between Chile and MERCOSUR opened in Montevideo on 3 May 2011."
    doc = Document(id="ls_example", text=text)
    doc.entities = [
        Entity("T1", text.index("Chile"), text.index("Chile") + 5, "LOC", "Chile"),
        Entity("T2", text.index("MERCOSUR"), text.index("MERCOSUR") + 8, "ORG", "MERCOSUR"),
        Entity("T3", text.index("Montevideo"), text.index("Montevideo") + 10, "ORG", "Montevideo", source="spacy", confidence=0.4),
    ]
    doc.relations = [Relation("R1", "member_of", "T1", "T2", confidence=0.7, source="classifier")]
    write_documents("labelstudio", [doc], tmp_path / "tasks.json")
    assert (tmp_path / "tasks.json.config.xml").read_text().count("<Label ") == 5
    (task,) = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    result = task["predictions"][0]["result"]
    # UTF-16 offsets: the emoji before the entities counts twice in Label Studio.
    assert result[0]["value"]["start"] == text.index("Chile") + 1
    # The annotator fixes Montevideo's label, adds the date, and a cancelled annotation is ignored.
    corrected = [dict(r) for r in result]
    corrected[2] = {**corrected[2], "value": {**corrected[2]["value"], "labels": ["LOC"]}}
    start = text.index("3 May 2011") + 1
    corrected.append({"id": "x7Yz", "from_name": "label", "to_name": "text", "type": "labels",
                      "value": {"start": start, "end": start + 10, "text": "3 May 2011", "labels": ["DATE"]}})
    task["annotations"] = [
        {"id": 1, "result": corrected, "was_cancelled": False, "updated_at": "2026-01-02T10:00:00Z"},
        {"id": 2, "result": [], "was_cancelled": True, "updated_at": "2026-01-03T10:00:00Z"},
    ]
    (tmp_path / "export.json").write_text(json.dumps([task]), encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "labelstudio", "--to", "json", str(tmp_path / "export.json"), str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    assert validate_paths([tmp_path / "gold"]) == []
    data = json.loads((tmp_path / "gold" / "ls_example.json").read_text(encoding="utf-8"))
    assert [(e["text"], e["label"]) for e in data["entities"]] == [("Chile", "LOC"), ("MERCOSUR", "ORG"), ("Montevideo", "LOC"), ("3 May 2011", "DATE")]
    assert data["entities"][3]["value"] == "2011-05-03"
    assert data["relations"] == [{"id": "R1", "label": "member_of", "head": "T1", "tail": "T2", "confidence": 0.7, "source": "classifier"}]


def test_doccano_export_without_textmine_fields_is_valid_gold(tmp_path):
    text = "In March 1991, Argentina, Brazil, Paraguay and Uruguay founded MERCOSUR in Asunción."
    names = [("March 1991", "DATE"), ("Argentina", "LOC"), ("Brazil", "LOC"), ("MERCOSUR", "ORG"), ("Asunción", "LOC")]
    # What doccano exports: its own ids, no textmine record.
    line = {"id": 42, "text": text, "Comments": [], "relations": [{"id": 7, "from_id": 101, "to_id": 103, "type": "member_of"}],
            "entities": [{"id": 100 + i, "label": label, "start_offset": text.index(n), "end_offset": text.index(n) + len(n)} for i, (n, label) in enumerate(names)]}
    (tmp_path / "export.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "doccano", "--to", "json", str(tmp_path / "export.jsonl"), str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    assert validate_paths([tmp_path / "gold"]) == []
    data = json.loads((tmp_path / "gold" / "doccano_42.json").read_text(encoding="utf-8"))
    assert data["entities"][0]["value"] == "1991-03"
    assert data["relations"] == [{"id": "R1", "label": "member_of", "head": "T2", "tail": "T4"}]


def test_convert_says_what_the_target_drops_and_what_is_not_valid(tmp_path, corpora):
    result = runner.invoke(app, ["convert", "--from", "json", "--to", "conll", "corpus/gold", str(tmp_path / "seed.bio")])
    assert result.exit_code == 0, result.output
    assert "conll cannot hold relations: 39 dropped" in result.output
    # An annotator labelled NATO as a place and made it the tail of member_of: written, and reported.
    bad = {"id": 3, "text": "Lisbon joined NATO.", "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "member_of"}],
           "entities": [{"id": 1, "label": "LOC", "start_offset": 0, "end_offset": 6}, {"id": 2, "label": "LOC", "start_offset": 14, "end_offset": 18}]}
    (tmp_path / "bad.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "doccano", "--to", "json", str(tmp_path / "bad.jsonl"), str(tmp_path / "o")])
    assert result.exit_code == 1 and "not valid gold: doccano_3: relations[0]" in result.output
    assert validate_paths([tmp_path / "o"]) != []
    result = runner.invoke(app, ["convert", "--from", "nope", "--to", "json", "corpus/gold", str(tmp_path / "o")])
    assert result.exit_code == 2 and "unknown format 'nope'" in result.output


def test_gold_without_text_needs_its_raw_text(tmp_path):
    gold = json.loads(Path("corpus/gold/000_53fded65e5fbe7f9.json").read_text(encoding="utf-8"))
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "g.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(ConversionError, match="use --raw DIR"):
        read_documents("json", tmp_path / "gold")
    assert len(read_documents("json", tmp_path / "gold", Path("corpus/raw"))[0].entities) == 182


@pytest.mark.parametrize("name", FORMATS)
def test_unusual_whitespace_and_characters_keep_their_offsets(name, tmp_path):
    text = "Talks in Astana\xa0(Kazakhstan)\r\nand a\u2028break 🙂 before Tbilisi,\tGeorgia\n\nin late-2003."
    names = [("Astana", "LOC"), ("Kazakhstan", "LOC"), ("Tbilisi", "LOC"), ("Georgia", "LOC"), ("late-2003", "DATE")]
    doc = Document(id="odd", text=text, entities=[
        Entity(f"T{i}", text.index(n), text.index(n) + len(n), label, n, value="2003" if label == "DATE" else None)
        for i, (n, label) in enumerate(names, 1)
    ], relations=[Relation("R1", "located_in", "T3", "T4")])
    write_documents(name, [doc], tmp_path / TARGET[name])
    (copy,) = read_documents(name, tmp_path / TARGET[name], raw_dir(tmp_path, [doc]))
    assert copy.text == text and spans(copy)[0] == spans(doc)[0]
    assert spans(copy)[1] == ([] if name == "conll" else spans(doc)[1])
