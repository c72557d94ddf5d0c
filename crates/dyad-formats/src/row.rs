//! [`EventRow`]: one event as every sink takes it, flat and owned, built from
//! `dyad code`'s [`EventRecord`] and its document (or, later, read back from the store).

use chrono::NaiveDate;
use dyad_core::Document;
use dyad_core::enrich::dates::DateKind;
use dyad_core::output::EventRecord;
use serde::{Deserialize, Serialize};

/// How precise a place is: decides GDELT's `Geo_Type` and Phoenix's location columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    /// A whole country.
    Country,
    /// A first-order administrative division (a state, a province).
    Adm1,
    /// A city, town or other point (`city`, as `dyad code` and the store write it).
    #[serde(rename = "city")]
    Place,
}

/// A resolved place: an event's `location` or an actor's `home`, from `dyad code`'s
/// location record ([`GeoRow::from_record`]) or the store's place columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoRow {
    /// The place's name (`Nairobi`).
    pub name: String,
    /// Its country, ISO 3166-1 alpha-3 (`KEN`).
    pub country: Option<String>,
    /// Its first-order administrative division's code, where dyad knows one: the
    /// two-letter postal code of a US state (`TX`). Other divisions are known by name
    /// only ([`GeoRow::adm1_name`]).
    pub adm1: Option<String>,
    /// Its state or province name (Phoenix's `StateName`).
    pub adm1_name: Option<String>,
    /// Latitude, decimal degrees.
    pub lat: Option<f64>,
    /// Longitude, decimal degrees.
    pub lon: Option<f64>,
    /// The gazetteer's key of the feature (`RU`, `RU.Moscow`, `RU.Moscow.Moscow`).
    pub feature_id: Option<String>,
    /// Country, ADM1 or a point.
    pub precision: GeoPrecision,
}

/// One actor of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    /// Full actor code (`KENGOV`).
    pub code: String,
    /// Its country (three letters), when it has one.
    pub country: Option<String>,
    /// The mention's text (none for an unknown source).
    pub text: Option<String>,
    /// Byte offset of the mention in the document.
    pub start: Option<u32>,
    /// Byte offset one past its end.
    pub end: Option<u32>,
    /// Where the actor is from: its country, when its code has one.
    pub home: Option<Box<GeoRow>>,
}

/// One event, flat and owned: what every format writes. `dyad code` builds rows with
/// [`EventRow::new`]; the store can build them from its tables and feed the same sinks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Event id: document id, sentence and event number (`doc-…-1-4`).
    pub event_id: String,
    /// Document id.
    pub doc_id: String,
    /// 0-based sentence index in the document.
    pub sentence_index: u32,
    /// First day of the event's date.
    pub date: Option<NaiveDate>,
    /// Last day of the event's date.
    pub date_end: Option<NaiveDate>,
    /// `day`, `month`, `year` or `range`.
    pub date_precision: Option<String>,
    /// The expression that set the date (none: the story date).
    pub date_text: Option<String>,
    /// The source actor.
    pub source: ActorRow,
    /// The target actor.
    pub target: Option<ActorRow>,
    /// CAMEO code (`057`).
    pub cameo_code: String,
    /// Its name.
    pub cameo_name: String,
    /// Goldstein value.
    pub goldstein: f32,
    /// QuadClass, 1 (verbal cooperation) to 4 (material conflict).
    pub quad_class: u8,
    /// PLOVER category, when the code has one.
    pub plover_type: Option<String>,
    /// PLOVER mode, when the code has one.
    pub plover_mode: Option<String>,
    /// dyad's mode: asserted, negated, future, hypothetical, historical.
    pub mode: String,
    /// The main event of its sentence.
    pub primary: bool,
    /// The trigger is inside a quotation.
    pub quote: bool,
    /// Events expanded from one compound actor share this number.
    pub group: Option<u32>,
    /// The sentence.
    pub sentence: String,
    /// Byte offset of the sentence in the document.
    pub sentence_start: u64,
    /// Byte offset one past its end.
    pub sentence_end: u64,
    /// The trigger word(s).
    pub trigger: String,
    /// Byte offset of the trigger in the document.
    pub trigger_start: u32,
    /// Byte offset one past its end.
    pub trigger_end: u32,
    /// The dictionary file and line of the pattern that fired.
    pub rule: String,
    /// The coder's confidence, 0 to 1.
    pub confidence: f32,
    /// The story's URL.
    pub url: Option<String>,
    /// Where the story came from (publisher, file, WARC record).
    pub news_source: Option<String>,
    /// The story's publication date (first day of it).
    pub published: Option<NaiveDate>,
    /// Where the event happened, when the coder located it.
    pub location: Option<Box<GeoRow>>,
    /// Mentions that report the event (GDELT's NumMentions): 1 for `dyad code`, where a
    /// row is one report; the store's count for `dyad export`.
    #[serde(default)]
    pub num_mentions: u32,
    /// Distinct outlets that report it (NumSources).
    #[serde(default)]
    pub num_sources: u32,
    /// Distinct documents that report it (NumArticles).
    #[serde(default)]
    pub num_articles: u32,
}

fn day(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// The date precision as JSON Lines writes it.
fn date_kind(k: DateKind) -> &'static str {
    match k {
        DateKind::Day => "day",
        DateKind::Month => "month",
        DateKind::Year => "year",
        DateKind::Range => "range",
    }
}

fn actor(a: &dyad_core::output::ActorRecord<'_>) -> ActorRow {
    ActorRow {
        code: a.code.as_str().to_string(),
        country: a.country.map(str::to_string),
        text: a.text.map(str::to_string),
        start: a.start,
        end: a.end,
        home: a.home.as_ref().map(|h| Box::new(GeoRow::from_record(h))),
    }
}

impl EventRow {
    /// The row of one event record of `doc`.
    pub fn new(r: &EventRecord<'_>, doc: &Document) -> EventRow {
        EventRow {
            event_id: r.id.clone(),
            doc_id: r.doc_id.to_string(),
            sentence_index: r.sentence,
            date: day(r.date.as_deref()),
            date_end: day(r.date_end.as_deref()),
            date_precision: r.date_precision.map(|k| date_kind(k).to_string()),
            date_text: r.date_text.map(str::to_string),
            source: actor(&r.source),
            target: r.target.as_ref().map(actor),
            cameo_code: r.cameo.code.clone(),
            cameo_name: r.cameo.name.to_string(),
            goldstein: r.cameo.goldstein,
            quad_class: r.cameo.quad_class,
            plover_type: r.plover.as_ref().map(|p| p.kind.to_string()),
            plover_mode: r.plover.as_ref().and_then(|p| p.mode.map(str::to_string)),
            mode: r.mode.as_str().to_string(),
            primary: r.primary,
            quote: r.quote,
            group: r.group,
            sentence: r.evidence.sentence.to_string(),
            sentence_start: r.evidence.start as u64,
            sentence_end: r.evidence.end as u64,
            trigger: r.evidence.trigger.text.to_string(),
            trigger_start: r.evidence.trigger.start,
            trigger_end: r.evidence.trigger.end,
            rule: r.rule.clone(),
            confidence: r.confidence,
            url: doc.url.clone(),
            news_source: doc.source.clone(),
            published: doc.published.map(|p| p.first_day()),
            location: r
                .location
                .as_ref()
                .map(|l| Box::new(GeoRow::from_record(l))),
            num_mentions: 1,
            num_sources: 1,
            num_articles: 1,
        }
    }

    /// The two-digit CAMEO root (`05` for `057`).
    pub fn cameo_root(&self) -> &str {
        self.cameo_code.get(..2).unwrap_or(&self.cameo_code)
    }
}
