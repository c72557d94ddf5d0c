//! Places and their countries (`dictionaries/places/*.txt`).

use super::syntax::{lines, list};
use super::{DictError, Name, Origin};
use crate::codes::ActorCode;

/// A place name and the country it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    /// The country's code.
    pub country: ActorCode,
    /// The place's name.
    pub name: Name,
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<PlaceEntry>,
    errors: &mut Vec<DictError>,
) {
    for (_, line) in lines(text) {
        let Some((code, names)) = line.text.split_once(':') else {
            errors.push(DictError::new(
                path,
                line.number,
                "expected `CODE: place | place`",
            ));
            continue;
        };
        let code = code.trim();
        let Some(country) = ActorCode::new(code).filter(|_| code.len() == 3) else {
            errors.push(DictError::new(
                path,
                line.number,
                format!("{code:?} is not a country code"),
            ));
            continue;
        };
        let origin = Origin {
            file,
            line: line.number as u32,
        };
        out.extend(list(names).map(|n| PlaceEntry {
            country,
            name: Name::parse(n, origin),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_place_lines() {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        parse(
            "places/c.txt",
            0,
            "# c\nUKR: Kharkiv | Kharkov\nIRQ: Mosul\nbad line\n",
            &mut out,
            &mut errors,
        );
        assert_eq!(out.len(), 3);
        assert_eq!(out[1].name.text, "Kharkov");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 4);
    }
}
