//! The dashboard at `/`: server-rendered HTML (maud templates, checked at compile
//! time), SVG charts drawn in Rust and one small script, all served from the binary.
//! Every view takes the API's filters in its URL, so links and the filter form share
//! them; every number leads to its events and every event to its sentences.

pub mod chart;
pub mod highlight;
pub mod map;
pub mod network;
mod views;

use crate::state::Shared;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

/// The script, written for this dashboard.
const APP_JS: &str = include_str!("../../assets/app.js");
/// The style sheet.
const APP_CSS: &str = include_str!("../../assets/app.css");

async fn app_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
}

async fn app_css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS)
}

/// The dashboard's routes.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(views::overview))
        .route("/events", get(views::events))
        .route("/events/{id}", get(views::event))
        .route("/documents/{id}", get(views::document))
        .route("/dyad", get(views::dyad))
        .route("/network", get(views::network_view))
        .route("/map", get(views::map_view))
        .route("/static/app.js", get(app_js))
        .route("/static/app.css", get(app_css))
}
