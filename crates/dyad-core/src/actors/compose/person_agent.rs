//! A person's agent: `the Bush administration`, `the Putin government`: the person's
//! country (on the story's date) + the agent's role.

use super::{At, Sent};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;

/// A dictionary person right before a non-person agent. Returns the pieces used.
pub(super) fn compose(sent: &Sent<'_, '_>, at: &At, out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let (who, _) = sent.person(&p)?;
    let q = at.next.filter(|q| q.start == p.end)?;
    let agent = sent.agent(&q).filter(|a| !a.person)?;
    let (code, origin, _) = rec.person_code(who, sent.date);
    let country = ActorCode::new(code.prefix()).unwrap_or(code);
    let role = rec.roles[agent.role as usize].code;
    let resolution = Resolution::Composed {
        rule: "person + agent",
        country: rec.locate(origin),
        agent: rec.locate(agent.origin),
    };
    out.push(Mention {
        plural: agent.plural,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..q.end,
            q.end - 1,
            country.with_role(&role),
            MentionKind::Agent,
            resolution,
        )
    });
    Some(2)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::find;

    #[test]
    fn a_persons_government_is_their_countrys() {
        let m = find("The Putin government denied it.", "Putin government");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1.code.to_string(), "RUSGOV");
    }
}
