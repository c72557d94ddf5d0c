//! From findings to events: the final code ([`super::frames::frame_code`], then
//! [`super::modes::settle`]), the cues of the confidence model
//! ([`super::confidence`]), which secondary events are too unsure to report, and
//! compounds ([`super::expand`]).

use super::patterns::SentenceView;
use super::{Event, EventCoder, Found, expand, frames, modes, primary};
use crate::codes::ActorCode;

/// Appends the events of the codable findings of one sentence to `out`; `main` is the
/// index of the sentence's main event.
pub(super) fn events(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    sentence: u32,
    found: &[Found],
    main: Option<usize>,
    out: &mut Vec<Event>,
) {
    let mentions = view.mentions;
    for (i, f) in found.iter().enumerate() {
        if !primary::codable(f) {
            continue;
        }
        let (source, weak_source) = match f.source {
            Some((s, weak)) => (Some(s), weak),
            None => (None, false),
        };
        // A secondary event whose source is only the nearest actor is too unsure to
        // report; the sentence's main event is kept, flagged by its confidence.
        // Likewise a secondary event whose source has no known country (`officials`,
        // an unknown agent of a passive).
        let unknown_source = source.is_none_or(|s| mentions[s].unknown_country());
        if (weak_source || unknown_source) && Some(i) != main {
            continue;
        }
        let event = event(coder, view, sentence, f, found, Some(i) == main);
        let before = out.len();
        let pattern = &coder.patterns.entries[f.entry as usize].patterns[f.m.pattern];
        expand::expand(
            event,
            mentions,
            pattern.reciprocal,
            f.m.target.is_some(),
            out,
        );
        expand::drop_repeats(out, before);
    }
}

/// The event of one finding, before compounds are expanded.
fn event(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    sentence: u32,
    f: &Found,
    found: &[Found],
    primary: bool,
) -> Event {
    let mentions = view.mentions;
    let (source, weak_source) = match f.source {
        Some((s, weak)) => (Some(s), weak),
        None => (None, false),
    };
    let ce = &coder.patterns.entries[f.entry as usize];
    let (code, derived_from) = frames::frame_code(coder, f, found);
    let (code, derived_from, mode) = modes::settle(coder, view, f, code, derived_from);
    Event {
        sentence,
        code,
        source,
        source_code: source.map_or(ActorCode::new("---").expect("valid code"), |s| {
            mentions[s].code
        }),
        target: f.target,
        target_code: f.target.map(|t| mentions[t].code),
        trigger_start: f.trigger.0 as u32,
        trigger_end: f.trigger.1 as u32,
        mode,
        primary,
        quote: f.quote,
        group: None,
        rule: ce.patterns[f.m.pattern].origin,
        derived_from,
        // Set by `confidence::assign` once the story's domain is known.
        confidence: 0.0,
        weak_source,
        cues: super::confidence::Cues {
            specificity: f.m.score.min(255) as u8,
            noun: f.noun,
            pattern_target: f.m.target.is_some(),
        },
        lemma: ce.lemma.clone(),
        date: None,
        location: None,
    }
}
