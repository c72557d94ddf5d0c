//! Discard phrases (`dictionaries/discards.txt`, `discards/*.txt`): phrases that mark
//! a sentence, or a whole story, as no political news, so that the relevance stage
//! withholds its events (PETRARCH's discard list).

use super::syntax::{lines, list};
use super::{DictError, Origin};
use serde::{Deserialize, Serialize};

/// What a discard phrase withholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscardScope {
    /// The events of the sentence that holds the phrase.
    Sentence,
    /// The events of the whole story that holds the phrase in any sentence.
    Story,
}

impl DiscardScope {
    /// The name written in discard files.
    pub fn as_str(self) -> &'static str {
        match self {
            DiscardScope::Sentence => "sentence",
            DiscardScope::Story => "story",
        }
    }
}

/// One discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardPhrase {
    /// Sentence or story.
    pub scope: DiscardScope,
    /// The phrase as written (matched on whole tokens, without case).
    pub phrase: String,
    /// Where it was written.
    pub origin: Origin,
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<DiscardPhrase>,
    errors: &mut Vec<DictError>,
) {
    for (_, line) in lines(text) {
        let scope = match line.text.split_once(':') {
            Some((s, rest)) => match s.trim() {
                "sentence" => Some((DiscardScope::Sentence, rest)),
                "story" => Some((DiscardScope::Story, rest)),
                _ => None,
            },
            None => None,
        };
        let Some((scope, phrases)) = scope else {
            errors.push(DictError::new(
                path,
                line.number,
                "expected `sentence: phrase | phrase` or `story: phrase | phrase`",
            ));
            continue;
        };
        let origin = Origin {
            file,
            line: line.number as u32,
        };
        let before = out.len();
        for p in list(phrases) {
            if !p.chars().any(char::is_alphanumeric) {
                errors.push(DictError::new(
                    path,
                    line.number,
                    format!("{p:?}: a discard phrase needs a word"),
                ));
                continue;
            }
            out.push(DiscardPhrase {
                scope,
                phrase: p.split_whitespace().collect::<Vec<_>>().join(" "),
                origin,
            });
        }
        if out.len() == before && !errors.iter().any(|e| e.line == line.number) {
            errors.push(DictError::new(path, line.number, "a line with no phrase"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scopes_and_phrases_and_reports_bad_lines() {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let text = "# c\nsentence: Months  Later | years later\nstory: World Cup\n\
                    sport: cricket\nstory:\nsentence: ---\n";
        parse("discards.txt", 0, text, &mut out, &mut errors);
        let got: Vec<(DiscardScope, &str, u32)> = out
            .iter()
            .map(|d| (d.scope, d.phrase.as_str(), d.origin.line))
            .collect();
        assert_eq!(
            got,
            [
                (DiscardScope::Sentence, "Months Later", 2),
                (DiscardScope::Sentence, "years later", 2),
                (DiscardScope::Story, "World Cup", 3),
            ]
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 6], "{errors:?}");
    }
}
