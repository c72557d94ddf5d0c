//! API errors: every failure is JSON `{"error": "...", "detail": ...}` with the
//! status a client can act on. A bad query value is a 400 naming the parameter.

use axum::Json;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dyad_store::StoreError;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// One line saying what went wrong.
    pub error: String,
    /// More: for a bad parameter `{"parameter": NAME, "message": ...}`.
    #[schema(value_type = Object)]
    pub detail: Value,
}

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The body.
    pub body: ErrorBody,
}

impl ApiError {
    /// An error with this status, message and detail.
    pub fn new(status: StatusCode, error: impl Into<String>, detail: Value) -> Self {
        ApiError {
            status,
            body: ErrorBody {
                error: error.into(),
                detail,
            },
        }
    }

    /// A 400 for query or path parameter `name`.
    pub fn param(name: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("bad value for parameter `{name}`: {message}"),
            json!({ "parameter": name, "message": message }),
        )
    }

    /// A 404.
    pub fn not_found(what: &str, id: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no {what} with id {id}"),
            json!({ "id": id }),
        )
    }

    /// A 500; the cause is logged and given as `detail` (the server is meant for
    /// its operator's machine or a trusted network).
    pub fn internal(message: impl std::fmt::Display) -> Self {
        tracing::error!("{message}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error",
            json!(message.to_string()),
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(f) => ApiError::param(f.field, f.message),
            StoreError::Locked(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the store is locked by another process; try again",
                Value::Null,
            ),
            other => ApiError::internal(other),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        // serde names the parameter: "unknown field `x`", "duplicate field `x`".
        let text = r.body_text();
        let name = text
            .split('`')
            .nth(1)
            .filter(|_| text.contains("field"))
            .unwrap_or("query");
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("bad query string: {text}"),
            json!({ "parameter": name, "message": text }),
        )
    }
}

impl From<BytesRejection> for ApiError {
    fn from(r: BytesRejection) -> Self {
        let status = r.status();
        let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "request body too large".to_string()
        } else {
            r.body_text()
        };
        ApiError::new(status, error, Value::Null)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
