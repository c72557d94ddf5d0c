//! Tokens per second of the part-of-speech tagger, by wall clock and by CPU time (a
//! development aid for shared machines, where the wall clock counts other people's
//! work; `cargo bench -p dyad-core --bench stages -- tags` is the benchmark):
//!
//! ```sh
//! cargo run --release -p dyad-core --example pos_speed -- CORPUS.jsonl [MAX_DOCS] [ROUNDS]
//! ```
//!
//! CPU time is this thread's time on a CPU, from `/proc/thread-self/schedstat` (Linux).

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::tags::Tagger;
use std::io::BufRead;
use std::time::Instant;

/// Nanoseconds this thread has run on a CPU (0 where the kernel does not say).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pos_speed CORPUS.jsonl [MAX_DOCS] [ROUNDS]");
        std::process::exit(2);
    };
    let max_docs: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut prepared = Vec::new();
    for line in std::io::BufReader::new(file).lines().take(max_docs) {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut a = Analysis::default();
        pipeline.segment(&Document::from_text(text), &mut a);
        prepared.push(a);
    }
    let tokens: usize = prepared.iter().map(|a| a.segmented.tokens.len()).sum();
    let tagger = Tagger::builtin();
    let mut tags = Vec::new();
    for round in 0..=rounds {
        let (wall, cpu) = (Instant::now(), cpu_ns());
        for a in &prepared {
            tagger.tag_document(a.clean.view(), &a.segmented, &mut tags);
            std::hint::black_box(&tags);
        }
        let (wall, cpu) = (wall.elapsed().as_secs_f64(), (cpu_ns() - cpu) as f64 / 1e9);
        if round > 0 {
            println!(
                "{tokens} tokens: {:.0} tokens/s by wall clock, {:.0} tokens/s of CPU time",
                tokens as f64 / wall,
                tokens as f64 / cpu.max(1e-9)
            );
        }
    }
}
