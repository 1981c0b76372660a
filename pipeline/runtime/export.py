"""Loading outputs into SQLite or PostgreSQL (schema: ``pipeline/data/db_schema.sql``).

``open_database(url)`` accepts ``sqlite:///relative/path.db``,
``sqlite:////absolute/path.db`` (stdlib sqlite3) and ``postgresql://...``
(psycopg 3); an empty or in-memory URL is refused (its rows would be lost at
exit). It creates the missing tables and migrates a database of an older
schema version (:data:`MIGRATIONS`). Every failure is an :class:`ExportError`
of one line that never shows the URL's password.

:meth:`Database.store` writes one output document: if the same output is
already stored nothing changes; if the same text was extracted again, the
document's old rows are deleted and the new ones inserted in one
transaction, so exporting the same outputs again leaves the same rows and a
re-extracted document replaces its old version completely or not at all. A
document whose id is stored with *another text* is refused
(:class:`DocumentConflict`) unless ``replace`` is given.
"""

from __future__ import annotations

import datetime
import calendar
import hashlib
import json
import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

DEFAULT_URL = "sqlite:///outputs/textmine.db"
SCHEMA_VERSION = 3
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "db_schema.sql"
# Files of a batch's output folder that are bookkeeping, not documents (see textmine.runtime.batch).
BOOKKEEPING_FILES = {"manifest.jsonl", "errors.jsonl", "batch.json"}

METADATA_COLUMNS = ("title", "journal", "journal_entity", "year", "volume", "issue", "affiliation_place")


class ExportError(RuntimeError):
    """The database cannot be used, or a document cannot be stored; the message is one line."""


class DocumentConflict(ExportError):
    """The document's id is stored with another text."""


def date_range(value: Any) -> tuple[datetime.date | None, datetime.date | None, str | None]:
    """(first day, last day, granularity) a TIMEX date value covers; Nones when it has no year or is not one.

    ``2019-09`` -> (2019-09-01, 2019-09-30, "month"); ``199X`` -> decade;
    ``2004/2019`` -> from the first day of 2004 to the last of 2019, "range";
    ``XXXX-09`` -> (None, None, "month").
    """
    if not isinstance(value, str) or not value:
        return None, None, None
    if "/" in value:
        first, _, last = value.partition("/")
        start, _, _ = date_range(first)
        _, end, _ = date_range(last)
        return (start, end, "range") if start and end and start <= end else (None, None, None)
    match = _TIMEX.fullmatch(value)
    if not match:
        return None, None, None
    year, month, day, quarter = match.group("year"), match.group("month"), match.group("day"), match.group("quarter")
    if "X" in year:
        digits = year.rstrip("X")
        granularity = {3: "decade", 2: "century"}.get(len(digits))
        if granularity is None or month or day or quarter:
            return None, None, "month" if month and not day else "day" if day else None
        span = 10 ** (4 - len(digits))
        first_year = int(digits) * span
        return _safe(first_year, 1, 1), _safe(first_year + span - 1, 12, 31), granularity
    y = int(year)
    try:
        if quarter:
            q = int(quarter)
            return datetime.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
        if day:
            d = datetime.date(y, int(month), int(day))
            return d, d, "day"
        if month:
            return datetime.date(y, int(month), 1), _month_end(y, int(month)), "month"
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year"
    except ValueError:
        return None, None, None


_TIMEX = re.compile(r"(?P<year>\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-Q(?P<quarter>[1-4])|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def entity_key(record: dict[str, Any]) -> str | None:
    """The cross-document key of an ``entities_index`` record: its KB id, else label and canonical name."""
    if record.get("kb_id"):
        return str(record["kb_id"])
    if record.get("canonical"):
        return f"{record['label']}:{record['canonical']}"
    return None


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

    def store(self, data: dict[str, Any], replace: bool = False) -> str:
        """Store one output document; returns "inserted", "replaced" or "unchanged".

        Raises DocumentConflict when the id is stored with another text and ``replace`` is False.
        """
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str):
            raise ExportError("not a textmine output document (needs string 'id' and 'text')")
        doc_id = data["id"]
        output_sha256 = hashlib.sha256(_json(data).encode("utf-8")).hexdigest()
        text_sha256 = hashlib.sha256(data["text"].encode("utf-8")).hexdigest()
        with self.transaction():
            row = self.execute("SELECT output_sha256, text_sha256, source_path FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is not None and row[0] == output_sha256:
                return "unchanged"
            if row is not None and row[1] != text_sha256 and not replace:
                raise DocumentConflict(
                    f"document id {doc_id!r} is already stored with another text (from {row[2]}, text_sha256 "
                    f"{row[1][:12]}..., this one {text_sha256[:12]}...); give it another id, or use --replace to replace it"
                )
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
            "source_encoding, source, text, url, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                source.get("url") if isinstance(source.get("url"), str) else _json(source.get("url")),
                _json(source.get("meta")),
            ),
        )
        self._insert_many(
            "segments",
            ("doc_id", "seq", "start_char", "end_char", "lang", "role"),
            [(doc_id, i, s["start"], s["end"], s.get("lang"), s.get("role")) for i, s in enumerate(data.get("segments") or [])],
        )
        index = data.get("entities_index") or []
        canonical_of = {mention: record["id"] for record in index for mention in record.get("mentions", [])}
        keys = [entity_key(r) for r in index]
        self._insert_kb_entities(
            {key: (r.get("kb_id"), r["label"], r.get("canonical")) for key, r in zip(keys, index) if key is not None}
        )
        self._insert_many(
            "canonical_entities",
            ("doc_id", "canonical_id", "label", "canonical", "kb_id", "aliases", "mentions", "entity_key"),
            [
                (doc_id, r["id"], r["label"], r.get("canonical"), r.get("kb_id"), _json(r.get("aliases")), _json(r.get("mentions")), key)
                for r, key in zip(index, keys)
            ],
        )
        self._insert_many(
            "entities",
            (
                "doc_id", "entity_id", "label", "start_char", "end_char", "text", "value", "date_start", "date_end",
                "date_granularity", "canonical", "canonical_id", "source", "confidence",
            ),
            [
                (
                    doc_id, e["id"], e["label"], e["start"], e["end"], e["text"], e.get("value"),
                    *(self._dates(e.get("value")) if e["label"] == "DATE" else (None, None, None)),
                    e.get("canonical"), canonical_of.get(e["id"]), e.get("source"), e.get("confidence"),
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

    def _insert_kb_entities(self, records: dict[str, tuple[Any, str, Any]]) -> None:
        for key, (kb_id, label, canonical) in records.items():
            self.execute(
                "INSERT INTO kb_entities (entity_key, kb_id, label, canonical) VALUES (?, ?, ?, ?) ON CONFLICT (entity_key) DO NOTHING",
                (key, kb_id, label, canonical),
            )

    def _dates(self, value: Any) -> tuple[Any, Any, str | None]:
        start, end, granularity = date_range(value)
        return self._date(start), self._date(end), granularity

    def _date(self, day: datetime.date | None) -> Any:
        """A date as the driver takes it (SQLite stores ISO text)."""
        return day

    def schema_version(self) -> int:
        """The version of the schema this database has (0: empty, 1: before versions were recorded).

        Raises ExportError when its ``schema_version`` table has no row: textmine and the schema file
        write the row with the table, so its tables could be of any version (made by hand from an
        older schema file, say), and migrating them from a guessed one would fail half-way.
        """
        if not self._table_exists("documents"):
            return 0
        if not self._table_exists("schema_version"):
            return 1
        row = self.execute("SELECT MAX(version) FROM schema_version").fetchone()
        if row[0] is None:
            raise ExportError(
                "the database's schema_version table is empty, so the version of its tables is unknown: if they were "
                "made from a db_schema.sql, insert that file's version (INSERT INTO schema_version (version) VALUES (N); "
                f"N = {SCHEMA_VERSION} for this textmine's), or export into a new database"
            )
        return int(row[0])

    @abstractmethod
    def _table_exists(self, table: str) -> bool:
        """True when ``table`` exists in the database."""

    def _run_schema(self) -> None:
        self._execute_script(SCHEMA_PATH.read_text(encoding="utf-8"))

    @abstractmethod
    def _execute_script(self, script: str) -> None:
        """Run several SQL statements (no parameters)."""

    def prepare(self) -> None:
        """Create the missing tables, migrating an older schema first, inside one transaction."""
        with self.transaction():
            self._lock_schema()
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise ExportError(
                    f"the database has schema version {version}, newer than this textmine's {SCHEMA_VERSION}: upgrade textmine"
                )
            for old in range(version, SCHEMA_VERSION) if version else ():
                MIGRATIONS[old](self)
            self._run_schema()
            self.execute("DELETE FROM schema_version")
            self.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))

    def _lock_schema(self) -> None:
        """Serialise concurrent first uses (PostgreSQL); SQLite's BEGIN IMMEDIATE already does."""

    def _insert_metadata(self, doc_id: str, metadata: dict[str, Any]) -> None:
        if not metadata:
            return
        known = set(METADATA_COLUMNS) | {"affiliation_place_entities", "authors", "references"}
        extra = {k: v for k, v in metadata.items() if k not in known}
        self.execute(
            "INSERT INTO metadata (doc_id, title, journal, journal_entity, year, volume, issue, affiliation_place, "
            "affiliation_place_entities, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                metadata.get("title"),
                metadata.get("journal"),
                metadata.get("journal_entity"),
                _int_or_none(metadata.get("year")),
                None if metadata.get("volume") is None else str(metadata["volume"]),
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


def _migrate_1_to_2(db: Database) -> None:
    """Version 1 -> 2: url/meta of documents, kb_entities, typed dates, foreign keys and join indexes.

    Foreign keys cannot be added to an existing SQLite table, so ``entities``
    and ``relations`` are rebuilt: renamed, created anew, copied, dropped.
    """
    for table, column, kind in (("documents", "url", "TEXT"), ("documents", "meta", "TEXT"), ("canonical_entities", "entity_key", "TEXT")):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    db.execute("ALTER TABLE entities RENAME TO entities_v1")
    db.execute("ALTER TABLE relations RENAME TO relations_v1")
    for index in ("entities_by_canonical", "relations_by_label"):  # their names are the new tables' (PostgreSQL keeps them on renamed tables)
        db.execute(f"DROP INDEX IF EXISTS {index}")
    db._run_schema()
    records = db.fetch_all("SELECT doc_id, canonical_id, label, canonical, kb_id FROM canonical_entities")
    keyed = [(entity_key({"label": r[2], "canonical": r[3], "kb_id": r[4]}), r) for r in records]
    db._insert_kb_entities({key: (r[4], r[2], r[3]) for key, r in keyed if key is not None})
    for key, r in keyed:
        if key is not None:
            db.execute("UPDATE canonical_entities SET entity_key = ? WHERE doc_id = ? AND canonical_id = ?", (key, r[0], r[1]))
    columns = "doc_id, entity_id, label, start_char, end_char, text, value, canonical, canonical_id, source, confidence"
    db.execute(f"INSERT INTO entities ({columns}) SELECT {columns} FROM entities_v1")
    for doc_id, entity_id, value in db.fetch_all("SELECT doc_id, entity_id, value FROM entities WHERE label = 'DATE'"):
        db.execute(
            "UPDATE entities SET date_start = ?, date_end = ?, date_granularity = ? WHERE doc_id = ? AND entity_id = ?",
            (*db._dates(value), doc_id, entity_id),
        )
    columns = "doc_id, relation_id, label, head_id, tail_id, confidence, source"
    db.execute(f"INSERT INTO relations ({columns}) SELECT {columns} FROM relations_v1")
    db.execute("DROP TABLE relations_v1")
    db.execute("DROP TABLE entities_v1")


def _migrate_2_to_3(db: Database) -> None:
    """Version 2 -> 3: the metadata's volume gets its own column; a volume that version 2 kept in the
    ``extra`` JSON moves there (and leaves ``extra``, which is NULL when nothing else is in it)."""
    db.execute("ALTER TABLE metadata ADD COLUMN volume TEXT")
    for doc_id, extra in db.fetch_all("SELECT doc_id, extra FROM metadata WHERE extra IS NOT NULL"):
        values = json.loads(extra)
        if not isinstance(values, dict) or "volume" not in values:
            continue
        volume = values.pop("volume")
        db.execute(
            "UPDATE metadata SET volume = ?, extra = ? WHERE doc_id = ?",
            (None if volume is None else str(volume), _json(values) if values else None, doc_id),
        )


# MIGRATIONS[n] turns a database of schema version n into version n + 1.
MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


class SQLiteDatabase(Database):
    def __init__(self, path: str, url: str):
        import sqlite3

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        if Path(path).is_dir():
            raise ExportError(f"{path} is a folder, not a SQLite database file: name a file, e.g. sqlite:///{path}/textmine.db")
        # isolation_level=None: transactions are opened explicitly in transaction().
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute("PRAGMA foreign_keys = ON")  # ON DELETE CASCADE replaces a document's rows
            connection.execute("PRAGMA busy_timeout = 30000")
            super().__init__(connection, "?", url)
            self.prepare()
        except BaseException:
            connection.close()
            raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:  # some errors (a full disk) have rolled it back already
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _table_exists(self, table: str) -> bool:
        return self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None

    def _execute_script(self, script: str) -> None:
        # executescript would COMMIT the open transaction first: statements one by one instead.
        import sqlite3

        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""

    def _date(self, day: datetime.date | None) -> Any:
        return None if day is None else day.isoformat()

    def create_schema(self) -> None:
        self.prepare()


class PostgresDatabase(Database):
    def __init__(self, url: str):
        import psycopg

        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=30)
        except psycopg.Error as exc:
            raise ExportError(f"cannot connect to {_redact(url)}: {_first_line(exc)}") from None
        super().__init__(connection, "%s", url)
        try:
            self.prepare()
        except BaseException:
            connection.close()
            raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _lock_schema(self) -> None:
        # Serialise concurrent first exports: CREATE ... IF NOT EXISTS can race in PostgreSQL.
        self._conn.execute("SELECT pg_advisory_xact_lock(7365781)")

    def _table_exists(self, table: str) -> bool:
        return self.execute("SELECT to_regclass(?)", (table,)).fetchone()[0] is not None

    def _execute_script(self, script: str) -> None:
        self._conn.execute(script)

    def create_schema(self) -> None:
        self.prepare()


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "<the database URL>"
    if password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]  # the password may hold an "@" too
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def _driver_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    # OverflowError: sqlite3 cannot bind an integer of more than 64 bits (a valid output may have one as its year).
    errors: list[type[BaseException]] = [sqlite3.Error, OSError, OverflowError]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:  # PostgreSQL support not installed: its URLs fail when used
        pass
    return tuple(errors)


def open_database(url: str = DEFAULT_URL) -> Database:
    """Connect to ``url``, create the schema's missing tables and migrate an older schema.

    Raises ExportError (one line, no password) for a URL that cannot be used.
    """
    if not url or not url.strip():
        raise ExportError("empty database URL: use sqlite:///path.db or postgresql://user:password@host/dbname")
    shown = _redact(url)
    try:
        if url.startswith("sqlite://"):
            path = url[len("sqlite://") :]
            if path in ("", "/") or path.startswith("/:memory:") or "mode=memory" in path:
                raise ExportError(
                    f"{shown} is an in-memory database, lost when textmine exits: name a file, e.g. sqlite:///outputs/textmine.db"
                )
            if not path.startswith("/"):
                raise ExportError(f"malformed SQLite URL {shown!r}: use sqlite:///relative/path.db or sqlite:////absolute/path.db")
            return SQLiteDatabase(path[1:], url)
        if url.startswith(("postgresql://", "postgres://")):
            return PostgresDatabase(url)
    except ExportError:
        raise
    except _driver_errors() as exc:
        raise ExportError(f"cannot use database {shown}: {_first_line(exc)}") from None
    raise ExportError(f"unsupported database URL {shown!r}: use sqlite:///path.db or postgresql://user:password@host/dbname")


def iter_output_files(path: Path) -> Iterator[Path]:
    """Output files under ``path`` (a folder or one file): *.json and *.jsonl, not batch bookkeeping."""
    path = Path(path)
    if path.is_file():
        yield path
        return
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in (".json", ".jsonl") and file.name not in BOOKKEEPING_FILES:
            yield file


def iter_outputs(path: Path) -> Iterator[tuple[str, dict[str, Any] | Exception]]:
    """(where, document) for every output document under ``path``; a broken one yields (where, error)."""
    for file in iter_output_files(path):
        if file.suffix == ".jsonl":
            try:
                with open(file, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if line.strip():
                            yield f"{file}:{number}", _parse(line)
            except (OSError, UnicodeDecodeError) as exc:
                yield str(file), exc
        else:
            try:
                yield str(file), _parse(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                yield str(file), exc


def _parse(content: str) -> dict[str, Any] | Exception:
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        return ValueError(f"not JSON: {_first_line(exc)}")


def output_problem(data: Any) -> str | None:
    """Why ``data`` is not a valid textmine output (the first problem ``textmine validate`` finds), or None."""
    from textmine.evaluation.validate import document_problems, schema_problems

    if not isinstance(data, dict) or "provenance" not in data:
        return "not a textmine output (no provenance: an input or gold file?)"
    problems = schema_problems(data, "output") or document_problems(data, data.get("text"))
    if problems:
        field_name, message = problems[0]
        more = f" (and {len(problems) - 1} more; see `textmine validate`)" if len(problems) > 1 else ""
        return f"not a valid textmine output: {field_name}: {message}{more}"
    return None


@dataclass
class ExportReport:
    counts: dict[str, int] = field(default_factory=lambda: {"inserted": 0, "replaced": 0, "unchanged": 0})
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return f"{parts}, {len(self.failures)} failed"


def export_outputs(path: Path, url: str = DEFAULT_URL, replace: bool = False) -> ExportReport:
    """Load every valid output document under ``path`` into the database at ``url``.

    Raises ExportError when ``path`` does not exist or holds no output file, or the database cannot be used.
    """
    path = Path(path)
    if not path.exists():
        raise ExportError(f"{path}: no such file or folder")
    if not any(True for _ in iter_output_files(path)):
        raise ExportError(f"{path}: no output files (*.json, *.jsonl) to export")
    report = ExportReport()
    errors = _driver_errors()
    with open_database(url) as database:
        for where, data in iter_outputs(path):
            if isinstance(data, Exception):
                report.failures.append(f"{where}: unreadable: {_first_line(data)}")
                continue
            problem = output_problem(data)
            if problem:
                report.failures.append(f"{where}: {problem}")
                continue
            try:
                report.counts[database.store(data, replace=replace)] += 1
            except ExportError as exc:
                report.failures.append(f"{where}: {exc}")
            except errors as exc:  # one bad document must not stop the export; its rows are rolled back
                report.failures.append(f"{where}: database error: {_first_line(exc)}")
    return report
