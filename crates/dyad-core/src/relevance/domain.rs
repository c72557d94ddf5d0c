//! The domain of a story and of each of its sentences, from cue words.
//!
//! Each token's word id is looked up once in a table of cue words; a story leans to
//! an off-political domain when that domain's cues are many and outnumber the
//! political cues at least two to one. A sentence on its own (a story of one sentence,
//! or a sports sentence in a general story) leans off when it has two such cues and
//! no political one.

use super::Domain;
use crate::dict::DomainCue;
use crate::lexicon::{Lexicon, UNKNOWN, WordId};
use crate::segment::Segmented;
use rustc_hash::FxHashMap;

/// Cues a story needs before it can lean to an off-political domain.
const STORY_MIN_CUES: u32 = 4;
/// Cues a sentence needs (with no political cue) to lean off on its own.
const SENTENCE_MIN_CUES: u32 = 2;

/// The compiled cue table: word id to domain.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct DomainCues {
    cues: FxHashMap<WordId, Domain>,
}

/// The domain of one story and of each of its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryDomain {
    /// The story's domain.
    pub story: Domain,
    /// Each sentence's own domain, by sentence index.
    pub sentences: Vec<Domain>,
    /// The discard phrases the story and its sentences hold (`discards.txt`).
    pub discarded: super::discards::Discarded,
    /// Each sentence's first natural-hazard cue (`earthquake`), as a token index of
    /// the story, by sentence index; `u32::MAX` where it has none.
    pub hazards: Vec<u32>,
}

impl StoryDomain {
    /// The domain that decides for an event of sentence `s`: the story's when it is
    /// off-political, else the sentence's own.
    pub fn of_sentence(&self, s: u32) -> Domain {
        if self.story != Domain::General {
            return self.story;
        }
        self.sentences
            .get(s as usize)
            .copied()
            .unwrap_or(Domain::General)
    }

    /// Whether sentence `s` names a natural hazard before token `t` (`the quake ...
    /// killed`).
    pub fn hazard_before(&self, s: u32, t: u32) -> bool {
        self.hazards.get(s as usize).is_some_and(|&h| h < t)
    }
}

/// Counts per domain, indexed as `[General, Sport, Entertainment, Markets, Technology,
/// Hazard]`.
type Counts = [u32; 6];

fn slot(d: Domain) -> usize {
    match d {
        Domain::General => 0,
        Domain::Sport => 1,
        Domain::Entertainment => 2,
        Domain::Markets => 3,
        Domain::Technology => 4,
        Domain::Hazard => 5,
    }
}

/// The off-political domain with the most cues, if it has at least `min` and no
/// fewer than twice the political ones (`politics_factor` 0 means no political cue
/// may be present).
fn lean(c: &Counts, min: u32, politics_factor: u32) -> Domain {
    let best = Domain::OFF
        .into_iter()
        .max_by_key(|d| (c[slot(*d)], std::cmp::Reverse(slot(*d))))
        .unwrap_or(Domain::General);
    let n = c[slot(best)];
    let politics = c[0];
    let pulled_back = if politics_factor == 0 {
        politics > 0
    } else {
        n < politics_factor * politics
    };
    if n >= min && !pulled_back {
        best
    } else {
        Domain::General
    }
}

impl DomainCues {
    /// Compiles the cue words, interning them into the lexicon. A word listed under
    /// two domains keeps the first.
    pub fn new(cues: &[DomainCue], lex: &mut Lexicon) -> Self {
        let mut table = FxHashMap::default();
        for c in cues {
            table.entry(lex.intern(&c.word)).or_insert(c.domain);
        }
        DomainCues { cues: table }
    }

    /// The domain of the story whose tokens have word ids `words`, and of each of
    /// its sentences, into `out` (its buffer is reused).
    pub fn classify(&self, seg: &Segmented, words: &[WordId], out: &mut StoryDomain) {
        out.sentences.clear();
        out.hazards.clear();
        let mut story: Counts = [0; 6];
        for s in &seg.sentences {
            let mut c: Counts = [0; 6];
            let mut hazard = u32::MAX;
            for (t, &w) in s.tokens.clone().zip(&words[s.tokens.clone()]) {
                if w == UNKNOWN {
                    continue;
                }
                if let Some(d) = self.cues.get(&w) {
                    c[slot(*d)] += 1;
                    if *d == Domain::Hazard {
                        hazard = hazard.min(t as u32);
                    }
                }
            }
            out.hazards.push(hazard);
            for (t, n) in story.iter_mut().zip(c) {
                *t += n;
            }
            out.sentences.push(lean(&c, SENTENCE_MIN_CUES, 0));
        }
        out.story = lean(&story, STORY_MIN_CUES, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::{Analysis, Pipeline};

    fn domains(text: &str) -> StoryDomain {
        let p = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
        let mut a = Analysis::default();
        p.analyze(&Document::from_text(text), None, &mut a);
        a.domain.clone()
    }

    #[test]
    fn a_tennis_report_is_sport() {
        let d = domains(
            "The champion fired 19 aces in the final. He won the title in straight sets after the \
             semi-final. His coach praised the squad before the tournament.",
        );
        assert_eq!(d.story, Domain::Sport);
        assert_eq!(d.of_sentence(0), Domain::Sport);
    }

    #[test]
    fn a_story_about_a_war_stays_general_even_with_some_market_words() {
        let d = domains(
            "Government troops attacked rebels near the border. Oil prices rose as the \
             minister said the ceasefire had failed. The opposition called for talks.",
        );
        assert_eq!(d.story, Domain::General);
    }

    #[test]
    fn an_earnings_report_is_markets() {
        let d = domains(
            "Quarterly profits at the company rose 12 pct as sales grew. Shares closed higher \
             and investors expect the dividend to rise. Analysts raised their earnings forecasts.",
        );
        assert_eq!(d.story, Domain::Markets);
    }

    #[test]
    fn one_sports_sentence_in_a_general_story_leans_alone() {
        let d = domains(
            "The president met the prime minister in Paris on Monday. \
             The striker scored two goals in the league match.",
        );
        assert_eq!(d.story, Domain::General);
        assert_eq!(d.of_sentence(0), Domain::General);
        assert_eq!(d.of_sentence(1), Domain::Sport);
    }

    #[test]
    fn a_political_word_keeps_a_sentence_general() {
        let d = domains("Police arrested football fans after the match.");
        assert_eq!(d.of_sentence(0), Domain::General);
    }
}
