//! The dashboard's pages.

use super::chart::{QUAD_NAMES, goldstein_line, stacked_bars};
use super::highlight::{marked, marks_of};
use super::map;
use super::network;
use crate::api::{
    Count, busiest_cached, event_explained, events_cached, places_cached, query, series_cached,
    totals,
};
use crate::error::ApiError;
use crate::explain::{Outcome, Resolved};
use crate::params::{SeriesBy, ViewParams, number};
use crate::state::Shared;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use dyad_store::{EventRow, GroupBy, MentionRow, Period};
use maud::{DOCTYPE, Markup, html};

/// A whole page.
fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dyad" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                header {
                    a.brand href="/" { "dyad" }
                    a href="/" { "Overview" }
                    a href="/events" { "Events" }
                    a href="/network" { "Network" }
                    a href="/map" { "Map" }
                    a href="/docs/" { "API" }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

/// An error as a page with its status.
fn error_page(e: ApiError) -> Response {
    let body = page(
        "Error",
        html! { p.error { (e.body.error) } p { a href="/" { "Back to the overview" } } },
    );
    (e.status, body).into_response()
}

/// A query string from pairs (values URL-encoded).
fn qs(pairs: &[(&str, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The shared filter form.
fn filter_form(p: &ViewParams, action: &str) -> Markup {
    let field = |name: &str, label: &str, value: &Option<String>, hint: &str| {
        html! {
            label { (label)
                input name=(name) value=(value.as_deref().unwrap_or("")) placeholder=(hint);
            }
        }
    };
    html! {
        form.filters method="get" action=(action) {
            (field("from", "From", &p.from, "YYYY-MM-DD"))
            (field("to", "To", &p.to, "YYYY-MM-DD"))
            (field("actor", "Actor", &p.actor, "USA, RUSGOV"))
            (field("source", "Source", &p.source, "code"))
            (field("target", "Target", &p.target, "code"))
            (field("country", "Country", &p.country, "FRA"))
            (field("cameo", "CAMEO root", &p.cameo, "04, 19"))
            (field("mode", "Mode", &p.mode, "default, all, negated"))
            (field("text", "Words", &p.text, "sentence words"))
            (field("location", "Place", &p.location, "Kharkiv, UKR"))
            button type="submit" { "Filter" }
        }
    }
}

fn counts_table(items: &[Count], dyads: bool, filters: &[(&str, String)]) -> Markup {
    html! {
        @if items.is_empty() { p.empty { "None." } } @else {
            table {
                thead { tr {
                    th { @if dyads { "Source → target" } @else { "Actor" } }
                    th.num { "Events" } th.num { "Mentions" } th.num { "Goldstein mean" } th.num { "sum" }
                } }
                tbody {
                    @for c in items {
                        @let key = c.key.clone().unwrap_or_default();
                        @let href = if dyads {
                            let mut q = vec![("source", key.clone()), ("target", c.target.clone().unwrap_or_default())];
                            q.extend(filters.iter().filter(|(k, _)| *k != "source" && *k != "target").cloned());
                            format!("/dyad?{}", qs(&q))
                        } else {
                            let mut q = vec![("actor", key.clone())];
                            q.extend(filters.iter().filter(|(k, _)| *k != "actor").cloned());
                            format!("/events?{}", qs(&q))
                        };
                        tr data-href=(href) {
                            td { a href=(href) { (key) @if dyads { " → " (c.target.as_deref().unwrap_or("–")) } } }
                            td.num { (c.events) } td.num { (c.mentions) }
                            td.num { (format!("{:+.2}", c.goldstein_mean)) } td.num { (format!("{:+.1}", c.goldstein_sum)) }
                        }
                    }
                }
            }
        }
    }
}

fn events_table(rows: &[EventRow]) -> Markup {
    html! {
        @if rows.is_empty() { p.empty { "No events match." } } @else {
            table.events {
                thead { tr {
                    th { "Date" } th { "Source" } th { "Target" } th { "CAMEO" } th { "Quad" }
                    th.num { "Goldstein" } th { "Mode" } th.num { "Mentions" } th { "Place" }
                } }
                tbody {
                    @for e in rows {
                        @let href = format!("/events/{}", e.id);
                        tr data-href=(href) {
                            td { a href=(href) { (e.date.as_deref().unwrap_or("–")) } }
                            td { (e.source) } td { (e.target.as_deref().unwrap_or("–")) }
                            td { (e.cameo) } td class={"q" (e.quad_class)} { "■ " (e.quad_class) }
                            td.num { (format!("{:+.1}", e.goldstein)) } td { (e.mode) } td.num { (e.mentions) }
                            td { (e.location.as_deref().unwrap_or("–"))
                                @if let Some(c) = &e.loc_country { " (" (c) ")" } }
                        }
                    }
                }
            }
        }
    }
}

fn next_page(filters: &[(&'static str, String)], cursor: &str) -> Vec<(&'static str, String)> {
    let mut q = filters.to_vec();
    q.push(("cursor", cursor.to_string()));
    q
}

fn link_for_period(filters: &[(&str, String)], period: &str) -> String {
    let mut q: Vec<(&str, String)> = filters
        .iter()
        .filter(|(k, _)| *k != "from" && *k != "to")
        .cloned()
        .collect();
    q.push(("from", period.to_string()));
    q.push(("to", period.to_string()));
    format!("/events?{}", qs(&q))
}

/// `/`: events per day by QuadClass, Goldstein, busiest dyads and actors.
pub async fn overview(
    State(s): State<Shared>,
    q: Result<Query<ViewParams>, QueryRejection>,
) -> Response {
    let run = async {
        let p = query(q)?;
        let filter = p.filter()?;
        let series = series_cached(&s, filter.clone(), Period::Day, SeriesBy::Quad).await?;
        let dyads = busiest_cached(
            &s,
            filter.clone(),
            &[GroupBy::Source, GroupBy::Target],
            15,
            false,
        )
        .await?;
        let actors = busiest_cached(&s, filter, &[GroupBy::Actor], 15, true).await?;
        let totals = totals(&s).await?;
        let filters = p.filter_pairs();
        Ok::<_, ApiError>(page(
            "Overview",
            html! {
                (filter_form(&p, "/"))
                p.meta {
                    (totals.documents) " documents, " (totals.mentions) " mentions, "
                    (totals.events) " events stored. "
                    a href={"/events?" (qs(&filters))} { "List the matching events" } " · "
                    a href={"/api/events?format=csv&" (qs(&filters))} { "CSV" } " · "
                    a href={"/api/events?format=jsonl&" (qs(&filters))} { "JSON Lines" }
                }
                h2 { "Events per day by QuadClass" }
                (stacked_bars(&series, |d| link_for_period(&filters, d)))
                h2 { "Mean Goldstein value per day" }
                (goldstein_line(&series))
                div.grid {
                    section {
                        h2 { "Busiest dyads" }
                        p.meta { a href={"/network?" (qs(&filters))} { "See the dyads as a network →" }
                            " · " a href={"/map?" (qs(&filters))} { "on a map →" }
                        }
                        (counts_table(&dyads, true, &filters))
                    }
                    section { h2 { "Busiest actors" } (counts_table(&actors, false, &filters)) }
                }
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

/// `/events`: a paged table of events.
pub async fn events(
    State(s): State<Shared>,
    q: Result<Query<ViewParams>, QueryRejection>,
) -> Response {
    let run = async {
        let p = query(q)?;
        let filter = p.filter()?;
        let pg = p.page()?;
        let paged = events_cached(&s, filter, pg).await?;
        let mut filters = p.filter_pairs();
        if let Some(o) = &p.order {
            filters.push(("order", o.clone()));
        }
        Ok::<_, ApiError>(page(
            "Events",
            html! {
                (filter_form(&p, "/events"))
                (events_table(&paged.items))
                @if let Some(next) = &paged.next {
                    @let q = next_page(&filters, next);
                    p { a.next href={"/events?" (qs(&q))} { "Next page →" } }
                }
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

fn mention_block(m: &MentionRow, current_doc: Option<&str>) -> Markup {
    html! {
        div.mention id=(m.id) {
            p.sentence { (marked(&m.sentence_text, m.sentence_start as usize, marks_of(m))) }
            p.meta {
                "Mention " (m.id) " · " mark.source { (m.source) } " → "
                @if let Some(t) = &m.target { mark.target { (t) } } @else { "–" } " · trigger "
                mark.trigger { (m.trigger.text.as_deref().unwrap_or("")) } " · CAMEO " (m.cameo)
                " · mode " strong { (m.mode) } " · rule " code { (m.rule) }
                " · confidence " (format!("{:.2}", m.confidence))
                " · date " (m.date.as_deref().unwrap_or("–"))
                @if current_doc != Some(m.doc_id.as_str()) {
                    " · " a href={"/documents/" (urlencode_path(&m.doc_id)) "#" (m.id)} { "document " (m.doc_id) }
                } @else {
                    " · " a href={"/events/" (m.event)} { "event" }
                }
            }
        }
    }
}

/// How the mention's source and target were resolved, and the pattern that fired.
fn resolution_block(outcome: Option<&Outcome>) -> Markup {
    let row = |role: &str, r: &Option<Resolved>| {
        html! {
            tr {
                th { (role) }
                @if let Some(r) = r {
                    td { mark class=(role) { (r.text) } }
                    td { code { (r.code) } } td { (r.kind) } td { (r.how) }
                    td { @for (i, e) in r.entries.iter().enumerate() { @if i > 0 { br; } code { (e) } } }
                } @else {
                    td colspan="5" { "none (unknown source, or no target)" }
                }
            }
        }
    };
    match outcome {
        None => html! {},
        Some(Err(why)) => html! { p.meta.unexplained { "Actors' resolution not shown: " (why) } },
        Some(Ok(x)) => html! {
            details.resolution open {
                summary { "How the actors were resolved" }
                table.resolution {
                    thead { tr { th {} th { "Mention" } th { "Code" } th { "Kind" } th { "How" } th { "Dictionary entries" } } }
                    tbody { (row("source", &x.source)) (row("target", &x.target)) }
                }
                p.meta {
                    "Trigger lemma " code { (x.record["lemma"].as_str().unwrap_or("")) }
                    " · pattern " code { (x.record["pattern"].as_str().unwrap_or("")) }
                    @if let Some(c) = x.record["derived_from"].as_str() { " · derived from " code { (c) } }
                    @if x.record["weak_source"].as_bool() == Some(true) { " · source found by the fallback rule (nearest actor)" }
                }
            }
        },
    }
}

/// A path segment, percent-encoded.
fn urlencode_path(s: &str) -> String {
    qs(&[("x", s.to_string())])
        .trim_start_matches("x=")
        .replace('+', "%20")
}

/// `/events/{id}`: an event and every sentence that reports it, highlighted.
pub async fn event(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    let run = async {
        let found = event_explained(&s, &id).await?;
        let (d, explained) = found.as_ref();
        let e = &d.event;
        let dyad = qs(&[
            ("source", e.source.clone()),
            ("target", e.target.clone().unwrap_or_default()),
        ]);
        Ok::<_, ApiError>(page(
            &format!("Event {}", e.id),
            html! {
                p {
                    strong { (e.source) " → " (e.target.as_deref().unwrap_or("–")) }
                    " · CAMEO " (e.cameo) " (root " (e.root) ") · QuadClass " (e.quad_class) " "
                    ((e.quad_class as usize).checked_sub(1).and_then(|i| QUAD_NAMES.get(i)).unwrap_or(&""))
                    " · Goldstein " (format!("{:+.1}", e.goldstein)) " · mode " (e.mode)
                    " · " (e.date.as_deref().unwrap_or("undated"))
                }
                p.meta {
                    (e.mentions) " mentions in " (e.articles) " articles from " (e.sources) " sources · "
                    a href={"/dyad?" (dyad)} { "this dyad" }
                    " · " a href={"/api/events/" (e.id)} { "JSON" }
                }
                h2 { "Mentions" }
                @for m in &d.mentions {
                    (mention_block(m, None))
                    (resolution_block(explained.get(&m.id)))
                }
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

/// `/documents/{id}`: the whole text with every coded span highlighted.
pub async fn document(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    let run = async {
        let key = id.clone();
        let d = s.reads.run(move |st| Ok(st.document(&key)?)).await?;
        let d = d.ok_or_else(|| ApiError::not_found("document", &id))?;
        let marks = d.mentions.iter().flat_map(marks_of).collect();
        // Only web links become links: a `javascript:` URL stays text.
        let safe_url = d
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        Ok::<_, ApiError>(page(
            &format!("Document {}", d.id),
            html! {
                @if let Some(t) = &d.title { h2.title { (t) } }
                p.meta {
                    (d.outlet.as_deref().unwrap_or("")) " · " (d.published.as_deref().unwrap_or("undated"))
                    @if let Some(u) = &d.url {
                        " · "
                        @if let Some(href) = safe_url { a.url href=(href) rel="noreferrer nofollow" { (u) } }
                        @else { span.url { (u) } }
                    }
                    " · " (d.mentions.len()) " mentions"
                }
                div.doctext { (marked(&d.text, 0, marks)) }
                h2 { "Coded mentions" }
                @for m in &d.mentions { (mention_block(m, Some(&d.id))) }
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

/// `/dyad?source=..&target=..`: one dyad's series and events.
pub async fn dyad(
    State(s): State<Shared>,
    q: Result<Query<ViewParams>, QueryRejection>,
) -> Response {
    let run = async {
        let p = query(q)?;
        if p.source.is_none() {
            return Err(ApiError::param("source", "a dyad needs a source"));
        }
        let filter = p.filter()?;
        let pg = p.page()?;
        let series = series_cached(&s, filter.clone(), Period::Day, SeriesBy::Quad).await?;
        let total = busiest_cached(&s, filter.clone(), &[GroupBy::Quad], 4, false).await?;
        let paged = events_cached(&s, filter, pg).await?;
        let filters = p.filter_pairs();
        let events: u64 = total.iter().map(|c| c.events).sum();
        let gsum: f64 = total.iter().map(|c| c.goldstein_sum).sum();
        let title = format!(
            "{} → {}",
            p.source.as_deref().unwrap_or(""),
            p.target.as_deref().unwrap_or("anyone")
        );
        Ok::<_, ApiError>(page(
            &title,
            html! {
                (filter_form(&p, "/dyad"))
                p.meta {
                    (events) " events · Goldstein sum " (format!("{gsum:+.1}"))
                    @if events > 0 { " · mean " (format!("{:+.2}", gsum / events as f64)) }
                }
                h2 { "Events per day by QuadClass" }
                (stacked_bars(&series, |d| link_for_period(&filters, d)))
                (goldstein_line(&series))
                h2 { "Events" }
                (events_table(&paged.items))
                @if paged.next.is_some() {
                    p { a href={"/events?" (qs(&filters))} { "All of this dyad's events →" } }
                }
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

/// `/network`: the busiest dyads as a graph; an edge opens its dyad, a node its actor.
pub async fn network_view(
    State(s): State<Shared>,
    q: Result<Query<ViewParams>, QueryRejection>,
) -> Response {
    let run = async {
        let p = query(q)?;
        let filter = p.filter()?;
        let limit = number("limit", &p.limit, 60, 1, 500)? as usize;
        let dyads =
            busiest_cached(&s, filter, &[GroupBy::Source, GroupBy::Target], limit, true).await?;
        let (nodes, edges) = network::build(&dyads);
        let filters = p.filter_pairs();
        let dyad_href = |src: &str, tgt: &str| {
            let mut q = vec![("source", src.to_string()), ("target", tgt.to_string())];
            q.extend(
                filters
                    .iter()
                    .filter(|(k, _)| *k != "source" && *k != "target")
                    .cloned(),
            );
            format!("/dyad?{}", qs(&q))
        };
        let actor_href = |code: &str| {
            let mut q = vec![("actor", code.to_string())];
            q.extend(filters.iter().filter(|(k, _)| *k != "actor").cloned());
            format!("/events?{}", qs(&q))
        };
        Ok::<_, ApiError>(page(
            "Dyad network",
            html! {
                (filter_form(&p, "/network"))
                p.meta {
                    "The " (edges.len()) " busiest dyads (at most " (limit) "; " code { "limit" } " in the URL sets it) between "
                    (nodes.len()) " actors. An edge opens that dyad's events and series, an actor its events."
                }
                (network::draw(&nodes, &edges, dyad_href, actor_href))
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

/// `/map`: events on a world map. Countries are shaded by the number of events
/// located in them (the event's place's country, `loc_country`), circles drawn at
/// the busiest 500 located places, area by count; a country or circle opens its
/// events (`/events?location=...`). Events without a place are counted beside it,
/// not shaded: the target's country says whom an event was done to, not where.
pub async fn map_view(
    State(s): State<Shared>,
    q: Result<Query<ViewParams>, QueryRejection>,
) -> Response {
    let run = async {
        let p = query(q)?;
        let filter = p.filter()?;
        let countries = busiest_cached(
            &s,
            filter.clone(),
            &[GroupBy::LocationCountry],
            10_000,
            false,
        )
        .await?;
        let places = places_cached(&s, filter, 500).await?;
        // Outlines are built once, off the async threads.
        tokio::task::spawn_blocking(map::outlines)
            .await
            .map_err(ApiError::internal)?;
        let counts: std::collections::BTreeMap<String, u64> = countries
            .iter()
            .filter_map(|c| Some((c.key.clone()?, c.events)))
            .collect();
        let filters = p.filter_pairs();
        let location_href = |place: &str| {
            let mut q = vec![("location", place.to_string())];
            q.extend(filters.iter().filter(|(k, _)| *k != "location").cloned());
            format!("/events?{}", qs(&q))
        };
        let circles: Vec<map::Place> = places
            .iter()
            .filter_map(|c| {
                Some(map::Place {
                    label: match &c.country {
                        Some(k) => format!("{} ({k})", c.key),
                        None => c.key.clone(),
                    },
                    lat: c.lat?,
                    lon: c.lon?,
                    events: c.events,
                    href: location_href(&c.key),
                })
            })
            .collect();
        let unlocated: u64 = countries
            .iter()
            .filter(|c| c.key.is_none())
            .map(|c| c.events)
            .sum();
        let drawn: std::collections::HashSet<&str> =
            map::outlines().iter().map(|o| o.iso3.as_str()).collect();
        let off_map: u64 = countries
            .iter()
            .filter(|c| c.key.as_deref().is_some_and(|k| !drawn.contains(k)))
            .map(|c| c.events)
            .sum();
        let located: Vec<Count> = countries
            .iter()
            .filter(|c| c.key.is_some())
            .cloned()
            .collect();
        Ok::<_, ApiError>(page(
            "Map",
            html! {
                (filter_form(&p, "/map"))
                p.meta {
                    "Countries shaded by the number of events that happened in them (the \
                     event's place); circles at the busiest located places, area by count. \
                     A country or a circle opens its events."
                    @if unlocated > 0 { " " (unlocated) " events have no place and are not on the map." }
                    @if off_map > 0 { " " (off_map) " events are in countries the map does not draw." }
                }
                (map::draw(&counts, map::Codes::Iso3, "events there", location_href, &circles))
                h2 { "Countries" }
                (counts_table_countries(&located, location_href))
            },
        ))
    };
    match run.await {
        Ok(m) => m.into_response(),
        Err(e) => error_page(e),
    }
}

fn counts_table_countries(items: &[Count], href: impl Fn(&str) -> String) -> Markup {
    html! {
        @if items.is_empty() { p.empty { "None." } } @else {
            table {
                thead { tr { th { "Country" } th.num { "Events" } th.num { "Mentions" } th.num { "Goldstein mean" } } }
                tbody {
                    @for c in items.iter().take(30) {
                        @let key = c.key.clone().unwrap_or_default();
                        @let h = href(&key);
                        tr data-href=(h) {
                            td { a href=(h) { (key) } }
                            td.num { (c.events) } td.num { (c.mentions) }
                            td.num { (format!("{:+.2}", c.goldstein_mean)) }
                        }
                    }
                }
            }
        }
    }
}
