//! Reported speech: quotations, the speaker of a reporting verb, `would` and `must`
//! in what is reported.
//!
//! - [`mark_quotes`]: which tokens lie inside quotation marks;
//! - [`reporting_speaker`]: `<content>, the minister said` and `..., said Putin`;
//! - [`statement_topic`]: the target of a statement, the actor it is about (`said
//!   NATO would need to remain strong`);
//! - [`would_looks_forward`]: `X said it would withdraw` is an intention, not a
//!   hypothesis;
//! - [`reported_obligations`]: `X said Y must withdraw` is X demanding it of Y.

use super::patterns::SentenceView;
use super::{Found, Mode};
use crate::dict::Frame;
use crate::lexicon::{UNKNOWN, WordClass};
use crate::segment::Token;

/// Marks, for each of `tokens` (one sentence), whether it lies inside a quotation (the
/// quotation marks themselves are outside).
pub(super) fn mark_quotes(text: &str, tokens: &[Token], out: &mut Vec<bool>) {
    out.clear();
    let mut inside = false;
    for token in tokens {
        let q = matches!(&text[token.span()], "“" | "”" | "\"" | "«" | "»");
        if q {
            inside = !inside;
        }
        out.push(inside && !q);
    }
}

/// The speaker of a reporting verb whose verb group starts at `clause_start`.
/// `<content>, the minister said`: the speaker stands between the last comma and the
/// verb, so an actor before the comma belongs to the content and is dropped; a
/// reporting verb with its subject after it (`..., said Putin`) takes that subject.
pub(super) fn reporting_speaker(view: &SentenceView<'_>, f: &mut Found, clause_start: usize) {
    if !f.reporting {
        return;
    }
    let (words, lex, mentions) = (view.words, view.lex, view.mentions);
    if let Some((mi, _)) = f.source
        && let Some(comma) = (mentions[mi].end_token as usize..clause_start)
            .rev()
            .find(|&q| &view.text[view.tokens[q].span()] == ",")
        && !lex.class(words[comma + 1]).has(WordClass::CONJUNCTION)
        && comma + 1 < clause_start
    {
        f.source = None;
    }
    if f.source.is_none_or(|(_, weak)| weak)
        && let Some(mi) = view.mention_at(f.trigger.0 + 1)
        && (mentions[mi].end_token as usize >= view.end
            || view.is_boundary(mentions[mi].end_token as usize))
    {
        f.source = Some((mi, false));
    }
}

/// The target of a reporting verb with no target of its own pattern: the subject of
/// the reported clause (`Powell said on Wednesday NATO would need to remain strong`:
/// NATO), when it comes before any other trigger, within a few words, and is not the
/// speaker again (`Pakistan says it shot down ...`: the statement has no other actor,
/// and the shooting is the event). A quoted statement's content comes before its
/// verb and gives no target here.
pub(super) fn statement_topic(view: &SentenceView<'_>, f: &Found) -> Option<usize> {
    let speaker = f.source.map(|(s, _)| view.mentions[s].code);
    let end = (f.m.end + 8).min(view.end);
    let mut t = f.m.end;
    while t < end {
        if view.is_boundary(t) || view.is_trigger[t - view.start] {
            return None;
        }
        if let Some(m) = view.mention_at(t) {
            let mm = &view.mentions[m];
            if mm.modifier || view.possessor(m) {
                t = (mm.end_token as usize).max(t + 1);
                continue;
            }
            return (Some(mm.code) != speaker).then_some(m);
        }
        t += 1;
    }
    None
}

/// In reported speech `would` looks forward from the past: `X said it would withdraw`
/// reports an intention (future), not a hypothesis. Applies to the events after a
/// reporting verb up to the next one, in the same quotation state.
pub(super) fn would_looks_forward(found: &mut [Found]) {
    for r in 0..found.len() {
        if !found[r].reporting {
            continue;
        }
        for k in r + 1..found.len() {
            if found[k].reporting {
                break;
            }
            if found[k].would
                && found[k].mode == Mode::Hypothetical
                && found[k].quote == found[r].quote
            {
                found[k].mode = Mode::Future;
            }
        }
    }
}

/// A reported obligation is a demand: `X said Y must withdraw` is X demanding that Y
/// withdraw (the %demand frame over Y's event, which becomes embedded). With no coded
/// verb after the obligation (`Sudan must return a helicopter`) it is still a demand
/// on the actor that must act. The demands are appended to `found`.
pub(super) fn reported_obligations(view: &SentenceView<'_>, found: &mut Vec<Found>) {
    let reported = found.len();
    for r in 0..reported {
        if !found[r].reporting || found[r].source.is_none() {
            continue;
        }
        let next = (r + 1..reported)
            .take_while(|&k| !found[k].reporting)
            .find(|&k| found[k].obligation && found[k].quote == found[r].quote);
        if let Some(k) = next
            && let Some((target, _)) = found[k].source
        {
            let mut demand = found[r].clone();
            demand.reporting = false;
            demand.target = Some(target);
            demand.m.frame_token = Some(found[k].trigger.0);
            demand.frame = Some(Frame::Demand);
            found[k].embedded = true;
            found.push(demand);
        } else if next.is_none()
            && let Some(target) = obliged_actor(view, found, r, reported)
        {
            let mut demand = found[r].clone();
            demand.reporting = false;
            demand.target = Some(target);
            demand.frame = Some(Frame::Demand);
            found.push(demand);
        }
    }
}

/// The actor followed by `must` or `should` after reporting verb `r`, before the next
/// reporting verb among the first `reported` events (`Sudan must return ...`).
fn obliged_actor(
    view: &SentenceView<'_>,
    found: &[Found],
    r: usize,
    reported: usize,
) -> Option<usize> {
    let (words, lex, mentions, e) = (view.words, view.lex, view.mentions, view.end);
    let end = found[r + 1..reported]
        .iter()
        .find(|f| f.reporting)
        .map_or(e, |f| f.trigger.0);
    (found[r].trigger.1..end.saturating_sub(1)).find_map(|q| {
        let m = view
            .mention_ids
            .iter()
            .copied()
            .find(|&mi| mentions[mi].first_token as usize == q)?;
        let after = mentions[m].end_token as usize;
        (after < e
            && matches!(lex.word(words[after]), "must" | "should")
            && words[after] != UNKNOWN
            && heads_clause(view, q)
            && !state_follows(view, after + 1))
        .then_some(m)
    })
}

/// Whether the mention starting at `q` opens its clause's subject: after its
/// articles, the reporting verb, `that`, a comma or a quotation mark comes before it,
/// or `and` outside a `between` phrase. Not `the relationship between Tokyo and
/// Washington should ...`: Washington is not obliged.
fn heads_clause(view: &SentenceView<'_>, q: usize) -> bool {
    let surface = |t: usize| &view.text[view.tokens[t].span()];
    let mut p = q;
    while p > view.start
        && matches!(
            surface(p - 1).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        )
    {
        p -= 1;
    }
    if p == view.start {
        return true;
    }
    let before = surface(p - 1).to_ascii_lowercase();
    match before.as_str() {
        "and" => !(p.saturating_sub(6).max(view.start)..p)
            .any(|t| surface(t).eq_ignore_ascii_case("between")),
        "that" | "," | "\"" | "“" | "'" | "‘" | ":" => true,
        _ => {
            view.words[p - 1] != UNKNOWN
                && super::roles::STATEMENT_WORDS.contains(&view.lex.word(view.words[p - 1]))
        }
    }
}

/// Whether a state, not an act, follows `must`/`should` at `q` (`should not be
/// undermined`, `must be on the side of`, `should have been`): no one is asked to act
/// (but `must be ready to mediate` is asked of its subject).
fn state_follows(view: &SentenceView<'_>, mut q: usize) -> bool {
    let word = |t: usize| view.text[view.tokens[t].span()].to_ascii_lowercase();
    if q < view.end && word(q) == "not" {
        q += 1;
    }
    // `must be ready to mediate` still asks for an act.
    let ready = q + 1 < view.end
        && matches!(
            word(q + 1).as_str(),
            "ready" | "prepared" | "willing" | "able"
        );
    q < view.end && matches!(word(q).as_str(), "be" | "have") && !ready
}

#[cfg(test)]
mod tests {
    use super::super::Mode;
    use super::super::testkit::{Step, analyse, probe};
    use crate::dict::Frame;

    #[test]
    fn quotation_marks_delimit_quoted_tokens() {
        let (doc, a) = analyse("Peru said “we will fight” on Monday.");
        let tokens = &a.segmented.tokens[a.segmented.sentences[0].tokens.clone()];
        let mut quotes = Vec::new();
        super::mark_quotes(&doc.text, tokens, &mut quotes);
        let quoted: Vec<&str> = tokens
            .iter()
            .zip(&quotes)
            .filter(|(_, q)| **q)
            .map(|(t, _)| &doc.text[t.span()])
            .collect();
        assert_eq!(quoted, ["we", "will", "fight"]);
    }

    #[test]
    fn a_reporting_verb_before_its_subject_takes_it() {
        let p = probe("Talks must resume soon, said Putin.", Step::Roles);
        assert_eq!(p.source("said"), Some("Putin"));
    }

    #[test]
    fn would_in_reported_speech_is_future() {
        let text = "Iran said it would attack Israel.";
        assert_eq!(
            probe(text, Step::Frames).event("attack").mode,
            Mode::Hypothetical
        );
        assert_eq!(probe(text, Step::Would).event("attack").mode, Mode::Future);
    }

    #[test]
    fn a_reported_obligation_is_a_demand_on_the_obliged() {
        let p = probe(
            "France said Iran must release the hostages.",
            Step::Obligations,
        );
        let demand = p
            .found
            .iter()
            .find(|f| f.frame == Some(Frame::Demand))
            .expect("a demand");
        assert_eq!(demand.source.map(|(m, _)| p.mention(m)), Some("France"));
        assert_eq!(demand.target.map(|m| p.mention(m)), Some("Iran"));
    }
}
