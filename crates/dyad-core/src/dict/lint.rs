//! The dictionary linter (`dyad dict lint`): what a parser cannot see.
//!
//! - syntax errors and names or patterns that do not compile;
//! - duplicate entries and names listed twice;
//! - conflicting codes: one name for two actors of different countries;
//! - overlapping date ranges: a person in two roles at once (one office change apart);
//! - unknown codes: roles not defined in `agents.txt`, countries not defined in the
//!   actor files, CAMEO codes not in `cameo.txt`, a CAMEO code whose parent is missing;
//! - unreachable synonyms and patterns: a name written twice for one actor, a pattern
//!   identical to an earlier one of the same entry, a lemma in two entries of one kind,
//!   a discard phrase listed twice.

use super::{Dictionaries, Element, NameKind, Origin};
use crate::codes::ActorCode;
use crate::lexicon::Lexicon;
use crate::pipeline::Pipeline;
use crate::segment::tokenize;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wrong: the dictionary would code something wrongly or not load.
    Error,
    /// Suspicious: worth a look.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the dictionary root.
    pub file: String,
    /// 1-based line (0 for the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

struct Out<'a> {
    files: &'a [String],
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn push(&mut self, severity: Severity, origin: Origin, message: String) {
        let file = self
            .files
            .get(origin.file as usize)
            .cloned()
            .unwrap_or_default();
        self.findings.push(Finding {
            severity,
            file,
            line: origin.line as usize,
            message,
        });
    }
}

/// The normalised token sequence of a name (what the matcher compares).
fn key(text: &str) -> String {
    let mut tokens = Vec::new();
    let mut norm = String::new();
    tokenize(text, 0..text.len(), &mut tokens, &mut norm);
    tokens
        .iter()
        .map(|t| &norm[t.norm_start as usize..t.norm_end as usize])
        .filter(|w| *w != "-")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lints dictionary files given as (path, text). Findings are sorted by file and line.
pub fn lint<S: AsRef<str>>(files: &[(String, S)]) -> Vec<Finding> {
    let dicts = match Dictionaries::parse(files) {
        Ok(d) => d,
        Err(errors) => {
            return errors
                .0
                .into_iter()
                .map(|e| Finding {
                    severity: Severity::Error,
                    file: e.file,
                    line: e.line,
                    message: e.message,
                })
                .collect();
        }
    };
    let mut out = Out {
        files: &dicts.files,
        findings: Vec::new(),
    };
    if let Err(errors) = Pipeline::new(&dicts) {
        for e in errors.0 {
            out.findings.push(Finding {
                severity: Severity::Error,
                file: e.file,
                line: e.line,
                message: e.message,
            });
        }
    }
    check_codes(&dicts, &mut out);
    check_names(&dicts, &mut out);
    check_people(&dicts, &mut out);
    check_patterns(&dicts, &mut out);
    check_places(&dicts, &mut out);
    check_corporate(&dicts, &mut out);
    check_discards(&dicts, &mut out);
    out.findings
        .sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    out.findings.dedup();
    out.findings
}

fn check_codes(d: &Dictionaries, out: &mut Out<'_>) {
    let roles: FxHashSet<&str> = d.roles.iter().map(|r| r.code.as_str()).collect();
    let prefixes: FxHashSet<&str> = d
        .actors
        .iter()
        .map(|a| a.code.prefix())
        .chain(["---", "IGO", "NGO", "IMG", "MNC"])
        .collect();
    let mut seen_actor: FxHashMap<&str, Origin> = FxHashMap::default();
    for a in &d.actors {
        if let Some(first) = seen_actor.insert(a.code.as_str(), a.origin) {
            // In another file, a second entry adds names to the actor (an imported
            // dictionary over the built-in one); in the same file it is a mistake.
            out.push(
                if first.file == a.origin.file {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                a.origin,
                format!(
                    "actor {} is defined twice (first at {})",
                    a.code,
                    d.locate(first)
                ),
            );
        }
        for (kind, name) in &a.names {
            if let NameKind::Seat(role) = kind
                && !roles.contains(role.as_str())
            {
                out.push(
                    Severity::Error,
                    name.origin,
                    format!("role {role} is not defined in agents.txt"),
                );
            }
        }
    }
    let mut seen_role: FxHashMap<&str, Origin> = FxHashMap::default();
    for r in &d.roles {
        if let Some(first) = seen_role.insert(r.code.as_str(), r.origin) {
            out.push(
                if first.file == r.origin.file {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                r.origin,
                format!(
                    "role {} is defined twice (first at {})",
                    r.code,
                    d.locate(first)
                ),
            );
        }
    }
    let known = |code: &ActorCode| -> bool {
        let s = code.as_str();
        if !prefixes.contains(code.prefix()) {
            return false;
        }
        // After the prefix: roles or organisation codes, three letters at a time. An
        // entry's own code (IGOUNO) counts as known with anything after it.
        d.actors.iter().any(|a| s.starts_with(a.code.as_str()))
            || s.as_bytes()[3..]
                .chunks(3)
                .all(|c| std::str::from_utf8(c).is_ok_and(|r| roles.contains(r) || r.len() < 3))
    };
    for p in &d.people {
        for r in &p.roles {
            if !known(&r.code) {
                out.push(
                    Severity::Error,
                    r.origin,
                    format!("code {} has an unknown country or role", r.code),
                );
            }
        }
    }
    for pl in &d.places {
        if !prefixes.contains(pl.country.as_str()) {
            out.push(
                Severity::Error,
                pl.name.origin,
                format!("{} is not a country defined in the actor files", pl.country),
            );
        }
    }
    for e in d.cameo.entries() {
        if e.code.len() > 2 && d.cameo.get(e.code.parent()).is_none() {
            let origin = Origin {
                file: d.files.iter().position(|f| f == "cameo.txt").unwrap_or(0) as u16,
                line: e.line as u32,
            };
            out.push(
                Severity::Error,
                origin,
                format!("code {} has no parent {}", e.code, e.code.parent()),
            );
        }
    }
}

fn check_names(d: &Dictionaries, out: &mut Out<'_>) {
    // name key -> (code, origin, what)
    let mut actors: FxHashMap<String, Vec<(ActorCode, Origin)>> = FxHashMap::default();
    for a in &d.actors {
        let mut own: FxHashSet<String> = FxHashSet::default();
        for (kind, name) in &a.names {
            let k = key(&name.text);
            if k.is_empty() {
                continue;
            }
            if !own.insert(format!("{k}|{}", name.exact_case)) {
                out.push(
                    Severity::Warning,
                    name.origin,
                    format!(
                        "{:?} is listed twice for {}: the second is unreachable",
                        name.text, a.code
                    ),
                );
                continue;
            }
            let code = match kind {
                NameKind::Seat(role) => a.code.with_role(role),
                _ => a.code,
            };
            actors.entry(k).or_default().push((code, name.origin));
        }
    }
    for (k, list) in &actors {
        let first = list[0];
        for &(code, origin) in &list[1..] {
            if code.prefix() != first.0.prefix() {
                out.push(
                    Severity::Warning,
                    origin,
                    format!(
                        "{k:?} names {code} here and {} at {}: conflicting codes (the first wins)",
                        first.0,
                        out.files[first.1.file as usize].clone() + ":" + &first.1.line.to_string()
                    ),
                );
            }
        }
    }
    let mut places: FxHashMap<String, Origin> = FxHashMap::default();
    for p in &d.places {
        let k = key(&p.name.text);
        if let Some(first) = places.insert(k.clone(), p.name.origin) {
            out.push(
                Severity::Warning,
                p.name.origin,
                format!(
                    "place {:?} is listed twice (also line {})",
                    p.name.text, first.line
                ),
            );
        }
        if let Some(a) = actors.get(&k) {
            out.push(
                Severity::Warning,
                p.name.origin,
                format!(
                    "place {:?} is also an actor name ({}): the actor reading wins",
                    p.name.text, a[0].0
                ),
            );
        }
    }
    let mut nouns: FxHashMap<String, (ActorCode, Origin)> = FxHashMap::default();
    for r in &d.roles {
        for n in &r.nouns {
            let k = key(&n.singular.text);
            if let Some((code, first)) = nouns.insert(k, (r.code, n.singular.origin))
                && code != r.code
            {
                out.push(
                    Severity::Warning,
                    n.singular.origin,
                    format!(
                        "agent {:?} is also a {} noun (line {}): conflicting roles",
                        n.singular.text, code, first.line
                    ),
                );
            }
        }
    }
}

fn check_people(d: &Dictionaries, out: &mut Out<'_>) {
    for p in &d.people {
        let dated: Vec<_> = p.roles.iter().filter(|r| !r.undated).collect();
        for (i, a) in dated.iter().enumerate() {
            for b in &dated[i + 1..] {
                let (a_from, a_to) = (a.from.map(|x| x.first_day()), a.to.map(|x| x.last_day()));
                let (b_from, b_to) = (b.from.map(|x| x.first_day()), b.to.map(|x| x.last_day()));
                let overlap_days = match (a_from.max(b_from), min_opt(a_to, b_to)) {
                    (Some(start), Some(end)) => (end - start).num_days() + 1,
                    (_, None) => i64::MAX,
                    (None, Some(_)) => i64::MAX,
                };
                // A handover day shared by two roles is normal. A longer overlap makes
                // the person's code on those days depend on the order of the lines: a
                // slip, or a real double office (a Soviet republic's leader who also
                // held a Union post) that a reviewer should confirm.
                if overlap_days > 1 && a.code != b.code {
                    let severity = Severity::Warning;
                    out.push(
                        severity,
                        b.origin,
                        format!(
                            "{}: role {} overlaps the role {} at line {}",
                            p.display(),
                            b.code,
                            a.code,
                            a.origin.line
                        ),
                    );
                }
            }
        }
    }
    // The same full name twice.
    let mut seen: FxHashMap<String, Origin> = FxHashMap::default();
    for p in &d.people {
        let k = key(p.display());
        if let Some(first) = seen.insert(k, p.origin) {
            out.push(
                Severity::Warning,
                p.origin,
                format!(
                    "{} is listed twice (also {}:{})",
                    p.display(),
                    out.files[first.file as usize].clone(),
                    first.line
                ),
            );
        }
    }
}

fn min_opt<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    }
}

fn check_patterns(d: &Dictionaries, out: &mut Out<'_>) {
    let mut lemmas: FxHashMap<(String, bool), Origin> = FxHashMap::default();
    for e in &d.patterns {
        let noun = e.kind == super::TriggerKind::Noun;
        for l in &e.lemmas {
            if let Some(first) = lemmas.get(&(l.clone(), noun))
                && first.file == e.origin.file
            {
                out.push(
                    Severity::Warning,
                    e.origin,
                    format!("{l:?} heads another entry of this file too (line {}): its patterns compete", first.line),
                );
            }
            lemmas.insert((l.clone(), noun), e.origin);
        }
        let mut seen: FxHashMap<&[Element], u32> = FxHashMap::default();
        for p in &e.patterns {
            if let Some(first) = seen.insert(&p.elements, p.origin.line) {
                out.push(
                    Severity::Warning,
                    p.origin,
                    format!("the same pattern as line {first}: this one can never win"),
                );
            }
        }
    }
    let _ = Lexicon::new;
}

/// Place names that resolve to no gazetteer feature of their country (a spelling the
/// gazetteer lacks needs an alias in `crates/dyad-core/src/places/aliases.txt`).
fn check_places(d: &Dictionaries, out: &mut Out<'_>) {
    let g = crate::places::gazetteer();
    for p in &d.places {
        if g.country_by_code(p.country.as_str()).is_none() {
            continue;
        }
        if crate::places::resolve_dictionary_name(g, &p.name.text, p.country.as_str()).is_none() {
            out.push(
                Severity::Warning,
                p.name.origin,
                format!(
                    "place {:?} resolves to no town or division of {} in the gazetteer",
                    p.name.text, p.country
                ),
            );
        }
    }
}

/// A corporate word listed twice (case aside): the second line does nothing.
fn check_corporate(d: &Dictionaries, out: &mut Out<'_>) {
    let mut seen: FxHashMap<String, Origin> = FxHashMap::default();
    for w in &d.corporate {
        if let Some(first) = seen.insert(w.word.to_ascii_lowercase(), w.origin) {
            out.push(
                Severity::Warning,
                w.origin,
                format!(
                    "corporate word {:?} is listed twice (first at {})",
                    w.word,
                    d.locate(first)
                ),
            );
        }
    }
}

/// A discard phrase listed twice (case and spacing aside): the second does nothing,
/// or, when one of the two is a story phrase, the story phrase decides.
fn check_discards(d: &Dictionaries, out: &mut Out<'_>) {
    let mut seen: FxHashMap<String, (Origin, super::DiscardScope)> = FxHashMap::default();
    for p in &d.discards {
        let k = key(&p.phrase);
        if k.is_empty() {
            out.push(
                Severity::Error,
                p.origin,
                format!("discard phrase {:?} has no word to match", p.phrase),
            );
            continue;
        }
        match seen.get(&k) {
            Some((first, scope)) => out.push(
                Severity::Warning,
                p.origin,
                if *scope == p.scope {
                    format!(
                        "discard phrase {:?} is listed twice (first at {})",
                        p.phrase,
                        d.locate(*first)
                    )
                } else {
                    format!(
                        "discard phrase {:?} is a {} phrase here and a {} phrase at {}: the story phrase decides",
                        p.phrase,
                        p.scope.as_str(),
                        scope.as_str(),
                        d.locate(*first)
                    )
                },
            ),
            None => {
                seen.insert(k, (p.origin, p.scope));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(files: &[(&str, &str)]) -> Vec<String> {
        let mut all: Vec<(String, String)> = crate::dict::builtin_files()
            .into_iter()
            .map(|(p, t)| (p, t.into_owned()))
            .collect();
        for (p, t) in files {
            match all.iter_mut().find(|(q, _)| q == p) {
                Some(slot) => slot.1 = t.to_string(),
                None => all.push((p.to_string(), t.to_string())),
            }
        }
        lint(&all).into_iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn the_builtin_dictionaries_have_no_errors() {
        let findings = run(&[]);
        let errors: Vec<&String> = findings
            .iter()
            .filter(|f| f.contains(": error: "))
            .collect();
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn finds_overlaps_unknown_codes_and_duplicates() {
        let people = "Jane Doe | Doe\n  AAAGOV 2000 .. 2010\nJohn Roe\n  RUSGOV 2000 .. 2010\n  UKRGOV 2005 .. 2012\n";
        let actors = "QQQ  Testland\n  names: Testland | Testland\n  XYZ: Test Palace\n";
        let findings = run(&[("people/test.txt", people), ("actors/test.txt", actors)]);
        let has = |s: &str| findings.iter().any(|f| f.contains(s));
        assert!(
            has("people/test.txt:2: error: code AAAGOV has an unknown country"),
            "{findings:?}"
        );
        assert!(
            has("people/test.txt:5: warning: John Roe: role UKRGOV overlaps"),
            "{findings:?}"
        );
        assert!(
            has("actors/test.txt:2: warning: \"Testland\" is listed twice"),
            "{findings:?}"
        );
        assert!(
            has("actors/test.txt:3: error: role XYZ is not defined"),
            "{findings:?}"
        );
    }

    #[test]
    fn a_code_defined_again_in_another_file_adds_to_it() {
        // RUS and GOV are built in: another file may add names and nouns to them.
        let findings = run(&[
            (
                "actors/countries-more.txt",
                "RUS  Russia\n  names: Rossiyskaya\n",
            ),
            (
                "agents/more.txt",
                "GOV  Government\n  persons: vice-minister\n",
            ),
            (
                "actors/twice.txt",
                "QQQ  A\n  names: Aland\nQQQ  B\n  names: Bland\n",
            ),
        ]);
        let has = |s: &str| findings.iter().any(|f| f.contains(s));
        assert!(
            has(
                "actors/countries-more.txt:1: warning: actor RUS is defined twice (first at actors/countries.txt:"
            ),
            "{findings:?}"
        );
        assert!(
            has("agents/more.txt:1: warning: role GOV is defined twice (first at agents.txt:"),
            "{findings:?}"
        );
        assert!(
            has("actors/twice.txt:3: error: actor QQQ is defined twice"),
            "{findings:?}"
        );
    }

    #[test]
    fn corporate_words_that_are_not_one_word_or_listed_twice_are_reported() {
        let text = "# test\nAirlines\nGroup\nState Bank\nAIRLINES\n";
        let findings = run(&[("actors/corporate.txt", text)]);
        let has = |s: &str| findings.iter().any(|f| f.starts_with(s));
        assert!(
            has("actors/corporate.txt:4: error: \"State Bank\": a corporate word is one"),
            "{findings:?}"
        );
        // A file with a syntax error is not linted further: fix it, then lint again.
        let findings = run(&[("actors/corporate.txt", "Airlines\nGroup\nAIRLINES\n")]);
        assert!(
            findings.iter().any(|f| f
                == "actors/corporate.txt:3: warning: corporate word \"AIRLINES\" is listed twice (first at actors/corporate.txt:1)"),
            "{findings:?}"
        );
    }

    #[test]
    fn discard_phrases_listed_twice_or_malformed_are_reported() {
        let text = "sentence: bronze medal | Bronze  Medal\nstory: bronze medal\n";
        let findings = run(&[("discards/x.txt", text)]);
        assert!(
            findings.iter().any(|f| f
                == "discards/x.txt:1: warning: discard phrase \"Bronze Medal\" is listed twice (first at discards/x.txt:1)"),
            "{findings:?}"
        );
        assert!(
            findings.iter().any(|f| f.starts_with(
                "discards/x.txt:2: warning: discard phrase \"bronze medal\" is a story phrase here"
            )),
            "{findings:?}"
        );
        let findings = run(&[("discards.txt", "sports: cricket\n")]);
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("discards.txt:1: error: expected `sentence:")),
            "{findings:?}"
        );
    }

    #[test]
    fn syntax_errors_are_reported_with_their_line() {
        let findings = run(&[("places/test.txt", "UKR: Kharkiv\nnot a place line\n")]);
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("places/test.txt:2: error:")),
            "{findings:?}"
        );
    }
}
