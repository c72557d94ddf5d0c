//! Helpers for the steps' unit tests: the built-in pipeline on sentences of our own.

use crate::Document;
use crate::actors::Mention;
use crate::pipeline::{Analysis, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")))
}

/// The mentions of `text` (published 2024-05-14), each with its surface text.
pub(crate) fn mentions(text: &str) -> Vec<(String, Mention)> {
    let mut doc = Document::from_text(text.to_string());
    doc.published = Some("2024-05-14".parse().expect("a date"));
    let mut a = Analysis::default();
    pipeline().analyze(&doc, None, &mut a);
    a.mentions
        .iter()
        .map(|m| {
            (
                doc.text[m.start as usize..m.end as usize].to_string(),
                m.clone(),
            )
        })
        .collect()
}

/// The mentions of `text` whose surface is `surface`, with their indices.
pub(crate) fn find(text: &str, surface: &str) -> Vec<(usize, Mention)> {
    mentions(text)
        .into_iter()
        .enumerate()
        .filter(|(_, (s, _))| s == surface)
        .map(|(i, (_, m))| (i, m))
        .collect()
}

/// The codes of the mentions of `text` whose surface is `surface`.
pub(crate) fn codes(text: &str, surface: &str) -> Vec<String> {
    find(text, surface)
        .into_iter()
        .map(|(_, m)| m.code.to_string())
        .collect()
}
