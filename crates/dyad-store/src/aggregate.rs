//! Aggregates over events: counts, mentions, Goldstein sum and mean and counts per
//! QuadClass, grouped by actors, codes or place and per day, week, month or year.
//! These are the series forecasters feed their models.

use crate::query::{Filter, InvalidFilter};
use crate::{Store, StoreError};
use serde::Serialize;
use std::str::FromStr;

/// What to group events by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// Source actor code.
    Source,
    /// Target actor code.
    Target,
    /// Actor on either side (an event counts once per distinct actor).
    Actor,
    /// Source country.
    SourceCountry,
    /// Target country.
    TargetCountry,
    /// Country on either side (an event counts once per distinct country).
    Country,
    /// Full CAMEO code.
    Cameo,
    /// CAMEO root.
    Root,
    /// QuadClass.
    Quad,
    /// Mode.
    Mode,
    /// Place.
    Location,
    /// The place's country (ISO 3166-1 alpha-3, `loc_country`).
    LocationCountry,
}

impl GroupBy {
    /// The name used on the command line and as a column name.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Source => "source",
            GroupBy::Target => "target",
            GroupBy::Actor => "actor",
            GroupBy::SourceCountry => "source_country",
            GroupBy::TargetCountry => "target_country",
            GroupBy::Country => "country",
            GroupBy::Cameo => "cameo",
            GroupBy::Root => "root",
            GroupBy::Quad => "quad",
            GroupBy::Mode => "mode",
            GroupBy::Location => "location",
            GroupBy::LocationCountry => "loc_country",
        }
    }

    fn column(self) -> &'static str {
        match self {
            GroupBy::Source => "t.source",
            GroupBy::Target => "t.target",
            GroupBy::Actor | GroupBy::Country => "t.side",
            GroupBy::SourceCountry => "t.source_country",
            GroupBy::TargetCountry => "t.target_country",
            GroupBy::Cameo => "t.cameo",
            GroupBy::Root => "printf('%02d', t.root)",
            GroupBy::Quad => "CAST(t.quad AS TEXT)",
            GroupBy::Mode => "t.mode",
            GroupBy::Location => "t.location",
            GroupBy::LocationCountry => "t.loc_country",
        }
    }

    /// The two columns an either-side grouping unites.
    fn sides(self) -> Option<(&'static str, &'static str)> {
        match self {
            GroupBy::Actor => Some(("source", "target")),
            GroupBy::Country => Some(("source_country", "target_country")),
            _ => None,
        }
    }
}

impl FromStr for GroupBy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim() {
            "source" => GroupBy::Source,
            "target" => GroupBy::Target,
            "actor" => GroupBy::Actor,
            "source_country" => GroupBy::SourceCountry,
            "target_country" => GroupBy::TargetCountry,
            "country" => GroupBy::Country,
            "cameo" => GroupBy::Cameo,
            "root" => GroupBy::Root,
            "quad" => GroupBy::Quad,
            "mode" => GroupBy::Mode,
            "location" | "place" => GroupBy::Location,
            "loc_country" | "location_country" => GroupBy::LocationCountry,
            other => {
                return Err(format!(
                    "unknown grouping {other:?} (expected source, target, actor, country, \
                     source_country, target_country, cameo, root, quad, mode, location or loc_country)"
                ));
            }
        })
    }
}

/// The period of a time series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The event's first day.
    Day,
    /// The Monday of the event's first day's week.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl Period {
    fn expr(self) -> &'static str {
        match self {
            Period::Day => "t.date",
            Period::Week => "date(t.date, '-6 days', 'weekday 1')",
            Period::Month => "substr(t.date, 1, 7)",
            Period::Year => "substr(t.date, 1, 4)",
        }
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!(
                "unknown period {s:?} (expected day, week, month or year)"
            )),
        }
    }
}

/// One group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregateRow {
    /// The period (none: no period asked, or undated events).
    pub period: Option<String>,
    /// The group's values, in the order of the groupings.
    pub keys: Vec<Option<String>>,
    /// Distinct events.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Sum of the events' Goldstein values (each event once).
    pub goldstein_sum: f64,
    /// Mean Goldstein value per event.
    pub goldstein_mean: f64,
    /// Events per QuadClass 1..4.
    pub quad: [u64; 4],
}

impl Store {
    /// Aggregates the events matching `filter` by `by` (any number of groupings, at
    /// most one of them either-side) and, when given, `per` period. Rows are ordered
    /// by period, then keys.
    pub fn aggregate(
        &self,
        filter: &Filter,
        by: &[GroupBy],
        per: Option<Period>,
    ) -> Result<Vec<AggregateRow>, StoreError> {
        let either: Vec<GroupBy> = by.iter().copied().filter(|g| g.sides().is_some()).collect();
        if either.len() > 1 {
            return Err(StoreError::Invalid(InvalidFilter {
                field: "by",
                message: "actor and country (either side) cannot be combined".into(),
            }));
        }
        let w = filter.to_where(false)?;
        let cond = w.sql();
        let from = match either.first().and_then(|g| g.sides()) {
            // UNION (not ALL): an event with the same actor on both sides counts once.
            Some((a, b)) => format!(
                "(SELECT t.*, t.{a} AS side FROM events t WHERE {cond}
                  UNION SELECT t.*, t.{b} AS side FROM events t WHERE {cond} AND t.{b} IS NOT NULL) t"
            ),
            None => "events t".to_string(),
        };
        let period = match per {
            Some(p) => format!("CASE WHEN t.date = '' THEN NULL ELSE {} END", p.expr()),
            None => "NULL".into(),
        };
        let mut cols = vec![period];
        cols.extend(by.iter().map(|g| g.column().to_string()));
        let groups: Vec<String> = (1..=cols.len()).map(|i| i.to_string()).collect();
        let where_sql = if either.is_empty() {
            cond.as_str()
        } else {
            "1"
        };
        let sql = format!(
            "SELECT {}, count(*), sum(t.mentions), sum(t.goldstein), avg(t.goldstein),
                    sum(t.quad = 1), sum(t.quad = 2), sum(t.quad = 3), sum(t.quad = 4)
             FROM {from} WHERE {where_sql} GROUP BY {g} ORDER BY {g}",
            cols.join(", "),
            g = groups.join(", "),
        );
        let n = by.len();
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(&w.params), |r| {
                let mut keys = Vec::with_capacity(n);
                for i in 0..n {
                    keys.push(r.get::<_, Option<String>>(i + 1)?);
                }
                let c = |i: usize| r.get::<_, i64>(n + i).map(|v| v as u64);
                Ok(AggregateRow {
                    period: r.get(0)?,
                    keys,
                    events: c(1)?,
                    mentions: c(2)?,
                    goldstein_sum: r.get(n + 3)?,
                    goldstein_mean: r.get(n + 4)?,
                    quad: [c(5)?, c(6)?, c(7)?, c(8)?],
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}

/// A place with its events: one row per name, country and coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocatedPlace {
    /// The place's name (`location`).
    pub location: String,
    /// Its country (ISO 3166-1 alpha-3).
    pub loc_country: Option<String>,
    /// Latitude (none: the place has no coordinates).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Distinct events there.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Sum of the events' Goldstein values.
    pub goldstein_sum: f64,
}

impl Store {
    /// The places of the events matching `filter` with their coordinates, the
    /// busiest `limit` first (then by name): what a map draws. Events without a place
    /// are left out.
    pub fn located_places(
        &self,
        filter: &Filter,
        limit: u32,
    ) -> Result<Vec<LocatedPlace>, StoreError> {
        let mut w = filter.to_where(false)?;
        let cond = w.sql();
        w.params
            .push(rusqlite::types::Value::Integer(i64::from(limit)));
        let sql = format!(
            "SELECT t.location, t.loc_country, t.loc_lat, t.loc_lon, count(*),
                    sum(t.mentions), sum(t.goldstein)
             FROM events t
             WHERE {cond} AND t.location IS NOT NULL
             GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1, 2, 3, 4 LIMIT ?{}",
            w.params.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(&w.params), |r| {
                Ok(LocatedPlace {
                    location: r.get(0)?,
                    loc_country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    events: r.get::<_, i64>(4)? as u64,
                    mentions: r.get::<_, i64>(5)? as u64,
                    goldstein_sum: r.get(6)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
