//! Duplicates across stories: which mentions make one event.
//!
//! Each mention gets a *merge key* and the event id is a hash of that key, so the
//! same input ingested in any order (or in pieces, or re-ingested after a kill)
//! gives the same ids. The rule is a setting of the store ([`MergeRule`]).
//!
//! Every rule puts in the key the mode, the source code, the target code, the full
//! CAMEO code and the location when the mention has one. The rules differ in the
//! date:
//!
//! - `day` (default): the same first and last day, so a day-precise date merges with
//!   the same day and a month-precise date with the same month;
//! - `week`: the same ISO week (Monday to Sunday) of the first day;
//! - `none`: no merging across stories: every mention is its own event.
//!
//! A mention without any date (no date expression and no story date) never merges
//! across stories: its key holds its document id.

use crate::record::MentionIn;
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
            m.location.as_deref().unwrap_or(""),
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
