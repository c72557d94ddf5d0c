//! Dates shared by the events and enrichment stages.
//!
//! An [`crate::events::Event`] carries an [`EventDate`] that [`crate::enrich`] sets;
//! both stages import the types from here, so neither imports the other for them and
//! the stage folders read top to bottom as the pipeline.

use chrono::NaiveDate;
use serde::Serialize;

/// What kind of period a date expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// One calendar day (`first == last`).
    Day,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
    /// Any other span of days: a week, a third of a month, `a few days ago`.
    Range,
}

/// An event's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// First day of the period.
    pub first: NaiveDate,
    /// Last day of the period.
    pub last: NaiveDate,
    /// Day, month, year or range.
    pub kind: DateKind,
    /// Byte span of the expression that set it; `None` when it is the story date.
    pub span: Option<(u32, u32)>,
}
