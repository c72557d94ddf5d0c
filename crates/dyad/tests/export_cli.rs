//! `dyad export` end to end: a store built from the example stories, exported in every
//! format, has as many events as `dyad query` gives for the same filters, with the
//! store's ids and counts; a filtered export; GDELT's Mentions table has one line per
//! stored mention; `--min-confidence` keeps the formats in step.

use parquet::file::reader::{FileReader, SerializedFileReader};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("the dyad binary runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn store() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db").display().to_string();
    ok(&dyad(&[
        "--quiet",
        "--published",
        "2024-05-14",
        "ingest",
        examples_dir().to_str().unwrap(),
        "--store",
        &db,
    ]));
    (dir, db)
}

fn query(db: &str, filters: &[&str]) -> Vec<Value> {
    let mut a = vec!["query", "--store", db, "--limit", "0"];
    a.extend_from_slice(filters);
    ok(&dyad(&a))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn export(db: &str, format: &str, extra: &[&str]) -> String {
    let mut a = vec!["export", "--store", db, "--format", format];
    a.extend_from_slice(extra);
    ok(&dyad(&a))
}

fn lake_count(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let r = SerializedFileReader::try_from(p.as_path()).expect("Parquet");
                n += r.metadata().file_metadata().num_rows() as usize;
            }
        }
    }
    n
}

/// Events per format for the same filters; the IDs of the GDELT and Phoenix lines.
fn counts(db: &str, filters: &[&str]) -> Vec<(&'static str, usize)> {
    let tmp = tempfile::tempdir().unwrap();
    let lake = tmp.path().join("lake");
    let mut out = Vec::new();
    for f in ["jsonl", "gdelt", "phoenix", "plover"] {
        out.push((f, export(db, f, filters).lines().count()));
    }
    let csv = export(db, "csv", filters);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    out.push(("csv", r.records().count()));
    let mut a = vec!["--quiet", "--out", lake.to_str().unwrap()];
    a.extend_from_slice(filters);
    export(db, "parquet", &a);
    out.push(("parquet", if lake.exists() { lake_count(&lake) } else { 0 }));
    out
}

#[test]
fn every_format_has_the_events_query_gives() {
    let (_dir, db) = store();
    for filters in [
        &[][..],
        &["--mode", "all"][..],
        &["--cameo", "19,11"][..],
        &["--actor", "AZE*"][..],
        &["--location", "ARM"][..],
    ] {
        let events = query(&db, filters);
        for (format, n) in counts(&db, filters) {
            assert_eq!(n, events.len(), "{format} {filters:?}");
        }
        if filters.is_empty() {
            assert!(events.len() > 10, "the examples code events");
        } else if filters[0] != "--mode" {
            assert!(!events.is_empty(), "{filters:?} selects events");
            assert!(events.len() < query(&db, &[]).len(), "{filters:?} filters");
        }
        // The store's ids and counts, in query order.
        let gdelt = export(&db, "gdelt", filters);
        let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
        for (row, e) in rows.iter().zip(&events) {
            assert_eq!(row.len(), 61);
            assert_eq!(row[0], e["id"].as_str().unwrap(), "GlobalEventID");
            assert_eq!(row[26], e["cameo"].as_str().unwrap());
            assert_eq!(row[5], e["source"].as_str().unwrap());
            assert_eq!(row[31], e["mentions"].to_string(), "NumMentions");
            assert_eq!(row[32], e["sources"].to_string(), "NumSources");
            assert_eq!(row[33], e["articles"].to_string(), "NumArticles");
            let fips = e["loc_country"].as_str().map_or("", iso_fips);
            assert_eq!(row[53], fips, "ActionGeo_CountryCode");
        }
        // GDELT's Mentions table: one line per stored mention of those events.
        let mentions: u64 = events.iter().map(|e| e["mentions"].as_u64().unwrap()).sum();
        let m = export(&db, "gdelt", &[&["--mentions"][..], filters].concat());
        assert_eq!(m.lines().count() as u64, mentions, "{filters:?}");
        assert!(m.lines().all(|l| l.split('\t').count() == 16));
    }
}

#[test]
fn min_confidence_keeps_every_export_format_in_step() {
    let (_dir, db) = store();
    // Each event's confidence is the highest of its mentions'.
    let mentions = query(&db, &["--mentions"]);
    let mut best: std::collections::BTreeMap<String, f64> = Default::default();
    for m in &mentions {
        let c = m["confidence"].as_f64().unwrap();
        let e = best
            .entry(m["event"].as_str().unwrap().to_string())
            .or_insert(0.0);
        *e = e.max(c);
    }
    let mut conf: Vec<f64> = best.values().copied().collect();
    conf.sort_by(f64::total_cmp);
    let p = conf[conf.len() / 2];
    assert!(conf[0] < p, "{conf:?}");
    let kept = conf.iter().filter(|c| **c >= p).count();
    let p = p.to_string();
    for (format, n) in counts(&db, &["--min-confidence", &p]) {
        assert_eq!(n, kept, "{format} with --min-confidence {p}");
    }
    // GDELT's Mentions table keeps the mentions at or above it.
    let m = export(&db, "gdelt", &["--mentions", "--min-confidence", &p]);
    let want = mentions
        .iter()
        .filter(|m| m["confidence"].as_f64().unwrap() >= p.parse::<f64>().unwrap())
        .count();
    assert_eq!(m.lines().count(), want);
}

#[test]
fn an_exported_event_carries_its_place_and_evidence() {
    let (_dir, db) = store();
    let events = query(&db, &["--location", "Yerevan"]);
    assert!(!events.is_empty());
    let e = &events[0];
    let one = ["--location", "Yerevan", "--limit", "1"];
    let line = export(&db, "gdelt", &one);
    let row: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(row[0], e["id"].as_str().unwrap());
    // ActionGeo: a world city in Armenia (FIPS AM); its feature id is Yerevan's
    // GeoNames id where the build had the GeoNames wheel, else its gazetteer key.
    let feature = if dyad_core::places::gazetteer_has_geonames() {
        "616052"
    } else {
        "AM.Yerevan.Yerevan"
    };
    assert_eq!(
        &row[51..59],
        [
            "4",
            "Yerevan, Armenia",
            "AM",
            "AM",
            "",
            "40.1811",
            "44.5136",
            feature
        ]
    );
    // Actor1Geo: the source's home country.
    assert_eq!(row[35], "1");
    assert_eq!(row[37], iso_fips(e["source_country"].as_str().unwrap()));
    let j: Value = serde_json::from_str(export(&db, "jsonl", &one).trim()).unwrap();
    assert_eq!(j["event_id"], e["id"]);
    assert_eq!(j["location"]["name"], "Yerevan");
    assert_eq!(j["location"]["precision"], "city");
    let sentence = j["sentence"].as_str().unwrap();
    let trigger = j["trigger"].as_str().unwrap();
    assert!(!trigger.is_empty() && sentence.contains(trigger), "{j}");
    assert!(j["cameo_name"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(j["published"], "2024-05-14");
    // Misused flags.
    for bad in [
        &["export", "--store", &db, "--format", "csv", "--mentions"][..],
        &["export", "--store", &db, "--format", "parquet"][..],
        &["export", "--store", &db, "--format", "csv", "--out", "x"][..],
    ] {
        let o = dyad(bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
}

fn iso_fips(iso3: &str) -> &'static str {
    dyad_formats::codes::iso3_to_fips(iso3).unwrap()
}
