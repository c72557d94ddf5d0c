//! Aliases: a surname, or a name first met with a title, is an actor wherever it recurs
//! in the story (`Chinese Foreign Minister Qin Gang` ... `Qin said`).

use super::Linking;
use crate::actors::{Mention, MentionKind, Resolution};
use crate::segment::TokenFlags;

/// Adds an alias mention for each capitalised token of the sentence, not already in a
/// mention, that spells (in any case) a name registered by an earlier sentence.
pub(super) fn link(here: &Linking<'_>, aliases: &[(String, usize)], out: &mut Vec<Mention>) {
    if aliases.is_empty() {
        return;
    }
    let ctx = here.ctx;
    for t in here.s()..here.e() {
        let tok = &ctx.tokens[t];
        if !tok.flags.contains(TokenFlags::CAPITALIZED) || here.covered(out, t) {
            continue;
        }
        let text = &ctx.text[tok.span()];
        if let Some(&(_, ante)) = aliases.iter().find(|(k, _)| k.eq_ignore_ascii_case(text)) {
            let a = &out[ante];
            let m = Mention {
                person: a.person,
                plural: a.plural,
                ..Mention::one_token(
                    here.idx(),
                    ctx.tokens,
                    t,
                    a.code,
                    a.kind,
                    Resolution::Alias { antecedent: ante },
                )
            };
            out.push(m);
        }
    }
}

/// Registers, for later sentences, the last word of each name introduced here with a
/// title (`Foreign Minister Qin Gang`) or as a dictionary person of two words or more
/// (`Vladimir Putin`), unless it is two letters or fewer or already registered.
pub(super) fn register(here: &Linking<'_>, aliases: &mut Vec<(String, usize)>, out: &[Mention]) {
    let ctx = here.ctx;
    for (i, m) in out.iter().enumerate().skip(here.first_new) {
        let registers = matches!(m.resolution, Resolution::Title { .. })
            || (m.kind == MentionKind::Person
                && matches!(m.resolution, Resolution::Person { .. })
                && m.end_token - m.first_token >= 2);
        if registers {
            let last = &ctx.tokens[m.end_token as usize - 1];
            let surname = &ctx.text[last.span()];
            if surname.chars().count() > 2
                && !aliases.iter().any(|(k, _)| k.eq_ignore_ascii_case(surname))
            {
                aliases.push((surname.to_string(), i));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::Resolution;
    use crate::actors::testing::{codes, find};

    #[test]
    fn a_name_met_with_a_title_recurs_by_its_surname() {
        let text =
            "Chinese Foreign Minister Tomas Vrenk arrived on Monday. Vrenk met French officials.";
        let first = find(text, "Chinese Foreign Minister Tomas Vrenk");
        let later = find(text, "Vrenk");
        assert_eq!(later.len(), 1, "{later:?}");
        assert_eq!(
            later[0].1.resolution,
            Resolution::Alias {
                antecedent: first[0].0
            }
        );
        assert_eq!(later[0].1.code.to_string(), "CHNGOV");
    }

    #[test]
    fn an_unregistered_capitalised_word_is_no_alias() {
        assert!(
            codes(
                "Tomas Vrenk arrived on Monday. Vrenk met French officials.",
                "Vrenk"
            )
            .is_empty()
        );
    }
}
