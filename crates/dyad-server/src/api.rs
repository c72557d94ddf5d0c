//! The JSON API under `/api`, and `/health`. Every handler validates its
//! parameters, then reads through the pool in a blocking task.

use crate::error::{ApiError, ErrorBody};
use crate::explain;
use crate::export;
use crate::params::{CountParams, EventsParams, Format, SeriesBy, SeriesParams, number};
use crate::state::Shared;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dyad_core::pipeline::Analysis;
use dyad_io::ReadOptions;
use dyad_io::readers::JsonLinesReader;
use dyad_store::{
    AggregateRow, EventDetail, EventRow, Filter, GroupBy, Page, Paged, Period, Store, Totals,
    WriteMode, code_document,
};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use utoipa::ToSchema;

/// Unwraps a query string, turning serde's complaint into a 400 naming the parameter.
pub fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t).map_err(ApiError::from)
}

/// `GET /health` body.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: &'static str,
    /// Stored documents.
    pub documents: u64,
    /// Stored mentions.
    pub mentions: u64,
    /// Distinct events.
    pub events: u64,
}

/// Liveness and store totals.
#[utoipa::path(get, path = "/health", responses(
    (status = 200, description = "The server and its store are up", body = Health),
))]
pub async fn health(State(s): State<Shared>) -> Result<Json<Health>, ApiError> {
    let t = totals(&s).await?;
    Ok(Json(Health {
        status: "ok",
        documents: t.documents,
        mentions: t.mentions,
        events: t.events,
    }))
}

/// A page of events: `items` and the cursor of the next page (`null` at the end).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsPage {
    /// Events (see `dyad query`'s JSON Lines for the fields; ids are strings).
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Value>,
    /// Pass as `cursor` for the next page.
    pub next: Option<String>,
}

/// Events matching the filters, a page at a time, or streamed as CSV or JSON Lines.
#[utoipa::path(get, path = "/api/events", params(EventsParams), responses(
    (status = 200, description = "A page (`format=json`) or a streamed download", body = EventsPage),
    (status = 400, description = "A bad parameter, named in `detail.parameter`", body = ErrorBody),
))]
pub async fn events(
    State(s): State<Shared>,
    q: Result<Query<EventsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let filter = p.filter()?;
    match p.format()? {
        Format::Json => {
            let page = p.page()?;
            let paged = events_cached(&s, filter, page).await?;
            Ok(Json(json!({ "items": &paged.items, "next": &paged.next })).into_response())
        }
        format => {
            let limit = match &p.limit {
                Some(_) => number("limit", &p.limit, 0, 1, u32::MAX)? as u64,
                None => u64::MAX,
            };
            let order = p.order()?;
            // Check the filter once before the 200 goes out.
            let f = filter.clone();
            s.reads
                .run(move |st| {
                    let one = dyad_store::Page {
                        limit: 1,
                        cursor: None,
                        order,
                    };
                    Ok(st.events(&f, &one).map(|_| ())?)
                })
                .await?;
            Ok(export::stream(s, filter, order, limit, format))
        }
    }
}

/// Parses an event id from the path.
pub fn event_id(id: &str) -> Result<i64, ApiError> {
    id.parse::<i64>()
        .map_err(|_| ApiError::param("id", format!("{id:?} is not an event id (a number)")))
}

/// One event with every mention: the sentence, the spans of source, target and
/// trigger, the rule (`file:line`), mode and document, and `explain`: what `dyad code
/// --explain` says of it (the pattern, and how source and target were resolved), or
/// `explain_missing` saying why not (mentions beyond the event's first ten documents
/// have neither).
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event and its mentions", body = Object),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 404, description = "No such event", body = ErrorBody),
))]
pub async fn event(State(s): State<Shared>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let found = event_explained(&s, &id).await?;
    let (detail, explained) = found.as_ref();
    let mut v = serde_json::to_value(detail).map_err(ApiError::internal)?;
    if let Some(ms) = v["mentions"].as_array_mut() {
        for m in ms {
            let Some(outcome) = m["id"].as_str().and_then(|i| explained.get(i)) else {
                continue;
            };
            match outcome {
                Ok(x) => m["explain"] = x.record.clone(),
                Err(why) => m["explain_missing"] = Value::String(why.clone()),
            }
        }
    }
    Ok(Json(v).into_response())
}

/// An event with its explained mentions; kept in the cache while the store is unchanged
/// (explaining codes documents again).
pub type Explained = (EventDetail, BTreeMap<String, explain::Outcome>);

/// An event with the explanation of its mentions (those of its first
/// [`explain::MAX_DOCUMENTS`] documents), or a 404.
pub async fn event_explained(s: &Shared, id: &str) -> Result<Arc<Explained>, ApiError> {
    let n = event_id(id)?;
    let coder = s.coder.clone();
    let key = id.to_string();
    // A missing event is an error, and errors are not kept.
    s.cache
        .get(
            &s.reads,
            format!("event {n}"),
            |d: &Explained| d.0.mentions.len(),
            move |st| {
                let d = st
                    .event(n)?
                    .ok_or_else(|| ApiError::not_found("event", &key))?;
                let x = explain::explain_mentions(&coder, &d.mentions, |doc| st.document(doc))?;
                Ok((d, x))
            },
        )
        .await
}

/// One document: its text, metadata and every coded span.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = String, Path, description = "Document id")),
    responses(
        (status = 200, description = "The document and its mentions", body = Object),
        (status = 404, description = "No such document", body = ErrorBody),
))]
pub async fn document(
    State(s): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let key = id.clone();
    let doc = s.reads.run(move |st| Ok(st.document(&key)?)).await?;
    match doc {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError::not_found("document", &id)),
    }
}

/// One group of events: counts and Goldstein sum and mean.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Count {
    /// Source actor (dyads), actor (actors) or place (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Target actor (dyads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Distinct events.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Sum of Goldstein values, each event once.
    pub goldstein_sum: f64,
    /// Mean Goldstein value.
    pub goldstein_mean: f64,
    /// Events per QuadClass 1..4.
    pub quad: [u64; 4],
}

impl Count {
    fn from_row(r: &AggregateRow) -> Count {
        let key = |i: usize| r.keys.get(i).cloned().flatten();
        Count {
            key: key(0),
            target: if r.keys.len() > 1 { key(1) } else { None },
            events: r.events,
            mentions: r.mentions,
            goldstein_sum: (r.goldstein_sum * 100.0).round() / 100.0,
            goldstein_mean: (r.goldstein_mean * 1000.0).round() / 1000.0,
            quad: r.quad,
        }
    }
}

/// Busiest groups first.
#[derive(Debug, Serialize, ToSchema)]
pub struct Counts {
    /// The groups, most events first.
    pub items: Vec<Count>,
}

/// Counts grouped by `by`, busiest first, at most `limit`; `drop_null` leaves out
/// the group of events without a value.
pub fn busiest(
    st: &Store,
    filter: &Filter,
    by: &[GroupBy],
    limit: usize,
    drop_null: bool,
) -> Result<Vec<Count>, ApiError> {
    let rows = st.aggregate(filter, by, None)?;
    let mut items: Vec<Count> = rows
        .iter()
        .filter(|r| !drop_null || r.keys.iter().all(Option::is_some))
        .map(Count::from_row)
        .collect();
    items.sort_by(|a, b| b.events.cmp(&a.events).then(a.key.cmp(&b.key)));
    items.truncate(limit);
    Ok(items)
}

/// The store's totals, from the cache while the store is unchanged.
pub async fn totals(s: &Shared) -> Result<Arc<Totals>, ApiError> {
    s.cache
        .get(&s.reads, "totals".into(), |_| 1, |st| Ok(st.totals()?))
        .await
}

/// A page of events, from the cache while the store is unchanged.
pub async fn events_cached(
    s: &Shared,
    filter: Filter,
    page: Page,
) -> Result<Arc<Paged<EventRow>>, ApiError> {
    let key = format!("events {page:?} {filter:?}");
    s.cache
        .get(
            &s.reads,
            key,
            |p: &Paged<EventRow>| p.items.len(),
            move |st| Ok(st.events(&filter, &page)?),
        )
        .await
}

/// [`busiest`], from the cache while the store is unchanged.
pub async fn busiest_cached(
    s: &Shared,
    filter: Filter,
    by: &'static [GroupBy],
    limit: usize,
    drop_null: bool,
) -> Result<Arc<Vec<Count>>, ApiError> {
    let key = format!("busiest {by:?} {limit} {drop_null} {filter:?}");
    s.cache
        .get(&s.reads, key, Vec::len, move |st| {
            busiest(st, &filter, by, limit, drop_null)
        })
        .await
}

/// [`series_of`], from the cache while the store is unchanged.
pub async fn series_cached(
    s: &Shared,
    filter: Filter,
    per: Period,
    split: SeriesBy,
) -> Result<Arc<Vec<Point>>, ApiError> {
    let key = format!("series {per:?} {split:?} {filter:?}");
    s.cache
        .get(&s.reads, key, Vec::len, move |st| {
            series_of(st, &filter, per, split)
        })
        .await
}

async fn counts(
    s: Shared,
    q: Result<Query<CountParams>, QueryRejection>,
    by: &'static [GroupBy],
    drop_null: bool,
) -> Result<Json<Counts>, ApiError> {
    let p = query(q)?;
    let filter = p.filter()?;
    let limit = number("limit", &p.limit, 100, 1, 10_000)? as usize;
    let items = busiest_cached(&s, filter, by, limit, drop_null).await?;
    Ok(Json(Counts {
        items: items.to_vec(),
    }))
}

/// Actors (either side), busiest first; `key` is the actor code.
#[utoipa::path(get, path = "/api/actors", params(CountParams), responses(
    (status = 200, description = "Actors by event count", body = Counts),
    (status = 400, description = "A bad parameter", body = ErrorBody),
))]
pub async fn actors(
    State(s): State<Shared>,
    q: Result<Query<CountParams>, QueryRejection>,
) -> Result<Json<Counts>, ApiError> {
    counts(s, q, &[GroupBy::Actor], true).await
}

/// Source-target pairs, busiest first; `key` is the source, `target` the target.
#[utoipa::path(get, path = "/api/dyads", params(CountParams), responses(
    (status = 200, description = "Dyads by event count, with Goldstein mean and sum", body = Counts),
    (status = 400, description = "A bad parameter", body = ErrorBody),
))]
pub async fn dyads(
    State(s): State<Shared>,
    q: Result<Query<CountParams>, QueryRejection>,
) -> Result<Json<Counts>, ApiError> {
    counts(s, q, &[GroupBy::Source, GroupBy::Target], false).await
}

/// Events at one place.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlaceCount {
    /// The place's name (the store's `location`).
    pub key: String,
    /// Its country (ISO 3166-1 alpha-3, `loc_country`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Latitude (absent where the place has no coordinates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Distinct events.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Sum of Goldstein values, each event once.
    pub goldstein_sum: f64,
}

/// Places, busiest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceCounts {
    /// The places, most events first.
    pub items: Vec<PlaceCount>,
}

/// The places of the events matching `filter`, busiest first, at most `limit`.
pub fn places_of(st: &Store, filter: &Filter, limit: u32) -> Result<Vec<PlaceCount>, ApiError> {
    Ok(st
        .located_places(filter, limit)?
        .into_iter()
        .map(|p| PlaceCount {
            key: p.location,
            country: p.loc_country,
            lat: p.lat,
            lon: p.lon,
            events: p.events,
            mentions: p.mentions,
            goldstein_sum: (p.goldstein_sum * 100.0).round() / 100.0,
        })
        .collect())
}

/// [`places_of`], from the cache while the store is unchanged.
pub async fn places_cached(
    s: &Shared,
    filter: Filter,
    limit: u32,
) -> Result<Arc<Vec<PlaceCount>>, ApiError> {
    let key = format!("places {limit} {filter:?}");
    s.cache
        .get(&s.reads, key, Vec::len, move |st| {
            places_of(st, &filter, limit)
        })
        .await
}

/// Events per place: the store's `location` (the place's name) with its country
/// and coordinates (one row per name, country and coordinates), busiest first.
#[utoipa::path(get, path = "/api/places", params(CountParams), responses(
    (status = 200, description = "Places by event count, with country and coordinates", body = PlaceCounts),
    (status = 400, description = "A bad parameter", body = ErrorBody),
))]
pub async fn places(
    State(s): State<Shared>,
    q: Result<Query<CountParams>, QueryRejection>,
) -> Result<Json<PlaceCounts>, ApiError> {
    let p = query(q)?;
    let filter = p.filter()?;
    let limit = number("limit", &p.limit, 100, 1, 10_000)?;
    let items = places_cached(&s, filter, limit).await?;
    Ok(Json(PlaceCounts {
        items: items.to_vec(),
    }))
}

/// One point of a series.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Point {
    /// Day, Monday of the week, `YYYY-MM` or `YYYY`.
    pub period: String,
    /// QuadClass (`1`..`4`) or CAMEO root (`01`..`20`).
    pub key: String,
    /// Distinct events.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Sum of Goldstein values.
    pub goldstein_sum: f64,
    /// Mean Goldstein value.
    pub goldstein_mean: f64,
}

/// A time series.
#[derive(Debug, Serialize, ToSchema)]
pub struct Series {
    /// The period asked for.
    pub per: String,
    /// `quad` or `root`.
    pub by: String,
    /// Points by period, then key (undated events left out).
    pub items: Vec<Point>,
}

/// The series of the events matching `filter` (undated events left out).
pub fn series_of(
    st: &Store,
    filter: &Filter,
    per: Period,
    split: SeriesBy,
) -> Result<Vec<Point>, ApiError> {
    let by = match split {
        SeriesBy::Quad => GroupBy::Quad,
        SeriesBy::Root => GroupBy::Root,
    };
    let rows = st.aggregate(filter, &[by], Some(per))?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Point {
                period: r.period.clone()?,
                key: r.keys.first().cloned().flatten()?,
                events: r.events,
                mentions: r.mentions,
                goldstein_sum: (r.goldstein_sum * 100.0).round() / 100.0,
                goldstein_mean: (r.goldstein_mean * 1000.0).round() / 1000.0,
            })
        })
        .collect())
}

/// Event counts per day, week, month or year, per QuadClass or CAMEO root.
#[utoipa::path(get, path = "/api/series", params(SeriesParams), responses(
    (status = 200, description = "The series", body = Series),
    (status = 400, description = "A bad parameter", body = ErrorBody),
))]
pub async fn series(
    State(s): State<Shared>,
    q: Result<Query<SeriesParams>, QueryRejection>,
) -> Result<Json<Series>, ApiError> {
    let p = query(q)?;
    let filter = p.filter()?;
    let (period, split) = (p.period()?, p.split()?);
    let per = p.per.clone().unwrap_or_else(|| "day".into());
    let by = p.by.clone().unwrap_or_else(|| "quad".into());
    let items = series_cached(&s, filter, period, split).await?.to_vec();
    Ok(Json(Series { per, by, items }))
}

/// What `POST /api/documents` did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ingested {
    /// Documents read from the body.
    pub documents: u64,
    /// Newly stored.
    pub new: u64,
    /// Already stored with the same content.
    pub unchanged: u64,
    /// Stored with other content before, replaced.
    pub replaced: u64,
    /// Mentions written.
    pub mentions: u64,
    /// Ids of the documents read, in order.
    pub ids: Vec<String>,
    /// Lines that could not be read (the others are stored).
    pub errors: Vec<String>,
}

/// Codes and stores documents: one JSON object, a JSON array, or JSON Lines (the
/// fields of `dyad code`'s JSON Lines input: `text`, and `id`, `title`, `url`,
/// `published`, `source`, `language`). Needs `Authorization: Bearer TOKEN`.
#[utoipa::path(post, path = "/api/documents", request_body(content = String,
    description = "A JSON object, a JSON array or JSON Lines", content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Stored", body = Ingested),
        (status = 400, description = "No document could be read", body = ErrorBody),
        (status = 401, description = "Missing or wrong token", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
))]
pub async fn post_documents(
    State(s): State<Shared>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Ingested>, ApiError> {
    let body = body?;
    let state = s.clone();
    let out = tokio::task::spawn_blocking(move || ingest(&state, &body))
        .await
        .map_err(ApiError::internal)??;
    Ok(Json(out))
}

fn ingest(s: &Shared, body: &[u8]) -> Result<Ingested, ApiError> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in JsonLinesReader::new(body, "request body", &ReadOptions::default()) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) if e.is_warning() => errors.push(e.to_string()),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if docs.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "no document could be read from the body",
            json!(errors),
        ));
    }
    let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let mut a = Analysis::default();
    let coded: Vec<_> = docs
        .into_iter()
        .map(|d| code_document(&s.coder.pipeline, d, &mut a, &s.coder.dict_hash))
        .collect();
    let mut w = s
        .writer
        .lock()
        .map_err(|_| ApiError::internal("the writer lock is poisoned"))?;
    let r = w.write(&coded, WriteMode::Ingest)?;
    Ok(Ingested {
        documents: ids.len() as u64,
        new: r.new,
        unchanged: r.unchanged,
        replaced: r.replaced,
        mentions: r.mentions_written,
        ids,
        errors,
    })
}
