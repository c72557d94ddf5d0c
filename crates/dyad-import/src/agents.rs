//! The agent dictionary: `PHRASE {PLURALS} [~CODE]` lines and `!NAME! = A, B` word
//! substitutions, to role entries (`agents/*.txt`).

use crate::text::{lower_phrase, strip_comment, strip_markup_comments};
use crate::{FileReport, Known, norm};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The converted agent dictionary.
pub struct Agents {
    /// The agents file.
    pub text: String,
    /// The role codes it defines.
    pub roles: Vec<String>,
}

/// Suffixes and words of nouns for people (which also act as titles in dyad); the rest
/// are groups.
fn is_person(noun: &str) -> bool {
    let last = noun.rsplit(' ').next().unwrap_or(noun);
    const WORDS: &[&str] = &[
        "president",
        "minister",
        "official",
        "chief",
        "leader",
        "head",
        "king",
        "queen",
        "prince",
        "general",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "judge",
        "cleric",
        "senator",
        "governor",
        "mayor",
        "commander",
        "officer",
        "soldier",
        "diplomat",
        "secretary",
        "deputy",
        "chairman",
        "aide",
        "advisor",
        "adviser",
    ];
    WORDS.contains(&last)
        || [
            "er", "or", "ist", "man", "men", "ian", "person", "woman", "ee",
        ]
        .iter()
        .any(|s| last.ends_with(s))
}

/// Converts an agent dictionary.
pub fn convert(text: &str, report: &mut FileReport, known: &Known) -> Agents {
    let text = strip_markup_comments(text);
    let mut subst: FxHashMap<String, Vec<String>> = FxHashMap::default();
    // role -> (persons, groups), each `singular/plural` or `singular`.
    let mut roles: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = strip_comment(raw, false).trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!')
            && let Some((name, forms)) = t.split_once('=')
        {
            let forms: Vec<String> = forms
                .split(',')
                .map(|f| f.trim().to_lowercase())
                .filter(|f| !f.is_empty())
                .collect();
            subst.insert(name.trim().to_string(), forms);
            report.converted += 1;
            continue;
        }
        let (Some(open), Some(close)) = (t.rfind('['), t.rfind(']')) else {
            report.skip(line, "an agent without a [code]", t);
            continue;
        };
        if close < open {
            report.skip(line, "an agent without a [code]", t);
            continue;
        }
        let code = t[open + 1..close].trim().trim_matches('~').to_uppercase();
        if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            report.skip(line, "a code that is not a role code", t);
            continue;
        }
        let role = code[..3].to_string();
        if code.len() > 3 {
            report.approx(
                line,
                "agent code of several roles: dyad's agents carry one role, the first is kept",
                t,
            );
        }
        let head = &t[..open];
        let (phrase, plurals) = match (head.find('{'), head.rfind('}')) {
            (Some(o), Some(c)) if c > o => (head[..o].trim(), Some(head[o + 1..c].trim())),
            _ => (head.trim(), None),
        };
        // `!PERSON!` in a phrase stands for each of its forms.
        let expanded: Vec<String> = match subst.iter().find(|(k, _)| phrase.contains(k.as_str())) {
            Some((k, forms)) => forms
                .iter()
                .map(|f| lower_phrase(&phrase.replace(k.as_str(), f)))
                .collect(),
            None => vec![lower_phrase(phrase)],
        };
        if expanded
            .iter()
            .any(|p| p.is_empty() || p.contains(['!', '|', '/', '{', '}']))
        {
            report.skip(line, "an agent phrase dyad cannot match", t);
            continue;
        }
        if expanded.iter().all(|p| known.nouns.contains(&norm(p))) {
            report.skip(
                line,
                "agent noun already in dyad's dictionaries: dyad's role is kept",
                t,
            );
            continue;
        }
        let entry = roles.entry(role).or_default();
        for p in expanded {
            let noun = match plurals {
                // Forms from a substitution are listed as they are.
                _ if phrase.contains('!') => format!("{p}/{p}"),
                Some("") => format!("{p}/{p}"),
                Some(pl) => format!(
                    "{p}/{}",
                    lower_phrase(pl.split_whitespace().next().unwrap_or(pl))
                ),
                None => p.clone(),
            };
            let list = if is_person(&p) {
                &mut entry.0
            } else {
                &mut entry.1
            };
            if !list.contains(&noun) {
                list.push(noun);
            }
        }
        report.converted += 1;
    }
    let mut out = String::from(
        "# Converted by `dyad dict import petrarch`. Nouns for people are `persons`, the rest `groups`.\n\n",
    );
    for (role, (persons, groups)) in &roles {
        let _ = writeln!(out, "{role}  {role}");
        for (key, list) in [("persons", persons), ("groups", groups)] {
            for chunk in list.chunks(10) {
                let _ = writeln!(out, "  {key}: {}", chunk.join(" | "));
            }
        }
    }
    Agents {
        text: out,
        roles: roles.into_keys().collect(),
    }
}
