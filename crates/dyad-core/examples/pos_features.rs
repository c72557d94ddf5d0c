//! Dumps dyad's sentences, tokens and tagger features of a JSON Lines corpus for the
//! part-of-speech training script (`scripts/train-pos/`):
//!
//! ```sh
//! cargo run --release -p dyad-core --example pos_features -- CORPUS.jsonl [MAX_DOCS] [--tag] > OUT.jsonl
//! ```
//!
//! One line per sentence: `doc` (the document id), `words` (the tokens as written),
//! `spaces` (whether white space follows each), `w`, `s` and `n` (hashes of the word,
//! its last three letters and the next word) and `f` (the keys of each token's
//! tag-independent features). With `--tag`, `t` holds the built-in
//! tagger's tags, so the script can check that Rust and Python agree.

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::segment::TokenFlags;
use dyad_core::tags::{Tagger, training_features};
use std::io::{BufRead, BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tag = args.iter().any(|a| a == "--tag");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--tag").collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pos_features CORPUS.jsonl [MAX_DOCS] [--tag]");
        std::process::exit(2);
    };
    let max_docs: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let tagger = Tagger::builtin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut a = Analysis::default();
    let mut tags = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        if n >= max_docs {
            break;
        }
        let line = line.unwrap_or_else(|e| {
            eprintln!("{path}:{}: {e}", n + 1);
            std::process::exit(1)
        });
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("{path}:{}: not JSON, skipped", n + 1);
            continue;
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let Some(text) = field("text") else { continue };
        let mut doc = Document::from_text(text);
        doc.title = field("title");
        let id = field("id").unwrap_or_else(|| format!("line-{}", n + 1));
        pipeline.segment(&doc, &mut a);
        let view = a.clean.view();
        if tag {
            tagger.tag_document(view, &a.segmented, &mut tags);
        }
        for s in &a.segmented.sentences {
            let toks = a.segmented.sentence_tokens(s);
            let words: Vec<&str> = toks.iter().map(|t| &view[t.span()]).collect();
            let spaces: Vec<bool> = (0..toks.len())
                .map(|i| {
                    toks.get(i + 1)
                        .is_some_and(|t| t.flags.contains(TokenFlags::SPACE_BEFORE))
                })
                .collect();
            let feats = training_features(view, &a.segmented, s);
            let mut rec = serde_json::json!({
                "doc": id,
                "words": words,
                "spaces": spaces,
                "w": feats.iter().map(|f| f.word).collect::<Vec<_>>(),
                "s": feats.iter().map(|f| f.suffix3).collect::<Vec<_>>(),
                "n": feats.iter().map(|f| f.next_word).collect::<Vec<_>>(),
                "f": feats.iter().map(|f| f.keys.to_vec()).collect::<Vec<_>>(),
            });
            if tag {
                rec["t"] = tags[s.tokens.clone()].iter().map(|t| t.name()).collect();
            }
            writeln!(out, "{rec}").expect("stdout");
        }
    }
}
