//! Enrichment: dates (and later places, duplicates) attached to events.

pub mod dates;
