//! Errors and warnings reported while reading inputs.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// The input as a whole (an unreadable path, an empty file).
    None,
    /// A line, counted from 1 (JSON Lines).
    Line(u64),
    /// A byte offset, counted from 0, into the file as read (after gzip
    /// decompression, when the file is compressed).
    Byte(u64),
    /// A record, counted from 1 (a WARC record, an element of a JSON array).
    Record(u64),
}

/// How bad a [`ReadError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The document was still read, with something dropped (an unparsable
    /// date, a field of the wrong type). The document itself follows the
    /// warning in the stream.
    Warning,
    /// The document (or the rest of the file) was skipped.
    Error,
}

/// A problem with one input: the file, where in it, and what went wrong.
///
/// Readers never panic on bad input; they yield a `ReadError` for the bad part
/// (a line, a record, a whole file) and go on with the rest when they can.
/// `Display` writes `path:line: message` for line-based inputs
/// (`data.jsonl:17: malformed JSON: expected value at column 5`),
/// `path: byte N: message`, `path: record N: message` or `path: message`
/// otherwise. Whether it is a warning is not part of the `Display` output: ask
/// [`ReadError::is_warning`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The input: a file path, or `-` for standard input.
    pub path: PathBuf,
    /// Where in the input.
    pub location: Location,
    /// What went wrong, in words.
    pub message: String,
    /// Whether the document was skipped ([`Severity::Error`]) or kept
    /// ([`Severity::Warning`]).
    pub severity: Severity,
}

impl ReadError {
    /// An error: the document (or the rest of the input) was skipped.
    pub fn new(path: impl Into<PathBuf>, location: Location, message: impl Into<String>) -> Self {
        ReadError {
            path: path.into(),
            location,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A warning: the document was read all the same.
    pub fn warning(
        path: impl Into<PathBuf>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        ReadError {
            severity: Severity::Warning,
            ..ReadError::new(path, location, message)
        }
    }

    /// True when the document concerned was kept and follows in the stream.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

/// Writes the path as given, or `<stdin>` for `-`.
pub(crate) struct DisplayPath<'a>(pub &'a Path);

impl fmt::Display for DisplayPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == Path::new("-") {
            f.write_str("<stdin>")
        } else {
            write!(f, "{}", self.0.display())
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = DisplayPath(&self.path);
        match self.location {
            Location::None => write!(f, "{path}: {}", self.message),
            Location::Line(n) => write!(f, "{path}:{n}: {}", self.message),
            Location::Byte(n) => write!(f, "{path}: byte {n}: {}", self.message),
            Location::Record(n) => write!(f, "{path}: record {n}: {}", self.message),
        }
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_file_and_the_place() {
        let e = ReadError::new("data.jsonl", Location::Line(17), "malformed JSON: x");
        assert_eq!(e.to_string(), "data.jsonl:17: malformed JSON: x");
        let e = ReadError::new("a.txt", Location::Byte(5), "invalid UTF-8");
        assert_eq!(e.to_string(), "a.txt: byte 5: invalid UTF-8");
        let e = ReadError::warning("c.warc", Location::Record(3), "m");
        assert_eq!(e.to_string(), "c.warc: record 3: m");
        assert!(e.is_warning());
        let e = ReadError::new("-", Location::None, "empty input");
        assert_eq!(e.to_string(), "<stdin>: empty input");
        assert!(!e.is_warning());
    }
}
