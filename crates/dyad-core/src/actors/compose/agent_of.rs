//! Agent + `of`/`in` + country or place: `president of Armenia`, `rebels in Darfur`,
//! `officials in Kyiv`. `troops in Iraq` are seldom Iraq's: `in` gives the country of
//! agents other than the military only.

use super::{At, Sent, compose_code};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::dict::NameKind;
use crate::lexicon::WordClass;

/// An agent, `of` (or `in`), articles, then a country or a place. Returns the pieces
/// used.
pub(super) fn compose(sent: &Sent<'_, '_>, at: &At, out: &mut Vec<Mention>) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let agent = sent.agent(&p)?;
    let q = at.next?;
    let role = rec.roles[agent.role as usize].code;
    let linked = q.start > p.end
        && q.start - p.end <= 2
        && (sent.norm_is(p.end, "of") || (sent.norm_is(p.end, "in") && role.as_str() != "MIL"))
        && (p.end + 1..q.start).all(|t| sent.class(t).has(WordClass::ARTICLE));
    if !linked {
        return None;
    }
    // `leader of the British National Party`: an adjective after `of` modifies what
    // follows it, which is no country (`Kenyan army` is composed on its own).
    let (code, country_src) = match (sent.actor(&q), sent.place(&q)) {
        (Some(a), _) if a.kind == NameKind::Adjective => return None,
        (Some(a), _) if a.kind != NameKind::People => (
            compose_code(rec, a, role, at.former_before),
            rec.locate(a.origin),
        ),
        (None, Some((place, origin))) => {
            let c = rec.places[place as usize].0;
            (c.with_role(&role), rec.locate(origin))
        }
        _ => return None,
    };
    let resolution = Resolution::Composed {
        rule: "agent + of/in + country",
        country: country_src,
        agent: rec.locate(agent.origin),
    };
    out.push(Mention {
        person: agent.person,
        plural: agent.plural,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..q.end,
            p.end - 1,
            code,
            MentionKind::Agent,
            resolution,
        )
    });
    Some(2)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::codes;

    #[test]
    fn agent_of_a_country() {
        assert_eq!(
            codes("The president of Kenya spoke.", "president of Kenya"),
            ["KENGOV"]
        );
    }

    #[test]
    fn an_adjective_after_of_belongs_to_what_follows() {
        assert_eq!(
            codes(
                "The leader of the Kenyan National Party was arrested.",
                "Kenyan National Party"
            ),
            ["KENPTY"]
        );
        assert!(
            codes(
                "The leader of the Kenyan army spoke.",
                "leader of the Kenyan"
            )
            .is_empty()
        );
    }

    #[test]
    fn troops_in_a_country_are_not_its_troops() {
        assert!(codes("Troops in Kenya fired.", "Troops in Kenya").is_empty());
    }
}
