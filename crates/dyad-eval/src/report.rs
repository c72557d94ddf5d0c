//! The report: a table per file for people, one JSON object for programs.

use crate::floors::Failure;
use crate::gold::{Detected, GoldFile, GoldRecord};
use crate::score::{FileScore, LabelScores, Miss, PloverMap, PredEvent, Prediction, Prf};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;

/// One gold file, read, coded and scored.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The file as given.
    pub path: PathBuf,
    /// Its records and kind.
    pub gold: GoldFile,
    /// The predictions (empty when skipped).
    pub preds: Vec<Prediction>,
    /// The scores (`None` when skipped).
    pub score: Option<FileScore>,
}

/// How many confusions the report lists.
const TOP_CONFUSIONS: usize = 10;

fn prf_row(out: &mut dyn Write, name: &str, p: &Prf) -> io::Result<()> {
    writeln!(
        out,
        "  {name:<8} {:>9.4} {:>7.4} {:>7.4} {:>7} {:>6} {:>6}",
        p.precision(),
        p.recall(),
        p.f1(),
        p.tp,
        p.predicted,
        p.gold
    )
}

fn label_table(out: &mut dyn Write, l: &LabelScores) -> io::Result<()> {
    writeln!(
        out,
        "  {:<22} {:>5} {:>5} {:>5} {:>9} {:>7} {:>7}",
        "class", "gold", "pred", "right", "precision", "recall", "F1"
    )?;
    for c in &l.classes {
        writeln!(
            out,
            "  {:<22} {:>5} {:>5} {:>5} {:>9.4} {:>7.4} {:>7.4}",
            c.label,
            c.gold,
            c.predicted,
            c.correct,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    if !l.confusions.is_empty() {
        writeln!(out, "  top confusions (gold -> predicted):")?;
        for c in l.confusions.iter().take(TOP_CONFUSIONS) {
            writeln!(out, "    {:>4}  {} -> {}", c.count, c.gold, c.predicted)?;
        }
    }
    Ok(())
}

fn actor(a: Option<&str>) -> &str {
    a.unwrap_or("-")
}

fn pred_event_text(e: &PredEvent, plover: Option<PloverMap<'_>>) -> String {
    let mut s = format!("{} -> {} {}", e.source, actor(e.target.as_deref()), e.code);
    if let Some(map) = plover {
        s.push_str(&format!(
            " ({})",
            map(&e.code).unwrap_or_else(|| "no PLOVER".into())
        ));
    }
    if e.primary {
        s.push_str(" primary");
    }
    if let Some(r) = &e.rule {
        s.push_str(&format!(" [{r}]"));
    }
    s
}

fn gold_events_text(g: &GoldRecord) -> String {
    if let Some(l) = &g.label {
        return l.clone();
    }
    if g.events.is_empty() {
        return "no event".into();
    }
    g.events
        .iter()
        .map(|e| {
            format!(
                "{} -> {} {}",
                actor(e.source.as_deref()),
                actor(e.target.as_deref()),
                e.code
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_miss(
    out: &mut dyn Write,
    r: &FileResult,
    m: &Miss,
    preds: &HashMap<&str, &Prediction>,
    plover: Option<PloverMap<'_>>,
) -> io::Result<()> {
    let g = &r.gold.records[m.record];
    let empty = Vec::new();
    let events = preds.get(g.id.as_str()).map_or(&empty, |p| &p.events);
    writeln!(out, "    [{}] {}", g.id, g.text)?;
    writeln!(out, "      gold: {}", gold_events_text(g))?;
    if events.is_empty() {
        writeln!(out, "      dyad: no event")?;
    }
    for e in events {
        writeln!(out, "      dyad: {}", pred_event_text(e, plover))?;
    }
    if let Some(i) = m.gold_event {
        let e = &g.events[i];
        writeln!(
            out,
            "      missed: {} -> {} {}",
            actor(e.source.as_deref()),
            actor(e.target.as_deref()),
            e.code
        )?;
    }
    if let Some(i) = m.pred_event {
        writeln!(
            out,
            "      unmatched: {}",
            pred_event_text(&events[i], plover)
        )?;
    }
    if let Some((gl, pl)) = &m.labels {
        writeln!(out, "      label: gold {gl}, dyad {pl}")?;
    }
    Ok(())
}

/// Writes the human-readable report.
pub fn write_text(
    out: &mut dyn Write,
    results: &[FileResult],
    failures: Option<(&str, &[Failure])>,
    errors: usize,
    plover: PloverMap<'_>,
) -> io::Result<()> {
    for r in results {
        let name = &r.gold.name;
        let Some(s) = &r.score else {
            if let Detected::Skip(why) = r.gold.detected {
                writeln!(out, "{name}: skipped: {why}\n")?;
            }
            continue;
        };
        writeln!(
            out,
            "{name} ({}): {} records ({})",
            s.kind,
            s.records,
            r.path.display()
        )?;
        if !r.gold.skipped.is_empty() {
            writeln!(
                out,
                "  {} malformed records skipped (first at line {})",
                r.gold.skipped.len(),
                r.gold.skipped[0].0
            )?;
        }
        if s.missing_predictions > 0 {
            writeln!(
                out,
                "  {} records had no prediction (scored as no events)",
                s.missing_predictions
            )?;
        }
        if let Some(t) = &s.triples {
            writeln!(
                out,
                "  {:<8} {:>9} {:>7} {:>7} {:>7} {:>6} {:>6}",
                "", "precision", "recall", "F1", "tp", "pred", "gold"
            )?;
            prf_row(out, "triple", &t.triple)?;
            prf_row(out, "code", &t.code)?;
            prf_row(out, "pair", &t.pair)?;
            if t.no_event_records > 0 {
                writeln!(
                    out,
                    "  no-event accuracy {:.4} ({} of {} records without gold events coded without events)",
                    t.no_event_accuracy(),
                    t.no_event_correct,
                    t.no_event_records
                )?;
            }
        }
        if let Some(l) = &s.labels {
            match &s.codes {
                Some(c) => writeln!(
                    out,
                    "  root accuracy {:.4}  root macro-F1 {:.4}  code accuracy {:.4}  NONE {}",
                    l.accuracy(),
                    l.macro_f1(),
                    c.accuracy(),
                    l.none
                )?,
                None => writeln!(
                    out,
                    "  accuracy {:.4}  macro-F1 {:.4}  NONE {}",
                    l.accuracy(),
                    l.macro_f1(),
                    l.none
                )?,
            }
        }
        if let Some(a) = &s.actor_recall {
            write!(
                out,
                "  actor recall {:.4} ({} of {} gold actors",
                a.recall(),
                a.found,
                a.total
            )?;
            if a.unlocated > 0 {
                write!(
                    out,
                    "; {} gold spans not found in the text, not counted",
                    a.unlocated
                )?;
            }
            writeln!(out, ")")?;
        }
        if let Some(l) = &s.labels {
            label_table(out, l)?;
        }
        if errors > 0 {
            let preds: HashMap<&str, &Prediction> =
                r.preds.iter().map(|p| (p.id.as_str(), p)).collect();
            let map = (s.kind == crate::gold::Kind::PloverTriples
                || s.kind == crate::gold::Kind::Plv)
                .then_some(plover);
            let (fp_name, fn_name) = if s.kind.is_triples() {
                ("false positives", "false negatives")
            } else {
                ("wrong labels", "no label")
            };
            for (what, list) in [(fp_name, &s.false_positives), (fn_name, &s.false_negatives)] {
                writeln!(
                    out,
                    "  {what} ({} of {}):",
                    errors.min(list.len()),
                    list.len()
                )?;
                for m in list.iter().take(errors) {
                    write_miss(out, r, m, &preds, map)?;
                }
            }
        }
        writeln!(out)?;
    }
    if let Some((path, failures)) = failures {
        if failures.is_empty() {
            writeln!(out, "floors ({path}): all held")?;
        } else {
            for f in failures {
                writeln!(
                    out,
                    "BELOW FLOOR: {} {} = {:.4} < floor {:.4} ({path})",
                    f.file, f.metric, f.value, f.floor
                )?;
            }
        }
    }
    Ok(())
}

fn miss_json(r: &FileResult, m: &Miss) -> Value {
    let g = &r.gold.records[m.record];
    let p = r.preds.iter().find(|p| p.id == g.id);
    let events: Vec<Value> = p.map_or(Vec::new(), |p| {
        p.events.iter().map(|e| json!({"source": e.source, "target": e.target, "code": e.code, "primary": e.primary, "rule": e.rule})).collect()
    });
    let mut v = json!({"id": g.id, "text": g.text, "events": events});
    if let Some(i) = m.gold_event {
        let e = &g.events[i];
        v["missed"] = json!({"source": e.source, "target": e.target, "code": e.code});
    }
    if let Some(i) = m.pred_event {
        v["unmatched"] = json!(i);
    }
    if let Some((gl, pl)) = &m.labels {
        v["gold_label"] = json!(gl);
        v["predicted_label"] = json!(pl);
    }
    v
}

fn labels_json(l: &LabelScores) -> Value {
    json!({
        "n": l.n,
        "correct": l.correct,
        "none": l.none,
        "classes": l.classes.iter().map(|c| json!({
            "label": c.label, "gold": c.gold, "predicted": c.predicted, "correct": c.correct,
            "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
        })).collect::<Vec<_>>(),
        "confusions": l.confusions.iter().take(2 * TOP_CONFUSIONS).collect::<Vec<_>>(),
    })
}

/// The whole report as one JSON object: `files` (each with `metrics`, the counts behind
/// them, `skipped_records` and `skipped_lines` for malformed records left out, and
/// `skipped` for files not scored), `floors` and `ok`.
pub fn to_json(
    results: &[FileResult],
    failures: Option<(&str, &[Failure])>,
    errors: usize,
) -> Value {
    let files: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut v = json!({"file": r.path.display().to_string(), "name": r.gold.name});
            let Some(s) = &r.score else {
                if let Detected::Skip(why) = r.gold.detected {
                    v["skipped"] = json!(why);
                }
                return v;
            };
            v["kind"] = json!(s.kind.as_str());
            v["records"] = json!(s.records);
            v["skipped_records"] = json!(r.gold.skipped.len());
            v["skipped_lines"] = json!(r.gold.skipped.iter().map(|(l, _)| l).collect::<Vec<_>>());
            v["missing_predictions"] = json!(s.missing_predictions);
            v["metrics"] = Value::Object(s.metrics().into_iter().map(|(k, x)| (k.to_string(), json!(x))).collect());
            if let Some(t) = &s.triples {
                v["counts"] = json!(t);
            }
            if let Some(l) = &s.labels {
                v["labels"] = labels_json(l);
            }
            if let Some(c) = &s.codes {
                v["code_labels"] = json!({"n": c.n, "correct": c.correct});
            }
            if let Some(a) = &s.actor_recall {
                v["actor_recall"] = json!({"found": a.found, "total": a.total, "unlocated": a.unlocated, "recall": a.recall()});
            }
            if errors > 0 {
                v["errors"] = json!({
                    "false_positives": s.false_positives.iter().take(errors).map(|m| miss_json(r, m)).collect::<Vec<_>>(),
                    "false_negatives": s.false_negatives.iter().take(errors).map(|m| miss_json(r, m)).collect::<Vec<_>>(),
                });
            }
            v
        })
        .collect();
    let floors = failures.map(|(path, f)| {
        json!({
            "file": path,
            "failures": f.iter().map(|f| json!({"file": f.file, "metric": f.metric, "value": f.value, "floor": f.floor})).collect::<Vec<_>>(),
        })
    });
    json!({"files": files, "floors": floors, "ok": failures.is_none_or(|(_, f)| f.is_empty())})
}
