"""Exporting outputs to SQLite and (when TEXTMINE_TEST_POSTGRES_URL is set) PostgreSQL."""

from __future__ import annotations

import copy
import json
import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation, Segment
from textmine.runtime.export import ExportError, export_outputs, open_database

TABLES = {
    "runs": "run_id",
    "documents": "doc_id",
    "segments": "doc_id, seq",
    "canonical_entities": "doc_id, canonical_id",
    "entities": "doc_id, entity_id",
    "relations": "doc_id, relation_id",
    "metadata": "doc_id",
    "authors": "doc_id, position",
    "bib_references": "doc_id, position",
}

POSTGRES_HINT = (
    "TEXTMINE_TEST_POSTGRES_URL is not set; to include PostgreSQL run "
    "`export TEXTMINE_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)` first"
)


def _postgres_url_in_fresh_schema(base_url: str) -> tuple[str, str]:
    schema = f"textmine_test_{uuid.uuid4().hex[:12]}"
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{schema}", schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/textmine.db"
        return
    base_url = os.environ.get("TEXTMINE_TEST_POSTGRES_URL")
    if not base_url:
        pytest.skip(POSTGRES_HINT)
    url, schema = _postgres_url_in_fresh_schema(base_url)
    yield url
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def sample_output(doc_id: str = "doc_a") -> dict:
    text = "Kazakhstan joined the Shanghai Cooperation Organization (SCO) in 2001.\nReferences\n1. Smith J. SCO. URL: http://x.org/a"
    doc = Document(
        id=doc_id,
        text=text,
        segments=[Segment(0, len(text), "en", "article")],
        entities=[
            Entity("T1", 0, 10, "LOC", "Kazakhstan", source="gazetteer", canonical="Kazakhstan"),
            Entity("T2", 22, 55, "ORG", "Shanghai Cooperation Organization", source="spacy", canonical="Shanghai Cooperation Organization"),
            Entity("T3", 57, 60, "ORG", "SCO", source="spacy", canonical="Shanghai Cooperation Organization"),
            Entity("T4", 65, 69, "DATE", "2001", value="2001", source="spacy"),
        ],
        relations=[
            Relation("R1", "member_of", "T1", "T2", confidence=0.91, source="classifier"),
            Relation("R2", "alias_of", "T3", "T2", confidence=1.0, source="pattern:apposition"),
        ],
        metadata={
            "title": "SCO", "journal": "Paradigmata poznání", "journal_entity": None, "year": 2021, "issue": "1",
            "authors": [{"name": "J. Smith", "entity": None, "orcid": "0000-0002-2912-2752", "email": "j@x.org",
                         "affiliation": None, "affiliation_entity": None}],
            "affiliation_place": None, "affiliation_place_entities": [],
            "references": [{"number": 1, "text": "Smith J. SCO. URL: http://x.org/a", "start": 85, "end": 118,
                            "url": "http://x.org/a", "accessed": None}],
        },
        entities_index=[
            {"id": "E1", "label": "LOC", "canonical": "Kazakhstan", "mentions": ["T1"], "kb_id": "ISO3166:KZ", "aliases": ["Kazakhstan"]},
            {"id": "E2", "label": "ORG", "canonical": "Shanghai Cooperation Organization", "mentions": ["T2", "T3"],
             "kb_id": "Q485207", "aliases": ["SCO", "Shanghai Cooperation Organization"]},
            {"id": "E3", "label": "DATE", "canonical": "2001", "mentions": ["T4"], "kb_id": None, "aliases": ["2001"]},
        ],
        source={"path": f"/in/{doc_id}.txt", "format": "txt", "encoding": "utf-8"},
        provenance={"pipeline_version": "0.1.0", "components": [{"name": "ner"}]},
    )
    return doc.to_dict()


def dump(url: str) -> dict[str, list[tuple]]:
    with open_database(url) as db:
        return {table: db.fetch_all(f"SELECT * FROM {table} ORDER BY {order}") for table, order in TABLES.items()}


def test_store_fills_every_table_with_canonical_ids(database_url):
    with open_database(database_url) as db:
        assert db.store(sample_output()) == "inserted"
    rows = dump(database_url)
    assert [len(rows[t]) for t in TABLES] == [1, 1, 1, 3, 4, 2, 1, 1, 1]
    with open_database(database_url) as db:
        mentions = db.fetch_all(
            "SELECT e.text, c.kb_id FROM entities e JOIN canonical_entities c "
            "ON c.doc_id = e.doc_id AND c.canonical_id = e.canonical_id WHERE e.label = 'ORG' ORDER BY e.start_char"
        )
        assert mentions == [("Shanghai Cooperation Organization", "Q485207"), ("SCO", "Q485207")]
        (date,) = db.fetch_all("SELECT value, start_char, end_char FROM entities WHERE label = 'DATE'")
        assert date == ("2001", 65, 69)
        assert db.fetch_all("SELECT year, issue FROM metadata") == [(2021, "1")]
        assert db.fetch_all("SELECT number, url FROM bib_references") == [(1, "http://x.org/a")]
        assert db.fetch_all("SELECT label, head_id, tail_id, confidence FROM relations ORDER BY relation_id")[0] == ("member_of", "T1", "T2", 0.91)


def test_exporting_twice_leaves_the_same_rows(database_url):
    with open_database(database_url) as db:
        db.store(sample_output("doc_a"))
        db.store(sample_output("doc_b"))
    first = dump(database_url)
    with open_database(database_url) as db:
        assert db.store(sample_output("doc_a")) == "unchanged"
        assert db.store(sample_output("doc_b")) == "unchanged"
    assert dump(database_url) == first


def test_reextracted_document_replaces_all_its_old_rows(database_url):
    with open_database(database_url) as db:
        db.store(sample_output("doc_a"))
        db.store(sample_output("doc_b"))
        changed = sample_output("doc_a")
        changed["entities"] = changed["entities"][:1]
        changed["relations"] = []
        changed["metadata"]["references"] = []
        assert db.store(changed) == "replaced"
        assert db.fetch_all("SELECT entity_id FROM entities WHERE doc_id = 'doc_a'") == [("T1",)]
        assert db.fetch_all("SELECT COUNT(*) FROM relations WHERE doc_id = 'doc_a'") == [(0,)]
        assert db.fetch_all("SELECT COUNT(*) FROM bib_references WHERE doc_id = 'doc_a'") == [(0,)]
        # The other document is untouched.
        assert db.fetch_all("SELECT COUNT(*) FROM entities WHERE doc_id = 'doc_b'") == [(4,)]


def test_failed_replacement_keeps_the_old_version(database_url):
    with open_database(database_url) as db:
        db.store(sample_output("doc_a"))
    before = dump(database_url)
    broken = sample_output("doc_a")
    broken["entities"] = copy.deepcopy(broken["entities"])
    del broken["entities"][2]["start"]  # fails halfway through the insertion
    with open_database(database_url) as db:
        with pytest.raises(KeyError):
            db.store(broken)
    assert dump(database_url) == before


def write_outputs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc_a.json").write_text(json.dumps(sample_output("doc_a")), encoding="utf-8")
    shard = "".join(json.dumps(sample_output(i)) + "\n" for i in ("doc_b", "doc_c"))
    (folder / "part-00000.jsonl").write_text(shard, encoding="utf-8")
    # Batch bookkeeping files are not documents.
    (folder / "manifest.jsonl").write_text('{"id": "doc_a", "sha256": "x", "output": "doc_a.json"}\n', encoding="utf-8")
    (folder / "errors.jsonl").write_text('{"id": "doc_z", "path": "z.txt", "reason": "bad"}\n', encoding="utf-8")
    (folder / "batch.json").write_text('{"fingerprint": {}}\n', encoding="utf-8")


def test_export_outputs_reads_json_and_jsonl_and_is_idempotent(database_url, tmp_path):
    write_outputs(tmp_path / "out")
    report = export_outputs(tmp_path / "out", database_url)
    assert report.counts == {"inserted": 3, "replaced": 0, "unchanged": 0} and not report.failures
    first = dump(database_url)
    again = export_outputs(tmp_path / "out", database_url)
    assert again.counts == {"inserted": 0, "replaced": 0, "unchanged": 3}
    assert dump(database_url) == first
    assert [row[0] for row in first["documents"]] == ["doc_a", "doc_b", "doc_c"]


def test_cli_export_reports_broken_files_and_exits_non_zero(tmp_path):
    write_outputs(tmp_path / "out")
    (tmp_path / "out" / "broken.json").write_text("{not json", encoding="utf-8")
    url = f"sqlite:///{tmp_path}/cli.db"
    result = CliRunner().invoke(app, ["export", str(tmp_path / "out"), "--db", url])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "3 inserted" in result.output
    assert len(dump(url)["documents"]) == 3


def test_sqlite_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_database("sqlite:///sub/relative.db"):
        pass
    assert (tmp_path / "sub" / "relative.db").exists()
    with open_database(f"sqlite:///{tmp_path}/absolute.db"):
        pass
    assert (tmp_path / "absolute.db").exists()
    with pytest.raises(ExportError, match="unsupported database URL"):
        open_database("mysql://x/y")
