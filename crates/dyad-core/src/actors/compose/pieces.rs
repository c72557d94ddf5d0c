//! Pieces and their readings: a piece is one dictionary match over tokens; it can be
//! read as an actor, a nationality adjective, an agent, a person or a place. [`Sent`]
//! holds one sentence's pieces and answers these questions (and a few about the words
//! between pieces) for the rules.

use crate::actors::ActorRecognizer;
use crate::actors::matcher::{MatchContext, Phrase, Referent};
use crate::dict::{Layer, NameKind, Origin};
use crate::lexicon::{Lexicon, UNKNOWN, WordClass};
use crate::segment::TokenFlags;
use chrono::NaiveDate;

/// A dictionary match over tokens `start..end` with its phrases in the scratch buffer.
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) first: usize,
    pub(super) last: usize,
}

/// One sentence's pieces, ready to be read.
pub(super) struct Sent<'a, 'b> {
    pub(super) rec: &'a ActorRecognizer,
    pub(super) ctx: &'a MatchContext<'b>,
    pub(super) lex: &'a Lexicon,
    pub(super) buf: &'a [u32],
    pub(super) date: Option<NaiveDate>,
    /// One past the sentence's last token.
    pub(super) end: usize,
}

/// A piece read as an actor (country, organisation, group; by name, adjective, ...).
#[derive(Clone, Copy)]
pub(super) struct ActorHit {
    pub(super) entry: u32,
    pub(super) kind: NameKind,
    pub(super) origin: Origin,
}

/// A piece read as an agent noun (`troops`, `president`).
#[derive(Clone, Copy)]
pub(super) struct AgentHit {
    pub(super) role: u16,
    pub(super) person: bool,
    pub(super) plural: bool,
    pub(super) origin: Origin,
}

/// Particles inside personal names: `Omar al-Bashir`, `Ursula von der Leyen`.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "le", "la", "du", "ben",
    "abu", "bint", "dos", "das", "del",
];

impl Sent<'_, '_> {
    /// The dictionary phrases matched by piece `p`.
    pub(super) fn phrases(&self, p: &Piece) -> impl Iterator<Item = &Phrase> + '_ {
        self.buf[p.first..p.last]
            .iter()
            .map(|&i| &self.rec.trie.phrases[i as usize])
    }

    /// `p` read as an actor: a name is preferred to an adjective or demonym.
    pub(super) fn actor(&self, p: &Piece) -> Option<ActorHit> {
        let mut best: Option<ActorHit> = None;
        for ph in self.phrases(p) {
            if let Referent::Actor { entry, kind } = ph.referent {
                let hit = ActorHit {
                    entry,
                    kind,
                    origin: ph.origin,
                };
                match (best, kind) {
                    (None, _) => best = Some(hit),
                    (Some(b), NameKind::Name) if b.kind != NameKind::Name => best = Some(hit),
                    _ => {}
                }
            }
        }
        best
    }

    /// `p` read as a nationality adjective (`Russian`).
    pub(super) fn adjective(&self, p: &Piece) -> Option<ActorHit> {
        self.phrases(p).find_map(|ph| match ph.referent {
            Referent::Actor {
                entry,
                kind: kind @ NameKind::Adjective,
            } => Some(ActorHit {
                entry,
                kind,
                origin: ph.origin,
            }),
            _ => None,
        })
    }

    /// `p` read as an agent noun: its first agent reading (the singular and plural
    /// readings of `police` share the role; the first, singular, is taken).
    pub(super) fn agent(&self, p: &Piece) -> Option<AgentHit> {
        let mut best: Option<AgentHit> = None;
        for ph in self.phrases(p) {
            if let Referent::Agent {
                role,
                person,
                plural,
            } = ph.referent
            {
                let hit = AgentHit {
                    role,
                    person,
                    plural,
                    origin: ph.origin,
                };
                if best.is_none() {
                    best = Some(hit);
                }
            }
        }
        best
    }

    /// `p` read as a person in the dictionaries (among namesakes, the one in office on
    /// the story date).
    pub(super) fn person(&self, p: &Piece) -> Option<(u32, Origin)> {
        let mut first = None;
        for ph in self.phrases(p) {
            if let Referent::Person(i) = ph.referent {
                let person = &self.rec.people[i as usize];
                // An added person's dated roles say nothing without the story's date
                // (dyad's own people are read in their latest role then).
                if self.date.is_none()
                    && person.layer == Layer::Added
                    && !person.roles.iter().any(|r| r.undated)
                {
                    continue;
                }
                if first.is_none() {
                    first = Some((i, ph.origin));
                }
                // Among namesakes, the one in office on the story date.
                if let Some(d) = self.date
                    && self.rec.people[i as usize]
                        .roles
                        .iter()
                        .any(|r| r.covers(d))
                {
                    return Some((i, ph.origin));
                }
            }
        }
        first
    }

    /// `p` read as a place.
    pub(super) fn place(&self, p: &Piece) -> Option<(u32, Origin)> {
        self.phrases(p).find_map(|ph| match ph.referent {
            Referent::Place(i) => Some((i, ph.origin)),
            _ => None,
        })
    }

    /// The word classes of token `token`.
    pub(super) fn class(&self, token: usize) -> WordClass {
        self.lex.class(self.ctx.words[token])
    }

    /// Whether token `token` is the word `word` (normalised).
    pub(super) fn norm_is(&self, token: usize, word: &str) -> bool {
        self.ctx.words[token] != UNKNOWN && self.lex.word(self.ctx.words[token]) == word
    }

    /// Tokens `from..to` may sit between a country and its agent noun.
    pub(super) fn modifier_gap(&self, from: usize, to: usize) -> bool {
        to >= from
            && to - from <= 3
            && (from..to).all(|i| {
                let c = self.class(i);
                c.has(WordClass::TITLE_MODIFIER)
                    || c.has(WordClass::FORMER)
                    || c.has(WordClass::POSSESSIVE_MARK)
                    || self.norm_is(i, "-")
            })
    }

    /// Extends an agent over the agent nouns right after it (`opposition candidates`,
    /// `police officers`, `army commander`): the first noun gives the role (it names the
    /// sector), the last the number and whether it is a person. `official` before a noun
    /// is an adjective (`official newspaper`): the noun's role wins. Returns the agent,
    /// the end token and how many more pieces were used.
    pub(super) fn agent_compound(
        &self,
        pieces: &[Piece],
        next: usize,
        first: Piece,
        agent: AgentHit,
    ) -> (AgentHit, usize, usize) {
        let mut hit = agent;
        let mut end = first.end;
        let mut extra = 0;
        while let Some(r) = pieces.get(next + extra).copied().filter(|r| r.start == end) {
            let Some(a2) = self.agent(&r) else { break };
            let adjectival =
                extra == 0 && first.end - first.start == 1 && self.norm_is(first.start, "official");
            hit = AgentHit {
                role: if adjectival { a2.role } else { hit.role },
                person: a2.person,
                plural: a2.plural,
                origin: hit.origin,
            };
            end = r.end;
            extra += 1;
        }
        (hit, end, extra)
    }

    /// A surname that is also a title noun (`Tom King`, `John Major`): a capitalised
    /// one-word agent piece right after a personal name belongs to the name. Returns the
    /// new end and how many pieces it used.
    pub(super) fn surname_piece(
        &self,
        pieces: &[Piece],
        next: usize,
        name_end: usize,
    ) -> (usize, usize) {
        match pieces.get(next) {
            Some(r)
                if r.start == name_end
                    && r.end == r.start + 1
                    && self.ctx.tokens[r.start]
                        .flags
                        .contains(TokenFlags::CAPITALIZED)
                    && self.agent(r).is_some() =>
            {
                (r.end, 1)
            }
            _ => (name_end, 0),
        }
    }

    /// Whether a `former`-class word (`former`, `ex-`, `ousted`) lies in `from..to`.
    pub(super) fn any_former(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| self.class(i).has(WordClass::FORMER))
    }

    /// An unknown personal name starting at `from`: capitalised words (and name
    /// particles) not matched by the dictionaries. Returns its end.
    pub(super) fn unknown_name(&self, from: usize, limit: usize) -> Option<usize> {
        let mut end = None;
        let mut i = from;
        while i < limit && i < from + 5 {
            let t = &self.ctx.tokens[i];
            let w = self.ctx.words[i];
            let capital = t.flags.contains(TokenFlags::CAPITALIZED)
                && !t.flags.contains(TokenFlags::PUNCT)
                && (w == UNKNOWN || self.lex.class(w) == WordClass::default());
            if capital {
                i += 1;
                end = Some(i);
                continue;
            }
            let particle = w != UNKNOWN && NAME_PARTICLES.contains(&self.lex.word(w));
            let hyphen = self.norm_is(i, "-") && !t.flags.contains(TokenFlags::SPACE_BEFORE);
            if (particle || hyphen) && end.is_some() || (particle && i == from) {
                i += 1;
                continue;
            }
            break;
        }
        end
    }
}
