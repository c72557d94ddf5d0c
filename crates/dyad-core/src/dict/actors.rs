//! Actor entries: countries, regions, organisations and groups
//! (`dictionaries/actors/*.txt`).

use super::syntax::{entries, first_word, key_value, list};
use super::{DictError, Layer, Name, Origin};
use crate::codes::ActorCode;

/// Which file an actor comes from, which says what kind of actor it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ActorCategory {
    /// A state or territory (`actors/countries.txt`).
    Country,
    /// A region or bloc (`actors/regions.txt`).
    Region,
    /// An intergovernmental or non-governmental organisation.
    Organization,
    /// A non-state armed or political group (and any other actor file).
    Group,
}

/// How a name refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NameKind {
    /// A name of the actor (`Russia`).
    Name,
    /// An adjective (`Russian`).
    Adjective,
    /// A noun for its people (`Russians`).
    People,
    /// Its capital, as a metonym (`Moscow`).
    Capital,
    /// A seat of power standing for one of its roles (`Kremlin` for `GOV`).
    Seat(ActorCode),
}

/// One actor with its names.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// The actor's code.
    pub code: ActorCode,
    /// Its display name.
    pub display: String,
    /// A one-line description.
    pub about: Option<String>,
    /// What kind of actor it is.
    pub category: ActorCategory,
    /// Its names and how each refers to it.
    pub names: Vec<(NameKind, Name)>,
    /// Where the entry starts.
    pub origin: Origin,
    /// Its layer (its file's `settings`): an added entry is read only where the base
    /// dictionaries find nothing.
    pub layer: Layer,
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<ActorEntry>,
    errors: &mut Vec<DictError>,
) {
    // By the file's name: `countries.txt`, or `countries-*.txt` for more of them (an
    // imported dictionary beside the built-in one); likewise regions and organisations.
    let name = path.strip_prefix("actors/").unwrap_or(path);
    let category = if name.starts_with("countries") {
        ActorCategory::Country
    } else if name.starts_with("regions") {
        ActorCategory::Region
    } else if name.starts_with("organizations") {
        ActorCategory::Organization
    } else {
        ActorCategory::Group
    };
    let mut entries = match entries(path, text) {
        Ok(e) => e,
        Err(e) => return errors.push(e),
    };
    let layer = super::take_layer(path, &mut entries, errors);
    for entry in entries {
        let (code_text, display) = first_word(entry.header.text);
        let Some(code) = ActorCode::new(code_text) else {
            errors.push(DictError::new(
                path,
                entry.header.number,
                format!("{code_text:?} is not an actor code (upper-case letters, at most 15)"),
            ));
            continue;
        };
        let origin = Origin {
            file,
            line: entry.header.number as u32,
        };
        let mut actor = ActorEntry {
            code,
            display: if display.is_empty() {
                code_text.to_string()
            } else {
                display.to_string()
            },
            about: None,
            category,
            names: Vec::new(),
            origin,
            layer,
        };
        for line in entry.body {
            let Some((key, value)) = key_value(line.text) else {
                errors.push(DictError::new(path, line.number, "expected `key: value`"));
                continue;
            };
            let kind = match key {
                "about" => {
                    actor.about = Some(value.to_string());
                    continue;
                }
                "names" => NameKind::Name,
                "adjectives" => NameKind::Adjective,
                "people" => NameKind::People,
                "capitals" => NameKind::Capital,
                role if role.len() == 3 && role.bytes().all(|b| b.is_ascii_uppercase()) => {
                    NameKind::Seat(ActorCode::new(role).expect("checked above"))
                }
                other => {
                    errors.push(DictError::new(
                        path,
                        line.number,
                        format!(
                            "unknown key {other:?} (expected about, names, adjectives, people, capitals or a role code)"
                        ),
                    ));
                    continue;
                }
            };
            let origin = Origin {
                file,
                line: line.number as u32,
            };
            actor
                .names
                .extend(list(value).map(|item| (kind, Name::parse(item, origin))));
        }
        out.push(actor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_entry() {
        let src = "RUS  Russia\n  about: Russian Federation.\n  names: Russia | Rossiya\n  adjectives: Russian\n  capitals: Moscow\n  GOV: Kremlin\n";
        let mut out = Vec::new();
        let mut errors = Vec::new();
        parse("actors/countries.txt", 3, src, &mut out, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let rus = &out[0];
        assert_eq!(rus.code.as_str(), "RUS");
        assert_eq!(rus.category, ActorCategory::Country);
        assert_eq!(rus.names.len(), 5);
        assert_eq!(
            rus.names[4].0,
            NameKind::Seat(ActorCode::new("GOV").unwrap())
        );
        assert_eq!(rus.names[4].1.origin, Origin { file: 3, line: 6 });
    }

    #[test]
    fn reports_bad_codes_and_keys() {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        parse(
            "actors/x.txt",
            0,
            "rus Russia\nRUS Russia\n  nmes: R\n  broken\n",
            &mut out,
            &mut errors,
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 3, 4]);
    }
}
