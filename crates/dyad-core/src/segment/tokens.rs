//! Tokens: words, numbers, clitics and punctuation with byte offsets.
//!
//! Written by hand: general word segmenters (UAX #29 in `unicode-segmentation`) keep
//! `Putin's` and `don't` whole and cut `U.S.` before its last period, while event
//! coding needs the possessive and negation split off (`Putin` `'s`, `do` `n't`) and
//! abbreviations whole. The rules are few and run in one pass over the text.

use super::normalize::normalize_into;
use crate::clean::is_space;
use std::ops::Range;

/// Properties of a token, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct TokenFlags(u8);

impl TokenFlags {
    /// Starts with an upper-case letter.
    pub const CAPITALIZED: TokenFlags = TokenFlags(1);
    /// Has two letters or more, all upper case (`NATO`, `U.S.`).
    pub const ALL_CAPS: TokenFlags = TokenFlags(2);
    /// Starts with a digit.
    pub const NUMBER: TokenFlags = TokenFlags(4);
    /// Has no letter or digit.
    pub const PUNCT: TokenFlags = TokenFlags(8);
    /// White space (or the sentence start) comes right before it.
    pub const SPACE_BEFORE: TokenFlags = TokenFlags(16);
    /// A clitic split from the word before (`'s`, `n't`, `'ll`).
    pub const CLITIC: TokenFlags = TokenFlags(32);
    /// Ends with a period that belongs to it (`Gen.`, `U.S.`, `J.`).
    pub const ABBREVIATION: TokenFlags = TokenFlags(64);

    /// Whether all bits of `other` are set.
    pub fn contains(self, other: TokenFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the bits of `other`.
    pub fn insert(&mut self, other: TokenFlags) {
        self.0 |= other.0;
    }

    /// The raw bits.
    pub fn bits(self) -> u8 {
        self.0
    }
}

/// One token. Offsets are byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    pub(crate) norm_start: u32,
    pub(crate) norm_end: u32,
    /// Properties of the token.
    pub flags: TokenFlags,
}

impl Token {
    /// The byte range of the token in the document text.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Words that end with a period of their own when they are abbreviated (compared
/// in lower case). Single letters (initials) and words with an inner period
/// (`U.S.`, `p.m.`) need no entry.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec",
    "dept", "dr", "est", "etc", "feb", "fig", "fri", "ft", "gen", "gov", "hon", "inc", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mon", "mr", "mrs", "ms", "mt", "no", "nos",
    "nov", "oct", "pres", "prof", "pvt", "rep", "reps", "rev", "sat", "sen", "sens", "sep", "sept",
    "sgt", "sr", "st", "sun", "thu", "thurs", "tue", "tues", "vs", "wed",
];

fn is_abbreviation(word: &str) -> bool {
    if word.len() > 8 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(lower))
        .is_ok()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// Length in bytes of a clitic starting at `rest` (which starts with an
/// apostrophe), if `rest` starts with one: `'s`, `'ll`, `'re`, `'ve`, `'d`, `'m`.
fn clitic_len(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let apo = chars.next()?;
    let after = chars.as_str();
    for c in ["s", "ll", "re", "ve", "d", "m"] {
        if after.len() >= c.len()
            && after.as_bytes()[..c.len()].eq_ignore_ascii_case(c.as_bytes())
            && !after[c.len()..].chars().next().is_some_and(is_word_char)
        {
            return Some(apo.len_utf8() + c.len());
        }
    }
    None
}

/// Tokenises `text[range]`, appending tokens to `out` and their normalised forms to
/// `norm`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>, norm: &mut String) {
    let mut push = |start: usize, end: usize, mut flags: TokenFlags, out: &mut Vec<Token>| {
        let s = &text[start..end];
        let norm_start = norm.len() as u32;
        normalize_into(s, norm);
        let mut letters = 0;
        let mut upper = 0;
        let mut alnum = false;
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
            alnum |= c.is_alphanumeric();
        }
        let first = s.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            flags.insert(TokenFlags::CAPITALIZED);
        }
        if letters >= 2 && upper == letters {
            flags.insert(TokenFlags::ALL_CAPS);
        }
        if first.is_ascii_digit() || first.is_numeric() {
            flags.insert(TokenFlags::NUMBER);
        }
        if !alnum {
            flags.insert(TokenFlags::PUNCT);
        }
        out.push(Token {
            start: start as u32,
            end: end as u32,
            norm_start,
            norm_end: norm.len() as u32,
            flags,
        });
    };

    let end_all = range.end;
    let mut i = range.start;
    let mut space_before = true;
    while i < end_all {
        let rest = &text[i..end_all];
        let c = rest.chars().next().expect("non-empty");
        if is_space(c) {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let mut flags = TokenFlags::default();
        if space_before {
            flags.insert(TokenFlags::SPACE_BEFORE);
        }
        space_before = false;

        if is_word_char(c) {
            // Scan a word: letters and digits, joined by inner periods (U.S, 3.5),
            // digit-group commas (155,221) and inner apostrophes (O'Brien).
            let start = i;
            let mut end = i + c.len_utf8();
            let mut has_inner_period = false;
            let mut negation_at = None;
            loop {
                let tail = &text[end..end_all];
                let mut it = tail.chars();
                let Some(n) = it.next() else { break };
                if is_word_char(n) {
                    end += n.len_utf8();
                    continue;
                }
                let next = it.next();
                let joins = match n {
                    '.' => next.is_some_and(is_word_char),
                    ',' => {
                        text[..end].ends_with(|p: char| p.is_ascii_digit())
                            && next.is_some_and(|x| x.is_ascii_digit())
                    }
                    _ if is_apostrophe(n) => {
                        if clitic_len(tail).is_some() {
                            false
                        } else if next.is_some_and(|x| x == 't' || x == 'T')
                            && !tail[n.len_utf8() + 1..]
                                .chars()
                                .next()
                                .is_some_and(is_word_char)
                            && text[start..end].ends_with(['n', 'N'])
                            && end - start > 1
                        {
                            // "don't" -> "do" + "n't"
                            negation_at = Some(end - 1);
                            false
                        } else {
                            next.is_some_and(char::is_alphabetic)
                        }
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                if n == '.' {
                    has_inner_period = true;
                }
                end += n.len_utf8();
            }
            if let Some(at) = negation_at {
                push(start, at, flags, out);
                // "n" + apostrophe + "t"
                let apo_len = text[end..].chars().next().map_or(1, char::len_utf8);
                let mut f = TokenFlags::default();
                f.insert(TokenFlags::CLITIC);
                push(at, end + apo_len + 1, f, out);
                i = end + apo_len + 1;
                continue;
            }
            // A period after an abbreviation, an initial or a dotted word is its own.
            let word = &text[start..end];
            if text[end..end_all].starts_with('.') {
                let single_letter = word.chars().count() == 1 && c.is_alphabetic();
                if has_inner_period || single_letter || is_abbreviation(word) {
                    end += 1;
                    flags.insert(TokenFlags::ABBREVIATION);
                }
            }
            push(start, end, flags, out);
            i = end;
            continue;
        }

        if is_apostrophe(c)
            && (!flags.contains(TokenFlags::SPACE_BEFORE) || i == range.start)
            && let Some(n) = clitic_len(rest)
        {
            flags.insert(TokenFlags::CLITIC);
            push(i, i + n, flags, out);
            i += n;
            continue;
        }

        // Punctuation: runs of periods and of hyphens are one token ("...", "--").
        let mut end = i + c.len_utf8();
        if c == '.' || c == '-' {
            while text[end..end_all].starts_with(c) {
                end += 1;
            }
        }
        push(i, end, flags, out);
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut norm = String::new();
        tokenize(text, 0..text.len(), &mut out, &mut norm);
        out.iter()
            .map(|t| {
                (
                    text[t.span()].to_string(),
                    norm[t.norm_start as usize..t.norm_end as usize].to_string(),
                )
            })
            .collect()
    }

    fn surface(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn the_abbreviation_list_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_possessives_and_negation() {
        assert_eq!(surface("Putin’s forces"), ["Putin", "’s", "forces"]);
        assert_eq!(surface("Russia's invasion"), ["Russia", "'s", "invasion"]);
        assert_eq!(surface("Beijing hasn't"), ["Beijing", "has", "n't"]);
        assert_eq!(surface("they don’t"), ["they", "do", "n’t"]);
        assert_eq!(
            surface("O'Brien and Côte d’Ivoire"),
            ["O'Brien", "and", "Côte", "d’Ivoire"]
        );
        assert_eq!(surface("we'll go"), ["we", "'ll", "go"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_initials() {
        assert_eq!(
            surface("The U.S. and Gen. J. Smith paid 155,221 at 3.5%."),
            [
                "The", "U.S.", "and", "Gen.", "J.", "Smith", "paid", "155,221", "at", "3.5", "%",
                "."
            ]
        );
        assert_eq!(
            surface("Asia-Pacific 12-point"),
            ["Asia", "-", "Pacific", "12", "-", "point"]
        );
        assert_eq!(
            surface("wait... no -- yes"),
            ["wait", "...", "no", "--", "yes"]
        );
    }

    #[test]
    fn flags_describe_the_token() {
        let mut out = Vec::new();
        let mut norm = String::new();
        let text = "NATO said 12 “no”";
        tokenize(text, 0..text.len(), &mut out, &mut norm);
        assert!(out[0].flags.contains(TokenFlags::ALL_CAPS));
        assert!(out[0].flags.contains(TokenFlags::CAPITALIZED));
        assert!(!out[1].flags.contains(TokenFlags::CAPITALIZED));
        assert!(out[2].flags.contains(TokenFlags::NUMBER));
        assert!(out[3].flags.contains(TokenFlags::PUNCT));
        assert!(!out[4].flags.contains(TokenFlags::SPACE_BEFORE));
        assert_eq!(
            &norm[out[3].norm_start as usize..out[3].norm_end as usize],
            "\""
        );
    }
}
