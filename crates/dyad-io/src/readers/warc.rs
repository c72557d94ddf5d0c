//! WARC: the HTML pages a web archive holds, one document per page.
//!
//! # Why a hand-written parser
//!
//! The `warc` crate (0.4) was tried on `../shared/corpus/warc`. It reads gzip
//! with `libflate` (a second inflate implementation beside the `flate2` the
//! workspace already has) and failed to open `ukwa-IAH-urls-wget.warc.gz`
//! ("failed to fill whole buffer", a gzip header with an extra field), which
//! gzip and `flate2` read fine; its `WarcReader::from_path` opens plain files
//! with `create(true)` and so fails on read-only files; its errors carry no
//! offset, and after one it stays mid-record with no way to resynchronise.
//! The record format is simple (a version line, `Name: value` headers, a
//! blank line, `Content-Length` bytes, a blank line), so it is parsed here,
//! streaming: uninteresting record bodies are skipped without being kept, and
//! every error names the record number and the byte offset where the record
//! starts (in the decompressed stream for `.warc.gz`).

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::path::PathBuf;

use dyad_core::Document;

use super::html::extract_page;
use super::{ReadOptions, parse_date, read_error_message};
use crate::error::{Location, ReadError};
use crate::readers::text::source_name;

/// The longest header line and header block accepted.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// Reads a WARC file (1.0, 1.1, and the 0.17/0.18 drafts Heritrix wrote),
/// plain or gzipped (one gzip member per record or one for the whole file:
/// decompression happens before this reader).
///
/// Keeps `response` records holding an HTTP response with status 2xx and an
/// HTML payload (`text/html`, `application/xhtml+xml`, or no type and a
/// payload that starts like HTML), and `resource` records of type
/// `text/html`. The HTTP headers are stripped, chunked transfer coding and
/// gzip/deflate content coding undone, and the page goes through the HTML
/// reader's [`extract_page`]. The document's URL is the `WARC-Target-URI`,
/// its date the page's publication date, else the `WARC-Date` (the crawl
/// date); its language the page's `<html lang>` (or `<meta>` language), else
/// the HTTP response's `Content-Language`, else the WARC record's
/// `Content-Language` (one language each, reduced to its primary subtag); its
/// source `path#N`, N the record number counted from 1.
///
/// Other records (requests, metadata, images, redirects) are skipped without
/// a word. An empty file, or one that does not start with a WARC record, is
/// one error. Other errors name the record: a page without main content, a malformed
/// record (the reader then looks for the next `WARC/` line), and a truncated
/// file or gzip stream (which ends the file; the complete records before it
/// have been yielded).
pub struct WarcReader<R> {
    input: R,
    path: PathBuf,
    max_bytes: usize,
    max_html_depth: usize,
    /// Bytes consumed so far (in the decompressed stream).
    offset: u64,
    /// Records seen so far.
    record: u64,
    queue: VecDeque<Result<Document, ReadError>>,
    done: bool,
    /// After a malformed record: skip lines until one starts with `WARC/`.
    resync: bool,
}

/// One record's header fields and (when kept) its content block.
struct Record {
    number: u64,
    offset: u64,
    headers: Vec<(String, String)>,
    block: Option<Vec<u8>>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Why reading a record stopped.
enum Stop {
    /// A malformed record: report, look for the next one.
    Malformed(String),
    /// The input ended or broke: report, stop.
    Fatal(String),
    /// The input is empty or no WARC file at all: report, stop.
    NotWarc(String),
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of `input` (decompressed), which came from `path`.
    pub fn new(input: R, path: impl Into<PathBuf>, options: &ReadOptions) -> Self {
        WarcReader {
            input,
            path: path.into(),
            max_bytes: options.max_record_bytes,
            max_html_depth: options.max_html_depth,
            offset: 0,
            record: 0,
            queue: VecDeque::new(),
            done: false,
            resync: false,
        }
    }

    /// Reads one line (with its line end) into `buf`, up to `MAX_HEADER_BYTES`.
    fn line(&mut self, buf: &mut Vec<u8>) -> Result<usize, Stop> {
        buf.clear();
        let n = (&mut self.input)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', buf)
            .map_err(|e| Stop::Fatal(read_error_message(&e)))?;
        self.offset += n as u64;
        Ok(n)
    }

    /// Skips `n` bytes; returns how many there were.
    fn skip(&mut self, n: u64) -> Result<u64, Stop> {
        let copied = io::copy(&mut (&mut self.input).take(n), &mut io::sink())
            .map_err(|e| Stop::Fatal(read_error_message(&e)))?;
        self.offset += copied;
        Ok(copied)
    }

    /// Reads the next record, `Ok(None)` at the end of the input.
    fn read_record(&mut self) -> Result<Option<Record>, Stop> {
        let mut line = Vec::new();
        // Blank lines between records (and, after an error, anything up to the
        // next version line).
        let start = loop {
            let at = self.offset;
            if self.line(&mut line)? == 0 {
                if self.record == 0 {
                    return Err(Stop::NotWarc("empty file".to_string()));
                }
                return Ok(None);
            }
            if line.starts_with(b"WARC/") {
                self.resync = false;
                break at;
            }
            if self.resync || line.trim_ascii().is_empty() {
                continue;
            }
            self.record += 1;
            self.resync = true;
            let what = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
            return Err(if self.record == 1 && at == 0 {
                Stop::NotWarc(format!(
                    "not a WARC file: expected a WARC/1.0 or WARC/1.1 line, found {:?}",
                    what.trim_end()
                ))
            } else {
                Stop::Malformed(format!(
                    "expected a WARC record header at byte {at}, found {:?}",
                    what.trim_end()
                ))
            });
        };
        self.record += 1;
        let number = self.record;

        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            let n = self.line(&mut line)?;
            header_bytes += n;
            if n == 0 {
                return Err(Stop::Fatal(format!(
                    "truncated: the file ends inside the headers of the record starting at byte {start}"
                )));
            }
            if line.trim_ascii().is_empty() {
                break;
            }
            if header_bytes > MAX_HEADER_BYTES {
                self.resync = true;
                return Err(Stop::Malformed(format!(
                    "record headers longer than {MAX_HEADER_BYTES} bytes"
                )));
            }
            let text = String::from_utf8_lossy(&line);
            if text.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
            } else if let Some((k, v)) = text.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }

        let length = match header(&headers, "Content-Length").map(|v| v.parse::<u64>()) {
            Some(Ok(n)) => n,
            other => {
                self.resync = true;
                let why = if other.is_some() {
                    "an invalid Content-Length"
                } else {
                    "no Content-Length"
                };
                return Err(Stop::Malformed(format!(
                    "record starting at byte {start} has {why}"
                )));
            }
        };
        let mut record = Record {
            number,
            offset: start,
            headers,
            block: None,
        };
        let wanted = is_candidate(&record);
        if wanted && length <= self.max_bytes as u64 {
            let mut block = Vec::with_capacity(length as usize);
            let got = (&mut self.input)
                .take(length)
                .read_to_end(&mut block)
                .map_err(|e| Stop::Fatal(read_error_message(&e)))?;
            self.offset += got as u64;
            if (got as u64) < length {
                return Err(truncated(start, length, got as u64));
            }
            record.block = Some(block);
        } else {
            let got = self.skip(length)?;
            if got < length {
                return Err(truncated(start, length, got));
            }
            if wanted {
                return Err(Stop::Malformed(format!(
                    "record larger than {} bytes (the --max-record-bytes limit); skipped",
                    self.max_bytes
                )));
            }
        }
        Ok(Some(record))
    }

    /// Turns a kept record into a document (or an error) in the queue.
    fn process(&mut self, record: Record) {
        let Some(block) = record.block.as_deref() else {
            return;
        };
        let location = Location::Record(record.number);
        let url = record
            .header("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let is_response = record
            .header("WARC-Type")
            .is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let page = if is_response {
            match http_payload(block) {
                Ok(Some(p)) => p,
                Ok(None) => return,
                Err(msg) => {
                    let e = ReadError::new(&self.path, location, with_url(msg, url.as_deref()));
                    self.queue.push_back(Err(e));
                    return;
                }
            }
        } else {
            let charset = record.header("Content-Type").and_then(charset_param);
            Payload {
                body: std::borrow::Cow::Borrowed(block),
                charset: charset.map(str::to_string),
                language: None,
            }
        };
        let extracted = super::html::check_depth(&page.body, self.max_html_depth)
            .and_then(|()| extract_page(&page.body, page.charset.as_deref()));
        match extracted {
            Ok(p) => {
                let crawl_date = record.header("WARC-Date").and_then(parse_date);
                let source = format!("{}#{}", source_name(&self.path), record.number);
                let mut doc = p.into_document(Some(source));
                doc.published = doc.published.or(crawl_date);
                // The page's own `lang` first (as browsers do), then the HTTP
                // response's `Content-Language`, then the WARC record's.
                let record_language = record.header("Content-Language").and_then(content_language);
                doc.language = doc.language.or(page.language).or(record_language);
                if url.is_some() {
                    doc.url = url;
                }
                self.queue.push_back(Ok(doc));
            }
            Err(msg) => {
                let msg = format!(
                    "{} (record at byte {})",
                    with_url(msg, url.as_deref()),
                    record.offset
                );
                self.queue
                    .push_back(Err(ReadError::new(&self.path, location, msg)));
            }
        }
    }
}

fn truncated(start: u64, length: u64, got: u64) -> Stop {
    Stop::Fatal(format!(
        "truncated: the record starting at byte {start} promises {length} bytes of content, the file ends after {got}"
    ))
}

fn with_url(msg: String, url: Option<&str>) -> String {
    match url {
        Some(u) => format!("{msg}: {u}"),
        None => msg,
    }
}

/// Whether a record may hold an HTML page (decided from its WARC headers).
fn is_candidate(record: &Record) -> bool {
    let kind = record.header("WARC-Type").unwrap_or("");
    let ctype = record
        .header("Content-Type")
        .unwrap_or("")
        .to_ascii_lowercase();
    if kind.eq_ignore_ascii_case("response") {
        ctype.starts_with("application/http") || ctype.is_empty()
    } else if kind.eq_ignore_ascii_case("resource") {
        is_html_type(&ctype)
    } else {
        false
    }
}

fn is_html_type(ctype: &str) -> bool {
    let t = ctype.split(';').next().unwrap_or("").trim();
    t.eq_ignore_ascii_case("text/html") || t.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type` value.
fn charset_param(ctype: &str) -> Option<&str> {
    ctype.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// An HTML payload and the charset its headers name.
struct Payload<'a> {
    body: std::borrow::Cow<'a, [u8]>,
    charset: Option<String>,
    /// The language its HTTP `Content-Language` header names.
    language: Option<String>,
}

/// The one language a `Content-Language` value names (`en`, `en-GB`, `en-US, en`),
/// reduced to its primary subtag; `None` when it names several or none.
fn content_language(value: &str) -> Option<String> {
    let mut codes = value.split(',').map(super::html::language_code);
    let first = codes.next()??;
    codes
        .all(|c| c.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// The HTML page in an HTTP response block: `Ok(None)` when the response is not
/// a 2xx HTML page.
fn http_payload(block: &[u8]) -> Result<Option<Payload<'_>>, String> {
    let Some((head, body)) = split_http(block) else {
        return Err("malformed HTTP response (no end of headers)".to_string());
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok());
    if !status_line.starts_with("HTTP/") || status.is_none() {
        // Its first 40 characters (not bytes: a line of invalid UTF-8 is read
        // with 3-byte replacement characters, and a byte cut could split one).
        let shown: String = status_line.chars().take(40).collect();
        return Err(format!("malformed HTTP status line {shown:?}"));
    }
    if !(200..300).contains(&status.unwrap_or(0)) {
        return Ok(None);
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let ctype = header(&headers, "Content-Type").unwrap_or("");
    let html = if ctype.trim().is_empty() {
        let start = body.trim_ascii_start();
        start.starts_with(b"<")
    } else {
        is_html_type(ctype)
    };
    if !html {
        return Ok(None);
    }
    let charset = charset_param(ctype).map(str::to_string);
    let mut body = std::borrow::Cow::Borrowed(body);
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        // Some crawlers store the payload de-chunked but keep the header:
        // fall back to the body as stored when it does not parse as chunks.
        if let Some(d) = dechunk(&body) {
            body = std::borrow::Cow::Owned(d);
        }
    }
    if let Some(coding) = header(&headers, "Content-Encoding") {
        let coding = coding.trim().to_ascii_lowercase();
        match coding.as_str() {
            "" | "identity" => {}
            "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .map_err(|e| format!("bad gzip content coding ({e})"))?;
                body = std::borrow::Cow::Owned(out);
            }
            "deflate" if !body.trim_ascii_start().starts_with(b"<") => {
                let mut out = Vec::new();
                let zlib = flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out);
                if zlib.is_err() {
                    out.clear();
                    flate2::read::DeflateDecoder::new(&body[..])
                        .read_to_end(&mut out)
                        .map_err(|e| format!("bad deflate content coding ({e})"))?;
                }
                body = std::borrow::Cow::Owned(out);
            }
            "gzip" | "x-gzip" | "deflate" => {} // stored decoded already
            other => return Err(format!("unsupported Content-Encoding {other:?}")),
        }
    }
    let language = header(&headers, "Content-Language").and_then(content_language);
    Ok(Some(Payload {
        body,
        charset,
        language,
    }))
}

/// Splits an HTTP message at the blank line after its headers (CRLF or LF).
fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = block.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = block.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((&block[..l], &block[l + 2..])),
        (Some(c), _) => Some((&block[..c], &block[c + 4..])),
        (None, Some(l)) => Some((&block[..l], &block[l + 2..])),
        (None, None) => None,
    }
}

/// Undoes chunked transfer coding; `None` when the body is not chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = body.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&body[..eol]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            // A cut-off last chunk: keep what is there.
            out.extend_from_slice(body);
            return Some(out);
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        if body.is_empty() {
            return Some(out);
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.read_record() {
                Ok(Some(record)) => self.process(record),
                Ok(None) => self.done = true,
                Err(Stop::Malformed(msg)) => {
                    let loc = Location::Record(self.record);
                    self.queue
                        .push_back(Err(ReadError::new(&self.path, loc, msg)));
                }
                Err(Stop::NotWarc(msg)) => {
                    self.done = true;
                    let e = ReadError::new(&self.path, Location::None, msg);
                    self.queue.push_back(Err(e));
                }
                Err(Stop::Fatal(msg)) => {
                    self.done = true;
                    let loc = Location::Record(self.record.max(1));
                    let msg = format!("{msg} (at byte {})", self.offset);
                    self.queue
                        .push_back(Err(ReadError::new(&self.path, loc, msg)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, ctype: &str, block: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://example.com/{kind}\r\nWARC-Date: 2020-01-02T03:04:05Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn page() -> String {
        let para = "<p>The minister said on Tuesday that the talks with the rebels would resume next week in the capital.</p>";
        format!(
            "<html><body><article>{}</article></body></html>",
            para.repeat(5)
        )
    }

    #[test]
    fn html_responses_become_documents() {
        let body = page();
        let chunked = format!("{:x}\r\n{}\r\n0\r\n\r\n", body.len(), body);
        let warc = [
            record("warcinfo", "application/warc-fields", "software: x\r\n"),
            record("request", "application/http;msgtype=request", "GET / HTTP/1.1\r\n\r\n"),
            record(
                "response",
                "application/http;msgtype=response",
                &format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}"),
            ),
            record(
                "response",
                "application/http;msgtype=response",
                "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n",
            ),
            record(
                "response",
                "application/http;msgtype=response",
                &format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n{chunked}"
                ),
            ),
            record("resource", "text/html", &body),
        ]
        .concat();
        let items: Vec<_> =
            WarcReader::new(warc.as_bytes(), "t.warc", &ReadOptions::default()).collect();
        assert_eq!(items.len(), 3, "{items:?}");
        for (item, n) in items.iter().zip([3, 5, 6]) {
            let d = item.as_ref().unwrap();
            assert!(d.text.contains("talks with the rebels"));
            assert!(!d.text.contains("0\r\n"));
            assert_eq!(d.published.unwrap().to_string(), "2020-01-02");
            assert_eq!(d.source.as_deref(), Some(format!("t.warc#{n}").as_str()));
        }
        assert_eq!(
            items[0].as_ref().unwrap().url.as_deref(),
            Some("http://example.com/response")
        );
    }

    #[test]
    fn content_language_names_the_language() {
        // Written for this test.
        let body = "<p>Le ministre a déclaré mardi que les pourparlers avec les rebelles reprendraient la semaine prochaine dans la capitale.</p>".repeat(5);
        let page =
            |lang: &str| format!("<html{lang}><body><article>{body}</article></body></html>");
        let with_header = |warc_lang: &str, http_lang: &str, html: &str| {
            let block =
                format!("HTTP/1.1 200 OK\r\nContent-Type: text/html{http_lang}\r\n\r\n{html}");
            record("response", "application/http;msgtype=response", &block).replacen(
                "Content-Length",
                &format!("{warc_lang}Content-Length"),
                1,
            )
        };
        let warc = [
            // The WARC record's header alone.
            with_header("Content-Language: fr-FR\r\n", "", &page("")),
            // The HTTP response's header wins over the record's.
            with_header(
                "Content-Language: en\r\n",
                "\r\nContent-Language: de-DE, de",
                &page(""),
            ),
            // The page's own `lang` wins over both.
            with_header(
                "Content-Language: de\r\n",
                "\r\nContent-Language: de",
                &page(" lang=\"fr\""),
            ),
            // Several languages name none; no header, no language.
            with_header("Content-Language: en, fr\r\n", "", &page("")),
            with_header("", "", &page("")),
        ]
        .concat();
        let langs: Vec<Option<String>> =
            WarcReader::new(warc.as_bytes(), "t.warc", &ReadOptions::default())
                .map(|d| d.unwrap().language)
                .collect();
        let want = [Some("fr"), Some("de"), Some("fr"), None, None];
        assert_eq!(langs, want.map(|l| l.map(str::to_string)));
        assert_eq!(content_language(" EN_gb "), Some("en".into()));
        assert_eq!(content_language("english"), None);
    }

    #[test]
    fn a_status_line_of_invalid_utf8_is_an_error_not_a_panic() {
        // Found by the read_warc fuzz target: the message cut the line at byte 40,
        // inside a replacement character.
        let mut block = b"HTTP/1.1 ".to_vec();
        block.extend([0xff; 60]);
        block.extend(b"200 OK\r\nContent-Type: text/html\r\n\r\n");
        block.extend(page().as_bytes());
        let mut warc = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        warc.extend(&block);
        warc.extend(b"\r\n\r\n");
        let items: Vec<_> = WarcReader::new(&warc[..], "t.warc", &ReadOptions::default()).collect();
        assert_eq!(items.len(), 1);
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("record 1") && e.contains("malformed HTTP status line \"HTTP/1.1 \u{fffd}"),
            "{e}"
        );
    }

    #[test]
    fn truncation_and_garbage_are_reported() {
        let body = page();
        let one = record("resource", "text/html", &body);
        let warc = format!("{one}{one}");
        let cut = &warc[..one.len() + 200];
        let items: Vec<_> =
            WarcReader::new(cut.as_bytes(), "t.warc", &ReadOptions::default()).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.location, Location::Record(2));
        assert!(e.message.starts_with("truncated"), "{e}");
        assert!(e.message.contains(&format!("byte {}", one.len())), "{e}");

        let garbage = format!("{one}junk line\r\nmore junk\r\n{one}");
        let items: Vec<_> =
            WarcReader::new(garbage.as_bytes(), "t.warc", &ReadOptions::default()).collect();
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok() && items[2].is_ok());
        assert_eq!(items[1].as_ref().unwrap_err().location, Location::Record(2));

        let items: Vec<_> =
            WarcReader::new(&b"hello\n"[..], "t.warc", &ReadOptions::default()).collect();
        assert_eq!(items.len(), 1);
        assert!(
            items[0]
                .as_ref()
                .unwrap_err()
                .message
                .starts_with("not a WARC file")
        );
    }

    #[test]
    fn dechunking() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert_eq!(dechunk(b"<html>"), None);
    }
}
