//! The perceptron's weights: read from the model file into open-addressing tables
//! laid out so that one feature costs one cache line.
//!
//! The file (`models/pos-tagger.bin`, written by `scripts/train-pos/train.py`) is, in
//! little-endian order:
//!
//! ```text
//! b"DYADPOS1"
//! u8 number of tags, u16 length, the tag names joined by spaces
//! u32 n, then n x (u32 word hash, u8 tag)      words that always get one tag
//! u32 n, then n x (u32 key, u8 k, k x (u8 tag, i8 weight))   feature weights
//! ```
//!
//! Weights are the averaged perceptron's, quantised to 8 bits with one scale for the
//! whole model (the scale does not change which tag scores highest).

use super::{NTAGS, Tag};

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the part-of-speech model at byte {offset}: {message}")]
pub struct ModelError {
    /// Where reading stopped.
    pub offset: usize,
    /// What was wrong.
    pub message: String,
}

/// One slot of the feature table: a key and the weight of each tag for it.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
pub(crate) struct Slot {
    key: u32,
    weights: [i8; NTAGS],
}

const EMPTY: Slot = Slot {
    key: 0,
    weights: [0; NTAGS],
};

/// The weights and the tag dictionary.
pub(crate) struct Weights {
    features: Vec<Slot>,
    feature_mask: usize,
    /// (word hash, tag + 1), 0 marking an empty slot.
    words: Vec<(u32, u8)>,
    word_mask: usize,
}

impl Weights {
    /// Adds the weights of the features `keys` (those the model has) to `scores`.
    #[inline]
    pub fn add_all<const N: usize>(&self, keys: &[u32; N], scores: &mut [i32; NTAGS]) {
        // First read every feature's home slot, with no branch between the reads, so
        // that their cache misses overlap instead of queueing behind mispredictions.
        let homes = keys.map(|k| {
            let i = k as usize & self.feature_mask;
            (i, self.features[i].key)
        });
        for (&key, (i, home)) in keys.iter().zip(homes) {
            if home == key {
                add_row(scores, &self.features[i].weights);
            } else if home != 0 {
                self.add(key, (i + 1) & self.feature_mask, scores);
            }
        }
    }

    /// Adds the weights of feature `key` to `scores`, probing from slot `i`.
    fn add(&self, key: u32, mut i: usize, scores: &mut [i32; NTAGS]) {
        loop {
            let slot = &self.features[i];
            if slot.key == key {
                add_row(scores, &slot.weights);
                return;
            }
            if slot.key == 0 {
                return;
            }
            i = (i + 1) & self.feature_mask;
        }
    }

    /// The one tag the model gives `word` (a word hash) whatever its context, if any.
    #[inline]
    pub fn word_tag(&self, word: u32) -> Option<Tag> {
        let word = word.max(1);
        let mut i = word as usize & self.word_mask;
        loop {
            let (k, t) = self.words[i];
            if k == word {
                return Tag::from_index(t as usize - 1);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.word_mask;
        }
    }

    /// How many features the model has.
    pub fn len(&self) -> usize {
        self.features.iter().filter(|s| s.key != 0).count()
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != b"DYADPOS1" {
            return Err(r.error("not a dyad part-of-speech model"));
        }
        let ntags = r.u8()? as usize;
        let names_len = u16::from_le_bytes([r.u8()?, r.u8()?]) as usize;
        let names = std::str::from_utf8(r.take(names_len)?)
            .map_err(|_| r.error("tag names are not UTF-8"))?;
        let expected: Vec<&str> = Tag::ALL.iter().map(|t| t.name()).collect();
        if ntags != NTAGS || names.split(' ').ne(expected.iter().copied()) {
            return Err(r.error(&format!(
                "its tags are {names:?}, this build expects {:?}",
                expected.join(" ")
            )));
        }
        let nwords = r.u32()? as usize;
        let word_size = (nwords * 2).next_power_of_two().max(16);
        let mut words = vec![(0u32, 0u8); word_size];
        for _ in 0..nwords {
            let word = r.u32()?.max(1);
            let tag = r.u8()?;
            if tag as usize >= NTAGS {
                return Err(r.error(&format!("tag number {tag} out of range")));
            }
            let mut i = word as usize & (word_size - 1);
            while words[i].0 != 0 && words[i].0 != word {
                i = (i + 1) & (word_size - 1);
            }
            words[i] = (word, tag + 1);
        }
        let nfeatures = r.u32()? as usize;
        // At most 80 % full: probes stay short, and the table small enough to be
        // built in a few milliseconds and to stay mostly in cache.
        let size = (nfeatures + nfeatures / 4 + 1).next_power_of_two().max(16);
        let mut features = vec![EMPTY; size];
        for _ in 0..nfeatures {
            let key = r.u32()?;
            if key == 0 {
                return Err(r.error("feature key 0"));
            }
            let mut slot = Slot {
                key,
                weights: [0; NTAGS],
            };
            for _ in 0..r.u8()? {
                let tag = r.u8()? as usize;
                let w = r.u8()? as i8;
                if tag >= NTAGS {
                    return Err(r.error(&format!("tag number {tag} out of range")));
                }
                slot.weights[tag] = w;
            }
            let mut i = key as usize & (size - 1);
            while features[i].key != 0 && features[i].key != key {
                i = (i + 1) & (size - 1);
            }
            features[i] = slot;
        }
        if r.at != bytes.len() {
            return Err(r.error("trailing bytes"));
        }
        Ok(Weights {
            features,
            feature_mask: size - 1,
            words,
            word_mask: word_size - 1,
        })
    }
}

#[inline]
fn add_row(scores: &mut [i32; NTAGS], weights: &[i8; NTAGS]) {
    for (s, &w) in scores.iter_mut().zip(weights) {
        *s += w as i32;
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, message: &str) -> ModelError {
        ModelError {
            offset: self.at,
            message: message.to_string(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.at..end];
                self.at = end;
                Ok(s)
            }
            None => Err(self.error("the file ends early")),
        }
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}
