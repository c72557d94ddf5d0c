//! Reading: filtered, cursor-paged events and mentions, one event with its mentions,
//! one document with its coded spans, totals.
//!
//! A [`Filter`] becomes a `WHERE` clause assembled from fixed fragments, one per
//! filter that is set, with numbered placeholders; the values are always bound.

use crate::{Store, StoreError};
use dyad_core::PartialDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};
use serde::{Serialize, Serializer};

/// Which modes a query returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ModeSelection {
    /// What `dyad code` prints by default: asserted events and statements of intent
    /// (future events coded 03 or 13).
    #[default]
    Default,
    /// Every mode.
    All,
    /// These modes (`asserted`, `negated`, `future`, `hypothetical`, `historical`).
    Only(Vec<String>),
}

/// Filters shared by queries and aggregates. Within one field values are alternatives
/// (OR); fields combine with AND. Actor codes match exactly, or by prefix when they end
/// in `*` (`USA*` matches `USA` and `USAGOV`); CAMEO codes match by prefix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Source actor codes (`CODE` exactly, `CODE*` by prefix).
    pub sources: Vec<String>,
    /// Target actor codes (`CODE` exactly, `CODE*` by prefix).
    pub targets: Vec<String>,
    /// Actor codes on either side (`CODE` exactly, `CODE*` by prefix).
    pub actors: Vec<String>,
    /// Countries (three letters) on either side.
    pub countries: Vec<String>,
    /// CAMEO codes or roots, matched by prefix (`04` matches `042`).
    pub cameo: Vec<String>,
    /// PLOVER categories (`AGREE`).
    pub plover: Vec<String>,
    /// QuadClasses 1..4.
    pub quad: Vec<u8>,
    /// Modes.
    pub modes: ModeSelection,
    /// First day (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`: its first day), inclusive.
    pub from: Option<String>,
    /// Last day (a month or year: its last day), inclusive.
    pub to: Option<String>,
    /// Words that must all occur in the sentence (SQLite FTS5, any order).
    pub text: Option<String>,
    /// Places where events happened: three capital letters are a country code
    /// (ISO 3166-1 alpha-3, `UKR`) matched against the place's country; anything else
    /// is a place name (`Kyiv`), matched whole and ignoring case against its name.
    pub locations: Vec<String>,
}

/// A filter value that cannot be used; names the filter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidFilter {
    /// The filter's name (`source`, `from`, `cursor`, ...).
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

fn invalid(field: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::Invalid(InvalidFilter {
        field,
        message: message.into(),
    })
}

/// Sort order of a paged query: by date, then id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Oldest first.
    #[default]
    Asc,
    /// Newest first.
    Desc,
}

/// One page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Rows per page (1 to [`Page::MAX`]).
    pub limit: u32,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
    /// Sort order.
    pub order: Order,
}

impl Page {
    /// The largest page.
    pub const MAX: u32 = 100_000;
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: 100,
            cursor: None,
            order: Order::Asc,
        }
    }
}

/// A page of rows and the cursor of the next page (none at the end).
#[derive(Debug, Clone, Serialize)]
pub struct Paged<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Pass as [`Page::cursor`] for the next page.
    pub next: Option<String>,
}

fn id_string<S: Serializer>(id: &i64, s: S) -> Result<S::Ok, S::Error> {
    // 63-bit ids do not fit a JavaScript number: written as strings.
    s.serialize_str(&id.to_string())
}

/// One distinct event (`events` table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Stable id (a hash of the merge key), written as a string in JSON.
    #[serde(serialize_with = "id_string")]
    pub id: i64,
    /// First day.
    pub date: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Source actor code.
    pub source: String,
    /// Source country.
    pub source_country: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root (two digits).
    pub root: String,
    /// QuadClass.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Mode.
    pub mode: String,
    /// Where it happened: the name of the place its mentions' places agree on (see
    /// `merge::event_place`).
    pub location: Option<String>,
    /// Country of the place, ISO 3166-1 alpha-3.
    pub loc_country: Option<String>,
    /// First-level division of the place (its name), for towns and divisions.
    pub loc_adm1: Option<String>,
    /// Latitude of the place.
    pub loc_lat: Option<f64>,
    /// Longitude of the place.
    pub loc_lon: Option<f64>,
    /// Gazetteer key of the place (`RU.Moscow`).
    pub loc_feature: Option<String>,
    /// `city`, `adm1` or `country`.
    pub loc_precision: Option<String>,
    /// The rule that set it: `clause`, `dateline` or `target_country`.
    pub loc_how: Option<String>,
    /// Mentions that report it.
    pub mentions: u64,
    /// Distinct outlets (document `source`, else the document) that report it.
    pub sources: u64,
    /// Distinct documents that report it.
    pub articles: u64,
    /// Earliest publication date of those documents.
    pub first_seen: Option<String>,
    /// Latest.
    pub last_seen: Option<String>,
    /// Id of its first mention (earliest document, then document id, sentence, number).
    pub first_mention: String,
}

/// A byte span with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// Byte offset in the document text.
    pub start: u32,
    /// One past the end.
    pub end: u32,
    /// The text (none when it lies outside the stored sentence).
    pub text: Option<String>,
}

/// One mention (`mentions` table) with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    /// `DOC-SENTENCE-N`, as `dyad code` writes it.
    pub id: String,
    /// The row number in this store (what a cursor holds).
    #[serde(skip)]
    pub row: i64,
    /// The event it belongs to.
    #[serde(serialize_with = "id_string")]
    pub event: i64,
    /// Document id.
    pub doc_id: String,
    /// Sentence index.
    pub sentence: u32,
    /// First day.
    pub date: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Precision of the date.
    pub date_precision: Option<String>,
    /// The expression that set the date.
    pub date_text: Option<String>,
    /// Source actor code.
    pub source: String,
    /// Source country.
    pub source_country: Option<String>,
    /// Source mention.
    pub source_span: Option<Span>,
    /// Target actor code.
    pub target: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// Target mention.
    pub target_span: Option<Span>,
    /// Trigger.
    pub trigger: Span,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub root: String,
    /// QuadClass.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// PLOVER category.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// Mode.
    pub mode: String,
    /// Printed by `dyad code` by default.
    pub shown: bool,
    /// Main event of its sentence.
    pub primary: bool,
    /// Inside a quotation.
    pub quote: bool,
    /// Compound-expansion group.
    pub group: Option<u32>,
    /// Dictionary file and line of the rule.
    pub rule: String,
    /// Coder confidence.
    pub confidence: f64,
    /// Where it happened: the place's name.
    pub location: Option<String>,
    /// Country of the place, ISO 3166-1 alpha-3.
    pub loc_country: Option<String>,
    /// First-level division of the place (its name), for towns and divisions.
    pub loc_adm1: Option<String>,
    /// Latitude of the place.
    pub loc_lat: Option<f64>,
    /// Longitude of the place.
    pub loc_lon: Option<f64>,
    /// Gazetteer key of the place (`RU.Moscow`).
    pub loc_feature: Option<String>,
    /// `city`, `adm1` or `country`.
    pub loc_precision: Option<String>,
    /// The rule that set it: `clause`, `dateline` or `target_country`.
    pub loc_how: Option<String>,
    /// The sentence.
    pub sentence_text: String,
    /// Its byte offset.
    pub sentence_start: u32,
    /// One past its end.
    pub sentence_end: u32,
}

/// One event with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDetail {
    /// The event.
    pub event: EventRow,
    /// Its mentions, first mention first.
    pub mentions: Vec<MentionRow>,
}

/// One document with all its coded spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentDetail {
    /// Id.
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Outlet (the input's `source`).
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// The text; every offset is a byte offset into it.
    pub text: String,
    /// Content hash.
    pub content_hash: String,
    /// Dictionaries hash.
    pub dict_hash: String,
    /// When it was (last) stored, UTC.
    pub ingested: String,
    /// Its mentions, every mode, in text order.
    pub mentions: Vec<MentionRow>,
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocumentSource {
    /// URL.
    pub url: Option<String>,
    /// Outlet (the input's `source`).
    pub outlet: Option<String>,
    /// Publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub published: Option<String>,
}

/// Row counts of the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Documents.
    pub documents: u64,
    /// Mentions (every mode).
    pub mentions: u64,
    /// Events (every mode).
    pub events: u64,
}

/// A `WHERE` clause under construction: fixed fragments, numbered placeholders.
#[derive(Default)]
pub(crate) struct Where {
    pub clauses: Vec<String>,
    pub params: Vec<Value>,
}

impl Where {
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    /// `AND`-joined clauses, or `1` when there are none.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }

    fn any(&mut self, parts: Vec<String>) {
        if !parts.is_empty() {
            self.clauses.push(format!("({})", parts.join(" OR ")));
        }
    }

    fn prefix(&mut self, col: &str, code: &str) -> String {
        // Codes are [A-Z0-9]; '~' sorts after all of them, so [code, code~) is every
        // code that starts with `code`, and an index can seek it.
        let lo = self.bind(code.to_string());
        let hi = self.bind(format!("{code}~"));
        format!("({col} >= {lo} AND {col} < {hi})")
    }
}

fn code_value(field: &'static str, v: &str) -> Result<String, StoreError> {
    let v = v.trim().to_ascii_uppercase();
    if v.is_empty() || v.len() > 64 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(invalid(
            field,
            format!("{v:?} is not a code (letters and digits)"),
        ));
    }
    Ok(v)
}

fn date_value(field: &'static str, v: &str, last: bool) -> Result<String, StoreError> {
    let d: PartialDate = v.trim().parse().map_err(|_| {
        invalid(
            field,
            format!("{v:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        )
    })?;
    let day = if last { d.last_day() } else { d.first_day() };
    Ok(day.format("%Y-%m-%d").to_string())
}

/// FTS5 query text: each word quoted (so no word is read as FTS syntax), all required.
fn fts_query(text: &str) -> Result<String, StoreError> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return Err(invalid("text", "no words to search for"));
    }
    Ok(words.join(" "))
}

impl Filter {
    /// The `WHERE` clause over a table (`events` or `mentions`, which share the
    /// filtered columns) aliased `t`.
    pub(crate) fn to_where(&self, mentions: bool) -> Result<Where, StoreError> {
        let mut w = Where::default();
        for (field, values, cols) in [
            ("source", &self.sources, &["t.source"][..]),
            ("target", &self.targets, &["t.target"][..]),
            ("actor", &self.actors, &["t.source", "t.target"][..]),
            ("cameo", &self.cameo, &["t.cameo"][..]),
        ] {
            let mut parts = Vec::new();
            for v in values {
                // Actor codes match exactly (an index seek on the dyad) unless they end
                // in `*`; CAMEO codes always match as prefixes (a root is a prefix).
                let (v, star) = match v.trim().strip_suffix('*') {
                    Some(p) => (p, true),
                    None => (v.as_str(), field == "cameo"),
                };
                let v = code_value(field, v)?;
                for col in cols {
                    parts.push(if star {
                        w.prefix(col, &v)
                    } else {
                        format!("{col} = {}", w.bind(v.clone()))
                    });
                }
            }
            w.any(parts);
        }
        let mut parts = Vec::new();
        for v in &self.countries {
            let p = w.bind(code_value("country", v)?);
            parts.push(format!("t.source_country = {p} OR t.target_country = {p}"));
        }
        w.any(parts);
        let mut parts = Vec::new();
        for v in &self.plover {
            parts.push(format!("t.plover = {}", w.bind(code_value("plover", v)?)));
        }
        w.any(parts);
        let mut parts = Vec::new();
        for q in &self.quad {
            if !(1..=4).contains(q) {
                return Err(invalid("quad", format!("{q} is not a QuadClass (1 to 4)")));
            }
            parts.push(format!("t.quad = {}", w.bind(*q as i64)));
        }
        w.any(parts);
        match &self.modes {
            ModeSelection::Default => w.clauses.push("t.shown = 1".into()),
            ModeSelection::All => {}
            ModeSelection::Only(modes) => {
                let mut parts = Vec::new();
                for m in modes {
                    let m = m.trim().to_ascii_lowercase();
                    if !matches!(
                        m.as_str(),
                        "asserted" | "negated" | "future" | "hypothetical" | "historical"
                    ) {
                        return Err(invalid("mode", format!("unknown mode {m:?}")));
                    }
                    parts.push(format!("t.mode = {}", w.bind(m)));
                }
                w.any(parts);
            }
        }
        // Mentions share the merge-key columns with their event: a filter on actors or
        // codes goes through the events' indexes (one dyad is a few thousand events
        // among millions of mentions), then the mentions' own dates and sentences.
        let keyed = !(self.sources.is_empty()
            && self.targets.is_empty()
            && self.actors.is_empty()
            && self.cameo.is_empty()
            && self.countries.is_empty());
        if mentions && keyed {
            // The events that can hold a mention of these dates: an event's first day
            // is at most 6 days before its mentions' (the week rule) and never after.
            if let Some(f) = &self.from {
                let p = w.bind(date_value("from", f, false)?);
                w.clauses.push(format!("t.date >= date({p}, '-7 days')"));
            }
            if let Some(t) = &self.to {
                let p = w.bind(date_value("to", t, true)?);
                w.clauses.push(format!("t.date <= {p}"));
            }
            let inner = std::mem::take(&mut w.clauses).join(" AND ");
            w.clauses.push(format!(
                "t.event IN (SELECT t.id FROM events t WHERE {inner})"
            ));
        }
        // After the events' part: a mention's place is its own, which may differ
        // from its event's (the event takes the most precise agreeing place).
        let mut parts = Vec::new();
        for v in &self.locations {
            let v = v.trim();
            if v.is_empty() || v.len() > 200 {
                return Err(invalid("location", format!("{v:?} is not a place")));
            }
            parts.push(
                if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
                    format!("t.loc_country = {}", w.bind(v.to_string()))
                } else {
                    format!("t.location = {} COLLATE NOCASE", w.bind(v.to_string()))
                },
            );
        }
        w.any(parts);
        if let Some(f) = &self.from {
            let p = w.bind(date_value("from", f, false)?);
            w.clauses.push(format!("t.date >= {p}"));
        }
        if let Some(t) = &self.to {
            let p = w.bind(date_value("to", t, true)?);
            w.clauses.push(format!("t.date <> '' AND t.date <= {p}"));
        }
        if let Some(text) = &self.text {
            let p = w.bind(fts_query(text)?);
            let sents = format!("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH {p}");
            w.clauses.push(if mentions {
                format!("t.sent IN ({sents})")
            } else {
                format!("t.id IN (SELECT event FROM mentions WHERE sent IN ({sents}))")
            });
        }
        Ok(w)
    }
}

/// The event columns, in [`event_row`]'s order, over `events t`.
const EVENT_COLUMNS: &str = "t.id, t.date, t.date_end, t.source, t.source_country, t.target,
    t.target_country, t.cameo, t.root, t.quad, t.goldstein, t.plover, t.mode, t.location,
    t.mentions, t.sources, t.articles, t.first_seen, t.last_seen, t.first_mention,
    t.loc_country, t.loc_adm1, t.loc_lat, t.loc_lon, t.loc_feature, t.loc_precision, t.loc_how";

fn opt_date(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        date: opt_date(r.get(1)?),
        date_end: r.get(2)?,
        source: r.get(3)?,
        source_country: r.get(4)?,
        target: r.get(5)?,
        target_country: r.get(6)?,
        cameo: r.get(7)?,
        root: format!("{:02}", r.get::<_, i64>(8)?),
        quad_class: r.get(9)?,
        goldstein: r.get(10)?,
        plover: r.get(11)?,
        mode: r.get(12)?,
        location: r.get(13)?,
        mentions: r.get::<_, i64>(14)? as u64,
        sources: r.get::<_, i64>(15)? as u64,
        articles: r.get::<_, i64>(16)? as u64,
        first_seen: r.get(17)?,
        last_seen: r.get(18)?,
        first_mention: r.get(19)?,
        loc_country: r.get(20)?,
        loc_adm1: r.get(21)?,
        loc_lat: r.get(22)?,
        loc_lon: r.get(23)?,
        loc_feature: r.get(24)?,
        loc_precision: r.get(25)?,
        loc_how: r.get(26)?,
    })
}

/// The mention columns, in [`mention_row`]'s order, over `mentions t`.
const MENTION_COLUMNS: &str = "t.id, t.event, d.id, t.sentence, t.ordinal, t.date, t.date_end,
    t.date_precision, t.date_text, t.source, t.source_country, t.source_start, t.source_end,
    t.target, t.target_country, t.target_start, t.target_end, t.trigger_start, t.trigger_end,
    t.cameo, t.root, t.quad, t.goldstein, t.plover, t.plover_mode, t.mode, t.shown,
    t.is_primary, t.quote, t.grp, t.rule, t.confidence, t.location, s.text, s.start, s.end,
    t.loc_country, t.loc_adm1, t.loc_lat, t.loc_lon, t.loc_feature, t.loc_precision, t.loc_how";

const MENTION_FROM: &str =
    "mentions t JOIN documents d ON d.num = t.doc JOIN sentences s ON s.id = t.sent";

fn span(sentence: &str, s_start: u32, start: u32, end: u32) -> Span {
    let text = start
        .checked_sub(s_start)
        .zip(end.checked_sub(s_start))
        .and_then(|(a, b)| sentence.get(a as usize..b as usize))
        .map(str::to_string);
    Span { start, end, text }
}

fn mention_row(r: &Row<'_>) -> rusqlite::Result<MentionRow> {
    let doc_id: String = r.get(2)?;
    let sentence: u32 = r.get(3)?;
    let ordinal: u32 = r.get(4)?;
    let sentence_text: String = r.get(33)?;
    let s_start: u32 = r.get(34)?;
    let opt_span =
        |a: Option<u32>, b: Option<u32>| a.zip(b).map(|(a, b)| span(&sentence_text, s_start, a, b));
    Ok(MentionRow {
        id: format!("{doc_id}-{sentence}-{ordinal}"),
        row: r.get(0)?,
        event: r.get(1)?,
        sentence,
        date: opt_date(r.get(5)?),
        date_end: r.get(6)?,
        date_precision: r.get(7)?,
        date_text: r.get(8)?,
        source: r.get(9)?,
        source_country: r.get(10)?,
        source_span: opt_span(r.get(11)?, r.get(12)?),
        target: r.get(13)?,
        target_country: r.get(14)?,
        target_span: opt_span(r.get(15)?, r.get(16)?),
        trigger: span(&sentence_text, s_start, r.get(17)?, r.get(18)?),
        cameo: r.get(19)?,
        root: format!("{:02}", r.get::<_, i64>(20)?),
        quad_class: r.get(21)?,
        goldstein: r.get(22)?,
        plover: r.get(23)?,
        plover_mode: r.get(24)?,
        mode: r.get(25)?,
        shown: r.get(26)?,
        primary: r.get(27)?,
        quote: r.get(28)?,
        group: r.get(29)?,
        rule: r.get(30)?,
        confidence: r.get(31)?,
        location: r.get(32)?,
        loc_country: r.get(36)?,
        loc_adm1: r.get(37)?,
        loc_lat: r.get(38)?,
        loc_lon: r.get(39)?,
        loc_feature: r.get(40)?,
        loc_precision: r.get(41)?,
        loc_how: r.get(42)?,
        sentence_start: s_start,
        sentence_end: r.get(35)?,
        sentence_text,
        doc_id,
    })
}

/// Parses a cursor `DATE~ID`.
fn parse_cursor(c: &str) -> Result<(String, i64), StoreError> {
    let bad = || {
        invalid(
            "cursor",
            format!("{c:?} is not a cursor from a previous page"),
        )
    };
    let (date, id) = c.rsplit_once('~').ok_or_else(bad)?;
    let id: i64 = id.parse().map_err(|_| bad())?;
    if !(date.is_empty()
        || (date.len() == 10 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')))
    {
        return Err(bad());
    }
    Ok((date.to_string(), id))
}

impl Store {
    /// Events matching `filter`, one page, ordered by date then id.
    pub fn events(&self, filter: &Filter, page: &Page) -> Result<Paged<EventRow>, StoreError> {
        self.paged(filter, page, false, event_row, |e: &EventRow| {
            (e.date.clone().unwrap_or_default(), e.id)
        })
    }

    /// Mentions matching `filter` (on the mentions' own columns), one page, ordered by
    /// date then id.
    pub fn mentions(&self, filter: &Filter, page: &Page) -> Result<Paged<MentionRow>, StoreError> {
        self.paged(filter, page, true, mention_row, |m: &MentionRow| {
            (m.date.clone().unwrap_or_default(), m.row)
        })
    }

    fn paged<T>(
        &self,
        filter: &Filter,
        page: &Page,
        mentions: bool,
        map: fn(&Row<'_>) -> rusqlite::Result<T>,
        key: impl Fn(&T) -> (String, i64),
    ) -> Result<Paged<T>, StoreError> {
        if page.limit == 0 || page.limit > Page::MAX {
            return Err(invalid(
                "limit",
                format!("{} is not between 1 and {}", page.limit, Page::MAX),
            ));
        }
        let mut w = filter.to_where(mentions)?;
        let (cmp, dir) = match page.order {
            Order::Asc => (">", "ASC"),
            Order::Desc => ("<", "DESC"),
        };
        if let Some(c) = &page.cursor {
            let (date, id) = parse_cursor(c)?;
            let (pd, pi) = (w.bind(date), w.bind(id));
            w.clauses.push(format!("(t.date, t.id) {cmp} ({pd}, {pi})"));
        }
        let limit = w.bind(page.limit as i64 + 1);
        let sql = if mentions {
            format!(
                "SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE {}
                 ORDER BY t.date {dir}, t.id {dir} LIMIT {limit}",
                w.sql()
            )
        } else {
            format!(
                "SELECT {EVENT_COLUMNS} FROM events t WHERE {}
                 ORDER BY t.date {dir}, t.id {dir} LIMIT {limit}",
                w.sql()
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut items: Vec<T> = stmt
            .query_map(rusqlite::params_from_iter(&w.params), map)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let next = if items.len() > page.limit as usize {
            items.truncate(page.limit as usize);
            items.last().map(|last| {
                let (d, id) = key(last);
                format!("{d}~{id}")
            })
        } else {
            None
        };
        Ok(Paged { items, next })
    }

    /// One event with all its mentions (first mention first), or none.
    pub fn event(&self, id: i64) -> Result<Option<EventDetail>, StoreError> {
        let event = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events t WHERE t.id = ?1"
            ))
            .and_then(|mut s| s.query_row([id], event_row).optional())
            .map_err(|e| self.err(e))?;
        let Some(event) = event else {
            return Ok(None);
        };
        let mentions = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE t.event = ?1
                 ORDER BY coalesce(d.published, ''), d.id, t.sentence, t.ordinal"
            ))
            .and_then(|mut s| s.query_map([id], mention_row)?.collect())
            .map_err(|e| self.err(e))?;
        Ok(Some(EventDetail { event, mentions }))
    }

    /// One document with its text and every mention, or none.
    pub fn document(&self, id: &str) -> Result<Option<DocumentDetail>, StoreError> {
        let doc = self
            .conn
            .prepare_cached(
                "SELECT num, id, url, title, outlet, published, language, text, content_hash,
                        dict_hash, ingested FROM documents WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        DocumentDetail {
                            id: r.get(1)?,
                            url: r.get(2)?,
                            title: r.get(3)?,
                            outlet: r.get(4)?,
                            published: r.get(5)?,
                            language: r.get(6)?,
                            text: r.get(7)?,
                            content_hash: r.get(8)?,
                            dict_hash: r.get(9)?,
                            ingested: r.get(10)?,
                            mentions: Vec::new(),
                        },
                    ))
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some((num, mut doc)) = doc else {
            return Ok(None);
        };
        doc.mentions = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE t.doc = ?1
                 ORDER BY t.sentence, t.ordinal"
            ))
            .and_then(|mut s| s.query_map([num], mention_row)?.collect())
            .map_err(|e| self.err(e))?;
        Ok(Some(doc))
    }

    /// Where document `id` came from: its URL, outlet and publication date (none when
    /// it is not stored). What `dyad export` needs of a mention's document.
    pub fn document_source(&self, id: &str) -> Result<Option<DocumentSource>, StoreError> {
        self.conn
            .prepare_cached("SELECT url, outlet, published FROM documents WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok(DocumentSource {
                        url: r.get(0)?,
                        outlet: r.get(1)?,
                        published: r.get(2)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Row counts.
    pub fn totals(&self) -> Result<Totals, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),
                        (SELECT count(*) FROM events)",
            )
            .and_then(|mut s| {
                s.query_row([], |r| {
                    Ok(Totals {
                        documents: r.get::<_, i64>(0)? as u64,
                        mentions: r.get::<_, i64>(1)? as u64,
                        events: r.get::<_, i64>(2)? as u64,
                    })
                })
            })
            .map_err(|e| self.err(e))
    }
}
