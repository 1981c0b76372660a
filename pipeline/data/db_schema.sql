-- textmine's database schema, for SQLite and PostgreSQL alike (portable types;
-- JSON values are stored as TEXT). Created by `textmine export` and
-- `textmine batch --db` when missing. One output document = one `documents`
-- row plus its rows in the other tables, keyed by `doc_id`; re-exporting a
-- document deletes its old rows (ON DELETE CASCADE) and inserts the new ones
-- in one transaction. Offsets (`start_char`, `end_char`) are code-point
-- offsets into `documents.text`, end exclusive, as in the JSON outputs.
--
-- Schema version 3 (textmine.runtime.export.SCHEMA_VERSION). A database of an
-- older version is migrated when it is opened (see MIGRATIONS in
-- pipeline/runtime/export.py); version 1 had no `schema_version` table.
-- Run by hand (`sqlite3 FILE < db_schema.sql`, `psql -f db_schema.sql`), it
-- records its version too, so textmine does not take its tables for older ones.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL            -- one row
);
INSERT INTO schema_version (version) SELECT 3 WHERE NOT EXISTS (SELECT 1 FROM schema_version);

-- One row per distinct pipeline configuration that produced outputs.
CREATE TABLE IF NOT EXISTS runs (
    run_id           TEXT PRIMARY KEY,  -- first 16 hex digits of sha256(provenance JSON)
    pipeline_version TEXT,
    provenance       TEXT NOT NULL      -- JSON: the output's "provenance" (components, models, versions)
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id          TEXT PRIMARY KEY,   -- the output's "id" (docs/batch.md: document ids); one text per id
    text_sha256     TEXT NOT NULL,
    output_sha256   TEXT NOT NULL,      -- sha256 of the whole output: an unchanged document is not rewritten
    run_id          TEXT REFERENCES runs (run_id),
    source_path     TEXT,
    source_format   TEXT,               -- txt, html, jsonl, ...
    source_encoding TEXT,
    source          TEXT,               -- JSON: the output's whole "source" object
    text            TEXT NOT NULL,
    url             TEXT,               -- source.url: the page's address, when the input gave one (JSON Lines "url")
    meta            TEXT                -- JSON: source.meta, the input's own metadata (JSON Lines "meta")
);

-- One row per real-world entity across documents: keyed by its knowledge-base id
-- (Wikidata Q-id, ISO3166:XX, ...) or, without one, by label and canonical name.
CREATE TABLE IF NOT EXISTS kb_entities (
    entity_key TEXT PRIMARY KEY,        -- kb_id, or "<label>:<canonical name>"
    kb_id      TEXT,
    label      TEXT NOT NULL,
    canonical  TEXT                     -- the canonical name of the first document stored
);

-- Wrapper / article stretches of the text, in order, covering it without gaps.
CREATE TABLE IF NOT EXISTS segments (
    doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,        -- 0-based position
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    lang       TEXT,                    -- ISO 639-1
    role       TEXT,                    -- wrapper or article
    PRIMARY KEY (doc_id, seq)
);

-- Real-world entities of a document (the output's "entities_index").
CREATE TABLE IF NOT EXISTS canonical_entities (
    doc_id       TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL,         -- E1, E2, ... (per document)
    label        TEXT NOT NULL,
    canonical    TEXT,                  -- the canonical name, shared by all its mentions
    kb_id        TEXT,                  -- Wikidata Q-id, ISO3166:XX, ... or NULL: joins entities across documents
    aliases      TEXT,                  -- JSON list of names
    mentions     TEXT,                  -- JSON list of entity ids (T...)
    entity_key   TEXT REFERENCES kb_entities (entity_key),  -- the entity across documents
    PRIMARY KEY (doc_id, canonical_id)
);

-- Entity mentions.
CREATE TABLE IF NOT EXISTS entities (
    doc_id       TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    entity_id    TEXT NOT NULL,         -- T1, T2, ... in text order
    label        TEXT NOT NULL,         -- ORG, LOC, DATE, EVENT, PERSON
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    value        TEXT,                  -- DATE only: normalised ISO 8601 / TIMEX3 value
    date_start   DATE,                  -- DATE only: first day the value covers ("2019-09" -> 2019-09-01), NULL without a year
    date_end     DATE,                  -- DATE only: last day it covers ("2019-09" -> 2019-09-30)
    date_granularity TEXT,              -- DATE only: day, month, quarter, year, decade, century, or range (a/b)
    canonical    TEXT,
    canonical_id TEXT,                  -- canonical_entities.canonical_id of the same document, or NULL
    source       TEXT,                  -- component that found the mention
    confidence   DOUBLE PRECISION,
    PRIMARY KEY (doc_id, entity_id),
    FOREIGN KEY (doc_id, canonical_id) REFERENCES canonical_entities (doc_id, canonical_id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS relations (
    doc_id      TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    relation_id TEXT NOT NULL,          -- R1, R2, ...
    label       TEXT NOT NULL,          -- member_of, located_in, ... (annotation guidelines section 3)
    head_id     TEXT NOT NULL,          -- entities.entity_id
    tail_id     TEXT NOT NULL,
    confidence  DOUBLE PRECISION,
    source      TEXT,
    PRIMARY KEY (doc_id, relation_id),
    FOREIGN KEY (doc_id, head_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, tail_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE
);

-- Bibliographic metadata: one row per document, authors and references below.
CREATE TABLE IF NOT EXISTS metadata (
    doc_id                     TEXT PRIMARY KEY REFERENCES documents (doc_id) ON DELETE CASCADE,
    title                      TEXT,
    journal                    TEXT,
    journal_entity             TEXT,    -- entity id of the journal mention, or NULL
    year                       INTEGER,
    volume                     TEXT,
    issue                      TEXT,
    affiliation_place          TEXT,
    affiliation_place_entities TEXT,    -- JSON list of entity ids
    extra                      TEXT     -- JSON: any other metadata keys
);

CREATE TABLE IF NOT EXISTS authors (
    doc_id             TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    position           INTEGER NOT NULL, -- 0-based order in the author block
    name               TEXT,
    entity_id          TEXT,
    orcid              TEXT,
    email              TEXT,
    affiliation        TEXT,
    affiliation_entity TEXT,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS bib_references (
    doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,        -- 0-based order in the reference list
    number     INTEGER,                 -- the entry's own number
    text       TEXT,
    start_char INTEGER,
    end_char   INTEGER,
    url        TEXT,
    accessed   TEXT,                    -- ISO date YYYY-MM-DD
    PRIMARY KEY (doc_id, position)
);

CREATE INDEX IF NOT EXISTS entities_by_canonical ON entities (label, canonical);
CREATE INDEX IF NOT EXISTS entities_by_canonical_id ON entities (doc_id, canonical_id);
CREATE INDEX IF NOT EXISTS entities_by_date ON entities (date_start, date_end);
CREATE INDEX IF NOT EXISTS canonical_entities_by_kb_id ON canonical_entities (kb_id);
CREATE INDEX IF NOT EXISTS canonical_entities_by_entity_key ON canonical_entities (entity_key);
CREATE INDEX IF NOT EXISTS relations_by_label ON relations (label);
CREATE INDEX IF NOT EXISTS relations_by_head ON relations (doc_id, head_id);
CREATE INDEX IF NOT EXISTS relations_by_tail ON relations (doc_id, tail_id);
