//! Discard phrases: a sentence that holds a sentence phrase, or a story that holds a
//! story phrase in any sentence, has its events withheld (PETRARCH's discard list;
//! `docs/dictionaries.md`, Discards).
//!
//! The phrases are word-id sequences keyed by their first word; a sentence is scanned
//! once, and only tokens that start some phrase are looked at further.

use super::StoryDomain;
use crate::dict::{DiscardPhrase, DiscardScope, Origin};
use crate::lexicon::{Lexicon, UNKNOWN, WordId};
use crate::segment::{Segmented, Token, tokenize};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A compiled phrase.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Phrase {
    words: Vec<WordId>,
    scope: DiscardScope,
    text: String,
    origin: Origin,
}

/// The compiled discard phrases.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Discards {
    phrases: Vec<Phrase>,
    /// First word -> phrases starting with it.
    first: FxHashMap<WordId, Vec<u32>>,
}

/// Which discard phrase withholds what: indices into the compiled phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discarded {
    /// The story phrase found first, if any: every event of the story is withheld.
    pub story: Option<u32>,
    /// Per sentence, the sentence phrase it holds first, if any.
    pub sentences: Vec<Option<u32>>,
}

impl Discarded {
    /// The phrase that withholds the events of sentence `s`, and its scope.
    pub fn of_sentence(&self, s: u32) -> Option<(u32, DiscardScope)> {
        if let Some(p) = self.story {
            return Some((p, DiscardScope::Story));
        }
        self.sentences
            .get(s as usize)
            .copied()
            .flatten()
            .map(|p| (p, DiscardScope::Sentence))
    }
}

impl Discards {
    /// Compiles `phrases`, interning their words into the lexicon.
    pub fn new(phrases: &[DiscardPhrase], lex: &mut Lexicon) -> Self {
        let mut d = Discards::default();
        let (mut tokens, mut norm): (Vec<Token>, String) = (Vec::new(), String::new());
        for p in phrases {
            tokens.clear();
            norm.clear();
            tokenize(&p.phrase, 0..p.phrase.len(), &mut tokens, &mut norm);
            let words: Vec<WordId> = tokens
                .iter()
                .map(|t| lex.intern(&norm[t.norm_start as usize..t.norm_end as usize]))
                .collect();
            let Some(&first) = words.first() else {
                continue;
            };
            d.first
                .entry(first)
                .or_default()
                .push(d.phrases.len() as u32);
            d.phrases.push(Phrase {
                words,
                scope: p.scope,
                text: p.phrase.clone(),
                origin: p.origin,
            });
        }
        d
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Phrase `i` as written and where.
    pub fn phrase(&self, i: u32) -> Option<(&str, Origin)> {
        self.phrases
            .get(i as usize)
            .map(|p| (p.text.as_str(), p.origin))
    }

    /// Finds the phrases of the story whose tokens have word ids `words`, into
    /// `out.discarded` (its buffer is reused).
    pub fn find(&self, seg: &Segmented, words: &[WordId], out: &mut StoryDomain) {
        let d = &mut out.discarded;
        d.story = None;
        d.sentences.clear();
        if self.phrases.is_empty() {
            // No discard list (dyad ships none): nothing to scan.
            return;
        }
        for s in &seg.sentences {
            let ws = &words[s.tokens.clone()];
            let mut sentence = None;
            for (i, &w) in ws.iter().enumerate() {
                if w == UNKNOWN || (sentence.is_some() && d.story.is_some()) {
                    continue;
                }
                let Some(cands) = self.first.get(&w) else {
                    continue;
                };
                for &c in cands {
                    let p = &self.phrases[c as usize];
                    if !ws[i..].starts_with(&p.words) {
                        continue;
                    }
                    match p.scope {
                        DiscardScope::Story => {
                            d.story.get_or_insert(c);
                        }
                        DiscardScope::Sentence => {
                            sentence.get_or_insert(c);
                        }
                    }
                }
            }
            d.sentences.push(sentence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{DiscardPhrase, DiscardScope, Origin};

    fn discards(text: &str, phrases: &[(DiscardScope, &str)]) -> (Discards, StoryDomain) {
        let mut lex = Lexicon::new();
        let list: Vec<DiscardPhrase> = phrases
            .iter()
            .enumerate()
            .map(|(i, (scope, p))| DiscardPhrase {
                scope: *scope,
                phrase: p.to_string(),
                origin: Origin {
                    file: 0,
                    line: i as u32 + 1,
                },
            })
            .collect();
        let d = Discards::new(&list, &mut lex);
        let doc = crate::document::Document::from_text(text);
        let mut seg = Segmented::default();
        let clean = crate::clean::CleanText::new(&doc.text);
        crate::segment::Segmenter::default().segment(&clean, &mut seg);
        let mut words = Vec::new();
        lex.lookup_tokens(&seg, &mut words);
        let mut out = StoryDomain::default();
        d.find(&seg, &words, &mut out);
        (d, out)
    }

    #[test]
    fn a_sentence_phrase_withholds_its_sentence_only() {
        let (d, out) = discards(
            "Gondor attacked Arnor. Mordor won the Bronze Medal in Minas Tirith.",
            &[(DiscardScope::Sentence, "bronze medal")],
        );
        assert_eq!(out.discarded.of_sentence(0), None);
        assert_eq!(
            out.discarded.of_sentence(1),
            Some((0, DiscardScope::Sentence))
        );
        assert_eq!(d.phrase(0).map(|p| p.0), Some("bronze medal"));
    }

    #[test]
    fn a_story_phrase_withholds_every_sentence() {
        let (_, out) = discards(
            "Gondor attacked Arnor. The match was played at the World Golf Championships.",
            &[(DiscardScope::Story, "World Golf Championships")],
        );
        assert_eq!(out.discarded.of_sentence(0), Some((0, DiscardScope::Story)));
        assert_eq!(out.discarded.of_sentence(1), Some((0, DiscardScope::Story)));
    }

    #[test]
    fn phrases_match_whole_words_in_order() {
        let (_, out) = discards(
            "Baseballs were thrown. Later, months passed. Gondor said so months later.",
            &[
                (DiscardScope::Sentence, "baseball"),
                (DiscardScope::Sentence, "months later"),
            ],
        );
        assert_eq!(out.discarded.sentences, [None, None, Some(1)]);
    }
}
