//! Discards and issues: dyad has neither a discard list nor issue coding, so every
//! entry is reported as not converted (counted, with its line).

use crate::FileReport;
use crate::text::{strip_comment, strip_markup_comments};

/// Every discard phrase, reported.
pub fn discards(text: &str, report: &mut FileReport) {
    let text = strip_markup_comments(text);
    for (i, raw) in text.lines().enumerate() {
        let t = strip_comment(raw, false).trim();
        if t.is_empty() {
            continue;
        }
        let reason = if t.starts_with('+') {
            "story discard: dyad has no discard list (it codes every story)"
        } else {
            "sentence discard: dyad has no discard list (it codes every sentence)"
        };
        report.skip(i + 1, reason, t);
    }
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
