//! Ethnic groups: `ethnic Albanians`, `ethnic Serb civilians`, `ethnic Russian
//! separatists`. After `ethnic`, a nationality names a people, not its state: CAMEO
//! codes such a group by the country where it lives, as that country's civilians (or
//! whatever role the phrase gives: rebels, separatists). The mention keeps its role and
//! loses its country; the links within the story then give it the country of the
//! sentence's place (`ethnic Albanians in Serbia` is `SRBCVL`), else of the dateline,
//! else none.

use super::pieces::Sent;
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;

/// Whether the token before `first` is the word `ethnic`.
fn after_ethnic(sent: &Sent<'_, '_>, first: usize, sentence_start: usize) -> bool {
    first > sentence_start && {
        let t = &sent.ctx.tokens[first - 1];
        sent.ctx.text[t.span()].eq_ignore_ascii_case("ethnic")
    }
}

/// Recodes the mentions among `out[first..]` that follow `ethnic` as groups of unknown
/// country.
pub(super) fn recode(
    sent: &Sent<'_, '_>,
    sentence_start: usize,
    first: usize,
    out: &mut [Mention],
) {
    let (Some(unknown), Some(civilians)) = (ActorCode::new("---"), ActorCode::new("CVL")) else {
        return;
    };
    for m in out[first..].iter_mut() {
        let country_like = matches!(m.kind, MentionKind::Country | MentionKind::Agent)
            && !m.unknown_country()
            && !matches!(m.code.prefix(), "IGO" | "NGO" | "IMG" | "MNC");
        if !country_like || !after_ethnic(sent, m.first_token as usize, sentence_start) {
            continue;
        }
        let role = ActorCode::new(m.code.rest()).unwrap_or(civilians);
        m.code = unknown.with_role(&role);
        m.kind = MentionKind::Agent;
        m.plural |= sent.ctx.text[m.start as usize..m.end as usize].ends_with('s');
        m.resolution = Resolution::Dictionary {
            source: "ethnic group (actors/compose/ethnic.rs)".into(),
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::codes;

    #[test]
    fn an_ethnic_group_lives_where_the_sentence_happens() {
        let text = "Hundreds of ethnic Albanians rallied in Serbia on Tuesday.";
        assert_eq!(codes(text, "Albanians"), ["SRBCVL"]);
        let text = "Ethnic Russian separatists in Moldova seized a police station.";
        assert_eq!(codes(text, "Russian separatists"), ["MDAREB"]);
    }

    #[test]
    fn without_a_place_an_ethnic_group_has_no_country() {
        assert_eq!(
            codes("Ethnic Albanians rallied on Tuesday.", "Albanians"),
            ["---CVL"]
        );
        // Without `ethnic`, the nationality is the state's.
        assert_eq!(
            codes("Albania rallied its allies on Tuesday.", "Albania"),
            ["ALB"]
        );
    }
}
