//! Companies named after their country: `American Express`, `British Airways`,
//! `Korea Electric Power Corp`, `Japan Tobacco`. A country's name or adjective that is
//! followed, with no space for a verb, by a capitalised word that no dictionary knows
//! starts a proper name that is not the state; so does one followed by a possessive
//! (`West Germany's Siemens AG`) or by `group`, `firm` (`the French group
//! Jeumont-Schneider`) before such a name: CAMEO codes such a company as the
//! country's business sector (`USABUS`), and the relevance stage keeps it out of the
//! default output unless a public actor takes part (docs/conventions.md, section 2).
//!
//! A newspaper or broadcaster so named (`the Lesotho Times`) is the country's media
//! (`LSOMED`).
//!
//! Runs after composition, before the links within the story, so that `the company`
//! and `it` later resolve to the business and not to the state.

use super::matcher::MatchContext;
use super::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::dict::CorporateWord;
use crate::segment::Sentence;

/// Whether the sentence is set in title case (a headline): then capitals say nothing.
pub(super) fn title_case(ctx: &MatchContext<'_>, sentence: &Sentence) -> bool {
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

/// Whether capitals tell names here: not in a text written all in lower case, nor in a
/// headline set in title case. Every rule of this step reads names by their capitals.
fn capitals_tell(ctx: &MatchContext<'_>, sentence: &Sentence) -> bool {
    !ctx.lowercase_text && !title_case(ctx, sentence)
}

/// Words that make a capitalised name a company's (`Japan Airlines`, `Korea Electric
/// Power Corp`, `American Express`), from `dictionaries/actors/corporate.txt` (whose
/// header says why the list is short): lower case, sorted, so that a token is looked up
/// without allocating.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct CorporateWords(Vec<String>);

impl CorporateWords {
    /// Compiles the dictionary's words (once, when the pipeline is built).
    pub(crate) fn new(words: &[CorporateWord]) -> Self {
        let mut v: Vec<String> = words.iter().map(|w| w.word.to_ascii_lowercase()).collect();
        v.sort_unstable();
        v.dedup();
        CorporateWords(v)
    }

    /// Whether `word` is one of them, ignoring ASCII case.
    fn contains(&self, word: &str) -> bool {
        let lower = || word.bytes().map(|b| b.to_ascii_lowercase());
        self.0.binary_search_by(|c| c.bytes().cmp(lower())).is_ok()
    }
}

/// A capitalised word, letters only, right after the previous token (`Express`).
fn capitalised(ctx: &MatchContext<'_>, t: usize) -> bool {
    let word = &ctx.text[ctx.tokens[t].span()];
    word.len() > 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..]
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-')
}

/// Whether one of `mentions` covers token `t`.
fn covered(mentions: &[Mention], t: usize) -> bool {
    mentions
        .iter()
        .any(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
}

/// Words that make a capitalised name after a country a newspaper's or broadcaster's
/// (`the Lesotho Times`, `Jamaica Observer`, `Kenya Broadcasting Corporation`).
const MEDIA_WORDS: [&str; 16] = [
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Telegraph",
    "Observer",
    "Chronicle",
    "Standard",
    "Broadcasting",
    "Television",
    "Radio",
    "Mirror",
    "Courier",
    "Today",
];

/// Recodes the country mentions among `out[first..]` (those of `sentence`) that start a
/// company's name.
pub(super) fn recode(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    corporate: &CorporateWords,
    out: &mut [Mention],
) {
    if !capitals_tell(ctx, sentence) {
        return;
    }
    let (Some(business), Some(press)) = (ActorCode::new("BUS"), ActorCode::new("MED")) else {
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
        // `West Germany's Siemens AG`, `the French group Jeumont-Schneider`: the name
        // may follow a possessive, or a noun that says what kind of body it is.
        let surface = |t: usize| &ctx.text[ctx.tokens[t].span()];
        let kind_noun = matches!(surface(next), "group" | "firm" | "conglomerate" | "concern");
        let start = if matches!(surface(next), "'s" | "’s") || kind_noun {
            next + 1
        } else {
            next
        };
        // The capitalised words that are no known name: `Express`, `Electric Power Corp`.
        let mut end = start;
        while end < sentence.tokens.end
            && capitalised(ctx, end)
            && !out[first..].iter().any(|o| o.first_token as usize == end)
        {
            end += 1;
        }
        // `the Lesotho Times`, `Kenya Broadcasting Corporation`: a newspaper or a
        // broadcaster is the country's media.
        let media = (start..end).any(|t| MEDIA_WORDS.contains(&surface(t)));
        let corporate = media
            || (start..end).any(|t| corporate.contains(surface(t)))
            || (kind_noun && end > start);
        if corporate {
            let role = if media { &press } else { &business };
            let m = &mut out[i];
            m.code = m.code.with_role(role);
            m.kind = MentionKind::Agent;
            m.resolution = Resolution::Company;
            m.end_token = end as u32;
            m.end = ctx.tokens[end - 1].end;
            m.head = end as u32 - 1;
        }
    }
}

/// Suffixes that make a capitalised name a company's wherever it stands (`National
/// Aluminium Co`, `Saab Scania AB`, `Unilever Plc`).
const COMPANY_SUFFIXES: [&str; 17] = [
    "Corp",
    "Corporation",
    "Inc",
    "Ltd",
    "Plc",
    "PLC",
    "AG",
    "Co",
    "GmbH",
    "SpA",
    "LLC",
    "Holdings",
    "Airlines",
    "Airways",
    "AB",
    "NV",
    "BV",
];

/// Recodes as a business of unknown country (`---BUS`) the titles among `out[first..]`
/// that are part of a company's name: a title before a corporate word (`General
/// Motors`, read as the title `General` and the name `Motors`), and the rank `General`
/// ending a capitalised name no dictionary knows, with no name after it (`Data General
/// has targeted ...`).
pub(super) fn titles_in_company_names(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    corporate: &CorporateWords,
    out: &mut [Mention],
) {
    if !capitals_tell(ctx, sentence) {
        return;
    }
    let Some(code) = ActorCode::new("---BUS") else {
        return;
    };
    let start = sentence.tokens.start;
    let end = sentence.tokens.end;
    for i in first..out.len() {
        let (a, b) = (out[i].first_token as usize, out[i].end_token as usize);
        let titled_company = matches!(out[i].resolution, Resolution::Title { .. })
            && corporate.contains(&ctx.text[ctx.tokens[b - 1].span()]);
        // Only `General`, the rank that company names take as a word (`Data General`,
        // `Dollar General`): other titles end names of bodies and offices (`SA
        // Government`, `Supreme Leader`).
        let name_ending_in_title = out[i].kind == MentionKind::Agent
            && b == a + 1
            && a > start + 1
            && &ctx.text[ctx.tokens[a].span()] == "General"
            && capitalised(ctx, a - 1)
            && !covered(&out[first..], a - 1)
            && !(b < end && capitalised(ctx, b));
        if titled_company || name_ending_in_title {
            let from = if name_ending_in_title { a - 1 } else { a };
            out[i] = Mention::new(
                sentence.index,
                ctx.tokens,
                from..b,
                b - 1,
                code,
                MentionKind::Agent,
                Resolution::Company,
            );
        }
    }
}

/// Adds a business mention of unknown country (`---BUS`) for each capitalised name that
/// no dictionary knows and that ends in a company's suffix (`the state-owned National
/// Aluminium Co signed`, `a spokesman for Unilever Plc`), so that such a company is its
/// verb's subject and no actor further back stands in for it; then sorts the sentence's
/// mentions. Not in a headline set in title case.
pub(super) fn add_named_companies(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &mut Vec<Mention>,
) {
    if !capitals_tell(ctx, sentence) {
        return;
    }
    let Some(code) = ActorCode::new("---BUS") else {
        return;
    };
    let mut added = false;
    let mut t = sentence.tokens.start;
    while t < sentence.tokens.end {
        if covered(&out[first..], t) || !capitalised(ctx, t) {
            t += 1;
            continue;
        }
        let mut start = t;
        while t < sentence.tokens.end && capitalised(ctx, t) && !covered(&out[first..], t) {
            t += 1;
        }
        // `Mavrolux Inc.`: the suffix's abbreviation point is part of its token.
        if t < sentence.tokens.end
            && ctx.text[ctx.tokens[t].span()]
                .strip_suffix('.')
                .is_some_and(|w| COMPANY_SUFFIXES.contains(&w))
        {
            t += 1;
        }
        let last = ctx.text[ctx.tokens[t - 1].span()].trim_end_matches('.');
        if t - start >= 2 && COMPANY_SUFFIXES.contains(&last) {
            // `Bristol Meyers Inc`: a place right before the name is part of it.
            if let Some(p) = (first..out.len()).find(|&j| {
                out[j].kind == MentionKind::Place
                    && out[j].end_token as usize == start
                    && out[j].end + 1 == ctx.tokens[start].start
            }) {
                start = out[p].first_token as usize;
                out.remove(p);
            }
            out.push(Mention::new(
                sentence.index,
                ctx.tokens,
                start..t,
                t - 1,
                code,
                MentionKind::Agent,
                Resolution::Company,
            ));
            added = true;
        }
    }
    // Sorted again even when a place gave way to the name (the count is then the same).
    if added {
        super::coref::sort_sentence(out, first);
    }
}

#[cfg(test)]
mod tests {
    use crate::dict::{Dictionaries, builtin_files, merge_files};
    use crate::document::Document;
    use crate::pipeline::{Analysis, Pipeline};

    fn codes(text: &str) -> Vec<(String, String)> {
        let p = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
        codes_with(&p, text)
    }

    fn codes_with(p: &Pipeline, text: &str) -> Vec<(String, String)> {
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
    fn a_suffix_with_its_point_and_a_city_starting_the_name_make_one_company() {
        for (text, name) in [
            (
                "The Kenyan government said it had fined the local firm Zentrex Inc. for breaking the rules.",
                "Zentrex Inc.",
            ),
            (
                "A judge in Nairobi denied Bristol Zentrex Inc's request to halt the supply of tests to hospitals.",
                "Bristol Zentrex Inc",
            ),
        ] {
            let got = codes(text);
            assert!(
                got.iter().any(|(t, c)| t == name && c == "---BUS"),
                "{text}: {got:?}"
            );
            // The city is no actor of its own there.
            assert!(!got.iter().any(|(t, _)| t == "Bristol"), "{got:?}");
        }
    }

    #[test]
    fn a_name_with_a_companys_suffix_is_a_business_of_unknown_country() {
        let got = codes("He said the state-owned Zentral Aluminium Co signed a deal with Kenya.");
        assert!(
            got.iter()
                .any(|(t, c)| t == "Zentral Aluminium Co" && c == "---BUS"),
            "{got:?}"
        );
        assert!(got.iter().any(|(_, c)| c == "KEN"), "{got:?}");
        // A name without such a suffix is left alone.
        let got = codes("He said Zentral Aluminium signed a deal with Kenya.");
        assert!(got.iter().all(|(_, c)| c != "---BUS"), "{got:?}");
    }

    #[test]
    fn a_newspaper_named_after_its_country_is_its_media() {
        let got = codes("A Chinese company told the Lesotho Times that it owed nothing.");
        assert!(
            got.iter()
                .any(|(t, c)| t == "Lesotho Times" && c == "LSOMED"),
            "{got:?}"
        );
    }

    #[test]
    fn a_company_after_a_possessive_or_a_kind_noun_is_its_countrys_business() {
        let got = codes("Sweden's Ericsson AB and the French group Alcatel-Lucent signed a deal.");
        assert!(
            got.iter()
                .any(|(t, c)| t.starts_with("French group") && c == "FRABUS"),
            "{got:?}"
        );
        let got = codes("Japan's Mitsubishi Motors and Chinese firms signed a deal with Kenya.");
        assert!(
            got.iter()
                .any(|(t, c)| t == "Japan's Mitsubishi Motors" && c == "JAPBUS"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(t, c)| t == "Chinese firms" && c == "CHNBUS"),
            "{got:?}"
        );
        assert!(got.iter().any(|(_, c)| c == "KEN"), "{got:?}");
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
    fn a_word_added_to_the_dictionary_file_makes_a_company() {
        let text = "Norwegian Fisheries said it would cut 500 jobs in Oslo.";
        let got = codes(text);
        assert_eq!(got[0], ("Norwegian".to_string(), "NOR".to_string()));
        // The built-in file with one more word, as `--dictionaries DIR` would give it.
        let files = builtin_files();
        let (_, builtin) = files
            .iter()
            .find(|(p, _)| p == "actors/corporate.txt")
            .unwrap_or_else(|| panic!("actors/corporate.txt is built in"));
        let extended = format!("{builtin}\nFisheries  # added by a user\n");
        let files = merge_files(
            files.clone(),
            vec![("actors/corporate.txt".into(), extended.into())],
        );
        let dicts = Dictionaries::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let p = Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"));
        let got = codes_with(&p, text);
        assert_eq!(
            got[0],
            ("Norwegian Fisheries".to_string(), "NORBUS".to_string())
        );
        assert!(
            got.iter().any(|(t, c)| t == "it" && c == "NORBUS"),
            "{got:?}"
        );
        // The words survive the compiled form the `dyad` binary reads.
        let p = Pipeline::from_bytes(&p.to_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(codes_with(&p, text)[0].1, "NORBUS");
    }

    #[test]
    fn a_headline_in_title_case_is_left_alone() {
        let got = codes("Russian Forces Attack Ukrainian Positions Near Kharkiv");
        assert!(got.iter().all(|(_, c)| !c.ends_with("BUS")), "{got:?}");
    }
}
