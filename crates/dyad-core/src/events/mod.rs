//! Events: who did what to whom, coded in CAMEO.
//!
//! [`EventCoder::code_sentence`] runs these steps over each sentence, in order (each
//! step's module says what it decides):
//! 1. [`speech::mark_quotes`]: which tokens lie inside quotations;
//! 2. [`triggers`]: which tokens can trigger (verbs and event nouns that head an entry
//!    of the pattern files, `dictionaries/verbs/`), the most specific pattern
//!    ([`patterns`]) and the verb group ([`clause`]: negation, modality, passive), with
//!    what the sentence tells as only possible ([`unreal`]: `the risk of an attack`);
//! 3. [`roles::assign`]: each event's source and target (subject, object, possessor,
//!    passive `by`, further targets);
//! 4. [`frames::link_embedded`]: frames and the events they embed (`urged X to
//!    withdraw`);
//! 5. [`speech`]: `would` and `must` in reported speech;
//! 6. [`roles::participle_subjects`], [`roles::conjoined_subjects`],
//!    [`roles::adverbial_subjects`]: shared subjects;
//! 7. [`modes::refusals`]: `will not attend` is a refusal;
//! 8. [`primary::main_event`]: the sentence's main event;
//! 9. [`emit`]: the final code ([`frames::frame_code`], [`modes::settle`]), the cues
//!    of the confidence model, and compound actors ([`expand`]).
//!
//! The pipeline then sets each event's [`confidence`] (it needs the story's domain).

// Keeps every function of the stage short enough to read at once (clippy's default
// threshold, 100 lines of code).
#![warn(clippy::too_many_lines)]

pub mod clause;
pub mod confidence;
mod emit;
mod expand;
pub mod frames;
pub mod inflect;
mod modes;
pub mod patterns;
mod primary;
mod roles;
mod speech;
#[cfg(test)]
mod testkit;
mod triggers;
mod unreal;

use crate::actors::Mention;
use crate::codes::{ActorCode, EventCode};
use crate::dict::{CameoTable, Dictionaries, Frame, Origin};
use crate::lexicon::{Lexicon, WordId};
use crate::segment::{Segmented, Sentence, Token};
use crate::tags::Tag;
use crate::time::EventDate;
use patterns::{PatternMatch, PatternProblem, PatternSet, SentenceView};
use serde::Serialize;

/// How an event is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// It happened (or is happening).
    Asserted,
    /// It is said not to have happened (`has not condemned`).
    Negated,
    /// It will happen (`will meet`, `plans to attack`).
    Future,
    /// It might happen (`could`, `would`, `if`, a requested or purposed action).
    Hypothetical,
    /// It happened long before the story (an explicit date over two years earlier).
    Historical,
}

impl Mode {
    /// The mode's name as written in output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Negated => "negated",
            Mode::Future => "future",
            Mode::Hypothetical => "hypothetical",
            Mode::Historical => "historical",
        }
    }
}

/// One coded event (before output formatting).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Index of the sentence.
    pub sentence: u32,
    /// The CAMEO code.
    pub code: EventCode,
    /// The source mention (index into the document's mentions); `None` when the
    /// source is unknown (`X was arrested`, `a bombing in Baghdad`).
    pub source: Option<usize>,
    /// The source's code (a member's code for compound actors; `---` when unknown).
    pub source_code: ActorCode,
    /// The target mention, if any.
    pub target: Option<usize>,
    /// The target's code.
    pub target_code: Option<ActorCode>,
    /// First token of the trigger.
    pub trigger_start: u32,
    /// One past its last token.
    pub trigger_end: u32,
    /// The mode.
    pub mode: Mode,
    /// The main-clause event of its sentence (GDELT's IsRootEvent).
    pub primary: bool,
    /// The trigger is inside a quotation.
    pub quote: bool,
    /// Events expanded from one compound actor share a group number.
    pub group: Option<u32>,
    /// The pattern that fired.
    pub rule: Origin,
    /// A frame or future intention changed the pattern's code; this was the
    /// embedded event's code.
    pub derived_from: Option<EventCode>,
    /// The probability that the event is right, 0 to 1 ([`confidence`]; set by the
    /// pipeline once the story's domain is known).
    pub confidence: f32,
    /// The source was found only by the fallback rule (nearest mention).
    pub weak_source: bool,
    /// What the coder knew of the pattern and trigger (for [`confidence`]).
    pub cues: confidence::Cues,
    /// The trigger's lemma (for explanations).
    pub lemma: String,
    /// The event's date (set by the enrichment stage, `enrich::attach_dates`).
    pub date: Option<EventDate>,
    /// Where it happened (set by the enrichment stage, `enrich::location`).
    pub location: Option<crate::enrich::location::EventLocation>,
}

/// The coder: compiled patterns, ready to run.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EventCoder {
    /// The compiled patterns.
    pub patterns: PatternSet,
    cameo: CameoTable,
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub struct EventScratch {
    quotes: Vec<bool>,
    triggers: Vec<bool>,
    mention_ids: Vec<usize>,
    found: Vec<Found>,
    objects: Vec<usize>,
    candidates: triggers::Candidates,
}

/// What every sentence of a document shares: its text, tokens, word ids, tags and the
/// lexicon.
type DocContext<'a> = (&'a str, &'a [Token], &'a [WordId], &'a [Tag], &'a Lexicon);

/// One event found in a sentence, as the steps fill it in.
#[derive(Debug, Clone)]
struct Found {
    trigger: (usize, usize),
    entry: u32,
    m: PatternMatch,
    /// The matched pattern's code (a null pattern yields no finding).
    code: EventCode,
    /// Its dictionary leaves modes to the patterns (`modes: patterns`): the event is
    /// coded as its pattern says and asserted.
    as_written: bool,
    source: Option<(usize, bool)>,
    target: Option<usize>,
    mode: Mode,
    passive: bool,
    embedded: bool,
    infinitive: bool,
    obligation: bool,
    would: bool,
    future_modal: bool,
    reporting: bool,
    /// The pattern's `[topic]`: no target after the pattern.
    topic: bool,
    quote: bool,
    /// A frame given by the coder rather than the pattern (reported obligations).
    frame: Option<Frame>,
    /// The trigger is a noun.
    noun: bool,
    /// A negated future (`will not accept`): coded as a refusal, asserted.
    refusal: bool,
    /// In a relative clause (`a helicopter that was captured`): never the main event.
    relative: bool,
}

impl EventCoder {
    /// Compiles the patterns of `dicts`, adding their words to `lex`.
    pub fn new(dicts: &Dictionaries, lex: &mut Lexicon) -> (Self, Vec<PatternProblem>) {
        let (patterns, problems) = PatternSet::new(dicts, lex);
        (
            EventCoder {
                patterns,
                cameo: dicts.cameo.clone(),
            },
            problems,
        )
    }

    /// Codes every sentence of a document.
    #[allow(clippy::too_many_arguments)]
    pub fn code_document(
        &self,
        text: &str,
        seg: &Segmented,
        words: &[WordId],
        tags: &[Tag],
        lex: &Lexicon,
        mentions: &[Mention],
        scratch: &mut EventScratch,
        out: &mut Vec<Event>,
    ) {
        out.clear();
        let mut first_mention = 0;
        for sentence in &seg.sentences {
            scratch.mention_ids.clear();
            while first_mention < mentions.len()
                && mentions[first_mention].sentence < sentence.index
            {
                first_mention += 1;
            }
            let mut i = first_mention;
            while i < mentions.len() && mentions[i].sentence == sentence.index {
                scratch.mention_ids.push(i);
                i += 1;
            }
            let before = out.len();
            let ctx = (text, &seg.tokens[..], words, tags, lex);
            self.code_sentence(ctx, sentence, mentions, false, scratch, out);
            // Dictionaries of the added layer code only what the base ones leave
            // without an event: they fill gaps and never change a base decision.
            if self.patterns.has_added && out.len() == before {
                self.code_sentence(ctx, sentence, mentions, true, scratch, out);
            }
        }
    }

    /// Codes one sentence whose mentions are in `scratch.mention_ids`: the steps of the
    /// module documentation, in order. Entries of the added layer take part only when
    /// `added`.
    fn code_sentence(
        &self,
        (text, tokens, words, tags, lex): DocContext<'_>,
        sentence: &Sentence,
        mentions: &[Mention],
        added: bool,
        scratch: &mut EventScratch,
        out: &mut Vec<Event>,
    ) {
        let (s, e) = (sentence.tokens.start, sentence.tokens.end);
        let EventScratch {
            quotes,
            triggers: is_trigger,
            mention_ids,
            found,
            objects,
            candidates,
        } = scratch;
        speech::mark_quotes(text, &tokens[s..e], quotes);
        triggers::mark(self, words, mentions, mention_ids, s..e, added, is_trigger);
        let view = SentenceView {
            words,
            tags,
            tokens,
            text,
            start: s,
            end: e,
            mention_ids,
            mentions,
            lex,
            is_trigger,
            added,
        };
        found.clear();
        objects.clear();
        for t in s..e {
            let Some((mut f, clause_start)) =
                triggers::find(self, &view, quotes, found, candidates, t)
            else {
                continue;
            };
            roles::assign(&view, quotes, objects, &mut f, clause_start);
            found.push(f);
        }
        frames::link_embedded(found, mentions);
        speech::would_looks_forward(found);
        speech::reported_obligations(&view, found);
        roles::participle_subjects(self, &view, found);
        roles::conjoined_subjects(&view, found, objects);
        roles::adverbial_subjects(&view, quotes, objects, found);
        modes::refusals(found);
        let main = primary::main_event(&view, found);
        emit::events(self, &view, sentence.index, found, main, out);
    }
}
