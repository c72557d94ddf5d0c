//! # dyad-core
//!
//! The dyad pipeline as a pure library. It owns every stage that turns the text of
//! a news document into coded events:
//!
//! - [`document`]: the document model ([`Document`], [`PartialDate`]) and stable ids;
//! - [`clean`]: cleaning (repeated headline, web debris, hard-wrapped newswire lines,
//!   datelines) as a *view* of the input with the same byte offsets;
//! - [`segment`]: sentences and tokens with byte offsets into the document as read;
//! - [`dict`]: the dictionaries (actors, agents, people, places, CAMEO codes, verb
//!   patterns) parsed from their text files, built in or overridden at run time;
//! - [`codes`]: actor and CAMEO event codes as small copyable values;
//! - [`relevance`]: which coded events the default output shows (story domains,
//!   public and private actors, one-sided events).
//!
//! What this crate must not do: read files, touch the network, spawn threads or print.
//! Readers, sinks, the store, the server and the CLI live in other crates and call
//! into this one; everything here is deterministic and side-effect free, so the same
//! document always yields the same output.

pub mod actors;
pub mod clean;
pub mod codes;
pub mod dict;
pub mod document;
pub mod enrich;
pub mod events;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod places;
pub mod relevance;
pub mod segment;
pub mod tags;
pub mod time;
pub mod windows;

pub use document::{DatePrecision, Document, PartialDate};
