//! Query parameters: one struct per endpoint (unknown or repeated parameters are a
//! 400 naming them), each carrying the filters of `dyad query`. Lists are
//! comma-separated alternatives; different filters must all hold.

use crate::error::ApiError;
use dyad_store::{Filter, ModeSelection, Order, Page, Period};
use serde::Deserialize;
use utoipa::IntoParams;

/// Declares a parameter struct with the shared filters plus `$extra` fields.
macro_rules! filtered_params {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Default, Clone, Deserialize, IntoParams)]
        #[serde(deny_unknown_fields)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            /// Source actor codes, comma-separated (prefixes: `USA` matches `USAGOV`).
            pub source: Option<String>,
            /// Target actor codes (prefixes).
            pub target: Option<String>,
            /// Actor codes on either side (prefixes).
            pub actor: Option<String>,
            /// Countries (three letters) on either side.
            pub country: Option<String>,
            /// CAMEO codes or roots (prefixes: `04` matches `042`).
            pub cameo: Option<String>,
            /// PLOVER categories.
            pub plover: Option<String>,
            /// QuadClasses 1 (verbal cooperation) to 4 (material conflict).
            pub quad: Option<String>,
            /// `default` (asserted events and intentions), `all`, or a list of
            /// asserted, negated, future, hypothetical, historical.
            pub mode: Option<String>,
            /// First day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.
            pub from: Option<String>,
            /// Last day, inclusive.
            pub to: Option<String>,
            /// Words that must all occur in the sentence (full-text search).
            pub text: Option<String>,
            /// Places, comma-separated: three capital letters are a country (ISO
            /// 3166-1 alpha-3, `UKR`), anything else a place name (`Kharkiv`).
            pub location: Option<String>,
            $($(#[$fm])* pub $field: Option<String>,)*
        }

        impl $name {
            /// The store filter these parameters describe.
            pub fn filter(&self) -> Result<Filter, ApiError> {
                filter(&FilterFields {
                    source: &self.source,
                    target: &self.target,
                    actor: &self.actor,
                    country: &self.country,
                    cameo: &self.cameo,
                    plover: &self.plover,
                    quad: &self.quad,
                    mode: &self.mode,
                    from: &self.from,
                    to: &self.to,
                    text: &self.text,
                    location: &self.location,
                })
            }

            /// The filters alone, for links that keep them.
            pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
                let all = [
                    ("source", &self.source),
                    ("target", &self.target),
                    ("actor", &self.actor),
                    ("country", &self.country),
                    ("cameo", &self.cameo),
                    ("plover", &self.plover),
                    ("quad", &self.quad),
                    ("mode", &self.mode),
                    ("from", &self.from),
                    ("to", &self.to),
                    ("text", &self.text),
                    ("location", &self.location),
                ];
                all.into_iter()
                    .filter_map(|(k, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| (k, v.clone())))
                    .collect()
            }
        }
    };
}

filtered_params!(
    /// `GET /api/events`.
    EventsParams {
        /// Rows per page, 1 to 10000 (default 100). With `format`, the most rows to
        /// download (default: all).
        limit,
        /// The `next` of the previous page.
        cursor,
        /// `asc` (oldest first, default) or `desc`.
        order,
        /// `json` (a page, default), `csv` or `jsonl` (a streamed download of every
        /// matching event).
        format,
    }
);

filtered_params!(
    /// `GET /api/actors`, `/api/dyads` and `/api/places`.
    CountParams {
        /// Most rows, busiest first, 1 to 10000 (default 100).
        limit,
    }
);

filtered_params!(
    /// `GET /api/series`.
    SeriesParams {
        /// `day` (default), `week`, `month` or `year`.
        per,
        /// `quad` (default) or `root`.
        by,
    }
);

filtered_params!(
    /// The dashboard's views.
    ViewParams {
        /// Rows per page of the events table (default 50).
        limit,
        /// The `next` of the previous page.
        cursor,
        /// `asc` or `desc` (default).
        order,
    }
);

impl ViewParams {
    /// The events table's page.
    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            limit: number("limit", &self.limit, 50, 1, 1000)?,
            cursor: some(&self.cursor),
            order: match some(&self.order).as_deref() {
                None | Some("desc") => Order::Desc,
                Some("asc") => Order::Asc,
                Some(o) => {
                    return Err(ApiError::param(
                        "order",
                        format!("{o:?} is not asc or desc"),
                    ));
                }
            },
        })
    }
}

/// Borrowed filter values.
struct FilterFields<'a> {
    source: &'a Option<String>,
    target: &'a Option<String>,
    actor: &'a Option<String>,
    country: &'a Option<String>,
    cameo: &'a Option<String>,
    plover: &'a Option<String>,
    quad: &'a Option<String>,
    mode: &'a Option<String>,
    from: &'a Option<String>,
    to: &'a Option<String>,
    text: &'a Option<String>,
    location: &'a Option<String>,
}

/// A comma-separated list, blanks dropped.
fn list(v: &Option<String>) -> Vec<String> {
    v.as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn filter(f: &FilterFields<'_>) -> Result<Filter, ApiError> {
    let quad = list(f.quad)
        .iter()
        .map(|q| match q.parse::<u8>() {
            Ok(n @ 1..=4) => Ok(n),
            _ => Err(ApiError::param(
                "quad",
                format!("{q:?} is not 1, 2, 3 or 4"),
            )),
        })
        .collect::<Result<Vec<u8>, _>>()?;
    let modes = list(f.mode);
    let modes = match modes.as_slice() {
        [] => ModeSelection::Default,
        [m] if m == "default" => ModeSelection::Default,
        [m] if m == "all" => ModeSelection::All,
        list => ModeSelection::Only(list.to_vec()),
    };
    for (name, codes) in [
        ("source", f.source),
        ("target", f.target),
        ("actor", f.actor),
        ("country", f.country),
        ("cameo", f.cameo),
        ("plover", f.plover),
    ] {
        if let Some(bad) = list(codes).into_iter().find(|c| {
            // Actor codes may end in `*` to match as a prefix (`FRA*`: FRAGOV, FRAMIL).
            let c = c.strip_suffix('*').unwrap_or(c);
            c.is_empty() || !c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        }) {
            return Err(ApiError::param(
                name,
                format!(
                    "{bad:?} is not a code (letters, digits and _ only, `*` at the end for a prefix)"
                ),
            ));
        }
    }
    Ok(Filter {
        sources: list(f.source),
        targets: list(f.target),
        actors: list(f.actor),
        countries: list(f.country),
        cameo: list(f.cameo),
        plover: list(f.plover),
        quad,
        modes,
        from: some(f.from),
        to: some(f.to),
        text: some(f.text),
        locations: list(f.location),
    })
}

/// A number in `lo..=hi` from parameter `name`, or `default`.
pub fn number(
    name: &str,
    v: &Option<String>,
    default: u32,
    lo: u32,
    hi: u32,
) -> Result<u32, ApiError> {
    match some(v) {
        None => Ok(default),
        Some(s) => match s.parse::<u32>() {
            Ok(n) if (lo..=hi).contains(&n) => Ok(n),
            _ => Err(ApiError::param(
                name,
                format!("{s:?} is not a number from {lo} to {hi}"),
            )),
        },
    }
}

/// The largest page of `GET /api/events` as JSON.
pub const MAX_PAGE: u32 = 10_000;

/// What `format` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JSON page.
    Json,
    /// A streamed CSV download.
    Csv,
    /// A streamed JSON Lines download.
    Jsonl,
}

impl EventsParams {
    /// The page request (for `format=json`).
    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            limit: number("limit", &self.limit, 100, 1, MAX_PAGE)?,
            cursor: some(&self.cursor),
            order: self.order()?,
        })
    }

    /// The sort order.
    pub fn order(&self) -> Result<Order, ApiError> {
        match some(&self.order).as_deref() {
            None | Some("asc") => Ok(Order::Asc),
            Some("desc") => Ok(Order::Desc),
            Some(o) => Err(ApiError::param(
                "order",
                format!("{o:?} is not asc or desc"),
            )),
        }
    }

    /// The output format.
    pub fn format(&self) -> Result<Format, ApiError> {
        match some(&self.format).as_deref() {
            None | Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv),
            Some("jsonl") => Ok(Format::Jsonl),
            Some(f) => Err(ApiError::param(
                "format",
                format!("{f:?} is not json, csv or jsonl"),
            )),
        }
    }
}

/// What a series is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesBy {
    /// QuadClass.
    Quad,
    /// CAMEO root.
    Root,
}

impl SeriesParams {
    /// The period.
    pub fn period(&self) -> Result<Period, ApiError> {
        some(&self.per)
            .unwrap_or_else(|| "day".into())
            .parse()
            .map_err(|e: String| ApiError::param("per", e))
    }

    /// The split.
    pub fn split(&self) -> Result<SeriesBy, ApiError> {
        match some(&self.by).as_deref() {
            None | Some("quad") => Ok(SeriesBy::Quad),
            Some("root") => Ok(SeriesBy::Root),
            Some(b) => Err(ApiError::param("by", format!("{b:?} is not quad or root"))),
        }
    }
}
