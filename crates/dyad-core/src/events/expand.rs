//! The last step: compound actors into one event per member, mutual actions from both
//! sides, and the same event found twice in a sentence kept once.

use super::Event;
use crate::actors::Mention;
use crate::codes::ActorCode;

/// The members of mention `m`'s compound (`Russia and China`), or `m` alone.
fn members(mentions: &[Mention], m: usize) -> Vec<usize> {
    let Some(g) = mentions[m].group else {
        return vec![m];
    };
    crate::actors::sentence_mentions(mentions, m)
        .filter(|&i| mentions[i].group == Some(g))
        .collect()
}

/// Expands compound sources and targets into one event per member, appended to `out`.
/// A `reciprocal` pattern with a compound source and no target codes each member on
/// each other (`Russia and China met`); with an `explicit_target` it also codes the
/// target's side (`met Putin`).
pub(super) fn expand(
    base: Event,
    mentions: &[Mention],
    reciprocal: bool,
    explicit_target: bool,
    out: &mut Vec<Event>,
) {
    let sources: Vec<Option<usize>> = match base.source {
        Some(s) => members(mentions, s).into_iter().map(Some).collect(),
        None => vec![None],
    };
    let group = base
        .source
        .and_then(|s| mentions[s].group)
        .or(base.target.and_then(|t| mentions[t].group));
    match base.target {
        None if reciprocal && sources.len() > 1 => {
            each_on_each(&base, mentions, &sources, group, out);
        }
        target => {
            let targets: Vec<Option<usize>> = match target {
                Some(t) => members(mentions, t).into_iter().map(Some).collect(),
                None => vec![None],
            };
            let pair = Pairs {
                base: &base,
                mentions,
                group,
                reciprocal: reciprocal && explicit_target,
                several: sources.len() > 1 || targets.len() > 1,
                single_target: targets.len() <= 1,
            };
            for &a in &sources {
                for &t in &targets {
                    pair.push(a, t, out);
                }
            }
        }
    }
}

/// The source's code, a member's own or the event's (`---` when unknown).
fn code_of(base: &Event, mentions: &[Mention], a: Option<usize>) -> ActorCode {
    a.map_or(base.source_code, |a| code_for(base, mentions, a))
}

/// The code of mention `m` in this event: the event's own code for its source or target
/// (the coder may narrow it: `Israeli military policies` are Israel's), else the
/// mention's.
fn code_for(base: &Event, mentions: &[Mention], m: usize) -> ActorCode {
    if base.source == Some(m) {
        base.source_code
    } else if base.target == Some(m) {
        base.target_code.unwrap_or(mentions[m].code)
    } else {
        mentions[m].code
    }
}

/// A mutual action of a compound with no target: each member on each other member of
/// another code.
fn each_on_each(
    base: &Event,
    mentions: &[Mention],
    sources: &[Option<usize>],
    group: Option<u32>,
    out: &mut Vec<Event>,
) {
    for &a in sources {
        for &b in sources.iter().flatten() {
            if a != Some(b) && code_of(base, mentions, a) != code_for(base, mentions, b) {
                out.push(Event {
                    source: a,
                    source_code: code_of(base, mentions, a),
                    target: Some(b),
                    target_code: Some(code_for(base, mentions, b)),
                    group,
                    ..base.clone()
                });
            }
        }
    }
}

/// What every (source member, target member) pair of one event shares.
struct Pairs<'a> {
    base: &'a Event,
    mentions: &'a [Mention],
    group: Option<u32>,
    /// Also code the target's side (a reciprocal pattern with an explicit target).
    reciprocal: bool,
    /// More than one source or target member: the events share a group number.
    several: bool,
    /// At most one target member.
    single_target: bool,
}

impl Pairs<'_> {
    /// Codes source `a` on target `t`. An actor does not act on itself: such a pair is
    /// dropped, or coded without a target when there is no other target.
    fn push(&self, a: Option<usize>, t: Option<usize>, out: &mut Vec<Event>) {
        let (base, mentions) = (self.base, self.mentions);
        let source_code = code_of(base, mentions, a);
        let own = t.is_some_and(|t| code_for(base, mentions, t) == source_code);
        if own && !self.single_target {
            return;
        }
        let t = t.filter(|_| !own);
        out.push(Event {
            source: a,
            source_code,
            target: t,
            target_code: t.map(|t| code_for(base, mentions, t)),
            group: if self.several { self.group } else { None },
            ..base.clone()
        });
        // A mutual action (`met`, `signed an agreement with`) is also coded from the
        // target's side.
        if self.reciprocal
            && let Some(t) = t
            && let Some(a) = a
        {
            out.push(Event {
                source: Some(t),
                source_code: code_for(base, mentions, t),
                target: Some(a),
                target_code: Some(code_for(base, mentions, a)),
                primary: false,
                group: self.group,
                ..base.clone()
            });
        }
    }
}

/// Drops the events from `from` on that repeat an earlier event of their sentence (a
/// verb and its noun, two patterns over one phrase); one without a target adds nothing
/// to the same event with one (`arrived in Amman on a visit`), and an event with a
/// target replaces the same one without (taking over its primary flag).
pub(super) fn drop_repeats(out: &mut Vec<Event>, from: usize) {
    let same = |x: &Event, e: &Event| {
        x.code == e.code && x.source_code == e.source_code && x.mode == e.mode
    };
    let mut k = from;
    while k < out.len() {
        let e = &out[k];
        let sentence_start = out[..k]
            .iter()
            .rposition(|x| x.sentence != e.sentence)
            .map_or(0, |p| p + 1);
        let dup = out[sentence_start..k]
            .iter()
            .any(|x| same(x, e) && (x.target_code == e.target_code || e.target_code.is_none()));
        if dup {
            out.remove(k);
            continue;
        }
        if e.target_code.is_some()
            && let Some(p) = out[sentence_start..k]
                .iter()
                .position(|x| same(x, e) && x.target_code.is_none())
        {
            let p = sentence_start + p;
            let primary = out[p].primary;
            out[k].primary |= primary;
            out.remove(p);
            k -= 1;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::events;
    use super::*;
    use crate::codes::EventCode;
    use crate::dict::Origin;

    fn event(sentence: u32, code: &str, source: &str, target: Option<&str>) -> Event {
        Event {
            sentence,
            code: EventCode::new(code).expect("a code"),
            source: None,
            source_code: ActorCode::new(source).expect("a code"),
            target: None,
            target_code: target.map(|t| ActorCode::new(t).expect("a code")),
            trigger_start: 0,
            trigger_end: 1,
            mode: super::super::Mode::Asserted,
            primary: false,
            quote: false,
            group: None,
            rule: Origin { file: 0, line: 1 },
            derived_from: None,
            confidence: 0.5,
            weak_source: false,
            cues: Default::default(),
            lemma: String::new(),
            date: None,
            location: None,
        }
    }

    #[test]
    fn a_compound_source_gives_one_event_per_member() {
        let coded = events("Russia and China condemned Japan.");
        let condemn: Vec<_> = coded.iter().filter(|e| e.code.as_str() == "111").collect();
        let sources: Vec<&str> = condemn.iter().map(|e| e.source_code.as_str()).collect();
        assert_eq!(sources.len(), 2, "{coded:#?}");
        assert_ne!(sources[0], sources[1]);
        assert!(condemn[0].group.is_some() && condemn[0].group == condemn[1].group);
    }

    #[test]
    fn a_repeat_is_dropped_and_a_target_replaces_none() {
        let mut out = vec![
            event(0, "042", "RUS", None),
            event(0, "042", "RUS", Some("CHN")),
            event(0, "042", "RUS", Some("CHN")),
            event(1, "042", "RUS", Some("CHN")),
        ];
        out[0].primary = true;
        drop_repeats(&mut out, 1);
        let kept: Vec<_> = out
            .iter()
            .map(|e| (e.sentence, e.target_code.is_some(), e.primary))
            .collect();
        assert_eq!(kept, [(0, true, true), (1, true, false)]);
    }
}
