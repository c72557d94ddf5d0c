//! Step 2 of the sentence coder: source and target of each event, and the subjects
//! that events share.
//!
//! - [`assign`]: per trigger, by its reading: an event noun ([`noun_roles`]: the
//!   possessor, `after talks with Y`), a passive verb ([`passive_roles`]: `by` agent,
//!   the subject as target), an active verb ([`active_roles`]: subject, object,
//!   further targets); the subject and appositives themselves are found by
//!   [`SentenceView::subject`] (`clause.rs`), reporting speakers by
//!   [`super::speech::reporting_speaker`];
//! - [`participle_subjects`] and [`conjoined_subjects`]: verbs that share the subject
//!   of an earlier one (`..., saying X`; `urged X and pressured Y`);
//! - [`adverbial_subjects`]: a gerund after `before`, `after`, `while` ... is done by
//!   the subject of the clause it modifies (`told reporters before meeting X`).

use super::inflect::VerbForm;
use super::patterns::SentenceView;
use super::{EventCoder, Found, speech};
use crate::actors::MentionKind;
use crate::codes::ActorCode;
use crate::lexicon::{UNKNOWN, WordClass};

/// Finds the source and target of `f`, whose verb group starts at `clause_start`, and
/// records its target and the actors inside its pattern in `objects` (they are not the
/// subject of a later verb).
pub(super) fn assign(
    view: &SentenceView<'_>,
    quotes: &[bool],
    objects: &mut Vec<usize>,
    f: &mut Found,
    clause_start: usize,
) {
    if f.noun {
        noun_roles(view, quotes, objects, f);
    } else if !f.passive && participle_after_noun(view, f.trigger.0) {
        // `the hate crimes committed across Britain`, `documents found in Baghdad`: a
        // reduced passive relative whose patient is the noun before it, no actor; only
        // its own `by` phrase names who acted.
        f.source = by_agent(view, f.trigger.0).map(|m| (m, false));
        f.target = None;
    } else if f.passive {
        passive_roles(view, quotes, objects, f, clause_start);
    } else {
        active_roles(view, quotes, objects, f, clause_start);
    }
    reflexive_target(view, f);
    own_country_target(view, f);
    venue_target(view, f);
    audience_target(view, f);
    origin_target(view, f);
    // A statement's topic (`said Israel must withdraw`) stays free to be the subject
    // of the reported verb.
    if let Some(tg) = f.target
        && !f.reporting
    {
        objects.push(tg);
    }
    // Actors inside the matched pattern (`withdraw its troops from X`) are taken: they
    // are not the subject of a later verb.
    let (from, to) = (f.trigger.1, f.m.end);
    let mentions = view.mentions;
    objects.extend(view.mention_ids.iter().copied().filter(|&mi| {
        (mentions[mi].first_token as usize) >= from && (mentions[mi].end_token as usize) <= to
    }));
}

/// An event noun: the possessor or a mention right before the noun (`Russia's
/// invasion`, `the Chinese president's visit`, `US sanctions`), else, for a noun that
/// is the time of its clause (`said after talks with Putin`), the clause's subject.
fn noun_roles(view: &SentenceView<'_>, quotes: &[bool], objects: &[usize], f: &mut Found) {
    let (words, lex, mentions, s) = (view.words, view.lex, view.mentions, view.start);
    let t = f.trigger.0;
    let mut q = t;
    let mut owner = None;
    while q > s && t - q < 4 {
        q -= 1;
        if let Some(&mi) = view.mention_ids.iter().find(|&&mi| {
            mentions[mi].end_token as usize == q + 1
                || (mentions[mi].end_token as usize == q
                    && lex.class(words[q]).has(WordClass::POSSESSIVE_MARK))
        }) {
            // `the recent Paris meeting`: a capital before the noun is the venue; its
            // possessive (`Moscow's invasion`) is the party.
            let venue = mentions[mi].capital && mentions[mi].end_token as usize == q + 1;
            owner = (!venue).then_some(mi);
            break;
        }
        // A possessor is never across a preposition or the start of a clause
        // (`told Chinese diplomats that the talks were useful`).
        let c = lex.class(words[q]);
        if view.is_boundary(q)
            || c.has(WordClass::PREPOSITION)
            || (words[q] != UNKNOWN
                && (c.has(WordClass::SUBORDINATOR) || c.has(WordClass::RELATIVE)))
        {
            break;
        }
    }
    let temporal = {
        let mut q = t;
        while q > s && lex.class(words[q - 1]).has(WordClass::DETERMINER) {
            q -= 1;
        }
        q > s
            && matches!(
                lex.word(words[q - 1]),
                "after" | "following" | "during" | "before" | "at" | "amid"
            )
            && words[q - 1] != UNKNOWN
    };
    f.source =
        f.m.source
            .map(|m| (m, false))
            .or(owner.map(|m| (m, false)))
            .or_else(|| {
                // Only for meetings and the like (`after talks with Y`): `following the
                // invasion of Y` says nothing of who invaded.
                let cooperative = f.code.root_number() <= 8;
                if temporal && cooperative {
                    view.subject(t, quotes, objects, f.quote)
                } else {
                    None
                }
            });
    f.target = f.m.target;
}

/// The passive: `X was arrested by Y` is Y acting on X.
fn passive_roles(
    view: &SentenceView<'_>,
    quotes: &[bool],
    objects: &[usize],
    f: &mut Found,
    clause_start: usize,
) {
    let mentions = view.mentions;
    let t = f.trigger.0;
    f.source = f.m.source.or_else(|| by_agent(view, t)).map(|m| (m, false));
    // `were killed in Kashmir by Pakistani shelling`, `killed in an Israeli air strike`:
    // violence with no agent named takes the actor of the attack that did it.
    if f.source.is_none() && matches!(f.code.root_number(), 18..=20) {
        f.source = attack_actor(view, t).map(|m| (m, false));
    }
    // The passive's subject is the target; a `$` the pattern found after the verb is
    // the `by` agent, not a target.
    // A place found only by the fallback (`Mr Tyndall, from Brighton, was arrested`) is
    // where the subject comes from, not who suffered the act.
    let subject = view
        .subject(clause_start, quotes, objects, f.quote)
        .filter(|&(m, fallback)| !(fallback && mentions[m].kind == MentionKind::Place))
        .map(|(m, _)| m);
    f.target = subject.or(f.m.target.filter(|&m| f.source.is_none_or(|(s, _)| s != m)));
}

/// The actor of a `by` phrase within five tokens after the verb at `t` (`arrested by
/// the police`, `hit by Iraqi missiles`).
fn by_agent(view: &SentenceView<'_>, t: usize) -> Option<usize> {
    let (words, lex, mentions) = (view.words, view.lex, view.mentions);
    let by = (t + 1..view.end.min(t + 6))
        .find(|&q| lex.word(words[q]) == "by" && words[q] != UNKNOWN)?;
    view.mention_ids.iter().copied().find(|&mi| {
        mentions[mi].first_token as usize == by + 1 || mentions[mi].first_token as usize == by + 2
    })
}

/// Whether the verb at `t` is a past participle right after a lower-case common noun
/// that no mention covers (`crimes committed`, `documents found`, `fees charged`): a
/// reduced passive relative clause of that noun. A passive takes no object: a noun
/// phrase right after it says the tagger took a past tense for a participle (`a group
/// of deputies held talks`).
fn participle_after_noun(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::{Pos, Tag};
    let no_object = || {
        view.tags.get(t + 1).is_none_or(|g| {
            !matches!(
                g.pos(),
                Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Pron
            )
        })
    };
    // The noun is the object or in a phrase of an earlier verb (`has condemned the
    // crimes committed`); with no finite verb before, the participle is the tagger's
    // misreading of the clause's own verb (`ministers from the franc zone called for`).
    let earlier_verb = || {
        (view.start..t.saturating_sub(1)).any(|q| {
            view.tags.get(q).is_some_and(|g| {
                matches!(
                    g,
                    Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3 | Tag::Aux
                )
            })
        })
    };
    t > view.start
        && view.tags.get(t) == Some(&Tag::VerbPastParticiple)
        && view.tags.get(t - 1).is_some_and(|g| g.pos() == Pos::Noun)
        && view.text[view.tokens[t - 1].span()].starts_with(|c: char| c.is_lowercase())
        // `Oxfam today called on ...`: a day word is the time, not a noun.
        && !view.is_day_word(t - 1)
        && !super::triggers::in_mention(view.mentions, view.mention_ids, t - 1)
        && no_object()
        && earlier_verb()
}

/// The actor before an attack noun later in the clause of the passive violence at `t`:
/// the adjective or possessor of a noun that triggers an event (`by Pakistani shelling`,
/// `in an Israeli air strike`, `Israel's strikes`), with no clause boundary or other
/// verb between.
fn attack_actor(view: &SentenceView<'_>, t: usize) -> Option<usize> {
    use crate::tags::Pos;
    let end = view.end.min(t + 14);
    let mut q = t + 1;
    while q < end {
        let surface = &view.text[view.tokens[q].span()];
        // The clause ends at a boundary or at another verb (`as it attacked targets`).
        let compound = &view.text[view.tokens[q - 1].span()] == "-"; // `Indian-controlled`
        let verb = q > t + 1 && !compound && view.tags.get(q).is_some_and(|g| g.is_verb());
        if verb || matches!(surface, "," | ";" | ":" | "." | "(" | ")" | "—" | "–") {
            return None;
        }
        if let Some(m) = view.mention_at(q) {
            let mm = &view.mentions[m];
            let after = mm.end_token as usize;
            let attack = (after..(after + 2).min(view.end)).any(|a| {
                let word = &view.text[view.tokens[a].span()];
                view.is_trigger[a - view.start]
                    && view.tags.get(a).is_some_and(|g| {
                        g.pos() == Pos::Noun || (g.is_verb() && word.ends_with("ing"))
                    })
            });
            // Only the attack's own adjective or possessor (`Pakistani shelling`,
            // `Israel's strikes`): a name after a preposition is where it happened.
            let own = (mm.modifier || view.possessor(m)) && mm.kind != MentionKind::Pronoun;
            if attack && own && !mm.unknown_country() {
                return Some(m);
            }
            q = after.max(q + 1);
            continue;
        }
        q += 1;
    }
    None
}

/// An active verb: the pattern's `+`, else the subject (a reporting verb's speaker by
/// the rules of [`speech::reporting_speaker`]); the pattern's `$`, else an actor the
/// pattern's words ran into, the direct object, or a target further on.
fn active_roles(
    view: &SentenceView<'_>,
    quotes: &[bool],
    objects: &[usize],
    f: &mut Found,
    clause_start: usize,
) {
    f.source =
        f.m.source
            .map(|m| (m, false))
            .or_else(|| view.subject(clause_start, quotes, objects, f.quote));
    speech::reporting_speaker(view, f, clause_start);
    let mentions = view.mentions;
    f.target = f.m.target.or_else(|| {
        if f.reporting {
            return speech::statement_topic(view, f);
        }
        // `[topic]`: `talked about Afghanistan` names what was talked about.
        if f.topic {
            return None;
        }
        // An actor the pattern's words ran into (`summoned the German ambassador`),
        // else the direct object after the pattern.
        view.mention_ids
            .iter()
            .copied()
            .rfind(|&mi| {
                (mentions[mi].first_token as usize) < f.m.end
                    && (mentions[mi].end_token as usize) > f.trigger.1
                    && !view.possessor(mi)
            })
            .or_else(|| direct_object(view, f.m.end))
            .or_else(|| {
                // An appeal or demand asks its object to act (`urged the world community
                // to help X`): the infinitive's actors are the asked act's.
                let asks = matches!(f.code.root_number(), 2 | 10);
                further_target(view, f.m.end, f.source.map(|(s, _)| s), asks)
            })
    });
}

/// `has forced itself to the top of the agenda`, `the Community is extending itself
/// into new areas`: a verb whose object is a reflexive pronoun acts on its own subject,
/// and no actor named further on is its other side. A pattern's own target stays
/// (`distanced itself from X`).
fn reflexive_target(view: &SentenceView<'_>, f: &mut Found) {
    let after = f.trigger.1;
    if f.noun || after >= view.end {
        return;
    }
    let w = &view.text[view.tokens[after].span()];
    let reflexive = [
        "itself",
        "themselves",
        "himself",
        "herself",
        "ourselves",
        "myself",
    ]
    .iter()
    .any(|r| r.eq_ignore_ascii_case(w));
    // The pattern's target counts only where it is not the pronoun itself.
    let own_target =
        f.m.target
            .is_some_and(|m| view.mentions[m].first_token as usize != after);
    if reflexive && !own_target {
        f.target = None;
    }
}

/// `met at Geneva`, `the talks in Paris`: a city after `in` or `at` is where a
/// meeting or negotiation took place, not its other side. A visit's city is its host
/// (`arrived in Amman` -> JOR, 042), and force at a city hits it (`fired at Kyiv`).
fn venue_target(view: &SentenceView<'_>, f: &mut Found) {
    let Some(tg) = f.target else { return };
    let mm = &view.mentions[tg];
    let first = mm.first_token as usize;
    // A country named bare is a venue too (`met in Mexico to coordinate`): the other
    // side of a meeting is a party, not the land it is held in.
    let country = mm.kind == MentionKind::Country && mm.code.rest().is_empty();
    let city = mm.kind == MentionKind::Place || mm.capital || country;
    let after_in_or_at = first > view.start
        && view.words[first - 1] != UNKNOWN
        && matches!(view.lex.word(view.words[first - 1]), "in" | "at");
    let meeting = f.code.root_number() == 4 && !matches!(f.code.as_str(), "042" | "043");
    if city && after_in_or_at && meeting {
        f.target = None;
    }
}

/// `Indian aircraft launched strikes from Indian airspace`: the source's own country
/// (or a place in it) after `from` is where it acted from, no target. Only a place or
/// the bare country: `demanded autonomy from Serbian authorities`, `confiscated weapons
/// from Palestinian groups` take from the actor.
fn origin_target(view: &SentenceView<'_>, f: &mut Found) {
    let Some(tg) = f.target else { return };
    let mm = &view.mentions[tg];
    let first = mm.first_token as usize;
    let own_origin = first > view.start
        && &view.text[view.tokens[first - 1].span()] == "from"
        && (mm.kind == MentionKind::Place || mm.code.rest().is_empty())
        && f.source.is_some_and(|(s, _)| {
            let src = &view.mentions[s].code;
            country_like(src) && src.prefix() == mm.code.prefix()
        });
    if own_origin {
        f.target = None;
    }
}

/// Nouns of a gathering that a speech is given to.
const GATHERINGS: [&str; 17] = [
    "dinner",
    "luncheon",
    "lunch",
    "breakfast",
    "banquet",
    "conference",
    "convention",
    "meeting",
    "session",
    "rally",
    "audience",
    "gathering",
    "forum",
    "seminar",
    "symposium",
    "congress",
    "reception",
];

/// `told a financiers' dinner`, `told a party conference`, `told the Bank's closing
/// session`, `told a gathering of businessmen`: a statement's target that only names a gathering it was given to is its
/// audience, no interaction with that actor. The target mention is followed, within
/// three words (a possessive, adjectives, nouns), by a gathering noun.
fn audience_target(view: &SentenceView<'_>, f: &mut Found) {
    use crate::tags::Pos;
    let Some(tg) = f.target else { return };
    if f.code.root_number() != 1 {
        return;
    }
    let gathering = |q: usize| {
        let w = &view.text[view.tokens[q].span()];
        let singular = w.strip_suffix('s').unwrap_or(w);
        GATHERINGS
            .iter()
            .any(|g| g.eq_ignore_ascii_case(w) || g.eq_ignore_ascii_case(singular))
    };
    // `told a gathering here of British businessmen`, `told a congress of the Union of
    // Young Communists`: the gathering named before its members.
    let first = view.mentions[tg].first_token as usize;
    if (f.trigger.1..first).any(gathering) {
        f.target = None;
        return;
    }
    let end = view.mentions[tg].end_token as usize;
    for q in end..(end + 3).min(view.end) {
        if gathering(q) {
            f.target = None;
            return;
        }
        let w = &view.text[view.tokens[q].span()];
        let inside = matches!(w, "'s" | "’s" | "'" | "’")
            || view
                .tags
                .get(q)
                .is_some_and(|g| matches!(g.pos(), Pos::Adj | Pos::Noun | Pos::Propn | Pos::Part));
        if !inside {
            return;
        }
    }
}

/// `Syria offered its troops to Lebanon`: an actor of the source's own country is
/// seldom the target when another actor follows.
fn own_country_target(view: &SentenceView<'_>, f: &mut Found) {
    let mentions = view.mentions;
    if let (Some(tg), Some((src, _))) = (f.target, f.source)
        && mentions[tg].code.prefix() == mentions[src].code.prefix()
        && country_like(&mentions[src].code)
        && let Some(next) = direct_object(view, mentions[tg].end_token as usize)
        && mentions[next].code.prefix() != mentions[src].code.prefix()
    {
        f.target = Some(next);
    }
}

/// Whether a code starts with a country or region (not an organisation type).
fn country_like(code: &ActorCode) -> bool {
    !matches!(code.prefix(), "---" | "IGO" | "NGO" | "IMG" | "MNC")
}

/// The first mention after the trigger in its clause that can be an object.
pub(super) fn direct_object(view: &SentenceView<'_>, from: usize) -> Option<usize> {
    let mut t = from;
    while t < view.end && t < from + 6 {
        if view.is_boundary(t) {
            return None;
        }
        let c = view.lex.class(view.words[t]);
        if c.has(WordClass::SUBORDINATOR) && view.lex.word(view.words[t]) != "as"
            || c.has(WordClass::RELATIVE)
        {
            return None;
        }
        // An infinitive starts a clause of its own: `work together to advance their`.
        if view.lex.word(view.words[t]) == "to"
            && view.words[t] != UNKNOWN
            && t + 1 < view.end
            && view.is_trigger[t + 1 - view.start]
        {
            return None;
        }
        if let Some(m) = view.mention_at(t) {
            let mm = &view.mentions[m];
            let end = mm.end_token as usize;
            // `his Russian counterpart`, `Russia's army`: the possessed mention.
            if view.possessor(m) || mm.modifier {
                if let Some(next) = (end..(end + 3).min(view.end)).find_map(|q| view.mention_at(q))
                {
                    return Some(next);
                }
                // A possessive pronoun alone (`their cooperation`) is no object.
                if mm.kind == MentionKind::Pronoun {
                    t = end;
                    continue;
                }
            }
            // An actor of unknown country is a weak object: prefer a known one close by.
            if mm.unknown_country()
                && let Some(better) = (end..(end + 4).min(view.end))
                    .take_while(|&q| !view.is_boundary(q))
                    .find_map(|q| view.mention_at(q))
                    .filter(|&b| !view.mentions[b].unknown_country())
            {
                return Some(better);
            }
            return Some(m);
        }
        if view.is_trigger[t - view.start] && t > from {
            return None;
        }
        t += 1;
    }
    None
}

/// Words that open a new statement: a target is not sought past them, nor a subject
/// before them (`clause.rs` `subject`).
pub(super) const STATEMENT_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "stated",
    "announced",
    "reported",
    "according",
];

/// A target further on in the sentence, for an event whose pattern and direct object
/// gave none: `staged demonstrations to demand reforms by Suharto's government`,
/// `agreed to set up a centre in Tokyo`. The first actor after the trigger that is not
/// the source, a mere adjective, or past the start of another statement or of a
/// subordinate clause with its own subject ([`clause_opens`]); for an appeal or demand
/// (`asks`), not past an infinitive after its object.
fn further_target(
    view: &SentenceView<'_>,
    from: usize,
    source: Option<usize>,
    asks: bool,
) -> Option<usize> {
    let source_code = source.map(|s| view.mentions[s].code);
    let mut t = from;
    let mut object_noun = false;
    while t < view.end {
        let w = view.words[t];
        let surface = &view.text[view.tokens[t].span()];
        // `urged the world community to help the Palestinians`: for an appeal or demand
        // (`asks`), the infinitive after an object is that object's act, and its actors
        // are not this event's target.
        let infinitive = surface == "to"
            && view
                .tags
                .get(t + 1)
                .is_some_and(|g| *g == crate::tags::Tag::VerbBase);
        if (asks && infinitive && object_noun)
            || clause_opens(view, t)
            || coordinated_predicate(view, t)
        {
            return None;
        }
        object_noun |= view.tags.get(t).is_some_and(|g| g.is_noun());
        // `..., urging adherence to the Constitution of Pakistan`: a participle clause
        // after a comma has its own event and its own actors.
        let participle_clause = surface == ","
            && t + 1 < view.end
            && view.text[view.tokens[t + 1].span()].ends_with("ing")
            && view.tags.get(t + 1).is_some_and(|g| g.is_verb());
        if surface == ";"
            || participle_clause
            || (w != UNKNOWN && STATEMENT_WORDS.contains(&view.lex.word(w)))
            || view.lex.class(w).has(WordClass::RELATIVE) && view.lex.word(w) != "that"
        {
            return None;
        }
        if let Some(m) = view.mention_at(t) {
            let mm = &view.mentions[m];
            let end = mm.end_token as usize;
            // The speaker of another statement (`..., a senior official said`, `the
            // Iranian news agency IRNA reported`: a name in apposition between).
            let after = view
                .mention_at(end)
                .map_or(end, |n| view.mentions[n].end_token as usize);
            if after < view.end
                && view.words[after] != UNKNOWN
                && STATEMENT_WORDS.contains(&view.lex.word(view.words[after]))
            {
                return None;
            }
            let own = Some(mm.code) == source_code
                || source.is_some_and(|s| mm.group.is_some() && mm.group == view.mentions[s].group);
            let possessive_pronoun = mm.kind == MentionKind::Pronoun && view.possessor(m);
            let weak = own || mm.modifier || possessive_pronoun || mm.unknown_country();
            if !weak {
                return Some(m);
            }
            t = end.max(t + 1);
            continue;
        }
        t += 1;
    }
    None
}

/// Whether a second predicate of the same subject opens at `t`: `and` or `but`, then
/// a finite verb (`denied the charges and accused Uganda`): its actors are its own.
/// Right after a verb, `and` joins two verbs of one object (`attacked and destroyed an
/// Iranian platform`).
fn coordinated_predicate(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::Tag;
    let surface = &view.text[view.tokens[t].span()];
    matches!(surface, "and" | "but")
        && t > view.start
        && !view.tags.get(t - 1).is_some_and(|g| g.is_verb())
        && view
            .tags
            .get(t + 1)
            .is_some_and(|g| matches!(g, Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3))
}

/// Whether a subordinate or coordinated clause with a subject of its own opens at `t`:
/// `after`, `before`, `when`, `because`, `and`, `but` ... then an actor and a finite
/// verb (`resumed talks after Uganda withdrew`): that actor is the clause's subject, no
/// target of the verb before; or any other noun phrase and a finite verb (`apologised,
/// but critics have called for him to visit Poland`): the actors after it are that
/// clause's. A condition is not such a clause: `threatened to walk out unless Israel
/// rescinded ...` threatens Israel.
fn clause_opens(view: &SentenceView<'_>, t: usize) -> bool {
    let w = view.words[t];
    if w == UNKNOWN {
        return false;
    }
    // `rejected such action and Mexican finance minister X said ...`: a coordinated
    // clause with its own subject opens the same way.
    let coordinator = matches!(view.lex.word(w), "and" | "but");
    if !coordinator
        && (!view.lex.class(w).has(WordClass::SUBORDINATOR)
            || matches!(view.lex.word(w), "that" | "as" | "if" | "unless"))
    {
        return false;
    }
    let actor_subject = (t + 1..(t + 4).min(view.end)).any(|q| {
        view.mention_at(q).is_some_and(|m| {
            let end = view.mentions[m].end_token as usize;
            view.tags
                .get(end)
                .is_some_and(|g| g.is_verb() || g.pos() == crate::tags::Pos::Aux)
        })
    });
    actor_subject || noun_subject_follows(view, t + 1)
}

/// Whether a noun phrase opens at `from` and a finite verb follows it: `and
/// negotiations were continuing`, `but critics have called`, `and France, Denmark and
/// Belgium showed` (a list of names).
fn noun_subject_follows(view: &SentenceView<'_>, from: usize) -> bool {
    use crate::tags::Tag;
    let mut noun = false;
    for q in from..(from + 10).min(view.end) {
        let Some(&g) = view.tags.get(q) else {
            return false;
        };
        if view.mention_at(q).is_some() {
            noun = true;
            continue;
        }
        let surface = &view.text[view.tokens[q].span()];
        match g {
            Tag::Det | Tag::Adj | Tag::Num | Tag::Part => {}
            Tag::Punct | Tag::Cconj if noun && matches!(surface, "," | "and" | "or") => {}
            Tag::Noun | Tag::Propn | Tag::Pron => noun = true,
            Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3 | Tag::Aux => return noun,
            _ => return false,
        }
    }
    false
}

/// A participle after a comma (`..., saying X`), or one with no subject of its own
/// (`issued a statement denouncing X`), shares the subject of the first earlier
/// event outside quotations that has one.
pub(super) fn participle_subjects(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    found: &mut [Found],
) {
    for i in 1..found.len() {
        let t = found[i].trigger.0;
        let gerund = !found[i].noun
            && coder
                .patterns
                .verbs
                .get(&view.words[t])
                .is_some_and(|v| v.iter().any(|(_, f)| *f == VerbForm::Gerund));
        // `warned against campaigns targeting the military`, `a House committee probing
        // the expansion`: the noun before the participle is its subject, no actor.
        if gerund && noun_before_participle(view, t) {
            found[i].source = None;
            continue;
        }
        let subjectless = found[i].source.is_none_or(|(_, weak)| weak);
        if gerund
            && t > view.start
            && (&view.text[view.tokens[t - 1].span()] == "," || subjectless)
            && let Some(main) = found[..i].iter().find(|f| !f.quote && f.source.is_some())
        {
            found[i].source = main.source;
        }
    }
}

/// Whether the `-ing` participle at `t` follows a lower-case common noun that no
/// mention covers, in a noun phrase after a preposition (`against campaigns targeting`,
/// `before a House committee probing`, `on forms ordering`): a reduced relative clause
/// whose subject is that noun. After a verb the noun may be the verb's message (`issued
/// a statement denouncing X`: the issuer's), which the caller leaves alone.
fn noun_before_participle(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::Pos;
    let noun = |q: usize| {
        view.tags.get(q).is_some_and(|g| g.pos() == Pos::Noun)
            && view.text[view.tokens[q].span()].starts_with(|c: char| c.is_lowercase())
            && !super::triggers::in_mention(view.mentions, view.mention_ids, q)
    };
    if t <= view.start || !noun(t - 1) {
        return false;
    }
    // Back over the noun phrase: nouns, adjectives, names, determiners.
    let mut q = t - 1;
    while q > view.start {
        let phrase = view.tags.get(q - 1).is_some_and(|g| {
            matches!(
                g.pos(),
                Pos::Noun | Pos::Propn | Pos::Adj | Pos::Det | Pos::Num
            )
        });
        if !phrase || view.is_boundary(q - 1) {
            break;
        }
        q -= 1;
    }
    q > view.start && view.tags.get(q - 1).is_some_and(|g| g.pos() == Pos::Adp)
}

/// Words that open a time clause whose gerund has no subject of its own.
const TIME_SUBORDINATORS: [&str; 6] = ["before", "after", "while", "since", "upon", "when"];

/// A gerund right after `before`, `after`, `while`, `since`, `upon` or `when` is done by
/// the subject of the clause it modifies: `Funaro will be explaining X to the IMF's
/// Camdessus before travelling to Europe` (Funaro travels, not Camdessus), `He told
/// reporters before meeting X` (he meets X). That subject is the subject of the nearest
/// finite verb before the subordinator; where it is no known actor the event has no
/// source, since the nearest actor before the gerund is no stand-in for it.
pub(super) fn adverbial_subjects(
    view: &SentenceView<'_>,
    quotes: &[bool],
    objects: &[usize],
    found: &mut [Found],
) {
    use crate::tags::Tag;
    for f in found.iter_mut() {
        let t = f.trigger.0;
        // The tagger reads some bare gerunds as nouns (`before meeting with X`); an
        // `-ing` word right after the subordinator, with no determiner, is the verb.
        let word = &view.text[view.tokens[t].span()];
        let gerund = view.tags.get(t) == Some(&Tag::VerbGerund)
            || (word.ends_with("ing") && word.starts_with(|c: char| c.is_lowercase()));
        if !gerund || f.m.source.is_some() || t <= view.start + 1 {
            continue;
        }
        let sub = &view.text[view.tokens[t - 1].span()];
        if !TIME_SUBORDINATORS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(sub))
        {
            continue;
        }
        let Some(main) = view.finite_verb_before(t - 1) else {
            continue;
        };
        let group = view.verb_group(main, false).start;
        f.source = view.subject(group, quotes, objects, f.quote);
    }
}

/// Conjoined verbs share a subject: `welcomed X, but said ...`, `urged X and pressured
/// Y` (the previous verb at the same level: not an embedded one), unless the second
/// verb has a subject of its own between the two.
pub(super) fn conjoined_subjects(view: &SentenceView<'_>, found: &mut [Found], objects: &[usize]) {
    let (words, lex, mentions) = (view.words, view.lex, view.mentions);
    for i in 1..found.len() {
        let Some(p) = (0..i).rev().find(|&p| {
            !found[p].embedded
                && !found[p].infinitive
                && found[p].m.frame_token != Some(found[i].trigger.0)
        }) else {
            continue;
        };
        let (t, prev_t) = (found[i].trigger.0, found[p].trigger.0);
        let joined = (prev_t + 1..t)
            .rev()
            .take(6)
            .any(|q| matches!(lex.word(words[q]), "and" | "but" | "or") && words[q] != UNKNOWN);
        if found[i].noun {
            continue;
        }
        let weak = found[i]
            .source
            .is_none_or(|(m, weak)| weak || Some(m) == found[p].target || objects.contains(&m));
        // `warned stores ... and Reebok has sued two`: a name no dictionary knows right
        // before the verb group is its own subject, an unknown actor (read last: only
        // where a subject would be shared).
        if joined
            && weak
            && found[p].source.is_some()
            && !found[i].passive
            && !view.unknown_name_before(view.verb_group(t, false).start)
        {
            let no_own_subject = !(prev_t + 1..t).any(|q| {
                view.mention_ids.iter().any(|&mi| {
                    mentions[mi].first_token as usize == q
                        && !objects.contains(&mi)
                        && !view.governed(mi)
                        && !view.possessor(mi)
                })
            });
            if no_own_subject {
                found[i].source = found[p].source;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{Step, probe};

    #[test]
    fn the_subject_is_the_source_and_the_object_the_target() {
        let p = probe("Venezuela expelled the Colombian ambassador.", Step::Roles);
        assert_eq!(p.source("expelled"), Some("Venezuela"));
        assert!(
            p.target("expelled")
                .is_some_and(|t| t.contains("Colombian ambassador"))
        );
    }

    #[test]
    fn in_the_passive_the_by_agent_acts_on_the_subject() {
        let p = probe(
            "The Colombian ambassador was expelled by Venezuela.",
            Step::Roles,
        );
        assert_eq!(p.source("expelled"), Some("Venezuela"));
        assert!(
            p.target("expelled")
                .is_some_and(|t| t.contains("Colombian ambassador"))
        );
    }

    #[test]
    fn an_event_noun_takes_its_possessor_as_source() {
        let p = probe("Russia's invasion of Ukraine angered Poland.", Step::Roles);
        assert_eq!(p.source("invasion"), Some("Russia"));
        assert_eq!(p.target("invasion"), Some("Ukraine"));
    }

    #[test]
    fn a_participle_shares_the_subject_of_the_main_verb() {
        let text = "France issued a statement condemning Iran.";
        let p = probe(text, Step::Participles);
        assert_eq!(p.source("condemning"), Some("France"));
        assert_eq!(p.target("condemning"), Some("Iran"));
    }

    #[test]
    fn the_speaker_of_a_trailing_statement_is_no_further_target() {
        let text = "Russian forces shelled the town for hours, a senior Ukrainian official said.";
        let p = probe(text, Step::Roles);
        assert_eq!(p.source("shelled"), Some("Russian forces"));
        assert_eq!(p.target("shelled"), None);
        // A name in apposition between the speaker and its verb.
        let text = "Syrian forces carried out a raid, the Iranian news agency IRNA reported.";
        let p = probe(text, Step::Roles);
        assert_eq!(p.target("carried"), None);
        let p = probe(
            "Japan staged protests to demand talks with China.",
            Step::Roles,
        );
        assert_eq!(p.target("staged"), Some("China"));
    }

    #[test]
    fn conjoined_verbs_share_a_subject() {
        let p = probe(
            "Japan welcomed the talks and praised China.",
            Step::Conjoined,
        );
        assert_eq!(p.source("praised"), Some("Japan"));
        assert_eq!(p.target("praised"), Some("China"));
    }
}
