//! Cached reads: store totals and aggregates (counts, series) keyed by what was
//! asked, dropped as soon as the store changes.
//!
//! Change is seen through SQLite's `PRAGMA data_version` on a connection of the
//! cache's own, which moves whenever any other connection commits: this server's
//! writer, or a `dyad ingest` or `dyad recode` in another process. Each entry keeps
//! the version it was computed under and is used only while the version is the same.
//! Concurrent requests for the same key wait for one computation (no stampede on a
//! cold or just-invalidated entry). The cache holds at most [`MAX_ENTRIES`] entries
//! and [`MAX_ROWS`] rows in all (about 130 bytes a row: some 25 MB); a result of more
//! than [`MAX_ITEMS`] rows is computed every time.
//!
//! `DYAD_SERVE_NO_CACHE=1` in the environment turns it off (every read computed), to
//! measure what it saves.

use crate::error::ApiError;
use crate::state::ReadPool;
use dyad_store::{Access, Store};
use std::any::Any;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// Most entries kept.
pub const MAX_ENTRIES: usize = 256;
/// Largest result kept, in rows (a daily series by QuadClass over 25 years).
pub const MAX_ITEMS: usize = 40_000;
/// Most rows kept in all.
pub const MAX_ROWS: usize = 200_000;

type Value = Arc<dyn Any + Send + Sync>;

struct Entry {
    version: i64,
    cell: Arc<OnceCell<Value>>,
    /// Rows of the value, once computed.
    rows: usize,
}

/// The cache.
pub struct Cache {
    enabled: bool,
    path: PathBuf,
    watch: Mutex<Option<Store>>,
    entries: Mutex<HashMap<String, Entry>>,
}

impl Cache {
    /// A cache over the store at `path` (its watch connection opens on first use).
    pub fn new(path: PathBuf) -> Self {
        Cache {
            enabled: std::env::var_os("DYAD_SERVE_NO_CACHE")
                .is_none_or(|v| v.is_empty() || v == "0"),
            path,
            watch: Mutex::new(None),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The store's current data version, as the watch connection sees it.
    fn version(&self) -> Result<i64, ApiError> {
        let mut watch = self
            .watch
            .lock()
            .map_err(|_| ApiError::internal("the cache lock is poisoned"))?;
        if watch.is_none() {
            *watch = Some(Store::open(&self.path, Access::Read)?);
        }
        let store = watch
            .as_ref()
            .ok_or_else(|| ApiError::internal("no watch"))?;
        store
            .connection()
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(ApiError::internal)
    }

    /// The value under `key` computed by `f` on a read connection, from the cache
    /// while the store is unchanged. `rows` tells a result's size.
    pub async fn get<T, F>(
        &self,
        reads: &Arc<ReadPool>,
        key: String,
        rows: fn(&T) -> usize,
        f: F,
    ) -> Result<Arc<T>, ApiError>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        if !self.enabled {
            return reads.run(f).await.map(Arc::new);
        }
        let version = self.version()?;
        let cell = {
            let mut entries = self
                .entries
                .lock()
                .map_err(|_| ApiError::internal("the cache lock is poisoned"))?;
            match entries.get(&key) {
                Some(e) if e.version == version => e.cell.clone(),
                _ => {
                    let full = |e: &HashMap<String, Entry>| {
                        e.len() >= MAX_ENTRIES
                            || e.values().map(|e| e.rows).sum::<usize>() >= MAX_ROWS
                    };
                    if full(&entries) {
                        entries.retain(|_, e| e.version == version);
                        if full(&entries) {
                            entries.clear();
                        }
                    }
                    let cell = Arc::new(OnceCell::new());
                    entries.insert(
                        key.clone(),
                        Entry {
                            version,
                            cell: cell.clone(),
                            rows: 0,
                        },
                    );
                    cell
                }
            }
        };
        let computed = cell
            .get_or_try_init(|| async {
                let v = reads.run(f).await?;
                Ok::<Value, ApiError>(Arc::new(v))
            })
            .await;
        let value = match computed {
            Ok(v) => v.clone(),
            Err(e) => {
                // An error is not kept: the next request tries again.
                self.forget(&key, &cell);
                return Err(e);
            }
        };
        let value = value
            .downcast::<T>()
            .map_err(|_| ApiError::internal(format!("cache key {key:?} holds another type")))?;
        let n = rows(&value);
        if n > MAX_ITEMS {
            self.forget(&key, &cell);
        } else if let Ok(mut entries) = self.entries.lock()
            && let Some(e) = entries.get_mut(&key)
            && Arc::ptr_eq(&e.cell, &cell)
        {
            e.rows = n.max(1);
        }
        Ok(value)
    }

    /// Drops `key` if it still holds `cell`.
    fn forget(&self, key: &str, cell: &Arc<OnceCell<Value>>) {
        if let Ok(mut entries) = self.entries.lock()
            && entries.get(key).is_some_and(|e| Arc::ptr_eq(&e.cell, cell))
        {
            entries.remove(key);
        }
    }

    /// Entries held (for tests).
    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
