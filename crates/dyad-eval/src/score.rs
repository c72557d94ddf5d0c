//! Scoring gold records against predictions, exactly as `shared/eval/README.md` says.
//! Nothing here needs a pipeline: predictions are plain records (what `--dump-pred`
//! writes), and the CAMEO-to-PLOVER mapping is passed in as a function.

use crate::gold::{CONFLIBERT_CLASSES, GoldRecord, Kind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One predicted event, as scored and as `--dump-pred` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredEvent {
    /// The full source actor code.
    pub source: String,
    /// The full target actor code, if any.
    pub target: Option<String>,
    /// The CAMEO code.
    pub code: String,
    /// The main event of its sentence.
    #[serde(default)]
    pub primary: bool,
    /// `file:line` of the rule that fired (for `--errors`; not written).
    #[serde(skip)]
    pub rule: Option<String>,
    /// Withheld from the default output only because an actor is unknown: it still
    /// says what kind of event the sentence reports (sentence labels), but it is no
    /// record of the data set (triples).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
}

impl PredEvent {
    /// An event with no rule.
    pub fn new(source: &str, target: Option<&str>, code: &str, primary: bool) -> Self {
        PredEvent {
            source: source.into(),
            target: target.map(Into::into),
            code: code.into(),
            primary,
            rule: None,
            incomplete: false,
        }
    }
}

/// One actor mention found by the system (for actor recall).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredMention {
    /// The full actor code.
    pub code: String,
    /// Byte offset of its first byte in the record's text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

/// The system's output for one gold record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Prediction {
    /// The gold record's id.
    pub id: String,
    /// The events output, in document order.
    pub events: Vec<PredEvent>,
    /// Every actor mention found (not written by `--dump-pred`).
    #[serde(skip)]
    pub mentions: Vec<PredMention>,
}

/// Maps a CAMEO code to its PLOVER 2021 category, `None` where there is none.
pub type PloverMap<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Counts for micro precision, recall and F1. A ratio with a zero denominator is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Prf {
    /// tp / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    /// tp / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// The three triple scores of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TripleScores {
    /// Source, target and code agree.
    pub triple: Prf,
    /// The code alone agrees.
    pub code: Prf,
    /// Source and target agree.
    pub pair: Prf,
    /// Gold records with no event (PETRARCH's `noevents` sentences, among others).
    pub no_event_records: usize,
    /// Of those, the records for which the system coded no event either.
    pub no_event_correct: usize,
}

impl TripleScores {
    /// The share of gold records without events that the system left without events.
    pub fn no_event_accuracy(&self) -> f64 {
        ratio(self.no_event_correct, self.no_event_records)
    }
}

/// One class of a label file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassScore {
    /// The label.
    pub label: String,
    /// Sentences whose gold label it is.
    pub gold: usize,
    /// Sentences predicted with it.
    pub predicted: usize,
    /// Sentences predicted with it whose gold label it is.
    pub correct: usize,
}

impl ClassScore {
    /// correct / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// correct / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// How often one gold label was predicted as another (or `NONE`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// The gold label.
    pub gold: String,
    /// The predicted label, `NONE` when nothing was predicted.
    pub predicted: String,
    /// Sentences.
    pub count: usize,
}

/// The label a sentence gets when no event gives one.
pub const NONE: &str = "NONE";

/// Scores of a one-label-per-sentence file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScores {
    /// Sentences.
    pub n: usize,
    /// Sentences labelled right.
    pub correct: usize,
    /// Sentences labelled `NONE`.
    pub none: usize,
    /// The classes present in gold, most frequent first.
    pub classes: Vec<ClassScore>,
    /// Every confusion, most frequent first.
    pub confusions: Vec<Confusion>,
}

impl LabelScores {
    /// correct / n.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.n)
    }
    /// The mean F1 over the classes present in gold.
    pub fn macro_f1(&self) -> f64 {
        if self.classes.is_empty() {
            0.0
        } else {
            self.classes.iter().map(ClassScore::f1).sum::<f64>() / self.classes.len() as f64
        }
    }

    /// Scores (gold, predicted) label pairs; a predicted `None` is `NONE`.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Self {
        let mut gold: BTreeMap<&str, usize> = BTreeMap::new();
        let mut predicted: HashMap<&str, usize> = HashMap::new();
        let mut correct: HashMap<&str, usize> = HashMap::new();
        let mut confusions: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        let (mut n, mut none) = (0, 0);
        for (g, p) in pairs {
            n += 1;
            *gold.entry(g).or_default() += 1;
            match p {
                Some(p) => *predicted.entry(p).or_default() += 1,
                None => none += 1,
            }
            if p == Some(g) {
                *correct.entry(g).or_default() += 1;
            } else {
                *confusions.entry((g, p.unwrap_or(NONE))).or_default() += 1;
            }
        }
        let mut classes: Vec<ClassScore> = gold
            .iter()
            .map(|(&l, &g)| ClassScore {
                label: l.to_string(),
                gold: g,
                predicted: predicted.get(l).copied().unwrap_or(0),
                correct: correct.get(l).copied().unwrap_or(0),
            })
            .collect();
        classes.sort_by(|a, b| b.gold.cmp(&a.gold).then_with(|| a.label.cmp(&b.label)));
        let mut confusions: Vec<Confusion> = confusions
            .into_iter()
            .map(|((g, p), count)| Confusion {
                gold: g.into(),
                predicted: p.into(),
                count,
            })
            .collect();
        confusions.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| (&a.gold, &a.predicted).cmp(&(&b.gold, &b.predicted)))
        });
        LabelScores {
            n,
            correct: correct.values().sum(),
            none,
            classes,
            confusions,
        }
    }
}

/// Gold actors found among the system's mentions (any mention of the sentence, not
/// only event actors). plover_triples: each distinct gold source or target code of a
/// sentence that is not `null` and does not start with `---` is found when a mention's
/// code has the same first three characters. conflibert: each `source` or `target`
/// span is found when a mention overlaps where its text occurs in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ActorRecall {
    /// Gold actors found.
    pub found: usize,
    /// Gold actors counted.
    pub total: usize,
    /// Gold spans whose text could not be located in the sentence (not counted).
    pub unlocated: usize,
}

impl ActorRecall {
    /// found / total.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.total)
    }
}

/// A scoring error to show: a record, and the gold or predicted event concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    /// Index of the gold record.
    pub record: usize,
    /// Triples: the unmatched gold event (false negative).
    pub gold_event: Option<usize>,
    /// Triples: the unmatched predicted event (false positive), an index into the
    /// prediction's events.
    pub pred_event: Option<usize>,
    /// Labels: the gold and the predicted label.
    pub labels: Option<(String, String)>,
}

/// Everything measured on one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileScore {
    /// How it was scored.
    pub kind: Kind,
    /// Gold records.
    pub records: usize,
    /// Gold records with no prediction record (scored as no events).
    pub missing_predictions: usize,
    /// Triples kinds.
    pub triples: Option<TripleScores>,
    /// Label kinds (cameo_manual: over roots).
    pub labels: Option<LabelScores>,
    /// cameo_manual: the full-code labels.
    pub codes: Option<LabelScores>,
    /// plover_triples and conflibert.
    pub actor_recall: Option<ActorRecall>,
    /// Triples: unmatched predicted events; labels: sentences given a wrong label.
    pub false_positives: Vec<Miss>,
    /// Triples: unmatched gold events; labels: sentences given no label.
    pub false_negatives: Vec<Miss>,
}

impl FileScore {
    /// Every metric of the file by name, in a fixed order (the names floors use).
    pub fn metrics(&self) -> Vec<(&'static str, f64)> {
        let mut m = Vec::new();
        if let Some(t) = &self.triples {
            for (name, p) in [("triple", &t.triple), ("code", &t.code), ("pair", &t.pair)] {
                let (pn, rn, fname) = match name {
                    "triple" => ("triple_precision", "triple_recall", "triple_f1"),
                    "code" => ("code_precision", "code_recall", "code_f1"),
                    _ => ("pair_precision", "pair_recall", "pair_f1"),
                };
                m.push((pn, p.precision()));
                m.push((rn, p.recall()));
                m.push((fname, p.f1()));
            }
            if t.no_event_records > 0 {
                m.push(("no_event_accuracy", t.no_event_accuracy()));
            }
        }
        if let Some(l) = &self.labels {
            if self.kind == Kind::CameoManual {
                m.push(("root_accuracy", l.accuracy()));
                m.push(("root_macro_f1", l.macro_f1()));
            } else {
                m.push(("accuracy", l.accuracy()));
                m.push(("macro_f1", l.macro_f1()));
            }
        }
        if let Some(c) = &self.codes {
            m.push(("code_accuracy", c.accuracy()));
            m.push(("code_macro_f1", c.macro_f1()));
        }
        if let Some(a) = &self.actor_recall {
            m.push(("actor_recall", a.recall()));
        }
        m
    }

    /// One metric by name.
    pub fn metric(&self, name: &str) -> Option<f64> {
        self.metrics()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }
}

/// The maximum matching of a bipartite graph with `left` and `right` nodes and edges
/// `edge(l, r)`, by augmenting paths (Kuhn). Returns each left node's partner.
pub fn max_matching(
    left: usize,
    right: usize,
    edge: &dyn Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    fn augment(
        l: usize,
        edge: &dyn Fn(usize, usize) -> bool,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for r in 0..owner.len() {
            if !seen[r] && edge(l, r) {
                seen[r] = true;
                if owner[r].is_none_or(|l2| augment(l2, edge, seen, owner)) {
                    owner[r] = Some(l);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; right];
    for l in 0..left {
        let mut seen = vec![false; right];
        augment(l, edge, &mut seen, &mut owner);
    }
    let mut partner = vec![None; left];
    for (r, l) in owner.iter().enumerate() {
        if let Some(l) = l {
            partner[*l] = Some(r);
        }
    }
    partner
}

/// The first three characters of an actor code (its country, or IGO, NGO, ...).
pub fn country(code: &str) -> &str {
    code.char_indices().nth(3).map_or(code, |(i, _)| &code[..i])
}

/// Whether a predicted actor satisfies a gold actor: gold `null` or `---...` accepts
/// anything, even no actor; else the first three characters must agree.
pub fn actor_matches(gold: Option<&str>, pred: Option<&str>) -> bool {
    match gold {
        None => true,
        Some(g) if g.starts_with("---") => true,
        Some(g) => pred.is_some_and(|p| country(p) == country(g)),
    }
}

/// The conflibert class (0 to 4) of a CAMEO root number.
pub fn conflibert_class(root: u8) -> Option<usize> {
    match root {
        1..=2 => Some(0),
        3..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 | 16 => Some(3),
        14 | 15 | 17..=20 => Some(4),
        _ => None,
    }
}

fn root_number(code: &str) -> Option<u8> {
    let b = code.as_bytes();
    if b.len() >= 2 && b.iter().all(u8::is_ascii_digit) {
        Some((b[0] - b'0') * 10 + (b[1] - b'0'))
    } else {
        None
    }
}

/// A predicted event's label for a label kind, `None` when it cannot be turned into one.
pub fn event_label(kind: Kind, code: &str, plover: PloverMap<'_>) -> Option<String> {
    match kind {
        Kind::Plv => plover(code).map(|p| {
            if p == "CONCEDE" || p == "RETREAT" {
                "YIELD".to_string()
            } else {
                p
            }
        }),
        Kind::Conflibert => root_number(code)
            .and_then(conflibert_class)
            .map(|c| CONFLIBERT_CLASSES[c].to_string()),
        Kind::CameoManual => dyad_core::codes::EventCode::new(code).map(|c| c.as_str().to_string()),
        Kind::Triples | Kind::PloverTriples => None,
    }
}

/// The sentence's label: that of the first labelled event marked primary, else of the
/// first labelled event, else `None` (NONE).
pub fn sentence_label(kind: Kind, events: &[PredEvent], plover: PloverMap<'_>) -> Option<String> {
    let labelled: Vec<(String, bool)> = events
        .iter()
        .filter_map(|e| event_label(kind, &e.code, plover).map(|l| (l, e.primary)))
        .collect();
    labelled
        .iter()
        .find(|(_, p)| *p)
        .or(labelled.first())
        .map(|(l, _)| l.clone())
}

/// Where `needle` occurs in `text` (byte range): `str::find`, else ignoring whitespace
/// (gold spans are tokenized: `Moscow ’ s` for `Moscow’s`).
pub fn locate(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.trim().is_empty() {
        return None;
    }
    if let Some(i) = text.find(needle) {
        return Some((i, i + needle.len()));
    }
    let hay: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let pat: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    if pat.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - pat.len())
        .find(|&i| hay[i..i + pat.len()].iter().map(|(_, c)| c).eq(pat.iter()))
        .map(|i| {
            let (last, c) = hay[i + pat.len() - 1];
            (hay[i].0, last + c.len_utf8())
        })
}

/// Scores a file's gold records against predictions (matched by id; a gold record with
/// no prediction counts as one with no events).
pub fn score_file(
    kind: Kind,
    gold: &[GoldRecord],
    preds: &[Prediction],
    plover: PloverMap<'_>,
) -> FileScore {
    let by_id: HashMap<&str, &Prediction> = preds.iter().map(|p| (p.id.as_str(), p)).collect();
    let empty = Prediction::default();
    let mut missing = 0;
    let pred_of = |g: &GoldRecord| by_id.get(g.id.as_str()).copied();
    let mut s = FileScore {
        kind,
        records: gold.len(),
        missing_predictions: 0,
        triples: None,
        labels: None,
        codes: None,
        actor_recall: None,
        false_positives: Vec::new(),
        false_negatives: Vec::new(),
    };
    let mut recall = ActorRecall::default();
    let mut triples = TripleScores::default();
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    let mut code_pairs: Vec<(String, Option<String>)> = Vec::new();
    for (ri, g) in gold.iter().enumerate() {
        let p = pred_of(g).unwrap_or_else(|| {
            missing += 1;
            &empty
        });
        match kind {
            Kind::Triples | Kind::PloverTriples => {
                let (fp, fneg) = score_triples(kind, g, p, plover, &mut triples);
                s.false_positives.extend(fp.into_iter().map(|e| Miss {
                    record: ri,
                    gold_event: None,
                    pred_event: Some(e),
                    labels: None,
                }));
                s.false_negatives.extend(fneg.into_iter().map(|e| Miss {
                    record: ri,
                    gold_event: Some(e),
                    pred_event: None,
                    labels: None,
                }));
            }
            Kind::Plv | Kind::Conflibert | Kind::CameoManual => {
                let gl = g.label.clone().unwrap_or_default();
                let pl = sentence_label(kind, &p.events, plover);
                let (gk, pk) = if kind == Kind::CameoManual {
                    code_pairs.push((gl.clone(), pl.clone()));
                    (
                        gl[..2.min(gl.len())].to_string(),
                        pl.as_ref().map(|l| l[..2].to_string()),
                    )
                } else {
                    (gl.clone(), pl.clone())
                };
                match &pk {
                    None => s.false_negatives.push(Miss {
                        record: ri,
                        gold_event: None,
                        pred_event: None,
                        labels: Some((gl, NONE.into())),
                    }),
                    Some(l) if *l != gk => s.false_positives.push(Miss {
                        record: ri,
                        gold_event: None,
                        pred_event: None,
                        labels: Some((gl, pl.unwrap_or_default())),
                    }),
                    Some(_) => {}
                }
                pairs.push((gk, pk));
            }
        }
        match kind {
            Kind::PloverTriples => {
                let mut seen: Vec<&str> = Vec::new();
                for a in g
                    .events
                    .iter()
                    .flat_map(|e| [e.source.as_deref(), e.target.as_deref()])
                    .flatten()
                {
                    if a.starts_with("---") || seen.contains(&a) {
                        continue;
                    }
                    seen.push(a);
                    recall.total += 1;
                    if p.mentions.iter().any(|m| country(&m.code) == country(a)) {
                        recall.found += 1;
                    }
                }
            }
            Kind::Conflibert => {
                for span in &g.spans {
                    match locate(&g.text, &span.text) {
                        None => recall.unlocated += 1,
                        Some((a, b)) => {
                            recall.total += 1;
                            if p.mentions.iter().any(|m| m.start < b && a < m.end) {
                                recall.found += 1;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    s.missing_predictions = missing;
    if kind.is_triples() {
        s.triples = Some(triples);
    } else {
        s.labels = Some(LabelScores::from_pairs(
            pairs.iter().map(|(g, p)| (g.as_str(), p.as_deref())),
        ));
        if kind == Kind::CameoManual {
            s.codes = Some(LabelScores::from_pairs(
                code_pairs.iter().map(|(g, p)| (g.as_str(), p.as_deref())),
            ));
        }
    }
    if matches!(kind, Kind::PloverTriples | Kind::Conflibert) {
        s.actor_recall = Some(recall);
    }
    s
}

/// Whether each of `events` is matched by the one-to-one triple matching against the
/// gold events of `g` (`None` for an event outside the gold's code space: no PLOVER
/// category). For triples kinds only.
pub fn matched_events(
    kind: Kind,
    g: &GoldRecord,
    events: &[PredEvent],
    plover: PloverMap<'_>,
) -> Vec<Option<bool>> {
    let p = Prediction {
        id: g.id.clone(),
        events: events.to_vec(),
        mentions: Vec::new(),
    };
    let (fp, _) = score_triples(kind, g, &p, plover, &mut TripleScores::default());
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let judged = kind != Kind::PloverTriples || plover(&e.code).is_some();
            judged.then_some(!fp.contains(&i))
        })
        .collect()
}

/// Scores one record's triples into `acc`; returns the unmatched predicted events
/// (indices into `p.events`) and unmatched gold events of the full-triple matching.
fn score_triples(
    kind: Kind,
    g: &GoldRecord,
    p: &Prediction,
    plover: PloverMap<'_>,
    acc: &mut TripleScores,
) -> (Vec<usize>, Vec<usize>) {
    // The predicted events in the gold's code space: PLOVER (dropping events with no
    // PLOVER equivalent), or the CAMEO root.
    let pred: Vec<(usize, &PredEvent, String)> = p
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.incomplete)
        .filter_map(|(i, e)| {
            let code = if kind == Kind::PloverTriples {
                plover(&e.code)?
            } else {
                e.code.get(..2)?.to_string()
            };
            Some((i, e, code))
        })
        .collect();
    let gold_code = |c: &str| {
        if kind == Kind::PloverTriples {
            c.to_string()
        } else {
            c.get(..2).unwrap_or(c).to_string()
        }
    };
    let gold: Vec<(&crate::gold::GoldEvent, String)> =
        g.events.iter().map(|e| (e, gold_code(&e.code))).collect();
    let actors = |gi: usize, pi: usize| {
        let (ge, pe) = (gold[gi].0, pred[pi].1);
        actor_matches(ge.source.as_deref(), Some(&pe.source))
            && actor_matches(ge.target.as_deref(), pe.target.as_deref())
    };
    let code = |gi: usize, pi: usize| gold[gi].1 == pred[pi].2;
    if g.events.is_empty() {
        acc.no_event_records += 1;
        acc.no_event_correct += usize::from(pred.is_empty());
    }
    let count = |m: &[Option<usize>]| m.iter().filter(|x| x.is_some()).count();
    let full = max_matching(gold.len(), pred.len(), &|a, b| actors(a, b) && code(a, b));
    let code_only = max_matching(gold.len(), pred.len(), &code);
    let pair_only = max_matching(gold.len(), pred.len(), &actors);
    for (prf, m) in [
        (&mut acc.triple, &full),
        (&mut acc.code, &code_only),
        (&mut acc.pair, &pair_only),
    ] {
        prf.tp += count(m);
        prf.predicted += pred.len();
        prf.gold += gold.len();
    }
    let fneg = (0..gold.len()).filter(|&i| full[i].is_none()).collect();
    let fp = (0..pred.len())
        .filter(|&j| !full.contains(&Some(j)))
        .map(|j| pred[j].0)
        .collect();
    (fp, fneg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold;
    use std::path::Path;

    /// A small stand-in for the CAMEO table: PLOVER by root, none for 01 and 02.
    fn plover(code: &str) -> Option<String> {
        let p = match code.get(..2)? {
            "03" => "AGREE",
            "04" => "CONSULT",
            "08" if code.starts_with("087") => "RETREAT",
            "08" => "CONCEDE",
            "11" => "ACCUSE",
            "12" => "REJECT",
            "13" => "THREATEN",
            "19" => "ASSAULT",
            _ => return None,
        };
        Some(p.to_string())
    }

    fn ev(source: &str, target: Option<&str>, code: &str, primary: bool) -> PredEvent {
        PredEvent::new(source, target, code, primary)
    }

    fn pred(id: &str, events: Vec<PredEvent>, mentions: &[&str]) -> Prediction {
        Prediction {
            id: id.into(),
            events,
            mentions: mentions
                .iter()
                .map(|c| PredMention {
                    code: (*c).into(),
                    start: 0,
                    end: 1,
                })
                .collect(),
        }
    }

    fn gold_file(name: &str, jsonl: &str) -> Vec<GoldRecord> {
        gold::parse(Path::new(name), jsonl, None).unwrap().records
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    const PLOVER_GOLD: &str = r#"{"id": "r1", "text": "t", "date": "2000-01-01", "events": [{"source": "USAGOV", "target": "RUSGOV", "code": "AGREE"}]}
{"id": "r2", "text": "t", "date": "19990305", "events": [{"source": "ISRMIL", "target": "PSE", "code": "FIGHT"}]}
{"id": "r3", "text": "t", "date": null, "reciprocal": true, "events": [{"source": "HUNGOV", "target": null, "code": "AGREE"}, {"source": "ROUGOV", "target": null, "code": "AGREE"}]}
{"id": "r4", "text": "t", "events": [{"source": "IGO", "target": "---REB", "code": "THREATEN"}]}
{"id": "r5", "text": "t", "events": [{"source": "USA", "target": "IRQ", "code": "DISAPPROVE"}]}
{"id": "r6", "text": "t", "events": [{"source": "SYR", "target": "TUR", "code": "REJECT"}]}
{"id": "r7", "text": "t", "events": []}
"#;

    #[test]
    fn plover_triples_known_counts() {
        let gold = gold_file("plover_gsr.jsonl", PLOVER_GOLD);
        assert_eq!(gold[0].date, None, "2000-01-01 is a placeholder");
        assert_eq!(
            gold[1].date.map(|d| d.to_string()).as_deref(),
            Some("1999-03-05")
        );
        assert_eq!(gold[1].events[0].code, "ASSAULT");
        assert_eq!(gold[4].events[0].code, "ACCUSE");
        let preds = vec![
            // A full match and an extra event.
            pred(
                "r1",
                vec![
                    ev("USA", Some("RUSMIL"), "030", true),
                    ev("RUS", Some("USA"), "040", false),
                ],
                &["USA", "RUSMIL"],
            ),
            // The code agrees, the target does not.
            pred(
                "r2",
                vec![ev("ISR", Some("LBN"), "190", true)],
                &["ISR", "LBN"],
            ),
            // Compound actors, reciprocal: both gold events (null targets) match.
            pred(
                "r3",
                vec![
                    ev("HUNGOV", Some("ROUGOV"), "030", true),
                    ev("ROUGOV", Some("HUNGOV"), "030", false),
                ],
                &["HUNGOV"],
            ),
            // `---` accepts no target at all; IGOUNO is an IGO.
            pred("r4", vec![ev("IGOUNO", None, "138", true)], &["IGOUNO"]),
            // r5 is missing; r6's only event has no PLOVER equivalent and is dropped.
            pred("r6", vec![ev("SYR", Some("TUR"), "010", true)], &[]),
            pred("r7", vec![], &[]),
            pred("not-in-gold", vec![ev("USA", None, "190", true)], &[]),
        ];
        let s = score_file(Kind::PloverTriples, &gold, &preds, &plover);
        assert_eq!(s.records, 7);
        assert_eq!(s.missing_predictions, 1);
        let t = s.triples.unwrap();
        assert_eq!(
            t.triple,
            Prf {
                tp: 4,
                predicted: 6,
                gold: 7
            }
        );
        assert_eq!(
            t.code,
            Prf {
                tp: 5,
                predicted: 6,
                gold: 7
            }
        );
        assert_eq!(
            t.pair,
            Prf {
                tp: 4,
                predicted: 6,
                gold: 7
            }
        );
        close(t.triple.precision(), 4.0 / 6.0);
        close(t.triple.recall(), 4.0 / 7.0);
        close(t.triple.f1(), 8.0 / 13.0);
        close(s.metric("code_f1").unwrap(), 10.0 / 13.0);
        close(s.metric("pair_f1").unwrap(), 8.0 / 13.0);
        // Actor recall: r1 2/2, r2 1/2, r3 1/2, r4 1/1 (---REB not counted), r5 0/2, r6 0/2.
        assert_eq!(
            s.actor_recall,
            Some(ActorRecall {
                found: 5,
                total: 11,
                unlocated: 0
            })
        );
        close(s.metric("actor_recall").unwrap(), 5.0 / 11.0);
        // Errors: the extra CONSULT and the wrong-target ASSAULT; misses in r2, r5, r6.
        let fp: Vec<(usize, Option<usize>)> = s
            .false_positives
            .iter()
            .map(|m| (m.record, m.pred_event))
            .collect();
        assert_eq!(fp, vec![(0, Some(1)), (1, Some(0))]);
        let fneg: Vec<usize> = s.false_negatives.iter().map(|m| m.record).collect();
        assert_eq!(fneg, vec![1, 4, 5]);
    }

    #[test]
    fn empty_predictions_score_zero() {
        let gold = gold_file("plover_gsr.jsonl", PLOVER_GOLD);
        let s = score_file(Kind::PloverTriples, &gold, &[], &plover);
        assert_eq!(s.missing_predictions, 7);
        let t = s.triples.unwrap();
        assert_eq!(
            t.triple,
            Prf {
                tp: 0,
                predicted: 0,
                gold: 7
            }
        );
        for (name, v) in s.metrics() {
            // With no event predicted, every record without gold events is right.
            let expected = if name == "no_event_accuracy" {
                1.0
            } else {
                0.0
            };
            assert_eq!(v, expected, "{name}");
        }
        let gold = gold_file("plv.jsonl", PLV_GOLD);
        let s = score_file(Kind::Plv, &gold, &[], &plover);
        let l = s.labels.unwrap();
        assert_eq!((l.n, l.correct, l.none), (5, 0, 5));
        assert_eq!(l.accuracy(), 0.0);
        assert_eq!(l.macro_f1(), 0.0);
        assert_eq!(s.false_negatives.len(), 5);
    }

    #[test]
    fn cameo_triples_match_on_root_with_wildcards() {
        let gold = gold_file(
            "news.jsonl",
            r#"{"id": "a", "text": "t", "date": "1995-01-02", "events": [{"source": "---REB", "target": "NGA", "code": "0311"}, {"source": "NGAGOV", "target": null, "code": "190"}]}
{"id": "b", "text": "t", "events": []}
"#,
        );
        let preds = vec![
            pred(
                "a",
                vec![
                    ev("NGAREB", Some("NGAGOV"), "036", true),
                    ev("NGA", Some("ZAF"), "193", false),
                    ev("NGA", None, "043", false),
                ],
                &[],
            ),
            pred("b", vec![ev("USA", None, "010", true)], &[]),
        ];
        let s = score_file(Kind::Triples, &gold, &preds, &plover);
        let t = s.triples.unwrap();
        // 036 ~ 0311 (root 03, any source for ---); 193 ~ 190 (null target accepts ZAF).
        // Roots 01/02 count in CAMEO triples: b's 010 is a false positive.
        assert_eq!(
            t.triple,
            Prf {
                tp: 2,
                predicted: 4,
                gold: 2
            }
        );
        assert_eq!(
            t.code,
            Prf {
                tp: 2,
                predicted: 4,
                gold: 2
            }
        );
        // Pairs: gold 1 (null target) accepts any NGA source, so 2 pairs match.
        assert_eq!(
            t.pair,
            Prf {
                tp: 2,
                predicted: 4,
                gold: 2
            }
        );
        assert_eq!(s.actor_recall, None);
        // b has no gold event and one predicted: no-event accuracy 0 of 1.
        assert_eq!((t.no_event_records, t.no_event_correct), (1, 0));
        assert_eq!(s.metric("no_event_accuracy"), Some(0.0));
        let preds = vec![pred("a", vec![], &[]), pred("b", vec![], &[])];
        let t = score_file(Kind::Triples, &gold, &preds, &plover)
            .triples
            .unwrap();
        assert_eq!(t.no_event_accuracy(), 1.0);
    }

    #[test]
    fn matching_is_maximum_not_greedy() {
        // Gold 0 (null target) accepts both predictions, gold 1 only the first: a greedy
        // matcher pairs gold 0 with prediction 0 and leaves gold 1 unmatched.
        let gold = gold_file(
            "news.jsonl",
            r#"{"id": "a", "text": "t", "events": [{"source": "FRA", "target": null, "code": "040"}, {"source": "FRA", "target": "DEU", "code": "040"}]}"#,
        );
        let preds = vec![pred(
            "a",
            vec![
                ev("FRAGOV", Some("DEUGOV"), "042", true),
                ev("FRAGOV", Some("ITA"), "040", false),
            ],
            &[],
        )];
        let s = score_file(Kind::Triples, &gold, &preds, &plover);
        assert_eq!(s.triples.unwrap().triple.tp, 2);
        assert!(s.false_positives.is_empty() && s.false_negatives.is_empty());
        // The matcher alone: a chain that needs two augmentations.
        let edges = [
            [true, true, false],
            [true, false, false],
            [false, true, true],
        ];
        let m = max_matching(3, 3, &|l, r| edges[l][r]);
        assert_eq!(m.iter().filter(|x| x.is_some()).count(), 3);
        assert_eq!(m, vec![Some(1), Some(0), Some(2)]);
        assert_eq!(
            max_matching(0, 2, &|_, _| true),
            Vec::<Option<usize>>::new()
        );
        assert_eq!(max_matching(2, 0, &|_, _| true), vec![None, None]);
    }

    #[test]
    fn actors_and_countries() {
        assert_eq!(country("USAGOV"), "USA");
        assert_eq!(country("IGO"), "IGO");
        assert_eq!(country("US"), "US");
        assert!(actor_matches(None, None));
        assert!(actor_matches(Some("---GOV"), None));
        assert!(actor_matches(Some("---"), Some("RUS")));
        assert!(actor_matches(Some("USAGOV"), Some("USAMIL")));
        assert!(!actor_matches(Some("USA"), None));
        assert!(!actor_matches(Some("USA"), Some("---GOV")));
    }

    const PLV_GOLD: &str = r#"{"id": "p1", "text": "t", "label": "AGREE", "penta": "verbal_cooperation"}
{"id": "p2", "text": "t", "label": "AGREE", "penta": "verbal_cooperation"}
{"id": "p3", "text": "t", "label": "YIELD", "penta": "material_cooperation"}
{"id": "p4", "text": "t", "label": "ACCUSE", "penta": "verbal_conflict"}
{"id": "p5", "text": "t", "label": "REJECT", "penta": "verbal_conflict"}
"#;

    #[test]
    fn plv_labels_accuracy_and_macro_f1() {
        let gold = gold_file("plv.jsonl", PLV_GOLD);
        let preds = vec![
            // The primary event has no PLOVER label and is dropped: the first remaining one counts.
            pred(
                "p1",
                vec![ev("USA", None, "010", true), ev("USA", None, "040", false)],
                &[],
            ),
            // The primary event wins over the first.
            pred(
                "p2",
                vec![ev("USA", None, "040", false), ev("USA", None, "030", true)],
                &[],
            ),
            // RETREAT (and CONCEDE) become YIELD.
            pred("p3", vec![ev("USA", None, "0874", true)], &[]),
            // p4 missing: NONE.
            // THREATEN is not a gold class: it lowers REJECT's recall but adds no class.
            pred("p5", vec![ev("USA", None, "130", true)], &[]),
        ];
        let s = score_file(Kind::Plv, &gold, &preds, &plover);
        let l = s.labels.as_ref().unwrap();
        assert_eq!((l.n, l.correct, l.none), (5, 2, 1));
        let classes: Vec<(&str, usize, usize, usize)> = l
            .classes
            .iter()
            .map(|c| (c.label.as_str(), c.gold, c.predicted, c.correct))
            .collect();
        assert_eq!(
            classes,
            vec![
                ("AGREE", 2, 1, 1),
                ("ACCUSE", 1, 0, 0),
                ("REJECT", 1, 0, 0),
                ("YIELD", 1, 1, 1)
            ]
        );
        close(s.metric("accuracy").unwrap(), 0.4);
        // AGREE: P 1, R 1/2, F1 2/3; YIELD 1; ACCUSE 0; REJECT 0.
        close(s.metric("macro_f1").unwrap(), (2.0 / 3.0 + 1.0) / 4.0);
        let conf: Vec<(&str, &str, usize)> = l
            .confusions
            .iter()
            .map(|c| (c.gold.as_str(), c.predicted.as_str(), c.count))
            .collect();
        assert_eq!(
            conf,
            vec![
                ("ACCUSE", "NONE", 1),
                ("AGREE", "CONSULT", 1),
                ("REJECT", "THREATEN", 1)
            ]
        );
        assert_eq!(s.false_positives.len(), 2);
        assert_eq!(s.false_negatives.len(), 1);
        assert_eq!(s.missing_predictions, 1);
        assert_eq!(
            sentence_label(Kind::Plv, &[ev("A", None, "0811", false)], &plover).as_deref(),
            Some("YIELD")
        );
        assert_eq!(
            sentence_label(Kind::Plv, &[ev("A", None, "020", true)], &plover),
            None
        );
    }

    #[test]
    fn conflibert_classes_and_span_recall() {
        let expected = [
            (1, 0),
            (2, 0),
            (3, 1),
            (5, 1),
            (6, 2),
            (8, 2),
            (9, 3),
            (13, 3),
            (16, 3),
            (14, 4),
            (15, 4),
            (17, 4),
            (20, 4),
        ];
        for (root, class) in expected {
            assert_eq!(conflibert_class(root), Some(class), "root {root}");
        }
        assert_eq!(conflibert_class(0), None);
        assert_eq!(conflibert_class(21), None);
        let gold = gold_file(
            "conflibert_cameo.jsonl",
            r#"{"id": "c1", "text": "Russia’s army attacked Ukraine near Kyiv.", "label": "material_conflict", "label_id": 4, "spans": [{"role": "source", "text": "Russia ’ s army"}, {"role": "target", "text": "Ukraine"}, {"role": "reciprocal", "text": "Kyiv"}, {"role": "target", "text": "Crimea"}]}
{"id": "c2", "text": "Leaders met.", "label": "verbal_cooperation", "label_id": 1, "spans": null}
{"id": "c3", "text": "He said so.", "label": "statement", "label_id": 0, "spans": []}
"#,
        );
        assert_eq!(gold[0].label.as_deref(), Some("material_conflict"));
        assert_eq!(gold[0].spans.len(), 3, "reciprocal spans are not actors");
        let text = &gold[0].text;
        let russia = text.find("Russia").unwrap();
        let preds = vec![
            Prediction {
                id: "c1".into(),
                events: vec![ev("RUSMIL", Some("UKR"), "190", true)],
                // Overlaps the source span only.
                mentions: vec![
                    PredMention {
                        code: "RUS".into(),
                        start: russia,
                        end: russia + 6,
                    },
                    PredMention {
                        code: "UKR".into(),
                        start: text.len() - 5,
                        end: text.len() - 1,
                    },
                ],
            },
            pred("c2", vec![ev("---GOV", None, "040", true)], &[]),
            pred("c3", vec![ev("---GOV", None, "173", true)], &[]),
        ];
        let s = score_file(Kind::Conflibert, &gold, &preds, &plover);
        let l = s.labels.as_ref().unwrap();
        assert_eq!(l.correct, 2);
        close(s.metric("accuracy").unwrap(), 2.0 / 3.0);
        // material_conflict: P 1/2 (c3's 173 is wrong), R 1, F1 2/3; verbal_cooperation 1;
        // statement 0.
        close(s.metric("macro_f1").unwrap(), (2.0 / 3.0 + 1.0) / 3.0);
        // "Russia ’ s army" is found ignoring spaces; "Crimea" is not in the text.
        assert_eq!(
            s.actor_recall,
            Some(ActorRecall {
                found: 1,
                total: 2,
                unlocated: 1
            })
        );
        assert_eq!(
            locate("Moscow’s will", "Moscow ’ s"),
            Some((0, "Moscow’s".len()))
        );
        assert_eq!(locate("a b", " "), None);
    }

    #[test]
    fn cameo_manual_root_and_code_accuracy() {
        let gold = gold_file(
            "cameo_manual.jsonl",
            r#"{"id": "m1", "text": "t", "label": "0311", "root": "03"}
{"id": "m2", "text": "t", "label": "190", "root": "19"}
{"id": "m3", "text": "t", "label": "043", "root": "04"}
"#,
        );
        let preds = vec![
            pred("m1", vec![ev("A", None, "036", true)], &[]),
            pred(
                "m2",
                vec![ev("A", None, "010", false), ev("A", None, "190", true)],
                &[],
            ),
            pred("m3", vec![], &[]),
        ];
        let s = score_file(Kind::CameoManual, &gold, &preds, &plover);
        close(s.metric("root_accuracy").unwrap(), 2.0 / 3.0);
        close(s.metric("root_macro_f1").unwrap(), 2.0 / 3.0);
        close(s.metric("code_accuracy").unwrap(), 1.0 / 3.0);
        close(s.metric("code_macro_f1").unwrap(), 1.0 / 3.0);
        assert_eq!(s.metric("accuracy"), None);
        assert_eq!(s.labels.as_ref().unwrap().classes.len(), 3);
    }

    #[test]
    fn dump_format_is_id_and_events() {
        let mut p = pred("x", vec![ev("USAGOV", None, "0311", true)], &["USAGOV"]);
        p.events[0].rule = Some("verbs/agree.txt:3".into());
        let line = serde_json::to_string(&p).unwrap();
        assert_eq!(
            line,
            r#"{"id":"x","events":[{"source":"USAGOV","target":null,"code":"0311","primary":true}]}"#
        );
        let back: Prediction = serde_json::from_str(&line).unwrap();
        assert_eq!(back.events[0].code, "0311");
    }
}
