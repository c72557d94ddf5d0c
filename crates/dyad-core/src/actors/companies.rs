//! Companies named after their country: `American Express`, `British Airways`,
//! `Korea Electric Power Corp`, `Japan Tobacco`. A country's name or adjective that is
//! followed, with no space for a verb, by a capitalised word that no dictionary knows
//! starts a proper name that is not the state: CAMEO codes such a company as the
//! country's business sector (`USABUS`), and the relevance stage keeps it out of the
//! default output unless a public actor takes part (docs/conventions.md, section 2).
//!
//! Runs after composition, before the links within the story, so that `the company`
//! and `it` later resolve to the business and not to the state.

use super::matcher::MatchContext;
use super::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::segment::Sentence;

/// Whether the sentence is set in title case (a headline): then capitals say nothing.
fn title_case(ctx: &MatchContext<'_>, sentence: &Sentence) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for t in sentence.tokens.clone() {
        let s = &ctx.text[ctx.tokens[t].span()];
        if let Some(c) = s.chars().next().filter(|c| c.is_alphabetic()) {
            words += 1;
            capitals += usize::from(c.is_uppercase());
        }
    }
    words > 0 && capitals * 10 >= words * 6
}

/// Words that make a capitalised name a company's (`Japan Airlines`, `Korea Electric
/// Power Corp`, `American Express`). Kept short on purpose: without one of them a
/// capitalised word after a country is more often a weekday, a person or a place
/// (`Israel Monday imposed`, `Sierra Leone`).
const CORPORATE: &[&str] = &[
    "Airlines",
    "Airways",
    "Air",
    "Express",
    "Corp",
    "Corporation",
    "Inc",
    "Ltd",
    "Plc",
    "AG",
    "Co",
    "Company",
    "Group",
    "Holdings",
    "Motors",
    "Motor",
    "Electric",
    "Electronics",
    "Power",
    "Telecom",
    "Telecommunications",
    "Steel",
    "Petroleum",
    "Oil",
    "Tobacco",
    "Mobile",
    "Energy",
    "Industries",
    "Railways",
    "Shipping",
    "Insurance",
    "Securities",
    "Airport",
    "Pharmaceuticals",
    "Chemicals",
    "Gas",
    "Broadcasting",
];

/// A capitalised word, letters only, right after the previous token (`Express`).
fn capitalised(ctx: &MatchContext<'_>, t: usize) -> bool {
    let word = &ctx.text[ctx.tokens[t].span()];
    word.len() > 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..]
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-')
}

/// Recodes the country mentions among `out[first..]` (those of `sentence`) that start a
/// company's name.
pub(super) fn recode(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &mut [Mention],
) {
    if ctx.lowercase_text || title_case(ctx, sentence) {
        return;
    }
    let Some(business) = ActorCode::new("BUS") else {
        return;
    };
    for i in first..out.len() {
        let m = &out[i];
        let next = m.end_token as usize;
        if m.kind != MentionKind::Country
            || m.code.has_role()
            || next >= sentence.tokens.end
            || out[first..].iter().any(|o| o.first_token as usize == next)
        {
            continue;
        }
        // The capitalised words that are no known name: `Express`, `Electric Power Corp`.
        let mut end = next;
        while end < sentence.tokens.end
            && capitalised(ctx, end)
            && !out[first..].iter().any(|o| o.first_token as usize == end)
        {
            end += 1;
        }
        let corporate = (next..end).any(|t| {
            let w = &ctx.text[ctx.tokens[t].span()];
            CORPORATE.iter().any(|c| c.eq_ignore_ascii_case(w))
        });
        if corporate {
            let m = &mut out[i];
            m.code = m.code.with_role(&business);
            m.kind = MentionKind::Agent;
            m.resolution = Resolution::Company;
            m.end_token = end as u32;
            m.end = ctx.tokens[end - 1].end;
            m.head = end as u32 - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::pipeline::{Analysis, Pipeline};

    fn codes(text: &str) -> Vec<(String, String)> {
        let p = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
        let mut a = Analysis::default();
        let doc = Document::from_text(text);
        p.analyze(&doc, None, &mut a);
        a.mentions
            .iter()
            .map(|m| {
                (
                    text[m.start as usize..m.end as usize].to_string(),
                    m.code.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_country_word_that_starts_a_company_name_is_its_business() {
        let got = codes("American Express said it would cut 500 jobs in London.");
        assert_eq!(
            got[0],
            ("American Express".to_string(), "USABUS".to_string())
        );
        assert!(
            got.iter().any(|(t, c)| t == "it" && c == "USABUS"),
            "the company, not the state, is `it`: {got:?}"
        );
        let got = codes("Shares of British Airways fell after Japan Airlines cut prices.");
        assert!(got.iter().any(|(_, c)| c == "GBRBUS"), "{got:?}");
        assert!(got.iter().any(|(_, c)| c == "JAPBUS"), "{got:?}");
    }

    #[test]
    fn states_and_their_officials_stay_states() {
        let got = codes("Russian President Vladimir Putin met Chinese troops in Moscow.");
        assert!(got.iter().all(|(_, c)| !c.ends_with("BUS")), "{got:?}");
        let got = codes("Japan said on Monday it would send troops to Iraq.");
        assert_eq!(got[0].1, "JAP");
    }

    #[test]
    fn a_headline_in_title_case_is_left_alone() {
        let got = codes("Russian Forces Attack Ukrainian Positions Near Kharkiv");
        assert!(got.iter().all(|(_, c)| !c.ends_with("BUS")), "{got:?}");
    }
}
