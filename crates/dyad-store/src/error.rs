//! Store errors: each one line, naming the store file and what to do.

use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No store at the path (reading needs one).
    #[error("{}: no store here (create one with `dyad ingest`)", .0.display())]
    Missing(PathBuf),
    /// Another process holds the write lock for longer than the busy timeout.
    #[error("{}: the store is locked by another process (try again when it is done)", .0.display())]
    Locked(PathBuf),
    /// The file or its directory cannot be written.
    #[error("{}: the store is read-only (check the permissions of the file and its directory)", .0.display())]
    ReadOnly(PathBuf),
    /// The file is damaged.
    #[error("{}: the store is corrupt ({why}); restore it from a copy or ingest again into a new file", .0.display(), why = .1)]
    Corrupt(PathBuf, String),
    /// An SQLite file that is not a dyad store, or not SQLite at all.
    #[error("{}: not a dyad store", .0.display())]
    NotAStore(PathBuf),
    /// Written by a newer dyad.
    #[error("{}: the store's schema version {found} is newer than this dyad's ({supported}); use a newer dyad", .path.display())]
    NewerSchema {
        /// The store file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Two different keys hashed to the same 63-bit id (never seen; reported, not hidden).
    #[error("{}: id collision between {id} and another record; please report it", .1.display(), id = .0)]
    Collision(String, PathBuf),
    /// A filter value that cannot be used.
    #[error(transparent)]
    Invalid(#[from] crate::query::InvalidFilter),
    /// Any other SQLite failure.
    #[error("{}: {why}", .0.display(), why = .1)]
    Sqlite(PathBuf, rusqlite::Error),
}

impl StoreError {
    /// Sorts an SQLite error into the cases a user can act on.
    pub fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
        let p = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked(p),
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(p),
            Some(ErrorCode::CannotOpen) if is_unwritable(path) => StoreError::ReadOnly(p),
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(p, e.to_string()),
            Some(ErrorCode::NotADatabase) => StoreError::NotAStore(p),
            _ => StoreError::Sqlite(p, e),
        }
    }

    /// True for the errors that concern the store file itself (locked, read-only,
    /// corrupt, newer schema, not a store, missing), as opposed to a bad request.
    pub fn is_store_problem(&self) -> bool {
        !matches!(self, StoreError::Invalid(_))
    }
}

fn is_unwritable(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
        || std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}
