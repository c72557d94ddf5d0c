//! Sentence boundaries inside one block of text.

use crate::clean::is_space;
use sentencex::languages::{English, Language};
use std::ops::Range;

/// Finds sentence boundaries inside one block (a paragraph or a line).
pub trait SentenceSplitter: Send + Sync {
    /// Pushes the sentences of `block` to `out` as byte ranges relative to `block`,
    /// trimmed of white space, in order and non-overlapping. `lowercase_text` tells
    /// that the whole document is written in lower case.
    fn split(&self, block: &str, lowercase_text: bool, out: &mut Vec<Range<usize>>);
}

/// Sentence splitting by the `sentencex` crate (abbreviations, initials, decimals,
/// quotations), with one repair of our own: a "sentence" that starts with a
/// lower-case letter continues the previous one (`approx. ten`, `e.g. this`), unless
/// the whole text is lower case.
#[derive(Default)]
pub struct SentencexSplitter;

impl SentenceSplitter for SentencexSplitter {
    fn split(&self, block: &str, lowercase_text: bool, out: &mut Vec<Range<usize>>) {
        let first = out.len();
        let english = English {};
        for b in english.get_sentence_boundaries(block) {
            let r = trim(block, b.start_byte..b.end_byte);
            if r.is_empty() {
                continue;
            }
            let continues = !lowercase_text
                && out.len() > first
                && block[r.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if continues {
                let last = out.last_mut().expect("checked above");
                last.end = r.end;
            } else {
                out.push(r);
            }
        }
    }
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r.start..r.start;
    };
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        r.start..r.start
    } else {
        r.start + lead..r.end - trail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        SentencexSplitter.split(text, false, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_initials_decimals_and_quotes() {
        assert_eq!(
            split(
                "Mr. Smith of the U.S. met Gen. Lee on Jan. 5 at 3.5 p.m. in Paris. Talks ended."
            ),
            [
                "Mr. Smith of the U.S. met Gen. Lee on Jan. 5 at 3.5 p.m. in Paris.",
                "Talks ended."
            ]
        );
        assert_eq!(
            split("He said “We will win.” Then he left."),
            ["He said “We will win.”", "Then he left."]
        );
        assert_eq!(
            split("J. R. R. Tolkien wrote it. No. 5 came."),
            ["J. R. R. Tolkien wrote it.", "No. 5 came."]
        );
    }

    #[test]
    fn lowercase_continuations_are_rejoined() {
        assert_eq!(
            split("It cost approx. ten dollars. Fine."),
            ["It cost approx. ten dollars.", "Fine."]
        );
    }
}
