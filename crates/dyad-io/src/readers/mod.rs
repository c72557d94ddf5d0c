//! Input formats, reading options and the per-format readers.
//!
//! Every reader is an iterator of `Result<Document, ReadError>` over one input
//! stream and reads it incrementally: JSON Lines line by line, WARC record by
//! record. Text and HTML files hold one document each and are read whole (up to
//! [`ReadOptions::max_document_bytes`]).

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use dyad_core::PartialDate;

pub mod html;
pub mod jsonl;
pub mod text;
pub mod warc;

pub use html::HtmlReader;
pub use jsonl::JsonLinesReader;
pub use text::TextReader;
pub use warc::WarcReader;

/// Size of the read buffers (the file, and the decompressed stream of a
/// gzipped file).
pub(crate) const BUFFER_BYTES: usize = 256 * 1024;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain UTF-8 text: the whole file is one document (`.txt`).
    Text,
    /// One JSON object per line (`.jsonl`, `.ndjson`, `.json`); a `.json`
    /// file holding one JSON array of objects is read too.
    JsonLines,
    /// One web page; the main content is extracted (`.html`, `.htm`).
    Html,
    /// A web archive: the HTML responses it holds (`.warc`).
    Warc,
}

impl InputFormat {
    /// All formats, in the order their names are listed in help texts.
    pub const ALL: [InputFormat; 4] = [
        InputFormat::Text,
        InputFormat::JsonLines,
        InputFormat::Html,
        InputFormat::Warc,
    ];

    /// The format a file name implies, looking through a final `.gz`
    /// (`news.jsonl.gz` is JSON Lines), or `None` for an unknown extension.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(InputFormat::Text),
            "jsonl" | "ndjson" | "json" => Some(InputFormat::JsonLines),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "warc" => Some(InputFormat::Warc),
            _ => None,
        }
    }

    /// A guess from the first bytes of an input (after decompression): a WARC
    /// version line, a JSON object or array, an HTML tag, else text.
    pub fn sniff(prefix: &[u8]) -> InputFormat {
        let prefix = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
        let start = prefix.trim_ascii_start();
        if start.starts_with(b"WARC/") {
            InputFormat::Warc
        } else if start.starts_with(b"{") || start.starts_with(b"[") {
            InputFormat::JsonLines
        } else if start.starts_with(b"<") {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }

    /// The canonical name, as [`FromStr`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Warc => "warc",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown format name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown input format {:?} (expected text, jsonl, html or warc)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for InputFormat {
    type Err = UnknownFormat;

    /// Reads `text`/`txt`, `jsonl`/`ndjson`/`json`/`json-lines`,
    /// `html`/`htm`, `warc` (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" | "json" | "json-lines" | "jsonlines" => Ok(InputFormat::JsonLines),
            "html" | "htm" => Ok(InputFormat::Html),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// The JSON field names that fill each [`Document`](dyad_core::Document)
/// field, in order of preference: when a line has several, the first name
/// listed that holds a non-null value wins. Names match exactly (case
/// matters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// The body text (required): `text`, `body`, `maintext`, `content`.
    pub text: Vec<String>,
    /// The headline: `title`, `headline`.
    pub title: Vec<String>,
    /// The publication date: `date`, `published`, `date_publish`,
    /// `publish_date`.
    pub date: Vec<String>,
    /// The URL: `url`.
    pub url: Vec<String>,
    /// The document id (a string or a number): `id`.
    pub id: Vec<String>,
    /// The language code: `language`, `lang`.
    pub language: Vec<String>,
    /// The source or publisher: `source`, `publisher`.
    pub source: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            text: names(&["text", "body", "maintext", "content"]),
            title: names(&["title", "headline"]),
            date: names(&["date", "published", "date_publish", "publish_date"]),
            url: names(&["url"]),
            id: names(&["id"]),
            language: names(&["language", "lang"]),
            source: names(&["source", "publisher"]),
        }
    }
}

/// How to read inputs, and the limits that keep hostile input from exhausting
/// memory or time. Each limit, when hit, skips one document (or the rest of one
/// file) with an error that names the limit; the rest of the batch is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format of every input; `None` picks it per file from the extension
    /// ([`InputFormat::from_path`]), or from the content for standard input
    /// and unknown extensions ([`InputFormat::sniff`]).
    pub format: Option<InputFormat>,
    /// JSON Lines field names.
    pub fields: FieldNames,
    /// The largest one-document input read, in bytes (a text or HTML file, the
    /// whole of a `.json` file holding one array or one object); larger ones
    /// are skipped with an error, so that a stray huge or binary file cannot
    /// exhaust memory. Default [`DEFAULT_MAX_DOCUMENT_BYTES`] (10 MB).
    pub max_document_bytes: usize,
    /// The longest JSON line read, in bytes; a longer line is skipped (its
    /// bytes are read past, never kept). Default [`DEFAULT_MAX_LINE_BYTES`].
    pub max_line_bytes: usize,
    /// The largest WARC record block read, in bytes; a larger HTML response is
    /// skipped (read past). Default [`DEFAULT_MAX_RECORD_BYTES`].
    pub max_record_bytes: usize,
    /// The most a gzipped input may expand: once more than 1 MiB came out, a
    /// stream that has produced more than this many times the compressed bytes
    /// read is refused as a gzip bomb. Default [`DEFAULT_MAX_GZIP_RATIO`].
    pub max_gzip_ratio: u64,
    /// The most bytes one gzipped input may expand to. Default
    /// [`DEFAULT_MAX_DECOMPRESSED_BYTES`].
    pub max_decompressed_bytes: u64,
    /// The deepest element nesting of an HTML page (an HTML file or a WARC
    /// response); a deeper page is refused before it is parsed. Default
    /// [`DEFAULT_MAX_HTML_DEPTH`].
    pub max_html_depth: usize,
}

/// Default of [`ReadOptions::max_document_bytes`]: 10 MB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 10_000_000;
/// Default of [`ReadOptions::max_line_bytes`]: 16 MB (a 10 MB text with JSON
/// escapes).
pub const DEFAULT_MAX_LINE_BYTES: usize = 16_000_000;
/// Default of [`ReadOptions::max_record_bytes`]: 16 MB (HTTP headers and a page).
pub const DEFAULT_MAX_RECORD_BYTES: usize = 16_000_000;
/// Default of [`ReadOptions::max_gzip_ratio`]: news text and HTML compress 3 to
/// 15 times; a bomb, a thousand times.
pub const DEFAULT_MAX_GZIP_RATIO: u64 = 100;
/// Default of [`ReadOptions::max_decompressed_bytes`]: 64 GB.
pub const DEFAULT_MAX_DECOMPRESSED_BYTES: u64 = 64_000_000_000;
/// Default of [`ReadOptions::max_html_depth`]: browsers' parsers stop nesting
/// at 512 too; the deepest of the 85 fundus news pages counts under 60.
pub const DEFAULT_MAX_HTML_DEPTH: usize = 512;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            fields: FieldNames::default(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            max_gzip_ratio: DEFAULT_MAX_GZIP_RATIO,
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
            max_html_depth: DEFAULT_MAX_HTML_DEPTH,
        }
    }
}

/// Reads a date as inputs write it: whatever [`PartialDate::from_str`] accepts
/// (`YYYY-MM-DD`, `YYYYMMDD`, ISO 8601 timestamps...), else an RFC 2822
/// timestamp (`Tue, 1 Jul 2003 10:52:37 +0200`, as in RSS feeds).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Ok(d) = s.parse::<PartialDate>() {
        return Some(d);
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|t| PartialDate::from(t.date_naive()))
}

/// A boxed input stream, as the readers get it from [`crate::read_inputs`].
pub(crate) type BoxedInput = Box<dyn BufRead + Send>;

/// Wraps `reader` in a gzip decoder when it starts with the gzip magic bytes
/// (so `.gz` files and gzipped standard input both work); returns whether it
/// did. The decoder is guarded by the options' gzip limits ([`GzipGuard`]).
pub(crate) fn gunzip_if_needed(
    mut reader: BoxedInput,
    options: &ReadOptions,
) -> io::Result<(BoxedInput, bool)> {
    let head = reader.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let consumed = Arc::new(AtomicU64::new(0));
        let counted = CountingInput {
            inner: reader,
            consumed: Arc::clone(&consumed),
        };
        let decoder = flate2::bufread::MultiGzDecoder::new(counted);
        let guarded = GzipGuard {
            inner: decoder,
            consumed,
            produced: 0,
            max_ratio: options.max_gzip_ratio,
            max_bytes: options.max_decompressed_bytes,
        };
        Ok((
            Box::new(BufReader::with_capacity(BUFFER_BYTES, guarded)),
            true,
        ))
    } else {
        Ok((reader, false))
    }
}

/// A compressed input that counts the bytes the decoder took from it.
struct CountingInput {
    inner: BoxedInput,
    consumed: Arc<AtomicU64>,
}

impl Read for CountingInput {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl BufRead for CountingInput {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed.fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt);
    }
}

/// Output of a gzip stream past which its ratio is checked: small inputs
/// (a page of repeated markup) may expand a lot without harm.
const GZIP_RATIO_FREE_BYTES: u64 = 1 << 20;

/// The decompressed stream of a gzipped input, refused (with an
/// `InvalidData` error that [`read_error_message`] words) once it expands more
/// than `max_ratio` times or beyond `max_bytes`: a gzip bomb is never inflated.
struct GzipGuard<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
    produced: u64,
    max_ratio: u64,
    max_bytes: u64,
}

impl<R: Read> Read for GzipGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.produced += n as u64;
        let consumed = self.consumed.load(Ordering::Relaxed).max(1);
        if self.produced > self.max_bytes {
            return Err(io::Error::other(GzipLimit(format!(
                "decompresses to more than {} bytes (the --max-decompressed-bytes limit); refused",
                self.max_bytes
            ))));
        }
        if self.produced > GZIP_RATIO_FREE_BYTES && self.produced / consumed >= self.max_ratio {
            return Err(io::Error::other(GzipLimit(format!(
                "gzip bomb: {} compressed bytes expand to more than {} (over {} times, the --max-gzip-ratio limit); refused",
                consumed, self.produced, self.max_ratio
            ))));
        }
        Ok(n)
    }
}

/// A gzip limit hit, as carried inside an `io::Error`.
#[derive(Debug)]
struct GzipLimit(String);

impl fmt::Display for GzipLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GzipLimit {}

/// Words for an I/O error met while reading (not opening) an input.
pub(crate) fn read_error_message(e: &io::Error) -> String {
    // flate2 reports a cut-off stream as UnexpectedEof and bad data as
    // InvalidInput/InvalidData; a plain file read rarely fails otherwise.
    if let Some(limit) = e.get_ref().and_then(|e| e.downcast_ref::<GzipLimit>()) {
        return limit.0.clone();
    }
    match e.kind() {
        io::ErrorKind::UnexpectedEof => format!("truncated compressed data ({e})"),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt compressed data ({e})")
        }
        _ => format!("read error: {e}"),
    }
}

/// Reads a whole one-document input from `path`, but no more than `limit` bytes of it:
/// a larger input is an error (nothing more is kept).
pub(crate) fn read_whole<R: Read>(
    reader: R,
    limit: usize,
    path: &Path,
) -> Result<Vec<u8>, crate::error::ReadError> {
    use crate::error::{Location, ReadError};
    let mut buf = Vec::new();
    match reader.take(limit as u64 + 1).read_to_end(&mut buf) {
        Ok(n) if n > limit => Err(ReadError::new(
            path,
            Location::None,
            format!("larger than {limit} bytes (the --max-document-bytes limit); skipped"),
        )),
        Ok(_) => Ok(buf),
        Err(e) => Err(ReadError::new(path, Location::None, read_error_message(&e))),
    }
}

/// The offset of the first NUL byte in the first 8 KiB, which marks a binary
/// file (no text encoding dyad reads, UTF-16 aside, has NUL bytes in text).
pub(crate) fn binary_marker(bytes: &[u8]) -> Option<usize> {
    bytes[..bytes.len().min(8192)].iter().position(|&b| b == 0)
}

/// Decodes a whole text input: strips a UTF-8 byte-order mark, decodes UTF-16
/// with a byte-order mark, and rejects binary data and invalid UTF-8, giving
/// the byte offset of the problem.
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<String, (Option<u64>, String)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|s| s.into_owned())
            .ok_or_else(|| (None, format!("invalid {} text", encoding.name())));
    }
    if let Some(at) = binary_marker(&bytes) {
        return Err((
            Some(at as u64),
            "binary data (a NUL byte), not text".to_string(),
        ));
    }
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..skip);
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + skip;
        (
            Some(at as u64),
            "invalid UTF-8 (the file is not UTF-8 text)".to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_paths() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/news.jsonl.gz")),
            Some(InputFormat::JsonLines)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.WARC.GZ")),
            Some(InputFormat::Warc)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("p.htm")),
            Some(InputFormat::Html)
        );
        assert_eq!(InputFormat::from_path(Path::new("notes")), None);
        assert_eq!(InputFormat::from_path(Path::new("a.gz")), None);
        for f in InputFormat::ALL {
            assert_eq!(f.name().parse::<InputFormat>(), Ok(f));
        }
        assert!("pdf".parse::<InputFormat>().is_err());
        assert_eq!(InputFormat::sniff(b"  {\"a\":1}"), InputFormat::JsonLines);
        assert_eq!(InputFormat::sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(
            InputFormat::sniff(b"\xEF\xBB\xBF<!doctype html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff(b"Hello"), InputFormat::Text);
    }

    #[test]
    fn dates_in_common_shapes() {
        assert_eq!(parse_date("2024-01-07").unwrap().to_string(), "2024-01-07");
        assert_eq!(
            parse_date("Tue, 1 Jul 2003 10:52:37 +0200")
                .unwrap()
                .to_string(),
            "2003-07-01"
        );
        assert!(parse_date("yesterday").is_none());
    }

    #[test]
    fn text_decoding_reports_byte_offsets() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc".to_vec()).unwrap(), "abc");
        assert_eq!(decode_text(b"ab\xffc".to_vec()).unwrap_err().0, Some(2));
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFab\xff".to_vec()).unwrap_err().0,
            Some(5)
        );
        assert_eq!(decode_text(b"abc\0".to_vec()).unwrap_err().0, Some(3));
        assert_eq!(decode_text(b"\xFF\xFEh\0i\0".to_vec()).unwrap(), "hi");
    }
}
