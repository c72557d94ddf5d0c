//! Definite descriptions: an agent with no country of its own after `the` (`the
//! president`, `the army`) takes the code of the latest earlier organisation whose
//! name holds its noun (`the World Bank ... the bank`) or agent with the same title (`a
//! bank spokesman ... the spokesman`), else of the latest earlier mention in the same
//! role. Possessives (`its troops`) are resolved with the pronouns.

use super::{Linking, WINDOW};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::lexicon::WordClass;

/// Links each definite agent of unknown country to the latest mention of the same role
/// and number of persons in the previous sentences within twice [`WINDOW`].
pub(super) fn link(here: &Linking<'_>, out: &mut [Mention]) {
    let (ctx, lex) = (here.ctx, here.lex);
    let (s, idx, first_new) = (here.s(), here.idx(), here.first_new);
    for i in first_new..out.len() {
        let m = &out[i];
        if m.kind != MentionKind::Agent || !m.unknown_country() || m.group.is_some() {
            continue;
        }
        let f = m.first_token as usize;
        let definite = f > s && lex.class(ctx.words[f - 1]).has(WordClass::DEFINITE);
        if !definite {
            continue;
        }
        let role = m.code.rest();
        let window = |a: &Mention| a.sentence + WINDOW * 2 >= idx;
        // `the World Bank ... the bank`, `the IMF's Fund`: an organisation whose name
        // holds the description's noun is what it stands for, before any other actor
        // of the same role (`U.S. commercial banks` in between).
        let head = &ctx.text[ctx.tokens[m.end_token as usize - 1].span()];
        let named = out[..first_new]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, a)| window(a))
            .find(|(_, a)| {
                let word = |t: u32| &ctx.text[ctx.tokens[t as usize].span()];
                // `a bank spokesman said ... The spokesman declined`: the same title,
                // whatever its body, before any other agent of the role (`officials`).
                // One of no known country counts only as a company's (`a Sulpetro
                // spokesman`, `---BUS`): the others say nothing of whose it is.
                let same_title = a.kind == MentionKind::Agent
                    && !a.modifier
                    && (!a.unknown_country() || a.code.rest().starts_with("BUS"))
                    && word(a.end_token - 1).eq_ignore_ascii_case(head);
                same_title
                    || a.kind == MentionKind::Organization
                        && (a.first_token..a.end_token).any(|t| word(t).eq_ignore_ascii_case(head))
            })
            .map(|(j, _)| j);
        let ante = named.or_else(|| {
            out[..first_new]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, a)| window(a))
                .find(|(_, a)| {
                    !a.unknown_country()
                        && a.code.rest() == role
                        && a.person == m.person
                        && !a.modifier
                })
                .map(|(j, _)| j)
        });
        if let Some(j) = ante {
            let code = out[j].code;
            let m = &mut out[i];
            m.code = code;
            m.resolution = Resolution::Definite { antecedent: j };
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::Resolution;
    use crate::actors::testing::find;

    #[test]
    fn the_president_is_the_latest_president() {
        let text = "The Kenyan president arrived on Monday. Later the president left.";
        let m = find(text, "president");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1.code.to_string(), "KENGOV");
        assert!(matches!(m[0].1.resolution, Resolution::Definite { .. }));
    }

    #[test]
    fn the_latest_mention_in_the_same_role_wins() {
        // Officials and a president share the role (government) and are people.
        let text = "The Kenyan minister met French officials. Later the president left.";
        assert_eq!(find(text, "president")[0].1.code.to_string(), "FRAGOV");
        // The same title wins over them.
        let text = "The Kenyan president met French officials. Later the president left.";
        assert_eq!(find(text, "president")[0].1.code.to_string(), "KENGOV");
    }

    #[test]
    fn the_bank_is_the_bank_named_before() {
        let text = "The World Bank lent Kenya 40 mln dlrs. Kenyan banks welcomed it. \
                    Later the bank said more would follow.";
        let m = find(text, "bank");
        assert_eq!(m[0].1.code.to_string(), "IGOWBK", "{m:?}");
    }

    #[test]
    fn the_spokesman_is_the_spokesman_named_before() {
        // Not the officials in between, though they share the government role.
        let text = "A Kenyan bank spokesman said officials in Nairobi exceeded their powers. \
                    The spokesman declined to give figures.";
        let m = find(text, "spokesman");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1.code.to_string(), "KENBUS", "{m:?}");
        assert!(matches!(
            m[0].1.resolution,
            Resolution::Definite { antecedent: 0 }
        ));
    }

    #[test]
    fn a_description_without_the_is_left_alone() {
        let text = "The Kenyan president arrived on Monday. A president left.";
        let m = find(text, "president");
        assert!(
            m.iter()
                .all(|(_, m)| !matches!(m.resolution, Resolution::Definite { .. }))
        );
    }
}
