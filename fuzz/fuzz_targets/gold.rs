//! `dyad eval`'s gold reader on arbitrary text, with and without a forced kind.
#![no_main]
use dyad_eval::gold::{Kind, parse};
use std::path::Path;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let kind = match k % 6 {
        0 => None,
        1 => Some(Kind::Triples),
        2 => Some(Kind::PloverTriples),
        3 => Some(Kind::Plv),
        4 => Some(Kind::Conflibert),
        _ => Some(Kind::CameoManual),
    };
    if let Ok(file) = parse(Path::new("fuzz.jsonl"), &text, kind) {
        let lines = text.lines().count();
        for (line, why) in &file.skipped {
            assert!(*line >= 1 && *line <= lines && !why.is_empty());
        }
        assert!(file.records.len() + file.skipped.len() <= lines);
    }
});
