//! Noun phrases from dictionary matches: one sentence at a time, the matched names
//! ([`Piece`]s) are combined into actor mentions.
//!
//! [`sentence_mentions`] finds the pieces, then at each piece tries the rules below in
//! this order (`compose_at`); the first that applies makes the mention(s) and says how
//! many pieces it used. One file each:
//! 1. `nationalities.rs`: coordinated nationalities before an agent: `Hungarian and
//!    Romanian officials` gives `HUNGOV` and `ROUGOV`, one compound actor;
//! 2. `country_agent.rs`: country (or organisation) + agent, with an optional possessive
//!    and modifiers between: `Russian troops`, `China's foreign minister`, `US military
//!    officials`; then optionally a person or an unknown name: `Russian President
//!    Vladimir Putin`, `Chinese Foreign Minister Qin Gang`;
//! 3. `person_agent.rs`: a person's agent: `the Bush administration`;
//! 4. `titles.rs`: title + person or unknown name: `President Xi Jinping`, `President
//!    Yoweri Museveni`;
//! 5. `agent_of.rs`: agent + `of`/`in` + country or place: `president of Armenia`,
//!    `rebels in Darfur`;
//! 6. `single.rs`: a person, an actor, an agent or a place on its own (people by the
//!    story's date).
//!
//! Then `ethnic.rs` takes the country from a nationality after `ethnic` (`ethnic
//! Albanians` are a people, not Albania), and `compounds.rs` groups mentions joined by commas and `and` (`China and Russia`)
//! into compound actors. `former` (and `ex-`, `ousted`, ...) before a composed phrase
//! gives the role `ELI`. How a piece can be read is in `pieces.rs`.

mod agent_of;
mod compounds;
mod country_agent;
mod ethnic;
mod nationalities;
mod person_agent;
mod pieces;
mod single;
mod titles;

use super::matcher::MatchContext;
use super::{ActorRecognizer, Mention, Scratch};
use crate::codes::ActorCode;
use crate::dict::NameKind;
use crate::lexicon::{Lexicon, WordClass};
use crate::segment::Sentence;
use chrono::NaiveDate;
pub use pieces::Piece;
use pieces::{ActorHit, Sent};

/// Where the rules are tried: piece `k` of the sentence.
struct At {
    /// The piece's index.
    k: usize,
    /// The piece.
    p: Piece,
    /// The piece after it, if any.
    next: Option<Piece>,
    /// A `former`-class word stands right before the piece.
    former_before: bool,
    /// The sentence's index.
    sentence: u32,
}

/// The code of an actor reading: a seat (`Kremlin`) adds its role to the country.
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

/// The dictionary matches of the sentence, longest first from left to right.
fn find_pieces(
    rec: &ActorRecognizer,
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    scratch: &mut Scratch,
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
    find_pieces(rec, ctx, sentence, scratch);
    let sent = Sent {
        rec,
        ctx,
        lex,
        buf: &scratch.phrase_buf,
        date,
        end: sentence.tokens.end,
    };
    let pieces = &scratch.pieces;
    let first_mention = out.len();
    let mut k = 0;
    while k < pieces.len() {
        let consumed = compose_at(&sent, pieces, k, sentence.index, out);
        k += consumed.max(1);
    }
    ethnic::recode(&sent, sentence.tokens.start, first_mention, out);
    compounds::mark_compounds(&sent, first_mention, out);
}

/// Tries the rules at piece `k`, in order; returns how many pieces the mention(s) used.
fn compose_at(
    sent: &Sent<'_, '_>,
    pieces: &[Piece],
    k: usize,
    sentence: u32,
    out: &mut Vec<Mention>,
) -> usize {
    let p = pieces[k];
    let at = At {
        k,
        p,
        next: pieces.get(k + 1).copied(),
        former_before: p.start > 0 && sent.class(p.start - 1).has(WordClass::FORMER),
        sentence,
    };
    nationalities::compose(sent, &at, pieces, out)
        .or_else(|| country_agent::compose(sent, &at, pieces, out))
        .or_else(|| person_agent::compose(sent, &at, out))
        .or_else(|| titles::compose(sent, &at, pieces, out))
        .or_else(|| agent_of::compose(sent, &at, out))
        .unwrap_or_else(|| single::compose(sent, &at, pieces, out))
}
