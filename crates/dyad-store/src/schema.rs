//! The schema and its migrations, versioned by `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes a store from version `i` to `i + 1`; each runs in one
//! transaction with the version bump, so a store is always at a whole version.
//! A store whose version is above [`VERSION`] was written by a newer dyad and is
//! refused rather than guessed at. The columns are documented in `docs/store.md`.

use crate::merge::MergeRule;
use crate::{Access, Store, StoreError};
use rusqlite::{OptionalExtension, Transaction};

/// The schema version this build writes.
pub const VERSION: i64 = 2;

/// `PRAGMA application_id` of a dyad store: the bytes of "dyad".
pub const APPLICATION_ID: i64 = 0x6479_6164;

/// Version 0 -> 1: the first schema.
const V1: &str = r#"
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    num          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    dict_hash    TEXT NOT NULL,
    ingested     TEXT NOT NULL
);

CREATE TABLE sentences (
    id    INTEGER PRIMARY KEY,
    doc   INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    text  TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, content='sentences', content_rowid='id', detail=none, columnsize=0
);

CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    doc            INTEGER NOT NULL,
    sentence       INTEGER NOT NULL,
    ordinal        INTEGER NOT NULL,
    sent           INTEGER NOT NULL,
    event          INTEGER NOT NULL,
    date           TEXT NOT NULL,
    date_end       TEXT,
    date_precision TEXT,
    date_text      TEXT,
    source         TEXT NOT NULL,
    source_country TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    target         TEXT,
    target_country TEXT,
    target_start   INTEGER,
    target_end     INTEGER,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    cameo          TEXT NOT NULL,
    root           INTEGER NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    plover_mode    TEXT,
    mode           TEXT NOT NULL,
    shown          INTEGER NOT NULL,
    is_primary     INTEGER NOT NULL,
    quote          INTEGER NOT NULL,
    grp            INTEGER,
    rule           TEXT NOT NULL,
    confidence     REAL NOT NULL,
    location       TEXT
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_event ON mentions(event);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    date           TEXT NOT NULL,
    date_end       TEXT,
    source         TEXT NOT NULL,
    source_country TEXT,
    target         TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    root           INTEGER NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    mode           TEXT NOT NULL,
    shown          INTEGER NOT NULL,
    location       TEXT,
    mentions       INTEGER NOT NULL,
    sources        INTEGER NOT NULL,
    articles       INTEGER NOT NULL,
    first_seen     TEXT,
    last_seen      TEXT,
    first_mention  TEXT NOT NULL
);
CREATE INDEX events_dyad ON events(source, target, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_date ON events(date);
"#;

/// The place columns after `location` (the place's name), in both the mentions and
/// the events table: (name, SQL type).
pub const PLACE_COLUMNS: [(&str, &str); 7] = [
    ("loc_country", "TEXT"),
    ("loc_adm1", "TEXT"),
    ("loc_lat", "REAL"),
    ("loc_lon", "REAL"),
    ("loc_feature", "TEXT"),
    ("loc_precision", "TEXT"),
    ("loc_how", "TEXT"),
];

/// Version 1 -> 2: where events happened. Adds the place columns (each only when
/// missing, so a store that gained some by hand migrates too), indexes the events'
/// place name and country, and marks every stored document for re-coding: they were
/// coded before places were stored, so `dyad recode` fills them in.
fn v2(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    for table in ["mentions", "events"] {
        let have: Vec<String> = tx
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for (col, ty) in [("location", "TEXT")].iter().chain(&PLACE_COLUMNS) {
            if !have.iter().any(|h| h == col) {
                tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {col} {ty}"))?;
            }
        }
    }
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS events_location ON events(location COLLATE NOCASE);
         CREATE INDEX IF NOT EXISTS events_loc_country ON events(loc_country);
         UPDATE documents SET dict_hash = 'coded-before-places';",
    )
}

/// A migration: takes the store one version up, inside the caller's transaction.
type Migration = fn(&Transaction<'_>) -> rusqlite::Result<()>;

/// The migrations, in order.
const MIGRATIONS: &[Migration] = &[|tx| tx.execute_batch(V1), v2];

/// Sets the connection up, checks what the file is and migrates it.
pub(crate) fn prepare(store: &mut Store, access: Access) -> Result<(), StoreError> {
    let path = store.path.clone();
    let classify = |e| StoreError::classify(&path, e);
    // Reading the header first tells a non-database file from a dyad store.
    let version: i64 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(classify)?;
    let app: i64 = store
        .conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(classify)?;
    let tables: i64 = store
        .conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(classify)?;
    if app != APPLICATION_ID && (app != 0 || tables > 0) {
        return Err(StoreError::NotAStore(path));
    }
    if version > VERSION {
        return Err(StoreError::NewerSchema {
            path,
            found: version,
            supported: VERSION,
        });
    }
    store
        .conn
        .pragma_update(None, "temp_store", "MEMORY")
        .map_err(classify)?;
    // 16 MiB of page cache: the indexes' hot pages, small against the 150 MB budget.
    store
        .conn
        .pragma_update(None, "cache_size", -16384)
        .map_err(classify)?;
    if access == Access::Write {
        // WAL: readers in other processes keep reading while a batch is written; a
        // transaction is in the file or not at all, whatever kills the writer.
        let mode: String = store
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(classify)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::ReadOnly(path));
        }
        // NORMAL in WAL mode: a crash of the process loses nothing committed; only a
        // power cut can lose the last transactions (never consistency).
        store
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(classify)?;
        // Checkpoint every 32 MiB of log rather than 4: an ingest rewrites the same
        // index pages batch after batch, and each checkpoint copies them again.
        store
            .conn
            .pragma_update(None, "wal_autocheckpoint", 8192)
            .map_err(classify)?;
        migrate(store, version)?;
    } else if version < VERSION {
        return Err(StoreError::Sqlite(
            path,
            rusqlite::Error::InvalidParameterName(format!(
                "schema version {version} needs a migration: open the store once with `dyad ingest`"
            )),
        ));
    }
    store.rule = read_rule(store)?;
    Ok(())
}

fn migrate(store: &mut Store, from: i64) -> Result<(), StoreError> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = store
            .conn
            .transaction()
            .map_err(|e| store_err(&store.path, e))?;
        sql(&tx).map_err(|e| store_err(&store.path, e))?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .map_err(|e| store_err(&store.path, e))?;
        if i == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(|e| store_err(&store.path, e))?;
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('merge_rule', ?1)",
                [MergeRule::default().as_str()],
            )
            .map_err(|e| store_err(&store.path, e))?;
        }
        tx.commit().map_err(|e| store_err(&store.path, e))?;
    }
    Ok(())
}

fn store_err(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
    StoreError::classify(path, e)
}

fn read_rule(store: &Store) -> Result<MergeRule, StoreError> {
    let v: Option<String> = store
        .conn
        .query_row(
            "SELECT value FROM meta WHERE name = 'merge_rule'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| store.err(e))?;
    Ok(v.and_then(|s| s.parse().ok()).unwrap_or_default())
}
