//! CSV: one row per event, a header, RFC 4180 quoting (the `csv` crate), flat column
//! names (README, docs/formats.md). The Parquet lake has the same columns, typed.

use crate::row::EventRow;

/// The columns, in order.
pub const COLUMNS: [&str; 46] = [
    "event_id",
    "doc_id",
    "sentence_index",
    "date",
    "date_end",
    "date_precision",
    "date_text",
    "source_code",
    "source_country",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_text",
    "target_start",
    "target_end",
    "cameo_code",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "mode",
    "is_primary",
    "is_quote",
    "compound_group",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "url",
    "news_source",
    "published",
    "location_name",
    "location_country",
    "location_adm1",
    "location_lat",
    "location_lon",
    "location_feature_id",
    "location_precision",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The row's fields as text, in [`COLUMNS`] order.
pub fn fields(r: &EventRow) -> Vec<String> {
    let t = r.target.as_ref();
    let l = r.location.as_ref();
    vec![
        r.event_id.clone(),
        r.doc_id.clone(),
        r.sentence_index.to_string(),
        opt(r.date),
        opt(r.date_end),
        opt(r.date_precision.as_deref()),
        opt(r.date_text.as_deref()),
        r.source.code.clone(),
        opt(r.source.country.as_deref()),
        opt(r.source.text.as_deref()),
        opt(r.source.start),
        opt(r.source.end),
        opt(t.map(|t| &t.code)),
        opt(t.and_then(|t| t.country.as_deref())),
        opt(t.and_then(|t| t.text.as_deref())),
        opt(t.and_then(|t| t.start)),
        opt(t.and_then(|t| t.end)),
        r.cameo_code.clone(),
        r.cameo_root().to_string(),
        r.cameo_name.clone(),
        r.goldstein.to_string(),
        r.quad_class.to_string(),
        opt(r.plover_type.as_deref()),
        opt(r.plover_mode.as_deref()),
        r.mode.clone(),
        r.primary.to_string(),
        r.quote.to_string(),
        opt(r.group),
        r.sentence.clone(),
        r.sentence_start.to_string(),
        r.sentence_end.to_string(),
        r.trigger.clone(),
        r.trigger_start.to_string(),
        r.trigger_end.to_string(),
        r.rule.clone(),
        r.confidence.to_string(),
        opt(r.url.as_deref()),
        opt(r.news_source.as_deref()),
        opt(r.published),
        opt(l.map(|l| &l.name)),
        opt(l.and_then(|l| l.country.as_deref())),
        opt(l.and_then(|l| l.adm1_name.as_deref())),
        opt(l.and_then(|l| l.lat)),
        opt(l.and_then(|l| l.lon)),
        opt(l.and_then(|l| l.feature_id.as_deref())),
        opt(l.map(|l| {
            serde_json::to_value(l.precision)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })),
    ]
}

/// Writes the header line.
pub fn write_header(out: &mut Vec<u8>) {
    let mut w = csv::WriterBuilder::new().from_writer(out);
    // Writing into a Vec cannot fail.
    let _ = w.write_record(COLUMNS);
    let _ = w.flush();
}

/// Writes events as CSV rows (no header).
pub fn write_rows(rows: &[EventRow], out: &mut Vec<u8>) {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(4096)
        .from_writer(out);
    for r in rows {
        let _ = w.write_record(fields(r));
    }
    let _ = w.flush();
}
