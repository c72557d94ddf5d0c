//! Lines that hold only white space: non-breaking spaces, zero-width spaces and the
//! like, which scraped pages leave between paragraphs.

use super::{CleanText, Cleaner, RemovalReason, is_space, line_ranges};

/// Blanks lines made only of white space, so that they separate blocks like an
/// empty line does.
pub struct BlankLines;

impl Cleaner for BlankLines {
    fn name(&self) -> &'static str {
        "blank-lines"
    }

    fn apply(&self, text: &mut CleanText, _title: Option<&str>) {
        let view = text.view();
        // Cheap exit for the common case: plain ASCII white space is already blank.
        if view.is_ascii() {
            return;
        }
        let hits: Vec<_> = line_ranges(view)
            .filter(|r| {
                let line = &view[r.clone()];
                line.chars().all(is_space) && line.chars().any(|c| c != ' ' && c != '\t')
            })
            .collect();
        for r in hits {
            text.remove(r, RemovalReason::BlankLine, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_lines_of_non_breaking_spaces() {
        let input = "One.\n\u{a0}\nTwo.\n \u{200b} \nThree.";
        let mut t = CleanText::new(input);
        BlankLines.apply(&mut t, None);
        assert_eq!(t.removals.len(), 2);
        assert!(
            t.view()
                .lines()
                .all(|l| l.trim().is_empty() || l.ends_with('.'))
        );
        assert_eq!(t.view().len(), input.len());
    }
}
