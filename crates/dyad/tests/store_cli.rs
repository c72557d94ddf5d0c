//! End-to-end tests of the store commands (`dyad ingest`, `query`, `aggregate`,
//! `recode`), run as child processes on stories generated from sentences of our own:
//!
//! - the kill test: `dyad ingest` is killed with SIGKILL at several moments, run
//!   again, and every table compared with a clean run's;
//! - ingesting twice adds nothing; a changed document replaces its mentions;
//! - standard input is ingested;
//! - query filters and formats; aggregate sums equal sums over `dyad code` output;
//! - `recode` after a dictionary override changes exactly the affected events;
//! - a corrupt store, a store of a newer schema and a locked store: one line, exit 2.

use rusqlite::Connection;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

fn dyad<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the dyad binary runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "dyad failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const COUNTRIES: &[(&str, &str)] = &[
    ("France", "The French government"),
    ("Germany", "The German government"),
    ("Japan", "The Japanese government"),
    ("Brazil", "The Brazilian government"),
    ("Egypt", "The Egyptian government"),
    ("Kenya", "The Kenyan government"),
    ("Canada", "The Canadian government"),
];

/// A sentence of our own for story `i`, variant `k`.
fn sentence(i: usize, k: usize) -> String {
    let n = COUNTRIES.len();
    let (a, ga) = COUNTRIES[(i + k) % n];
    let (b, _) = COUNTRIES[(i * 3 + k + 1) % n];
    let b = if a == b {
        COUNTRIES[(i + k + 1) % n].0
    } else {
        b
    };
    match (i + k) % 6 {
        0 => format!("{ga} condemned {b} on Monday over the fishing dispute."),
        1 => format!("{a} praised {b} for its help after the floods."),
        2 => format!("Officials from {a} met their counterparts from {b} in Geneva."),
        3 => format!("{ga} accused {b} of corruption in the port contract."),
        4 => format!("{a} threatened to impose sanctions on {b}."),
        _ => format!("{a} may attack {b} if the talks fail, analysts said."),
    }
}

/// `n` stories as JSON Lines: three sentences each, five outlets, dates over a month,
/// and every seventh story retelling the one before it (so events merge).
fn corpus(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let base = if i % 7 == 6 { i - 1 } else { i };
        let text = (0..3)
            .map(|k| sentence(base, k))
            .collect::<Vec<_>>()
            .join(" ");
        let day = 1 + base % 28;
        let doc = serde_json::json!({
            "id": format!("story-{i}"),
            "title": format!("Story {i}"),
            "source": format!("Outlet {}", i % 5),
            "published": format!("2024-03-{day:02}"),
            "text": text,
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Every table, as sorted text rows, without the columns that are internal row
/// numbers or the time of ingestion.
fn dump(db: &Path) -> BTreeMap<&'static str, Vec<String>> {
    let c = Connection::open(db).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // Killed before its first transaction committed, a store holds no schema yet: an
    // empty store (the next run creates it).
    let tables: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if tables == 0 {
        return ["documents", "sentences", "mentions", "events", "fts"]
            .into_iter()
            .map(|n| (n, Vec::new()))
            .collect();
    }
    c.execute(
        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES('integrity-check', 1)",
        [],
    )
    .unwrap();
    let queries = [
        (
            "documents",
            "SELECT id, url, title, outlet, published, language, text, content_hash, dict_hash
             FROM documents",
        ),
        (
            "sentences",
            "SELECT d.id, s.idx, s.start, s.end, s.text FROM sentences s
             JOIN documents d ON d.num = s.doc",
        ),
        (
            "mentions",
            "SELECT m.*, d.id, s.idx FROM mentions m JOIN documents d ON d.num = m.doc
             JOIN sentences s ON s.id = m.sent",
        ),
        ("events", "SELECT * FROM events"),
        (
            "fts",
            "SELECT d.id, s.idx FROM sentence_fts f JOIN sentences s ON s.id = f.rowid
             JOIN documents d ON d.num = s.doc WHERE sentence_fts MATCH 'government'",
        ),
    ];
    let mut out = BTreeMap::new();
    for (name, sql) in queries {
        let mut stmt = c.prepare(sql).unwrap();
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut s = String::new();
                for (i, n) in names.iter().enumerate() {
                    // Row numbers differ between runs; what they point to is compared.
                    if name == "mentions" && (n == "id" || n == "doc" || n == "sent") {
                        continue;
                    }
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{n}={v:?}|"));
                }
                Ok(s)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.insert(name, rows);
    }
    out
}

#[test]
fn a_killed_ingest_run_again_ends_exactly_like_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "news.jsonl", &corpus(1500));
    let clean = dir.path().join("clean.db");
    let killed = dir.path().join("killed.db");
    let args = |db: &Path| {
        vec![
            "--quiet".to_string(),
            "ingest".into(),
            input.display().to_string(),
            "--store".into(),
            db.display().to_string(),
            "--batch".into(),
            "25".into(),
        ]
    };
    let t0 = Instant::now();
    ok(&dyad(&args(&clean)));
    let full = t0.elapsed();
    let reference = dump(&clean);
    assert_eq!(reference["documents"].len(), 1500);
    assert!(reference["events"].len() > 100);
    // Kill at moments spread over a run (the first ones usually before anything is
    // committed, the last ones near the end).
    let mut kills = 0;
    let mut partial = Vec::new();
    for frac in [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(args(&killed))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(frac));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        if killed.exists() {
            // Whatever the moment, the store opens and is consistent.
            partial.push(dump(&killed)["documents"].len());
        }
    }
    assert!(kills > 0, "no run was killed");
    // At least one kill landed between commits, with part of the corpus stored.
    assert!(
        partial.iter().any(|&n| n > 0 && n < 1500),
        "documents stored after each kill: {partial:?}"
    );
    ok(&dyad(&args(&killed)));
    assert_eq!(dump(&killed), reference);
}

#[test]
fn ingest_is_idempotent_streams_stdin_and_replaces_changed_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let text = corpus(60);
    let input = write(dir.path(), "news.jsonl", &text);
    let first = dyad(&["ingest", input.to_str().unwrap(), "--store", &db_s]);
    ok(&first);
    assert!(String::from_utf8_lossy(&first.stderr).contains("60 new"));
    let before = dump(&db);
    let again = dyad(&["ingest", input.to_str().unwrap(), "--store", &db_s]);
    ok(&again);
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 new, 60 unchanged"));
    assert_eq!(dump(&db), before);

    // Standard input: one story changed, one new.
    let changed = serde_json::json!({"id": "story-3", "source": "Outlet 3",
        "published": "2024-03-04", "text": "Egypt praised Kenya for its help after the floods."});
    let new = serde_json::json!({"id": "story-new", "source": "Outlet 9",
        "published": "2024-03-04", "text": "Japan praised Brazil for its help after the floods."});
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "-", "--store", &db_s])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{changed}\n{new}").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 new, 0 unchanged, 1 replaced"), "{err}");
    let c = Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM mentions m JOIN documents d ON d.num = m.doc
             WHERE d.id = 'story-3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let expected = jsonl(&ok(&{
        let p = write(dir.path(), "one.jsonl", &format!("{changed}\n"));
        dyad(&["code", "--modes", "all", p.to_str().unwrap()])
    }));
    assert_eq!(n as usize, expected.len());
    let docs: i64 = c
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(docs, 61);
}

/// Per dyad: the number of mentions, and per event (merge key) its Goldstein value
/// and QuadClass.
type DyadSums = (u64, BTreeMap<String, (f64, u64)>);

/// The merge key of a `dyad code` record under the default rule.
fn key(r: &Value) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}",
        r["mode"],
        r["source"]["code"],
        r["target"]["code"],
        r["cameo"]["code"],
        r["date"],
        r["date_end"]
    )
}

#[test]
fn aggregate_sums_equal_sums_over_dyad_code_output_and_queries_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let input = write(dir.path(), "news.jsonl", &corpus(200));
    ok(&dyad(&[
        "--quiet",
        "ingest",
        input.to_str().unwrap(),
        "--store",
        &db_s,
    ]));
    let records = jsonl(&ok(&dyad(&["code", input.to_str().unwrap()])));
    assert!(records.len() > 100);

    // Per dyad: mentions = records; events = distinct merge keys; Goldstein summed
    // once per event; QuadClass counts per event.
    let mut expected: BTreeMap<(String, String), DyadSums> = BTreeMap::new();
    for r in &records {
        let dyad_key = (
            r["source"]["code"].as_str().unwrap().to_string(),
            r["target"]["code"].as_str().unwrap_or("").to_string(),
        );
        let e = expected.entry(dyad_key).or_default();
        e.0 += 1;
        e.1.insert(
            key(r),
            (
                r["cameo"]["goldstein"].as_f64().unwrap(),
                r["cameo"]["quad_class"].as_u64().unwrap(),
            ),
        );
    }
    let rows = jsonl(&ok(&dyad(&[
        "aggregate",
        "--store",
        &db_s,
        "--by",
        "source,target",
        "--format",
        "jsonl",
    ])));
    assert_eq!(rows.len(), expected.len());
    for row in &rows {
        let k = (
            row["source"].as_str().unwrap().to_string(),
            row["target"].as_str().unwrap_or("").to_string(),
        );
        let (mentions, events) = &expected[&k];
        assert_eq!(row["mentions"].as_u64().unwrap(), *mentions, "{k:?}");
        assert_eq!(
            row["events"].as_u64().unwrap(),
            events.len() as u64,
            "{k:?}"
        );
        let sum: f64 = events.values().map(|(g, _)| g).sum();
        assert!(
            (row["goldstein_sum"].as_f64().unwrap() - sum).abs() < 1e-6,
            "{k:?}"
        );
        for q in 1..=4u64 {
            let n = events.values().filter(|(_, c)| *c == q).count() as u64;
            assert_eq!(row[format!("quad{q}")].as_u64().unwrap(), n, "{k:?}");
        }
    }

    // Per month and root, the totals add up to the same numbers.
    let csv = ok(&dyad(&[
        "aggregate",
        "--store",
        &db_s,
        "--by",
        "root",
        "--per",
        "month",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,root,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4"
    );
    let mentions: u64 = lines
        .map(|l| l.split(',').nth(3).unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(mentions as usize, records.len());

    // Query filters against the same records.
    let count = |args: &[&str]| {
        let mut a = vec!["query", "--store", &db_s, "--mentions", "--limit", "0"];
        a.extend(args);
        jsonl(&ok(&dyad(&a))).len()
    };
    let n = |f: &dyn Fn(&Value) -> bool| records.iter().filter(|r| f(r)).count();
    assert_eq!(count(&[]), records.len());
    assert_eq!(
        count(&["--source", "FRA*"]),
        n(&|r| r["source"]["code"].as_str().unwrap().starts_with("FRA"))
    );
    assert_eq!(
        count(&["--source", "FRAGOV"]),
        n(&|r| r["source"]["code"] == "FRAGOV")
    );
    assert_eq!(
        count(&["--actor", "KEN*"]),
        n(&|r| {
            r["source"]["code"].as_str().unwrap().starts_with("KEN")
                || r["target"]["code"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("KEN")
        })
    );
    assert_eq!(
        count(&["--cameo", "11"]),
        n(&|r| r["cameo"]["root"] == "11")
    );
    assert_eq!(
        count(&["--quad", "1,2"]),
        n(&|r| r["cameo"]["quad_class"].as_u64().unwrap() <= 2)
    );
    assert_eq!(
        count(&["--from", "2024-03-10", "--to", "2024-03-12"]),
        n(&|r| {
            let d = r["date"].as_str().unwrap_or("");
            ("2024-03-10"..="2024-03-12").contains(&d)
        })
    );
    assert_eq!(
        count(&["--text", "fishing dispute"]),
        n(&|r| r["evidence"]["sentence"]
            .as_str()
            .unwrap()
            .contains("fishing dispute"))
    );
    let all = jsonl(&ok(&dyad(&[
        "code",
        "--modes",
        "all",
        input.to_str().unwrap(),
    ])));
    let hyp = all.iter().filter(|r| r["mode"] == "hypothetical").count();
    assert!(hyp > 0);
    assert_eq!(count(&["--mode", "hypothetical"]), hyp);
    assert_eq!(count(&["--mode", "all"]), all.len());

    // Events: CSV with a header, one line per event.
    let csv = ok(&dyad(&[
        "query", "--store", &db_s, "--format", "csv", "--limit", "0",
    ]));
    let events: usize = expected.values().map(|(_, e)| e.len()).sum();
    assert_eq!(csv.lines().count(), events + 1);
    assert!(csv.starts_with("id,date,date_end,source,"));
    let bad = dyad(&["query", "--store", &db_s, "--quad", "7"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("quad"));
}

#[test]
fn recode_after_a_dictionary_override_changes_exactly_the_affected_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let input = write(dir.path(), "news.jsonl", &corpus(120));
    ok(&dyad(&[
        "--quiet",
        "ingest",
        input.to_str().unwrap(),
        "--store",
        &db_s,
    ]));
    let query = || {
        jsonl(&ok(&dyad(&[
            "query", "--store", &db_s, "--mode", "all", "--limit", "0",
        ])))
    };
    let before = query();

    // The override: `condemn` leaves the 111 verbs for a 110 entry of its own.
    let builtin =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries/verbs/11-disapprove.txt");
    let text = std::fs::read_to_string(builtin).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("verb criticise"))
        .unwrap();
    let text = text.replace(line, &line.replace(" | condemn", ""))
        + "\nverb condemn\n  110  * $\n  110  *\n";
    let over = dir.path().join("dicts");
    std::fs::create_dir_all(over.join("verbs")).unwrap();
    std::fs::write(over.join("verbs/11-disapprove.txt"), text).unwrap();
    let over_s = over.display().to_string();

    let out = ok(&dyad(&[
        "recode",
        "--store",
        &db_s,
        "--dictionaries",
        &over_s,
    ]));
    let after = query();
    // Expected: every event whose mentions were all `condemned` with code 111 is now
    // the same event with code 110; every other event is unchanged.
    let c = Connection::open(&db).unwrap();
    let condemned: BTreeSet<String> = {
        let mut s = c
            .prepare(
                "SELECT DISTINCT m.event FROM mentions m JOIN sentences s ON s.id = m.sent
                 WHERE m.cameo = '110'",
            )
            .unwrap();
        s.query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect()
    };
    assert!(!condemned.is_empty());
    let strip = |e: &Value| {
        let mut e = e.clone();
        for k in ["id", "first_mention"] {
            e.as_object_mut().unwrap().remove(k);
        }
        e
    };
    let mut expected: Vec<String> = before
        .iter()
        .map(|e| {
            let mut e = strip(e);
            if e["cameo"] == "111" {
                e["cameo"] = "110".into();
                e["goldstein"] = (-2.0f64).into();
            }
            e.to_string()
        })
        .collect();
    let mut got: Vec<String> = after.iter().map(|e| strip(e).to_string()).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    let changed = before.iter().filter(|e| e["cameo"] == "111").count();
    assert_eq!(changed, condemned.len());
    // Unchanged events keep their ids.
    let ids = |v: &[Value]| -> BTreeSet<String> {
        v.iter()
            .filter(|e| e["cameo"] != "111" && e["cameo"] != "110")
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&before), ids(&after));
    // The report: root 11 only, as many events added as removed.
    let report: Vec<&str> = out.lines().collect();
    assert_eq!(
        report[0],
        "root,mentions_added,mentions_removed,events_added,events_removed"
    );
    let r11 = report.iter().find(|l| l.starts_with("11,")).unwrap();
    let n: Vec<u64> = r11.split(',').skip(1).map(|x| x.parse().unwrap()).collect();
    assert_eq!(n[2], changed as u64);
    assert_eq!(n[3], changed as u64);
    assert_eq!(n[0], n[1]);
    assert_eq!(report.len(), 3, "{out}");
    // Nothing left to re-code.
    let again = ok(&dyad(&[
        "recode",
        "--store",
        &db_s,
        "--dictionaries",
        &over_s,
    ]));
    assert!(again.ends_with("total,0,0,0,0\n"), "{again}");
}

#[test]
fn a_corrupt_newer_or_locked_store_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let input = write(dir.path(), "news.jsonl", &corpus(5));
    ok(&dyad(&[
        "--quiet",
        "ingest",
        input.to_str().unwrap(),
        "--store",
        &db_s,
    ]));

    let one_line_exit_2 = |o: &Output, what: &str| {
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(what), "{err}");
    };
    // Locked: another connection holds the write lock.
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["ingest", input.to_str().unwrap(), "--store", &db_s])
            .env("DYAD_STORE_TIMEOUT_MS", "200")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        one_line_exit_2(&o, "locked");
        // Readers keep reading meanwhile.
        ok(&dyad(&["query", "--store", &db_s]));
        c.execute_batch("ROLLBACK").unwrap();
    }
    // Newer schema.
    Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    one_line_exit_2(&dyad(&["query", "--store", &db_s]), "newer");
    // Corrupt: garbage over the file's pages.
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().skip(100).take(8000) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("s.db-wal"));
    let _ = std::fs::remove_file(dir.path().join("s.db-shm"));
    let o = dyad(&["query", "--store", &db_s]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("corrupt") || err.contains("not a dyad store"),
        "{err}"
    );
    // Missing.
    one_line_exit_2(
        &dyad(&[
            "query",
            "--store",
            dir.path().join("none.db").to_str().unwrap(),
        ]),
        "no store",
    );
}

#[test]
fn watch_ingests_files_as_they_appear_and_ctrl_c_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    write(&inbox, "first.jsonl", &corpus(3));
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            "--watch",
            inbox.to_str().unwrap(),
            "--store",
            &db_s,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let docs = || -> i64 {
        Connection::open(&db)
            .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    let wait_for = |n: i64| {
        let t0 = Instant::now();
        while docs() < n {
            assert!(
                t0.elapsed().as_secs() < 60,
                "{} documents, {n} expected",
                docs()
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    };
    wait_for(3);
    // A new file appears in the watched directory.
    let more: String = corpus(8)
        .lines()
        .skip(3)
        .map(|l| format!("{l}\n"))
        .collect();
    write(&inbox, "second.jsonl", &more);
    wait_for(8);
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(docs(), 8);
}

#[test]
fn query_and_aggregate_by_the_place_of_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_s = db.display().to_string();
    let a = write(
        dir.path(),
        "a.txt",
        "The French government condemned the German government in Berlin on Friday.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Russian forces attacked Ukrainian troops near Kharkiv on Friday.\n",
    );
    ok(&dyad(&[
        "--quiet",
        "--published",
        "2024-05-03",
        "ingest",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--store",
        &db_s,
    ]));
    let query = |extra: &[&str]| {
        let mut args = vec!["query", "--store", &db_s];
        args.extend(extra);
        ok(&dyad(&args))
    };
    let all = jsonl(&query(&[]));
    assert_eq!(all.len(), 2, "{all:#?}");
    let berlin = jsonl(&query(&["--location", "berlin"]));
    assert_eq!(berlin.len(), 1);
    let e = &berlin[0];
    assert_eq!(e["location"], "Berlin");
    assert_eq!(e["loc_country"], "DEU");
    assert_eq!(e["loc_adm1"], "Berlin");
    assert_eq!(e["loc_precision"], "city");
    assert_eq!(e["loc_how"], "clause");
    // Berlin's GeoNames id where the build had the GeoNames wheel, else its key.
    let feature = if dyad_core::places::gazetteer_has_geonames() {
        "2950159"
    } else {
        "DE.Berlin.Berlin"
    };
    assert_eq!(e["loc_feature"], feature);
    assert!((e["loc_lat"].as_f64().unwrap() - 52.52).abs() < 0.01);
    assert!((e["loc_lon"].as_f64().unwrap() - 13.41).abs() < 0.01);
    assert_eq!(jsonl(&query(&["--location", "UKR"])).len(), 1);
    assert_eq!(jsonl(&query(&["--location", "UKR,DEU"])).len(), 2);
    assert_eq!(jsonl(&query(&["--location", "FRA"])).len(), 0);
    let mentions = jsonl(&query(&["--mentions", "--location", "DEU"]));
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0]["location"], "Berlin");
    assert_eq!(mentions[0]["loc_country"], "DEU");
    // CSV: the place columns by name.
    let csv = query(&["--format", "csv", "--location", "Berlin"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(col("location"), "Berlin");
    assert_eq!(col("loc_country"), "DEU");
    assert_eq!(col("loc_precision"), "city");
    assert!(col("loc_lat").starts_with("52.5"), "{}", col("loc_lat"));
    let table = query(&["--format", "table", "--location", "Berlin"]);
    assert!(table.contains("@Berlin/DEU"), "{table}");
    // Per place.
    let agg = ok(&dyad(&[
        "aggregate",
        "--store",
        &db_s,
        "--by",
        "location",
        "--format",
        "jsonl",
    ]));
    let rows = jsonl(&agg);
    let berlin = rows.iter().find(|r| r["location"] == "Berlin").unwrap();
    assert_eq!(berlin["events"], 1);
    let total: u64 = rows.iter().map(|r| r["events"].as_u64().unwrap()).sum();
    assert_eq!(total, 2);
}
