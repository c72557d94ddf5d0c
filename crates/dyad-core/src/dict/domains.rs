//! Story domains and their cue words (`dictionaries/domains.txt`).

use super::syntax::{lines, list};
use super::{DictError, Origin};
use crate::relevance::Domain;

/// One cue word and the domain it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainCue {
    /// The domain.
    pub domain: Domain,
    /// The word, lower case.
    pub word: String,
    /// Where it was written.
    pub origin: Origin,
}

pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<DomainCue>,
    errors: &mut Vec<DictError>,
) {
    for (_, line) in lines(text) {
        let Some((name, words)) = line.text.split_once(':') else {
            errors.push(DictError::new(
                path,
                line.number,
                "expected `DOMAIN: word | word`",
            ));
            continue;
        };
        let Some(domain) = Domain::from_name(name.trim()) else {
            errors.push(DictError::new(
                path,
                line.number,
                format!(
                    "{:?} is not a domain (politics, sport, entertainment, markets, technology, hazard)",
                    name.trim()
                ),
            ));
            continue;
        };
        let origin = Origin {
            file,
            line: line.number as u32,
        };
        for w in list(words) {
            if w.contains(char::is_whitespace) {
                errors.push(DictError::new(
                    path,
                    line.number,
                    format!("{w:?}: cues are single words"),
                ));
                continue;
            }
            out.push(DomainCue {
                domain,
                word: w.to_lowercase(),
                origin,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_domain_lines_and_reports_bad_ones() {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let text = "# c\nsport: Wicket | aces\nweather: rain\npolitics: two words\n";
        parse("domains.txt", 0, text, &mut out, &mut errors);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].word, "wicket");
        assert_eq!(out[0].domain, Domain::Sport);
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].line, errors[1].line), (3, 4));
    }
}
