//! `dyad query`: events or mentions from the store, filtered, as JSON Lines, CSV or
//! a table. Rows are read a page at a time, so memory stays flat for any `--limit`.

use crate::ingest::StoreArg;
use anyhow::Result;
use clap::{Args, ValueEnum};
use dyad_store::{Access, EventRow, Filter, MentionRow, ModeSelection, Order, Page};
use std::io::Write;
use std::process::ExitCode;

/// The filters of `dyad query` and `dyad aggregate`. Lists are comma-separated
/// alternatives; different filters must all hold.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Source actor codes (exact; end with * for a prefix: USA* matches USAGOV).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub source: Vec<String>,
    /// Target actor codes (exact, or a prefix ending in *).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub target: Vec<String>,
    /// Actor codes on either side (exact, or a prefix ending in *).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub actor: Vec<String>,
    /// Countries (three letters) on either side.
    #[arg(long, value_delimiter = ',', value_name = "ISO3")]
    pub country: Vec<String>,
    /// CAMEO codes or roots (prefixes: 04 matches 042).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub cameo: Vec<String>,
    /// PLOVER categories.
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub plover: Vec<String>,
    /// QuadClasses (1 verbal cooperation .. 4 material conflict).
    #[arg(long, value_delimiter = ',', value_name = "N")]
    pub quad: Vec<u8>,
    /// Modes: `default` (what `dyad code` prints), `all`, or a list of asserted,
    /// negated, future, hypothetical, historical.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "MODES",
        default_value = "default"
    )]
    pub mode: Vec<String>,
    /// First day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day, inclusive (a month or a year: its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Words that must all occur in the sentence (full-text search).
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Where the event happened: three capital letters are the place's country
    /// (ISO 3166-1 alpha-3: UKR), anything else a place name (Kyiv; whole name,
    /// any case).
    #[arg(long, value_delimiter = ',', value_name = "PLACES")]
    pub location: Vec<String>,
}

impl FilterArgs {
    /// The store filter.
    pub fn filter(&self) -> Filter {
        let modes = match self.mode.as_slice() {
            [m] if m == "default" => ModeSelection::Default,
            [m] if m == "all" => ModeSelection::All,
            [] => ModeSelection::Default,
            list => ModeSelection::Only(list.to_vec()),
        };
        Filter {
            sources: self.source.clone(),
            targets: self.target.clone(),
            actors: self.actor.clone(),
            countries: self.country.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            quad: self.quad.clone(),
            modes,
            from: self.from.clone(),
            to: self.to.clone(),
            text: self.text.clone(),
            locations: self.location.clone(),
        }
    }
}

/// Output format of `dyad query`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryFormat {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// One readable line per row.
    Table,
}

/// `dyad query` arguments.
#[derive(Args, Debug, Clone)]
pub struct QueryArgs {
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Mentions (one row per coded sentence) instead of events.
    #[arg(long)]
    pub mentions: bool,
    /// At most this many rows (0: all).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: u64,
    /// Newest first.
    #[arg(long)]
    pub desc: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: QueryFormat,
}

/// `dyad query`.
pub fn run(args: &QueryArgs) -> Result<ExitCode> {
    let store = args.store.open(Access::Read)?;
    let filter = args.filters.filter();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut page = Page {
        limit: 0,
        cursor: None,
        order: if args.desc { Order::Desc } else { Order::Asc },
    };
    let mut left = if args.limit == 0 {
        u64::MAX
    } else {
        args.limit
    };
    let mut first = true;
    while left > 0 {
        page.limit = left.min(10_000) as u32;
        let next = if args.mentions {
            let p = store.mentions(&filter, &page)?;
            left -= p.items.len() as u64;
            write_mentions(&mut out, &p.items, args.format, first)?;
            p.next
        } else {
            let p = store.events(&filter, &page)?;
            left -= p.items.len() as u64;
            write_events(&mut out, &p.items, args.format, first)?;
            p.next
        };
        first = false;
        match next {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// A CSV field, quoted when it needs to be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// The `loc_*` columns of a row, as CSV text, in the headers' order.
#[allow(clippy::too_many_arguments)]
fn place_fields(
    country: &Option<String>,
    adm1: &Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    feature: &Option<String>,
    precision: &Option<String>,
    how: &Option<String>,
) -> [String; 7] {
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    [
        opt(country).into(),
        opt(adm1).into(),
        num(lat),
        num(lon),
        opt(feature).into(),
        opt(precision).into(),
        opt(how).into(),
    ]
}

const EVENT_HEADER: &str = "id,date,date_end,source,source_country,target,target_country,cameo,\
root,quad_class,goldstein,plover,mode,location,mentions,sources,articles,first_seen,last_seen,\
first_mention,loc_country,loc_adm1,loc_lat,loc_lon,loc_feature,loc_precision,loc_how";

fn write_events(
    out: &mut impl Write,
    rows: &[EventRow],
    format: QueryFormat,
    first: bool,
) -> Result<()> {
    if format == QueryFormat::Csv && first {
        writeln!(out, "{EVENT_HEADER}")?;
    }
    for e in rows {
        match format {
            QueryFormat::Jsonl => {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)?;
            }
            QueryFormat::Csv => {
                let fields = [
                    e.id.to_string(),
                    opt(&e.date).into(),
                    opt(&e.date_end).into(),
                    e.source.clone(),
                    opt(&e.source_country).into(),
                    opt(&e.target).into(),
                    opt(&e.target_country).into(),
                    e.cameo.clone(),
                    e.root.clone(),
                    e.quad_class.to_string(),
                    e.goldstein.to_string(),
                    opt(&e.plover).into(),
                    e.mode.clone(),
                    opt(&e.location).into(),
                    e.mentions.to_string(),
                    e.sources.to_string(),
                    e.articles.to_string(),
                    opt(&e.first_seen).into(),
                    opt(&e.last_seen).into(),
                    e.first_mention.clone(),
                ];
                let place = place_fields(
                    &e.loc_country,
                    &e.loc_adm1,
                    e.loc_lat,
                    e.loc_lon,
                    &e.loc_feature,
                    &e.loc_precision,
                    &e.loc_how,
                );
                let line: Vec<String> = fields.iter().chain(&place).map(|f| csv_field(f)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
            QueryFormat::Table => writeln!(
                out,
                "{:<19} {:<10} {:<12} -> {:<12} {:<4} q{} {:>+5.1} {:<9} {:>3} mentions {:>3} sources  {:<16} {}",
                e.id,
                e.date.as_deref().unwrap_or("-"),
                e.source,
                e.target.as_deref().unwrap_or("-"),
                e.cameo,
                e.quad_class,
                e.goldstein,
                e.mode,
                e.mentions,
                e.sources,
                place_label(&e.location, &e.loc_country),
                e.first_mention
            )?,
        }
    }
    Ok(())
}

const MENTION_HEADER: &str = "id,event,doc_id,sentence,date,date_end,source,source_country,\
target,target_country,cameo,root,quad_class,goldstein,plover,mode,primary,quote,trigger,rule,\
confidence,location,sentence_text,loc_country,loc_adm1,loc_lat,loc_lon,loc_feature,\
loc_precision,loc_how";

fn write_mentions(
    out: &mut impl Write,
    rows: &[MentionRow],
    format: QueryFormat,
    first: bool,
) -> Result<()> {
    if format == QueryFormat::Csv && first {
        writeln!(out, "{MENTION_HEADER}")?;
    }
    for m in rows {
        match format {
            QueryFormat::Jsonl => {
                serde_json::to_writer(&mut *out, m)?;
                writeln!(out)?;
            }
            QueryFormat::Csv => {
                let fields = [
                    m.id.clone(),
                    m.event.to_string(),
                    m.doc_id.clone(),
                    m.sentence.to_string(),
                    opt(&m.date).into(),
                    opt(&m.date_end).into(),
                    m.source.clone(),
                    opt(&m.source_country).into(),
                    opt(&m.target).into(),
                    opt(&m.target_country).into(),
                    m.cameo.clone(),
                    m.root.clone(),
                    m.quad_class.to_string(),
                    m.goldstein.to_string(),
                    opt(&m.plover).into(),
                    m.mode.clone(),
                    m.primary.to_string(),
                    m.quote.to_string(),
                    m.trigger.text.clone().unwrap_or_default(),
                    m.rule.clone(),
                    m.confidence.to_string(),
                    opt(&m.location).into(),
                    m.sentence_text.clone(),
                ];
                let place = place_fields(
                    &m.loc_country,
                    &m.loc_adm1,
                    m.loc_lat,
                    m.loc_lon,
                    &m.loc_feature,
                    &m.loc_precision,
                    &m.loc_how,
                );
                let line: Vec<String> = fields.iter().chain(&place).map(|f| csv_field(f)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
            QueryFormat::Table => writeln!(
                out,
                "{}  {:<10} {:<12} -> {:<12} {:<4} {:<9} {:<16} \"{}\"  | {}",
                m.id,
                m.date.as_deref().unwrap_or("-"),
                m.source,
                m.target.as_deref().unwrap_or("-"),
                m.cameo,
                m.mode,
                place_label(&m.location, &m.loc_country),
                m.trigger.text.as_deref().unwrap_or(""),
                m.sentence_text
                    .chars()
                    .take(90)
                    .collect::<String>()
                    .replace('\n', " ")
            )?,
        }
    }
    Ok(())
}

/// A place for the table: `Kyiv/UKR`, the country alone for a country, `-` for none.
fn place_label(name: &Option<String>, country: &Option<String>) -> String {
    match (name, country) {
        (Some(n), Some(c)) if n != c => format!("@{n}/{c}"),
        (Some(n), _) => format!("@{n}"),
        _ => "@-".to_string(),
    }
}
