//! JSON Lines: one JSON object per line, one document per object.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::path::PathBuf;

use dyad_core::Document;
use dyad_core::document::content_id;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{FieldNames, ReadOptions, binary_marker, parse_date, read_error_message};
use crate::error::{Location, ReadError};
use crate::readers::text::source_name;

/// Reads JSON Lines: one document per line, streaming, with one reused line
/// buffer.
///
/// Each line is a JSON object; [`FieldNames`] say which fields fill which
/// document field. The text is required; the id may be a string or a number
/// (else [`content_id`] of the text); a null or missing date is fine, an
/// unparsable one is reported as a warning and the document kept without a
/// date; the source falls back to the file path. Blank lines are skipped.
///
/// Errors skip the line, not the file: malformed JSON, a line that is not an
/// object, invalid UTF-8, a missing or empty text, a line longer than
/// [`ReadOptions::max_line_bytes`]. A read error (a truncated `.gz`) ends
/// the file. A file whose first bytes hold a NUL byte is reported once as
/// binary and not read further; an empty file (or one of blank lines only) is
/// an error too.
///
/// A file that starts with `[` is read as one JSON array of such objects, and
/// one whose first line is just `{` as one pretty-printed object
/// (read whole, up to [`ReadOptions::max_document_bytes`], then yielded one by
/// one; locations are then element numbers).
pub struct JsonLinesReader<R> {
    input: R,
    path: PathBuf,
    fields: FieldNames,
    max_bytes: usize,
    max_array_bytes: usize,
    line_no: u64,
    buf: Vec<u8>,
    queue: VecDeque<Result<Document, ReadError>>,
    started: bool,
    done: bool,
    /// Whether a non-blank line was met.
    seen_content: bool,
    /// Whether a document was read.
    seen_document: bool,
    /// "No text" errors of the first lines, held back until a document comes
    /// (then they are reported) or [`NO_TEXT_LINES`] of them come first (then
    /// the file is no file of documents: one error instead).
    held: Vec<ReadError>,
}

/// Lines without a text field, from the start, that make a file no file of
/// documents (an index, metadata): reported once, not line by line.
const NO_TEXT_LINES: usize = 3;

impl<R: BufRead> JsonLinesReader<R> {
    /// A reader of `input`, which came from `path` (`-` for standard input).
    pub fn new(input: R, path: impl Into<PathBuf>, options: &ReadOptions) -> Self {
        JsonLinesReader {
            input,
            path: path.into(),
            fields: options.fields.clone(),
            max_bytes: options.max_line_bytes,
            max_array_bytes: options.max_document_bytes,
            line_no: 0,
            buf: Vec::with_capacity(64 * 1024),
            queue: VecDeque::new(),
            started: false,
            done: false,
            seen_content: false,
            seen_document: false,
            held: Vec::new(),
        }
    }

    fn error(&self, location: Location, message: impl Into<String>) -> ReadError {
        ReadError::new(&self.path, location, message)
    }

    /// Looks at the start of the input: binary data ends the file, a JSON
    /// array is read whole.
    fn start(&mut self) {
        self.started = true;
        let head = match self.input.fill_buf() {
            Ok(h) => h,
            Err(e) => {
                self.done = true;
                let e = self.error(Location::None, read_error_message(&e));
                self.queue.push_back(Err(e));
                return;
            }
        };
        if head.is_empty() {
            self.done = true;
            let e = self.error(Location::None, "empty file");
            self.queue.push_back(Err(e));
            return;
        }
        if let Some(at) = binary_marker(head) {
            self.done = true;
            let e = self.error(
                Location::Byte(at as u64),
                "binary data (a NUL byte), not JSON Lines",
            );
            self.queue.push_back(Err(e));
            return;
        }
        let start = head
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(head)
            .trim_ascii_start();
        // A pretty-printed object (a first line of just `{`) is one document
        // over several lines, not JSON Lines.
        let first_line = start.split(|&b| b == b'\n').next().unwrap_or(b"");
        let pretty_object = first_line.trim_ascii() == b"{" && start.len() > first_line.len();
        if start.first() == Some(&b'[') || pretty_object {
            self.done = true;
            self.read_array();
        }
    }

    /// Reads a whole JSON array of documents into the queue.
    fn read_array(&mut self) {
        let limit = self.max_array_bytes as u64;
        let mut limited = (&mut self.input).take(limit + 1);
        let parsed: Result<serde_json::Value, _> = serde_json::from_reader(&mut limited);
        let over = limited.limit() == 0;
        let values = match parsed {
            Ok(serde_json::Value::Array(v)) => v,
            Ok(v) => vec![v],
            Err(_) if over => {
                let e = self.error(
                    Location::None,
                    format!(
                        "JSON file (an array or one object) larger than {limit} bytes (the --max-document-bytes limit); skipped"
                    ),
                );
                self.queue.push_back(Err(e));
                return;
            }
            Err(e) => {
                let loc = Location::Line(e.line() as u64);
                let e = self.error(loc, json_message(&e));
                self.queue.push_back(Err(e));
                return;
            }
        };
        for (i, value) in values.into_iter().enumerate() {
            let location = Location::Record(i as u64 + 1);
            let parsed = LineSeed(&self.fields).deserialize(value);
            match parsed {
                Ok(fields) => self.push_document(fields, location),
                Err(e) => {
                    let e = self.error(location, json_message(&e));
                    self.queue.push_back(Err(e));
                }
            }
        }
    }

    /// Reads the next line into `self.buf` (without its line end). Returns
    /// `Ok(false)` at the end of the input and `Ok(true)` with an empty buffer
    /// for a line too long to keep (its bytes are consumed).
    fn next_line(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if self.buf.len() + take > self.max_bytes {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.input.consume(take);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
            self.buf.pop();
        }
        Ok(Some(too_long))
    }

    fn read_line(&mut self) {
        let too_long = match self.next_line() {
            Ok(Some(t)) => t,
            Ok(None) => {
                self.done = true;
                if !self.seen_content {
                    let e = self.error(Location::None, "empty file (only blank lines)");
                    self.queue.push_back(Err(e));
                }
                return;
            }
            Err(e) => {
                self.done = true;
                let e = self.error(Location::Line(self.line_no + 1), read_error_message(&e));
                self.queue.push_back(Err(e));
                return;
            }
        };
        self.line_no += 1;
        let location = Location::Line(self.line_no);
        if too_long {
            self.seen_content = true;
            let e = self.error(
                location,
                format!(
                    "line longer than {} bytes (the --max-line-bytes limit); skipped",
                    self.max_bytes
                ),
            );
            self.queue.push_back(Err(e));
            return;
        }
        let mut bytes = &self.buf[..];
        if self.line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.trim_ascii().is_empty() {
            return;
        }
        self.seen_content = true;
        let line = match std::str::from_utf8(bytes) {
            Ok(l) => l,
            Err(e) => {
                let col = e.valid_up_to() + 1;
                let e = self.error(location, format!("invalid UTF-8 at column {col}"));
                self.queue.push_back(Err(e));
                return;
            }
        };
        let mut de = serde_json::Deserializer::from_str(line);
        let parsed = LineSeed(&self.fields)
            .deserialize(&mut de)
            .and_then(|f| de.end().map(|_| f));
        match parsed {
            Ok(fields) => {
                let fields = fields.into_owned();
                self.push_document(fields, location);
            }
            Err(e) => {
                let e = self.error(location, json_message(&e));
                self.queue.push_back(Err(e));
            }
        }
    }

    /// Turns the fields of one line into a document (and warnings) in the queue.
    fn push_document(&mut self, f: Fields<'_>, location: Location) {
        let mut warnings = Vec::new();
        let text = match f.text {
            Some((_, Value::Str(t))) if !t.trim().is_empty() => t.into_owned(),
            Some((_, Value::Str(_))) => {
                let e = self.error(location, "empty text; skipped");
                self.queue.push_back(Err(e));
                return;
            }
            Some((i, v)) if !matches!(v, Value::Null) => {
                let msg = format!(
                    "field {:?} is {}, not a string; skipped",
                    self.fields.text[i],
                    v.kind()
                );
                self.queue.push_back(Err(self.error(location, msg)));
                return;
            }
            _ => {
                let looked = self.fields.text.join(", ");
                let msg = format!("no text (looked for the fields {looked}); skipped");
                let e = self.error(location, msg);
                if self.seen_document {
                    self.queue.push_back(Err(e));
                } else if self.held.len() + 1 < NO_TEXT_LINES {
                    self.held.push(e);
                } else {
                    self.held.clear();
                    self.done = true;
                    let msg = format!(
                        "not a file of documents: its first {NO_TEXT_LINES} records have no text (looked for the fields {looked}); file skipped"
                    );
                    self.queue.push_back(Err(self.error(Location::None, msg)));
                }
                return;
            }
        };
        self.seen_document = true;
        self.queue.extend(self.held.drain(..).map(Err));
        let mut string = |slot: Option<(usize, Value<'_>)>, names: &[String]| match slot {
            Some((_, Value::Str(s))) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some((i, v @ (Value::Num(_) | Value::Other(_)))) => {
                warnings.push(format!(
                    "field {:?} is {}, not a string; ignored",
                    names[i],
                    v.kind()
                ));
                None
            }
            _ => None,
        };
        let title = string(f.title, &self.fields.title);
        let url = string(f.url, &self.fields.url);
        let language = string(f.language, &self.fields.language);
        let source = string(f.source, &self.fields.source);
        let published = match f.date {
            Some((_, Value::Str(s))) if !s.trim().is_empty() => {
                let d = parse_date(&s);
                if d.is_none() {
                    warnings.push(format!("unparsable date {s:?}; kept without a date"));
                }
                d
            }
            Some((_, Value::Num(n))) => {
                let d = parse_date(&n);
                if d.is_none() {
                    warnings.push(format!("unparsable date {n}; kept without a date"));
                }
                d
            }
            Some((i, v @ Value::Other(_))) => {
                warnings.push(format!(
                    "field {:?} is {}, not a date; kept without a date",
                    self.fields.date[i],
                    v.kind()
                ));
                None
            }
            _ => None,
        };
        let id = match f.id {
            Some((_, Value::Str(s))) if !s.trim().is_empty() => s.trim().to_string(),
            Some((_, Value::Num(n))) => n.into_owned(),
            Some((i, v @ Value::Other(_))) => {
                warnings.push(format!(
                    "field {:?} is {}, not a string or number; using a content id",
                    self.fields.id[i],
                    v.kind()
                ));
                content_id(&text)
            }
            _ => content_id(&text),
        };
        for w in warnings {
            let w = ReadError::warning(&self.path, location, w);
            self.queue.push_back(Err(w));
        }
        self.queue.push_back(Ok(Document {
            id,
            title,
            url,
            published,
            source: source.or_else(|| Some(source_name(&self.path))),
            text,
            language,
        }));
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.start();
        }
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.done {
                // A file of fewer lines than NO_TEXT_LINES, none with text.
                return (!self.held.is_empty()).then(|| Err(self.held.remove(0)));
            }
            self.read_line();
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// serde_json's message without its position (a line of JSON Lines is parsed
/// alone, so its "line 1" would mislead), with the column instead.
fn json_message(e: &serde_json::Error) -> String {
    let mut msg = e.to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    let kind = match e.classify() {
        serde_json::error::Category::Data => "unexpected JSON",
        _ => "malformed JSON",
    };
    if e.column() > 0 {
        format!("{kind}: {msg} at column {}", e.column())
    } else {
        format!("{kind}: {msg}")
    }
}

/// A JSON value as far as a document field cares.
#[derive(Debug)]
enum Value<'de> {
    Str(Cow<'de, str>),
    /// A number, written back as JSON wrote it (through its numeric value).
    Num(Cow<'de, str>),
    Null,
    /// A boolean, array or object: its kind in words.
    Other(&'static str),
}

impl Value<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Num(_) => "a number",
            Value::Null => "null",
            Value::Other(k) => k,
        }
    }

    fn into_owned(self) -> Value<'static> {
        match self {
            Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
            Value::Num(s) => Value::Num(Cow::Owned(s.into_owned())),
            Value::Null => Value::Null,
            Value::Other(k) => Value::Other(k),
        }
    }
}

impl<'de> de::Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Owned(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Value::Num(Cow::Owned(v.to_string())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Value::Num(Cow::Owned(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Value::Num(Cow::Owned(v.to_string())))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Value::Other("a boolean"))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Other("an object"))
    }
}

/// The document fields found in one object: for each, the index of the field
/// name that filled it (in its [`FieldNames`] list) and the value.
#[derive(Debug, Default)]
struct Fields<'de> {
    text: Option<(usize, Value<'de>)>,
    title: Option<(usize, Value<'de>)>,
    date: Option<(usize, Value<'de>)>,
    url: Option<(usize, Value<'de>)>,
    id: Option<(usize, Value<'de>)>,
    language: Option<(usize, Value<'de>)>,
    source: Option<(usize, Value<'de>)>,
}

impl Fields<'_> {
    fn into_owned(self) -> Fields<'static> {
        let own = |s: Option<(usize, Value<'_>)>| s.map(|(i, v)| (i, v.into_owned()));
        Fields {
            text: own(self.text),
            title: own(self.title),
            date: own(self.date),
            url: own(self.url),
            id: own(self.id),
            language: own(self.language),
            source: own(self.source),
        }
    }
}

/// Keeps the better of two candidates for a field: a non-null value over a
/// null one, then the name listed first.
fn offer<'de>(slot: &mut Option<(usize, Value<'de>)>, index: usize, value: Value<'de>) {
    let replace = match slot {
        None => true,
        Some((_, Value::Null)) => true,
        Some((old, _)) => !matches!(value, Value::Null) && index < *old,
    };
    if replace {
        *slot = Some((index, value));
    }
}

/// Deserializes one JSON object into [`Fields`], reading only the fields
/// [`FieldNames`] names and skipping the rest without building them.
struct LineSeed<'a>(&'a FieldNames);

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = Fields<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let names = self.0;
        let mut out = Fields::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let find = |list: &[String]| list.iter().position(|n| *n == *key);
            let slot = if let Some(i) = find(&names.text) {
                Some((&mut out.text, i))
            } else if let Some(i) = find(&names.title) {
                Some((&mut out.title, i))
            } else if let Some(i) = find(&names.date) {
                Some((&mut out.date, i))
            } else if let Some(i) = find(&names.url) {
                Some((&mut out.url, i))
            } else if let Some(i) = find(&names.id) {
                Some((&mut out.id, i))
            } else if let Some(i) = find(&names.language) {
                Some((&mut out.language, i))
            } else if let Some(i) = find(&names.source) {
                Some((&mut out.source, i))
            } else {
                None
            };
            match slot {
                Some((slot, i)) => {
                    let v: Value<'de> = map.next_value()?;
                    offer(slot, i, v);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Result<Document, ReadError>> {
        JsonLinesReader::new(input.as_bytes(), "t.jsonl", &ReadOptions::default()).collect()
    }

    #[test]
    fn reads_the_common_shapes() {
        let items = read(concat!(
            r#"{"id": 7, "headline": "H", "body": "Some text.", "date_publish": "2023-03-22 10:00:00", "lang": "en"}"#,
            "\n\n",
            r#"{"text": "Caf\u00e9 \"x\"", "title": null, "published": null, "extra": {"a": [1, 2]}, "publisher": "AP"}"#,
            "\r\n",
        ));
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.text, "Some text.");
        assert_eq!(a.published.unwrap().to_string(), "2023-03-22");
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.source.as_deref(), Some("t.jsonl"));
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.text, "Café \"x\"");
        assert_eq!(b.id, content_id("Café \"x\""));
        assert_eq!(b.title, None);
        assert_eq!(b.source.as_deref(), Some("AP"));
    }

    #[test]
    fn preference_follows_the_name_order() {
        let items = read(r#"{"body": "b", "text": "t", "content": null}"#);
        assert_eq!(items[0].as_ref().unwrap().text, "t");
        let items = read(r#"{"text": null, "content": "c"}"#);
        assert_eq!(items[0].as_ref().unwrap().text, "c");
    }

    #[test]
    fn bad_dates_are_warnings_and_the_document_stays() {
        let items = read(r#"{"text": "t", "date": "March 2023"}"#);
        assert_eq!(items.len(), 2);
        let w = items[0].as_ref().unwrap_err();
        assert!(w.is_warning());
        assert_eq!(w.location, Location::Line(1));
        assert!(w.message.contains("March 2023"), "{w}");
        assert_eq!(items[1].as_ref().unwrap().published, None);
    }

    #[test]
    fn bad_lines_are_skipped() {
        let items = read(concat!(
            "{\"text\": \"one\"}\n",
            "[1, 2]\n",
            "{\"title\": \"no text\"}\n",
            "{\"text\": \"\"}\n",
            "{\"text\": \"two\"} x\n",
            "{\"text\": 5}\n",
            "{\"text\": \"three\"}",
        ));
        let lines: Vec<_> = items
            .iter()
            .map(|r| match r {
                Ok(d) => d.text.clone(),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(lines[0], "one");
        assert!(
            lines[1].starts_with("t.jsonl:2: unexpected JSON: invalid type"),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("t.jsonl:3: no text"), "{}", lines[2]);
        assert!(
            lines[3].starts_with("t.jsonl:4: empty text"),
            "{}",
            lines[3]
        );
        assert!(
            lines[4].starts_with("t.jsonl:5: malformed JSON: trailing characters"),
            "{}",
            lines[4]
        );
        assert!(
            lines[5].starts_with("t.jsonl:6: field \"text\" is a number"),
            "{}",
            lines[5]
        );
        assert_eq!(lines[6], "three");
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn empty_inputs_are_errors() {
        for (input, msg) in [
            ("", "t.jsonl: empty file"),
            ("\n \n", "t.jsonl: empty file (only blank lines)"),
        ] {
            let items = read(input);
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].as_ref().unwrap_err().to_string(), msg);
        }
    }

    #[test]
    fn a_file_without_text_fields_is_one_error() {
        let index = "{\"id\": 1, \"html_file\": \"a.html\"}\n".repeat(50);
        let items = read(&index);
        assert_eq!(items.len(), 1, "{items:?}");
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(
            e.starts_with("t.jsonl: not a file of documents: its first 3 records have no text"),
            "{e}"
        );
        // Two such lines then documents: each line reported, in order.
        let items = read("{\"id\": 1}\n{\"id\": 2}\n{\"text\": \"a\"}\n{\"id\": 4}\n");
        let shown: Vec<String> = items
            .iter()
            .map(|i| match i {
                Ok(d) => d.text.clone(),
                Err(e) => e.location_line(),
            })
            .collect();
        assert_eq!(shown, ["1", "2", "a", "4"]);
        // A short file of text-less lines: each reported.
        assert_eq!(read("{\"id\": 1}\n{\"id\": 2}\n").len(), 2);
    }

    trait LineOf {
        fn location_line(&self) -> String;
    }

    impl LineOf for ReadError {
        fn location_line(&self) -> String {
            match self.location {
                Location::Line(n) => n.to_string(),
                _ => "?".into(),
            }
        }
    }

    #[test]
    fn a_pretty_printed_object_is_one_document() {
        let items = read("{\n  \"title\": \"T\",\n  \"text\": \"Talks resumed.\"\n}\n");
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().text, "Talks resumed.");
        // A JSON Lines file whose first line is broken is still read line by line.
        let items = read("{\"text\": \n{\"text\": \"b\"}\n");
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[1].is_ok());
    }

    #[test]
    fn json_arrays_and_long_lines() {
        let items = read("[{\"text\": \"a\"}, 3, {\"text\": \"b\"}]");
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].as_ref().unwrap_err().location, Location::Record(2));
        let options = ReadOptions {
            max_line_bytes: 20,
            ..ReadOptions::default()
        };
        // A file of one over-long line: one error, not a second "empty file" one.
        let alone: Vec<_> =
            JsonLinesReader::new(&b"{\"text\": \"a long line of text\"}\n"[..], "t", &options)
                .collect();
        assert_eq!(alone.len(), 1, "{alone:?}");
        let input = "{\"text\": \"a long line of text\"}\n{\"text\": \"short\"}\n";
        let items: Vec<_> = JsonLinesReader::new(input.as_bytes(), "t", &options).collect();
        assert!(
            items[0]
                .as_ref()
                .unwrap_err()
                .message
                .contains("longer than 20")
        );
        assert_eq!(items[1].as_ref().unwrap().text, "short");
    }
}
