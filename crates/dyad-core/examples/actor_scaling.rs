//! CPU time of the actor stage on one story dense with actors, at sizes ten times
//! apart (issue 11: time must grow at most about tenfold with the input):
//!
//! ```sh
//! cargo run --release -p dyad-core --example actor_scaling -- [BYTES...]
//! ```
//!
//! The story (default sizes 1 MB and 10 MB) repeats a paragraph full of countries,
//! leaders, compound actors, pronouns, definite descriptions and `the two leaders`.
//! Each size is segmented and looked up once; the actor stage
//! ([`ActorRecognizer::recognize`](dyad_core::actors::ActorRecognizer::recognize)) is
//! then timed alone, by this thread's CPU time (from `/proc/thread-self/schedstat`,
//! Linux), since on a shared machine the wall clock counts other people's work.
//! `scripts/hostile-scaling.sh actors` measures the whole `dyad code` instead.

use dyad_core::Document;
use dyad_core::actors::Scratch;
use dyad_core::pipeline::{Analysis, Pipeline};
use std::time::Instant;

/// Written for this benchmark.
const PARAGRAPH: &str = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. The two leaders signed an agreement, and he said they would meet again in Beijing. Russia and China condemned Ukraine, while the president said its troops would stay. Both countries praised Japan, and the government said it will send aid to Kenya. Putin told Xi that Kenyan police and French officials had arrested the rebels. ";

/// Nanoseconds this thread has run on a CPU (0 where the kernel does not say).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![1_000_000, 10_000_000];
    }
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    println!(
        "{:>12} {:>10} {:>10} {:>8} {:>8}",
        "bytes", "sentences", "mentions", "cpu_s", "wall_s"
    );
    for size in sizes {
        let mut text = PARAGRAPH.repeat(size / PARAGRAPH.len() + 1);
        text.truncate(size);
        let doc = Document::from_text(&text);
        let mut a = Analysis::default();
        pipeline.segment(&doc, &mut a);
        pipeline.lexicon.lookup_tokens(&a.segmented, &mut a.words);
        let (mut scratch, mut mentions) = (Scratch::default(), Vec::new());
        let (cpu, wall) = (cpu_ns(), Instant::now());
        pipeline.actors.recognize(
            &doc.text,
            &a.segmented,
            &a.words,
            &pipeline.lexicon,
            None,
            None,
            &mut scratch,
            &mut mentions,
        );
        let cpu_s = (cpu_ns() - cpu) as f64 / 1e9;
        println!(
            "{size:>12} {:>10} {:>10} {cpu_s:>8.2} {:>8.2}",
            a.segmented.sentences.len(),
            mentions.len(),
            wall.elapsed().as_secs_f64()
        );
    }
}
