//! GDELT 2.0: the Event table (61 tab-separated columns, no header) and the Mentions
//! table (16 columns), in the GDELT 2.0 codebooks' order. Columns dyad has no value
//! for are empty (docs/formats.md says which and why).

use crate::codes::{actor_parts, integer_id, is_org_prefix};
use crate::geo::gdelt_geo_columns;
use crate::row::{ActorRow, EventRow};
use chrono::{Datelike, NaiveDate};
use std::io::Write;

/// The Event table's columns, in order.
pub const EVENT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The Mentions table's columns, in order.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Text for a tab-separated field: GDELT has no quoting, so tabs and line breaks
/// become spaces.
pub(crate) fn tsv_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// GDELT's FractionDate: the year plus the share of it passed, by the codebook's
/// formula (month * 30 + day) / 365, to four decimals.
pub fn fraction_date(d: NaiveDate) -> String {
    let f = d.year() as f64 + (d.month() as f64 * 30.0 + d.day() as f64) / 365.0;
    format!("{f:.4}")
}

/// The ten actor columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode,
/// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code).
fn actor_columns(a: Option<&ActorRow>) -> [String; 10] {
    let Some(a) = a else {
        return Default::default();
    };
    let p = actor_parts(&a.code);
    // An organisation's kind (IGO, NGO, ...) is its first type, as in GDELT.
    let mut types: Vec<&str> = Vec::with_capacity(3);
    if is_org_prefix(p.root) {
        types.push(p.root);
    }
    types.extend(p.types.iter().copied());
    let t = |i: usize| types.get(i).copied().unwrap_or("").to_string();
    let r = |i: usize| p.religions.get(i).copied().unwrap_or("").to_string();
    [
        a.code.clone(),
        a.text
            .as_deref()
            .map(|s| tsv_text(s).into_owned())
            .unwrap_or_default(),
        a.country.clone().unwrap_or_default(),
        p.known_group.to_string(),
        String::new(), // Ethnic codes: dyad's dictionaries code no ethnicity.
        r(0),
        r(1),
        t(0),
        t(1),
        t(2),
    ]
}

/// The event code's three-digit base (`025` for `0251`; the code itself when shorter).
fn base_code(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Writes one event as a line of the GDELT 2.0 Event table. `added` is DATEADDED
/// (`YYYYMMDDHHMMSS`, UTC): when dyad coded the event.
pub fn write_event(row: &EventRow, added: &str, out: &mut Vec<u8>) {
    let mut cols: Vec<String> = Vec::with_capacity(61);
    cols.push(integer_id(&row.event_id).to_string());
    match row.date {
        Some(d) => {
            cols.push(d.format("%Y%m%d").to_string());
            cols.push(d.format("%Y%m").to_string());
            cols.push(d.year().to_string());
            cols.push(fraction_date(d));
        }
        None => cols.extend(std::iter::repeat_n(String::new(), 4)),
    }
    cols.extend(actor_columns(Some(&row.source)));
    cols.extend(actor_columns(row.target.as_ref()));
    // IsRootEvent: GDELT flags events of the lead paragraph; dyad flags the story's
    // first sentence.
    cols.push(u8::from(row.sentence_index == 0).to_string());
    cols.push(row.cameo_code.clone());
    cols.push(base_code(&row.cameo_code).to_string());
    cols.push(row.cameo_root().to_string());
    cols.push(row.quad_class.to_string());
    cols.push(row.goldstein.to_string());
    // `dyad code`: one record is one mention in one source and one article; `dyad
    // export`: the store's counts of the merged event.
    for n in [row.num_mentions, row.num_sources, row.num_articles] {
        cols.push(n.max(1).to_string());
    }
    cols.push(String::new()); // AvgTone: dyad measures no tone.
    cols.extend(gdelt_geo_columns(row.source.home.as_deref()));
    cols.extend(gdelt_geo_columns(
        row.target.as_ref().and_then(|t| t.home.as_deref()),
    ));
    cols.extend(gdelt_geo_columns(row.location.as_deref()));
    cols.push(added.to_string());
    cols.push(tsv_text(source_url(row)).into_owned());
    debug_assert_eq!(cols.len(), EVENT_COLUMNS.len());
    write_line(&cols, out);
}

/// SOURCEURL: the story's URL, else (as GDELT does for citation-only sources) the
/// name of its source.
fn source_url(row: &EventRow) -> &str {
    row.url
        .as_deref()
        .or(row.news_source.as_deref())
        .unwrap_or("")
}

/// The host of a URL (`www.bbc.co.uk` -> `bbc.co.uk`), GDELT's MentionSourceName.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    host.strip_prefix("www.").unwrap_or(host)
}

/// Writes one event as a line of the GDELT 2.0 Mentions table: the mention is the
/// sentence the event was coded from.
pub fn write_mention(row: &EventRow, added: &str, out: &mut Vec<u8>) {
    let (kind, source_name, identifier) = match &row.url {
        Some(u) => ("1", url_host(u).to_string(), u.clone()),
        None => (
            "2",
            row.news_source.clone().unwrap_or_default(),
            row.doc_id.clone(),
        ),
    };
    let offset = |a: Option<&ActorRow>| {
        a.and_then(|a| a.start)
            .map_or_else(|| "-1".to_string(), |s| s.to_string())
    };
    let cols: [String; 16] = [
        integer_id(&row.event_id).to_string(),
        added.to_string(),
        added.to_string(),
        kind.to_string(),
        tsv_text(&source_name).into_owned(),
        tsv_text(&identifier).into_owned(),
        (row.sentence_index + 1).to_string(),
        offset(Some(&row.source)),
        offset(row.target.as_ref()),
        row.trigger_start.to_string(),
        String::new(), // InRawText: not recorded per event.
        ((row.confidence * 100.0).round() as u32).to_string(),
        String::new(), // MentionDocLen: the row does not carry the document.
        String::new(), // MentionDocTone: dyad measures no tone.
        String::new(), // MentionDocTranslationInfo: empty for English, as in GDELT.
        String::new(), // Extras
    ];
    write_line(&cols, out);
}

fn write_line(cols: &[String], out: &mut Vec<u8>) {
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        out.extend_from_slice(c.as_bytes());
    }
    let _ = writeln!(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_dates() {
        assert_eq!(url_host("https://www.bbc.co.uk/news/x?y=1"), "bbc.co.uk");
        assert_eq!(url_host("http://user@example.org:8080/a"), "example.org");
        let d = NaiveDate::from_ymd_opt(2023, 3, 21).unwrap();
        assert_eq!(fraction_date(d), "2023.3041");
        assert_eq!(base_code("0251"), "025");
        assert_eq!(base_code("04"), "04");
    }
}
