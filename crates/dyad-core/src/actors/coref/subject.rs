//! Quotations and subjects: which tokens lie inside quotation marks, and which mention
//! is a sentence's main-clause subject (what pronouns look for first).

use super::Linking;
use crate::actors::matcher::MatchContext;
use crate::actors::{Mention, MentionKind};
use crate::lexicon::{Lexicon, UNKNOWN, WordClass};

fn is_quote(norm: &str) -> bool {
    norm == "\"" || norm == "'" || norm == "''" || norm == "``"
}

/// Whether token `i` is a quotation mark.
fn is_quote_token(ctx: &MatchContext<'_>, lex: &Lexicon, i: usize) -> bool {
    let w = ctx.words[i];
    (w != UNKNOWN && is_quote(lex.word(w)))
        || matches!(
            &ctx.text[ctx.tokens[i].span()],
            "“" | "”" | "\"" | "«" | "»"
        )
}

/// Which tokens of `s..e` lie inside quotation marks (the marks themselves do not).
pub(super) fn quoted_tokens(
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    s: usize,
    e: usize,
    out: &mut Vec<bool>,
) {
    out.clear();
    let mut inside = false;
    for i in s..e {
        let w = ctx.words[i];
        let q = w != UNKNOWN && is_quote(lex.word(w)) || {
            let t = &ctx.text[ctx.tokens[i].span()];
            matches!(t, "“" | "”" | "\"" | "«" | "»")
        };
        if q {
            inside = !inside;
            out.push(false);
        } else {
            out.push(inside);
        }
    }
}

/// Where the main clause starts: past a leading quotation and an introductory phrase
/// up to the first comma (`In February,`, `Commenting on X,`).
fn clause_start(here: &Linking<'_>) -> usize {
    let (ctx, lex) = (here.ctx, here.lex);
    let (s, e) = (here.s(), here.e());
    let mut start = s;
    while start < e && (here.quoted[start - s] || is_quote_token(ctx, lex, start)) {
        start += 1;
    }
    if start < e {
        let w = ctx.words[start];
        let class = lex.class(w);
        let word = &ctx.text[ctx.tokens[start].span()];
        let intro = class.has(WordClass::PREPOSITION)
            || class.has(WordClass::SUBORDINATOR)
            || word.ends_with("ing");
        if intro && let Some(comma) = (start..e).find(|&i| &ctx.text[ctx.tokens[i].span()] == ",") {
            start = comma + 1;
        }
    }
    start
}

/// The main-clause subject of the sentence among `mentions`: the first mention outside
/// quotations, past an introductory phrase, not governed by a preposition; else the
/// first mention outside quotations.
pub(super) fn subject(here: &Linking<'_>, mentions: &[(usize, &Mention)]) -> Option<usize> {
    let (ctx, lex) = (here.ctx, here.lex);
    let s = here.s();
    let start = clause_start(here);
    let governed = |m: &Mention| {
        let f = m.first_token as usize;
        f > s && {
            let c = lex.class(ctx.words[f - 1]);
            c.has(WordClass::PREPOSITION)
                || (f > s + 1
                    && c.has(WordClass::ARTICLE)
                    && lex.class(ctx.words[f - 2]).has(WordClass::PREPOSITION))
        }
    };
    mentions
        .iter()
        .find(|(_, m)| {
            m.first_token as usize >= start
                && !here.quoted(m.first_token as usize)
                && !governed(m)
                && !m.modifier
                && m.kind != MentionKind::Place
        })
        .or_else(|| {
            mentions.iter().find(|(_, m)| {
                !here.quoted(m.first_token as usize) && !m.modifier && m.kind != MentionKind::Place
            })
        })
        .map(|(i, _)| *i)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::find;
    use crate::actors::{MentionKind, Resolution};

    /// The antecedent of the pronoun `he` (or `He`) in `text`.
    fn he(text: &str) -> String {
        let (_, m) = find(text, "he")
            .into_iter()
            .chain(find(text, "He"))
            .next()
            .expect("a pronoun");
        assert_eq!(m.kind, MentionKind::Pronoun);
        assert!(matches!(m.resolution, Resolution::Pronoun { .. }));
        m.code.to_string()
    }

    #[test]
    fn the_subject_is_past_an_introductory_phrase() {
        // Without skipping `Meeting ...,` the Chinese officials would be the subject.
        assert_eq!(
            he("Meeting Chinese officials, the French president said he would visit."),
            "FRAGOV"
        );
    }

    #[test]
    fn a_subject_pronoun_prefers_the_subject_to_the_nearest_actor() {
        assert_eq!(
            he("The French president told the German chancellor that he would visit."),
            "FRAGOV"
        );
    }
}
