//! Streamed downloads of events as CSV or JSON Lines: a blocking task reads a page
//! at a time and sends it down a bounded channel, so memory stays flat however many
//! rows match, and a client that hangs up stops the reading.

use crate::params::Format;
use crate::state::Shared;
use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use dyad_store::{EventRow, Filter, Order, Page};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

const PAGE: u32 = 2_000;

/// A CSV field, quoted when it needs to be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header of events: the columns of `dyad query --format csv`, the place's
/// `loc_*` columns last.
pub const EVENT_HEADER: &str = "id,date,date_end,source,source_country,target,target_country,\
cameo,root,quad_class,goldstein,plover,mode,location,mentions,sources,articles,first_seen,\
last_seen,first_mention,loc_country,loc_adm1,loc_lat,loc_lon,loc_feature,loc_precision,loc_how\n";

fn csv_row(out: &mut String, e: &EventRow) {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let fields = [
        e.id.to_string(),
        o(&e.date),
        o(&e.date_end),
        e.source.clone(),
        o(&e.source_country),
        o(&e.target),
        o(&e.target_country),
        e.cameo.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        o(&e.plover),
        e.mode.clone(),
        o(&e.location),
        e.mentions.to_string(),
        e.sources.to_string(),
        e.articles.to_string(),
        o(&e.first_seen),
        o(&e.last_seen),
        e.first_mention.clone(),
        o(&e.loc_country),
        o(&e.loc_adm1),
        num(e.loc_lat),
        num(e.loc_lon),
        o(&e.loc_feature),
        o(&e.loc_precision),
        o(&e.loc_how),
    ];
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

fn chunk(rows: &[EventRow], format: Format) -> String {
    let mut out = String::with_capacity(rows.len() * 256);
    for e in rows {
        match format {
            Format::Csv => csv_row(&mut out, e),
            _ => {
                if let Ok(line) = serde_json::to_string(e) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The streamed response: every event matching `filter`, at most `limit`.
pub fn stream(s: Shared, filter: Filter, order: Order, limit: u64, format: Format) -> Response {
    let (tx, rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let reads = s.reads.clone();
    tokio::spawn(async move {
        let _ = reads
            .run(move |st| {
                if format == Format::Csv && tx.blocking_send(Ok(Bytes::from(EVENT_HEADER))).is_err()
                {
                    return Ok(());
                }
                let mut page = Page {
                    limit: PAGE,
                    cursor: None,
                    order,
                };
                let mut left = limit;
                while left > 0 {
                    page.limit = left.min(PAGE as u64) as u32;
                    let p = match st.events(&filter, &page) {
                        Ok(p) => p,
                        Err(e) => {
                            // The 200 is out: end the body with an error so the
                            // client sees a broken download, not a short one.
                            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
                            return Ok(());
                        }
                    };
                    left -= p.items.len() as u64;
                    if tx
                        .blocking_send(Ok(Bytes::from(chunk(&p.items, format))))
                        .is_err()
                    {
                        return Ok(()); // the client hung up
                    }
                    match p.next {
                        Some(c) => page.cursor = Some(c),
                        None => break,
                    }
                }
                Ok(())
            })
            .await;
    });
    let (mime, name) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "events.csv"),
        _ => ("application/x-ndjson", "events.jsonl"),
    };
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(ReceiverStream::new(rx)),
    )
        .into_response()
}
