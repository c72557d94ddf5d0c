//! Import of PETRARCH dictionaries:
//!
//! - the fixtures in `tests/fixtures/` (a fictional world written in PETRARCH's syntax
//!   for these tests) convert with the expected counts and reasons, the output passes
//!   the linter on its own, and a pipeline built from it alone codes events with the
//!   imported verbs, actors, people and agents;
//! - every file of PETRARCH-2's dictionaries in `../shared/petrarch/` converts, alone and
//!   over the built-in dictionaries, into files that pass the linter with every entry
//!   accounted for (SKIP, printed, when `../shared` is absent);
//! - actors, agents and people imported over the built-in dictionaries are an added
//!   layer (`settings` / `layer: added`) and lint over them;
//! - PETRARCH-2's verbs imported over the built-in dictionaries (an added layer) leave
//!   every sentence the built-in ones code as it was, withhold an imported bare
//!   default, and fill a sentence the built-in ones leave empty (same SKIP).

use dyad_core::Document;
use dyad_core::dict::lint::{Severity, lint};
use dyad_core::dict::{self, Dictionaries, DiscardScope, ModeRule};
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::relevance::{Withheld, withheld};
use dyad_import::{FileReport, Input, Kind, Options, Output, import, import_with};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn builtin_cameo() -> String {
    dict::builtin_files()
        .into_iter()
        .find(|(p, _)| p == "cameo.txt")
        .map(|(_, t)| t.into_owned())
        .expect("the built-in cameo.txt")
}

fn fixtures_output() -> Output {
    let files = [
        (Kind::Verbs, "syldavia.verbs.txt"),
        (Kind::Actors, "syldavia.actors.txt"),
        (Kind::Agents, "syldavia.agents.txt"),
        (Kind::Discards, "syldavia.discards.txt"),
    ];
    let bytes: Vec<(Kind, &str, Vec<u8>)> =
        files.iter().map(|(k, n)| (*k, *n, fixture(n))).collect();
    let inputs: Vec<Input<'_>> = bytes
        .iter()
        .map(|(kind, name, b)| Input {
            kind: *kind,
            name: name.to_string(),
            bytes: b,
        })
        .collect();
    import(&inputs, &Dictionaries::default(), &builtin_cameo())
}

fn report<'a>(out: &'a Output, file: &str) -> &'a FileReport {
    out.reports
        .iter()
        .find(|r| r.file == file)
        .expect("a report per input")
}

fn reasons_at(r: &FileReport) -> Vec<(usize, &str)> {
    r.not_converted
        .iter()
        .map(|f| (f.line, f.reason.as_str()))
        .collect()
}

fn errors<S: AsRef<str>>(files: &[(String, S)]) -> Vec<String> {
    lint(files)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

#[test]
fn fixture_verbs_convert_with_every_loss_reported() {
    let out = fixtures_output();
    let r = report(&out, "syldavia.verbs.txt");
    assert_eq!(r.encoding, "UTF-8");
    let got = reasons_at(r);
    assert!(
        got.iter()
            .any(|(l, why)| *l == 29 && why.contains("not a CAMEO code")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, why)| *l == 35 && why.contains("nothing to code")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, why)| *l == 38 && why.contains("transformation")),
        "{got:?}"
    );
    assert_eq!(got.len(), 3, "{got:?}");
    // 2 synsets, 5 verbs (SHRUG not), 11 patterns (null, paired and reversed codes
    // included).
    assert_eq!(r.converted, 2 + 5 + 11);
    let lossy: Vec<&str> = r.approximated.iter().map(|f| f.reason.as_str()).collect();
    assert!(lossy.iter().any(|w| w.contains("suffix")), "{lossy:?}");
    assert_eq!(lossy.len(), 1, "{lossy:?}");
    let verbs = &out
        .files
        .iter()
        .find(|(p, _)| p == "verbs/syldavia-verbs.txt")
        .expect("the pattern file")
        .1;
    assert!(
        verbs.contains("&PET_TIES\n  relations | diplomatic ties\n"),
        "{verbs}"
    );
    assert!(verbs.contains("verb cut"), "{verbs}");
    // A multi-word verb's words are joined to it (nothing between).
    assert!(verbs.contains("160  *_off\n"), "{verbs}");
    assert!(verbs.contains("161  *_off &PET_TIES with $"), "{verbs}");
    assert!(
        verbs.contains("161:162  * ties  [reciprocal] [compound]"),
        "{verbs}"
    );
    assert!(verbs.contains("---  * talks"), "{verbs}");
    // `%` after the verb: a compound target, no compound subject.
    assert!(
        verbs.contains("032  * envoys to  [reciprocal]  #"),
        "{verbs}"
    );
    assert!(verbs.contains("---  *_off talks"), "{verbs}");
    assert!(verbs.contains(":173  * (to tribunal)"), "{verbs}");
    assert!(verbs.contains("071  * money to $"), "{verbs}");
    assert!(verbs.contains("settings\n  modes: patterns\n"), "{verbs}");
    assert!(verbs.contains("057  * (accord with) $"), "{verbs}");
    // PETRARCH's `$` is the source, its `+` the target: dyad's `+` and `$`.
    assert!(verbs.contains("154  + * ^ troops to $"), "{verbs}");
    let irregular = &out
        .files
        .iter()
        .find(|(p, _)| p == "verbs/irregular-syldavia-verbs.txt")
        .expect("the irregular forms")
        .1;
    assert!(irregular.contains("send: sent | sent"), "{irregular}");
}

#[test]
fn fixture_actors_agents_and_discards_convert() {
    let out = fixtures_output();
    let a = report(&out, "syldavia.actors.txt");
    assert_eq!(a.encoding, "Windows-1252");
    assert_eq!(a.converted, 5, "{:?}", a.not_converted);
    let lossy: Vec<(usize, &str)> = a
        .approximated
        .iter()
        .map(|f| (f.line, f.reason.as_str()))
        .collect();
    assert!(
        lossy
            .iter()
            .any(|(l, why)| *l == 19 && why.contains("several actors")),
        "{lossy:?}"
    );
    let mut got = reasons_at(a);
    got.sort();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].0 == 16 && got[0].1.contains("null code"), "{got:?}");
    // The bad date's line, and its actor, left with no role.
    assert!(
        got[1].0 == 17 && got[1].1.contains("no dated role"),
        "{got:?}"
    );
    assert!(got[2].0 == 18 && got[2].1.contains("not YYMMDD"), "{got:?}");
    let file = |p: &str| &out.files.iter().find(|(q, _)| q == p).expect(p).1;
    let actors = file("actors/countries-syldavia-actors.txt");
    assert!(actors.contains("SYL  Syldavia"), "{actors}");
    assert!(
        actors.contains("names: Syldavia | Syldavian | Klöw"),
        "{actors}"
    );
    let people = file("people/syldavia-actors.txt");
    assert!(people.contains("Muskar XII"), "{people}");
    assert!(
        people.contains("SYLGOV  1901-01-01 .. 1939-12-31"),
        "{people}"
    );
    assert!(people.contains("BORMIL  1956-01-01 .."), "{people}");
    assert!(people.contains("Kurvi-Tasch | Plekszy-Gladz"), "{people}");

    let g = report(&out, "syldavia.agents.txt");
    assert_eq!(g.converted, 6);
    assert_eq!(reasons_at(g), [(8, "an agent without a [code]")]);
    assert_eq!(g.approximated.len(), 1, "GOVFRM keeps GOV");
    let agents = file("agents/syldavia-agents.txt");
    assert!(agents.contains("congressman/congressman"), "{agents}");
    assert!(agents.contains("police/police"), "{agents}");
    assert!(
        agents.contains("foreign minister/foreign ministers"),
        "{agents}"
    );

    let d = report(&out, "syldavia.discards.txt");
    assert_eq!(d.converted, 4, "{:?}", d.not_converted);
    let mut got = reasons_at(d);
    got.sort();
    assert_eq!(
        got,
        [
            (
                6,
                "discard listed twice: one entry kept (a story discard if either is)"
            ),
            (7, "discard with no word to match"),
        ]
    );
    let discards = file("discards/syldavia-discards.txt");
    for line in [
        "story: football  # line 2",
        "sentence: chess tournament  # line 3",
        "story: klow marathon  # line 4",
        "sentence: season finale  # line 5",
    ] {
        assert!(discards.contains(line), "{line}\n{discards}");
    }
}

#[test]
fn fixture_output_lints_alone_and_codes_a_fictional_world() {
    let out = fixtures_output();
    assert_eq!(errors(&out.files), Vec::<String>::new());
    let dicts = Dictionaries::parse(&out.files).unwrap_or_else(|e| panic!("{e}"));
    let pipeline = Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"));
    let code = |text: &str| -> Vec<(String, String, String)> {
        let doc = Document::from_text(text);
        let mut analysis = Analysis::default();
        pipeline.analyze(&doc, None, &mut analysis);
        analysis
            .events
            .iter()
            .map(|e| {
                (
                    e.source_code.as_str().to_string(),
                    e.target_code
                        .as_ref()
                        .map_or("-", |t| t.as_str())
                        .to_string(),
                    e.code.as_str().to_string(),
                )
            })
            .collect()
    };
    let has = |events: &[(String, String, String)], s: &str, t: &str, c: &str| {
        events
            .iter()
            .any(|e| (e.0.as_str(), e.1.as_str(), e.2.as_str()) == (s, t, c))
    };
    let e = code("Syldavia signed an accord with Borduria on Monday.");
    assert!(has(&e, "SYL", "BOR", "057"), "{e:?}");
    let e = code("Syldavia cut off diplomatic ties with Borduria on Monday.");
    assert!(has(&e, "SYL", "BOR", "161"), "{e:?}");
    let e = code("The Syldavian president sent grain to Borduria.");
    assert!(has(&e, "SYLGOV", "BOR", "0233"), "{e:?}");
    // PETRARCH's convention (`modes: patterns`): a future act is the act itself.
    let e = code("Syldavia will sign an accord with Borduria.");
    assert_eq!(e, [("SYL".into(), "BOR".into(), "057".into())]);
    // A list joined by commas and `and` is a compound source, in a world of its own too.
    let e = code("Borduria, Kurvi-Tasch and Syldavia signed an accord with Muskar XII.");
    assert!(has(&e, "BOR", "SYLGOV", "057"), "{e:?}");
    assert!(has(&e, "SYL", "SYLGOV", "057"), "{e:?}");
    // A code with a suffix keeps its CAMEO digits.
    let e = code("Syldavia sent money to Borduria.");
    assert!(has(&e, "SYL", "BOR", "071"), "{e:?}");

    // Discards: the events of a sentence with a sentence phrase are withheld, and those
    // of every sentence of a story with a story phrase; other sentences are coded.
    let reasons = |text: &str| -> Vec<(u32, Option<Withheld>)> {
        let doc = Document::from_text(text);
        let mut a = Analysis::default();
        pipeline.analyze(&doc, None, &mut a);
        a.events
            .iter()
            .map(|e| (e.sentence, withheld(e, &a.domain)))
            .collect()
    };
    let w = reasons(
        "Syldavia signed an accord with Borduria. \
         At the chess tournament Syldavia signed an accord with Borduria.",
    );
    let sentence = Some(Withheld::Discarded(DiscardScope::Sentence));
    assert!(w.iter().any(|(s, r)| *s == 0 && *r != sentence), "{w:?}");
    assert!(w.iter().any(|(s, _)| *s == 1), "{w:?}");
    assert!(w.iter().all(|(s, r)| *s == 0 || *r == sentence), "{w:?}");
    let w = reasons(
        "Syldavia signed an accord with Borduria. \
         The Football match was played in Klow.",
    );
    assert!(!w.is_empty());
    let story = Some(Withheld::Discarded(DiscardScope::Story));
    assert!(w.iter().all(|(_, r)| *r == story), "{w:?}");
}

#[test]
fn two_verb_files_with_a_synset_of_the_same_name_keep_both() {
    let verbs = fixture("syldavia.verbs.txt");
    let inputs: Vec<Input<'_>> = ["a.verbs.txt", "b.verbs.txt"]
        .into_iter()
        .map(|name| Input {
            kind: Kind::Verbs,
            name: name.into(),
            bytes: &verbs,
        })
        .collect();
    let out = import(&inputs, &Dictionaries::default(), &builtin_cameo());
    assert_eq!(errors(&out.files), Vec::<String>::new());
    let b = &out
        .files
        .iter()
        .find(|(p, _)| p == "verbs/b-verbs.txt")
        .expect("the second pattern file")
        .1;
    assert!(b.contains("&PET_B_VERBS_TIES\n"), "{b}");
    assert!(b.contains("*_off &PET_B_VERBS_TIES with $"), "{b}");
}

#[test]
fn modes_read_writes_dyads_convention() {
    let verbs = fixture("syldavia.verbs.txt");
    let inputs = [Input {
        kind: Kind::Verbs,
        name: "syldavia.verbs.txt".into(),
        bytes: &verbs,
    }];
    let options = Options {
        modes: Some(ModeRule::Read),
    };
    let out = import_with(
        &inputs,
        &Dictionaries::default(),
        &builtin_cameo(),
        &options,
    );
    let text = &out
        .files
        .iter()
        .find(|(p, _)| p == "verbs/syldavia-verbs.txt")
        .expect("the pattern file")
        .1;
    assert!(text.contains("settings\n  modes: read\n"), "{text}");
    let dicts = Dictionaries::parse(&out.files).unwrap_or_else(|e| panic!("{e}"));
    assert!(dicts.patterns.iter().all(|e| e.modes == ModeRule::Read));
    // Over dyad's dictionaries, dyad's reading is the default.
    let base = Dictionaries::builtin().unwrap_or_else(|e| panic!("{e}"));
    let over = import(&inputs, &base, &builtin_cameo());
    let text = &over
        .files
        .iter()
        .find(|(p, _)| p == "verbs/syldavia-verbs.txt")
        .expect("the pattern file")
        .1;
    assert!(text.contains("settings\n  modes: read\n"), "{text}");
    // ... and an added layer: the converted verbs code only sentences dyad's own
    // leave without an event.
    assert!(text.contains("  modes: read\n  layer: added\n"), "{text}");
    let alone = import(&inputs, &Dictionaries::default(), &builtin_cameo());
    assert!(!alone.files.iter().any(|(_, t)| t.contains("layer:")));
}

#[test]
fn actors_agents_and_people_over_builtin_are_an_added_layer() {
    let (actors, agents) = (
        fixture("syldavia.actors.txt"),
        fixture("syldavia.agents.txt"),
    );
    let inputs = [
        Input {
            kind: Kind::Actors,
            name: "syldavia.actors.txt".into(),
            bytes: &actors,
        },
        Input {
            kind: Kind::Agents,
            name: "syldavia.agents.txt".into(),
            bytes: &agents,
        },
    ];
    let base = Dictionaries::builtin().unwrap_or_else(|e| panic!("{e}"));
    let over = import(&inputs, &base, &builtin_cameo());
    let named: Vec<&(String, String)> = over
        .files
        .iter()
        .filter(|(p, _)| {
            (p.starts_with("actors/") || p.starts_with("agents/") || p.starts_with("people/"))
                && !p.contains("imported-codes")
        })
        .collect();
    assert!(named.len() >= 3, "{:?}", over.files);
    for (path, text) in &named {
        assert!(
            text.contains("\nsettings\n  layer: added\n"),
            "{path}: {text}"
        );
    }
    let merged = dict::merge_files(
        dict::builtin_files(),
        over.files
            .iter()
            .map(|(p, t)| (p.clone(), std::borrow::Cow::Owned(t.clone())))
            .collect(),
    );
    assert_eq!(errors(&merged), Vec::<String>::new());
    let dicts = Dictionaries::parse(&merged).unwrap_or_else(|e| panic!("{e}"));
    assert!(dicts.people.iter().any(|p| p.layer == dict::Layer::Added));
    // Alone, the entries are the base.
    let alone = import(&inputs, &Dictionaries::default(), &builtin_cameo());
    assert!(!alone.files.iter().any(|(_, t)| t.contains("layer:")));
}

/// `../shared/petrarch`, or `None` with a visible SKIP.
fn shared_petrarch() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written to stderr directly: the harness captures `eprintln!`.
        std::io::Write::write_all(&mut std::io::stderr(), b"SKIP: ../shared not found\n").ok();
        None
    }
}

fn kind_of(name: &str) -> Option<Kind> {
    Some(if name.contains("verbs") || name.starts_with("CAMEO") {
        Kind::Verbs
    } else if name.contains("actors") {
        Kind::Actors
    } else if name.contains("agents") {
        Kind::Agents
    } else if name.contains("discards") {
        Kind::Discards
    } else if name.contains("Issue") {
        Kind::Issues
    } else {
        return None;
    })
}

/// Lines that hold an entry (not blank, not only a comment).
fn entry_lines(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#') && !t.starts_with("<!--")
        })
        .count()
}

#[test]
fn every_shared_petrarch_file_converts_and_lints() {
    let Some(dir) = shared_petrarch() else { return };
    let mut read = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("readable") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if let Some(kind) = kind_of(&name)
            && name.ends_with(".txt")
        {
            read.push((kind, name, std::fs::read(&path).expect("readable")));
        }
    }
    assert!(read.len() >= 11, "the README lists 11 dictionary files");
    let inputs: Vec<Input<'_>> = read
        .iter()
        .map(|(kind, name, b)| Input {
            kind: *kind,
            name: name.clone(),
            bytes: b,
        })
        .collect();
    for r in &fixtures_output().reports {
        assert!(r.converted + r.not_converted.len() > 0);
    }
    // The validation set alone, as `--no-builtin` uses it.
    let validate: Vec<Input<'_>> = inputs
        .iter()
        .filter(|i| i.name.starts_with("PETR.Validate"))
        .cloned()
        .collect();
    let alone = import(&validate, &Dictionaries::default(), &builtin_cameo());
    assert_eq!(errors(&alone.files), Vec::<String>::new());
    // Everything over the built-in dictionaries, as `--dictionaries` adds it.
    let phoenix: Vec<Input<'_>> = inputs
        .iter()
        .filter(|i| !i.name.starts_with("PETR.Validate"))
        .cloned()
        .collect();
    let base = Dictionaries::builtin().expect("the built-in dictionaries");
    let over = import(&phoenix, &base, &builtin_cameo());
    let merged = dict::merge_files(
        dict::builtin_files(),
        over.files
            .iter()
            .map(|(p, t)| (p.clone(), std::borrow::Cow::Borrowed(t.as_str())))
            .collect(),
    );
    assert_eq!(errors(&merged), Vec::<String>::new());
    for r in alone.reports.iter().chain(&over.reports) {
        let (_, text) = read
            .iter()
            .map(|(_, n, b)| (n, b))
            .find(|(n, _)| **n == r.file)
            .expect("read");
        let text = dyad_import::decode(text).0;
        // Every entry is converted or reported: never more entries than lines, and
        // something happened to each file.
        let accounted = r.converted + r.not_converted.len();
        assert!(accounted > 0, "{}", r.file);
        assert!(accounted <= entry_lines(&text), "{}: {accounted}", r.file);
        for f in &r.not_converted {
            assert!(
                f.line >= 1 && f.line <= text.lines().count(),
                "{}: {f:?}",
                r.file
            );
        }
    }
}

/// (source, target, code, withheld reason) of every event of `text`.
fn coded_with(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String, Option<Withheld>)> {
    let mut a = Analysis::default();
    pipeline.analyze(&Document::from_text(text), None, &mut a);
    a.events
        .iter()
        .map(|e| {
            (
                e.source_code.as_str().to_string(),
                e.target_code
                    .as_ref()
                    .map_or("-", |t| t.as_str())
                    .to_string(),
                e.code.as_str().to_string(),
                withheld(e, &a.domain),
            )
        })
        .collect()
}

#[test]
fn imported_verbs_over_builtin_fill_gaps_and_never_change_a_coded_sentence() {
    let Some(dir) = shared_petrarch() else { return };
    let verbs = std::fs::read(dir.join("CAMEO.2.0.txt")).expect("readable");
    let inputs = [Input {
        kind: Kind::Verbs,
        name: "CAMEO.2.0.txt".into(),
        bytes: &verbs,
    }];
    let base = Dictionaries::builtin().expect("the built-in dictionaries");
    let over = import(&inputs, &base, &builtin_cameo());
    let merged = dict::merge_files(
        dict::builtin_files(),
        over.files
            .iter()
            .map(|(p, t)| (p.clone(), std::borrow::Cow::Borrowed(t.as_str())))
            .collect(),
    );
    let with = Pipeline::new(&Dictionaries::parse(&merged).expect("parses")).expect("compiles");
    let alone = Pipeline::builtin().expect("the built-in pipeline");
    let sentences = [
        "Turkish troops attacked Kurdish rebels in northern Iraq.",
        "Russia prepared a new offensive against Ukraine.",
        "China condemned Japan and linked the protest to Tokyo.",
        "The talks failed to produce an agreement between Israel and Egypt.",
        "Pakistan linked the bombing to India.",
        "Brazil closed its border with Venezuela.",
    ];
    let mut filled = 0;
    for s in sentences {
        let (a, b) = (coded_with(&alone, s), coded_with(&with, s));
        if !a.is_empty() {
            // A sentence dyad's own dictionaries code is coded exactly as before.
            assert_eq!(a, b, "{s}");
            continue;
        }
        // A gap: an imported pattern may fill it; a bare default is withheld.
        if s.starts_with("Pakistan linked") {
            assert!(!b.is_empty(), "{s}");
            assert!(
                b.iter().all(|e| e.3 == Some(Withheld::AddedDefault)),
                "{s}: {b:?}"
            );
        }
        filled += usize::from(b.iter().any(|e| e.3.is_none()));
    }
    assert!(
        filled >= 1,
        "an imported pattern codes a sentence dyad leaves empty"
    );
}
