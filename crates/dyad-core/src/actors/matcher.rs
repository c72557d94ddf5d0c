//! The phrase matcher: every dictionary name compiled into a trie over word ids, and
//! longest-match lookup over a sentence's tokens with the names' case rules.
//!
//! A trie over whole tokens (rather than bytes) gives word boundaries for free and
//! lets each token be looked up once ([`Lexicon::lookup_tokens`]); a step is one hash
//! probe on `(node, word)`.

use crate::dict::{Name, NameKind, Origin};
use crate::lexicon::{Lexicon, UNKNOWN, WordId};
use crate::segment::{Token, TokenFlags, tokenize};
use rustc_hash::FxHashMap;

/// What a dictionary phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Referent {
    /// An actor entry (index into the recognizer's actors) by one of its names.
    Actor {
        /// Index of the actor entry.
        entry: u32,
        /// How the name refers to it.
        kind: NameKind,
    },
    /// A generic agent noun of a role.
    Agent {
        /// Index of the role entry.
        role: u16,
        /// A noun for people (also a title).
        person: bool,
        /// The plural form.
        plural: bool,
    },
    /// A person (index into the people).
    Person(u32),
    /// A place (index into the places).
    Place(u32),
}

/// When a phrase's match in text counts, by case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseRule {
    /// Any case.
    Any,
    /// The tokens whose bit is set must be capitalised in the text.
    Capitalized(u64),
    /// The tokens must be exactly these strings.
    Exact(Box<[Box<str>]>),
}

/// One dictionary phrase.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Phrase {
    /// What it names.
    pub referent: Referent,
    /// Its case rule.
    pub case: CaseRule,
    /// Where it is written.
    pub origin: Origin,
    /// Its length in tokens.
    pub len: u8,
    /// Of an added dictionary (`layer: added`): skipped by a base-only match.
    #[serde(default)]
    pub added: bool,
}

/// A match of one or more phrases over a token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token (index into the document's tokens).
    pub start: u32,
    /// One past the last token.
    pub end: u32,
    /// The matching phrases: a range into the buffer [`PhraseTrie::longest_at`] fills.
    pub phrases: (u32, u32),
}

/// The compiled phrases.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PhraseTrie {
    edges: FxHashMap<(u32, WordId), u32>,
    terminals: FxHashMap<u32, Vec<u32>>,
    nodes: u32,
    /// Reused while adding names, so that compiling allocates per word, not per name.
    #[serde(skip)]
    scratch_tokens: Vec<Token>,
    #[serde(skip)]
    scratch_norm: String,
    /// All phrases; `terminals` index into it.
    pub phrases: Vec<Phrase>,
}

/// A name that could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem {
    /// Where it is written.
    pub origin: Origin,
    /// The name.
    pub name: String,
    /// What is wrong.
    pub message: &'static str,
}

/// `a-b` for a name of two lower-case words of letters `a b`.
fn hyphenated(text: &str, tokens: &[Token]) -> Option<String> {
    let [a, b] = tokens else { return None };
    let (a, b) = (&text[a.span()], &text[b.span()]);
    let lower = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    (lower(a) && lower(b)).then(|| format!("{a}-{b}"))
}

impl PhraseTrie {
    /// Adds `name` for `referent`, with a variant without hyphens (`al-Qaeda` also
    /// matches `al Qaeda`). Returns the word path, or a problem.
    pub fn add(
        &mut self,
        lex: &mut Lexicon,
        name: &Name,
        referent: Referent,
    ) -> Result<(), NameProblem> {
        self.add_text(lex, &name.text, name.exact_case, name.origin, referent)
    }

    /// Adds a phrase given as text.
    pub fn add_text(
        &mut self,
        lex: &mut Lexicon,
        text: &str,
        exact_case: bool,
        origin: Origin,
        referent: Referent,
    ) -> Result<(), NameProblem> {
        let problem = |message| NameProblem {
            origin,
            name: text.to_string(),
            message,
        };
        let mut tokens = std::mem::take(&mut self.scratch_tokens);
        let mut norm = std::mem::take(&mut self.scratch_norm);
        tokens.clear();
        norm.clear();
        tokenize(text, 0..text.len(), &mut tokens, &mut norm);
        let result = if tokens.is_empty() {
            Err(problem("the name has no words"))
        } else if tokens.len() > 60 {
            Err(problem("the name is longer than 60 tokens"))
        } else {
            self.insert(lex, text, &tokens, &norm, exact_case, origin, referent);
            if tokens.len() > 1
                && tokens
                    .iter()
                    .any(|t| &norm[t.norm_start as usize..t.norm_end as usize] == "-")
            {
                tokens.retain(|t| &norm[t.norm_start as usize..t.norm_end as usize] != "-");
                self.insert(lex, text, &tokens, &norm, exact_case, origin, referent);
            } else if let Some(joined) = hyphenated(text, &tokens) {
                // Two lower-case words also match joined by a hyphen (`think-tank`,
                // `police-officer`): else the second alone would match (`tank`).
                let mut t2 = Vec::new();
                let mut n2 = String::new();
                tokenize(&joined, 0..joined.len(), &mut t2, &mut n2);
                self.insert(lex, &joined, &t2, &n2, exact_case, origin, referent);
            }
            Ok(())
        };
        self.scratch_tokens = tokens;
        self.scratch_norm = norm;
        result
    }

    #[allow(clippy::too_many_arguments)]
    fn insert(
        &mut self,
        lex: &mut Lexicon,
        text: &str,
        tokens: &[Token],
        norm: &str,
        exact_case: bool,
        origin: Origin,
        referent: Referent,
    ) {
        let mut node = 0u32;
        for t in tokens {
            let word = lex.intern(&norm[t.norm_start as usize..t.norm_end as usize]);
            node = match self.edges.get(&(node, word)) {
                Some(&n) => n,
                None => {
                    self.nodes += 1;
                    self.edges.insert((node, word), self.nodes);
                    self.nodes
                }
            };
        }
        let case = if exact_case {
            CaseRule::Exact(tokens.iter().map(|t| text[t.span()].into()).collect())
        } else {
            let mask = tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.flags.contains(TokenFlags::CAPITALIZED))
                .fold(0u64, |m, (i, _)| m | (1 << i));
            if mask == 0 {
                CaseRule::Any
            } else {
                CaseRule::Capitalized(mask)
            }
        };
        let phrase = Phrase {
            referent,
            case,
            origin,
            len: tokens.len() as u8,
            added: false,
        };
        let list = self.terminals.entry(node).or_default();
        // The same name for the same referent twice (e.g. a hyphen variant equal to
        // another name) is kept once.
        if !list
            .iter()
            .any(|&p| self.phrases[p as usize].referent == referent)
        {
            list.push(self.phrases.len() as u32);
            self.phrases.push(phrase);
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether no phrase was added.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The phrases whose words are exactly `words`, if any.
    pub fn lookup(&self, words: &[WordId]) -> &[u32] {
        let mut node = 0;
        for w in words {
            match self.edges.get(&(node, *w)) {
                Some(&n) => node = n,
                None => return &[],
            }
        }
        self.terminals.get(&node).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Finds the longest phrase match starting at token `start` (below `limit`),
    /// keeping only phrases whose case rule the text meets. The matching phrase ids
    /// are appended to `buf`; returns the end token, if any match.
    pub fn longest_at(
        &self,
        ctx: &MatchContext<'_>,
        start: usize,
        limit: usize,
        buf: &mut Vec<u32>,
    ) -> Option<usize> {
        let mut node = 0u32;
        let mut best: Option<(usize, usize)> = None; // (end, buf len before)
        let mark = buf.len();
        let mut i = start;
        while i < limit {
            let w = ctx.words[i];
            if w == UNKNOWN {
                break;
            }
            let Some(&next) = self.edges.get(&(node, w)) else {
                break;
            };
            node = next;
            i += 1;
            if let Some(list) = self.terminals.get(&node) {
                let before = buf.len();
                buf.extend(list.iter().copied().filter(|&p| {
                    let phrase = &self.phrases[p as usize];
                    !(ctx.base_only && phrase.added) && ctx.case_ok(&phrase.case, start)
                }));
                if buf.len() > before {
                    // A longer match replaces a shorter one.
                    buf.drain(mark..before);
                    best = Some((i, mark));
                }
            }
        }
        best.map(|(end, _)| end)
    }
}

/// What matching needs to know about a document.
pub struct MatchContext<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Their word ids.
    pub words: &'a [WordId],
    /// The whole document is in lower case: capitalisation rules are relaxed.
    pub lowercase_text: bool,
    /// Only the base dictionaries' phrases match (an added layer's are skipped).
    pub base_only: bool,
}

impl MatchContext<'_> {
    /// Whether token `t` is a capitalised word of letters (and hyphens) that no
    /// dictionary or pattern uses: a name nobody has listed (`Statoil`, `Sulpetro`).
    /// Never in a text written all in lower case.
    pub(crate) fn unknown_name(&self, t: usize) -> bool {
        !self.lowercase_text
            && self.words[t] == UNKNOWN
            && self.tokens[t].flags.contains(TokenFlags::CAPITALIZED)
            && self.text[self.tokens[t].span()]
                .chars()
                .all(|c| c.is_alphabetic() || c == '-')
    }

    fn case_ok(&self, rule: &CaseRule, start: usize) -> bool {
        match rule {
            CaseRule::Any => true,
            CaseRule::Capitalized(mask) => {
                self.lowercase_text
                    || (0..64).filter(|b| mask & (1 << b) != 0).all(|b| {
                        self.tokens
                            .get(start + b)
                            .is_some_and(|t| t.flags.contains(TokenFlags::CAPITALIZED))
                    })
            }
            CaseRule::Exact(surfaces) => surfaces.iter().enumerate().all(|(i, s)| {
                self.tokens
                    .get(start + i)
                    .is_some_and(|t| self.text[t.span()] == **s)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_plain;

    fn name(t: &str) -> Name {
        Name::parse(t, Origin { file: 0, line: 1 })
    }

    fn matches(trie: &PhraseTrie, lex: &Lexicon, text: &str) -> Vec<(String, usize)> {
        let (_, seg) = segment_plain(text);
        let mut words = Vec::new();
        lex.lookup_tokens(&seg, &mut words);
        let ctx = MatchContext {
            text,
            tokens: &seg.tokens,
            words: &words,
            lowercase_text: false,
            base_only: false,
        };
        let mut out = Vec::new();
        let mut i = 0;
        let mut buf = Vec::new();
        while i < seg.tokens.len() {
            buf.clear();
            match trie.longest_at(&ctx, i, seg.tokens.len(), &mut buf) {
                Some(end) => {
                    let span = seg.tokens[i].start as usize..seg.tokens[end - 1].end as usize;
                    out.push((text[span].to_string(), buf.len()));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn longest_match_with_case_rules() {
        let mut lex = Lexicon::new();
        let mut trie = PhraseTrie::default();
        let country = |e| Referent::Actor {
            entry: e,
            kind: NameKind::Name,
        };
        for (n, e) in [
            ("United States", 0),
            ("US!", 0),
            ("United States of America", 0),
            ("China", 1),
            ("al-Qaeda", 2),
        ] {
            trie.add(&mut lex, &name(n), country(e)).unwrap();
        }
        let got = matches(
            &trie,
            &lex,
            "The United States of America and China told us that the US and al Qaeda and china talked.",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["United States of America", "China", "US", "al Qaeda"]
        );
    }

    #[test]
    fn diacritics_and_quotes_fold() {
        let mut lex = Lexicon::new();
        let mut trie = PhraseTrie::default();
        trie.add(&mut lex, &name("Côte d'Ivoire"), Referent::Person(0))
            .unwrap();
        let got = matches(&trie, &lex, "Troops left Cote d’Ivoire.");
        assert_eq!(got[0].0, "Cote d’Ivoire");
    }

    #[test]
    fn several_referents_share_a_name() {
        let mut lex = Lexicon::new();
        let mut trie = PhraseTrie::default();
        trie.add(&mut lex, &name("Bush"), Referent::Person(0))
            .unwrap();
        trie.add(&mut lex, &name("Bush"), Referent::Person(1))
            .unwrap();
        trie.add(&mut lex, &name("Bush"), Referent::Person(1))
            .unwrap();
        assert_eq!(matches(&trie, &lex, "Bush spoke.")[0].1, 2);
    }
}
