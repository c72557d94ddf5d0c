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

/// A token's shape flags from its text: capitalised, all caps, number, punctuation.
fn shape_flags(s: &str, mut flags: TokenFlags) -> TokenFlags {
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
    flags
}

/// Appends the token `text[start..end]` to `out`, its normalised form to `norm`.
fn push_token(
    text: &str,
    start: usize,
    end: usize,
    flags: TokenFlags,
    out: &mut Vec<Token>,
    norm: &mut String,
) {
    let s = &text[start..end];
    let norm_start = norm.len() as u32;
    normalize_into(s, norm);
    out.push(Token {
        start: start as u32,
        end: end as u32,
        norm_start,
        norm_end: norm.len() as u32,
        flags: shape_flags(s, flags),
    });
}

/// A word scanned by [`scan_word`].
struct Word {
    /// One past its last byte.
    end: usize,
    /// It has a period inside (`U.S`, `3.5`).
    has_inner_period: bool,
    /// Where a negation clitic starts (`do|n't`), when the word ends in one.
    negation_at: Option<usize>,
}

/// What the character `n` after a word (ending at `end`) does to it.
enum Joint {
    /// It joins the word (an inner period, a digit-group comma, an inner apostrophe).
    Joins,
    /// It ends the word.
    Ends,
    /// It starts a negation clitic (`n't`): the word ends before its `n`.
    Negation,
}

/// Whether the punctuation `n` at `end` (with the character `next` after it) joins the
/// word `text[start..end]`: `U.S`, `3.5`, `155,221`, `O'Brien`; not `Putin's` and not
/// `don't`, whose clitics are tokens of their own.
fn joint(text: &str, start: usize, end: usize, tail: &str, n: char, next: Option<char>) -> Joint {
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
                return Joint::Negation;
            } else {
                next.is_some_and(char::is_alphabetic)
            }
        }
        _ => false,
    };
    if joins { Joint::Joins } else { Joint::Ends }
}

/// Scans a word starting at `start` with the word character `c`: letters and digits,
/// joined by inner periods (U.S, 3.5), digit-group commas (155,221) and inner
/// apostrophes (O'Brien).
fn scan_word(text: &str, start: usize, c: char, end_all: usize) -> Word {
    let mut end = start + c.len_utf8();
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
        match joint(text, start, end, tail, n, it.next()) {
            Joint::Joins => {}
            Joint::Ends => break,
            Joint::Negation => {
                // "don't" -> "do" + "n't"
                negation_at = Some(end - 1);
                break;
            }
        }
        if n == '.' {
            has_inner_period = true;
        }
        end += n.len_utf8();
    }
    Word {
        end,
        has_inner_period,
        negation_at,
    }
}

/// Pushes the word starting at `start` (first character `c`) and returns where the next
/// token starts: the word and its negation clitic (`do` `n't`), or the word with the
/// period after it when that period is its own (abbreviations, initials, dotted words).
fn push_word(
    text: &str,
    start: usize,
    c: char,
    end_all: usize,
    mut flags: TokenFlags,
    out: &mut Vec<Token>,
    norm: &mut String,
) -> usize {
    let word = scan_word(text, start, c, end_all);
    let mut end = word.end;
    if let Some(at) = word.negation_at {
        push_token(text, start, at, flags, out, norm);
        // "n" + apostrophe + "t"
        let apo_len = text[end..].chars().next().map_or(1, char::len_utf8);
        let mut f = TokenFlags::default();
        f.insert(TokenFlags::CLITIC);
        push_token(text, at, end + apo_len + 1, f, out, norm);
        return end + apo_len + 1;
    }
    if text[end..end_all].starts_with('.') {
        let single_letter = text[start..end].chars().count() == 1 && c.is_alphabetic();
        if word.has_inner_period || single_letter || is_abbreviation(&text[start..end]) {
            end += 1;
            flags.insert(TokenFlags::ABBREVIATION);
        }
    }
    push_token(text, start, end, flags, out, norm);
    end
}

/// Tokenises `text[range]`, appending tokens to `out` and their normalised forms to
/// `norm`. In one pass: white space is skipped; a word is scanned whole
/// (`scan_word`) with its negation clitic split off and its own period kept
/// (`push_word`); an apostrophe right after a token starts a clitic (`'s`, `'ll`);
/// anything else is punctuation, runs of periods and of hyphens one token (`...`, `--`).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>, norm: &mut String) {
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
            i = push_word(text, i, c, end_all, flags, out, norm);
            continue;
        }

        if is_apostrophe(c)
            && (!flags.contains(TokenFlags::SPACE_BEFORE) || i == range.start)
            && let Some(n) = clitic_len(rest)
        {
            flags.insert(TokenFlags::CLITIC);
            push_token(text, i, i + n, flags, out, norm);
            i += n;
            continue;
        }

        let mut end = i + c.len_utf8();
        if c == '.' || c == '-' {
            while text[end..end_all].starts_with(c) {
                end += 1;
            }
        }
        push_token(text, i, end, flags, out, norm);
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

    #[test]
    fn a_word_scan_stops_at_clitics_and_keeps_inner_joints() {
        fn scan(t: &str) -> (&str, bool, Option<usize>) {
            let w = scan_word(t, 0, t.chars().next().expect("a word"), t.len());
            (&t[..w.end], w.has_inner_period, w.negation_at)
        }
        assert_eq!(scan("U.S. troops"), ("U.S", true, None));
        assert_eq!(scan("155,221 people"), ("155,221", false, None));
        assert_eq!(scan("O'Brien said"), ("O'Brien", false, None));
        assert_eq!(scan("Putin's men"), ("Putin", false, None));
        assert_eq!(scan("don't go"), ("don", false, Some(2)));
        assert_eq!(scan("in't"), ("in", false, Some(1)));
        // One letter is no word to split a negation from.
        assert_eq!(scan("n't"), ("n't", false, None));
    }

    #[test]
    fn shape_flags_read_the_text() {
        let f = shape_flags("U.S.", TokenFlags::default());
        assert!(f.contains(TokenFlags::ALL_CAPS) && f.contains(TokenFlags::CAPITALIZED));
        assert!(shape_flags("1987", TokenFlags::default()).contains(TokenFlags::NUMBER));
        assert!(shape_flags("--", TokenFlags::default()).contains(TokenFlags::PUNCT));
        let kept = shape_flags("a", TokenFlags::SPACE_BEFORE);
        assert!(kept.contains(TokenFlags::SPACE_BEFORE) && !kept.contains(TokenFlags::CAPITALIZED));
    }
}
