//! Titles that are surnames: `Mr King`, `Dr Bishop`. A capitalised agent word of
//! unknown country (`King`, `General`, `Judge`) right after an honorific names a
//! person, not the office: the mention is dropped (a person the dictionaries know was
//! matched whole before). Words of address keep their office (`Mr President`, `Madam
//! Speaker`). (After a first name, `Roger King`, the first name may be a word the
//! dictionaries use, and `the Supreme Leader` looks the same: not read here.)
//!
//! Runs after the company steps, before the links within the story.

use super::matcher::MatchContext;
use super::{Mention, MentionKind};
use crate::segment::Sentence;

/// Honorifics before a surname (or before a title of address: `Mr President`).
pub(super) const HONORIFICS: [&str; 12] = [
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Messrs", "Madam", "Mme",
];

/// Titles that follow an honorific as a form of address, not as a surname.
const ADDRESS: [&str; 10] = [
    "President",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Secretary",
    "Minister",
    "Ambassador",
    "Mayor",
    "Justice",
    "Prime",
];

/// Drops the agent mentions among `out[first..]` that are surnames.
pub(super) fn drop_surname_titles(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &mut Vec<Mention>,
) {
    super::drop_new_mentions(out, first, |m| surname(ctx, sentence, m));
}

/// Whether `m` is one capitalised agent word after an honorific, inside the sentence.
fn surname(ctx: &MatchContext<'_>, sentence: &Sentence, m: &Mention) -> bool {
    let a = m.first_token as usize;
    if m.kind != MentionKind::Agent
        || !m.unknown_country()
        || m.end_token as usize != a + 1
        || a <= sentence.tokens.start
    {
        return false;
    }
    let word = &ctx.text[ctx.tokens[a].span()];
    let before = &ctx.text[ctx.tokens[a - 1].span()];
    let capital = word.starts_with(|c: char| c.is_uppercase())
        && word.chars().skip(1).any(char::is_lowercase);
    capital && !ADDRESS.contains(&word) && HONORIFICS.contains(&before)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::codes;

    #[test]
    fn a_title_after_an_honorific_is_a_surname() {
        for (text, surface) in [
            ("Police said Mr. King attacked the driver.", "King"),
            ("Police said Mr King attacked the driver.", "King"),
        ] {
            assert!(codes(text, surface).is_empty(), "{text}");
        }
        // Forms of address and known countries keep the office.
        assert_eq!(
            codes(
                "The senator told Mr President the vote was lost.",
                "President"
            ),
            ["---GOV"]
        );
        assert_eq!(
            codes("The Saudi King met the envoy.", "Saudi King"),
            ["SAUGOV"]
        );
    }
}
