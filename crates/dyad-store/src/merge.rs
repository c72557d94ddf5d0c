//! Duplicates across stories: which mentions make one event.
//!
//! Each mention gets a *merge key* and the event id is a hash of that key, so the
//! same input ingested in any order (or in pieces, or re-ingested after a kill)
//! gives the same ids. The rule is a setting of the store ([`MergeRule`]).
//!
//! Every rule puts in the key the mode, the source code, the target code and the full
//! CAMEO code. The place is not in the key: reports of one event name its place at
//! different precisions (`in Kyiv`, a `KYIV` dateline, none at all), and a key that
//! held it would split the event. The event's place is instead chosen from its
//! mentions' places ([`event_place`]). The rules differ in the date:
//!
//! - `day` (default): the same first and last day, so a day-precise date merges with
//!   the same day and a month-precise date with the same month;
//! - `week`: the same ISO week (Monday to Sunday) of the first day;
//! - `none`: no merging across stories: every mention is its own event.
//!
//! A mention without any date (no date expression and no story date) never merges
//! across stories: its key holds its document id.

use crate::record::{MentionIn, Place};
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// The cross-story merge rule; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergeRule {
    /// Same source, target, CAMEO code, mode, place and dates.
    #[default]
    Day,
    /// Same source, target, CAMEO code, mode, place and ISO week.
    Week,
    /// No merging across stories.
    None,
}

impl MergeRule {
    /// The rule's name, as stored and written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            MergeRule::Day => "day",
            MergeRule::Week => "week",
            MergeRule::None => "none",
        }
    }

    /// The merge key of a mention of document `doc_id`.
    pub fn key(self, doc_id: &str, m: &MentionIn) -> String {
        let mut k = String::with_capacity(64);
        k.push_str(&m.mode);
        for part in [
            m.source.as_str(),
            m.target.as_deref().unwrap_or(""),
            m.cameo.as_str(),
            // An empty field where the place once was: the ids of stores written
            // before places were stored stay the same.
            "",
        ] {
            k.push('\u{1f}');
            k.push_str(part);
        }
        k.push('\u{1f}');
        let dated = !m.date.is_empty();
        match self {
            MergeRule::Day if dated => {
                k.push_str(&m.date);
                k.push('/');
                k.push_str(m.date_end.as_deref().unwrap_or(""));
            }
            MergeRule::Week if dated => match NaiveDate::parse_from_str(&m.date, "%Y-%m-%d") {
                Ok(d) => {
                    let w = d.iso_week();
                    k.push_str(&format!("{}-W{:02}", w.year(), w.week()));
                }
                Err(_) => k.push_str(&m.date),
            },
            MergeRule::None => {
                k.push_str(&format!("{doc_id}\u{1f}{}\u{1f}{}", m.sentence, m.ordinal));
            }
            _ => {
                k.push_str("undated\u{1f}");
                k.push_str(doc_id);
            }
        }
        k
    }

    /// The event id of a mention: the merge key's 64-bit XXH3 hash with the top bit
    /// cleared (a positive SQLite integer, the same on every machine).
    pub fn event_id(self, doc_id: &str, m: &MentionIn) -> i64 {
        stable_id(&self.key(doc_id, m))
    }
}

/// Whether two places can be the same event's: the same country, the same
/// first-level division when both name one, and the same town when both are towns.
pub fn places_agree(a: &Place, b: &Place) -> bool {
    if a.country != b.country {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.adm1, &b.adm1)
        && x != y
    {
        return false;
    }
    if a.rank() == 3 && b.rank() == 3 {
        return match (&a.feature, &b.feature) {
            (Some(x), Some(y)) => x == y,
            _ => a.name == b.name,
        };
    }
    // A division and a town in it, or a country and anything in it.
    a.rank() != b.rank() || a.name == b.name
}

/// The place of an event from its mentions' places: the place that agrees with the
/// most of them ([`places_agree`]), then the most precise, then the most often
/// named, then the first by name. So `Kyiv` and `Ukraine` give `Kyiv`; `Kyiv`, `Kyiv`
/// and `Lviv` give `Kyiv`; `Kyiv`, `Lviv` and `Ukraine` give `Ukraine` (the reports
/// disagree on the city and agree on the country). The choice depends on the set of places only, never on
/// the order the mentions came in. None when no mention has a place.
pub fn event_place<'a>(places: &[&'a Place]) -> Option<&'a Place> {
    // Distinct places with how often each is named: an event reported a thousand
    // times names a handful of places.
    let mut distinct: Vec<(&'a Place, usize)> = Vec::new();
    for p in places {
        match distinct.iter_mut().find(|(q, _)| q == p) {
            Some((_, n)) => *n += 1,
            None => distinct.push((p, 1)),
        }
    }
    let score = |p: &Place, same: usize| {
        let agree: usize = distinct
            .iter()
            .filter(|(q, _)| places_agree(p, q))
            .map(|(_, n)| n)
            .sum();
        (agree, p.rank(), same)
    };
    distinct
        .iter()
        .max_by(|(a, na), (b, nb)| {
            score(a, *na)
                .cmp(&score(b, *nb))
                // The first by name (then feature, rule) wins a tie: reversed for max_by.
                .then_with(|| b.name.cmp(&a.name))
                .then_with(|| b.feature.cmp(&a.feature))
                .then_with(|| b.how.cmp(&a.how))
        })
        .map(|(p, _)| *p)
}

/// A positive 63-bit id from a string (XXH3-64, top bit cleared).
pub fn stable_id(key: &str) -> i64 {
    (xxhash_rust::xxh3::xxh3_64(key.as_bytes()) & (i64::MAX as u64)) as i64
}

impl fmt::Display for MergeRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MergeRule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(MergeRule::Day),
            "week" => Ok(MergeRule::Week),
            "none" => Ok(MergeRule::None),
            _ => Err(format!(
                "unknown merge rule {s:?} (expected day, week or none)"
            )),
        }
    }
}
