//! Locations: agents of unknown country (`police`, `rebels`, `protesters`) take the
//! country where the sentence happens: its only place (`in Darfur`, `in Santiago`),
//! else the story's dateline. Countries named as actors are not used: in `Russian
//! troops attacked rebels`, the rebels need not be Russian. First, an agent of a body
//! named right after it is that body's (`the leader of the British National Party`:
//! [`body_after`]).

use super::{DocState, Linking};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::lexicon::{UNKNOWN, WordClass};

/// Prepositions that make a country or place the location of a clause.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "inside",
    "around",
    "outside",
    "along",
];

/// Whether token `t` is a compass adjective (`southern`, `north-eastern`, `central`):
/// `in southeastern Serbia` is in Serbia.
fn direction(ctx: &crate::actors::matcher::MatchContext<'_>, t: usize) -> bool {
    let w = ctx.text[ctx.tokens[t].span()].to_ascii_lowercase();
    w == "central"
        || (w.ends_with("ern")
            && ["north", "south", "east", "west"]
                .iter()
                .any(|d| w.starts_with(d)))
}

/// Whether the mention starting at token `f` follows a locative preposition (articles
/// between allowed).
fn after_locative(here: &Linking<'_>, f: usize) -> bool {
    let (ctx, lex, s) = (here.ctx, here.lex, here.s());
    f > s && {
        let mut q = f - 1;
        while q > s && (lex.class(ctx.words[q]).has(WordClass::ARTICLE) || direction(ctx, q)) {
            q -= 1;
        }
        LOCATIVE.contains(&lex.word(ctx.words[q])) && ctx.words[q] != UNKNOWN
    }
}

/// Where a sentence happens, by its places (places, and countries or regions after a
/// locative preposition).
enum Place {
    /// No place.
    Nowhere,
    /// Places in one country: the country and the index of its first mention.
    One(ActorCode, usize),
    /// Places in several countries.
    Several,
}

/// Where the sentence happens.
fn sentence_place(here: &Linking<'_>, out: &[Mention]) -> Place {
    let mut place: Option<(ActorCode, usize)> = None;
    for (i, m) in out.iter().enumerate().skip(here.first_new) {
        let locative = after_locative(here, m.first_token as usize);
        let is_place = m.kind == MentionKind::Place
            || (locative && matches!(m.kind, MentionKind::Country | MentionKind::Region));
        if !is_place || matches!(m.code.prefix(), "---" | "IGO" | "NGO" | "IMG" | "MNC") {
            continue;
        }
        let country = ActorCode::new(m.code.prefix()).unwrap_or(m.code);
        match place {
            Some((c, _)) if c != country => return Place::Several,
            Some(_) => {}
            None => place = Some((country, i)),
        }
    }
    match place {
        Some((c, i)) => Place::One(c, i),
        None => Place::Nowhere,
    }
}

/// Whether the mention starting at token `f` is owned by a name no dictionary knows
/// (`Chevron officials`, `Statoil spokesman`): a capitalised unknown word right before
/// it, not at the start of the sentence (where every word is capitalised). Such an
/// official belongs to that organisation, not to the government of the country where
/// the sentence happens. (Only officials: `Chenchen refugees` or `Cumhuriyet
/// University` students are the country's whatever the name.)
fn owned_by_unknown_name(here: &Linking<'_>, out: &[Mention], f: usize) -> bool {
    f > here.s() + 1 && here.ctx.unknown_name(f - 1) && !here.covered(out, f - 1)
}

/// Whether the mention ending before token `e` is followed by `for`, `of` or `at` and a
/// name no dictionary knows (`a spokesman for Unilever Plc`, `officials at Chevron`):
/// that organisation's official, like [`owned_by_unknown_name`].
fn official_of_unknown_name(here: &Linking<'_>, out: &[Mention], e: usize) -> bool {
    let ctx = here.ctx;
    let surface = |t: usize| &ctx.text[ctx.tokens[t].span()];
    e + 1 < here.e()
        && !ctx.lowercase_text
        && matches!(surface(e), "for" | "of" | "at")
        && ctx.unknown_name(e + 1)
        && (!here.covered(out, e + 1)
            || out[here.first_new..].iter().any(|m| {
                m.first_token as usize == e + 1 && matches!(m.resolution, Resolution::Company)
            }))
}

/// The body an agent of unknown country heads or serves, named right after it with
/// `of`, `for` or `at` and articles: an actor with a sector or an organisation (`the
/// leader of the British National Party` -> GBRPTY, `a spokesman for the Kenyan army`
/// -> KENMIL). A bare country was composed before (`president of Kenya`).
fn body_after(here: &Linking<'_>, out: &[Mention], m: &Mention) -> Option<ActorCode> {
    let (ctx, lex) = (here.ctx, here.lex);
    let mut q = m.end_token as usize;
    if q + 1 >= here.e() || !matches!(&ctx.text[ctx.tokens[q].span()], "of" | "for" | "at") {
        return None;
    }
    q += 1;
    while q < here.e() && lex.class(ctx.words[q]).has(WordClass::ARTICLE) && ctx.words[q] != UNKNOWN
    {
        q += 1;
    }
    out[here.first_new..]
        .iter()
        .find(|b| b.first_token as usize == q)
        .filter(|b| {
            b.kind == MentionKind::Agent && !b.unknown_country() && !b.code.rest().is_empty()
        })
        .map(|b| b.code)
}

/// Gives the sentence's agents (and titled people) of unknown country the country of
/// the sentence's place, else of the dateline.
pub(super) fn locate_agents(here: &Linking<'_>, doc: &DocState, out: &mut [Mention]) {
    let first_new = here.first_new;
    for i in first_new..out.len() {
        if out[i].kind == MentionKind::Agent
            && out[i].unknown_country()
            && let Some(code) = body_after(here, out, &out[i])
        {
            let agent = match &out[i].resolution {
                Resolution::Dictionary { source } => source.clone(),
                _ => String::new(),
            };
            out[i].code = code;
            out[i].resolution = Resolution::Composed {
                rule: "agent + of/for/at + body",
                country: String::new(),
                agent,
            };
        }
    }
    if !out[first_new..]
        .iter()
        .any(|m| m.kind == MentionKind::Agent && m.unknown_country())
    {
        return;
    }
    let (country, rule, origin) = match (sentence_place(here, out), doc.dateline_country) {
        (Place::One(c, i), _) => (
            c,
            "agent + location of the sentence",
            out[i].resolution.clone(),
        ),
        (Place::Nowhere, Some(c)) => (
            c,
            "agent + dateline",
            Resolution::Dictionary {
                source: "dateline".into(),
            },
        ),
        _ => return,
    };
    let country_src = match origin {
        Resolution::Dictionary { source } => source,
        _ => String::new(),
    };
    let owned: Vec<bool> = (first_new..out.len())
        .map(|i| {
            out[i].code.rest() == "GOV"
                && (owned_by_unknown_name(here, out, out[i].first_token as usize)
                    || official_of_unknown_name(here, out, out[i].end_token as usize))
        })
        .collect();
    for (m, owned) in out[first_new..].iter_mut().zip(owned) {
        if matches!(m.kind, MentionKind::Agent | MentionKind::Person)
            && !owned
            && m.unknown_country()
            && matches!(
                m.resolution,
                Resolution::Dictionary { .. } | Resolution::Title { .. }
            )
            && let Some(role) = ActorCode::new(m.code.rest())
        {
            let agent = match &m.resolution {
                Resolution::Dictionary { source } => source.clone(),
                Resolution::Title { title } => title.clone(),
                _ => String::new(),
            };
            m.code = country.with_role(&role);
            m.resolution = Resolution::Composed {
                rule,
                country: country_src.clone(),
                agent,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::Resolution;
    use crate::actors::testing::{codes, find};

    #[test]
    fn an_agent_takes_the_country_of_the_sentences_place() {
        let m = find("Police fired tear gas at a rally in Nairobi.", "Police");
        assert_eq!(m[0].1.code.to_string(), "KENCOP");
        assert!(matches!(
            m[0].1.resolution,
            Resolution::Composed {
                rule: "agent + location of the sentence",
                ..
            }
        ));
    }

    #[test]
    fn a_compass_adjective_keeps_the_country_a_place() {
        let m = find(
            "Police fired tear gas at a rally in southeastern Kenya.",
            "Police",
        );
        assert_eq!(m[0].1.code.to_string(), "KENCOP");
    }

    #[test]
    fn places_in_two_countries_give_no_country_not_even_the_datelines() {
        let text = "NAIROBI, May 13 (Reuters) - Police fired tear gas in Kampala and in Paris.";
        assert_eq!(codes(text, "Police"), ["---COP"]);
    }

    #[test]
    fn an_agent_of_a_named_body_is_that_bodys() {
        let text =
            "NAIROBI, May 13 (Reuters) - The leader of the Ugandan National Party was arrested.";
        assert_eq!(codes(text, "leader"), ["UGAPTY"]);
        let text =
            "NAIROBI, May 13 (Reuters) - A spokesman for the Ugandan army declined to comment.";
        assert_eq!(codes(text, "spokesman"), ["UGAMIL"]);
    }

    #[test]
    fn an_agent_of_an_unknown_organisation_takes_no_country() {
        // `Zentroil` is no dictionary's: its spokesman is not Kenya's government but
        // speaks for a business (`officers.rs`).
        let text = "NAIROBI, May 13 (Reuters) - A Zentroil spokesman declined to comment.";
        assert_eq!(codes(text, "spokesman"), ["---BUS"]);
        // So is the spokesman for it.
        let text = "NAIROBI, May 13 (Reuters) - A spokesman for Zentroil Plc declined to comment.";
        assert_eq!(codes(text, "spokesman"), ["---GOV"]);
        // A known word before the official is no name: the dateline still locates it.
        let text = "NAIROBI, May 13 (Reuters) - On Monday, the spokesman said talks would resume.";
        assert_eq!(codes(text, "spokesman"), ["KENGOV"]);
    }

    #[test]
    fn without_a_place_the_dateline_gives_the_country() {
        let text = "NAIROBI, May 13 (Reuters) - Police fired tear gas on Monday.";
        assert_eq!(codes(text, "Police"), ["KENCOP"]);
    }
}
