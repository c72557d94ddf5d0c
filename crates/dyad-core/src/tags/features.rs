//! The tagger's features: what it sees of a token and its neighbours, as 32-bit keys.
//!
//! Every feature is a template number mixed with one or two 32-bit values (hashes of
//! strings, or tag numbers). The training script (`scripts/train-pos/`) computes the
//! keys of the tag features (`P1`, `P2`, `P1P2`, `P1W`, `P1_NEXT`, `P1_SUFFIX3`) with
//! the same arithmetic and
//! reads every other key from this code (`examples/pos_features.rs`), so training and
//! tagging cannot disagree on a feature.

use crate::segment::{Segmented, Token, TokenFlags};

/// Feature templates. Their numbers are part of the model file: never renumber.
pub(crate) mod template {
    pub const BIAS: u32 = 1;
    pub const WORD: u32 = 2;
    pub const SUFFIX3: u32 = 3;
    pub const SUFFIX2: u32 = 4;
    pub const PREFIX1: u32 = 5;
    pub const SHAPE: u32 = 6;
    pub const WORD_CASE: u32 = 7;
    pub const PREV_WORD: u32 = 8;
    pub const PREV_SUFFIX3: u32 = 9;
    pub const PREV2_WORD: u32 = 10;
    pub const NEXT_WORD: u32 = 11;
    pub const NEXT_SUFFIX3: u32 = 12;
    pub const NEXT2_WORD: u32 = 13;
    pub const CASE_CONTEXT: u32 = 14;
    pub const NEXT_SHAPE: u32 = 15;
    /// The tag before (tag number + 1).
    pub const P1: u32 = 16;
    /// The tag two before.
    pub const P2: u32 = 17;
    /// The two tags before, together.
    pub const P1P2: u32 = 18;
    /// The tag before with this word.
    pub const P1W: u32 = 19;
    /// This word with the next.
    pub const WORD_NEXT: u32 = 20;
    /// The tag before with the next word ("NOUN _ the": a verb).
    pub const P1_NEXT: u32 = 21;
    /// The tag before with this word's last three letters.
    pub const P1_SUFFIX3: u32 = 22;
}

/// How many features of a token do not depend on the tags before it.
pub(crate) const STATIC_FEATURES: usize = 16;

/// How many features of a token depend on the tags before it.
pub(crate) const TAG_FEATURES: usize = 6;

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a over `bytes`, from `h`.
fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The 32-bit hash of a string value.
pub(crate) fn hash_str(s: &str) -> u32 {
    fnv(FNV_OFFSET, s.as_bytes())
}

/// MurmurHash3's finaliser: spreads every input bit over the output.
fn fmix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// The key of template `t` with value `a`. Never 0 (0 marks an empty slot).
pub(crate) fn key(t: u32, a: u32) -> u32 {
    fmix(a.wrapping_add(t.wrapping_mul(0x9e37_79b9))).max(1)
}

/// The key of template `t` with values `a` and `b`.
pub(crate) fn key2(t: u32, a: u32, b: u32) -> u32 {
    key(t, a ^ fmix(b.wrapping_add(0x7f4a_7c15)))
}

/// What the features use of one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordInfo {
    /// The word: its normalised form, numbers folded to `!YEAR` or `!DIGITS`.
    pub word: u32,
    pub suffix3: u32,
    pub suffix2: u32,
    pub prefix1: u32,
    pub shape: u32,
    /// 0 lower case, 1 capitalised, 2 all capitals, 3 other.
    pub case: u32,
}

impl WordInfo {
    /// The stand-in for positions before the sentence start.
    pub fn start() -> Self {
        Self::boundary("-START-")
    }

    /// The stand-in for positions after the sentence end.
    pub fn end() -> Self {
        Self::boundary("-END-")
    }

    fn boundary(s: &str) -> Self {
        let h = hash_str(s);
        WordInfo {
            word: h,
            suffix3: h,
            suffix2: h,
            prefix1: h,
            shape: h,
            case: 4,
        }
    }

    /// The information of `token`, whose text is `surface` and normalised form `norm`.
    pub fn of(surface: &str, norm: &str, flags: TokenFlags) -> Self {
        let word = if flags.contains(TokenFlags::NUMBER) {
            if norm.len() == 4 && norm.bytes().all(|b| b.is_ascii_digit()) {
                hash_str("!YEAR")
            } else {
                hash_str("!DIGITS")
            }
        } else {
            hash_str(norm)
        };
        let case = if flags.contains(TokenFlags::ALL_CAPS) {
            2
        } else if flags.contains(TokenFlags::CAPITALIZED) {
            1
        } else if surface.chars().next().is_some_and(char::is_lowercase) {
            0
        } else {
            3
        };
        WordInfo {
            word,
            suffix3: hash_str(suffix(norm, 3)),
            suffix2: hash_str(suffix(norm, 2)),
            prefix1: hash_str(prefix(norm, 1)),
            shape: shape(surface),
            case,
        }
    }

    /// The information of the `i`-th token of `tokens` (a sentence of `seg`), or a
    /// boundary stand-in outside it.
    pub fn at(text: &str, seg: &Segmented, tokens: &[Token], i: isize) -> Self {
        if i < 0 {
            return Self::start();
        }
        match tokens.get(i as usize) {
            Some(t) => Self::of(text.get(t.span()).unwrap_or(""), seg.norm(t), t.flags),
            None => Self::end(),
        }
    }
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((at, _)) => &s[at..],
        None => s,
    }
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// The hash of the word's shape: `X` upper case, `x` lower case, `d` digit, other
/// characters as they are (`?` beyond ASCII), runs collapsed, at most 6 characters
/// (`Putin` -> `Xx`, `U.S.` -> `X.X.`, `3.5` -> `d.d`).
fn shape(surface: &str) -> u32 {
    let mut buf = [0u8; 6];
    let mut len = 0;
    for c in surface.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if len > 0 && buf[len - 1] == s {
            continue;
        }
        if len == buf.len() {
            break;
        }
        buf[len] = s;
        len += 1;
    }
    fnv(FNV_OFFSET, &buf[..len])
}

/// The keys of the features of the middle token of `w` (tokens i-2 .. i+2) that do
/// not depend on tags.
pub(crate) fn static_keys(w: &[WordInfo; 5], first: bool) -> [u32; STATIC_FEATURES] {
    use template::*;
    let [p2, p1, me, n1, n2] = w;
    [
        key(BIAS, 0),
        key(WORD, me.word),
        key(SUFFIX3, me.suffix3),
        key(SUFFIX2, me.suffix2),
        key(PREFIX1, me.prefix1),
        key(SHAPE, me.shape),
        key2(WORD_CASE, me.word, me.case | (first as u32) << 4),
        key(PREV_WORD, p1.word),
        key(PREV_SUFFIX3, p1.suffix3),
        key(PREV2_WORD, p2.word),
        key(NEXT_WORD, n1.word),
        key(NEXT_SUFFIX3, n1.suffix3),
        key(NEXT2_WORD, n2.word),
        key(CASE_CONTEXT, p1.case | me.case << 4 | n1.case << 8),
        key(NEXT_SHAPE, n1.shape),
        key2(WORD_NEXT, me.word, n1.word),
    ]
}

/// The keys of the features of `me` (followed by `next`) that depend on the two tags
/// before (`p1`, `p2`: tag number + 1, 0 before the sentence start).
pub(crate) fn tag_keys(p1: u32, p2: u32, me: &WordInfo, next: &WordInfo) -> [u32; TAG_FEATURES] {
    use template::*;
    [
        key(P1, p1),
        key(P2, p2),
        key2(P1P2, p1, p2),
        key2(P1W, p1, me.word),
        key2(P1_NEXT, p1, next.word),
        key2(P1_SUFFIX3, p1, me.suffix3),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_the_training_script() {
        // The same numbers are asserted in scripts/train-pos/features.py.
        assert_eq!(hash_str("pounds"), 0x50bc_7492);
        assert_eq!(key(template::P1, 3), 0xd7ff_b11c);
        assert_eq!(key2(template::P1W, 3, hash_str("march")), 0x3fff_a767);
    }

    #[test]
    fn suffixes_prefixes_and_shapes() {
        assert_eq!(suffix("pounds", 3), "nds");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("élan", 1), "é");
        assert_eq!(shape("Putin"), fnv(FNV_OFFSET, b"Xx"));
        assert_eq!(shape("U.S."), fnv(FNV_OFFSET, b"X.X."));
        assert_eq!(shape("1,234.5"), fnv(FNV_OFFSET, b"d,d.d"));
    }
}
