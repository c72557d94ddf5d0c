//! A light clause analysis around a trigger, with no parser: the auxiliary chain
//! before a verb (tense, negation, modality, passive voice), infinitives, `if`
//! clauses, quotations, and the subject.

use super::Mode;
use super::patterns::SentenceView;
use crate::actors::MentionKind;
use crate::lexicon::{UNKNOWN, WordClass};
use crate::tags::Pos;

/// What the verb group before a trigger says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the verb group (auxiliaries and adverbs included).
    pub start: usize,
    /// The clause's mode as the verb group tells it.
    pub mode: Mode,
    /// Passive voice (`was arrested`).
    pub passive: bool,
    /// A bare infinitive (`to withdraw`).
    pub infinitive: bool,
    /// An obligation: `must`, `should`, `has to`, `needs to`.
    pub obligation: bool,
    /// `would` (or `'d`): hypothetical, or a future seen from the past in reported speech.
    pub would: bool,
    /// `will`, `would`, `shall`: with a negation, a refusal (`will not attend`).
    pub future_modal: bool,
}

/// Nouns and quantifiers whose `of` phrase names who acts (`thousands of Kurds`).
const PARTITIVES: [&str; 24] = [
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "tens",
    "scores",
    "group",
    "groups",
    "member",
    "members",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "several",
    "all",
    "each",
    "both",
    "delegation",
    "team",
    "crowd",
    "crowds",
];

impl SentenceView<'_> {
    fn word(&self, t: usize) -> &str {
        let w = self.words[t];
        if w == UNKNOWN { "" } else { self.lex.word(w) }
    }

    fn class(&self, t: usize) -> WordClass {
        self.lex.class(self.words[t])
    }

    fn is_adverb(&self, t: usize) -> bool {
        let w = self.word(t);
        let surface = &self.text[self.tokens[t].span()];
        let _ = w;
        self.class(t).has(WordClass::ADVERB)
            || (surface.len() > 4
                && surface.ends_with("ly")
                && surface.chars().all(|c| c.is_ascii_lowercase()))
    }

    /// A day word (`Wednesday`, `today`, `yesterday`) or an adverb.
    fn is_time_word(&self, t: usize) -> bool {
        self.is_day_word(t) || self.is_adverb(t)
    }

    /// A day word: `Wednesday`, `today`, `yesterday`, `tonight`.
    pub(super) fn is_day_word(&self, t: usize) -> bool {
        const DAYS: [&str; 10] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
            "tonight",
        ];
        let surface = &self.text[self.tokens[t].span()];
        DAYS.iter().any(|d| d.eq_ignore_ascii_case(surface))
    }

    /// Reads the verb group ending just before `trigger` (a verb).
    pub fn verb_group(&self, trigger: usize, participle: bool) -> VerbGroup {
        let mut t = trigger;
        let mut mode = Mode::Asserted;
        let mut passive = false;
        let mut infinitive = false;
        let mut obligation = false;
        let mut would = false;
        let mut future_modal = false;
        let mut saw_be = false;
        while t > self.start {
            let p = t - 1;
            let c = self.class(p);
            let w = self.word(p);
            if c.has(WordClass::NEGATION) && w != "no" {
                mode = Mode::Negated;
            } else if c.has(WordClass::MODAL)
                // `in May rejected`: the month, not the modal.
                && !(w == "may" && p > self.start && self.tokens[p].flags.contains(crate::segment::TokenFlags::CAPITALIZED))
            {
                obligation |= matches!(w, "must" | "should" | "ought");
                would |= matches!(w, "would" | "'d");
                future_modal |= matches!(w, "will" | "would" | "shall" | "'ll" | "wo" | "'d");
                if mode != Mode::Negated {
                    mode = match w {
                        "will" | "shall" | "'ll" | "wo" => Mode::Future,
                        _ => Mode::Hypothetical,
                    };
                }
            } else if c.has(WordClass::BE) {
                saw_be = true;
            } else if ["potentially", "possibly", "perhaps", "maybe", "probably"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&self.text[self.tokens[p].span()]))
            {
                // `potentially reducing the demand`: a possibility, not an act.
                if mode != Mode::Negated {
                    mode = Mode::Hypothetical;
                }
            } else if c.has(WordClass::AUXILIARY) || self.is_adverb(p) {
            } else if w == "to" {
                infinitive = true;
                t = p;
                mode = self.infinitive_mode(p, mode);
                break;
            } else if matches!(w, "or" | "and") && p >= self.start + 2 && self.word(p - 2) == "to" {
                // `the power to suspend or bar him`: the second verb of a pair shares
                // the first one's `to`.
                infinitive = true;
                t = p - 2;
                mode = self.infinitive_mode(p - 2, mode);
                break;
            } else if let Some(to) = matches!(w, "or" | "and")
                .then(|| self.shared_to(trigger, p))
                .flatten()
            {
                // `wanted to grant an amnesty and deport everyone else`: a base form
                // after `and` continues the infinitive before it.
                infinitive = true;
                t = to;
                mode = self.infinitive_mode(to, mode);
                break;
            } else if let Some(shared) = matches!(w, "or" | "and")
                .then(|| self.shared_modal(trigger, p))
                .flatten()
            {
                // `said Britain would contribute 1.3 mln to UNHCR and give 750,000 to
                // relief agencies`: the second verb shares the first one's modal.
                if mode != Mode::Negated {
                    mode = shared;
                }
                future_modal |= shared == Mode::Future;
                break;
            } else if w == "longer" && p > self.start && self.word(p - 1) == "no" {
                mode = Mode::Negated;
                t = p - 1;
                continue;
            } else {
                break;
            }
            t = p;
        }
        if saw_be && participle {
            passive = true;
        }
        // `if` earlier in the clause makes it hypothetical.
        // (`whether the court will talk about ...`: a future under `whether` is no
        // stated intention either.)
        if mode != Mode::Negated && self.under_if(t) {
            mode = Mode::Hypothetical;
            // `unclear if China would hold war games`: a condition's `would` is no
            // reported intention (`speech.rs` `would_looks_forward`).
            would = false;
        }
        // `will not negotiate until Turkey withdraws its troops`, `when he visits the
        // U.S.`: a present tense in a time clause tells what has not happened yet.
        if mode == Mode::Asserted && self.present_in_time_clause(t, trigger) {
            mode = Mode::Hypothetical;
        }
        // `China traditionally opposes dual nationality`: a habit or standing policy in
        // the present tense is no event of the day.
        if mode == Mode::Asserted && self.habitual_present(t, trigger) {
            mode = Mode::Hypothetical;
        }
        VerbGroup {
            start: t,
            mode,
            passive,
            infinitive,
            obligation,
            would,
            future_modal,
        }
    }

    /// The `to` of an infinitive that the base-form verb at `trigger`, right after the
    /// conjunction at `and`, continues: `to` and a base form within 12 tokens before,
    /// with no finite verb, auxiliary or clause boundary between.
    fn shared_to(&self, trigger: usize, and: usize) -> Option<usize> {
        use crate::tags::Tag;
        if self.tags.get(trigger) != Some(&Tag::VerbBase) {
            return None;
        }
        let floor = and.saturating_sub(12).max(self.start);
        for q in (floor..and).rev() {
            let finite = self.tags.get(q).is_some_and(|g| {
                matches!(
                    g,
                    Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3 | Tag::Aux
                )
            });
            if finite || self.is_boundary(q) {
                return None;
            }
            if self.word(q) == "to" && self.tags.get(q + 1) == Some(&Tag::VerbBase) {
                return Some(q);
            }
        }
        None
    }

    /// The mode that the base-form verb at `trigger`, right after the conjunction at
    /// `and`, shares with an earlier verb of a modal: a modal and a base form within 20
    /// tokens before, with no finite verb, other auxiliary or clause boundary (but
    /// commas) between;
    /// `will`/`shall` give the future, `not` after the modal negates, the other modals
    /// make it hypothetical.
    fn shared_modal(&self, trigger: usize, and: usize) -> Option<Mode> {
        use crate::tags::Tag;
        // Right after `and`, a present form has no subject of its own: it is the base
        // form the tagger could not tell from it.
        if !matches!(
            self.tags.get(trigger),
            Some(Tag::VerbBase | Tag::VerbPresent)
        ) {
            return None;
        }
        let floor = and.saturating_sub(20).max(self.start);
        for q in (floor..and).rev() {
            // Commas may set off the first verb's objects (`to the agency, UNHCR, for
            // refugees, and give`); other punctuation ends the clause.
            if self.is_boundary(q) && &self.text[self.tokens[q].span()] != "," {
                return None;
            }
            let w = self.word(q);
            let modal = matches!(
                w,
                "will" | "would" | "shall" | "could" | "can" | "may" | "might" | "should" | "must"
            );
            if modal {
                let next = self.word(q + 1);
                return Some(if matches!(next, "not" | "n't") {
                    Mode::Negated
                } else if matches!(w, "will" | "shall") {
                    Mode::Future
                } else {
                    Mode::Hypothetical
                });
            }
            let finite = self.tags.get(q).is_some_and(|g| {
                matches!(
                    g,
                    Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3 | Tag::Aux
                )
            });
            if finite {
                return None;
            }
        }
        None
    }

    /// The mode of an infinitive whose `to` is at `to`, given the mode so far, from
    /// what governs it: `failed to` negates, `plans to` is future, anything else makes
    /// an asserted clause hypothetical; a time between is skipped (`failed on Wednesday
    /// to`).
    fn infinitive_mode(&self, to: usize, mode: Mode) -> Mode {
        let mut gov = to;
        for _ in 0..3 {
            if gov > self.start + 1
                && (self.is_time_word(gov - 1)
                    || (self.word(gov - 1) == "on" && self.is_time_word(gov)))
            {
                gov -= 1;
            }
        }
        if gov > self.start {
            let g = self.class(gov - 1);
            if g.has(WordClass::FAIL_VERB) {
                return Mode::Negated;
            } else if self.forecast(gov - 1) {
                return Mode::Hypothetical;
            } else if g.has(WordClass::PLAN_VERB) {
                // `doesn't want to discuss`, `never intended to attack`: no intention.
                let plan = gov - 1;
                let negated = (plan.saturating_sub(3).max(self.start)..plan)
                    .any(|q| self.class(q).has(WordClass::NEGATION) && self.word(q) != "no");
                return if negated { Mode::Negated } else { Mode::Future };
            }
        }
        if mode == Mode::Asserted {
            Mode::Hypothetical
        } else {
            mode
        }
    }

    /// Whether the word at `w`, governing an infinitive, makes it someone's forecast
    /// rather than the actor's plan: `expected` after `be` (`the leaders are expected to
    /// discuss`; `X expects to meet` is X's plan).
    fn forecast(&self, w: usize) -> bool {
        match self.word(w) {
            "expected" => {
                w > self.start
                    && matches!(
                        self.word(w - 1),
                        "is" | "are" | "was" | "were" | "be" | "been"
                    )
            }
            _ => false,
        }
    }

    /// Whether the verb at `trigger`, in the present tense, has an adverb of habit in its
    /// verb group (`start..trigger`) or right before it: `traditionally`, `usually`,
    /// `generally`, `normally`, `routinely`, `habitually`, `typically`.
    fn habitual_present(&self, start: usize, trigger: usize) -> bool {
        use crate::tags::Tag;
        const HABIT: [&str; 7] = [
            "traditionally",
            "usually",
            "generally",
            "normally",
            "routinely",
            "habitually",
            "typically",
        ];
        let present = self
            .tags
            .get(trigger)
            .is_some_and(|g| matches!(g, Tag::VerbPresent | Tag::VerbPresent3));
        let from = start.saturating_sub(1).max(self.start);
        present
            && (from..trigger).any(|q| {
                let w = &self.text[self.tokens[q].span()];
                HABIT.iter().any(|h| h.eq_ignore_ascii_case(w))
            })
    }

    /// Whether the verb group from `start` to `trigger` is in the present tense inside a
    /// clause opened by `until`, `before`, `when` or `once` (no boundary between, at most
    /// 12 tokens back): a present verb tagged so, or a present `have` or `be` first in
    /// the group (`once their appointments have been ratified`, `when troops are sent`).
    fn present_in_time_clause(&self, start: usize, trigger: usize) -> bool {
        use crate::tags::Tag;
        let present = if start == trigger {
            self.tags
                .get(trigger)
                .is_some_and(|g| matches!(g, Tag::VerbPresent | Tag::VerbPresent3))
        } else {
            matches!(self.word(start), "has" | "have" | "is" | "are" | "am")
        };
        if !present {
            return false;
        }
        let floor = start.saturating_sub(12).max(self.start);
        (floor..start)
            .rev()
            .take_while(|&q| !self.is_boundary(q))
            .any(|q| matches!(self.word(q), "until" | "before" | "when" | "once"))
    }

    /// Whether `if`, `unless`, `whether`, `provided that` or `so that` comes earlier in
    /// the clause of the verb group starting at `t` (commas do not end the clause; other
    /// boundaries and quotation marks do).
    fn under_if(&self, t: usize) -> bool {
        let mut q = t;
        while q > self.start {
            q -= 1;
            let surface = &self.text[self.tokens[q].span()];
            if (self.is_boundary(q) && surface != ",") || matches!(surface, "“" | "”" | "\"") {
                return false;
            }
            if matches!(self.word(q), "if" | "unless" | "whether") {
                return true;
            }
            // `Should Britain decide to act, ...`, `Were the talks to fail, ...`: a
            // sentence opened by an inverted auxiliary before its subject is a condition
            // (a question ends in `?` and is read apart).
            if q == self.start
                && matches!(self.word(q), "should" | "were" | "had")
                && self.subject_follows(q)
            {
                return true;
            }
            // `provided that`, `providing that`: a condition; `so that`: a purpose.
            if q + 1 < self.end
                && matches!(self.word(q), "provided" | "providing" | "so")
                && self.word(q + 1) == "that"
            {
                return true;
            }
            // `on (the) condition that`: a condition like `if`.
            if surface.eq_ignore_ascii_case("condition")
                && q + 1 < self.end
                && self.text[self.tokens[q + 1].span()].eq_ignore_ascii_case("that")
            {
                return true;
            }
        }
        false
    }

    /// The nearest finite verb or auxiliary before `at` in the sentence, not past a
    /// semicolon, colon, bracket, quotation mark or sentence end (at most 30 tokens
    /// back): the verb of the clause that a time clause or gerund at `at` modifies.
    pub(super) fn finite_verb_before(&self, at: usize) -> Option<usize> {
        use crate::tags::Tag;
        let floor = at.saturating_sub(30).max(self.start);
        for q in (floor..at).rev() {
            let surface = &self.text[self.tokens[q].span()];
            if matches!(
                surface,
                ";" | ":" | "." | "?" | "!" | "(" | ")" | "“" | "”" | "\""
            ) {
                return None;
            }
            let finite = self.tags.get(q).is_some_and(|g| {
                matches!(
                    g,
                    Tag::Aux | Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3
                )
            });
            if finite {
                return Some(q);
            }
        }
        None
    }

    /// Whether the token after `q` opens a noun phrase (a determiner, name, noun or
    /// pronoun, or a capitalised word: the tagger, not used to the inverted order, may
    /// read `Should Britain decide` as two verbs).
    fn subject_follows(&self, q: usize) -> bool {
        use crate::tags::Pos;
        q + 1 < self.end
            && (self.tokens[q + 1]
                .flags
                .contains(crate::segment::TokenFlags::CAPITALIZED)
                || self.tags.get(q + 1).is_some_and(|g| {
                    matches!(g.pos(), Pos::Det | Pos::Propn | Pos::Noun | Pos::Pron)
                }))
    }

    /// Whether token `t` lies inside a quotation.
    pub fn quoted(&self, quotes: &[bool], t: usize) -> bool {
        quotes.get(t - self.start).copied().unwrap_or(false)
    }

    /// Whether mention `m` follows `of` after a partitive or a number (`thousands of
    /// Kurds`, `a group of diplomats`, `members of the association`, `one of the
    /// rebels`).
    pub fn after_partitive(&self, m: usize) -> bool {
        let mut t = self.mentions[m].first_token as usize;
        while t > self.start && self.class(t - 1).has(WordClass::ARTICLE) {
            t -= 1;
        }
        if t < self.start + 2 || self.word(t - 1) != "of" {
            return false;
        }
        let head = &self.text[self.tokens[t - 2].span()];
        let head = head.to_ascii_lowercase();
        head.bytes().all(|b| b.is_ascii_digit() || b == b',') || PARTITIVES.contains(&head.as_str())
    }

    /// Whether mention `m` is governed by a preposition (`with Putin`, `of the army`).
    pub fn governed(&self, m: usize) -> bool {
        let mm = &self.mentions[m];
        let mut t = mm.first_token as usize;
        while t > self.start {
            let c = self.class(t - 1);
            if c.has(WordClass::ARTICLE)
                || (c.has(WordClass::DETERMINER) && !c.has(WordClass::PREPOSITION))
            {
                t -= 1;
                continue;
            }
            return c.has(WordClass::PREPOSITION) && self.word(t - 1) != "by";
        }
        false
    }

    /// Whether mention `m`, right before the verb group at `group_start`, follows a word
    /// that also opens a clause (`after`, `before`, `since`, `until`: `after Uganda
    /// withdrew`): then it is that clause's subject, not a preposition's object.
    fn opens_subordinate_clause(&self, m: usize, group_start: usize) -> bool {
        let mm = &self.mentions[m];
        let mut t = mm.first_token as usize;
        while t > self.start && self.class(t - 1).has(WordClass::ARTICLE) {
            t -= 1;
        }
        mm.end_token as usize == group_start
            && t > self.start
            && self.class(t - 1).has(WordClass::SUBORDINATOR)
    }

    /// Whether mention `m` is a possessor of a following noun (`Russia's invasion`).
    pub fn possessor(&self, m: usize) -> bool {
        let e = self.mentions[m].end_token as usize;
        e < self.end && self.class(e).has(WordClass::POSSESSIVE_MARK)
            || (self.mentions[m].kind == MentionKind::Pronoun
                && self
                    .class(self.mentions[m].first_token as usize)
                    .has(WordClass::POSSESSIVE))
    }

    /// The subject of a trigger whose verb group starts at `group_start`: the nearest
    /// mention before it in the same quotation state, not governed by a preposition, not
    /// a possessor, not the object of an earlier event, and not a mere modifier; with a
    /// fallback to the nearest mention at all. Returns (mention, is_fallback).
    pub fn subject(
        &self,
        group_start: usize,
        quotes: &[bool],
        objects: &[usize],
        quoted_trigger: bool,
    ) -> Option<(usize, bool)> {
        // `Euronext, which combines the Paris and Lisbon exchanges, began talks`: the
        // subject stands before the relative clause, never inside it.
        if let Some(open) = self.relative_clause_before(group_start) {
            return self.subject(open, quotes, objects, quoted_trigger);
        }
        if let Some(m) = self.appositive_subject(group_start, quotes, objects, quoted_trigger) {
            return Some((m, false));
        }
        // `X, a ..., has refused to deploy`: the infinitive's subject is its governing
        // verb's, whose group may end at the appositive.
        if group_start > self.start + 1 && self.word(group_start) == "to" {
            let governing = self.verb_group(group_start - 1, false).start;
            if let Some(m) = self.appositive_subject(governing, quotes, objects, quoted_trigger) {
                return Some((m, false));
            }
        }
        if self.unknown_name_before(group_start) || self.unresolved_pronoun_before(group_start) {
            return None;
        }
        let (mut fallback, mut modifier, mut governed_fallback) = (None, None, None);
        for &m in self.mention_ids.iter().rev() {
            let mm = &self.mentions[m];
            if mm.end_token as usize > group_start {
                continue;
            }
            // A complementiser or relative pronoun between the mention and the verb
            // means the mention belongs to another clause, unless the mention sits
            // right before it (`X, who`), which the caller handles.
            let between = mm.end_token as usize..group_start;
            let crosses = between.clone().any(|t| {
                let w = self.word(t);
                matches!(
                    w,
                    "that" | "whether" | "because" | "although" | "though" | "while" | "whereas"
                ) || matches!(&self.text[self.tokens[t].span()], ";" | "." | "?" | "!")
            });
            // A reporting verb between (`an official says an Indian missile strike on a
            // mosque killed 13`): the speaker is the subject only when the reported
            // clause offers no actor at all.
            let reported = between
                .clone()
                .rev()
                .find(|&t| super::roles::STATEMENT_WORDS.contains(&self.word(t)));
            if let Some(at) = reported.filter(|_| !crosses) {
                // Only actors of the reported clause itself, after the reporting verb
                // (`President Musharraf of Pakistan has said during a visit`: the
                // speaker is the subject). An adjective of the subject's own phrase (`an
                // Indian missile strike on a mosque`) says more of the agent than the
                // object of a preposition.
                let after =
                    |m: Option<usize>| m.filter(|&m| self.mentions[m].first_token as usize > at);
                let (f, md) = (after(fallback), after(modifier));
                let inner = match (f, md) {
                    (Some(f), Some(md)) if Some(f) == governed_fallback => Some(md),
                    (f, md) => f.or(md),
                };
                if let Some(inner) = inner {
                    return Some((inner, true));
                }
            }
            if self.quoted(quotes, mm.first_token as usize) != quoted_trigger {
                continue;
            }
            // `thousands of Iraqi Kurds`, `a group of Moroccan diplomats`, `members of
            // the association`: the actor after a partitive is the subject.
            let governed = self.governed(m)
                && !self.after_partitive(m)
                && !self.opens_subordinate_clause(m, group_start);
            let weak = mm.modifier
                || mm.kind == MentionKind::Place
                || objects.contains(&m)
                || governed
                || self.possessor(m);
            if crosses {
                break;
            }
            if weak {
                if fallback.is_none() && !mm.modifier {
                    fallback = Some(m);
                }
                if mm.modifier {
                    modifier = Some(m);
                } else if governed && governed_fallback.is_none() {
                    governed_fallback = Some(m);
                }
                continue;
            }
            return Some((m, false));
        }
        fallback.map(|m| (m, true))
    }

    /// The comma that opens a non-restrictive relative clause ending right at the verb
    /// group (`X, which ... ,` / `X, whose chairman ... ,`), if one does.
    fn relative_clause_before(&self, group_start: usize) -> Option<usize> {
        const MAX_CLAUSE: usize = 30;
        let close = group_start.checked_sub(1)?;
        if close <= self.start + 1 || &self.text[self.tokens[close].span()] != "," {
            return None;
        }
        for t in (self.start + 1..close).rev().take(MAX_CLAUSE) {
            let surface = &self.text[self.tokens[t].span()];
            if matches!(
                surface,
                ";" | ":" | "." | "?" | "!" | "(" | ")" | "“" | "”" | "\""
            ) {
                return None;
            }
            let relative = ["which", "who", "whose", "whom"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(surface));
            if relative {
                let open = t - 1;
                return (&self.text[self.tokens[open].span()] == "," && open > self.start)
                    .then_some(open);
            }
        }
        None
    }

    /// Whether a first-person pronoun that the story did not resolve to an actor stands
    /// right before the verb group (`... by terrorist groups. We encourage ...`): then the
    /// subject is that unknown speaker, and no actor further back stands in for it. A
    /// third-person pronoun may stand for an earlier actor of the sentence (`the
    /// Pentagon said it hit ...`) and is left to the fallback.
    fn unresolved_pronoun_before(&self, group_start: usize) -> bool {
        if group_start <= self.start {
            return false;
        }
        let p = group_start - 1;
        let surface = &self.text[self.tokens[p].span()];
        ["we", "i"].iter().any(|w| w.eq_ignore_ascii_case(surface))
            && !super::triggers::in_mention(self.mentions, self.mention_ids, p)
    }

    /// Whether the words right before the verb group are a proper name that no
    /// dictionary knows (`Rosneft had signed`, `Henkel said`): then the subject is that
    /// unknown actor, and no actor further back stands in for it. A name right after an
    /// actor is that actor's (`rebel leader Vojislav Seselj`, `Iraqi Kurds`, `the group
    /// Black Widow`); days are no names.
    pub(super) fn unknown_name_before(&self, group_start: usize) -> bool {
        let covered = |t: usize| super::triggers::in_mention(self.mentions, self.mention_ids, t);
        let name = |t: usize| {
            let surface = &self.text[self.tokens[t].span()];
            // Inside the sentence a capital says it; at its start, the tagger must.
            let proper = t > self.start || self.tags.get(t).is_some_and(|g| g.pos() == Pos::Propn);
            self.words[t] == UNKNOWN
                && proper
                && surface.len() > 1
                && surface.starts_with(|c: char| c.is_uppercase())
                && surface.chars().all(|c| c.is_alphabetic() || c == '-')
                && !self.is_day_word(t)
                && !covered(t)
        };
        if group_start <= self.start || !name(group_start - 1) {
            return false;
        }
        // The whole capitalised run (`Vojislav Seselj`, `Albert Anastasia`), with the
        // hyphens and particles of names (`al-Mouallimi`, `van der Berg`).
        let capitalised = |t: usize| {
            let surface = &self.text[self.tokens[t].span()];
            let part = surface.starts_with(|c: char| c.is_uppercase())
                && surface
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.');
            let particle = matches!(
                surface,
                "-" | "al" | "el" | "bin" | "ibn" | "de" | "da" | "di" | "van" | "von" | "der"
            );
            (part || particle) && !covered(t)
        };
        let mut first = group_start - 1;
        while first > self.start && capitalised(first - 1) {
            first -= 1;
        }
        // After an actor, with up to two words of a title no dictionary has between
        // (`the Mafia boss Albert Anastasia`, `U.N. peacekeeping chief Jean-Pierre
        // Lacroix`) or a comma (`the President of the Senate, Dr Bukola Saraki`), the
        // name is that actor's.
        let linking = |t: usize| {
            let surface = &self.text[self.tokens[t].span()];
            surface == ","
                || (surface.starts_with(|c: char| c.is_lowercase())
                    && self
                        .tags
                        .get(t)
                        .is_some_and(|g| matches!(g.pos(), Pos::Noun | Pos::Adj)))
        };
        let mut q = first;
        for _ in 0..2 {
            if q > self.start && covered(q - 1) {
                return false;
            }
            if q > self.start + 1 && linking(q - 1) {
                q -= 1;
            } else {
                break;
            }
        }
        !(q > self.start && covered(q - 1))
    }

    /// The subject before an appositive that ends right at the verb group: `Pakistan,
    /// a key U.S. ally, has refused` (Pakistan). When the head names no country and the
    /// appositive does (`the main rebel group, the FDD, insisted`), the appositive's
    /// actor is the subject.
    fn appositive_subject(
        &self,
        group_start: usize,
        quotes: &[bool],
        objects: &[usize],
        quoted_trigger: bool,
    ) -> Option<usize> {
        const MAX_APPOSITIVE: usize = 12;
        let close = group_start.checked_sub(1)?;
        if close <= self.start || &self.text[self.tokens[close].span()] != "," {
            return None;
        }
        let mut open = None;
        for t in (self.start..close).rev().take(MAX_APPOSITIVE) {
            let surface = &self.text[self.tokens[t].span()];
            if surface == "," {
                open = Some(t);
                break;
            }
            if self.is_boundary(t) || matches!(surface, "“" | "”" | "\"") {
                return None;
            }
        }
        let open = open?;
        let first = open + 1;
        if first >= close {
            return None;
        }
        let usable = |m: usize| {
            self.quoted(quotes, self.mentions[m].first_token as usize) == quoted_trigger
                && !objects.contains(&m)
                && !self.governed(m)
                && !self.possessor(m)
                && !self.mentions[m].modifier
                && self.mentions[m].kind != MentionKind::Place
        };
        let head = self
            .mention_ids
            .iter()
            .copied()
            .find(|&m| self.mentions[m].end_token as usize == open && usable(m))?;
        let inner = self
            .mention_at(first)
            .filter(|&m| (self.mentions[m].end_token as usize) <= close && usable(m));
        if !(self.class(first).has(WordClass::ARTICLE) || inner.is_some()) {
            return None;
        }
        // `China, Russia and Iran`: a list, not an appositive.
        if (first..close).any(|t| self.word(t) == "and" || self.word(t) == "or") {
            return None;
        }
        match inner {
            Some(i)
                if self.mentions[head].unknown_country() && !self.mentions[i].unknown_country() =>
            {
                Some(i)
            }
            _ => Some(head),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Mode;
    use super::super::testkit::{Step, probe};

    #[test]
    fn what_governs_an_infinitive_sets_its_mode() {
        let p = probe("Iran failed to attack Israel.", Step::Roles);
        assert!(p.event("attack").infinitive);
        assert_eq!(p.event("attack").mode, Mode::Negated);
    }

    #[test]
    fn an_if_clause_is_hypothetical_and_a_be_participle_passive() {
        let p = probe(
            "If Iran attacks Israel, Japan will condemn it.",
            Step::Roles,
        );
        assert_eq!(p.event("attacks").mode, Mode::Hypothetical);
        let p = probe(
            "The Colombian ambassador was expelled by Venezuela.",
            Step::Roles,
        );
        assert!(p.event("expelled").passive);
        assert_eq!(p.event("expelled").mode, Mode::Asserted);
    }

    #[test]
    fn the_second_verb_of_an_infinitive_pair_shares_its_to() {
        let p = probe(
            "The court has the power to suspend or expel the Colombian ambassador.",
            Step::Roles,
        );
        assert_eq!(p.event("expel").mode, Mode::Hypothetical);
        let p = probe(
            "Venezuela planned to arrest and expel the Colombian ambassador.",
            Step::Roles,
        );
        assert_eq!(p.event("expel").mode, Mode::Future);
        // The pair may be apart, each verb with its object.
        let p = probe(
            "The party wants to expel the Colombian ambassador and arrest the rebels.",
            Step::Roles,
        );
        assert_ne!(p.event("arrest").mode, Mode::Asserted);
        // A finite verb after `and` is a clause of its own.
        let p = probe(
            "Venezuela wanted to expel the ambassador and arrested the rebels.",
            Step::Roles,
        );
        assert_eq!(p.event("arrested").mode, Mode::Asserted);
        let p = probe(
            "Venezuela arrested and expelled the Colombian ambassador.",
            Step::Roles,
        );
        assert_eq!(p.event("expelled").mode, Mode::Asserted);
    }
}
