//! CAMEO event codes with their Goldstein values, QuadClass and PLOVER mapping
//! (`dictionaries/cameo.txt`).

use super::DictError;
use super::syntax::{entries, first_word, key_value};
use crate::codes::EventCode;
use rustc_hash::FxHashMap;

/// One CAMEO code.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CameoEntry {
    /// The code (`057`).
    pub code: EventCode,
    /// Its name (`Sign formal agreement`).
    pub name: String,
    /// Goldstein conflict-cooperation value, -10 to +10.
    pub goldstein: f32,
    /// QuadClass, GDELT's convention: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER 2021 category, if the code has one.
    pub plover: Option<String>,
    /// PLOVER mode, if any.
    pub plover_mode: Option<String>,
    /// A description.
    pub about: Option<String>,
    /// 1-based line in `cameo.txt`.
    pub line: usize,
}

/// All CAMEO codes, looked up by code.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CameoTable {
    entries: Vec<CameoEntry>,
    index: FxHashMap<EventCode, usize>,
}

impl CameoTable {
    /// The entry for exactly `code`.
    pub fn get(&self, code: EventCode) -> Option<&CameoEntry> {
        self.index.get(&code).map(|&i| &self.entries[i])
    }

    /// The entry for `code`, else for its nearest ancestor that has one.
    pub fn get_or_parent(&self, code: EventCode) -> Option<&CameoEntry> {
        let mut c = code;
        loop {
            if let Some(e) = self.get(c) {
                return Some(e);
            }
            if c.len() <= 2 {
                return None;
            }
            c = c.parent();
        }
    }

    /// The PLOVER category for `code`: its own, else its parent's, else the root's.
    pub fn plover(&self, code: EventCode) -> Option<(&str, Option<&str>)> {
        let mut c = code;
        loop {
            if let Some(e) = self.get(c)
                && let Some(p) = &e.plover
            {
                return Some((p.as_str(), e.plover_mode.as_deref()));
            }
            if c.len() <= 2 {
                return None;
            }
            c = c.parent();
        }
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[CameoEntry] {
        &self.entries
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn dash_none(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

pub(super) fn parse(path: &str, text: &str, table: &mut CameoTable, errors: &mut Vec<DictError>) {
    let entries = match entries(path, text) {
        Ok(e) => e,
        Err(e) => return errors.push(e),
    };
    for entry in entries {
        let n = entry.header.number;
        let (code, rest) = first_word(entry.header.text);
        let (goldstein, rest) = first_word(rest);
        let (quad, rest) = first_word(rest);
        let (plover, rest) = first_word(rest);
        let (mode, name) = first_word(rest);
        let Some(code) = EventCode::new(code) else {
            errors.push(DictError::new(
                path,
                n,
                format!("{code:?} is not a CAMEO code (2-4 digits)"),
            ));
            continue;
        };
        let Some(goldstein) = goldstein
            .parse::<f32>()
            .ok()
            .filter(|g| (-10.0..=10.0).contains(g))
        else {
            errors.push(DictError::new(
                path,
                n,
                format!("Goldstein value {goldstein:?} is not a number in -10..10"),
            ));
            continue;
        };
        let Some(quad_class) = quad.parse::<u8>().ok().filter(|q| (1..=4).contains(q)) else {
            errors.push(DictError::new(
                path,
                n,
                format!("QuadClass {quad:?} is not 1, 2, 3 or 4"),
            ));
            continue;
        };
        if name.is_empty() {
            errors.push(DictError::new(
                path,
                n,
                "the code needs a name after the PLOVER columns",
            ));
            continue;
        }
        if table.index.contains_key(&code) {
            errors.push(DictError::new(
                path,
                n,
                format!("code {code} is defined twice"),
            ));
            continue;
        }
        let mut about = None;
        for line in entry.body {
            match key_value(line.text) {
                Some(("about", v)) => about = Some(v.to_string()),
                _ => errors.push(DictError::new(path, line.number, "expected `about: ...`")),
            }
        }
        table.index.insert(code, table.entries.len());
        table.entries.push(CameoEntry {
            code,
            name: name.to_string(),
            goldstein,
            quad_class,
            plover: dash_none(plover),
            plover_mode: dash_none(mode),
            about,
            line: n,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_looks_up_codes() {
        let src = "05  3.5  1  AGREE  -  Engage in diplomatic cooperation\n057  8.0  1  AGREE  -  Sign formal agreement\n  about: Sign a treaty.\n01  0.0  1  -  -  Make public statement\n";
        let mut t = CameoTable::default();
        let mut errors = Vec::new();
        parse("cameo.txt", src, &mut t, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let c = t.get(EventCode::new("057").unwrap()).unwrap();
        assert_eq!(
            (c.goldstein, c.quad_class, c.name.as_str()),
            (8.0, 1, "Sign formal agreement")
        );
        assert_eq!(
            t.get_or_parent(EventCode::new("0571").unwrap())
                .unwrap()
                .code
                .as_str(),
            "057"
        );
        assert_eq!(
            t.plover(EventCode::new("0571").unwrap()).unwrap().0,
            "AGREE"
        );
        assert!(t.plover(EventCode::new("01").unwrap()).is_none());
    }

    #[test]
    fn reports_bad_rows() {
        let src = "057  80  1  AGREE  -  X\n058  1.0  7  - - Y\n5  1.0  1  - - Z\n059 1.0 1 - -\n";
        let mut t = CameoTable::default();
        let mut errors = Vec::new();
        parse("cameo.txt", src, &mut t, &mut errors);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
    }
}
