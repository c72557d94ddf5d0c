//! Noun phrases from dictionary matches: one sentence at a time, the matched names
//! ("pieces") are combined into actor mentions.
//!
//! The rules, tried in this order at each piece:
//! - coordinated nationalities before an agent: `Hungarian and Romanian officials`
//!   gives `HUNGOV` and `ROUGOV`, one compound actor;
//! - country (or organisation) + agent, with an optional possessive and modifiers
//!   between: `Russian troops`, `China's foreign minister`, `US military officials`;
//!   then optionally a person or an unknown name: `Russian President Vladimir Putin`,
//!   `Chinese Foreign Minister Qin Gang`;
//! - title + person or unknown name: `President Xi Jinping`, `President Yoweri Museveni`;
//! - agent + `of`/`in`/`from` + country or place: `president of Armenia`, `rebels in Darfur`;
//! - a person, an actor, an agent or a place on its own.
//!
//! `former` (and `ex-`, `ousted`, ...) before a composed phrase gives the role `ELI`.

use super::matcher::{MatchContext, Referent};
use super::{ActorRecognizer, Mention, MentionKind, Resolution, Scratch};
use crate::codes::ActorCode;
use crate::dict::{NameKind, Origin};
use crate::lexicon::{Lexicon, UNKNOWN, WordClass};
use crate::segment::{Sentence, TokenFlags};
use chrono::NaiveDate;

/// A dictionary match over tokens `start..end` with its phrases in the scratch buffer.
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
}

struct Sent<'a, 'b> {
    rec: &'a ActorRecognizer,
    ctx: &'a MatchContext<'b>,
    lex: &'a Lexicon,
    buf: &'a [u32],
    date: Option<NaiveDate>,
    end: usize,
}

#[derive(Clone, Copy)]
struct ActorHit {
    entry: u32,
    kind: NameKind,
    origin: Origin,
}

#[derive(Clone, Copy)]
struct AgentHit {
    role: u16,
    person: bool,
    plural: bool,
    origin: Origin,
}

/// Particles inside personal names: `Omar al-Bashir`, `Ursula von der Leyen`.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "le", "la", "du", "ben",
    "abu", "bint", "dos", "das", "del",
];

impl Sent<'_, '_> {
    fn phrases(&self, p: &Piece) -> impl Iterator<Item = &super::matcher::Phrase> + '_ {
        self.buf[p.first..p.last]
            .iter()
            .map(|&i| &self.rec.trie.phrases[i as usize])
    }

    fn actor(&self, p: &Piece) -> Option<ActorHit> {
        // Prefer a name over an adjective or demonym reading of the same words.
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

    fn adjective(&self, p: &Piece) -> Option<ActorHit> {
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

    fn agent(&self, p: &Piece) -> Option<AgentHit> {
        // Several readings (singular and plural of `police`): prefer the plural when
        // the word is the plural form... both point to the same role, so take the first
        // person reading if any, else the first.
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

    fn person(&self, p: &Piece) -> Option<(u32, Origin)> {
        let mut first = None;
        for ph in self.phrases(p) {
            if let Referent::Person(i) = ph.referent {
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

    fn place(&self, p: &Piece) -> Option<(u32, Origin)> {
        self.phrases(p).find_map(|ph| match ph.referent {
            Referent::Place(i) => Some((i, ph.origin)),
            _ => None,
        })
    }

    fn class(&self, token: usize) -> WordClass {
        self.lex.class(self.ctx.words[token])
    }

    fn norm_is(&self, token: usize, word: &str) -> bool {
        self.ctx.words[token] != UNKNOWN && self.lex.word(self.ctx.words[token]) == word
    }

    /// Tokens `from..to` may sit between a country and its agent noun.
    fn modifier_gap(&self, from: usize, to: usize) -> bool {
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
    fn agent_compound(
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
    fn surname_piece(&self, pieces: &[Piece], next: usize, name_end: usize) -> (usize, usize) {
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

    fn any_former(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| self.class(i).has(WordClass::FORMER))
    }

    /// An unknown personal name starting at `from`: capitalised words (and name
    /// particles) not matched by the dictionaries. Returns its end.
    fn unknown_name(&self, from: usize, limit: usize) -> Option<usize> {
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

    fn span(&self, first: usize, end: usize) -> (u32, u32) {
        (self.ctx.tokens[first].start, self.ctx.tokens[end - 1].end)
    }
}

fn actor_code(rec: &ActorRecognizer, hit: ActorHit) -> ActorCode {
    let code = rec.actors[hit.entry as usize].code;
    match hit.kind {
        NameKind::Seat(role) => code.with_role(&role),
        _ => code,
    }
}

/// Country + role, unless the actor is a named group (whose code already says what it is).
fn compose_code(rec: &ActorRecognizer, hit: ActorHit, role: ActorCode, former: bool) -> ActorCode {
    let base = actor_code(rec, hit);
    if rec.actors[hit.entry as usize].category == crate::dict::ActorCategory::Group {
        return base;
    }
    let role = if former { rec.known_roles.eli } else { role };
    // A seat (`Kremlin officials`) keeps its own role; a bare country takes the agent's.
    if base.has_role() && base.prefix() != "IGO" && base.prefix() != "NGO" {
        base
    } else {
        base.with_role(&role)
    }
}

/// Builds the mentions of one sentence and appends them to `out`.
pub fn sentence_mentions(
    rec: &ActorRecognizer,
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    sentence: &Sentence,
    date: Option<NaiveDate>,
    scratch: &mut Scratch,
    out: &mut Vec<Mention>,
) {
    let (s, e) = (sentence.tokens.start, sentence.tokens.end);
    scratch.pieces.clear();
    scratch.phrase_buf.clear();
    let mut i = s;
    while i < e {
        let mark = scratch.phrase_buf.len();
        match rec.trie.longest_at(ctx, i, e, &mut scratch.phrase_buf) {
            Some(end) => {
                scratch.pieces.push(Piece {
                    start: i,
                    end,
                    first: mark,
                    last: scratch.phrase_buf.len(),
                });
                i = end;
            }
            None => i += 1,
        }
    }
    let sent = Sent {
        rec,
        ctx,
        lex,
        buf: &scratch.phrase_buf,
        date,
        end: e,
    };
    let pieces = &scratch.pieces;
    let first_mention = out.len();
    let idx = sentence.index;
    let mut k = 0;
    while k < pieces.len() {
        let consumed = compose_at(&sent, pieces, k, idx, out);
        k += consumed.max(1);
    }
    mark_compounds(&sent, first_mention, out);
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Mention>,
    sent: &Sent<'_, '_>,
    sentence: u32,
    tokens: (usize, usize),
    head: usize,
    code: ActorCode,
    kind: MentionKind,
    resolution: Resolution,
    person: bool,
    plural: bool,
) {
    let (start, end) = sent.span(tokens.0, tokens.1);
    out.push(Mention {
        sentence,
        first_token: tokens.0 as u32,
        end_token: tokens.1 as u32,
        head: head as u32,
        start,
        end,
        code,
        kind,
        resolution,
        person,
        plural,
        group: None,
        modifier: false,
    });
}

/// Tries the rules at piece `k`; returns how many pieces the mention(s) used.
fn compose_at(
    sent: &Sent<'_, '_>,
    pieces: &[Piece],
    k: usize,
    sentence: u32,
    out: &mut Vec<Mention>,
) -> usize {
    let rec = sent.rec;
    let p = pieces[k];
    let next = pieces.get(k + 1).copied();
    let former_before = p.start > 0 && sent.class(p.start - 1).has(WordClass::FORMER);

    // Coordinated nationalities before one agent noun.
    if let Some(first_adj) = sent.adjective(&p) {
        let mut adjs = vec![(p, first_adj)];
        let mut j = k + 1;
        while j < pieces.len() {
            let q = pieces[j];
            let gap_ok = (adjs.last().expect("non-empty").0.end..q.start)
                .all(|t| sent.norm_is(t, ",") || sent.class(t).has(WordClass::CONJUNCTION));
            match sent.adjective(&q) {
                Some(a) if gap_ok && q.start > adjs.last().expect("non-empty").0.end => {
                    adjs.push((q, a));
                    j += 1;
                }
                _ => break,
            }
        }
        if adjs.len() > 1
            && let Some(ag_piece) = pieces.get(j).copied()
            && let Some(agent) = sent.agent(&ag_piece)
            && sent.modifier_gap(adjs.last().expect("non-empty").0.end, ag_piece.start)
        {
            let role = rec.roles[agent.role as usize].code;
            let former = former_before
                || sent.any_former(adjs.last().expect("non-empty").0.end, ag_piece.start);
            for (q, a) in &adjs {
                let code = compose_code(rec, *a, role, former);
                let resolution = Resolution::Composed {
                    rule: "coordinated nationalities + agent",
                    country: rec.locate(a.origin),
                    agent: rec.locate(agent.origin),
                };
                push(
                    out,
                    sent,
                    sentence,
                    (q.start, q.end),
                    ag_piece.end - 1,
                    code,
                    MentionKind::Agent,
                    resolution,
                    agent.person,
                    true,
                );
            }
            // The members form one compound actor.
            let n = adjs.len();
            let len = out.len();
            let group = (len - n) as u32;
            for m in &mut out[len - n..] {
                m.group = Some(group);
            }
            return j + 1 - k;
        }
    }

    // Country or organisation + agent (+ person or unknown name).
    if let Some(actor) = sent.actor(&p)
        && actor.kind.modifies_agents()
        && let Some(q) = next
        && let Some(agent) = sent.agent(&q)
        && sent.modifier_gap(p.end, q.start)
    {
        let (agent, end, extra) = sent.agent_compound(pieces, k + 2, q, agent);
        let role = rec.roles[agent.role as usize].code;
        let former = former_before || sent.any_former(p.end, q.start);
        let mut code = compose_code(rec, actor, role, former);
        let mut end = end;
        let mut used = 2 + extra;
        let mut kind = MentionKind::Agent;
        let mut person = agent.person;
        let mut resolution = Resolution::Composed {
            rule: "country + agent",
            country: rec.locate(actor.origin),
            agent: rec.locate(agent.origin),
        };
        if agent.person && !agent.plural {
            if let Some(r) = pieces.get(k + 2).copied().filter(|r| r.start == q.end)
                && let Some((who, _)) = sent.person(&r)
            {
                let (c, origin, office) = rec.person_code(who, sent.date);
                code = c;
                end = r.end;
                used = 3;
                kind = MentionKind::Person;
                person = true;
                resolution = Resolution::Person {
                    source: rec.locate(origin),
                    office,
                };
            } else if let Some(name_end) =
                sent.unknown_name(q.end, pieces.get(k + 2).map_or(sent.end, |r| r.start))
            {
                let (name_end, more) = sent.surname_piece(pieces, k + 2, name_end);
                used += more;
                end = name_end;
                kind = MentionKind::Person;
                person = true;
                resolution = Resolution::Title {
                    title: rec.locate(agent.origin),
                };
            }
        }
        push(
            out,
            sent,
            sentence,
            (p.start, end),
            end - 1,
            code,
            kind,
            resolution,
            person,
            agent.plural && kind != MentionKind::Person,
        );
        return used;
    }

    // A person's agent: `the Bush administration`, `the Putin government`.
    if let Some((who, _)) = sent.person(&p)
        && let Some(q) = next.filter(|q| q.start == p.end)
        && let Some(agent) = sent.agent(&q)
        && !agent.person
    {
        let (code, origin, _) = rec.person_code(who, sent.date);
        let country = ActorCode::new(code.prefix()).unwrap_or(code);
        let role = rec.roles[agent.role as usize].code;
        let resolution = Resolution::Composed {
            rule: "person + agent",
            country: rec.locate(origin),
            agent: rec.locate(agent.origin),
        };
        push(
            out,
            sent,
            sentence,
            (p.start, q.end),
            q.end - 1,
            country.with_role(&role),
            MentionKind::Agent,
            resolution,
            false,
            agent.plural,
        );
        return 2;
    }

    // Title + person, or title + unknown name.
    if let Some(agent) = sent.agent(&p)
        && agent.person
        && !agent.plural
    {
        if let Some(q) = next.filter(|q| q.start == p.end)
            && let Some((who, _)) = sent.person(&q)
        {
            let (code, origin, office) = rec.person_code(who, sent.date);
            let resolution = Resolution::Person {
                source: rec.locate(origin),
                office,
            };
            push(
                out,
                sent,
                sentence,
                (p.start, q.end),
                q.end - 1,
                code,
                MentionKind::Person,
                resolution,
                true,
                false,
            );
            return 2;
        }
        let limit = next.map_or(sent.end, |q| q.start);
        let capital_title = sent.ctx.tokens[p.start]
            .flags
            .contains(TokenFlags::CAPITALIZED);
        if capital_title && let Some(name_end) = sent.unknown_name(p.end, limit) {
            let (name_end, more) = sent.surname_piece(pieces, k + 1, name_end);
            let role = rec.roles[agent.role as usize].code;
            let code = rec.known_roles.unknown_country.with_role(&role);
            let resolution = Resolution::Title {
                title: rec.locate(agent.origin),
            };
            push(
                out,
                sent,
                sentence,
                (p.start, name_end),
                name_end - 1,
                code,
                MentionKind::Person,
                resolution,
                true,
                false,
            );
            return 1 + more;
        }
    }

    // Agent + of/in/from + country or place.
    if let Some(agent) = sent.agent(&p)
        && let Some(q) = next
        && q.start > p.end
        && q.start - p.end <= 2
        && (sent.norm_is(p.end, "of")
            // `troops in Iraq` are seldom Iraq's: location gives the country of
            // other agents only (`rebels in Darfur`, `officials in Kyiv`).
            || (["in"].iter().any(|w| sent.norm_is(p.end, w)) && rec.roles[agent.role as usize].code.as_str() != "MIL"))
        && (p.end + 1..q.start).all(|t| sent.class(t).has(WordClass::ARTICLE))
    {
        let role = rec.roles[agent.role as usize].code;
        let country = match (sent.actor(&q), sent.place(&q)) {
            (Some(a), _) if a.kind != NameKind::People => Some((
                compose_code(rec, a, role, former_before),
                rec.locate(a.origin),
            )),
            (None, Some((place, origin))) => {
                let c = rec.places[place as usize].0;
                Some((c.with_role(&role), rec.locate(origin)))
            }
            _ => None,
        };
        if let Some((code, country_src)) = country {
            let resolution = Resolution::Composed {
                rule: "agent + of/in + country",
                country: country_src,
                agent: rec.locate(agent.origin),
            };
            push(
                out,
                sent,
                sentence,
                (p.start, q.end),
                p.end - 1,
                code,
                MentionKind::Agent,
                resolution,
                agent.person,
                agent.plural,
            );
            return 2;
        }
    }

    // A piece on its own.
    if let Some(actor) = sent.actor(&p) {
        // A name that is also a person's name is the person after a title-less mention
        // only when no actor reading exists, so the actor reading wins here.
        let code = actor_code(rec, actor);
        let kind = rec.actor_kind(actor.entry);
        let resolution = Resolution::Dictionary {
            source: rec.locate(actor.origin),
        };
        let plural = actor.kind == NameKind::People;
        push(
            out,
            sent,
            sentence,
            (p.start, p.end),
            p.end - 1,
            code,
            kind,
            resolution,
            false,
            plural,
        );
        if actor.kind == NameKind::Adjective {
            // `the Russian position`: the adjective modifies a noun that is no actor.
            let m = out.last_mut().expect("just pushed");
            m.modifier = p.end < sent.end && {
                let t = &sent.ctx.tokens[p.end];
                !t.flags.contains(TokenFlags::PUNCT) && !t.flags.contains(TokenFlags::CAPITALIZED)
            };
        }
        return 1;
    }
    if let Some((who, _)) = sent.person(&p) {
        let (code, origin, office) = rec.person_code(who, sent.date);
        let resolution = Resolution::Person {
            source: rec.locate(origin),
            office,
        };
        push(
            out,
            sent,
            sentence,
            (p.start, p.end),
            p.end - 1,
            code,
            MentionKind::Person,
            resolution,
            true,
            false,
        );
        return 1;
    }
    if let Some(agent) = sent.agent(&p) {
        let (agent, end, extra) = sent.agent_compound(pieces, k + 1, p, agent);
        let p = Piece { end, ..p };
        let role = rec.roles[agent.role as usize].code;
        let role = if former_before {
            rec.known_roles.eli
        } else {
            role
        };
        let code = rec.known_roles.unknown_country.with_role(&role);
        let resolution = Resolution::Dictionary {
            source: rec.locate(agent.origin),
        };
        push(
            out,
            sent,
            sentence,
            (p.start, p.end),
            p.end - 1,
            code,
            MentionKind::Agent,
            resolution,
            agent.person,
            agent.plural,
        );
        return 1 + extra;
    }
    if let Some((place, origin)) = sent.place(&p) {
        let code = rec.places[place as usize].0;
        let resolution = Resolution::Dictionary {
            source: rec.locate(origin),
        };
        push(
            out,
            sent,
            sentence,
            (p.start, p.end),
            p.end - 1,
            code,
            MentionKind::Place,
            resolution,
            false,
            false,
        );
        return 1;
    }
    1
}

/// Mentions joined only by commas and `and` (`China and Russia`, `Putin and Xi`)
/// form one compound actor.
fn mark_compounds(sent: &Sent<'_, '_>, first: usize, out: &mut [Mention]) {
    let mut i = first;
    while i + 1 < out.len() {
        let mut j = i;
        let mut saw_and = false;
        while j + 1 < out.len() {
            let (a, b) = (&out[j], &out[j + 1]);
            if a.sentence != b.sentence
                || a.group.is_some()
                || b.group.is_some()
                || b.first_token <= a.end_token
            {
                break;
            }
            let gap = a.end_token as usize..b.first_token as usize;
            let only_joiners = !gap.is_empty()
                && gap.clone().all(|t| {
                    sent.norm_is(t, ",")
                        || sent.norm_is(t, "and")
                        || sent.class(t).has(WordClass::ARTICLE)
                });
            if !only_joiners || a.kind == MentionKind::Place || b.kind == MentionKind::Place {
                break;
            }
            let and = gap.clone().any(|t| sent.norm_is(t, "and"));
            saw_and |= and;
            j += 1;
            // `X, Y and Z` ends at the `and`: a comma after it starts something else
            // (`Putin and Xi, the White House said`).
            if and {
                break;
            }
        }
        // `X, Y and Z`, or a list of three or more joined by commas.
        if j > i && (saw_and || j - i >= 2) {
            let group = i as u32;
            for m in &mut out[i..=j] {
                m.group = Some(group);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
}
