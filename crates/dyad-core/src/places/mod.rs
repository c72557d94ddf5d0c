//! Places: where things happen. Place mentions are found in each sentence and in the
//! dateline, and resolved to gazetteer features (towns, first-level divisions,
//! countries).
//!
//! [`find_places`] runs three steps over an analysed document:
//! 1. [`recognize`]: candidate mentions: the actor stage's place and capital mentions
//!    (dictionary names, `dictionaries/places/`), gazetteer names after a locative
//!    word (`in Bakhmut`, `near Izium`, `southwest of Baghdad`), divisions named as
//!    such (`the Donetsk region`), countries after a locative (`in southern Guyana`),
//!    and the dateline (`MOSCOW, March 21 (Reuters) -`);
//! 2. [`resolve`]: each name's gazetteer candidates ranked by a qualifier (`Paris,
//!    Texas`), the dictionary's country, the story's countries and the towns' size;
//! 3. the result: one [`PlaceMention`] per name, resolved or not, with how.
//!
//! The gazetteer ([`gazetteer`]) is compiled at build time from GeoNames data.

pub mod gazetteer;
pub mod key;
pub mod recognize;
pub mod resolve;

use crate::actors::Mention;
use crate::segment::Segmented;
pub use gazetteer::{Feature, FeatureInfo, FeatureKind, Gazetteer};
use serde::Serialize;

/// How a place mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A place name of the dictionaries (`dictionaries/places/`), matched by the
    /// actor stage.
    Dictionary,
    /// A capital or seat of power named as a country (`Moscow`, `the Kremlin`).
    Capital,
    /// A gazetteer name after a locative word (`in Bakhmut`, `near Izium`).
    Locative,
    /// A first-level division named as such (`the Donetsk region`).
    Division,
    /// A country after a locative word (`in Ukraine`, `in southern Guyana`).
    Country,
    /// The story's dateline.
    Dateline,
}

/// One place mention and its resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Index of the sentence (`u32::MAX` for the dateline).
    pub sentence: u32,
    /// First token (for the dateline: 0).
    pub first_token: u32,
    /// One past the last token.
    pub end_token: u32,
    /// First token of the noun phrase that ends with the name (`the city of
    /// Rafah`: `the`); the name's first token when no such words precede it;
    /// `u32::MAX` when the name modifies a following word (`the London Assembly`).
    /// An event whose trigger ends there names the place as its object (`shelled
    /// Kharkiv`).
    pub phrase_start: u32,
    /// Byte offset of the name.
    pub start: u32,
    /// Byte offset one past its end.
    pub end: u32,
    /// How it was found.
    pub cue: Cue,
    /// A locative word comes before it (`in`, `near`, `at`, `to`).
    pub locative: bool,
    /// The actor mention it comes from, if any.
    pub mention: Option<usize>,
    /// The feature it names; `None` when it stays unresolved.
    pub feature: Option<Feature>,
    /// Gazetteer candidates that were weighed.
    pub candidates: u32,
    /// Why this feature (or why none).
    pub why: &'static str,
}

impl PlaceMention {
    /// The mention's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// The key under which a name is looked up in the gazetteer ([`key`]), with
/// non-ASCII letters transliterated (`Kyïv` -> `kyiv`).
pub fn place_key(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        key::push_ascii_key(name, out);
    } else {
        key::push_ascii_key(&deunicode::deunicode(name), out);
    }
}

/// The key of a name with umlauts and Nordic letters written out the way GeoNames'
/// ASCII names write them (`München` -> `muenchen`, `Malmö` -> `malmoe`); `None`
/// for a name without such letters.
pub fn umlaut_key(name: &str, out: &mut String) -> Option<()> {
    if name.is_ascii() || !name.chars().any(|c| "äöüÄÖÜøØæÆß".contains(c)) {
        return None;
    }
    let mut spelled = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'ä' | 'Ä' | 'æ' | 'Æ' => spelled.push_str("ae"),
            'ö' | 'Ö' | 'ø' | 'Ø' => spelled.push_str("oe"),
            'ü' | 'Ü' => spelled.push_str("ue"),
            'ß' => spelled.push_str("ss"),
            c => spelled.push(c),
        }
    }
    place_key(&spelled, out);
    Some(())
}

/// The lookup key of `name` in `g`: its plain key, or its umlaut spelling when only
/// that one is in the gazetteer.
pub fn lookup_key(g: &Gazetteer, name: &str, out: &mut String) {
    place_key(name, out);
    if !g.contains(out) {
        let mut alt = String::new();
        if umlaut_key(name, &mut alt).is_some() && g.contains(&alt) {
            *out = alt;
        }
    }
}

/// The built-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::builtin)
}

/// What [`find_places`] reads of an analysed document.
pub struct PlaceInput<'a> {
    /// The document text.
    pub text: &'a str,
    /// Sentences and tokens.
    pub seg: &'a Segmented,
    /// Actor mentions.
    pub mentions: &'a [Mention],
    /// The dateline's place as written, with its byte span, if any.
    pub dateline: Option<(&'a str, usize, usize)>,
    /// The dateline's country as the dictionaries give it (`MOSCOW` -> RUS).
    pub dateline_country: Option<&'a str>,
}

/// Finds and resolves the place mentions of a document into `out` (dateline first,
/// then in document order).
pub fn find_places(g: &Gazetteer, input: &PlaceInput<'_>, out: &mut Vec<PlaceMention>) {
    out.clear();
    let mut found = Vec::new();
    recognize::candidates(g, input, &mut found);
    let story = resolve::StoryCountries::new(g, input.text, input.mentions, input.dateline_country);
    let (mut key, mut qualifier) = (String::new(), String::new());
    let mut keys = Vec::with_capacity(found.len());
    for c in &found {
        let name = &input.text[c.name.0..c.name.1];
        lookup_key(
            g,
            name.trim_start_matches("the ").trim_start_matches("The "),
            &mut key,
        );
        keys.push(key.clone());
    }
    let names = resolve::StoryNames::new(keys.iter().map(|k| resolve::key_hash(k)));
    for (c, key) in found.into_iter().zip(keys) {
        let q = c.qualifier.map(|(s, e)| {
            place_key(&input.text[s..e], &mut qualifier);
            qualifier.as_str()
        });
        let choice = resolve::resolve(g, &key, q, &c, &story, &names);
        out.push(PlaceMention {
            sentence: c.sentence,
            first_token: c.tokens.0,
            end_token: c.tokens.1,
            phrase_start: recognize::phrase_start(input, &c),
            start: c.name.0 as u32,
            end: c.name.1 as u32,
            cue: c.cue,
            locative: c.locative,
            mention: c.mention,
            feature: choice.feature,
            candidates: choice.candidates,
            why: choice.why,
        });
    }
}

/// The feature a dictionary place name (`dictionaries/places/`) stands for in the
/// country coded `country`: a town or division of that key in that country (the
/// larger town first), else `None` (the linter flags it).
pub fn resolve_dictionary_name(g: &Gazetteer, name: &str, country: &str) -> Option<Feature> {
    let c = g.country_by_code(country)?;
    let mut key = String::new();
    lookup_key(
        g,
        name.trim_start_matches("the ").trim_start_matches("The "),
        &mut key,
    );
    g.find(&key)
        .filter(|&f| f.kind != FeatureKind::Country && g.info(f).country == c)
        .max_by_key(|&f| {
            let info = g.info(f);
            (f.kind == FeatureKind::Town, info.population, info.weight)
        })
}

/// Whether the built-in gazetteer carries GeoNames ids and populations (the build
/// could fetch them: `build/geonames.rs`); where it does not, feature ids are
/// gazetteer keys and towns are weighed by the number of places around them.
pub fn gazetteer_has_geonames() -> bool {
    gazetteer().has_geonames()
}
