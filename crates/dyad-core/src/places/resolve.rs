//! Resolution: which gazetteer feature a place name means.
//!
//! In order: a qualifier after a comma (`Paris, Texas`); the dictionaries' country
//! when the rest of the story names it; else the story's main country when it has a
//! feature of the name (`Paris` in a story about the USA, `Tripoli` in one about
//! Lebanon); else the dictionaries' country (`Paris`: France). Where the gazetteer
//! has populations, the story's main country takes the name only when its place is
//! not dwarfed by the dictionaries' (a tenth of its population or more: `Tripoli`,
//! Lebanon, in a story about Lebanon), or when the story names the division it lies
//! in (`Paris` in a story that names Texas; a story that only names the USA keeps
//! Paris, France). A name the dictionaries do not know resolves only inside a
//! country the story names, or, for a dateline, to the largest town of the name.
//! Among towns of one country one in a division that the story names wins, then the
//! larger (its population, else [`super::FeatureInfo::weight`]).

use super::recognize::Candidate;
use super::{Cue, Feature, FeatureKind, Gazetteer, place_key};
use crate::actors::{Mention, MentionKind, Resolution};
use rustc_hash::FxHashMap;

/// The countries that a story's mentions name, counted once per document so that
/// each name's resolution reads its counts without going over the mentions again.
#[derive(Debug, Default)]
pub struct StoryCountries {
    /// (country, mentions that name it), in the order of their first mention.
    totals: Vec<(u16, u32)>,
    /// (country, hash of the lookup key of the mention's text, mentions) for the
    /// mentions that are names (countries and places).
    names: Vec<(u16, u64, u32)>,
    dateline: Option<u16>,
    /// Indexes built once by `new`, so that each place's lookups cost the same
    /// however long the story: a country's entry in `totals`; a name's entries in
    /// `names` by key hash; `totals`' entries, most-named first (the first named
    /// among equals), counting the dateline.
    total_at: FxHashMap<u16, usize>,
    names_at: FxHashMap<u64, Vec<usize>>,
    ranked: Vec<(usize, u16)>,
}

/// The hash of a lookup key, to leave out every mention of the name being resolved.
pub fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

impl StoryCountries {
    /// Counts the countries of `mentions` (and the dateline's).
    pub fn new(g: &Gazetteer, text: &str, mentions: &[Mention], dateline: Option<&str>) -> Self {
        let mut codes: Vec<(&str, Option<u16>)> = Vec::new();
        let mut story = StoryCountries {
            dateline: dateline.and_then(|d| g.country_by_code(d)),
            ..StoryCountries::default()
        };
        let mut key = String::new();
        for m in mentions {
            if matches!(m.kind, MentionKind::Pronoun) || m.unknown_country() || from_place(m) {
                continue;
            }
            let code = m.country();
            let c = match codes.iter().find(|(k, _)| *k == code) {
                Some((_, c)) => *c,
                None => {
                    let c = g.country_by_code(code);
                    codes.push((code, c));
                    c
                }
            };
            let Some(c) = c else { continue };
            let at = *story.total_at.entry(c).or_insert_with(|| {
                story.totals.push((c, 0));
                story.totals.len() - 1
            });
            story.totals[at].1 += 1;
            if matches!(m.kind, MentionKind::Country | MentionKind::Place) {
                place_key(&text[m.start as usize..m.end as usize], &mut key);
                let h = key_hash(&key);
                let same = story.names_at.entry(h).or_default();
                match same.iter().find(|&&i| story.names[i].0 == c) {
                    Some(&i) => story.names[i].2 += 1,
                    None => {
                        same.push(story.names.len());
                        story.names.push((c, h, 1));
                    }
                }
            }
        }
        story.ranked = (story.totals.iter())
            .map(|&(c, n)| (n as usize + usize::from(story.dateline == Some(c)), c))
            .collect();
        // A stable sort keeps the first named first among equals.
        story.ranked.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
        story
    }

    /// How many mentions of the name whose key hash is `own` name `country`.
    fn own(&self, country: u16, own: u64) -> u32 {
        self.names_at.get(&own).map_or(0, |same| {
            (same.iter().map(|&i| self.names[i]))
                .find(|&(c, _, _)| c == country)
                .map_or(0, |(_, _, n)| n)
        })
    }

    /// How often the story names `country`, leaving out the mentions of the name
    /// whose key hash is `own`, plus one for the dateline.
    fn count(&self, country: u16, own: u64) -> usize {
        let total = self.total_at.get(&country).map_or(0, |&i| self.totals[i].1);
        (total - self.own(country, own)) as usize + usize::from(self.dateline == Some(country))
    }

    /// The most-named country, leaving out the name whose key hash is `own` (the
    /// first named among equals).
    fn main(&self, own: u64) -> Option<u16> {
        // Down the ranking, a country that `own` does not name keeps its count, and
        // no later one can beat it: only the countries named by `own` before it
        // (a name or two) are counted again.
        let order = |c: u16| self.total_at.get(&c).copied().unwrap_or(usize::MAX);
        let mut best: Option<(usize, u16)> = None;
        for &(n, c) in &self.ranked {
            let left = n - self.own(c, own) as usize;
            let better = best.is_none_or(|(b, bc)| left > b || (left == b && order(c) < order(bc)));
            if left > 0 && better {
                best = Some((left, c));
            }
            if left == n {
                break;
            }
        }
        best.map(|(_, c)| c)
    }
}

/// The place names of a story (the lookup keys of its place candidates), to tell
/// whether it names the division that a town lies in (`Paris` in a story that names
/// Texas).
#[derive(Debug, Default)]
pub struct StoryNames {
    /// Hashes ([`key_hash`]) of the keys, sorted.
    keys: Vec<u64>,
}

impl StoryNames {
    /// The names whose lookup keys are `keys` (any order, repeats allowed).
    pub fn new(keys: impl IntoIterator<Item = u64>) -> Self {
        let mut keys: Vec<u64> = keys.into_iter().collect();
        keys.sort_unstable();
        keys.dedup();
        StoryNames { keys }
    }

    /// Whether `f` is a town in a division that the story names, other than by the
    /// name being resolved (`own`: Moscow, Russia, is in the division of Moscow).
    fn names_division_of(&self, g: &Gazetteer, f: Feature, own: u64) -> bool {
        if f.kind != FeatureKind::Town || self.keys.is_empty() {
            return false;
        }
        let Some(a) = g.info(f).adm1 else {
            return false;
        };
        let mut k = String::new();
        place_key(g.adm1_name(a), &mut k);
        let named = |k: &str| {
            let h = key_hash(k);
            h != own && self.keys.binary_search(&h).is_ok()
        };
        named(&k) || super::key::division_core(&k).is_some_and(named)
    }
}

/// Whether a mention's country came from a place name (`gunmen in Tripoli`, `police`
/// in a sentence that names a place): counting it would count the name being resolved.
fn from_place(m: &Mention) -> bool {
    match &m.resolution {
        Resolution::Composed { rule, .. } => rule.contains("of/in") || rule.contains("location"),
        _ => false,
    }
}

/// The resolution of one name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Choice {
    /// The feature, if any.
    pub feature: Option<Feature>,
    /// The number of gazetteer candidates weighed.
    pub candidates: u32,
    /// Why.
    pub why: &'static str,
}

/// What ranks a name's candidates: the story's names and the key of the name.
#[derive(Clone, Copy)]
struct Ranking<'a> {
    names: &'a StoryNames,
    own: u64,
}

/// The best of `features` (towns before divisions unless `want` says otherwise; a
/// town in a division that the story names first; then the larger: population, else
/// the weight).
fn best(
    g: &Gazetteer,
    features: &[Feature],
    want: Option<FeatureKind>,
    r: Ranking<'_>,
) -> Option<Feature> {
    features.iter().copied().max_by_key(|&f| {
        let kind_rank = match (want, f.kind) {
            (Some(w), k) if w == k => 3,
            (_, FeatureKind::Town) => 2,
            (_, FeatureKind::Adm1) => 1,
            (_, FeatureKind::Country) => 0,
        };
        let info = g.info(f);
        (
            kind_rank,
            r.names.names_division_of(g, f, r.own),
            info.population,
            info.weight,
            std::cmp::Reverse(f.index),
        )
    })
}

/// Between a town and a division of the same name in one country, the division,
/// unless a town of the name lies in a division of the name (Donetsk in Donetsk
/// oblast): `Wales` is the division, not the village of Wales in England.
fn prefer_division(g: &Gazetteer, key: &str, features: Vec<Feature>) -> Vec<Feature> {
    if !features.iter().any(|f| f.kind == FeatureKind::Adm1) {
        return features;
    }
    let mut k = String::new();
    let seat = features.iter().any(|&f| {
        f.kind == FeatureKind::Town
            && g.info(f).adm1.is_some_and(|a| {
                place_key(g.adm1_name(a), &mut k);
                k == key || super::key::division_core(&k) == Some(key)
            })
    });
    if seat {
        return features;
    }
    features
        .into_iter()
        .filter(|f| f.kind == FeatureKind::Adm1)
        .collect()
}

/// Resolves candidate `c`, whose lookup key is `key`.
pub fn resolve(
    g: &Gazetteer,
    key: &str,
    qualifier: Option<&str>,
    c: &Candidate,
    story: &StoryCountries,
    names: &StoryNames,
) -> Choice {
    let dict_country = c
        .country
        .as_deref()
        .and_then(|code| g.country_by_code(code));
    if c.cue == Cue::Country {
        return country_or_division(g, key, dict_country, story, names);
    }
    let mut lookup = String::new();
    let key = match c.lookup {
        Some(name) => {
            place_key(name, &mut lookup);
            lookup.as_str()
        }
        None => key,
    };
    let mut all: Vec<Feature> = g
        .find(key)
        .filter(|f| f.kind != FeatureKind::Country)
        .collect();
    if c.want == Some(FeatureKind::Adm1) && all.iter().any(|f| f.kind == FeatureKind::Adm1) {
        all.retain(|f| f.kind == FeatureKind::Adm1);
    }
    let candidates = all.len() as u32;
    let in_country = |country: u16| -> Vec<Feature> {
        all.iter()
            .copied()
            .filter(|&f| g.country_of(f) == country)
            .collect()
    };
    let choice = |feature, why| Choice {
        feature,
        candidates,
        why,
    };
    let own = key_hash(key);
    let r = Ranking { names, own };
    if let Some(f) = qualifier.and_then(|q| qualified(g, &all, q, c.want, r)) {
        return choice(Some(f), "the qualifier after the comma");
    }
    if let Some(dc) = dict_country {
        // The best feature of the name in a country: a capital names its city, never
        // a division of the name (`Washington`).
        let pick = |country: u16| {
            let features = if c.cue == Cue::Capital {
                in_country(country)
            } else {
                prefer_division(g, key, in_country(country))
            };
            best(g, &features, c.want, r)
        };
        let main = story.main(own);
        // A capital leaves its country only for a story that names another country
        // more than once (`Lisbon` stays Portugal's in a story that names the US once).
        let least = if c.cue == Cue::Capital { 2 } else { 1 };
        // Each country's best feature is picked once (a name may have dozens).
        let dict_best = pick(dc);
        let chosen = if story.count(dc, own) > 0 {
            (dict_best, "the dictionaries' country, named in the story")
        } else if let Some(m) = main.filter(|&m| story.count(m, own) >= least)
            && let Some(other) = pick(m)
        {
            if dwarfed(g, dict_best, Some(other), names, own) {
                (
                    dict_best,
                    "the dictionaries' country (the story's is far smaller)",
                )
            } else {
                (Some(other), "the story's main country")
            }
        } else {
            (dict_best, "the dictionaries' country")
        };
        return match chosen.0 {
            Some(f) => choice(Some(f), chosen.1),
            None => choice(
                Some(Feature {
                    kind: FeatureKind::Country,
                    index: dc as u32,
                }),
                "the dictionaries' country (the name is not in the gazetteer)",
            ),
        };
    }
    if all.is_empty() {
        return choice(None, "not in the gazetteer");
    }
    // Names the dictionaries do not know: only inside the story's countries.
    let mut ranked: Vec<(usize, Feature)> = all
        .iter()
        .map(|&f| (story.count(g.country_of(f), own), f))
        .filter(|(n, _)| *n > 0)
        .collect();
    if let Some(top) = ranked.iter().map(|(n, _)| *n).max() {
        ranked.retain(|(n, _)| *n == top);
        let fs: Vec<Feature> = ranked.into_iter().map(|(_, f)| f).collect();
        return choice(best(g, &fs, c.want, r), "in a country the story names");
    }
    if c.cue == Cue::Dateline {
        return choice(best(g, &all, c.want, r), "the largest place of the name");
    }
    choice(None, "no place of the name in the story's countries")
}

/// Whether the story's main country's place (`other`) is too small to take a name
/// from the dictionaries' place (`dict`): populations known for both, the other
/// under a tenth of the dictionaries', and the story not naming its division
/// (`Paris`, Texas, 25,000, against Paris, France, 2.1 million, unless Texas is
/// named; `Tripoli`, Lebanon, 230,000, against Tripoli, Libya, 1.3 million, is not
/// dwarfed).
fn dwarfed(
    g: &Gazetteer,
    dict: Option<Feature>,
    other: Option<Feature>,
    names: &StoryNames,
    own: u64,
) -> bool {
    let (Some(d), Some(o)) = (dict, other) else {
        return false;
    };
    let (pd, po) = (g.info(d).population as u64, g.info(o).population as u64);
    pd > 0 && po > 0 && po * 10 < pd && !names.names_division_of(g, o, own)
}

/// A country named after a locative (`in Georgia`): the country, unless the rest of
/// the story never names it and its main country has a division of that name (the
/// US state in a story about the USA).
fn country_or_division(
    g: &Gazetteer,
    key: &str,
    country: Option<u16>,
    story: &StoryCountries,
    names: &StoryNames,
) -> Choice {
    let own = key_hash(key);
    let r = Ranking { names, own };
    let main = story.main(own);
    let divisions: Vec<Feature> = g
        .find(key)
        .filter(|&f| f.kind == FeatureKind::Adm1 && Some(g.info(f).country) == main)
        .collect();
    let named = country.is_some_and(|c| story.count(c, own) > 0);
    if !named && main != country && !divisions.is_empty() {
        return Choice {
            feature: best(g, &divisions, Some(FeatureKind::Adm1), r),
            candidates: divisions.len() as u32 + 1,
            why: "a division of the story's main country",
        };
    }
    Choice {
        feature: country.map(|i| Feature {
            kind: FeatureKind::Country,
            index: i as u32,
        }),
        candidates: divisions.len() as u32 + 1,
        why: "a country named after a locative",
    }
}

/// The candidate that a qualifier (`, Texas`, `, Ontario`, `, France`) names.
fn qualified(
    g: &Gazetteer,
    all: &[Feature],
    qualifier: &str,
    want: Option<FeatureKind>,
    r: Ranking<'_>,
) -> Option<Feature> {
    let mut k = String::new();
    let fits: Vec<Feature> = all
        .iter()
        .copied()
        .filter(|&f| {
            let info = g.info(f);
            let adm1 = match (f.kind, info.adm1) {
                (FeatureKind::Town, Some(a)) => {
                    place_key(g.adm1_name(a), &mut k);
                    k == qualifier
                }
                _ => false,
            };
            let (iso2, code, name) = g.country(info.country);
            place_key(name, &mut k);
            adm1 || k == qualifier
                || qualifier.eq_ignore_ascii_case(code)
                || qualifier.eq_ignore_ascii_case(iso2)
        })
        .collect();
    best(g, &fits, want, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The most populous town of `key` in the country coded `code` whose division is
    /// `adm1` (any division when `None`).
    fn town(g: &Gazetteer, key: &str, code: &str, adm1: Option<&str>) -> Feature {
        let c = g.country_by_code(code).expect("a country");
        g.find(key)
            .filter(|&f| f.kind == FeatureKind::Town && g.info(f).country == c)
            .filter(|&f| adm1.is_none_or(|a| g.info(f).adm1.map(|i| g.adm1_name(i)) == Some(a)))
            .max_by_key(|&f| (g.info(f).population, g.info(f).weight))
            .unwrap_or_else(|| panic!("{key} in {code}"))
    }

    #[test]
    fn a_town_is_in_a_named_division_unless_its_own_name_names_it() {
        let g = super::super::gazetteer();
        let names = StoryNames::new([key_hash("texas"), key_hash("paris")]);
        let texas = town(g, "paris", "USA", Some("Texas"));
        let france = town(g, "paris", "FRA", None);
        assert!(names.names_division_of(g, texas, key_hash("paris")));
        assert!(!names.names_division_of(g, france, key_hash("paris")));
        // Moscow lies in the division of Moscow: its own name does not count.
        let names = StoryNames::new([key_hash("moscow")]);
        let moscow = town(g, "moscow", "RUS", None);
        assert!(!names.names_division_of(g, moscow, key_hash("moscow")));
        assert!(!StoryNames::default().names_division_of(g, texas, 0));
    }

    #[test]
    fn a_place_under_a_tenth_of_the_other_is_dwarfed() {
        let g = super::super::gazetteer();
        let none = StoryNames::default();
        let paris = (
            town(g, "paris", "FRA", None),
            town(g, "paris", "USA", Some("Texas")),
        );
        let tripoli = (
            town(g, "tripoli", "LBY", None),
            town(g, "tripoli", "LBN", None),
        );
        let own = key_hash("paris");
        if g.has_geonames() {
            assert!(dwarfed(g, Some(paris.0), Some(paris.1), &none, own));
            // Unless the story names its division.
            let texas = StoryNames::new([key_hash("texas")]);
            assert!(!dwarfed(g, Some(paris.0), Some(paris.1), &texas, own));
            assert!(!dwarfed(g, Some(tripoli.0), Some(tripoli.1), &none, 0));
        } else {
            // No populations: nothing is dwarfed, the story decides as before.
            assert!(!dwarfed(g, Some(paris.0), Some(paris.1), &none, own));
        }
        assert!(!dwarfed(g, None, Some(paris.1), &none, own));
    }
}
