//! Pronouns: each resolves to the most salient compatible actor before it. Within the
//! sentence, a subject pronoun (`he said`) takes the subject first, then the nearest
//! actor; a possessive (`his country`) the nearest first. Across sentences: the previous
//! sentence's subject, then the latest compatible mention within [`WINDOW`]. `we` and
//! `I` inside a quotation resolve to its speaker; `they` for a compound actor stands
//! for each member; `its troops` gives the troops the possessor's country.

use super::subject::subject;
use super::{DocState, Linking, WINDOW, sort_sentence};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::lexicon::{UNKNOWN, WordClass};

/// What a pronoun can refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// he, she, his, her
    Person,
    /// it, its
    Thing,
    /// they, them, their
    Plural,
}

/// Whether mention `m` can be what a pronoun wanting `want` refers to; `strong` (the
/// default) is false for the previous sentence's subject, which also lets a government
/// be `he` and an organisation or a country be `they`.
fn compatible(m: &Mention, want: Want, strong: bool) -> bool {
    if m.modifier || m.kind == MentionKind::Place || m.unknown_country() {
        return false;
    }
    match want {
        Want::Person => !m.plural && (m.person || (!strong && m.code.rest().starts_with("GOV"))),
        Want::Thing => !m.person && !m.plural && m.group.is_none(),
        Want::Plural => {
            m.plural
                || m.group.is_some()
                || m.kind == MentionKind::Group
                || (!strong && matches!(m.kind, MentionKind::Organization | MentionKind::Country))
        }
    }
}

/// What the pronoun at token `t` wants, if it is a pronoun (`we`, `I` only inside a
/// quotation).
fn wants(here: &Linking<'_>, t: usize) -> Option<Want> {
    let class = here.lex.class(here.ctx.words[t]);
    if class.has(WordClass::PRONOUN_PERSON) {
        Some(Want::Person)
    } else if class.has(WordClass::PRONOUN_THING) {
        Some(Want::Thing)
    } else if class.has(WordClass::PRONOUN_PLURAL) {
        Some(Want::Plural)
    } else if class.has(WordClass::PRONOUN_SPEAKER) && here.quoted(t) {
        Some(Want::Person)
    } else {
        None
    }
}

/// Words after `it is` that make `it` no actor (`it is said`, `it is unclear`).
fn expletive_word(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "reported"
            | "believed"
            | "thought"
            | "feared"
            | "known"
            | "expected"
            | "likely"
            | "unlikely"
            | "possible"
            | "impossible"
            | "unclear"
            | "clear"
            | "time"
            | "not"
            | "important"
            | "necessary"
            | "hoped"
            | "understood"
            | "estimated"
            | "alleged"
            | "claimed"
            | "rumoured"
            | "rumored"
            | "true"
            | "difficult"
            | "easy"
    )
}

/// `it` at token `t` refers to an actor only as the subject of a verb group: `it will`,
/// `it has`, `it is prepared to`; `it is said`, `it is being`, `ready for it` are no
/// actor.
fn it_is_an_actor(here: &Linking<'_>, t: usize) -> bool {
    let (ctx, lex, e) = (here.ctx, here.lex, here.e());
    let next = ctx
        .words
        .get(t + 1)
        .map(|&n| lex.class(n))
        .unwrap_or_default();
    let expletive = |q: usize| {
        ctx.words
            .get(q)
            .is_some_and(|&n| expletive_word(lex.word(n)) || n == UNKNOWN)
    };
    let be_subject = next.has(WordClass::BE)
        && t + 2 < e
        && !expletive(t + 2)
        && !(t + 3 < e && ctx.words[t + 2] != UNKNOWN && lex.word(ctx.words[t + 2]) == "being");
    t + 1 < e && (next.has(WordClass::MODAL) || next.has(WordClass::HAVE) || be_subject)
}

/// The antecedent of the pronoun at token `t`.
fn antecedent(
    here: &Linking<'_>,
    doc: &DocState,
    out: &[Mention],
    t: usize,
    want: Want,
) -> Option<usize> {
    let class = here.lex.class(here.ctx.words[t]);
    let idx = here.idx();
    let sentence_mentions: Vec<(usize, &Mention)> = out
        .iter()
        .enumerate()
        .skip(here.first_new)
        .filter(|(_, m)| m.sentence == idx)
        .collect();
    let this_subject = subject(here, &sentence_mentions);
    if class.has(WordClass::PRONOUN_SPEAKER) {
        // The speaker of a quotation: the sentence's subject outside the quotation.
        return this_subject.filter(|&i| !here.quoted(out[i].first_token as usize));
    }
    // `Horizon said its board ...`, `Russia said its troops ...`: the speaker's too.
    if let Some(speaker) = reporter(here, &sentence_mentions, t) {
        return speaker.filter(|&i| compatible(&out[i], want, false));
    }
    let before: Vec<usize> = sentence_mentions
        .iter()
        .filter(|(_, m)| (m.end_token as usize) <= t)
        .map(|(i, _)| *i)
        .collect();
    let prev_subject = doc
        .subjects
        .iter()
        .rev()
        .take(WINDOW as usize)
        .flatten()
        .next()
        .copied();
    let same_subject =
        this_subject.filter(|i| before.contains(i) && compatible(&out[*i], want, true));
    let nearest = before
        .iter()
        .rev()
        .copied()
        .find(|&i| compatible(&out[i], want, true));
    // A possessive (`his country`) mostly refers to the nearest actor, a subject
    // pronoun (`he said`) to the subject.
    let first = if class.has(WordClass::POSSESSIVE) {
        nearest.or(same_subject)
    } else {
        same_subject.or(nearest)
    };
    first
        .or_else(|| prev_subject.filter(|&i| compatible(&out[i], want, false)))
        .or_else(|| {
            out[..here.first_new]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, m)| m.sentence + WINDOW >= idx)
                .find(|(_, m)| compatible(m, want, true))
                .map(|(i, _)| i)
        })
}

/// Verbs after which `he`, `she`, `it`, `they` are mostly the speaker (`Denman said he
/// was concerned`).
const REPORTING: [&str; 14] = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "insisted",
    "claimed",
    "argued",
    "explained",
    "noted",
    "announced",
    "admitted",
];

/// The speaker of a reporting verb right before the subject pronoun at `t` (`X said he`,
/// `X says that she`): `Some(Some(mention))` when the speaker is an actor ending right
/// before the verb, `Some(None)` when it is a capitalised name no dictionary knows (the
/// pronoun is that unknown person, not an actor further back), `None` when no
/// reporting verb stands there.
fn reporter(here: &Linking<'_>, sentence: &[(usize, &Mention)], t: usize) -> Option<Option<usize>> {
    let surface = |q: usize| &here.ctx.text[here.ctx.tokens[q].span()];
    let s = here.s();
    let mut q = t.checked_sub(1).filter(|&q| q >= s)?;
    if surface(q).eq_ignore_ascii_case("that") {
        q = q.checked_sub(1).filter(|&q| q >= s)?;
    }
    if !REPORTING.contains(&surface(q)) || q <= s {
        return None;
    }
    let p = q - 1;
    if let Some((i, _)) = sentence.iter().find(|(_, m)| m.end_token as usize == q) {
        return Some(Some(*i));
    }
    let name = surface(p);
    let unknown_name = name.len() > 1
        && name.starts_with(|c: char| c.is_uppercase())
        && name.chars().all(|c| c.is_alphabetic() || c == '-')
        && !sentence
            .iter()
            .any(|(_, m)| (m.first_token as usize..m.end_token as usize).contains(&p));
    unknown_name.then_some(None)
}

/// Adds the pronoun mention(s) at token `t` for antecedent `ante`: one per member when
/// a plural pronoun stands for a compound actor, in a new group.
fn add_pronoun(
    here: &Linking<'_>,
    doc: &mut DocState,
    out: &mut Vec<Mention>,
    t: usize,
    ante: usize,
    want: Want,
) {
    let members: Vec<usize> = match out[ante].group {
        Some(g) if want == Want::Plural => super::super::sentence_mentions(out, ante)
            .filter(|&i| out[i].group == Some(g))
            .collect(),
        _ => vec![ante],
    };
    let group = (members.len() > 1).then(|| doc.new_group());
    for a in members {
        let src = &out[a];
        let pronoun = Mention {
            person: src.person,
            plural: src.plural || group.is_some(),
            group,
            ..Mention::one_token(
                here.idx(),
                here.ctx.tokens,
                t,
                src.code,
                MentionKind::Pronoun,
                Resolution::Pronoun { antecedent: a },
            )
        };
        out.push(pronoun);
    }
}

/// A possessive at token `t` before an agent without a country gives it the
/// possessor's country: `its troops` -> the possessor's country + MIL.
fn possessive_agent(here: &Linking<'_>, out: &mut [Mention], t: usize, ante: usize) {
    let Some(j) = (here.first_new..out.len()).find(|&j| {
        out[j].first_token as usize == t + 1
            && out[j].kind == MentionKind::Agent
            && out[j].unknown_country()
    }) else {
        return;
    };
    let country = ActorCode::new(out[ante].code.prefix()).unwrap_or(out[ante].code);
    if let Some(role) = ActorCode::new(out[j].code.rest()) {
        out[j].code = country.with_role(&role);
        out[j].resolution = Resolution::Pronoun { antecedent: ante };
    }
}

/// Resolves the sentence's pronouns: those outside quotations first, so that a speaker
/// resolved through `he added` is known when `we` inside the quotation is resolved.
pub(super) fn link(here: &Linking<'_>, doc: &mut DocState, out: &mut Vec<Mention>) {
    let (s, e) = (here.s(), here.e());
    let mut order: Vec<usize> = (s..e).filter(|&t| !here.quoted(t)).collect();
    order.extend((s..e).filter(|&t| here.quoted(t)));
    for t in order {
        let Some(want) = wants(here, t) else { continue };
        if here.covered(out, t) {
            continue;
        }
        let w = here.ctx.words[t];
        if here.lex.word(w) == "it" && !it_is_an_actor(here, t) {
            continue;
        }
        let Some(ante) = antecedent(here, doc, out, t, want) else {
            continue;
        };
        add_pronoun(here, doc, out, t, ante, want);
        if here.lex.class(w).has(WordClass::POSSESSIVE) {
            possessive_agent(here, out, t, ante);
        }
        sort_sentence(out, here.first_new);
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::{codes, find};
    use crate::actors::{MentionKind, Resolution};

    #[test]
    fn a_pronoun_after_an_unknown_speaker_is_no_earlier_actor() {
        // `Horizon` is no dictionary's: its `its` is Horizon's, not the government's.
        let text = "The British government sold its stake on Monday. \
                    Horizon said its board considered the offer fair.";
        assert_eq!(
            codes(text, "its"),
            ["GBRGOV"],
            "only the first `its` is resolved"
        );
        // A known speaker owns the pronoun.
        let text = "The Kenyan army attacked the rebels. Uganda said its troops withdrew.";
        assert_eq!(codes(text, "its"), ["UGA"]);
    }

    #[test]
    fn he_in_the_next_sentence_is_the_previous_subject() {
        let c = codes(
            "Vladimir Putin met French officials. He said talks went well.",
            "He",
        );
        assert_eq!(c, ["RUSGOV"]);
    }

    #[test]
    fn they_for_a_compound_actor_stands_for_each_member() {
        let they = find(
            "Russia and China signed a deal. They will meet again.",
            "They",
        );
        let codes: Vec<String> = they.iter().map(|(_, m)| m.code.to_string()).collect();
        assert_eq!(codes, ["RUS", "CHN"]);
        assert!(they[0].1.group.is_some() && they[0].1.group == they[1].1.group);
    }

    #[test]
    fn we_in_a_quotation_is_its_speaker() {
        let c = codes("\"We will not give in,\" the Kenyan president said.", "We");
        assert_eq!(c, ["KENGOV"]);
    }

    #[test]
    fn expletive_it_is_no_actor() {
        assert!(find("Russia met China. It is unclear what was agreed.", "It").is_empty());
        let it = find("Russia met Kenyan officials. It will send aid.", "It");
        assert_eq!(it.len(), 1);
        assert_eq!(it[0].1.kind, MentionKind::Pronoun);
    }

    #[test]
    fn its_troops_are_the_possessors_troops() {
        let m = find("Russia said its troops left.", "troops");
        assert_eq!(m[0].1.code.to_string(), "RUSMIL");
        assert!(matches!(m[0].1.resolution, Resolution::Pronoun { .. }));
    }
}
