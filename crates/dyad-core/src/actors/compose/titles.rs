//! Title + name: `President Xi Jinping` (a person in the dictionaries, by the story's
//! date), `President Tomas Vrenk` (an unknown name after a capitalised title: the
//! title's role, country unknown until [`crate::actors::coref`] locates it).

use super::{At, Piece, Sent};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::segment::TokenFlags;

/// A singular person title, then a dictionary person or an unknown name. Returns the
/// pieces used.
pub(super) fn compose(
    sent: &Sent<'_, '_>,
    at: &At,
    pieces: &[Piece],
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let rec = sent.rec;
    let p = at.p;
    let agent = sent.agent(&p).filter(|a| a.person && !a.plural)?;
    if let Some(q) = at.next.filter(|q| q.start == p.end)
        && let Some((who, _)) = sent.person(&q)
    {
        let (code, origin, office) = rec.person_code(who, sent.date);
        let resolution = Resolution::Person {
            source: rec.locate(origin),
            office,
        };
        out.push(Mention {
            person: true,
            ..Mention::new(
                at.sentence,
                sent.ctx.tokens,
                p.start..q.end,
                q.end - 1,
                code,
                MentionKind::Person,
                resolution,
            )
        });
        return Some(2);
    }
    let limit = at.next.map_or(sent.end, |q| q.start);
    let capital_title = sent.ctx.tokens[p.start]
        .flags
        .contains(TokenFlags::CAPITALIZED);
    if !capital_title {
        return None;
    }
    let name_end = sent.unknown_name(p.end, limit)?;
    let (name_end, more) = sent.surname_piece(pieces, at.k + 1, name_end);
    let role = rec.roles[agent.role as usize].code;
    let code = rec.known_roles.unknown_country.with_role(&role);
    let resolution = Resolution::Title {
        title: rec.locate(agent.origin),
    };
    out.push(Mention {
        person: true,
        ..Mention::new(
            at.sentence,
            sent.ctx.tokens,
            p.start..name_end,
            name_end - 1,
            code,
            MentionKind::Person,
            resolution,
        )
    });
    Some(1 + more)
}

#[cfg(test)]
mod tests {
    use crate::actors::Resolution;
    use crate::actors::testing::find;

    #[test]
    fn a_title_and_a_known_person() {
        let m = find(
            "President Vladimir Putin spoke.",
            "President Vladimir Putin",
        );
        assert_eq!(m[0].1.code.to_string(), "RUSGOV");
        assert!(matches!(m[0].1.resolution, Resolution::Person { .. }));
    }

    #[test]
    fn a_capitalised_title_and_an_unknown_name() {
        let m = find("Minister Tomas Vrenk spoke.", "Minister Tomas Vrenk");
        assert_eq!(m[0].1.code.to_string(), "---GOV");
        assert!(matches!(m[0].1.resolution, Resolution::Title { .. }));
        assert!(find("the minister Tomas Vrenk spoke.", "minister Tomas Vrenk").is_empty());
    }
}
