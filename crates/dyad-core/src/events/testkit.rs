//! Test support for the step modules: runs the sentence coder's steps on the first
//! sentence of a text, in the order of [`EventCoder::code_sentence`], stopping after a
//! chosen step, so that a test sees what that step decided.

use super::patterns::SentenceView;
use super::{Event, Found, frames, roles, speech, triggers};
use crate::Document;
use crate::pipeline::{Analysis, Pipeline};
use std::sync::OnceLock;

/// The built-in pipeline, built once for all tests.
pub(super) fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")))
}

/// A document of `text` published on 2024-05-14, analysed by the whole pipeline.
pub(super) fn analyse(text: &str) -> (Document, Analysis) {
    let mut doc = Document::from_text(text.to_string());
    doc.published = Some("2024-05-14".parse().expect("a date"));
    let mut analysis = Analysis::default();
    pipeline().analyze(&doc, None, &mut analysis);
    (doc, analysis)
}

/// The events the whole pipeline codes from `text`.
pub(super) fn events(text: &str) -> Vec<Event> {
    analyse(text).1.events
}

/// The steps after which [`probe`] can stop, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Step {
    /// Triggers, patterns, sources and targets.
    Roles,
    /// [`frames::link_embedded`].
    Frames,
    /// [`speech::would_looks_forward`].
    Would,
    /// [`speech::reported_obligations`].
    Obligations,
    /// [`roles::participle_subjects`].
    Participles,
    /// [`roles::conjoined_subjects`].
    Conjoined,
    /// [`super::modes::refusals`].
    Refusals,
}

/// One step after the per-trigger loop, over the sentence's findings.
type StepFn<'a> = dyn Fn(&mut Vec<Found>) + 'a;

/// What the steps found in the first sentence of a text.
pub(super) struct Probe {
    pub doc: Document,
    pub analysis: Analysis,
    pub found: Vec<Found>,
}

/// Runs the steps on the first sentence of `text` up to and including `last`.
pub(super) fn probe(text: &str, last: Step) -> Probe {
    let (doc, analysis) = analyse(text);
    let coder = &pipeline().events;
    let a = &analysis;
    let sentence = &a.segmented.sentences[0];
    let (s, e) = (sentence.tokens.start, sentence.tokens.end);
    let mention_ids: Vec<usize> = (0..a.mentions.len())
        .filter(|&m| a.mentions[m].sentence == sentence.index)
        .collect();
    let (mut quotes, mut is_trigger) = (Vec::new(), Vec::new());
    let tokens = &a.segmented.tokens;
    speech::mark_quotes(&doc.text, &tokens[s..e], &mut quotes);
    triggers::mark(
        coder,
        &a.words,
        &a.mentions,
        &mention_ids,
        s..e,
        true,
        &mut is_trigger,
    );
    let view = SentenceView {
        words: &a.words,
        tags: &a.tags,
        tokens,
        text: &doc.text,
        start: s,
        end: e,
        mention_ids: &mention_ids,
        mentions: &a.mentions,
        lex: &pipeline().lexicon,
        is_trigger: &is_trigger,
        added: true,
    };
    let (mut found, mut objects, mut candidates) = (Vec::new(), Vec::new(), Vec::new());
    for t in s..e {
        if let Some((mut f, start)) =
            triggers::find(coder, &view, &quotes, &found, &mut candidates, t)
        {
            roles::assign(&view, &quotes, &mut objects, &mut f, start);
            found.push(f);
        }
    }
    let steps: [(Step, &StepFn); 6] = [
        (Step::Frames, &|f| frames::link_embedded(f, &a.mentions)),
        (Step::Would, &|f| speech::would_looks_forward(f)),
        (Step::Obligations, &|f| {
            speech::reported_obligations(&view, f)
        }),
        (Step::Participles, &|f| {
            roles::participle_subjects(coder, &view, f)
        }),
        (Step::Conjoined, &|f| {
            roles::conjoined_subjects(&view, f, &objects)
        }),
        (Step::Refusals, &|f| super::modes::refusals(f)),
    ];
    for (step, run) in steps {
        if step <= last {
            run(&mut found);
        }
    }
    Probe {
        doc,
        analysis,
        found,
    }
}

impl Probe {
    /// The surface text of token `t`.
    pub fn token(&self, t: usize) -> &str {
        &self.doc.text[self.analysis.segmented.tokens[t].span()]
    }

    /// The event triggered by the word `trigger` (the first such).
    pub fn event(&self, trigger: &str) -> &Found {
        self.found
            .iter()
            .find(|f| self.token(f.trigger.0) == trigger)
            .unwrap_or_else(|| panic!("no event triggered by {trigger:?}: {:?}", self.triggers()))
    }

    /// The trigger words, in order.
    pub fn triggers(&self) -> Vec<&str> {
        self.found.iter().map(|f| self.token(f.trigger.0)).collect()
    }

    /// The surface text of mention `m`.
    pub fn mention(&self, m: usize) -> &str {
        let mm = &self.analysis.mentions[m];
        &self.doc.text[mm.start as usize..mm.end as usize]
    }

    /// The source of the event triggered by `trigger`, as written.
    pub fn source(&self, trigger: &str) -> Option<&str> {
        self.event(trigger).source.map(|(m, _)| self.mention(m))
    }

    /// The target of the event triggered by `trigger`, as written.
    pub fn target(&self, trigger: &str) -> Option<&str> {
        self.event(trigger).target.map(|m| self.mention(m))
    }
}
