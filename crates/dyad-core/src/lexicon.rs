//! The vocabulary shared by every stage: each normalised word that a dictionary or
//! grammar rule mentions gets a [`WordId`], and each token of a document is looked up
//! once ([`Lexicon::lookup_tokens`]). Matching then compares integers.
//!
//! The closed word classes of English (pronouns, determiners, prepositions,
//! auxiliaries, negation, ...) are grammar rather than world knowledge, so they are
//! defined here in code, not in the dictionaries.

use crate::segment::{Segmented, Token};
use rustc_hash::FxHashMap;

/// Index of a word in the [`Lexicon`].
pub type WordId = u32;

/// The id of every word the lexicon does not know.
pub const UNKNOWN: WordId = u32::MAX;

/// Grammatical classes of a word, as bits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct WordClass(pub u32);

macro_rules! classes {
    ($($(#[$doc:meta])* $name:ident = $bit:expr;)*) => {
        impl WordClass {
            $($(#[$doc])* pub const $name: WordClass = WordClass(1 << $bit);)*
        }
    };
}

classes! {
    /// the, a, an, this, that, these, those, some, any, each, every, both
    DETERMINER = 0;
    /// of, in, on, at, to, with, against, from, by, for, ...
    PREPOSITION = 1;
    /// and, or, nor, but
    CONJUNCTION = 2;
    /// he, she, him, her, his, hers (singular persons)
    PRONOUN_PERSON = 3;
    /// they, them, their, theirs
    PRONOUN_PLURAL = 4;
    /// it, its
    PRONOUN_THING = 5;
    /// we, us, our, i, me, my (speakers: resolved to the speaker of a quotation)
    PRONOUN_SPEAKER = 6;
    /// his, her, its, their, our, my: possessive determiners
    POSSESSIVE = 7;
    /// be, have, do in all forms
    AUXILIARY = 8;
    /// will, would, shall, should, can, could, may, might, must, 'll, 'd
    MODAL = 9;
    /// not, n't, never, no
    NEGATION = 10;
    /// who, which, that, whom, whose
    RELATIVE = 11;
    /// that, whether, if, because, although, while, after, before, when, ...
    SUBORDINATOR = 12;
    /// former, ex, late, outgoing, ousted, deposed: the office is no longer held
    FORMER = 13;
    /// senior, top, chief, deputy, acting, new, interim, ...: titles' modifiers
    TITLE_MODIFIER = 14;
    /// two, both: "the two leaders", "both sides"
    PAIR = 15;
    /// is, are, was, were, be, been, being
    BE = 16;
    /// has, have, had, having
    HAVE = 17;
    /// 's (possessive or contracted is)
    POSSESSIVE_MARK = 18;
    /// the, a, an
    ARTICLE = 19;
    /// the: a definite description ("the president") may refer back
    DEFINITE = 20;
    /// leaders, sides, countries, nations, governments, men, parties, states, presidents
    PAIR_NOUN = 21;
    /// Adverbs that may sit inside a verb group: also, still, yet, already, reportedly, ...
    ADVERB = 22;
    /// Verbs before `to` that make the infinitive a plan: plans, intends, is going, set, ...
    PLAN_VERB = 23;
    /// Verbs before `to` that deny the infinitive: failed, unable, ...
    FAIL_VERB = 24;
}

impl WordClass {
    /// Whether any bit of `other` is set.
    pub fn has(self, other: WordClass) -> bool {
        self.0 & other.0 != 0
    }

    fn add(&mut self, other: WordClass) {
        self.0 |= other.0;
    }
}

/// Words and punctuation that the stages compare tokens with, beyond the closed
/// classes: in the lexicon whatever the dictionaries hold, so that a dictionary set of
/// its own (`--no-builtin`) codes like the built-in one (`X, Y and Z` is a compound
/// only if the comma is a known word).
const CODER_WORDS: &[&str] = &[
    ",",
    "-",
    "\"",
    "“",
    "”",
    "ago",
    "alleged",
    "attack",
    "attacks",
    "believed",
    "claimed",
    "clear",
    "commission",
    "difficult",
    "easy",
    "estimated",
    "express",
    "feared",
    "following",
    "herald",
    "hijackers",
    "important",
    "impossible",
    "known",
    "mail",
    "march",
    "mirror",
    "necessary",
    "official",
    "possible",
    "post",
    "reported",
    "rumored",
    "rumoured",
    "said",
    "telegraph",
    "terror",
    "terrorist",
    "thought",
    "time",
    "times",
    "today",
    "true",
    "unclear",
    "understood",
    "unlikely",
    "weekend",
    "year",
];

const CLOSED_CLASSES: &[(WordClass, &[&str])] = &[
    (WordClass::ARTICLE, &["the", "a", "an"]),
    (WordClass::DEFINITE, &["the"]),
    (
        WordClass::DETERMINER,
        &[
            "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every",
            "both", "all", "another", "other", "several", "many", "most", "no",
        ],
    ),
    (
        WordClass::PREPOSITION,
        &[
            "of",
            "in",
            "on",
            "at",
            "to",
            "with",
            "against",
            "from",
            "by",
            "for",
            "into",
            "onto",
            "over",
            "under",
            "about",
            "between",
            "among",
            "amid",
            "after",
            "before",
            "during",
            "since",
            "until",
            "toward",
            "towards",
            "through",
            "across",
            "near",
            "without",
            "within",
            "upon",
            "via",
            "despite",
            "including",
            "like",
            "than",
            "per",
            "along",
            "behind",
            "beyond",
            "outside",
            "inside",
            "throughout",
            "regarding",
            "concerning",
        ],
    ),
    (WordClass::CONJUNCTION, &["and", "or", "nor", "but", "&"]),
    (
        WordClass::PRONOUN_PERSON,
        &[
            "he", "she", "him", "her", "his", "hers", "himself", "herself",
        ],
    ),
    (
        WordClass::PRONOUN_PLURAL,
        &["they", "them", "their", "theirs", "themselves"],
    ),
    (WordClass::PRONOUN_THING, &["it", "its", "itself"]),
    (
        WordClass::PRONOUN_SPEAKER,
        &[
            "we",
            "us",
            "our",
            "ours",
            "i",
            "me",
            "my",
            "ourselves",
            "myself",
        ],
    ),
    (
        WordClass::POSSESSIVE,
        &["his", "her", "its", "their", "our", "my"],
    ),
    (
        WordClass::AUXILIARY,
        &[
            "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "have",
            "has", "had", "having", "'ve", "do", "does", "did",
        ],
    ),
    (
        WordClass::BE,
        &[
            "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m",
        ],
    ),
    (WordClass::HAVE, &["have", "has", "had", "having", "'ve"]),
    (
        WordClass::MODAL,
        &[
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
            "'d", "wo", "ca", "ought",
        ],
    ),
    (
        WordClass::NEGATION,
        &["not", "n't", "never", "no", "neither", "nor", "without"],
    ),
    (
        WordClass::RELATIVE,
        &["who", "which", "that", "whom", "whose"],
    ),
    (
        WordClass::SUBORDINATOR,
        &[
            "that", "whether", "if", "because", "although", "though", "while", "after", "before",
            "when", "unless", "since", "as", "once", "until", "whereas",
        ],
    ),
    (
        WordClass::FORMER,
        &[
            "former", "ex", "late", "outgoing", "ousted", "deposed", "exiled", "then",
        ],
    ),
    (
        WordClass::TITLE_MODIFIER,
        &[
            "senior",
            "top",
            "chief",
            "deputy",
            "acting",
            "new",
            "interim",
            "vice",
            "assistant",
            "junior",
            "first",
            "incoming",
            "elected",
            "de",
            "facto",
            "self-proclaimed",
            "powerful",
            "veteran",
            "leading",
            "high-ranking",
            "high",
            "ranking",
            "foreign",
            "defence",
            "defense",
            "interior",
            "finance",
            "justice",
            "national",
            "federal",
            "state",
            "regional",
            "local",
            "provincial",
            "military",
            "security",
            "government",
            "opposition",
            "rebel",
            "armed",
            "special",
            // `Iran's supreme leader`, `Iran's revolutionary leader, Ayatollah ...`
            "supreme",
            "revolutionary",
            "current",
            "sitting",
            "longtime",
            "long-time",
            "long-serving",
            "embattled",
        ],
    ),
    (WordClass::PAIR, &["two", "both"]),
    (
        WordClass::PAIR_NOUN,
        &[
            "leaders",
            "sides",
            "countries",
            "nations",
            "governments",
            "men",
            "parties",
            "states",
            "presidents",
            "ministers",
            "neighbours",
            "neighbors",
            "allies",
            "rivals",
            "delegations",
            "powers",
        ],
    ),
    (WordClass::POSSESSIVE_MARK, &["'s", "'"]),
    (
        WordClass::ADVERB,
        &[
            "also",
            "still",
            "yet",
            "already",
            "now",
            "just",
            "reportedly",
            "allegedly",
            "again",
            "then",
            "later",
            "ever",
            "jointly",
            "formally",
            "officially",
            "publicly",
            "repeatedly",
            "strongly",
            "sharply",
            "firmly",
            "finally",
            "recently",
            "immediately",
            "quickly",
            "swiftly",
            "once",
            "previously",
            "apparently",
            "subsequently",
            "eventually",
            "even",
            "only",
            "further",
            "duly",
            "indeed",
            "long",
            "effectively",
            "reluctantly",
            "openly",
            "secretly",
            "briefly",
            "twice",
            "unanimously",
            "narrowly",
            "vigorously",
            "flatly",
            "bitterly",
            "angrily",
            "fiercely",
            "heavily",
            "largely",
            "partly",
            "partially",
            "fully",
            "directly",
            "personally",
            "separately",
            "first",
            "initially",
            "hastily",
            "hurriedly",
            "abruptly",
            "unilaterally",
            "mutually",
            "very",
            "deeply",
            "extremely",
            "highly",
            "somewhat",
            "quite",
            "rather",
            "fairly",
            "more",
            "less",
            "too",
            "so",
            "always",
            "often",
            "usually",
            "sometimes",
            "increasingly",
            "reportedly",
            "barely",
            "hardly",
            "seldom",
        ],
    ),
    (
        WordClass::PLAN_VERB,
        &[
            "plan",
            "plans",
            "planned",
            "planning",
            "intend",
            "intends",
            "intended",
            "intending",
            "going",
            "set",
            "due",
            "expected",
            "expects",
            "prepare",
            "prepares",
            "prepared",
            "preparing",
            "aim",
            "aims",
            "aimed",
            "aiming",
            "scheduled",
            "poised",
            "about",
            "seeks",
            "seeking",
            "sought",
            "seek",
            "hopes",
            "hope",
            "hoped",
            "hoping",
            "wants",
            "want",
            "wanted",
            "decided",
            "decides",
            "decide",
            "likely",
            "ready",
            "willing",
            "determined",
            "eager",
        ],
    ),
    (
        WordClass::FAIL_VERB,
        &[
            "failed",
            "fails",
            "fail",
            "failing",
            "unable",
            "declined",
            "declines",
            "refused",
            "refuses",
            "refuse",
            "reluctant",
            "unwilling",
        ],
    ),
];

/// The vocabulary: normalised words to ids, and each word's grammatical classes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Lexicon {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
    classes: Vec<WordClass>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// A lexicon holding the closed word classes.
    pub fn new() -> Self {
        let mut lex = Lexicon {
            ids: FxHashMap::default(),
            words: Vec::new(),
            classes: Vec::new(),
        };
        for (class, words) in CLOSED_CLASSES {
            for w in *words {
                let id = lex.intern(w);
                lex.classes[id as usize].add(*class);
            }
        }
        for w in CODER_WORDS {
            lex.intern(w);
        }
        lex
    }

    /// The id of `norm` (a normalised word), adding it when new.
    pub fn intern(&mut self, norm: &str) -> WordId {
        if let Some(&id) = self.ids.get(norm) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.ids.insert(norm.into(), id);
        self.words.push(norm.into());
        self.classes.push(WordClass::default());
        id
    }

    /// The id of `norm`, or [`UNKNOWN`].
    pub fn lookup(&self, norm: &str) -> WordId {
        self.ids.get(norm).copied().unwrap_or(UNKNOWN)
    }

    /// The word with id `id`.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map(|w| &**w).unwrap_or("")
    }

    /// The grammatical classes of `id` (none for [`UNKNOWN`]).
    pub fn class(&self, id: WordId) -> WordClass {
        self.classes.get(id as usize).copied().unwrap_or_default()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty (it never is: closed classes are built in).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Looks up the tokens of a segmented document, writing one id per token to `out`.
    pub fn lookup_tokens(&self, seg: &Segmented, out: &mut Vec<WordId>) {
        out.clear();
        out.extend(seg.tokens.iter().map(|t: &Token| self.lookup(seg.norm(t))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_classes_are_known() {
        let lex = Lexicon::new();
        let his = lex.lookup("his");
        assert!(lex.class(his).has(WordClass::PRONOUN_PERSON));
        assert!(lex.class(his).has(WordClass::POSSESSIVE));
        assert!(lex.class(lex.lookup("n't")).has(WordClass::NEGATION));
        assert_eq!(lex.lookup("kremlin"), UNKNOWN);
        assert_eq!(lex.class(UNKNOWN), WordClass::default());
        // Words the stages compare with are known without any dictionary.
        for w in [",", "said", "following"] {
            assert_ne!(lex.lookup(w), UNKNOWN, "{w}");
        }
    }

    #[test]
    fn interning_is_idempotent() {
        let mut lex = Lexicon::new();
        let a = lex.intern("kremlin");
        assert_eq!(lex.intern("kremlin"), a);
        assert_eq!(lex.lookup("kremlin"), a);
        assert_eq!(lex.word(a), "kremlin");
    }
}
