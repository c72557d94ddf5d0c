//! Windowed analysis (`Pipeline::analyze_windows`): where windows are cut, and that a
//! long document coded in windows gives the records of the same document coded in
//! one piece wherever story-level context does not matter (offsets, sentence
//! numbers, event ids, no event lost at a window's edge).

use dyad_core::Document;
use dyad_core::output::{ModeFilter, event_records_iter, sentence_records};
use dyad_core::pipeline::{Analysis, Pipeline, WINDOW_BYTES, WindowInfo};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")))
}

/// Sentences whose coding needs nothing from earlier sentences: full names, no
/// pronouns or definite descriptions, unambiguous places.
const PLAIN: [&str; 5] = [
    "Russia condemned Ukraine on Monday.",
    "China praised Japan.",
    "Kenyan police arrested 40 protesters in Nairobi.",
    "France and Germany signed an agreement in Berlin.",
    "Iran threatened Israel.",
];

/// Sentence and event records (every mode, with explanations) as JSON.
struct Coded {
    sentences: Vec<Value>,
    events: Vec<Value>,
    windows: Vec<WindowInfo>,
}

fn records(doc: &Document, a: &Analysis, out: &mut Coded) {
    let p = pipeline();
    out.sentences.extend(
        sentence_records(doc, a)
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialises")),
    );
    out.events.extend(
        event_records_iter(p, doc, a, ModeFilter::All, true)
            .map(|r| serde_json::to_value(&r).expect("serialises")),
    );
    out.windows.push(a.window);
}

fn whole(doc: &Document) -> Coded {
    let mut a = Analysis::default();
    pipeline().analyze(doc, None, &mut a);
    let mut out = Coded {
        sentences: Vec::new(),
        events: Vec::new(),
        windows: Vec::new(),
    };
    records(doc, &a, &mut out);
    out
}

fn windowed(doc: &Document, window: usize) -> Coded {
    let mut a = Analysis::default();
    let mut out = Coded {
        sentences: Vec::new(),
        events: Vec::new(),
        windows: Vec::new(),
    };
    pipeline().analyze_windows(doc, None, window, &mut a, |a| records(doc, a, &mut out));
    out
}

/// The windows tile the text in order, each at most `window` bytes.
fn assert_tiling(text: &str, windows: &[WindowInfo], window: usize) {
    assert!(windows.len() > 1, "the text is cut: {windows:?}");
    let mut at = 0;
    for (i, w) in windows.iter().enumerate() {
        assert_eq!(w.index as usize, i);
        assert_eq!(w.start, at, "windows follow each other");
        assert!(w.end > w.start && w.end - w.start <= window, "{w:?}");
        assert!(text.is_char_boundary(w.end));
        assert_eq!(w.last, i + 1 == windows.len());
        at = w.end;
    }
    assert_eq!(at, text.len(), "the windows cover the text");
}

/// The starts of the windows after the first.
fn cuts(windows: &[WindowInfo]) -> Vec<usize> {
    windows.iter().skip(1).map(|w| w.start).collect()
}

fn assert_same_records(doc: &Document, window: usize) -> Coded {
    let one = whole(doc);
    let parts = windowed(doc, window);
    assert_tiling(&doc.text, &parts.windows, window);
    assert!(one.events.len() > 20, "the text codes events");
    assert_eq!(
        one.sentences, parts.sentences,
        "sentences, offsets and numbers"
    );
    assert_eq!(
        one.events.len(),
        parts.events.len(),
        "no event lost or added"
    );
    for (a, b) in one.events.iter().zip(&parts.events) {
        assert_eq!(a, b, "differs at {:?}", differences(a, b, String::new()));
    }
    let ids: HashSet<&str> = parts
        .events
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids.len(), parts.events.len(), "event ids are unique");
    parts
}

/// The JSON paths where `a` and `b` differ.
fn differences(a: &Value, b: &Value, at: String) -> Vec<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .flat_map(|(k, v)| differences(v, &y[k], format!("{at}.{k}")))
            .collect(),
        _ if a == b => Vec::new(),
        _ => vec![format!("{at}: {a} / {b}")],
    }
}

#[test]
fn paragraphs_are_cut_at_blank_lines_and_code_as_in_one_piece() {
    let para = PLAIN.join(" ");
    let text = vec![para.as_str(); 40].join("\n\n");
    let doc = Document::from_text(text.clone());
    let parts = assert_same_records(&doc, 2048);
    for cut in cuts(&parts.windows) {
        assert!(
            text[..cut].ends_with("\n\n"),
            "cut at {cut} after a blank line"
        );
    }
}

#[test]
fn a_single_paragraph_is_cut_at_sentence_starts_and_codes_as_in_one_piece() {
    let text = vec![PLAIN.join(" "); 40].join(" ");
    let doc = Document::from_text(text.clone());
    let parts = assert_same_records(&doc, 2048);
    let starts: HashSet<u64> = whole(&doc)
        .sentences
        .iter()
        .filter_map(|s| s["start"].as_u64())
        .collect();
    for cut in cuts(&parts.windows) {
        assert!(
            starts.contains(&(cut as u64)),
            "cut at {cut}: a sentence start"
        );
        assert!(text[..cut].ends_with(". "));
    }
}

#[test]
fn sentences_longer_than_half_a_window_are_cut_after_white_space() {
    // 256-token sentences of 61-byte words: no sentence starts in a window's second half.
    let word = "x".repeat(60);
    let text = vec![word.as_str(); 600].join(" ");
    let doc = Document::from_text(text.clone());
    let parts = windowed(&doc, 4096);
    assert_tiling(&text, &parts.windows, 4096);
    for cut in cuts(&parts.windows) {
        assert!(text[..cut].ends_with(' '), "cut at {cut} after a space");
    }
    let (last, full) = parts.windows.split_last().expect("windows");
    assert!(full.iter().all(|w| w.end - w.start >= 2048), "{full:?}");
    assert!(last.end - last.start <= 4096);
    // Sentence numbers continue across the windows.
    for (i, s) in parts.sentences.iter().enumerate() {
        assert_eq!(s["index"].as_u64(), Some(i as u64));
    }
}

#[test]
fn text_without_white_space_is_cut_at_char_boundaries() {
    let text = "é".repeat(3000) + "ü";
    let doc = Document::from_text(text.clone());
    let parts = windowed(&doc, 1001);
    assert_tiling(&text, &parts.windows, 1001);
    let full = &parts.windows[..parts.windows.len() - 1];
    assert!(full.iter().all(|w| w.end - w.start == 1000), "{full:?}");
}

#[test]
fn a_later_window_never_opens_with_a_dateline() {
    let para = format!("MOSCOW, March 21 (Reuters) - {}", PLAIN.join(" "));
    let mut a = Analysis::default();
    pipeline().analyze(&Document::from_text(para.clone()), None, &mut a);
    assert!(
        a.clean.dateline.is_some(),
        "a story opening so has a dateline"
    );
    let doc = Document::from_text(vec![para.as_str(); 30].join("\n\n"));
    let mut datelines = Vec::new();
    pipeline().analyze_windows(&doc, None, 2048, &mut a, |a| {
        datelines.push(a.clean.dateline.is_some());
    });
    assert!(datelines.len() > 1);
    assert!(datelines[0] && !datelines[1..].iter().any(|&d| d));
    assert_eq!(whole(&doc).sentences, windowed(&doc, 2048).sentences);
}

#[test]
fn a_story_dense_with_pronouns_keeps_its_sentences_and_unique_ids() {
    let para = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow \
                on Monday. The two leaders signed an agreement, and he said they would meet \
                again in Beijing. Russia and China condemned Ukraine, while the president \
                said its troops would stay.";
    let doc = Document::from_text(vec![para; 30].join(" "));
    let one = whole(&doc);
    let parts = windowed(&doc, 2048);
    assert_tiling(&doc.text, &parts.windows, 2048);
    assert_eq!(one.sentences, parts.sentences);
    let ids: HashSet<&str> = parts
        .events
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids.len(), parts.events.len());
    // Numbers continue across windows.
    for pair in parts.windows.windows(2) {
        assert!(pair[1].first_sentence > pair[0].first_sentence);
        assert!(pair[1].first_event > pair[0].first_event);
    }
}

#[test]
fn a_document_within_one_window_is_coded_as_by_analyze() {
    let doc = Document::from_text(vec![PLAIN.join(" "); 20].join("\n\n"));
    assert!(doc.text.len() < WINDOW_BYTES);
    let parts = windowed(&doc, WINDOW_BYTES);
    let one = whole(&doc);
    assert_eq!(parts.windows, [WindowInfo::whole(doc.text.len())]);
    assert_eq!(one.sentences, parts.sentences);
    assert_eq!(one.events, parts.events);
}
