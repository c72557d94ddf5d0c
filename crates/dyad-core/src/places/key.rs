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
