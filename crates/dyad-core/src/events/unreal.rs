//! Events that the verb group reads as asserted (or as the actor's future) but that the
//! sentence tells as only possible: propositions (`accused of shelling`), wishes (`don't
//! let the Tories wreck it`), possibilities (`the risk of an attack`), events called off
//! (`postponed his trip`), forecasts (`analysts predict China will work with Brazil`).
//! [`unreal`] is read by the trigger step (`triggers.rs`); every such event is
//! hypothetical, and so withheld from the default output (docs/conventions.md, section 4).

use super::Mode;
use super::clause::VerbGroup;
use super::patterns::SentenceView;
use crate::lexicon::UNKNOWN;

/// Whether a gerund whose verb group starts at `start` is the complement of a
/// preposition that makes it a proposition rather than an act: `a plan for deploying
/// troops`, `accused of killing`, `talks on ending the war`, `barred from entering`.
/// `after`, `before`, `by` and `while` head acts that happened and are not here; so do
/// the factive `guilty of` and `responsible for` (a finding that the act took place).
fn gerund_complement(view: &SentenceView<'_>, start: usize) -> bool {
    let factive = |t: usize| {
        let w = &view.text[view.tokens[t].span()];
        w.eq_ignore_ascii_case("guilty") || w.eq_ignore_ascii_case("responsible")
    };
    start > view.start
        && view.words[start - 1] != UNKNOWN
        && matches!(
            view.lex.word(view.words[start - 1]),
            "for" | "of" | "on" | "about" | "with" | "from" | "against" | "as"
        )
        && !(start > view.start + 1 && factive(start - 2))
}

/// [`gerund_complement`] with the gerund's own subject pronoun between (`without risk
/// of them being tortured`, `fears of it attacking`); and for a passive gerund
/// (`being tortured`) as for an active one.
fn complement_with_subject(view: &SentenceView<'_>, start: usize) -> bool {
    let pronoun = start > view.start
        && is(
            view,
            start - 1,
            &["them", "him", "her", "it", "us", "their", "his", "its"],
        );
    gerund_complement(view, start) || (pronoun && gerund_complement(view, start - 1))
}

/// Whether the event at `t`, read with verb group `group`, is only possible though its
/// verb group reads as asserted or future: a question, a gerund that is a noun's or
/// verb's content (`accused of shelling`) or the means of a refusal (`will not follow
/// Brazil by suspending`), a reduced relative under a modal, the verb of an imperative
/// `let`, a possibility (`the risk of an Iranian attack`), an event called off
/// (`postpones trip to Norway`), someone's forecast rather than the actor's stated
/// intention (`analysts predict China will work with Brazil`), a hope.
pub(super) fn unreal(
    view: &SentenceView<'_>,
    t: usize,
    as_noun: bool,
    gerund: bool,
    group: &VerbGroup,
) -> bool {
    let asserted = group.mode == Mode::Asserted;
    // `will those briefers suggest their man is unhappy ...?`: a question asserts nothing.
    if matches!(group.mode, Mode::Asserted | Mode::Future)
        && (question(view) || reported_question(view, group.start))
    {
        return true;
    }
    let verb_gerund = !as_noun && gerund && asserted;
    let being = !as_noun && asserted && is(view, group.start, &["being"]);
    (being && complement_with_subject(view, group.start))
        || (verb_gerund
            && (complement_with_subject(view, group.start)
                || means_of_negated(view, group.start)
                || relative_under_modal(view, group.start)
                || gerund_subject(view, group.start)
                || time_clause_ahead(view, group.start)))
        || (!as_noun && asserted && after_imperative_let(view, group.start))
        || (as_noun && asserted && (possibility_of(view, t) || unrealized_noun(view, t)))
        || (asserted
            && (as_noun || tagged_noun(view, t))
            && (called_off(view, t) || may_occur(view, t)))
        || (group.mode == Mode::Future && after_forecast(view, group.start))
        || (asserted && !as_noun && after_hope(view, group.start))
        || (matches!(group.mode, Mode::Asserted | Mode::Future)
            && after_denial(view, if as_noun { t } else { group.start }))
}

/// The tokens before `at`, nearest first: at most `span` of them, none past a clause
/// boundary. Every reading here looks back over the clause this way.
fn clause_before<'v>(
    view: &'v SentenceView<'_>,
    at: usize,
    span: usize,
) -> impl Iterator<Item = usize> + 'v {
    let floor = at.saturating_sub(span).max(view.start);
    (floor..at).rev().take_while(move |&q| !view.is_boundary(q))
}

/// Whether token `q` is one of `words`, case aside (compared in place: no allocation
/// on the coder's path).
fn is(view: &SentenceView<'_>, q: usize, words: &[&str]) -> bool {
    let w = &view.text[view.tokens[q].span()];
    words.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether token `q` starts with one of `stems`, case aside (`postponed`, `cancels`).
fn starts_with_any(view: &SentenceView<'_>, q: usize, stems: &[&str]) -> bool {
    let w = &view.text[view.tokens[q].span()];
    stems
        .iter()
        .any(|x| w.get(..x.len()).is_some_and(|h| h.eq_ignore_ascii_case(x)))
}

/// Modals of possibility.
const POSSIBLE: [&str; 7] = ["will", "would", "may", "might", "could", "should", "must"];

/// Whether the sentence is a question: its last token is `?` (a quoted question too).
fn question(view: &SentenceView<'_>) -> bool {
    (view.start..view.end)
        .rev()
        .map(|q| &view.text[view.tokens[q].span()])
        .find(|w| !matches!(*w, "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(|w| w == "?")
}

/// Whether the verb group at `start` is in a reported question (`asked why the
/// government was agreeing to the measure`): `why` or `how` right after `ask` or
/// `wonder`, within eight tokens before, no boundary between.
fn reported_question(view: &SentenceView<'_>, start: usize) -> bool {
    clause_before(view, start, 8).any(|q| {
        q > view.start
            && is(view, q, &["why", "how"])
            && is(
                view,
                q - 1,
                &[
                    "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered",
                ],
            )
    })
}

/// Whether an `-ing` participle at `start` right after a noun (a reduced relative:
/// `a statement instructing ministers to negotiate`) sits in a clause that a modal
/// makes unreal (`the U.S. will press for a statement instructing ...`): `will`,
/// `would`, `may`, `might`, `could`, `should` or `must` within ten tokens before, no
/// boundary between.
fn relative_under_modal(view: &SentenceView<'_>, start: usize) -> bool {
    start > view.start
        && view.tags.get(start - 1).is_some_and(|g| g.is_noun())
        && clause_before(view, start, 10).any(|q| is(view, q, &POSSIBLE))
}

/// Whether the gerund at `start` is the subject of its clause (`the minister said ending
/// restrictions on car imports would not harm the economy`, `said subsidising state
/// firms' losses cost billions`): it opens the sentence or follows `that` or a verb of
/// saying, has an object, and the clause's own verb (a modal, an auxiliary or a finite
/// verb) follows within sixteen tokens with no boundary between. The act is weighed,
/// not reported.
fn gerund_subject(view: &SentenceView<'_>, start: usize) -> bool {
    use crate::tags::Pos;
    use crate::tags::Tag;
    let opens = start == view.start
        || is(view, start - 1, &["that"])
        || is(view, start - 1, super::roles::STATEMENT_WORDS);
    // With an object it is an act named (`ending restrictions`); alone it is an event
    // noun that may be reported (`fighting continues`).
    let object = view.tags.get(start + 1).is_some_and(|g| {
        matches!(
            g.pos(),
            Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Pron
        )
    });
    opens
        && object
        && (start + 1..view.end.min(start + 16))
            .take_while(|&q| !view.is_boundary(q))
            .any(|q| {
                view.tags.get(q).is_some_and(|g| {
                    matches!(
                        g,
                        Tag::Aux | Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3
                    )
                })
            })
}

/// Whether a verb of hoping opens the clause of the verb group at `start` (`one can
/// only hope the public recognise these extremists and shun them`): a wish, not an
/// act. Within eight tokens before, no boundary between, and not `hope to` (an
/// intention, read by the verb group).
fn after_hope(view: &SentenceView<'_>, start: usize) -> bool {
    const HOPE: [&str; 7] = [
        "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished",
    ];
    clause_before(view, start, 8).any(|q| is(view, q, &HOPE) && !is(view, q + 1, &["to"]))
}

/// Whether a verb of denial opens the clause of the verb group at `start` (`denied that
/// Kenya was arming the rebels`, `denies Kuwait is pumping above its quota`): what is
/// denied is not asserted. Within eight tokens before, no boundary between; not the
/// gerund of `denied having` (the denial's own content, coded 016 by its pattern), nor
/// past `and`, `but` or another verb of saying (`denied the report and said Ugandan
/// troops had shelled the border`: the shelling is what was said).
fn after_denial(view: &SentenceView<'_>, start: usize) -> bool {
    const DENY: [&str; 8] = [
        "deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "refuting",
    ];
    for q in clause_before(view, start, 8) {
        if is(view, q, &DENY) {
            return q + 1 < start;
        }
        if is(view, q, &["and", "but"]) || is(view, q, super::roles::STATEMENT_WORDS) {
            return false;
        }
    }
    false
}

/// Whether the tagger reads the word at `t` as a noun (`to end terror attacks on
/// Israel`, where the coder may read `attacks` as a verb).
fn tagged_noun(view: &SentenceView<'_>, t: usize) -> bool {
    view.tags.get(t).is_some_and(|g| g.is_noun())
}

/// Whether the event noun at `t` is the object of a verb that calls it off or keeps
/// it from happening (`postpones trip to Norway`, `cancelled the talks`, `efforts to end
/// terror attacks`, `to prevent attacks`): within three tokens before it, no boundary
/// between.
fn called_off(view: &SentenceView<'_>, t: usize) -> bool {
    const STEMS: [&str; 11] = [
        "postpone", "cancel", "delay", "scrap", "shelve", "suspend", "prevent", "avert", "stop",
        "halt", "curb",
    ];
    clause_before(view, t, 4).any(|q| {
        let calls_off =
            starts_with_any(view, q, &STEMS) || is(view, q, &["end", "ends", "ended", "ending"]);
        // Not `open-ended`, nor `will never stop its war` (it goes on).
        let compound = q > view.start && is(view, q - 1, &["-"]);
        let negated =
            (q.saturating_sub(2).max(view.start)..q).any(|p| is(view, p, &["not", "n't", "never"]));
        calls_off && !compound && !negated
    })
}

/// Whether a gerund at `start` after `by` is the means of a negated, only possible or
/// not yet done verb (`will not follow Brazil by suspending repayments`, `Tokyo may try
/// to blunt the stance by offering to scrap the quota`, `wants to punish fans by banning
/// them`): a negation, a modal or an infinitive's `to` within eight tokens before `by`,
/// no boundary between. The means shares its verb's mode; an asserted verb's means
/// happened (`responded to the crisis by sending troops`: `to` is a preposition there).
fn means_of_negated(view: &SentenceView<'_>, start: usize) -> bool {
    use crate::tags::Tag;
    start > view.start
        && is(view, start - 1, &["by"])
        && clause_before(view, start - 1, 8).any(|q| {
            is(
                view,
                q,
                &[
                    "not", "n't", "never", "may", "might", "could", "would", "will", "shall",
                    "should", "must",
                ],
            ) || (is(view, q, &["to"]) && view.tags.get(q) == Some(&Tag::Part))
        })
}

/// Whether a gerund at `start` after `before` or `until` (or `after`, `once`, `when`)
/// tells an act still ahead of its main clause: `will visit Berlin before travelling to
/// Moscow`, `is due to meet X before holding talks`, `are insisting on controls before
/// agreeing`, `will hold talks after meeting X`. The main clause's nearest finite verb
/// decides: a modal for any of these words, a present `be` for `before` and `until`. A
/// past main clause tells acts that happened (`was in Kenya before travelling`), and a
/// present lexical verb may be a headline's past (`meets Bush before flying`).
fn time_clause_ahead(view: &SentenceView<'_>, start: usize) -> bool {
    use crate::tags::{Pos, Tag};
    if start <= view.start {
        return false;
    }
    let sub = start - 1;
    let before = is(view, sub, &["before", "until"]);
    if !before && !is(view, sub, &["after", "once", "when"]) {
        return false;
    }
    let finite = |q: usize| {
        view.tags.get(q).is_some_and(|g| {
            matches!(
                g,
                Tag::Aux | Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3
            )
        })
    };
    let Some(last) = view.finite_verb_before(sub) else {
        return false;
    };
    // The main clause's verb group, back from its last auxiliary or finite verb
    // (`will be explaining`, `is due to`, `are not insisting`).
    let mut q = last;
    loop {
        let adverb = view
            .tags
            .get(q)
            .is_some_and(|g| matches!(g.pos(), Pos::Adv | Pos::Part));
        if !finite(q) && !adverb {
            return false;
        }
        // `in May before travelling`: the month, not the modal.
        let month = q > view.start
            && view.tokens[q]
                .flags
                .contains(crate::segment::TokenFlags::CAPITALIZED);
        if (is(view, q, &POSSIBLE) && !month) || is(view, q, &["shall", "'ll", "can"]) {
            return true;
        }
        if is(view, q, &["is", "are", "am", "'re"]) {
            return before;
        }
        if q == view.start {
            return false;
        }
        q -= 1;
    }
}

/// Whether the verb at `start` is the object verb of an imperative or negated `let`
/// (`Don't let the Tories wreck it`, `Let them vote`): a wish, not an act. `let` within
/// four tokens before, opening the sentence or after a negation.
fn after_imperative_let(view: &SentenceView<'_>, start: usize) -> bool {
    clause_before(view, start, 5).any(|q| {
        is(view, q, &["let"])
            && (q == view.start || is(view, q - 1, &["n't", "not", "never", "\"", "“", "-", "–"]))
    })
}

/// Nouns of possibility: an event noun after `NOUN of` is only possible.
const POSSIBILITY_NOUNS: [&str; 9] = [
    "risk",
    "danger",
    "possibility",
    "prospect",
    "prospects",
    "likelihood",
    "chance",
    "chances",
    "spectre",
];

/// Whether the event noun at `t` is governed by a noun of possibility (`the risk of
/// Iranian attack`, `the prospect of fresh talks with Iran`): `of` within three tokens
/// before it, with no boundary between, right after such a noun.
fn possibility_of(view: &SentenceView<'_>, t: usize) -> bool {
    clause_before(view, t, 4)
        .any(|q| q > view.start && is(view, q, &["of"]) && is(view, q - 1, &POSSIBILITY_NOUNS))
}

/// Words before an event noun that make it a kind of act or one still to come, not an
/// act that took place: `such attacks`, `any Iranian attack`, `possible Canadian
/// sanctions`, `a threatened strike`, `an expected government strike`, `the planned
/// talks`, `future negotiations`.
const UNREALIZED: [&str; 15] = [
    "such",
    "any",
    "similar",
    "future",
    "potential",
    "possible",
    "planned",
    "proposed",
    "upcoming",
    "forthcoming",
    "prospective",
    "expected",
    "intended",
    "threatened",
    "hypothetical",
];

/// Whether the event noun at `t` has one of [`UNREALIZED`] in its noun phrase: at most
/// four words before it, each a determiner, adjective, noun, name or number.
fn unrealized_noun(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::Pos;
    let floor = t.saturating_sub(4).max(view.start);
    (floor..t)
        .rev()
        .take_while(|&q| {
            !view.is_boundary(q)
                && view.tags.get(q).is_some_and(|g| {
                    matches!(
                        g.pos(),
                        Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num | Pos::Verb
                    )
                })
        })
        .any(|q| is(view, q, &UNREALIZED))
}

/// Verbs of an event's occurring: after a modal, the event noun they follow is only
/// possible.
const OCCUR: [&str; 10] = [
    "happen", "occur", "take", "break", "erupt", "follow", "come", "start", "begin", "resume",
];

/// Whether the event noun at `t` is the subject of a modal and a verb of occurring
/// within six words after it, no boundary between (`a Madrid-style bombing could happen
/// in the UK too`, `fighting may break out again`): the event is a possibility.
fn may_occur(view: &SentenceView<'_>, t: usize) -> bool {
    let end = (t + 7).min(view.end);
    (t + 1..end).take_while(|&q| !view.is_boundary(q)).any(|q| {
        // `could also happen`: one adverb may stand between.
        let verb = if view
            .tags
            .get(q + 1)
            .is_some_and(|g| *g == crate::tags::Tag::Adv)
        {
            q + 2
        } else {
            q + 1
        };
        is(view, q, &["could", "might", "may", "would", "will", "can"])
            && verb < view.end
            && is(view, verb, &OCCUR)
    })
}

/// Verbs (and adjectives) of forecasting: a future event in their content clause is
/// the forecaster's guess, not its actor's intention (`it is unlikely that Japan will
/// agree`).
const FORECAST_VERBS: [&str; 14] = [
    "likely",
    "unlikely",
    "predict",
    "predicts",
    "predicted",
    "forecast",
    "forecasts",
    "forecasted",
    "expect",
    "expects",
    "expected",
    "anticipate",
    "anticipates",
    "anticipated",
];

/// Whether a forecast verb opens the clause of the verb group starting at `start`
/// (`Many predict that China will work with Brazil`, `analysts expect Japan will cut
/// rates`): within eight tokens before it, no boundary between, and not followed by
/// `to` (an infinitive's forecast is read in `clause.rs` `forecast`).
fn after_forecast(view: &SentenceView<'_>, start: usize) -> bool {
    clause_before(view, start, 8).any(|q| is(view, q, &FORECAST_VERBS) && !is(view, q + 1, &["to"]))
}
