//! The three JSON Lines corpora in `../shared/corpus` read fully and cleanly.

mod common;

use std::time::Instant;

use dyad_io::readers::text::headline;
use dyad_io::{ReadOptions, read_inputs};

#[test]
fn corpora_read_fully_without_errors() {
    let Some(shared) = common::shared() else {
        return;
    };
    let corpus = shared.join("corpus");
    for (file, expected) in [
        ("bbc-news-2004-2005-mlg-ucd-2225.jsonl", 2_225),
        ("reuters21578-1987-newswire.jsonl", 19_779),
        ("indiapoliceevents-timesofindia-2002-03.jsonl", 1_257),
    ] {
        let path = corpus.join(file);
        let bytes = std::fs::metadata(&path).unwrap().len();
        let start = Instant::now();
        let (mut docs, mut errors, mut dated, mut titled) = (0, Vec::new(), 0, 0);
        let mut languages = std::collections::BTreeMap::<String, usize>::new();
        for item in read_inputs([&path], &ReadOptions::default()) {
            match item {
                Ok(d) => {
                    docs += 1;
                    dated += d.published.is_some() as usize;
                    titled += d.title.is_some() as usize;
                    *languages
                        .entry(d.language.clone().unwrap_or_else(|| "?".into()))
                        .or_default() += 1;
                    assert!(!d.text.is_empty() && !d.id.is_empty());
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{file}: {docs} documents ({dated} dated, {titled} titled), {} errors, {:.1} MB/s (this build)",
            errors.len(),
            bytes as f64 / 1e6 / secs
        );
        assert_eq!(errors, Vec::<String>::new(), "{file}");
        assert_eq!(docs, expected, "{file}");
        // English news, detected as English (or too short to tell): another
        // language here would leave a story uncoded.
        let other: usize = languages
            .iter()
            .filter(|(l, _)| *l != "en" && *l != "?")
            .map(|(_, n)| n)
            .sum();
        eprintln!("  languages: {languages:?}");
        assert!(other * 1000 <= docs, "{file}: {languages:?}");
    }
}

/// The headline guess of the text reader, checked against corpora whose
/// titles are known: BBC texts start with their title line; Reuters texts
/// start with a hard-wrapped dateline paragraph, which is no headline.
#[test]
fn headline_guess_on_real_texts() {
    let Some(shared) = common::shared() else {
        return;
    };
    let corpus = shared.join("corpus");
    let bbc = corpus.join("bbc-news-2004-2005-mlg-ucd-2225.jsonl");
    let (mut n, mut right) = (0, 0);
    for d in read_inputs([&bbc], &ReadOptions::default()).flatten() {
        n += 1;
        // The corpus texts hold the body; put the title line back on top, as
        // in the original text files.
        let text = format!("{}\n\n{}", d.title.as_deref().unwrap(), d.text);
        right += (headline(&text) == d.title.as_deref()) as usize;
    }
    let reuters = corpus.join("reuters21578-1987-newswire.jsonl");
    let (mut m, mut wrong) = (0, 0);
    for d in read_inputs([&reuters], &ReadOptions::default()).flatten() {
        m += 1;
        wrong += headline(&d.text).is_some() as usize;
    }
    eprintln!(
        "headline(): BBC title line found in {right}/{n}; Reuters false headlines {wrong}/{m}"
    );
    assert!(right as f64 >= 0.97 * n as f64);
    assert!((wrong as f64) <= 0.05 * m as f64);
}
