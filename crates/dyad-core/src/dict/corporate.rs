//! Words that make a capitalised name after a country a company's
//! (`dictionaries/actors/corporate.txt`; read by `actors/companies.rs`).

use super::syntax::lines;
use super::{DictError, Origin};

/// One corporate word (`Airlines`, `Corp`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorporateWord {
    /// The word as written (matched without case).
    pub word: String,
    /// Where it was written.
    pub origin: Origin,
}

/// Whether `word` is what the company rule can see after a country: one token of
/// ASCII letters (or `-`), a capital first, at least two characters.
fn single_capitalised_token(word: &str) -> bool {
    word.len() > 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..]
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-')
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<CorporateWord>,
    errors: &mut Vec<DictError>,
) {
    for (_, line) in lines(text) {
        if !single_capitalised_token(line.text) {
            errors.push(DictError::new(
                path,
                line.number,
                format!(
                    "{:?}: a corporate word is one capitalised word of letters \
                     (`Airlines`, `AG`), one a line",
                    line.text
                ),
            ));
            continue;
        }
        out.push(CorporateWord {
            word: line.text.to_string(),
            origin: Origin {
                file,
                line: line.number as u32,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_and_reports_lines_that_are_not_one_capitalised_word() {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let text = "# c\nAirlines\n  AG  # comment\nairlines\nAir France\nX\nCo.\n";
        parse("actors/corporate.txt", 0, text, &mut out, &mut errors);
        let words: Vec<&str> = out.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(words, ["Airlines", "AG"]);
        assert_eq!(out[1].origin.line, 3);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 6, 7]);
        assert!(errors[1].to_string().starts_with("actors/corporate.txt:5:"));
    }
}
