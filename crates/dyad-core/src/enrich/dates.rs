//! Date expressions in a sentence, resolved against the story date.
//!
//! [`find_dates`] walks the tokens of one sentence and reports each date expression
//! it recognises as a [`DateMention`]: its token and byte span and the period it
//! denotes (`first..=last`). Absolute dates resolve on their own; relative ones
//! (`yesterday`, `last week`, `on Tuesday`, `in March`, `three days ago`) need the
//! story date and are skipped without one.
//!
//! Written by hand: the date crates (`chrono-english`, `dateparser`, `two_timer`)
//! parse a whole string that *is* a date, not expressions inside running text with
//! token offsets, and none follows news conventions such as a bare weekday meaning
//! the most recent such day. The grammar here is small and runs in one pass with no
//! allocation beyond the output.
//!
//! Conventions (English news):
//!
//! - A bare weekday (`on Tuesday`) is the most recent such day up to the story date
//!   (the story date itself for its own weekday); `last Tuesday` is strictly before
//!   it, `next Tuesday` strictly after.
//! - A month or month-day without a year (`in March`, `on December 3`) is the most
//!   recent one not after the story date. When its clause has a future cue (`will`,
//!   `scheduled`, `due`, `ahead of`...) it is the *nearest* one instead, so that
//!   `the vote will be held on March 28` looks forward while `the truce agreed on
//!   March 10 will hold` still looks back; a weekday with a future cue is the next
//!   one on or after the story date.
//! - `last week` / `this week` / `next week` are Monday-Sunday calendar weeks;
//!   `last month` and `last year` calendar months and years; `the past week` and
//!   `the past two days` rolling periods ending on the story date.
//! - `N days ago` is a day; `N weeks ago` the calendar week holding the day N weeks
//!   back; `N months ago` a month; `N years ago` a year; `a few days ago` the range
//!   from 7 to 2 days back.
//! - `early` / `mid-` / `late` narrow a month, year or decade to its first, middle or
//!   last third; `earlier this month` runs from the 1st to the story date.
//! - A year alone must be 1900-2099 and follow a preposition (`in 2014`, `since
//!   2014`) or a modifier (`late 2014`), or a month (`March 2014`).
//! - Expressions relative to another event (`three weeks before`, `the following
//!   Monday`, `the previous day`) and vague ones (`recently`) are not dates here.
//!
//! Prepositions are not part of a span (`in 2014` spans `2014`); determiners and
//! modifiers are (`last week`, `early March`).

use crate::document::PartialDate;
use crate::segment::{Segmented, Sentence, Token, TokenFlags};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

pub use crate::time::DateKind;

/// One date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Index of its first token in [`Segmented::tokens`].
    pub first_token: u32,
    /// Index one past its last token in [`Segmented::tokens`].
    pub end_token: u32,
    /// Byte offset of its first byte in the document text.
    pub start: u32,
    /// Byte offset one past its last byte in the document text.
    pub end: u32,
    /// The first day of the period it denotes.
    pub first: NaiveDate,
    /// The last day of the period it denotes (`first` for a day).
    pub last: NaiveDate,
    /// What kind of period it is.
    pub kind: DateKind,
}

impl DateMention {
    /// The period as a [`PartialDate`], for days, months and years (`None` for a
    /// [`DateKind::Range`]).
    pub fn partial_date(&self) -> Option<PartialDate> {
        let (y, m) = (self.first.year(), self.first.month() as u8);
        match self.kind {
            DateKind::Day => Some(PartialDate::from(self.first)),
            DateKind::Month => Some(PartialDate {
                year: y,
                month: Some(m),
                day: None,
            }),
            DateKind::Year => Some(PartialDate {
                year: y,
                month: None,
                day: None,
            }),
            DateKind::Range => None,
        }
    }
}

/// Finds the date expressions of one sentence, resolved against the story date
/// (`None`: only absolute dates resolve), and appends them to `out` in text order.
/// Mentions do not overlap.
pub fn find_dates(
    text: &str,
    seg: &Segmented,
    sentence: &Sentence,
    story: Option<NaiveDate>,
    out: &mut Vec<DateMention>,
) {
    let base = sentence.tokens.start;
    let scan = Scan {
        seg,
        toks: seg.sentence_tokens(sentence),
        story,
    };
    let n = scan.toks.len();
    let mut i = 0;
    while i < n {
        let Some((end, p)) = scan.at(i) else {
            i += 1;
            continue;
        };
        let end = end.clamp(i + 1, n);
        let (a, b) = (&scan.toks[i], &scan.toks[end - 1]);
        debug_assert!(a.start <= b.end && b.end as usize <= text.len());
        out.push(DateMention {
            first_token: (base + i) as u32,
            end_token: (base + end) as u32,
            start: a.start,
            end: b.end,
            first: p.first,
            last: p.last,
            kind: p.kind,
        });
        i = end;
    }
}

/// A resolved period; `first <= last` by construction.
#[derive(Debug, Clone, Copy)]
struct Period {
    first: NaiveDate,
    last: NaiveDate,
    kind: DateKind,
}

impl Period {
    fn day(d: NaiveDate) -> Self {
        Period {
            first: d,
            last: d,
            kind: DateKind::Day,
        }
    }

    fn range(first: NaiveDate, last: NaiveDate) -> Option<Self> {
        if first > last {
            return None;
        }
        Some(Period {
            first,
            last,
            kind: if first == last {
                DateKind::Day
            } else {
                DateKind::Range
            },
        })
    }

    fn month(y: i32, m: u32) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Period {
            first,
            last,
            kind: DateKind::Month,
        })
    }

    fn year(y: i32) -> Option<Self> {
        Some(Period {
            first: NaiveDate::from_ymd_opt(y, 1, 1)?,
            last: NaiveDate::from_ymd_opt(y, 12, 31)?,
            kind: DateKind::Year,
        })
    }

    fn years(y1: i32, y2: i32) -> Option<Self> {
        Period::range(
            NaiveDate::from_ymd_opt(y1, 1, 1)?,
            NaiveDate::from_ymd_opt(y2, 12, 31)?,
        )
    }

    /// The Monday-Sunday week holding `d`.
    fn week_of(d: NaiveDate) -> Option<Self> {
        let monday = add_days(d, -i64::from(d.weekday().num_days_from_monday()))?;
        Period::range(monday, add_days(monday, 6)?)
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// How a determiner anchors a weekday, month or calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Plain,
    This,
    Last,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Early,
    Mid,
    Late,
    /// `earlier this month`: from the start of the period to the story date.
    Earlier,
    /// `later this week`: from the story date to the end of the period.
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Exact(u32),
    /// `a few`, `several`, or a bare plural (`days ago`).
    Few,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

fn unit_of(w: &str) -> Option<Unit> {
    Some(match w {
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

/// The month of a month name or abbreviation (`march`, `mar.`, `sept`), and
/// whether it is an abbreviation.
fn month_of(w: &str) -> Option<(u32, bool)> {
    let base = w.strip_suffix('.').unwrap_or(w);
    Some(match base {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Month names that are also common words (`may`, `march`, `mar`): these count
/// only when capitalised.
fn ambiguous_month(w: &str) -> bool {
    matches!(w.strip_suffix('.').unwrap_or(w), "may" | "march" | "mar")
}

/// Days from Monday (0) to Sunday (6).
fn weekday_of(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

fn all_digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A day of the month: `21`, `03`, `21st`, `2nd`.
fn day_num(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 || !all_digits(digits)
    {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A plausible year: four digits, 1900 to 2099.
fn year_num(w: &str) -> Option<i32> {
    if w.len() != 4 || !all_digits(w) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1900..=2099).contains(&y).then_some(y)
}

/// A decade: `1990s`.
fn decade_num(w: &str) -> Option<i32> {
    let y = year_num(w.strip_suffix('s')?)?;
    (y % 10 == 0).then_some(y)
}

/// A small count in digits or words.
fn number_word(w: &str) -> Option<u32> {
    if all_digits(w) {
        return if w.len() <= 4 { w.parse().ok() } else { None };
    }
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Prepositions that make a bare year or month name a date (`in 2014`, `since
/// March`).
fn date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "during"
            | "by"
            | "until"
            | "till"
            | "through"
            | "throughout"
            | "before"
            | "after"
            | "from"
            | "between"
    )
}

/// The stricter set for `May` and `March` (`by May` may be Theresa May).
fn strict_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since" | "during" | "until" | "till" | "throughout"
    )
}

/// Words after a number that make it a quantity, not a date (`in 2014 people`).
fn quantity_word(w: &str) -> bool {
    matches!(
        w,
        "%" | "percent"
            | "per"
            | "people"
            | "persons"
            | "votes"
            | "troops"
            | "soldiers"
            | "civilians"
            | "deaths"
            | "cases"
            | "seats"
            | "dollars"
            | "euros"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "metres"
            | "meters"
            | "tons"
            | "tonnes"
            | "units"
            | "points"
    )
}

/// Words that announce the future within a clause.
fn future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "wo"
            | "scheduled"
            | "due"
            | "planned"
            | "plans"
            | "plan"
            | "planning"
            | "upcoming"
            | "expected"
            | "expects"
            | "slated"
            | "ahead"
            | "forthcoming"
    )
}

/// Words that start a new clause, or report speech (`said he will`), ending the
/// search for a future cue.
fn clause_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "announced"
            | "added"
            | "stated"
            | "reported"
            | "warned"
            | "claimed"
            | "confirmed"
            | "insisted"
            | "that"
            | "which"
            | "who"
            | "when"
            | "after"
            | "since"
            | "while"
            | "but"
            | "because"
            | "although"
            | "though"
            | "where"
    )
}

struct Scan<'a> {
    seg: &'a Segmented,
    toks: &'a [Token],
    story: Option<NaiveDate>,
}

impl<'a> Scan<'a> {
    /// The normalised form of token `i` of the sentence, `""` past its end.
    fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.seg.norm(t),
            None => "",
        }
    }

    fn prev(&self, i: usize) -> &'a str {
        if i == 0 { "" } else { self.w(i - 1) }
    }

    fn flag(&self, i: usize, f: TokenFlags) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags.contains(f))
    }

    /// Token `i` exists and touches the token before it (`2023-03-21`).
    fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some() && !self.flag(i, TokenFlags::SPACE_BEFORE)
    }

    /// A month name at `i` that may be read as one (capitalised if ambiguous).
    fn month(&self, i: usize) -> Option<(u32, bool)> {
        let w = self.w(i);
        let m = month_of(w)?;
        if ambiguous_month(w) && !self.flag(i, TokenFlags::CAPITALIZED) {
            return None;
        }
        Some(m)
    }

    /// The date expression starting at token `i`: its end and its period.
    fn at(&self, i: usize) -> Option<(usize, Period)> {
        if let Some((k, m)) = self.modifier(i) {
            let ok = match m {
                Modifier::Earlier | Modifier::Later => matches!(self.w(k), "this" | "today"),
                _ => true,
            };
            if ok
                && let Some((end, p)) = self.core(k, true)
                && let Some(p) = self.apply(m, p)
            {
                return Some((end, p));
            }
        }
        self.core(i, false)
    }

    /// `early`, `mid-`, `late`, `the end of`, `earlier`, `later`: the modifier at
    /// `i` and where what it modifies starts.
    fn modifier(&self, i: usize) -> Option<(usize, Modifier)> {
        let (mut k, m) = match self.w(i) {
            "early" => (i + 1, Modifier::Early),
            "mid" => (i + 1, Modifier::Mid),
            "late" => (i + 1, Modifier::Late),
            "earlier" => (i + 1, Modifier::Earlier),
            "later" => (i + 1, Modifier::Later),
            "beginning" | "start" if self.w(i + 1) == "of" => (i + 2, Modifier::Early),
            "middle" if self.w(i + 1) == "of" => (i + 2, Modifier::Mid),
            "end" if self.w(i + 1) == "of" => (i + 2, Modifier::Late),
            _ => return None,
        };
        // `mid-March`, `early in 2014`.
        let thirds = matches!(m, Modifier::Early | Modifier::Mid | Modifier::Late);
        if thirds
            && ((self.w(k) == "-" && self.joined(k)) || (self.w(k) == "in" && m != Modifier::Mid))
        {
            k += 1;
        }
        Some((k, m))
    }

    fn apply(&self, m: Modifier, p: Period) -> Option<Period> {
        let (first, last) = (p.first, p.last);
        match m {
            Modifier::Earlier => Period::range(first, last.min(self.story?)),
            Modifier::Later => Period::range(first.max(self.story?), last),
            _ if p.kind == DateKind::Day => Some(p),
            _ if p.kind == DateKind::Year => {
                let y = first.year();
                let (a, b) = match m {
                    Modifier::Early => (1, 4),
                    Modifier::Mid => (5, 8),
                    _ => (9, 12),
                };
                Period::range(Period::month(y, a)?.first, Period::month(y, b)?.last)
            }
            _ if first.month() == 1
                && first.day() == 1
                && last.month() == 12
                && last.day() == 31
                && last.year() - first.year() == 9 =>
            {
                let y = first.year();
                let (a, b) = match m {
                    Modifier::Early => (0, 3),
                    Modifier::Mid => (4, 6),
                    _ => (7, 9),
                };
                Period::years(y + a, y + b)
            }
            _ => {
                let len = (last - first).num_days() + 1;
                if len < 3 {
                    return Some(p);
                }
                let third = len / 3;
                match m {
                    Modifier::Early => Period::range(first, add_days(first, third - 1)?),
                    Modifier::Mid => {
                        Period::range(add_days(first, third)?, add_days(first, 2 * third - 1)?)
                    }
                    _ => Period::range(add_days(first, 2 * third)?, last),
                }
            }
        }
    }

    /// A date expression at `i` without a leading modifier. `modded`: a modifier
    /// came before, which is context enough for a bare month or year.
    fn core(&self, i: usize, modded: bool) -> Option<(usize, Period)> {
        let w = self.w(i);
        let b = *w.as_bytes().first()?;
        if b.is_ascii_digit() {
            return self
                .numeric_date(i)
                .or_else(|| self.day_led(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.year_led(i, modded))
                .or_else(|| self.decade(i, modded));
        }
        if !b.is_ascii_alphabetic() {
            return None;
        }
        if weekday_of(w).is_some() {
            return self.weekday_led(i, Rel::Plain, i);
        }
        if month_of(w).is_some() {
            return self.month_led(i, Rel::Plain, modded);
        }
        match w {
            "today" | "tonight" => Some((i + 1, Period::day(self.story?))),
            "yesterday" | "tomorrow" => {
                let d = add_days(self.story?, if w == "yesterday" { -1 } else { 1 })?;
                Some((self.part_of_day(i + 1), Period::day(d)))
            }
            "this" | "last" | "next" | "past" | "coming" => self.relative(i),
            "the" => self.the_weekend(i),
            _ => self.ago(i),
        }
    }

    /// Skips `night`, `morning`... after a day.
    fn part_of_day(&self, k: usize) -> usize {
        match self.w(k) {
            "night" | "morning" | "afternoon" | "evening" => k + 1,
            _ => k,
        }
    }

    /// Whether the clause around tokens `start..end` speaks of the future.
    fn future_cue(&self, start: usize, end: usize) -> bool {
        let boundary = |j: usize| {
            let w = self.w(j);
            (self.flag(j, TokenFlags::PUNCT) && w != "-") || clause_word(w)
        };
        let cue = |j: usize| {
            let w = self.w(j);
            future_word(w) || (matches!(w, "set" | "going") && self.w(j + 1) == "to")
        };
        for j in (start.saturating_sub(8)..start).rev() {
            if boundary(j) {
                break;
            }
            if cue(j) {
                return true;
            }
        }
        // A fronted date ("On Friday, the council will vote") looks ahead.
        if start == 0 || (start == 1 && matches!(self.w(0), "on" | "in" | "by")) {
            let mut j = end;
            if self.w(j) == "," {
                j += 1;
            }
            let limit = (j + 8).min(self.toks.len());
            while j < limit && !boundary(j) {
                if cue(j) {
                    return true;
                }
                j += 1;
            }
        }
        false
    }

    /// `2023-03-21`, `2023/03/21`, `21/03/2023` (only when unambiguous), `21.03.2023`.
    fn numeric_date(&self, i: usize) -> Option<(usize, Period)> {
        let w = self.w(i);
        if w.contains('.') {
            // One token: the tokenizer joins digits across inner periods (and
            // keeps a sentence-final period with them).
            let mut parts = w.strip_suffix('.').unwrap_or(w).split('.');
            let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || ![a, b, c].into_iter().all(all_digits) {
                return None;
            }
            let d = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
                NaiveDate::from_ymd_opt(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
            } else if a.len() <= 2 && b.len() <= 2 && c.len() == 4 {
                // Dotted day-first is the European convention.
                NaiveDate::from_ymd_opt(c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
            } else {
                None
            }?;
            if !(1900..=2099).contains(&d.year()) {
                return None;
            }
            return Some((i + 1, Period::day(d)));
        }
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/") || self.w(i + 3) != sep || !(1..=4).all(|k| self.joined(i + k))
        {
            return None;
        }
        let (a, b, c) = (w, self.w(i + 2), self.w(i + 4));
        if ![a, b, c].into_iter().all(all_digits) {
            return None;
        }
        let (y, m, d) = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            (year_num(a)?, b.parse().ok()?, c.parse().ok()?)
        } else if a.len() <= 2 && b.len() <= 2 && c.len() == 4 {
            let (x, z): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            let (m, d) = if x > 12 || x == z {
                (z, x)
            } else if z > 12 {
                (x, z)
            } else {
                return None; // 03/04/2023: day-first or month-first?
            };
            (year_num(c)?, m, d)
        } else {
            return None;
        };
        Some((i + 5, Period::day(NaiveDate::from_ymd_opt(y, m, d)?)))
    }

    /// A year after a day or month: `, 2023`, `2023`, `of 2023`.
    fn year_after(&self, k: usize) -> (Option<i32>, usize) {
        let at = |j: usize| year_num(self.w(j)).filter(|_| !quantity_word(self.w(j + 1)));
        if matches!(self.w(k), "," | "of")
            && let Some(y) = at(k + 1)
        {
            return (Some(y), k + 2);
        }
        match at(k) {
            Some(y) => (Some(y), k + 1),
            None => (None, k),
        }
    }

    /// A day (or days `d..=d2`) of month `m`, in `year` or resolved against the
    /// story date; `start..end` is the expression.
    fn month_day(
        &self,
        start: usize,
        end: usize,
        m: u32,
        d: u32,
        d2: Option<u32>,
        year: Option<i32>,
    ) -> Option<(usize, Period)> {
        let first = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d)?,
            None if m == 9 && d == 11 && d2.is_none() && self.sept_11(end) => {
                NaiveDate::from_ymd_opt(2001, 9, 11)?
            }
            None => {
                let story = self.story?;
                let this = NaiveDate::from_ymd_opt(story.year(), m, d)?;
                let shifted = |dy: i32| NaiveDate::from_ymd_opt(story.year() + dy, m, d);
                let past = if this <= story {
                    Some(this)
                } else {
                    shifted(-1)
                };
                let future = if this >= story {
                    Some(this)
                } else {
                    shifted(1)
                };
                match (past, future) {
                    (Some(p), Some(f)) if self.future_cue(start, end) => {
                        if (f - story) < (story - p) { f } else { p }
                    }
                    (p, f) => p.or(f)?,
                }
            }
        };
        let p = match d2 {
            Some(d2) => Period::range(first, NaiveDate::from_ymd_opt(first.year(), m, d2)?)?,
            None => Period::day(first),
        };
        Some((end, p))
    }

    /// `Sept. 11 attacks` and the like name 2001.
    fn sept_11(&self, end: usize) -> bool {
        matches!(
            self.w(end),
            "attack" | "attacks" | "terror" | "terrorist" | "hijackers" | "commission"
        )
    }

    /// Month-led expressions: `March 21`, `March 21-22, 2023`, `March 2022`,
    /// `February last year`, `in March`, `from January to March`.
    fn month_led(&self, i: usize, rel: Rel, modded: bool) -> Option<(usize, Period)> {
        let (m, abbr) = self.month(i)?;
        let k = i + 1;
        if rel == Rel::Plain
            && let Some(d) = day_num(self.w(k))
            && !quantity_word(self.w(k + 1))
        {
            let mut end = k + 1;
            let mut d2 = None;
            if self.w(end) == "-"
                && let Some(x) = day_num(self.w(end + 1))
                && x > d
            {
                d2 = Some(x);
                end += 2;
            }
            let (year, end) = self.year_after(end);
            return self.month_day(i, end, m, d, d2, year);
        }
        if let (Some(y), end) = self.year_after(k) {
            return Some((end, Period::month(y, m)?));
        }
        let story = self.story?;
        // `February last year`, `March of this year`.
        let kk = if self.w(k) == "of" { k + 1 } else { k };
        if self.w(kk + 1) == "year" {
            let dy = match self.w(kk) {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(dy) = dy {
                return Some((kk + 2, Period::month(story.year() + dy, m)?));
            }
        }
        // A bare month needs context.
        let prev = self.prev(i);
        let relaxed = rel != Rel::Plain || modded;
        let ctx = relaxed
            || if ambiguous_month(self.w(i)) {
                strict_preposition(prev)
            } else {
                date_preposition(prev) || matches!(prev, "to" | "and" | "of")
            };
        if !ctx || (abbr && !relaxed && !self.w(i).ends_with('.')) {
            return None;
        }
        if matches!(
            prev,
            "following" | "previous" | "preceding" | "same" | "that" | "every" | "each"
        ) {
            return None;
        }
        // `from January to March`: one range.
        let conn = self.w(k);
        if rel == Rel::Plain
            && (matches!(conn, "to" | "through" | "until" | "-")
                || (conn == "and" && prev == "between"))
            && let Some((m2, _)) = self.month(k + 1)
            && day_num(self.w(k + 2)).is_none()
        {
            let (y2, end) = match self.year_after(k + 2) {
                (Some(y), end) => (y, end),
                (None, end) => (self.month_year(m2, Rel::Plain, i, end), end),
            };
            let y1 = if m <= m2 { y2 } else { y2 - 1 };
            let p = Period::range(Period::month(y1, m)?.first, Period::month(y2, m2)?.last)?;
            return Some((end, p));
        }
        Some((k, Period::month(self.month_year(m, rel, i, k), m)?))
    }

    /// The year of month `m` (without a year in the text) as anchored by `rel`.
    fn month_year(&self, m: u32, rel: Rel, start: usize, end: usize) -> i32 {
        let Some(story) = self.story else {
            return 0;
        };
        let (y, sm) = (story.year(), story.month());
        match rel {
            Rel::This => y,
            Rel::Last => {
                if m < sm {
                    y
                } else {
                    y - 1
                }
            }
            Rel::Next => {
                if m > sm {
                    y
                } else {
                    y + 1
                }
            }
            Rel::Plain => {
                // A month ahead is this year's only if the clause looks forward
                // and it is nearer than last year's.
                let ahead = m as i32 - sm as i32;
                if ahead <= 0 || (ahead < 6 && self.future_cue(start, end)) {
                    y
                } else {
                    y - 1
                }
            }
        }
    }

    /// Day-led expressions: `21 March`, `21st of March 2023`, `21-22 March`.
    fn day_led(&self, i: usize) -> Option<(usize, Period)> {
        let w = self.w(i);
        let d = day_num(w)?;
        let mut k = i + 1;
        let mut d2 = None;
        if self.w(k) == "-"
            && self.joined(k)
            && let Some(x) = day_num(self.w(k + 1))
            && x > d
        {
            d2 = Some(x);
            k += 2;
        }
        if self.w(k) == "of" && !all_digits(w) {
            k += 1;
        }
        let (m, _) = self.month(k)?;
        let (year, end) = self.year_after(k + 1);
        self.month_day(i, end, m, d, d2, year)
    }

    /// A year after a preposition or modifier: `in 2014`, `late 2014`, `between
    /// 2014 and 2016`, `from 2014 to 2016`, `2014-16`.
    fn year_led(&self, i: usize, modded: bool) -> Option<(usize, Period)> {
        let y = year_num(self.w(i))?;
        let prev = self.prev(i);
        if !(modded || date_preposition(prev)) || quantity_word(self.w(i + 1)) {
            return None;
        }
        let conn = self.w(i + 1);
        if matches!(conn, "-" | "to" | "through" | "until" | "till")
            || (conn == "and" && prev == "between")
        {
            let next = self.w(i + 2);
            let y2 = year_num(next).or_else(|| {
                (conn == "-" && self.joined(i + 2) && next.len() == 2 && all_digits(next))
                    .then(|| y - y % 100 + next.parse::<i32>().unwrap_or(0))
            });
            if let Some(y2) = y2.filter(|&y2| y2 > y)
                && !quantity_word(self.w(i + 3))
            {
                return Some((i + 3, Period::years(y, y2)?));
            }
        }
        Some((i + 1, Period::year(y)?))
    }

    /// `in the 1990s`, `the early 2000s`.
    fn decade(&self, i: usize, modded: bool) -> Option<(usize, Period)> {
        let y = decade_num(self.w(i))?;
        let prev = self.prev(i);
        let ctx = modded
            || date_preposition(prev)
            || (prev == "the" && i >= 2 && date_preposition(self.w(i - 2)));
        if !ctx {
            return None;
        }
        Some((i + 1, Period::years(y, y + 9)?))
    }

    /// A weekday at `i` (after a determiner at `start` when `rel` is not plain):
    /// `Tuesday`, `Monday night`, `next Monday`, `Tuesday, March 21`.
    fn weekday_led(&self, i: usize, rel: Rel, start: usize) -> Option<(usize, Period)> {
        let wd = weekday_of(self.w(i))?;
        if rel == Rel::Plain {
            let prev = self.prev(i);
            if matches!(
                prev,
                "following"
                    | "previous"
                    | "preceding"
                    | "same"
                    | "that"
                    | "every"
                    | "each"
                    | "good"
                    | "black"
                    | "bloody"
                    | "holy"
                    | "ash"
                    | "palm"
                    | "easter"
                    | "cyber"
                    | "super"
                    | "shrove"
                    | "maundy"
            ) || (prev == "on" && i >= 2 && self.w(i - 2) == "mail")
            {
                return None;
            }
            if matches!(
                self.w(i + 1),
                "times" | "telegraph" | "express" | "mirror" | "mail" | "post" | "herald"
            ) {
                return None;
            }
            // An explicit date after the weekday wins: `Tuesday, March 21`.
            let k = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
            if let Some(r) = self
                .day_led(k)
                .or_else(|| self.month_led(k, Rel::Plain, false))
            {
                return Some(r);
            }
        }
        let story = self.story?;
        let end = self.part_of_day(i + 1);
        let s = i64::from(story.weekday().num_days_from_monday());
        let t = i64::from(wd);
        let back = (s - t).rem_euclid(7);
        let ahead = (t - s).rem_euclid(7);
        let offset = match rel {
            Rel::Plain | Rel::This => {
                if self.future_cue(start, end) {
                    ahead
                } else {
                    -back
                }
            }
            Rel::Last => -(if back == 0 { 7 } else { back }),
            Rel::Next => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
        };
        Some((end, Period::day(add_days(story, offset)?)))
    }

    /// `over the weekend`, `at the weekend`.
    fn the_weekend(&self, i: usize) -> Option<(usize, Period)> {
        if self.w(i + 1) != "weekend" || !matches!(self.prev(i), "over" | "at" | "on" | "during") {
            return None;
        }
        Some((i + 2, self.weekend(Rel::Plain, i, i + 2)?))
    }

    /// The Saturday-Sunday weekend anchored by `rel`.
    fn weekend(&self, rel: Rel, start: usize, end: usize) -> Option<Period> {
        let story = self.story?;
        // Days since the last Saturday (0 on a Saturday, 1 on a Sunday).
        let back = (i64::from(story.weekday().num_days_from_monday()) + 2) % 7;
        let sat = add_days(story, -back)?;
        let sat = match rel {
            Rel::Plain | Rel::This if back >= 2 && self.future_cue(start, end) => add_days(sat, 7)?,
            Rel::Plain | Rel::This => sat,
            Rel::Last if back < 2 => add_days(sat, -7)?,
            Rel::Last => sat,
            Rel::Next => add_days(sat, 7)?,
        };
        Period::range(sat, add_days(sat, 1)?)
    }

    /// `this`/`last`/`next`/`past`/`coming` + a unit, weekday, month or count.
    fn relative(&self, i: usize) -> Option<(usize, Period)> {
        let det = self.w(i);
        let rel = match det {
            "this" => Rel::This,
            "last" => Rel::Last,
            "next" => Rel::Next,
            _ => Rel::Plain,
        };
        let noun = self.w(i + 1);
        if rel != Rel::Plain {
            if weekday_of(noun).is_some() {
                return self.weekday_led(i + 1, rel, i);
            }
            if month_of(noun).is_some() {
                return self.month_led(i + 1, rel, true);
            }
        }
        let story = self.story?;
        let (y, m) = (story.year(), story.month());
        let forward = matches!(det, "next" | "coming");
        let p = match (rel, noun) {
            (Rel::This, "morning" | "afternoon" | "evening") => Period::day(story),
            (Rel::Last, "night") => Period::day(add_days(story, -1)?),
            (Rel::This, "week") => Period::week_of(story)?,
            (Rel::Last, "week") => Period::week_of(add_days(story, -7)?)?,
            (Rel::Next, "week") => Period::week_of(add_days(story, 7)?)?,
            (Rel::Plain, "weekend") => return None,
            (_, "weekend") => self.weekend(rel, i, i + 2)?,
            (Rel::This, "month") => Period::month(y, m)?,
            (Rel::Last, "month") => {
                let d = add_months(story.with_day(1)?, -1)?;
                Period::month(d.year(), d.month())?
            }
            (Rel::Next, "month") => {
                let d = add_months(story.with_day(1)?, 1)?;
                Period::month(d.year(), d.month())?
            }
            (Rel::This, "year") => Period::year(y)?,
            (Rel::Last, "year") => Period::year(y - 1)?,
            (Rel::Next, "year") => Period::year(y + 1)?,
            (Rel::This, _) => return None,
            // Rolling: `the past week`, `the last two days`, `the next few weeks`.
            (_, _) => {
                let (k, count) = match unit_of(noun) {
                    // `the coming days`: a few; `the past week`: one.
                    Some(_) if noun.ends_with('s') => (i + 1, Count::Few),
                    Some(_) => (i + 1, Count::Exact(1)),
                    None => self.count_at(i + 1)?,
                };
                let unit = unit_of(self.w(k))?;
                let n = match count {
                    Count::Exact(n) => i64::from(n),
                    Count::Few => 3,
                };
                let sign = if forward { 1 } else { -1 };
                let other = match unit {
                    Unit::Hour => add_days(story, sign * ((n + 23) / 24).max(1))?,
                    Unit::Day => add_days(story, sign * n)?,
                    Unit::Week => add_days(story, sign * 7 * n)?,
                    Unit::Month => add_months(story, sign * n)?,
                    Unit::Year => add_months(story, sign * 12 * n)?,
                    Unit::Decade => add_months(story, sign * 120 * n)?,
                };
                let p = if forward {
                    Period::range(story, other)?
                } else {
                    Period::range(other, story)?
                };
                return Some((k + 1, p));
            }
        };
        Some((i + 2, p))
    }

    /// A count at `i` and where its unit starts: `a`, `a few`, `several`, `a
    /// couple of`, `three`, `twenty-five`, `48`.
    fn count_at(&self, i: usize) -> Option<(usize, Count)> {
        let w = self.w(i);
        Some(match w {
            "a" | "an" => match self.w(i + 1) {
                "few" => (i + 2, Count::Few),
                "couple" if self.w(i + 2) == "of" => (i + 3, Count::Exact(2)),
                _ => (i + 1, Count::Exact(1)),
            },
            "few" | "several" => (i + 1, Count::Few),
            "some" if number_word(self.w(i + 1)).is_none() => (i + 1, Count::Few),
            "couple" if self.w(i + 1) == "of" => (i + 2, Count::Exact(2)),
            _ => {
                let n = number_word(w)?;
                if (20..100).contains(&n)
                    && n % 10 == 0
                    && self.w(i + 1) == "-"
                    && let Some(u) = number_word(self.w(i + 2)).filter(|&u| u < 10)
                {
                    (i + 3, Count::Exact(n + u))
                } else {
                    (i + 1, Count::Exact(n))
                }
            }
        })
    }

    /// `two days ago`, `a few days ago`, `three weeks ago`, `a year ago`, `days ago`.
    fn ago(&self, i: usize) -> Option<(usize, Period)> {
        let story = self.story?;
        let (k, count) = match self.count_at(i) {
            Some(c) => c,
            None if unit_of(self.w(i)).is_some()
                && !matches!(
                    self.prev(i),
                    "many" | "dozens" | "hundreds" | "thousands" | "millions"
                ) =>
            {
                (i, Count::Few)
            }
            None => return None,
        };
        let unit = unit_of(self.w(k))?;
        if self.w(k + 1) != "ago" {
            return None;
        }
        let y = story.year();
        let p = match (count, unit) {
            (Count::Exact(n), _) => {
                let n = i64::from(n);
                match unit {
                    Unit::Hour => Period::day(add_days(story, -(n / 24))?),
                    Unit::Day => Period::day(add_days(story, -n)?),
                    Unit::Week => Period::week_of(add_days(story, -7 * n)?)?,
                    Unit::Month => {
                        let d = add_months(story, -n)?;
                        Period::month(d.year(), d.month())?
                    }
                    Unit::Year => Period::year(y - i32::try_from(n).ok()?)?,
                    Unit::Decade => Period::year(y - 10 * i32::try_from(n).ok()?)?,
                }
            }
            (Count::Few, Unit::Hour) => Period::day(story),
            (Count::Few, Unit::Day) => Period::range(add_days(story, -7)?, add_days(story, -2)?)?,
            (Count::Few, Unit::Week) => {
                Period::range(add_days(story, -35)?, add_days(story, -14)?)?
            }
            (Count::Few, Unit::Month) => {
                Period::range(add_months(story, -6)?, add_months(story, -2)?)?
            }
            (Count::Few, Unit::Year) => Period::years(y - 5, y - 2)?,
            (Count::Few, Unit::Decade) => return None,
        };
        Some((k + 2, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_plain;
    use proptest::prelude::*;

    fn ymd(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn find(text: &str, story: Option<&str>) -> Vec<DateMention> {
        let (_, seg) = segment_plain(text);
        let story = story.map(ymd);
        let mut out = Vec::new();
        for s in &seg.sentences {
            find_dates(text, &seg, s, story, &mut out);
        }
        out
    }

    /// (surface, first, last, kind) of each mention.
    fn dates(text: &str, story: &str) -> Vec<(String, String, String, DateKind)> {
        find(text, Some(story))
            .iter()
            .map(|d| {
                (
                    text[d.start as usize..d.end as usize].to_string(),
                    d.first.to_string(),
                    d.last.to_string(),
                    d.kind,
                )
            })
            .collect()
    }

    /// The one mention of `text`, as (surface, first, last, kind).
    fn one(text: &str, story: &str) -> (String, String, String, DateKind) {
        let mut d = dates(text, story);
        assert_eq!(d.len(), 1, "{text:?}: {d:?}");
        d.pop().unwrap()
    }

    fn day(text: &str, story: &str) -> String {
        let (_, first, last, kind) = one(text, story);
        assert_eq!((kind, &first), (DateKind::Day, &last), "{text:?}");
        first
    }

    const WED: &str = "2023-03-22";

    #[test]
    fn reference_expressions() {
        assert_eq!(
            day("The envoy arrived in the capital on Tuesday.", WED),
            "2023-03-21"
        );
        let (s, first, last, kind) = one("Rebels seized the bridge a few days ago.", WED);
        assert_eq!(s, "a few days ago");
        assert_eq!(kind, DateKind::Range);
        assert!(ymd(&first) >= ymd("2023-03-12") && ymd(&last) <= ymd("2023-03-21"));
        assert_eq!(
            one("In February last year the two leaders met.", WED),
            (
                "February last year".into(),
                "2022-02-01".into(),
                "2022-02-28".into(),
                DateKind::Month
            )
        );
        assert_eq!(
            day("Police detained 40 protesters yesterday.", WED),
            "2023-03-21"
        );
        assert_eq!(
            one("The talks collapsed last week.", WED),
            (
                "last week".into(),
                "2023-03-13".into(),
                "2023-03-19".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            one("The port was blockaded in 2014.", WED),
            (
                "2014".into(),
                "2014-01-01".into(),
                "2014-12-31".into(),
                DateKind::Year
            )
        );
        assert_eq!(
            day("Troops crossed the border on March 10.", WED),
            "2023-03-10"
        );
        assert_eq!(
            day("Both sides signed the accord on December 3.", "2023-01-05"),
            "2022-12-03"
        );
        assert_eq!(
            day("The ministers meet again next Monday.", WED),
            "2023-03-27"
        );
    }

    #[test]
    fn explicit_dates() {
        for (text, want) in [
            ("The vote was held on March 21, 2019.", "2019-03-21"),
            ("It happened on 21 March 2019 in the north.", "2019-03-21"),
            ("Mar. 21 saw the first strike.", "2023-03-21"),
            ("The decree is dated 2021-06-30.", "2021-06-30"),
            ("The decree is dated 30/06/2021.", "2021-06-30"),
            ("The decree is dated 06/30/2021.", "2021-06-30"),
            ("The decree is dated 30.06.2021.", "2021-06-30"),
            ("The 21st of March was quiet.", "2023-03-21"),
            ("On Tuesday, March 14, the army withdrew.", "2023-03-14"),
        ] {
            assert_eq!(day(text, WED), want, "{text}");
        }
        assert!(dates("The decree is dated 03/04/2021.", WED).is_empty());
        let spans: Vec<String> = dates("On Tuesday, March 14, the army withdrew.", WED)
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(spans, ["Tuesday, March 14"]);
        let (s, first, last, _) = one("Talks ran from March 14-16 in Geneva.", WED);
        assert_eq!(
            (&*s, &*first, &*last),
            ("March 14-16", "2023-03-14", "2023-03-16")
        );
    }

    #[test]
    fn months_and_years() {
        let m = one;
        assert_eq!(
            m("Fighting resumed in March.", WED).1,
            "2023-03-01".to_string()
        );
        assert_eq!(
            m("Fighting resumed in June.", WED).1,
            "2022-06-01".to_string()
        );
        assert_eq!(
            m("Elections will be held in May.", WED).1,
            "2023-05-01".to_string()
        );
        assert_eq!(
            m("He fled in March 2022.", WED),
            (
                "March 2022".into(),
                "2022-03-01".into(),
                "2022-03-31".into(),
                DateKind::Month
            )
        );
        assert_eq!(m("They met last February.", WED).1, "2023-02-01");
        assert_eq!(m("They met last March.", WED).1, "2022-03-01");
        assert_eq!(
            m("Prices rose this month.", WED).2,
            "2023-03-31".to_string()
        );
        assert_eq!(m("Prices rose last month.", WED).1, "2023-02-01");
        assert_eq!(
            m("Prices rose earlier this month.", WED),
            (
                "earlier this month".into(),
                "2023-03-01".into(),
                "2023-03-22".into(),
                DateKind::Range
            )
        );
        assert_eq!(m("The law passed last year.", WED).1, "2022-01-01");
        assert_eq!(
            m("The war began in late 2014.", WED),
            (
                "late 2014".into(),
                "2014-09-01".into(),
                "2014-12-31".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            m("Clashes broke out in mid-March.", WED),
            (
                "mid-March".into(),
                "2023-03-11".into(),
                "2023-03-20".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            m("Unrest grew in the early 1990s.", WED),
            (
                "early 1990s".into(),
                "1990-01-01".into(),
                "1993-12-31".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            m("The army ruled between 2014 and 2016.", WED),
            (
                "2014 and 2016".into(),
                "2014-01-01".into(),
                "2016-12-31".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            m("Rebels have held the town since 1995.", WED).1,
            "1995-01-01"
        );
        assert_eq!(
            m("The siege lasted from January to March.", WED),
            (
                "January to March".into(),
                "2023-01-01".into(),
                "2023-03-31".into(),
                DateKind::Range
            )
        );
    }

    #[test]
    fn relative_days_and_weeks() {
        assert_eq!(day("The envoy arrives today.", WED), WED);
        assert_eq!(day("Sirens sounded tonight.", WED), WED);
        assert_eq!(day("He will speak tomorrow.", WED), "2023-03-23");
        assert_eq!(day("Shelling started on Monday night.", WED), "2023-03-20");
        assert_eq!(day("The minister spoke on Wednesday.", WED), WED);
        assert_eq!(day("The rally was on Thursday.", WED), "2023-03-16");
        assert_eq!(
            day("The rally will be held on Thursday.", WED),
            "2023-03-23"
        );
        assert_eq!(
            day("The talks that began on Monday will resume soon.", WED),
            "2023-03-20"
        );
        assert_eq!(
            day("On Friday, the council will vote on the bill.", WED),
            "2023-03-24"
        );
        assert_eq!(
            day("On Monday, the minister said he will resign.", WED),
            "2023-03-20"
        );
        assert_eq!(
            one("In the coming days, more troops will arrive.", WED),
            (
                "coming days".into(),
                "2023-03-22".into(),
                "2023-03-25".into(),
                DateKind::Range
            )
        );
        assert_eq!(day("He left last Tuesday.", WED), "2023-03-21");
        assert_eq!(day("Troops withdrew two days ago.", WED), "2023-03-20");
        assert_eq!(day("The shelling ended last night.", WED), "2023-03-21");
        let (_, first, last, _) = one("The raids happened this week.", WED);
        assert_eq!((&*first, &*last), ("2023-03-20", "2023-03-26"));
        assert_eq!(
            one("The summit is next week.", WED).1,
            "2023-03-27".to_string()
        );
        assert_eq!(
            one("The army retook the town three weeks ago.", WED),
            (
                "three weeks ago".into(),
                "2023-02-27".into(),
                "2023-03-05".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            one("The deal collapsed a year ago.", WED),
            (
                "a year ago".into(),
                "2022-01-01".into(),
                "2022-12-31".into(),
                DateKind::Year
            )
        );
        assert_eq!(
            one("Fighting flared over the weekend.", WED).1,
            "2023-03-18".to_string()
        );
        assert_eq!(
            one("Dozens died over the past week.", WED),
            (
                "past week".into(),
                "2023-03-15".into(),
                "2023-03-22".into(),
                DateKind::Range
            )
        );
        assert_eq!(
            one("Troops withdrew several days ago.", WED).0,
            "several days ago"
        );
    }

    #[test]
    fn non_dates_are_ignored() {
        for text in [
            "Recently the rebels regrouped.",
            "Some three weeks before, the rebels had regrouped.",
            "The 2014 people who marched may leave.",
            "Protesters march on the capital.",
            "Theresa May met Merkel.",
            "He was criticised by May for the delay.",
            "The following Monday the talks resumed.",
            "The Sunday Times reported the deal.",
            "The Good Friday agreement holds.",
            "They won 2014 votes in the district.",
            "It rose in 2014 percent terms.",
            "Jan Kowalski spoke.",
        ] {
            assert!(
                dates(text, WED).is_empty(),
                "{text}: {:?}",
                dates(text, WED)
            );
        }
    }

    #[test]
    fn without_a_story_date_only_absolute_dates_resolve() {
        let text =
            "On Tuesday, two days after the March 3 vote and in 2014 and on 5 May 2020, yesterday.";
        let got: Vec<String> = find(text, None)
            .iter()
            .map(|d| text[d.start as usize..d.end as usize].to_string())
            .collect();
        assert_eq!(got, ["2014", "5 May 2020"]);
    }

    #[test]
    fn sept_11_names_2001() {
        assert_eq!(
            day("Since the Sept. 11 attacks the law changed.", WED),
            "2001-09-11"
        );
    }

    #[test]
    fn mentions_serialize_in_snake_case() {
        let m = find("He left yesterday.", Some(WED))[0];
        let v = serde_json::to_value(m).unwrap();
        assert_eq!(v["kind"], "day");
        assert_eq!(v["first"], "2023-03-21");
        assert_eq!(m.partial_date().unwrap().to_string(), "2023-03-21");
    }

    const WORDS: &[&str] = &[
        "on",
        "in",
        "since",
        "the",
        "a",
        "few",
        "days",
        "weeks",
        "months",
        "years",
        "ago",
        "last",
        "next",
        "this",
        "past",
        "coming",
        "week",
        "month",
        "year",
        "weekend",
        "early",
        "mid",
        "-",
        "late",
        "earlier",
        "later",
        "end",
        "of",
        "Monday",
        "Tuesday",
        "Sunday",
        "March",
        "May",
        "Feb.",
        "Sept.",
        "December",
        "2014",
        "1990s",
        "21",
        "31st",
        "29",
        "0",
        "12",
        "2023",
        "/",
        ",",
        ".",
        "yesterday",
        "today",
        "tomorrow",
        "night",
        "two",
        "twenty",
        "and",
        "to",
        "between",
        "will",
        "people",
        "9999",
        "1900",
        "2099",
        "Feb",
        "hours",
        "decades",
        "some",
        "couple",
        "13",
    ];

    fn check(text: &str, story: Option<NaiveDate>) {
        let (_, seg) = segment_plain(text);
        for s in &seg.sentences {
            let mut out = Vec::new();
            find_dates(text, &seg, s, story, &mut out);
            let mut prev_end = s.tokens.start as u32;
            for d in &out {
                assert!(d.first <= d.last, "{d:?}");
                assert!(d.first_token >= prev_end && d.first_token < d.end_token);
                assert!(d.end_token as usize <= s.tokens.end);
                prev_end = d.end_token;
                let (a, b) = (
                    &seg.tokens[d.first_token as usize],
                    &seg.tokens[d.end_token as usize - 1],
                );
                assert_eq!((d.start, d.end), (a.start, b.end));
                assert!(text.get(d.start as usize..d.end as usize).is_some());
                if d.kind == DateKind::Day {
                    assert_eq!(d.first, d.last);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(text in "\\PC{0,120}", days in -800_000i64..800_000) {
            let story = add_days(ymd("2000-01-01"), days);
            check(&text, story);
        }

        #[test]
        fn spans_and_periods_are_well_formed(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..40),
            story in prop::option::of(-3_000_000i64..3_000_000),
            joined in any::<u64>(),
        ) {
            let mut text = String::new();
            for (k, w) in words.iter().enumerate() {
                if k > 0 && joined >> (k % 64) & 1 == 0 {
                    text.push(' ');
                }
                text.push_str(w);
            }
            let story = story.and_then(|d| add_days(ymd("2000-01-01"), d));
            check(&text, story);
        }

        #[test]
        fn extreme_story_dates_do_not_panic(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..20),
            at_max in any::<bool>(),
        ) {
            let story = if at_max { NaiveDate::MAX } else { NaiveDate::MIN };
            check(&words.join(" "), Some(story));
        }
    }
}
