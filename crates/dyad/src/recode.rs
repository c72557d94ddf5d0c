//! `dyad recode`: re-code every stored document coded with other dictionaries, a
//! batch per transaction (so a stopped run resumes where it stopped), and print
//! what changed per CAMEO root.

use crate::Global;
use crate::ingest::{STOP, StoreArg, catch_ctrl_c, coder, spinner};
use anyhow::Result;
use clap::Args;
use dyad_core::pipeline::Analysis;
use dyad_store::{Access, BatchReport, CodedDocument, WriteMode, code_document};
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

/// `dyad recode` arguments.
#[derive(Args, Debug, Clone)]
pub struct RecodeArgs {
    #[command(flatten)]
    pub store: StoreArg,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub batch: usize,
}

/// `dyad recode`.
pub fn run(global: &Global, args: &RecodeArgs) -> Result<ExitCode> {
    catch_ctrl_c();
    let mut store = args.store.open(Access::Write)?;
    let (pipeline, hash) = coder(global)?;
    let todo = store.count_to_recode(&hash)?;
    let bar = spinner(global);
    let mut total = BatchReport::default();
    while !STOP.load(Ordering::SeqCst) {
        let docs = store.documents_to_recode(&hash, args.batch.max(1))?;
        if docs.is_empty() {
            break;
        }
        let coded: Vec<CodedDocument> = docs
            .into_par_iter()
            .map_init(Analysis::default, |a, d| {
                code_document(&pipeline, d, a, &hash)
            })
            .collect();
        total.add(&store.write(&coded, WriteMode::Recode)?);
        if let Some(bar) = &bar {
            bar.set_message(format!("{} of {todo} documents re-coded", total.recoded));
        }
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "root,mentions_added,mentions_removed,events_added,events_removed"
    )?;
    for (root, c) in &total.by_root {
        if *c != Default::default() {
            writeln!(
                out,
                "{root:02},{},{},{},{}",
                c.mentions_added, c.mentions_removed, c.events_added, c.events_removed
            )?;
        }
    }
    let t = total.total();
    writeln!(
        out,
        "total,{},{},{},{}",
        t.mentions_added, t.mentions_removed, t.events_added, t.events_removed
    )?;
    let left = store.count_to_recode(&hash)?;
    if !global.quiet {
        eprintln!(
            "dyad recode: {} documents re-coded, {left} left{}",
            total.recoded,
            if STOP.load(Ordering::SeqCst) {
                " (interrupted at a commit boundary; run again to go on)"
            } else {
                ""
            }
        );
    }
    Ok(if STOP.load(Ordering::SeqCst) {
        ExitCode::from(130)
    } else {
        ExitCode::SUCCESS
    })
}
