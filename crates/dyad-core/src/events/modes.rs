//! How an event is asserted, and what that does to its code.
//!
//! The verb group gives the first mode (negation, `will`, `could`, infinitives:
//! [`super::clause`]); frames make embedded events hypothetical ([`super::frames`]);
//! reported speech turns `would` into the future ([`super::speech`]). Here:
//! - [`refusals`]: a negated future (`will not attend`) is a refusal, asserted now;
//! - [`settle`]: a refusal takes the refusal of its code (`will not accept` -> 12x), a
//!   conditional hostile act is a threat (`will withdraw unless ...` -> 13x), and a
//!   future act an intention (`will meet` -> 036).

use super::patterns::SentenceView;
use super::{EventCoder, Found, Mode, frames};
use crate::codes::EventCode;
use crate::dict::Frame;
use crate::lexicon::UNKNOWN;

/// `will not attend`, `would not accept`: a refusal, asserted now (and so a candidate
/// for the sentence's main event).
pub(super) fn refusals(found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.mode == Mode::Negated && f.future_modal && !f.reporting && !f.noun {
            f.mode = Mode::Asserted;
            f.refusal = true;
        }
    }
}

/// The final code and mode of `f`, given its code so far and the embedded code a frame
/// derived it from: refusals, conditional threats, and intentions.
pub(super) fn settle(
    coder: &EventCoder,
    view: &SentenceView<'_>,
    f: &Found,
    mut code: EventCode,
    mut derived_from: Option<EventCode>,
) -> (EventCode, Option<EventCode>, Mode) {
    let mut mode = f.mode;
    // A dictionary that leaves modes to its patterns: as the pattern (and frame) says.
    if f.as_written {
        return (code, derived_from, Mode::Asserted);
    }
    // A refusal takes the refusal of its code (`will not accept refugees` -> 122); a
    // threat refused stays a threat (`will not tolerate` -> 130).
    if f.refusal && derived_from.is_none() && !matches!(code.root_number(), 12 | 13) {
        derived_from = Some(code);
        code = frames::derive(Frame::Reject, code, &coder.cameo)
            .unwrap_or(EventCode::new("120").expect("valid code"));
    }
    // A conditional promise is a threat: `X will withdraw its troops unless Y ...`, `X
    // may halt mediation if ...`.
    let (words, lex) = (view.words, view.lex);
    let conditional = matches!(mode, Mode::Future | Mode::Hypothetical)
        && !f.reporting
        && !f.embedded
        && (f.trigger.1..view.end)
            .any(|q| words[q] != UNKNOWN && matches!(lex.word(words[q]), "unless" | "if"));
    // Only a hostile or withdrawn act made conditional is a threat; a conditional offer
    // (`will send aid if it is attacked`) stays an offer.
    let hostile = matches!(code.root_number(), 12 | 14..=20) || code.as_str().starts_with("087");
    if conditional && hostile && derived_from.is_none() {
        derived_from = Some(code);
        code = frames::derive(Frame::Threat, code, &coder.cameo)
            .unwrap_or(EventCode::new("130").expect("valid code"));
        mode = Mode::Future;
    }
    // A passive future (`will be approved by Congress`) is a forecast about the agent,
    // not an intention it stated: it stays a future act.
    if mode == Mode::Future
        && derived_from.is_none()
        && !f.passive
        && let Some(c) = frames::derive(Frame::Intent, code, &coder.cameo)
    {
        derived_from = Some(code);
        code = c;
    }
    (code, derived_from, mode)
}

#[cfg(test)]
mod tests {
    use super::super::Mode;
    use super::super::testkit::{Step, events, probe};

    #[test]
    fn a_negated_future_is_an_asserted_refusal() {
        let text = "Iran will not accept the proposal.";
        assert_eq!(
            probe(text, Step::Conjoined).event("accept").mode,
            Mode::Negated
        );
        let f = probe(text, Step::Refusals);
        assert!(f.event("accept").refusal);
        assert_eq!(f.event("accept").mode, Mode::Asserted);
        let coded = events(text);
        assert!(
            coded
                .iter()
                .any(|e| e.code.as_str().starts_with("12") && e.mode == Mode::Asserted),
            "{coded:#?}"
        );
    }

    #[test]
    fn a_future_act_is_an_intention() {
        let coded = events("Putin will meet Xi Jinping in Beijing.");
        let meet = coded.iter().find(|e| e.lemma == "meet").expect("a meeting");
        assert_eq!(meet.mode, Mode::Future);
        assert!(meet.code.as_str().starts_with("03"), "{coded:#?}");
        assert!(
            meet.derived_from
                .is_some_and(|c| c.as_str().starts_with("04"))
        );
    }
}
