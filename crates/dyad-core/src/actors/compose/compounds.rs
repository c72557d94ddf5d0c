//! Compound actors: mentions joined only by commas and `and` (`China and Russia`,
//! `Putin and Xi`, `Kenya, Uganda and Tanzania`) share a group number.

use super::Sent;
use crate::actors::{Mention, MentionKind};
use crate::lexicon::WordClass;

/// Mentions joined only by commas and `and` (`China and Russia`, `Putin and Xi`)
/// form one compound actor.
pub(super) fn mark_compounds(sent: &Sent<'_, '_>, first: usize, out: &mut [Mention]) {
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
            let only_joiners = !gap.is_empty() && joiners(sent, gap.clone());
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

/// Whether the tokens between two mentions only join them: commas, `and`, articles,
/// and after `and` or an article up to two lower-case modifiers (`Fornost and the
/// evil awful Gondor`, `, the awful Fornost,`).
fn joiners(sent: &Sent<'_, '_>, gap: std::ops::Range<usize>) -> bool {
    let mut modifiers_ok = false;
    let mut modifiers = 0;
    for t in gap {
        let c = sent.class(t);
        if sent.norm_is(t, ",") {
            modifiers_ok = false;
        } else if sent.norm_is(t, "and") || c.has(WordClass::ARTICLE) {
            modifiers_ok = true;
        } else if modifiers_ok && modifiers < 2 && modifier(sent, t, c) {
            modifiers += 1;
        } else {
            return false;
        }
    }
    true
}

/// A lower-case word of letters that is no function word (`evil`, `awful`).
fn modifier(sent: &Sent<'_, '_>, t: usize, c: WordClass) -> bool {
    let tok = &sent.ctx.tokens[t];
    let surface = &sent.ctx.text[tok.span()];
    c == WordClass::default()
        && !tok.flags.contains(crate::segment::TokenFlags::CAPITALIZED)
        && surface.chars().all(|ch| ch.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::mentions;

    /// The group numbers of the mentions of `text`.
    fn groups(text: &str) -> Vec<Option<u32>> {
        mentions(text).iter().map(|(_, m)| m.group).collect()
    }

    #[test]
    fn and_joins_a_compound_actor() {
        let g = groups("Russia and China signed a deal.");
        assert_eq!(g.len(), 2);
        assert!(g[0].is_some() && g[0] == g[1]);
    }

    #[test]
    fn a_comma_alone_joins_three_or_more() {
        let g = groups("Kenya, Uganda, Tanzania signed a deal.");
        assert!(g.len() == 3 && g[0].is_some() && g.iter().all(|x| *x == g[0]));
        let g = groups("Kenya, Uganda signed a deal.");
        assert!(g.iter().all(Option::is_none));
    }

    #[test]
    fn modifiers_after_and_or_an_article_stay_in_the_compound() {
        let g = groups("Kenya, the troubled Uganda and the small landlocked Rwanda signed a deal.");
        assert!(
            g.len() == 3 && g[0].is_some() && g.iter().all(|x| *x == g[0]),
            "{g:?}"
        );
        // Not after a bare comma, nor more than two words.
        let g = groups("Kenya, long Uganda's rival, signed a deal.");
        assert!(g.iter().all(Option::is_none), "{g:?}");
        let g = groups("Kenya and the very old and tired Uganda signed a deal.");
        assert!(g.iter().all(Option::is_none), "{g:?}");
    }

    #[test]
    fn a_place_is_never_a_member() {
        assert!(
            groups("Kenya and Mombasa were named.")
                .iter()
                .all(Option::is_none)
        );
    }
}
