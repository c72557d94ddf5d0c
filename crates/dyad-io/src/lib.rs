//! # dyad-io
//!
//! Input and output for dyad: everything that touches files and streams, so that
//! `dyad-core` stays a pure library.
//!
//! What this crate owns:
//!
//! - **readers** ([`readers`]): plain text, JSON Lines, HTML pages and WARC
//!   archives, plain or gzipped, from files, directories or standard input,
//!   turned into [`Document`]s. Every reader streams: documents are yielded one
//!   by one, so a 10 GB input never sits in memory. Bad input never panics: it
//!   yields a [`ReadError`] naming the file and the line, byte or record, and
//!   the rest of the input is still read;
//! - **sinks** (later): writing coded events and documents out.
//!
//! What it must not do: event coding, actor or date resolution, text cleaning
//! or any other pipeline logic. Readers hand over the text as read (for HTML,
//! the extracted main content) with the metadata the input carries; all the
//! rest is `dyad-core`'s.
//!
//! ```no_run
//! use dyad_io::{ReadOptions, read_inputs};
//!
//! for item in read_inputs(["news.jsonl.gz", "pages/"], &ReadOptions::default()) {
//!     match item {
//!         Ok(doc) => println!("{} {:?}", doc.id, doc.title),
//!         Err(e) if e.is_warning() => eprintln!("warning: {e}"),
//!         Err(e) => eprintln!("error: {e}"),
//!     }
//! }
//! ```

pub mod error;
pub mod language;
pub mod readers;

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::fs;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};

use dyad_core::Document;

pub use error::{Location, ReadError, Severity};
pub use readers::{FieldNames, InputFormat, ReadOptions};

use readers::{BUFFER_BYTES, BoxedInput, HtmlReader, JsonLinesReader, TextReader, WarcReader};

/// Reads every document of `paths`, in order.
///
/// A path may be a file, a directory or `-` for standard input. A file named
/// on the command line is always read: its format is `options.format` when
/// set, else the one its extension implies, else a guess from its first bytes
/// ([`InputFormat::sniff`]). Gzipped inputs are recognised by their first bytes
/// and decompressed on the fly.
///
/// A directory is walked recursively, in path order, not following links to
/// directories; hidden files and directories (`.git`, `.DS_Store`) are passed
/// over without a word. Of the other files, the walk reads (see [`walk_rule`]):
///
/// - without a forced format: the files with a known extension
///   ([`InputFormat::from_path`]: `.txt`, `.jsonl`, `.json`, `.html`, `.warc`,
///   each maybe `.gz`), except the companions of an HTML page (`X.html`'s
///   `X.expected.txt`, `X.json`, `X.meta.json`: saved metadata or expected
///   outputs, not stories);
/// - with `options.format` set (`--input-format`): the files whose extension is
///   that format's, and files with no extension at all, read in that format.
///
/// Every other file is skipped and counted in [`Inputs::skipped_files`], by
/// reason, for the run's summary.
///
/// Each document's `language` is the one its input names, normalised to its
/// primary subtag (`en-US` is `en`), else the one detected from its text
/// ([`language::detect`]); `None` when neither tells.
///
/// The iterator is lazy: a file is opened when the previous one is done.
/// Problems come as `Err` items and reading goes on: a path that does not
/// exist, an unreadable file and a bad document are each one error.
pub fn read_inputs<I>(paths: I, options: &ReadOptions) -> Inputs
where
    I: IntoIterator,
    I::Item: AsRef<Path>,
{
    Inputs {
        options: options.clone(),
        pending: paths
            .into_iter()
            .map(|p| Pending::Given(p.as_ref().to_path_buf()))
            .collect(),
        current: None,
        errors: VecDeque::new(),
        skipped: SkippedFiles::default(),
    }
}

/// The documents of one input, as [`read_stream`] yields them.
pub type DocIter = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

enum Pending {
    /// A path as the caller gave it.
    Given(PathBuf),
    /// A file found in a directory.
    Found(PathBuf),
}

/// The documents of a list of inputs; see [`read_inputs`].
pub struct Inputs {
    options: ReadOptions,
    pending: VecDeque<Pending>,
    current: Option<DocIter>,
    /// Errors met while listing a directory, reported before its files.
    errors: VecDeque<ReadError>,
    skipped: SkippedFiles,
}

/// The files a directory walk passed over, counted by reason (see
/// [`read_inputs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkippedFiles {
    /// Reason -> (how many files, the first one met).
    pub by_reason: BTreeMap<String, (u64, PathBuf)>,
}

impl SkippedFiles {
    /// How many files were skipped.
    pub fn total(&self) -> u64 {
        self.by_reason.values().map(|(n, _)| n).sum()
    }

    fn add(&mut self, reason: String, path: &Path) {
        self.by_reason
            .entry(reason)
            .or_insert_with(|| (0, path.to_path_buf()))
            .0 += 1;
    }
}

impl fmt::Display for SkippedFiles {
    /// `3 files not read: 2 companions of HTML pages (first: a/x.expected.txt), 1
    /// with extension .md (first: notes.md)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} files not read:", self.total())?;
        for (i, (reason, (n, first))) in self.by_reason.iter().enumerate() {
            let sep = if i == 0 { " " } else { ", " };
            write!(f, "{sep}{n} {reason} (first: {})", first.display())?;
        }
        Ok(())
    }
}

/// What a directory walk does with one file (see [`read_inputs`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkRule {
    /// Read it.
    Read,
    /// Pass over it, for this reason (plural words: `with extension .md`).
    Skip(String),
}

/// What a directory walk does with the file `name` in a directory whose file
/// names are `siblings`, given the forced format, if any.
pub fn walk_rule(name: &str, siblings: &[String], forced: Option<InputFormat>) -> WalkRule {
    let path = Path::new(name);
    let format = InputFormat::from_path(path);
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_suffix(".gz").unwrap_or(&lower);
    let has_extension = bare.contains('.');
    if let Some(forced) = forced {
        return match format {
            Some(f) if f == forced => WalkRule::Read,
            None if !has_extension => WalkRule::Read,
            Some(f) => WalkRule::Skip(format!("{f} files (not --input-format {forced})")),
            None => WalkRule::Skip(extension_reason(bare)),
        };
    }
    match format {
        None if !has_extension => {
            WalkRule::Skip("files with no extension (read them with --input-format)".into())
        }
        None => WalkRule::Skip(extension_reason(bare)),
        Some(InputFormat::Html | InputFormat::Warc) => WalkRule::Read,
        Some(_) => {
            let companion = siblings.iter().any(|s| {
                let s = s.to_ascii_lowercase();
                let s = s.strip_suffix(".gz").unwrap_or(&s);
                [".html", ".htm", ".xhtml"].iter().any(|ext| {
                    s.strip_suffix(ext).is_some_and(|stem| {
                        bare.strip_prefix(stem).is_some_and(|r| r.starts_with('.'))
                    })
                })
            });
            if companion {
                WalkRule::Skip("companions of HTML pages (X.html's X.*.txt, X.*.json)".into())
            } else {
                WalkRule::Read
            }
        }
    }
}

fn extension_reason(name: &str) -> String {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    format!("with extension .{ext}")
}

impl Iterator for Inputs {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.errors.pop_front() {
                return Some(Err(e));
            }
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(Ok(mut doc)) => {
                        doc.language = doc
                            .language
                            .as_deref()
                            .and_then(language::normalize_tag)
                            .or_else(|| language::detect(&doc.text));
                        return Some(Ok(doc));
                    }
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Found(path) => match self.open(&path) {
                    Ok(reader) => self.current = Some(reader),
                    Err(e) => return Some(Err(e)),
                },
                Pending::Given(path) => {
                    if path == Path::new("-") {
                        match self.open(&path) {
                            Ok(reader) => self.current = Some(reader),
                            Err(e) => return Some(Err(e)),
                        }
                        continue;
                    }
                    match fs::metadata(&path) {
                        Err(e) => return Some(Err(open_error(&path, &e))),
                        Ok(m) if m.is_dir() => {
                            let mut files = Vec::new();
                            let mut errors = Vec::new();
                            let forced = self.options.format;
                            walk(&path, forced, &mut files, &mut errors, &mut self.skipped);
                            files.sort();
                            for f in files.into_iter().rev() {
                                self.pending.push_front(Pending::Found(f));
                            }
                            self.errors.extend(errors);
                        }
                        Ok(_) => match self.open(&path) {
                            Ok(reader) => self.current = Some(reader),
                            Err(e) => return Some(Err(e)),
                        },
                    }
                }
            }
        }
    }
}

impl Inputs {
    /// The files the directory walks so far passed over, by reason.
    pub fn skipped_files(&self) -> &SkippedFiles {
        &self.skipped
    }

    /// Opens one input and picks its reader.
    fn open(&self, path: &Path) -> Result<DocIter, ReadError> {
        let input: BoxedInput = if path == Path::new("-") {
            Box::new(BufReader::with_capacity(BUFFER_BYTES, io::stdin()))
        } else {
            let file = fs::File::open(path).map_err(|e| open_error(path, &e))?;
            Box::new(BufReader::with_capacity(BUFFER_BYTES, file))
        };
        read_stream(input, path, &self.options)
    }
}

/// Reads the documents of one input stream that came from `path` (which names
/// it in errors and picks its format when `options.format` is `None`): gzip
/// undone (within the gzip limits), then the reader of its format. This is what
/// [`read_inputs`] does with each file, without the language step; the fuzz
/// targets call it on arbitrary bytes.
pub fn read_stream(
    input: Box<dyn io::BufRead + Send>,
    path: &Path,
    options: &ReadOptions,
) -> Result<DocIter, ReadError> {
    let (mut input, _) = readers::gunzip_if_needed(input, options)
        .map_err(|e| ReadError::new(path, Location::None, readers::read_error_message(&e)))?;
    let format = match options.format.or_else(|| InputFormat::from_path(path)) {
        Some(f) => f,
        None => {
            let head = io::BufRead::fill_buf(&mut input).map_err(|e| {
                ReadError::new(path, Location::None, readers::read_error_message(&e))
            })?;
            InputFormat::sniff(head)
        }
    };
    Ok(match format {
        InputFormat::Text => Box::new(TextReader::new(input, path, options)),
        InputFormat::JsonLines => Box::new(JsonLinesReader::new(input, path, options)),
        InputFormat::Html => Box::new(HtmlReader::new(input, path, options)),
        InputFormat::Warc => Box::new(WarcReader::new(input, path, options)),
    })
}

fn open_error(path: &Path, e: &io::Error) -> ReadError {
    let why = match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    ReadError::new(path, Location::None, format!("cannot read: {why}"))
}

/// Collects the files under `dir` that [`walk_rule`] reads, recursively,
/// skipping hidden entries and not following links to directories.
fn walk(
    dir: &Path,
    forced: Option<InputFormat>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<ReadError>,
    skipped: &mut SkippedFiles,
) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(open_error(dir, &e));
            return;
        }
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(open_error(dir, &e));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        found.push((entry.path(), name, kind));
    }
    let names: Vec<String> = found
        .iter()
        .filter(|(p, _, k)| k.is_file() || p.is_file())
        .map(|(_, n, _)| n.clone())
        .collect();
    for (path, name, kind) in found {
        if kind.is_dir() {
            walk(&path, forced, files, errors, skipped);
        } else if kind.is_file() || path.is_file() {
            match walk_rule(&name, &names, forced) {
                WalkRule::Read => files.push(path),
                WalkRule::Skip(reason) => skipped.add(reason, &path),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_directory_walk_reads() {
        let dir: Vec<String> = [
            "a.html",
            "a.expected.txt",
            "a.expected.json",
            "a.json",
            "story.txt",
            "feed.jsonl.gz",
            "notes.md",
            "logo.png",
            "README",
            "crawl.warc.gz",
            "b.htm.gz",
            "b.meta.json",
            "ab.txt",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let read = |forced| -> Vec<&str> {
            dir.iter()
                .filter(|n| walk_rule(n, &dir, forced) == WalkRule::Read)
                .map(String::as_str)
                .collect()
        };
        assert_eq!(
            read(None),
            [
                "a.html",
                "story.txt",
                "feed.jsonl.gz",
                "crawl.warc.gz",
                "b.htm.gz",
                "ab.txt"
            ]
        );
        assert_eq!(
            read(Some(InputFormat::Html)),
            ["a.html", "README", "b.htm.gz"]
        );
        assert_eq!(
            read(Some(InputFormat::Text)),
            ["a.expected.txt", "story.txt", "README", "ab.txt"]
        );
        assert_eq!(
            walk_rule("notes.md", &dir, None),
            WalkRule::Skip("with extension .md".into())
        );
    }

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn is_send<T: Send>() {}
        is_send::<super::Inputs>();
    }
}
