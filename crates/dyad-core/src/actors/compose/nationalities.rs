//! Coordinated nationalities before one agent noun: `Hungarian and Romanian officials`
//! gives `HUNGOV` and `ROUGOV`, one compound actor.

use super::{At, Piece, Sent, compose_code};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::lexicon::WordClass;

/// Two nationality adjectives or more, joined by commas and conjunctions, then an
/// agent: one agent mention per nationality, in one group. Returns the pieces used.
pub(super) fn compose(
    sent: &Sent<'_, '_>,
    at: &At,
    pieces: &[Piece],
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let rec = sent.rec;
    let first_adj = sent.adjective(&at.p)?;
    let mut adjs = vec![(at.p, first_adj)];
    let mut j = at.k + 1;
    while j < pieces.len() {
        let q = pieces[j];
        let last_end = adjs.last().expect("non-empty").0.end;
        let gap_ok = (last_end..q.start)
            .all(|t| sent.norm_is(t, ",") || sent.class(t).has(WordClass::CONJUNCTION));
        match sent.adjective(&q) {
            Some(a) if gap_ok && q.start > last_end => {
                adjs.push((q, a));
                j += 1;
            }
            _ => break,
        }
    }
    let last_end = adjs.last().expect("non-empty").0.end;
    if adjs.len() < 2 {
        return None;
    }
    let ag_piece = pieces.get(j).copied()?;
    let agent = sent.agent(&ag_piece)?;
    if !sent.modifier_gap(last_end, ag_piece.start) {
        return None;
    }
    let role = rec.roles[agent.role as usize].code;
    let former = at.former_before || sent.any_former(last_end, ag_piece.start);
    for (q, a) in &adjs {
        let code = compose_code(rec, *a, role, former);
        let resolution = Resolution::Composed {
            rule: "coordinated nationalities + agent",
            country: rec.locate(a.origin),
            agent: rec.locate(agent.origin),
        };
        out.push(Mention {
            person: agent.person,
            plural: true,
            ..Mention::new(
                at.sentence,
                sent.ctx.tokens,
                q.start..q.end,
                ag_piece.end - 1,
                code,
                MentionKind::Agent,
                resolution,
            )
        });
    }
    // The members form one compound actor.
    let n = adjs.len();
    let len = out.len();
    let group = (len - n) as u32;
    for m in &mut out[len - n..] {
        m.group = Some(group);
    }
    Some(j + 1 - at.k)
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::mentions;

    #[test]
    fn coordinated_nationalities_share_the_agent() {
        let m = mentions("Hungarian and Romanian officials met on Monday.");
        let got: Vec<(&str, String)> = m
            .iter()
            .map(|(s, m)| (s.as_str(), m.code.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("Hungarian", "HUNGOV".into()),
                ("Romanian", "ROUGOV".into())
            ]
        );
        assert!(m[0].1.group.is_some() && m[0].1.group == m[1].1.group);
    }

    #[test]
    fn one_nationality_is_left_to_the_next_rule() {
        let m = mentions("Hungarian officials met on Monday.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0, "Hungarian officials");
    }
}
