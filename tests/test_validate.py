"""`textmine validate`: every rule of the gold/output format, with the file and field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation, Segment
from textmine.evaluation.validate import validate_data, validate_paths

TEXT = "Привет.\nThe SCO held the Bishkek summit in 2007 in Kyrgyzstan.\r\nA. M. Melis, University of International Business\n"


def _span(mention: str) -> tuple[int, int]:
    start = TEXT.index(mention)
    return start, start + len(mention)


def _document() -> Document:
    entities = [
        Entity("T1", *_span("SCO"), "ORG", "SCO"),
        Entity("T2", *_span("Bishkek summit"), "EVENT", "Bishkek summit"),
        Entity("T3", *_span("2007"), "DATE", "2007", value="2007"),
        Entity("T4", *_span("Kyrgyzstan"), "LOC", "Kyrgyzstan"),
        Entity("T5", *_span("A. M. Melis"), "PERSON", "A. M. Melis"),
        Entity("T6", *_span("University of International Business"), "ORG", "University of International Business"),
    ]
    relations = [
        Relation("R1", "participant_in", "T1", "T2"),
        Relation("R2", "held_on", "T2", "T3"),
        Relation("R3", "held_in", "T2", "T4"),
        Relation("R4", "affiliated_with", "T5", "T6"),
    ]
    article_start = TEXT.index("The SCO")
    return Document(
        id="doc",
        text=TEXT,
        segments=[Segment(0, article_start, "ru", "wrapper"), Segment(article_start, len(TEXT), "en", "article")],
        entities=entities,
        relations=relations,
        metadata={
            "authors": [{"name": "A. M. Melis", "entity": "T5", "orcid": "0000-0003-1779-2078", "affiliation_entity": "T6"}],
            "references": [{"number": 1, "text": "Bishkek summit", "start": _span("Bishkek summit")[0], "end": _span("Bishkek summit")[1]}],
        },
    )


def valid_data() -> dict:
    return _document().to_dict()


def _problems(data: dict, raw_dir: Path | None = None, path: Path = Path("gold/doc.json")) -> dict[str, str]:
    return dict(validate_data(data, path, raw_dir))


def test_valid_document_has_no_problems():
    assert validate_data(valid_data(), Path("doc.json")) == []


def _edited(edit) -> dict:
    data = copy.deepcopy(valid_data())
    edit(data)
    return data


@pytest.mark.parametrize(
    "edit, field, words",
    [
        (lambda d: d["entities"][1].update(id="T1"), "entities[1].id", "duplicate id 'T1'"),
        (lambda d: d["relations"][1].update(id="R1"), "relations[1].id", "duplicate id 'R1'"),
        (lambda d: d["entities"][0].update(start=d["entities"][0]["start"] + 1), "entities[0].text", "'SCO' but text["),
        (lambda d: d["entities"][0].update(end=10_000), "entities[0].end", "past the end of the text"),
        (lambda d: d["entities"][0].update(end=d["entities"][0]["start"]), "entities[0].end", "not after start"),
        (lambda d: d["entities"][0].update(label="GPE"), "entities[0].label", "'GPE' is not one of"),
        (lambda d: d["entities"][2].pop("value"), "entities[2].value", "missing"),
        (lambda d: d["relations"][3].update(label="observer_of"), "relations[3].label", "observer_of is not allowed from PERSON to ORG"),
        (lambda d: d["relations"][2].update(label="held_on"), "relations[2].label", "held_on is not allowed from EVENT to LOC"),
        (lambda d: d["relations"][0].update(head="T9"), "relations[0].head", "no entity with id 'T9'"),
        (lambda d: d["relations"][0].update(head="T2", tail="T2"), "relations[0]", "links T2 to itself"),
        (lambda d: d["relations"].append({**d["relations"][0], "id": "R9"}), "relations[4]", "duplicate of relations[0]"),
        (lambda d: d.update(text_sha256="0" * 64), "text_sha256", "does not match the text"),
        (lambda d: d["segments"][1].update(start=d["segments"][1]["start"] + 2), "segments[1].start", "gap before it"),
        (lambda d: d["segments"][1].update(start=d["segments"][1]["start"] - 2), "segments[1].start", "overlaps the previous segment"),
        (lambda d: d["segments"][1].update(end=d["segments"][1]["end"] - 1), "segments[1].end", "the text at"),
        (lambda d: d["segments"][0].update(lang="xx"), "segments[0].lang", "'xx' is not an ISO 639-1 code"),
        (lambda d: d["segments"][0].update(role="navigation"), "segments[0].role", "is not one of wrapper, article"),
        (lambda d: d["metadata"]["authors"][0].update(entity="T42"), "metadata.authors[0].entity", "no entity with id 'T42'"),
        (lambda d: d["metadata"]["authors"][0].update(orcid="0000-0003-1779-2079"), "metadata.authors[0].orcid", "check digit"),
        (lambda d: d["metadata"]["references"][0].update(start=0), "metadata.references[0].text", "does not equal text[0:"),
    ],
)
def test_each_rule_names_the_field(edit, field, words):
    problems = _problems(_edited(edit))
    assert field in problems, problems
    assert words in problems[field]


def test_allowed_relation_types_pass_and_alias_needs_equal_labels():
    data = _edited(lambda d: d["relations"].append({"id": "R5", "label": "alias_of", "head": "T1", "tail": "T6"}))
    assert _problems(data) == {}
    data = _edited(lambda d: d["relations"].append({"id": "R5", "label": "alias_of", "head": "T1", "tail": "T4"}))
    assert "alias_of is not allowed from ORG to LOC" in _problems(data)["relations[4].label"]
    # Symmetric relations stated in both directions are one relation stated twice.
    data = _edited(lambda d: d["relations"].extend(
        [{"id": "R5", "label": "partner_of", "head": "T1", "tail": "T6"}, {"id": "R6", "label": "partner_of", "head": "T6", "tail": "T1"}]
    ))
    assert "duplicate of relations[4]" in _problems(data)["relations[5]"]


def test_crossing_nested_and_overlapping_spans_are_reported():
    start, end = _span("Bishkek summit")
    nested = _edited(lambda d: d["entities"].append({"id": "T7", "start": start, "end": start + 7, "label": "LOC", "text": "Bishkek"}))
    assert _problems(nested)["entities[1]"] == "T2 'Bishkek summit' [25:39] overlaps T7 'Bishkek' [25:32]"
    overlapping = _edited(
        lambda d: d["entities"].append({"id": "T7", "start": start + 8, "end": end + 3, "label": "EVENT", "text": TEXT[start + 8 : end + 3]})
    )
    assert "overlaps T2" in _problems(overlapping)["entities[6]"]
    adjacent = _edited(lambda d: d["entities"].append({"id": "T7", "start": end, "end": end + 1, "label": "LOC", "text": TEXT[end]}))
    assert not any("overlaps" in message for message in _problems(adjacent).values())


def test_entities_index_must_cover_entities_with_matching_canonical():
    def add_index(d):
        for ent in d["entities"]:
            ent["canonical"] = ent["text"]
        d["entities_index"] = [
            {"id": f"E{i}", "label": ent["label"], "canonical": ent["text"], "mentions": [ent["id"]]} for i, ent in enumerate(d["entities"], 1)
        ]

    assert _problems(_edited(add_index)) == {}

    def broken_index(d):
        add_index(d)
        d["entities_index"][0]["canonical"] = "Shanghai Cooperation Organization"  # T1 still says "SCO"
        d["entities_index"][1]["mentions"].append("T1")  # in two records, and an ORG in an EVENT record
        d["entities_index"].pop()  # T6 in no record
        d["entities_index"][3]["id"] = "E2"  # the key of another record

    problems = validate_data(_edited(broken_index), Path("doc.json"))
    messages = [f"{field}: {message}" for field, message in problems]
    assert any("entities_index[0].mentions[0]: T1 has canonical 'SCO'" in m for m in messages)
    assert any("entities_index[1].mentions[1]: T1 is already in entities_index[0]" in m for m in messages)
    assert any("entities_index[1].mentions[1]: T1 is ORG, the record EVENT" in m for m in messages)
    assert any(m.startswith("entities[5]: T6 is in no entities_index record") for m in messages)
    assert "entities_index[3].id: duplicate id 'E2' (entities_index[1])" in messages
    assert not any(m.startswith(("entities_index[0].id", "entities_index[1].id", "entities_index[2].id")) for m in messages)


# ------------------------------------------------------------------ finding the text, files and the CLI


def _gold_without_text() -> dict:
    data = valid_data()
    del data["text"]
    return data


def _write_raw(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # Bytes, so that the \r\n stays as it is: offsets count it.
    (folder / "doc.txt").write_bytes(TEXT.encode("utf-8"))


def test_gold_without_text_reads_sibling_raw_folder(tmp_path):
    gold = tmp_path / "corpus" / "gold"
    gold.mkdir(parents=True)
    (gold / "doc.json").write_text(json.dumps(_gold_without_text()), encoding="utf-8")
    assert validate_paths([gold]) == [f"{gold / 'doc.json'}: text: no text field and no raw text at {tmp_path / 'corpus' / 'raw' / 'doc.txt'} (use --raw DIR); offsets and text_sha256 not checked"]
    _write_raw(tmp_path / "corpus" / "raw")
    assert validate_paths([gold]) == []


def test_gold_without_text_reads_raw_option_and_checks_offsets_against_it(tmp_path):
    path = tmp_path / "doc.json"
    data = _gold_without_text()
    data["entities"][3]["start"] += 1  # "yrgyzstan" no longer matches
    path.write_text(json.dumps(data), encoding="utf-8")
    _write_raw(tmp_path / "texts")
    problems = validate_paths([path], raw_dir=tmp_path / "texts")
    assert len(problems) == 1 and problems[0].startswith(f"{path}: entities[3].text: 'Kyrgyzstan' but text[")


def test_folders_jsonl_bad_json_missing_paths_and_duplicate_ids(tmp_path):
    folder = tmp_path / "out"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_text(json.dumps(valid_data()), encoding="utf-8")
    broken = _edited(lambda d: d["entities"][0].update(label="NORP"))
    (folder / "sub" / "stream.jsonl").write_text(json.dumps({**valid_data(), "id": "other"}) + "\n" + json.dumps(broken) + "\n", encoding="utf-8")
    (folder / "bad.json").write_text("{", encoding="utf-8")
    (folder / "notes.txt").write_text("not a document", encoding="utf-8")
    problems = validate_paths([folder, tmp_path / "missing"])
    assert any(p.startswith(f"{folder / 'bad.json'}: invalid JSON") for p in problems)
    assert any(p.startswith(f"{folder / 'sub' / 'stream.jsonl'}:2: entities[0].label: 'NORP'") for p in problems)
    assert any(p.startswith(f"{folder / 'sub' / 'stream.jsonl'}:2: id: document id 'doc' also in {folder / 'a.json'}") for p in problems)
    assert f"{tmp_path / 'missing'}: no such file or directory" in problems
    assert not any("notes.txt" in p for p in problems)
    assert len(problems) == 4


def test_output_files_are_checked_against_the_output_schema(tmp_path):
    data = valid_data()
    data["provenance"] = {"pipeline_version": "0.1.0", "components": [{"name": "ner"}]}
    problems = _problems(data)
    assert "metadata.title" in problems and "provenance" in problems


def test_cli_validate_exit_codes(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(valid_data()), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and "all files valid" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_edited(lambda d: d["entities"][1].update(id="T1"))), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: entities[1].id: duplicate id 'T1'" in result.output


def test_a_batch_folders_bookkeeping_files_are_skipped(tmp_path):
    folder = tmp_path / "batch_out"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(valid_data()), encoding="utf-8")
    (folder / "batch.json").write_text('{"fingerprint": {"format": "json"}}\n', encoding="utf-8")
    (folder / "manifest.jsonl").write_text('{"id": "doc", "sha256": "x", "output": "a.json"}\n', encoding="utf-8")
    (folder / "errors.jsonl").write_text('{"id": "z", "path": "z.txt", "reason": "empty file"}\n', encoding="utf-8")
    assert validate_paths([folder]) == []
    # Without batch.json beside it, a file called errors.jsonl is checked like any other.
    (folder / "batch.json").unlink()
    assert any("errors.jsonl" in p for p in validate_paths([folder]))
