//! Step 1 of the sentence coder: which tokens can trigger, and with which pattern.
//!
//! A trigger is a word that heads an entry of the pattern files (`dictionaries/verbs/`)
//! and lies outside every actor mention. Whether it reads as a verb or as an event noun
//! is told by the words before it ([`noun_context`], [`determined`]); among the
//! patterns of all its entries the most specific match wins ([`best_match`]), and the
//! verb group before it gives its voice and mode ([`find`]).

use super::clause::VerbGroup;
use super::inflect::VerbForm;
use super::patterns::{PatternMatch, SentenceView};
use super::{EventCoder, Found, Mode};
use crate::actors::{Mention, MentionKind};
use crate::dict::{ModeRule, TriggerKind};
use crate::lexicon::{UNKNOWN, WordClass, WordId};
use crate::segment::TokenFlags;
use crate::tags::{Pos, Tag};
use std::ops::Range;

/// A word's entries that can fire here, each with its verb form (`None` for a noun).
pub(super) type Candidates = Vec<(u32, Option<VerbForm>)>;

/// Whether token `t` lies inside one of the sentence's mentions.
pub(super) fn in_mention(mentions: &[Mention], mention_ids: &[usize], t: usize) -> bool {
    mention_ids
        .iter()
        .any(|&m| (mentions[m].first_token as usize..mentions[m].end_token as usize).contains(&t))
}

/// Whether entry `e` may trigger in this pass: a base entry always, an added one only
/// when `added` (the pass over a sentence the base entries left without an event).
fn usable(coder: &EventCoder, e: u32, added: bool) -> bool {
    added || !coder.patterns.entries[e as usize].added
}

/// Marks, for each token of `sentence`, whether it is a verb trigger outside every
/// mention (patterns read these marks as clause boundaries); entries of the added layer
/// count only when `added`.
pub(super) fn mark(
    coder: &EventCoder,
    words: &[WordId],
    mentions: &[Mention],
    mention_ids: &[usize],
    sentence: Range<usize>,
    added: bool,
    out: &mut Vec<bool>,
) {
    out.clear();
    out.extend(sentence.map(|t| {
        words[t] != UNKNOWN
            && coder
                .patterns
                .verbs
                .get(&words[t])
                .is_some_and(|v| v.iter().any(|(e, _)| usable(coder, *e, added)))
            && !in_mention(mentions, mention_ids, t)
    }));
}

/// Whether a determiner governs the word at `t` (`the visit`, `his visit`, `Russia's
/// military invasion`, `an armed group`): then it is a noun or an adjective, not a verb.
pub(super) fn determined(view: &SentenceView<'_>, t: usize) -> bool {
    if t == view.start {
        return false;
    }
    let p = t - 1;
    let det = |q: usize| {
        let c = view.lex.class(view.words[q]);
        c.has(WordClass::DETERMINER)
            || c.has(WordClass::POSSESSIVE)
            || c.has(WordClass::POSSESSIVE_MARK)
    };
    if det(p) {
        return true;
    }
    // Up to three modifiers between: `the military invasion`, `of peaceful nuclear
    // work`, `a joint statement`.
    let mut q = p;
    for _ in 0..3 {
        // An actor right before the word is its subject, not a modifier: `Kenya's
        // foreign minister met ...`.
        if in_mention(view.mentions, view.mention_ids, q) {
            return false;
        }
        let c = view.lex.class(view.words[q]);
        let surface = &view.text[view.tokens[q].span()];
        let modifier = surface.chars().next().is_some_and(char::is_lowercase)
            && !c.has(WordClass::AUXILIARY)
            && !c.has(WordClass::MODAL)
            && !c.has(WordClass::NEGATION)
            && !c.has(WordClass::PREPOSITION)
            && !c.has(WordClass::CONJUNCTION)
            && !c.has(WordClass::ADVERB)
            && !view.is_trigger[q - view.start];
        // A plural noun before the word is its subject: `its allies demanded`.
        let plural = surface.len() > 3
            && surface.ends_with('s')
            && !["ous", "ss", "is", "us"]
                .iter()
                .any(|x| surface.ends_with(x));
        if !modifier || plural || q == view.start {
            return false;
        }
        q -= 1;
        let before = view.lex.class(view.words[q]);
        if det(q) || (before.has(WordClass::PREPOSITION) && view.lex.word(view.words[q]) != "to") {
            return true;
        }
    }
    false
}

/// Whether the word at `t` reads as a noun: determined, after a preposition, or right
/// after an actor that modifies it (`Russian offensive`, `US sanctions`).
pub(super) fn noun_context(view: &SentenceView<'_>, t: usize) -> bool {
    if t == view.start {
        return false;
    }
    let c = view.lex.class(view.words[t - 1]);
    determined(view, t)
        || (c.has(WordClass::PREPOSITION) && view.lex.word(view.words[t - 1]) != "to")
        || view
            .mention_ids
            .iter()
            .any(|&m| view.mentions[m].end_token as usize == t && view.mentions[m].modifier)
}

/// Whether the clause's subject, right before the verb group at `start`, is negated by
/// its determiner: `no military installations were targeted`, `none of the rebels
/// surrendered`, `nobody was arrested`; for an event noun, the noun itself (`no talks
/// are planned`, `no further bargaining sessions`).
fn no_subject(view: &SentenceView<'_>, start: usize) -> bool {
    let mut q = start;
    let floor = start.saturating_sub(6).max(view.start);
    while q > floor {
        q -= 1;
        if view.is_boundary(q) {
            return false;
        }
        // Compared by surface: `none` and `nobody` need not be in the vocabulary.
        let surface = &view.text[view.tokens[q].span()];
        if ["no", "none", "nobody", "neither", "nothing"]
            .iter()
            .any(|n| surface.eq_ignore_ascii_case(n))
        {
            return true;
        }
        let w = view.words[q];
        if w == UNKNOWN {
            continue;
        }
        let c = view.lex.class(w);
        // A preposition inside the subject's phrase (`none of the rebels`, `no one on
        // the coaches accepted`) is passed over; a subordinator or relative pronoun
        // starts another clause.
        let preposition = c.has(WordClass::PREPOSITION)
            && !matches!(
                view.lex.word(w),
                "of" | "on" | "in" | "at" | "from" | "among"
            );
        if preposition || c.has(WordClass::SUBORDINATOR) || c.has(WordClass::RELATIVE) {
            return false;
        }
    }
    false
}

/// Whether `without` governs the trigger at `t` (`withdrew without firing a shot`,
/// `without facing torture`): the event did not happen. Up to three words may stand
/// between (`without them facing`), none a boundary.
fn after_without(view: &SentenceView<'_>, t: usize) -> bool {
    let floor = t.saturating_sub(4).max(view.start);
    (floor..t)
        .rev()
        .take_while(|&q| !view.is_boundary(q))
        .any(|q| view.text[view.tokens[q].span()].eq_ignore_ascii_case("without"))
}

/// Whether token `t` cannot start an event of its own: inside a mention, the second
/// half of a hyphenated compound (`drought-hit`, `Russian-backed`), or a month name
/// written as a date.
fn taken(view: &SentenceView<'_>, t: usize) -> bool {
    if view.words[t] == UNKNOWN
        || in_mention(view.mentions, view.mention_ids, t)
        || view.month_as_date(t)
    {
        return true;
    }
    let tokens = view.tokens;
    t > view.start
        && &view.text[tokens[t - 1].span()] == "-"
        && !tokens[t - 1].flags.contains(TokenFlags::SPACE_BEFORE)
        && !tokens[t].flags.contains(TokenFlags::SPACE_BEFORE)
}

/// Whether token `t` is a word inside an earlier trigger's pattern (`issued an arrest
/// warrant against`): part of that event, unless it is the frame's embedded verb.
fn inside_earlier_pattern(found: &[Found], t: usize) -> bool {
    found
        .iter()
        .any(|f| f.trigger.0 < t && t < f.m.end && f.m.frame_token != Some(t))
}

/// Whether the word at `t` stands right after an actor, as its verb whatever the
/// tagger says: headlines (`U.S. Lifts Travel Ban`, `Trump urges UN`) confuse it. Not
/// when an article opens the actor's phrase (`an anti-Gondor parade`: a noun), a city
/// follows an article (`the Venice press conference`), or the actor is an object
/// pronoun (`flew him back home`).
fn after_actor(view: &SentenceView<'_>, t: usize) -> bool {
    let s = view.start;
    view.mention_ids.iter().any(|&m| {
        let mm = &view.mentions[m];
        let first = mm.first_token as usize;
        // A city after an article names the noun after it (`the Venice press
        // conference`): no subject.
        let article_before = first > s
            && view
                .lex
                .class(view.words[first - 1])
                .has(WordClass::ARTICLE);
        // An object pronoun is nobody's subject (`flew him back home`).
        let object_pronoun = mm.end_token as usize == first + 1
            && ["him", "them", "us", "me"]
                .iter()
                .any(|p| view.text[view.tokens[first].span()].eq_ignore_ascii_case(p));
        let city_in_noun_phrase = mm.kind == MentionKind::Place && article_before;
        !city_in_noun_phrase
            && !object_pronoun
            && mm.end_token as usize == t
            && !(first.saturating_sub(3).max(s)..first).any(|q| {
                view.lex.class(view.words[q]).has(WordClass::ARTICLE)
                    && view.lex.word(view.words[q]) != "the"
            })
    })
}

/// Whether an actor's name ends right before `t` inside a noun phrase that a
/// determiner opens, with at most two lower-case modifiers between (`the recent Paris
/// meeting`, `a Washington meeting`): the name modifies the word at `t`.
fn name_in_determined_phrase(view: &SentenceView<'_>, t: usize) -> bool {
    let Some(&m) = view
        .mention_ids
        .iter()
        .find(|&&m| view.mentions[m].end_token as usize == t)
    else {
        return false;
    };
    let mut q = view.mentions[m].first_token as usize;
    for _ in 0..3 {
        if q <= view.start {
            return false;
        }
        let c = view.lex.class(view.words[q - 1]);
        let known = view.words[q - 1] != UNKNOWN;
        if known && (c.has(WordClass::ARTICLE) || c.has(WordClass::DETERMINER)) {
            return true;
        }
        let lower = view.text[view.tokens[q - 1].span()].starts_with(|c: char| c.is_lowercase());
        if !(lower && view.tags.get(q - 1).is_some_and(|g| g.pos() == Pos::Adj)) {
            return false;
        }
        q -= 1;
    }
    false
}

/// The entries of the word at `t` (its `verbs` and `nouns` entries) that fit its
/// reading here, into `out`; returns whether it reads as a noun, or `None` when no
/// entry fits.
fn candidates(
    view: &SentenceView<'_>,
    t: usize,
    verbs: Option<&[(u32, VerbForm)]>,
    nouns: Option<&[(u32, bool)]>,
    out: &mut Candidates,
) -> Option<bool> {
    out.clear();
    let (words, lex, s) = (view.words, view.lex, view.start);
    // The part of speech, where the document was tagged: a verb pattern fires only on
    // a verb, a noun pattern only on a noun (`pounds 9m`, `March 13`, `rounds of
    // ammunition`, `the insurance broker` are no verbs).
    let tagged_noun = view
        .tags
        .get(t)
        .is_some_and(|g| g.is_noun() || g.pos() == Pos::Num);
    // A word the tagger reads as an adverb or particle is no verb (`flew him back
    // home`, `too fast`); a preposition right after a verb is that verb's particle
    // (`paid back the credit`, `hark back`).
    let tagged_function_word = t > s
        && view.tags.get(t).is_some_and(|g| match g.pos() {
            Pos::Adv | Pos::Part => true,
            Pos::Adp => view.tags.get(t - 1).is_some_and(|p| p.is_verb()),
            _ => false,
        });
    // `the recent Paris meeting`, `a Washington meeting`, `the OPEC meeting`: a name
    // inside a determined noun phrase modifies the `-ing` noun the tagger reads there
    // (other nouns after a name keep the headline reading: `the U.S. attack`).
    let gerund_only = verbs.is_some_and(|v| v.iter().all(|(_, f)| *f == VerbForm::Gerund));
    let name_modifies = tagged_noun && gerund_only && name_in_determined_phrase(view, t);
    let after_actor = after_actor(view, t) && !name_modifies;
    // An adjective before its noun is no verb either (`duty free stores`, `a fast
    // accession`).
    let attributive =
        view.tags.get(t).is_some_and(|g| g.pos() == Pos::Adj) && modifies_next_noun(view, t);
    if (tagged_noun || attributive) && nouns.is_none() && !after_actor {
        return None;
    }
    if tagged_function_word && !after_actor {
        return None;
    }
    // `an HIV/Aids orphanage`: a capital inside running text makes a name, for a verb's
    // word too (not after an opening quotation mark or colon, where a sentence starts).
    let opens = t > s
        && matches!(
            &view.text[view.tokens[t - 1].span()],
            "\"" | "“" | "‘" | "'" | ":" | "("
        );
    if capitalised_inside(view, t) && !opens && !after_actor {
        return None;
    }
    // A word with both readings that the tagger reads as a noun after an adjective is
    // the adjective's noun (`stronger demand from China`, `humanitarian aid to`).
    let after_adjective = t > s && view.tags.get(t - 1).is_some_and(|g| g.pos() == Pos::Adj);
    let as_noun = nouns.is_some()
        && (verbs.is_none()
            || noun_context(view, t)
            || name_modifies
            || (tagged_noun && after_adjective && !after_actor));
    if as_noun {
        // `an HIV/Aids orphanage`: a capital inside running text makes a name.
        if capitalised_inside(view, t) {
            return None;
        }
        out.extend(nouns.into_iter().flatten().map(|(e, _)| (*e, None)));
        return Some(true);
    }
    // A participle or gerund after a determiner is an adjective (`the proposed plan`),
    // not a verb; after a preposition only a gerund is a verb (`after meeting X`, but
    // `signs of consent`). A participle right after its noun heads a clause (`a
    // declaration demanding ...`): only a determiner right before makes it an adjective.
    let gerund_form = verbs.is_some_and(|v| v.iter().all(|(_, f)| *f == VerbForm::Gerund));
    let adjective = if gerund_form {
        t > s && {
            let c = lex.class(words[t - 1]);
            c.has(WordClass::DETERMINER) || c.has(WordClass::POSSESSIVE)
        }
    } else {
        determined(view, t)
    };
    // `Ousted President Askar Akayev has agreed`, `Jailed opposition leader X`: a
    // participle opening the sentence right before an actor describes that actor.
    let participle_form = verbs.is_some_and(|v| v.iter().any(|(_, f)| *f == VerbForm::Participle));
    let opening_participle = participle_form && t == s && view.mention_at(t + 1).is_some();
    if adjective || opening_participle {
        return None;
    }
    let after_preposition = t > s
        && lex.class(words[t - 1]).has(WordClass::PREPOSITION)
        && lex.word(words[t - 1]) != "to";
    // `its EU partners`, `the US sanctions`: an `-s` form after an actor that a
    // determiner governs is a plural noun.
    let after_determined_actor = view.mention_ids.iter().any(|&mi| {
        let m = &view.mentions[mi];
        m.end_token as usize == t && m.first_token as usize > s && {
            let c = lex.class(words[m.first_token as usize - 1]);
            c.has(WordClass::DETERMINER) || c.has(WordClass::POSSESSIVE)
        }
    });
    out.extend(
        verbs
            .into_iter()
            .flatten()
            .filter(|(_, f)| !after_preposition || *f == VerbForm::Gerund)
            .filter(|(_, f)| !(after_determined_actor && *f == VerbForm::ThirdPerson))
            .map(|(e, f)| (*e, Some(*f))),
    );
    (!out.is_empty()).then_some(false)
}

/// Whether the word at `t` stands before a common noun, as its modifier (a day word
/// after it is an adverb: `renewed negotiations today`).
fn modifies_next_noun(view: &SentenceView<'_>, t: usize) -> bool {
    let next = t + 1;
    next < view.end
        && view.tags.get(next).is_some_and(|g| g.pos() == Pos::Noun)
        && !view.is_day_word(next)
}

/// Whether the word at `t` starts a hyphenated adjective (`strike-bound`, `war-torn`,
/// `aid-dependent`): the compound describes a thing, no act. A particle after the
/// hyphen makes the noun of a phrasal verb, which is one (`sit-in`, `walk-out`,
/// `break-in`, `shoot-out`, `stand-off`).
fn hyphen_compound(view: &SentenceView<'_>, t: usize) -> bool {
    let (dash, word) = (t + 1, t + 2);
    if word >= view.end {
        return false;
    }
    let tok = |q: usize| view.tokens[q];
    let text = |q: usize| &view.text[tok(q).span()];
    let joined = tok(t).end == tok(dash).start && tok(dash).end == tok(word).start;
    joined
        && text(dash) == "-"
        && text(word).starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            text(word),
            "in" | "out" | "off" | "up" | "down" | "over" | "back"
        )
}

/// Whether `who`, `which` or `that` stands right before the verb group starting at
/// `start`, an adverb aside (`who afterwards appealed`): a relative clause. (A
/// complementiser `that` is followed by its clause's subject instead.)
fn relative_pronoun_before(view: &SentenceView<'_>, start: usize) -> bool {
    let Some(mut q) = start.checked_sub(1).filter(|&q| q >= view.start) else {
        return false;
    };
    if q > view.start && view.tags.get(q).is_some_and(|g| *g == Tag::Adv) {
        q -= 1;
    }
    view.words[q] != UNKNOWN && matches!(view.lex.word(view.words[q]), "who" | "which" | "that")
}

/// Whether `by` and an actor follow the verb at `t` (`killed by UK troops`, `detained by
/// the police`), `by` not heading a gerund (`responded by expelling diplomats`).
fn by_agent_follows(view: &SentenceView<'_>, t: usize) -> bool {
    // An adverb may stand between (`supported logistically by 2,400 French troops`).
    let adverb = t + 1 < view.end && {
        let w = &view.text[view.tokens[t + 1].span()];
        w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
    };
    let by = if adverb { t + 2 } else { t + 1 };
    if by + 1 >= view.end || view.words[by] == UNKNOWN || view.lex.word(view.words[by]) != "by" {
        return false;
    }
    let next = &view.text[view.tokens[by + 1].span()];
    !next.ends_with("ing")
        && view.mention_ids.iter().any(|&m| {
            let f = view.mentions[m].first_token as usize;
            f == by + 1 || f == by + 2
        })
}

/// Whether the word at `t` is capitalised inside running text: not the sentence's
/// first word, and neither neighbour capitalised (so no headline in title case).
fn capitalised_inside(view: &SentenceView<'_>, t: usize) -> bool {
    // Title case: a capital then a lower-case letter (`Aids`, not `HIV`).
    let capital = |q: usize| {
        let w = &view.text[view.tokens[q].span()];
        w.starts_with(|c: char| c.is_uppercase()) && w.chars().skip(1).any(char::is_lowercase)
    };
    t > view.start && capital(t) && !capital(t - 1) && (t + 1 >= view.end || !capital(t + 1))
}

/// Whether a noun phrase starts at `q`, right after a verb: its object (`demonstrated
/// great courage`, `yielded 7.9 pct`), not an adverb, a preposition or a time
/// (`demonstrated on Monday`, `demonstrated peacefully`, `yielded today`).
fn object_follows(view: &SentenceView<'_>, q: usize) -> bool {
    if q >= view.end || view.is_day_word(q) {
        return false;
    }
    let class = view.lex.class(view.words[q]);
    if class.has(WordClass::ARTICLE) || class.has(WordClass::POSSESSIVE) {
        return true;
    }
    view.tags.get(q).is_some_and(|g| {
        matches!(g.pos(), Pos::Noun | Pos::Propn | Pos::Num)
            || (g.pos() == Pos::Adj
                && view
                    .tags
                    .get(q + 1)
                    .is_some_and(|n| matches!(n.pos(), Pos::Noun | Pos::Propn)))
    })
}

/// Whether the trigger at `t` follows a compound actor, its likely subject (`Russia
/// and China agreed`, `X and Y have agreed`): the nearest mention before it, with at
/// most three words between and no clause boundary, has fellow members.
fn compound_before(view: &SentenceView<'_>, t: usize) -> bool {
    let Some(&m) = view.mention_ids.iter().rev().find(|&&m| {
        let e = view.mentions[m].end_token as usize;
        e <= t && t - e <= 3 && (e..t).all(|q| !view.is_boundary(q))
    }) else {
        return false;
    };
    let mm = &view.mentions[m];
    mm.group.is_some()
        && view
            .mention_ids
            .iter()
            .any(|&o| o != m && view.mentions[o].group == mm.group)
}

/// The most specific pattern, over all candidate entries, that matches at `t`.
fn best_match(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    t: usize,
    candidates: &Candidates,
    as_noun: bool,
) -> Option<(u32, PatternMatch)> {
    let mut best: Option<(u32, PatternMatch)> = None;
    for (entry, _) in candidates {
        let ce = &coder.patterns.entries[*entry as usize];
        if (ce.kind == TriggerKind::Noun) != as_noun || !usable(coder, *entry, view.added) {
            continue;
        }
        for (pi, p) in ce.patterns.iter().enumerate() {
            if p.compound && !compound_before(view, t) {
                continue;
            }
            if let Some(mut m) = view.match_pattern(&coder.patterns, p, (t, t + 1)) {
                m.pattern = pi;
                // The compound subject a `[compound]` pattern asks for is one more element.
                m.score += 2 * usize::from(p.compound);
                if best.as_ref().is_none_or(|(_, b)| m.score > b.score) {
                    best = Some((*entry, m));
                }
            }
        }
    }
    best
}

/// The event the token at `t` triggers, with no source or target yet, and the first
/// token of its verb group; `None` when `t` triggers nothing.
#[inline]
pub(super) fn find(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    quotes: &[bool],
    found: &[Found],
    scratch: &mut Candidates,
    t: usize,
) -> Option<(Found, usize)> {
    if taken(view, t) {
        return None;
    }
    // A word whose entries are all of the added layer is no trigger in the base pass.
    let verbs = coder
        .patterns
        .verbs
        .get(&view.words[t])
        .map(Vec::as_slice)
        .filter(|v| v.iter().any(|(e, _)| usable(coder, *e, view.added)));
    let nouns = coder
        .patterns
        .nouns
        .get(&view.words[t])
        .map(Vec::as_slice)
        .filter(|v| v.iter().any(|(e, _)| usable(coder, *e, view.added)));
    if verbs.is_none() && nouns.is_none() || inside_earlier_pattern(found, t) {
        return None;
    }
    let as_noun = candidates(view, t, verbs, nouns, scratch)?;
    let (entry, m) = best_match(coder, view, t, scratch, as_noun)?;
    // A noun that modifies the next noun is no event of its own (`support officers`,
    // `war crimes`, `fast accession`) unless its pattern goes on through that noun.
    if as_noun && m.end <= t + 1 && modifies_next_noun(view, t) || hyphen_compound(view, t) {
        return None;
    }
    let participle = scratch
        .iter()
        .any(|(_, f)| matches!(f, Some(VerbForm::Participle)));
    let mut group = if as_noun {
        VerbGroup {
            start: t,
            mode: Mode::Asserted,
            passive: false,
            infinitive: false,
            obligation: false,
            would: false,
            future_modal: false,
        }
    } else {
        view.verb_group(t, participle)
    };
    // `a civilian killed by troops`: a participle with no `be` before it and a `by`
    // agent after it is a passive all the same (a reduced relative clause).
    if !as_noun && participle && !group.passive && by_agent_follows(view, t) {
        group.passive = true;
    }
    let gerund = scratch
        .iter()
        .all(|(_, f)| matches!(f, Some(VerbForm::Gerund)));
    if super::unreal::unreal(view, t, as_noun, gerund, &group) {
        group.mode = Mode::Hypothetical;
    }
    let ce = &coder.patterns.entries[entry as usize];
    let pattern = &ce.patterns[m.pattern];
    // The null code `---`: the best pattern says this trigger codes nothing.
    let code = pattern.code?;
    if pattern.intransitive && !as_noun && object_follows(view, m.end) {
        return None;
    }
    let as_written = ce.modes == ModeRule::Patterns;
    if as_written {
        // The patterns decide (`081  will not *`); the verb group's mode is not read.
        group.mode = Mode::Asserted;
        group.future_modal = false;
        group.would = false;
        group.obligation = false;
    }
    let relative = !as_noun && relative_pronoun_before(view, group.start);
    let mode = if group.mode == Mode::Asserted
        && !as_written
        && (no_subject(view, group.start) || after_without(view, t))
    {
        Mode::Negated
    } else {
        group.mode
    };
    let found = Found {
        trigger: (t, t + 1),
        entry,
        m,
        code,
        as_written,
        source: None,
        target: None,
        mode,
        passive: group.passive,
        embedded: false,
        infinitive: group.infinitive,
        obligation: group.obligation,
        would: group.would,
        future_modal: group.future_modal,
        reporting: pattern.reporting,
        topic: pattern.topic,
        quote: view.quoted(quotes, t),
        frame: None,
        noun: as_noun,
        refusal: false,
        relative,
    };
    Some((found, group.start))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{Step, probe};

    #[test]
    fn a_verb_after_its_subject_triggers_as_a_verb() {
        let p = probe("Venezuela expelled the Colombian ambassador.", Step::Roles);
        assert_eq!(p.triggers(), ["expelled"]);
        assert!(!p.event("expelled").noun);
    }

    #[test]
    fn an_event_noun_after_a_possessor_triggers_as_a_noun() {
        let p = probe("Russia's invasion of Ukraine angered Poland.", Step::Roles);
        assert!(p.event("invasion").noun, "{:?}", p.triggers());
    }

    #[test]
    fn a_participle_after_a_determiner_is_an_adjective() {
        let p = probe("Iran rejected the proposed plan.", Step::Roles);
        assert!(p.triggers().contains(&"rejected"));
        assert!(!p.triggers().contains(&"proposed"), "{:?}", p.triggers());
    }

    #[test]
    fn the_second_half_of_a_hyphenated_word_is_no_trigger() {
        let p = probe("Russian-backed rebels attacked Ukraine.", Step::Roles);
        assert!(!p.triggers().contains(&"backed"), "{:?}", p.triggers());
        assert!(p.triggers().contains(&"attacked"));
    }

    #[test]
    fn a_month_written_as_a_date_is_no_march() {
        for text in [
            "Israel attacked Gaza on 17 March 2003.",
            "WASHINGTON, MARCH 13 - Japan met United States officials.",
            "Fighting resumed in March after Syria attacked Turkey.",
        ] {
            let p = probe(text, Step::Roles);
            assert!(
                !p.triggers().iter().any(|t| t.eq_ignore_ascii_case("march")),
                "{text}: {:?}",
                p.triggers()
            );
        }
        let p = probe("Thousands of protesters march through Paris.", Step::Roles);
        assert!(p.triggers().contains(&"march"), "{:?}", p.triggers());
    }

    #[test]
    fn a_subject_under_no_negates_its_event() {
        for (text, trigger) in [
            ("No Pakistani targets were attacked by India.", "attacked"),
            ("None of the rebels surrendered to the army.", "surrendered"),
            ("No talks with Iran are planned.", "talks"),
        ] {
            let p = probe(text, Step::Roles);
            assert_eq!(p.event(trigger).mode, super::Mode::Negated, "{text}");
        }
        let p = probe(
            "India attacked Pakistani targets with no warning.",
            Step::Roles,
        );
        assert_eq!(p.event("attacked").mode, super::Mode::Asserted);
    }

    #[test]
    fn an_event_under_without_did_not_happen() {
        let p = probe(
            "The rebels withdrew from the town without firing a shot at the army.",
            Step::Roles,
        );
        assert_eq!(p.event("firing").mode, super::Mode::Negated);
        let p = probe("Syria attacked Turkey without warning.", Step::Roles);
        assert_eq!(p.event("attacked").mode, super::Mode::Asserted);
    }
}
