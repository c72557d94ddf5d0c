//! Enrichment: what is attached to coded events after coding.
//!
//! - [`dates`]: date expressions; each event takes the one nearest its trigger in its
//!   sentence, else the story date; an event dated more than two years before the
//!   story is historical, one dated after it future ([`attach_dates`]);
//! - [`location`]: where each event happened, from the places of its sentence, the
//!   dateline or its target's country ([`location::attach_locations`]);
//! - CAMEO names, Goldstein values, QuadClass and PLOVER categories come from the code
//!   table at output time ([`crate::output`]).

// Keeps every function of the stage short enough to read at once (clippy's default
// threshold, 100 lines of code).
#![warn(clippy::too_many_lines)]

pub mod dates;
pub mod location;

use crate::events::{Event, Mode};
use crate::segment::Segmented;
pub use crate::time::EventDate;
use chrono::NaiveDate;
use dates::{DateKind, DateMention, find_dates};

/// Days before the story date beyond which an event is historical.
pub const HISTORICAL_DAYS: i64 = 730;

/// Dates every event of a document: the date expression of its sentence nearest its
/// trigger, else the story date. Asserted events dated over [`HISTORICAL_DAYS`]
/// before the story become [`Mode::Historical`], and those dated after it
/// [`Mode::Future`].
pub fn attach_dates(
    text: &str,
    seg: &Segmented,
    story: Option<NaiveDate>,
    events: &mut [Event],
    buf: &mut Vec<DateMention>,
) {
    let mut current = u32::MAX;
    for e in events.iter_mut() {
        if e.sentence != current {
            current = e.sentence;
            buf.clear();
            find_dates(text, seg, &seg.sentences[current as usize], story, buf);
        }
        let trigger = e.trigger_start as i64;
        let nearest = buf.iter().min_by_key(|d| {
            (d.first_token as i64 - trigger)
                .abs()
                .min((d.end_token as i64 - 1 - trigger).abs())
        });
        e.date = match nearest {
            Some(d) => Some(EventDate {
                first: d.first,
                last: d.last,
                kind: d.kind,
                span: Some((d.start, d.end)),
            }),
            None => story.map(|s| EventDate {
                first: s,
                last: s,
                kind: DateKind::Day,
                span: None,
            }),
        };
        if let (Some(d), Some(s)) = (e.date, story)
            && e.mode == Mode::Asserted
        {
            if (s - d.last).num_days() > HISTORICAL_DAYS {
                e.mode = Mode::Historical;
            } else if d.first > s {
                // `my visit next month`, `the June 3 summit`: what is dated after the
                // story has not happened yet.
                e.mode = Mode::Future;
            }
        }
    }
}
