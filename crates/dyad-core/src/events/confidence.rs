//! Confidence: the probability that an event is right, from a logistic regression over
//! cues the coder already has (the pattern's root and specificity, the trigger's part
//! of speech, the actors' kinds, the mode, whether the event is its sentence's main
//! one, the story's domain and the relevance stage's reason to withhold it).
//!
//! The weights are data: `models/confidence.txt` (one `feature weight` line each),
//! trained by `scripts/train-confidence.py` on the rows `dyad eval --dump-features`
//! writes, and embedded at build time. The probability is
//! `1 / (1 + exp(-(w · x)))` over the feature vector `x` of [`features`].
//! `docs/accuracy.md` shows how well calibrated it is.

use super::{Event, Mode};
use crate::actors::{Mention, MentionKind};
use crate::relevance::{Domain, StoryDomain, Withheld, withheld};
use std::sync::OnceLock;

/// What the coder knew of an event when it found it, kept for [`features`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Cues {
    /// Number of elements the pattern matched (its specificity).
    pub specificity: u8,
    /// The trigger is a noun (`the signing of`, `an attack on`).
    pub noun: bool,
    /// The pattern itself found the target (`$`), not a later rule.
    pub pattern_target: bool,
    /// Coded by a bare default (`*` alone, or with the verb's own particles: `*_off`)
    /// of an entry of the added layer (`layer: added`): dyad's own dictionaries leave
    /// the verb uncoded, and nothing around it says more than the verb alone.
    pub added_default: bool,
    /// Coded by a bare default of any layer: only the verb's own words matched.
    pub bare: bool,
    /// What the part-of-speech tagger made of the trigger's first token.
    pub trigger_tag: TriggerTag,
    /// The pattern matched the passive voice (`X was arrested by Y`).
    pub passive: bool,
    /// The trigger is a complement of another verb (`agreed to meet`).
    pub embedded: bool,
    /// The trigger sits in a relative clause (`the rebels who attacked`).
    pub relative: bool,
    /// The sentence holds a year (`in 1999`): background and history are common there.
    pub year: bool,
    /// The sentence is long (over 40 tokens): clause structure is harder to read.
    pub long_sentence: bool,
    /// Over 8 tokens lie between the source and the trigger.
    pub far_source: bool,
    /// The trigger is capitalised mid-sentence (a name or a headline word).
    pub capitalised: bool,
    /// The trigger is an event noun named as the topic of another word (`the details
    /// of Musharraf's visit`): see `primary::topic_noun`.
    pub topic: bool,
    /// A court between companies: the source is a court, judge or jury, the target a
    /// business or no one, and the sentence names a business and no organ of state
    /// but courts (`the court dismissed Sonat's counterclaim`): see
    /// `emit::private_litigation`.
    pub litigation: bool,
}

/// The trigger's part of speech, as the confidence model groups the tagger's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum TriggerTag {
    /// Not tagged.
    #[default]
    Untagged,
    /// A finite verb (`attacked`, `attacks`, `attack` after a plural subject).
    Finite,
    /// A base form (`will attack`, `to attack`).
    Base,
    /// A past participle (`was attacked`, `charged to families`).
    Participle,
    /// A gerund or present participle (`attacking`).
    Gerund,
    /// A noun (`the attack`).
    Noun,
    /// Anything else (an adjective, a proper noun, a preposition).
    Other,
}

impl TriggerTag {
    /// The group of a tagger tag.
    pub fn of(tag: Option<crate::tags::Tag>) -> TriggerTag {
        use crate::tags::Tag;
        match tag {
            None => TriggerTag::Untagged,
            Some(Tag::VerbPast | Tag::VerbPresent3 | Tag::VerbPresent) => TriggerTag::Finite,
            Some(Tag::VerbBase) => TriggerTag::Base,
            Some(Tag::VerbPastParticiple) => TriggerTag::Participle,
            Some(Tag::VerbGerund) => TriggerTag::Gerund,
            Some(Tag::Noun) => TriggerTag::Noun,
            Some(_) => TriggerTag::Other,
        }
    }
}

/// The groups of [`TriggerTag`] in feature order (untagged has no feature).
const TRIGGER_TAGS: [(TriggerTag, &str); 6] = [
    (TriggerTag::Finite, "finite"),
    (TriggerTag::Base, "base"),
    (TriggerTag::Participle, "participle"),
    (TriggerTag::Gerund, "gerund"),
    (TriggerTag::Noun, "noun"),
    (TriggerTag::Other, "other"),
];

/// The kinds of mention, in the order of the `source=` and `target=` features.
const KINDS: [(MentionKind, &str); 8] = [
    (MentionKind::Country, "country"),
    (MentionKind::Region, "region"),
    (MentionKind::Organization, "organization"),
    (MentionKind::Group, "group"),
    (MentionKind::Person, "person"),
    (MentionKind::Agent, "agent"),
    (MentionKind::Place, "place"),
    (MentionKind::Pronoun, "pronoun"),
];

const MODES: [Mode; 5] = [
    Mode::Asserted,
    Mode::Negated,
    Mode::Future,
    Mode::Hypothetical,
    Mode::Historical,
];

const WITHHELD: [(&str, usize); 5] = [
    ("off_domain", 0),
    ("private_actors", 1),
    ("statement_without_target", 2),
    ("statement_around_event", 3),
    ("secondary_without_target", 4),
];

// Layout of the feature vector: offsets of each block.
const BIAS: usize = 0;
const ROOT: usize = 1; // 20 roots, 01..20
const SPEC: usize = ROOT + 20;
const NOUN: usize = SPEC + 1;
const PATTERN_TARGET: usize = NOUN + 1;
const SOURCE: usize = PATTERN_TARGET + 1; // 8 kinds + none
const SOURCE_ROLE: usize = SOURCE + 9;
const SOURCE_UNKNOWN: usize = SOURCE_ROLE + 1;
const TARGET: usize = SOURCE_UNKNOWN + 1; // 8 kinds + none
const TARGET_ROLE: usize = TARGET + 9;
const TARGET_UNKNOWN: usize = TARGET_ROLE + 1;
const MODE: usize = TARGET_UNKNOWN + 1; // 5 modes
const PRIMARY: usize = MODE + 5;
const QUOTE: usize = PRIMARY + 1;
const WEAK_SOURCE: usize = QUOTE + 1;
const DERIVED: usize = WEAK_SOURCE + 1;
const COMPOUND: usize = DERIVED + 1;
const DOMAIN: usize = COMPOUND + 1; // the 4 off domains
const WITHHELD_AT: usize = DOMAIN + 4; // 5 reasons
const TRIGGER_TAG: usize = WITHHELD_AT + 5; // 6 groups
const BARE: usize = TRIGGER_TAG + 6;
const PASSIVE: usize = BARE + 1;
const EMBEDDED: usize = PASSIVE + 1;
const RELATIVE: usize = EMBEDDED + 1;
const YEAR: usize = RELATIVE + 1;
const LONG_SENTENCE: usize = YEAR + 1;
const FAR_SOURCE: usize = LONG_SENTENCE + 1;
const CAPITALISED: usize = FAR_SOURCE + 1;
/// Number of features.
pub const N: usize = CAPITALISED + 1;

/// The features' names, in vector order (as in the model file and the dump).
pub fn names() -> &'static [String; N] {
    static NAMES: OnceLock<[String; N]> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut n: [String; N] = std::array::from_fn(|_| String::new());
        n[BIAS] = "bias".into();
        for r in 0..20 {
            n[ROOT + r] = format!("root={:02}", r + 1);
        }
        n[SPEC] = "specificity".into();
        n[NOUN] = "noun_trigger".into();
        n[PATTERN_TARGET] = "pattern_target".into();
        for (side, at) in [("source", SOURCE), ("target", TARGET)] {
            for (i, (_, k)) in KINDS.iter().enumerate() {
                n[at + i] = format!("{side}={k}");
            }
            n[at + 8] = format!("{side}=none");
            n[at + 9] = format!("{side}_role");
            n[at + 10] = format!("{side}_unknown_country");
        }
        for (i, m) in MODES.iter().enumerate() {
            n[MODE + i] = format!("mode={}", m.as_str());
        }
        n[PRIMARY] = "primary".into();
        n[QUOTE] = "quote".into();
        n[WEAK_SOURCE] = "weak_source".into();
        n[DERIVED] = "derived_from_frame".into();
        n[COMPOUND] = "compound".into();
        for (i, d) in Domain::OFF.iter().enumerate() {
            n[DOMAIN + i] = format!("domain={}", d.as_str());
        }
        for (name, i) in WITHHELD {
            n[WITHHELD_AT + i] = format!("withheld={name}");
        }
        for (i, (_, name)) in TRIGGER_TAGS.iter().enumerate() {
            n[TRIGGER_TAG + i] = format!("trigger={name}");
        }
        n[BARE] = "bare_pattern".into();
        n[PASSIVE] = "passive".into();
        n[EMBEDDED] = "embedded".into();
        n[RELATIVE] = "relative_clause".into();
        n[YEAR] = "year_in_sentence".into();
        n[LONG_SENTENCE] = "long_sentence".into();
        n[FAR_SOURCE] = "far_source".into();
        n[CAPITALISED] = "capitalised_trigger".into();
        n
    })
}

/// The feature of a withholding reason; the known-actor rules (source and target
/// unknown) have none: the actor features carry what they see.
fn withheld_index(w: Withheld) -> Option<usize> {
    match w {
        // A discarded sentence is off the political domain by the user's word.
        Withheld::OffDomain(_) | Withheld::Discarded(_) => Some(0),
        Withheld::PrivateActors => Some(1),
        Withheld::StatementWithoutTarget => Some(2),
        Withheld::StatementAroundEvent => Some(3),
        Withheld::SecondaryWithoutTarget => Some(4),
        // The noun and primary features carry what the background rule sees.
        Withheld::UnknownSource
        | Withheld::UnknownTarget
        | Withheld::StatementWithoutAddressee
        | Withheld::StatementToPress
        | Withheld::UncertainSource
        | Withheld::BackgroundNoun
        | Withheld::TopicNoun
        | Withheld::RelativeClause
        | Withheld::AddedDefault
        | Withheld::LowConfidence => None,
    }
}

/// Sets the block of one side (source or target) starting at `at`.
fn side(x: &mut [f32; N], at: usize, m: Option<&Mention>) {
    match m {
        None => x[at + 8] = 1.0,
        Some(m) => {
            let k = KINDS.iter().position(|(k, _)| *k == m.kind).unwrap_or(0);
            x[at + k] = 1.0;
            x[at + 9] = f32::from(u8::from(m.code.has_role()));
            x[at + 10] = f32::from(u8::from(m.unknown_country()));
        }
    }
}

/// The feature vector of event `e` of a document with `mentions` and `domain`.
pub fn features(e: &Event, mentions: &[Mention], domain: &StoryDomain) -> [f32; N] {
    let mut x = [0.0; N];
    let flag = |b: bool| f32::from(u8::from(b));
    x[BIAS] = 1.0;
    let root = e.code.root_number() as usize;
    if (1..=20).contains(&root) {
        x[ROOT + root - 1] = 1.0;
    }
    x[SPEC] = f32::from(e.cues.specificity.min(8));
    x[NOUN] = flag(e.cues.noun);
    x[PATTERN_TARGET] = flag(e.cues.pattern_target);
    side(&mut x, SOURCE, e.source.and_then(|s| mentions.get(s)));
    side(&mut x, TARGET, e.target.and_then(|t| mentions.get(t)));
    let mode = MODES.iter().position(|m| *m == e.mode).unwrap_or(0);
    x[MODE + mode] = 1.0;
    x[PRIMARY] = flag(e.primary);
    x[QUOTE] = flag(e.quote);
    x[WEAK_SOURCE] = flag(e.weak_source);
    x[DERIVED] = flag(e.derived_from.is_some());
    x[COMPOUND] = flag(e.group.is_some());
    let d = domain.of_sentence(e.sentence);
    if let Some(i) = Domain::OFF.iter().position(|o| *o == d) {
        x[DOMAIN + i] = 1.0;
    }
    if let Some(i) = withheld(e, domain).and_then(withheld_index) {
        x[WITHHELD_AT + i] = 1.0;
    }
    let c = &e.cues;
    if let Some(i) = TRIGGER_TAGS.iter().position(|(t, _)| *t == c.trigger_tag) {
        x[TRIGGER_TAG + i] = 1.0;
    }
    x[BARE] = flag(c.bare);
    x[PASSIVE] = flag(c.passive);
    x[EMBEDDED] = flag(c.embedded);
    x[RELATIVE] = flag(c.relative);
    x[YEAR] = flag(c.year);
    x[LONG_SENTENCE] = flag(c.long_sentence);
    x[FAR_SOURCE] = flag(c.far_source);
    x[CAPITALISED] = flag(c.capitalised);
    x
}

/// The features' names and values where not zero, in vector order (`--explain`
/// shows them; `scripts/train-confidence.py` reads them).
pub fn named_features(x: &[f32; N]) -> Vec<(&'static str, f32)> {
    names()
        .iter()
        .zip(x)
        .filter(|(_, v)| **v != 0.0)
        .map(|(n, v)| (n.as_str(), *v))
        .collect()
}

/// A line of the model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("models/confidence.txt:{line}: {message}")]
pub struct ModelError {
    /// The line, from 1.
    pub line: usize,
    /// The problem.
    pub message: String,
}

/// The weights of the model, one per feature (0 for a feature the file omits).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weights in feature order.
    pub weights: [f32; N],
}

/// The model file shipped with dyad.
pub const BUILTIN: &str = include_str!("../../../../models/confidence.txt");

impl Model {
    /// Reads a model file: `#` comments, blank lines, and `name weight` lines.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        let mut weights = [0.0; N];
        let mut seen = [false; N];
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| ModelError {
                line: i + 1,
                message,
            };
            let mut parts = line.split_whitespace();
            let (Some(name), Some(w), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(err(format!("expected `feature weight`, found {line:?}")));
            };
            let at = names()
                .iter()
                .position(|n| n == name)
                .ok_or_else(|| err(format!("unknown feature {name:?}")))?;
            if seen[at] {
                return Err(err(format!("feature {name:?} given twice")));
            }
            seen[at] = true;
            weights[at] = w
                .parse::<f32>()
                .ok()
                .filter(|w| w.is_finite())
                .ok_or_else(|| err(format!("bad weight {w:?}")))?;
        }
        Ok(Model { weights })
    }

    /// The built-in model (parsed once; a test checks that it parses).
    pub fn builtin() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::parse(BUILTIN).unwrap_or(Model { weights: [0.0; N] }))
    }

    /// The probability of a feature vector: the sigmoid of the weighted sum.
    pub fn probability(&self, x: &[f32; N]) -> f32 {
        let z: f32 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Sets every event's confidence with the built-in model.
pub fn assign(events: &mut [Event], mentions: &[Mention], domain: &StoryDomain) {
    let model = Model::builtin();
    for e in events {
        e.confidence = model.probability(&features(e, mentions, domain));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::{Analysis, Pipeline};

    #[test]
    fn the_builtin_model_parses_and_names_are_unique() {
        let m = Model::parse(BUILTIN).unwrap_or_else(|e| panic!("{e}"));
        assert!(m.weights.iter().any(|w| *w != 0.0));
        let mut n: Vec<&String> = names().iter().collect();
        n.sort();
        n.dedup();
        assert_eq!(n.len(), N);
        assert!(names().iter().all(|n| !n.is_empty()));
    }

    #[test]
    fn bad_lines_are_refused_with_their_line() {
        let e = Model::parse("bias 1\nno_such 2\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(Model::parse("bias x").is_err());
        assert!(Model::parse("bias 1 2").is_err());
        assert!(Model::parse("bias 1\nbias 2").is_err());
    }

    #[test]
    fn the_probability_is_the_sigmoid_of_the_weighted_sum() {
        let m = Model::parse("# test\nbias -1.0\nprimary 2.5\nspecificity 0.25\n").unwrap();
        let mut x = [0.0; N];
        x[BIAS] = 1.0;
        x[PRIMARY] = 1.0;
        x[SPEC] = 2.0;
        let z: f32 = -1.0 + 2.5 + 0.5;
        assert!((m.probability(&x) - 1.0 / (1.0 + (-z).exp())).abs() < 1e-6);
        x[PRIMARY] = 0.0;
        assert!((m.probability(&x) - 1.0 / (1.0 + 0.5f32.exp())).abs() < 1e-6);
    }

    /// The events of `text` with their feature vectors.
    fn coded(text: &str) -> Vec<(Event, [f32; N])> {
        static P: OnceLock<Pipeline> = OnceLock::new();
        let p = P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")));
        let mut a = Analysis::default();
        p.analyze(&Document::from_text(text), None, &mut a);
        a.events
            .iter()
            .map(|e| (e.clone(), features(e, &a.mentions, &a.domain)))
            .collect()
    }

    #[test]
    fn a_sure_dyadic_event_outranks_a_one_sided_secondary_noun_event() {
        let sure = coded("Venezuela expelled the Colombian ambassador on Monday.");
        let sure = sure
            .iter()
            .find(|(e, _)| e.primary && e.target.is_some() && e.mode == Mode::Asserted)
            .unwrap_or_else(|| panic!("no dyadic event: {sure:?}"));
        // Verb-triggered, with known actors on both sides.
        assert_eq!(sure.1[NOUN], 0.0);
        assert_eq!(sure.1[SOURCE_UNKNOWN] + sure.1[TARGET_UNKNOWN], 0.0);
        let unsure = coded("Russia condemned the attack by Ukraine.");
        let unsure = unsure
            .iter()
            .find(|(e, _)| !e.primary && e.target.is_none() && e.cues.noun)
            .unwrap_or_else(|| panic!("no one-sided secondary noun event: {unsure:?}"));
        assert!(
            sure.0.confidence > unsure.0.confidence,
            "{} <= {}",
            sure.0.confidence,
            unsure.0.confidence
        );
        let m = Model::builtin();
        assert!((m.probability(&sure.1) - sure.0.confidence).abs() < 1e-6);
    }
}
