//! Per-stage micro-benchmarks on real newswire text (see docs/performance.md).
//!
//! ```sh
//! cargo bench -p dyad-core --bench stages            # every stage
//! cargo bench -p dyad-core --bench stages -- segment # one group
//! ```
//!
//! The text is the Reuters-21578 corpus, read at bench time from
//! `../shared/corpus/reuters21578-1987-newswire.jsonl` (beside the repository). When it
//! is absent the benchmarks print a `SKIP` line and measure only start-up. By default
//! the first 2,000 documents (about 1.6 MB) are used, so that one iteration of the
//! slowest stage stays well under a second; `DYAD_BENCH_DOCS=N` changes that (0 means
//! every document) and `DYAD_BENCH_CORPUS=FILE` reads another JSON Lines file.
//!
//! Each stage is measured alone on the output of the stages before it, computed once
//! outside the timed loop:
//!
//! - `clean`: the cleaners (blank lines, boilerplate, repeated headline, dateline);
//! - `segment`: sentences and tokens of the cleaned view;
//! - `tags`: part-of-speech tagging ([`Tagger::tag_document`]), in tokens per second;
//! - `actors`: word lookup ([`Lexicon::lookup_tokens`]) and actor recognition;
//! - `events`: event coding and dates;
//! - `pipeline`: [`Pipeline::analyze`], every stage together;
//! - `output`: [`output::event_records`] serialised with `serde_json`, one line each;
//! - `startup`: [`Pipeline::builtin`] (compiling the dictionary text) against
//!   [`Pipeline::from_bytes`] (reading the compiled form, as the `dyad` binary does),
//!   alone and followed by a first one-sentence document (which compiles the
//!   boilerplate patterns, as the binary's first document does); `tagger/model`: reading
//!   the part-of-speech model (done on the first document).
//!
//! Text stages report bytes of document text per second (criterion's MiB are 2^20
//! bytes); `tags` reports tokens per second; `output` reports events per second;
//! `startup` reports bytes of dictionary text compiled, or of compiled form read, per
//! second. The corpus figures (documents, bytes, sentences, tokens, events) are printed first,
//! so sentences per second follow from the time per iteration.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dyad_core::actors::{Mention, Scratch};
use dyad_core::clean::{Boilerplate, CleanText, Cleaners};
use dyad_core::dict::Dictionaries;
use dyad_core::enrich::attach_dates;
use dyad_core::events::{Event, EventScratch};
use dyad_core::lexicon::WordId;
use dyad_core::output::{self, ModeFilter};
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::segment::{Segmented, Segmenter};
use dyad_core::tags::Tagger;
use dyad_core::{Document, PartialDate};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const DEFAULT_DOCS: usize = 2000;

fn corpus_path() -> PathBuf {
    match std::env::var_os("DYAD_BENCH_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/reuters21578-1987-newswire.jsonl"),
    }
}

/// Reads up to `limit` documents (0: all) from a JSON Lines corpus, the fields as
/// `dyad-io` reads them (text, title, published, id).
fn load_corpus(limit: usize) -> Option<Vec<Document>> {
    let path = corpus_path();
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "SKIP: {} not found; the stage benchmarks need the shared corpus (start-up is still measured)",
            path.display()
        );
        return None;
    };
    let mut docs = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let Some(text) = ["text", "body", "maintext", "content"]
            .iter()
            .find_map(|k| field(k))
        else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let mut doc = Document::from_text(text);
        if let Some(id) = field("id") {
            doc.id = id;
        }
        doc.title = field("title").or_else(|| field("headline"));
        doc.published = ["published", "date", "date_publish", "publish_date"]
            .iter()
            .filter_map(|k| field(k))
            .find_map(|d| {
                let day = d.get(..10).unwrap_or(&d);
                day.parse::<PartialDate>().ok()
            });
        docs.push(doc);
        if limit > 0 && docs.len() >= limit {
            break;
        }
    }
    Some(docs)
}

fn doc_limit() -> usize {
    std::env::var("DYAD_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_DOCS)
}

/// Every stage's output for every document, computed once.
struct Prepared {
    docs: Vec<Document>,
    bytes: u64,
    cleaned: Vec<CleanText>,
    segmented: Vec<Segmented>,
    words: Vec<Vec<WordId>>,
    mentions: Vec<Vec<Mention>>,
    analyses: Vec<Analysis>,
    sentences: u64,
    tokens: u64,
    events: u64,
}

fn prepare(pipeline: &Pipeline, cleaners: &Cleaners, docs: Vec<Document>) -> Prepared {
    let segmenter = Segmenter::default();
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    let mut p = Prepared {
        docs: Vec::new(),
        bytes,
        cleaned: Vec::new(),
        segmented: Vec::new(),
        words: Vec::new(),
        mentions: Vec::new(),
        analyses: Vec::new(),
        sentences: 0,
        tokens: 0,
        events: 0,
    };
    let mut scratch = Scratch::default();
    for doc in &docs {
        let clean = cleaners.clean(&doc.text, doc.title.as_deref());
        let mut seg = Segmented::default();
        segmenter.segment(&clean, &mut seg);
        let mut words = Vec::new();
        pipeline.lexicon.lookup_tokens(&seg, &mut words);
        let mut mentions = Vec::new();
        pipeline.actors.recognize(
            &doc.text,
            &seg,
            &words,
            &pipeline.lexicon,
            doc.published.map(|d| d.first_day()),
            clean.dateline.as_ref().map(|d| d.place.as_str()),
            &mut scratch,
            &mut mentions,
        );
        let mut analysis = Analysis::default();
        pipeline.analyze(doc, None, &mut analysis);
        p.sentences += seg.sentences.len() as u64;
        p.tokens += seg.tokens.len() as u64;
        p.events += output::event_records(pipeline, doc, &analysis, ModeFilter::Default, false)
            .len() as u64;
        p.cleaned.push(clean);
        p.segmented.push(seg);
        p.words.push(words);
        p.mentions.push(mentions);
        p.analyses.push(analysis);
    }
    p.docs = docs;
    p
}

fn stages(c: &mut Criterion) {
    let Some(docs) = load_corpus(doc_limit()) else {
        return;
    };
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| panic!("built-in dictionaries: {e}"));
    let dicts = Dictionaries::builtin().unwrap_or_else(|e| panic!("built-in dictionaries: {e}"));
    let boilerplate =
        Boilerplate::parse("boilerplate.txt", &dicts.boilerplate).expect("valid boilerplate");
    let cleaners = Cleaners::standard(boilerplate);
    let p = prepare(&pipeline, &cleaners, docs);
    println!(
        "corpus: {} ({} documents, {} bytes, {} sentences, {} tokens, {} events)",
        corpus_path().display(),
        p.docs.len(),
        p.bytes,
        p.sentences,
        p.tokens,
        p.events
    );

    let mut g = c.benchmark_group("stages");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(p.bytes));

    g.bench_function("clean", |b| {
        let mut out = CleanText::new("");
        b.iter(|| {
            for doc in &p.docs {
                cleaners.clean_into(&doc.text, doc.title.as_deref(), &mut out);
                black_box(&out);
            }
        })
    });

    g.bench_function("segment", |b| {
        let segmenter = Segmenter::default();
        let mut out = Segmented::default();
        b.iter(|| {
            for clean in &p.cleaned {
                segmenter.segment(clean, &mut out);
                black_box(&out);
            }
        })
    });

    g.bench_function("actors", |b| {
        let mut words = Vec::new();
        let mut scratch = Scratch::default();
        let mut mentions = Vec::new();
        b.iter(|| {
            for (i, doc) in p.docs.iter().enumerate() {
                let seg = &p.segmented[i];
                pipeline.lexicon.lookup_tokens(seg, &mut words);
                pipeline.actors.recognize(
                    &doc.text,
                    seg,
                    &words,
                    &pipeline.lexicon,
                    doc.published.map(|d| d.first_day()),
                    p.cleaned[i].dateline.as_ref().map(|d| d.place.as_str()),
                    &mut scratch,
                    &mut mentions,
                );
                black_box(&mentions);
            }
        })
    });

    g.bench_function("events", |b| {
        let mut scratch = EventScratch::default();
        let mut events: Vec<Event> = Vec::new();
        let mut dates = Vec::new();
        b.iter(|| {
            for (i, doc) in p.docs.iter().enumerate() {
                let seg = &p.segmented[i];
                pipeline.events.code_document(
                    &doc.text,
                    seg,
                    &p.words[i],
                    &[],
                    &pipeline.lexicon,
                    &p.mentions[i],
                    &mut scratch,
                    &mut events,
                );
                attach_dates(
                    &doc.text,
                    seg,
                    doc.published.map(|d| d.first_day()),
                    &mut events,
                    &mut dates,
                );
                black_box(&events);
            }
        })
    });

    g.bench_function("pipeline", |b| {
        let mut analysis = Analysis::default();
        b.iter(|| {
            for doc in &p.docs {
                pipeline.analyze(doc, None, &mut analysis);
                black_box(&analysis);
            }
        })
    });

    g.throughput(Throughput::Elements(p.tokens));
    g.bench_function("tags", |b| {
        let tagger = Tagger::builtin();
        let mut tags = Vec::new();
        b.iter(|| {
            for (clean, seg) in p.cleaned.iter().zip(&p.segmented) {
                tagger.tag_document(clean.view(), seg, &mut tags);
                black_box(&tags);
            }
        })
    });

    g.throughput(Throughput::Elements(p.events));
    g.bench_function("output", |b| {
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        b.iter(|| {
            buf.clear();
            for (doc, a) in p.docs.iter().zip(&p.analyses) {
                let records = output::event_records(&pipeline, doc, a, ModeFilter::Default, false);
                for r in &records {
                    serde_json::to_writer(&mut buf, r).expect("serialisable");
                    buf.push(b'\n');
                }
            }
            black_box(&buf);
        })
    });
    g.finish();
}

fn startup(c: &mut Criterion) {
    let text_bytes: usize = dyad_core::dict::builtin_files()
        .iter()
        .map(|(_, text)| text.len())
        .sum();
    let bytes = Pipeline::builtin()
        .unwrap_or_else(|e| panic!("built-in dictionaries: {e}"))
        .to_bytes();
    println!(
        "start-up: {} files of dictionary text, {text_bytes} bytes; compiled form {} bytes",
        dyad_core::dict::builtin_files().len(),
        bytes.len()
    );
    let mut g = c.benchmark_group("startup");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    // Throughput: bytes of dictionary text compiled per second.
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function(BenchmarkId::new("builtin", "compile text"), |b| {
        b.iter(|| black_box(Pipeline::builtin().expect("compiles")))
    });
    // Throughput: bytes of the compiled form read per second.
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function(BenchmarkId::new("from_bytes", "compiled"), |b| {
        b.iter(|| black_box(Pipeline::from_bytes(black_box(&bytes)).expect("reads back")))
    });
    // The part-of-speech model, read on the first document.
    g.throughput(Throughput::Bytes(Tagger::BUILTIN_MODEL.len() as u64));
    g.bench_function(BenchmarkId::new("tagger", "model"), |b| {
        b.iter(|| black_box(Tagger::from_bytes(black_box(Tagger::BUILTIN_MODEL)).expect("reads")))
    });
    // What the `dyad` binary pays before its first output: reading the compiled form,
    // then the boilerplate patterns, compiled on the first document.
    let doc = Document::from_text("Russia and China signed an agreement on Monday.");
    g.bench_function(
        BenchmarkId::new("from_bytes", "compiled + first document"),
        |b| {
            b.iter(|| {
                let p = Pipeline::from_bytes(black_box(&bytes)).expect("reads back");
                let mut a = Analysis::default();
                p.analyze(&doc, None, &mut a);
                black_box(a.events.len())
            })
        },
    );
    g.finish();
}

criterion_group!(benches, stages, startup);
criterion_main!(benches);
