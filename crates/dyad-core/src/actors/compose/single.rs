//! A piece on its own: an actor (`Russia`, `NATO`, `Russian` before a noun that is no
//! actor), a person (by the story's date), an agent of unknown country (`police`,
//! `the army`) or a place (`Santiago`). The last rule: it always uses at least one piece.

use super::{At, Piece, Sent, actor_code};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::dict::NameKind;
use crate::segment::TokenFlags;

/// The piece as an actor; an adjective before a lower-case word is a modifier only
/// (`the Russian position`).
fn actor(sent: &Sent<'_, '_>, at: &At, out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    // A name that is also a person's name is the person after a title-less mention
    // only when no actor reading exists, so the actor reading wins here.
    let actor = sent.actor(&p)?;
    let resolution = Resolution::Dictionary {
        source: rec.locate(actor.origin),
    };
    let modifier = actor.kind == NameKind::Adjective && p.end < sent.end && {
        let t = &sent.ctx.tokens[p.end];
        !t.flags.contains(TokenFlags::PUNCT) && !t.flags.contains(TokenFlags::CAPITALIZED)
    };
    out.push(Mention {
        plural: actor.kind == NameKind::People,
        modifier,
        capital: actor.kind == NameKind::Capital,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..p.end,
            p.end - 1,
            actor_code(rec, actor),
            rec.actor_kind(actor.entry),
            resolution,
        )
    });
    Some(1)
}

/// The piece as a person in the dictionaries, in their role on the story's date.
fn person(sent: &Sent<'_, '_>, at: &At, out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let (who, _) = sent.person(&p)?;
    let (code, origin, office) = rec.person_code(who, sent.date);
    let resolution = Resolution::Person {
        source: rec.locate(origin),
        office,
    };
    out.push(Mention {
        person: true,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..p.end,
            p.end - 1,
            code,
            MentionKind::Person,
            resolution,
        )
    });
    Some(1)
}

/// The piece as an agent of unknown country, extended over the agent nouns after it
/// (`police officers`); `former` before it gives the role `ELI`.
fn agent(sent: &Sent<'_, '_>, at: &At, pieces: &[Piece], out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let agent = sent.agent(&at.p)?;
    let (agent, end, extra) = sent.agent_compound(pieces, at.k + 1, at.p, agent);
    let p = Piece { end, ..at.p };
    let role = if at.former_before {
        rec.known_roles.eli
    } else {
        rec.roles[agent.role as usize].code
    };
    let code = rec.known_roles.unknown_country.with_role(&role);
    let resolution = Resolution::Dictionary {
        source: rec.locate(agent.origin),
    };
    out.push(Mention {
        person: agent.person,
        plural: agent.plural,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..p.end,
            p.end - 1,
            code,
            MentionKind::Agent,
            resolution,
        )
    });
    Some(1 + extra)
}

/// The piece as a place: its country's code.
fn place(sent: &Sent<'_, '_>, at: &At, out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let (place, origin) = sent.place(&p)?;
    let resolution = Resolution::Dictionary {
        source: rec.locate(origin),
    };
    out.push(Mention::new(
        at.sentence,
        sent.ctx.tokens,
        p.start..p.end,
        p.end - 1,
        rec.places[place as usize].0,
        MentionKind::Place,
        resolution,
    ));
    Some(1)
}

/// The piece on its own, read as an actor, else a person, else an agent, else a place.
/// Returns the pieces used (1 when it is none of these).
pub(super) fn compose(
    sent: &Sent<'_, '_>,
    at: &At,
    pieces: &[Piece],
    out: &mut Vec<Mention>,
) -> usize {
    actor(sent, at, out)
        .or_else(|| person(sent, at, out))
        .or_else(|| agent(sent, at, pieces, out))
        .or_else(|| place(sent, at, out))
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::find;
    use crate::actors::{MentionKind, Resolution};

    #[test]
    fn an_adjective_before_a_common_noun_is_a_modifier() {
        let m = find("The Russian position hardened.", "Russian");
        assert_eq!(m[0].1.code.to_string(), "RUS");
        assert!(m[0].1.modifier);
        assert!(!find("Russia and China spoke.", "Russia")[0].1.modifier);
    }

    #[test]
    fn an_agent_alone_has_no_country() {
        let m = find("Police officers fired on Monday.", "Police officers");
        assert_eq!(m[0].1.code.to_string(), "---COP");
        assert_eq!(m[0].1.kind, MentionKind::Agent);
        assert!(matches!(m[0].1.resolution, Resolution::Dictionary { .. }));
    }

    #[test]
    fn a_place_gives_its_country() {
        let m = find("Crowds gathered in Mombasa.", "Mombasa");
        assert_eq!(m[0].1.kind, MentionKind::Place);
        assert_eq!(m[0].1.code.to_string(), "KEN");
    }
}
