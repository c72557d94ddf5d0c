//! Output records: what `dyad sentences`, `dyad actors` and `dyad code` print, as
//! serialisable values built from an [`Analysis`]. Writing them (JSON Lines, tables)
//! is the callers' business.

use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::document::{Document, PartialDate};
use crate::enrich::dates::DateKind;
use crate::events::{Event, Mode};
use crate::pipeline::{Analysis, Pipeline};
use crate::relevance::{Withheld, withheld};
use serde::Serialize;

/// Which events to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ModeFilter {
    /// Asserted events, and statements of intent (future events coded 03 or 13).
    #[default]
    Default,
    /// Every event, each with its mode.
    All,
}

/// Whether an event's mode is one `dyad code` prints by default: asserted events,
/// plus future events whose code is an intention or a threat (roots 03 and 13).
pub fn default_mode(e: &Event) -> bool {
    match e.mode {
        Mode::Asserted => true,
        Mode::Future => matches!(e.code.root_number(), 3 | 13),
        _ => false,
    }
}

/// Whether `dyad code` prints an event of analysis `a` by default: its mode is a
/// default one ([`default_mode`]), and neither the relevance stage nor the confidence
/// threshold withholds it ([`withheld_from_output`]; the convention is
/// `docs/conventions.md`).
pub fn default_output(e: &Event, a: &Analysis) -> bool {
    passes_rules(e, a) && printed_confidence(e.confidence) >= a.min_confidence
}

/// Whether the default output would show an event of analysis `a` with no confidence
/// threshold: its mode is a default one and no relevance rule withholds it. The
/// confidence model is trained and measured on these (`dyad eval --dump-features`),
/// never on what its own threshold lets through.
pub fn passes_rules(e: &Event, a: &Analysis) -> bool {
    default_mode(e) && withheld(e, &a.domain).is_none()
}

/// Why the default output leaves out an event of a default mode: a rule of the
/// relevance stage ([`crate::relevance::withheld`]), else a confidence, rounded to
/// two decimals as printed, below the analysis's threshold (`low confidence`).
pub fn withheld_from_output(e: &Event, a: &Analysis) -> Option<Withheld> {
    withheld(e, &a.domain).or_else(|| {
        (default_mode(e) && printed_confidence(e.confidence) < a.min_confidence)
            .then_some(Withheld::LowConfidence)
    })
}

/// A confidence as records print it: two decimals.
fn printed_confidence(c: f32) -> f32 {
    (c * 100.0).round() / 100.0
}

/// Whether an event of analysis `a` tells what kind of event its sentence reports:
/// one the relevance rules let through (whatever its confidence), or one withheld only
/// because its source or target is unknown (the sentence reports the act; the data set
/// needs both actors). `dyad eval` labels sentences with these and scores triples on
/// the default output.
pub fn labels_sentence(e: &Event, a: &Analysis) -> bool {
    default_mode(e)
        && matches!(
            withheld(e, &a.domain),
            None | Some(
                Withheld::UnknownSource
                    | Withheld::UnknownTarget
                    | Withheld::StatementWithoutAddressee
                    | Withheld::StatementToPress
                    | Withheld::UncertainSource
                    | Withheld::RelativeClause
                    | Withheld::TopicNoun
            )
        )
}

/// One sentence (`dyad sentences`).
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRecord<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Document title.
    pub title: Option<&'a str>,
    /// Publication date.
    pub published: Option<PartialDate>,
    /// 0-based sentence index.
    pub index: u32,
    /// Byte offset of the sentence in the document text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The sentence as read.
    pub text: &'a str,
}

/// The sentences of an analysed document.
pub fn sentence_records<'a>(doc: &'a Document, a: &Analysis) -> Vec<SentenceRecord<'a>> {
    a.segmented
        .sentences
        .iter()
        .map(|s| SentenceRecord {
            doc_id: &doc.id,
            title: doc.title.as_deref(),
            published: doc.published,
            index: a.window.first_sentence + s.index,
            start: s.start,
            end: s.end,
            text: &doc.text[s.start..s.end],
        })
        .collect()
}

/// An actor as output: code, country, text and span.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRecord<'a> {
    /// Full actor code.
    pub code: ActorCode,
    /// The country (three letters), when the actor has one.
    pub country: Option<&'a str>,
    /// The mention's text (none for an unknown source).
    pub text: Option<&'a str>,
    /// Byte offset of the mention.
    pub start: Option<u32>,
    /// Byte offset one past its end.
    pub end: Option<u32>,
    /// The actor's home: its country's location, when it has a country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home: Option<LocationRecord>,
}

/// A location (`dyad code`'s `location` and `home` fields).
#[derive(Debug, Clone, Serialize)]
pub struct LocationRecord {
    /// The gazetteer's name of the place.
    pub name: &'static str,
    /// The country's three-letter code.
    pub country: &'static str,
    /// The first-level division's name, for towns and divisions.
    pub adm1: Option<&'static str>,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// The GeoNames id of a town or country (`524901`, Moscow) where the build had the
    /// GeoNames data; else the gazetteer key (`RU`, `RU.Moscow`, `RU.Moscow.Moscow`),
    /// as for every division ([`crate::places::Gazetteer::feature_id`]).
    pub feature_id: String,
    /// `city`, `adm1` or `country`.
    pub precision: &'static str,
    /// The words that named it (none for a target's country or a home).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offset of those words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    /// Byte offset one past their end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u32>,
    /// The rule that set it (`clause`, `dateline`, `target_country`; `home`).
    pub how: &'static str,
}

/// The record of a gazetteer feature.
pub fn location_record(f: crate::places::Feature, how: &'static str) -> LocationRecord {
    use crate::places::FeatureKind;
    let g = crate::places::gazetteer();
    let info = g.info(f);
    LocationRecord {
        name: info.name,
        country: g.country(info.country).1,
        adm1: info.adm1.map(|a| g.adm1_name(a)),
        lat: (info.lat * 1e4).round() / 1e4,
        lon: (info.lon * 1e4).round() / 1e4,
        feature_id: g.feature_id(f),
        precision: match f.kind {
            FeatureKind::Town => "city",
            FeatureKind::Adm1 => "adm1",
            FeatureKind::Country => "country",
        },
        text: None,
        start: None,
        end: None,
        how,
    }
}

/// The home location of an actor code: its country's.
fn home_of(code: &ActorCode) -> Option<LocationRecord> {
    let g = crate::places::gazetteer();
    let c = g.country_by_code(code.prefix())?;
    Some(location_record(
        crate::places::Feature {
            kind: crate::places::FeatureKind::Country,
            index: c as u32,
        },
        "home",
    ))
}

/// One mention with how it was resolved (`dyad actors`, `--explain`).
#[derive(Debug, Clone, Serialize)]
pub struct MentionRecord<'a> {
    /// Index of the mention in the document.
    pub index: usize,
    /// Full actor code.
    pub code: ActorCode,
    /// The country (three letters), when the actor has one.
    pub country: Option<&'a str>,
    /// Role codes after the country, if any.
    pub role: Option<&'a str>,
    /// What kind of thing it names.
    pub kind: MentionKind,
    /// The text.
    pub text: &'a str,
    /// Byte offset.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
    /// How it was resolved.
    pub resolution: &'a Resolution,
    /// The text of the mention it was resolved through (pronouns, aliases, ...).
    pub antecedent: Option<&'a str>,
    /// Members of one compound actor share this number.
    pub group: Option<u32>,
}

fn country_of(code: &ActorCode) -> Option<&str> {
    let p = code.prefix();
    (!matches!(p, "---" | "IGO" | "NGO" | "IMG" | "MNC")).then_some(p)
}

/// A group number of analysis `a` as its document numbers it. A compound actor's
/// group is the index of its first mention, so it moves with the window's first
/// mention; groups of `the two leaders` count down from `u32::MAX` and move down by
/// as much, so that two windows never share one (a window has fewer such groups than
/// mentions).
fn document_group(a: &Analysis, group: Option<u32>) -> Option<u32> {
    let base = a.window.first_mention;
    group.map(|g| {
        if g < u32::MAX / 2 {
            g.saturating_add(base)
        } else {
            g.saturating_sub(base)
        }
    })
}

/// The record of mention `i` of analysis `a` (numbered in its document).
fn mention_record<'a>(doc: &'a Document, a: &'a Analysis, i: usize) -> MentionRecord<'a> {
    let mentions = &a.mentions;
    let m = &mentions[i];
    let antecedent = match &m.resolution {
        Resolution::Alias { antecedent }
        | Resolution::Definite { antecedent }
        | Resolution::Pronoun { antecedent } => mentions
            .get(*antecedent)
            .map(|a| &doc.text[a.start as usize..a.end as usize]),
        _ => None,
    };
    MentionRecord {
        index: a.window.first_mention as usize + i,
        code: m.code,
        country: country_of(&m.code),
        role: (!m.code.rest().is_empty() && country_of(&m.code).is_some()).then(|| m.code.rest()),
        kind: m.kind,
        text: &doc.text[m.start as usize..m.end as usize],
        start: m.start,
        end: m.end,
        resolution: &m.resolution,
        antecedent,
        group: document_group(a, m.group),
    }
}

/// The mentions of one sentence (`dyad actors`).
#[derive(Debug, Clone, Serialize)]
pub struct ActorsRecord<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Sentence index.
    pub sentence: u32,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The sentence.
    pub text: &'a str,
    /// Its mentions.
    pub mentions: Vec<MentionRecord<'a>>,
}

/// The mentions of an analysed document, one record per sentence that has any.
pub fn actors_records<'a>(doc: &'a Document, a: &'a Analysis) -> Vec<ActorsRecord<'a>> {
    a.segmented
        .sentences
        .iter()
        .filter_map(|s| {
            let mentions: Vec<MentionRecord<'a>> = (0..a.mentions.len())
                .filter(|&i| a.mentions[i].sentence == s.index)
                .map(|i| mention_record(doc, a, i))
                .collect();
            (!mentions.is_empty()).then(|| ActorsRecord {
                doc_id: &doc.id,
                sentence: a.window.first_sentence + s.index,
                start: s.start,
                end: s.end,
                text: &doc.text[s.start..s.end],
                mentions,
            })
        })
        .collect()
}

/// A CAMEO code with its meaning.
#[derive(Debug, Clone, Serialize)]
pub struct CameoRecord<'a> {
    /// The code.
    pub code: String,
    /// Its root.
    pub root: String,
    /// Its name.
    pub name: &'a str,
    /// Goldstein value.
    pub goldstein: f32,
    /// QuadClass (GDELT: 1 verbal cooperation .. 4 material conflict).
    pub quad_class: u8,
}

/// A PLOVER category and mode.
#[derive(Debug, Clone, Serialize)]
pub struct PloverRecord<'a> {
    /// The category (`AGREE`).
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// The mode, if any.
    pub mode: Option<&'a str>,
}

/// A span of text.
#[derive(Debug, Clone, Serialize)]
pub struct SpanRecord<'a> {
    /// The text.
    pub text: &'a str,
    /// Byte offset.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
}

/// The evidence for an event.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRecord<'a> {
    /// The sentence.
    pub sentence: &'a str,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The trigger word.
    pub trigger: SpanRecord<'a>,
}

/// Why an event was coded as it was (`--explain`).
#[derive(Debug, Clone, Serialize)]
pub struct ExplainRecord<'a> {
    /// The trigger's lemma.
    pub lemma: &'a str,
    /// The pattern that fired, as written.
    pub pattern: String,
    /// When a frame or a future intention changed the code: the embedded code.
    pub derived_from: Option<String>,
    /// The source was found only by the fallback rule (nearest actor).
    pub weak_source: bool,
    /// How the source was resolved (none when the source is unknown).
    pub source: Option<MentionRecord<'a>>,
    /// How the target was resolved.
    pub target: Option<MentionRecord<'a>>,
    /// The discard phrase that withholds the event, with its place
    /// (`"world cup" (discards/phoenix.txt:12)`).
    pub discard: Option<String>,
    /// The confidence model's features that are not zero, by name
    /// (`crate::events::confidence`): why the confidence is what it is.
    pub features: std::collections::BTreeMap<&'static str, f32>,
}

/// One event (`dyad code`).
#[derive(Debug, Clone, Serialize)]
pub struct EventRecord<'a> {
    /// Event id: document id, sentence and event number.
    pub id: String,
    /// Document id.
    pub doc_id: &'a str,
    /// Sentence index.
    pub sentence: u32,
    /// First day of the event's date.
    pub date: Option<String>,
    /// Last day of the event's date.
    pub date_end: Option<String>,
    /// Day, month, year or range.
    pub date_precision: Option<DateKind>,
    /// The expression that set the date (none: the story date).
    pub date_text: Option<&'a str>,
    /// The source actor.
    pub source: ActorRecord<'a>,
    /// The target actor.
    pub target: Option<ActorRecord<'a>>,
    /// Where it happened.
    pub location: Option<LocationRecord>,
    /// The CAMEO code.
    pub cameo: CameoRecord<'a>,
    /// The PLOVER category, when the code has one.
    pub plover: Option<PloverRecord<'a>>,
    /// The mode.
    pub mode: Mode,
    /// The main event of its sentence.
    pub primary: bool,
    /// The trigger is inside a quotation.
    pub quote: bool,
    /// Events expanded from one compound actor share this number.
    pub group: Option<u32>,
    /// The evidence.
    pub evidence: EvidenceRecord<'a>,
    /// The dictionary file and line of the pattern that fired.
    pub rule: String,
    /// The coder's confidence, 0 to 1.
    pub confidence: f32,
    /// Why the event is left out of the default output (only with `--modes all`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld: Option<&'static str>,
    /// Why (with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<ExplainRecord<'a>>,
}

/// An event's actor as output: its mention's text and span (none for an unknown
/// source), with the event's code for it (a member's code for compound actors).
fn actor_record<'a>(
    text: &'a str,
    mentions: &[Mention],
    mention: Option<usize>,
    code: ActorCode,
) -> ActorRecord<'a> {
    let m = mention.map(|i| &mentions[i]);
    ActorRecord {
        code,
        country: None,
        text: m.map(|m| &text[m.start as usize..m.end as usize]),
        start: m.map(|m| m.start),
        end: m.map(|m| m.end),
        home: None,
    }
}

/// The events of an analysed document as output records.
pub fn event_records<'a>(
    pipeline: &'a Pipeline,
    doc: &'a Document,
    a: &'a Analysis,
    modes: ModeFilter,
    explain: bool,
) -> Vec<EventRecord<'a>> {
    event_records_iter(pipeline, doc, a, modes, explain).collect()
}

/// [`event_records`] one at a time, in the same order: a writer that serialises each
/// record in turn holds one record, not a long story's tens of thousands.
pub fn event_records_iter<'a>(
    pipeline: &'a Pipeline,
    doc: &'a Document,
    a: &'a Analysis,
    modes: ModeFilter,
    explain: bool,
) -> impl Iterator<Item = EventRecord<'a>> + 'a {
    let text = doc.text.as_str();
    a.events.iter().enumerate().filter_map(move |(n, e)| {
        if modes == ModeFilter::Default && !default_output(e, a) {
            return None;
        }
        let withheld = withheld_from_output(e, a).map(Withheld::as_str);
        // Numbers in the document (a window's analysis numbers from its own start).
        let sentence_number = a.window.first_sentence + e.sentence;
        let event_number = a.window.first_event as usize + n;
        let sentence = &a.segmented.sentences[e.sentence as usize];
        let trig = a.segmented.tokens[e.trigger_start as usize];
        let trig_end = a.segmented.tokens[e.trigger_end as usize - 1].end;
        let entry = pipeline.cameo.get_or_parent(e.code);
        let source = actor_record(text, &a.mentions, e.source, e.source_code);
        let target = e.target.map(|t| {
            actor_record(
                text,
                &a.mentions,
                Some(t),
                e.target_code.unwrap_or(a.mentions[t].code),
            )
        });
        let explain = explain.then(|| ExplainRecord {
            lemma: &e.lemma,
            pattern: pipeline.rule_text(e.rule),
            derived_from: e.derived_from.map(|c| c.to_string()),
            weak_source: e.weak_source,
            source: e.source.map(|s| mention_record(doc, a, s)),
            target: e.target.map(|t| mention_record(doc, a, t)),
            discard: pipeline.discard_text(a, e.sentence),
            features: crate::events::confidence::named_features(
                &crate::events::confidence::features(e, &a.mentions, &a.domain),
            )
            .into_iter()
            .collect(),
        });
        let date_text = e
            .date
            .and_then(|d| d.span)
            .map(|(s, t)| &text[s as usize..t as usize]);
        let mut r = EventRecord {
            id: format!("{}-{}-{}", doc.id, sentence_number, event_number),
            doc_id: &doc.id,
            sentence: sentence_number,
            date: e.date.map(|d| d.first.to_string()),
            date_end: e.date.map(|d| d.last.to_string()),
            date_precision: e.date.map(|d| d.kind),
            date_text,
            source,
            target,
            location: e.location.map(|l| {
                let mut r = location_record(l.feature, l.how.as_str());
                if let Some(p) = l.place.and_then(|p| a.places.get(p)) {
                    r.text = Some(p.text(text).to_string());
                    r.start = Some(p.start);
                    r.end = Some(p.end);
                }
                r
            }),
            cameo: CameoRecord {
                code: e.code.to_string(),
                root: e.code.root().to_string(),
                name: entry.map(|c| c.name.as_str()).unwrap_or(""),
                goldstein: entry.map(|c| c.goldstein).unwrap_or(0.0),
                quad_class: entry.map(|c| c.quad_class).unwrap_or(0),
            },
            plover: pipeline
                .cameo
                .plover(e.code)
                .map(|(kind, mode)| PloverRecord { kind, mode }),
            mode: e.mode,
            primary: e.primary,
            quote: e.quote,
            group: document_group(a, e.group),
            evidence: EvidenceRecord {
                sentence: &text[sentence.start..sentence.end],
                start: sentence.start,
                end: sentence.end,
                trigger: SpanRecord {
                    text: &text[trig.start as usize..trig_end as usize],
                    start: trig.start,
                    end: trig_end,
                },
            },
            rule: pipeline.locate(e.rule),
            confidence: printed_confidence(e.confidence),
            withheld,
            explain,
        };
        r.source.country = country_str(&r.source.code, pipeline);
        r.source.home = home_of(&r.source.code);
        if let Some(t) = &mut r.target {
            t.country = country_str(&t.code, pipeline);
            t.home = home_of(&t.code);
        }
        Some(r)
    })
}

fn country_str<'a>(code: &ActorCode, pipeline: &'a Pipeline) -> Option<&'a str> {
    let p = code.prefix();
    if matches!(p, "---" | "IGO" | "NGO" | "IMG" | "MNC") {
        return None;
    }
    pipeline.country_code(p)
}
