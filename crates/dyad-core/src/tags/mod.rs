//! Parts of speech: a greedy averaged-perceptron tagger over dyad's own tokens.
//!
//! [`Tagger::tag_document`] gives every token of a [`Segmented`] document a [`Tag`]:
//! a Universal POS tag, with verbs split by form as the Penn Treebank does (past tense
//! `VBD` against past participle `VBN`, and so on), which an event coder needs to tell
//! "artillery pounds the city" (a verb) from "50 pounds" (a noun).
//!
//! The weights come from `models/pos-tagger.bin`, embedded in the library and read on
//! first use ([`Tagger::builtin`]); `scripts/train-pos/` trains them (see its README for
//! the data and the held-out accuracy). Tagging reads each token once, left to right,
//! with the two tags before it and two words either side; it allocates nothing per
//! token.

mod features;
mod model;

pub use model::ModelError;

use crate::segment::{Segmented, Sentence, Token};
use features::{STATIC_FEATURES, TAG_FEATURES, WordInfo, static_keys, tag_keys};
use model::Weights;
use std::sync::OnceLock;

/// How many tags there are.
pub const NTAGS: usize = 22;

/// A part of speech: the 17 Universal POS tags, verbs split into six forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    /// Adjective.
    Adj,
    /// Adposition (preposition).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary (`is`, `has`, `will`, `could`).
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle (`'s`, `not`, `to` before a verb).
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Anything else.
    X,
    /// Verb, base form (`VB`: "will attack").
    VerbBase,
    /// Verb, past tense (`VBD`: "troops attacked").
    VerbPast,
    /// Verb, past participle (`VBN`: "was attacked", "has attacked").
    VerbPastParticiple,
    /// Verb, gerund or present participle (`VBG`: "attacking").
    VerbGerund,
    /// Verb, present tense, third person singular (`VBZ`: "attacks").
    VerbPresent3,
    /// Verb, present tense, other persons (`VBP`: "they attack").
    VerbPresent,
}

/// The 17 Universal POS tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Tag {
    /// Every tag, in the order of their numbers.
    pub const ALL: [Tag; NTAGS] = [
        Tag::Adj,
        Tag::Adp,
        Tag::Adv,
        Tag::Aux,
        Tag::Cconj,
        Tag::Det,
        Tag::Intj,
        Tag::Noun,
        Tag::Num,
        Tag::Part,
        Tag::Pron,
        Tag::Propn,
        Tag::Punct,
        Tag::Sconj,
        Tag::Sym,
        Tag::X,
        Tag::VerbBase,
        Tag::VerbPast,
        Tag::VerbPastParticiple,
        Tag::VerbGerund,
        Tag::VerbPresent3,
        Tag::VerbPresent,
    ];

    /// The tag numbered `i`.
    pub fn from_index(i: usize) -> Option<Tag> {
        Tag::ALL.get(i).copied()
    }

    /// The tag as the model file and the training script name it (`NOUN`, `VBD`).
    pub fn name(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "X", "VB", "VBD", "VBN", "VBG", "VBZ", "VBP",
        ][self as usize]
    }

    /// The Universal POS tag.
    pub fn pos(self) -> Pos {
        match self {
            Tag::Adj => Pos::Adj,
            Tag::Adp => Pos::Adp,
            Tag::Adv => Pos::Adv,
            Tag::Aux => Pos::Aux,
            Tag::Cconj => Pos::Cconj,
            Tag::Det => Pos::Det,
            Tag::Intj => Pos::Intj,
            Tag::Noun => Pos::Noun,
            Tag::Num => Pos::Num,
            Tag::Part => Pos::Part,
            Tag::Pron => Pos::Pron,
            Tag::Propn => Pos::Propn,
            Tag::Punct => Pos::Punct,
            Tag::Sconj => Pos::Sconj,
            Tag::Sym => Pos::Sym,
            Tag::X => Pos::X,
            Tag::VerbBase
            | Tag::VerbPast
            | Tag::VerbPastParticiple
            | Tag::VerbGerund
            | Tag::VerbPresent3
            | Tag::VerbPresent => Pos::Verb,
        }
    }

    /// A main verb (any form; auxiliaries are [`Tag::Aux`]).
    pub fn is_verb(self) -> bool {
        self.pos() == Pos::Verb
    }

    /// A noun, common or proper.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn)
    }
}

/// The part-of-speech tagger.
pub struct Tagger {
    weights: Weights,
}

static BUILTIN: OnceLock<Tagger> = OnceLock::new();

impl Tagger {
    /// The built-in model file (`models/pos-tagger.bin`).
    pub const BUILTIN_MODEL: &[u8] = include_bytes!("../../../../models/pos-tagger.bin");

    /// Reads a model written by `scripts/train-pos/train.py`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(Tagger {
            weights: Weights::from_bytes(bytes)?,
        })
    }

    /// The built-in model, read on first use and shared.
    pub fn builtin() -> &'static Tagger {
        BUILTIN.get_or_init(|| {
            // A test reads the embedded file, so this cannot fail in a tested build.
            Tagger::from_bytes(Self::BUILTIN_MODEL)
                .unwrap_or_else(|e| panic!("the built-in part-of-speech model: {e}"))
        })
    }

    /// How many features the model weighs.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Tags every token of `seg`, whose tokens point into `text`: `out[i]` becomes the
    /// tag of `seg.tokens[i]` (what `out` held is replaced).
    pub fn tag_document(&self, text: &str, seg: &Segmented, out: &mut Vec<Tag>) {
        out.clear();
        out.resize(seg.tokens.len(), Tag::X);
        for sentence in &seg.sentences {
            self.tag_sentence(text, seg, sentence, &mut out[sentence.tokens.clone()]);
        }
    }

    /// Tags the tokens of `sentence` into `out` (as long as the sentence).
    pub fn tag_sentence(&self, text: &str, seg: &Segmented, sentence: &Sentence, out: &mut [Tag]) {
        let tokens = seg.sentence_tokens(sentence);
        let at = |i: usize| WordInfo::at(text, seg, tokens, i as isize);
        let mut window = [WordInfo::start(), WordInfo::start(), at(0), at(1), at(2)];
        let (mut p1, mut p2) = (0u32, 0u32);
        for (i, slot) in out.iter_mut().enumerate().take(tokens.len()) {
            let tag = match self.weights.word_tag(window[2].word) {
                Some(tag) => tag,
                None => {
                    let tag_keys = tag_keys(p1, p2, &window[2], &window[3]);
                    self.predict(&static_keys(&window, i == 0), &tag_keys)
                }
            };
            *slot = tag;
            p2 = p1;
            p1 = tag as u32 + 1;
            window.rotate_left(1);
            window[4] = at(i + 3);
        }
    }

    fn predict(&self, keys: &[u32; STATIC_FEATURES], tag_keys: &[u32; TAG_FEATURES]) -> Tag {
        let mut scores = [0i32; NTAGS];
        self.weights.add_all(keys, &mut scores);
        self.weights.add_all(tag_keys, &mut scores);
        // The first of equal scores wins, so tagging is deterministic.
        let mut best = 0;
        for (i, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = i;
            }
        }
        Tag::ALL[best]
    }
}

/// What the training script learns from, for one token: the values its tag features
/// are computed from and the keys of its other features.
#[derive(Debug, Clone)]
pub struct TrainingFeatures {
    /// The hash of the word.
    pub word: u32,
    /// The hash of its last three letters.
    pub suffix3: u32,
    /// The hash of the next word (of `-END-` at the end of the sentence).
    pub next_word: u32,
    /// The keys of the features that do not depend on tags.
    pub keys: [u32; STATIC_FEATURES],
}

/// The features of each token of `sentence` for the training script (used by
/// `examples/pos_features.rs`; tagging itself never calls this).
pub fn training_features(
    text: &str,
    seg: &Segmented,
    sentence: &Sentence,
) -> Vec<TrainingFeatures> {
    let tokens: &[Token] = seg.sentence_tokens(sentence);
    let at = |i: isize| WordInfo::at(text, seg, tokens, i);
    (0..tokens.len() as isize)
        .map(|i| {
            let window = [at(i - 2), at(i - 1), at(i), at(i + 1), at(i + 2)];
            TrainingFeatures {
                word: window[2].word,
                suffix3: window[2].suffix3,
                next_word: window[3].word,
                keys: static_keys(&window, i == 0),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_reads() {
        let tagger = Tagger::from_bytes(Tagger::BUILTIN_MODEL).unwrap_or_else(|e| panic!("{e}"));
        assert!(tagger.features() > 1000);
    }

    #[test]
    fn a_damaged_model_is_refused_with_its_offset() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"NOTAPOS1xxxx").is_err());
        let cut = Tagger::from_bytes(&Tagger::BUILTIN_MODEL[..Tagger::BUILTIN_MODEL.len() - 3])
            .err()
            .expect("refused");
        assert!(cut.offset > 8, "{cut}");
        let mut renamed = Tagger::BUILTIN_MODEL.to_vec();
        renamed[11] = b'Z'; // the first tag name
        let e = Tagger::from_bytes(&renamed).err().expect("refused");
        assert!(e.message.contains("tags"), "{e}");
    }

    #[test]
    fn tag_numbers_names_and_parts_of_speech_agree() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
            assert_eq!(Tag::from_index(i), Some(*t));
            assert_eq!(t.is_verb(), t.name().starts_with("VB"));
        }
        assert_eq!(Tag::from_index(NTAGS), None);
    }
}
