//! Pairs: `the two leaders`, `both sides`, `the two countries` stand for the last two
//! distinct actors in focus (people or governments for `leaders`, countries for
//! `countries`, `sides`, `nations`, ...), as one compound actor.

use super::{DocState, Linking, WINDOW};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::lexicon::WordClass;

/// Pair nouns that stand for countries (the others stand for people or governments).
fn names_countries(noun: &str) -> bool {
    matches!(
        noun,
        "countries"
            | "nations"
            | "states"
            | "sides"
            | "neighbours"
            | "neighbors"
            | "powers"
            | "governments"
    )
}

/// The last two actors of distinct countries (or codes, for people) in the previous
/// sentences within [`WINDOW`], as (mention indices, codes), latest first.
fn last_two(here: &Linking<'_>, countries: bool, out: &[Mention]) -> (Vec<usize>, Vec<ActorCode>) {
    let mut picked: Vec<usize> = Vec::new();
    let mut codes: Vec<ActorCode> = Vec::new();
    for (i, m) in out[..here.first_new].iter().enumerate().rev() {
        if m.sentence + WINDOW < here.idx() || picked.len() == 2 {
            break;
        }
        if m.modifier || m.kind == MentionKind::Place || m.unknown_country() {
            continue;
        }
        let ok = if countries {
            !m.person
        } else {
            m.person || m.code.rest().starts_with("GOV")
        };
        let key = if countries {
            ActorCode::new(m.code.prefix()).unwrap_or(m.code)
        } else {
            m.code
        };
        if ok && !codes.iter().any(|c| c.prefix() == key.prefix()) {
            codes.push(key);
            picked.push(i);
        }
    }
    (picked, codes)
}

/// For each pair word (`two`, `both`) before a pair noun, replaces an agent mention over
/// the phrase (`leaders`) by one mention per actor of the pair, in one new group.
pub(super) fn link(here: &Linking<'_>, doc: &mut DocState, out: &mut Vec<Mention>) {
    let (ctx, lex) = (here.ctx, here.lex);
    let (s, e, idx) = (here.s(), here.e(), here.idx());
    for t in s..e.saturating_sub(1) {
        let c = lex.class(ctx.words[t]);
        if !c.has(WordClass::PAIR) || !lex.class(ctx.words[t + 1]).has(WordClass::PAIR_NOUN) {
            continue;
        }
        let countries = names_countries(lex.word(ctx.words[t + 1]));
        let first = if t > s && lex.class(ctx.words[t - 1]).has(WordClass::DEFINITE) {
            t - 1
        } else {
            t
        };
        let (mut picked, mut codes) = last_two(here, countries, out);
        if picked.len() != 2 {
            continue;
        }
        // Only this sentence's mentions (from `first_new` on) can go: retaining over
        // the whole story would make a long story's pairs quadratic.
        let replaced = |m: &Mention| {
            m.sentence == idx
                && m.first_token as usize >= first
                && (m.end_token as usize) <= t + 2
                && m.kind == MentionKind::Agent
        };
        let kept: Vec<Mention> = out
            .drain(here.first_new..)
            .filter(|m| !replaced(m))
            .collect();
        out.extend(kept);
        let group = doc.new_group();
        picked.reverse();
        codes.reverse();
        for code in codes {
            out.push(Mention {
                person: !countries,
                plural: true,
                group: Some(group),
                ..Mention::new(
                    idx,
                    ctx.tokens,
                    first..t + 2,
                    t + 1,
                    code,
                    MentionKind::Agent,
                    Resolution::Collective {
                        antecedents: picked.clone(),
                    },
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::find;

    #[test]
    fn the_two_leaders_are_the_last_two_people() {
        let text = "Vladimir Putin met Xi Jinping in Moscow. The two leaders signed a treaty.";
        let pair = find(text, "The two leaders");
        let codes: Vec<String> = pair.iter().map(|(_, m)| m.code.to_string()).collect();
        assert_eq!(codes, ["RUSGOV", "CHNGOV"]);
        assert_eq!(pair[0].1.group, pair[1].1.group);
        assert!(pair[0].1.group.is_some());
    }

    #[test]
    fn both_countries_are_countries_not_people() {
        let text = "Russia and Kenya signed a deal, Vladimir Putin said. Both countries agreed.";
        let codes: Vec<String> = find(text, "Both countries")
            .iter()
            .map(|(_, m)| m.code.to_string())
            .collect();
        assert_eq!(codes, ["RUS", "KEN"]);
    }

    #[test]
    fn one_actor_in_focus_makes_no_pair() {
        let text = "Vladimir Putin spoke on Monday. The two leaders signed a treaty.";
        assert!(
            find(text, "The two leaders")
                .iter()
                .all(|(_, m)| m.group.is_none())
        );
    }
}
