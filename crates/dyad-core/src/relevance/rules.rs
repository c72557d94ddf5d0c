//! The withholding rules: one event at a time, first rule that applies wins.
//!
//! 0. Discarded: the sentence holds a sentence discard phrase, or the story a story
//!    phrase (`discards.txt`): the events are withheld, whoever acts. An event coded
//!    only by an added dictionary's bare verb default (`layer: added`, `*` alone) is
//!    withheld too: dyad's own dictionaries leave that verb uncoded.
//! 1. Off-domain: in a sport, entertainment or technology story (or sentence) an
//!    event is withheld unless its source holds a public or security role (a
//!    government, armed force, police, court, legislature, party, armed group,
//!    intelligence service, criminals, or an international organisation); in a
//!    markets story, protests, force postures and
//!    violence (roots 14, 15, 18, 19, 20) and coercion (17) are withheld unless a
//!    security force or government is the source ("shares plunged", "prices hit"),
//!    and any other event unless an organ of state or an international organisation
//!    takes part (a country alone stands for its economy: "U.S. imports", "Japan
//!    offered 5 pct").
//!    Violence (roots 18 to 20) after a natural hazard's name in its sentence
//!    (`hazard:` cues: "an earthquake killed two people", "the tsunami ... with Sri
//!    Lanka worst hit") is the hazard's, unless a security force is its source.
//! 2. Private actors: neither side is public: companies, media, schools, hospitals,
//!    farms, environmental bodies, or no one known; a court ruling between companies
//!    (the `litigation` cue: `emit::private_litigation`) is private too; protests and
//!    violence (roots 14, 18, 19, 20) are public acts whoever commits them.
//! 3. A statement (root 01) that is not its sentence's main event is only the vehicle
//!    of that event ("Pakistan says it shot down five jets"); a bare statement (010)
//!    that is needs a target, while the specific ones (011 declined to comment, 015
//!    claimed responsibility, 016 denied, 017 a symbolic act ...) stand alone.
//! 4. An event in a relative clause is background (`Indonesia, which accepted the
//!    offer, owes ...`). An event that is not its sentence's main one needs a target,
//!    and is no noun (`refugees fleeing the civil war`, `sanctions for its support of
//!    X`: the noun names the background of the main event, not a new act).
//! 5. The source must be found where the subject is, not guessed from further back (a
//!    place, a possessor, an object: `source uncertain`), and it must be known: a
//!    country or one of its organs, an international or non-governmental organisation,
//!    a named group. A sector alone (`---GOV`, `officials`, `police`) is not, except
//!    for protest, coercion and violence (roots 14, 17, 18, 19, 20) against a known
//!    target ("five soldiers were killed").
//! 6. The main event needs a known target too, except yielding, rejection, protest,
//!    force posture, coercion and violence (roots 08, 12, 14, 15, 17 to 20), which are
//!    news on their own ("troops withdrew", "the US rejected the plan", "a bomb
//!    exploded in Kabul"), and the specific statements of rule 3 (but a pessimistic or
//!    optimistic comment, 012 or 013, with no target at all is a mood: withheld).
//! 7. A bare statement (010) is an interaction with its addressee ("told the envoy",
//!    "said to Parliament"): an actor the statement is only about is no target, and
//!    the news media it is told to ("told reporters", "told BBC News") only carry it.

use super::{Domain, StoryDomain, Withheld};
use crate::codes::ActorCode;
use crate::events::Event;
use crate::events::confidence::TriggerTag;

/// Roles of actors that act in public life: states' organs, armed groups and
/// international bodies.
const PUBLIC_ROLES: [&str; 11] = [
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SPY", "UAF",
];
/// Roles whose violence is violence, whatever the story is about.
const SECURITY_ROLES: [&str; 8] = ["MIL", "COP", "REB", "INS", "SPY", "UAF", "CRM", "GOV"];
/// Roles of private life: business, media, education, health, farming, environment.
const PRIVATE_ROLES: [&str; 6] = ["BUS", "MED", "EDU", "HLH", "AGR", "ENV"];

/// The first role code after the country (`GOV` of `CHNGOV`), or of an
/// organisation's type (`IGO`, `NGO`).
fn role(code: &ActorCode) -> &str {
    match code.prefix() {
        p @ ("IGO" | "NGO") => p,
        _ => code.rest().get(..3).unwrap_or(""),
    }
}

/// Holds a public role, or is an international organisation.
fn public_role(code: &ActorCode) -> bool {
    let r = role(code);
    r == "IGO" || PUBLIC_ROLES.contains(&r)
}

/// A private actor, or no one known (`---` alone).
fn private(code: &ActorCode) -> bool {
    code.as_str() == "---" || PRIVATE_ROLES.contains(&role(code))
}

fn off_domain(e: &Event, domain: Domain) -> bool {
    match domain {
        Domain::General | Domain::Hazard => false,
        Domain::Sport | Domain::Entertainment | Domain::Technology => {
            !public_role(&e.source_code) && !SECURITY_ROLES.contains(&role(&e.source_code))
        }
        Domain::Markets => {
            let root = e.code.root_number();
            let violent = matches!(root, 14 | 15 | 17 | 18 | 19 | 20);
            if violent {
                return !SECURITY_ROLES.contains(&role(&e.source_code));
            }
            // In market talk a country stands for its economy ("U.S. imports",
            // "Japan offered 5 pct"): an organ of state must take part.
            !public_role(&e.source_code) && !e.target_code.as_ref().is_some_and(public_role)
        }
    }
}

/// Known beyond its sector: a country (`RUS`, `RUSGOV`), an international or
/// non-governmental organisation, a named group.
fn known(code: &ActorCode) -> bool {
    code.prefix() != "---"
}

/// Protest, coercion and violence: acts that are news without a recipient.
fn standalone_act(e: &Event) -> bool {
    matches!(e.code.root_number(), 14 | 17 | 18 | 19 | 20)
}

/// Acts whose record is complete without a target: yielding (`rebels surrendered`,
/// `troops withdrew`), rejecting (`the US rejected the plan`), protest, force
/// posture, coercion and violence.
fn complete_alone(e: &Event) -> bool {
    matches!(e.code.root_number(), 8 | 12 | 14 | 15 | 17 | 18 | 19 | 20)
}

/// Why `e` is withheld from the default output, or `None` when it is shown.
/// `domain` holds the story's and sentences' domains.
pub fn withheld(e: &Event, domain: &StoryDomain) -> Option<Withheld> {
    if let Some((_, scope)) = domain.discarded.of_sentence(e.sentence) {
        return Some(Withheld::Discarded(scope));
    }
    if e.cues.added_default {
        return Some(Withheld::AddedDefault);
    }
    let d = domain.of_sentence(e.sentence);
    if off_domain(e, d) {
        return Some(Withheld::OffDomain(d));
    }
    // "A quake hit south-west Japan, killing two people": the hazard did it.
    if matches!(e.code.root_number(), 18..=20)
        && domain.hazard_before(e.sentence, e.trigger_start)
        && !SECURITY_ROLES.contains(&role(&e.source_code))
    {
        return Some(Withheld::OffDomain(Domain::Hazard));
    }
    // A court ruling between companies settles a private dispute.
    if e.cues.litigation {
        return Some(Withheld::PrivateActors);
    }
    // Protest and violence are public acts whoever commits them: teachers on strike,
    // a journalist killed by a bomb.
    let public_act = matches!(e.code.root_number(), 14 | 18 | 19 | 20);
    if !public_act && private(&e.source_code) && e.target_code.as_ref().is_none_or(private) {
        return Some(Withheld::PrivateActors);
    }
    // "X said Y attacked Z": the attack is the sentence's main event, the statement
    // only its vehicle.
    if e.code.root_number() == 1 && !e.primary {
        return Some(Withheld::StatementAroundEvent);
    }
    // "Indonesia, which originally accepted the offer, owes ...", "the rioters who
    // burnt down a library": a relative clause tells the background of its actor.
    if e.cues.relative {
        return Some(Withheld::RelativeClause);
    }
    // "refugees fleeing the civil war", "its support of X": an event noun beside the
    // sentence's main event names the background, not a new act.
    // A verb entry on a word the tagger reads as a noun (`rejected calls for`, `will not
    // tolerate attacks`) is an event noun all the same.
    let noun = e.cues.noun || e.cues.trigger_tag == TriggerTag::Noun;
    if noun && !e.primary {
        return Some(Withheld::BackgroundNoun);
    }
    // `the details of Musharraf's visit`, `retaliation for Ukrainian attacks`: a noun
    // named as the topic of another word is background even as the main event.
    if noun && e.cues.topic {
        return Some(Withheld::TopicNoun);
    }
    if e.target_code.is_none() {
        // The specific statements (declined to comment, claimed responsibility,
        // denied, attended a ceremony) are news on their own; a bare 010 is not.
        if e.code.as_str() == "010" {
            return Some(Withheld::StatementWithoutTarget);
        }
        if !e.primary {
            return Some(Withheld::SecondaryWithoutTarget);
        }
    }
    // "the artist has denied comparing the idea with dictatorships in Russia": no actor
    // stands where the subject is; the one found further back (a place, a possessor,
    // an object) is a guess. An event noun's adjective (`the Indian missile strike`) is
    // its source, not a guess.
    if e.weak_source && !e.cues.noun {
        return Some(Withheld::UncertainSource);
    }
    let target_known = e.target_code.as_ref().is_some_and(known);
    // "Five soldiers were killed": violence is news though its agent is unnamed; "the
    // war in Ukraine" (a noun) is a state of affairs, not an act.
    let agentless_act = standalone_act(e) && target_known && !e.cues.noun;
    if !known(&e.source_code) && !agentless_act {
        return Some(Withheld::UnknownSource);
    }
    // A mood with no one it is about ("they are fearful", "she is confident of doing
    // business": 012, 013 with no target) is no record of an interaction either.
    let mood = matches!(e.code.as_str(), "012" | "013") && e.target_code.is_none();
    let specific_statement = e.code.root_number() == 1 && e.code.as_str() != "010" && !mood;
    if !target_known && !complete_alone(e) && !specific_statement {
        return Some(Withheld::UnknownTarget);
    }
    // "X told Y", "X said to Y": a statement is an interaction with its addressee. An
    // actor the statement is about ("said Japan would comment") is no recipient.
    if e.code.as_str() == "010" && !e.cues.pattern_target {
        return Some(Withheld::StatementWithoutAddressee);
    }
    // "told reporters", "told BBC News", "told Reuters in an interview", "will meet
    // with reporters": an interview is how the statement reached the news, not an
    // interaction with the outlet.
    let to_press = e.code.as_str() == "010" || matches!(e.code.root_number(), 3 | 4);
    if to_press && e.target_code.as_ref().is_some_and(|t| role(t) == "MED") {
        return Some(Withheld::StatementToPress);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::{Analysis, Pipeline};
    use std::sync::OnceLock;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")))
    }

    /// (source, target, code, withheld reason) of every event of `text`.
    fn coded(text: &str) -> Vec<(String, Option<String>, String, Option<Withheld>)> {
        let mut a = Analysis::default();
        pipeline().analyze(&Document::from_text(text), None, &mut a);
        a.events
            .iter()
            .map(|e| {
                (
                    e.source_code.to_string(),
                    e.target_code.map(|t| t.to_string()),
                    e.code.to_string(),
                    withheld(e, &a.domain),
                )
            })
            .collect()
    }

    fn shown(text: &str) -> Vec<String> {
        coded(text)
            .into_iter()
            .filter(|e| e.3.is_none())
            .map(|e| e.2)
            .collect()
    }

    #[test]
    fn a_dyadic_political_event_is_shown() {
        assert_eq!(
            shown("Turkish troops attacked Kurdish rebels in northern Iraq."),
            ["190"]
        );
    }

    #[test]
    fn national_teams_in_a_match_report_are_not_states_at_war() {
        let text = "England beat France 24-12 in the championship match at Twickenham. \
                    The captain scored two tries and the coach praised the squad.";
        let all = coded(text);
        assert!(!all.is_empty(), "the coder reads something here");
        assert!(shown(text).is_empty(), "{all:?}");
        assert!(
            all.iter()
                .any(|e| e.3 == Some(Withheld::OffDomain(Domain::Sport)))
        );
    }

    #[test]
    fn a_government_act_in_a_sports_story_is_still_shown() {
        let text = "The football season opened on Saturday. The league champions won again. \
                    The Chinese government banned the Japanese team from the tournament.";
        assert!(
            shown(text)
                .iter()
                .any(|c| c.starts_with("17") || c.starts_with("16"))
        );
    }

    #[test]
    fn a_bare_statement_is_a_comment_not_an_interaction() {
        let all = coded("The Russian foreign minister said on Monday that talks were useful.");
        assert!(
            all.iter()
                .any(|e| e.3 == Some(Withheld::StatementWithoutTarget)),
            "{all:?}"
        );
    }

    #[test]
    fn a_statement_to_someone_is_shown() {
        assert!(
            shown(
                "The Russian foreign minister told Chinese diplomats that the talks were useful."
            )
            .iter()
            .any(|c| c.starts_with("01"))
        );
    }

    #[test]
    fn violence_after_a_natural_hazard_is_the_hazards() {
        for text in [
            "A powerful earthquake struck northern Chile on Monday, killing 12 villagers.",
            "Floods hit eastern Nepal on Sunday and killed 40 villagers.",
        ] {
            let all = coded(text);
            assert!(
                all.iter()
                    .any(|e| e.3 == Some(Withheld::OffDomain(Domain::Hazard))),
                "{text}: {all:?}"
            );
            assert!(shown(text).is_empty(), "{text}: {all:?}");
        }
        // Troops are troops, in a storm or not.
        let troops = "After the storm, Chilean troops shot dead two looters in Santiago.";
        assert!(!shown(troops).is_empty(), "{:?}", coded(troops));
    }

    #[test]
    fn a_statement_to_the_press_is_no_interaction_with_it() {
        for text in [
            "The Polish foreign minister told reporters in Warsaw that the talks were useful.",
            "The Kenyan president told the Associated Press that the vote was fair.",
        ] {
            let all = coded(text);
            assert!(
                all.iter()
                    .any(|e| e.2 == "010" && e.3 == Some(Withheld::StatementToPress)),
                "{text}: {all:?}"
            );
            assert!(shown(text).iter().all(|c| c != "010"), "{text}: {all:?}");
        }
        // Told to a legislature, a statement is still shown.
        let parliament =
            "The Polish foreign minister told the Polish parliament that the talks were useful.";
        assert!(
            shown(parliament).iter().any(|c| c == "010"),
            "{:?}",
            coded(parliament)
        );
    }

    #[test]
    fn markets_metaphors_are_withheld_but_trade_diplomacy_is_not() {
        let text = "Shares of the company fell 3 pct as investors sold stocks. Analysts said \
                    quarterly profits and sales were weak. Prices hit the lowest level in a year.";
        for e in coded(text) {
            let root: u8 = e.2[..2].parse().unwrap_or(0);
            if (18..=20).contains(&root) {
                assert!(e.3.is_some(), "{e:?}");
            }
        }
        let trade = "Japan and the United States agreed to hold talks on semiconductor trade.";
        assert!(!shown(trade).is_empty());
    }
}
