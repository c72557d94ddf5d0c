//! Sentences and tokens with byte offsets into the document as read.
//!
//! [`Segmenter::segment`] takes a cleaned document ([`CleanText`]) and fills a
//! [`Segmented`]: sentences found block by block by a [`SentenceSplitter`], each cut
//! into [`Token`]s by the [`tokens`] tokenizer, with a normalised form
//! (case folded, curly quotes, dashes and Latin diacritics folded) kept in one shared
//! buffer so that no token allocates. For every sentence and token,
//! `input[start..end]` is its text.

// Keep every function of this stage short enough to read at once (clippy's default
// threshold, 100 lines).
#![warn(clippy::too_many_lines)]

mod normalize;
mod sentences;
pub mod tokens;

pub use normalize::normalize_into;
pub use sentences::{SentenceSplitter, SentencexSplitter};
pub use tokens::{Token, TokenFlags, tokenize};

use crate::clean::{CleanText, Layout, split_blocks};
use std::ops::Range;

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based position of the sentence in the document.
    pub index: u32,
    /// Byte offset of its first byte in the document text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// 0-based index of the block (paragraph or line) it belongs to.
    pub block: u32,
    /// Its tokens, as a range into [`Segmented::tokens`].
    pub tokens: Range<usize>,
}

/// The sentences and tokens of one document. Reuse one value across documents to
/// keep allocation out of the hot path.
#[derive(Debug, Default, Clone)]
pub struct Segmented {
    /// The sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// The tokens of all sentences, in document order.
    pub tokens: Vec<Token>,
    /// Normalised forms of all tokens, concatenated.
    norm: String,
    blocks: Vec<Range<usize>>,
    spans: Vec<Range<usize>>,
}

impl Segmented {
    /// The normalised form of `token` (which must belong to this value).
    pub fn norm(&self, token: &Token) -> &str {
        &self.norm[token.norm_start as usize..token.norm_end as usize]
    }

    /// The tokens of `sentence`.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    fn clear(&mut self) {
        self.sentences.clear();
        self.tokens.clear();
        self.norm.clear();
    }
}

/// Splits a cleaned document into sentences and tokens.
pub struct Segmenter {
    splitter: Box<dyn SentenceSplitter>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter {
            splitter: Box::new(SentencexSplitter),
        }
    }
}

impl Segmenter {
    /// A segmenter with the given sentence splitter.
    pub fn new(splitter: Box<dyn SentenceSplitter>) -> Self {
        Segmenter { splitter }
    }

    /// Segments `clean` into `out`, replacing what `out` held.
    pub fn segment(&self, clean: &CleanText, out: &mut Segmented) {
        out.clear();
        let view = clean.view();
        let mut blocks = std::mem::take(&mut out.blocks);
        let mut spans = std::mem::take(&mut out.spans);
        split_blocks(view, clean.layout, &mut blocks);
        let lowercase_text = !view.bytes().take(8000).any(|b| b.is_ascii_uppercase());
        for (block_index, block) in blocks.iter().enumerate() {
            spans.clear();
            self.splitter
                .split(&view[block.clone()], lowercase_text, &mut spans);
            for span in &spans {
                let (start, end) = (block.start + span.start, block.start + span.end);
                let first_token = out.tokens.len();
                tokenize(view, start..end, &mut out.tokens, &mut out.norm);
                if out.tokens.len() == first_token {
                    continue;
                }
                // A sentence needs a word or a number: a lone "*" or "--" is debris.
                if out.tokens[first_token..]
                    .iter()
                    .all(|t| t.flags.contains(TokenFlags::PUNCT))
                {
                    out.tokens.truncate(first_token);
                    continue;
                }
                push_sentences(out, start..end, first_token, block_index as u32);
            }
        }
        out.blocks = blocks;
        out.spans = spans;
    }
}

/// The most tokens one sentence may have. Coding costs grow with the square of a
/// sentence's length, so a longer run of text with no sentence end (a table, a
/// list, hostile input) is cut into sentences of this many tokens: time stays
/// linear in the input. Real news sentences stay well under it.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Pushes the sentence `span` whose tokens start at `first_token`, cut into pieces
/// of at most [`MAX_SENTENCE_TOKENS`] tokens.
fn push_sentences(out: &mut Segmented, span: Range<usize>, first_token: usize, block: u32) {
    let last_token = out.tokens.len();
    let mut from = first_token;
    while from < last_token {
        let to = (from + MAX_SENTENCE_TOKENS).min(last_token);
        let whole = from == first_token && to == last_token;
        let (start, end) = if whole {
            (span.start, span.end)
        } else {
            (
                if from == first_token {
                    span.start
                } else {
                    out.tokens[from].start as usize
                },
                if to == last_token {
                    span.end
                } else {
                    out.tokens[to - 1].end as usize
                },
            )
        };
        out.sentences.push(Sentence {
            index: out.sentences.len() as u32,
            start,
            end,
            block,
            tokens: from..to,
        });
        from = to;
    }
}

/// Convenience for callers that do not care about layout: segments raw text with
/// no cleaning (used by tests and by one-sentence evaluation records).
pub fn segment_plain(text: &str) -> (CleanText, Segmented) {
    let mut clean = CleanText::new(text);
    clean.layout = Layout::detect(text);
    let mut out = Segmented::default();
    Segmenter::default().segment(&clean, &mut out);
    (clean, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_tokens_point_into_the_input() {
        let text = "The U.S. Army said Gen. Smith met Mr. Jones on Jan. 5 in Washington. He left.\nA heading\n\n“We will win,” he added.";
        let (_, seg) = segment_plain(text);
        let sents: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            sents,
            [
                "The U.S. Army said Gen. Smith met Mr. Jones on Jan. 5 in Washington.",
                "He left.",
                "A heading",
                "“We will win,” he added."
            ]
        );
        for t in &seg.tokens {
            assert!(t.start < t.end && text.is_char_boundary(t.start as usize));
        }
        let words: Vec<&str> = seg.tokens[..4].iter().map(|t| seg.norm(t)).collect();
        assert_eq!(words, ["the", "u.s.", "army", "said"]);
    }

    #[test]
    fn punctuation_only_lines_are_not_sentences() {
        let (_, seg) = segment_plain("* * *\n\nReal text here.");
        assert_eq!(seg.sentences.len(), 1);
    }

    #[test]
    fn an_endless_sentence_is_cut_into_bounded_pieces() {
        let text = "Russia condemned Ukraine and ".repeat(300);
        let (_, seg) = segment_plain(&text);
        assert!(seg.sentences.len() >= 5, "{}", seg.sentences.len());
        let mut next_token = 0;
        for s in &seg.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            assert_eq!(s.tokens.start, next_token);
            next_token = s.tokens.end;
            let toks = seg.sentence_tokens(s);
            assert!(s.start <= toks[0].start as usize);
            assert!(toks[toks.len() - 1].end as usize <= s.end && s.end <= text.len());
        }
        assert_eq!(next_token, seg.tokens.len());
    }
}
