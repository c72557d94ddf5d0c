//! Cleaning: what of a document's text is news, and how it falls into blocks.
//!
//! Cleaning never rewrites the text. It produces a [`CleanText`]: a *view* of the
//! input with exactly the same byte length in which the removed parts (a repeated
//! headline, web debris, a dateline) are overwritten with ASCII spaces, plus the list
//! of what was removed and why, and the text's blocks (paragraphs, or single lines
//! for web text). Because the view and the input share every offset, a sentence or
//! token found in the view is also at the same place in the input: no offset map is
//! needed, and `input[start..end]` is always the span's text.
//!
//! Each step is a [`Cleaner`]; [`Cleaners::standard`] runs them in order.

mod blocks;
mod boilerplate;
mod dateline;
mod headline;
mod whitespace;

pub use blocks::{Layout, split_blocks};
pub use boilerplate::Boilerplate;
pub use dateline::{Dateline, DatelineCleaner};
pub use headline::RepeatedHeadline;
pub use whitespace::BlankLines;

use serde::Serialize;
use std::ops::Range;

/// Why a stretch of the input was left out of analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A line of only white space (including non-breaking and zero-width spaces).
    BlankLine,
    /// The headline, repeated at the top of the body.
    RepeatedHeadline,
    /// Page furniture: sharing widgets, adverts, cookie and subscription prompts.
    Boilerplate,
    /// A newswire dateline (`MOSCOW, March 21 (Reuters) -`), kept as metadata.
    Dateline,
}

/// One stretch of the input left out of analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Byte offset of the first removed byte.
    pub start: usize,
    /// Byte offset one past the last removed byte.
    pub end: usize,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// Which pattern or rule removed it, for `--explain` (e.g. a boilerplate line).
    pub rule: Option<String>,
}

/// The result of cleaning one document.
#[derive(Debug, Clone)]
pub struct CleanText {
    view: String,
    /// What was removed, in the order the cleaners removed it.
    pub removals: Vec<Removal>,
    /// A newswire dateline, when the text starts with one.
    pub dateline: Option<Dateline>,
    /// How lines group into blocks (set by [`split_blocks`] from the text's shape).
    pub layout: Layout,
}

impl CleanText {
    /// Starts cleaning `input`: the view is a copy of it with nothing removed.
    pub fn new(input: &str) -> Self {
        CleanText {
            view: input.to_owned(),
            removals: Vec::new(),
            dateline: None,
            layout: Layout::Lines,
        }
    }

    /// Reuses this value's buffers for another input.
    pub fn reset(&mut self, input: &str) {
        self.view.clear();
        self.view.push_str(input);
        self.removals.clear();
        self.dateline = None;
        self.layout = Layout::Lines;
    }

    /// The cleaned view: the input with removed parts overwritten by spaces. It has the
    /// same length as the input and every offset means the same in both.
    pub fn view(&self) -> &str {
        &self.view
    }

    /// Removes `range` (which must lie on char boundaries of the input) from analysis.
    /// Does nothing for an empty or invalid range, so a cleaner's slip can never panic.
    pub fn remove(&mut self, range: Range<usize>, reason: RemovalReason, rule: Option<String>) {
        if range.start >= range.end
            || range.end > self.view.len()
            || !self.view.is_char_boundary(range.start)
            || !self.view.is_char_boundary(range.end)
        {
            return;
        }
        // Whole chars become ASCII spaces: the view stays valid UTF-8 and the same
        // length, so every offset still means the same in the input.
        let spaces = " ".repeat(range.end - range.start);
        self.view.replace_range(range.clone(), &spaces);
        self.removals.push(Removal {
            start: range.start,
            end: range.end,
            reason,
            rule,
        });
    }
}

/// One cleaning step.
pub trait Cleaner: Send + Sync {
    /// A short name for `--explain` and error messages.
    fn name(&self) -> &'static str;
    /// Looks at the view (and the document's title, if any) and removes what it must.
    fn apply(&self, text: &mut CleanText, title: Option<&str>);
    /// Whether the step only looks at the opening of a story (a headline, a
    /// dateline), so that it must not run on a later window of a long document.
    fn story_start_only(&self) -> bool {
        false
    }
}

/// The cleaning steps, in the order they run.
pub struct Cleaners {
    steps: Vec<Box<dyn Cleaner>>,
}

impl Cleaners {
    /// The standard steps: blank lines, boilerplate (from the given pattern file
    /// text), the repeated headline, then the dateline.
    pub fn standard(boilerplate: Boilerplate) -> Self {
        Cleaners {
            steps: vec![
                Box::new(BlankLines),
                Box::new(boilerplate),
                Box::new(RepeatedHeadline),
                Box::new(DatelineCleaner::new()),
            ],
        }
    }

    /// Cleans `input` into `out` (whose buffers are reused), then finds its layout.
    pub fn clean_into(&self, input: &str, title: Option<&str>, out: &mut CleanText) {
        out.reset(input);
        for step in &self.steps {
            step.apply(out, title);
        }
        out.layout = Layout::detect(out.view());
    }

    /// Cleans `input`, a later window of a long document ([`crate::windows`]), into
    /// `out`: as [`Cleaners::clean_into`] without the steps that only look at a
    /// story's opening, so that a window's first line is never taken for a dateline.
    pub fn clean_continued_into(&self, input: &str, out: &mut CleanText) {
        out.reset(input);
        for step in self.steps.iter().filter(|s| !s.story_start_only()) {
            step.apply(out, None);
        }
        out.layout = Layout::detect(out.view());
    }

    /// Cleans `input` into a new [`CleanText`].
    pub fn clean(&self, input: &str, title: Option<&str>) -> CleanText {
        let mut out = CleanText::new(input);
        self.clean_into(input, title, &mut out);
        out
    }
}

/// Iterates over the lines of `text` as byte ranges, without their line ending
/// (`\n` or `\r\n`).
pub(crate) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && !text.is_empty()) {
            return None;
        }
        let rest = &text[start..];
        let (line_len, next) = match rest.find('\n') {
            Some(i) => (i, start + i + 1),
            None => (rest.len(), text.len() + 1),
        };
        let mut end = start + line_len;
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let r = start..end;
        start = next;
        Some(r)
    })
}

/// White space as news pages use it: Unicode white space plus the zero-width
/// characters and byte-order marks that scraping leaves behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

/// The range of `text[range]` without leading and trailing white space
/// (by [`is_space`]); empty at `range.start` when all of it is space.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_keeps_length_and_offsets() {
        let input = "Héllo\u{a0}world\nLeave a Comment\nÉnd";
        let mut t = CleanText::new(input);
        let at = input.find("Leave").unwrap();
        t.remove(
            at..at + "Leave a Comment".len(),
            RemovalReason::Boilerplate,
            None,
        );
        assert_eq!(t.view().len(), input.len());
        assert!(!t.view().contains("Leave"));
        assert_eq!(&t.view()[..5], "Héllo".get(..5).unwrap());
        // A range off char boundaries is refused, not a panic.
        t.remove(1..2, RemovalReason::Boilerplate, None);
        assert_eq!(t.removals.len(), 1);
    }

    #[test]
    fn lines_are_found_with_offsets() {
        let text = "a\r\nbb\n\nccc";
        let lines: Vec<&str> = line_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(lines, ["a", "bb", "", "ccc"]);
        assert_eq!(line_ranges("").count(), 1);
        assert_eq!(
            line_ranges("x\n").map(|r| &"x\n"[r]).collect::<Vec<_>>(),
            ["x"]
        );
    }
}
