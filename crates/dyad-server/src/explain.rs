//! How a stored mention's actors were resolved, as `dyad code --explain` tells it.
//!
//! The store keeps each document's text, metadata and the hash of the dictionaries
//! that coded it; coding is deterministic, so coding the stored document again with
//! the same dictionaries gives the same events, and `--explain`'s record for the
//! stored mention (matched by id, then checked against its codes and spans). Nothing
//! is added to the store, so every store, old or new, has it. When the server's
//! dictionaries differ from those that coded a document, or coding it again no
//! longer gives the stored event, the page says so instead of guessing.

use crate::state::Coder;
use dyad_core::actors::Resolution;
use dyad_core::output::{self, ExplainRecord, MentionRecord, ModeFilter};
use dyad_core::pipeline::{Analysis, WINDOW_BYTES};
use dyad_store::{DocumentDetail, MentionRow};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Documents coded again for one event at most (an event reported by hundreds of
/// stories explains its first mentions only).
pub const MAX_DOCUMENTS: usize = 10;

/// One actor's resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// The mention's text.
    pub text: String,
    /// The code it resolved to.
    pub code: String,
    /// What it names (`country`, `person`, `agent`, ...).
    pub kind: String,
    /// How, in words.
    pub how: String,
    /// The dictionary entries (`file:line`) behind it.
    pub entries: Vec<String>,
}

/// The explanation of one stored mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// `--explain`'s record (lemma, pattern, and source and target with their
    /// `resolution`), as `dyad code --explain` prints it.
    pub record: Value,
    /// The source's resolution, in words.
    pub source: Option<Resolved>,
    /// The target's resolution, in words.
    pub target: Option<Resolved>,
}

/// An explanation, or why there is none.
pub type Outcome = Result<Explanation, String>;

/// The resolution of `r`, in words, with its dictionary entries.
fn resolved(r: &MentionRecord<'_>, antecedents: &[&str]) -> Resolved {
    let quoted = |s: Option<&str>| format!("“{}”", s.unwrap_or("?"));
    let (how, entries) = match r.resolution {
        Resolution::Dictionary { source } => ("dictionary entry".to_string(), vec![source.clone()]),
        Resolution::Composed {
            rule,
            country,
            agent,
        } => (
            format!("composed ({rule}) of a country and an agent"),
            vec![country.clone(), agent.clone()],
        ),
        Resolution::Title { title } => (
            "a person not in the dictionaries, coded by the title".to_string(),
            vec![title.clone()],
        ),
        Resolution::Person { source, office } => (
            match office {
                Some(o) => format!("person in the dictionary, role on the story's date: {o}"),
                None => "person in the dictionary, role on the story's date".to_string(),
            },
            vec![source.clone()],
        ),
        Resolution::Alias { .. } => (
            format!(
                "short name of {} earlier in the story",
                quoted(r.antecedent)
            ),
            Vec::new(),
        ),
        Resolution::Definite { .. } => (
            format!("“the …” referring to {}", quoted(r.antecedent)),
            Vec::new(),
        ),
        Resolution::Pronoun { .. } => (
            format!("pronoun referring to {}", quoted(r.antecedent)),
            Vec::new(),
        ),
        Resolution::Company => (
            "a company named after its country: that country's business sector".to_string(),
            Vec::new(),
        ),
        Resolution::Collective { .. } => (
            format!(
                "stands for the actors named before: {}",
                antecedents
                    .iter()
                    .map(|a| quoted(Some(a)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Vec::new(),
        ),
    };
    Resolved {
        text: r.text.to_string(),
        code: r.code.to_string(),
        kind: serde_json::to_value(r.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        how,
        entries,
    }
}

/// Whether `x` explains the stored mention `m`: same source and target codes and
/// spans, same trigger.
fn matches(x: &ExplainRecord<'_>, m: &MentionRow, trigger: (u32, u32)) -> bool {
    let span = |r: &Option<MentionRecord<'_>>| r.as_ref().map(|r| (r.start, r.end));
    let stored = |s: &Option<dyad_store::query::Span>| s.as_ref().map(|s| (s.start, s.end));
    span(&x.source) == stored(&m.source_span)
        && span(&x.target) == stored(&m.target_span)
        && (m.trigger.start, m.trigger.end) == trigger
}

/// Explains every mention of `doc` among `wanted` (mention ids), coding it again.
fn explain_document(
    coder: &Coder,
    doc: &DocumentDetail,
    wanted: &[&MentionRow],
    out: &mut BTreeMap<String, Outcome>,
) {
    if doc.dict_hash != coder.dict_hash {
        for m in wanted {
            out.insert(
                m.id.clone(),
                Err(format!(
                    "document {} was coded with other dictionaries ({}) than this server's ({}): \
                     run `dyad recode` to see how its actors resolve",
                    doc.id, doc.dict_hash, coder.dict_hash
                )),
            );
        }
        return;
    }
    let d = dyad_core::Document {
        id: doc.id.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        published: doc.published.as_deref().and_then(|p| p.parse().ok()),
        source: doc.outlet.clone(),
        text: doc.text.clone(),
        language: doc.language.clone(),
    };
    let mut a = Analysis::default();
    // Window by window, as the store coded it, so that the ids are the same.
    coder
        .pipeline
        .analyze_windows(&d, None, WINDOW_BYTES, &mut a, |a| {
            let records = output::event_records_iter(&coder.pipeline, &d, a, ModeFilter::All, true);
            for r in records {
                let Some(m) = wanted.iter().find(|m| m.id == r.id) else {
                    continue;
                };
                let Some(x) = r.explain.as_ref() else {
                    continue;
                };
                let trigger = (r.evidence.trigger.start, r.evidence.trigger.end);
                if matches(x, m, trigger) {
                    out.insert(m.id.clone(), Ok(explanation(&d, a, x)));
                }
            }
        });
    for m in wanted {
        out.entry(m.id.clone()).or_insert_with(|| {
            Err(format!(
                "coding document {} again no longer gives this mention (the coder changed \
                 since it was stored): run `dyad recode --force`",
                doc.id
            ))
        });
    }
}

/// The explanation of an event record `x` of analysis `a` of document `d`.
fn explanation(d: &dyad_core::Document, a: &Analysis, x: &ExplainRecord<'_>) -> Explanation {
    let collective = |r: &MentionRecord<'_>| -> Vec<&str> {
        match r.resolution {
            Resolution::Collective { antecedents } => antecedents
                .iter()
                .filter_map(|&i| a.mentions.get(i))
                .map(|m| &d.text[m.start as usize..m.end as usize])
                .collect(),
            _ => Vec::new(),
        }
    };
    Explanation {
        record: serde_json::to_value(x).unwrap_or(Value::Null),
        source: x.source.as_ref().map(|r| resolved(r, &collective(r))),
        target: x.target.as_ref().map(|r| resolved(r, &collective(r))),
    }
}

/// Explains `mentions` (those of the first [`MAX_DOCUMENTS`] documents), reading
/// each document once through `load`. Keyed by mention id; mentions of further
/// documents are left out.
pub fn explain_mentions<E>(
    coder: &Coder,
    mentions: &[MentionRow],
    mut load: impl FnMut(&str) -> Result<Option<DocumentDetail>, E>,
) -> Result<BTreeMap<String, Outcome>, E> {
    let mut by_doc: Vec<(&str, Vec<&MentionRow>)> = Vec::new();
    for m in mentions {
        if let Some(i) = by_doc.iter().position(|(d, _)| *d == m.doc_id) {
            by_doc[i].1.push(m);
        } else if by_doc.len() < MAX_DOCUMENTS {
            by_doc.push((&m.doc_id, vec![m]));
        }
    }
    let mut out = BTreeMap::new();
    for (doc_id, wanted) in by_doc {
        match load(doc_id)? {
            Some(doc) => explain_document(coder, &doc, &wanted, &mut out),
            None => {
                for m in wanted {
                    out.insert(m.id.clone(), Err(format!("document {doc_id} is gone")));
                }
            }
        }
    }
    Ok(out)
}
