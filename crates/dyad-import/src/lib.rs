//! # dyad-import
//!
//! Converts dictionaries written for PETRARCH and TABARI (verb patterns with synonym
//! sets, actors with dated roles, agents, discards, issues) into dyad's own dictionary
//! formats (`docs/dictionaries.md`, `docs/patterns.md`). Pure functions: the caller
//! passes each file's name and bytes and writes the returned files; this crate does no
//! I/O. Every entry that cannot be converted is reported with its file, line and
//! reason; nothing is dropped silently.

mod actors;
mod agents;
mod other;
mod text;
mod verbs;

use dyad_core::dict::{Dictionaries, Layer, ModeRule};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub use text::decode;

/// What a PETRARCH file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Verb dictionary: synonym sets and verb patterns.
    Verbs,
    /// Actor dictionary: actors, people and their dated roles.
    Actors,
    /// Agent dictionary: generic nouns and their role codes.
    Agents,
    /// Discard phrases.
    Discards,
    /// Issue phrases.
    Issues,
}

/// One input file.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// What it holds.
    pub kind: Kind,
    /// Its file name (used in reports and in the names of the output files).
    pub name: String,
    /// Its bytes, in any of UTF-8, Windows-1252 or Latin-1.
    pub bytes: &'a [u8],
}

/// An entry that was not converted, or converted with a loss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line in the input file.
    pub line: usize,
    /// The reason, worded the same for every entry with the same cause (for grouping).
    pub reason: String,
    /// The entry as written, or a detail.
    pub detail: String,
}

/// What became of one input file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The input file's name.
    pub file: String,
    /// The encoding it was read in.
    pub encoding: &'static str,
    /// Entries converted.
    pub converted: usize,
    /// Entries not converted, each with its line and reason.
    pub not_converted: Vec<Finding>,
    /// Entries converted with a loss (a detail dyad cannot express), with the loss.
    pub approximated: Vec<Finding>,
}

impl FileReport {
    fn skip(&mut self, line: usize, reason: &str, detail: &str) {
        self.not_converted.push(Finding {
            line,
            reason: reason.to_string(),
            detail: detail.trim().to_string(),
        });
    }

    fn approx(&mut self, line: usize, reason: &str, detail: &str) {
        self.approximated.push(Finding {
            line,
            reason: reason.to_string(),
            detail: detail.trim().to_string(),
        });
    }

    /// The reasons for the entries not converted, with their counts, most frequent first.
    pub fn grouped(findings: &[Finding]) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in findings {
            *counts.entry(&f.reason).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// The result of an import: dyad dictionary files and a report per input.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// (path relative to the dictionary root, text), sorted by path.
    pub files: Vec<(String, String)>,
    /// One report per input, in input order.
    pub reports: Vec<FileReport>,
}

impl Output {
    /// The report as text: per file the counts, then the reasons grouped, then every
    /// entry with its line.
    pub fn report_text(&self) -> String {
        let mut s = String::new();
        for r in &self.reports {
            let _ = writeln!(
                s,
                "{}: {} converted ({} with a loss), {} not converted [{}]",
                r.file,
                r.converted,
                r.approximated.len(),
                r.not_converted.len(),
                r.encoding
            );
            for (reason, n) in FileReport::grouped(&r.not_converted) {
                let _ = writeln!(s, "  not converted  {n:>5}  {reason}");
            }
            for (reason, n) in FileReport::grouped(&r.approximated) {
                let _ = writeln!(s, "  with a loss    {n:>5}  {reason}");
            }
        }
        for r in &self.reports {
            for f in &r.not_converted {
                let _ = writeln!(
                    s,
                    "{}:{}: not converted: {}: {}",
                    r.file, f.line, f.reason, f.detail
                );
            }
            for f in &r.approximated {
                let _ = writeln!(
                    s,
                    "{}:{}: with a loss: {}: {}",
                    r.file, f.line, f.reason, f.detail
                );
            }
        }
        s
    }
}

/// Codes and names the converted files use, to complete them for `dyad dict lint`.
#[derive(Default)]
struct Used {
    /// Event codes used by patterns.
    event_codes: FxHashSet<String>,
    /// Actor codes of people's roles (and of agents' roles, as `---ROLE`).
    actor_codes: Vec<String>,
    /// Actor codes defined by actor entries.
    actors_defined: FxHashSet<String>,
    /// Role codes defined by agent entries.
    roles_defined: FxHashSet<String>,
}

/// What the base dictionaries already know: imported entries for these are left out,
/// so that an import adds to dyad's dictionaries and does not compete with them.
#[derive(Default)]
pub(crate) struct Known {
    /// Verb lemmas that have patterns.
    pub verbs: FxHashSet<String>,
    /// Names of actors and people, normalised by [`norm`].
    pub names: FxHashSet<String>,
    /// Agent nouns (singular and plural), normalised by [`norm`].
    pub nouns: FxHashSet<String>,
    /// Role codes.
    pub roles: FxHashSet<String>,
    /// Actor codes.
    pub actors: FxHashSet<String>,
}

/// A name as compared with the base's: lower case, single spaces.
pub(crate) fn norm(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Known {
    fn of(base: &Dictionaries) -> Known {
        let mut k = Known::default();
        for e in &base.patterns {
            if e.kind == dyad_core::dict::TriggerKind::Verb {
                k.verbs.extend(e.lemmas.iter().cloned());
            }
        }
        for a in &base.actors {
            k.names.extend(a.names.iter().map(|(_, n)| norm(&n.text)));
            k.actors.insert(a.code.as_str().to_string());
        }
        for p in &base.people {
            k.names.extend(p.names.iter().map(|n| norm(&n.text)));
        }
        for r in &base.roles {
            k.roles.insert(r.code.as_str().to_string());
            for n in &r.nouns {
                k.nouns.insert(norm(&n.singular.text));
                k.nouns.insert(norm(&n.plural));
            }
        }
        k
    }
}

/// A file name as a lower-case stem for output paths: `PETR.Validate.verbs.txt` ->
/// `petr-validate-verbs`.
fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".txt").unwrap_or(base);
    base.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Converts `inputs`. `base` holds the dictionaries the output will be used with (the
/// built-in ones, or none with `--no-builtin`), `cameo_text` dyad's CAMEO table
/// (`cameo.txt`): codes the patterns use that it lacks are added to a copy of it, and
/// roles or countries that the imported codes name but no file defines are declared,
/// so that the output passes `dyad dict lint` over `base`.
pub fn import(inputs: &[Input<'_>], base: &Dictionaries, cameo_text: &str) -> Output {
    import_with(inputs, base, cameo_text, &Options::default())
}

/// Choices of an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// How the coder reads the modes of the converted verb patterns' events, written
    /// in each converted pattern file's `settings`. By default, imported alone (an
    /// empty base) the dictionaries keep PETRARCH's convention, [`ModeRule::Patterns`]:
    /// a verb is coded as its patterns say, whatever its tense, negation or modality
    /// (`will meet` is a meeting); imported over dyad's dictionaries they follow
    /// dyad's, [`ModeRule::Read`], so that the set codes one way.
    pub modes: Option<ModeRule>,
}

/// [`import`] with `options`.
pub fn import_with(
    inputs: &[Input<'_>],
    base: &Dictionaries,
    cameo_text: &str,
    options: &Options,
) -> Output {
    let mut out = Output::default();
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut used = Used::default();
    let base_irregular: FxHashSet<&str> = base.irregular.iter().map(|v| v.lemma.as_str()).collect();
    let known = Known::of(base);
    // Class names the converted verb files define so far (two files may both have
    // `&CURRENCY`).
    let mut classes: FxHashSet<String> = FxHashSet::default();
    for input in inputs {
        let (text, encoding) = decode(input.bytes);
        let mut report = FileReport {
            file: input.name.clone(),
            encoding,
            ..FileReport::default()
        };
        let stem = stem(&input.name);
        match input.kind {
            Kind::Verbs => {
                let modes = options.modes.unwrap_or(if base.patterns.is_empty() {
                    ModeRule::Patterns
                } else {
                    ModeRule::Read
                });
                // Over dyad's dictionaries the converted entries are an added layer:
                // they code only sentences that dyad's own leave without an event.
                let layer = layer_over(base);
                let v = verbs::convert(
                    &text,
                    &mut report,
                    &base_irregular,
                    &known,
                    (modes, layer),
                    &classes,
                    &stem,
                );
                used.event_codes.extend(v.codes);
                classes.extend(v.classes);
                files.insert(format!("verbs/{stem}.txt"), v.patterns);
                if !v.irregular.is_empty() {
                    files.insert(format!("verbs/irregular-{stem}.txt"), v.irregular);
                }
            }
            Kind::Actors => {
                let a = actors::convert(&text, &mut report, &known);
                let in_layer = |text: String| layered(text, layer_over(base));
                used.actor_codes.extend(a.role_codes);
                used.actors_defined.extend(a.defined);
                for (category, text) in a.actors {
                    files.insert(
                        format!("actors/{}-{stem}.txt", category.file_prefix()),
                        in_layer(text),
                    );
                }
                if !a.people.is_empty() {
                    files.insert(format!("people/{stem}.txt"), in_layer(a.people));
                }
            }
            Kind::Agents => {
                let a = agents::convert(&text, &mut report, &known);
                used.roles_defined.extend(a.roles);
                files.insert(
                    format!("agents/{stem}.txt"),
                    layered(a.text, layer_over(base)),
                );
            }
            Kind::Discards => {
                let d = other::discards(&text, &mut report, &input.name);
                if report.converted > 0 {
                    files.insert(format!("discards/{stem}.txt"), d);
                }
            }
            Kind::Issues => other::issues(&text, &mut report),
        }
        out.reports.push(report);
    }
    declare_missing(&used, base, &mut files);
    let cameo = extend_cameo(cameo_text, &used.event_codes, base);
    files.insert("cameo.txt".to_string(), cameo);
    out.files = files.into_iter().collect();
    out
}

/// The layer of the converted entries: over dyad's dictionaries an added layer, which
/// fills only what dyad's own leave (verbs: sentences without an event; names: tokens
/// that no base name reads); alone, the base.
fn layer_over(base: &Dictionaries) -> Layer {
    if base.patterns.is_empty() && base.actors.is_empty() {
        Layer::Base
    } else {
        Layer::Added
    }
}

/// An actor, agent or people file's text with a `settings` entry that puts it in
/// `layer` (none for the base), after the file's leading comments.
fn layered(text: String, layer: Layer) -> String {
    if layer == Layer::Base {
        return text;
    }
    let head: usize = text
        .split_inclusive('\n')
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .map(str::len)
        .sum();
    format!(
        "{}# Added to dyad's dictionaries: read only where dyad's own names find nothing.\nsettings\n  layer: added\n\n{}",
        &text[..head],
        &text[head..]
    )
}

/// Declares the countries and roles that imported codes use and no file defines: an
/// actor entry with no names, a role with no nouns.
fn declare_missing(used: &Used, base: &Dictionaries, files: &mut BTreeMap<String, String>) {
    let mut actor_codes: FxHashSet<String> = base
        .actors
        .iter()
        .map(|a| a.code.as_str().to_string())
        .collect();
    actor_codes.extend(used.actors_defined.iter().cloned());
    let mut prefixes: FxHashSet<String> = actor_codes
        .iter()
        .map(|c| c[..c.len().min(3)].to_string())
        .collect();
    prefixes.extend(["---", "IGO", "NGO", "IMG", "MNC"].map(String::from));
    let mut roles: FxHashSet<String> = base
        .roles
        .iter()
        .map(|r| r.code.as_str().to_string())
        .collect();
    roles.extend(used.roles_defined.iter().cloned());
    let (mut new_prefixes, mut new_roles) = (Vec::new(), Vec::new());
    for code in &used.actor_codes {
        if code.len() < 3 {
            continue;
        }
        let prefix = &code[..3];
        if !prefixes.contains(prefix) {
            prefixes.insert(prefix.to_string());
            new_prefixes.push(prefix.to_string());
        }
        if actor_codes.iter().any(|a| code.starts_with(a.as_str())) && !code.starts_with("---") {
            continue;
        }
        for chunk in code.as_bytes()[3..].chunks(3) {
            let r = String::from_utf8_lossy(chunk).to_string();
            if r.len() == 3 && !roles.contains(&r) {
                roles.insert(r.clone());
                new_roles.push(r);
            }
        }
    }
    if !new_prefixes.is_empty() {
        new_prefixes.sort();
        let mut s =
            String::from("# Actor codes that imported entries use and no imported file defines.\n");
        for p in new_prefixes {
            let _ = writeln!(
                s,
                "{p}  {p}\n  about: code used by imported entries, not defined there."
            );
        }
        files.insert("actors/countries-imported-codes.txt".into(), s);
    }
    if !new_roles.is_empty() {
        new_roles.sort();
        let mut s =
            String::from("# Role codes that imported entries use and no imported file defines.\n");
        for r in new_roles {
            let _ = writeln!(
                s,
                "{r}  {r}\n  about: role code used by imported entries, not defined there."
            );
        }
        files.insert("agents/imported-codes.txt".into(), s);
    }
}

/// QuadClass of a code not in CAMEO, by its root's place in CAMEO's order.
fn quad_of(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        Some(15..=20) => 4,
        _ => 1,
    }
}

/// `cameo_text` with a line for each of `codes` (and each missing parent) it lacks.
fn extend_cameo(cameo_text: &str, codes: &FxHashSet<String>, base: &Dictionaries) -> String {
    let have: FxHashSet<String> = base
        .cameo
        .entries()
        .iter()
        .map(|e| e.code.as_str().to_string())
        .chain(cameo_text.lines().filter_map(|l| {
            let w = l.split_whitespace().next()?;
            w.bytes().all(|b| b.is_ascii_digit()).then(|| w.to_string())
        }))
        .collect();
    let mut missing: Vec<String> = Vec::new();
    for code in codes {
        let mut c = code.as_str();
        while c.len() >= 2 {
            if !have.contains(c) && !missing.iter().any(|m| m == c) {
                missing.push(c.to_string());
            }
            c = &c[..c.len() - 1];
        }
    }
    let mut s = cameo_text.to_string();
    if missing.is_empty() {
        return s;
    }
    missing.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.push_str(
        "\n# Codes that imported patterns use and CAMEO does not define (no Goldstein value).\n",
    );
    for c in missing {
        let _ = writeln!(
            s,
            "{c:<6} 0.0  {}  -  -  Imported code {c} (not in CAMEO)",
            quad_of(&c)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_lower_case_with_dashes() {
        assert_eq!(stem("PETR.Validate.verbs.txt"), "petr-validate-verbs");
        assert_eq!(stem("/a/b/Phoenix.agents.txt"), "phoenix-agents");
    }

    #[test]
    fn missing_codes_and_parents_are_added_to_cameo() {
        let codes: FxHashSet<String> = ["903".to_string(), "057".to_string()].into_iter().collect();
        let s = extend_cameo(
            "05 1.0 1 - - x\n057 8.0 1 - - y\n",
            &codes,
            &Dictionaries::default(),
        );
        assert!(s.contains("903    0.0  1"), "{s}");
        assert!(s.contains("90     0.0  1"), "{s}");
        assert_eq!(s.matches("057").count(), 1);
    }
}
