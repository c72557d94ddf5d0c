//! `dyad aggregate`: event and mention counts, Goldstein sum and mean and counts per
//! QuadClass, grouped and per period, as CSV or JSON Lines.

use crate::ingest::StoreArg;
use crate::query::{FilterArgs, csv_field};
use anyhow::Result;
use clap::{Args, ValueEnum};
use dyad_store::{Access, GroupBy, Period};
use std::io::Write;
use std::process::ExitCode;

/// Output format of `dyad aggregate`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AggregateFormat {
    /// Comma-separated values with a header.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// `dyad aggregate` arguments.
#[derive(Args, Debug, Clone)]
pub struct AggregateArgs {
    #[command(flatten)]
    pub store: StoreArg,
    /// Group by: source, target, actor (either side), country (either side),
    /// source_country, target_country, cameo, root, quad, mode, location,
    /// loc_country (the place's country).
    #[arg(long, value_delimiter = ',', value_name = "KEYS")]
    pub by: Vec<GroupBy>,
    /// Period of the series: day, week (Monday), month or year.
    #[arg(long, value_name = "PERIOD")]
    pub per: Option<Period>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: AggregateFormat,
}

/// `dyad aggregate`.
pub fn run(args: &AggregateArgs) -> Result<ExitCode> {
    let store = args.store.open(Access::Read)?;
    let rows = store.aggregate(&args.filters.filter(), &args.by, args.per)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let names: Vec<&str> = args.by.iter().map(|g| g.as_str()).collect();
    if args.format == AggregateFormat::Csv {
        let mut header = vec!["period"];
        header.extend(&names);
        header.extend([
            "events",
            "mentions",
            "goldstein_sum",
            "goldstein_mean",
            "quad1",
            "quad2",
            "quad3",
            "quad4",
        ]);
        writeln!(out, "{}", header.join(","))?;
    }
    for r in &rows {
        match args.format {
            AggregateFormat::Csv => {
                let mut f = vec![r.period.clone().unwrap_or_default()];
                f.extend(r.keys.iter().map(|k| k.clone().unwrap_or_default()));
                f.extend([
                    r.events.to_string(),
                    r.mentions.to_string(),
                    format!("{}", r.goldstein_sum),
                    format!("{:.4}", r.goldstein_mean),
                ]);
                f.extend(r.quad.iter().map(|q| q.to_string()));
                let f: Vec<String> = f.iter().map(|s| csv_field(s)).collect();
                writeln!(out, "{}", f.join(","))?;
            }
            AggregateFormat::Jsonl => {
                let mut obj = serde_json::Map::new();
                obj.insert("period".into(), r.period.clone().into());
                for (n, k) in names.iter().zip(&r.keys) {
                    obj.insert((*n).into(), k.clone().into());
                }
                obj.insert("events".into(), r.events.into());
                obj.insert("mentions".into(), r.mentions.into());
                obj.insert("goldstein_sum".into(), r.goldstein_sum.into());
                obj.insert("goldstein_mean".into(), r.goldstein_mean.into());
                for (i, q) in r.quad.iter().enumerate() {
                    obj.insert(format!("quad{}", i + 1), (*q).into());
                }
                serde_json::to_writer(&mut out, &obj)?;
                writeln!(out)?;
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
