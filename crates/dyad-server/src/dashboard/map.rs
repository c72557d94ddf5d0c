//! The world map: country outlines from the `world-data` crate (Natural Earth
//! shapes shipped inside the crate, nothing fetched), projected equirectangularly and
//! drawn as SVG paths; countries shaded by event count, circles at located events.
//!
//! The outlines are projected and thinned once, on first use (points closer than
//! [`MIN_STEP`] pixels to the previous kept point are dropped, rings smaller than a
//! pixel left out), and kept as path strings.

use maud::{Markup, html};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Drawing width; the height follows from the latitudes drawn.
pub const W: f64 = 960.0;
/// Northernmost latitude drawn.
const NORTH: f64 = 84.0;
/// Southernmost latitude drawn (Antarctica is left out).
const SOUTH: f64 = -58.0;
/// Drawing height.
pub const H: f64 = W * (NORTH - SOUTH) / 360.0;
/// Smallest step kept along an outline, in pixels.
const MIN_STEP: f64 = 0.7;

/// One country's outline.
#[derive(Debug, Clone)]
pub struct Outline {
    /// dyad's three-letter country code, as the store has it (ISO alpha-3 but for
    /// CAMEO's JAP and KSV).
    pub code: String,
    /// ISO 3166-1 alpha-3 (what the store's place columns hold: `JPN`, not `JAP`).
    pub iso3: String,
    /// Common name.
    pub name: String,
    /// SVG path data.
    pub path: String,
}

/// A located place with its events.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// What to call it.
    pub label: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Events there.
    pub events: u64,
    /// Where a click goes.
    pub href: String,
}

/// Longitude and latitude to drawing coordinates (equirectangular).
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    (
        (lon.clamp(-180.0, 180.0) + 180.0) / 360.0 * W,
        (NORTH - lat.clamp(SOUTH, NORTH)) / (NORTH - SOUTH) * H,
    )
}

/// A ring as path data, thinned; none when it is under a pixel across.
fn ring_path(points: impl Iterator<Item = (f64, f64)>) -> Option<String> {
    let mut kept: Vec<(f64, f64)> = Vec::new();
    for (lon, lat) in points {
        let p = project(lon, lat);
        match kept.last() {
            Some(q) if (p.0 - q.0).hypot(p.1 - q.1) < MIN_STEP => {}
            _ => kept.push(p),
        }
    }
    let (x0, x1) = kept
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = kept
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if kept.len() < 3 || (x1 - x0).max(y1 - y0) < 1.0 {
        return None;
    }
    let mut d = String::with_capacity(kept.len() * 12);
    for (i, (x, y)) in kept.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&format!("{x:.1},{y:.1}"));
    }
    d.push('Z');
    Some(d)
}

/// dyad's three-letter country codes (ISO alpha-3 but for CAMEO's JAP and KSV) by
/// ISO alpha-2, from dyad's gazetteer.
fn dyad_codes() -> BTreeMap<&'static str, &'static str> {
    let g = dyad_core::places::gazetteer();
    (0..g.len().0)
        .filter_map(|i| u16::try_from(i).ok())
        .map(|i| {
            let (iso2, code, _) = g.country(i);
            (iso2, code)
        })
        .collect()
}

/// Every country's outline, built on first use.
pub fn outlines() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| {
        let codes = dyad_codes();
        let world = world_data::load();
        let mut out: Vec<Outline> = world
            .countries
            .values()
            .map(|c| {
                let rings = c
                    .polygons
                    .iter()
                    .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors().iter()));
                let path: Vec<String> = rings
                    .filter_map(|r| ring_path(r.0.iter().map(|c| (c.x as f64, c.y as f64))))
                    .collect();
                Outline {
                    code: codes
                        .get(c.iso_a2.as_str())
                        .map_or_else(|| c.iso_a3.clone(), |c| c.to_string()),
                    iso3: c.iso_a3.clone(),
                    name: c.common_name.clone(),
                    path: path.concat(),
                }
            })
            .filter(|o| !o.path.is_empty())
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    })
}

/// A country's shade for `n` events out of the busiest `max`: pale to dark blue on a
/// log scale.
pub fn shade(n: u64, max: u64) -> String {
    let t = ((n as f64).ln_1p() / (max.max(1) as f64).ln_1p()).clamp(0.0, 1.0);
    let (a, b) = ([214.0, 228.0, 244.0], [8.0, 69.0, 148.0]);
    let c: Vec<u8> = (0..3)
        .map(|i| (a[i] + (b[i] - a[i]) * t).round() as u8)
        .collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Which codes a map's counts are keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    /// dyad's actor country codes (`JAP`), as `target_country` holds them.
    Dyad,
    /// ISO 3166-1 alpha-3 (`JPN`), as a place's country is stored.
    Iso3,
}

/// The map: `counts` by country code (of kind `codes`) shade the countries (each
/// linking through `country_href`, which gets the same code), `places` are drawn as
/// circles.
pub fn draw(
    counts: &BTreeMap<String, u64>,
    codes: Codes,
    what: &str,
    country_href: impl Fn(&str) -> String,
    places: &[Place],
) -> Markup {
    let max = counts.values().copied().max().unwrap_or(0);
    let max_place = places.iter().map(|p| p.events).max().unwrap_or(1).max(1) as f64;
    html! {
        svg.chart.map viewBox={"0 0 " (W) " " (format!("{H:.0}"))} role="img" aria-label="Events on a world map" {
            rect.sea width=(W) height=(format!("{H:.0}")) {}
            @for o in outlines() {
                @let code = match codes { Codes::Dyad => &o.code, Codes::Iso3 => &o.iso3 };
                @match counts.get(code).copied().filter(|n| *n > 0) {
                    Some(n) => a.country href=(country_href(code)) {
                        title { (o.name) " (" (code) "): " (n) " " (what) }
                        path d=(o.path) fill=(shade(n, max)) {}
                    },
                    None => path.land d=(o.path) { title { (o.name) } },
                }
            }
            @for p in places {
                @let (x, y) = project(p.lon, p.lat);
                a.place href=(p.href) {
                    title { (p.label) ": " (p.events) " events" }
                    circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(format!("{:.1}", 2.5 + 9.0 * (p.events as f64 / max_place).sqrt())) {}
                }
            }
        }
        p.legend {
            "Country shade: " (what) " (log scale) "
            @for n in legend_steps(max) {
                span.swatch { svg width="14" height="10" { rect width="14" height="10" fill=(shade(n, max)) {} } }
                " " (n) " "
            }
            @if !places.is_empty() { "· circles: located events, area by count" }
        }
    }
}

fn legend_steps(max: u64) -> Vec<u64> {
    let mut v: Vec<u64> = [1, max / 100, max / 10, max]
        .into_iter()
        .filter(|n| *n > 0)
        .collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_puts_the_corners_and_paris_where_they_belong() {
        assert_eq!(project(-180.0, NORTH), (0.0, 0.0));
        assert_eq!(project(180.0, SOUTH), (W, H));
        let (x, y) = project(2.35, 48.86);
        assert!((x - 486.3).abs() < 0.1 && (y - 94.0).abs() < 0.5, "{x},{y}");
    }

    #[test]
    fn outlines_come_from_the_crate_thinned_and_keyed_by_dyad_codes() {
        let o = outlines();
        assert!(o.len() > 150, "{} countries", o.len());
        let fra = o.iter().find(|c| c.code == "FRA").expect("France");
        assert!(
            o.iter().any(|c| c.code == "JAP"),
            "Japan under CAMEO's code"
        );
        assert!(fra.path.starts_with('M') && fra.path.ends_with('Z'));
        // Paris lies inside metropolitan France's box.
        let (px, py) = project(2.35, 48.86);
        let xs: Vec<f64> = fra
            .path
            .split(['M', 'L', 'Z'])
            .filter_map(|p| p.split_once(','))
            .filter_map(|(x, y)| Some((x.parse::<f64>().ok()?, y.parse::<f64>().ok()?)))
            .filter(|(x, _)| (*x - px).abs() < 30.0)
            .map(|(_, y)| y)
            .collect();
        assert!(xs.iter().any(|y| *y < py) && xs.iter().any(|y| *y > py));
        let total: usize = o.iter().map(|c| c.path.len()).sum();
        assert!(total < 1_500_000, "thinned to {total} bytes of paths");
    }

    #[test]
    fn countries_with_events_are_shaded_and_link_the_others_do_not() {
        let counts = BTreeMap::from([("FRA".to_string(), 10), ("DEU".to_string(), 1)]);
        let places = [Place {
            label: "Paris <b>".into(),
            lat: 48.86,
            lon: 2.35,
            events: 4,
            href: "/events?x=1&y=2".into(),
        }];
        let svg = draw(
            &counts,
            Codes::Dyad,
            "events",
            |c| format!("/events?target={c}*"),
            &places,
        )
        .into_string();
        assert_eq!(svg.matches("class=\"country\"").count(), 2);
        assert!(svg.contains("href=\"/events?target=FRA*\""));
        assert!(svg.contains(&format!("fill=\"{}\"", shade(10, 10))));
        assert!(svg.contains("Paris &lt;b&gt;: 4 events"));
        assert!(svg.contains("href=\"/events?x=1&amp;y=2\""));
        assert_eq!(shade(10, 10), "#084594");
        // Keyed by ISO codes (a place's country), Japan is JPN, not dyad's JAP.
        let jp = BTreeMap::from([("JPN".to_string(), 3)]);
        let iso = draw(&jp, Codes::Iso3, "events", |c| format!("/x?c={c}"), &[]).into_string();
        assert!(iso.contains("href=\"/x?c=JPN\""));
        let dyad = draw(&jp, Codes::Dyad, "events", |c| format!("/x?c={c}"), &[]).into_string();
        assert!(
            !dyad.contains("class=\"country\""),
            "JPN is not a dyad code"
        );
        assert_ne!(shade(1, 10), shade(10, 10));
    }
}
