//! From findings to events: the final code ([`super::frames::frame_code`], then
//! [`super::modes::settle`]), the cues of the confidence model
//! ([`super::confidence`]), which secondary events are too unsure to report, and
//! compounds ([`super::expand`]).

use super::confidence::{Cues, TriggerTag};
use super::patterns::SentenceView;
use super::{Event, EventCoder, Found, Mode, expand, frames, modes, primary};
use crate::actors::Mention;
use crate::codes::{ActorCode, EventCode};

/// Appends the events of the codable findings of one sentence to `out`; `main` is the
/// index of the sentence's main event.
pub(super) fn events(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    sentence: u32,
    found: &[Found],
    main: Option<usize>,
    out: &mut Vec<Event>,
) {
    let mentions = view.mentions;
    for (i, f) in found.iter().enumerate() {
        if !primary::codable(f) {
            continue;
        }
        let (source, weak_source) = match f.source {
            Some((s, weak)) => (Some(s), weak),
            None => (None, false),
        };
        // A secondary event whose source is only the nearest actor is too unsure to
        // report; the sentence's main event is kept, flagged by its confidence.
        // Likewise a secondary event whose source has no known country (`officials`,
        // an unknown agent of a passive).
        let unknown_source = source.is_none_or(|s| mentions[s].unknown_country());
        if (weak_source || unknown_source) && Some(i) != main {
            continue;
        }
        let event = event(coder, view, sentence, f, found, Some(i) == main);
        let before = out.len();
        let pattern = &coder.patterns.entries[f.entry as usize].patterns[f.m.pattern];
        let reply = pattern
            .reply
            .and_then(|code| reply_of(&event, code, mentions));
        // A paired code with no target: a compound source's members act on each other.
        let mutual = pattern.reply.is_some() && event.target.is_none();
        // An intention to meet or negotiate (`Egypt is willing to negotiate with
        // Israel`) is one side's: the other has not said it would.
        let intent = event.mode == Mode::Future || event.code.root_number() == 3;
        expand::expand(
            event,
            mentions,
            pattern.reciprocal || mutual,
            f.m.target.is_some() && !intent,
            out,
        );
        if let Some(reply) = reply {
            expand::expand(reply, mentions, false, true, out);
        }
        expand::drop_repeats(out, before);
    }
}

/// The event of one finding, before compounds are expanded.
fn event(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    sentence: u32,
    f: &Found,
    found: &[Found],
    primary: bool,
) -> Event {
    let mentions = view.mentions;
    let (mut source, mut weak_source) = match f.source {
        Some((s, weak)) => (Some(s), weak),
        None => (None, false),
    };
    let mut target = f.target;
    // `the Geneva talks`: the city is where, not who.
    // `military action taken by India`: an adjective, not the army; `Mr Houston`: a
    // man, not the city.
    // (`Israeli military policies`: the country's, not its army's.)
    let names_event = |m: &usize| {
        view.names_an_event(&coder.patterns, *m)
            || (view.adjective_of_noun(*m) && mentions[*m].code.prefix() == "---")
            || view.place_after_honorific(*m)
            || view.maker_of_thing(*m)
    };
    let code_of = |m: usize| {
        let code = mentions[m].code;
        if view.adjective_of_noun(m) {
            ActorCode::new(code.prefix()).unwrap_or(code)
        } else {
            code
        }
    };
    if source.is_some_and(|s| names_event(&s)) {
        (source, weak_source) = (None, false);
    }
    target = target.filter(|t| !names_event(t));
    let ce = &coder.patterns.entries[f.entry as usize];
    // A reversed code (`:173`): the target acts on the source.
    if ce.patterns[f.m.pattern].reversed {
        (source, target) = (target, source);
        weak_source = false;
    }
    let (code, derived_from) = frames::frame_code(coder, f, found);
    // `the minister expressed confidence Canada would win its case`, `a mock election
    // backed by the government` (in Britain), `police are investigating a fraud in
    // Lima`: a comment, appeal, aid, inquiry, rejection or demand addressed to one's own
    // country named bare is about it, or where it happens; no recipient. (Intentions,
    // threats, concessions, accusations, protest and force keep it, as the PLOVER gold
    // does: `agreed to postpone the demonstration in Baku`, a curfew over the country.)
    if let (Some(s), Some(t)) = (source, target)
        && matches!(code.root_number(), 1 | 2 | 4..=7 | 9 | 10 | 12 | 16)
        && own_country(&mentions[s].code, &mentions[t].code)
    {
        target = None;
    }
    let (code, derived_from, mode) = modes::settle(coder, view, f, code, derived_from);
    let (code, derived_from) = match (source, target) {
        (Some(s), Some(t)) if verbal_attack(view, f, &code, &mentions[s], &mentions[t]) => (
            EventCode::new("111").expect("valid code"),
            derived_from.or(Some(code)),
        ),
        _ => (code, derived_from),
    };
    Event {
        sentence,
        code,
        source,
        source_code: source.map_or(ActorCode::new("---").expect("valid code"), code_of),
        target,
        target_code: target.map(code_of),
        trigger_start: f.trigger.0 as u32,
        trigger_end: f.trigger.1 as u32,
        mode,
        primary,
        quote: f.quote,
        group: None,
        rule: ce.patterns[f.m.pattern].origin,
        derived_from,
        // Set by `confidence::assign` once the story's domain is known.
        confidence: 0.0,
        weak_source,
        cues: cues(view, f, ce.added, ce.patterns[f.m.pattern].is_bare()),
        lemma: ce.lemma.clone(),
        date: None,
        location: None,
    }
}

/// Whether `target` is the bare country (no role) of `source`'s own country.
fn own_country(source: &ActorCode, target: &ActorCode) -> bool {
    target.rest().is_empty()
        && target.prefix() == source.prefix()
        && !matches!(source.prefix(), "---" | "IGO" | "NGO")
}

/// Roles of political life: who attacks, and is attacked, in words.
const POLITICAL_ROLES: [&str; 6] = ["GOV", "ELI", "LEG", "PTY", "OPP", "JUD"];

/// The role code after the country (`GOV` of `KENGOV`), empty when there is none.
fn role_of(m: &crate::actors::Mention) -> &str {
    m.code.rest().get(..3).unwrap_or("")
}

/// Whether a force verb between political actors is a verbal attack (`Mbeki attacked
/// British imperialists, saying ...`, `the Labour leader attacked the prime
/// minister`, `the top judge clashed with ministers`): an armed attack has an armed
/// force, a state or a group on one side. Only `attack`, `hit`, `target`, `launch` (an
/// attack) and `clash`, whose verbal sense is common; the
/// source must be a politician, government, legislature, party or court, the target one
/// of those or the media.
fn verbal_attack(
    view: &SentenceView<'_>,
    f: &Found,
    code: &EventCode,
    source: &crate::actors::Mention,
    target: &crate::actors::Mention,
) -> bool {
    if code.root_number() != 19 || f.noun {
        return false;
    }
    let word = &view.text[view.tokens[f.trigger.0].span()];
    let (s, t) = (role_of(source), role_of(target));
    ["attack", "hit", "target", "launch", "clash"]
        .iter()
        .any(|w| {
            word.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
        })
        && source.code.prefix() != "IGO"
        && POLITICAL_ROLES.contains(&s)
        && (POLITICAL_ROLES.contains(&t) || t == "MED")
}

/// What the confidence model reads of a finding and its sentence.
fn cues(view: &SentenceView<'_>, f: &Found, added: bool, bare: bool) -> Cues {
    use crate::segment::TokenFlags;
    let (t0, t1) = f.trigger;
    let sentence = &view.tokens[view.start..view.end];
    let year = sentence.iter().any(|t| {
        let w = &view.text[t.span()];
        t.flags.contains(TokenFlags::NUMBER)
            && w.len() == 4
            && w.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y))
    });
    let far_source = f.source.is_some_and(|(s, _)| {
        let m = &view.mentions[s];
        let (first, end) = (m.first_token as usize, m.end_token as usize);
        if end <= t0 {
            t0 - end > 8
        } else {
            first.saturating_sub(t1) > 8
        }
    });
    Cues {
        specificity: f.m.score.min(255) as u8,
        noun: f.noun,
        pattern_target: f.m.target.is_some(),
        added_default: added && bare,
        bare,
        trigger_tag: TriggerTag::of(view.tags.get(t0).copied()),
        passive: f.passive,
        embedded: f.embedded,
        relative: f.relative,
        year,
        long_sentence: sentence.len() > 40,
        far_source,
        capitalised: t0 > view.start && view.tokens[t0].flags.contains(TokenFlags::CAPITALIZED),
        topic: (f.noun
            || view
                .tags
                .get(t0)
                .is_some_and(|g| g.pos() == crate::tags::Pos::Noun))
            && primary::topic_noun(view, t0),
        litigation: private_litigation(view, f),
    }
}

/// Whether `f` is a court's act between private parties: its source a court, judge or
/// jury (`JUD`) and its target a business or none, or a business asking a court (`the
/// company asked the court to award damages`), and its sentence naming a business and
/// no organ of state other than courts (`a federal judge has denied motions by several
/// banks`, `the court prohibited Tangent from acquiring Homac shares`). Such a case
/// settles a private dispute; it is no political event.
fn private_litigation(view: &SentenceView<'_>, f: &Found) -> bool {
    let role = |m: usize| view.mentions[m].code.rest().get(..3).unwrap_or("");
    let Some((s, _)) = f.source else { return false };
    // A charge or arrest is the state's coercion, whoever the accused (`a grand jury
    // indicted three arbitrageurs`).
    if f.code.root_number() == 17 {
        return false;
    }
    // The court rules on a company, or a company asks the court (`the company asked
    // the court to award JWT damages`).
    let court_side = match f.target {
        _ if role(s) == "JUD" && f.target.is_none_or(|t| role(t) == "BUS") => s,
        Some(t) if role(s) == "BUS" && role(t) == "JUD" => t,
        _ => return false,
    };
    // A court, not a justice ministry or prosecutor (`the Justice Department
    // supported a request by USAir`: the executive's act).
    let ms = &view.mentions[court_side];
    let (a, b) = (ms.first_token as usize, ms.end_token as usize);
    let court = (a..b).any(|t| {
        let w = &view.text[view.tokens[t].span()];
        [
            "court",
            "courts",
            "judge",
            "judges",
            "jury",
            "tribunal",
            "magistrate",
        ]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(w))
    });
    if !court {
        return false;
    }
    let mut business = false;
    for &m in view.mention_ids {
        match role(m) {
            "BUS" => business = true,
            "GOV" | "MIL" | "COP" | "LEG" | "OPP" | "PTY" | "REB" | "INS" | "SPY" => {
                return false;
            }
            _ => {}
        }
        if view.mentions[m].code.prefix() == "IGO" {
            return false;
        }
    }
    business
}

/// The reply of a paired code (`031:032`): the target's act `code` on the source, a
/// secondary event; `None` without a known source and a target.
fn reply_of(event: &Event, code: EventCode, mentions: &[Mention]) -> Option<Event> {
    let (source, target) = (event.source?, event.target?);
    Some(Event {
        code,
        source: Some(target),
        source_code: event.target_code.unwrap_or(mentions[target].code),
        target: Some(source),
        target_code: Some(event.source_code),
        primary: false,
        derived_from: None,
        weak_source: false,
        ..event.clone()
    })
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use crate::dict::{Dictionaries, builtin_files, merge_files};
    use crate::events::Mode;
    use crate::pipeline::{Analysis, Pipeline};
    use std::borrow::Cow;

    /// (source, target, code, mode) of each event of `text`, coded with the built-in
    /// dictionaries and a pattern file `verbs` of the test's own.
    fn coded(verbs: &str, text: &str) -> Vec<(String, String, String, Mode)> {
        let files = merge_files(
            builtin_files(),
            vec![("verbs/test.txt".to_string(), Cow::Owned(verbs.to_string()))],
        );
        let dicts = Dictionaries::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let pipeline = Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"));
        let mut a = Analysis::default();
        pipeline.analyze(&Document::from_text(text.to_string()), None, &mut a);
        a.events
            .iter()
            .map(|e| {
                (
                    e.source_code.as_str().to_string(),
                    e.target_code.map_or("-".into(), |t| t.as_str().to_string()),
                    e.code.as_str().to_string(),
                    e.mode,
                )
            })
            .collect()
    }

    fn triple(s: &str, t: &str, c: &str) -> (String, String, String, Mode) {
        (s.into(), t.into(), c.into(), Mode::Asserted)
    }

    const ZORBLE: &str =
        "verb zorble\n  042  * $\n  ---  * $ quietly\n  031:032  * with $\n  :173  * before $\n";

    #[test]
    fn a_null_pattern_that_matches_best_codes_nothing() {
        assert_eq!(
            coded(ZORBLE, "Russia zorbled China."),
            [triple("RUS", "CHN", "042")]
        );
        assert_eq!(coded(ZORBLE, "Russia zorbled China quietly."), []);
    }

    #[test]
    fn a_paired_code_codes_the_targets_reply_too() {
        assert_eq!(
            coded(ZORBLE, "Russia zorbled with China."),
            [triple("RUS", "CHN", "031"), triple("CHN", "RUS", "032")]
        );
    }

    #[test]
    fn a_reversed_code_goes_from_the_target_to_the_source() {
        assert_eq!(
            coded(ZORBLE, "Russia zorbled before China."),
            [triple("CHN", "RUS", "173")]
        );
    }

    #[test]
    fn a_skip_passes_over_a_phrase_a_later_slot_must_not_take() {
        let verbs = "verb zorble\n  042  * in $\n  043  * in ^ for $\n";
        assert_eq!(
            coded(verbs, "Russia zorbled in Ukraine for China."),
            [triple("RUS", "CHN", "043")]
        );
        assert_eq!(
            coded(verbs, "Russia zorbled in Ukraine."),
            [triple("RUS", "UKR", "042")]
        );
    }

    #[test]
    fn a_noun_after_an_actor_under_an_indefinite_article_is_no_headline_verb() {
        let verbs = "verb zorble\n  042  *\n  111  anti- $ *\n";
        assert_eq!(
            coded(verbs, "Thousands joined an anti- China zorble in Kyiv."),
            []
        );
        assert_eq!(
            coded(verbs, "Russia zorbled China."),
            [triple("RUS", "CHN", "042")]
        );
    }

    #[test]
    fn joined_elements_allow_no_word_between() {
        let verbs = "verb zorble\n  042  * $\n  025  recently_* $\n";
        assert_eq!(
            coded(verbs, "Russia recently zorbled China."),
            [triple("RUS", "CHN", "025")]
        );
        assert_eq!(
            coded(verbs, "Russia recently did zorble China."),
            [triple("RUS", "CHN", "042")]
        );
    }

    #[test]
    fn a_compound_pattern_fires_only_after_a_compound_subject() {
        let verbs = "verb zorble\n  081  *\n  030  * [reciprocal] [compound]\n";
        assert_eq!(
            coded(verbs, "Russia and China have zorbled."),
            [triple("RUS", "CHN", "030"), triple("CHN", "RUS", "030")]
        );
        assert_eq!(coded(verbs, "Russia zorbled."), [triple("RUS", "-", "081")]);
    }

    #[test]
    fn an_added_layer_codes_only_sentences_the_base_leaves_without_an_event() {
        // `attack` is coded by the built-in dictionaries; the added layer's `zorble` is
        // not looked at in a sentence they code, and is where they code nothing.
        let added = "settings\n  layer: added\nverb zorble\n  042  * $\n  070  * aid to $\n";
        let both = coded(added, "Russia attacked Georgia and zorbled China.");
        assert!(both.iter().all(|e| e.2 != "042"), "{both:?}");
        assert!(both.iter().any(|e| e.2.starts_with("19")), "{both:?}");
        assert_eq!(
            coded(added, "Russia zorbled China."),
            [triple("RUS", "CHN", "042")]
        );
        // Without the setting, the same entry codes beside the built-in ones.
        let base = "verb zorble\n  042  * $\n";
        let both = coded(base, "Russia attacked Georgia and zorbled China.");
        assert!(both.iter().any(|e| e.2 == "042"), "{both:?}");
    }

    #[test]
    fn an_added_verbs_bare_default_is_withheld_and_a_pattern_is_not() {
        let added = "settings\n  layer: added\nverb zorble\n  042  *\n  070  * aid to $\n";
        let files = merge_files(
            builtin_files(),
            vec![("verbs/test.txt".to_string(), Cow::Owned(added.to_string()))],
        );
        let dicts = Dictionaries::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let pipeline = Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"));
        let reasons = |text: &str| -> Vec<(String, Option<crate::relevance::Withheld>)> {
            let mut a = Analysis::default();
            pipeline.analyze(&Document::from_text(text.to_string()), None, &mut a);
            a.events
                .iter()
                .map(|e| (e.code.to_string(), crate::relevance::withheld(e, &a.domain)))
                .collect()
        };
        let bare = reasons("Russia zorbled yesterday.");
        assert_eq!(
            bare,
            [(
                "042".to_string(),
                Some(crate::relevance::Withheld::AddedDefault)
            )]
        );
        let specific = reasons("Russia zorbled aid to China.");
        assert_eq!(specific.len(), 1, "{specific:?}");
        assert_eq!(specific[0].0, "070");
        assert_ne!(
            specific[0].1,
            Some(crate::relevance::Withheld::AddedDefault)
        );
    }

    #[test]
    fn modes_patterns_codes_every_event_as_its_pattern_says() {
        let read = "verb zorble\n  042  * $\n  081  will not * $\n";
        let patterns = format!("settings\n  modes: patterns\n{read}");
        // dyad's reading: a future act is an intention, a negated one is no act.
        let future = coded(read, "Russia will zorble China.");
        assert_eq!(future.len(), 1);
        assert_eq!(future[0].2, "036");
        assert!(
            coded(read, "Russia did not zorble China.")
                .iter()
                .all(|e| e.3 != Mode::Asserted)
        );
        // The patterns' reading: the act itself, and a negation only where a pattern
        // names it.
        assert_eq!(
            coded(&patterns, "Russia will zorble China."),
            [triple("RUS", "CHN", "042")]
        );
        assert_eq!(
            coded(&patterns, "Russia will not zorble China."),
            [triple("RUS", "CHN", "081")]
        );
        assert_eq!(
            coded(&patterns, "Russia could zorble China."),
            [triple("RUS", "CHN", "042")]
        );
    }
}
