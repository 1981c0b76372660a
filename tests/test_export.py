"""Exporting outputs to SQLite and (when TEXTMINE_TEST_POSTGRES_URL is set) PostgreSQL."""

from __future__ import annotations

import copy
import datetime
import json
import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation, Segment
from textmine.runtime.export import SCHEMA_VERSION, DocumentConflict, ExportError, export_outputs, open_database

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
            "title": "SCO", "journal": "Paradigmata poznání", "journal_entity": None, "year": 2021, "volume": "5", "issue": "1",
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
        provenance={"pipeline_version": "0.1.0", "components": [{"name": "ner", "model": "en_core_web_sm", "model_version": "3.7.1"}]},
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
        # the volume has its own column (it is not left in the JSON of other keys)
        assert db.fetch_all("SELECT year, volume, issue, extra FROM metadata") == [(2021, "5", "1", None)]
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


# --- schema version 2: keys, indexes, typed dates, cross-document entities ---------------------


def test_foreign_keys_indexes_dates_and_cross_document_entities(database_url):
    with open_database(database_url) as db:
        db.store(sample_output("doc_a"))
        db.store(sample_output("doc_b"))
        # Both documents' SCO mentions meet in one cross-document entity (by KB id); DATE "2001" by label + name.
        rows = db.fetch_all(
            "SELECT k.entity_key, COUNT(DISTINCT e.doc_id) FROM entities e "
            "JOIN canonical_entities c ON c.doc_id = e.doc_id AND c.canonical_id = e.canonical_id "
            "JOIN kb_entities k ON k.entity_key = c.entity_key GROUP BY k.entity_key ORDER BY k.entity_key"
        )
        assert rows == [("DATE:2001", 2), ("ISO3166:KZ", 2), ("Q485207", 2)]
        (date,) = db.fetch_all("SELECT value, date_start, date_end, date_granularity FROM entities WHERE label = 'DATE' AND doc_id = 'doc_a'")
        assert (date[0], str(date[1]), str(date[2]), date[3]) == ("2001", "2001-01-01", "2001-12-31", "year")
        assert db.schema_version() == SCHEMA_VERSION
        # A relation whose argument is not an entity of its document is refused by the foreign key.
        with pytest.raises(Exception):
            with db.transaction():
                db.execute("INSERT INTO relations (doc_id, relation_id, label, head_id, tail_id) VALUES ('doc_a', 'R9', 'member_of', 'T1', 'T99')")
    with open_database(database_url) as db:
        if database_url.startswith("sqlite"):
            indexes = {row[0] for row in db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'index'")}
        else:
            indexes = {row[0] for row in db.fetch_all("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
        assert {"relations_by_head", "relations_by_tail", "entities_by_canonical_id"} <= indexes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-09", ("2019-09-01", "2019-09-30", "month")),
        ("2020-02", ("2020-02-01", "2020-02-29", "month")),
        ("2013-06-20", ("2013-06-20", "2013-06-20", "day")),
        ("199X", ("1990-01-01", "1999-12-31", "decade")),
        ("2004/2019", ("2004-01-01", "2019-12-31", "range")),
        ("2018-Q3", ("2018-07-01", "2018-09-30", "quarter")),
        ("XXXX-09", (None, None, "month")),
        ("2019-13", (None, None, None)),
        (None, (None, None, None)),
    ],
)
def test_date_range_of_timex_values(value, expected):
    from textmine.runtime.export import date_range

    start, end, granularity = date_range(value)
    assert (start and start.isoformat(), end and end.isoformat(), granularity) == expected


def test_same_id_with_another_text_is_refused_unless_replace(database_url):
    with open_database(database_url) as db:
        db.store(sample_output("doc_a"))
        other = sample_output("doc_a")
        other["text"] = other["text"].replace("Kazakhstan", "Kyrgyzstan")
        other["entities"][0]["text"] = "Kyrgyzstan"
        other["text_sha256"] = Document(id="x", text=other["text"]).text_sha256
        with pytest.raises(ExportError, match="already stored with another text.*--replace"):
            db.store(other)
        assert db.fetch_all("SELECT text FROM documents")[0][0].startswith("Kazakhstan")
        assert db.store(other, replace=True) == "replaced"
        assert db.fetch_all("SELECT text FROM documents")[0][0].startswith("Kyrgyzstan")


def test_url_and_meta_of_the_input_are_stored(database_url):
    data = sample_output("doc_a")
    data["source"].update(url="https://example.org/article/7", meta={"crawl": 3})
    with open_database(database_url) as db:
        db.store(data)
        assert db.fetch_all("SELECT url, meta FROM documents") == [("https://example.org/article/7", '{"crawl": 3}')]


V1_ROWS = """
INSERT INTO documents (doc_id, text_sha256, output_sha256, text) VALUES ('old', 'a', 'b', 'SCO met in June 2017.');
INSERT INTO canonical_entities (doc_id, canonical_id, label, canonical, kb_id) VALUES ('old', 'E1', 'ORG', 'SCO', 'Q485207');
INSERT INTO entities (doc_id, entity_id, label, start_char, end_char, text, canonical_id)
    VALUES ('old', 'T1', 'ORG', 0, 3, 'SCO', 'E1');
INSERT INTO entities (doc_id, entity_id, label, start_char, end_char, text, value)
    VALUES ('old', 'T2', 'DATE', 11, 20, 'June 2017', '2017-06');
INSERT INTO relations (doc_id, relation_id, label, head_id, tail_id) VALUES ('old', 'R1', 'held_on', 'T1', 'T2');
"""


def _v1_database_at(url: str, extra_sql: str = "") -> str:
    """Give the empty database at ``url`` (SQLite or PostgreSQL) version 1's schema, a few rows and ``extra_sql``."""
    script = (Path(__file__).parent / "fixtures" / "db_schema_v1.sql").read_text(encoding="utf-8") + V1_ROWS + extra_sql
    return _run_by_hand(url, script)


def _run_by_hand(url: str, script: str) -> str:
    """Run the SQL ``script`` in the database at ``url`` with the driver itself, as a user's SQL shell would."""
    if url.startswith("sqlite:///"):
        import sqlite3

        connection = sqlite3.connect(url[len("sqlite:///"):])
        connection.executescript(script)
        connection.commit()
        connection.close()
    else:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(script)
    return url


def _v1_database(path: Path) -> str:
    return _v1_database_at(f"sqlite:///{path}")


def test_a_version_1_database_is_migrated_with_its_rows(tmp_path):
    url = _v1_database(tmp_path / "v1.db")
    with open_database(url) as db:
        assert db.schema_version() == SCHEMA_VERSION == 3
        assert db.fetch_all("SELECT entity_key FROM canonical_entities") == [("Q485207",)]
        assert db.fetch_all("SELECT date_start, date_end, date_granularity FROM entities WHERE entity_id = 'T2'") == [
            ("2017-06-01", "2017-06-30", "month")
        ]
        assert db.fetch_all("SELECT head_id, tail_id FROM relations") == [("T1", "T2")]
        db.store(sample_output("doc_a"))
        assert db.fetch_all("SELECT COUNT(*) FROM documents") == [(2,)]
    with open_database(url) as db:  # opening again changes nothing
        assert db.fetch_all("SELECT version FROM schema_version") == [(3,)]


# --- database errors: one line, non-zero exit, no password ----------------------------------


def _export_cli(tmp_path: Path, url: str):
    write_outputs(tmp_path / "out")
    return CliRunner().invoke(app, ["export", str(tmp_path / "out"), "--db", url])


@pytest.mark.parametrize("target", ["folder", "not_sqlite", "truncated", "memory", "bare", "empty", "unknown_scheme", "bad_password"])
def test_each_database_error_is_one_line_and_exit_2(tmp_path, target):
    if target == "folder":
        (tmp_path / "dir.db").mkdir()
        url = f"sqlite:///{tmp_path}/dir.db"
    elif target == "not_sqlite":
        (tmp_path / "text.db").write_text("this is not a database\n" * 100)
        url = f"sqlite:///{tmp_path}/text.db"
    elif target == "truncated":
        with open_database(f"sqlite:///{tmp_path}/whole.db") as db:
            db.store(sample_output())
        data = (tmp_path / "whole.db").read_bytes()
        (tmp_path / "cut.db").write_bytes(data[: len(data) // 3])
        url = f"sqlite:///{tmp_path}/cut.db"
    elif target == "memory":
        url = "sqlite:///:memory:"
    elif target == "bare":
        url = "sqlite:///"
    elif target == "empty":
        url = ""
    elif target == "unknown_scheme":
        url = "mysql://admin:s3cr3t-pw@db.example/x"
    else:
        url = "postgresql://admin:s3cr3t-pw@127.0.0.1:1/x"
    result = _export_cli(tmp_path, url)
    assert result.exit_code in (1, 2), result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.output and "s3cr3t" not in result.output, result.output
    if target == "truncated":  # SQLite may open a cut file and fail on the pages it lost
        assert result.exit_code in (1, 2) and all(line.startswith("textmine: ") for line in lines)
    else:
        assert result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("textmine: "), result.output


def test_export_refuses_missing_paths_and_files_that_are_not_outputs(tmp_path):
    url = f"sqlite:///{tmp_path}/db.sqlite"
    result = CliRunner().invoke(app, ["export", str(tmp_path / "nosuchdir"), "--db", url])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "raw.jsonl").write_text(json.dumps({"id": "a", "text": "Raw input text."}) + "\n", encoding="utf-8")
    (inputs / ".notes.json").write_text(json.dumps(sample_output(".notes")), encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(inputs), "--db", url])
    assert result.exit_code == 1
    assert "raw.jsonl:1: not a textmine output" in result.stderr
    assert "1 inserted" in result.stdout  # a file whose name starts with "." is an output like any other


def test_batch_with_a_bad_database_leaves_the_previous_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.jsonl").write_text('{"id": "kept"}\n', encoding="utf-8")
    (tmp_path / "in.txt").write_text("SCO.\n", encoding="utf-8")
    (tmp_path / "dir.db").mkdir()
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "in.txt"), "--out", str(out), "--db", f"sqlite:///{tmp_path}/dir.db"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (out / "manifest.jsonl").read_text(encoding="utf-8") == '{"id": "kept"}\n'


def test_a_version_2_database_gets_the_volume_column_and_its_volumes_from_extra(database_url):
    with open_database(database_url) as db:
        for doc_id in ("doc_0", "doc_a", "doc_b"):
            db.store(sample_output(doc_id))
        # Make it the version 2 database it would have been: no volume column, the volume kept in "extra".
        # doc_0's extra has no volume and is written (and so, on either backend, read) first: the
        # migration must go on to the rows after it.
        with db.transaction():
            db.execute("ALTER TABLE metadata DROP COLUMN volume")
            db.execute("UPDATE metadata SET extra = ? WHERE doc_id = ?", ('{"series": "A"}', "doc_0"))
            db.execute("UPDATE metadata SET extra = ? WHERE doc_id = ?", ('{"volume": "7"}', "doc_a"))
            db.execute("UPDATE metadata SET extra = ? WHERE doc_id = ?", ('{"series": "B", "volume": "8"}', "doc_b"))
            db.execute("UPDATE schema_version SET version = 2")
    with open_database(database_url) as db:
        assert db.schema_version() == 3
        assert db.fetch_all("SELECT doc_id, volume, extra FROM metadata ORDER BY doc_id") == [
            ("doc_0", None, '{"series": "A"}'), ("doc_a", "7", None), ("doc_b", "8", '{"series": "B"}')]
        assert db.store(sample_output("doc_c")) == "inserted"
        assert db.fetch_all("SELECT volume FROM metadata WHERE doc_id = 'doc_c'") == [("5",)]


# --- mutants that survived (docs/testing.md) ---------------------------------------------------


def test_cli_export_without_db_writes_the_default_sqlite_file(tmp_path, monkeypatch):
    write_outputs(tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "out"])
    assert result.exit_code == 0, result.output
    assert [row[0] for row in dump("sqlite:///outputs/textmine.db")["documents"]] == ["doc_a", "doc_b", "doc_c"]


def test_metadata_row_has_each_known_field_in_its_column_and_only_the_rest_in_extra(tmp_path):
    url = f"sqlite:///{tmp_path}/meta.db"
    output = sample_output()
    output["metadata"]["volume"] = "5"
    output["metadata"]["series"] = "B"  # no column of its own
    with open_database(url) as db:
        db.store(output)
        ((title, journal, journal_entity, year, volume, issue, place, extra),) = db.fetch_all(
            "SELECT title, journal, journal_entity, year, volume, issue, affiliation_place, extra FROM metadata"
        )
    assert (title, journal, journal_entity, year, volume, issue, place) == ("SCO", "Paradigmata poznání", None, 2021, "5", "1", None)
    assert json.loads(extra) == {"series": "B"}


def test_rows_carry_every_field_of_the_output(tmp_path):
    url = f"sqlite:///{tmp_path}/rows.db"
    output = sample_output()
    output["metadata"]["affiliation_place"] = "Almaty"
    output["entities"][1]["confidence"] = 0.75
    with open_database(url) as db:
        db.store(output)
        entities = db.fetch_all("SELECT entity_id, source, confidence FROM entities ORDER BY entity_id")
        relations = db.fetch_all("SELECT relation_id, confidence, source FROM relations ORDER BY relation_id")
        authors = db.fetch_all("SELECT position, name, orcid, email FROM authors")
        references = db.fetch_all("SELECT number, text, start_char, end_char, url FROM bib_references")
        places = db.fetch_all("SELECT affiliation_place FROM metadata")
    assert entities == [(e["id"], e["source"], e.get("confidence")) for e in output["entities"]]
    assert relations == [("R1", 0.91, "classifier"), ("R2", 1.0, "pattern:apposition")]
    assert authors == [(0, "J. Smith", "0000-0002-2912-2752", "j@x.org")]
    assert references == [(1, "Smith J. SCO. URL: http://x.org/a", 85, 118, "http://x.org/a")]
    assert places == [("Almaty",)]


def test_a_conflicting_text_names_the_stored_source_and_both_hashes(tmp_path):
    import hashlib

    url = f"sqlite:///{tmp_path}/conflict.db"
    first, second = sample_output(), sample_output()
    second["text"] = second["text"].replace("2001", "2002")
    digest = [hashlib.sha256(o["text"].encode("utf-8")).hexdigest()[:12] for o in (first, second)]
    with open_database(url) as db:
        db.store(first)
        with pytest.raises(DocumentConflict) as conflict:
            db.store(second)
    assert str(conflict.value) == (
        f"document id 'doc_a' is already stored with another text (from /in/doc_a.txt, text_sha256 {digest[0]}..., "
        f"this one {digest[1]}...); give it another id, or use --replace to replace it"
    )


def test_migration_keys_an_entity_without_kb_id_by_label_and_name(tmp_path):
    import sqlite3

    url = _v1_database(tmp_path / "v1.db")
    connection = sqlite3.connect(tmp_path / "v1.db")
    connection.execute("INSERT INTO canonical_entities (doc_id, canonical_id, label, canonical, kb_id) VALUES ('old', 'E2', 'LOC', 'Tashkent', NULL)")
    connection.commit()
    connection.close()
    with open_database(url) as db:
        assert db.fetch_all("SELECT canonical_id, entity_key FROM canonical_entities ORDER BY canonical_id") == [
            ("E1", "Q485207"), ("E2", "LOC:Tashkent")
        ]


def test_unusable_sqlite_urls_are_explained():
    with pytest.raises(ExportError) as memory:
        open_database("sqlite:///:memory:")
    assert str(memory.value) == (
        "sqlite:///:memory: is an in-memory database, lost when textmine exits: name a file, e.g. sqlite:///outputs/textmine.db"
    )
    with pytest.raises(ExportError) as malformed:
        open_database("sqlite://relative.db")
    assert str(malformed.value) == (
        "malformed SQLite URL 'sqlite://relative.db': use sqlite:///relative/path.db or sqlite:////absolute/path.db"
    )


def test_an_output_breaking_the_schema_is_refused_with_its_first_problem(tmp_path):
    from textmine.runtime.export import output_problem

    output = sample_output()
    del output["entities"][0]["start"]
    problem = output_problem(output)
    assert problem.startswith("not a valid textmine output: entities[0]") and "start" in problem, problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19XX", ("1900-01-01", "1999-12-31", "century")),
        ("2019-05-05/2019-05-05", ("2019-05-05", "2019-05-05", "range")),  # a range of one day
        ("2019/XXXX", (None, None, None)),  # a range needs both ends
        ("XXXX/2019", (None, None, None)),
        ("199X-05", (None, None, "month")),  # a month of some year of a decade: no interval
        ("XXXX-09-05", (None, None, "day")),
        ("XXXX", (None, None, None)),
        (2019, (None, None, None)),  # not a string
        (["2019"], (None, None, None)),
    ],
)
def test_date_range_of_partial_values_ranges_and_non_strings(value, expected):
    from textmine.runtime.export import date_range

    start, end, granularity = date_range(value)
    assert (start and start.isoformat(), end and end.isoformat(), granularity) == expected


def test_store_refuses_what_is_not_an_output_document(tmp_path):
    with open_database(f"sqlite:///{tmp_path}/t.db") as db:
        for data in (["not", "a", "dict"], {"text": "no id"}, {"id": "no text"}, {"id": 7, "text": "x"}):
            with pytest.raises(ExportError, match=r"^not a textmine output document \(needs string 'id' and 'text'\)$"):
                db.store(data)


def test_reordered_keys_are_the_same_output_and_non_ascii_json_is_stored_as_written(database_url):
    data = sample_output()
    data["entities_index"][0]["aliases"] = ["Kazakhstan", "Қазақстан"]
    with open_database(database_url) as db:
        assert db.url == database_url
        assert db.store(data) == "inserted"
        reordered = dict(reversed(list(data.items())))
        reordered["metadata"] = dict(reversed(list(data["metadata"].items())))
        assert db.store(reordered) == "unchanged"  # the output's hash is of its JSON with sorted keys
        # JSON columns keep non-ASCII letters as they are, so a LIKE on them finds the name
        assert db.fetch_all("SELECT canonical_id, aliases FROM canonical_entities WHERE aliases LIKE ?", ("%Қазақстан%",)) == [
            ("E1", '["Kazakhstan", "Қазақстан"]')
        ]


def test_document_and_run_rows_carry_the_source_and_the_provenance(database_url):
    import hashlib

    output = sample_output()
    provenance_json = json.dumps(output["provenance"], ensure_ascii=False, sort_keys=True)
    run_id = hashlib.sha256(provenance_json.encode("utf-8")).hexdigest()[:16]  # the schema's definition
    without_hash = sample_output("doc_b")
    del without_hash["text_sha256"]  # computed from the text when the document lacks it
    bare = sample_output("doc_c")
    del bare["provenance"]  # no run to refer to
    with open_database(database_url) as db:
        for data in (output, without_hash, bare):
            db.store(data)
        assert db.fetch_all("SELECT run_id, pipeline_version, provenance FROM runs") == [(run_id, "0.1.0", provenance_json)]
        rows = db.fetch_all("SELECT doc_id, text_sha256, run_id, source_path, source_format, source_encoding FROM documents ORDER BY doc_id")
    text_sha256 = hashlib.sha256(output["text"].encode("utf-8")).hexdigest()
    assert rows == [
        ("doc_a", text_sha256, run_id, "/in/doc_a.txt", "txt", "utf-8"),
        ("doc_b", text_sha256, run_id, "/in/doc_b.txt", "txt", "utf-8"),
        ("doc_c", text_sha256, None, "/in/doc_c.txt", "txt", "utf-8"),
    ]


def test_rows_of_segments_entity_records_and_metadata_hold_the_output_values(tmp_path):
    url = f"sqlite:///{tmp_path}/rows.db"
    output = sample_output()
    output["source"]["url"] = {"href": "http://x.org/a", "saved": "2021-01-01"}  # not a string: stored as JSON
    output["metadata"]["journal_entity"] = "E9"
    with open_database(url) as db:
        db.store(output)
        assert db.fetch_all("SELECT url FROM documents") == [('{"href": "http://x.org/a", "saved": "2021-01-01"}',)]
        assert db.fetch_all("SELECT seq, start_char, end_char, lang, role FROM segments") == [(0, 0, len(output["text"]), "en", "article")]
        assert db.fetch_all("SELECT entity_key, kb_id, label, canonical FROM kb_entities ORDER BY entity_key") == [
            ("DATE:2001", None, "DATE", "2001"),
            ("ISO3166:KZ", "ISO3166:KZ", "LOC", "Kazakhstan"),
            ("Q485207", "Q485207", "ORG", "Shanghai Cooperation Organization"),
        ]
        assert db.fetch_all("SELECT canonical_id, canonical, mentions FROM canonical_entities ORDER BY canonical_id") == [
            ("E1", "Kazakhstan", '["T1"]'), ("E2", "Shanghai Cooperation Organization", '["T2", "T3"]'), ("E3", "2001", '["T4"]')
        ]
        assert db.fetch_all("SELECT entity_id, canonical, canonical_id FROM entities ORDER BY entity_id") == [
            ("T1", "Kazakhstan", "E1"), ("T2", "Shanghai Cooperation Organization", "E2"),
            ("T3", "Shanghai Cooperation Organization", "E2"), ("T4", None, "E3"),
        ]
        assert db.fetch_all("SELECT journal, journal_entity FROM metadata") == [("Paradigmata poznání", "E9")]


def test_a_database_of_a_newer_schema_is_refused_with_both_versions(tmp_path):
    url = f"sqlite:///{tmp_path}/newer.db"
    with open_database(url) as db:
        db.execute("UPDATE schema_version SET version = 7")
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == f"the database has schema version 7, newer than this textmine's {SCHEMA_VERSION}: upgrade textmine"


def test_rows_of_authors_references_and_place_entities_hold_the_output_values(tmp_path):
    url = f"sqlite:///{tmp_path}/meta.db"
    output = sample_output()
    output["metadata"]["authors"][0].update(entity="T9", affiliation="Al-Farabi University", affiliation_entity="T8")
    output["metadata"]["references"][0]["accessed"] = "2020-11-27"
    output["metadata"]["affiliation_place_entities"] = ["T1"]
    with open_database(url) as db:
        db.store(output)
        assert db.fetch_all("SELECT name, entity_id, affiliation, affiliation_entity FROM authors") == [
            ("J. Smith", "T9", "Al-Farabi University", "T8")
        ]
        assert db.fetch_all("SELECT accessed FROM bib_references") == [("2020-11-27",)]
        assert db.fetch_all("SELECT affiliation_place_entities FROM metadata") == [('["T1"]',)]


def test_migration_fills_kb_entities_and_keeps_the_join_indexes_on_the_new_tables(tmp_path):
    import sqlite3

    url = _v1_database(tmp_path / "v1.db")
    connection = sqlite3.connect(tmp_path / "v1.db")
    connection.execute("INSERT INTO canonical_entities (doc_id, canonical_id, label, canonical, kb_id) VALUES ('old', 'E2', 'LOC', 'Tashkent', NULL)")
    connection.execute("INSERT INTO canonical_entities (doc_id, canonical_id, label, canonical, kb_id) VALUES ('old', 'E3', 'ORG', NULL, NULL)")
    connection.commit()
    connection.close()
    with open_database(url) as db:
        kb = db.fetch_all("SELECT entity_key, kb_id, label, canonical FROM kb_entities ORDER BY entity_key")
        indexes = db.fetch_all("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name IN ('entities_by_canonical', 'relations_by_label') ORDER BY name")
    (org,) = [row for row in kb if row[0] == "Q485207"]
    assert org[1] == "Q485207" and org[2] == "ORG"
    assert ("LOC:Tashkent", None, "LOC", "Tashkent") in kb
    assert all(key is not None for key, *_ in kb) and len(kb) == 2  # E3 has no key: no record
    assert indexes == [("entities_by_canonical", "entities"), ("relations_by_label", "relations")]


def _column_types(db, table: str) -> dict[str, str]:
    """Each column of ``table`` and its type, lower case, from the database's catalog."""
    if db.url.startswith("sqlite"):
        return {row[1]: row[2].lower() for row in db.fetch_all(f"PRAGMA table_info({table})")}
    return dict(db.fetch_all(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
        (table,),
    ))


def _indexes(db) -> set[tuple[str, str]]:
    """(index name, table name) of every index in the database's catalog."""
    if db.url.startswith("sqlite"):
        return set(db.fetch_all("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"))
    return set(db.fetch_all("SELECT indexname, tablename FROM pg_indexes WHERE schemaname = current_schema()"))


def test_a_version_1_database_is_migrated_on_either_backend_with_text_columns(database_url):
    # The migration's ALTER TABLE statements name the new columns' types: a wrong one fails on
    # PostgreSQL and is kept as written by SQLite, so the catalog of each is read.
    url = _v1_database_at(database_url)
    with open_database(url) as db:
        assert db.schema_version() == SCHEMA_VERSION
        assert _column_types(db, "documents")["url"] == "text"
        assert _column_types(db, "documents")["meta"] == "text"
        assert _column_types(db, "canonical_entities")["entity_key"] == "text"
        assert db.fetch_all("SELECT entity_key FROM canonical_entities") == [("Q485207",)]
        assert db.fetch_all("SELECT head_id, tail_id FROM relations") == [("T1", "T2")]
        assert db.store(sample_output("doc_a")) == "inserted"


def test_migration_1_to_2_by_itself_leaves_the_join_indexes_on_the_new_tables(database_url, monkeypatch):
    # MIGRATIONS[1] must give a version 2 database: the renamed version 1 tables keep their indexes'
    # names (which the new tables' indexes share) until they are dropped, so the migration drops them first.
    from textmine.runtime import export

    seen_at_version_2: list[set[tuple[str, str]]] = []
    migrate_2_to_3 = export.MIGRATIONS[2]

    def record_then_migrate(db):
        seen_at_version_2.append(_indexes(db))
        migrate_2_to_3(db)

    monkeypatch.setitem(export.MIGRATIONS, 2, record_then_migrate)
    url = _v1_database_at(database_url)
    with open_database(url):
        pass
    (indexes,) = seen_at_version_2
    assert {("entities_by_canonical", "entities"), ("relations_by_label", "relations")} <= indexes


def test_the_schema_file_run_by_hand_gives_a_database_of_this_version(database_url):
    # A database made with `psql -f db_schema.sql` (or sqlite3) records the file's version, so
    # textmine neither migrates its tables as older ones nor refuses them.
    from textmine.runtime.export import SCHEMA_PATH

    url = _run_by_hand(database_url, SCHEMA_PATH.read_text(encoding="utf-8"))
    with open_database(url) as db:
        assert db.fetch_all("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert db.store(sample_output()) == "inserted"
        assert db.fetch_all("SELECT doc_id, volume FROM metadata") == [("doc_a", "5")]


EMPTY_SCHEMA_VERSION = (
    "the database's schema_version table is empty, so the version of its tables is unknown: if they were made "
    "from a db_schema.sql, insert that file's version (INSERT INTO schema_version (version) VALUES (N); "
    f"N = {SCHEMA_VERSION} for this textmine's), or export into a new database"
)


@pytest.mark.parametrize("tables", ["current", "version_1"])
def test_an_empty_schema_version_table_is_refused_and_the_database_left_as_it_was(database_url, tables, tmp_path):
    # Tables made by hand from a schema file without its version row (an older db_schema.sql) may be of any
    # version: migrating them from a guess failed half-way with the driver's "column url already exists".
    from textmine.runtime.export import SCHEMA_PATH

    if tables == "current":
        url = _run_by_hand(database_url, SCHEMA_PATH.read_text(encoding="utf-8") + "DELETE FROM schema_version;")
    else:
        url = _v1_database_at(database_url, "CREATE TABLE schema_version (version INTEGER NOT NULL);")
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == EMPTY_SCHEMA_VERSION
    result = _export_cli(tmp_path, url)
    assert result.exit_code == 2 and result.stderr == f"textmine: {EMPTY_SCHEMA_VERSION}\n"
    _run_by_hand(url, f"INSERT INTO schema_version (version) VALUES ({3 if tables == 'current' else 1});")
    with open_database(url) as db:  # nothing was changed: with its version row it opens (and migrates) as usual
        assert db.fetch_all("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        if tables == "version_1":
            assert db.fetch_all("SELECT entity_key FROM canonical_entities") == [("Q485207",)]
            first, last = datetime.date(2017, 6, 1), datetime.date(2017, 6, 30)
            if url.startswith("sqlite"):  # SQLite stores dates as ISO text, PostgreSQL returns date objects
                first, last = first.isoformat(), last.isoformat()
            assert db.fetch_all("SELECT date_start, date_end, date_granularity FROM entities WHERE entity_id = 'T2'") == [
                (first, last, "month")
            ]
        assert db.store(sample_output()) == "inserted"


# --- what a user sees: messages, refused URLs, the report (survivors of round 8, docs/testing.md) -------


def test_sqlite_file_in_missing_nested_folders_and_a_folder_named_as_the_file(tmp_path):
    with open_database(f"sqlite:///{tmp_path}/a/b/c.db") as db:
        db.store(sample_output())
    assert [row[0] for row in dump(f"sqlite:///{tmp_path}/a/b/c.db")["documents"]] == ["doc_a"]
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(ExportError) as info:
        open_database(f"sqlite:///{tmp_path}/dir.db")
    assert str(info.value) == (
        f"{tmp_path}/dir.db is a folder, not a SQLite database file: name a file, e.g. sqlite:///{tmp_path}/dir.db/textmine.db"
    )


def _driver_first_line(url: str) -> str:
    """The first line of psycopg's own error for connecting to ``url`` (it must fail)."""
    psycopg = pytest.importorskip("psycopg")
    with pytest.raises(psycopg.Error) as info:
        psycopg.connect(url, connect_timeout=30)
    return str(info.value).strip().splitlines()[0]


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_a_refused_postgresql_connection_names_the_url_without_password_and_the_drivers_reason(scheme):
    url = f"{scheme}://admin:s3cr3t-pw@127.0.0.1:1/x"  # nothing listens on port 1
    reason = _driver_first_line(url)
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == f"cannot connect to {scheme}://admin:***@127.0.0.1:1/x: {reason}"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("mysql://admin:s3cr3t-pw@db.example/x", "mysql://admin:***@db.example/x"),
        ("mysql://admin:pa@ss@db.example:3306/x", "mysql://admin:***@db.example:3306/x"),  # an "@" in the password
        ("mysql://admin:s3cr3t@[db.example/x", "<the database URL>"),  # urlsplit cannot read it: nothing of it is shown
        ("mysql://admin@db.example/x", "mysql://admin@db.example/x"),  # no password: shown as given
    ],
)
def test_an_unsupported_url_is_named_without_its_password(url, shown):
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == f"unsupported database URL {shown!r}: use sqlite:///path.db or postgresql://user:password@host/dbname"


@pytest.mark.parametrize("url", ["", "   "])
def test_an_empty_or_blank_url_is_refused(url):
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == "empty database URL: use sqlite:///path.db or postgresql://user:password@host/dbname"


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite:///:memory:?cache=shared", "sqlite:///file:x.db?mode=memory"]
)
def test_in_memory_sqlite_urls_are_refused_and_create_no_file(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError) as info:
        open_database(url)
    assert str(info.value) == f"{url} is an in-memory database, lost when textmine exits: name a file, e.g. sqlite:///outputs/textmine.db"
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_sqlite_is_named_with_the_drivers_reason(tmp_path):
    (tmp_path / "text.db").write_text("this is not a database\n" * 100)
    with pytest.raises(ExportError) as info:
        open_database(f"sqlite:///{tmp_path}/text.db")
    assert str(info.value) == f"cannot use database sqlite:///{tmp_path}/text.db: file is not a database"


def test_postgresql_rows_stored_after_a_read_outside_a_transaction_are_kept(database_url):
    # The connection commits each statement outside transaction(): a read before store() must not
    # open a transaction that store() would only nest in and close() would roll back.
    with open_database(database_url) as db:
        assert db.fetch_all("SELECT COUNT(*) FROM documents") == [(0,)]
        assert db.store(sample_output()) == "inserted"
    assert [row[0] for row in dump(database_url)["documents"]] == ["doc_a"]


def test_output_problem_names_the_first_problem_and_how_many_more():
    from textmine.runtime.export import output_problem

    one = sample_output()
    one["entities"][0]["text"] = "Kazakhstam"  # the offsets say "Kazakhstan": only the text can tell
    assert output_problem(one) == "not a valid textmine output: entities[0].text: 'Kazakhstam' but text[0:10] is 'Kazakhstan'"
    two = copy.deepcopy(one)
    two["entities"][1]["text"] = "Shanghai"
    assert output_problem(two) == (
        "not a valid textmine output: entities[0].text: 'Kazakhstam' but text[0:10] is 'Kazakhstan' "
        "(and 1 more; see `textmine validate`)"
    )
    three = copy.deepcopy(two)
    three["entities"][2]["text"] = "SCX"
    assert output_problem(three).endswith(" (and 2 more; see `textmine validate`)")
    assert output_problem(sample_output()) is None


def test_export_reports_each_refused_file_in_full_and_goes_on(database_url, tmp_path):
    out = tmp_path / "out"
    write_outputs(out)
    (out / "a_broken.json").write_text("{not json", encoding="utf-8")  # sorted first: the rest must still be read
    (out / "b_input.jsonl").write_text(json.dumps({"id": "raw", "text": "Raw input text."}) + "\n", encoding="utf-8")
    wrong = sample_output("doc_w")
    wrong["entities"][0]["text"] = "Kazakhstam"
    (out / "c_wrong.json").write_text(json.dumps(wrong), encoding="utf-8")
    huge = sample_output("doc_y")
    huge["metadata"]["year"] = 10**30  # valid JSON Schema (an integer), more than either database's INTEGER holds
    (out / "d_huge.json").write_text(json.dumps(huge), encoding="utf-8")
    try:
        json.loads("{not json")
    except ValueError as exc:
        not_json = str(exc)
    report = export_outputs(out, database_url)
    assert report.counts == {"inserted": 3, "replaced": 0, "unchanged": 0}
    assert report.failures[:3] == [
        f"{out}/a_broken.json: unreadable: not JSON: {not_json}",
        f"{out}/b_input.jsonl:1: not a textmine output (no provenance: an input or gold file?)",
        f"{out}/c_wrong.json: not a valid textmine output: entities[0].text: 'Kazakhstam' but text[0:10] is 'Kazakhstan'",
    ]
    reason = "Python int too large to convert to SQLite INTEGER" if database_url.startswith("sqlite") else "integer out of range"
    assert report.failures[3:] == [f"{out}/d_huge.json: database error: {reason}"]
    assert report.summary() == "3 inserted, 0 replaced, 0 unchanged, 4 failed"
    assert [row[0] for row in dump(database_url)["documents"]] == ["doc_a", "doc_b", "doc_c"]  # doc_y rolled back


def test_cli_export_prints_the_summary_and_each_failure_on_stderr(tmp_path):
    out = tmp_path / "out"
    write_outputs(out)
    (out / "a_input.jsonl").write_text(json.dumps({"id": "raw", "text": "Raw input text."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(out), "--db", f"sqlite:///{tmp_path}/cli.db"])
    assert result.exit_code == 1
    assert result.stdout == "3 inserted, 0 replaced, 0 unchanged, 1 failed\n"
    assert result.stderr == f"textmine: {out}/a_input.jsonl:1: not a textmine output (no provenance: an input or gold file?)\n"


def test_export_outputs_refuses_a_conflicting_text_unless_replace(tmp_path):
    import hashlib

    url = f"sqlite:///{tmp_path}/conflict.db"
    out = tmp_path / "out"
    out.mkdir()
    first = sample_output()
    (out / "doc.json").write_text(json.dumps(first), encoding="utf-8")
    export_outputs(out, url)
    second = sample_output()
    second["text"] = second["text"].replace("2001", "2002")
    second["entities"][3].update(text="2002", value="2002")
    second["text_sha256"] = Document(id="x", text=second["text"]).text_sha256
    (out / "doc.json").write_text(json.dumps(second), encoding="utf-8")
    digest = [hashlib.sha256(o["text"].encode("utf-8")).hexdigest()[:12] for o in (first, second)]
    report = export_outputs(out, url)
    assert report.failures == [
        f"{out}/doc.json: document id 'doc_a' is already stored with another text (from /in/doc_a.txt, text_sha256 "
        f"{digest[0]}..., this one {digest[1]}...); give it another id, or use --replace to replace it"
    ]
    assert report.counts == {"inserted": 0, "replaced": 0, "unchanged": 0}
    assert export_outputs(out, url, replace=True).counts == {"inserted": 0, "replaced": 1, "unchanged": 0}


def test_export_outputs_refuses_a_missing_path_and_a_folder_without_outputs(tmp_path):
    with pytest.raises(ExportError) as missing:
        export_outputs(tmp_path / "nosuchdir", f"sqlite:///{tmp_path}/db.sqlite")
    assert str(missing.value) == f"{tmp_path}/nosuchdir: no such file or folder"
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not an output", encoding="utf-8")
    with pytest.raises(ExportError) as empty:
        export_outputs(tmp_path / "empty", f"sqlite:///{tmp_path}/db.sqlite")
    assert str(empty.value) == f"{tmp_path}/empty: no output files (*.json, *.jsonl) to export"
    assert not (tmp_path / "db.sqlite").exists()  # refused before the database is touched
