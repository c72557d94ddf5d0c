//! Charts drawn here as SVG: events per period stacked by QuadClass (each bar links
//! to that period's events) and the mean Goldstein value per period.

use crate::api::Point;
use maud::{Markup, html};
use std::collections::BTreeMap;

const W: f64 = 900.0;
const H: f64 = 200.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 8.0;

/// QuadClass names, 1..4.
pub const QUAD_NAMES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// Per period: events per QuadClass, Goldstein sum.
pub fn by_period(points: &[Point]) -> BTreeMap<&str, ([u64; 4], f64)> {
    let mut out: BTreeMap<&str, ([u64; 4], f64)> = BTreeMap::new();
    for p in points {
        let e = out.entry(p.period.as_str()).or_default();
        if let Ok(q @ 1..=4) = p.key.parse::<usize>() {
            e.0[q - 1] += p.events;
        }
        e.1 += p.goldstein_sum;
    }
    out
}

/// Stacked bars; `link` gives each period's href.
pub fn stacked_bars(points: &[Point], link: impl Fn(&str) -> String) -> Markup {
    let periods = by_period(points);
    if periods.is_empty() {
        return html! { p.empty { "No dated events match." } };
    }
    let max = periods
        .values()
        .map(|(q, _)| q.iter().sum::<u64>())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let plot_h = H - BOTTOM - TOP;
    let step = (W - LEFT) / periods.len() as f64;
    let bar = (step * 0.8).max(1.0);
    let first = periods.keys().next().copied().unwrap_or("");
    let last = periods.keys().last().copied().unwrap_or("");
    html! {
        svg.chart viewBox={"0 0 " (W) " " (H)} role="img" aria-label="Events per period by QuadClass" {
            text x="2" y={(TOP + 10.0)} { (max) }
            text x="2" y={(H - BOTTOM)} { "0" }
            line x1=(LEFT) y1=(H - BOTTOM) x2=(W) y2=(H - BOTTOM) stroke="#888" {}
            @for (i, (period, (quads, _))) in periods.iter().enumerate() {
                a href=(link(period)) {
                    title { (period) ": " (quads.iter().sum::<u64>()) " events" }
                    @let x = LEFT + i as f64 * step;
                    @let mut y = H - BOTTOM;
                    @for (q, n) in quads.iter().enumerate() {
                        @if *n > 0 {
                            @let h = *n as f64 / max * plot_h;
                            @let top = { y -= h; y };
                            rect class={"q" (q + 1)} x=(fmt(x)) y=(fmt(top)) width=(fmt(bar)) height=(fmt(h)) {}
                        }
                    }
                }
            }
            text x=(LEFT) y=(H - 4.0) { (first) }
            text x=(W) y=(H - 4.0) text-anchor="end" { (last) }
        }
        p.legend {
            @for (q, name) in QUAD_NAMES.iter().enumerate() {
                span class={"key q" (q + 1)} { "■" } " " (q + 1) " " (name) " "
            }
        }
    }
}

/// The mean Goldstein value per period as a line from -10 to +10.
pub fn goldstein_line(points: &[Point]) -> Markup {
    let periods = by_period(points);
    if periods.len() < 2 {
        return html! {};
    }
    let h = 120.0;
    let step = (W - LEFT) / (periods.len() - 1) as f64;
    let y = |g: f64| TOP + (10.0 - g.clamp(-10.0, 10.0)) / 20.0 * (h - 2.0 * TOP);
    let path: Vec<String> = periods
        .values()
        .enumerate()
        .map(|(i, (q, sum))| {
            let n = q.iter().sum::<u64>().max(1) as f64;
            format!("{},{}", fmt(LEFT + i as f64 * step), fmt(y(sum / n)))
        })
        .collect();
    html! {
        svg.chart.goldstein viewBox={"0 0 " (W) " " (h)} role="img" aria-label="Mean Goldstein value per period" {
            text x="2" y=(fmt(y(10.0) + 4.0)) { "+10" }
            text x="2" y=(fmt(y(0.0) + 4.0)) { "0" }
            text x="2" y=(fmt(y(-10.0))) { "-10" }
            line x1=(LEFT) y1=(fmt(y(0.0))) x2=(W) y2=(fmt(y(0.0))) stroke="#888" {}
            polyline points=(path.join(" ")) fill="none" stroke="#335" stroke-width="2" {}
        }
    }
}

fn fmt(x: f64) -> String {
    format!("{x:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(period: &str, key: &str, events: u64, sum: f64) -> Point {
        Point {
            period: period.into(),
            key: key.into(),
            events,
            mentions: events,
            goldstein_sum: sum,
            goldstein_mean: sum / events as f64,
        }
    }

    #[test]
    fn bars_stack_quads_per_period_and_link_each_period() {
        let pts = [
            point("2024-05-01", "1", 3, 6.0),
            point("2024-05-01", "4", 1, -10.0),
            point("2024-05-02", "3", 4, -8.0),
        ];
        let per = by_period(&pts);
        assert_eq!(per["2024-05-01"].0, [3, 0, 0, 1]);
        assert_eq!(per["2024-05-02"].0, [0, 0, 4, 0]);
        let svg = stacked_bars(&pts, |p| format!("/events?from={p}&to={p}")).into_string();
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("href=\"/events?from=2024-05-02&amp;to=2024-05-02\""));
        // The tallest bar (4 events) spans the whole plot height.
        assert!(svg.contains(&format!("height=\"{:.1}\"", H - BOTTOM - TOP)));
    }
}
