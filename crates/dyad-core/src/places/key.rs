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

/// Words that GeoNames writes before a first-level division's name (`Muhafazat
/// Kirkuk`, `Wilayat-e Baghlan`) and after it (`Anhui Sheng`, `Basra Governorate`,
/// `Altai Krai`), as keys. News names the division without them.
const DIVISION_PREFIXES: &[&str] = &[
    "muhafazat ",
    "wilayat e ",
    "mayorality of ",
    "province of ",
    "provincia de ",
    "provincia di ",
    "departamento de ",
    "departement de la ",
    "departement de l ",
    "departement de ",
    "departement du ",
    "estado de ",
    "state of ",
    "region of ",
    "oblast ",
    "county ",
];
const DIVISION_SUFFIXES: &[&str] = &[
    " uygur zizhiqu",
    " zhuangzu zizhiqu",
    " huizu zizhiqu",
    " zizhiqu",
    " sheng",
    " shi",
    " autonomous region",
    " autonomous okrug",
    " avtonomnyy okrug",
    " autonomous oblast",
    " governorate",
    " province",
    " provinsi",
    " oblast",
    " krai",
    " kray",
    " republic",
    " region",
    " prefecture",
    " county",
    " state",
    " district",
    " city",
];

/// The key of a division's name without the generic words around it (`anhui sheng`
/// -> `anhui`, `muhafazat kirkuk` -> `kirkuk`, `krasnodar krai` -> `krasnodar`,
/// `county antrim` -> `antrim`); `None` when it has none or nothing would be left.
pub fn division_core(key: &str) -> Option<&str> {
    let mut core = key;
    for p in DIVISION_PREFIXES {
        if let Some(rest) = core.strip_prefix(p) {
            core = rest;
            break;
        }
    }
    for s in DIVISION_SUFFIXES {
        if let Some(rest) = core.strip_suffix(s) {
            core = rest;
            break;
        }
    }
    (core.len() != key.len() && core.len() >= 3).then_some(core)
}

/// The consonant skeleton of a key, for names that transliterations spell apart
/// (`zaporizhzhia`, `zaporizhzhya`; `vinnytsia`, `vinnytsya`; `gorlovka`,
/// `horlivka`): the first letter, then the consonants with `kh`/`g` as `h`, `c`/`q`
/// as `k`, `w` as `v`, `zh`/`dzh`/`dj` as `j`, `ph` as `f`, doubled letters once,
/// vowels and spaces dropped. Only a fallback: two names with one skeleton must also
/// be close in spelling ([`close`]).
pub fn skeleton(key: &str) -> String {
    let mut letters = key.bytes().filter(|b| *b != b' ');
    let Some(first) = letters.next() else {
        return String::new();
    };
    let rest: Vec<u8> = letters.collect();
    let mut out = String::with_capacity(key.len());
    out.push(first as char);
    let mut i = 0;
    while i < rest.len() {
        let (c, step) = match (rest[i], rest.get(i + 1).copied(), rest.get(i + 2).copied()) {
            (b'd', Some(b'z'), Some(b'h')) => (b'j', 3),
            (b'k', Some(b'h'), _) => (b'h', 2),
            (b'z', Some(b'h'), _) | (b'd', Some(b'j'), _) => (b'j', 2),
            (b'p', Some(b'h'), _) => (b'f', 2),
            (b'c', Some(b'k'), _) => (b'k', 2),
            (b'g', _, _) => (b'h', 1),
            (b'c' | b'q', _, _) => (b'k', 1),
            (b'w', _, _) => (b'v', 1),
            (c, _, _) => (c, 1),
        };
        i += step;
        if !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') && !out.ends_with(c as char) {
            out.push(c as char);
        }
    }
    out
}

/// The edit distance between two keys (insertions, deletions, substitutions).
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Whether two keys are close in spelling: at most a quarter of the longer one's
/// letters differ ([`distance`]), so that a shared skeleton is a spelling variant
/// (`gonder`, `gondar`) and not another name (`cumbria`, `comber`).
pub fn close(a: &str, b: &str) -> bool {
    distance(a, b) * 4 <= a.len().max(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(name: &str) -> String {
        let mut out = String::new();
        push_ascii_key(name, &mut out);
        out
    }

    #[test]
    fn division_words_come_off() {
        assert_eq!(division_core(&k("Anhui Sheng")), Some("anhui"));
        assert_eq!(division_core(&k("Muhafazat Kirkuk")), Some("kirkuk"));
        assert_eq!(division_core(&k("Basra Governorate")), Some("basra"));
        assert_eq!(division_core(&k("Krasnodar Krai")), Some("krasnodar"));
        assert_eq!(division_core(&k("County Antrim")), Some("antrim"));
        assert_eq!(division_core(&k("Gaza City")), Some("gaza"));
        // Nothing to take off, or too little left.
        assert_eq!(division_core(&k("Donetsk")), None);
        assert_eq!(division_core(&k("Ur State")), None);
    }

    #[test]
    fn transliterations_share_a_skeleton_and_are_close() {
        for (a, b) in [
            ("zaporizhzhia", "zaporizhzhya"),
            ("vinnytsia", "vinnytsya"),
            ("lugansk", "luhansk"),
            ("slavyansk", "slovyansk"),
            ("gonder", "gondar"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} {b}");
            assert!(close(a, b), "{a} {b}");
        }
        // One skeleton, but other names.
        assert_eq!(skeleton("cumbria"), skeleton("comber"));
        assert!(!close("cumbria", "comber"));
        assert!(!close("siachen", "sachin"));
    }

    #[test]
    fn the_key_hash_depends_on_every_byte() {
        assert_ne!(key_hash("kiev"), key_hash("kiew"));
        assert_ne!(key_hash("kiev"), key_hash("kiev "));
        assert_eq!(key_hash("kiev"), key_hash("kiev"));
    }
}
