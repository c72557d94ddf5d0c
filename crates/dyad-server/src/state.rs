//! Shared state: a small pool of read connections used from blocking tasks, one
//! write connection behind a lock (writes are serialised), the coder and the token.

use crate::error::ApiError;
use dyad_core::pipeline::Pipeline;
use dyad_store::{Access, Store, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// What codes posted documents: the pipeline and the hash of its dictionaries.
pub struct Coder {
    /// The coding pipeline.
    pub pipeline: Pipeline,
    /// Hash of its dictionaries, stored with each document.
    pub dict_hash: String,
}

/// Page cache of each read connection, in KiB (negative: SQLite's unit for KiB).
const READER_CACHE_KIB: i64 = -8192;

/// At most `size` read connections, opened on first use and kept.
pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl ReadPool {
    /// A pool over the store at `path` of at most `size` connections.
    pub fn new(path: PathBuf, size: usize) -> Self {
        ReadPool {
            path,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(size.max(1))),
        }
    }

    /// Runs `f` with a read connection in a blocking task.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.take()?;
            let out = f(&store);
            pool.give_back(store);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(s) => Ok(s),
            None => {
                let store = Store::open(&self.path, Access::Read)?;
                // 8 MiB of page cache per reader, not the store's 32 MiB: with eight
                // readers the server's memory stays small; the OS caches the file.
                let _ = store
                    .connection()
                    .pragma_update(None, "cache_size", READER_CACHE_KIB);
                Ok(store)
            }
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut v) = self.idle.lock() {
            v.push(store);
        }
    }
}

/// Everything a handler needs.
pub struct AppState {
    /// Read connections.
    pub reads: Arc<ReadPool>,
    /// The one write connection.
    pub writer: Mutex<Store>,
    /// Codes posted documents.
    pub coder: Arc<Coder>,
    /// The bearer token writes need (none: writes are refused).
    pub token: Option<String>,
    /// Totals and aggregates, kept while the store is unchanged.
    pub cache: crate::cache::Cache,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;
