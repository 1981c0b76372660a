"""Loading outputs into SQLite or PostgreSQL (schema: ``pipeline/data/db_schema.sql``).

``open_database(url)`` accepts ``sqlite:///relative/path.db``,
``sqlite:////absolute/path.db`` (stdlib sqlite3) and ``postgresql://...``
(psycopg 3). :meth:`Database.store` writes one output document: if the same
output is already stored nothing changes; otherwise the document's old rows
are deleted and the new ones inserted in one transaction, so exporting the
same outputs again leaves the same rows and a re-extracted document replaces
its old version completely or not at all.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

DEFAULT_URL = "sqlite:///outputs/textmine.db"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "db_schema.sql"
# Files of a batch's output folder that are bookkeeping, not documents (see textmine.runtime.batch).
BOOKKEEPING_FILES = {"manifest.jsonl", "errors.jsonl", "batch.json"}

METADATA_COLUMNS = ("title", "journal", "journal_entity", "year", "issue", "affiliation_place")


class ExportError(RuntimeError):
    pass


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Database(ABC):
    """A connection with the textmine schema; SQL is written with ``?`` placeholders."""

    def __init__(self, connection: Any, placeholder: str, url: str):
        self._conn = connection
        self._placeholder = placeholder
        self.url = url

    def _sql(self, statement: str) -> str:
        return statement if self._placeholder == "?" else statement.replace("?", self._placeholder)

    def execute(self, statement: str, params: tuple = ()) -> Any:
        return self._conn.execute(self._sql(statement), params)

    def _insert_many(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if rows:
            marks = ", ".join("?" for _ in columns)
            sql = self._sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})")
            self._conn.cursor().executemany(sql, rows)

    @abstractmethod
    def transaction(self) -> Any:
        """Context manager: one transaction, rolled back when the block raises."""

    @abstractmethod
    def create_schema(self) -> None:
        """Create the tables and indexes that do not exist yet."""

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def fetch_all(self, statement: str, params: tuple = ()) -> list[tuple]:
        return [tuple(row) for row in self.execute(statement, params).fetchall()]

    def store(self, data: dict[str, Any]) -> str:
        """Store one output document; returns "inserted", "replaced" or "unchanged"."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str):
            raise ExportError("not a textmine output document (needs string 'id' and 'text')")
        doc_id = data["id"]
        output_sha256 = hashlib.sha256(_json(data).encode("utf-8")).hexdigest()
        with self.transaction():
            row = self.execute("SELECT output_sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is not None and row[0] == output_sha256:
                return "unchanged"
            if row is not None:
                self.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            self._insert_document(data, output_sha256)
        return "inserted" if row is None else "replaced"

    def _insert_document(self, data: dict[str, Any], output_sha256: str) -> None:
        doc_id = data["id"]
        provenance = data.get("provenance") or {}
        run_id = None
        if provenance:
            provenance_json = _json(provenance)
            run_id = hashlib.sha256(provenance_json.encode("utf-8")).hexdigest()[:16]
            self.execute(
                "INSERT INTO runs (run_id, pipeline_version, provenance) VALUES (?, ?, ?) ON CONFLICT (run_id) DO NOTHING",
                (run_id, provenance.get("pipeline_version"), provenance_json),
            )
        source = data.get("source") or {}
        self.execute(
            "INSERT INTO documents (doc_id, text_sha256, output_sha256, run_id, source_path, source_format, "
            "source_encoding, source, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                data.get("text_sha256") or hashlib.sha256(data["text"].encode("utf-8")).hexdigest(),
                output_sha256,
                run_id,
                source.get("path"),
                source.get("format"),
                source.get("encoding"),
                _json(source),
                data["text"],
            ),
        )
        self._insert_many(
            "segments",
            ("doc_id", "seq", "start_char", "end_char", "lang", "role"),
            [(doc_id, i, s["start"], s["end"], s.get("lang"), s.get("role")) for i, s in enumerate(data.get("segments") or [])],
        )
        index = data.get("entities_index") or []
        canonical_of = {mention: record["id"] for record in index for mention in record.get("mentions", [])}
        self._insert_many(
            "canonical_entities",
            ("doc_id", "canonical_id", "label", "canonical", "kb_id", "aliases", "mentions"),
            [
                (doc_id, r["id"], r["label"], r.get("canonical"), r.get("kb_id"), _json(r.get("aliases")), _json(r.get("mentions")))
                for r in index
            ],
        )
        self._insert_many(
            "entities",
            ("doc_id", "entity_id", "label", "start_char", "end_char", "text", "value", "canonical", "canonical_id", "source", "confidence"),
            [
                (
                    doc_id, e["id"], e["label"], e["start"], e["end"], e["text"], e.get("value"), e.get("canonical"),
                    canonical_of.get(e["id"]), e.get("source"), e.get("confidence"),
                )
                for e in data.get("entities") or []
            ],
        )
        self._insert_many(
            "relations",
            ("doc_id", "relation_id", "label", "head_id", "tail_id", "confidence", "source"),
            [(doc_id, r["id"], r["label"], r["head"], r["tail"], r.get("confidence"), r.get("source")) for r in data.get("relations") or []],
        )
        self._insert_metadata(doc_id, data.get("metadata") or {})

    def _insert_metadata(self, doc_id: str, metadata: dict[str, Any]) -> None:
        if not metadata:
            return
        known = set(METADATA_COLUMNS) | {"affiliation_place_entities", "authors", "references"}
        extra = {k: v for k, v in metadata.items() if k not in known}
        self.execute(
            "INSERT INTO metadata (doc_id, title, journal, journal_entity, year, issue, affiliation_place, "
            "affiliation_place_entities, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                metadata.get("title"),
                metadata.get("journal"),
                metadata.get("journal_entity"),
                _int_or_none(metadata.get("year")),
                None if metadata.get("issue") is None else str(metadata["issue"]),
                metadata.get("affiliation_place"),
                _json(metadata.get("affiliation_place_entities")),
                _json(extra) if extra else None,
            ),
        )
        self._insert_many(
            "authors",
            ("doc_id", "position", "name", "entity_id", "orcid", "email", "affiliation", "affiliation_entity"),
            [
                (doc_id, i, a.get("name"), a.get("entity"), a.get("orcid"), a.get("email"), a.get("affiliation"), a.get("affiliation_entity"))
                for i, a in enumerate(metadata.get("authors") or [])
            ],
        )
        self._insert_many(
            "bib_references",
            ("doc_id", "position", "number", "text", "start_char", "end_char", "url", "accessed"),
            [
                (doc_id, i, _int_or_none(r.get("number")), r.get("text"), r.get("start"), r.get("end"), r.get("url"), r.get("accessed"))
                for i, r in enumerate(metadata.get("references") or [])
            ],
        )


class SQLiteDatabase(Database):
    def __init__(self, path: str, url: str):
        import sqlite3

        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are opened explicitly in transaction().
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")  # ON DELETE CASCADE replaces a document's rows
        connection.execute("PRAGMA busy_timeout = 30000")
        super().__init__(connection, "?", url)
        self.create_schema()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def create_schema(self) -> None:
        self._conn.executescript(SCHEMA_PATH.read_text(encoding="utf-8"))


class PostgresDatabase(Database):
    def __init__(self, url: str):
        import psycopg

        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise ExportError(f"cannot connect to {_redact(url)}: {exc}") from exc
        super().__init__(connection, "%s", url)
        self.create_schema()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def create_schema(self) -> None:
        with self._conn.transaction():
            # Serialise concurrent first exports: CREATE ... IF NOT EXISTS can race in PostgreSQL.
            self._conn.execute("SELECT pg_advisory_xact_lock(7365781)")
            self._conn.execute(SCHEMA_PATH.read_text(encoding="utf-8"))


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def open_database(url: str = DEFAULT_URL) -> Database:
    """Connect to ``url`` and create the schema's missing tables."""
    if url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
        if path in ("", "/", "/:memory:"):
            return SQLiteDatabase(":memory:", url)
        if not path.startswith("/"):
            raise ExportError(f"malformed SQLite URL {url!r}: use sqlite:///relative/path.db or sqlite:////absolute/path.db")
        return SQLiteDatabase(path[1:], url)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    raise ExportError(f"unsupported database URL {url!r}: use sqlite:///path.db or postgresql://user:password@host/dbname")


def iter_output_files(path: Path) -> Iterator[Path]:
    """Output files under ``path`` (a folder or one file): *.json and *.jsonl, not batch bookkeeping."""
    path = Path(path)
    if path.is_file():
        yield path
        return
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in (".json", ".jsonl") and file.name not in BOOKKEEPING_FILES and not file.name.startswith("."):
            yield file


def iter_outputs(path: Path) -> Iterator[tuple[str, dict[str, Any] | Exception]]:
    """(where, document) for every output document under ``path``; a broken one yields (where, error)."""
    for file in iter_output_files(path):
        if file.suffix == ".jsonl":
            with open(file, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        try:
                            yield f"{file}:{number}", json.loads(line)
                        except json.JSONDecodeError as exc:
                            yield f"{file}:{number}", exc
        else:
            try:
                yield str(file), json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield str(file), exc


@dataclass
class ExportReport:
    counts: dict[str, int] = field(default_factory=lambda: {"inserted": 0, "replaced": 0, "unchanged": 0})
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return f"{parts}, {len(self.failures)} failed"


def export_outputs(path: Path, url: str = DEFAULT_URL) -> ExportReport:
    """Load every output document under ``path`` into the database at ``url``."""
    report = ExportReport()
    with open_database(url) as database:
        for where, data in iter_outputs(path):
            if isinstance(data, Exception):
                report.failures.append(f"{where}: unreadable: {data}")
                continue
            try:
                report.counts[database.store(data)] += 1
            except Exception as exc:  # one bad file must not stop the export; its rows are rolled back
                report.failures.append(f"{where}: {type(exc).__name__}: {exc}")
    return report
