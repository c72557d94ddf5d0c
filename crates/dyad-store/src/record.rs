//! A coded document as rows: what `dyad code --modes all` prints for it, owned, plus
//! the sentences its mentions stand in.

use dyad_core::Document;
use dyad_core::output::{self, ModeFilter};
use dyad_core::pipeline::{Analysis, Pipeline, WINDOW_BYTES};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One coded event occurrence, ready to store (`mentions` table).
#[derive(Debug, Clone, PartialEq)]
pub struct MentionIn {
    /// Sentence index in the document.
    pub sentence: u32,
    /// The event's number in the document (the `n` of `dyad code`'s `DOC-S-n` id).
    pub ordinal: u32,
    /// First day (`YYYY-MM-DD`), empty when unknown.
    pub date: String,
    /// Last day.
    pub date_end: Option<String>,
    /// `day`, `month`, `year` or `range`.
    pub date_precision: Option<String>,
    /// The expression that set the date.
    pub date_text: Option<String>,
    /// Source actor code.
    pub source: String,
    /// Source country (three letters).
    pub source_country: Option<String>,
    /// Byte span of the source mention.
    pub source_span: Option<(u32, u32)>,
    /// Target actor code.
    pub target: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// Byte span of the target mention.
    pub target_span: Option<(u32, u32)>,
    /// Byte span of the trigger.
    pub trigger: (u32, u32),
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root as a number.
    pub root: u8,
    /// QuadClass 1..4 (0: unknown code).
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// PLOVER category.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Mode name (`asserted`, `negated`, ...).
    pub mode: String,
    /// Whether `dyad code` prints it by default.
    pub shown: bool,
    /// The main event of its sentence.
    pub primary: bool,
    /// Inside a quotation.
    pub quote: bool,
    /// Compound-expansion group.
    pub group: Option<u32>,
    /// Dictionary file and line of the rule.
    pub rule: String,
    /// Coder confidence.
    pub confidence: f64,
    /// Where the event happened, when the coder located it.
    pub location: Option<Place>,
}

/// Where an event happened: `dyad code`'s `location`, flat (the `location` and
/// `loc_*` columns of the mentions and events tables).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    /// The gazetteer's name of the place (`location`).
    pub name: String,
    /// Its country, ISO 3166-1 alpha-3 (`loc_country`).
    pub country: String,
    /// The first-level division's name, for towns and divisions (`loc_adm1`).
    pub adm1: Option<String>,
    /// Latitude (`loc_lat`).
    pub lat: f64,
    /// Longitude (`loc_lon`).
    pub lon: f64,
    /// The gazetteer key of the feature (`RU.Moscow`) (`loc_feature`).
    pub feature: Option<String>,
    /// `city`, `adm1` or `country` (`loc_precision`).
    pub precision: String,
    /// The rule that set it: `clause`, `dateline` or `target_country` (`loc_how`).
    pub how: String,
}

impl Place {
    /// The place of `dyad code`'s location record.
    pub fn from_record(l: &output::LocationRecord) -> Place {
        Place {
            name: l.name.to_string(),
            country: l.country.to_string(),
            adm1: l.adm1.map(str::to_string),
            // Four decimals, as `dyad code` prints them (an f32 widened exactly would
            // print as 55.75579833984375).
            lat: round4(l.lat),
            lon: round4(l.lon),
            feature: (!l.feature_id.is_empty()).then(|| l.feature_id.clone()),
            precision: l.precision.to_string(),
            how: l.how.to_string(),
        }
    }

    /// How precise it is: 3 a city, 2 a first-level division, 1 a country.
    pub fn rank(&self) -> u8 {
        match self.precision.as_str() {
            "city" => 3,
            "adm1" => 2,
            _ => 1,
        }
    }
}

fn round4(x: f32) -> f64 {
    ((x as f64) * 1e4).round() / 1e4
}

/// A sentence that holds at least one mention (`sentences` table, indexed by FTS5).
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceRow {
    /// Sentence index.
    pub index: u32,
    /// Byte offset in the document text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The sentence.
    pub text: String,
}

/// One document with everything coded in it.
#[derive(Debug, Clone)]
pub struct CodedDocument {
    /// The document as read.
    pub doc: Document,
    /// [`content_hash`] of the document.
    pub content_hash: String,
    /// [`dictionaries_hash`] of the dictionaries that coded it.
    pub dict_hash: String,
    /// The sentences with mentions, by index.
    pub sentences: Vec<SentenceRow>,
    /// Every coded event, every mode, in `dyad code` order.
    pub mentions: Vec<MentionIn>,
}

/// Codes `doc` with `pipeline` (reusing `a`) into rows. The mentions are exactly the
/// records of `dyad code --modes all`; `shown` marks those `dyad code` prints by
/// default ([`output::default_output`]). A long document is analysed window by
/// window ([`WINDOW_BYTES`], as `dyad code` does), so the ids are `dyad code`'s.
pub fn code_document(
    pipeline: &Pipeline,
    doc: Document,
    a: &mut Analysis,
    dict_hash: &str,
) -> CodedDocument {
    let mut sentences: BTreeMap<u32, SentenceRow> = BTreeMap::new();
    let mut mentions = Vec::new();
    pipeline.analyze_windows(&doc, None, WINDOW_BYTES, a, |a| {
        code_window(pipeline, &doc, a, &mut sentences, &mut mentions);
    });
    let content_hash = content_hash(&doc);
    CodedDocument {
        doc,
        content_hash,
        dict_hash: dict_hash.to_string(),
        sentences: sentences.into_values().collect(),
        mentions,
    }
}

/// The rows of one window's analysis (the whole document's for most).
fn code_window(
    pipeline: &Pipeline,
    doc: &Document,
    a: &Analysis,
    sentences: &mut BTreeMap<u32, SentenceRow>,
    mentions: &mut Vec<MentionIn>,
) {
    for r in output::event_records_iter(pipeline, doc, a, ModeFilter::All, false) {
        let ordinal =
            r.id.rsplit('-')
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0);
        // The ordinal is the document's; the window's events number from its start.
        let shown = a
            .events
            .get(ordinal.wrapping_sub(a.window.first_event) as usize)
            .is_some_and(|e| output::default_output(e, a));
        sentences.entry(r.sentence).or_insert_with(|| SentenceRow {
            index: r.sentence,
            start: r.evidence.start,
            end: r.evidence.end,
            text: r.evidence.sentence.to_string(),
        });
        let span = |s: Option<u32>, e: Option<u32>| s.zip(e);
        mentions.push(MentionIn {
            sentence: r.sentence,
            ordinal,
            date: r.date.clone().unwrap_or_default(),
            date_end: r.date_end.clone(),
            date_precision: r
                .date_precision
                .and_then(|p| serde_json::to_value(p).ok())
                .and_then(|v| v.as_str().map(str::to_string)),
            date_text: r.date_text.map(str::to_string),
            source: r.source.code.to_string(),
            source_country: r.source.country.map(str::to_string),
            source_span: span(r.source.start, r.source.end),
            target: r.target.as_ref().map(|t| t.code.to_string()),
            target_country: r
                .target
                .as_ref()
                .and_then(|t| t.country.map(str::to_string)),
            target_span: r.target.as_ref().and_then(|t| span(t.start, t.end)),
            trigger: (r.evidence.trigger.start, r.evidence.trigger.end),
            cameo: r.cameo.code.clone(),
            root: r.cameo.root.parse().unwrap_or(0),
            quad: r.cameo.quad_class,
            goldstein: round2(r.cameo.goldstein),
            plover: r.plover.as_ref().map(|p| p.kind.to_string()),
            plover_mode: r.plover.as_ref().and_then(|p| p.mode.map(str::to_string)),
            mode: r.mode.as_str().to_string(),
            shown,
            primary: r.primary,
            quote: r.quote,
            group: r.group,
            rule: r.rule.clone(),
            confidence: round2(r.confidence),
            location: r.location.as_ref().map(Place::from_record),
        });
    }
}

/// An `f32` as the nearest two-decimal `f64` (what `dyad code` prints).
fn round2(x: f32) -> f64 {
    (x as f64 * 100.0).round() / 100.0
}

/// The hash that tells an unchanged document from a changed one: XXH3-128 of the
/// text and every metadata field, as 32 hex digits.
pub fn content_hash(doc: &Document) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let published = doc.published.map(|p| p.to_string());
    for field in [
        Some(doc.id.as_str()),
        doc.title.as_deref(),
        doc.url.as_deref(),
        published.as_deref(),
        doc.source.as_deref(),
        doc.language.as_deref(),
        Some(doc.text.as_str()),
    ] {
        // A presence byte and the length keep fields from running into each other.
        match field {
            Some(s) => {
                h.update(&[1]);
                h.update(&(s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(&[0]),
        }
    }
    format!("{:032x}", h.digest128())
}

/// The hash of a set of dictionary files (relative path and text, as
/// `dyad_core::dict::merge_files` returns them), as 32 hex digits. Order does not
/// matter.
pub fn dictionaries_hash(files: &[(String, Cow<'_, str>)]) -> String {
    let mut sorted: Vec<&(String, Cow<'_, str>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (path, text) in sorted {
        h.update(&(path.len() as u64).to_le_bytes());
        h.update(path.as_bytes());
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    format!("{:032x}", h.digest128())
}

impl MentionIn {
    /// An empty mention, to fill with the merge-key fields.
    pub(crate) fn key_only() -> MentionIn {
        MentionIn {
            sentence: 0,
            ordinal: 0,
            date: String::new(),
            date_end: None,
            date_precision: None,
            date_text: None,
            source: String::new(),
            source_country: None,
            source_span: None,
            target: None,
            target_country: None,
            target_span: None,
            trigger: (0, 0),
            cameo: String::new(),
            root: 0,
            quad: 0,
            goldstein: 0.0,
            plover: None,
            plover_mode: None,
            mode: String::new(),
            shown: false,
            primary: false,
            quote: false,
            group: None,
            rule: String::new(),
            confidence: 0.0,
            location: None,
        }
    }
}
