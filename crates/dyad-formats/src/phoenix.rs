//! Phoenix (Open Event Data Alliance): 26 tab-separated columns in the order of the
//! Phoenix data set's daily files, no header.

use crate::codes::{integer_id, penta_class, phoenix_parts};
use crate::gdelt::tsv_text;
use crate::geo::phoenix_geo_columns;
use crate::row::{ActorRow, EventRow};
use std::io::Write;

/// The columns, in order.
pub const COLUMNS: [&str; 26] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

fn actor_columns(a: Option<&ActorRow>) -> [String; 4] {
    let Some(a) = a else {
        return Default::default();
    };
    let (entity, role, others) = phoenix_parts(&a.code);
    [a.code.clone(), entity.into(), role.into(), others]
}

/// Writes one event as a Phoenix line.
pub fn write_event(row: &EventRow, out: &mut Vec<u8>) {
    let mut cols: Vec<String> = Vec::with_capacity(26);
    cols.push(integer_id(&row.event_id).to_string());
    match row.date {
        Some(d) => {
            cols.push(d.format("%Y%m%d").to_string());
            cols.push(d.format("%Y").to_string());
            cols.push(d.format("%m").to_string());
            cols.push(d.format("%d").to_string());
        }
        None => cols.extend(std::iter::repeat_n(String::new(), 4)),
    }
    cols.extend(actor_columns(Some(&row.source)));
    cols.extend(actor_columns(row.target.as_ref()));
    cols.push(row.cameo_code.clone());
    cols.push(row.cameo_root().to_string());
    cols.push(
        penta_class(row.cameo_root())
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    cols.push(row.goldstein.to_string());
    cols.push(String::new()); // Issues: dyad codes no issues.
    cols.extend(phoenix_geo_columns(row.location.as_deref()));
    // Phoenix's SentenceID is the story id and the sentence number.
    cols.push(format!("{}_{}", row.doc_id, row.sentence_index));
    cols.push(
        row.url
            .as_deref()
            .map(tsv_text)
            .unwrap_or_default()
            .into_owned(),
    );
    cols.push(
        row.news_source
            .as_deref()
            .map(tsv_text)
            .unwrap_or_default()
            .into_owned(),
    );
    debug_assert_eq!(cols.len(), COLUMNS.len());
    out.extend_from_slice(cols.join("\t").as_bytes());
    let _ = writeln!(out);
}
