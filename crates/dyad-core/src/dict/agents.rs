//! Roles and agent nouns (`dictionaries/agents.txt`).

use super::syntax::{entries, first_word, key_value, list};
use super::{DictError, Layer, Name, Origin};
use crate::codes::ActorCode;

/// A generic noun naming an agent in a role (`minister`, `troops`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentNoun {
    /// The singular as written.
    pub singular: Name,
    /// The plural (given after a slash, else generated).
    pub plural: String,
    /// A noun for people (usable as a title: `President Xi`) rather than bodies.
    pub person: bool,
}

/// A role code and the nouns that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEntry {
    /// The role code (`GOV`).
    pub code: ActorCode,
    /// Display name (`Government`).
    pub display: String,
    /// One-line description.
    pub about: Option<String>,
    /// Nouns for the role.
    pub nouns: Vec<AgentNoun>,
    /// Where the entry starts.
    pub origin: Origin,
    /// Its layer (its file's `settings`): an added entry is read only where the base
    /// dictionaries find nothing.
    pub layer: Layer,
}

/// The regular English plural of a noun phrase: the head noun is the last word, or
/// the word before `of` (`secretary of state` -> `secretaries of state`).
pub fn plural_of(phrase: &str) -> String {
    let (head, tail) = match phrase.find(" of ") {
        Some(i) => (&phrase[..i], &phrase[i..]),
        None => (phrase, ""),
    };
    let (before, word) = match head.rfind(' ') {
        Some(i) => (&head[..=i], &head[i + 1..]),
        None => ("", head),
    };
    let lower = word.to_ascii_lowercase();
    let plural =
        if lower.ends_with("man") && !lower.ends_with("human") && !lower.ends_with("german") {
            format!("{}men", &word[..word.len() - 3])
        } else if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh")
        {
            format!("{word}es")
        } else if lower.ends_with('y')
            && !lower.ends_with("ay")
            && !lower.ends_with("ey")
            && !lower.ends_with("oy")
            && !lower.ends_with("uy")
        {
            format!("{}ies", &word[..word.len() - 1])
        } else {
            format!("{word}s")
        };
    format!("{before}{plural}{tail}")
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<RoleEntry>,
    errors: &mut Vec<DictError>,
) {
    let mut entries = match entries(path, text) {
        Ok(e) => e,
        Err(e) => return errors.push(e),
    };
    let layer = super::take_layer(path, &mut entries, errors);
    for entry in entries {
        let (code_text, display) = first_word(entry.header.text);
        let code = match ActorCode::new(code_text) {
            Some(c) if code_text.len() == 3 => c,
            _ => {
                errors.push(DictError::new(
                    path,
                    entry.header.number,
                    format!("{code_text:?} is not a role code (three upper-case letters)"),
                ));
                continue;
            }
        };
        let mut role = RoleEntry {
            code,
            display: display.to_string(),
            about: None,
            nouns: Vec::new(),
            origin: Origin {
                file,
                line: entry.header.number as u32,
            },
            layer,
        };
        for line in entry.body {
            let origin = Origin {
                file,
                line: line.number as u32,
            };
            match key_value(line.text) {
                Some(("about", v)) => role.about = Some(v.to_string()),
                Some((k @ ("persons" | "groups"), v)) => {
                    for item in list(v) {
                        let (singular, plural) = match item.split_once('/') {
                            Some((s, p)) => (s.trim(), Some(p.trim().to_string())),
                            None => (item, None),
                        };
                        let name = Name::parse(singular, origin);
                        let plural = plural.unwrap_or_else(|| plural_of(&name.text));
                        role.nouns.push(AgentNoun {
                            singular: name,
                            plural,
                            person: k == "persons",
                        });
                    }
                }
                _ => errors.push(DictError::new(
                    path,
                    line.number,
                    "expected `about:`, `persons:` or `groups:`",
                )),
            }
        }
        out.push(role);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_plurals() {
        assert_eq!(plural_of("minister"), "ministers");
        assert_eq!(plural_of("prime minister"), "prime ministers");
        assert_eq!(plural_of("authority"), "authorities");
        assert_eq!(plural_of("secretary of state"), "secretaries of state");
        assert_eq!(plural_of("spokesman"), "spokesmen");
        assert_eq!(plural_of("policeman"), "policemen");
        assert_eq!(plural_of("attorney"), "attorneys");
        assert_eq!(plural_of("church"), "churches");
        assert_eq!(plural_of("human"), "humans");
    }

    #[test]
    fn parses_roles_and_nouns() {
        let src = "GOV  Government\n  about: The executive.\n  persons: president | spokesman/spokesmen\n  groups: government\n";
        let mut out = Vec::new();
        let mut errors = Vec::new();
        parse("agents.txt", 0, src, &mut out, &mut errors);
        assert!(errors.is_empty());
        let gov = &out[0];
        assert_eq!(gov.nouns.len(), 3);
        assert_eq!(gov.nouns[1].plural, "spokesmen");
        assert!(gov.nouns[0].person && !gov.nouns[2].person);
    }
}
