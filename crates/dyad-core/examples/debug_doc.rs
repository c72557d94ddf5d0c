//! Prints sentences, mentions and events of a text file (a development aid):
//! `cargo run -p dyad-core --example debug_doc -- FILE [YYYY-MM-DD]`.

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: debug_doc FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let t0 = std::time::Instant::now();
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    eprintln!("pipeline built in {:?}", t0.elapsed());
    let mut doc = Document::from_text(text);
    doc.published = args.get(2).and_then(|d| d.parse().ok());
    let mut a = Analysis::default();
    pipeline.analyze(&doc, None, &mut a);
    for s in &a.segmented.sentences {
        println!("\n[{}] {}", s.index, &doc.text[s.start..s.end]);
        if std::env::var_os("TAGS").is_some() {
            let tagged: Vec<String> = s
                .tokens
                .clone()
                .map(|t| {
                    let w = &doc.text[a.segmented.tokens[t].span()];
                    format!("{w}/{:?}", a.tags.get(t).map(|g| g.pos()))
                })
                .collect();
            println!("   T {}", tagged.join(" "));
        }
        for (i, m) in a
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == s.index)
        {
            println!(
                "   M{i:>3} {:<24} {:<10} {:?} {:?} grp={:?}",
                &doc.text[m.start as usize..m.end as usize],
                m.code.as_str(),
                m.kind,
                m.resolution,
                m.group
            );
        }
        for e in a.events.iter().filter(|e| e.sentence == s.index) {
            let trig = &doc.text[a.segmented.tokens[e.trigger_start as usize].span()];
            println!(
                "   E {} -> {:?} {} [{}] {:?} primary={} rule={} withheld={:?}",
                e.source_code,
                e.target_code.map(|c| c.to_string()),
                e.code,
                trig,
                e.mode,
                e.primary,
                pipeline.files[e.rule.file as usize].clone() + ":" + &e.rule.line.to_string(),
                dyad_core::relevance::withheld(e, &a.domain).map(|w| w.as_str())
            );
        }
    }
}
