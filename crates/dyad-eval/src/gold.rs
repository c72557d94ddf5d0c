//! Gold files: reading the JSON Lines records and telling which kind of data a file
//! holds.

use anyhow::{Context, bail};
use dyad_core::PartialDate;
use dyad_core::codes::EventCode;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// How a gold file is scored (see `shared/eval/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Kind {
    /// CAMEO triples `{source, target, code}` matched one to one; codes agree on the root.
    #[value(name = "triples")]
    Triples,
    /// Triples whose gold codes are PLOVER categories (`plover_gsr`).
    #[value(name = "plover_triples")]
    PloverTriples,
    /// One PLOVER label per sentence (`plv`).
    #[value(name = "plv")]
    Plv,
    /// One of five coarse classes per sentence (`conflibert_cameo`).
    #[value(name = "conflibert")]
    Conflibert,
    /// One CAMEO code per sentence (`cameo_manual`).
    #[value(name = "cameo_manual")]
    CameoManual,
}

impl Kind {
    /// The kind's name as written on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Triples => "triples",
            Kind::PloverTriples => "plover_triples",
            Kind::Plv => "plv",
            Kind::Conflibert => "conflibert",
            Kind::CameoManual => "cameo_manual",
        }
    }

    /// Whether the kind is scored as triples (else as one label per sentence).
    pub fn is_triples(self) -> bool {
        matches!(self, Kind::Triples | Kind::PloverTriples)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why `petr_unittest` is not scored.
pub const SKIP_PETR: &str = "fictional actors (Arnor, Gondor) need PETRARCH's validation dictionaries, which dyad does not have";
/// Why `case2021_task2` is not scored.
pub const SKIP_ACLED: &str = "dyad does not map to ACLED types yet";

/// What to do with a gold file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// Score it as this kind.
    Score(Kind),
    /// Do not score it, for this reason.
    Skip(&'static str),
}

/// The class names of `conflibert_cameo`'s `label_id` 0 to 4.
pub const CONFLIBERT_CLASSES: [&str; 5] = [
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
];

/// One gold event of a triples file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// The source actor code; `None` (gold `null`) accepts any predicted source.
    pub source: Option<String>,
    /// The target actor code; `None` (gold `null`) accepts any predicted target, even none.
    pub target: Option<String>,
    /// The code: CAMEO for [`Kind::Triples`], a PLOVER 2021 category for
    /// [`Kind::PloverTriples`] (0.5 names already renamed).
    pub code: String,
}

/// A gold actor span of `conflibert_cameo` (role `source` or `target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpan {
    /// `source` or `target`.
    pub role: String,
    /// The span's text (tokenized: `Moscow ’ s`).
    pub text: String,
}

/// One gold record (one sentence), with what its kind needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldRecord {
    /// The record's id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// The story date, if known (plover_gsr's `2000-01-01` placeholder is `None`).
    pub date: Option<PartialDate>,
    /// Triples kinds: the gold events (empty: no event must be coded).
    pub events: Vec<GoldEvent>,
    /// Label kinds: the gold label (plv: PLOVER category; conflibert: class name from
    /// [`CONFLIBERT_CLASSES`]; cameo_manual: the CAMEO code).
    pub label: Option<String>,
    /// conflibert: the source and target spans.
    pub spans: Vec<GoldSpan>,
}

impl GoldRecord {
    /// A record with just an id and a text (for tests and builders).
    pub fn new(id: &str, text: &str) -> Self {
        GoldRecord {
            id: id.to_string(),
            text: text.to_string(),
            ..Default::default()
        }
    }
}

/// A gold file, read.
#[derive(Debug, Clone)]
pub struct GoldFile {
    /// The file's name without directory and extension (`plover_gsr`): the key of its
    /// floors and its name in reports.
    pub name: String,
    /// What to do with it.
    pub detected: Detected,
    /// The records (empty when the file is skipped).
    pub records: Vec<GoldRecord>,
    /// The malformed records left out of the scores: (line, what is wrong), in file
    /// order. One bad record never stops an evaluation.
    pub skipped: Vec<(usize, String)>,
}

/// PLOVER 0.5 names in gold data, and their 2021 names.
pub fn plover_2021(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// The kind a file's name tells, if it tells one.
pub fn detect_by_name(path: &Path) -> Option<Detected> {
    let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
    let stem = stem.strip_suffix(".jsonl").unwrap_or(&stem);
    Some(if stem.contains("petr_unittest") {
        Detected::Skip(SKIP_PETR)
    } else if stem.contains("case2021") {
        Detected::Skip(SKIP_ACLED)
    } else if stem.contains("plover_gsr") {
        Detected::Score(Kind::PloverTriples)
    } else if stem.contains("conflibert") {
        Detected::Score(Kind::Conflibert)
    } else if stem.contains("cameo_manual") {
        Detected::Score(Kind::CameoManual)
    } else if stem.contains("plv") {
        Detected::Score(Kind::Plv)
    } else {
        return None;
    })
}

/// The kind a record's fields tell, if they tell one.
pub fn detect_by_fields(record: &Value) -> Option<Detected> {
    let obj = record.as_object()?;
    let has = |k: &str| obj.contains_key(k);
    let meta = |k: &str| {
        obj.get("meta")
            .and_then(|m| m.get(k))
            .and_then(Value::as_str)
            .unwrap_or("")
    };
    Some(
        if meta("environment").contains("PETR.Validate")
            || meta("path").contains("PETR.UnitTest")
            || has("noevents") && has("category")
        {
            Detected::Skip(SKIP_PETR)
        } else if has("unseen_type") || has("plover_hint") {
            Detected::Skip(SKIP_ACLED)
        } else if has("label_id") && has("spans") {
            Detected::Score(Kind::Conflibert)
        } else if has("penta") {
            Detected::Score(Kind::Plv)
        } else if has("label_plover_2021") {
            Detected::Score(Kind::PloverTriples)
        } else if has("root") && has("label") {
            Detected::Score(Kind::CameoManual)
        } else if let Some(events) = obj.get("events").and_then(Value::as_array) {
            let plover = events
                .iter()
                .filter_map(|e| e.get("code").and_then(Value::as_str))
                .any(|c| c.chars().any(|ch| ch.is_ascii_alphabetic()));
            Detected::Score(if plover {
                Kind::PloverTriples
            } else {
                Kind::Triples
            })
        } else {
            return None;
        },
    )
}

/// Reads a gold file. The kind comes from `kind` when given (it always wins), else
/// from the file's name, else from its first well-formed record's fields; files dyad
/// cannot score (`petr_unittest`, `case2021_task2`) are recognised by name or fields
/// and skipped unless a kind is forced. A malformed line (invalid JSON, not an object,
/// a missing or mistyped field, a bad date) is left out and listed in
/// [`GoldFile::skipped`] with its line; only an unreadable file or one whose kind
/// cannot be told is an error.
pub fn load(path: &Path, kind: Option<Kind>) -> anyhow::Result<GoldFile> {
    load_with(path, kind, false)
}

/// [`load`], scoring `petr_unittest` as triples when `petr_dictionaries` is set (the
/// pipeline was given dictionaries, such as PETRARCH's imported validation set).
pub fn load_with(
    path: &Path,
    kind: Option<Kind>,
    petr_dictionaries: bool,
) -> anyhow::Result<GoldFile> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    // Invalid UTF-8 spoils one line, not the file: it is replaced, and the line it
    // is on then fails as a record (or scores with a replacement character).
    let text = String::from_utf8_lossy(&bytes);
    parse_with(path, &text, kind, petr_dictionaries)
}

/// [`load`] on text already read; `path` names the file in messages and gives its name.
pub fn parse(path: &Path, text: &str, kind: Option<Kind>) -> anyhow::Result<GoldFile> {
    parse_with(path, text, kind, false)
}

/// [`load_with`] on text already read.
pub fn parse_with(
    path: &Path,
    text: &str,
    kind: Option<Kind>,
    petr_dictionaries: bool,
) -> anyhow::Result<GoldFile> {
    // With dictionaries given, petr_unittest is a triples file like any other.
    let unskip = |d: Detected| match d {
        Detected::Skip(SKIP_PETR) if petr_dictionaries => {
            Detected::Score(kind.unwrap_or(Kind::Triples))
        }
        d => d,
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .trim_end_matches(".jsonl")
        .trim_end_matches(".json")
        .to_string();
    let mut values = Vec::new();
    let mut skipped = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) if v.is_object() => values.push((i + 1, v)),
            Ok(_) => skipped.push((i + 1, "not a JSON object".to_string())),
            Err(e) => skipped.push((i + 1, format!("invalid JSON: {e}"))),
        }
    }
    let detected = match kind {
        Some(k) => Detected::Score(k),
        None => match detect_by_name(path)
            .or_else(|| values.first().and_then(|(_, v)| detect_by_fields(v)))
            .map(unskip)
        {
            Some(d) => d,
            None if values.is_empty() && !skipped.is_empty() => {
                let (line, why) = &skipped[0];
                bail!(
                    "{}:{line}: {why} (no well-formed record in the file)",
                    path.display()
                )
            }
            None => bail!(
                "{}: cannot tell what kind of gold data this is; pass --kind",
                path.display()
            ),
        },
    };
    let mut records = Vec::new();
    if let Detected::Score(kind) = detected {
        for (line, v) in &values {
            match record(kind, v) {
                Ok(r) => records.push(r),
                Err(e) => skipped.push((*line, e)),
            }
        }
    } else {
        skipped.clear();
    }
    skipped.sort_by_key(|(line, _)| *line);
    Ok(GoldFile {
        name,
        detected,
        records,
        skipped,
    })
}

fn str_field<'a>(v: &'a Value, key: &str) -> Result<&'a str, String> {
    match v.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!("field `{key}` is not a string: {other}")),
        None => Err(format!("missing field `{key}`")),
    }
}

fn opt_str_field<'a>(v: &'a Value, key: &str) -> Result<Option<&'a str>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("field `{key}` is not a string or null: {other}")),
    }
}

/// One record of the given kind from its JSON value.
pub fn record(kind: Kind, v: &Value) -> Result<GoldRecord, String> {
    let mut r = GoldRecord::new(str_field(v, "id")?, str_field(v, "text")?);
    r.date = match opt_str_field(v, "date")? {
        None => None,
        Some("2000-01-01") if kind == Kind::PloverTriples => None,
        Some(d) => Some(
            d.parse::<PartialDate>()
                .map_err(|e| format!("field `date`: {e}"))?,
        ),
    };
    match kind {
        Kind::Triples | Kind::PloverTriples => {
            let events = match v.get("events") {
                Some(Value::Array(a)) => a.as_slice(),
                Some(Value::Null) | None => &[],
                Some(other) => return Err(format!("field `events` is not a list: {other}")),
            };
            for (i, e) in events.iter().enumerate() {
                let at = |m: String| format!("events[{i}]: {m}");
                let code = str_field(e, "code").map_err(at)?;
                let code = if kind == Kind::PloverTriples {
                    if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase()) {
                        return Err(at(format!("not a PLOVER category: {code:?}")));
                    }
                    plover_2021(code).to_string()
                } else {
                    // PETRARCH's validation codes may end in a letter (`174K`): the
                    // digits before it still give the root.
                    let digits = code.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                    if digits.len() < 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
                        return Err(at(format!("not a CAMEO code: {code:?}")));
                    }
                    code.to_string()
                };
                r.events.push(GoldEvent {
                    source: opt_str_field(e, "source").map_err(at)?.map(str::to_string),
                    target: opt_str_field(e, "target").map_err(at)?.map(str::to_string),
                    code,
                });
            }
        }
        Kind::Plv => {
            let label = str_field(v, "label")?;
            if label.is_empty() {
                return Err("field `label` is empty".into());
            }
            r.label = Some(label.to_string());
        }
        Kind::Conflibert => {
            let id = v
                .get("label_id")
                .and_then(Value::as_u64)
                .filter(|&i| i < 5)
                .ok_or_else(|| {
                    format!(
                        "field `label_id` is not 0 to 4: {}",
                        v.get("label_id").unwrap_or(&Value::Null)
                    )
                })?;
            r.label = Some(CONFLIBERT_CLASSES[id as usize].to_string());
            match v.get("spans") {
                None | Some(Value::Null) => {}
                Some(Value::Array(spans)) => {
                    for (i, s) in spans.iter().enumerate() {
                        let at = |m: String| format!("spans[{i}]: {m}");
                        let role = str_field(s, "role").map_err(at)?;
                        if role == "source" || role == "target" {
                            r.spans.push(GoldSpan {
                                role: role.to_string(),
                                text: str_field(s, "text").map_err(at)?.to_string(),
                            });
                        }
                    }
                }
                Some(other) => return Err(format!("field `spans` is not a list: {other}")),
            }
        }
        Kind::CameoManual => {
            let label = str_field(v, "label")?;
            let code = EventCode::new(label)
                .ok_or_else(|| format!("field `label` is not a CAMEO code: {label:?}"))?;
            r.label = Some(code.as_str().to_string());
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn shared() -> Option<PathBuf> {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        if p.is_dir() {
            Some(p)
        } else {
            // Written to stderr directly: the harness captures `eprintln!` and a skip
            // must show.
            std::io::Write::write_all(&mut std::io::stderr(), b"SKIP: ../shared not found\n").ok();
            None
        }
    }

    const DEV: [(&str, Detected, usize); 6] = [
        ("cameo_manual", Detected::Score(Kind::CameoManual), 385),
        ("plover_gsr", Detected::Score(Kind::PloverTriples), 322),
        ("petr_unittest", Detected::Skip(SKIP_PETR), 0),
        ("plv", Detected::Score(Kind::Plv), 1164),
        ("conflibert_cameo", Detected::Score(Kind::Conflibert), 1028),
        ("case2021_task2", Detected::Skip(SKIP_ACLED), 0),
    ];

    #[test]
    fn petr_unittest_is_scored_as_triples_when_dictionaries_are_given() {
        let line = r#"{"id": "DEMO-00", "text": "Arnor will meet Gondor.", "date": "19950101", "category": "DEMO", "evaluate": true, "events": [{"source": "ARN", "target": "GON", "code": "174K"}], "noevents": false}
{"id": "DEMO-01", "text": "Nothing here.", "date": "19950101", "category": "DEMO", "evaluate": true, "events": [], "noevents": true}"#;
        for path in ["petr_unittest.jsonl", "gold.jsonl"] {
            let path = Path::new(path);
            let skipped = parse(path, line, None).unwrap();
            assert_eq!(skipped.detected, Detected::Skip(SKIP_PETR));
            assert!(skipped.records.is_empty());
            let scored = parse_with(path, line, None, true).unwrap();
            assert_eq!(scored.detected, Detected::Score(Kind::Triples));
            assert_eq!(scored.records.len(), 2);
            assert_eq!(scored.records[0].events[0].code, "174K");
            assert!(scored.records[1].events.is_empty());
        }
        // The ACLED skip is not lifted by dictionaries.
        let acled = r#"{"id": "x", "text": "t", "unseen_type": true}"#;
        let d = parse_with(Path::new("case2021_task2.jsonl"), acled, None, true).unwrap();
        assert_eq!(d.detected, Detected::Skip(SKIP_ACLED));
    }

    #[test]
    fn dev_files_kind_by_name_and_by_fields() {
        let Some(shared) = shared() else { return };
        for (name, expected, n) in DEV {
            let path = shared.join("eval/dev").join(format!("{name}.jsonl"));
            assert_eq!(
                detect_by_name(&path),
                Some(expected.clone()),
                "{name} by name"
            );
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, line) in text.lines().enumerate() {
                let v: Value = serde_json::from_str(line).unwrap();
                assert_eq!(
                    detect_by_fields(&v),
                    Some(expected.clone()),
                    "{name} line {} by fields",
                    i + 1
                );
            }
            // Read whole, under its own name and under a name that tells nothing.
            let file = load(&path, None).unwrap();
            assert_eq!(file.name, name);
            assert_eq!(file.detected, expected);
            assert_eq!(file.records.len(), n, "{name}");
            let anonymous = parse(Path::new("gold.jsonl"), &text, None).unwrap();
            assert_eq!(anonymous.detected, expected);
            assert_eq!(anonymous.records, file.records);
            // A forced kind wins, even over a skip.
            assert_eq!(
                parse(Path::new("gold.jsonl"), &text, Some(Kind::Triples))
                    .unwrap()
                    .detected,
                Detected::Score(Kind::Triples)
            );
        }
    }

    #[test]
    fn dev_gold_is_read_as_the_readme_says() {
        let Some(shared) = shared() else { return };
        let dev = shared.join("eval/dev");
        let gsr = load(&dev.join("plover_gsr.jsonl"), None).unwrap();
        assert!(
            gsr.records.iter().all(|r| r.date.is_none()),
            "2000-01-01 is a placeholder"
        );
        let names = [
            "AGREE",
            "REQUEST",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "ASSAULT",
            "COERCE",
            "CONSULT",
            "SUPPORT",
            "ACCUSE",
            "RETREAT",
            "SANCTION",
            "CONCEDE",
            "AID",
            "COOPERATE",
            "MOBILIZE",
        ];
        let events: Vec<&GoldEvent> = gsr.records.iter().flat_map(|r| &r.events).collect();
        assert_eq!(events.len(), 363);
        for e in events {
            assert!(names.contains(&e.code.as_str()), "{e:?}");
        }
        let cm = load(&dev.join("cameo_manual.jsonl"), None).unwrap();
        assert!(cm.records.iter().all(|r| {
            r.label
                .as_ref()
                .is_some_and(|l| EventCode::new(l).is_some())
        }));
        let cb = load(&dev.join("conflibert_cameo.jsonl"), None).unwrap();
        assert_eq!(
            cb.records
                .iter()
                .filter(|r| r.label.as_deref() == Some("verbal_conflict"))
                .count(),
            294
        );
        assert_eq!(
            cb.records.iter().map(|r| r.spans.len()).sum::<usize>(),
            772 + 722
        );
    }

    /// The (line, message) of the one skipped record of `file`.
    fn one_skip(file: &GoldFile) -> (usize, &str) {
        assert_eq!(file.skipped.len(), 1, "{:?}", file.skipped);
        (file.skipped[0].0, file.skipped[0].1.as_str())
    }

    #[test]
    fn malformed_lines_are_skipped_with_their_line() {
        let good = r#"{"id": "a", "text": "t", "label": "AGREE", "penta": "x"}"#;
        let cases = [
            (format!("{good}\n{{not json\n"), 2, "invalid JSON"),
            (format!("{good}\n\n[1, 2]\n"), 3, "not a JSON object"),
            (
                format!("{good}\n{{\"id\": \"b\", \"text\": \"t\"}}\n"),
                2,
                "missing field `label`",
            ),
            (
                format!("{good}\n{{\"id\": 7, \"text\": \"t\", \"label\": \"AGREE\"}}\n"),
                2,
                "field `id` is not a string",
            ),
            (
                format!(
                    "{good}\n{{\"id\": \"b\", \"text\": \"t\", \"label\": \"AGREE\", \"date\": \"last week\"}}\n"
                ),
                2,
                "field `date`",
            ),
            (
                format!("{{\"id\": \"b\", \"label\": \"AGREE\"}}\n{good}\n"),
                1,
                "missing field `text`",
            ),
        ];
        for (text, line, expected) in cases {
            let f = parse(Path::new("bad/plv.jsonl"), &text, None).unwrap();
            assert_eq!(f.detected, Detected::Score(Kind::Plv));
            assert_eq!(f.records.len(), 1, "the good record is kept");
            let (at, why) = one_skip(&f);
            assert_eq!(at, line);
            assert!(
                why.starts_with(expected),
                "{why:?} should start with {expected:?}"
            );
        }
        // The date of the issue: "121108" is no date dyad reads.
        let triples = r#"{"id": "a", "text": "t", "date": "2012-11-08", "events": [{"source": "USA", "target": "RUS", "code": "0311"}]}"#;
        let bad_date = triples.replace("2012-11-08", "121108");
        let f = parse(
            Path::new("news.jsonl"),
            &format!("{triples}\n{bad_date}\n{triples}\n"),
            None,
        )
        .unwrap();
        assert_eq!(f.records.len(), 2);
        assert_eq!(one_skip(&f).0, 2);
        assert!(one_skip(&f).1.contains("field `date`"));
        let f = parse(Path::new("x/plover_gsr.jsonl"), r#"{"id": "a", "text": "t", "events": [{"source": "USA", "target": null, "code": "030"}]}"#, None).unwrap();
        assert_eq!(
            one_skip(&f),
            (1, "events[0]: not a PLOVER category: \"030\"")
        );
        let f = parse(
            Path::new("x/cameo_manual.jsonl"),
            r#"{"id": "a", "text": "t", "label": "AGREE", "root": "03"}"#,
            None,
        )
        .unwrap();
        assert!(
            one_skip(&f)
                .1
                .starts_with("field `label` is not a CAMEO code")
        );
        let f = parse(
            Path::new("x/conflibert.jsonl"),
            r#"{"id": "a", "text": "t", "label_id": 9, "spans": []}"#,
            None,
        )
        .unwrap();
        assert!(one_skip(&f).1.starts_with("field `label_id` is not 0 to 4"));
        let e = parse(
            Path::new("x/mystery.jsonl"),
            r#"{"id": "a", "text": "t"}"#,
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("mystery.jsonl") && e.contains("--kind"), "{e}");
        // Nothing well-formed: the first bad line is named.
        let e = parse(Path::new("x/mystery.jsonl"), "\u{0}\u{1}garbage\n", None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x/mystery.jsonl:1: invalid JSON"), "{e}");
        // Through a real file, with a line of invalid UTF-8.
        let path = std::env::temp_dir().join(format!(
            "dyad-eval-malformed-{}-plv.jsonl",
            std::process::id()
        ));
        let mut bytes = format!("{good}\n{good}\n{{\"id\": \"c\"\n").into_bytes();
        bytes.extend_from_slice(b"{\"id\": \"d\xff\xfe\", \"text\": 5}\n");
        std::fs::write(&path, bytes).unwrap();
        let f = load(&path, None).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(f.records.len(), 2);
        assert_eq!(f.skipped.len(), 2);
        assert_eq!(f.skipped[0].0, 3);
        assert!(f.skipped[0].1.starts_with("invalid JSON"));
        assert_eq!(f.skipped[1].0, 4);
        let e = load(Path::new("/nonexistent/plv.jsonl"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/plv.jsonl"), "{e}");
    }

    #[test]
    fn forced_kind_and_names() {
        let text = r#"{"id": "a", "text": "t", "events": [{"source": "USA", "target": "RUS", "code": "0311"}]}"#;
        let f = parse(Path::new("dir/news_2024.jsonl"), text, None).unwrap();
        assert_eq!(
            (f.name.as_str(), &f.detected),
            ("news_2024", &Detected::Score(Kind::Triples))
        );
        let f = parse(Path::new("plv.jsonl"), text, Some(Kind::Triples)).unwrap();
        assert_eq!(f.detected, Detected::Score(Kind::Triples));
        // Real-news triples whose records carry `noevents` and `category` look like
        // PETRARCH's unit tests to detection; `--kind triples` scores them all the same.
        let news = r#"{"id": "a", "text": "t", "noevents": false, "category": "x", "events": [{"source": "USA", "target": "RUS", "code": "0311"}]}"#;
        assert_eq!(
            parse(Path::new("news.jsonl"), news, None).unwrap().detected,
            Detected::Skip(SKIP_PETR)
        );
        let f = parse(Path::new("news.jsonl"), news, Some(Kind::Triples)).unwrap();
        assert_eq!(f.detected, Detected::Score(Kind::Triples));
        assert_eq!(f.records.len(), 1);
        assert_eq!(f.records[0].events[0].code, "0311");
        assert_eq!(plover_2021("FIGHT"), "ASSAULT");
        assert_eq!(plover_2021("DEMAND"), "REQUEST");
        assert_eq!(plover_2021("INVESTIGATE"), "ACCUSE");
        assert_eq!(plover_2021("DISAPPROVE"), "ACCUSE");
        assert_eq!(plover_2021("CONCEDE"), "CONCEDE");
    }
}
