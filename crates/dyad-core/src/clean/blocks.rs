//! Blocks: the stretches of text inside which sentences may run on.
//!
//! Web text puts one paragraph on a line, and a line without final punctuation is a
//! heading ("Joint statement"), never the start of the next sentence. Newswire text
//! (Reuters-21578) is hard-wrapped at about 70 columns and starts paragraphs with an
//! indent; there a sentence runs across line ends. [`Layout::detect`] tells the two
//! apart from the shape of the lines, and [`split_blocks`] cuts the view accordingly.

use super::{line_ranges, trim_range};
use serde::Serialize;
use std::ops::Range;

/// How the lines of a text relate to its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Each line is a paragraph (web text, most JSON corpora).
    Lines,
    /// Lines are hard-wrapped; paragraphs are separated by blank or indented lines.
    Wrapped,
}

impl Layout {
    /// Guesses the layout from line lengths and line ends.
    pub fn detect(text: &str) -> Layout {
        let mut lines = 0usize;
        let mut longest = 0usize;
        let mut followed = 0usize;
        let mut run_on = 0usize;
        let mut prev: Option<&str> = None;
        for r in line_ranges(text) {
            let line = text[r].trim_end();
            if line.trim().is_empty() {
                prev = None;
                continue;
            }
            lines += 1;
            longest = longest.max(line.chars().count());
            if let Some(p) = prev {
                followed += 1;
                // A wrapped line is cut near the wrap column, not after a heading.
                if p.len() >= 40 && !p.ends_with(['.', '!', '?', '"', '”', ':', ';']) {
                    run_on += 1;
                }
            }
            prev = Some(line);
        }
        if lines >= 3 && longest <= 100 && run_on >= 2 && run_on * 2 >= followed {
            Layout::Wrapped
        } else {
            Layout::Lines
        }
    }
}

/// Cuts `view` into blocks (trimmed byte ranges, in order, never empty).
pub fn split_blocks(view: &str, layout: Layout, out: &mut Vec<Range<usize>>) {
    out.clear();
    match layout {
        Layout::Lines => {
            out.extend(
                line_ranges(view)
                    .map(|r| trim_range(view, r))
                    .filter(|r| !r.is_empty()),
            );
        }
        Layout::Wrapped => {
            let mut current: Option<Range<usize>> = None;
            for r in line_ranges(view) {
                let line = &view[r.clone()];
                let t = trim_range(view, r.clone());
                let indented = line.starts_with("  ") || line.starts_with('\t');
                if (t.is_empty() || indented)
                    && let Some(c) = current.take()
                {
                    out.push(c);
                }
                if !t.is_empty() {
                    current = Some(match current {
                        Some(c) => c.start..t.end,
                        None => t,
                    });
                }
            }
            out.extend(current);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_blocks(text, Layout::detect(text), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn web_lines_are_blocks() {
        let text =
            "Headline here\n\nFirst paragraph is long and ends well.\nA heading\nNext paragraph.";
        assert_eq!(Layout::detect(text), Layout::Lines);
        assert_eq!(blocks(text).len(), 4);
    }

    #[test]
    fn wrapped_newswire_rejoins_lines() {
        let text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary, the review said.\n    The dry period means the temporao will be late this\nyear, traders said.\n";
        assert_eq!(Layout::detect(text), Layout::Wrapped);
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert!(b[0].starts_with("Showers") && b[0].ends_with("said."));
        assert!(b[1].starts_with("The dry period"));
    }
}
