//! Shared helpers for the integration tests.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

/// The shared data directory (`../shared` beside the workspace), or `None`
/// (with a visible SKIP line) when it is absent.
pub fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written to stderr directly: the harness captures `eprintln!` and a skip
        // must show.
        std::io::Write::write_all(&mut std::io::stderr(), b"SKIP: ../shared not found\n").ok();
        None
    }
}

/// Lower-cased word tokens (maximal runs of letters and digits) with counts.
pub fn bag_of_words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Token counts for F1: (overlap, extracted, expected), overlap being the
/// multiset intersection of the two bags of words.
pub fn overlap(extracted: &str, expected: &str) -> (usize, usize, usize) {
    let (got, want) = (bag_of_words(extracted), bag_of_words(expected));
    let common = got
        .iter()
        .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
        .sum();
    (common, got.values().sum(), want.values().sum())
}

/// F1 from (overlap, extracted, expected) counts.
pub fn f1((common, got, want): (usize, usize, usize)) -> f64 {
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / got as f64;
    let r = common as f64 / want as f64;
    2.0 * p * r / (p + r)
}
