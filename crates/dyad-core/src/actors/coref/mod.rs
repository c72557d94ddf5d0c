//! Links within a story: later mentions resolved through earlier ones.
//!
//! [`link_sentence`] runs once per sentence, after [`super::compose`], in document
//! order. Its steps, in order, one file each:
//! 1. `aliases.rs`: a surname or a name first met with a title (`Chinese Foreign
//!    Minister Qin Gang` ... `Qin said`) is an actor wherever it recurs;
//! 2. `pairs.rs`: `the two leaders`, `both sides`: the last two distinct actors in focus;
//! 3. `definite.rs`: definite descriptions with no country of their own (`the
//!    president`, `the army`) take the code of the latest mention in the same role;
//! 4. `pronouns.rs`: pronouns resolve to the most salient compatible actor before them:
//!    within the sentence, the subject first, then the latest; across sentences, the
//!    previous sentence's subject first, then the latest compatible mention; `we` and
//!    `I` inside a quotation resolve to its speaker; possessives (`its troops`) give
//!    the agent after them the possessor's country;
//!    then `counterparts.rs`: `their U.S. counterparts` hold the possessor's office
//!    (lawmakers' counterparts are lawmakers);
//! 5. `locate.rs`: agents of unknown country (`police`, `rebels`) take the country of
//!    the sentence's place, else of the story's dateline;
//! 6. the sentence's subject is remembered (`subject.rs`) and the names it introduces
//!    are registered as aliases for later sentences (`aliases.rs::register`).

mod aliases;
mod counterparts;
mod definite;
mod locate;
mod pairs;
mod pronouns;
mod subject;

use super::matcher::MatchContext;
use super::{Mention, MentionKind, Resolution, Scratch};
use crate::codes::ActorCode;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// What the linking remembers about the story so far.
#[derive(Debug, Default)]
pub struct DocState {
    /// The subject mention of each sentence so far (by sentence index).
    subjects: Vec<Option<usize>>,
    /// Group numbers for pronoun groups, counted down from the top to stay clear of
    /// the mention indices used by [`super::compose`].
    next_group: u32,
    /// The country of the story's dateline (`MOSCOW, March 21 -`), if any.
    pub dateline_country: Option<ActorCode>,
}

impl DocState {
    /// A fresh group number for a group made here (pairs, pronouns for compounds).
    fn new_group(&mut self) -> u32 {
        let g = self.next_group;
        self.next_group -= 1;
        g
    }
}

/// How far back (in sentences) a pronoun or description looks.
const WINDOW: u32 = 3;

/// The sentence being linked: what every step reads.
struct Linking<'a> {
    ctx: &'a MatchContext<'a>,
    lex: &'a Lexicon,
    sentence: &'a Sentence,
    /// Index in `out` of the sentence's first mention.
    first_new: usize,
    /// Which of the sentence's tokens (from its start) lie inside quotation marks.
    quoted: Vec<bool>,
}

impl Linking<'_> {
    /// The sentence's first token.
    fn s(&self) -> usize {
        self.sentence.tokens.start
    }

    /// One past the sentence's last token.
    fn e(&self) -> usize {
        self.sentence.tokens.end
    }

    /// The sentence's index.
    fn idx(&self) -> u32 {
        self.sentence.index
    }

    /// Whether token `t` lies inside quotation marks.
    fn quoted(&self, t: usize) -> bool {
        self.quoted[t - self.s()]
    }

    /// Whether a mention of this sentence covers token `t`.
    fn covered(&self, out: &[Mention], t: usize) -> bool {
        out[self.first_new..]
            .iter()
            .any(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
    }
}

/// Links the mentions of one sentence (those from `first_new` on) and adds pronoun,
/// alias and collective mentions, keeping the sentence's mentions in token order.
pub fn link_sentence(
    ctx: &MatchContext<'_>,
    lex: &Lexicon,
    sentence: &Sentence,
    first_new: usize,
    scratch: &mut Scratch,
    doc: &mut DocState,
    out: &mut Vec<Mention>,
) {
    if doc.next_group == 0 {
        doc.next_group = u32::MAX;
    }
    let (s, e) = (sentence.tokens.start, sentence.tokens.end);
    let mut quoted = Vec::with_capacity(e - s);
    subject::quoted_tokens(ctx, lex, s, e, &mut quoted);
    let here = Linking {
        ctx,
        lex,
        sentence,
        first_new,
        quoted,
    };
    aliases::link(&here, &scratch.aliases, out);
    pairs::link(&here, doc, out);
    sort_sentence(out, first_new);
    definite::link(&here, out);
    pronouns::link(&here, doc, out);
    counterparts::link(&here, out);
    locate::locate_agents(&here, doc, out);
    remember_subject(&here, doc, out);
    aliases::register(&here, &mut scratch.aliases, out);
}

/// Remembers the sentence's subject for the pronouns of the next sentences (a pronoun
/// subject stands for its antecedent).
fn remember_subject(here: &Linking<'_>, doc: &mut DocState, out: &[Mention]) {
    let sentence_mentions: Vec<(usize, &Mention)> =
        out.iter().enumerate().skip(here.first_new).collect();
    let subj = subject::subject(here, &sentence_mentions);
    let subj = subj.map(|i| match &out[i].resolution {
        Resolution::Pronoun { antecedent } if out[i].kind == MentionKind::Pronoun => *antecedent,
        _ => i,
    });
    doc.subjects.push(subj);
}

/// Sorts the mentions from `first` on by token, keeping every index that points into
/// that range (antecedents, group numbers) pointing at the same mention.
pub(super) fn sort_sentence(out: &mut [Mention], first: usize) {
    let n = out.len() - first;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (out[first + i].first_token, out[first + i].end_token));
    if order.iter().enumerate().all(|(a, &b)| a == b) {
        return;
    }
    let mut new_pos = vec![0usize; n];
    for (new, &old) in order.iter().enumerate() {
        new_pos[old] = new;
    }
    let remap = |x: usize| {
        if x >= first && x < first + n {
            first + new_pos[x - first]
        } else {
            x
        }
    };
    let sorted: Vec<Mention> = order.iter().map(|&i| out[first + i].clone()).collect();
    for (slot, mut m) in out[first..].iter_mut().zip(sorted) {
        match &mut m.resolution {
            Resolution::Alias { antecedent }
            | Resolution::Definite { antecedent }
            | Resolution::Pronoun { antecedent } => *antecedent = remap(*antecedent),
            Resolution::Collective { antecedents } => {
                for a in antecedents.iter_mut() {
                    *a = remap(*a);
                }
            }
            _ => {}
        }
        if let Some(g) = m.group
            && (g as usize) < first + n
        {
            m.group = Some(remap(g as usize) as u32);
        }
        *slot = m;
    }
}
