//! Text with coded spans marked: source, target and trigger of a mention, or every
//! span of a document. Spans are byte offsets into the document text; those that
//! overlap one already marked, or do not fall on character boundaries, are left
//! unmarked rather than guessed.

use dyad_store::MentionRow;
use maud::{Markup, html};

/// A span to mark: byte range in the document and its role (a CSS class).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    /// Start byte in the document.
    pub start: usize,
    /// One past the end.
    pub end: usize,
    /// `source`, `target` or `trigger`.
    pub role: &'static str,
}

/// The marks of one mention.
pub fn marks_of(m: &MentionRow) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut add = |s: Option<&dyad_store::query::Span>, role| {
        if let Some(s) = s {
            out.push(Mark {
                start: s.start as usize,
                end: s.end as usize,
                role,
            });
        }
    };
    add(m.source_span.as_ref(), "source");
    add(m.target_span.as_ref(), "target");
    add(Some(&m.trigger), "trigger");
    out
}

/// `text`, which starts at byte `base` of the document, with `marks` highlighted.
pub fn marked(text: &str, base: usize, mut marks: Vec<Mark>) -> Markup {
    marks.sort();
    let mut pieces: Vec<(&str, Option<&'static str>)> = Vec::new();
    let mut pos = 0;
    for m in marks {
        let (Some(s), Some(e)) = (m.start.checked_sub(base), m.end.checked_sub(base)) else {
            continue;
        };
        if s < pos
            || e <= s
            || e > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        pieces.push((&text[pos..s], None));
        pieces.push((&text[s..e], Some(m.role)));
        pos = e;
    }
    pieces.push((&text[pos..], None));
    html! {
        @for (t, role) in pieces {
            @match role {
                Some(r) => mark class=(r) title=(r) { (t) },
                None => (t),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_spans_escapes_text_and_skips_overlaps_and_bad_boundaries() {
        let text = "<b>Ré</b> met Bob";
        let marks = vec![
            Mark {
                start: 100 + 15,
                end: 100 + 18,
                role: "target",
            },
            Mark {
                start: 100 + 11,
                end: 100 + 14,
                role: "trigger",
            },
            Mark {
                start: 100 + 12,
                end: 100 + 13,
                role: "source",
            }, // overlaps
            Mark {
                start: 100 + 3,
                end: 100 + 5,
                role: "source",
            }, // inside 'é'
        ];
        let html = marked(text, 100, marks).into_string();
        assert_eq!(
            html,
            "&lt;b&gt;Ré&lt;/b&gt; <mark class=\"trigger\" title=\"trigger\">met</mark> \
             <mark class=\"target\" title=\"target\">Bob</mark>"
        );
    }
}
