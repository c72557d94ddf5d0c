//! Readers and sinks.
