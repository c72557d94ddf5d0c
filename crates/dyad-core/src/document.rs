//! The document model: one news story as read, with its metadata.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// One news story as read from an input.
///
/// `text` is the body as the reader produced it (for HTML, the extracted main
/// content). Every offset dyad reports (sentences, tokens, mentions, events) is a
/// byte offset into this `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: given by the input, else [`content_id`] of the text.
    pub id: String,
    /// Headline, when the input gives one or the reader recognised one.
    pub title: Option<String>,
    /// Canonical URL of the story, when known.
    pub url: Option<String>,
    /// Publication date (the story date against which relative dates resolve).
    pub published: Option<PartialDate>,
    /// Where the document came from: a publisher, a file path, a WARC record.
    pub source: Option<String>,
    /// The body text as read.
    pub text: String,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
}

impl Document {
    /// A document with the given text and an id derived from it; no metadata.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: content_id(&text),
            title: None,
            url: None,
            published: None,
            source: None,
            text,
            language: None,
        }
    }
}

/// A stable id derived from a document's content: `"doc-"` and 16 hex digits of
/// the XXH3-64 hash of the text. XXH3 is specified bit for bit, so the id is the
/// same on every machine and in every version of dyad.
pub fn content_id(text: &str) -> String {
    format!("doc-{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// Year, month and day are known.
    Day,
    /// Year and month are known.
    Month,
    /// Only the year is known.
    Year,
    /// Nothing is known.
    Unknown,
}

/// A calendar date known to day, month or year precision.
///
/// Written and read as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (proleptic Gregorian).
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date known to the day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self::from)
    }

    /// The precision of this date.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day this date covers (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> NaiveDate {
        let m = self.month.unwrap_or(1) as u32;
        let d = self.day.unwrap_or(1) as u32;
        NaiveDate::from_ymd_opt(self.year, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(self.year, 1, 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m as u32 + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "not a date: {input:?} (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYYMMDD, optionally followed by a time)"
)]
pub struct DateError {
    /// The text that was not a date.
    pub input: String,
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Reads `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYYMMDD` and ISO 8601 timestamps
    /// (`2023-03-22T15:01:01Z`, `2023-03-22 01:20:00+00:00`), keeping the date part.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError {
            input: s.to_string(),
        };
        let t = s.trim();
        // Drop a time part: everything from the first 'T' or space after the date.
        let date_part = t.split(['T', ' ']).next().unwrap_or("");
        let bytes = date_part.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = date_part.get(r)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = match bytes.len() {
            4 => (num(0..4), None, None),
            7 if bytes[4] == b'-' => (num(0..4), num(5..7), None),
            8 => (num(0..4), num(4..6), num(6..8)),
            10 if bytes[4] == b'-' && bytes[7] == b'-' => (num(0..4), num(5..7), num(8..10)),
            _ => return Err(err()),
        };
        let y = y.ok_or_else(err)? as i32;
        match (m, d) {
            (None, None) if bytes.len() == 4 => Ok(PartialDate {
                year: y,
                month: None,
                day: None,
            }),
            (Some(m), None) if (1..=12).contains(&m) && bytes.len() == 7 => Ok(PartialDate {
                year: y,
                month: Some(m as u8),
                day: None,
            }),
            (Some(m), Some(d)) => PartialDate::from_ymd(y, m, d).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_date_shapes_inputs_use() {
        let d: PartialDate = "2023-03-22".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2023, Some(3), Some(22)));
        assert_eq!(d.precision(), DatePrecision::Day);
        assert_eq!(
            "19950104".parse::<PartialDate>().unwrap().to_string(),
            "1995-01-04"
        );
        assert_eq!(
            "1987-02-26T15:01:01"
                .parse::<PartialDate>()
                .unwrap()
                .to_string(),
            "1987-02-26"
        );
        assert_eq!(
            "2024-01-07 01:20:00+00:00"
                .parse::<PartialDate>()
                .unwrap()
                .to_string(),
            "2024-01-07"
        );
        assert_eq!(
            "2022-02".parse::<PartialDate>().unwrap().precision(),
            DatePrecision::Month
        );
        assert_eq!(
            "2014".parse::<PartialDate>().unwrap().precision(),
            DatePrecision::Year
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-30",
            "2023-13",
            "20231",
            "March 2023",
            "",
            "2023-3-1",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad} should not parse"
            );
        }
    }

    #[test]
    fn ranges_cover_the_whole_period() {
        let feb: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(feb.first_day().to_string(), "2024-02-01");
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        let y: PartialDate = "2022".parse().unwrap();
        assert_eq!(y.last_day().to_string(), "2022-12-31");
    }

    #[test]
    fn content_ids_are_stable() {
        assert_eq!(content_id("abc"), content_id("abc"));
        assert_ne!(content_id("abc"), content_id("abd"));
        assert_eq!(content_id("abc").len(), 20);
    }
}
