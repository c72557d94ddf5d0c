//! Enrichment: what is attached to coded events after coding.
//!
//! - [`dates`]: date expressions; each event takes the one nearest its trigger in its
//!   sentence, else the story date; an event dated more than two years before the
//!   story (or, when the story has no date, before the latest year it names) is
//!   historical, one dated after the story future ([`attach_dates`]);
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

/// The first day of the latest year (1900 to 2099) written as a number in `text`,
/// leaving out target dates (`by 2030`, `until 2010`): a story that has no date of its
/// own is at least that recent.
fn latest_year(text: &str, seg: &Segmented) -> Option<NaiveDate> {
    use crate::segment::TokenFlags;
    let mut latest = None;
    for (i, t) in seg.tokens.iter().enumerate() {
        let w = &text[t.span()];
        if !t.flags.contains(TokenFlags::NUMBER) || w.len() != 4 {
            continue;
        }
        let Some(year) = w.parse::<i32>().ok().filter(|y| (1900..=2099).contains(y)) else {
            continue;
        };
        let before = i.checked_sub(1).map(|p| seg.norm(&seg.tokens[p]));
        if matches!(before, Some("by" | "until" | "till" | "through" | "before")) {
            continue;
        }
        latest = latest.max(Some(year));
    }
    latest.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
}

/// Days before the story date beyond which an event is historical.
pub const HISTORICAL_DAYS: i64 = 730;

/// Dates every event of a document: the date expression of its sentence nearest its
/// trigger, else the story date. Asserted events dated over [`HISTORICAL_DAYS`]
/// before the story become [`Mode::Historical`], and those dated after it
/// [`Mode::Future`]. A story without a date is taken to be at least as recent as the
/// latest year it names (only to tell history: no event takes that date).
pub fn attach_dates(
    text: &str,
    seg: &Segmented,
    story: Option<NaiveDate>,
    events: &mut [Event],
    buf: &mut Vec<DateMention>,
) {
    let mut current = u32::MAX;
    // Without a story date, the latest year the story names stands in for it when
    // telling history from news (`he quit the government in 1999` in a story that
    // speaks of 2005); it never dates an event.
    let reference = story.or_else(|| latest_year(text, seg));
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
        if let (Some(d), Some(s)) = (e.date, reference)
            && e.mode == Mode::Asserted
        {
            if (s - d.last).num_days() > HISTORICAL_DAYS {
                e.mode = Mode::Historical;
            } else if story.is_some() && d.first > s {
                // `my visit next month`, `the June 3 summit`: what is dated after the
                // story has not happened yet.
                e.mode = Mode::Future;
            }
        }
    }
}
