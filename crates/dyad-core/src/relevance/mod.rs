//! Relevance: which coded events a user of event data should see.
//!
//! The event coder codes every trigger it can read. Not every such reading is a
//! political event: a sports story's "England beat France", a market report's
//! "shares plunged", a company's statement, a bare "X said" with no one it was said
//! to or about. This stage decides, per event, whether it is *withheld* from the
//! default output, and why; `dyad code --modes all` shows withheld events with their
//! reason. The convention is written down in `docs/conventions.md`.
//!
//! Steps, in order:
//! 1. [`domain`]: the story's domain (and each sentence's) from cue words
//!    (`dictionaries/domains.txt`);
//! 2. [`discards`]: the discard phrases the story and each sentence hold
//!    (`dictionaries/discards.txt`, `discards/*.txt`);
//! 3. [`rules`]: the withholding rules, applied to one event at a time.

pub mod discards;
pub mod domain;
pub mod rules;

pub use discards::{Discarded, Discards};
pub use domain::{DomainCues, StoryDomain};
pub use rules::withheld;

use crate::dict::DiscardScope;
use serde::Serialize;

/// The domain of a story or sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// News in general: politics, conflict, society (the words of `politics` pull here).
    #[default]
    General,
    /// Sport.
    Sport,
    /// Film, music, television, celebrities.
    Entertainment,
    /// Companies, markets, prices, the economy as figures.
    Markets,
    /// Computers, the internet, gadgets.
    Technology,
    /// Natural hazards (earthquakes, storms, floods). Never a story's domain: a cue
    /// that the violence words after it in its sentence are the hazard's doing
    /// (`a quake hit south-west Japan, killing two people`).
    Hazard,
}

impl Domain {
    /// The domains whose stories are not political news, in the order of `domains.txt`.
    pub const OFF: [Domain; 4] = [
        Domain::Sport,
        Domain::Entertainment,
        Domain::Markets,
        Domain::Technology,
    ];

    /// The domain named in `domains.txt` (`politics` is [`Domain::General`]).
    pub fn from_name(name: &str) -> Option<Domain> {
        Some(match name {
            "politics" => Domain::General,
            "sport" => Domain::Sport,
            "entertainment" => Domain::Entertainment,
            "markets" => Domain::Markets,
            "technology" => Domain::Technology,
            "hazard" => Domain::Hazard,
            _ => return None,
        })
    }

    /// The name used in output and in `domains.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::General => "politics",
            Domain::Sport => "sport",
            Domain::Entertainment => "entertainment",
            Domain::Markets => "markets",
            Domain::Technology => "technology",
            Domain::Hazard => "hazard",
        }
    }
}

/// Why an event is withheld from the default output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Withheld {
    /// The sentence, or its story, holds a discard phrase (`discards.txt`): it is not
    /// coded, whoever acts in it.
    Discarded(DiscardScope),
    /// Coded only by the bare default (`*` alone) of an added dictionary's verb
    /// (`layer: added`): dyad's own dictionaries leave the verb uncoded, and an added
    /// dictionary's default does not override that.
    AddedDefault,
    /// The story or sentence belongs to a domain where the words of conflict and
    /// cooperation are metaphors, and the event's source holds no public role; or
    /// ([`Domain::Hazard`]) violence after a natural hazard's name in its sentence
    /// whose source holds no security role (`an earthquake killed two people`).
    OffDomain(Domain),
    /// Neither side is a public actor: companies, media, schools, hospitals, or
    /// nobody known (`the company said`, `Merrill Lynch analysts expect`).
    PrivateActors,
    /// A bare statement (CAMEO 010) with no target: a comment, not an interaction.
    StatementWithoutTarget,
    /// A statement that carries the sentence's main event (`X said Y attacked Z`).
    StatementAroundEvent,
    /// Not the sentence's main event, and one-sided.
    SecondaryWithoutTarget,
    /// An event told in a relative clause (`Indonesia, which accepted the offer, ...`):
    /// the background of its actor.
    RelativeClause,
    /// An event noun that is not the sentence's main event: background (`fleeing the
    /// civil war`).
    BackgroundNoun,
    /// The main event is an event noun named as the topic of another word (`the
    /// details of Musharraf's visit`, `retaliation for Ukrainian attacks`): the
    /// sentence speaks of the act, it does not report it. It still says what kind of
    /// act the sentence is about (sentence labels).
    TopicNoun,
    /// The source is known only by its sector (`the government`, `officials`, `police`
    /// with no country) or not at all, outside violence against a known target.
    UnknownSource,
    /// No actor stands where the subject is, and the source is only the nearest
    /// actor further back (a place, a possessor, an object): a guess.
    UncertainSource,
    /// The main event has no known target, and its category needs one (anything but
    /// protest, coercion and violence, and the specific statements).
    UnknownTarget,
    /// A bare statement (010) whose target is what it is about, not whom it is told.
    StatementWithoutAddressee,
    /// A bare statement (010), a meeting or an intention (roots 03, 04) with the news
    /// media (`told reporters`, `told BBC News`, `will meet with reporters`): the
    /// outlet carries the statement, it is not the other side of an interaction.
    StatementToPress,
    /// Every rule lets the event through, but its confidence (the probability that
    /// it is right, `crate::events::confidence`) is below the default output's
    /// threshold ([`crate::pipeline::DEFAULT_MIN_CONFIDENCE`] unless the caller set
    /// another): the record is more likely wrong than right. Set by
    /// [`crate::output::withheld_from_output`], never by the rules.
    LowConfidence,
}

impl Withheld {
    /// A short reason, as printed in `withheld` fields.
    pub fn as_str(self) -> &'static str {
        match self {
            Withheld::Discarded(DiscardScope::Sentence) => "discarded sentence",
            Withheld::Discarded(DiscardScope::Story) => "discarded story",
            Withheld::AddedDefault => "added verb's default only",
            Withheld::OffDomain(Domain::Sport) => "sport story",
            Withheld::OffDomain(Domain::Entertainment) => "entertainment story",
            Withheld::OffDomain(Domain::Markets) => "markets story",
            Withheld::OffDomain(Domain::Technology) => "technology story",
            Withheld::OffDomain(Domain::General) => "off-domain",
            Withheld::OffDomain(Domain::Hazard) => "natural hazard",
            Withheld::PrivateActors => "no public actor",
            Withheld::StatementWithoutTarget => "statement without target",
            Withheld::StatementAroundEvent => "statement around another event",
            Withheld::SecondaryWithoutTarget => "secondary event without target",
            Withheld::BackgroundNoun => "background noun",
            Withheld::TopicNoun => "topic noun",
            Withheld::RelativeClause => "relative clause",
            Withheld::UnknownSource => "source unknown",
            Withheld::UncertainSource => "source uncertain",
            Withheld::UnknownTarget => "target unknown",
            Withheld::StatementWithoutAddressee => "statement without addressee",
            Withheld::StatementToPress => "statement to the press",
            Withheld::LowConfidence => "low confidence",
        }
    }
}
