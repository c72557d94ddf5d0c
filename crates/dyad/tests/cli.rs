//! End-to-end tests of the `dyad` binary, run as a child process:
//!
//! - `dyad code` on the example stories in `examples/`: every JSON line has the
//!   documented fields and its offsets (evidence sentence, trigger, actors) point into
//!   the input file's text; `--format table` prints one line per event; `--modes all`
//!   prints a superset of the default events; `--explain` adds an `explain` object;
//! - `dyad sentences`: a repeated headline is kept once, a boilerplate line is dropped,
//!   offsets map back into the file;
//! - problems with inputs (missing file, empty file, invalid UTF-8, a malformed JSON
//!   line) are reported on standard error with the file and the place, the good
//!   documents are still coded and the exit code is 1; a bad `--published` is a usage
//!   error (exit code 2);
//! - `--dictionaries DIR` adds a verb pattern, and a broken dictionary file there is
//!   an error naming the file and the line;
//! - `dyad dict lint` on the built-in dictionaries and on a broken override;
//! - the output does not depend on `--threads`;
//! - `dyad eval` on a tiny PLOVER-label gold file prints accuracy.

use dyad_core::document::content_id;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs `dyad` with `args` (standard input closed).
fn dyad<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("standard output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn describe(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        stderr(o)
    )
}

/// Parses every line of standard output as JSON.
fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        TempDir(dir)
    }

    /// Writes `contents` to `name` (creating parent directories) and returns its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a directory");
        }
        std::fs::write(&path, contents).expect("a temporary file");
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The example stories by document id (the id is derived from the text).
fn example_texts() -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(examples_dir()).expect("examples/") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a readable example");
            texts.insert(content_id(&text), text);
        }
    }
    assert!(texts.len() >= 4, "the example stories are in examples/");
    texts
}

fn code_examples(extra: &[&str]) -> Output {
    let mut args = vec!["code", "--published", "2024-05-14"];
    args.extend_from_slice(extra);
    let examples = examples_dir();
    let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    args.push(examples.into_os_string());
    let out = dyad(&args);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    out
}

fn str_field<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut x = v;
    for p in path {
        x = &x[*p];
    }
    x.as_str()
        .unwrap_or_else(|| panic!("{} is not a string in {v}", path.join(".")))
}

fn usize_field(v: &Value, path: &[&str]) -> usize {
    let mut x = v;
    for p in path {
        x = &x[*p];
    }
    x.as_u64()
        .unwrap_or_else(|| panic!("{} is not a number in {v}", path.join("."))) as usize
}

fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Checks one event record against the documented format and the input text.
fn check_event(e: &Value, text: &str) {
    let doc_id = str_field(e, &["doc_id"]);
    assert!(
        str_field(e, &["id"]).starts_with(&format!("{doc_id}-")),
        "id: {e}"
    );
    assert!(e["sentence"].is_u64(), "sentence: {e}");
    // Every story has a date (`--published`), so every event has one.
    let (date, date_end) = (str_field(e, &["date"]), str_field(e, &["date_end"]));
    assert!(
        is_date(date) && is_date(date_end) && date <= date_end,
        "{e}"
    );
    assert!(
        ["day", "month", "year", "range"].contains(&str_field(e, &["date_precision"])),
        "date_precision: {e}"
    );
    // Actors: a code, and where they are mentioned, the text at their offsets.
    let source_code = str_field(e, &["source", "code"]);
    assert!(!source_code.is_empty(), "source.code: {e}");
    assert!(e["target"].is_null() || e["target"].is_object(), "{e}");
    for actor in [&e["source"], &e["target"]] {
        if actor.is_null() {
            continue;
        }
        assert!(actor["code"].is_string(), "actor code: {e}");
        if let Some(t) = actor["text"].as_str() {
            let (s, x) = (usize_field(actor, &["start"]), usize_field(actor, &["end"]));
            assert_eq!(text.get(s..x), Some(t), "actor offsets: {e}");
        }
    }
    // CAMEO.
    let code = str_field(e, &["cameo", "code"]);
    assert!(
        (3..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()),
        "cameo.code: {e}"
    );
    assert_eq!(
        str_field(e, &["cameo", "root"]),
        &code[..2],
        "cameo.root: {e}"
    );
    assert!(
        !str_field(e, &["cameo", "name"]).is_empty(),
        "cameo.name: {e}"
    );
    let goldstein = e["cameo"]["goldstein"].as_f64().expect("cameo.goldstein");
    assert!((-10.0..=10.0).contains(&goldstein), "goldstein: {e}");
    let quad = e["cameo"]["quad_class"].as_u64().expect("cameo.quad_class");
    assert!((1..=4).contains(&quad), "quad_class: {e}");
    // PLOVER: null (roots 01 and 02 have none) or a category.
    assert!(
        e["plover"].is_null() || !str_field(e, &["plover", "type"]).is_empty(),
        "plover: {e}"
    );
    assert!(
        [
            "asserted",
            "negated",
            "future",
            "hypothetical",
            "historical"
        ]
        .contains(&str_field(e, &["mode"])),
        "mode: {e}"
    );
    assert!(e["primary"].is_boolean() && e["quote"].is_boolean(), "{e}");
    // The evidence: the sentence and the trigger at their offsets in the input.
    let (s, x) = (
        usize_field(e, &["evidence", "start"]),
        usize_field(e, &["evidence", "end"]),
    );
    assert_eq!(
        text.get(s..x),
        Some(str_field(e, &["evidence", "sentence"])),
        "evidence offsets: {e}"
    );
    let (ts, tx) = (
        usize_field(e, &["evidence", "trigger", "start"]),
        usize_field(e, &["evidence", "trigger", "end"]),
    );
    assert!(
        s <= ts && ts < tx && tx <= x,
        "trigger outside its sentence: {e}"
    );
    assert_eq!(
        text.get(ts..tx),
        Some(str_field(e, &["evidence", "trigger", "text"])),
        "trigger offsets: {e}"
    );
    // The rule: `file:line` of a verb pattern.
    let rule = str_field(e, &["rule"]);
    let (file, line) = rule.rsplit_once(':').expect("rule is file:line");
    assert!(
        file.ends_with(".txt") && line.parse::<u32>().is_ok_and(|n| n > 0),
        "rule: {e}"
    );
    let confidence = e["confidence"].as_f64().expect("confidence");
    assert!((0.0..=1.0).contains(&confidence), "confidence: {e}");
}

#[test]
fn code_examples_writes_documented_records_with_offsets_into_the_input() {
    let texts = example_texts();
    let events = json_lines(&code_examples(&[]));
    assert!(!events.is_empty(), "the examples yield events");
    let mut docs = BTreeSet::new();
    for e in &events {
        let doc_id = str_field(e, &["doc_id"]);
        let text = texts
            .get(doc_id)
            .unwrap_or_else(|| panic!("doc_id {doc_id} is not the id of an example: {e}"));
        docs.insert(doc_id.to_string());
        check_event(e, text);
        assert!(e.get("explain").is_none(), "no explain without --explain");
        // The default output: asserted events and statements of intent only.
        let mode = str_field(e, &["mode"]);
        let root = str_field(e, &["cameo", "root"]);
        assert!(
            mode == "asserted" || (mode == "future" && (root == "03" || root == "13")),
            "not a default event: {e}"
        );
    }
    assert_eq!(
        docs.len(),
        texts.len(),
        "every example story yields an event"
    );
    // Event ids are unique.
    let ids: BTreeSet<&str> = events.iter().map(|e| str_field(e, &["id"])).collect();
    assert_eq!(ids.len(), events.len(), "duplicate event ids");
}

#[test]
fn table_format_prints_one_line_per_event() {
    let events = json_lines(&code_examples(&[]));
    let table = stdout(&code_examples(&["--format", "table"]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), events.len(), "{table}");
    for (line, e) in lines.iter().zip(&events) {
        assert!(line.starts_with(str_field(e, &["doc_id"])), "{line}");
        for field in [
            str_field(e, &["source", "code"]),
            str_field(e, &["cameo", "code"]),
            str_field(e, &["evidence", "trigger", "text"]),
        ] {
            assert!(line.contains(field), "{field:?} not in {line:?}");
        }
        assert!(
            !line.trim_start().starts_with('{'),
            "not a table line: {line}"
        );
    }
}

#[test]
fn modes_all_prints_every_default_event_and_more() {
    let texts = example_texts();
    let default = json_lines(&code_examples(&[]));
    let all = json_lines(&code_examples(&["--modes", "all"]));
    assert!(all.len() >= default.len());
    let all_ids: BTreeSet<&str> = all.iter().map(|e| str_field(e, &["id"])).collect();
    for e in &default {
        assert!(
            all_ids.contains(str_field(e, &["id"])),
            "a default event is missing from --modes all: {e}"
        );
    }
    for e in &all {
        check_event(e, &texts[str_field(e, &["doc_id"])]);
    }
}

#[test]
fn explain_adds_an_explain_object() {
    let texts = example_texts();
    let plain = json_lines(&code_examples(&[]));
    let explained = json_lines(&code_examples(&["--explain"]));
    assert_eq!(plain.len(), explained.len());
    for (p, e) in plain.iter().zip(&explained) {
        check_event(e, &texts[str_field(e, &["doc_id"])]);
        let x = &e["explain"];
        assert!(x.is_object(), "no explain object: {e}");
        assert!(!str_field(x, &["lemma"]).is_empty(), "{e}");
        // The pattern as written, after the rule's file:line.
        let pattern = str_field(x, &["pattern"]);
        assert!(
            pattern.starts_with(&format!("{}: ", str_field(e, &["rule"]))),
            "pattern {pattern:?} does not start with the rule: {e}"
        );
        assert!(x["weak_source"].is_boolean(), "{e}");
        // Apart from `explain`, the record is the plain one.
        let mut without = e.clone();
        without
            .as_object_mut()
            .expect("an object")
            .remove("explain");
        assert_eq!(&without, p);
    }
}

#[test]
fn sentences_keeps_the_headline_once_and_drops_boilerplate() {
    let dir = TempDir::new("sentences");
    let headline = "Russia and China sign energy pact";
    let text = format!(
        "{headline}\n\n{headline}\n\nRussia and China signed an energy agreement on Tuesday. \
         The deal runs for 30 years.\n\nLeave a Comment\n\n\
         President Vladimir Putin said the U.S. was not invited.\n"
    );
    let path = dir.write("story.txt", &text);
    let out = dyad(&[
        "sentences".as_ref(),
        "--published".as_ref(),
        "2024-05-14".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let records = json_lines(&out);
    let sentences: Vec<&str> = records.iter().map(|r| str_field(r, &["text"])).collect();
    assert_eq!(
        sentences,
        [
            headline,
            "Russia and China signed an energy agreement on Tuesday.",
            "The deal runs for 30 years.",
            "President Vladimir Putin said the U.S. was not invited.",
        ],
        "{}",
        describe(&out)
    );
    for (i, r) in records.iter().enumerate() {
        assert_eq!(usize_field(r, &["index"]), i);
        let (s, x) = (usize_field(r, &["start"]), usize_field(r, &["end"]));
        assert_eq!(text.get(s..x), Some(str_field(r, &["text"])), "{r}");
        assert_eq!(str_field(r, &["doc_id"]), content_id(&text));
        assert_eq!(str_field(r, &["title"]), headline);
        assert_eq!(str_field(r, &["published"]), "2024-05-14");
    }
}

/// A story that codes at least one event, to show that the rest of the input is
/// still processed after a bad one.
const GOOD_STORY: &str = "Russia condemned Ukraine on Monday.\n";

/// Runs `dyad code` on a bad input followed by a good one and checks the common
/// contract: exit code 1, the good story coded, standard error naming the bad input.
fn check_skipped(bad: &Path, expected_in_stderr: &str) -> Output {
    let dir = TempDir::new(&format!(
        "good-{}",
        bad.file_name().and_then(|n| n.to_str()).unwrap_or("x")
    ));
    let good = dir.write("good.txt", GOOD_STORY);
    let out = dyad(&[
        "code".as_ref(),
        "--published".as_ref(),
        "2024-05-14".as_ref(),
        bad.as_os_str(),
        good.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let err = stderr(&out);
    assert!(
        err.contains(expected_in_stderr),
        "{expected_in_stderr:?} not in standard error: {}",
        describe(&out)
    );
    let events = json_lines(&out);
    assert!(
        events
            .iter()
            .any(|e| str_field(e, &["doc_id"]) == content_id(GOOD_STORY)),
        "the good story was not coded: {}",
        describe(&out)
    );
    out
}

#[test]
fn a_missing_file_is_reported_and_the_rest_is_coded() {
    let dir = TempDir::new("missing");
    let missing = dir.path().join("no-such-story.txt");
    check_skipped(&missing, &missing.display().to_string());
}

#[test]
fn an_empty_file_is_reported_and_the_rest_is_coded() {
    let dir = TempDir::new("empty");
    let empty = dir.write("empty.txt", "");
    let out = check_skipped(&empty, &empty.display().to_string());
    assert!(stderr(&out).contains("empty"), "{}", describe(&out));
}

#[test]
fn invalid_utf8_is_reported_with_the_byte_offset() {
    let dir = TempDir::new("utf8");
    let mut bytes = b"Russia condemned Ukraine.".to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe more text.\n");
    let bad = dir.write("latin.txt", &bytes);
    check_skipped(&bad, &format!("{}: byte {at}", bad.display()));
}

#[test]
fn a_malformed_json_line_is_reported_and_the_other_lines_are_coded() {
    let dir = TempDir::new("jsonl");
    let path = dir.write(
        "stories.jsonl",
        concat!(
            r#"{"id": "good-1", "text": "Russia condemned Ukraine on Monday."}"#,
            "\n",
            r#"{"id": "bad", "text": "China praised"#,
            "\n",
            r#"{"id": "good-3", "text": "China praised Japan for its help."}"#,
            "\n"
        ),
    );
    let out = dyad(&[
        "code".as_ref(),
        "--published".as_ref(),
        "2024-05-14".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert!(
        stderr(&out).contains(&format!("{}:2", path.display())),
        "file and line not named: {}",
        describe(&out)
    );
    let docs: BTreeSet<String> = json_lines(&out)
        .iter()
        .map(|e| str_field(e, &["doc_id"]).to_string())
        .collect();
    assert_eq!(
        docs,
        BTreeSet::from(["good-1".to_string(), "good-3".to_string()]),
        "{}",
        describe(&out)
    );
}

#[test]
fn a_long_non_ascii_repeated_headline_does_not_stop_the_run() {
    // The headline is over 64 bytes long, with Greek letters across its byte 64; its
    // repeat is removed by the cleaner.
    let dir = TempDir::new("headline");
    let headline = "Greek and Turkish ministers meet for talks in Athens, on Ελλάδα";
    assert!(!headline.is_char_boundary(64), "premise of the test");
    let story = dir.write(
        "greek.txt",
        format!("{headline}\n\n{headline}\n\nRussia condemned Ukraine on Monday.\n"),
    );
    let good = dir.write("good.txt", GOOD_STORY);
    let out = dyad(&[
        "code".as_ref(),
        "--published".as_ref(),
        "2024-05-14".as_ref(),
        story.as_os_str(),
        good.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let docs: BTreeSet<String> = json_lines(&out)
        .iter()
        .map(|e| str_field(e, &["doc_id"]).to_string())
        .collect();
    assert!(docs.contains(&content_id(GOOD_STORY)), "{}", describe(&out));
}

#[test]
fn a_bad_published_date_is_a_usage_error() {
    let dir = TempDir::new("published");
    let good = dir.write("good.txt", GOOD_STORY);
    for bad in ["2024-13-45", "yesterday"] {
        let out = dyad(&[
            "code".as_ref(),
            "--published".as_ref(),
            bad.as_ref(),
            good.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
        assert!(out.stdout.is_empty(), "{}", describe(&out));
        assert!(
            stderr(&out).contains("--published") && stderr(&out).contains(bad),
            "{}",
            describe(&out)
        );
    }
}

/// A dictionary directory with one verb file, `verbs/99-test.txt`.
fn verb_override(test: &str, verb_file: &str) -> TempDir {
    let dir = TempDir::new(test);
    dir.write("verbs/99-test.txt", verb_file);
    dir
}

const ZORBLE: &str = "# A verb no dictionary knows, for the tests.\nverb zorble\n  111  * $\n";

#[test]
fn dictionaries_override_adds_a_verb_pattern() {
    let dicts = verb_override("dict-ok", ZORBLE);
    let input = TempDir::new("dict-input");
    let story = input.write("zorble.txt", "Russia zorbled Ukraine.\n");
    let coded = |with_override: bool| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["code".as_ref()];
        if with_override {
            args.extend(["--dictionaries".as_ref(), dicts.path().as_os_str()]);
        }
        args.push(story.as_os_str());
        let out = dyad(&args);
        assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
        json_lines(&out)
    };
    let triple = |e: &Value| {
        (
            str_field(e, &["source", "code"]).to_string(),
            e["target"]["code"].as_str().unwrap_or("-").to_string(),
            str_field(e, &["cameo", "code"]).to_string(),
        )
    };
    let expected = ("RUS".to_string(), "UKR".to_string(), "111".to_string());
    let without = coded(false);
    assert!(
        !without.iter().any(|e| triple(e) == expected),
        "coded without the override: {without:?}"
    );
    let with = coded(true);
    assert_eq!(
        with.iter().map(triple).collect::<Vec<_>>(),
        [expected],
        "{with:?}"
    );
    assert_eq!(str_field(&with[0], &["rule"]), "verbs/99-test.txt:3");
    assert_eq!(
        str_field(&with[0], &["evidence", "trigger", "text"]),
        "zorbled"
    );
}

/// A verb file whose third line has a code that is not CAMEO.
const BROKEN: &str = "verb zorble\n  111  * $\n  999x * $\n";

#[test]
fn a_broken_dictionary_override_is_an_error_naming_file_and_line() {
    let dicts = verb_override("dict-broken", BROKEN);
    let input = TempDir::new("dict-broken-input");
    let story = input.write("zorble.txt", "Russia zorbled Ukraine.\n");
    let out = dyad(&[
        "code".as_ref(),
        "--dictionaries".as_ref(),
        dicts.path().as_os_str(),
        story.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert!(out.stdout.is_empty(), "{}", describe(&out));
    assert!(
        stderr(&out).contains("verbs/99-test.txt:3"),
        "file and line not named: {}",
        describe(&out)
    );
}

/// The summary line of `dyad dict lint`: `N files, E errors, W warnings`.
fn lint_summary(out: &Output) -> (usize, usize, usize) {
    let text = stdout(out);
    let last = text.lines().last().unwrap_or("");
    let numbers: Vec<usize> = last
        .split(", ")
        .map(|part| {
            part.split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("not a summary line: {last:?}"))
        })
        .collect();
    assert!(
        numbers.len() == 3
            && last.contains(" files, ")
            && last.contains(" errors, ")
            && last.ends_with(" warnings"),
        "not a summary line: {last:?}"
    );
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn dict_lint_passes_the_builtin_dictionaries() {
    let out = dyad(&["dict", "lint"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let (files, errors, _) = lint_summary(&out);
    assert!(files > 10, "{}", describe(&out));
    assert_eq!(errors, 0, "{}", describe(&out));
}

#[test]
fn dict_lint_names_the_file_and_line_of_an_error() {
    let dicts = verb_override("lint-broken", BROKEN);
    let out = dyad(&["dict".as_ref(), "lint".as_ref(), dicts.path().as_os_str()]);
    assert_ne!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(out.status.code().is_some(), "{}", describe(&out));
    let (_, errors, _) = lint_summary(&out);
    assert!(errors >= 1, "{}", describe(&out));
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.starts_with("verbs/99-test.txt:3") && l.contains("error")),
        "{}",
        describe(&out)
    );
    // The good override lints clean.
    let ok = verb_override("lint-ok", ZORBLE);
    let out = dyad(&["dict".as_ref(), "lint".as_ref(), ok.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_eq!(lint_summary(&out).1, 0, "{}", describe(&out));
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    // More documents than one batch (256), so that batches and threads both matter.
    let dir = TempDir::new("threads");
    let mut jsonl = String::new();
    let sentences: Vec<String> = example_texts()
        .values()
        .flat_map(|t| t.split(". ").map(str::to_string).collect::<Vec<_>>())
        .filter(|s| s.len() > 20)
        .collect();
    for i in 0..300 {
        let text = format!(
            "{} {}",
            sentences[i % sentences.len()].trim(),
            sentences[(i * 7 + 3) % sentences.len()].trim()
        );
        jsonl.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    let many = dir.write("many.jsonl", jsonl);
    let run = |threads: &str| {
        let out = dyad(&[
            "code".as_ref(),
            "--published".as_ref(),
            "2024-05-14".as_ref(),
            "--threads".as_ref(),
            threads.as_ref(),
            examples_dir().as_os_str(),
            many.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    assert!(
        String::from_utf8_lossy(&one).lines().count() > 300,
        "too few events to compare"
    );
    assert!(one == two, "--threads 1 and --threads 2 differ");
}

#[test]
fn eval_scores_a_tiny_plv_file() {
    let dir = TempDir::new("eval");
    // The third label names no PLOVER category, so it cannot be right: accuracy is at
    // most 2/3.
    let gold = dir.write(
        "tiny_plv.jsonl",
        concat!(
            r#"{"id": "p1", "text": "Russia condemned Ukraine on Monday.", "label": "ACCUSE"}"#,
            "\n",
            r#"{"id": "p2", "text": "China praised Japan for its help.", "label": "SUPPORT"}"#,
            "\n",
            r#"{"id": "p3", "text": "Israeli troops shelled Gaza.", "label": "NO_SUCH_CATEGORY"}"#,
            "\n"
        ),
    );
    let out = dyad(&["eval".as_ref(), gold.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let text = stdout(&out);
    assert!(text.contains("tiny_plv (plv): 3 records"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("accuracy ")),
        "{text}"
    );

    let out = dyad(&["eval".as_ref(), "--json".as_ref(), gold.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let file = &v["files"][0];
    assert_eq!(file["kind"], "plv", "{v}");
    assert_eq!(file["records"], 3, "{v}");
    let accuracy = file["metrics"]["accuracy"].as_f64().expect("accuracy");
    assert!((0.0..=2.0 / 3.0 + 1e-9).contains(&accuracy), "{v}");
    let correct = file["labels"]["correct"].as_u64().expect("labels.correct");
    assert_eq!(file["labels"]["n"], 3, "{v}");
    assert!((accuracy - correct as f64 / 3.0).abs() < 1e-9, "{v}");
}

#[test]
fn min_confidence_filters_events() {
    let shown = json_lines(&code_examples(&[]));
    assert!(!shown.is_empty(), "the examples yield events");
    // The default output withholds what the model holds more likely wrong than right.
    assert!(
        shown
            .iter()
            .all(|e| e["confidence"].as_f64().is_some_and(|c| c >= 0.5)),
        "an event under 0.5 shown by default"
    );
    assert_eq!(
        shown.len(),
        json_lines(&code_examples(&["--min-confidence", "0.5"])).len()
    );
    // 0 shows what the rules alone let through: more, and those under 0.5 among them.
    let rules = json_lines(&code_examples(&["--min-confidence", "0"]));
    assert!(
        rules.len() > shown.len(),
        "{} vs {}",
        rules.len(),
        shown.len()
    );
    let low = |e: &&Value| e["confidence"].as_f64().is_some_and(|c| c < 0.5);
    assert_eq!(rules.iter().filter(low).count(), rules.len() - shown.len());
    // `--modes all` names the reason; given a threshold, it drops what is under it.
    let all = json_lines(&code_examples(&["--modes", "all"]));
    assert!(
        all.iter()
            .any(|e| { e["withheld"] == "low confidence" && low(&e) && default_mode_json(e) })
    );
    assert!(
        all.iter()
            .filter(low)
            .all(|e| e["withheld"].is_string() || !default_mode_json(e))
    );
    let mut conf: Vec<f64> = all
        .iter()
        .filter_map(|e| e["confidence"].as_f64())
        .collect();
    conf.sort_by(f64::total_cmp);
    let p = conf[conf.len() * 3 / 4];
    let sure = json_lines(&code_examples(&[
        "--modes",
        "all",
        "--min-confidence",
        &p.to_string(),
    ]));
    assert!(
        !sure.is_empty() && sure.len() < all.len(),
        "{p}: {} of {}",
        sure.len(),
        all.len()
    );
    assert!(
        sure.iter()
            .all(|e| e["confidence"].as_f64().is_some_and(|c| c >= p))
    );
    let bad = dyad(&["code", "--min-confidence", "1.5", "x.txt"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("1.5"), "{}", describe(&bad));
}

/// Whether a printed event's mode is one the default output shows (asserted, or an
/// intention or threat told in the future).
fn default_mode_json(e: &Value) -> bool {
    let root = e["cameo"]["root"].as_str().unwrap_or_default();
    match e["mode"].as_str() {
        Some("asserted") => true,
        Some("future") => matches!(root, "03" | "13"),
        _ => false,
    }
}

#[test]
fn a_document_longer_than_a_window_is_coded_in_windows_as_in_one_piece() {
    use dyad_core::output::{ModeFilter, event_records_iter};
    use dyad_core::pipeline::{Analysis, Pipeline, WINDOW_BYTES};
    let dir = TempDir::new("long-document");
    // Sentences that need no context (no pronouns, full names, unambiguous places),
    // so that windows change nothing; about 700 KB: two windows of 512 KiB.
    let para = "Russia condemned Ukraine on Monday. China praised Japan. Kenyan police \
                arrested 40 protesters in Nairobi. France and Germany signed an agreement \
                in Berlin. Iran threatened Israel.";
    let text = vec![para; 700_000 / (para.len() + 2)].join("\n\n");
    assert!(text.len() > WINDOW_BYTES);
    let file = dir.write("long.txt", &text);
    let out = dyad(&[
        "--published".as_ref(),
        "2024-05-14".as_ref(),
        "code".as_ref(),
        "--modes".as_ref(),
        "all".as_ref(),
        file.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", describe(&out));
    let events = json_lines(&out);
    // The same text analysed in one piece by the library.
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut doc = dyad_core::Document::from_text(text.clone());
    doc.id = str_field(&events[0], &["doc_id"]).to_string();
    doc.published = "2024-05-14".parse().ok();
    let mut a = Analysis::default();
    pipeline.analyze(&doc, None, &mut a);
    let whole: Vec<Value> = event_records_iter(&pipeline, &doc, &a, ModeFilter::All, false)
        // Through text, as the binary writes it (an `f32` reads back as the `f64` it prints).
        .map(|r| serde_json::to_string(&r).expect("serialises"))
        .map(|l| serde_json::from_str(&l).expect("reads back"))
        .collect();
    assert!(whole.len() > 20_000);
    // No event lost or added at the window's edge; offsets, sentence numbers and ids
    // are those of the document in one piece.
    assert_eq!(events.len(), whole.len());
    let mut ids = BTreeSet::new();
    for (e, w) in events.iter().zip(&whole) {
        assert_eq!(e, w);
        check_event(e, &text);
        assert!(
            ids.insert(str_field(e, &["id"]).to_string()),
            "ids are unique: {e}"
        );
    }
}
