//! `dyad ingest`: read, code in parallel and store, in batched transactions.
//!
//! A reader thread streams documents; the main thread gathers them into batches
//! (2,000 documents, 8 MB of text, or whatever has arrived after a quarter of a second
//! of silence, so standard input is stored as it arrives), drops those whose content
//! hash is stored already, codes the rest in parallel, and hands the batch to a writer
//! thread that stores it in one transaction while the next batch is coded. Ctrl-C
//! stops reading; the batch being written is committed; the run exits 130.

use crate::{Global, InputArgs, run};
use anyhow::{Context, Result};
use clap::Args;
use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_io::{InputFormat, ReadOptions, read_inputs};
use dyad_store::{
    Access, BatchReport, CodedDocument, MergeRule, Store, WriteMode, code_document, content_hash,
    dictionaries_hash,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

/// Bytes of text per batch, whichever limit comes first.
const BATCH_BYTES: usize = 8 << 20;
/// A partial batch is stored after this long without a new document.
const QUIET_FLUSH: Duration = Duration::from_millis(250);

/// The store file option shared by the store commands.
#[derive(Args, Debug, Clone)]
pub struct StoreArg {
    /// The store file (default: $DYAD_STORE, else ./dyad.db).
    #[arg(long, value_name = "PATH")]
    pub store: Option<PathBuf>,
}

impl StoreArg {
    /// The store path: the flag, else `DYAD_STORE`, else `dyad.db`.
    pub fn path(&self) -> PathBuf {
        self.store
            .clone()
            .or_else(|| std::env::var_os("DYAD_STORE").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("dyad.db"))
    }

    /// Opens the store; `DYAD_STORE_TIMEOUT_MS` sets how long to wait for another
    /// writer's lock (default 10 s).
    pub fn open(&self, access: Access) -> Result<Store> {
        let store = Store::open(self.path(), access)?;
        if let Some(ms) = std::env::var("DYAD_STORE_TIMEOUT_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
        {
            store.set_busy_timeout(Duration::from_millis(ms))?;
        }
        Ok(store)
    }
}

/// `dyad ingest` arguments.
#[derive(Args, Debug, Clone)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub store: StoreArg,
    /// Cross-story merge rule: day, week or none (a new rule rebuilds the events).
    #[arg(long, value_name = "RULE")]
    pub merge: Option<MergeRule>,
    /// Ingest the files of DIR, then every file that appears in it, until interrupted.
    #[arg(long, value_name = "DIR")]
    pub watch: Option<PathBuf>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub batch: usize,
}

/// Set by Ctrl-C: stop at the next commit boundary.
pub static STOP: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl-C handler: the first press asks for a stop at a commit
/// boundary, the second exits at once (the store stays consistent either way).
pub fn catch_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("dyad: stopping after the current batch (Ctrl-C again to quit now)");
    });
}

/// The pipeline and the hash of its dictionaries.
pub fn coder(global: &Global) -> Result<(Pipeline, String)> {
    let files = run::dictionary_files(global.dictionaries.as_deref(), global.no_builtin)?;
    let hash = dictionaries_hash(&files);
    drop(files);
    Ok((run::pipeline(global)?, hash))
}

/// A spinner with counts on standard error (terminal only, not with `--quiet`).
pub fn spinner(global: &Global) -> Option<ProgressBar> {
    if global.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

/// Running totals of one `dyad ingest`.
#[derive(Default)]
struct Totals {
    report: BatchReport,
    failed: u64,
    warned: u64,
}

impl Totals {
    fn line(&self) -> String {
        let r = &self.report;
        format!(
            "{} documents: {} new, {} unchanged, {} replaced, {} failed; {} mentions written",
            r.new + r.unchanged + r.replaced + r.recoded + self.failed,
            r.new,
            r.unchanged,
            r.replaced + r.recoded,
            self.failed,
            r.mentions_written
        )
    }
}

struct Ingester<'a> {
    global: &'a Global,
    pipeline: Pipeline,
    dict_hash: String,
    batch: usize,
    bar: Option<ProgressBar>,
    totals: Totals,
}

/// `dyad ingest`.
pub fn run(global: &Global, args: &IngestArgs) -> Result<ExitCode> {
    catch_ctrl_c();
    let path = args.store.path();
    let mut store = args.store.open(Access::Write)?;
    if let Some(rule) = args.merge
        && store.set_merge_rule(rule)?
        && !global.quiet
    {
        eprintln!("dyad: events rebuilt under the merge rule {rule}");
    }
    let reader = args.store.open(Access::Read)?;
    let (pipeline, dict_hash) = coder(global)?;
    let mut ing = Ingester {
        global,
        pipeline,
        dict_hash,
        batch: args.batch.max(1),
        bar: spinner(global),
        totals: Totals::default(),
    };
    let inputs = if args.input.inputs.is_empty() && args.watch.is_none() {
        vec![PathBuf::from("-")]
    } else {
        args.input.inputs.clone()
    };
    if !inputs.is_empty() {
        ing.ingest_paths(&mut store, &reader, &inputs)?;
    }
    if let Some(dir) = &args.watch {
        ing.watch(&mut store, &reader, dir)?;
    }
    if let Some(bar) = &ing.bar {
        bar.finish_and_clear();
    }
    let t = reader.totals()?;
    if !global.quiet {
        let stopped = if STOP.load(Ordering::SeqCst) {
            " (interrupted at a commit boundary)"
        } else {
            ""
        };
        eprintln!(
            "dyad ingest: {}{stopped}; {} now holds {} documents, {} mentions, {} events",
            ing.totals.line(),
            path.display(),
            t.documents,
            t.mentions,
            t.events
        );
    }
    let other_dicts = store.count_to_recode(&ing.dict_hash)?;
    if other_dicts > 0 && !global.quiet {
        eprintln!(
            "dyad ingest: {other_dicts} stored documents were coded with other dictionaries: \
             `dyad recode` re-codes them"
        );
    }
    Ok(if STOP.load(Ordering::SeqCst) {
        ExitCode::from(130)
    } else if ing.totals.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

impl Ingester<'_> {
    fn progress(&self) {
        if let Some(bar) = &self.bar {
            bar.set_message(self.totals.line());
        }
    }

    /// Reads, codes and stores every document of `paths`.
    fn ingest_paths(&mut self, store: &mut Store, reader: &Store, paths: &[PathBuf]) -> Result<()> {
        let options = ReadOptions {
            format: self.global.input_format,
            ..ReadOptions::default()
        };
        let published = self.global.published;
        let (doc_tx, doc_rx) = sync_channel::<Document>(self.batch);
        let (out_tx, out_rx) = sync_channel::<Vec<CodedDocument>>(1);
        let (rep_tx, rep_rx) = std::sync::mpsc::channel::<BatchReport>();
        let options = &options;
        std::thread::scope(|scope| -> Result<()> {
            let read = scope.spawn(move || {
                let (mut failed, mut warned) = (0u64, 0u64);
                for item in read_inputs(paths, options) {
                    if STOP.load(Ordering::SeqCst) {
                        break;
                    }
                    match item {
                        Ok(mut doc) => {
                            if doc.published.is_none() {
                                doc.published = published;
                            }
                            if doc_tx.send(doc).is_err() {
                                break;
                            }
                        }
                        Err(e) if e.is_warning() => {
                            warned += 1;
                            eprintln!("warning: {e}");
                        }
                        Err(e) => {
                            failed += 1;
                            eprintln!("error: {e}");
                        }
                    }
                }
                (failed, warned)
            });
            let write = scope.spawn(move || -> Result<()> {
                for batch in out_rx {
                    let r = store.write(&batch, WriteMode::Ingest)?;
                    let _ = rep_tx.send(r);
                }
                Ok(())
            });
            let mut batch: Vec<Document> = Vec::with_capacity(self.batch);
            let mut bytes = 0usize;
            loop {
                if STOP.load(Ordering::SeqCst) {
                    break;
                }
                let last = match doc_rx.recv_timeout(QUIET_FLUSH) {
                    Ok(doc) => {
                        bytes += doc.text.len();
                        batch.push(doc);
                        if batch.len() < self.batch && bytes < BATCH_BYTES {
                            continue;
                        }
                        false
                    }
                    Err(RecvTimeoutError::Timeout) if batch.is_empty() => continue,
                    Err(RecvTimeoutError::Timeout) => false,
                    Err(RecvTimeoutError::Disconnected) => true,
                };
                for r in rep_rx.try_iter() {
                    self.totals.report.add(&r);
                }
                self.progress();
                if STOP.load(Ordering::SeqCst) {
                    break;
                }
                if !batch.is_empty() {
                    let coded = self.code(reader, std::mem::take(&mut batch))?;
                    bytes = 0;
                    if out_tx.send(coded).is_err() {
                        break;
                    }
                }
                if last {
                    break;
                }
            }
            drop(out_tx);
            drop(doc_rx);
            let written = write.join().expect("the writer thread does not panic");
            if STOP.load(Ordering::SeqCst) && written.is_ok() {
                // Everything handed to the writer is committed. The reader may be
                // blocked on a read from standard input that never ends: leave now.
                for r in rep_rx.try_iter() {
                    self.totals.report.add(&r);
                }
                if let Some(bar) = &self.bar {
                    bar.finish_and_clear();
                }
                if !self.global.quiet {
                    eprintln!(
                        "dyad ingest: {} (interrupted at a commit boundary)",
                        self.totals.line()
                    );
                }
                std::process::exit(130);
            }
            let (failed, warned) = read.join().expect("the reader thread does not panic");
            for r in rep_rx.try_iter() {
                self.totals.report.add(&r);
            }
            self.totals.failed += failed;
            self.totals.warned += warned;
            self.progress();
            written
        })
    }

    /// Drops the documents stored already with the same content, codes the rest in
    /// parallel (in input order).
    fn code(&mut self, reader: &Store, docs: Vec<Document>) -> Result<Vec<CodedDocument>> {
        let mut fresh = Vec::with_capacity(docs.len());
        for doc in docs {
            if reader.content_hash_of(&doc.id)?.as_deref() == Some(content_hash(&doc).as_str()) {
                self.totals.report.unchanged += 1;
            } else {
                fresh.push(doc);
            }
        }
        let (pipeline, hash) = (&self.pipeline, self.dict_hash.as_str());
        Ok(fresh
            .into_par_iter()
            .map_init(Analysis::default, |a, doc| {
                code_document(pipeline, doc, a, hash)
            })
            .collect())
    }

    /// `--watch DIR`: the files there now, then each file that appears or changes
    /// (once it has been quiet for a second), until Ctrl-C.
    fn watch(&mut self, store: &mut Store, reader: &Store, dir: &Path) -> Result<()> {
        use notify::{EventKind, RecursiveMode, Watcher};
        self.ingest_paths(store, reader, &[dir.to_path_buf()])?;
        let (tx, rx) = std::sync::mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |res| {
            let _ = tx.send(res);
        })
        .context("starting the file watcher")?;
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("{}: cannot watch", dir.display()))?;
        if !self.global.quiet {
            eprintln!("dyad: watching {} (Ctrl-C to stop)", dir.display());
        }
        let mut pending: BTreeMap<PathBuf, Instant> = BTreeMap::new();
        while !STOP.load(Ordering::SeqCst) {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(Ok(event))
                    if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) =>
                {
                    for p in event.paths {
                        let hidden = p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                        if !hidden && InputFormat::from_path(&p).is_some() {
                            pending.insert(p, Instant::now());
                        }
                    }
                }
                Ok(Err(e)) => eprintln!("warning: {}: watching: {e}", dir.display()),
                _ => {}
            }
            let ready: Vec<PathBuf> = pending
                .iter()
                .filter(|(p, t)| t.elapsed() >= Duration::from_secs(1) && p.is_file())
                .map(|(p, _)| p.clone())
                .collect();
            if !ready.is_empty() {
                for p in &ready {
                    pending.remove(p);
                }
                self.ingest_paths(store, reader, &ready)?;
            }
        }
        Ok(())
    }
}
