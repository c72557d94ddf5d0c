//! Country (or organisation) + agent: `Russian troops`, `China's foreign minister`,
//! `US military officials`, `Kremlin officials`; then, after a singular title, a
//! person or an unknown name: `Russian President Vladimir Putin`, `Chinese Foreign
//! Minister Qin Gang`.

use super::{At, Piece, Sent, compose_code};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::codes::ActorCode;
use crate::dict::Origin;

/// The holder of a title named after it.
struct Holder {
    /// The person's code (a dictionary person); `None` for an unknown name.
    code: Option<ActorCode>,
    /// One past the name's last token.
    end: usize,
    /// Pieces the name used after the title's (an unknown name's surname piece).
    more: usize,
    /// How the holder was resolved.
    resolution: Resolution,
}

/// What a singular title after a country names: a person in the dictionaries or an
/// unknown name; `None` when no name follows.
fn named_holder(
    sent: &Sent<'_, '_>,
    at: &At,
    pieces: &[Piece],
    title: Piece,
    title_origin: Origin,
) -> Option<Holder> {
    let rec = sent.rec;
    let k = at.k;
    if let Some(r) = pieces.get(k + 2).copied().filter(|r| r.start == title.end)
        && let Some((who, _)) = sent.person(&r)
    {
        let (c, origin, office) = rec.person_code(who, sent.date);
        let resolution = Resolution::Person {
            source: rec.locate(origin),
            office,
        };
        return Some(Holder {
            code: Some(c),
            end: r.end,
            more: 1,
            resolution,
        });
    }
    let limit = pieces.get(k + 2).map_or(sent.end, |r| r.start);
    let name_end = sent.unknown_name(title.end, limit)?;
    let (name_end, more) = sent.surname_piece(pieces, k + 2, name_end);
    let resolution = Resolution::Title {
        title: rec.locate(title_origin),
    };
    Some(Holder {
        code: None,
        end: name_end,
        more,
        resolution,
    })
}

/// Country + agent (+ person or unknown name). Returns the pieces used.
pub(super) fn compose(
    sent: &Sent<'_, '_>,
    at: &At,
    pieces: &[Piece],
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let actor = sent.actor(&p).filter(|a| a.kind.modifies_agents())?;
    let q = at.next?;
    let agent = sent.agent(&q)?;
    if !sent.modifier_gap(p.end, q.start) {
        return None;
    }
    let (agent, end, extra) = sent.agent_compound(pieces, at.k + 2, q, agent);
    let role = rec.roles[agent.role as usize].code;
    let former = at.former_before || sent.any_former(p.end, q.start);
    let mut code = compose_code(rec, actor, role, former);
    let mut end = end;
    let mut used = 2 + extra;
    let mut kind = MentionKind::Agent;
    let mut person = agent.person;
    let mut resolution = Resolution::Composed {
        rule: "country + agent",
        country: rec.locate(actor.origin),
        agent: rec.locate(agent.origin),
    };
    if agent.person
        && !agent.plural
        && let Some(holder) = named_holder(sent, at, pieces, q, agent.origin)
    {
        // A dictionary person is the piece right after the title's; an unknown name
        // adds its surname piece, if any, to the agent's pieces.
        match holder.code {
            Some(c) => {
                // A current title the text gives (`U.S. Treasury Secretary James Baker`)
                // says the office held that day where the dictionary knows no term
                // for the date: the title's code stands.
                let out_of_office = matches!(
                    &holder.resolution,
                    Resolution::Person { office: Some(o), .. } if o == crate::actors::OUT_OF_OFFICE
                );
                if former || !out_of_office {
                    code = c;
                }
                used = 3;
            }
            None => used += holder.more,
        }
        end = holder.end;
        kind = MentionKind::Person;
        person = true;
        resolution = holder.resolution;
    }
    out.push(Mention {
        person,
        plural: agent.plural && kind != MentionKind::Person,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..end,
            end - 1,
            code,
            kind,
            resolution,
        )
    });
    Some(used)
}

#[cfg(test)]
mod tests {
    use crate::actors::Resolution;
    use crate::actors::testing::{codes, find};

    #[test]
    fn nationality_and_agent() {
        assert_eq!(
            codes("Russian troops crossed the border.", "Russian troops"),
            ["RUSMIL"]
        );
        assert_eq!(
            codes(
                "China's foreign minister spoke.",
                "China's foreign minister"
            ),
            ["CHNGOV"]
        );
        // An adjective of rank or standing between (`lexicon.rs`, title modifiers).
        assert_eq!(
            codes(
                "Kenya's supreme leader spoke on Monday.",
                "Kenya's supreme leader"
            ),
            ["KENGOV"]
        );
        assert_eq!(
            codes(
                "Uganda's revolutionary leader spoke on Monday.",
                "Uganda's revolutionary leader"
            ),
            ["UGAGOV"]
        );
    }

    #[test]
    fn a_title_after_the_country_takes_an_unknown_name() {
        let m = find(
            "Chinese Foreign Minister Tomas Vrenk spoke.",
            "Chinese Foreign Minister Tomas Vrenk",
        );
        assert_eq!(m[0].1.code.to_string(), "CHNGOV");
        assert!(matches!(m[0].1.resolution, Resolution::Title { .. }));
    }

    #[test]
    fn former_gives_the_elite_role() {
        assert_eq!(
            codes("The former Kenyan president spoke.", "Kenyan president"),
            ["KENELI"]
        );
    }
}
