//! People and the roles they held over time (`dictionaries/people/*.txt`).

use super::syntax::{entries, first_word, list};
use super::{DictError, Layer, Name, Origin};
use crate::codes::ActorCode;
use crate::document::PartialDate;
use chrono::NaiveDate;

/// One role a person held, from a date to a date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonRole {
    /// The actor code while in the role (`RUSGOV`).
    pub code: ActorCode,
    /// First day (inclusive); `None` for an open start.
    pub from: Option<PartialDate>,
    /// Last day (inclusive); `None` for an open end.
    pub to: Option<PartialDate>,
    /// The office, as written (`President`).
    pub office: Option<String>,
    /// A line without dates: the code to use when no dated role applies.
    pub undated: bool,
    /// Where the role is written.
    pub origin: Origin,
}

impl PersonRole {
    /// Whether the role was held on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        !self.undated
            && self.from.is_none_or(|f| f.first_day() <= date)
            && self.to.is_none_or(|t| date <= t.last_day())
    }

    /// Days between `date` and the role's period (0 inside it).
    pub fn distance(&self, date: NaiveDate) -> i64 {
        if let Some(f) = self.from
            && date < f.first_day()
        {
            return (f.first_day() - date).num_days();
        }
        if let Some(t) = self.to
            && date > t.last_day()
        {
            return (date - t.last_day()).num_days();
        }
        0
    }
}

/// A person: names and roles.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonEntry {
    /// Names, the full name first.
    pub names: Vec<Name>,
    /// Roles in the order written.
    pub roles: Vec<PersonRole>,
    /// Where the entry starts.
    pub origin: Origin,
    /// Its layer (its file's `settings`): an added entry is read only where the base
    /// dictionaries find nothing.
    #[serde(default)]
    pub layer: Layer,
}

impl PersonEntry {
    /// The full name.
    pub fn display(&self) -> &str {
        self.names.first().map(|n| n.text.as_str()).unwrap_or("")
    }
}

fn parse_date(s: &str) -> Option<PartialDate> {
    s.parse().ok()
}

/// Parses a role line: `CODE  FROM .. TO  office` or `CODE  office`.
fn parse_role(text: &str, origin: Origin) -> Result<PersonRole, String> {
    let (code_text, rest) = first_word(text);
    let code =
        ActorCode::new(code_text).ok_or_else(|| format!("{code_text:?} is not an actor code"))?;
    let Some((from_text, after)) = rest.split_once("..") else {
        let office = (!rest.is_empty()).then(|| rest.to_string());
        return Ok(PersonRole {
            code,
            from: None,
            to: None,
            office,
            undated: true,
            origin,
        });
    };
    let from_text = from_text.trim();
    let from = if from_text.is_empty() {
        None
    } else {
        Some(parse_date(from_text).ok_or_else(|| format!("{from_text:?} is not a date"))?)
    };
    let (to_text, office) = first_word(after);
    let (to, office) = match parse_date(to_text) {
        Some(d) => (Some(d), office),
        None if to_text.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            return Err(format!("{to_text:?} is not a date"));
        }
        None => (None, after.trim()),
    };
    if let (Some(f), Some(t)) = (from, to)
        && f.first_day() > t.last_day()
    {
        return Err(format!("the range {f} .. {t} ends before it starts"));
    }
    let office = (!office.is_empty()).then(|| office.to_string());
    Ok(PersonRole {
        code,
        from,
        to,
        office,
        undated: false,
        origin,
    })
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<PersonEntry>,
    errors: &mut Vec<DictError>,
) {
    let mut entries = match entries(path, text) {
        Ok(e) => e,
        Err(e) => return errors.push(e),
    };
    let layer = super::take_layer(path, &mut entries, errors);
    for entry in entries {
        let origin = Origin {
            file,
            line: entry.header.number as u32,
        };
        let names: Vec<Name> = list(entry.header.text)
            .map(|n| Name::parse(n, origin))
            .collect();
        if names.is_empty() {
            errors.push(DictError::new(
                path,
                entry.header.number,
                "a person needs a name",
            ));
            continue;
        }
        let mut person = PersonEntry {
            names,
            roles: Vec::new(),
            origin,
            layer,
        };
        for line in entry.body {
            match parse_role(
                line.text,
                Origin {
                    file,
                    line: line.number as u32,
                },
            ) {
                Ok(role) => person.roles.push(role),
                Err(message) => errors.push(DictError::new(path, line.number, message)),
            }
        }
        if person.roles.is_empty() {
            errors.push(DictError::new(
                path,
                entry.header.number,
                "a person needs at least one role line",
            ));
            continue;
        }
        out.push(person);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_people_and_their_ranges() {
        let src = "Vladimir Putin | Putin\n  RUSGOV  2000-05-07 .. 2008-05-07  President\n  RUSGOV  2008-05-08 .. 2012-05-07  Prime Minister\n  RUSGOV  2012-05-07 ..  President\n";
        let mut out = Vec::new();
        let mut errors = Vec::new();
        parse("people/x.txt", 0, src, &mut out, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let p = &out[0];
        assert_eq!(p.display(), "Vladimir Putin");
        assert_eq!(p.roles.len(), 3);
        assert_eq!(p.roles[1].office.as_deref(), Some("Prime Minister"));
        assert!(p.roles[2].to.is_none());
        assert!(p.roles[1].covers(date("2010-01-01")));
        assert!(!p.roles[0].covers(date("2010-01-01")));
        assert_eq!(p.roles[0].distance(date("2008-05-10")), 3);
    }

    #[test]
    fn year_and_month_precision_cover_their_period() {
        let r = parse_role("USAGOV 1993 .. 2001-01", Origin { file: 0, line: 1 }).unwrap();
        assert!(r.covers(date("1993-01-01")) && r.covers(date("2001-01-31")));
        assert!(!r.covers(date("2001-02-01")));
    }

    #[test]
    fn rejects_inverted_ranges_and_bad_dates() {
        let o = Origin { file: 0, line: 1 };
        assert!(parse_role("RUSGOV 2012 .. 2008", o).is_err());
        assert!(parse_role("RUSGOV 2012-13-01 ..", o).is_err());
        assert!(parse_role("RUSGOV 2012 .. 20x", o).is_err());
        assert!(parse_role("rusgov 2012 ..", o).is_err());
        assert!(parse_role("RUSELI", o).unwrap().undated);
    }
}
