//! The syntax all dictionary files share: comments, entries (a header line at the
//! first column and indented body lines), `key: value` attributes and `|` lists.

use super::DictError;

/// One line of a dictionary file, comment removed and trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the file.
    pub number: usize,
    /// The line's text without comment and surrounding white space.
    pub text: &'a str,
}

/// An entry: a header line and the indented lines after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The header line.
    pub header: Line<'a>,
    /// The indented lines that follow it.
    pub body: Vec<Line<'a>>,
}

/// Removes a `#` comment: one at the start of the line or after white space.
pub fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            return &line[..i];
        }
    }
    line
}

/// The non-empty lines of `source`, comments removed, with whether each is indented.
pub fn lines(source: &str) -> impl Iterator<Item = (bool, Line<'_>)> {
    source.lines().enumerate().filter_map(|(i, raw)| {
        let text = strip_comment(raw).trim();
        if text.is_empty() {
            return None;
        }
        let indented = raw.starts_with([' ', '\t']);
        Some((
            indented,
            Line {
                number: i + 1,
                text,
            },
        ))
    })
}

/// Groups the lines of `source` into entries. An indented line before any header is
/// an error.
pub fn entries<'a>(file: &str, source: &'a str) -> Result<Vec<Entry<'a>>, DictError> {
    let mut out: Vec<Entry<'a>> = Vec::new();
    for (indented, line) in lines(source) {
        if indented {
            match out.last_mut() {
                Some(entry) => entry.body.push(line),
                None => {
                    return Err(DictError::new(
                        file,
                        line.number,
                        "indented line before any entry header",
                    ));
                }
            }
        } else {
            out.push(Entry {
                header: line,
                body: Vec::new(),
            });
        }
    }
    Ok(out)
}

/// Splits `key: value` (the key is the text before the first `:`).
pub fn key_value(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim();
    if k.is_empty() || k.contains(char::is_whitespace) {
        return None;
    }
    Some((k, v.trim()))
}

/// The items of a `|`-separated list, trimmed, empty items skipped.
pub fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Splits the first white-space-separated word off `text`.
pub fn first_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim_start()),
        None => (text, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_entries_and_lists() {
        let src = "# file comment\nRUS  Russia   # trailing\n  names: Russia | Russian Federation |\n\n  capitals: Moscow\nUSA United States\n";
        let e = entries("x.txt", src).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].header,
            Line {
                number: 2,
                text: "RUS  Russia"
            }
        );
        assert_eq!(e[0].body.len(), 2);
        let (k, v) = key_value(e[0].body[0].text).unwrap();
        assert_eq!(k, "names");
        assert_eq!(
            list(v).collect::<Vec<_>>(),
            ["Russia", "Russian Federation"]
        );
        assert_eq!(first_word(e[1].header.text), ("USA", "United States"));
    }

    #[test]
    fn a_hash_inside_a_word_is_not_a_comment() {
        assert_eq!(strip_comment("C# language # note"), "C# language ");
    }

    #[test]
    fn indented_line_first_is_an_error_with_its_line() {
        let err = entries("x.txt", "\n  names: A\n").unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (2, "x.txt"));
    }
}
