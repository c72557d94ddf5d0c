//! Frames: an appeal, intention, demand, threat or refusal about another event takes
//! its code from that event through CAMEO's parallel sub-codes.
//!
//! CAMEO numbers the appeals (02), intentions (03), demands (10) and refusals (12)
//! in parallel: 1 material cooperation, 2 diplomatic cooperation, 3 aid, 4 political
//! reform, 5 yielding (51-56 its kinds), 6 meeting or negotiation, 7 settlement,
//! 8 mediation. Threats (13) have their own list. These tables are facts of the CAMEO
//! codebook, written here as code because they are structure, not vocabulary.
//!
//! In the sentence coder: [`link_embedded`] ties each frame to the event it embeds,
//! and [`frame_code`] gives the frame's code from the embedded one ([`derive`]).

use super::patterns::{Elem, Pattern};
use super::{EventCoder, Found, Mode};
use crate::actors::Mention;
use crate::codes::EventCode;
use crate::dict::{CameoTable, Frame};

/// The parallel sub-code (`"1"`, `"56"`, ...) of an event code, if it has one.
fn parallel(code: EventCode) -> Option<&'static str> {
    let s = code.as_str();
    let three = &s[..s.len().min(3)];
    Some(match (code.root_number(), three, s) {
        (6, _, "061") | (6, _, "0611") => "11",
        (6, _, s) if s.starts_with("062") => "12",
        (6, _, s) if s.starts_with("063") => "13",
        (6, _, s) if s.starts_with("064") => "14",
        (6, _, _) => "1",
        (5, _, _) => "2",
        (7, "071", _) => "31",
        (7, "072", _) => "32",
        (7, "073", _) => "33",
        (7, "074", _) => "34",
        (7, _, _) => "3",
        (8, "081", _) => "51",
        (8, "082", _) => "52",
        (8, "083", _) => "4",
        (8, "084", _) => "53",
        (8, "085", _) => "54",
        (8, "086", _) => "55",
        (8, "087", _) => "56",
        (8, _, _) => "5",
        (4, "045", _) => "8",
        (4, _, _) => "6",
        (3, "037", _) | (2, "027", _) | (10, "107", _) => "7",
        _ => return None,
    })
}

/// The threat (13) that corresponds to a conflict event.
fn threat_for(code: EventCode) -> Option<&'static str> {
    let s = code.as_str();
    Some(match code.root_number() {
        16 if s.starts_with("161") => "1313",
        16 if s.starts_with("162") => "1311",
        16 if s.starts_with("163") => "1312",
        16 if s.starts_with("164") => "134",
        16 if s.starts_with("165") => "135",
        16 if s.starts_with("166") => "136",
        16 => "131",
        17 if s.starts_with("1721") => "1321",
        17 if s.starts_with("1722") => "1322",
        17 if s.starts_with("1723") => "1323",
        17 if s.starts_with("1724") => "1324",
        17 if s.starts_with("172") => "132",
        17 => "137",
        14 => "133",
        15 => "138",
        18 => "1383",
        19 if s.starts_with("191") => "1381",
        19 if s.starts_with("192") => "1382",
        19 => "1384",
        20 => "1385",
        4 => "134",
        _ => return None,
    })
}

fn compose(prefix: &str, sub: &str) -> Option<EventCode> {
    // Refusals number yielding as 124 (1241-1246) rather than 125.
    EventCode::new(&format!("{prefix}{sub}"))
}

/// The code a frame gives for an embedded event `embedded`, checked against the code
/// table (falling back to the nearest code that exists), or `None` when the frame has
/// no counterpart and the pattern's own code should be used.
pub fn derive(frame: Frame, embedded: EventCode, table: &CameoTable) -> Option<EventCode> {
    let candidate = match frame {
        Frame::Threat => compose("", threat_for(embedded)?)?,
        Frame::Intent => match embedded.root_number() {
            14..=20 => compose("", threat_for(embedded)?)?,
            _ => compose("03", parallel(embedded)?)?,
        },
        Frame::Appeal => compose("02", parallel(embedded)?)?,
        Frame::Demand => compose("10", parallel(embedded)?)?,
        Frame::Reject => {
            let p = parallel(embedded)?;
            let p = match p {
                "5" => "4".to_string(),
                s if s.starts_with('5') => format!("4{}", (s.as_bytes()[1] - b'0')),
                "4" => "3".to_string(),
                "6" => "5".to_string(),
                "8" => "6".to_string(),
                "7" => "7".to_string(),
                "2" | "3" | "31" | "32" | "33" | "34" => "2".to_string(),
                other => other.to_string(),
            };
            compose("12", &p)?
        }
    };
    // Keep the most specific code the table knows.
    let mut c = candidate;
    loop {
        if table.get(c).is_some() {
            return Some(c);
        }
        if c.len() <= 3 {
            return None;
        }
        c = c.parent();
    }
}

/// Links each frame to its embedded event (`urged X to withdraw`): the embedded event
/// is only requested (hypothetical) and takes the frame's target as its subject; a
/// frame with no target of its own acts on the embedded target (`agreed to provide aid
/// to Romania`).
pub(super) fn link_embedded(found: &mut [Found], mentions: &[Mention]) {
    for i in 0..found.len() {
        let Some(ft) = found[i].m.frame_token else {
            continue;
        };
        let Some(j) = found.iter().position(|f| f.trigger.0 == ft) else {
            continue;
        };
        found[j].embedded = true;
        if found[i].target.is_none()
            && let Some(tg) = found[j].target
            && found[i]
                .source
                .is_none_or(|(s, _)| mentions[s].code != mentions[tg].code)
        {
            found[i].target = Some(tg);
        }
        if found[j].mode == Mode::Asserted && !found[j].as_written {
            found[j].mode = Mode::Hypothetical;
        }
        // `urged X to V`: the pattern's target, between the verb and the embedded one,
        // is the embedded verb's subject, whatever actor stands further back.
        let object_control = found[i].m.target.is_some_and(|tg| {
            let first = mentions[tg].first_token as usize;
            first >= found[i].trigger.1 && first < ft
        });
        if let Some(tg) = found[i].target
            && (object_control || found[j].source.is_none_or(|(_, weak)| weak))
        {
            found[j].source = Some((tg, false));
        }
    }
}

/// The frame a pattern names (`%appeal`, `%intent`, ...), if any.
fn frame_of(p: &Pattern) -> Option<Frame> {
    p.after
        .iter()
        .chain(p.before.iter())
        .find_map(|(e, _)| match e {
            Elem::Frame(f) => Some(*f),
            _ => None,
        })
}

/// The code of `f` before its mode is settled, and the embedded code it was derived
/// from: a frame over an embedded event takes that event's parallel code (`urged X to
/// withdraw` -> 0256); a reported obligation (the coder's %demand) is a demand, 100
/// when CAMEO has no parallel; otherwise the pattern's code.
pub(super) fn frame_code(
    coder: &EventCoder,
    f: &Found,
    found: &[Found],
) -> (EventCode, Option<EventCode>) {
    let pattern = &coder.patterns.entries[f.entry as usize].patterns[f.m.pattern];
    let demand = EventCode::new("100").expect("valid code");
    let mut code = f.code;
    let mut derived_from = None;
    if let Some(ft) = f.m.frame_token
        && let Some(emb) = found.iter().find(|g| g.trigger.0 == ft)
    {
        let emb_code = emb.code;
        if let Some(frame) = f.frame.or_else(|| frame_of(pattern))
            && let Some(c) = derive(frame, emb_code, &coder.cameo)
        {
            code = c;
            derived_from = Some(emb_code);
        } else if f.frame == Some(Frame::Demand) {
            code = demand;
            derived_from = Some(emb_code);
        }
    }
    if f.frame == Some(Frame::Demand) && derived_from.is_none() {
        code = demand;
    }
    (code, derived_from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;

    fn code(s: &str) -> EventCode {
        EventCode::new(s).unwrap()
    }

    #[test]
    fn frames_follow_cameo_parallels() {
        let d = Dictionaries::builtin().unwrap();
        let t = &d.cameo;
        let got = |f, c| derive(f, code(c), t).map(|c| c.as_str().to_string());
        assert_eq!(got(Frame::Appeal, "0874").as_deref(), Some("0256"));
        assert_eq!(got(Frame::Demand, "087").as_deref(), Some("1056"));
        assert_eq!(got(Frame::Intent, "036").as_deref(), None);
        assert_eq!(got(Frame::Intent, "040").as_deref(), Some("036"));
        assert_eq!(got(Frame::Intent, "061").as_deref(), Some("0311"));
        assert_eq!(got(Frame::Intent, "190").as_deref(), Some("1384"));
        assert_eq!(got(Frame::Threat, "163").as_deref(), Some("1312"));
        assert_eq!(got(Frame::Reject, "087").as_deref(), Some("1246"));
        assert_eq!(got(Frame::Reject, "046").as_deref(), Some("125"));
        assert_eq!(got(Frame::Appeal, "190"), None);
    }

    #[test]
    fn an_embedded_event_is_requested_of_the_frames_target() {
        use super::super::testkit::{Step, probe};
        let text = "The United Nations urged Israel to withdraw its troops.";
        let p = probe(text, Step::Frames);
        let withdraw = p.event("withdraw");
        assert!(withdraw.embedded);
        assert_eq!(withdraw.mode, Mode::Hypothetical);
        assert_eq!(p.target("urged"), Some("Israel"));
        let urged = p.event("urged");
        let (code, from) = frame_code(&super::super::testkit::pipeline().events, urged, &p.found);
        assert!(code.as_str().starts_with("025"), "{code:?}");
        assert!(from.is_some());
    }
}
