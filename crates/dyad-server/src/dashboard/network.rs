//! The dyad network: actors as nodes, dyads as directed edges (width by event count,
//! colour by mean Goldstein value), laid out here with a deterministic
//! force-directed layout (Fruchterman–Reingold from a circle) and drawn as SVG.
//! An edge links to its dyad's page, a node to its actor's events.

use crate::api::Count;
use maud::{Markup, html};
use std::collections::BTreeMap;

/// Drawing size.
const W: f64 = 900.0;
const H: f64 = 620.0;
/// Room kept free at the edges for labels.
const MARGIN: f64 = 48.0;
/// Layout iterations: enough for a few dozen nodes to settle, cheap to compute.
const ITERATIONS: usize = 300;
/// Pull to the centre (see `layout`).
const GRAVITY: f64 = 4.0;

/// An actor in the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Actor code.
    pub code: String,
    /// Events it takes part in (as source or target) among the drawn edges.
    pub events: u64,
    /// Position in the drawing.
    pub x: f64,
    /// Position in the drawing.
    pub y: f64,
}

/// A dyad in the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// Distinct events.
    pub events: u64,
    /// Mean Goldstein value.
    pub goldstein_mean: f64,
}

/// Nodes and edges of `dyads` (source in `key`, target in `target`), dyads without
/// a target and self-loops left out, laid out. Node order: busiest first, then by
/// code, so the same dyads always give the same drawing.
pub fn build(dyads: &[Count]) -> (Vec<Node>, Vec<Edge>) {
    let pairs: Vec<(&str, &str, &Count)> = dyads
        .iter()
        .filter_map(|c| Some((c.key.as_deref()?, c.target.as_deref()?, c)))
        .filter(|(s, t, _)| s != t)
        .collect();
    let mut weight: BTreeMap<&str, u64> = BTreeMap::new();
    for (s, t, c) in &pairs {
        *weight.entry(s).or_default() += c.events;
        *weight.entry(t).or_default() += c.events;
    }
    let mut order: Vec<(&str, u64)> = weight.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (*c, i))
        .collect();
    let mut nodes: Vec<Node> = order
        .iter()
        .map(|(code, events)| Node {
            code: code.to_string(),
            events: *events,
            x: 0.0,
            y: 0.0,
        })
        .collect();
    let edges: Vec<Edge> = pairs
        .iter()
        .map(|(s, t, c)| Edge {
            from: index[s],
            to: index[t],
            events: c.events,
            goldstein_mean: c.goldstein_mean,
        })
        .collect();
    layout(&mut nodes, &edges);
    (nodes, edges)
}

/// Fruchterman–Reingold: nodes repel, edges pull (more with more events), the step
/// shrinks each round; then the drawing is scaled to fill the box.
fn layout(nodes: &mut [Node], edges: &[Edge]) {
    let n = nodes.len();
    if n == 0 {
        return;
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        let a = i as f64 / n as f64 * std::f64::consts::TAU;
        node.x = a.cos();
        node.y = a.sin();
    }
    let k = (4.0 / n as f64).sqrt();
    let mut temperature = 0.2;
    let cool = temperature / ITERATIONS as f64;
    let mut shift = vec![(0.0_f64, 0.0_f64); n];
    for _ in 0..ITERATIONS {
        shift.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for e in edges {
            let (dx, dy) = (
                nodes[e.from].x - nodes[e.to].x,
                nodes[e.from].y - nodes[e.to].y,
            );
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d / k * (1.0 + (e.events as f64).ln_1p() / 4.0);
            shift[e.from].0 -= dx * f;
            shift[e.from].1 -= dy * f;
            shift[e.to].0 += dx * f;
            shift[e.to].1 += dy * f;
        }
        for (node, (dx, dy)) in nodes.iter_mut().zip(&shift) {
            // A pull to the centre, as strong as the push of all the others at unit
            // distance, keeps unconnected groups near each other, not at the edges.
            let (dx, dy) = (dx - node.x * GRAVITY, dy - node.y * GRAVITY);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let step = len.min(temperature);
            node.x += dx / len * step;
            node.y += dy / len * step;
        }
        temperature -= cool;
    }
    fit(nodes);
    separate(nodes);
}

/// Pushes apart nodes closer than their circles and labels need, in the drawing's
/// pixels, then keeps them inside the box.
fn separate(nodes: &mut [Node]) {
    let max = nodes.iter().map(|n| n.events).max().unwrap_or(1);
    let r: Vec<f64> = nodes.iter().map(|n| node_radius(n.events, max)).collect();
    for _ in 0..60 {
        let mut moved = false;
        for i in 0..nodes.len() {
            for j in (i + 1)..nodes.len() {
                let need = r[i] + r[j] + 18.0;
                let (dx, dy) = (nodes[j].x - nodes[i].x, nodes[j].y - nodes[i].y);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= need {
                    continue;
                }
                moved = true;
                // Coincident nodes part along a direction fixed by their indices.
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    let a = (i * 7 + j) as f64;
                    (a.cos(), a.sin())
                };
                let push = (need - d) / 2.0;
                nodes[i].x -= ux * push;
                nodes[i].y -= uy * push;
                nodes[j].x += ux * push;
                nodes[j].y += uy * push;
            }
        }
        for n in nodes.iter_mut() {
            n.x = n.x.clamp(MARGIN, W - MARGIN);
            n.y = n.y.clamp(MARGIN, H - MARGIN);
        }
        if !moved {
            break;
        }
    }
}

/// Scales and moves the nodes into the drawing box.
fn fit(nodes: &mut [Node]) {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for n in nodes.iter() {
        x0 = x0.min(n.x);
        x1 = x1.max(n.x);
        y0 = y0.min(n.y);
        y1 = y1.max(n.y);
    }
    let sx = (W - 2.0 * MARGIN) / (x1 - x0).max(1e-9);
    let sy = (H - 2.0 * MARGIN) / (y1 - y0).max(1e-9);
    for n in nodes.iter_mut() {
        n.x = if x1 > x0 {
            MARGIN + (n.x - x0) * sx
        } else {
            W / 2.0
        };
        n.y = if y1 > y0 {
            MARGIN + (n.y - y0) * sy
        } else {
            H / 2.0
        };
    }
}

/// A colour for a Goldstein value: red (-10) through grey (0) to blue (+10).
pub fn goldstein_colour(g: f64) -> String {
    let t = (g / 10.0).clamp(-1.0, 1.0);
    let grey = [150.0, 150.0, 150.0];
    let end = if t < 0.0 {
        [192.0, 40.0, 30.0]
    } else {
        [30.0, 100.0, 190.0]
    };
    let t = t.abs();
    let c: Vec<u8> = (0..3)
        .map(|i| (grey[i] + (end[i] - grey[i]) * t).round() as u8)
        .collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn node_radius(events: u64, max: u64) -> f64 {
    5.0 + 12.0 * (events as f64 / max.max(1) as f64).sqrt()
}

/// The path of an edge (bent to its right, so A→B and B→A do not overlap) and its
/// arrowhead, stopping at the target's circle.
fn edge_shape(a: &Node, b: &Node, ra: f64, rb: f64) -> (String, String) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / len, dy / len);
    let bend = (len * 0.12).min(40.0);
    let (cx, cy) = ((a.x + b.x) / 2.0 - uy * bend, (a.y + b.y) / 2.0 + ux * bend);
    let towards = |px: f64, py: f64, qx: f64, qy: f64, r: f64| {
        let (vx, vy) = (qx - px, qy - py);
        let l = (vx * vx + vy * vy).sqrt().max(1e-6);
        (px + vx / l * r, py + vy / l * r)
    };
    let (sx, sy) = towards(a.x, a.y, cx, cy, ra);
    let (ex, ey) = towards(b.x, b.y, cx, cy, rb + 1.0);
    // The arrowhead points along the curve's end tangent (control point -> end).
    let (tx, ty) = (ex - cx, ey - cy);
    let tl = (tx * tx + ty * ty).sqrt().max(1e-6);
    let (tx, ty) = (tx / tl, ty / tl);
    let (bx, by) = (ex - tx * 9.0, ey - ty * 9.0);
    let head = format!(
        "{},{} {},{} {},{}",
        f(ex),
        f(ey),
        f(bx - ty * 4.5),
        f(by + tx * 4.5),
        f(bx + ty * 4.5),
        f(by - tx * 4.5)
    );
    let path = format!(
        "M{},{} Q{},{} {},{}",
        f(sx),
        f(sy),
        f(cx),
        f(cy),
        f(bx),
        f(by)
    );
    (path, head)
}

fn f(x: f64) -> String {
    format!("{x:.1}")
}

/// The network as SVG; `dyad_href` and `actor_href` give the links.
pub fn draw(
    nodes: &[Node],
    edges: &[Edge],
    dyad_href: impl Fn(&str, &str) -> String,
    actor_href: impl Fn(&str) -> String,
) -> Markup {
    if nodes.is_empty() {
        return html! { p.empty { "No dyads match." } };
    }
    let max_node = nodes.iter().map(|n| n.events).max().unwrap_or(1);
    let max_edge = edges.iter().map(|e| e.events).max().unwrap_or(1).max(1) as f64;
    let radius: Vec<f64> = nodes
        .iter()
        .map(|n| node_radius(n.events, max_node))
        .collect();
    html! {
        svg.chart.network viewBox={"0 0 " (W) " " (H)} role="img" aria-label="Dyad network" {
            @for e in edges {
                @let (a, b) = (&nodes[e.from], &nodes[e.to]);
                @let (path, head) = edge_shape(a, b, radius[e.from], radius[e.to]);
                @let colour = goldstein_colour(e.goldstein_mean);
                @let width = 1.0 + 7.0 * (e.events as f64 / max_edge).sqrt();
                a.edge href=(dyad_href(&a.code, &b.code)) {
                    title { (a.code) " → " (b.code) ": " (e.events) " events, mean Goldstein " (format!("{:+.2}", e.goldstein_mean)) }
                    path d=(path) fill="none" stroke=(colour) stroke-width=(f(width)) stroke-opacity="0.8" {}
                    polygon points=(head) fill=(colour) {}
                }
            }
            @for (i, n) in nodes.iter().enumerate() {
                a.node href=(actor_href(&n.code)) {
                    title { (n.code) ": " (n.events) " events in these dyads" }
                    circle cx=(f(n.x)) cy=(f(n.y)) r=(f(radius[i])) {}
                    text x=(f(n.x)) y=(f(n.y - radius[i] - 3.0)) text-anchor="middle" { (n.code) }
                }
            }
        }
        p.legend {
            "Edge colour: mean Goldstein value "
            @for g in [-10.0, -5.0, 0.0, 5.0, 10.0] {
                span.swatch { svg width="14" height="10" { rect width="14" height="10" fill=(goldstein_colour(g)) {} } }
                " " (format!("{g:+}")) " "
            }
            "· width: events · node size: events of the actor in the drawn dyads."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dyad(s: &str, t: Option<&str>, events: u64, mean: f64) -> Count {
        Count {
            key: Some(s.into()),
            target: t.map(Into::into),
            events,
            mentions: events,
            goldstein_sum: mean * events as f64,
            goldstein_mean: mean,
            quad: [0; 4],
        }
    }

    #[test]
    fn nodes_are_actors_edges_are_dyads_and_the_layout_is_deterministic_and_inside() {
        let dyads = [
            dyad("USAGOV", Some("RUSGOV"), 10, -4.0),
            dyad("RUSGOV", Some("USAGOV"), 3, 2.0),
            dyad("CHN", Some("RUSGOV"), 5, 6.0),
            dyad("FRA", None, 7, 1.0),
            dyad("FRA", Some("FRA"), 2, 1.0),
            dyad("JPN", Some("KOR"), 1, 0.0),
        ];
        let (nodes, edges) = build(&dyads);
        let codes: Vec<&str> = nodes.iter().map(|n| n.code.as_str()).collect();
        // Busiest first: RUSGOV 18, USAGOV 13, CHN 5, then JPN and KOR by code.
        assert_eq!(codes, ["RUSGOV", "USAGOV", "CHN", "JPN", "KOR"]);
        assert_eq!(edges.len(), 4, "no target and self-loop left out");
        assert_eq!((edges[0].from, edges[0].to, edges[0].events), (1, 0, 10));
        let again = build(&dyads);
        assert_eq!(again.0, nodes, "the same dyads give the same drawing");
        for n in &nodes {
            assert!(n.x >= MARGIN - 1e-6 && n.x <= W - MARGIN + 1e-6, "{n:?}");
            assert!(n.y >= MARGIN - 1e-6 && n.y <= H - MARGIN + 1e-6, "{n:?}");
        }
        // Connected actors end nearer each other than the unconnected pair's members.
        let d = |a: usize, b: usize| (nodes[a].x - nodes[b].x).hypot(nodes[a].y - nodes[b].y);
        assert!(
            d(0, 1) < d(0, 3),
            "USAGOV-RUSGOV {} vs RUSGOV-JPN {}",
            d(0, 1),
            d(0, 3)
        );
        let svg = draw(
            &nodes,
            &edges,
            |s, t| format!("/dyad?source={s}&target={t}"),
            |a| format!("/events?actor={a}"),
        )
        .into_string();
        assert_eq!(svg.matches("<circle").count(), 5);
        assert_eq!(svg.matches("class=\"edge\"").count(), 4);
        assert!(svg.contains("href=\"/dyad?source=USAGOV&amp;target=RUSGOV\""));
        assert!(svg.contains("href=\"/events?actor=KOR\""));
    }

    #[test]
    fn colours_run_from_red_through_grey_to_blue() {
        assert_eq!(goldstein_colour(-10.0), "#c0281e");
        assert_eq!(goldstein_colour(0.0), "#969696");
        assert_eq!(goldstein_colour(10.0), "#1e64be");
        assert_eq!(goldstein_colour(25.0), goldstein_colour(10.0));
    }

    #[test]
    fn no_dyads_draw_a_note_not_an_empty_svg() {
        let (nodes, edges) = build(&[]);
        let out = draw(&nodes, &edges, |_, _| String::new(), |_| String::new()).into_string();
        assert!(out.contains("No dyads match."));
    }
}
