//! Discards (PETRARCH's discard list) to a dyad discard file (`discards/*.txt`), and
//! issues: dyad codes no issues, so every issue entry is reported as not converted
//! (counted, with its line).

use crate::FileReport;
use crate::text::{lower_phrase, strip_comment, strip_markup_comments};
use rustc_hash::FxHashMap;
use std::fmt::Write as _;

/// Converts a discard list: a phrase (`YEARS LATER`) is a sentence discard, one after
/// `+` (`+WORLD CUP`) a story discard; a trailing `_` (the phrase ends at a word's end)
/// is what dyad does anyway, since it matches whole words as PETRARCH-2 does. Returns
/// the text of the discard file.
pub fn discards(text: &str, report: &mut FileReport, source: &str) -> String {
    let text = strip_markup_comments(text);
    let source = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let mut out = format!(
        "# Converted by `dyad dict import petrarch` from {source}; `# line N` is the line there.\n\
         # `sentence:` phrases withhold the events of the sentence that holds them, `story:`\n\
         # phrases those of the whole story (docs/dictionaries.md, Discards).\n\n"
    );
    // (scope, phrase, line), and each phrase's place in it.
    let mut entries: Vec<(&str, String, usize)> = Vec::new();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = strip_comment(raw, false).trim();
        if t.is_empty() {
            continue;
        }
        let (scope, phrase) = match t.strip_prefix('+') {
            Some(rest) => ("story", rest),
            None => ("sentence", t),
        };
        let phrase = lower_phrase(phrase);
        if !phrase.chars().any(char::is_alphanumeric) {
            report.skip(line, "discard with no word to match", t);
            continue;
        }
        if phrase.contains(['|', ':']) {
            report.skip(
                line,
                "discard with `|` or `:`, which a dyad discard file cannot hold",
                t,
            );
            continue;
        }
        if let Some(&at) = seen.get(&phrase) {
            let first = &mut entries[at];
            // PETRARCH looks for story discards first: a story discard decides.
            if scope == "story" {
                first.0 = "story";
            }
            report.skip(
                line,
                "discard listed twice: one entry kept (a story discard if either is)",
                &format!("{t} (first at line {})", first.2),
            );
            continue;
        }
        seen.insert(phrase.clone(), entries.len());
        entries.push((scope, phrase, line));
    }
    report.converted += entries.len();
    for (scope, phrase, line) in entries {
        let _ = writeln!(out, "{scope}: {phrase}  # line {line}");
    }
    out
}

/// Every issue phrase, reported.
pub fn issues(text: &str, report: &mut FileReport) {
    let text = strip_markup_comments(text);
    for (i, raw) in text.lines().enumerate() {
        let t = strip_comment(raw, false).trim();
        if t.is_empty() || t.starts_with("<ISSUE") || t.starts_with("</ISSUE") {
            continue;
        }
        let reason = if t.starts_with('~') {
            "issue exclusion (~): dyad codes no issues"
        } else {
            "issue phrase: dyad codes no issues"
        };
        report.skip(i + 1, reason, t);
    }
}
