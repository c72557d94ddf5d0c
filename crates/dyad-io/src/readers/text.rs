//! Plain text: one file, one document.

use std::io::Read;
use std::path::{Path, PathBuf};

use dyad_core::Document;
use dyad_core::document::content_id;

use super::{ReadOptions, decode_text, read_whole};
use crate::error::{Location, ReadError};

/// Reads one plain-text input as one document.
///
/// The whole input is the text, as read (a UTF-8 byte-order mark dropped;
/// UTF-16 with a byte-order mark decoded). The first non-empty line becomes the
/// title when it looks like a headline (see [`headline`]); it stays in the
/// text. The id is [`content_id`] of the text, the source the path.
///
/// Errors (the input is skipped): empty or whitespace-only input, binary data,
/// invalid UTF-8 (with the byte offset), an input larger than
/// [`ReadOptions::max_document_bytes`], a read error.
pub struct TextReader<R> {
    input: Option<R>,
    path: PathBuf,
    max_bytes: usize,
}

impl<R: Read> TextReader<R> {
    /// A reader of `input`, which came from `path` (`-` for standard input).
    pub fn new(input: R, path: impl Into<PathBuf>, options: &ReadOptions) -> Self {
        TextReader {
            input: Some(input),
            path: path.into(),
            max_bytes: options.max_document_bytes,
        }
    }

    fn read(&self, input: R) -> Result<Document, ReadError> {
        let err = |loc, msg: String| ReadError::new(&self.path, loc, msg);
        let bytes = read_whole(input, self.max_bytes, &self.path)?;
        if bytes.is_empty() {
            return Err(err(Location::None, "empty file".into()));
        }
        let text = decode_text(bytes).map_err(|(at, msg)| match at {
            Some(at) => err(Location::Byte(at), msg),
            None => err(Location::None, msg),
        })?;
        if text.trim().is_empty() {
            return Err(err(Location::None, "empty file (only whitespace)".into()));
        }
        Ok(Document {
            id: content_id(&text),
            title: headline(&text).map(str::to_string),
            url: None,
            published: None,
            source: Some(source_name(&self.path)),
            language: None,
            text,
        })
    }
}

/// The source recorded for a document read from `path`.
pub(crate) fn source_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

impl<R: Read> Iterator for TextReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let input = self.input.take()?;
        Some(self.read(input))
    }
}

/// Words a line ending a hard-wrapped sentence fragment would end with, never a
/// headline.
const CONNECTIVES: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with", "that", "than", "said",
];

/// The first non-empty line of `text` (trimmed) when it looks like a headline,
/// else `None`.
///
/// A headline here is a line of at most 200 characters and 30 words, with a
/// letter in it, followed by more text, and not ending in sentence or clause
/// punctuation (`.`, `,`, `;`, `:`, a dash; `?`, `!`, quotes and brackets are
/// fine). Then either a blank line follows it (and a trailing `...` is fine
/// too), or the next line starts a sentence (capital letter, digit or quote)
/// and is much longer (the headline is under 3/5 of it) while the headline
/// does not end in a lower-case connective ("of", "the", "and"...); otherwise
/// the line is taken for the first line of a hard-wrapped paragraph.
///
/// So `"Ad sales boost Time Warner profit\n\nQuarterly profits..."` has a
/// headline and `"SALVADOR, Feb 26 - Showers continued throughout the week
/// in\nthe Bahia cocoa zone..."` has none. Measured on the corpora in
/// `../shared`: the title line of all 2,225 BBC stories is found, and 99 of
/// 19,779 Reuters texts (0.5%) get one, mostly real headlines of corrections
/// and market tables.
pub fn headline(text: &str) -> Option<&str> {
    let mut lines = text.lines();
    let first = lines.by_ref().map(str::trim).find(|l| !l.is_empty())?;
    let next = lines.next()?;
    let rest_has_text = !next.trim().is_empty() || lines.clone().any(|l| !l.trim().is_empty());
    if !rest_has_text {
        return None;
    }
    if first.chars().count() > 200
        || first.split_whitespace().count() > 30
        || !first.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let last = first.chars().next_back()?;
    let ellipsis = first.ends_with("...") || last == '\u{2026}';
    if !ellipsis && matches!(last, '.' | ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}') {
        return None;
    }
    let next = next.trim();
    if next.is_empty() {
        return Some(first);
    }
    let last_word = first
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if ellipsis
        || CONNECTIVES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(last_word) && last_word.chars().all(char::is_lowercase))
    {
        return None;
    }
    // No blank line: the next line must start a sentence, and be much longer
    // (a paragraph on one line), else this is the first line of a
    // hard-wrapped paragraph.
    let starts_sentence = next.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}')
    });
    let much_shorter = first.chars().count() * 5 < next.chars().count() * 3;
    (starts_sentence && much_shorter).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_not() {
        assert_eq!(
            headline("Ad sales boost Time Warner profit\n\nQuarterly profits rose."),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(
            headline(
                "\n  Is this the end?  \r\nPeople in the town are wondering what will come of the plant.\r\n"
            ),
            Some("Is this the end?")
        );
        assert_eq!(
            headline("SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia"),
            None
        );
        assert_eq!(headline("Talks resumed in\nGeneva on Monday."), None);
        assert_eq!(
            headline(
                "CLEVELAND, Feb 26 - Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\n"
            ),
            None
        );
        assert_eq!(
            headline(
                "Talks resume\nThe talks between the two sides resumed on Monday in Geneva.\n"
            ),
            Some("Talks resume")
        );
        assert_eq!(headline("The talks resumed today.\n\nMore."), None);
        assert_eq!(headline("Only a headline\n\n"), None);
        assert_eq!(headline("2024\n\nText."), None);
    }
}
