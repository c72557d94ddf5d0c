//! Newswire datelines: `MOSCOW, March 21 (Reuters) -`, `SALVADOR, Feb 26 -`,
//! `DUBLIN —`, `lucknow:`. The dateline is kept as metadata (its place is where the
//! story was filed) and removed from the text that is coded.

use super::{CleanText, Cleaner, RemovalReason, line_ranges, trim_range};
use regex::Regex;
use serde::Serialize;

/// A dateline found at the start of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// Byte offset of the dateline's first byte.
    pub start: usize,
    /// Byte offset one past its last byte (the separator included).
    pub end: usize,
    /// The place the story was filed from, as written (`MOSCOW`).
    pub place: String,
    /// The date part, as written (`March 21`), when present.
    pub date: Option<String>,
    /// The news agency, when named (`Reuters`).
    pub agency: Option<String>,
}

/// Recognises a dateline at the start of the first non-empty line.
pub struct DatelineCleaner {
    capitals: Regex,
    agency: Regex,
    lowercase: Regex,
}

impl DatelineCleaner {
    /// Compiles the dateline patterns.
    pub fn new() -> Self {
        const MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
        // Place in capitals (at least two letters), optional region, optional date,
        // optional agency, then a dash, an em dash or a colon.
        let capitals = format!(
            r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){{0,3}})(?:, (?P<region>[A-Z][A-Za-z.']+(?: [A-Z][A-Za-z.']+){{0,2}}))?(?:,? (?P<date>{MONTH} \d{{1,2}}))?(?: ?\((?P<agency>[A-Za-z][A-Za-z .&\-]{{0,24}})\))? ?(?:-{{1,2}}|—|–)\s"
        );
        let agency = r"^(?P<place>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}),? (?:(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}) )?\((?P<agency>Reuters|AP|AFP|UPI|Xinhua|dpa|DPA|IANS|PTI|ANI|Bloomberg|TASS|Tass|Yonhap|Kyodo|EFE|ANSA)\) ?(?:-{1,2}|—|–|:)\s";
        let lowercase = r"^(?P<place>[a-z][a-z.\-]+(?: [a-z][a-z.\-]+){0,2}): ";
        DatelineCleaner {
            capitals: Regex::new(&capitals).expect("dateline pattern compiles"),
            agency: Regex::new(agency).expect("dateline pattern compiles"),
            lowercase: Regex::new(lowercase).expect("dateline pattern compiles"),
        }
    }

    /// Finds a dateline at the start of `line`, returning it with offsets relative to
    /// the line.
    pub fn find(&self, line: &str, lowercase_text: bool) -> Option<Dateline> {
        let caps = self
            .capitals
            .captures(line)
            .or_else(|| self.agency.captures(line))
            .or_else(|| {
                if lowercase_text {
                    self.lowercase.captures(line)
                } else {
                    None
                }
            })?;
        let whole = caps.get(0)?;
        let place = caps.name("place")?.as_str();
        // A capitals place must have two letters at least ("A -" is a list item).
        if place.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        let mut place = place.to_string();
        if let Some(region) = caps.name("region") {
            place.push_str(", ");
            place.push_str(region.as_str());
        }
        Some(Dateline {
            start: 0,
            end: whole.end(),
            place,
            date: caps.name("date").map(|m| m.as_str().to_string()),
            agency: caps.name("agency").map(|m| m.as_str().to_string()),
        })
    }
}

impl Default for DatelineCleaner {
    fn default() -> Self {
        Self::new()
    }
}

impl Cleaner for DatelineCleaner {
    fn name(&self) -> &'static str {
        "dateline"
    }

    fn story_start_only(&self) -> bool {
        true
    }

    fn apply(&self, text: &mut CleanText, _title: Option<&str>) {
        let view = text.view();
        let lowercase_text = !view.chars().take(4000).any(char::is_uppercase);
        // The dateline opens the story: look at the first two non-empty lines (the
        // first may be the headline).
        let found = line_ranges(view)
            .map(|r| trim_range(view, r))
            .filter(|r| !r.is_empty())
            .take(2)
            .find_map(|r| {
                self.find(&view[r.clone()], lowercase_text).map(|mut d| {
                    d.start += r.start;
                    d.end += r.start;
                    d
                })
            });
        if let Some(d) = found {
            text.remove(d.start..d.end, RemovalReason::Dateline, None);
            text.dateline = Some(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(line: &str) -> Option<Dateline> {
        DatelineCleaner::new().find(line, false)
    }

    #[test]
    fn recognises_newswire_datelines() {
        let d = find("MOSCOW, March 21 (Reuters) - Russia said").unwrap();
        assert_eq!(d.place, "MOSCOW");
        assert_eq!(d.date.as_deref(), Some("March 21"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            &"MOSCOW, March 21 (Reuters) - Russia said"[d.end..],
            "Russia said"
        );

        let d = find("SALVADOR, Feb 26 - Showers continued").unwrap();
        assert_eq!(
            (d.place.as_str(), d.date.as_deref()),
            ("SALVADOR", Some("Feb 26"))
        );
        assert_eq!(
            find("NEW YORK, March 2 - Shares fell").unwrap().place,
            "NEW YORK"
        );
        assert_eq!(
            find("DUBLIN — She has slammed NATO").unwrap().place,
            "DUBLIN"
        );
        assert_eq!(
            find("Kyiv (AP) — Russia fired").unwrap().agency.as_deref(),
            Some("AP")
        );
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for s in [
            "Putin, Xi meet: Ushering in a new era",
            "The US has rejected this plan.",
            "A - list item",
            "NATO said on Monday it would meet.",
        ] {
            assert_eq!(find(s), None, "{s}");
        }
    }

    #[test]
    fn lowercase_datelines_only_in_lowercase_text() {
        let c = DatelineCleaner::new();
        assert!(
            c.find("lucknow: the committee has sought a ban", true)
                .is_some()
        );
        assert!(
            c.find("lucknow: the committee has sought a ban", false)
                .is_none()
        );
    }

    #[test]
    fn removes_the_dateline_and_keeps_it_as_metadata() {
        let input = "BAHIA COCOA REVIEW\nSALVADOR, Feb 26 - Showers continued.";
        let mut t = CleanText::new(input);
        DatelineCleaner::new().apply(&mut t, None);
        let d = t.dateline.clone().unwrap();
        assert_eq!(d.place, "SALVADOR");
        assert_eq!(&input[d.start..d.end], "SALVADOR, Feb 26 - ");
        assert!(t.view().ends_with("Showers continued."));
        assert!(!t.view().contains("SALVADOR"));
    }
}
