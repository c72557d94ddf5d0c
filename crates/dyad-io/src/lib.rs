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
pub mod readers;

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};

use dyad_core::Document;

pub use error::{Location, ReadError, Severity};
pub use readers::{FieldNames, InputFormat, ReadOptions};

use readers::{BUFFER_BYTES, BoxedInput, HtmlReader, JsonLinesReader, TextReader, WarcReader};

/// Reads every document of `paths`, in order.
///
/// A path may be a file, a directory (its files with a known extension, see
/// [`InputFormat::from_path`], recursively, sorted by path; hidden files and
/// directories are skipped) or `-` for standard input. Gzipped inputs are
/// recognised by their first bytes and decompressed on the fly. The format of
/// each file is `options.format` when set, else the one its extension implies,
/// else a guess from its first bytes ([`InputFormat::sniff`]).
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
    }
}

type DocIter = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

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
                            walk(&path, &mut files, &mut errors);
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
    /// Opens one input and picks its reader.
    fn open(&self, path: &Path) -> Result<DocIter, ReadError> {
        let input: BoxedInput = if path == Path::new("-") {
            Box::new(BufReader::with_capacity(BUFFER_BYTES, io::stdin()))
        } else {
            let file = fs::File::open(path).map_err(|e| open_error(path, &e))?;
            Box::new(BufReader::with_capacity(BUFFER_BYTES, file))
        };
        let (mut input, _) = readers::gunzip_if_needed(input, &self.options)
            .map_err(|e| ReadError::new(path, Location::None, readers::read_error_message(&e)))?;
        let format = match self.options.format.or_else(|| InputFormat::from_path(path)) {
            Some(f) => f,
            None => {
                let head = io::BufRead::fill_buf(&mut input).map_err(|e| {
                    ReadError::new(path, Location::None, readers::read_error_message(&e))
                })?;
                InputFormat::sniff(head)
            }
        };
        let options = &self.options;
        Ok(match format {
            InputFormat::Text => Box::new(TextReader::new(input, path, options)),
            InputFormat::JsonLines => Box::new(JsonLinesReader::new(input, path, options)),
            InputFormat::Html => Box::new(HtmlReader::new(input, path, options)),
            InputFormat::Warc => Box::new(WarcReader::new(input, path, options)),
        })
    }
}

fn open_error(path: &Path, e: &io::Error) -> ReadError {
    let why = match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    ReadError::new(path, Location::None, format!("cannot read: {why}"))
}

/// Collects the files with a known extension under `dir`, recursively,
/// skipping hidden entries and not following links to directories.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(open_error(dir, &e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(open_error(dir, &e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, files, errors);
        } else if InputFormat::from_path(&path).is_some() && (kind.is_file() || path.is_file()) {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inputs_can_move_to_another_thread() {
        fn is_send<T: Send>() {}
        is_send::<super::Inputs>();
    }
}
