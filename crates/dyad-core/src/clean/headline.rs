//! The repeated headline: scraped pages often carry the headline twice (page title,
//! then article heading). The first copy is kept, later copies near the top go.

use super::{CleanText, Cleaner, RemovalReason, line_ranges, trim_range};

/// How many non-empty lines after the first are checked for a repeat.
const LOOKAHEAD: usize = 3;

/// Removes copies of the headline (the document title, else the first non-empty
/// line) among the first few lines of the body.
pub struct RepeatedHeadline;

fn same_line(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

impl Cleaner for RepeatedHeadline {
    fn name(&self) -> &'static str {
        "repeated-headline"
    }

    fn story_start_only(&self) -> bool {
        true
    }

    fn apply(&self, text: &mut CleanText, title: Option<&str>) {
        let view = text.view();
        let mut lines = line_ranges(view)
            .map(|r| trim_range(view, r))
            .filter(|r| !r.is_empty())
            .take(LOOKAHEAD + 1);
        let Some(first) = lines.next() else { return };
        let first_text = &view[first.clone()];
        let headline = title.filter(|t| !t.trim().is_empty()).unwrap_or(first_text);
        // When the title was given and the body starts with it, that first copy stays.
        let mut kept_one = same_line(first_text, headline);
        let mut repeats = Vec::new();
        for r in lines {
            if same_line(&view[r.clone()], headline) {
                if kept_one {
                    repeats.push(r);
                } else {
                    kept_one = true;
                }
            }
        }
        for r in repeats {
            text.remove(r, RemovalReason::RepeatedHeadline, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_headline_once() {
        let input =
            "Leaders meet: a new era\n\nLeaders  meet: a new era\n\n\u{a0}\n\nThe leaders met.";
        let mut t = CleanText::new(input);
        RepeatedHeadline.apply(&mut t, None);
        assert_eq!(t.view().matches("Leaders meet").count(), 1);
        assert_eq!(t.removals.len(), 1);
        assert!(t.removals[0].start > 0);
    }

    #[test]
    fn a_given_title_found_twice_in_the_body_is_kept_once() {
        let input = "Intro line\nTalks end\nTalks end\nBody.";
        let mut t = CleanText::new(input);
        RepeatedHeadline.apply(&mut t, Some("Talks end"));
        assert_eq!(t.view().matches("Talks end").count(), 1);
        assert!(t.view().contains("Intro line"));
    }

    #[test]
    fn different_lines_stay() {
        let input = "Headline\nAnother line\nBody.";
        let mut t = CleanText::new(input);
        RepeatedHeadline.apply(&mut t, None);
        assert!(t.removals.is_empty());
    }
}
