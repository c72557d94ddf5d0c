//! The whole pipeline on arbitrary text, with the invariants of the
//! segmentation property tests: every span maps back into the input (in
//! bounds, on character boundaries), tokens lie inside their sentence, and
//! events' trigger tokens inside their sentence's.
#![no_main]
use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use std::sync::OnceLock;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let pipeline = PIPELINE.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries"));
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text(text.as_ref());
    let mut a = Analysis::default();
    pipeline.analyze(&doc, None, &mut a);
    let t = doc.text.as_str();
    let span_ok = |s: usize, e: usize| {
        s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e)
    };
    let seg = &a.segmented;
    for s in &seg.sentences {
        assert!(span_ok(s.start, s.end), "sentence {}..{}", s.start, s.end);
        assert!(s.tokens.len() <= dyad_core::segment::MAX_SENTENCE_TOKENS);
        for tok in seg.sentence_tokens(s) {
            let (ts, te) = (tok.start as usize, tok.end as usize);
            assert!(span_ok(ts, te) && s.start <= ts && te <= s.end);
        }
    }
    for m in &a.mentions {
        assert!(span_ok(m.start as usize, m.end as usize));
    }
    for e in &a.events {
        // Triggers are token ranges: inside their sentence's tokens.
        let s = &seg.sentences[e.sentence as usize];
        let (ts, te) = (e.trigger_start as usize, e.trigger_end as usize);
        assert!(
            s.tokens.start <= ts && ts < te && te <= s.tokens.end,
            "trigger tokens {ts}..{te} outside sentence tokens {:?}",
            s.tokens
        );
    }
});
