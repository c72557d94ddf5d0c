//! # dyad
//!
//! The `dyad` command: raw news in, coded political event data out. It owns the
//! command line only: reading inputs is `dyad-io`'s, coding is `dyad-core`'s,
//! evaluation is `dyad-eval`'s. Documents are coded in parallel in bounded batches
//! and written in input order, so the output is the same whatever the thread count.

mod aggregate;
mod export;
mod formats;
mod import;
mod ingest;
mod places;
mod query;
mod recode;
mod run;
mod serve;

// mimalloc: building the dictionaries at start-up makes tens of thousands of small
// allocations, which the system allocator serves three times slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use dyad_core::PartialDate;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn news text into coded political event data: who did what to whom, when and
/// where, with the evidence for every record.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Flags every command takes.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Story date for inputs that carry none (YYYY-MM-DD).
    #[arg(long, global = true, value_name = "DATE")]
    pub published: Option<PartialDate>,
    /// Input format for every input: text, jsonl, html or warc (default: by file extension).
    #[arg(long, global = true, value_name = "FORMAT")]
    pub input_format: Option<dyad_io::InputFormat>,
    /// Dictionary directory whose files replace the built-in ones of the same path.
    #[arg(long, global = true, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Use only the files of the dictionary directory, none of the built-in ones.
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Worker threads (default: all cores).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary on standard error (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Languages to code, comma-separated ISO 639-1 codes, or `any`. Documents in
    /// other languages (named by the input, else detected) are read and counted,
    /// not coded; documents whose language cannot be told are coded.
    #[arg(long, global = true, value_name = "LANGS", default_value = "en")]
    pub lang: String,
    #[command(flatten)]
    pub limits: Limits,
    /// Skip geolocation: no places, no event locations (to measure the stage's cost).
    #[arg(long, global = true, hide = true)]
    pub no_locations: bool,
}

impl Global {
    /// Whether documents in `language` are coded under `--lang`.
    pub fn codes_language(&self, language: Option<&str>) -> bool {
        let Some(language) = language else {
            return true;
        };
        self.lang
            .split(',')
            .map(str::trim)
            .any(|l| l.eq_ignore_ascii_case("any") || l.eq_ignore_ascii_case(language))
    }
}

/// Limits on hostile input (see docs/reliability.md); sizes take K, M, G suffixes
/// (powers of 1000: 10M is 10,000,000 bytes).
#[derive(Args, Debug, Clone)]
pub struct Limits {
    /// Largest document (a text or HTML file, a JSON array file), in bytes.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "10M")]
    pub max_document_bytes: u64,
    /// Longest JSON line, in bytes.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "16M")]
    pub max_line_bytes: u64,
    /// Largest WARC record, in bytes.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "16M")]
    pub max_record_bytes: u64,
    /// Most a gzipped input may expand (decompressed / compressed bytes).
    #[arg(long, global = true, value_name = "RATIO", default_value_t = dyad_io::readers::DEFAULT_MAX_GZIP_RATIO)]
    pub max_gzip_ratio: u64,
    /// Most bytes one gzipped input may expand to.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "64G")]
    pub max_decompressed_bytes: u64,
    /// Deepest element nesting of an HTML page.
    #[arg(long, global = true, value_name = "N", default_value_t = dyad_io::readers::DEFAULT_MAX_HTML_DEPTH)]
    pub max_html_depth: usize,
}

/// Reads a byte count: digits with an optional K, M or G suffix (powers of 1000)
/// and an optional trailing B.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, factor) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 1_000),
        Some('M') => (&t[..t.len() - 1], 1_000_000),
        Some('G') => (&t[..t.len() - 1], 1_000_000_000),
        _ => (t, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("not a size in bytes: {s:?} (e.g. 10M, 500K, 2000000)"))
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code events: one JSON object per event (the main job).
    Code(CodeArgs),
    /// Code events and explain each: the actors' resolution and the pattern that fired.
    Explain(InputArgs),
    /// Print the sentences of each document, one JSON object per sentence.
    Sentences(InputArgs),
    /// Print the actor mentions of each sentence, one JSON object per sentence.
    Actors(InputArgs),
    /// Print the place mentions of each sentence and their resolution, one JSON object per sentence.
    Places(InputArgs),
    /// Work with dictionaries.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Measure accuracy on gold-standard files.
    Eval(dyad_eval::EvalArgs),
    /// Code documents and store them (see docs/store.md).
    Ingest(ingest::IngestArgs),
    /// Re-code the stored documents coded with other dictionaries.
    Recode(recode::RecodeArgs),
    /// Print stored events or mentions, filtered.
    Query(query::QueryArgs),
    /// Count stored events per group and period.
    Aggregate(aggregate::AggregateArgs),
    /// Write stored events in the field's formats (CSV, GDELT, Phoenix, PLOVER, Parquet).
    Export(export::ExportArgs),
    /// Serve the HTTP API and the dashboard over a store (see docs/server.md).
    Serve(serve::ServeArgs),
}

/// Inputs: files, directories or `-` for standard input.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories to read (`-` for standard input; default: standard input).
    #[arg(value_name = "FILES")]
    pub inputs: Vec<PathBuf>,
}

/// Output format of `dyad code`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One readable line per event.
    Table,
    /// CSV: a header, one row per event, RFC 4180 quoting (columns: README).
    Csv,
    /// GDELT 2.0 Event table: 61 tab-separated columns, no header (`--mentions`: the
    /// 16-column Mentions table).
    Gdelt,
    /// Phoenix data set: 26 tab-separated columns, no header.
    Phoenix,
    /// PLOVER JSON: one PLOVER event record per line.
    Plover,
    /// Parquet lake: `--out DIR` gets `year=YYYY/month=MM/part-<uuid>.parquet` files.
    Parquet,
}

/// Which events `dyad code` prints.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modes {
    /// Asserted events and statements of intent.
    Asserted,
    /// Every event, with its mode.
    All,
}

#[derive(Args, Debug, Clone)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Which events to print.
    #[arg(long, value_enum, default_value = "asserted")]
    pub modes: Modes,
    /// Add an `explain` object to each event.
    #[arg(long)]
    pub explain: bool,
    /// With `--format gdelt`: write the GDELT Mentions table instead of the Event table.
    #[arg(long)]
    pub mentions: bool,
    /// With `--format parquet`: the lake directory to add part files to.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The default output's lowest confidence (the probability that the event is
    /// right, as printed; see docs/accuracy.md), 0.5 when not given: events below it
    /// are withheld (`low confidence`). Given, it also drops events below it from
    /// `--modes all`. 0 shows what the relevance rules alone let through.
    #[arg(long, value_name = "P", value_parser = probability)]
    pub min_confidence: Option<f32>,
}

/// A probability given on the command line: a number from 0 to 1.
pub(crate) fn probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

#[derive(Subcommand, Debug)]
enum DictCommand {
    /// Check a dictionary directory (default: the built-in dictionaries).
    Lint {
        /// Directory whose files replace the built-in ones of the same path.
        dir: Option<PathBuf>,
    },
    /// Convert dictionaries of other coders into dyad's formats.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Subcommand, Debug)]
enum ImportCommand {
    /// PETRARCH and TABARI dictionaries (verbs, actors, agents, discards, issues).
    Petrarch(import::PetrarchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    if let Some(n) = cli.global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting up threads")?;
    }
    match cli.command {
        Command::Code(args) => run::code(&cli.global, &args),
        Command::Explain(input) => run::code(
            &cli.global,
            &CodeArgs {
                input,
                format: Format::Table,
                modes: Modes::All,
                explain: true,
                mentions: false,
                out: None,
                min_confidence: None,
            },
        ),
        Command::Sentences(input) => run::sentences(&cli.global, &input),
        Command::Actors(input) => run::actors(&cli.global, &input),
        Command::Places(input) => places::places(&cli.global, &input),
        Command::Dict(DictCommand::Lint { dir }) => {
            run::lint(dir.as_deref(), cli.global.no_builtin)
        }
        Command::Dict(DictCommand::Import(ImportCommand::Petrarch(args))) => {
            import::petrarch(&cli.global, &args)
        }
        Command::Ingest(args) => ingest::run(&cli.global, &args),
        Command::Recode(args) => recode::run(&cli.global, &args),
        Command::Query(args) => query::run(&args),
        Command::Aggregate(args) => aggregate::run(&args),
        Command::Export(args) => export::run(&cli.global, &args),
        Command::Serve(args) => serve::run(&cli.global, &args),
        Command::Eval(mut args) => {
            args.custom_dictionaries = cli.global.dictionaries.is_some();
            let mut pipeline = run::pipeline(&cli.global)?;
            if let Some(p) = args.min_confidence {
                pipeline.set_min_confidence(p);
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let ok = dyad_eval::run(&args, &pipeline, &mut out)?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
