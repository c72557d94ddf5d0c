//! Dictionaries: the data files under `dictionaries/`, parsed.
//!
//! The formats are specified in `docs/dictionaries.md`. Parsing is pure: callers pass
//! the files' paths (relative to the dictionary root) and contents. The built-in files
//! are embedded at compile time ([`builtin_files`]); the CLI reads an override
//! directory and merges it over them ([`merge_files`]).

mod actors;
mod agents;
mod cameo;
mod corporate;
mod discards;
mod domains;
pub mod lint;
pub mod patterns;
mod people;
mod places;
pub mod syntax;

pub use actors::{ActorCategory, ActorEntry, NameKind};
pub use agents::{AgentNoun, RoleEntry, plural_of};
pub use cameo::{CameoEntry, CameoTable};
pub use corporate::CorporateWord;
pub use discards::{DiscardPhrase, DiscardScope};
pub use domains::DomainCue;
pub use patterns::{
    Element, Frame, IrregularVerb, Layer, ModeRule, PatternEntry, PatternLine, TriggerKind,
    WordClassEntry,
};
pub use people::{PersonEntry, PersonRole};
pub use places::PlaceEntry;

use std::borrow::Cow;
use std::fmt;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The dictionary files built into dyad: (path relative to `dictionaries/`, text).
pub fn builtin_files() -> Vec<(String, Cow<'static, str>)> {
    builtin::FILES
        .iter()
        .map(|(p, t)| (p.to_string(), Cow::Borrowed(*t)))
        .collect()
}

/// Replaces or adds files: each of `overrides` replaces the file of the same path in
/// `base`, or is added when `base` has none.
pub fn merge_files<'a>(
    mut base: Vec<(String, Cow<'a, str>)>,
    overrides: Vec<(String, Cow<'a, str>)>,
) -> Vec<(String, Cow<'a, str>)> {
    for (path, text) in overrides {
        match base.iter_mut().find(|(p, _)| *p == path) {
            Some(slot) => slot.1 = text,
            None => base.push((path, text)),
        }
    }
    base.sort_by(|a, b| a.0.cmp(&b.0));
    base
}

/// A problem in a dictionary file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    /// The file, relative to the dictionary root.
    pub file: String,
    /// 1-based line number (0 when the problem is the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl DictError {
    /// A problem at `file:line`.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        DictError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DictError {}

/// Where something was defined: a file (index into [`Dictionaries::files`]) and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// Index of the file in [`Dictionaries::files`].
    pub file: u16,
    /// 1-based line number.
    pub line: u32,
}

impl Origin {
    /// `file:line`, with the file's name from `files` (the dictionaries' file list).
    pub fn locate(self, files: &[String]) -> String {
        let file = files.get(self.file as usize).map_or("?", String::as_str);
        format!("{file}:{}", self.line)
    }
}

/// A name as written in a dictionary: the phrase and its case rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Name {
    /// The phrase, without the `!` marker.
    pub text: String,
    /// Written with `!`: matches only in exactly this case.
    pub exact_case: bool,
    /// Where it was written.
    pub origin: Origin,
}

impl Name {
    /// Reads a list item: `US!` is `US` with exact case.
    pub fn parse(item: &str, origin: Origin) -> Name {
        let (text, exact_case) = match item.strip_suffix('!') {
            Some(t) => (t.trim_end(), true),
            None => (item, false),
        };
        Name {
            text: text.to_string(),
            exact_case,
            origin,
        }
    }
}

/// The layer of an actor, agent or people file: its leading `settings` entry, if any
/// (`layer: base | added`, as in pattern files). The entry is taken out of `entries`.
fn take_layer(
    path: &str,
    entries: &mut Vec<syntax::Entry<'_>>,
    errors: &mut Vec<DictError>,
) -> Layer {
    let Some(at) = entries.iter().position(|e| e.header.text == "settings") else {
        return Layer::Base;
    };
    let entry = entries.remove(at);
    let mut layer = Layer::Base;
    for line in &entry.body {
        match syntax::key_value(line.text) {
            Some(("layer", "base")) => layer = Layer::Base,
            Some(("layer", "added")) => layer = Layer::Added,
            _ => errors.push(DictError::new(
                path,
                line.number,
                format!("unknown setting {:?} (layer: base or added)", line.text),
            )),
        }
    }
    layer
}

/// All dictionaries, parsed.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// The files the dictionaries came from, for error messages and `rule` fields.
    pub files: Vec<String>,
    /// Countries, regions, organisations and groups.
    pub actors: Vec<ActorEntry>,
    /// Role codes and their agent nouns.
    pub roles: Vec<RoleEntry>,
    /// People and their roles over time.
    pub people: Vec<PersonEntry>,
    /// Places and their countries.
    pub places: Vec<PlaceEntry>,
    /// CAMEO event codes.
    pub cameo: CameoTable,
    /// The text of `boilerplate.txt`, compiled by the cleaning stage.
    pub boilerplate: String,
    /// Event patterns (verb and noun entries).
    pub patterns: Vec<PatternEntry>,
    /// Word classes used by patterns.
    pub classes: Vec<WordClassEntry>,
    /// Irregular verb forms.
    pub irregular: Vec<IrregularVerb>,
    /// Cue words of story domains (`domains.txt`).
    pub domains: Vec<DomainCue>,
    /// Words that make a name after a country a company's (`actors/corporate.txt`).
    pub corporate: Vec<CorporateWord>,
    /// Phrases that withhold a sentence's or a story's events (`discards.txt`,
    /// `discards/*.txt`).
    pub discards: Vec<DiscardPhrase>,
}

/// Errors found while parsing dictionaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictErrors(pub Vec<DictError>);

impl fmt::Display for DictErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DictErrors {}

impl Dictionaries {
    /// Parses the built-in dictionaries.
    pub fn builtin() -> Result<Self, DictErrors> {
        Self::parse(&builtin_files())
    }

    /// Parses dictionary files given as (path relative to the root, text). Files are
    /// recognised by path: `agents.txt` and `agents/*.txt`, `cameo.txt`,
    /// `boilerplate.txt`, `domains.txt`, `discards.txt` and `discards/*.txt`,
    /// `actors/corporate.txt` (corporate words), other
    /// `actors/*.txt`, `people/*.txt`, `places/*.txt`, `verbs/irregular*.txt` (irregular
    /// verbs), `verbs/*.txt`; other files are ignored (the linter mentions them).
    pub fn parse<S: AsRef<str>>(files: &[(String, S)]) -> Result<Self, DictErrors> {
        let mut d = Dictionaries::default();
        let mut errors = Vec::new();
        for (path, text) in files {
            let text = text.as_ref();
            let file = d.files.len() as u16;
            d.files.push(path.clone());
            let dir = path.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("");
            match (dir, path.as_str()) {
                (_, "agents.txt") | ("agents", _) => {
                    agents::parse(path, file, text, &mut d.roles, &mut errors)
                }
                (_, "cameo.txt") => cameo::parse(path, text, &mut d.cameo, &mut errors),
                (_, "boilerplate.txt") => d.boilerplate = text.to_string(),
                (_, "domains.txt") => domains::parse(path, file, text, &mut d.domains, &mut errors),
                (_, "discards.txt") | ("discards", _) => {
                    discards::parse(path, file, text, &mut d.discards, &mut errors)
                }
                (_, "actors/corporate.txt") => {
                    corporate::parse(path, file, text, &mut d.corporate, &mut errors)
                }
                ("actors", _) => actors::parse(path, file, text, &mut d.actors, &mut errors),
                ("people", _) => people::parse(path, file, text, &mut d.people, &mut errors),
                ("places", _) => places::parse(path, file, text, &mut d.places, &mut errors),
                _ if path.starts_with("verbs/irregular") => {
                    patterns::parse_irregular(path, file, text, &mut d.irregular, &mut errors)
                }
                ("verbs", _) => patterns::parse(
                    path,
                    file,
                    text,
                    &mut d.patterns,
                    &mut d.classes,
                    &mut errors,
                ),
                _ => {}
            }
        }
        if errors.is_empty() {
            Ok(d)
        } else {
            Err(DictErrors(errors))
        }
    }

    /// `file:line` of an origin, as shown in `rule` fields and explanations.
    pub fn locate(&self, origin: Origin) -> String {
        origin.locate(&self.files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_replaces_and_adds() {
        let base = vec![
            ("a.txt".to_string(), Cow::Borrowed("A")),
            ("b.txt".to_string(), Cow::Borrowed("B")),
        ];
        let over = vec![
            ("b.txt".to_string(), Cow::Owned("B2".to_string())),
            ("c.txt".to_string(), Cow::Borrowed("C")),
        ];
        let merged = merge_files(base, over);
        let got: Vec<(&str, &str)> = merged
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_ref()))
            .collect();
        assert_eq!(got, [("a.txt", "A"), ("b.txt", "B2"), ("c.txt", "C")]);
    }

    #[test]
    fn names_read_the_exact_case_marker() {
        let o = Origin { file: 0, line: 1 };
        assert!(Name::parse("US!", o).exact_case);
        assert_eq!(Name::parse("US!", o).text, "US");
        assert!(!Name::parse("Russia", o).exact_case);
    }

    #[test]
    fn actor_agent_and_people_files_take_a_layer_setting() {
        let files = vec![
            (
                "actors/groups-x.txt".to_string(),
                "settings\n  layer: added\nZZZ  Zed\n  names: Zed\n",
            ),
            ("agents.txt".to_string(), "GOV  Government\n"),
            (
                "people/x.txt".to_string(),
                "settings\n  layer: top\nA B\n  ZZZ\n",
            ),
        ];
        let err = Dictionaries::parse(&files).unwrap_err();
        assert_eq!((err.0.len(), err.0[0].line), (1, 2), "{err}");
        let d = Dictionaries::parse(&files[..2]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.actors.len(), 1, "the settings entry is no actor");
        assert_eq!(d.actors[0].layer, Layer::Added);
        assert_eq!(d.roles[0].layer, Layer::Base);
    }

    #[test]
    fn the_builtin_dictionaries_parse() {
        let d = Dictionaries::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(!d.boilerplate.is_empty());
    }
}
