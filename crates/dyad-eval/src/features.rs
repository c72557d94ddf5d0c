//! `dyad eval --dump-features FILE`: one JSON line per coded event of every gold
//! record, with the confidence model's features (`dyad_core::events::confidence`) and
//! whether the event is right, for `scripts/train-confidence.py`.
//!
//! An event is right when the scorer would credit it: for triple files, it is matched
//! by the one-to-one triple matching (the events the relevance rules let through and
//! the ones they withhold are matched separately, each as if shown alone; the
//! confidence threshold plays no part, so that the model does not train on its own
//! output); for sentence-label files,
//! its own label equals the gold label (the root, for `cameo_manual`). Events the
//! scorer cannot judge (no PLOVER category, no label) are left out.

use crate::gold::{GoldRecord, Kind};
use crate::score::{self, PloverMap, PredEvent};
use dyad_core::Document;
use dyad_core::events::confidence::{features, names};
use dyad_core::output::passes_rules;
use dyad_core::pipeline::{Analysis, Pipeline};
use serde_json::{Map, Value, json};
use std::io::Write;

/// Whether each event of `events` is right against `g` (`None`: not judged).
pub fn labels(
    kind: Kind,
    g: &GoldRecord,
    events: &[PredEvent],
    plover: PloverMap<'_>,
) -> Vec<Option<bool>> {
    if kind.is_triples() {
        return score::matched_events(kind, g, events, plover);
    }
    let gold = g.label.as_deref().unwrap_or("");
    events
        .iter()
        .map(|e| {
            let l = score::event_label(kind, &e.code, plover)?;
            Some(if kind == Kind::CameoManual {
                l.get(..2) == gold.get(..2)
            } else {
                l == gold
            })
        })
        .collect()
}

/// Codes every record and writes its events' rows to `out`; `file` names the gold file.
pub fn dump(
    pipeline: &Pipeline,
    file: &str,
    kind: Kind,
    records: &[GoldRecord],
    plover: PloverMap<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut a = Analysis::default();
    for r in records {
        let mut doc = Document::from_text(r.text.as_str());
        doc.published = r.date;
        pipeline.analyze(&doc, None, &mut a);
        let shown: Vec<bool> = a.events.iter().map(|e| passes_rules(e, &a)).collect();
        let mut label = vec![None; a.events.len()];
        for side in [true, false] {
            let idx: Vec<usize> = (0..a.events.len()).filter(|&i| shown[i] == side).collect();
            let preds: Vec<PredEvent> = idx
                .iter()
                .map(|&i| {
                    let e = &a.events[i];
                    PredEvent::new(
                        e.source_code.as_str(),
                        e.target_code.as_ref().map(|t| t.as_str()),
                        e.code.as_str(),
                        e.primary,
                    )
                })
                .collect();
            for (&i, l) in idx.iter().zip(labels(kind, r, &preds, plover)) {
                label[i] = l;
            }
        }
        for (i, e) in a.events.iter().enumerate() {
            let Some(right) = label[i] else { continue };
            let x = features(e, &a.mentions, &a.domain);
            let fx: Map<String, Value> = names()
                .iter()
                .zip(x)
                .filter(|(_, v)| *v != 0.0)
                .map(|(n, v)| (n.clone(), json!(v)))
                .collect();
            let row = json!({
                "file": file,
                "id": r.id,
                "code": e.code.as_str(),
                "shown": shown[i],
                "label": u8::from(right),
                "confidence": e.confidence,
                "x": fx,
            });
            serde_json::to_writer(&mut *out, &row)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plover(code: &str) -> Option<String> {
        match code.get(..2)? {
            "19" => Some("ASSAULT".into()),
            "04" => Some("CONSULT".into()),
            _ => None,
        }
    }

    #[test]
    fn triple_events_are_right_when_matched_and_label_events_when_equal() {
        let mut g = GoldRecord::new("a", "t");
        g.events.push(crate::gold::GoldEvent {
            source: Some("RUS".into()),
            target: Some("UKR".into()),
            code: "ASSAULT".into(),
        });
        let events = [
            PredEvent::new("RUSMIL", Some("UKR"), "190", true),
            PredEvent::new("RUSMIL", Some("UKR"), "193", false),
            PredEvent::new("RUS", None, "010", false),
        ];
        let l = labels(Kind::PloverTriples, &g, &events, &plover);
        // One gold event: one of the two assaults is matched, the statement not judged.
        assert_eq!(l.iter().filter(|x| **x == Some(true)).count(), 1);
        assert_eq!(l.iter().filter(|x| **x == Some(false)).count(), 1);
        assert_eq!(l[2], None);
        let mut g = GoldRecord::new("b", "t");
        g.label = Some("1823".into());
        let events = [
            PredEvent::new("RUS", None, "1831", true),
            PredEvent::new("RUS", None, "0431", true),
        ];
        let l = labels(Kind::CameoManual, &g, &events, &plover);
        assert_eq!(l, vec![Some(true), Some(false)]);
    }
}
