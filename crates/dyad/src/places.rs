//! `dyad places`: the place mentions of each sentence (and of the dateline) with
//! their resolution, one JSON object per sentence that has any, like `dyad actors`.

use crate::{Global, InputArgs};
use anyhow::Result;
use dyad_core::Document;
use dyad_core::output::{LocationRecord, location_record};
use dyad_core::pipeline::Analysis;
use dyad_core::places::{Cue, PlaceMention};
use serde::Serialize;
use std::process::ExitCode;

/// One place mention as printed.
#[derive(Serialize)]
struct PlaceRecord<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    /// How it was found: dictionary, capital, locative, division, country, dateline.
    cue: Cue,
    /// A locative word comes before it.
    locative: bool,
    /// The gazetteer feature, or null when it stays unresolved.
    resolved: Option<LocationRecord>,
    /// Gazetteer candidates weighed.
    candidates: u32,
    /// Why this feature, or why none.
    why: &'static str,
}

/// The places of one sentence (`sentence` is null for the dateline).
#[derive(Serialize)]
struct PlacesRecord<'a> {
    doc_id: &'a str,
    sentence: Option<u32>,
    start: usize,
    end: usize,
    text: &'a str,
    places: Vec<PlaceRecord<'a>>,
}

fn place_record<'a>(doc: &'a Document, p: &PlaceMention) -> PlaceRecord<'a> {
    PlaceRecord {
        text: p.text(&doc.text),
        start: p.start,
        end: p.end,
        cue: p.cue,
        locative: p.locative,
        resolved: p.feature.map(|f| location_record(f, "place")),
        candidates: p.candidates,
        why: p.why,
    }
}

/// The records of an analysed document: the dateline's, then one per sentence.
fn records<'a>(doc: &'a Document, a: &Analysis) -> Vec<PlacesRecord<'a>> {
    let mut out = Vec::new();
    if let Some(d) = a.places.iter().find(|p| p.cue == Cue::Dateline) {
        out.push(PlacesRecord {
            doc_id: &doc.id,
            sentence: None,
            start: d.start as usize,
            end: d.end as usize,
            text: d.text(&doc.text),
            places: vec![place_record(doc, d)],
        });
    }
    for s in &a.segmented.sentences {
        let places: Vec<PlaceRecord<'a>> = a
            .places
            .iter()
            .filter(|p| p.sentence == s.index)
            .map(|p| place_record(doc, p))
            .collect();
        if !places.is_empty() {
            out.push(PlacesRecord {
                doc_id: &doc.id,
                sentence: Some(a.window.first_sentence + s.index),
                start: s.start,
                end: s.end,
                text: &doc.text[s.start..s.end],
                places,
            });
        }
    }
    out
}

/// `dyad places`.
pub fn places(global: &Global, input: &InputArgs) -> Result<ExitCode> {
    let pipeline = crate::run::pipeline(global)?;
    crate::run::process(
        global,
        &input.inputs,
        "sentences with places",
        crate::run::Coding::Yes,
        |doc, a, buf| {
            let mut n = 0;
            let window = dyad_core::pipeline::WINDOW_BYTES;
            pipeline.analyze_windows(doc, None, window, a, |a| {
                let records = records(doc, a);
                for r in &records {
                    crate::run::write_json(buf, r);
                }
                n += records.len() as u64;
            });
            n
        },
    )
}
