//! WARC reading on `../shared/corpus/warc`: the 85 fundus pages, real crawler
//! output (ukwa), and truncated copies of it made at run time.

mod common;

use std::collections::HashSet;
use std::path::Path;

use dyad_io::{Location, ReadError, ReadOptions, read_inputs};

fn read(path: &Path) -> (Vec<dyad_core::Document>, Vec<ReadError>) {
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for item in read_inputs([path], &ReadOptions::default()) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

#[test]
fn fundus_warc_yields_the_85_pages() {
    let Some(shared) = common::shared() else {
        return;
    };
    let (docs, errors) = read(&shared.join("corpus/warc/fundus-en-news-pages.constructed.warc.gz"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 85);
    let index = std::fs::read_to_string(shared.join("corpus/html/fundus/index.jsonl")).unwrap();
    let urls: HashSet<String> = index
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["url"].as_str().map(str::to_string))
        .collect();
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 85, "content ids are distinct");
    for d in &docs {
        let url = d.url.as_deref().expect("every page has a URL");
        assert!(urls.contains(url), "{url} is not in index.jsonl");
        assert!(d.published.is_some(), "{url} has no date");
        assert!(d.text.len() > 200, "{url}: {:?}", d.text);
        assert!(d.source.as_deref().unwrap().contains(".warc.gz#"));
    }
}

#[test]
fn ukwa_crawls_read_cleanly() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = shared.join("corpus/warc");
    // Despite their names, the ukwa files end at record boundaries: they read
    // without errors. Each holds two 2xx HTML responses (the rest are DNS,
    // requests, metadata, images, XML, redirects).
    for name in [
        "ukwa-IAH-20080430204825-00000-blackbook-truncated.warc",
        "ukwa-IAH-20080430204825-00000-blackbook-truncated.warc.gz",
        "ukwa-IAH-urls-wget.warc.gz",
    ] {
        let (docs, errors) = read(&dir.join(name));
        eprintln!("{name}: {} documents, {} errors", docs.len(), errors.len());
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(docs.len(), 2, "{name}");
        for d in &docs {
            assert!(d.url.as_deref().unwrap().starts_with("http"));
            assert!(d.published.is_some());
        }
    }
}

#[test]
fn truncated_warc_files_report_the_record_and_keep_what_came_before() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = shared.join("corpus/warc");
    let tmp = tempfile::tempdir().unwrap();
    let plain =
        std::fs::read(dir.join("ukwa-IAH-20080430204825-00000-blackbook-truncated.warc")).unwrap();

    // Cut inside record 9 (an HTML page, bytes 5169..34518): record 6 is kept.
    let cut = tmp.path().join("cut-in-page.warc");
    std::fs::write(&cut, &plain[..20_000]).unwrap();
    let (docs, errors) = read(&cut);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].source.as_deref().unwrap(),
        format!("{}#6", cut.display())
    );
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    eprintln!("{e}");
    assert_eq!(e.location, Location::Record(9));
    assert!(e.message.starts_with("truncated"), "{e}");
    assert!(e.message.contains("byte 5169"), "{e}");

    // Cut inside record 11 (metadata, skipped unread): both pages are kept.
    let cut = tmp.path().join("cut-in-metadata.warc");
    std::fs::write(&cut, &plain[..40_000]).unwrap();
    let (docs, errors) = read(&cut);
    assert_eq!(docs.len(), 2);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location, Location::Record(11));

    // A gzipped WARC cut in the middle of a gzip member.
    let gz = std::fs::read(dir.join("ukwa-IAH-20080430204825-00000-blackbook-truncated.warc.gz"))
        .unwrap();
    let cut = tmp.path().join("cut.warc.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let (docs, errors) = read(&cut);
    eprintln!("{}", errors[0]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(matches!(errors[0].location, Location::Record(_)));
    assert!(errors[0].message.contains("truncated"), "{}", errors[0]);
    assert!(!docs.is_empty());
}
