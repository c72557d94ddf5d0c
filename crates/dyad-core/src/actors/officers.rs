//! Officers of companies and other bodies that no dictionary knows. `president`,
//! `chairman` and `director` alone are agents of unknown country (`---GOV`) that the
//! story's country later fills in; in business news most of them head a company:
//! `Sulpetro president Michael Williams`, `Stearn's president`, `its president and
//! chief operating officer`, `vice president of corporate affairs`; so do spokesmen and
//! officials after a company's name (`a Sun Chemical spokesman`). Such a title is
//! recoded as a business of unknown country (`---BUS`), which the relevance stage keeps
//! out of the default output unless a public actor takes part (docs/conventions.md,
//! section 2). A title whose body the dictionaries know was composed before this step
//! (`Bundesbank president`, `president of Armenia`) and is left alone.
//!
//! Runs after composition and the company step, before the links within the story.

use super::matcher::MatchContext;
use super::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::segment::Sentence;

/// Titles that head or speak for companies as often as states: only these are read
/// here. (`minister`, `governor`, `secretary` are offices of government whatever stands
/// before them.)
const OFFICER_TITLES: [&str; 14] = [
    "president",
    "vice-president",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "executive",
    "officer",
    "spokesman",
    "spokesmen",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
];

/// Nouns of a body that a title after `of the` heads (`president of the company`).
const BODY_NOUNS: [&str; 8] = [
    "company",
    "firm",
    "bank",
    "group",
    "corporation",
    "association",
    "board",
    "club",
];

/// Recodes as `---BUS` the officer titles of unknown country among `out[first..]` that
/// head a body no dictionary knows ([`heads_unknown_body`]).
pub(super) fn company_officers(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &mut [Mention],
) {
    if super::companies::title_case(ctx, sentence) {
        return;
    }
    let Some(code) = ActorCode::new("---BUS") else {
        return;
    };
    for i in first..out.len() {
        if officer_title(ctx, &out[i])
            && !agency_speaker(ctx, sentence, &out[i])
            && heads_unknown_body(ctx, sentence, first, out, i)
        {
            out[i].code = code;
            out[i].resolution = Resolution::Company;
        }
    }
}

/// Whether mention `m` is a bare officer title of unknown country (`president`,
/// `vice president`): an agent from the agent list, coded `---GOV`.
fn officer_title(ctx: &MatchContext<'_>, m: &Mention) -> bool {
    let last = &ctx.text[ctx.tokens[m.end_token as usize - 1].span()];
    m.kind == MentionKind::Agent
        && m.unknown_country()
        && m.code.rest() == "GOV"
        && matches!(m.resolution, Resolution::Dictionary { .. })
        && OFFICER_TITLES.iter().any(|t| t.eq_ignore_ascii_case(last))
}

/// Whether `m` is a spokesman or an official rather than a head (`president`).
fn speaker(ctx: &MatchContext<'_>, m: &Mention) -> bool {
    let last = &ctx.text[ctx.tokens[m.end_token as usize - 1].span()];
    ["spokes", "official"].iter().any(|p| {
        last.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })
}

/// Whether `m` is a spokesman or official after an acronym (`a USCIS spokeswoman`, `FDA
/// officials`, `UKIP officials`): the acronyms that no dictionary knows are mostly
/// agencies and parties, while companies go by their names (`a Sun Chemical
/// spokesman`, `Dome spokesman Annesley`). A president or chairman after one still
/// heads a company (`CPC president`).
fn agency_speaker(ctx: &MatchContext<'_>, sentence: &Sentence, m: &Mention) -> bool {
    let a = m.first_token as usize;
    let before = (a > sentence.tokens.start).then(|| &ctx.text[ctx.tokens[a - 1].span()]);
    speaker(ctx, m)
        && before.is_some_and(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

/// Whether title `out[i]` heads a body that is no known actor: a capitalised name no
/// dictionary knows before it (`Sulpetro president`, `Stearn's president`); a fellow
/// member of its compound that is a business (`president and chief operating
/// officer`); `its` before it when the sentence's last actor before it is a business
/// (`the bank said ... its president`); or `of`/`for` after it with a common noun (`vice
/// president of corporate affairs`, `president of the company`) or a name that is no
/// actor (`a spokesman for Morgan`).
fn heads_unknown_body(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &[Mention],
    i: usize,
) -> bool {
    let (a, b) = (out[i].first_token as usize, out[i].end_token as usize);
    let word = |t: usize| &ctx.text[ctx.tokens[t].span()];
    let covered = |t: usize| {
        out[first..]
            .iter()
            .any(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
    };
    let business = |m: &Mention| m.code.rest().starts_with("BUS");
    // `Stearn's president`: the name before a possessive.
    let name_end = if a > sentence.tokens.start + 1 && word(a - 1) == "'s" {
        a - 1
    } else {
        a
    };
    // A word that no dictionary or pattern uses: a name (`Sulpetro president`), not a
    // determiner or a modifier of the title (`The president`, `Former president`).
    let unknown_name = name_end > sentence.tokens.start
        && ctx.unknown_name(name_end - 1)
        && !covered(name_end - 1)
        // `Mr President`: an honorific, no company's name.
        && !super::surnames::HONORIFICS.contains(&word(name_end - 1))
        // `Iraq's Sunni vice-president`: a word between an actor and its title.
        && !(name_end - 1 > sentence.tokens.start
            && (word(name_end - 2) == "'s" || covered(name_end - 2)));
    let business_fellow = out[i].group.is_some_and(|g| {
        out[first..]
            .iter()
            .any(|m| m.group == Some(g) && business(m))
    });
    let its_business = a > sentence.tokens.start
        && word(a - 1).eq_ignore_ascii_case("its")
        && out[first..i]
            .iter()
            .rev()
            .find(|m| (m.end_token as usize) <= a)
            .is_some_and(business);
    // A spokesman or official speaks for the body named after him (`a spokesman for the
    // company`); the other words after `for` say what for (`officials for talks`), and
    // officials listed with businessmen are mostly the state's.
    let speaks = speaker(ctx, &out[i]);
    let of_common_noun = b + 1 < sentence.tokens.end
        && matches!(word(b), "of" | "for")
        && !covered(b + 1)
        && (word(b + 1).starts_with(|c: char| c.is_ascii_lowercase())
            && !speaks
            && !matches!(
                word(b + 1),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
            || (word(b + 1) == "the"
                && b + 2 < sentence.tokens.end
                && BODY_NOUNS.contains(&word(b + 2))
                // `president of the bank of Mexico`: a body of a state.
                && !(b + 3 < sentence.tokens.end && word(b + 3) == "of")));
    // `a spokesman for Morgan`, `president of Sulpetro`: a name that is no actor after
    // `of` or `for` is the body spoken for or headed, not the story's state.
    let of_name = b + 1 < sentence.tokens.end
        && matches!(word(b), "of" | "for")
        && !covered(b + 1)
        && capitalised_name(ctx, b + 1)
        && !super::surnames::HONORIFICS.contains(&word(b + 1));
    unknown_name || (business_fellow && !speaks) || its_business || of_common_noun || of_name
}

/// Whether token `t` is a capitalised word of letters (`Morgan`, `Sulpetro`), known to
/// the lexicon or not.
fn capitalised_name(ctx: &MatchContext<'_>, t: usize) -> bool {
    let w = &ctx.text[ctx.tokens[t].span()];
    w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::mentions;

    fn codes(text: &str) -> Vec<(String, String)> {
        mentions(text)
            .into_iter()
            .map(|(s, m)| (s, m.code.to_string()))
            .collect()
    }

    #[test]
    fn a_title_heading_an_unknown_body_is_a_business() {
        for (text, title) in [
            (
                "Sulpetro president Michael Williams declined to comment.",
                "president",
            ),
            (
                "The bank said Michael McCarthy, its president and chief operating officer, resigned.",
                "president",
            ),
            (
                "Thomas Kennedy, vice president of corporate affairs, declined to comment.",
                "vice president",
            ),
            (
                "John Smith, president of the company, declined to comment.",
                "president",
            ),
            ("A Sulpetro spokesman declined to comment.", "spokesman"),
            ("Dome spokesman Annesley declined to comment.", "spokesman"),
            (
                "A spokesman for the company declined to comment.",
                "spokesman",
            ),
            ("A spokesman for Morgan declined to comment.", "spokesman"),
        ] {
            let got = codes(text);
            assert!(
                got.iter().any(|(t, c)| t == title && c == "---BUS"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_states_president_stays_its_government() {
        for text in [
            "The president declined to comment.",
            "Peruvian central bank president Leonel Figueroa met the minister.",
            "Mr Wade, the president of Senegal, declined to comment.",
            "Former president Wade declined to comment.",
            "Acting president Wade declined to comment.",
            "Interim president Wade declined to comment.",
            "Outgoing president Wade declined to comment.",
            "\"The president will discuss the report,\" the spokesman said.",
            "Mr Garcia met the president of the bank of Mexico.",
            "Iraq's Sunni vice-president has denied the charges.",
            "A USCIS spokeswoman declined to comment.",
            "FDA officials said they agreed with the recommendation.",
            "A Foreign Ministry spokesman declined to comment.",
            "U.S. bankers will meet ministry officials for talks on deregulation.",
            "Officials and businessmen from around the world said so.",
        ] {
            let got = codes(text);
            assert!(
                got.iter().all(|(t, c)| {
                    let title = ["president", "spokes", "official"]
                        .iter()
                        .any(|w| t.contains(w));
                    !(title && c == "---BUS")
                }),
                "{text}: {got:?}"
            );
        }
    }
}
