//! # dyad-formats
//!
//! The sinks of coded events: the field's formats. It owns the layouts (CSV, the
//! GDELT 2.0 Event and Mentions tables, Phoenix, PLOVER JSON) and the Parquet lake; it
//! takes a stream of [`EventRow`]s, whoever produces them (`dyad code` today, the
//! store's `dyad export` later). It must not code events, read inputs or print:
//! callers choose where the bytes go. docs/formats.md documents every column.

pub mod codes;
pub mod csv;
pub mod gdelt;
pub mod geo;
pub mod lake;
pub mod phoenix;
pub mod plover;
pub mod row;

pub use lake::{LakeError, LakeSummary, LakeWriter};
pub use row::{ActorRow, EventRow, GeoPrecision, GeoRow};

use std::io::Write;

/// A text format: one line (or CSV record) per event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// CSV with a header.
    Csv,
    /// The GDELT 2.0 Event table.
    Gdelt,
    /// The GDELT 2.0 Mentions table.
    GdeltMentions,
    /// The Phoenix data set's columns.
    Phoenix,
    /// PLOVER JSON, one record a line.
    Plover,
}

/// Writes events in one text format. Rows can be formatted in parallel (one buffer
/// per document) and the buffers concatenated in order: only the header is global.
#[derive(Debug, Clone)]
pub struct TextWriter {
    format: TextFormat,
    added: String,
}

/// GDELT's DATEADDED for a run: `SOURCE_DATE_EPOCH` (seconds, for reproducible output)
/// when set, else now; `YYYYMMDDHHMMSS`, UTC.
pub fn date_added_now() -> String {
    let at = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_else(chrono::Utc::now);
    at.format("%Y%m%d%H%M%S").to_string()
}

impl TextWriter {
    /// A writer; `added` is GDELT's DATEADDED (see [`date_added_now`]).
    pub fn new(format: TextFormat, added: impl Into<String>) -> TextWriter {
        TextWriter {
            format,
            added: added.into(),
        }
    }

    /// The bytes that start the output (the CSV header), if any.
    pub fn header(&self) -> Vec<u8> {
        let mut out = Vec::new();
        if self.format == TextFormat::Csv {
            csv::write_header(&mut out);
        }
        out
    }

    /// Appends the lines of `rows` to `out`.
    pub fn write_rows(&self, rows: &[EventRow], out: &mut Vec<u8>) {
        match self.format {
            TextFormat::Csv => csv::write_rows(rows, out),
            TextFormat::Gdelt => rows
                .iter()
                .for_each(|r| gdelt::write_event(r, &self.added, out)),
            TextFormat::GdeltMentions => rows
                .iter()
                .for_each(|r| gdelt::write_mention(r, &self.added, out)),
            TextFormat::Phoenix => rows.iter().for_each(|r| phoenix::write_event(r, out)),
            TextFormat::Plover => rows.iter().for_each(|r| plover::write_event(r, out)),
        }
    }

    /// Writes the header and every event of a stream to `out` (the store's export
    /// path); returns the number of events.
    pub fn write_all<W: Write>(
        &self,
        rows: impl IntoIterator<Item = EventRow>,
        mut out: W,
    ) -> std::io::Result<u64> {
        out.write_all(&self.header())?;
        let mut buf = Vec::with_capacity(1 << 16);
        let mut n = 0;
        for r in rows {
            self.write_rows(std::slice::from_ref(&r), &mut buf);
            n += 1;
            if buf.len() >= 1 << 16 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)?;
        out.flush()?;
        Ok(n)
    }
}
