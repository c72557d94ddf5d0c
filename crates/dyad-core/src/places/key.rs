//! The lookup key of a place name: ASCII, lower case, apostrophes dropped, other
//! punctuation and spaces folded into one space (`Donets'k` and `Donetsk` meet;
//! `Saint-Ouen` is `saint ouen`). The build script compiles the gazetteer's keys with
//! this same file, so names and text always meet on equal terms.

/// Appends the key of an ASCII `name` to `out`. Non-ASCII characters are kept,
/// lower-cased (callers transliterate first: [`crate::places::place_key`]).
pub fn push_ascii_key(name: &str, out: &mut String) {
    let mut space = true;
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if matches!(c, '\'' | '\u{2019}' | '`' | '\u{02bc}') {
            // Dropped: `Donets'k`, `Kryvyi Rih'`.
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// The hash under which the gazetteer's index files a key (FNV-1a over the bytes, then
/// a 64-bit finaliser so that the low bits, which pick the slot, mix every byte). The
/// build script and the library compute it with this same function.
pub fn key_hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}
