//! Which events of a sentence are coded, and which one is its main event (GDELT's
//! IsRootEvent).

use super::patterns::SentenceView;
use super::{Found, Mode};

/// Whether `f` is coded at all. An event with no source is coded only when its clause
/// says so itself: a passive without `by` (`X was arrested`), or an event noun with
/// its target (`a bombing in Baghdad`).
pub(super) fn codable(f: &Found) -> bool {
    f.source.is_some() || ((f.passive || f.noun) && f.target.is_some())
}

/// Whether the bare statement `f` only carries the event noun that follows it in its
/// verb phrase (`voiced his support for X`, `expressed concern over`): the noun is the
/// act, the statement its vehicle.
fn carries_noun(found: &[Found], f: &Found) -> bool {
    f.code.as_str() == "010"
        && found.iter().any(|g| {
            g.noun && codable(g) && g.trigger.0 > f.trigger.0 && g.trigger.0 <= f.trigger.0 + 4
        })
}

/// The index of the sentence's main event among the codable ones: the first that is
/// asserted, outside quotations, in no relative clause, and neither a reporting verb,
/// a statement carrying an event noun, nor embedded in a frame; an event noun inside
/// a prepositional phrase (`a statement issued after the meeting between X and Y
/// accused Z`, `at talks in Moscow, X agreed`) only where no finite verb after it is
/// such an event; else the first neither embedded nor quoted (a reporting verb); else the
/// first.
pub(super) fn main_event(view: &SentenceView<'_>, found: &[Found]) -> Option<usize> {
    let codable = || (0..found.len()).filter(|&i| codable(&found[i]));
    let reported = |i: usize| {
        let f = &found[i];
        !f.reporting
            && !carries_noun(found, f)
            && !f.embedded
            && !f.quote
            && !f.relative
            && f.mode != Mode::Negated
            && f.mode != Mode::Hypothetical
    };
    let in_phrase = |i: usize| found[i].noun && in_prepositional_phrase(view, found[i].trigger.0);
    codable()
        .find(|&i| reported(i) && !in_phrase(i))
        .filter(|&i| finite_verb(view, found[i].trigger.0))
        .or_else(|| codable().find(|&i| reported(i)))
        .or_else(|| codable().find(|&i| !found[i].embedded && !found[i].quote))
        .or_else(|| codable().next())
}

/// Whether the verb at `t` is finite, or a participle or base form right after an
/// auxiliary (`has accused`, `will sign`): a clause's own verb, not a gerund or an
/// infinitive hanging from another word.
fn finite_verb(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::Tag;
    match view.tags.get(t) {
        Some(Tag::VerbPast | Tag::VerbPresent | Tag::VerbPresent3) => true,
        Some(Tag::VerbPastParticiple | Tag::VerbBase) => {
            t > view.start && view.tags.get(t - 1) == Some(&Tag::Aux)
        }
        _ => false,
    }
}

/// Whether the noun at `t` is the object of a preposition other than `of` (whose
/// phrases [`topic_noun`] reads): `after the meeting between X and Y`, `at talks in
/// Moscow`.
fn in_prepositional_phrase(view: &SentenceView<'_>, t: usize) -> bool {
    use crate::tags::Pos;
    word_before_phrase(view, t).is_some_and(|q| {
        view.tags.get(q).is_some_and(|g| g.pos() == Pos::Adp)
            && &view.text[view.tokens[q].span()] != "of"
    })
}

/// The word before the noun phrase that the noun at `t` ends: the phrase may hold
/// determiners, adjectives, numbers, names and possessives (at most seven words),
/// and no other trigger. `None` when the phrase starts the sentence or runs longer.
fn word_before_phrase(view: &SentenceView<'_>, t: usize) -> Option<usize> {
    use crate::tags::Pos;
    let word = |q: usize| &view.text[view.tokens[q].span()];
    let mut q = t;
    while q > view.start && t - q < 8 {
        q -= 1;
        let inside = view.mention_at(q).is_some()
            || matches!(word(q), "'s" | "’s" | "-")
            || view.tags.get(q).is_some_and(|g| {
                matches!(
                    g.pos(),
                    Pos::Det | Pos::Adj | Pos::Num | Pos::Noun | Pos::Propn
                )
            });
        if inside && !view.is_trigger[q - view.start] {
            continue;
        }
        return Some(q);
    }
    None
}

/// Nouns of a phase, a time or a number of acts: `the first day of a visit`, `the
/// sidelines of talks`, `months of protests`, `a wave of strikes`, `a new round of
/// talks` report the acts themselves, which are then news.
const PHASE_NOUNS: [&str; 26] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "start",
    "end",
    "beginning",
    "eve",
    "close",
    "conclusion",
    "sidelines",
    "margins",
    "course",
    "opening",
    "first",
    "last",
    "round",
    "rounds",
    "wave",
    "series",
    "spate",
    "string",
];

/// Whether the event noun at `t` is the topic of another word, named inside a phrase
/// it heads with `of`, `about`, `for` or `over` (`the details of Musharraf's visit`,
/// `retaliation for Ukrainian attacks`; not `on`: `is on a tour of Africa`):
/// the sentence speaks of that act, it does not report it. The phrase may hold
/// determiners, adjectives, numbers, names and possessives before the noun; a phase
/// noun before the preposition (`the first day of a three-day visit`) makes it news.
pub(super) fn topic_noun(view: &SentenceView<'_>, t: usize) -> bool {
    let word = |q: usize| &view.text[view.tokens[q].span()];
    word_before_phrase(view, t).is_some_and(|q| {
        let topic_marker = matches!(word(q), "of" | "about" | "for" | "over");
        let phase = q > view.start
            && PHASE_NOUNS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word(q - 1)));
        topic_marker && !phase
    })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::analyse;

    /// The trigger of the first sentence's main event, through the whole pipeline.
    fn main_trigger(text: &str) -> String {
        let (doc, a) = analyse(text);
        let e = a
            .events
            .iter()
            .find(|e| e.sentence == 0 && e.primary)
            .expect("a main event");
        doc.text[a.segmented.tokens[e.trigger_start as usize].span()].to_string()
    }

    #[test]
    fn the_reported_event_is_the_main_one() {
        assert_eq!(
            main_trigger("Japan said China attacked Vietnam."),
            "attacked"
        );
    }

    #[test]
    fn an_event_noun_in_a_prepositional_phrase_gives_way_to_the_verb_after_it() {
        assert_eq!(
            main_trigger(
                "A statement issued after the meeting between Kenyan and Ugandan leaders accused Sudan."
            ),
            "accused"
        );
        // As the subject, the noun is the main event; alone in its phrase, too.
        assert_eq!(
            main_trigger("The meeting between Kenyan and Ugandan leaders angered Sudan."),
            "meeting"
        );
        assert_eq!(
            main_trigger("Five Kenyan soldiers died in an attack on a base near Uganda."),
            "attack"
        );
    }

    #[test]
    fn a_negated_report_leaves_the_reporting_verb_main() {
        assert_eq!(
            main_trigger("France said Iran has not attacked Israel."),
            "said"
        );
    }
}
