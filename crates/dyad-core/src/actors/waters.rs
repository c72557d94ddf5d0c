//! Seas, oceans, gulfs and straits named after a country: `the Indian Ocean`, `the South
//! China Sea`, `the Taiwan Strait`, `the Sea of Japan`, `the Gulf of Mexico`. The water is
//! a place, not the state its name holds: the country or region mention inside such a
//! name is dropped, so that it is neither source nor target (`sympathy for the victims
//! of the Indian Ocean tidal wave` is no act towards India). A region whose own name
//! ends in the water word (`Persian Gulf`, PGS in the dictionaries) is matched whole and
//! left alone.
//!
//! Runs after the company steps, before the links within the story.

use super::matcher::MatchContext;
use super::{Mention, MentionKind};
use crate::segment::Sentence;

/// Capitalised words that make a preceding (or, after `of`, following) name a body of
/// water.
const WATER_WORDS: [&str; 7] = [
    "Ocean", "Sea", "Gulf", "Strait", "Straits", "Channel", "Bay",
];

/// Drops the country and region mentions among `out[first..]` that are part of the name
/// of a body of water.
pub(super) fn drop_water_names(
    ctx: &MatchContext<'_>,
    sentence: &Sentence,
    first: usize,
    out: &mut Vec<Mention>,
) {
    super::drop_new_mentions(out, first, |m| water_name(ctx, sentence, m));
}

/// Whether `m`, a country or region, is followed by a water word (`Indian Ocean`, `China
/// Sea`) or follows one and `of` (`Sea of Japan`, `Gulf of Mexico`).
fn water_name(ctx: &MatchContext<'_>, sentence: &Sentence, m: &Mention) -> bool {
    if !matches!(m.kind, MentionKind::Country | MentionKind::Region) {
        return false;
    }
    let word = |t: usize| &ctx.text[ctx.tokens[t].span()];
    let (a, b) = (m.first_token as usize, m.end_token as usize);
    let before =
        a >= sentence.tokens.start + 2 && word(a - 1) == "of" && WATER_WORDS.contains(&word(a - 2));
    let after = b < sentence.tokens.end && WATER_WORDS.contains(&word(b));
    before || after
}

#[cfg(test)]
mod tests {
    use crate::actors::testing::codes;

    #[test]
    fn a_country_in_the_name_of_a_sea_is_no_actor() {
        for (text, surface) in [
            (
                "He expressed sympathy for the victims of the Indian Ocean tidal wave.",
                "Indian",
            ),
            (
                "Chinese ships patrolled the South China Sea near the Philippines.",
                "China",
            ),
            ("Warships crossed the Taiwan Strait on Monday.", "Taiwan"),
            ("A tanker sank in the Gulf of Mexico on Monday.", "Mexico"),
        ] {
            assert!(codes(text, surface).is_empty(), "{text}");
        }
        // The country beside it is still one; so is a region named with the water word.
        assert_eq!(
            codes(
                "Chinese ships patrolled the South China Sea near the Philippines.",
                "Chinese"
            ),
            vec!["CHN".to_string()]
        );
        assert_eq!(
            codes(
                "Iranian boats attacked a tanker in the Persian Gulf.",
                "Persian Gulf"
            ),
            vec!["PGS".to_string()]
        );
    }
}
