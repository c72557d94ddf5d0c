//! `dyad code --format csv|gdelt|phoenix|plover|parquet` end to end, on the example
//! stories, through the real binary:
//!
//! - every format has as many events as JSON Lines, in the same order, with the
//!   published column counts (GDELT events 61, mentions 16, Phoenix 26);
//! - the Parquet lake (`--out DIR`) is hive-partitioned, read back with the `parquet`
//!   crate, and read by DuckDB (the PyPI wheel, which `.ci/run` installs): its counts
//!   per CAMEO root equal JSON Lines'; a second run adds part files;
//! - misused flags are usage errors; the text formats do not depend on `--threads`.

use dyad_formats::codes::integer_id;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PUBLISHED: &str = "2024-05-14";

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs `dyad --published 2024-05-14 code ARGS examples/` with a fixed DATEADDED.
fn code(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["--published", PUBLISHED, "code"])
        .args(args)
        .arg(examples_dir())
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

fn jsonl(args: &[&str]) -> Vec<Value> {
    let mut a = vec!["--format", "jsonl"];
    a.extend_from_slice(args);
    ok(&code(&a))
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

fn tsv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn lake_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable lake") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// (event_id, cameo_root, year, month) of every row of a lake, with the parquet crate.
fn lake_rows(dir: &Path) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for f in lake_files(dir) {
        let rel = f.strip_prefix(dir).unwrap().to_string_lossy().to_string();
        let reader = SerializedFileReader::try_from(f.as_path()).expect("a Parquet file");
        for row in reader.get_row_iter(None).expect("rows") {
            let row = row.expect("a row");
            let get = |name: &str| {
                row.get_column_iter()
                    .find(|(n, _)| n.as_str() == name)
                    .map(|(_, v)| v.clone())
            };
            let (Some(Field::Str(id)), Some(Field::Str(root))) =
                (get("event_id"), get("cameo_root"))
            else {
                panic!("{rel}: event_id and cameo_root are strings");
            };
            rows.push((id, root, rel.clone()));
        }
    }
    rows
}

fn write_lake(dir: &Path, extra: &[&str]) {
    let mut a = vec!["--format", "parquet", "--out", dir.to_str().unwrap()];
    a.extend_from_slice(extra);
    ok(&code(&a));
}

#[test]
fn every_format_has_every_event_in_order() {
    for modes in [&["--modes", "asserted"][..], &["--modes", "all"][..]] {
        let events = jsonl(modes);
        assert!(events.len() > 10, "the examples code events");
        let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
        let hashed: Vec<String> = ids.iter().map(|i| integer_id(i).to_string()).collect();

        let text = ok(&code(&[&["--format", "csv"][..], modes].concat()));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().expect("a header").clone();
        let records: Vec<csv::StringRecord> =
            r.records().map(|rec| rec.expect("a CSV record")).collect();
        let csv_ids: Vec<&str> = records.iter().map(|rec| &rec[0]).collect();
        assert_eq!(csv_ids, ids, "csv");
        // The CSV fields say what JSON Lines says.
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        for (rec, e) in records.iter().zip(&events) {
            let s = |v: &Value| match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            assert_eq!(rec[col("date_precision")], s(&e["date_precision"]));
            assert_eq!(rec[col("date_text")], s(&e["date_text"]));
            assert_eq!(rec[col("target_code")], s(&e["target"]["code"]));
            assert_eq!(
                rec[col("trigger_start")],
                s(&e["evidence"]["trigger"]["start"])
            );
            assert_eq!(rec[col("sentence")], s(&e["evidence"]["sentence"]));
            assert_eq!(rec[col("mode")], s(&e["mode"]));
        }

        let g = tsv_rows(&ok(&code(&[&["--format", "gdelt"][..], modes].concat())));
        assert!(g.iter().all(|r| r.len() == 61), "61 GDELT columns");
        let g_ids: Vec<&String> = g.iter().map(|r| &r[0]).collect();
        assert_eq!(g_ids, hashed.iter().collect::<Vec<_>>(), "gdelt");
        // Each event's CAMEO code and day, as in JSON Lines.
        for (row, e) in g.iter().zip(&events) {
            assert_eq!(row[26], e["cameo"]["code"].as_str().unwrap());
            assert_eq!(row[1], e["date"].as_str().unwrap().replace('-', ""));
            assert_eq!(row[5], e["source"]["code"].as_str().unwrap());
        }

        let m = tsv_rows(&ok(&code(
            &[&["--format", "gdelt", "--mentions"][..], modes].concat(),
        )));
        assert!(m.iter().all(|r| r.len() == 16), "16 mention columns");
        let m_ids: Vec<&String> = m.iter().map(|r| &r[0]).collect();
        assert_eq!(m_ids, g_ids, "every event has its mention");

        let p = tsv_rows(&ok(&code(&[&["--format", "phoenix"][..], modes].concat())));
        assert!(p.iter().all(|r| r.len() == 26), "26 Phoenix columns");
        assert_eq!(p.len(), events.len(), "phoenix");

        let pl: Vec<Value> = ok(&code(&[&["--format", "plover"][..], modes].concat()))
            .lines()
            .map(|l| serde_json::from_str(l).expect("PLOVER JSON"))
            .collect();
        let pl_ids: Vec<&str> = pl.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(pl_ids, ids, "plover");

        let dir = tempfile::tempdir().unwrap();
        write_lake(dir.path(), modes);
        let mut lake: Vec<String> = lake_rows(dir.path()).into_iter().map(|r| r.0).collect();
        let mut want: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        lake.sort();
        want.sort();
        assert_eq!(lake, want, "parquet");
    }
}

#[test]
fn the_lake_is_partitioned_by_event_month() {
    let events = jsonl(&[]);
    let dir = tempfile::tempdir().unwrap();
    write_lake(dir.path(), &[]);
    let months: BTreeMap<String, String> = events
        .iter()
        .map(|e| {
            let d = e["date"].as_str().unwrap();
            (
                e["id"].as_str().unwrap().to_string(),
                format!("year={}/month={}/", &d[..4], &d[5..7]),
            )
        })
        .collect();
    for (id, _, rel) in lake_rows(dir.path()) {
        assert!(rel.starts_with(&months[&id]), "{id} in {rel}");
        let name = rel.rsplit('/').next().unwrap();
        assert!(
            name.starts_with("part-") && name.ends_with(".parquet"),
            "{rel}"
        );
    }
    // A second run adds new part files; the first run's stay as they were.
    let first = lake_files(dir.path());
    write_lake(dir.path(), &[]);
    let second = lake_files(dir.path());
    assert_eq!(second.len(), 2 * first.len());
    assert!(first.iter().all(|f| second.contains(f)));
    assert_eq!(lake_rows(dir.path()).len(), 2 * events.len());
}

/// The DuckDB Python module, if this machine has it (`.ci/run` installs it).
fn duckdb_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        // Written to stderr directly: the harness captures `eprintln!` and a skip
        // must show.
        std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIP: python3 with duckdb not found (pip install duckdb); the DuckDB lake test needs it\n",
        )
        .ok();
    }
    ok
}

#[test]
fn duckdb_reads_the_lake_with_the_same_counts_per_root() {
    if !duckdb_available() {
        return;
    }
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for e in jsonl(&[]) {
        *want
            .entry(e["cameo"]["root"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    write_lake(dir.path(), &[]);
    let glob = format!("{}/**/*.parquet", dir.path().display());
    let script = format!(
        "import duckdb\n\
         q = \"SELECT cameo_root, count(*) FROM read_parquet('{glob}', hive_partitioning=true) \
         WHERE year = 2024 GROUP BY cameo_root ORDER BY cameo_root\"\n\
         for root, n in duckdb.sql(q).fetchall():\n    print(f'{{root}}\\t{{n}}')\n"
    );
    let o = Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    let text = ok(&o);
    let got: BTreeMap<String, u64> = text
        .lines()
        .map(|l| {
            let (root, n) = l.split_once('\t').expect("root and count");
            (root.to_string(), n.parse().expect("a count"))
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn misused_flags_are_usage_errors() {
    for (args, says) in [
        (&["--format", "parquet"][..], "--out DIR"),
        (&["--format", "csv", "--mentions"][..], "--mentions"),
        (&["--format", "csv", "--out", "/tmp/x"][..], "--out DIR"),
        (&["--format", "gdelt", "--explain"][..], "--explain"),
    ] {
        let o = code(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn text_formats_do_not_depend_on_threads() {
    for format in ["csv", "gdelt", "phoenix", "plover"] {
        let run = |threads: &str| {
            let o = Command::new(env!("CARGO_BIN_EXE_dyad"))
                .args(["--published", PUBLISHED, "--threads", threads, "code"])
                .args(["--format", format])
                .arg(examples_dir())
                .env("SOURCE_DATE_EPOCH", "1700000000")
                .output()
                .expect("the dyad binary runs");
            ok(&o)
        };
        assert_eq!(run("1"), run("3"), "{format}");
    }
}

/// Events per format of the examples (CSV without its header, the lake's rows).
fn counts_per_format(extra: &[&str]) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    for f in ["jsonl", "table", "gdelt", "phoenix", "plover"] {
        out.push((
            f,
            ok(&code(&[&["--format", f][..], extra].concat()))
                .lines()
                .count(),
        ));
    }
    let m = ok(&code(
        &[&["--format", "gdelt", "--mentions"][..], extra].concat(),
    ));
    out.push(("gdelt --mentions", m.lines().count()));
    let csv = ok(&code(&[&["--format", "csv"][..], extra].concat()));
    out.push((
        "csv",
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
    ));
    let dir = tempfile::tempdir().unwrap();
    write_lake(dir.path(), extra);
    out.push(("parquet", lake_rows(dir.path()).len()));
    out
}

#[test]
fn min_confidence_keeps_every_format_in_step() {
    let all = jsonl(&[]);
    let mut conf: Vec<f64> = all
        .iter()
        .map(|e| e["confidence"].as_f64().unwrap())
        .collect();
    conf.sort_by(f64::total_cmp);
    // A threshold that keeps some events and drops others.
    let p = conf[conf.len() / 2];
    assert!(conf[0] < p, "the examples' confidences differ: {conf:?}");
    let p = p.to_string();
    let kept = jsonl(&["--min-confidence", &p]).len();
    assert!(0 < kept && kept < all.len(), "{kept} of {}", all.len());
    for (format, n) in counts_per_format(&[]) {
        assert_eq!(n, all.len(), "{format} without --min-confidence");
    }
    for (format, n) in counts_per_format(&["--min-confidence", &p]) {
        assert_eq!(n, kept, "{format} with --min-confidence {p}");
    }
}
