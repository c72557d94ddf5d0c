//! Events: who did what to whom, coded in CAMEO.
//!
//! For each sentence, [`EventCoder::code_sentence`]:
//! 1. finds triggers: verbs and event nouns that head an entry of the pattern files
//!    (`dictionaries/verbs/`), telling a verb from a noun by the word before it;
//! 2. matches each trigger's patterns ([`patterns`]) and keeps the most specific;
//! 3. reads the verb group ([`clause`]): negation, modality, passive voice;
//! 4. finds the source (the subject, the possessor of a noun, or `by` in the passive)
//!    and the target (the pattern's `$`, else the direct object);
//! 5. resolves frames (`urged X to withdraw` -> 0256) and future intentions
//!    (`will meet` -> 036), expands compound actors into one event per member, and
//!    marks the main-clause event as primary.

pub mod clause;
pub mod frames;
pub mod inflect;
pub mod patterns;

use crate::actors::{Mention, MentionKind};
use crate::codes::{ActorCode, EventCode};
use crate::dict::{CameoTable, Dictionaries, Frame, Origin, TriggerKind};
use crate::lexicon::{Lexicon, UNKNOWN, WordClass, WordId};
use crate::segment::{Segmented, Sentence, Token};
use inflect::VerbForm;
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
    /// How sure the coder is, 0 to 1 (see `docs/patterns.md`).
    pub confidence: f32,
    /// The source was found only by the fallback rule (nearest mention).
    pub weak_source: bool,
    /// The trigger's lemma (for explanations).
    pub lemma: String,
    /// The event's date (set by [`crate::enrich::attach_dates`]).
    pub date: Option<crate::enrich::EventDate>,
    /// Where it happened (set by [`crate::enrich::location::attach_locations`]).
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
}

#[derive(Debug, Clone)]
struct Found {
    trigger: (usize, usize),
    entry: u32,
    m: PatternMatch,
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

/// Whether a determiner governs the word at `t` (`the visit`, `his visit`, `Russia's
/// military invasion`, `an armed group`): then it is a noun or an adjective, not a verb.
fn determined(view: &SentenceView<'_>, t: usize) -> bool {
    if t == view.start {
        return false;
    }
    let p = t - 1;
    let det = |q: usize| {
        let c = view.lex.class(view.words[q]);
        c.has(WordClass::DETERMINER)
            || c.has(WordClass::POSSESSIVE)
            || c.has(WordClass::POSSESSIVE_MARK)
    };
    if det(p) {
        return true;
    }
    // Up to three modifiers between: `the military invasion`, `of peaceful nuclear
    // work`, `a joint statement`.
    let mut q = p;
    let in_mention = |q: usize| {
        view.mention_ids.iter().any(|&m| {
            (view.mentions[m].first_token as usize..view.mentions[m].end_token as usize)
                .contains(&q)
        })
    };
    for _ in 0..3 {
        // An actor right before the word is its subject, not a modifier: `Kenya's
        // foreign minister met ...`.
        if in_mention(q) {
            return false;
        }
        let c = view.lex.class(view.words[q]);
        let surface = &view.text[view.tokens[q].span()];
        let modifier = surface.chars().next().is_some_and(char::is_lowercase)
            && !c.has(WordClass::AUXILIARY)
            && !c.has(WordClass::MODAL)
            && !c.has(WordClass::NEGATION)
            && !c.has(WordClass::PREPOSITION)
            && !c.has(WordClass::CONJUNCTION)
            && !c.has(WordClass::ADVERB)
            && !view.is_trigger[q - view.start];
        // A plural noun before the word is its subject: `its allies demanded`.
        let plural = surface.len() > 3
            && surface.ends_with('s')
            && !["ous", "ss", "is", "us"]
                .iter()
                .any(|x| surface.ends_with(x));
        if !modifier || plural || q == view.start {
            return false;
        }
        q -= 1;
        let before = view.lex.class(view.words[q]);
        if det(q) || (before.has(WordClass::PREPOSITION) && view.lex.word(view.words[q]) != "to") {
            return true;
        }
    }
    false
}

/// Whether the word at `t` reads as a noun: determined, after a preposition, or right
/// after an actor that modifies it (`Russian offensive`, `US sanctions`).
fn noun_context(view: &SentenceView<'_>, t: usize) -> bool {
    if t == view.start {
        return false;
    }
    let c = view.lex.class(view.words[t - 1]);
    determined(view, t)
        || (c.has(WordClass::PREPOSITION) && view.lex.word(view.words[t - 1]) != "to")
        || view
            .mention_ids
            .iter()
            .any(|&m| view.mentions[m].end_token as usize == t && view.mentions[m].modifier)
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
            self.code_sentence(
                text,
                &seg.tokens,
                words,
                lex,
                sentence,
                mentions,
                scratch,
                out,
            );
        }
    }

    fn is_verb_trigger(&self, w: WordId) -> bool {
        w != UNKNOWN && self.patterns.verbs.contains_key(&w)
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[WordId],
        lex: &Lexicon,
        sentence: &Sentence,
        mentions: &[Mention],
        scratch: &mut EventScratch,
        out: &mut Vec<Event>,
    ) {
        let (s, e) = (sentence.tokens.start, sentence.tokens.end);
        let EventScratch {
            quotes,
            triggers,
            mention_ids,
            found,
            objects,
        } = scratch;
        // Quotation state per token.
        quotes.clear();
        let mut inside = false;
        for t in s..e {
            let q = matches!(&text[tokens[t].span()], "“" | "”" | "\"" | "«" | "»");
            if q {
                inside = !inside;
            }
            quotes.push(inside && !q);
        }
        // Tokens inside a mention are never triggers.
        let in_mention = |t: usize| {
            mention_ids.iter().any(|&m| {
                (mentions[m].first_token as usize..mentions[m].end_token as usize).contains(&t)
            })
        };
        triggers.clear();
        triggers.extend((s..e).map(|t| self.is_verb_trigger(words[t]) && !in_mention(t)));
        let view = SentenceView {
            words,
            tokens,
            text,
            start: s,
            end: e,
            mention_ids,
            mentions,
            lex,
            is_trigger: triggers,
        };

        found.clear();
        objects.clear();
        for t in s..e {
            let w = words[t];
            if w == UNKNOWN || in_mention(t) {
                continue;
            }
            // The second half of a hyphenated compound is no trigger: `drought-hit`,
            // `Russian-backed`.
            if t > s
                && &text[tokens[t - 1].span()] == "-"
                && !tokens[t - 1]
                    .flags
                    .contains(crate::segment::TokenFlags::SPACE_BEFORE)
                && !tokens[t]
                    .flags
                    .contains(crate::segment::TokenFlags::SPACE_BEFORE)
            {
                continue;
            }
            let verbs = self.patterns.verbs.get(&w);
            let nouns = self.patterns.nouns.get(&w);
            if verbs.is_none() && nouns.is_none() {
                continue;
            }
            // A word inside an earlier trigger's pattern (`issued an arrest warrant
            // against`) is part of that event, unless it is the frame's embedded verb.
            if found
                .iter()
                .any(|f| f.trigger.0 < t && t < f.m.end && f.m.frame_token != Some(t))
            {
                continue;
            }
            let as_noun = nouns.is_some() && (verbs.is_none() || noun_context(&view, t));
            let candidates: Vec<(u32, Option<VerbForm>)> = if as_noun {
                nouns
                    .into_iter()
                    .flatten()
                    .map(|(e, _)| (*e, None))
                    .collect()
            } else {
                // A participle or gerund after a determiner is an adjective (`the
                // proposed plan`), not a verb; after a preposition only a gerund is a
                // verb (`after meeting X`, but `signs of consent`).
                // A participle right after its noun heads a clause (`a declaration
                // demanding ...`): only a determiner right before makes it an adjective.
                let gerund_form =
                    verbs.is_some_and(|v| v.iter().all(|(_, f)| *f == VerbForm::Gerund));
                if if gerund_form {
                    t > s && {
                        let c = lex.class(words[t - 1]);
                        c.has(WordClass::DETERMINER) || c.has(WordClass::POSSESSIVE)
                    }
                } else {
                    determined(&view, t)
                } {
                    continue;
                }
                let after_preposition = t > s
                    && lex.class(words[t - 1]).has(WordClass::PREPOSITION)
                    && lex.word(words[t - 1]) != "to";
                // `its EU partners`, `the US sanctions`: an `-s` form after an actor that a
                // determiner governs is a plural noun.
                let after_determined_actor = view.mention_ids.iter().any(|&mi| {
                    let m = &mentions[mi];
                    m.end_token as usize == t && m.first_token as usize > s && {
                        let c = lex.class(words[m.first_token as usize - 1]);
                        c.has(WordClass::DETERMINER) || c.has(WordClass::POSSESSIVE)
                    }
                });
                let forms: Vec<(u32, Option<VerbForm>)> = verbs
                    .into_iter()
                    .flatten()
                    .filter(|(_, f)| !after_preposition || *f == VerbForm::Gerund)
                    .filter(|(_, f)| !(after_determined_actor && *f == VerbForm::ThirdPerson))
                    .map(|(e, f)| (*e, Some(*f)))
                    .collect();
                if forms.is_empty() {
                    continue;
                }
                forms
            };
            // The most specific pattern over all entries of the word.
            let mut best: Option<(u32, PatternMatch)> = None;
            for (entry, _) in &candidates {
                let ce = &self.patterns.entries[*entry as usize];
                if (ce.kind == TriggerKind::Noun) != as_noun {
                    continue;
                }
                for (pi, p) in ce.patterns.iter().enumerate() {
                    if let Some(mut m) = view.match_pattern(&self.patterns, p, (t, t + 1)) {
                        m.pattern = pi;
                        if best.as_ref().is_none_or(|(_, b)| m.score > b.score) {
                            best = Some((*entry, m));
                        }
                    }
                }
            }
            let Some((entry, m)) = best else { continue };
            let participle = candidates
                .iter()
                .any(|(_, f)| matches!(f, Some(VerbForm::Participle)));
            let group = if as_noun {
                clause::VerbGroup {
                    start: t,
                    mode: Mode::Asserted,
                    passive: false,
                    infinitive: false,
                    obligation: false,
                    would: false,
                    future_modal: false,
                }
            } else {
                view.verb_group(t, participle)
            };
            let pattern = &self.patterns.entries[entry as usize].patterns[m.pattern];
            // `who`, `which`, or `that` right before the verb group (a complementiser
            // `that` is followed by its clause's subject instead).
            let relative = !as_noun
                && group.start > s
                && matches!(lex.word(words[group.start - 1]), "who" | "which" | "that")
                && words[group.start - 1] != UNKNOWN;
            found.push(Found {
                trigger: (t, t + 1),
                entry,
                m,
                source: None,
                target: None,
                mode: group.mode,
                passive: group.passive,
                embedded: false,
                infinitive: group.infinitive,
                obligation: group.obligation,
                would: group.would,
                future_modal: group.future_modal,
                reporting: pattern.reporting,
                quote: view.quoted(quotes, t),
                frame: None,
                noun: as_noun,
                refusal: false,
                relative,
            });
            let f = found.last_mut().expect("just pushed");
            // Source and target.
            let quoted_trigger = f.quote;
            if as_noun {
                // The possessor or a mention right before the noun (`Russia's
                // invasion`, `the Chinese president's visit`, `US sanctions`), else the
                // subject of the clause.
                let mut q = t;
                let mut owner = None;
                while q > s && t - q < 4 {
                    q -= 1;
                    if let Some(&mi) = view.mention_ids.iter().find(|&&mi| {
                        mentions[mi].end_token as usize == q + 1
                            || (mentions[mi].end_token as usize == q
                                && lex.class(words[q]).has(WordClass::POSSESSIVE_MARK))
                    }) {
                        owner = Some(mi);
                        break;
                    }
                    if view.is_boundary(q) || lex.class(words[q]).has(WordClass::PREPOSITION) {
                        break;
                    }
                }
                // Without a possessor, a noun takes the clause's subject only when it
                // is the time of the clause (`said after talks with Putin`).
                let temporal = {
                    let mut q = t;
                    while q > s && lex.class(words[q - 1]).has(WordClass::DETERMINER) {
                        q -= 1;
                    }
                    q > s
                        && matches!(
                            lex.word(words[q - 1]),
                            "after" | "following" | "during" | "before" | "at" | "amid"
                        )
                        && words[q - 1] != UNKNOWN
                };
                f.source =
                    f.m.source
                        .map(|m| (m, false))
                        .or(owner.map(|m| (m, false)))
                        .or_else(|| {
                            // Only for meetings and the like (`after talks with Y`):
                            // `following the invasion of Y` says nothing of who invaded.
                            let cooperative = self.patterns.entries[entry as usize].patterns
                                [f.m.pattern]
                                .code
                                .root_number()
                                <= 8;
                            if temporal && cooperative {
                                view.subject(t, quotes, objects, quoted_trigger)
                            } else {
                                None
                            }
                        });
                f.target = f.m.target;
            } else if f.passive {
                // `X was arrested by Y`: Y acts on X.
                let by = (t + 1..e.min(t + 6))
                    .find(|&q| lex.word(words[q]) == "by" && words[q] != UNKNOWN);
                f.source = f.m.source.map(|m| (m, false)).or_else(|| {
                    by.and_then(|q| {
                        view.mention_ids.iter().copied().find(|&mi| {
                            mentions[mi].first_token as usize == q + 1
                                || mentions[mi].first_token as usize == q + 2
                        })
                    })
                    .map(|m| (m, false))
                });
                // The passive's subject is the target; a `$` the pattern found after
                // the verb is the `by` agent, not a target.
                let subject = view
                    .subject(group.start, quotes, objects, quoted_trigger)
                    .map(|(m, _)| m);
                f.target = subject.or(f.m.target.filter(|&m| f.source.is_none_or(|(s, _)| s != m)));
            } else {
                f.source =
                    f.m.source
                        .map(|m| (m, false))
                        .or_else(|| view.subject(group.start, quotes, objects, quoted_trigger));
                // `<content>, the minister said`: the speaker stands between the last
                // comma and the verb; an actor before the comma belongs to the content.
                if f.reporting
                    && let Some((mi, _)) = f.source
                    && let Some(comma) = (mentions[mi].end_token as usize..group.start)
                        .rev()
                        .find(|&q| &text[tokens[q].span()] == ",")
                    && !lex.class(words[comma + 1]).has(WordClass::CONJUNCTION)
                    && comma + 1 < group.start
                {
                    f.source = None;
                }
                // A reporting verb with its subject after it: `..., said Putin`.
                if f.source.is_none_or(|(_, weak)| weak)
                    && f.reporting
                    && let Some(mi) = view.mention_at(t + 1)
                    && (mentions[mi].end_token as usize >= e
                        || view.is_boundary(mentions[mi].end_token as usize))
                {
                    f.source = Some((mi, false));
                }
                f.target = f.m.target.or_else(|| {
                    if f.reporting {
                        return None;
                    }
                    // An actor the pattern's words ran into (`summoned the German
                    // ambassador`), else the direct object after the pattern.
                    view.mention_ids
                        .iter()
                        .copied()
                        .rfind(|&mi| {
                            (mentions[mi].first_token as usize) < f.m.end
                                && (mentions[mi].end_token as usize) > f.trigger.1
                                && !view.possessor(mi)
                        })
                        .or_else(|| direct_object(&view, f.m.end))
                        .or_else(|| further_target(&view, f.m.end, f.source.map(|(s, _)| s)))
                });
            }
            // `Syria offered its troops to Lebanon`: an actor of the source's own country
            // is seldom the target when another actor follows.
            if let (Some(tg), Some((src, _))) = (f.target, f.source)
                && mentions[tg].code.prefix() == mentions[src].code.prefix()
                && country_like(&mentions[src].code)
                && let Some(next) = direct_object(&view, mentions[tg].end_token as usize)
                && mentions[next].code.prefix() != mentions[src].code.prefix()
            {
                f.target = Some(next);
            }
            if let Some(tg) = f.target {
                objects.push(tg);
            }
            // Actors inside the matched pattern (`withdraw its troops from X`) are
            // taken: they are not the subject of a later verb.
            let (from, to) = (f.trigger.1, f.m.end);
            objects.extend(view.mention_ids.iter().copied().filter(|&mi| {
                (mentions[mi].first_token as usize) >= from
                    && (mentions[mi].end_token as usize) <= to
            }));
        }

        // Frames: the embedded event gives the code, and is itself only requested.
        for i in 0..found.len() {
            let Some(ft) = found[i].m.frame_token else {
                continue;
            };
            let Some(j) = found.iter().position(|f| f.trigger.0 == ft) else {
                continue;
            };
            found[j].embedded = true;
            // `agreed to provide aid to Romania`: the frame acts on the embedded target.
            if found[i].target.is_none()
                && let Some(tg) = found[j].target
                && found[i]
                    .source
                    .is_none_or(|(s, _)| mentions[s].code != mentions[tg].code)
            {
                found[i].target = Some(tg);
            }
            if found[j].mode == Mode::Asserted {
                found[j].mode = Mode::Hypothetical;
            }
            // The embedded verb's subject is the frame's target (`urged X to withdraw`).
            if let Some(tg) = found[i].target
                && found[j].source.is_none_or(|(_, weak)| weak)
            {
                found[j].source = Some((tg, false));
            }
        }

        // In reported speech `would` looks forward from the past: `X said it would
        // withdraw` reports an intention (future), not a hypothesis.
        for r in 0..found.len() {
            if !found[r].reporting {
                continue;
            }
            for k in r + 1..found.len() {
                if found[k].reporting {
                    break;
                }
                if found[k].would
                    && found[k].mode == Mode::Hypothetical
                    && found[k].quote == found[r].quote
                {
                    found[k].mode = Mode::Future;
                }
            }
        }

        // A reported obligation is a demand: `X said Y must withdraw` is X demanding
        // that Y withdraw (the %demand frame over Y's event).
        let reported = found.len();
        for r in 0..reported {
            if !found[r].reporting || found[r].source.is_none() {
                continue;
            }
            let next = (r + 1..reported)
                .take_while(|&k| !found[k].reporting)
                .find(|&k| found[k].obligation && found[k].quote == found[r].quote);
            if let Some(k) = next
                && let Some((target, _)) = found[k].source
            {
                let mut demand = found[r].clone();
                demand.reporting = false;
                demand.target = Some(target);
                demand.m.frame_token = Some(found[k].trigger.0);
                demand.frame = Some(Frame::Demand);
                found[k].embedded = true;
                found.push(demand);
            } else if next.is_none() {
                // No coded verb after the obligation (`Sudan must return a helicopter`):
                // still a demand on the actor that must act.
                let end = found[r + 1..reported]
                    .iter()
                    .find(|f| f.reporting)
                    .map_or(e, |f| f.trigger.0);
                let obliged = (found[r].trigger.1..end.saturating_sub(1)).find_map(|q| {
                    let m = view
                        .mention_ids
                        .iter()
                        .copied()
                        .find(|&mi| mentions[mi].first_token as usize == q)?;
                    let after = mentions[m].end_token as usize;
                    (after < e
                        && matches!(lex.word(words[after]), "must" | "should")
                        && words[after] != UNKNOWN)
                        .then_some(m)
                });
                if let Some(target) = obliged {
                    let mut demand = found[r].clone();
                    demand.reporting = false;
                    demand.target = Some(target);
                    demand.frame = Some(Frame::Demand);
                    found.push(demand);
                }
            }
        }

        // A participle after a comma (`..., saying X`) shares the main clause's subject.
        for i in 1..found.len() {
            let t = found[i].trigger.0;
            let gerund = !found[i].noun
                && self
                    .patterns
                    .verbs
                    .get(&words[t])
                    .is_some_and(|v| v.iter().any(|(_, f)| *f == VerbForm::Gerund));
            // `issued a statement denouncing X`: a participle with no subject of its
            // own also takes the previous event's.
            let subjectless = found[i].source.is_none_or(|(_, weak)| weak);
            if gerund
                && t > s
                && (&text[tokens[t - 1].span()] == "," || subjectless)
                && let Some(main) = found[..i].iter().find(|f| !f.quote && f.source.is_some())
            {
                found[i].source = main.source;
            }
        }

        // Conjoined verbs share a subject: `welcomed X, but said ...`, `urged X and
        // pressured Y` (the previous verb at the same level: not an embedded one).
        for i in 1..found.len() {
            let Some(p) = (0..i).rev().find(|&p| {
                !found[p].embedded
                    && !found[p].infinitive
                    && found[p].m.frame_token != Some(found[i].trigger.0)
            }) else {
                continue;
            };
            let (t, prev_t) = (found[i].trigger.0, found[p].trigger.0);
            let joined = (prev_t + 1..t)
                .rev()
                .take(6)
                .any(|q| matches!(lex.word(words[q]), "and" | "but" | "or") && words[q] != UNKNOWN);
            if found[i].noun {
                continue;
            }
            let weak = found[i]
                .source
                .is_none_or(|(m, weak)| weak || Some(m) == found[p].target || objects.contains(&m));
            if joined && weak && found[p].source.is_some() && !found[i].passive {
                let no_own_subject = !(prev_t + 1..t).any(|q| {
                    view.mention_ids.iter().any(|&mi| {
                        mentions[mi].first_token as usize == q
                            && !objects.contains(&mi)
                            && !view.governed(mi)
                            && !view.possessor(mi)
                    })
                });
                if no_own_subject {
                    found[i].source = found[p].source;
                }
            }
        }

        // `will not attend`, `would not accept`: a refusal, asserted now (and so a
        // candidate for the sentence's main event).
        for f in found.iter_mut() {
            if f.mode == Mode::Negated && f.future_modal && !f.reporting && !f.noun {
                f.mode = Mode::Asserted;
                f.refusal = true;
            }
        }

        // Primary: the first event outside quotations that is no reporting verb and not
        // embedded; else the first reporting event; else the first.
        // An event with no source is coded only when its clause says so itself: a
        // passive without `by` (`X was arrested`), or an event noun with its target
        // (`a bombing in Baghdad`).
        let codable =
            |f: &Found| f.source.is_some() || ((f.passive || f.noun) && f.target.is_some());
        let with_source: Vec<usize> = (0..found.len()).filter(|&i| codable(&found[i])).collect();
        let primary = with_source
            .iter()
            .copied()
            .find(|&i| {
                !found[i].reporting
                    && !found[i].embedded
                    && !found[i].quote
                    && !found[i].relative
                    && found[i].mode != Mode::Negated
                    && found[i].mode != Mode::Hypothetical
            })
            .or_else(|| {
                with_source
                    .iter()
                    .copied()
                    .find(|&i| !found[i].embedded && !found[i].quote)
            })
            .or_else(|| with_source.first().copied());

        for (i, f) in found.iter().enumerate() {
            if !codable(f) {
                continue;
            }
            let (source, weak_source) = match f.source {
                Some((s, weak)) => (Some(s), weak),
                None => (None, false),
            };
            let ce = &self.patterns.entries[f.entry as usize];
            let pattern = &ce.patterns[f.m.pattern];
            let mut code = pattern.code;
            let mut derived_from = None;
            if let Some(ft) = f.m.frame_token
                && let Some(emb) = found.iter().find(|g| g.trigger.0 == ft)
            {
                let emb_code =
                    self.patterns.entries[emb.entry as usize].patterns[emb.m.pattern].code;
                if let Some(frame) = f.frame.or_else(|| frame_of(pattern))
                    && let Some(c) = frames::derive(frame, emb_code, &self.cameo)
                {
                    code = c;
                    derived_from = Some(emb_code);
                } else if f.frame == Some(Frame::Demand) {
                    code = EventCode::new("100").expect("valid code");
                    derived_from = Some(emb_code);
                }
            }
            if f.frame == Some(Frame::Demand) && derived_from.is_none() {
                code = EventCode::new("100").expect("valid code");
            }
            let mut mode = f.mode;
            // A refusal takes the refusal of its code (`will not accept refugees` ->
            // 122); a threat refused stays a threat (`will not tolerate` -> 130).
            if f.refusal && derived_from.is_none() && !matches!(code.root_number(), 12 | 13) {
                derived_from = Some(code);
                code = frames::derive(Frame::Reject, code, &self.cameo)
                    .unwrap_or(EventCode::new("120").expect("valid code"));
            }
            // A conditional promise is a threat: `X will withdraw its troops unless Y
            // ...`, `X may halt mediation if ...`.
            let conditional = matches!(mode, Mode::Future | Mode::Hypothetical)
                && !f.reporting
                && !f.embedded
                && (f.trigger.1..e)
                    .any(|q| words[q] != UNKNOWN && matches!(lex.word(words[q]), "unless" | "if"));
            // Only a hostile or withdrawn act made conditional is a threat; a conditional
            // offer (`will send aid if it is attacked`) stays an offer.
            let hostile =
                matches!(code.root_number(), 12 | 14..=20) || code.as_str().starts_with("087");
            if conditional && hostile && derived_from.is_none() {
                derived_from = Some(code);
                code = frames::derive(Frame::Threat, code, &self.cameo)
                    .unwrap_or(EventCode::new("130").expect("valid code"));
                mode = Mode::Future;
            }
            if mode == Mode::Future
                && derived_from.is_none()
                && let Some(c) = frames::derive(Frame::Intent, code, &self.cameo)
            {
                derived_from = Some(code);
                code = c;
            }
            let confidence = {
                let mut c = 0.45 + 0.05 * f.m.score.min(6) as f32;
                if f.target.is_some() {
                    c += 0.1;
                }
                if weak_source {
                    c -= 0.2;
                }
                if f.m.target.is_some() {
                    c += 0.05;
                }
                c.clamp(0.05, 0.95)
            };
            let base = Event {
                sentence: sentence.index,
                code,
                source,
                source_code: source.map_or(ActorCode::new("---").expect("valid code"), |s| {
                    mentions[s].code
                }),
                target: f.target,
                target_code: f.target.map(|t| mentions[t].code),
                trigger_start: f.trigger.0 as u32,
                trigger_end: f.trigger.1 as u32,
                mode,
                primary: Some(i) == primary,
                quote: f.quote,
                group: None,
                rule: pattern.origin,
                derived_from,
                confidence,
                weak_source,
                lemma: ce.lemma.clone(),
                date: None,
                location: None,
            };
            let before = out.len();
            // A secondary event whose source is only the nearest actor is too unsure to
            // report; the sentence's main event is kept, flagged by its confidence.
            // Likewise a secondary event whose source has no known country
            // (`officials`, an unknown agent of a passive).
            let unknown_source = source.is_none_or(|s| mentions[s].unknown_country());
            if (weak_source || unknown_source) && Some(i) != primary {
                continue;
            }
            expand(
                base,
                mentions,
                pattern.reciprocal,
                f.m.target.is_some(),
                out,
            );
            // The same event twice in a sentence (a verb and its noun, two patterns
            // over one phrase) is kept once; without a target it adds nothing to the
            // same event with one (`arrived in Amman on a visit`).
            let same = |x: &Event, e: &Event| {
                x.code == e.code && x.source_code == e.source_code && x.mode == e.mode
            };
            let mut k = before;
            while k < out.len() {
                let e = &out[k];
                let sentence_start = out[..k]
                    .iter()
                    .rposition(|x| x.sentence != e.sentence)
                    .map_or(0, |p| p + 1);
                let dup = out[sentence_start..k].iter().any(|x| {
                    same(x, e) && (x.target_code == e.target_code || e.target_code.is_none())
                });
                if dup {
                    out.remove(k);
                    continue;
                }
                if e.target_code.is_some()
                    && let Some(p) = out[sentence_start..k]
                        .iter()
                        .position(|x| same(x, e) && x.target_code.is_none())
                {
                    let p = sentence_start + p;
                    let primary = out[p].primary;
                    out[k].primary |= primary;
                    out.remove(p);
                    k -= 1;
                }
                k += 1;
            }
        }
    }
}

/// Whether a code starts with a country or region (not an organisation type).
fn country_like(code: &ActorCode) -> bool {
    !matches!(code.prefix(), "---" | "IGO" | "NGO" | "IMG" | "MNC")
}

fn frame_of(p: &patterns::Pattern) -> Option<Frame> {
    p.after
        .iter()
        .chain(p.before.iter())
        .find_map(|(e, _)| match e {
            patterns::Elem::Frame(f) => Some(*f),
            _ => None,
        })
}

/// The first mention after the trigger in its clause that can be an object.
fn direct_object(view: &SentenceView<'_>, from: usize) -> Option<usize> {
    let mut t = from;
    while t < view.end && t < from + 6 {
        if view.is_boundary(t) {
            return None;
        }
        let c = view.lex.class(view.words[t]);
        if c.has(WordClass::SUBORDINATOR) && view.lex.word(view.words[t]) != "as"
            || c.has(WordClass::RELATIVE)
        {
            return None;
        }
        // An infinitive starts a clause of its own: `work together to advance their`.
        if view.lex.word(view.words[t]) == "to"
            && view.words[t] != UNKNOWN
            && t + 1 < view.end
            && view.is_trigger[t + 1 - view.start]
        {
            return None;
        }
        if let Some(m) = view.mention_at(t) {
            let mm = &view.mentions[m];
            let end = mm.end_token as usize;
            // `his Russian counterpart`, `Russia's army`: the possessed mention.
            if view.possessor(m) || mm.modifier {
                if let Some(next) = (end..(end + 3).min(view.end)).find_map(|q| view.mention_at(q))
                {
                    return Some(next);
                }
                // A possessive pronoun alone (`their cooperation`) is no object.
                if mm.kind == MentionKind::Pronoun {
                    t = end;
                    continue;
                }
            }
            // An actor of unknown country is a weak object: prefer a known one close by.
            if mm.unknown_country()
                && let Some(better) = (end..(end + 4).min(view.end))
                    .take_while(|&q| !view.is_boundary(q))
                    .find_map(|q| view.mention_at(q))
                    .filter(|&b| !view.mentions[b].unknown_country())
            {
                return Some(better);
            }
            return Some(m);
        }
        if view.is_trigger[t - view.start] && t > from {
            return None;
        }
        t += 1;
    }
    None
}

/// Words that open a new statement: a target is not sought past them.
const STATEMENT_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "stated",
    "announced",
    "reported",
    "according",
];

/// A target further on in the sentence, for an event whose pattern and direct object
/// gave none: `staged demonstrations to demand reforms by Suharto's government`,
/// `agreed to set up a centre in Tokyo`. The first actor after the trigger that is not
/// the source, a mere adjective, or past the start of another statement.
fn further_target(view: &SentenceView<'_>, from: usize, source: Option<usize>) -> Option<usize> {
    let source_code = source.map(|s| view.mentions[s].code);
    let mut t = from;
    while t < view.end {
        let w = view.words[t];
        let surface = &view.text[view.tokens[t].span()];
        if surface == ";"
            || (w != UNKNOWN && STATEMENT_WORDS.contains(&view.lex.word(w)))
            || view.lex.class(w).has(WordClass::RELATIVE) && view.lex.word(w) != "that"
        {
            return None;
        }
        if let Some(m) = view.mention_at(t) {
            let mm = &view.mentions[m];
            let end = mm.end_token as usize;
            let own = Some(mm.code) == source_code
                || source.is_some_and(|s| mm.group.is_some() && mm.group == view.mentions[s].group);
            let possessive_pronoun =
                mm.kind == crate::actors::MentionKind::Pronoun && view.possessor(m);
            let weak = own || mm.modifier || possessive_pronoun || mm.unknown_country();
            if !weak {
                return Some(m);
            }
            t = end.max(t + 1);
            continue;
        }
        t += 1;
    }
    None
}

/// Expands compound sources and targets into one event per member.
fn expand(
    base: Event,
    mentions: &[Mention],
    reciprocal: bool,
    explicit_target: bool,
    out: &mut Vec<Event>,
) {
    let members = |m: usize| -> Vec<usize> {
        match mentions[m].group {
            Some(g) => mentions
                .iter()
                .enumerate()
                .filter(|(_, x)| x.group == Some(g) && x.sentence == mentions[m].sentence)
                .map(|(i, _)| i)
                .collect(),
            None => vec![m],
        }
    };
    let sources: Vec<Option<usize>> = match base.source {
        Some(s) => members(s).into_iter().map(Some).collect(),
        None => vec![None],
    };
    let group = base
        .source
        .and_then(|s| mentions[s].group)
        .or(base.target.and_then(|t| mentions[t].group));
    let code_of = |a: Option<usize>| a.map_or(base.source_code, |a| mentions[a].code);
    match base.target {
        None if reciprocal && sources.len() > 1 => {
            for &a in &sources {
                for &b in sources.iter().flatten() {
                    if a != Some(b) && code_of(a) != mentions[b].code {
                        out.push(Event {
                            source: a,
                            source_code: code_of(a),
                            target: Some(b),
                            target_code: Some(mentions[b].code),
                            group,
                            ..base.clone()
                        });
                    }
                }
            }
        }
        target => {
            let targets: Vec<Option<usize>> = match target {
                Some(t) => members(t).into_iter().map(Some).collect(),
                None => vec![None],
            };
            for &a in &sources {
                for t in &targets {
                    // An actor does not act on itself: such a pair is dropped, or coded
                    // without a target when there is no other target.
                    let own = t.is_some_and(|t| mentions[t].code == code_of(a));
                    if own && targets.len() > 1 {
                        continue;
                    }
                    let t = t.filter(|_| !own);
                    out.push(Event {
                        source: a,
                        source_code: code_of(a),
                        target: t,
                        target_code: t.map(|t| mentions[t].code),
                        group: if sources.len() > 1 || targets.len() > 1 {
                            group
                        } else {
                            None
                        },
                        ..base.clone()
                    });
                    // A mutual action (`met`, `signed an agreement with`) is also coded
                    // from the target's side.
                    if reciprocal
                        && explicit_target
                        && let Some(t) = t
                        && let Some(a) = a
                    {
                        out.push(Event {
                            source: Some(t),
                            source_code: mentions[t].code,
                            target: Some(a),
                            target_code: Some(mentions[a].code),
                            primary: false,
                            group,
                            ..base.clone()
                        });
                    }
                }
            }
        }
    }
}
