//! The actor dictionary: records of a primary phrase (`HAMID_KARZAI_ [AFGGOV]`),
//! synonyms (`+KARZAI_`) and date restrictions (`\t[AFGGOV >011222]`). Records without
//! dates become actor entries (one per code, names merged); records with dates become
//! people with dated roles.

use crate::text::{name_case, strip_comment, strip_markup_comments};
use crate::{FileReport, Known, norm};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The category of an imported actor, by its code: three letters are a state (or a
/// region), `IGO`/`NGO`/`IMG`/`MNC` an organisation, anything else a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// `actors/countries-*.txt`.
    Countries,
    /// `actors/organizations-*.txt`.
    Organizations,
    /// `actors/groups-*.txt`.
    Groups,
}

impl Category {
    fn of(code: &str) -> Category {
        if code.len() == 3 {
            Category::Countries
        } else if ["IGO", "NGO", "IMG", "MNC"]
            .iter()
            .any(|p| code.starts_with(p))
        {
            Category::Organizations
        } else {
            Category::Groups
        }
    }

    /// The start of the output file's name, which tells dyad the category.
    pub fn file_prefix(self) -> &'static str {
        match self {
            Category::Countries => "countries",
            Category::Organizations => "organizations",
            Category::Groups => "groups",
        }
    }
}

/// The converted actor dictionary.
pub struct Actors {
    /// The actor files by category (empty ones left out).
    pub actors: Vec<(Category, String)>,
    /// The people file (`people/*.txt`), empty when there is no such record.
    pub people: String,
    /// The codes of people's roles.
    pub role_codes: Vec<String>,
    /// The codes the actor file defines.
    pub defined: Vec<String>,
}

struct Record {
    line: usize,
    names: Vec<String>,
    code: Option<String>,
    /// (code, from, to, line); from/to as `YYYY-MM-DD` or empty.
    roles: Vec<(String, String, String)>,
    /// The record cannot be converted: the reason.
    bad: Option<String>,
}

/// A PETRARCH date, `YYMMDD` or `YYYYMMDD`, as `YYYY-MM-DD`. Two-digit years up to 30
/// are 20xx, as in the dictionaries' own data.
fn date(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, md) = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let (m, d): (u32, u32) = (md[..2].parse().ok()?, md[2..].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid_code(c: &str) -> bool {
    !c.is_empty()
        && c.len() <= 15
        && c.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads `[CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE d1-d2]`.
fn restriction(s: &str) -> Result<(String, String, String), String> {
    let inner = s
        .trim()
        .strip_prefix('[')
        .and_then(|x| x.trim_end().strip_suffix(']'))
        .ok_or("a date restriction not in [...]")?;
    let mut parts = inner.split_whitespace();
    let code = parts
        .next()
        .ok_or("an empty date restriction")?
        .to_uppercase();
    if !valid_code(&code) {
        return Err("a role code that is not an actor code".into());
    }
    let range = parts.collect::<Vec<_>>().join("");
    let bad = || "a date that is not YYMMDD or YYYYMMDD".to_string();
    let (from, to) = if range.is_empty() {
        (String::new(), String::new())
    } else if let Some(d) = range.strip_prefix('<') {
        (String::new(), date(d).ok_or_else(bad)?)
    } else if let Some(d) = range.strip_prefix('>') {
        (date(d).ok_or_else(bad)?, String::new())
    } else if let Some((a, b)) = range.split_once('-') {
        (date(a).ok_or_else(bad)?, date(b).ok_or_else(bad)?)
    } else {
        return Err(bad());
    };
    if !from.is_empty() && !to.is_empty() && to < from {
        return Err("a date range that ends before it starts".into());
    }
    Ok((code, from, to))
}

fn parse(text: &str, report: &mut FileReport) -> Vec<Record> {
    let text = strip_markup_comments(text);
    let mut records: Vec<Record> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = strip_comment(raw, true).trim();
        if t.is_empty() {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if indented && t.starts_with('[') {
            let Some(r) = records.last_mut() else {
                report.skip(line, "a date restriction before any actor", t);
                continue;
            };
            match restriction(t) {
                Ok(role) => r.roles.push(role),
                Err(e) => {
                    report.skip(line, &e, t);
                }
            }
            continue;
        }
        let (phrase, code) = match (t.find('['), t.rfind(']')) {
            (Some(o), Some(c)) if c > o => (t[..o].trim(), Some(t[o + 1..c].trim())),
            _ => (t, None),
        };
        if let Some(syn) = phrase.strip_prefix('+') {
            match records.last_mut() {
                Some(r) => r.names.push(name_case(syn)),
                None => report.skip(line, "a synonym before any actor", t),
            }
            continue;
        }
        let mut rec = Record {
            line,
            names: vec![name_case(phrase)],
            code: None,
            roles: Vec::new(),
            bad: None,
        };
        match code.map(str::to_uppercase) {
            None => {}
            Some(c) if c.starts_with("---") && c.len() == 3 => {}
            Some(c) if c.contains(' ') => match restriction(&format!("[{c}]")) {
                Ok(role) => rec.roles.push(role),
                Err(e) => rec.bad = Some(e),
            },
            Some(c) if valid_code(&c) => {
                if code.is_some_and(|x| x.bytes().any(|b| b.is_ascii_lowercase())) {
                    report.approx(line, "code in lower case: read in upper case", t);
                }
                rec.code = Some(c);
            }
            // `[FRO/BIL/SAM]`: a name that stands for several actors at once.
            Some(c) if c.contains('/') && c.split('/').all(|p| valid_code(p.trim())) => {
                report.approx(
                    line,
                    "a name of several actors [A/B]: dyad's actor has one code, the first is kept",
                    t,
                );
                rec.code = c.split('/').next().map(|p| p.trim().to_string());
            }
            Some(_) => rec.bad = Some("a code that is not an actor code".into()),
        }
        if rec.names[0].is_empty() {
            rec.bad = Some("an actor without a name".into());
        }
        records.push(rec);
    }
    records
}

fn dedup(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| !n.is_empty() && !n.contains('|') && seen.insert(n.to_lowercase()));
}

/// A code that is a role alone (`MED` for a newspaper) is a role of unknown country in
/// dyad: `---MED`.
fn role_alone(code: &mut String, known: &Known, line: usize, report: &mut FileReport) {
    if code.len() == 3
        && known.roles.contains(code.as_str())
        && !known.actors.contains(code.as_str())
    {
        report.approx(
            line,
            "a role code alone: coded as the role of an unknown country (---ROLE)",
            code,
        );
        code.insert_str(0, "---");
    }
}

/// Converts an actor dictionary.
pub fn convert(text: &str, report: &mut FileReport, known: &Known) -> Actors {
    let mut records = parse(text, report);
    for r in &mut records {
        if let Some(c) = r.code.as_mut() {
            role_alone(c, known, r.line, report);
        }
        for role in &mut r.roles {
            role_alone(&mut role.0, known, r.line, report);
        }
    }
    let mut by_code: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    let mut people = String::new();
    let mut role_codes = Vec::new();
    for mut r in records {
        if let Some(bad) = &r.bad {
            report.skip(r.line, bad, &r.names.join(" | "));
            continue;
        }
        dedup(&mut r.names);
        // One name dyad knows means dyad has this actor: its entry, codes and dates are
        // kept, and the record's other names (often titles or spellings that would
        // compete with it) are left out.
        if r.names.iter().any(|n| known.names.contains(&norm(n))) {
            report.skip(
                r.line,
                "an actor or person dyad's dictionaries already have (a name in common): dyad's entry is kept",
                &r.names.join(" | "),
            );
            continue;
        }
        if r.roles.is_empty() {
            let Some(code) = r.code else {
                report.skip(
                    r.line,
                    "an actor with no code, or the null code [---], and no dated role",
                    &r.names.join(" | "),
                );
                continue;
            };
            report.converted += 1;
            let e = by_code.entry(code).or_insert((r.line, Vec::new()));
            e.1.extend(r.names);
            continue;
        }
        report.converted += 1;
        let _ = writeln!(people, "{}  # line {}", r.names.join(" | "), r.line);
        if let Some(c) = &r.code {
            role_codes.push(c.clone());
            let _ = writeln!(people, "  {c}");
        }
        for (code, from, to) in &r.roles {
            role_codes.push(code.clone());
            if from.is_empty() && to.is_empty() {
                let _ = writeln!(people, "  {code}");
            } else {
                let _ = writeln!(people, "  {code}  {from} .. {to}");
            }
        }
    }
    let mut actors: BTreeMap<Category, String> = BTreeMap::new();
    let mut defined = Vec::new();
    for (code, (line, mut names)) in by_code {
        dedup(&mut names);
        let out = actors.entry(Category::of(&code)).or_default();
        let _ = writeln!(out, "{code}  {}  # line {line}", names[0]);
        for chunk in names.chunks(10) {
            let _ = writeln!(out, "  names: {}", chunk.join(" | "));
        }
        defined.push(code);
    }
    let head = "# Converted by `dyad dict import petrarch`; `# line N` is the line in the source file.\n\n";
    let wrap = |s: String| {
        if s.is_empty() {
            s
        } else {
            format!("{head}{s}")
        }
    };
    Actors {
        actors: actors.into_iter().map(|(c, s)| (c, wrap(s))).collect(),
        people: wrap(people),
        role_codes,
        defined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_restrictions() {
        assert_eq!(date("011222").as_deref(), Some("2001-12-22"));
        assert_eq!(date("320101").as_deref(), Some("1932-01-01"));
        assert_eq!(date("19270101").as_deref(), Some("1927-01-01"));
        assert_eq!(
            restriction("[AFGGOV >011222]").unwrap(),
            ("AFGGOV".into(), "2001-12-22".into(), String::new())
        );
        assert!(restriction("[AFGGOV 011222-001222]").is_err());
    }
}
