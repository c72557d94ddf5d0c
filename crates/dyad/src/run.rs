//! The commands: reading, coding in parallel, writing in order.

use crate::{CodeArgs, Format, Global, InputArgs, Modes};
use anyhow::{Context, Result};
use dyad_core::Document;
use dyad_core::dict::{self, Dictionaries, lint::Severity};
use dyad_core::output::{self, ModeFilter};
use dyad_core::pipeline::{Analysis, Pipeline, WINDOW_BYTES};
use dyad_io::{ReadOptions, read_inputs};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Documents coded per batch: enough to keep every core busy, few enough that
/// memory stays flat however large the input.
const BATCH_DOCS: usize = 256;
/// Bytes of text per batch, whichever limit comes first.
const BATCH_BYTES: usize = 8 << 20;

/// One document's output bytes, in chunks of about [`CHUNK_BYTES`]: a long story's
/// output (about 40 bytes per byte of text for one dense with actors) grows chunk by
/// chunk instead of by doubling one buffer, which holds the old and the new copy at
/// once. Once the output of every document not yet written passes [`HELD_BYTES`],
/// further full chunks go to a temporary file, so that memory stays bounded
/// whatever one document or one batch yields.
#[derive(Debug, Default)]
pub(crate) struct Output {
    /// The chunks in memory. Once `spill` is open, only the last one takes bytes,
    /// and goes to the file whenever it is full.
    chunks: Vec<Vec<u8>>,
    /// The temporary file, its length, and how many chunks come before it.
    spill: Option<(std::fs::File, u64, usize)>,
    /// No temporary file could be made or written (a full or read-only disk):
    /// memory it is.
    no_spill: bool,
    /// What this output added to [`HELD`].
    held: usize,
}

/// See [`Output`].
const CHUNK_BYTES: usize = 256 << 10;
/// See [`Output`].
const HELD_BYTES: usize = 32 << 20;
/// Bytes of output held in memory by every [`Output`] not yet dropped.
static HELD: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Output {
    /// The buffer to append the next record to: the last chunk, or a new one once
    /// it is nearly full. The first chunk grows as needed (most documents' whole
    /// output is a few kilobytes).
    pub(crate) fn buf(&mut self) -> &mut Vec<u8> {
        let full = (self.chunks.last()).map(|b| b.len() + CHUNK_BYTES / 16 > CHUNK_BYTES);
        match full {
            None => self.chunks.push(Vec::new()),
            Some(true) if !self.spilled() => {
                // The first chunk counts once it is full.
                let first = if self.held == 0 {
                    self.chunks[0].capacity()
                } else {
                    0
                };
                self.held += first + CHUNK_BYTES;
                HELD.fetch_add(first + CHUNK_BYTES, std::sync::atomic::Ordering::Relaxed);
                self.chunks.push(Vec::with_capacity(CHUNK_BYTES));
            }
            Some(_) => {}
        }
        let last = self.chunks.len() - 1;
        &mut self.chunks[last]
    }

    /// Whether the full last chunk went to the temporary file (opened once every
    /// output not yet written holds over [`HELD_BYTES`]) and was emptied.
    fn spilled(&mut self) -> bool {
        use std::io::{Seek, SeekFrom};
        let held = HELD.load(std::sync::atomic::Ordering::Relaxed);
        if self.no_spill || self.chunks.is_empty() || (self.spill.is_none() && held < HELD_BYTES) {
            return false;
        }
        let last = self.chunks.len() - 1;
        if self.spill.is_none() {
            match tempfile::tempfile() {
                Ok(f) => self.spill = Some((f, 0, last)),
                Err(_) => self.no_spill = true,
            }
        }
        let Some((file, len, _)) = self.spill.as_mut() else {
            return false;
        };
        let chunk = &mut self.chunks[last];
        if file.write_all(chunk).is_ok() {
            *len += chunk.len() as u64;
            chunk.clear();
            return true;
        }
        // Take back a partial write; the rest stays in memory, after the file.
        self.no_spill = true;
        let _ = file.set_len(*len);
        let _ = file.seek(SeekFrom::Start(*len));
        false
    }

    /// Writes the output to `out`, in order.
    fn write_to(mut self, out: &mut impl Write) -> std::io::Result<()> {
        use std::io::{Read, Seek};
        let chunks = std::mem::take(&mut self.chunks);
        let at = self.spill.as_ref().map_or(chunks.len(), |s| s.2);
        for chunk in &chunks[..at] {
            out.write_all(chunk)?;
        }
        if let Some((file, len, _)) = self.spill.as_mut() {
            file.rewind()?;
            std::io::copy(&mut Read::take(&mut *file, *len), out)?;
        }
        chunks[at..]
            .iter()
            .try_for_each(|chunk| out.write_all(chunk))
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        HELD.fetch_sub(self.held, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Reads the dictionary files of `dir` (recursively) as (relative path, text).
fn read_dictionary_dir(dir: &Path) -> Result<Vec<(String, Cow<'static, str>)>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Cow<'static, str>)>) -> Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("{}: cannot read the dictionary directory", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out)?;
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("{}: cannot read", path.display()))?;
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, Cow::Owned(text)));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

/// The dictionary files to use: the built-in ones, with `dir`'s over them; with
/// `no_builtin`, `dir`'s alone.
pub(crate) fn dictionary_files(
    dir: Option<&Path>,
    no_builtin: bool,
) -> Result<Vec<(String, Cow<'static, str>)>> {
    match dir {
        Some(d) if no_builtin => Ok(dict::merge_files(Vec::new(), read_dictionary_dir(d)?)),
        Some(d) => Ok(dict::merge_files(
            dict::builtin_files(),
            read_dictionary_dir(d)?,
        )),
        None if no_builtin => anyhow::bail!("--no-builtin needs a dictionary directory"),
        None => Ok(dict::builtin_files()),
    }
}

/// The built-in dictionaries, compiled at build time (see `build.rs`).
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.pipeline"));

/// Builds the pipeline: the compiled built-in one, or, with `--dictionaries`, one
/// compiled now from the built-in files with the directory's files over them.
pub fn pipeline(global: &Global) -> Result<Pipeline> {
    let mut pipeline = if global.dictionaries.is_none() {
        Pipeline::from_bytes(BUILTIN).context("the built-in dictionaries")?
    } else {
        let files = dictionary_files(global.dictionaries.as_deref(), global.no_builtin)?;
        let dicts =
            Dictionaries::parse(&files).map_err(|e| anyhow::anyhow!("dictionary errors:\n{e}"))?;
        Pipeline::new(&dicts).map_err(|e| anyhow::anyhow!("dictionary errors:\n{e}"))?
    };
    pipeline.set_locations(!global.no_locations);
    Ok(pipeline)
}

/// `dyad dict lint [DIR]` (with `--no-builtin`, DIR alone).
pub fn lint(dir: Option<&Path>, no_builtin: bool) -> Result<ExitCode> {
    let files = dictionary_files(dir, no_builtin)?;
    let findings = dict::lint::lint(&files);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for f in &findings {
        writeln!(out, "{f}")?;
    }
    writeln!(
        out,
        "{} files, {errors} errors, {warnings} warnings",
        files.len()
    )?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress spinner on standard error, shown only for long or multi-input runs on a
/// terminal.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    enabled: bool,
    eager: bool,
}

impl Progress {
    fn new(global: &Global, inputs: &[PathBuf]) -> Self {
        let enabled = !global.quiet && std::io::stderr().is_terminal();
        Progress {
            bar: None,
            start: Instant::now(),
            enabled,
            eager: inputs.len() > 1,
        }
    }

    fn update(&mut self, docs: u64, items: u64, what: &str) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && (self.eager || self.start.elapsed() > Duration::from_secs(2)) {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{docs} documents, {items} {what}"));
        }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Whether a command codes documents (and so skips those in languages `--lang`
/// leaves out), and whether it explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    /// Every document is processed (`dyad sentences`).
    No,
    /// Documents in other languages are counted, not coded.
    Yes,
    /// As `Yes`, with a note on standard error for each document not coded.
    Explained,
}

/// Reads every input, runs `work` on each document in parallel batches (with one
/// [`Analysis`] per worker), and writes the returned bytes in input order. Read errors
/// are printed as they come; returns the exit code (1 when a document was skipped).
pub(crate) fn process<F>(
    global: &Global,
    inputs: &[PathBuf],
    what: &str,
    coding: Coding,
    work: F,
) -> Result<ExitCode>
where
    F: Fn(&Document, &mut Analysis, &mut Output) -> u64 + Sync,
{
    process_with(global, inputs, what, coding, work, write_stdout)
}

/// Writes each document's bytes to standard output, in order; false when the reader
/// of the output went away (a closed pipe).
fn write_stdout(out_rx: std::sync::mpsc::Receiver<Vec<Output>>) -> Result<bool> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    for docs in out_rx {
        for doc in docs {
            if let Err(e) = doc.write_to(&mut out) {
                // A closed pipe (`dyad code x | head`) ends the run quietly.
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(false);
                }
                return Err(e).context("writing output");
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        r => r.context("writing output").map(|()| true),
    }
}

/// [`process`] with any per-document output `T` and any writer: `write` receives each
/// batch's outputs in input order on its own thread (the formats' sinks: a Parquet
/// lake takes rows, not bytes).
pub(crate) fn process_with<T, F, W>(
    global: &Global,
    inputs: &[PathBuf],
    what: &str,
    coding: Coding,
    work: F,
    write: W,
) -> Result<ExitCode>
where
    T: Default + Send,
    F: Fn(&Document, &mut Analysis, &mut T) -> u64 + Sync,
    W: FnOnce(std::sync::mpsc::Receiver<Vec<T>>) -> Result<bool> + Send,
{
    let paths: Vec<PathBuf> = if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    };
    let limits = &global.limits;
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let options = ReadOptions {
        format: global.input_format,
        max_document_bytes: size(limits.max_document_bytes),
        max_line_bytes: size(limits.max_line_bytes),
        max_record_bytes: size(limits.max_record_bytes),
        max_gzip_ratio: limits.max_gzip_ratio,
        max_decompressed_bytes: limits.max_decompressed_bytes,
        max_html_depth: limits.max_html_depth,
        ..ReadOptions::default()
    };
    let mut progress = Progress::new(global, &paths);
    let (mut docs, mut items) = (0u64, 0u64);
    // Reading, coding and writing overlap: a reader thread fills the next batch and a
    // writer thread writes the last one while the workers code the current one. The
    // channels hold one batch each, so memory stays bounded whatever the input size.
    let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Vec<Document>>(1);
    let (out_tx, out_rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
    let published = global.published;
    let explain = coding == Coding::Explained;
    let (paths, options) = (&paths, &options);
    let (counts, written) = std::thread::scope(|scope| {
        // `move`: the reader owns the sender, so the batches end when it is done.
        let reader = scope.spawn(move || {
            let (mut skipped, mut warned) = (0u64, 0u64);
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCS);
            let mut batch_bytes = 0;
            let mut inputs = read_inputs(paths, options);
            let mut other_languages = std::collections::BTreeMap::<String, u64>::new();
            for item in inputs.by_ref() {
                match item {
                    Ok(mut doc) => {
                        if coding != Coding::No && !global.codes_language(doc.language.as_deref()) {
                            let lang = doc.language.clone().unwrap_or_default();
                            if explain {
                                eprintln!(
                                    "note: {} ({}): language {lang}, not coded (--lang any codes it)",
                                    doc.source.as_deref().unwrap_or("-"),
                                    doc.id
                                );
                            }
                            *other_languages.entry(lang).or_insert(0u64) += 1;
                            continue;
                        }
                        if doc.published.is_none() {
                            doc.published = published;
                        }
                        batch_bytes += doc.text.len();
                        batch.push(doc);
                        if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                            let full =
                                std::mem::replace(&mut batch, Vec::with_capacity(BATCH_DOCS));
                            batch_bytes = 0;
                            if batch_tx.send(full).is_err() {
                                // The output was closed: stop reading.
                                return (
                                    skipped,
                                    warned,
                                    inputs.skipped_files().clone(),
                                    other_languages,
                                );
                            }
                        }
                    }
                    Err(e) if e.is_warning() => {
                        warned += 1;
                        eprintln!("warning: {e}");
                    }
                    Err(e) => {
                        skipped += 1;
                        eprintln!("error: {e}");
                    }
                }
            }
            if !batch.is_empty() {
                let _ = batch_tx.send(batch);
            }
            (
                skipped,
                warned,
                inputs.skipped_files().clone(),
                other_languages,
            )
        });
        let writer = scope.spawn(move || write(out_rx));
        for batch in batch_rx {
            let results: Vec<(T, u64)> = batch
                .par_iter()
                .map_init(Analysis::default, |analysis, doc| {
                    let mut buf = T::default();
                    let n = work(doc, analysis, &mut buf);
                    (buf, n)
                })
                .collect();
            docs += batch.len() as u64;
            items += results.iter().map(|(_, n)| n).sum::<u64>();
            if out_tx
                .send(results.into_iter().map(|(buf, _)| buf).collect())
                .is_err()
            {
                break;
            }
            progress.update(docs, items, what);
        }
        drop(out_tx);
        let written = writer.join().expect("the writer thread does not panic");
        let counts = reader.join().expect("the reader thread does not panic");
        (counts, written)
    });
    let (skipped, warned, files_not_read, other_languages) = counts;
    if !written? {
        return Ok(ExitCode::SUCCESS);
    }
    progress.finish();
    // The summary goes to standard error whether or not it is a terminal (a
    // pipeline's log wants it too); `-q` silences it.
    if !global.quiet {
        eprintln!(
            "dyad: {docs} documents, {items} {what}{}{}",
            if skipped > 0 {
                format!(", {skipped} skipped with errors")
            } else {
                String::new()
            },
            if warned > 0 {
                format!(", {warned} warnings")
            } else {
                String::new()
            }
        );
        if files_not_read.total() > 0 {
            eprintln!("dyad: {files_not_read}");
        }
        if !other_languages.is_empty() {
            let n: u64 = other_languages.values().sum();
            let list: Vec<String> = other_languages
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            eprintln!(
                "dyad: {n} documents not coded, in other languages than --lang {}: {} (--lang any codes them)",
                global.lang,
                list.join(", ")
            );
        }
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub(crate) fn write_json<T: serde::Serialize>(out: &mut Output, value: &T) {
    let buf = out.buf();
    // Serialising our own records cannot fail: no maps with non-string keys.
    if serde_json::to_writer(&mut *buf, value).is_ok() {
        buf.push(b'\n');
    }
}

/// `dyad sentences`.
pub fn sentences(global: &Global, input: &InputArgs) -> Result<ExitCode> {
    let pipeline = pipeline(global)?;
    process(
        global,
        &input.inputs,
        "sentences",
        Coding::No,
        |doc, a, buf| {
            pipeline.segment(doc, a);
            let records = output::sentence_records(doc, a);
            for r in &records {
                // Each sentence says its document's language (see `--lang`).
                match serde_json::to_value(r) {
                    Ok(serde_json::Value::Object(mut o)) => {
                        o.insert("language".into(), doc.language.clone().into());
                        write_json(buf, &o);
                    }
                    _ => write_json(buf, r),
                }
            }
            records.len() as u64
        },
    )
}

/// `dyad actors`.
pub fn actors(global: &Global, input: &InputArgs) -> Result<ExitCode> {
    let pipeline = pipeline(global)?;
    process(
        global,
        &input.inputs,
        "sentences with actors",
        Coding::Yes,
        |doc, a, buf| {
            let mut n = 0;
            pipeline.analyze_windows(doc, None, WINDOW_BYTES, a, |a| {
                let records = output::actors_records(doc, a);
                for r in &records {
                    write_json(buf, r);
                }
                n += records.len() as u64;
            });
            n
        },
    )
}

/// `dyad code` and `dyad explain`.
pub fn code(global: &Global, args: &CodeArgs) -> Result<ExitCode> {
    let mut pipeline = pipeline(global)?;
    if let Some(p) = args.min_confidence {
        pipeline.set_min_confidence(p);
    }
    if !matches!(args.format, Format::Jsonl | Format::Table) {
        return crate::formats::code(global, args, &pipeline);
    }
    let modes = if args.modes == Modes::All {
        ModeFilter::All
    } else {
        ModeFilter::Default
    };
    let coding = if args.explain {
        Coding::Explained
    } else {
        Coding::Yes
    };
    process(
        global,
        &args.input.inputs,
        "events",
        coding,
        |doc, a, buf| {
            // A long story is analysed window by window and its records are written one
            // at a time: neither its analysis nor its records are ever held at once.
            let mut n = 0;
            pipeline.analyze_windows(doc, None, WINDOW_BYTES, a, |a| {
                for r in output::event_records_iter(&pipeline, doc, a, modes, args.explain)
                    .filter(|r| args.min_confidence.is_none_or(|p| r.confidence >= p))
                {
                    match args.format {
                        Format::Jsonl => write_json(buf, &r),
                        Format::Table => table_line(buf.buf(), &r),
                        _ => unreachable!("the other formats are written by crate::formats"),
                    }
                    n += 1;
                }
            });
            n
        },
    )
}

fn table_line(buf: &mut Vec<u8>, r: &output::EventRecord<'_>) {
    let target = r
        .target
        .as_ref()
        .map(|t| t.code.to_string())
        .unwrap_or_else(|| "-".into());
    let mode = if r.mode == dyad_core::events::Mode::Asserted {
        String::new()
    } else {
        format!(" [{}]", r.mode.as_str())
    };
    let sentence: String = r.evidence.sentence.chars().take(90).collect();
    let _ = writeln!(
        buf,
        "{}  {:<10} {:<12} -> {:<12} {:<5} {}{}{}  \"{}\"  | {}",
        r.doc_id,
        r.date.as_deref().unwrap_or("-"),
        r.source.code.as_str(),
        target,
        r.cameo.code,
        r.cameo.name,
        mode,
        if r.primary { " *" } else { "" },
        r.evidence.trigger.text,
        sentence.replace('\n', " "),
    );
    if let Some(x) = &r.explain {
        let _ = writeln!(buf, "    rule    {}", x.pattern);
        if let Some(d) = &x.derived_from {
            let _ = writeln!(buf, "    frame   code derived from the embedded event {d}");
        }
        let who = |m: &output::MentionRecord<'_>| {
            let how = serde_json::to_string(m.resolution).unwrap_or_default();
            match m.antecedent {
                Some(a) => format!("{:?} = {} via {:?} {how}", m.text, m.code, a),
                None => format!("{:?} = {} {how}", m.text, m.code),
            }
        };
        let _ = writeln!(
            buf,
            "    source  {}{}",
            x.source.as_ref().map_or_else(
                || "unknown (passive without agent, or event noun)".to_string(),
                who
            ),
            if x.weak_source {
                " (nearest actor: weak)"
            } else {
                ""
            }
        );
        if let Some(t) = &x.target {
            let _ = writeln!(buf, "    target  {}", who(t));
        }
        if let Some(w) = r.withheld {
            let _ = match &x.discard {
                Some(d) => writeln!(buf, "    withheld  {w}: {d}"),
                None => writeln!(buf, "    withheld  {w}"),
            };
        }
        if let Some(l) = &r.location {
            let _ = writeln!(
                buf,
                "    place   {} ({}, {}) {:.2},{:.2} [{}] by {}{}",
                l.name,
                l.country,
                l.adm1.unwrap_or("-"),
                l.lat,
                l.lon,
                l.precision,
                l.how,
                l.text
                    .as_deref()
                    .map(|t| format!(" from {t:?}"))
                    .unwrap_or_default()
            );
        }
        if let Some(d) = r.date_text {
            let _ = writeln!(
                buf,
                "    date    {:?} -> {} .. {}",
                d,
                r.date.as_deref().unwrap_or("-"),
                r.date_end.as_deref().unwrap_or("-")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering::Relaxed;

    /// Writes `lines` numbered lines to an output and returns what it writes out.
    fn round_trip(lines: usize) -> (Vec<u8>, Vec<u8>, bool) {
        let mut out = Output::default();
        let mut expected = Vec::new();
        for i in 0..lines {
            let line = format!(
                "{{\"event\": {i}, \"text\": \"{}\"}}\n",
                "x".repeat(i % 300)
            );
            out.buf().extend_from_slice(line.as_bytes());
            expected.extend_from_slice(line.as_bytes());
        }
        let spilled = out.spill.is_some();
        let mut written = Vec::new();
        out.write_to(&mut written).expect("writes");
        (expected, written, spilled)
    }

    #[test]
    fn output_past_the_memory_bound_goes_through_a_file_in_order() {
        // As if other documents' output already held the bound.
        HELD.fetch_add(HELD_BYTES, Relaxed);
        let (expected, written, spilled) = round_trip(40_000);
        HELD.fetch_sub(HELD_BYTES, Relaxed);
        assert!(expected.len() > 4 * CHUNK_BYTES);
        assert!(spilled);
        assert!(written == expected, "the output's bytes changed on the way");
    }

    #[test]
    fn a_small_output_stays_in_one_chunk() {
        let mut out = Output::default();
        out.buf().extend_from_slice(b"{}\n");
        assert_eq!(
            (out.chunks.len(), out.held, out.spill.is_none()),
            (1, 0, true)
        );
        let (expected, written, _) = round_trip(30_000);
        assert!(written == expected);
    }
}
