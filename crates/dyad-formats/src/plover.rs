//! PLOVER: the event record of the PLOVER specification's JSON form, one JSON object a
//! line (the manual's recommendation).

use crate::codes::plover_quad;
use crate::row::{ActorRow, EventRow, GeoPrecision, GeoRow};
use serde::Serialize;

/// A PLOVER actor object.
#[derive(Debug, Serialize)]
pub struct PloverActor<'a> {
    /// Top-level code: the country or organisation kind (`KEN`, `IGO`).
    pub code: &'a str,
    /// The sector: the rest of the code (`GOV`, `MILREB`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<&'a str>,
    /// The extracted text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_text: Option<&'a str>,
    /// dyad's full actor code (an extension field).
    pub dyad_code: &'a str,
    /// Where the actor is from (when geolocated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_loc: Option<PloverLocation<'a>>,
}

/// A PLOVER location object (GeoNames field names).
#[derive(Debug, Serialize)]
pub struct PloverLocation<'a> {
    /// The gazetteer id.
    pub geonameid: Option<&'a str>,
    /// The name.
    pub name: &'a str,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
    /// ISO 3166 alpha-3 country code.
    pub cc3: Option<&'a str>,
    /// First-level division code (a US state's postal code; none elsewhere).
    #[serde(rename = "admin1 code")]
    pub admin1: Option<&'a str>,
    /// First-level division name.
    #[serde(rename = "admin1 name")]
    pub admin1_name: Option<&'a str>,
    /// `city`, `adm1` or `country` (an extension field).
    pub precision: &'static str,
}

/// The text-information object.
#[derive(Debug, Serialize)]
pub struct TextInfo {
    /// Sentence number (0-based).
    pub sequence: u32,
    /// Byte offset of the sentence in the story.
    pub start: u64,
    /// Byte offset one past its end.
    pub end: u64,
}

/// The citation object.
#[derive(Debug, Serialize)]
pub struct CiteInfo<'a> {
    /// The story's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Its publisher or source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<&'a str>,
    /// The document id.
    pub citation: &'a str,
    /// The coder.
    pub coder: &'static str,
}

/// One PLOVER record.
#[derive(Debug, Serialize)]
pub struct PloverEvent<'a> {
    /// Unique identifier (dyad's event id).
    pub id: &'a str,
    /// Always true: every record is a coded event.
    pub has_event: bool,
    /// YYYY-MM-DD.
    pub date: Option<String>,
    /// YYYY-MM-DD, when the event spans days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enddate: Option<String>,
    /// Source actors.
    pub source: Vec<PloverActor<'a>>,
    /// Recipient actors.
    pub recipient: Vec<PloverActor<'a>>,
    /// Event categories.
    pub event: Vec<&'a str>,
    /// Modes.
    pub mode: Vec<&'a str>,
    /// Contexts (dyad codes none).
    pub context: Vec<&'a str>,
    /// Where it happened (when geolocated).
    pub event_loc: Option<PloverLocation<'a>>,
    /// The trigger text.
    pub event_text: Vec<&'a str>,
    /// 1 to 4.
    pub quad_code: Option<u8>,
    /// Goldstein value of the CAMEO code.
    pub event_scale: f32,
    /// The sentence coded.
    pub text: &'a str,
    /// Sentence number and offsets.
    pub text_info: TextInfo,
    /// Where the text came from.
    pub cite_info: CiteInfo<'a>,
    /// The coder.
    pub coder: &'static str,
    /// dyad's CAMEO code (extension field).
    pub cameo_code: &'a str,
    /// dyad's mode: asserted, negated, future, ... (extension field).
    pub dyad_mode: &'a str,
}

fn location(g: &GeoRow) -> PloverLocation<'_> {
    PloverLocation {
        geonameid: g.feature_id.as_deref(),
        name: &g.name,
        latitude: g.lat,
        longitude: g.lon,
        cc3: g.country.as_deref(),
        admin1: g.adm1.as_deref(),
        admin1_name: g.adm1_name.as_deref(),
        precision: match g.precision {
            GeoPrecision::Place => "city",
            GeoPrecision::Adm1 => "adm1",
            GeoPrecision::Country => "country",
        },
    }
}

fn actor(a: &ActorRow) -> PloverActor<'_> {
    let code = a.code.get(..3).unwrap_or(&a.code);
    let sector = a.code.get(3..).filter(|s| !s.is_empty());
    PloverActor {
        code,
        sector,
        actor_text: a.text.as_deref(),
        dyad_code: &a.code,
        actor_loc: a.home.as_deref().map(location),
    }
}

/// The PLOVER record of a row. A CAMEO code with no PLOVER category (PLOVER drops
/// CAMEO 01 and 02) gives an empty `event` list, so that every format has every event.
pub fn record(row: &EventRow) -> PloverEvent<'_> {
    let kind = row.plover_type.as_deref();
    PloverEvent {
        id: &row.event_id,
        has_event: true,
        date: row.date.map(|d| d.to_string()),
        enddate: row
            .date_end
            .filter(|e| Some(*e) != row.date)
            .map(|d| d.to_string()),
        source: vec![actor(&row.source)],
        recipient: row.target.iter().map(actor).collect(),
        event: kind.into_iter().collect(),
        mode: row.plover_mode.as_deref().into_iter().collect(),
        context: Vec::new(),
        event_loc: row.location.as_deref().map(location),
        event_text: vec![&row.trigger],
        quad_code: kind.and_then(plover_quad),
        event_scale: row.goldstein,
        text: &row.sentence,
        text_info: TextInfo {
            sequence: row.sentence_index,
            start: row.sentence_start,
            end: row.sentence_end,
        },
        cite_info: CiteInfo {
            url: row.url.as_deref(),
            publication: row.news_source.as_deref(),
            citation: &row.doc_id,
            coder: "dyad",
        },
        coder: "dyad",
        cameo_code: &row.cameo_code,
        dyad_mode: &row.mode,
    }
}

/// Writes one event as a PLOVER JSON line.
pub fn write_event(row: &EventRow, out: &mut Vec<u8>) {
    if serde_json::to_writer(&mut *out, &record(row)).is_ok() {
        out.push(b'\n');
    }
}
