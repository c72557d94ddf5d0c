//! # dyad-server
//!
//! `dyad serve`: the HTTP API over the event store, its OpenAPI 3.1 description
//! (generated from the handlers by `utoipa`, at `/openapi.json`, with Swagger UI
//! served from the binary at `/docs`) and the dashboard at `/` (server-rendered HTML
//! from compile-time `maud` templates, SVG charts drawn here, one small script file;
//! nothing fetched from elsewhere).
//!
//! What this crate owns: routes, parameter validation, error bodies, auth, limits,
//! streaming downloads and the dashboard's HTML. What it must not do: build SQL
//! (every read goes through `dyad-store`'s typed queries), code text itself (posted
//! documents go through `dyad-core`'s pipeline, handed in by the caller) or parse
//! command lines (that is the `dyad` crate's).
//!
//! Reads run in blocking tasks over a small pool of read-only SQLite connections;
//! writes go through one connection behind a lock, so they are serialised while
//! readers keep reading (WAL).
//!
//! ```no_run
//! # async fn f(coder: std::sync::Arc<dyad_server::Coder>) -> anyhow::Result<()> {
//! let config = dyad_server::Config { store: "dyad.db".into(), ..Default::default() };
//! let server = dyad_server::bind(&config, coder).await?;
//! println!("listening on http://{}", server.addr());
//! server.run(std::future::pending()).await?;
//! # Ok(()) }
//! ```

pub mod api;
pub mod cache;
pub mod dashboard;
pub mod error;
pub mod explain;
pub mod export;
pub mod params;
pub mod state;

pub use state::{AppState, Coder, ReadPool};

use anyhow::Context;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use error::ApiError;
use serde_json::Value;
use state::Shared;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use subtle::ConstantTimeEq;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store file (created when missing).
    pub store: PathBuf,
    /// Where to listen (default 127.0.0.1:8080: this machine only).
    pub addr: SocketAddr,
    /// The bearer token writes need; none refuses every write.
    pub token: Option<String>,
    /// Largest request body in bytes (default 10 MB).
    pub body_limit: usize,
    /// Longest time to produce a response's head (default 30 s; streamed bodies
    /// may take longer).
    pub timeout: Duration,
    /// Read connections (default 8).
    pub readers: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            store: PathBuf::from("dyad.db"),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            body_limit: 10 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            readers: 8,
        }
    }
}

/// The OpenAPI description, generated from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "dyad",
        description = "Coded political events with their evidence: filtered, paged and \
                       aggregated reads of the event store, and coding of posted documents."
    ),
    paths(
        api::health,
        api::events,
        api::event,
        api::document,
        api::actors,
        api::dyads,
        api::series,
        api::places,
        api::post_documents
    ),
    components(schemas(
        error::ErrorBody,
        api::Health,
        api::EventsPage,
        api::Count,
        api::Counts,
        api::PlaceCount,
        api::PlaceCounts,
        api::Point,
        api::Series,
        api::Ingested
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The dashboard and API's policy: only this server's own scripts, styles and images.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/// Swagger UI sets inline styles.
const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                        img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Checks `Authorization: Bearer TOKEN` in constant time.
async fn require_token(State(s): State<Shared>, req: Request, next: Next) -> Response {
    let Some(token) = &s.token else {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start dyad serve with --token or DYAD_TOKEN",
            Value::Null,
        )
        .into_response();
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
        return next.run(req).await;
    }
    let mut r = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "a valid bearer token is required (Authorization: Bearer TOKEN)",
        Value::Null,
    )
    .into_response();
    r.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    r
}

async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such endpoint", Value::Null)
}

/// Every route with its layers.
pub fn router(state: Shared, config: &Config) -> Router {
    let auth = middleware::from_fn_with_state(state.clone(), require_token);
    let app = Router::new()
        .route("/health", get(api::health))
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route(
            "/api/documents",
            post(api::post_documents).route_layer(auth),
        )
        .route("/api/documents/{id}", get(api::document))
        .route("/api/actors", get(api::actors))
        .route("/api/dyads", get(api::dyads))
        .route("/api/series", get(api::series))
        .route("/api/places", get(api::places))
        .merge(dashboard::routes())
        .fallback(no_route)
        .with_state(state);
    let docs = Router::new()
        .merge(SwaggerUi::new("/docs").url("/openapi.json", ApiDoc::openapi()))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DOCS_CSP),
        ));
    app.merge(docs)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.timeout,
        ))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// A bound server, ready to run.
pub struct Server {
    addr: SocketAddr,
    listener: TcpListener,
    router: Router,
}

/// Opens (creating when missing) the store, binds `config.addr` and builds the routes.
pub async fn bind(config: &Config, coder: Arc<Coder>) -> anyhow::Result<Server> {
    let writer = dyad_store::Store::open(&config.store, dyad_store::Access::Write)?;
    let state = Arc::new(AppState {
        reads: Arc::new(ReadPool::new(config.store.clone(), config.readers)),
        writer: Mutex::new(writer),
        coder,
        token: config.token.clone().filter(|t| !t.is_empty()),
        cache: cache::Cache::new(config.store.clone()),
    });
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr().context("the listening address")?;
    Ok(Server {
        addr,
        listener,
        router: router(state, config),
    })
}

impl Server {
    /// The address it listens on (the real port when bound to port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}
