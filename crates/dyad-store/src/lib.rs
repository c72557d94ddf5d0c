//! # dyad-store
//!
//! The event store: coded documents, their mentions (one row per coded event
//! occurrence, every mode) and the distinct events the mentions merge into, kept in
//! one SQLite file (WAL mode, so readers keep reading while an ingest writes).
//!
//! What this crate owns: the schema and its migrations ([`schema`]), turning a
//! coded document into rows ([`record`]), the cross-story merge rule ([`merge`]),
//! atomic batched writes with replacement of changed documents ([`write`]), and the
//! read side for the CLI and the server: filtered, cursor-paged queries, one event
//! with its mentions, one document with its coded spans ([`query`]) and aggregates
//! ([`aggregate`]).
//!
//! What it must not do: read input files, print, spawn threads or hold pipeline
//! logic. Coding is `dyad-core`'s; parallelism, progress and signals are the CLI's.
//!
//! Every statement is a prepared statement with bound parameters: SQL text is only
//! ever assembled from fixed fragments chosen by the *shape* of a filter, never from
//! a value.
//!
//! ```no_run
//! use dyad_store::{Access, Filter, Page, Store};
//!
//! let store = Store::open("dyad.db", Access::Read)?;
//! let filter = Filter { sources: vec!["USA".into()], ..Filter::default() };
//! let page = store.events(&filter, &Page::default())?;
//! for e in &page.items {
//!     println!("{} {} {} {}", e.id, e.date.as_deref().unwrap_or("-"), e.source, e.cameo);
//! }
//! # Ok::<(), dyad_store::StoreError>(())
//! ```

pub mod aggregate;
pub mod error;
pub mod merge;
pub mod query;
pub mod record;
pub mod schema;
pub mod write;

pub use aggregate::{AggregateRow, GroupBy, LocatedPlace, Period};
pub use error::StoreError;
pub use merge::MergeRule;
pub use query::{
    DocumentDetail, DocumentSource, EventDetail, EventRow, Filter, InvalidFilter, MentionRow,
    ModeSelection, Order, Page, Paged, Totals,
};
pub use record::{
    CodedDocument, MentionIn, Place, SentenceRow, code_document, content_hash, dictionaries_hash,
};
pub use write::{BatchReport, RootChange, WriteMode};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read only; the store must exist.
    Read,
    /// Read and write; the store is created when missing.
    Write,
}

/// An open store: one SQLite connection. Open one per thread (connections are
/// `Send`, not `Sync`); any number of readers may work beside one writer.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) rule: MergeRule,
}

/// How long a statement waits for another process's write lock before the store is
/// reported as locked.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens (with [`Access::Write`], creates) the store at `path`, migrating an older
    /// schema. Fails with a one-line [`StoreError`] for a store that is locked,
    /// read-only, corrupt, not a dyad store or of a newer schema.
    pub fn open(path: impl AsRef<Path>, access: Access) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        if access == Access::Read && !path.exists() {
            return Err(StoreError::Missing(path));
        }
        let flags = match access {
            Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
            Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| StoreError::classify(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::classify(&path, e))?;
        let mut store = Store {
            conn,
            path,
            rule: MergeRule::default(),
        };
        schema::prepare(&mut store, access)?;
        Ok(store)
    }

    /// How long a statement waits for another process's write lock before failing
    /// with [`StoreError::Locked`] (default 10 s).
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|e| self.err(e))
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cross-story merge rule the events were built with.
    pub fn merge_rule(&self) -> MergeRule {
        self.rule
    }

    /// The underlying connection, for read-only statements this crate does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::classify(&self.path, e)
    }
}
