//! The language of each document: the one its input names (a JSON Lines
//! `language` field, `<html lang>`, a WARC response's `Content-Language`),
//! else one detected from its text with `whatlang`.
//!
//! Why `whatlang`: it is small, pure Rust, needs no model files and builds in
//! seconds; it reads a news paragraph's language reliably (the tests below, on
//! paragraphs written for them in seven languages and scripts). `lingua` is
//! more accurate on very short strings, but carries tens of megabytes of models
//! and a long build, for text (a news story) that is rarely short. A detection
//! that `whatlang` itself calls unreliable gives no language: the document is
//! then treated as unknown (and coded), since most such texts are short
//! English fragments.

use whatlang::Lang;

/// Bytes of text looked at: the start of a story tells its language, and the
/// cost stays bounded whatever the document's size.
const SAMPLE_BYTES: usize = 4096;

/// The language of `text` as a lower-case ISO 639-1 code (`en`, `fr`), or
/// ISO 639-3 for languages without one; `None` when the text is too short or
/// mixed for a reliable guess.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if plainly_english(sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    // Trigrams alone take English earnings tables ("Shr 45 cts vs 58 cts, Net
    // 1.1 mln") for French: a Latin-script verdict other than English must be
    // borne out by that language's commonest words.
    if let Some(words) = function_words(info.lang()) {
        let found = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| words.contains(&w.as_str()))
            .collect::<std::collections::BTreeSet<_>>();
        if found.len() < 3 {
            return None;
        }
    }
    Some(iso639_1(info.lang()).map_or_else(|| info.lang().code().to_string(), str::to_string))
}

/// English function words that are no common words of the other languages written
/// in Latin script (`a`, `in`, `on`, `is`, `was` and `will` are: French, Italian,
/// Dutch, German).
const ENGLISH_WORDS: [&str; 20] = [
    "the", "of", "and", "to", "that", "for", "said", "with", "by", "from", "has", "have", "were",
    "which", "its", "their", "would", "this", "been", "after",
];

/// Whether at least 8 of the first 200 words of `sample`, and one in ten, are English
/// function words: most documents are English news, and this one pass costs a small
/// part of `whatlang`'s trigram scoring over every language (which took a third of the
/// pipeline's time on short Reuters stories). Anything less clear (tables, short
/// texts, other languages) goes to `whatlang`.
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        let function = w.len() <= 5 && ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w));
        english += usize::from(function);
    }
    english >= 8 && english * 10 >= words
}

/// The commonest short words of the Latin-script languages most often
/// confused with English by trigrams (none for Latin and Esperanto: never
/// confirmed); `None` for other languages.
fn function_words(lang: Lang) -> Option<&'static [&'static str]> {
    Some(match lang {
        Lang::Fra => &[
            "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en", "que", "qui",
            "pour", "dans", "sur", "au", "aux", "par", "pas", "sont", "ont", "il", "elle",
        ],
        Lang::Spa => &[
            "el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "para", "un", "una",
            "se", "con", "es", "al", "su", "no", "como",
        ],
        Lang::Por => &[
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "que", "para", "um",
            "uma", "com", "não", "por", "no", "na",
        ],
        Lang::Ita => &[
            "il", "la", "di", "che", "e", "per", "un", "una", "del", "della", "non", "con", "sono",
            "nel", "nella", "le", "gli", "da",
        ],
        Lang::Deu => &[
            "der", "die", "das", "und", "ist", "nicht", "den", "dem", "von", "mit", "zu", "sich",
            "auf", "für", "ein", "eine", "im", "des", "auch", "wird",
        ],
        Lang::Nld => &[
            "de", "het", "een", "en", "van", "in", "is", "op", "dat", "die", "niet", "met", "voor",
            "zijn", "te", "aan",
        ],
        Lang::Cat => &[
            "el", "la", "els", "les", "de", "del", "i", "que", "per", "amb", "una", "un", "es",
            "en", "no", "al",
        ],
        // No news is written in these: a verdict for them is noise.
        Lang::Lat | Lang::Epo => &[],
        _ => return None,
    })
}

/// The primary language of a language tag as inputs write it (`en-US`,
/// `fr_FR`, `EN`, `eng`): lower case, before any region; `None` for an empty
/// or nonsensical tag.
pub fn normalize_tag(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';', ' '])
        .next()?
        .to_ascii_lowercase();
    if primary.is_empty() || primary.len() > 3 || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if primary.len() == 3
        && let Some(two) = Lang::from_code(&primary).and_then(iso639_1)
    {
        return Some(two.to_string());
    }
    Some(primary)
}

/// The two-letter code of the languages `whatlang` knows that have one.
fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Eng => "en",
        Fra => "fr",
        Spa => "es",
        Deu => "de",
        Rus => "ru",
        Ara => "ar",
        Cmn => "zh",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Pol => "pl",
        Ukr => "uk",
        Tur => "tr",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Pes => "fa",
        Heb => "he",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Ell => "el",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Urd => "ur",
        Ben => "bn",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// News paragraphs written for these tests, one per language.
    const PARAGRAPHS: [(&str, &str); 7] = [
        (
            "en",
            "The foreign ministers of both countries met in Geneva on Monday and agreed to resume talks on the disputed border, officials said after the meeting.",
        ),
        (
            "fr",
            "Les ministres des affaires étrangères des deux pays se sont rencontrés lundi à Genève et ont accepté de reprendre les négociations sur la frontière contestée, selon des responsables.",
        ),
        (
            "es",
            "Los ministros de exteriores de ambos países se reunieron el lunes en Ginebra y acordaron reanudar las conversaciones sobre la frontera en disputa, según fuentes oficiales.",
        ),
        (
            "de",
            "Die Außenminister beider Länder trafen sich am Montag in Genf und einigten sich darauf, die Gespräche über die umstrittene Grenze wieder aufzunehmen, teilten Beamte mit.",
        ),
        (
            "ru",
            "Министры иностранных дел двух стран встретились в понедельник в Женеве и договорились возобновить переговоры о спорной границе, сообщили официальные лица.",
        ),
        (
            "ar",
            "التقى وزيرا خارجية البلدين في جنيف يوم الاثنين واتفقا على استئناف المحادثات بشأن الحدود المتنازع عليها، بحسب ما قال مسؤولون بعد الاجتماع.",
        ),
        (
            "zh",
            "两国外交部长周一在日内瓦会面，同意恢复有关争议边界的谈判。官员在会后表示，双方将在下个月举行新一轮会谈。",
        ),
    ];

    #[test]
    fn news_paragraphs_in_seven_languages() {
        for (code, text) in PARAGRAPHS {
            assert_eq!(detect(text).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn short_or_mixed_text_is_unknown_and_tags_are_normalized() {
        assert_eq!(detect(""), None);
        // An earnings table in English abbreviations, which trigrams call French.
        let table = "BOISE, Idaho, March 2 - Shr 92 cts vs 83 cts\n    Net 30.8 mln vs 27.5 mln\n    Sales 1.40 billion vs 1.32 billion\n    Year\n    Shr 3.00 dlrs vs 2.57 dlrs\n Reuter";
        assert_eq!(detect(table), None);
        assert_eq!(detect("12:30 GMT"), None);
        assert_eq!(normalize_tag("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_tag(" FR_fr ").as_deref(), Some("fr"));
        assert_eq!(normalize_tag("deu").as_deref(), Some("de"));
        assert_eq!(normalize_tag("de, en;q=0.5").as_deref(), Some("de"));
        assert_eq!(normalize_tag(""), None);
        assert_eq!(normalize_tag("english"), None);
        assert_eq!(normalize_tag("{{lang}}"), None);
    }

    #[test]
    fn only_plain_english_skips_the_trigrams() {
        for (code, text) in PARAGRAPHS {
            assert!(code == "en" || !plainly_english(text), "{text}");
        }
        // A paragraph of English is told at once; a line or a table goes to `whatlang`.
        let story = PARAGRAPHS[0].1;
        assert!(plainly_english(story) && !plainly_english("Ministers met in Geneva."));
        assert_eq!(detect(story).as_deref(), Some("en"));
        // A French story quoting an English title is still French.
        let mixed = "Le ministre a présenté « The State of the Union » devant les députés \
                     et les sénateurs, qui ont salué un discours de la fin du mandat.";
        assert!(!plainly_english(mixed));
    }

    #[test]
    fn a_huge_text_is_sampled_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let _ = detect(&text);
        let text = format!("x{}", PARAGRAPHS[1].1.repeat(100));
        assert_eq!(detect(&text).as_deref(), Some("fr"));
    }
}
