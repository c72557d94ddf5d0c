//! Which events of a sentence are coded, and which one is its main event (GDELT's
//! IsRootEvent).

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
/// a statement carrying an event noun, nor embedded in a frame; else the first neither
/// embedded nor quoted (a reporting verb); else the first.
pub(super) fn main_event(found: &[Found]) -> Option<usize> {
    let codable = || (0..found.len()).filter(|&i| codable(&found[i]));
    codable()
        .find(|&i| {
            let f = &found[i];
            !f.reporting
                && !carries_noun(found, f)
                && !f.embedded
                && !f.quote
                && !f.relative
                && f.mode != Mode::Negated
                && f.mode != Mode::Hypothetical
        })
        .or_else(|| codable().find(|&i| !found[i].embedded && !found[i].quote))
        .or_else(|| codable().next())
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{Step, probe};

    fn main_trigger(text: &str) -> String {
        let p = probe(text, Step::Refusals);
        let i = super::main_event(&p.found).expect("a main event");
        p.token(p.found[i].trigger.0).to_string()
    }

    #[test]
    fn the_reported_event_is_the_main_one() {
        assert_eq!(
            main_trigger("Japan said China attacked Vietnam."),
            "attacked"
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
