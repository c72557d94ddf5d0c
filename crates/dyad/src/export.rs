//! `dyad export`: the store's events in the field's formats. The store's rows are
//! mapped to `dyad-formats`' [`EventRow`] here, once, and written by the same sinks as
//! `dyad code --format ...`, so every column means the same in both.

use crate::Global;
use crate::ingest::StoreArg;
use crate::query::FilterArgs;
use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use dyad_core::PartialDate;
use dyad_core::codes::EventCode;
use dyad_core::pipeline::Pipeline;
use dyad_formats::{
    ActorRow, EventRow, GeoRow, LakeWriter, TextFormat, TextWriter, date_added_now,
};
use dyad_store::{Access, DocumentSource, Filter, MentionRow, Page, Store};
use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `dyad export`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per event: the row every format is written from.
    Jsonl,
    /// CSV: a header, one row per event (the columns of `dyad code --format csv`).
    Csv,
    /// GDELT 2.0 Event table (`--mentions`: the Mentions table).
    Gdelt,
    /// Phoenix data set columns.
    Phoenix,
    /// PLOVER JSON, one record per line.
    Plover,
    /// Parquet lake under `--out DIR`.
    Parquet,
}

/// `dyad export` arguments.
#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// With `--format gdelt`: the GDELT Mentions table (one line per mention of each
    /// exported event) instead of the Event table.
    #[arg(long)]
    pub mentions: bool,
    /// With `--format parquet`: the lake directory to add part files to.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Only events whose confidence (the highest of their mentions') is at least P;
    /// with `--mentions`, only mentions whose own confidence is.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = crate::probability)]
    pub min_confidence: f32,
    /// At most this many events (0: all).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub limit: u64,
}

/// Events read from the store a page at a time, each turned into rows.
struct Rows<'a> {
    store: &'a Store,
    pipeline: &'a Pipeline,
    filter: Filter,
    page: Page,
    left: u64,
    done: bool,
    mentions: bool,
    /// Compared in `f32`, the type the flag is read as: a stored 0.73 passes
    /// `--min-confidence 0.73`.
    min_confidence: f32,
    ready: VecDeque<EventRow>,
    sources: HashMap<String, DocumentSource>,
}

impl Rows<'_> {
    /// The next row, none at the end.
    fn next_row(&mut self) -> Result<Option<EventRow>> {
        loop {
            if let Some(r) = self.ready.pop_front() {
                return Ok(Some(r));
            }
            if self.done || self.left == 0 {
                return Ok(None);
            }
            self.page.limit = self.left.min(1000) as u32;
            let page = self.store.events(&self.filter, &self.page)?;
            self.left -= page.items.len() as u64;
            self.done = page.next.is_none();
            self.page.cursor = page.next;
            for e in &page.items {
                self.add_event(e)?;
            }
        }
    }

    /// Queues the rows of one event: one row (from its first mention), or one per
    /// mention with `--mentions`.
    fn add_event(&mut self, e: &dyad_store::EventRow) -> Result<()> {
        let Some(detail) = self.store.event(e.id)? else {
            return Ok(()); // Deleted by a concurrent re-code: nothing to export.
        };
        if self.mentions {
            for m in &detail.mentions {
                if m.confidence as f32 >= self.min_confidence {
                    let src = self.source(&m.doc_id)?;
                    let row = event_row(e, m, &src, m.confidence, self.pipeline);
                    self.ready.push_back(row);
                }
            }
            return Ok(());
        }
        let confidence = detail
            .mentions
            .iter()
            .map(|m| m.confidence)
            .fold(0.0, f64::max);
        if (confidence as f32) < self.min_confidence {
            return Ok(());
        }
        // The first mention (earliest document) is the event's evidence.
        let Some(first) = detail.mentions.first() else {
            return Ok(());
        };
        let src = self.source(&first.doc_id)?;
        let row = event_row(e, first, &src, confidence, self.pipeline);
        self.ready.push_back(row);
        Ok(())
    }

    fn source(&mut self, doc_id: &str) -> Result<DocumentSource> {
        if let Some(s) = self.sources.get(doc_id) {
            return Ok(s.clone());
        }
        let s = self.store.document_source(doc_id)?.unwrap_or_default();
        // Bounded: a long export sees each document in a few nearby events.
        if self.sources.len() >= 10_000 {
            self.sources.clear();
        }
        self.sources.insert(doc_id.to_string(), s.clone());
        Ok(s)
    }
}

fn day(s: Option<&str>) -> Option<chrono::NaiveDate> {
    s.and_then(|s| s.parse::<PartialDate>().ok())
        .map(|d| d.first_day())
}

/// The [`EventRow`] of a stored event, with `m` (its first mention, or each mention
/// for GDELT's Mentions table) as the evidence.
fn event_row(
    e: &dyad_store::EventRow,
    m: &MentionRow,
    src: &DocumentSource,
    confidence: f64,
    pipeline: &Pipeline,
) -> EventRow {
    let actor =
        |code: &str, country: &Option<String>, span: &Option<dyad_store::query::Span>| ActorRow {
            code: code.to_string(),
            country: country.clone(),
            text: span.as_ref().and_then(|s| s.text.clone()),
            start: span.as_ref().map(|s| s.start),
            end: span.as_ref().map(|s| s.end),
            home: GeoRow::home_of(code).map(Box::new),
        };
    let cameo_name = EventCode::new(&e.cameo)
        .and_then(|c| pipeline.cameo.get_or_parent(c))
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let location = e.location.as_deref().map(|name| {
        Box::new(GeoRow::new(
            name,
            e.loc_country.as_deref().unwrap_or(""),
            e.loc_adm1.as_deref(),
            e.loc_lat.unwrap_or_default(),
            e.loc_lon.unwrap_or_default(),
            e.loc_feature.as_deref(),
            e.loc_precision.as_deref().unwrap_or(""),
        ))
    });
    EventRow {
        event_id: e.id.to_string(),
        doc_id: m.doc_id.clone(),
        sentence_index: m.sentence,
        date: day(e.date.as_deref()),
        date_end: day(e.date_end.as_deref()),
        date_precision: m.date_precision.clone(),
        date_text: m.date_text.clone(),
        source: actor(&e.source, &e.source_country, &m.source_span),
        target: e
            .target
            .as_deref()
            .map(|t| actor(t, &e.target_country, &m.target_span)),
        cameo_code: e.cameo.clone(),
        cameo_name,
        goldstein: e.goldstein as f32,
        quad_class: e.quad_class,
        plover_type: e.plover.clone(),
        plover_mode: m.plover_mode.clone(),
        mode: e.mode.clone(),
        primary: m.primary,
        quote: m.quote,
        group: m.group,
        sentence: m.sentence_text.clone(),
        sentence_start: m.sentence_start as u64,
        sentence_end: m.sentence_end as u64,
        trigger: m.trigger.text.clone().unwrap_or_default(),
        trigger_start: m.trigger.start,
        trigger_end: m.trigger.end,
        rule: m.rule.clone(),
        confidence: confidence as f32,
        url: src.url.clone(),
        news_source: src.outlet.clone(),
        published: day(src.published.as_deref()),
        location,
        num_mentions: e.mentions as u32,
        num_sources: e.sources as u32,
        num_articles: e.articles as u32,
    }
}

/// `dyad export`.
pub fn run(global: &Global, args: &ExportArgs) -> Result<ExitCode> {
    if args.mentions && args.format != ExportFormat::Gdelt {
        bail!("--mentions goes with --format gdelt");
    }
    if args.out.is_some() != (args.format == ExportFormat::Parquet) {
        bail!(
            "--format parquet writes a lake of part files under --out DIR; the other formats \
             go to standard output"
        );
    }
    let store = args.store.open(Access::Read)?;
    // The CAMEO names (the store keeps codes only).
    let pipeline = crate::run::pipeline(global)?;
    let mut rows = Rows {
        store: &store,
        pipeline: &pipeline,
        filter: args.filters.filter(),
        page: Page::default(),
        left: if args.limit == 0 {
            u64::MAX
        } else {
            args.limit
        },
        done: false,
        mentions: args.mentions,
        min_confidence: args.min_confidence,
        ready: VecDeque::new(),
        sources: HashMap::new(),
    };
    let mut failed = None;
    let iter = std::iter::from_fn(|| match rows.next_row() {
        Ok(r) => r,
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    let text = match args.format {
        ExportFormat::Parquet => {
            let dir = args.out.as_deref().expect("checked above");
            let mut lake = LakeWriter::new(dir)?;
            lake.write_all(iter)?;
            if let Some(e) = failed {
                return Err(e);
            }
            let summary = lake.finish()?;
            if !global.quiet {
                eprintln!(
                    "dyad: {} rows into {} new part files under {}",
                    summary.rows,
                    summary.files.len(),
                    dir.display()
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
        ExportFormat::Jsonl => None,
        ExportFormat::Csv => Some(TextFormat::Csv),
        ExportFormat::Gdelt if args.mentions => Some(TextFormat::GdeltMentions),
        ExportFormat::Gdelt => Some(TextFormat::Gdelt),
        ExportFormat::Phoenix => Some(TextFormat::Phoenix),
        ExportFormat::Plover => Some(TextFormat::Plover),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match text {
        Some(format) => TextWriter::new(format, date_added_now())
            .write_all(iter, &mut out)
            .map(|_| ()),
        None => (|| {
            for r in iter {
                serde_json::to_writer(&mut out, &r)?;
                out.write_all(b"\n")?;
            }
            out.flush()
        })(),
    };
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        r => r?,
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}
