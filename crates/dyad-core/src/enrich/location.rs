//! Event locations: where each event happened ([`attach_locations`]).
//!
//! Rules, first that applies:
//! 1. `clause`: the place that the event's clause names after a locative (`in
//!    Kyiv`, `near Bakhmut`, `in the Donetsk region`, `in southern Guyana`, `a visit
//!    to Moscow`) or, for a material act or a visit, a town or division named as the
//!    trigger's object (`shelled Kharkiv`, `visited Kyiv`); one in a country of the
//!    event's actors first, else the nearest the trigger, with no other event's
//!    trigger between them;
//! 2. `dateline`: the dateline's place, when the source's or the target's country is
//!    the dateline's;
//! 3. `target_country`: for material events that land inside the target's country
//!    (CAMEO roots 06-08, 14, 15 and 17-20; not 16, sanctions and expulsions, which
//!    act from afar, nor an international body's coercion such as a court's warrant),
//!    the country of the target;
//! 4. else none: an event is never put in a country that its sentence, its actors or
//!    its dateline do not give.

use crate::events::Event;
use crate::places::{Cue, Feature, FeatureKind, Gazetteer, PlaceInput, PlaceMention, find_places};
use serde::Serialize;

/// Which rule set an event's location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationRule {
    /// A place named in the event's sentence.
    Clause,
    /// The story's dateline.
    Dateline,
    /// The target's country (material events).
    TargetCountry,
}

impl LocationRule {
    /// The rule's name as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationRule::Clause => "clause",
            LocationRule::Dateline => "dateline",
            LocationRule::TargetCountry => "target_country",
        }
    }
}

/// An event's location.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EventLocation {
    /// The gazetteer feature.
    pub feature: Feature,
    /// The place mention that gave it (index into the document's places); `None` for
    /// the target's country.
    pub place: Option<usize>,
    /// The rule that set it.
    pub how: LocationRule,
}

/// Whether an event is a material act that lands inside its target's country.
fn lands_in_target(e: &Event) -> bool {
    match e.code.root_number() {
        6..=8 | 14 | 15 | 18..=20 => true,
        17 => e.source_code.prefix() != "IGO",
        _ => false,
    }
}

/// Finds the document's places (into `places`) and locates every event.
pub fn attach_locations(
    g: &Gazetteer,
    input: &PlaceInput<'_>,
    places: &mut Vec<PlaceMention>,
    events: &mut [Event],
) {
    find_places(g, input, places);
    let dateline = places
        .iter()
        .position(|p| p.cue == Cue::Dateline && p.feature.is_some());
    // Each event looks only at its own sentence's places and triggers: both indexes
    // are sorted by sentence once, so a long story stays linear.
    let mut triggers: Vec<(u32, u32)> = events
        .iter()
        .map(|e| (e.sentence, e.trigger_start))
        .collect();
    triggers.sort_unstable();
    let mut by_sentence: Vec<(u32, usize)> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.sentence, i))
        .collect();
    by_sentence.sort_unstable();
    let starts: Vec<u32> = input
        .seg
        .sentences
        .iter()
        .map(|s| s.tokens.start as u32)
        .collect();
    for e in events.iter_mut() {
        let start = starts.get(e.sentence as usize).copied().unwrap_or(0);
        let here = Here {
            places: in_sentence(&by_sentence, e.sentence),
            triggers: in_sentence(&triggers, e.sentence),
        };
        e.location = clause_place(g, places, &here, start, e)
            .map(|i| EventLocation {
                feature: places[i].feature.expect("resolved"),
                place: Some(i),
                how: LocationRule::Clause,
            })
            .or_else(|| {
                let i = dateline?;
                let f = places[i].feature?;
                let country = g.country(g.info(f).country).1;
                let fits = [Some(e.source_code), e.target_code]
                    .iter()
                    .flatten()
                    .any(|c| c.prefix() == country);
                fits.then_some(EventLocation {
                    feature: f,
                    place: Some(i),
                    how: LocationRule::Dateline,
                })
            })
            .or_else(|| {
                let target = e.target_code.filter(|_| lands_in_target(e))?;
                let country = g.country_by_code(target.prefix())?;
                Some(EventLocation {
                    feature: Feature {
                        kind: FeatureKind::Country,
                        index: country as u32,
                    },
                    place: None,
                    how: LocationRule::TargetCountry,
                })
            });
    }
}

/// Whether an event's object, when it is a place, is where it happened: a material
/// act that lands in its target (`shelled Kharkiv`) or a visit (`visited Kyiv`,
/// CAMEO 042 and 043).
fn object_is_scene(e: &Event) -> bool {
    lands_in_target(e) || matches!(e.code.as_str().get(..3), Some("042" | "043"))
}

/// The entries of `sorted` (sorted by sentence first) that lie in `sentence`.
fn in_sentence<T: Copy>(sorted: &[(u32, T)], sentence: u32) -> &[(u32, T)] {
    let from = sorted.partition_point(|&(s, _)| s < sentence);
    let to = from + sorted[from..].partition_point(|&(s, _)| s == sentence);
    &sorted[from..to]
}

/// An event's sentence: its places (indexes into the story's, in order) and every
/// event's trigger there (first tokens).
struct Here<'a> {
    places: &'a [(u32, usize)],
    triggers: &'a [(u32, u32)],
}

/// Tokens from the sentence start within which a place before the trigger still
/// sets the scene (`In Moscow, Putin met Xi`); further on, a place before the trigger
/// belongs to another phrase (`Regarding the crisis in Ukraine, he said`).
const FRONTED: u32 = 3;

/// The resolved place of the event's clause after a locative (or named as a
/// division, or as the object of a material act or a visit: [`object_is_scene`]),
/// one in its actors' countries first, else nearest its trigger, leaving
/// out the event's own actors. No other
/// event's trigger may stand between the trigger and the place (`the visit to Moscow
/// came after the ICC issued a warrant`: Moscow is the visit's).
fn clause_place(
    g: &Gazetteer,
    places: &[PlaceMention],
    here: &Here<'_>,
    sentence_start: u32,
    e: &Event,
) -> Option<usize> {
    let t = e.trigger_start;
    let between = |a: u32, b: u32| here.triggers.iter().any(|&(_, x)| x != t && a < x && x < b);
    here.places
        .iter()
        .map(|&(_, i)| (i, &places[i]))
        .filter(|(_, p)| {
            p.sentence == e.sentence
                && p.feature.is_some()
                && (p.locative
                    || p.cue == Cue::Division
                    || (p.phrase_start == e.trigger_end
                        && object_is_scene(e)
                        && p.feature.is_some_and(|f| f.kind != FeatureKind::Country)))
                && if p.first_token >= t {
                    !between(t, p.first_token)
                } else {
                    p.first_token <= sentence_start + FRONTED && !between(p.end_token, t)
                }
        })
        .min_by_key(|(_, p)| {
            let t = e.trigger_start;
            // A place in one of the event's actors' countries first (`wars in Iraq and
            // Afghanistan`: the Afghan war's is Afghanistan); then after the trigger
            // (`met ... in Moscow`), then before it.
            let fits = p.feature.is_some_and(|f| {
                let country = g.country(g.info(f).country).1;
                [Some(e.source_code), e.target_code]
                    .iter()
                    .flatten()
                    .any(|c| c.prefix() == country)
            });
            let near = if p.first_token >= t {
                (0, p.first_token - t)
            } else {
                (1, t.saturating_sub(p.end_token))
            };
            (!fits, near)
        })
        .map(|(i, _)| i)
}
