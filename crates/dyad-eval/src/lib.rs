//! # dyad-eval
//!
//! `dyad eval`: measures how well dyad codes events against the human-labelled data in
//! `../shared/eval/` (JSON Lines, one sentence per record), scored exactly as that
//! folder's README says. This crate owns:
//!
//! - [`gold`]: reading gold files and telling their kind (from the name or the fields);
//! - [`score`]: the scoring itself (one-to-one triple matching, one label per sentence,
//!   actor recall), on plain prediction records so it is testable without a pipeline;
//! - [`floors`]: the ratchet of least acceptable scores (`eval/floors.toml`);
//! - [`report`]: the human-readable tables and the JSON object;
//! - [`EvalArgs`] and [`run`]: the subcommand, which codes each record with a
//!   [`Pipeline`] (the only part that needs one) and scores the output.
//!
//! The CLI (crate `dyad`) embeds [`EvalArgs`] as `dyad eval` and passes a built
//! pipeline (it handles `--dictionaries`).

#![warn(missing_docs)]

pub mod features;
pub mod floors;
pub mod gold;
pub mod report;
pub mod score;

use anyhow::Context;
use dyad_core::Document;
use dyad_core::codes::EventCode;
use dyad_core::dict::CameoTable;
use dyad_core::output::{default_output, labels_sentence};
use dyad_core::pipeline::{Analysis, Pipeline};
use gold::{Detected, GoldRecord, Kind};
use report::FileResult;
use score::{PredEvent, PredMention, Prediction};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// `dyad eval`: score dyad against gold event data.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct EvalArgs {
    /// Gold files (JSON Lines), e.g. ../shared/eval/dev/*.jsonl.
    #[arg(value_name = "FILES", required = true)]
    pub files: Vec<PathBuf>,
    /// How to score the files; always wins over detection, even for files dyad would
    /// skip (default: told by each file's name or fields).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Print one JSON object with every metric per file instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Show N false positives and N false negatives per file.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// Write what was scored to PRED.jsonl: one {"id", "events"} line per record.
    #[arg(long, value_name = "PRED.jsonl")]
    pub dump_pred: Option<PathBuf>,
    /// Write each coded event's confidence features and whether it is right to
    /// FEATURES.jsonl (for `scripts/train-confidence.py`).
    #[arg(long, value_name = "FEATURES.jsonl")]
    pub dump_features: Option<PathBuf>,
    /// Check every metric against the floors in FILE (e.g. eval/floors.toml).
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Score the default output at this lowest confidence instead of the pipeline's
    /// (0.5; `dyad code --min-confidence`): to see what a threshold trades.
    #[arg(long, value_name = "P", value_parser = probability)]
    pub min_confidence: Option<f32>,
    /// Set by the caller when the pipeline uses dictionaries given by the user: then
    /// `petr_unittest` (coded against PETRARCH's validation dictionaries) is scored.
    #[arg(skip)]
    pub custom_dictionaries: bool,
}

/// A probability given on the command line: a number from 0 to 1.
fn probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("{s} is not a probability from 0 to 1")),
    }
}

/// The PLOVER 2021 category of a CAMEO code by a CAMEO table (the pipeline's
/// `cameo`), `None` for roots 01 and 02 and for codes that are not CAMEO.
pub fn plover_of(table: &CameoTable, code: &str) -> Option<String> {
    EventCode::new(code)
        .and_then(|c| table.plover(c))
        .map(|(p, _)| p.to_string())
}

/// Codes one gold record's text as a one-sentence story dated by the record, keeping
/// the events `dyad code` outputs by default and every mention.
pub fn predict(pipeline: &Pipeline, record: &GoldRecord, analysis: &mut Analysis) -> Prediction {
    let mut doc = Document::from_text(record.text.as_str());
    doc.published = record.date;
    pipeline.analyze(&doc, None, analysis);
    let events = analysis
        .events
        .iter()
        .filter(|e| labels_sentence(e, analysis))
        .map(|e| PredEvent {
            incomplete: !default_output(e, analysis),
            source: e.source_code.as_str().to_string(),
            target: e.target_code.as_ref().map(|t| t.as_str().to_string()),
            code: e.code.as_str().to_string(),
            primary: e.primary,
            rule: Some(format!(
                "{}:{}",
                pipeline
                    .files
                    .get(e.rule.file as usize)
                    .map_or("?", String::as_str),
                e.rule.line
            )),
        })
        .collect();
    let mentions = analysis
        .mentions
        .iter()
        .map(|m| PredMention {
            code: m.code.as_str().to_string(),
            start: m.start as usize,
            end: m.end as usize,
        })
        .collect();
    Prediction {
        id: record.id.clone(),
        events,
        mentions,
    }
}

/// Runs `dyad eval`: codes every record of every file with `pipeline`, scores it,
/// writes the report to `out`, and returns whether every floor held (true when no
/// floors are checked).
pub fn run(args: &EvalArgs, pipeline: &Pipeline, out: &mut dyn Write) -> anyhow::Result<bool> {
    let floors = args
        .floors
        .as_deref()
        .map(floors::Floors::load)
        .transpose()?;
    let mut dump = match &args.dump_pred {
        Some(p) => Some(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let mut features = match &args.dump_features {
        Some(p) => Some(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let plover = |c: &str| plover_of(&pipeline.cameo, c);
    let mut analysis = Analysis::default();
    let mut results = Vec::new();
    for path in &args.files {
        let gold = gold::load_with(path, args.kind, args.custom_dictionaries)?;
        for (line, why) in &gold.skipped {
            eprintln!("warning: {}:{line}: {why}; record skipped", path.display());
        }
        let (preds, score) = match gold.detected {
            Detected::Skip(_) => (Vec::new(), None),
            Detected::Score(kind) => {
                let preds: Vec<Prediction> = gold
                    .records
                    .iter()
                    .map(|r| predict(pipeline, r, &mut analysis))
                    .collect();
                if let Some(d) = dump.as_mut() {
                    for p in &preds {
                        serde_json::to_writer(&mut *d, p)?;
                        d.write_all(b"\n")?;
                    }
                }
                if let Some(f) = features.as_mut() {
                    features::dump(pipeline, &gold.name, kind, &gold.records, &plover, f)?;
                }
                let score = score::score_file(kind, &gold.records, &preds, &plover);
                (preds, Some(score))
            }
        };
        results.push(FileResult {
            path: path.clone(),
            gold,
            preds,
            score,
        });
    }
    for mut d in [dump, features].into_iter().flatten() {
        d.flush()?;
    }
    let failures = match &floors {
        Some(f) => {
            let scored: Vec<(&str, Vec<(&'static str, f64)>)> = results
                .iter()
                .filter_map(|r| {
                    r.score
                        .as_ref()
                        .map(|s| (r.gold.name.as_str(), s.metrics()))
                })
                .collect();
            Some(f.check(&scored)?)
        }
        None => None,
    };
    let floors_path = args.floors.as_ref().map(|p| p.display().to_string());
    let checked = floors_path.as_deref().zip(failures.as_deref());
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report::to_json(&results, checked, args.errors))?;
        writeln!(out)?;
    } else {
        report::write_text(out, &results, checked, args.errors, &plover)?;
    }
    Ok(failures.is_none_or(|f| f.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::events::Mode;
    use serde_json::Value;
    use std::path::Path;

    fn pipeline() -> Pipeline {
        Pipeline::builtin().expect("the built-in dictionaries build")
    }

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dyad-eval-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn command_line() {
        use clap::{CommandFactory, Parser};
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            args: EvalArgs,
        }
        Cli::command().debug_assert();
        let cli = Cli::try_parse_from([
            "eval",
            "a.jsonl",
            "b.jsonl",
            "--kind",
            "plover_triples",
            "--json",
            "--errors",
            "3",
            "--dump-pred",
            "p.jsonl",
            "--floors",
            "eval/floors.toml",
            "--min-confidence",
            "0.6",
        ])
        .unwrap();
        assert_eq!(
            cli.args,
            EvalArgs {
                files: vec!["a.jsonl".into(), "b.jsonl".into()],
                kind: Some(Kind::PloverTriples),
                json: true,
                errors: 3,
                dump_pred: Some("p.jsonl".into()),
                dump_features: None,
                floors: Some("eval/floors.toml".into()),
                min_confidence: Some(0.6),
                custom_dictionaries: false,
            }
        );
        for k in ["triples", "plv", "conflibert", "cameo_manual"] {
            assert_eq!(
                Cli::try_parse_from(["eval", "a", "--kind", k])
                    .unwrap()
                    .args
                    .kind
                    .map(Kind::as_str),
                Some(k)
            );
        }
        assert!(Cli::try_parse_from(["eval"]).is_err(), "FILES is required");
        assert!(Cli::try_parse_from(["eval", "a", "--kind", "acled"]).is_err());
    }

    #[test]
    fn default_modes_are_asserted_and_intentions() {
        let p = pipeline();
        let mut a = Analysis::default();
        let mut doc = Document::from_text("Russia condemned Ukraine on Monday.");
        doc.published = Some("2020-01-01".parse().unwrap());
        p.analyze(&doc, None, &mut a);
        let Some(mut e) = a.events.first().cloned() else {
            // Written to stderr directly: the harness captures `eprintln!` and a skip
            // must show.
            std::io::Write::write_all(
                &mut std::io::stderr(),
                b"SKIP: the built-in dictionaries code no event in the probe sentence\n",
            )
            .ok();
            return;
        };
        let cases = [
            (Mode::Asserted, "111", true),
            (Mode::Asserted, "036", true),
            (Mode::Future, "036", true),
            (Mode::Future, "0311", true),
            (Mode::Future, "138", true),
            (Mode::Future, "190", false),
            (Mode::Future, "111", false),
            (Mode::Negated, "036", false),
            (Mode::Hypothetical, "138", false),
            (Mode::Historical, "190", false),
        ];
        for (mode, code, expected) in cases {
            e.mode = mode;
            e.code = EventCode::new(code).unwrap();
            assert_eq!(
                dyad_core::output::default_mode(&e),
                expected,
                "{mode:?} {code}"
            );
        }
    }

    #[test]
    fn cameo_table_agrees_with_cameo2plover() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        if !shared.is_dir() {
            // Written to stderr directly: the harness captures `eprintln!` and a skip
            // must show.
            std::io::Write::write_all(&mut std::io::stderr(), b"SKIP: ../shared not found\n").ok();
            return;
        }
        let tsv = std::fs::read_to_string(shared.join("eval/cameo2plover.tsv")).unwrap();
        let official: std::collections::HashMap<&str, &str> = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("cameo\t"))
            .filter_map(|l| l.split('\t').next().zip(l.split('\t').nth(1)))
            .collect();
        assert!(official.len() > 200);
        let table = dyad_core::dict::Dictionaries::builtin().unwrap().cameo;
        // The README's rule: the exact code, else its three-digit parent, else the root's x0 code.
        let readme = |c: &str| {
            [c, &c[..3.min(c.len())], &format!("{}0", &c[..2])]
                .into_iter()
                .find_map(|k| official.get(k).map(|p| p.to_string()))
        };
        for entry in table.entries() {
            let c = entry.code.as_str();
            assert_eq!(plover_of(&table, c), readme(c), "CAMEO {c}");
        }
        assert_eq!(plover_of(&table, "010"), None);
        assert_eq!(plover_of(&table, "AGREE"), None);
    }

    #[test]
    fn run_end_to_end() {
        let dir = temp_dir("run");
        let w = |name: &str, text: &str| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let cm = w(
            "cameo_manual.jsonl",
            concat!(
                r#"{"id": "m1", "text": "Russia condemned Ukraine on Monday.", "date": "2020-01-06", "label": "111", "root": "11"}"#,
                "\n",
                r#"{"id": "m2", "text": "The weather was fine today.", "date": null, "label": "190", "root": "19"}"#,
                "\n"
            ),
        );
        let gsr = w(
            "plover_gsr.jsonl",
            concat!(
                r#"{"id": "g1", "text": "China will meet Japan next week.", "date": "2000-01-01", "events": [{"source": "CHN", "target": "JPN", "code": "AGREE"}]}"#,
                "\n",
                r#"{"id": "g2", "text": "Russia condemned Ukraine.", "date": "20200106", "events": [{"source": "RUSGOV", "target": "UKR", "code": "DISAPPROVE"}]}"#,
                "\n"
            ),
        );
        let petr = w(
            "petr_unittest.jsonl",
            r#"{"id": "DEMO-00", "text": "Arnor met Gondor.", "date": "19950101", "events": [], "noevents": true, "category": "DEMO"}"#,
        );
        let floors = w(
            "floors.toml",
            "[cameo_manual]\nroot_accuracy = 0.75\ncode_accuracy = 0.0\n[plover_gsr]\ntriple_f1 = 0.0\n",
        );
        let dump = dir.join("pred.jsonl");
        let p = pipeline();
        let mut args = EvalArgs {
            files: vec![cm, gsr, petr],
            kind: None,
            json: true,
            errors: 1,
            dump_pred: Some(dump.clone()),
            dump_features: Some(dir.join("features.jsonl")),
            floors: Some(floors),
            min_confidence: None,
            custom_dictionaries: false,
        };
        let mut out = Vec::new();
        // m2 has no actor, so root accuracy is at most 0.5: the 0.75 floor fails.
        assert!(!run(&args, &p, &mut out).unwrap());
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["ok"], Value::Bool(false));
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(files[0]["name"], "cameo_manual");
        assert_eq!(files[0]["kind"], "cameo_manual");
        for m in [
            "root_accuracy",
            "root_macro_f1",
            "code_accuracy",
            "code_macro_f1",
        ] {
            assert!(files[0]["metrics"][m].is_f64(), "{m}");
        }
        for m in [
            "triple_f1",
            "code_f1",
            "pair_f1",
            "triple_precision",
            "pair_recall",
            "actor_recall",
        ] {
            assert!(files[1]["metrics"][m].is_f64(), "{m}");
        }
        assert_eq!(files[1]["actor_recall"]["total"], 4);
        assert_eq!(files[2]["skipped"], gold::SKIP_PETR);
        let fails = v["floors"]["failures"].as_array().unwrap();
        assert_eq!(fails.len(), 1);
        assert_eq!(
            (fails[0]["file"].as_str(), fails[0]["metric"].as_str()),
            (Some("cameo_manual"), Some("root_accuracy"))
        );
        // Every row has features and a 0/1 label; "Russia condemned Ukraine" is right.
        let rows: Vec<Value> = std::fs::read_to_string(dir.join("features.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(rows.iter().all(|r| r["x"]["bias"] == 1.0));
        assert!(
            rows.iter()
                .any(|r| r["id"] == "g2" && r["label"] == 1 && r["shown"] == true),
            "{rows:?}"
        );
        // m2 produced nothing: listed under the sentences with no label.
        assert_eq!(files[0]["errors"]["false_negatives"][0]["id"], "m2");
        // The dump: one {"id", "events"} line per scored record, in order.
        let lines: Vec<Value> = std::fs::read_to_string(&dump)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines
                .iter()
                .map(|l| l["id"].as_str().unwrap())
                .collect::<Vec<_>>(),
            vec!["m1", "m2", "g1", "g2"]
        );
        for l in &lines {
            assert_eq!(
                l.as_object().unwrap().keys().collect::<Vec<_>>(),
                vec!["events", "id"]
            );
            for e in l["events"].as_array().unwrap() {
                assert_eq!(
                    e.as_object().unwrap().keys().collect::<Vec<_>>(),
                    vec!["code", "primary", "source", "target"]
                );
            }
        }
        assert_eq!(lines[1]["events"], Value::Array(vec![]));
        // The text report, no floors: true, with tables, the skip and the error listing.
        args.json = false;
        args.floors = None;
        args.dump_pred = None;
        let mut out = Vec::new();
        assert!(run(&args, &p, &mut out).unwrap());
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("cameo_manual (cameo_manual): 2 records"),
            "{text}"
        );
        assert!(text.contains("root accuracy"), "{text}");
        assert!(text.contains("  triple "), "{text}");
        assert!(text.contains("actor recall"), "{text}");
        assert!(
            text.contains(&format!("petr_unittest: skipped: {}", gold::SKIP_PETR)),
            "{text}"
        );
        assert!(
            text.contains("[m2] The weather was fine today.") && text.contains("dyad: no event"),
            "{text}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_records_are_skipped_and_counted_and_the_kind_wins() {
        let dir = temp_dir("robust");
        let path = dir.join("news.jsonl");
        let rec = |id: &str, date: &str| {
            format!(
                r#"{{"id": "{id}", "text": "Russia condemned Ukraine on Monday.", "date": "{date}", "noevents": false, "category": "news", "events": [{{"source": "RUS", "target": "UKR", "code": "111"}}]}}"#
            )
        };
        std::fs::write(
            &path,
            format!(
                "{}\n{}\n{{\"id\": \"t3\", \"events\": []}}\n{}\n",
                rec("t1", "2020-01-06"),
                rec("t2", "121108"),
                rec("t4", "2020-01-07")
            ),
        )
        .unwrap();
        let p = pipeline();
        let mut args = EvalArgs {
            files: vec![path.clone()],
            kind: None,
            json: true,
            errors: 0,
            dump_pred: None,
            floors: None,
            min_confidence: None,
            custom_dictionaries: false,
            dump_features: None,
        };
        // Detection takes `noevents` + `category` for PETRARCH's unit tests...
        let mut out = Vec::new();
        assert!(run(&args, &p, &mut out).unwrap());
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["files"][0]["skipped"], gold::SKIP_PETR);
        // ...but `--kind triples` wins, and the two bad records are skipped, not fatal.
        args.kind = Some(Kind::Triples);
        let mut out = Vec::new();
        assert!(run(&args, &p, &mut out).unwrap());
        let v: Value = serde_json::from_slice(&out).unwrap();
        let f = &v["files"][0];
        assert_eq!(f["kind"], "triples", "{v}");
        assert_eq!(f["records"], 2, "{v}");
        assert_eq!(f["skipped_records"], 2, "{v}");
        assert_eq!(f["skipped_lines"], serde_json::json!([2, 3]), "{v}");
        assert!(f["metrics"]["triple_f1"].is_f64());
        args.json = false;
        let mut out = Vec::new();
        assert!(run(&args, &p, &mut out).unwrap());
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("news (triples): 2 records"), "{text}");
        assert!(
            text.contains("2 malformed records skipped (first at line 2)"),
            "{text}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
