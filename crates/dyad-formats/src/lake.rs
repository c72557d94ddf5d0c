//! The Parquet lake: typed columns (dates as DATE, codes as dictionary-encoded
//! strings, offsets as integers, actors and location flattened), zstd, written with
//! the `parquet` crate's column writers (no Arrow). [`LakeWriter`] writes a
//! hive-partitioned directory, `year=YYYY/month=MM/part-<uuid>.parquet`: every run adds
//! new part files and never touches existing ones, so many machines can write into one
//! lake. A part file is written under a hidden temporary name and renamed when
//! complete, so readers never see half a file.

use crate::row::{EventRow, GeoPrecision};
use chrono::{Datelike, NaiveDate};
use parquet::basic::{Compression, ZstdLevel};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: large enough for fast scans (a few MB compressed), small
/// enough to bound the rows held in memory per open partition.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;
/// Buffered bytes (all partitions together) above which the largest partition's rows
/// are written out as a row group early: memory stays bounded however many months a
/// corpus spans.
const BUFFER_BYTES: usize = 32 << 20;
/// Part files open at once; the least recently used is closed beyond this.
const MAX_OPEN: usize = 32;
/// Parts with fewer rows are written uncompressed: setting up zstd for each of their
/// ~100 pages costs more time than the few kilobytes it would save (a corpus's tail of
/// months with a handful of events each would otherwise dominate the writing time).
pub const SMALL_PART_ROWS: usize = 1000;
/// The hive directory name of a missing partition value (Hive's and Spark's).
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// A value of one column of one row.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// A UTF-8 string, dictionary-encoded.
    Str(Option<&'a str>),
    /// A date (days since 1970-01-01 in the file).
    Date(Option<NaiveDate>),
    /// A 32-bit integer.
    I32(Option<i32>),
    /// A 64-bit integer.
    I64(Option<i64>),
    /// A float.
    F32(Option<f32>),
    /// A double.
    F64(Option<f64>),
    /// A boolean.
    Bool(Option<bool>),
}

/// One column of the lake: its name, whether it may be null, and how to read it from a
/// row.
pub struct Column {
    /// The column name (the CSV header's).
    pub name: &'static str,
    /// Never null.
    pub required: bool,
    /// Its value in a row.
    pub get: for<'a> fn(&'a EventRow) -> Value<'a>,
}

macro_rules! col {
    ($name:literal, $req:literal, |$r:ident| $e:expr) => {
        Column {
            name: $name,
            required: $req,
            get: |$r| $e,
        }
    };
}

fn i64_of(v: Option<u32>) -> Option<i64> {
    v.map(i64::from)
}

fn precision(p: GeoPrecision) -> &'static str {
    match p {
        GeoPrecision::Country => "country",
        GeoPrecision::Adm1 => "adm1",
        GeoPrecision::Place => "city",
    }
}

/// The lake's columns, in order: the CSV columns (docs/formats.md), typed, and
/// `global_event_id` (GDELT's integer id) after `event_id`.
pub static COLUMNS: &[Column] = &[
    col!("event_id", true, |r| Value::Str(Some(&r.event_id))),
    col!("global_event_id", true, |r| Value::I64(Some(
        crate::codes::integer_id(&r.event_id)
    ))),
    col!("doc_id", true, |r| Value::Str(Some(&r.doc_id))),
    col!("sentence_index", true, |r| Value::I32(Some(
        r.sentence_index as i32
    ))),
    col!("date", false, |r| Value::Date(r.date)),
    col!("date_end", false, |r| Value::Date(r.date_end)),
    col!("date_precision", false, |r| Value::Str(
        r.date_precision.as_deref()
    )),
    col!("date_text", false, |r| Value::Str(r.date_text.as_deref())),
    col!("source_code", true, |r| Value::Str(Some(&r.source.code))),
    col!("source_country", false, |r| Value::Str(
        r.source.country.as_deref()
    )),
    col!("source_text", false, |r| Value::Str(
        r.source.text.as_deref()
    )),
    col!("source_start", false, |r| Value::I64(i64_of(
        r.source.start
    ))),
    col!("source_end", false, |r| Value::I64(i64_of(r.source.end))),
    col!("target_code", false, |r| Value::Str(
        r.target.as_ref().map(|t| t.code.as_str())
    )),
    col!("target_country", false, |r| Value::Str(
        r.target.as_ref().and_then(|t| t.country.as_deref())
    )),
    col!("target_text", false, |r| Value::Str(
        r.target.as_ref().and_then(|t| t.text.as_deref())
    )),
    col!("target_start", false, |r| Value::I64(i64_of(
        r.target.as_ref().and_then(|t| t.start)
    ))),
    col!("target_end", false, |r| Value::I64(i64_of(
        r.target.as_ref().and_then(|t| t.end)
    ))),
    col!("cameo_code", true, |r| Value::Str(Some(&r.cameo_code))),
    col!("cameo_root", true, |r| Value::Str(Some(r.cameo_root()))),
    col!("cameo_name", true, |r| Value::Str(Some(&r.cameo_name))),
    col!("goldstein", true, |r| Value::F32(Some(r.goldstein))),
    col!("quad_class", true, |r| Value::I32(Some(
        r.quad_class as i32
    ))),
    col!("plover_type", false, |r| Value::Str(
        r.plover_type.as_deref()
    )),
    col!("plover_mode", false, |r| Value::Str(
        r.plover_mode.as_deref()
    )),
    col!("mode", true, |r| Value::Str(Some(&r.mode))),
    col!("is_primary", true, |r| Value::Bool(Some(r.primary))),
    col!("is_quote", true, |r| Value::Bool(Some(r.quote))),
    col!("compound_group", false, |r| Value::I32(
        r.group.map(|g| g as i32)
    )),
    col!("sentence", true, |r| Value::Str(Some(&r.sentence))),
    col!("sentence_start", true, |r| Value::I64(Some(
        r.sentence_start as i64
    ))),
    col!("sentence_end", true, |r| Value::I64(Some(
        r.sentence_end as i64
    ))),
    col!("trigger", true, |r| Value::Str(Some(&r.trigger))),
    col!("trigger_start", true, |r| Value::I64(Some(
        r.trigger_start as i64
    ))),
    col!("trigger_end", true, |r| Value::I64(Some(
        r.trigger_end as i64
    ))),
    col!("rule", true, |r| Value::Str(Some(&r.rule))),
    col!("confidence", true, |r| Value::F32(Some(r.confidence))),
    col!("url", false, |r| Value::Str(r.url.as_deref())),
    col!("news_source", false, |r| Value::Str(
        r.news_source.as_deref()
    )),
    col!("published", false, |r| Value::Date(r.published)),
    col!("location_name", false, |r| Value::Str(
        r.location.as_ref().map(|l| l.name.as_str())
    )),
    col!("location_country", false, |r| Value::Str(
        r.location.as_ref().and_then(|l| l.country.as_deref())
    )),
    col!("location_adm1", false, |r| Value::Str(
        r.location.as_ref().and_then(|l| l.adm1_name.as_deref())
    )),
    col!("location_lat", false, |r| Value::F64(
        r.location.as_ref().and_then(|l| l.lat)
    )),
    col!("location_lon", false, |r| Value::F64(
        r.location.as_ref().and_then(|l| l.lon)
    )),
    col!("location_feature_id", false, |r| Value::Str(
        r.location.as_ref().and_then(|l| l.feature_id.as_deref())
    )),
    col!("location_precision", false, |r| Value::Str(
        r.location.as_ref().map(|l| precision(l.precision))
    )),
];

/// The Parquet schema of [`COLUMNS`], as a message type.
pub fn schema_text() -> String {
    let empty = EventRow::default();
    let mut s = String::from("message dyad_event {\n");
    for c in COLUMNS {
        let rep = if c.required { "required" } else { "optional" };
        let ty = match (c.get)(&empty) {
            Value::Str(_) => "binary",
            Value::Date(_) | Value::I32(_) => "int32",
            Value::I64(_) => "int64",
            Value::F32(_) => "float",
            Value::F64(_) => "double",
            Value::Bool(_) => "boolean",
        };
        let logical = match (c.get)(&empty) {
            Value::Str(_) => " (STRING)",
            Value::Date(_) => " (DATE)",
            _ => "",
        };
        s.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

fn schema() -> Arc<Type> {
    // The schema text is built from COLUMNS and parses by construction.
    Arc::new(
        parquet::schema::parser::parse_message_type(&schema_text())
            .expect("the lake schema parses"),
    )
}

/// Columns whose values are (nearly) all different: ids, offsets, sentences, URLs. A
/// dictionary would hold every value once more, hash each, and be dropped for plain
/// encoding when it outgrows its page: they are written plain from the start.
pub const PLAIN_COLUMNS: &[&str] = &[
    "event_id",
    "global_event_id",
    "doc_id",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "url",
];

/// Free-text columns: a minimum and maximum of sentences prune nothing, and comparing
/// long strings for them costs time. They are written without statistics.
pub const NO_STATISTICS_COLUMNS: &[&str] = &[
    "sentence",
    "source_text",
    "target_text",
    "date_text",
    "trigger",
    "url",
];

/// The columns compressed with zstd: text and byte offsets, nine tenths of a part's
/// bytes, which zstd makes 2 to 9 times smaller. The others (dictionary-encoded codes,
/// numbers, flags, dates) are already a byte or two a row, zstd gains them little (0
/// to 40 %), and each compressed page costs a zstd context: about a third of the
/// lake's writing time when every column was compressed.
pub const ZSTD_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "date_text",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "cameo_name",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "url",
];

/// The writer settings: zstd (level 1: about as small as level 3 here, and faster) for
/// [`ZSTD_COLUMNS`] (none for a small part), no compression for the others; dictionary
/// encoding for codes and other repeated values (not for [`PLAIN_COLUMNS`]); chunk
/// statistics for pruning (not for [`NO_STATISTICS_COLUMNS`]).
pub fn properties(compressed: bool) -> Arc<WriterProperties> {
    use parquet::schema::types::ColumnPath;
    let zstd = Compression::ZSTD(ZstdLevel::try_new(1).unwrap_or_default());
    let mut b = WriterProperties::builder()
        .set_writer_version(WriterVersion::PARQUET_1_0)
        .set_compression(Compression::UNCOMPRESSED)
        .set_dictionary_enabled(true)
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_max_row_group_size(ROW_GROUP_ROWS)
        .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")));
    if compressed {
        for c in ZSTD_COLUMNS {
            b = b.set_column_compression(ColumnPath::from(*c), zstd);
        }
    }
    for c in PLAIN_COLUMNS {
        b = b.set_column_dictionary_enabled(ColumnPath::from(*c), false);
    }
    for c in NO_STATISTICS_COLUMNS {
        b = b.set_column_statistics_enabled(ColumnPath::from(*c), EnabledStatistics::None);
    }
    Arc::new(b.build())
}

/// Errors writing the lake.
#[derive(Debug, thiserror::Error)]
pub enum LakeError {
    /// A file or directory could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The Parquet encoder failed.
    #[error("{path}: writing Parquet: {source}")]
    Parquet {
        /// The part file.
        path: PathBuf,
        /// Why.
        source: parquet::errors::ParquetError,
    },
}

/// One column's buffered values: non-null values only, and the definition levels
/// (1 value, 0 null) of an optional column.
struct ColumnData {
    values: Values,
    defs: Option<Vec<i16>>,
}

/// Values of one physical type. Strings share one byte buffer (no allocation per
/// value), which a row group hands to the encoder as slices of one `Bytes`.
enum Values {
    Str { data: Vec<u8>, ends: Vec<usize> },
    I32(Vec<i32>),
    I64(Vec<i64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
}

impl ColumnData {
    fn new(c: &Column) -> ColumnData {
        let values = match (c.get)(&EventRow::default()) {
            Value::Str(_) => Values::Str {
                data: Vec::new(),
                ends: Vec::new(),
            },
            Value::Date(_) | Value::I32(_) => Values::I32(Vec::new()),
            Value::I64(_) => Values::I64(Vec::new()),
            Value::F32(_) => Values::F32(Vec::new()),
            Value::F64(_) => Values::F64(Vec::new()),
            Value::Bool(_) => Values::Bool(Vec::new()),
        };
        ColumnData {
            values,
            defs: (!c.required).then(Vec::new),
        }
    }

    /// Appends one value; returns the bytes it takes.
    fn push(&mut self, v: Value<'_>) -> usize {
        fn put<T>(out: &mut Vec<T>, v: Option<T>) -> (bool, usize) {
            let present = v.is_some();
            out.extend(v);
            (present, std::mem::size_of::<T>())
        }
        let (present, bytes) = match (&mut self.values, v) {
            (Values::Str { data, ends }, Value::Str(Some(s))) => {
                data.extend_from_slice(s.as_bytes());
                ends.push(data.len());
                (true, s.len() + 8)
            }
            (Values::Str { .. }, Value::Str(None)) => (false, 0),
            (Values::I32(out), Value::I32(x)) => put(out, x),
            (Values::I32(out), Value::Date(d)) => put(out, d.map(days)),
            (Values::I64(out), Value::I64(x)) => put(out, x),
            (Values::F32(out), Value::F32(x)) => put(out, x),
            (Values::F64(out), Value::F64(x)) => put(out, x),
            (Values::Bool(out), Value::Bool(x)) => put(out, x),
            // A getter returns one variant for every row (ColumnData::new read it).
            _ => (false, 0),
        };
        if let Some(d) = self.defs.as_mut() {
            d.push(i16::from(present));
        }
        bytes + 2
    }
}

/// Rows buffered for one partition, by column: compact, and the rows themselves are
/// freed as soon as they are added.
struct Buffer {
    cols: Vec<ColumnData>,
    len: usize,
    bytes: usize,
}

impl Default for Buffer {
    fn default() -> Buffer {
        Buffer {
            cols: COLUMNS.iter().map(ColumnData::new).collect(),
            len: 0,
            bytes: 0,
        }
    }
}

impl Buffer {
    fn push(&mut self, row: &EventRow) -> usize {
        let mut bytes = 0;
        for (c, col) in COLUMNS.iter().zip(&mut self.cols) {
            bytes += col.push((c.get)(row));
        }
        self.len += 1;
        self.bytes += bytes;
        bytes
    }
}

/// A part file being written.
struct Open {
    writer: SerializedFileWriter<BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
}

/// One partition: its buffered rows, and its part file once a row group was written.
#[derive(Default)]
struct Part {
    buffer: Buffer,
    file: Option<Open>,
    last_use: u64,
}

/// Partition key: (year, month), `None` for an undated event.
type Key = Option<(i32, u32)>;

/// Writes events into a hive-partitioned Parquet lake under a root directory.
///
/// Rows are buffered per partition and a partition's part file is opened only when it
/// has a full row group to write (or at [`finish`](LakeWriter::finish)), so a run
/// writes one part per partition unless a partition outgrows a row group or memory
/// runs short.
pub struct LakeWriter {
    root: PathBuf,
    parts: HashMap<Key, Part>,
    props: Arc<WriterProperties>,
    small_props: Arc<WriterProperties>,
    schema: Arc<Type>,
    buffered: usize,
    clock: u64,
    written: Vec<PathBuf>,
    rows: u64,
}

/// What a finished [`LakeWriter`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LakeSummary {
    /// The part files, in the order they were completed.
    pub files: Vec<PathBuf>,
    /// Rows written.
    pub rows: u64,
}

fn partition_dir(key: Key) -> PathBuf {
    match key {
        Some((y, m)) => PathBuf::from(format!("year={y}")).join(format!("month={m:02}")),
        None => {
            PathBuf::from(format!("year={NULL_PARTITION}")).join(format!("month={NULL_PARTITION}"))
        }
    }
}

impl LakeWriter {
    /// A writer into `root` (created if missing).
    pub fn new(root: &Path) -> Result<LakeWriter, LakeError> {
        std::fs::create_dir_all(root).map_err(|source| LakeError::Io {
            path: root.to_path_buf(),
            source,
        })?;
        Ok(LakeWriter {
            root: root.to_path_buf(),
            parts: HashMap::new(),
            props: properties(true),
            small_props: properties(false),
            schema: schema(),
            buffered: 0,
            clock: 0,
            written: Vec::new(),
            rows: 0,
        })
    }

    /// Adds one event.
    pub fn write(&mut self, row: EventRow) -> Result<(), LakeError> {
        let key = row.date.map(|d| (d.year(), d.month()));
        self.clock += 1;
        let part = self.parts.entry(key).or_default();
        part.last_use = self.clock;
        let n = part.buffer.push(&row);
        let full = part.buffer.len >= ROW_GROUP_ROWS;
        self.buffered += n;
        self.rows += 1;
        if full {
            self.flush(key)?;
        } else if self.buffered > BUFFER_BYTES {
            let biggest = self
                .parts
                .iter()
                .max_by_key(|(_, p)| p.buffer.bytes)
                .map(|(k, _)| *k);
            if let Some(k) = biggest {
                self.flush(k)?;
            }
        }
        Ok(())
    }

    /// Adds every event of a stream.
    pub fn write_all(&mut self, rows: impl IntoIterator<Item = EventRow>) -> Result<(), LakeError> {
        rows.into_iter().try_for_each(|r| self.write(r))
    }

    fn open(&self, key: Key, rows: usize) -> Result<Open, LakeError> {
        let dir = self.root.join(partition_dir(key));
        std::fs::create_dir_all(&dir).map_err(|source| LakeError::Io {
            path: dir.clone(),
            source,
        })?;
        let id = uuid::Uuid::new_v4();
        let path = dir.join(format!("part-{id}.parquet"));
        // Hidden while being written: DuckDB's `*.parquet` globs and Spark skip it.
        let tmp = dir.join(format!(".part-{id}.parquet.tmp"));
        let file = File::create(&tmp).map_err(|source| LakeError::Io {
            path: tmp.clone(),
            source,
        })?;
        let writer = SerializedFileWriter::new(
            BufWriter::with_capacity(64 << 10, file),
            self.schema.clone(),
            if rows >= SMALL_PART_ROWS {
                self.props.clone()
            } else {
                self.small_props.clone()
            },
        )
        .map_err(|source| LakeError::Parquet {
            path: tmp.clone(),
            source,
        })?;
        Ok(Open { writer, tmp, path })
    }

    /// Writes a partition's buffered rows as one row group, opening its part file
    /// first if needed (and closing the least recently used one beyond [`MAX_OPEN`]).
    fn flush(&mut self, key: Key) -> Result<(), LakeError> {
        let needs_file = self
            .parts
            .get(&key)
            .filter(|p| p.file.is_none() && p.buffer.len > 0)
            .map(|p| p.buffer.len);
        if let Some(rows) = needs_file {
            let open = self.parts.values().filter(|p| p.file.is_some()).count();
            if open >= MAX_OPEN {
                self.close_least_recent(key)?;
            }
            let file = self.open(key, rows)?;
            if let Some(p) = self.parts.get_mut(&key) {
                p.file = Some(file);
            }
        }
        let Some(part) = self.parts.get_mut(&key) else {
            return Ok(());
        };
        let buffer = std::mem::take(&mut part.buffer);
        self.buffered -= buffer.bytes;
        let Some(file) = part.file.as_mut() else {
            return Ok(());
        };
        write_row_group(&mut file.writer, buffer).map_err(|source| LakeError::Parquet {
            path: file.tmp.clone(),
            source,
        })
    }

    /// Writes what a partition holds and completes its part file.
    fn close_part(&mut self, key: Key) -> Result<(), LakeError> {
        self.flush(key)?;
        let Some(Open { writer, tmp, path }) = self.parts.get_mut(&key).and_then(|p| p.file.take())
        else {
            return Ok(());
        };
        let mut inner = writer.into_inner().map_err(|source| LakeError::Parquet {
            path: tmp.clone(),
            source,
        })?;
        std::io::Write::flush(&mut inner).map_err(|source| LakeError::Io {
            path: tmp.clone(),
            source,
        })?;
        drop(inner);
        std::fs::rename(&tmp, &path).map_err(|source| LakeError::Io {
            path: path.clone(),
            source,
        })?;
        self.written.push(path);
        Ok(())
    }

    /// Closes the part file least recently written to, other than `keep`'s.
    fn close_least_recent(&mut self, keep: Key) -> Result<(), LakeError> {
        let oldest = self
            .parts
            .iter()
            .filter(|(k, p)| p.file.is_some() && **k != keep)
            .min_by_key(|(_, p)| p.last_use)
            .map(|(k, _)| *k);
        match oldest {
            Some(k) => self.close_part(k),
            None => Ok(()),
        }
    }

    /// Writes what is buffered, completes every part file and names them.
    pub fn finish(mut self) -> Result<LakeSummary, LakeError> {
        let mut keys: Vec<Key> = self.parts.keys().copied().collect();
        keys.sort();
        for k in keys {
            self.close_part(k)?;
            self.parts.remove(&k);
        }
        Ok(LakeSummary {
            files: std::mem::take(&mut self.written),
            rows: self.rows,
        })
    }
}

impl Drop for LakeWriter {
    fn drop(&mut self) {
        // An unfinished writer (an error upstream) leaves no half-written part behind.
        for file in self.parts.values().filter_map(|p| p.file.as_ref()) {
            let _ = std::fs::remove_file(&file.tmp);
        }
    }
}

/// Writes a buffer as one row group.
fn write_row_group<W: std::io::Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    rows: Buffer,
) -> parquet::errors::Result<()> {
    if rows.len == 0 {
        return Ok(());
    }
    let n = rows.len;
    let mut rg = writer.next_row_group()?;
    let mut cols = rows.cols.into_iter().zip(COLUMNS);
    while let Some(mut col) = rg.next_column()? {
        let Some((data, c)) = cols.next() else {
            return Err(parquet::errors::ParquetError::General(
                "more columns in the schema than in the buffer".into(),
            ));
        };
        write_column(col.untyped(), c, data, n)?;
        col.close()?;
    }
    rg.close()?;
    Ok(())
}

fn days(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date")).num_days() as i32
}

/// Rows handed to the encoder per call: the string values of one call are built as
/// `ByteArray`s at a time, so a row group's strings are never all duplicated at once.
const WRITE_BATCH: usize = 4096;

/// Splits a column's rows into batches of [`WRITE_BATCH`]: for each, the range of
/// its (non-null) values and its definition levels.
fn batches(rows: usize, defs: Option<&[i16]>) -> Vec<(std::ops::Range<usize>, Option<&[i16]>)> {
    let mut out = Vec::with_capacity(rows / WRITE_BATCH + 1);
    let mut value = 0;
    let mut row = 0;
    while row < rows {
        let end = (row + WRITE_BATCH).min(rows);
        let d = defs.map(|d| &d[row..end]);
        let n = d.map_or(end - row, |d| d.iter().filter(|&&x| x > 0).count());
        out.push((value..value + n, d));
        value += n;
        row = end;
    }
    out
}

fn write_column(
    w: &mut ColumnWriter<'_>,
    c: &Column,
    col: ColumnData,
    rows: usize,
) -> parquet::errors::Result<()> {
    let parts = batches(rows, col.defs.as_deref());
    fn each<T: parquet::data_type::DataType>(
        w: &mut parquet::column::writer::ColumnWriterImpl<'_, T>,
        v: &[T::T],
        parts: &[(std::ops::Range<usize>, Option<&[i16]>)],
    ) -> parquet::errors::Result<()> {
        for (range, defs) in parts {
            w.write_batch(&v[range.clone()], *defs, None)?;
        }
        Ok(())
    }
    match (w, col.values) {
        (ColumnWriter::ByteArrayColumnWriter(w), Values::Str { data, ends }) => {
            let data = bytes::Bytes::from(data);
            let mut values: Vec<ByteArray> = Vec::with_capacity(WRITE_BATCH);
            for (range, defs) in &parts {
                values.clear();
                let mut start = if range.start == 0 {
                    0
                } else {
                    ends[range.start - 1]
                };
                values.extend(ends[range.clone()].iter().map(|&end| {
                    let v = ByteArray::from(data.slice(start..end));
                    start = end;
                    v
                }));
                w.write_batch(&values, *defs, None)?;
            }
        }
        (ColumnWriter::Int32ColumnWriter(w), Values::I32(v)) => each(w, &v, &parts)?,
        (ColumnWriter::Int64ColumnWriter(w), Values::I64(v)) => each(w, &v, &parts)?,
        (ColumnWriter::FloatColumnWriter(w), Values::F32(v)) => each(w, &v, &parts)?,
        (ColumnWriter::DoubleColumnWriter(w), Values::F64(v)) => each(w, &v, &parts)?,
        (ColumnWriter::BoolColumnWriter(w), Values::Bool(v)) => each(w, &v, &parts)?,
        _ => {
            return Err(parquet::errors::ParquetError::General(format!(
                "column {}: the schema's type and the buffered values differ",
                c.name
            )));
        }
    }
    Ok(())
}
