//! `dyad code --format csv|gdelt|phoenix|plover|parquet`: the field's formats, written
//! by `dyad-formats` from the same parallel, ordered batches as JSON Lines.

use crate::run::{Coding, process, process_with};
use crate::{CodeArgs, Format, Global, Modes};
use anyhow::{Context, Result, bail};
use dyad_core::Document;
use dyad_core::output::{self, ModeFilter};
use dyad_core::pipeline::{Analysis, Pipeline, WINDOW_BYTES};
use dyad_formats::{EventRow, LakeWriter, TextFormat, TextWriter, date_added_now};
use std::io::Write;
use std::process::ExitCode;

/// Codes one document window by window and hands `each` the events of every window
/// as rows: with `--min-confidence`, those with a confidence of at least it, as JSON
/// Lines keeps them.
fn window_rows(
    pipeline: &Pipeline,
    modes: ModeFilter,
    min_confidence: Option<f32>,
    doc: &Document,
    a: &mut Analysis,
    mut each: impl FnMut(Vec<EventRow>),
) {
    pipeline.analyze_windows(doc, None, WINDOW_BYTES, a, |a| {
        each(
            output::event_records_iter(pipeline, doc, a, modes, false)
                .filter(|r| min_confidence.is_none_or(|p| r.confidence >= p))
                .map(|r| EventRow::new(&r, doc))
                .collect(),
        )
    });
}

/// `dyad code` in one of the formats of `dyad-formats`.
pub fn code(global: &Global, args: &CodeArgs, pipeline: &Pipeline) -> Result<ExitCode> {
    let modes = if args.modes == Modes::All {
        ModeFilter::All
    } else {
        ModeFilter::Default
    };
    if args.mentions && args.format != Format::Gdelt {
        bail!("--mentions goes with --format gdelt");
    }
    if args.explain {
        bail!("--explain goes with --format jsonl or table");
    }
    let text = match args.format {
        Format::Parquet => return lake(global, args, pipeline, modes),
        Format::Csv => TextFormat::Csv,
        Format::Gdelt if args.mentions => TextFormat::GdeltMentions,
        Format::Gdelt => TextFormat::Gdelt,
        Format::Phoenix => TextFormat::Phoenix,
        Format::Plover => TextFormat::Plover,
        Format::Jsonl | Format::Table => bail!("JSON Lines and tables are written by run::code"),
    };
    if args.out.is_some() {
        bail!("--out DIR goes with --format parquet; the other formats go to standard output");
    }
    let writer = TextWriter::new(text, date_added_now());
    let header = writer.header();
    if !header.is_empty() {
        let mut out = std::io::stdout().lock();
        match out.write_all(&header).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            r => r.context("writing output")?,
        }
    }
    process(
        global,
        &args.input.inputs,
        "events",
        Coding::Yes,
        |doc, a, buf| {
            // Rows are written window by window: a long story's are never all held.
            let mut n = 0;
            window_rows(pipeline, modes, args.min_confidence, doc, a, |rows| {
                writer.write_rows(&rows, buf.buf());
                n += rows.len() as u64;
            });
            n
        },
    )
}

/// `--format parquet --out DIR`: rows go to a [`LakeWriter`] on the writer thread.
fn lake(
    global: &Global,
    args: &CodeArgs,
    pipeline: &Pipeline,
    modes: ModeFilter,
) -> Result<ExitCode> {
    let Some(dir) = args.out.as_deref() else {
        bail!("--format parquet writes a lake of part files: give its directory with --out DIR");
    };
    let mut lake = LakeWriter::new(dir)?;
    let quiet = global.quiet;
    process_with(
        global,
        &args.input.inputs,
        "events",
        Coding::Yes,
        |doc, a, out: &mut Vec<EventRow>| {
            // The lake is written on the writer thread, so a document's rows are all
            // held until then (its analysis is not: it goes window by window).
            out.clear();
            window_rows(pipeline, modes, args.min_confidence, doc, a, |rows| {
                out.extend(rows);
            });
            out.len() as u64
        },
        move |batches| {
            for batch in batches {
                for rows in batch {
                    lake.write_all(rows)?;
                }
            }
            let summary = lake.finish()?;
            if !quiet {
                eprintln!(
                    "dyad: {} events into {} new part files under {}",
                    summary.rows,
                    summary.files.len(),
                    dir.display()
                );
            }
            Ok(true)
        },
    )
}
