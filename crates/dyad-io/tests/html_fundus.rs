//! HTML main-content extraction measured on the 85 fundus news pages in
//! `../shared/corpus/html/fundus` (each `X.html` beside `X.expected.txt`).
//!
//! F1 is token-level: bags of lower-cased word tokens (runs of letters and
//! digits), overlap = multiset intersection. Both the micro F1 (counts pooled
//! over all pages) and the macro F1 (mean of per-page F1s) are printed and
//! held to a floor. With `DYAD_FUNDUS_DUMP=DIR` set, each page's extracted text
//! is written to `DIR/<id>.got.txt`.

mod common;

use dyad_core::PartialDate;
use dyad_io::{ReadOptions, read_inputs};

#[test]
fn extraction_f1_on_fundus_pages() {
    let Some(shared) = common::shared() else {
        return;
    };
    let root = shared.join("corpus/html/fundus");
    let index = std::fs::read_to_string(root.join("index.jsonl")).unwrap();
    let (mut common_sum, mut got_sum, mut want_sum) = (0, 0, 0);
    let mut f1s = Vec::new();
    let (mut titles, mut dates, mut dates_near, mut urls, mut langs) = (0, 0, 0, 0, 0);
    let mut rows = Vec::new();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let html = root.join(entry["html_file"].as_str().unwrap());
        let expected_path = html.with_extension("expected.txt");
        let expected = std::fs::read_to_string(&expected_path).unwrap();
        let items: Vec<_> = read_inputs([&html], &ReadOptions::default()).collect();
        assert_eq!(items.len(), 1, "{}", html.display());
        let doc = match &items[0] {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        if let Some(dir) = std::env::var_os("DYAD_FUNDUS_DUMP") {
            // Each page's extracted text, to compare with its expected text by eye.
            let name = format!("{}.got.txt", entry["id"].as_str().unwrap());
            std::fs::write(std::path::Path::new(&dir).join(name), &doc.text).unwrap();
        }
        let counts = common::overlap(&doc.text, &expected);
        common_sum += counts.0;
        got_sum += counts.1;
        want_sum += counts.2;
        let f1 = common::f1(counts);
        f1s.push(f1);
        rows.push((f1, entry["id"].as_str().unwrap().to_string()));

        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if doc.title.as_deref().map(norm) == entry["title"].as_str().map(norm) {
            titles += 1;
        }
        let want_date = entry["published"]
            .as_str()
            .and_then(|s| s.parse::<PartialDate>().ok());
        if let (Some(got), Some(want)) = (doc.published, want_date) {
            if got == want {
                dates += 1;
            }
            if (got.first_day() - want.first_day()).num_days().abs() <= 1 {
                dates_near += 1;
            }
        }
        let trim = |u: &str| u.trim_end_matches('/').to_string();
        if doc.url.as_deref().map(trim) == entry["url"].as_str().map(trim) {
            urls += 1;
        }
        if doc.language.as_deref() == Some("en") {
            langs += 1;
        }
    }
    let n = f1s.len();
    assert_eq!(n, 85);
    let p = common_sum as f64 / got_sum as f64;
    let r = common_sum as f64 / want_sum as f64;
    let micro = 2.0 * p * r / (p + r);
    let macro_f1 = f1s.iter().sum::<f64>() / n as f64;
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    eprintln!("HTML body extraction on {n} fundus pages (bag of lower-cased word tokens):");
    eprintln!("  micro F1 {micro:.4} (P {p:.4}, R {r:.4}); macro F1 {macro_f1:.4}");
    eprintln!("  lowest: {:?}", &rows[..5]);
    eprintln!(
        "  metadata agreeing with index.jsonl: title {titles}/{n}, date {dates}/{n} (within a day {dates_near}/{n}), url {urls}/{n}, language en {langs}/{n}"
    );
    // Measured with trafilatura 0.6 (fallback on, text rebuilt from its
    // cleaned HTML): micro F1 0.9469 (P 0.9331, R 0.9612), macro F1 0.9504,
    // lowest page 0.551; metadata: title 70/85, date 84/85, URL 76/85 (the
    // rest are canonical URLs without the index's tracking parameters). The
    // floors leave room for harmless changes in the extractor, not for a
    // worse one (rs-trafilatura 0.2 scores 0.938/0.918, dom_smoothie
    // 0.900/0.915).
    // With the boilerplate classes (cookie panels, advert labels, newsletter
    // boxes, comment forms, shortcodes): micro 0.9480 (P 0.9354), macro 0.9516.
    // With the standfirst (the page's description shown above the story) and
    // picture credits dropped: micro 0.9494 (P 0.9348, R 0.9644), macro 0.9538.
    assert!(micro >= 0.948, "micro F1 {micro:.4} below the floor 0.948");
    assert!(
        macro_f1 >= 0.951,
        "macro F1 {macro_f1:.4} below the floor 0.951"
    );
    assert!(rows[0].0 >= 0.5, "a page fell below F1 0.5: {:?}", rows[0]);
    assert!(
        titles >= 65 && dates >= 80 && urls >= 70,
        "page metadata got worse"
    );
}
