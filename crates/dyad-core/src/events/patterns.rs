//! Compiled event patterns and their matching around a trigger.

use super::inflect::{VerbForm, verb_forms};
use crate::actors::{Mention, MentionKind};
use crate::codes::EventCode;
use crate::dict::{
    Dictionaries, Element, Frame, Layer, ModeRule, Origin, PatternLine, TriggerKind, plural_of,
};
use crate::lexicon::{Lexicon, UNKNOWN, WordId};
use crate::segment::{Token, TokenFlags, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};

/// Nouns after a place name that keep it a place: the place's own kind (`the Darfur
/// region`, `Sichuan province`) or a time (`in the West Bank today`), not a thing the
/// place modifies (`the Brighton conference`).
const PLACE_OR_TIME_NOUNS: [&str; 40] = [
    "region",
    "province",
    "state",
    "district",
    "area",
    "valley",
    "county",
    "city",
    "town",
    "village",
    "border",
    "coast",
    "island",
    "islands",
    "peninsula",
    "strip",
    "enclave",
    "basin",
    "delta",
    "governorate",
    "prefecture",
    "municipality",
    "oblast",
    "territory",
    "zone",
    "capital",
    "highlands",
    "mountains",
    "desert",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "time",
];

/// A compiled element.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Elem {
    /// One of these words (sorted).
    Words(Vec<WordId>),
    /// A class (index into [`PatternSet::classes`]).
    Class(u32),
    /// The target slot.
    Target,
    /// The source slot.
    Source,
    /// An embedded verb.
    Frame(Frame),
    /// `^`: a phrase skipped.
    Skip,
}

/// A compiled pattern.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pattern {
    /// The code it gives; `None` for the null code `---` (the trigger codes nothing).
    pub code: Option<EventCode>,
    /// The second code of a paired code `A:B`: the target's act on the source.
    pub reply: Option<EventCode>,
    /// A reversed code `:B`: the event goes from the pattern's target to its source.
    pub reversed: bool,
    /// Elements before the trigger, nearest first.
    pub before: Vec<(Elem, bool)>,
    /// Elements after the trigger, in order; the flag says optional.
    pub after: Vec<(Elem, bool)>,
    /// Bit i: `before[i]` must sit right against its neighbour towards the trigger.
    pub before_tight: u64,
    /// Bit i: `after[i]` must sit right after the element before it.
    pub after_tight: u64,
    /// `[reciprocal]`
    pub reciprocal: bool,
    /// `[compound]`: only with a compound subject.
    pub compound: bool,
    /// `[reporting]`
    pub reporting: bool,
    /// `[intransitive]`: only when no object follows the trigger.
    pub intransitive: bool,
    /// `[topic]`: no target is sought after the pattern.
    pub topic: bool,
    /// The pattern as written.
    pub text: String,
    /// Where it is written.
    pub origin: Origin,
}

impl Pattern {
    /// A bare default: no element but the trigger and words joined to it with `_`
    /// (a multi-word verb's own words: `*_off`, `wire_*`).
    pub fn is_bare(&self) -> bool {
        let own = |els: &[(Elem, bool)], bits: u64| {
            els.iter()
                .enumerate()
                .all(|(i, (e, _))| i < 64 && bits >> i & 1 == 1 && matches!(e, Elem::Words(_)))
        };
        own(&self.before, self.before_tight) && own(&self.after, self.after_tight)
    }
}

/// A compiled entry: the patterns of a group of lemmas.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CompiledEntry {
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Its patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// The entry's first lemma, for explanations.
    pub lemma: String,
    /// How its events' modes are read (its file's `settings`).
    pub modes: ModeRule,
    /// Of the added layer (`layer: added`): it codes only a sentence in which the base
    /// entries code no event.
    pub added: bool,
}

/// A class: its members as word sequences.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CompiledClass {
    /// The class name.
    pub name: String,
    single: FxHashSet<WordId>,
    multi: Vec<Vec<WordId>>,
}

impl CompiledClass {
    /// The end of the longest member matching at `at`.
    pub fn match_at(&self, words: &[WordId], at: usize, limit: usize) -> Option<usize> {
        let mut best = None;
        for m in &self.multi {
            if at + m.len() <= limit
                && words[at..at + m.len()] == m[..]
                && best.is_none_or(|b| at + m.len() > b)
            {
                best = Some(at + m.len());
            }
        }
        if best.is_none() && at < limit && self.single.contains(&words[at]) {
            best = Some(at + 1);
        }
        best
    }

    /// The start of the longest member ending at `at` (inclusive) and starting at or
    /// after `first`: how a class before the trigger is matched, right to left.
    pub fn match_ending_at(&self, words: &[WordId], at: usize, first: usize) -> Option<usize> {
        let mut best = None;
        for m in &self.multi {
            if at + 1 >= first + m.len()
                && words[at + 1 - m.len()..=at] == m[..]
                && best.is_none_or(|b| at + 1 - m.len() < b)
            {
                best = Some(at + 1 - m.len());
            }
        }
        if best.is_none() && self.single.contains(&words[at]) {
            best = Some(at);
        }
        best
    }
}

/// A problem compiling patterns (unknown class, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternProblem {
    /// Where.
    pub origin: Origin,
    /// What.
    pub message: String,
}

/// All compiled patterns, with the trigger lookup tables.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PatternSet {
    /// Entries.
    pub entries: Vec<CompiledEntry>,
    /// Classes.
    pub classes: Vec<CompiledClass>,
    /// Verb forms: word -> (entry, form).
    pub verbs: FxHashMap<WordId, Vec<(u32, VerbForm)>>,
    /// Noun forms: word -> (entry, plural).
    pub nouns: FxHashMap<WordId, Vec<(u32, bool)>>,
    /// Whether some entry is of the added layer (`layer: added`).
    pub has_added: bool,
}

fn words_of(lex: &mut Lexicon, phrase: &str) -> Vec<WordId> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut norm = String::new();
    tokenize(phrase, 0..phrase.len(), &mut tokens, &mut norm);
    tokens
        .iter()
        .map(|t| lex.intern(&norm[t.norm_start as usize..t.norm_end as usize]))
        .collect()
}

impl PatternSet {
    /// Compiles the patterns of `dicts`, adding their words to `lex`: the classes
    /// first, then each entry's patterns and the forms of its lemmas.
    pub fn new(dicts: &Dictionaries, lex: &mut Lexicon) -> (Self, Vec<PatternProblem>) {
        let mut set = PatternSet::default();
        let mut problems = Vec::new();
        let class_index = set.compile_classes(dicts, lex, &mut problems);
        let irregular: FxHashMap<&str, (&[String], &[String])> = dicts
            .irregular
            .iter()
            .map(|v| {
                (
                    v.lemma.as_str(),
                    (v.past.as_slice(), v.participle.as_slice()),
                )
            })
            .collect();
        for entry in &dicts.patterns {
            let index = set.entries.len() as u32;
            let mut patterns = Vec::new();
            for line in &entry.patterns {
                if let Some(p) = set.compile_line(dicts, line, &class_index, lex, &mut problems) {
                    patterns.push(p);
                }
            }
            for lemma in &entry.lemmas {
                set.index_lemma(entry.kind, lemma, index, &irregular, lex);
            }
            set.entries.push(CompiledEntry {
                kind: entry.kind,
                patterns,
                lemma: entry.lemmas[0].clone(),
                modes: entry.modes,
                added: entry.layer == Layer::Added,
            });
            set.has_added |= entry.layer == Layer::Added;
        }
        (set, problems)
    }

    /// Compiles the named classes (`&name`); returns their indices by name.
    fn compile_classes(
        &mut self,
        dicts: &Dictionaries,
        lex: &mut Lexicon,
        problems: &mut Vec<PatternProblem>,
    ) -> FxHashMap<String, u32> {
        let mut class_index: FxHashMap<String, u32> = FxHashMap::default();
        for c in &dicts.classes {
            if class_index.contains_key(&c.name) {
                problems.push(PatternProblem {
                    origin: c.origin,
                    message: format!("class &{} is defined twice", c.name),
                });
                continue;
            }
            let mut compiled = CompiledClass {
                name: c.name.clone(),
                ..Default::default()
            };
            for m in &c.members {
                // Nouns in classes match their plural too.
                for form in [m.clone(), plural_of(m)] {
                    let w = words_of(lex, &form);
                    match w.len() {
                        0 => {}
                        1 => {
                            compiled.single.insert(w[0]);
                        }
                        _ => compiled.multi.push(w),
                    }
                }
            }
            class_index.insert(c.name.clone(), self.classes.len() as u32);
            self.classes.push(compiled);
        }
        class_index
    }

    /// Compiles one pattern line; `None` (with a problem) when an element cannot be.
    fn compile_line(
        &mut self,
        dicts: &Dictionaries,
        line: &PatternLine,
        class_index: &FxHashMap<String, u32>,
        lex: &mut Lexicon,
        problems: &mut Vec<PatternProblem>,
    ) -> Option<Pattern> {
        let at = line
            .elements
            .iter()
            .position(|e| *e == Element::Trigger)
            .unwrap_or(0);
        let mut compile = |e: &Element| self.compile_element(e, line, class_index, lex, problems);
        let before: Option<Vec<_>> = line.elements[..at].iter().rev().map(&mut compile).collect();
        let after: Option<Vec<_>> = line.elements[at + 1..].iter().map(&mut compile).collect();
        let (Some(before), Some(after)) = (before, after) else {
            return None;
        };
        let tight = |els: &mut dyn Iterator<Item = &Element>| {
            els.take(64)
                .enumerate()
                .filter(|(_, e)| matches!(e, Element::Tight(_)))
                .fold(0u64, |m, (i, _)| m | 1 << i)
        };
        let before_tight = tight(&mut line.elements[..at].iter().rev());
        let after_tight = tight(&mut line.elements[at + 1..].iter());
        for code in line.code.iter().chain(&line.reply) {
            if dicts.cameo.get(*code).is_none() && !dicts.cameo.is_empty() {
                problems.push(PatternProblem {
                    origin: line.origin,
                    message: format!("code {code} is not in cameo.txt"),
                });
            }
        }
        Some(Pattern {
            code: line.code,
            reply: line.reply,
            reversed: line.reversed,
            before,
            after,
            before_tight,
            after_tight,
            reciprocal: line.reciprocal,
            compound: line.compound,
            reporting: line.reporting,
            intransitive: line.intransitive,
            topic: line.topic,
            text: line.text.clone(),
            origin: line.origin,
        })
    }

    /// Compiles one element of `line`, with its optional flag.
    fn compile_element(
        &mut self,
        e: &Element,
        line: &PatternLine,
        class_index: &FxHashMap<String, u32>,
        lex: &mut Lexicon,
        problems: &mut Vec<PatternProblem>,
    ) -> Option<(Elem, bool)> {
        let e = match e {
            Element::Tight(x) => &**x,
            x => x,
        };
        let (inner, optional) = match e {
            Element::Optional(x) => (&**x, true),
            x => (x, false),
        };
        let c = match inner {
            Element::Words(ws) => self.compile_words(ws, lex),
            Element::Class(name) => match class_index.get(name) {
                Some(&i) => Elem::Class(i),
                None => {
                    problems.push(PatternProblem {
                        origin: line.origin,
                        message: format!("unknown class &{name}"),
                    });
                    return None;
                }
            },
            Element::Target => Elem::Target,
            Element::Source => Elem::Source,
            Element::Frame(f) => Elem::Frame(*f),
            Element::Skip => Elem::Skip,
            Element::Trigger | Element::Optional(_) | Element::Tight(_) => return None,
        };
        Some((c, optional))
    }

    /// Compiles alternatives of words (`(meet|talk)`), singular and plural; with a
    /// phrase among them (`(war crimes|genocide)`) they match like an unnamed class.
    fn compile_words(&mut self, ws: &[String], lex: &mut Lexicon) -> Elem {
        let mut ids: Vec<WordId> = Vec::new();
        let mut phrases: Vec<Vec<WordId>> = Vec::new();
        for w in ws {
            for form in [w.clone(), plural_of(w)] {
                let ids_of = words_of(lex, &form);
                match ids_of.len() {
                    0 => {}
                    1 => ids.push(ids_of[0]),
                    _ => phrases.push(ids_of),
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        if phrases.is_empty() {
            return Elem::Words(ids);
        }
        self.classes.push(CompiledClass {
            name: format!("({})", ws.join("|")),
            single: ids.into_iter().collect(),
            multi: phrases,
        });
        Elem::Class(self.classes.len() as u32 - 1)
    }

    /// Adds the forms of `lemma` (an entry's trigger word) to the lookup tables: a
    /// verb's inflections, an adjective as is, a noun and its plural.
    fn index_lemma(
        &mut self,
        kind: TriggerKind,
        lemma: &str,
        index: u32,
        irregular: &FxHashMap<&str, (&[String], &[String])>,
        lex: &mut Lexicon,
    ) {
        match kind {
            TriggerKind::Verb => {
                for (form, kind) in verb_forms(lemma, irregular.get(lemma).copied()) {
                    let w = lex.intern(&form);
                    let list = self.verbs.entry(w).or_default();
                    if !list.contains(&(index, kind)) {
                        list.push((index, kind));
                    }
                }
            }
            TriggerKind::Adjective => {
                let w = lex.intern(lemma);
                let list = self.verbs.entry(w).or_default();
                if !list.contains(&(index, VerbForm::Adjective)) {
                    list.push((index, VerbForm::Adjective));
                }
            }
            TriggerKind::Noun => {
                for (form, plural) in [(lemma.to_string(), false), (plural_of(lemma), true)] {
                    let w = lex.intern(&form);
                    let list = self.nouns.entry(w).or_default();
                    if !list.iter().any(|(e, _)| *e == index) {
                        list.push((index, plural));
                    }
                }
            }
        }
    }
}

/// What matching a pattern found.
#[derive(Debug, Clone, Default)]
pub struct PatternMatch {
    /// Index of the pattern in its entry.
    pub pattern: usize,
    /// The target mention, if the pattern has `$` and it matched.
    pub target: Option<usize>,
    /// The source mention, if the pattern has `+` and it matched.
    pub source: Option<usize>,
    /// The embedded trigger token of a frame.
    pub frame_token: Option<usize>,
    /// Number of elements matched (specificity).
    pub score: usize,
    /// The last token the pattern covered (exclusive).
    pub end: usize,
}

/// What a pattern needs to see of a sentence.
pub struct SentenceView<'a> {
    /// Word ids of the document's tokens.
    pub words: &'a [WordId],
    /// Parts of speech of the document's tokens (empty when not tagged).
    pub tags: &'a [crate::tags::Tag],
    /// Tokens of the document.
    pub tokens: &'a [Token],
    /// Document text.
    pub text: &'a str,
    /// First token of the sentence.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The sentence's mentions (indices into `mentions`), in token order.
    pub mention_ids: &'a [usize],
    /// All mentions of the document.
    pub mentions: &'a [Mention],
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// For each token of the sentence: is it a verb trigger.
    pub is_trigger: &'a [bool],
    /// Whether entries of the added layer may trigger (the second pass over a sentence
    /// that the base entries left without an event).
    pub added: bool,
}

/// Up to this many tokens may lie between two elements.
const MAX_SKIP: usize = 4;

impl SentenceView<'_> {
    /// Whether a token ends the stretch a pattern may skip over.
    pub fn is_boundary(&self, t: usize) -> bool {
        let s = &self.text[self.tokens[t].span()];
        // Quotation marks are no boundary here: `called for “responsible negotiations”`.
        matches!(
            s,
            "," | ";" | ":" | "(" | ")" | "[" | "]" | "—" | "–" | "." | "?" | "!"
        )
    }

    /// The mention starting at token `t` (the longest, preferring non-possessive
    /// readings), if any.
    pub fn mention_at(&self, t: usize) -> Option<usize> {
        self.mention_ids
            .iter()
            .copied()
            .find(|&m| self.mentions[m].first_token as usize == t)
    }

    fn word_is(&self, t: usize, w: &str) -> bool {
        self.words[t] != UNKNOWN && self.lex.word(self.words[t]) == w
    }

    /// Whether mention `m` is one word that the tagger reads as an adjective of the
    /// common noun after it (`military action taken by India`, `military operations`):
    /// it describes that thing, and is no actor taking part.
    pub(super) fn adjective_of_noun(&self, m: usize) -> bool {
        let mm = &self.mentions[m];
        let (head, next) = (mm.end_token as usize - 1, mm.end_token as usize);
        // A composed agent (`Romanian` of `Hungarian and Romanian officials`) carries a
        // noun elsewhere; only a mention that ends in its agent word counts (`military`,
        // `Nigeria's official` of `Nigeria's official debt`).
        let own_word = match &mm.resolution {
            crate::actors::Resolution::Dictionary { .. } => true,
            crate::actors::Resolution::Composed { rule, .. } => !rule.contains("coordinated"),
            _ => false,
        };
        let pos = |t: usize| self.tags.get(t).map(|g| g.pos());
        mm.kind == MentionKind::Agent
            && own_word
            && next < self.end
            && pos(head) == Some(crate::tags::Pos::Adj)
            && pos(next) == Some(crate::tags::Pos::Noun)
            && !self.tokens[next].flags.contains(TokenFlags::CAPITALIZED)
            && self.mention_at(next).is_none()
    }

    /// Whether mention `m` is a country that says where a thing was made (`the
    /// Chinese-made missile`, `US-built jets`): the thing's origin, no actor.
    pub(super) fn maker_of_thing(&self, m: usize) -> bool {
        let next = self.mentions[m].end_token as usize;
        next + 1 < self.end
            && &self.text[self.tokens[next].span()] == "-"
            && [
                "made",
                "built",
                "designed",
                "manufactured",
                "produced",
                "supplied",
                "brokered",
            ]
            .contains(
                &self.text[self.tokens[next + 1].span()]
                    .to_ascii_lowercase()
                    .as_str(),
            )
    }

    /// Whether mention `m` is a place right after an honorific (`Mr Houston`, `Lord
    /// Lincoln`): a person's name, no actor.
    pub(super) fn place_after_honorific(&self, m: usize) -> bool {
        let mm = &self.mentions[m];
        let first = mm.first_token as usize;
        mm.kind == MentionKind::Place
            && first > self.start
            && [
                "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Mr.", "Mrs.", "Ms.", "Dr.",
            ]
            .contains(&&self.text[self.tokens[first - 1].span()])
    }

    /// Whether the month name at `t` is written as a date: `March 13`, `13 March`,
    /// `MARCH 13` in a dateline, `in March` (capitalised inside a sentence). `march` is
    /// the only month that is also an event word (a trigger or a pattern's word:
    /// `held a briefing with them March 30`).
    pub(super) fn month_as_date(&self, t: usize) -> bool {
        if t >= self.end || self.words[t] == UNKNOWN || self.lex.word(self.words[t]) != "march" {
            return false;
        }
        let surface = |q: usize| &self.text[self.tokens[q].span()];
        let number = |q: usize| {
            q >= self.start && q < self.end && surface(q).bytes().all(|b| b.is_ascii_digit())
        };
        let capital = surface(t).starts_with(|c: char| c.is_ascii_uppercase());
        number(t + 1) || (t > 0 && number(t - 1)) || (capital && t > self.start)
    }

    /// Whether mention `m` is a city or region that modifies the common noun right
    /// after it (`the Kyoto treaty`, `the Geneva talks`, `the Brighton conference`,
    /// `a Baghdad hospital`), or a capital that modifies an event noun (`the Paris
    /// accord`): it says where that thing is, not who took part
    /// (geolocation uses it). An actor starting there (`Kabul police`) keeps the city.
    pub(super) fn names_an_event(&self, set: &PatternSet, m: usize) -> bool {
        let mm = &self.mentions[m];
        let next = mm.end_token as usize;
        if !(mm.kind == MentionKind::Place || mm.capital)
            || next >= self.end
            || self.tokens[next].flags.contains(TokenFlags::CAPITALIZED)
        {
            return false;
        }
        // A capital names only an event noun (`the Paris accord`, `the Moscow summit`);
        // before other nouns it stays its government (`Washington officials`).
        if mm.kind != MentionKind::Place {
            return set.nouns.contains_key(&self.words[next]);
        }
        let noun = self
            .tags
            .get(next)
            .is_some_and(|g| g.pos() == crate::tags::Pos::Noun);
        let w = self.words[next];
        let place_or_time = w != UNKNOWN && PLACE_OR_TIME_NOUNS.contains(&self.lex.word(w));
        set.nouns.contains_key(&w) || (noun && !place_or_time && self.mention_at(next).is_none())
    }

    /// The target mention at or after `from`: skips over articles and modifiers and
    /// over a possessive pronoun or name that modifies a following mention
    /// (`his Russian counterpart`).
    fn target_from(&self, from: usize) -> Option<(usize, usize)> {
        let mut t = from;
        while t < self.end && t < from + MAX_SKIP + 1 {
            if self.is_boundary(t) {
                return None;
            }
            if let Some(m) = self.mention_at(t) {
                let mm = &self.mentions[m];
                let next = mm.end_token as usize;
                // A possessive (`his`, `Russia's`) before another mention: take that one.
                let possessive = self
                    .lex
                    .class(self.words[mm.first_token as usize])
                    .has(crate::lexicon::WordClass::POSSESSIVE)
                    && mm.end_token - mm.first_token == 1;
                let owner = next < self.end && self.word_is(next, "'s");
                // The possessed actor must follow at once (`Russia's army`), not far
                // off (`Putin's alleged crimes in his country`).
                let after_owner = if owner { next + 1 } else { next };
                if (possessive || owner)
                    && let Some(m2) = (after_owner..(after_owner + 2).min(self.end))
                        .find_map(|q| self.mention_at(q))
                {
                    let end = self.mentions[m2].end_token as usize;
                    // `Romania's new government`: a possessed actor of no known country
                    // is better named by its owner.
                    if owner && self.mentions[m2].unknown_country() && !mm.unknown_country() {
                        return Some((m, end));
                    }
                    return Some((m2, end));
                }
                if possessive {
                    return None;
                }
                if mm.modifier {
                    // `the Russian position`: an adjective is a weak target; keep looking
                    // for a proper one in the window, else take it.
                    if let Some(better) = self
                        .target_from(next)
                        .filter(|(b, _)| !self.mentions[*b].modifier)
                    {
                        return Some(better);
                    }
                }
                return Some((m, next));
            }
            // Another event's word ends the search; right at `from` only a gerund after
            // `by` does (`the attack by arresting smugglers` is a means, not an agent;
            // `told visiting Secretary Shultz`, `called on leading nations` keep theirs).
            let means = t == from
                && t > self.start
                && self.word_is(t - 1, "by")
                && self.tags.get(t) == Some(&crate::tags::Tag::VerbGerund);
            if self.is_trigger[t - self.start] && (t > from || means) {
                return None;
            }
            t += 1;
        }
        None
    }

    fn element_at(
        &self,
        set: &PatternSet,
        elem: &Elem,
        at: usize,
        forward: bool,
    ) -> Option<(usize, Option<usize>)> {
        // Returns (next position, captured mention or token).
        let limit = self.end;
        match elem {
            Elem::Words(ws) => {
                (at < limit && ws.binary_search(&self.words[at]).is_ok() && !self.month_as_date(at))
                    .then(|| (if forward { at + 1 } else { at }, None))
            }
            Elem::Class(c) => {
                if self.month_as_date(at) {
                    None
                } else if forward {
                    set.classes[*c as usize]
                        .match_at(self.words, at, limit)
                        .map(|e| (e, None))
                } else {
                    // Backwards: the longest member ending at `at` (`did n't *`).
                    set.classes[*c as usize]
                        .match_ending_at(self.words, at, self.start)
                        .map(|first| (first, None))
                }
            }
            Elem::Target | Elem::Source => {
                if forward {
                    self.target_from(at).map(|(m, end)| (end, Some(m)))
                } else {
                    self.mention_ids
                        .iter()
                        .copied()
                        .rev()
                        .find(|&m| self.mentions[m].end_token as usize == at + 1)
                        .map(|m| (self.mentions[m].first_token as usize, Some(m)))
                }
            }
            Elem::Skip => {
                (at < limit && !self.is_boundary(at)).then(|| self.skip_phrase(at, forward))
            }
            Elem::Frame(_) => {
                // `to`? then the embedded verb, possibly after adverbs.
                let mut t = at;
                while t < limit && t < at + 3 {
                    if self.is_trigger[t - self.start] {
                        return Some((t + 1, Some(t)));
                    }
                    if self.is_boundary(t) {
                        return None;
                    }
                    t += 1;
                }
                None
            }
        }
    }

    /// Where a skipped phrase (`^`) at `at` ends: after the actor mention that starts
    /// there (forward) or ends there (backward), else after one word.
    fn skip_phrase(&self, at: usize, forward: bool) -> (usize, Option<usize>) {
        let mention = self.mention_ids.iter().copied().find(|&m| {
            let mm = &self.mentions[m];
            if forward {
                mm.first_token as usize == at
            } else {
                mm.end_token as usize == at + 1
            }
        });
        let next = match (mention, forward) {
            (Some(m), true) => self.mentions[m].end_token as usize,
            (Some(m), false) => self.mentions[m].first_token as usize,
            (None, true) => at + 1,
            (None, false) => at,
        };
        (next, None)
    }

    /// Matches `elems` from `pos` on, backtracking over optional elements: an optional
    /// `$?` that would swallow the actor a later element needs is skipped instead.
    /// Bit 0 of `tight` says the first of `elems` must start right at `pos`.
    fn match_after(
        &self,
        set: &PatternSet,
        elems: &[(Elem, bool)],
        tight: u64,
        pos: usize,
        m: PatternMatch,
    ) -> Option<PatternMatch> {
        let Some(((elem, optional), rest)) = elems.split_first() else {
            return Some(PatternMatch { end: pos, ..m });
        };
        let slot = matches!(
            elem,
            Elem::Target | Elem::Source | Elem::Frame(_) | Elem::Skip
        );
        let window = if slot || tight & 1 == 1 { 0 } else { MAX_SKIP };
        let mut found = None;
        // Skipped words are counted with a hyphenated word as one (`a day-old blockade`).
        let mut skipped = 0;
        let mut at = pos;
        while skipped <= window {
            if at > self.end || (at > pos && at - 1 < self.end && self.is_boundary(at - 1)) {
                break;
            }
            if let Some(hit) = self.element_at(set, elem, at, true) {
                found = Some(hit);
                break;
            }
            // Another event's finite verb is not skipped: `denied the charges and
            // accused Uganda of ...` is two events, and `of` belongs to the second.
            // (An infinitive or a participle may be: `promised to continue military
            // aid`.)
            if at < self.end
                && self.is_trigger[at - self.start]
                && self.tags.get(at).is_some_and(|g| {
                    use crate::tags::Tag;
                    matches!(g, Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3)
                })
            {
                break;
            }
            let hyphen = |q: usize| q < self.end && &self.text[self.tokens[q].span()] == "-";
            if !(hyphen(at) || (at > pos && hyphen(at - 1))) {
                skipped += 1;
            }
            at += 1;
        }
        if let Some((next, captured)) = found {
            let mut with = m.clone();
            match elem {
                Elem::Target => with.target = captured,
                Elem::Source => with.source = captured,
                Elem::Frame(_) => with.frame_token = captured,
                _ => {}
            }
            with.score += match (elem, optional) {
                (Elem::Skip, _) => 0,
                (_, true) => 1,
                (_, false) => 2,
            };
            if let Some(done) = self.match_after(set, rest, tight >> 1, next, with) {
                return Some(done);
            }
        }
        if *optional {
            self.match_after(set, rest, tight >> 1, pos, m)
        } else {
            None
        }
    }

    /// Matches `pattern` around the trigger spanning `trigger.0..trigger.1`.
    pub fn match_pattern(
        &self,
        set: &PatternSet,
        pattern: &Pattern,
        trigger: (usize, usize),
    ) -> Option<PatternMatch> {
        let start = PatternMatch {
            end: trigger.1,
            ..Default::default()
        };
        // After the trigger.
        let mut m = self.match_after(set, &pattern.after, pattern.after_tight, trigger.1, start)?;
        // Before the trigger, nearest first.
        let mut pos = trigger.0;
        for (i, (elem, optional)) in pattern.before.iter().enumerate() {
            let mut found = None;
            let window = if pattern.before_tight >> i & 1 == 1 {
                0
            } else {
                MAX_SKIP
            };
            for skip in 0..=window {
                if pos < self.start + 1 + skip {
                    break;
                }
                let at = pos - 1 - skip;
                if self.is_boundary(at) {
                    break;
                }
                if let Some(hit) = self.element_at(set, elem, at, false) {
                    found = Some(hit);
                    break;
                }
            }
            match found {
                Some((next, captured)) => {
                    match elem {
                        Elem::Target => m.target = captured,
                        Elem::Source => m.source = captured,
                        _ => {}
                    }
                    m.score += match (elem, optional) {
                        (Elem::Skip, _) => 0,
                        (_, true) => 1,
                        (_, false) => 2,
                    };
                    pos = next;
                }
                None if *optional => {}
                None => return None,
            }
        }
        Some(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles pattern files of this test's own.
    fn compile(classes: &str, verbs: &str) -> (PatternSet, Vec<PatternProblem>, Lexicon) {
        let files = [
            ("verbs/classes.txt".to_string(), classes),
            ("verbs/test.txt".to_string(), verbs),
        ];
        let dicts = Dictionaries::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let mut lex = Lexicon::new();
        let (set, problems) = PatternSet::new(&dicts, &mut lex);
        (set, problems, lex)
    }

    #[test]
    fn a_line_with_an_unknown_class_is_left_out_with_a_problem() {
        let (set, problems, _) = compile(
            "&SIDES  side | party\n",
            "verb accuse | blame\n  112  * $ of &SIDES\n  112  * $ of &NOWHERE\n",
        );
        assert_eq!(set.entries.len(), 1);
        assert_eq!(set.entries[0].patterns.len(), 1);
        assert_eq!(set.entries[0].lemma, "accuse");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("&NOWHERE"));
    }

    #[test]
    fn a_class_before_the_trigger_matches_its_phrases_right_to_left() {
        let (set, _, mut lex) = compile(
            "&REFUSAL  did not | would never | not\n",
            "verb zorble\n  042  *\n  081  &REFUSAL *\n",
        );
        let class = &set.classes[0];
        let words: Vec<WordId> = ["they", "would", "never", "zorble"]
            .iter()
            .map(|w| lex.intern(w))
            .collect();
        assert_eq!(class.match_ending_at(&words, 2, 0), Some(1));
        // Not before the sentence's first token.
        assert_eq!(class.match_ending_at(&words, 2, 2), None);
        assert_eq!(class.match_ending_at(&words, 0, 0), None);
        let not = lex.intern("not");
        assert_eq!(class.match_ending_at(&[not], 0, 0), Some(0));
    }

    #[test]
    fn alternatives_with_a_phrase_become_a_class_and_verbs_are_inflected() {
        let (set, problems, lex) = compile(
            "&SIDES  side | party\n",
            "verb accuse\n  112  * $ of (war crimes|genocide)\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let class = set
            .classes
            .iter()
            .position(|c| c.name == "(war crimes|genocide)")
            .expect("an unnamed class") as u32;
        let after = &set.entries[0].patterns[0].after;
        assert!(
            after.iter().any(|(e, _)| *e == Elem::Class(class)),
            "{after:?}"
        );
        for form in ["accuses", "accused", "accusing"] {
            let entries = set.verbs.get(&lex.lookup(form)).expect(form);
            assert!(entries.iter().any(|(e, _)| *e == 0), "{form}");
        }
    }
}
