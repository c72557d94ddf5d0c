//! Web debris: whole lines that are page furniture (sharing widgets, adverts, cookie
//! and subscription prompts, provenance lines), matched by patterns from a data file.

use super::{CleanText, Cleaner, RemovalReason, line_ranges, trim_range};
use regex::bytes::{RegexSet, RegexSetBuilder};

/// Lines longer than this are prose, never furniture: skip matching them.
const MAX_LINE: usize = 160;

/// Removes lines that match one of the boilerplate patterns.
pub struct Boilerplate {
    set: RegexSet,
    patterns: Vec<String>,
}

/// A boilerplate pattern that does not compile.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: bad boilerplate pattern {pattern:?}: {message}")]
pub struct BoilerplateError {
    /// The pattern file.
    pub file: String,
    /// 1-based line number of the pattern.
    pub line: usize,
    /// The pattern as written.
    pub pattern: String,
    /// What the regex compiler said.
    pub message: String,
}

impl Boilerplate {
    /// Compiles the patterns of a boilerplate file (one regular expression a line,
    /// `#` comments, matched against whole trimmed lines ignoring case).
    pub fn parse(file: &str, source: &str) -> Result<Self, BoilerplateError> {
        let mut patterns = Vec::new();
        let mut anchored = Vec::new();
        for (i, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            patterns.push((i + 1, line.to_string()));
            anchored.push(format!("^(?:{line})$"));
        }
        // ASCII case folding and classes: page furniture is English and ASCII, and a
        // Unicode-aware set takes ten times longer to compile, at every start-up.
        let build = |p: &[String]| {
            RegexSetBuilder::new(p)
                .case_insensitive(true)
                .unicode(false)
                .build()
        };
        let set = match build(&anchored) {
            Ok(set) => set,
            Err(_) => {
                // Find the pattern at fault, to name its line.
                for ((line, pattern), full) in patterns.iter().zip(&anchored) {
                    if let Err(e) = build(std::slice::from_ref(full)) {
                        return Err(BoilerplateError {
                            file: file.to_string(),
                            line: *line,
                            pattern: pattern.clone(),
                            message: e.to_string(),
                        });
                    }
                }
                return Err(BoilerplateError {
                    file: file.to_string(),
                    line: 0,
                    pattern: String::new(),
                    message: "the patterns do not compile together".into(),
                });
            }
        };
        Ok(Boilerplate {
            set,
            patterns: patterns.into_iter().map(|(_, p)| p).collect(),
        })
    }

    /// The first pattern that matches the whole `line`, if any.
    pub fn matching_pattern(&self, line: &str) -> Option<&str> {
        let line = line.trim();
        if line.is_empty() || line.len() > MAX_LINE {
            return None;
        }
        self.set
            .matches(line.as_bytes())
            .iter()
            .next()
            .map(|i| self.patterns[i].as_str())
    }
}

impl Cleaner for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn apply(&self, text: &mut CleanText, _title: Option<&str>) {
        let view = text.view();
        let hits: Vec<_> = line_ranges(view)
            .filter_map(|r| {
                let t = trim_range(view, r);
                self.matching_pattern(&view[t.clone()])
                    .map(|p| (t, p.to_string()))
            })
            .collect();
        for (r, rule) in hits {
            text.remove(r, RemovalReason::Boilerplate, Some(rule));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Boilerplate {
        Boilerplate::parse(
            "boilerplate.txt",
            include_str!("../../../../dictionaries/boilerplate.txt"),
        )
        .unwrap()
    }

    #[test]
    fn removes_whole_lines_of_debris_only() {
        let b = builtin();
        let input = "Talks ended.\nLeave a Comment\nAdvertisement\nShare this\n\
                     This story is from March 10, 2002\nFacebook Twitter Linkedin Mail\n\
                     Leave a comment if you disagree with the minister, he said.";
        let mut t = CleanText::new(input);
        b.apply(&mut t, None);
        assert_eq!(t.removals.len(), 5, "{:?}", t.removals);
        assert!(t.view().contains("Talks ended."));
        assert!(t.view().contains("Leave a comment if you disagree"));
    }

    #[test]
    fn bad_pattern_names_its_line() {
        let err = Boilerplate::parse("x.txt", "# c\nok\n(unclosed\n")
            .err()
            .unwrap();
        assert_eq!(err.line, 3);
        assert!(err.to_string().starts_with("x.txt:3:"));
    }
}
