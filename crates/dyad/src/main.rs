//! # dyad
//!
//! The `dyad` command: raw news in, coded political event data out. It owns the
//! command line only: reading inputs is `dyad-io`'s, coding is `dyad-core`'s,
//! evaluation is `dyad-eval`'s. Documents are coded in parallel in bounded batches
//! and written in input order, so the output is the same whatever the thread count.

mod aggregate;
mod ingest;
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
    /// Worker threads (default: all cores).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary on standard error (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
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
}

#[derive(Subcommand, Debug)]
enum DictCommand {
    /// Check a dictionary directory (default: the built-in dictionaries).
    Lint {
        /// Directory whose files replace the built-in ones of the same path.
        dir: Option<PathBuf>,
    },
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
            },
        ),
        Command::Sentences(input) => run::sentences(&cli.global, &input),
        Command::Actors(input) => run::actors(&cli.global, &input),
        Command::Dict(DictCommand::Lint { dir }) => run::lint(dir.as_deref()),
        Command::Ingest(args) => ingest::run(&cli.global, &args),
        Command::Recode(args) => recode::run(&cli.global, &args),
        Command::Query(args) => query::run(&args),
        Command::Aggregate(args) => aggregate::run(&args),
        Command::Serve(args) => serve::run(&cli.global, &args),
        Command::Eval(args) => {
            let pipeline = run::pipeline(&cli.global)?;
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
