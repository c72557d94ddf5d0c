//! Links within a story: later mentions resolved through earlier ones.
//!
//! Run once per sentence, after [`super::compose`], in document order:
//! - aliases: a surname or a name first met with a title (`Chinese Foreign Minister
//!   Qin Gang` ... `Qin said`) is an actor wherever it recurs;
//! - definite descriptions with no country of their own (`the president`, `the
//!   army`) take the code of the latest mention in the same role, and possessives
//!   (`its troops`) take the possessor's country;
//! - pronouns resolve to the most salient compatible actor before them: within the
//!   sentence, the subject first, then the latest; across sentences, the previous
//!   sentence's subject first, then the latest compatible mention; `we` and `I` inside
//!   a quotation resolve to its speaker;
//! - `the two leaders`, `both sides`: the last two distinct actors in focus.

use super::matcher::MatchContext;
use super::{ActorRecognizer, Mention, MentionKind, Resolution, Scratch};
use crate::codes::ActorCode;
use crate::lexicon::{Lexicon, UNKNOWN, WordClass};
use crate::segment::{Sentence, TokenFlags};

/// What the linking remembers about the story so far.
#[derive(Debug, Default)]
pub struct DocState {
    /// The subject mention of each sentence so far (by sentence index).
    subjects: Vec<Option<usize>>,
    /// Group numbers for pronoun groups, counted down from the top to stay clear of
    /// the mention indices used by [`super::compose`].
    next_group: u32,
    /// The country of the story's dateline (`MOSCOW, March 21 -`), if any.
    pub dateline_country: Option<ActorCode>,
}

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

/// Agents of unknown country (`police`, `rebels`, `protesters`) take the country where
/// the sentence happens: its only place (`in Darfur`, `in Santiago`), else the story's
/// dateline. Countries named as actors are not used: in `Russian troops attacked
/// rebels`, the rebels need not be Russian.
fn locate_agents(
    rec: &ActorRecognizer,
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    s: usize,
    first_new: usize,
    doc: &DocState,
    out: &mut [Mention],
) {
    if !out[first_new..]
        .iter()
        .any(|m| m.kind == MentionKind::Agent && m.unknown_country())
    {
        return;
    }
    let mut place: Option<(ActorCode, usize)> = None;
    let mut several = false;
    for (i, m) in out.iter().enumerate().skip(first_new) {
        let f = m.first_token as usize;
        let locative = f > s && {
            let mut q = f - 1;
            while q > s && lex.class(ctx.words[q]).has(WordClass::ARTICLE) {
                q -= 1;
            }
            LOCATIVE.contains(&lex.word(ctx.words[q])) && ctx.words[q] != UNKNOWN
        };
        let is_place = m.kind == MentionKind::Place
            || (locative && matches!(m.kind, MentionKind::Country | MentionKind::Region));
        if !is_place || matches!(m.code.prefix(), "---" | "IGO" | "NGO" | "IMG" | "MNC") {
            continue;
        }
        let country = ActorCode::new(m.code.prefix()).unwrap_or(m.code);
        match place {
            Some((c, _)) if c != country => several = true,
            Some(_) => {}
            None => place = Some((country, i)),
        }
    }
    let (country, rule, origin) = match (place, several, doc.dateline_country) {
        (Some((c, i)), false, _) => (
            c,
            "agent + location of the sentence",
            out[i].resolution.clone(),
        ),
        (None, _, Some(c)) => (
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
    for m in out[first_new..].iter_mut() {
        if matches!(m.kind, MentionKind::Agent | MentionKind::Person)
            && m.unknown_country()
            && matches!(
                m.resolution,
                Resolution::Dictionary { .. } | Resolution::Title { .. }
            )
        {
            let role = ActorCode::new(m.code.rest());
            if let Some(role) = role {
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
    let _ = rec;
}

/// How far back (in sentences) a pronoun or description looks.
const WINDOW: u32 = 3;

fn is_quote(norm: &str) -> bool {
    norm == "\"" || norm == "'" || norm == "''" || norm == "``"
}

/// Which tokens of the sentence lie inside quotation marks.
fn quoted_tokens(ctx: &MatchContext<'_>, lex: &Lexicon, s: usize, e: usize, out: &mut Vec<bool>) {
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

/// The main-clause subject of a sentence: the first mention outside quotations, past
/// an introductory phrase (`In February,`, `Commenting on X,`), not governed by a
/// preposition.
fn subject(
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    sentence: &Sentence,
    quoted: &[bool],
    mentions: &[(usize, &Mention)],
) -> Option<usize> {
    let (s, e) = (sentence.tokens.start, sentence.tokens.end);
    let mut start = s;
    // Skip a leading quotation.
    while start < e && (quoted[start - s] || is_quote_token(ctx, lex, start)) {
        start += 1;
    }
    // Skip an introductory phrase up to the first comma.
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
                && !quoted[m.first_token as usize - s]
                && !governed(m)
                && !m.modifier
                && m.kind != MentionKind::Place
        })
        .or_else(|| {
            mentions.iter().find(|(_, m)| {
                !quoted[m.first_token as usize - s] && !m.modifier && m.kind != MentionKind::Place
            })
        })
        .map(|(i, _)| *i)
}

fn is_quote_token(ctx: &MatchContext<'_>, lex: &Lexicon, i: usize) -> bool {
    let w = ctx.words[i];
    (w != UNKNOWN && is_quote(lex.word(w)))
        || matches!(
            &ctx.text[ctx.tokens[i].span()],
            "“" | "”" | "\"" | "«" | "»"
        )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// he, she, his, her
    Person,
    /// it, its
    Thing,
    /// they, them, their
    Plural,
}

fn compatible(m: &Mention, want: Want, strong: bool) -> bool {
    if m.modifier || m.kind == MentionKind::Place || m.unknown_country() {
        return false;
    }
    match want {
        Want::Person => m.person || (!strong && !m.plural && m.code.rest().starts_with("GOV")),
        Want::Thing => !m.person && !m.plural && m.group.is_none(),
        Want::Plural => {
            m.plural
                || m.group.is_some()
                || m.kind == MentionKind::Group
                || (!strong && matches!(m.kind, MentionKind::Organization | MentionKind::Country))
        }
    }
}

/// Links the mentions of one sentence (those from `first_new` on) and adds pronoun,
/// alias and collective mentions, keeping the sentence's mentions in token order.
#[allow(clippy::too_many_arguments)]
pub fn link_sentence(
    rec: &ActorRecognizer,
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    sentence: &Sentence,
    first_new: usize,
    scratch: &mut Scratch,
    doc: &mut DocState,
    out: &mut Vec<Mention>,
) {
    if doc.next_group == 0 {
        doc.next_group = u32::MAX;
    }
    let (s, e) = (sentence.tokens.start, sentence.tokens.end);
    let idx = sentence.index;
    let mut quoted = Vec::with_capacity(e - s);
    quoted_tokens(ctx, lex, s, e, &mut quoted);
    let covered = |out: &[Mention], t: usize| {
        out[first_new..]
            .iter()
            .any(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
    };

    // Aliases met earlier in the story.
    if !scratch.aliases.is_empty() {
        for t in s..e {
            let tok = &ctx.tokens[t];
            if !tok.flags.contains(TokenFlags::CAPITALIZED) || covered(out, t) {
                continue;
            }
            let text = &ctx.text[tok.span()];
            if let Some(&(_, ante)) = scratch
                .aliases
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(text))
            {
                let a = &out[ante];
                let m = Mention {
                    sentence: idx,
                    first_token: t as u32,
                    end_token: t as u32 + 1,
                    head: t as u32,
                    start: tok.start,
                    end: tok.end,
                    code: a.code,
                    kind: a.kind,
                    resolution: Resolution::Alias { antecedent: ante },
                    person: a.person,
                    plural: a.plural,
                    group: None,
                    modifier: false,
                };
                out.push(m);
            }
        }
    }

    // `the two leaders`, `both sides`: a pair noun after `two`/`both`.
    for t in s..e.saturating_sub(1) {
        let c = lex.class(ctx.words[t]);
        if !c.has(WordClass::PAIR) || !lex.class(ctx.words[t + 1]).has(WordClass::PAIR_NOUN) {
            continue;
        }
        let noun = lex.word(ctx.words[t + 1]);
        let countries = matches!(
            noun,
            "countries"
                | "nations"
                | "states"
                | "sides"
                | "neighbours"
                | "neighbors"
                | "powers"
                | "governments"
        );
        let first = if t > s && lex.class(ctx.words[t - 1]).has(WordClass::DEFINITE) {
            t - 1
        } else {
            t
        };
        let mut picked: Vec<usize> = Vec::new();
        let mut codes: Vec<ActorCode> = Vec::new();
        for (i, m) in out[..first_new].iter().enumerate().rev() {
            if m.sentence + WINDOW < idx || picked.len() == 2 {
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
        if picked.len() == 2 {
            // Replace an agent mention over these words (`leaders`) by the pair.
            out.retain(|m| {
                !(m.sentence == idx
                    && m.first_token as usize >= first
                    && (m.end_token as usize) <= t + 2
                    && m.kind == MentionKind::Agent)
            });
            let group = doc.next_group;
            doc.next_group -= 1;
            picked.reverse();
            codes.reverse();
            for code in codes {
                out.push(Mention {
                    sentence: idx,
                    first_token: first as u32,
                    end_token: t as u32 + 2,
                    head: t as u32 + 1,
                    start: ctx.tokens[first].start,
                    end: ctx.tokens[t + 1].end,
                    code,
                    kind: MentionKind::Agent,
                    resolution: Resolution::Collective {
                        antecedents: picked.clone(),
                    },
                    person: !countries,
                    plural: true,
                    group: Some(group),
                    modifier: false,
                });
            }
        }
    }
    sort_sentence(out, first_new);

    // Definite descriptions and possessives without a country: `the president`,
    // `the army`, `its troops` (the possessive is handled with the pronouns below).
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
        let ante = out[..first_new]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, a)| a.sentence + WINDOW * 2 >= idx)
            .find(|(_, a)| {
                !a.unknown_country() && a.code.rest() == role && a.person == m.person && !a.modifier
            })
            .map(|(j, _)| j);
        if let Some(j) = ante {
            let code = out[j].code;
            let m = &mut out[i];
            m.code = code;
            m.resolution = Resolution::Definite { antecedent: j };
        }
    }

    // Pronouns: those outside quotations first, so that a speaker resolved through
    // `he added` is known when `we` inside the quotation is resolved.
    let mut order: Vec<usize> = (s..e).filter(|&t| !quoted[t - s]).collect();
    order.extend((s..e).filter(|&t| quoted[t - s]));
    for t in order {
        let w = ctx.words[t];
        let class = lex.class(w);
        let want = if class.has(WordClass::PRONOUN_PERSON) {
            Want::Person
        } else if class.has(WordClass::PRONOUN_THING) {
            Want::Thing
        } else if class.has(WordClass::PRONOUN_PLURAL) {
            Want::Plural
        } else if class.has(WordClass::PRONOUN_SPEAKER) && quoted[t - s] {
            Want::Person
        } else {
            continue;
        };
        if out[first_new..]
            .iter()
            .any(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
        {
            continue;
        }
        // `it` refers to an actor only as the subject of a verb group (`it will`,
        // `it has`); `it is said`, `ready for it` are no actor.
        if lex.word(w) == "it" {
            let next = ctx
                .words
                .get(t + 1)
                .map(|&n| lex.class(n))
                .unwrap_or_default();
            // `it is prepared to`, `it was ready`: a subject; `it is said`, `it is
            // unclear`: no actor.
            let expletive = |q: usize| {
                ctx.words.get(q).is_some_and(|&n| {
                    matches!(
                        lex.word(n),
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
                    ) || n == UNKNOWN
                })
            };
            let be_subject = next.has(WordClass::BE)
                && t + 2 < e
                && !expletive(t + 2)
                && !(t + 3 < e
                    && ctx.words[t + 2] != UNKNOWN
                    && lex.word(ctx.words[t + 2]) == "being");
            if t + 1 >= e
                || !(next.has(WordClass::MODAL) || next.has(WordClass::HAVE) || be_subject)
            {
                continue;
            }
        }
        let speaker = class.has(WordClass::PRONOUN_SPEAKER);
        let sentence_mentions: Vec<(usize, &Mention)> = out
            .iter()
            .enumerate()
            .skip(first_new)
            .filter(|(_, m)| m.sentence == idx)
            .collect();
        let this_subject = subject(ctx, lex, sentence, &quoted, &sentence_mentions);
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
        let ante = if speaker {
            // The speaker of a quotation: the sentence's subject outside the quotation.
            this_subject.filter(|&i| !quoted[out[i].first_token as usize - s])
        } else {
            let same_subject =
                this_subject.filter(|i| before.contains(i) && compatible(&out[*i], want, true));
            let nearest = before
                .iter()
                .rev()
                .copied()
                .find(|&i| compatible(&out[i], want, true));
            // A possessive (`his country`) mostly refers to the nearest actor, a
            // subject pronoun (`he said`) to the subject.
            let first = if class.has(WordClass::POSSESSIVE) {
                nearest.or(same_subject)
            } else {
                same_subject.or(nearest)
            };
            first
                .or_else(|| prev_subject.filter(|&i| compatible(&out[i], want, false)))
                .or_else(|| {
                    out[..first_new]
                        .iter()
                        .enumerate()
                        .rev()
                        .take_while(|(_, m)| m.sentence + WINDOW >= idx)
                        .find(|(_, m)| compatible(m, want, true))
                        .map(|(i, _)| i)
                })
        };
        let Some(ante) = ante else { continue };
        // A pronoun that stands for a compound actor stands for each member.
        let members: Vec<usize> = match out[ante].group {
            Some(g) if want == Want::Plural => out
                .iter()
                .enumerate()
                .filter(|(_, m)| m.group == Some(g))
                .map(|(i, _)| i)
                .collect(),
            _ => vec![ante],
        };
        let group = if members.len() > 1 {
            let g = doc.next_group;
            doc.next_group -= 1;
            Some(g)
        } else {
            None
        };
        let tok = ctx.tokens[t];
        for a in members {
            let src = out[a].clone();
            let pronoun = Mention {
                sentence: idx,
                first_token: t as u32,
                end_token: t as u32 + 1,
                head: t as u32,
                start: tok.start,
                end: tok.end,
                code: src.code,
                kind: MentionKind::Pronoun,
                resolution: Resolution::Pronoun { antecedent: a },
                person: src.person,
                plural: src.plural || group.is_some(),
                group,
                modifier: false,
            };
            out.push(pronoun);
        }
        // A possessive before an agent without a country gives it the country:
        // `its troops` -> the possessor's country + MIL.
        if class.has(WordClass::POSSESSIVE)
            && let Some(j) = (first_new..out.len()).find(|&j| {
                out[j].first_token as usize == t + 1
                    && out[j].kind == MentionKind::Agent
                    && out[j].unknown_country()
            })
        {
            let country = ActorCode::new(out[ante].code.prefix()).unwrap_or(out[ante].code);
            let role = ActorCode::new(out[j].code.rest());
            if let Some(role) = role {
                out[j].code = country.with_role(&role);
                out[j].resolution = Resolution::Pronoun { antecedent: ante };
            }
        }
        sort_sentence(out, first_new);
    }

    locate_agents(rec, ctx, lex, s, first_new, doc, out);

    // Remember the subject, and register aliases for names introduced here.
    let sentence_mentions: Vec<(usize, &Mention)> =
        out.iter().enumerate().skip(first_new).collect();
    let subj = subject(ctx, lex, sentence, &quoted, &sentence_mentions);
    let subj = subj.map(|i| match &out[i].resolution {
        Resolution::Pronoun { antecedent } if out[i].kind == MentionKind::Pronoun => *antecedent,
        _ => i,
    });
    doc.subjects.push(subj);
    for (i, m) in out.iter().enumerate().skip(first_new) {
        let registers = matches!(m.resolution, Resolution::Title { .. })
            || (m.kind == MentionKind::Person
                && matches!(m.resolution, Resolution::Person { .. })
                && m.end_token - m.first_token >= 2);
        if registers {
            let last = &ctx.tokens[m.end_token as usize - 1];
            let surname = &ctx.text[last.span()];
            if surname.chars().count() > 2
                && !scratch
                    .aliases
                    .iter()
                    .any(|(k, _)| k.eq_ignore_ascii_case(surname))
            {
                scratch.aliases.push((surname.to_string(), i));
            }
        }
    }
    let _ = rec;
}

/// Sorts the mentions from `first` on by token, keeping every index that points into
/// that range (antecedents, group numbers) pointing at the same mention.
fn sort_sentence(out: &mut [Mention], first: usize) {
    let n = out.len() - first;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (out[first + i].first_token, out[first + i].end_token));
    if order.iter().enumerate().all(|(a, &b)| a == b) {
        return;
    }
    let mut new_pos = vec![0usize; n];
    for (new, &old) in order.iter().enumerate() {
        new_pos[old] = new;
    }
    let remap = |x: usize| {
        if x >= first && x < first + n {
            first + new_pos[x - first]
        } else {
            x
        }
    };
    let sorted: Vec<Mention> = order.iter().map(|&i| out[first + i].clone()).collect();
    for (slot, mut m) in out[first..].iter_mut().zip(sorted) {
        match &mut m.resolution {
            Resolution::Alias { antecedent }
            | Resolution::Definite { antecedent }
            | Resolution::Pronoun { antecedent } => *antecedent = remap(*antecedent),
            Resolution::Collective { antecedents } => {
                for a in antecedents.iter_mut() {
                    *a = remap(*a);
                }
            }
            _ => {}
        }
        if let Some(g) = m.group
            && (g as usize) < first + n
        {
            m.group = Some(remap(g as usize) as u32);
        }
        *slot = m;
    }
}
