//! Counterparts: `counterpart` is a government agent in the agent list, but it names
//! whoever holds the same office as the possessor on the other side: `lawmakers from
//! Ontario asked their U.S. counterparts` are asking U.S. lawmakers (USALEG), `the army
//! chief met his Indian counterpart` an Indian military chief (INDMIL). After the
//! pronouns are linked, a counterpart right after a possessive pronoun takes the role of
//! the pronoun's antecedent, keeping its own country.

use super::Linking;
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;

/// Gives each counterpart among the sentence's new mentions the role of the actor its
/// possessive pronoun stands for.
pub(super) fn link(here: &Linking<'_>, out: &mut [Mention]) {
    let ctx = here.ctx;
    for i in here.first_new..out.len() {
        let m = &out[i];
        let head = &ctx.text[ctx.tokens[m.end_token as usize - 1].span()];
        let counterpart = m.kind == MentionKind::Agent
            && (head.eq_ignore_ascii_case("counterpart")
                || head.eq_ignore_ascii_case("counterparts"))
            && m.code.rest() == "GOV";
        if !counterpart {
            continue;
        }
        // The possessive right before the phrase (`their U.S. counterparts`): its
        // antecedent, else (a pronoun left unlinked) the sentence's latest actor before.
        let first = m.first_token as usize;
        let linked = (here.first_new..i)
            .rev()
            .find_map(|j| match out[j].resolution {
                Resolution::Pronoun { antecedent }
                    if out[j].kind == MentionKind::Pronoun && out[j].end_token == m.first_token =>
                {
                    Some(antecedent)
                }
                _ => None,
            });
        let possessive = first > here.s()
            && ["their", "his", "her", "its"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&ctx.text[ctx.tokens[first - 1].span()]));
        let Some(antecedent) = linked.or_else(|| {
            (here.first_new..i).rev().find(|&j| {
                possessive && out[j].kind != MentionKind::Place && out[j].code.has_role()
            })
        }) else {
            continue;
        };
        let role = out[antecedent].code.rest();
        if role.is_empty() || role == "GOV" {
            continue;
        }
        let (Some(country), Some(role)) =
            (ActorCode::new(out[i].code.prefix()), ActorCode::new(role))
        else {
            continue;
        };
        out[i].code = country.with_role(&role);
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::find;

    #[test]
    fn a_counterpart_holds_the_possessors_office() {
        for text in [
            "Kenyan lawmakers asked their Ugandan counterparts to lift the tariff.",
            "Lawmakers from Mombasa asked their Ugandan counterparts to lift the tariff.",
        ] {
            let m = find(text, "Ugandan counterparts");
            assert_eq!(m.len(), 1, "{m:?}");
            assert_eq!(m[0].1.code.to_string(), "UGALEG", "{text}");
        }
        // A minister's counterpart stays a minister.
        let text = "The Kenyan foreign minister met his Ugandan counterpart on Monday.";
        assert_eq!(
            find(text, "Ugandan counterpart")[0].1.code.to_string(),
            "UGAGOV"
        );
    }
}
