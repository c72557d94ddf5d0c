//! Reading PETRARCH text: encodings, comments, phrases.

/// Decodes a dictionary file: UTF-8 when it is valid UTF-8 (a byte-order mark is
/// dropped), else Windows-1252, which covers Latin-1's printable range. Returns the text
/// and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// Blanks out `<!-- ... -->` comments (which may span lines), keeping the line breaks
/// so that line numbers stay true.
pub fn strip_markup_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        out.extend(after[..end].chars().filter(|&c| c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The line without a `#` comment (and, with `semicolon`, without a `;` comment).
pub fn strip_comment(line: &str, semicolon: bool) -> &str {
    let end = line
        .find(|c| c == '#' || (semicolon && c == ';'))
        .unwrap_or(line.len());
    &line[..end]
}

/// Words that stay in lower case inside a title-cased name.
const SMALL: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "du", "des", "la", "le", "el",
    "al", "bin", "ibn", "van", "von", "der", "den", "da", "do", "dos", "das", "di", "y", "e", "a",
    "an", "ul",
];

/// A PETRARCH phrase (`HAMID_KARZAI_`, `AL-QAEDA`) as a dyad name (`Hamid Karzai`,
/// `al-Qaeda`): underscores become spaces, words are capitalised except short particles
/// after the first word, and words without vowels (acronyms: `ANSF`, `U.S.`) stay in
/// capitals.
pub fn name_case(phrase: &str) -> String {
    let words: Vec<String> = phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| word_case(w, i == 0))
        .collect();
    words.join(" ")
}

fn word_case(word: &str, first: bool) -> String {
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    let vowels = lower
        .chars()
        .filter(|c| "aeiouyàáâãäåèéêëìíîïòóôõöøùúûüýÿæœ".contains(*c))
        .count();
    let roman = !first && lower.len() <= 4 && lower.chars().all(|c| "ivxlcdm".contains(c));
    if letters > 1 && vowels == 0 || lower.contains('.') || roman {
        return word.to_uppercase();
    }
    lower
        .split('-')
        .enumerate()
        .map(|(j, part)| {
            if (j > 0 || !first) && SMALL.contains(&part)
                || (j == 0 && part == "al" && lower.contains('-'))
            {
                part.to_string()
            } else {
                let mut c = part.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A PETRARCH phrase as lower-case words separated by single spaces.
pub fn lower_phrase(phrase: &str) -> String {
    phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_latin1_and_utf8() {
        assert_eq!(
            decode(b"S\xE3o Paulo"),
            ("São Paulo".to_string(), "Windows-1252")
        );
        assert_eq!(decode("São".as_bytes()), ("São".to_string(), "UTF-8"));
        assert_eq!(decode(b"\x93quoted\x94").0, "\u{201c}quoted\u{201d}");
    }

    #[test]
    fn markup_comments_keep_line_numbers() {
        let s = strip_markup_comments("a\n<!-- x\ny -->b\nc <!-- z -->\n");
        assert_eq!(s, "a\n\nb\nc \n");
    }

    #[test]
    fn names_are_title_cased() {
        assert_eq!(name_case("HAMID_KARZAI_"), "Hamid Karzai");
        assert_eq!(name_case("AL-QAEDA"), "al-Qaeda");
        assert_eq!(name_case("BANK_OF_ENGLAND"), "Bank of England");
        assert_eq!(name_case("NTC"), "NTC");
        // Acronyms with vowels cannot be told from words: capitalised, they still
        // match the capitals of the text.
        assert_eq!(name_case("ANSF"), "Ansf");
        assert_eq!(name_case("U.S._ARMY"), "U.S. Army");
        assert_eq!(name_case("THE_HAGUE"), "The Hague");
        assert_eq!(name_case("MUSKAR_XII"), "Muskar XII");
    }
}
