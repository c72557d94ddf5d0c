//! Actors: who is mentioned in a sentence, and who each mention is, on the story's
//! date.
//!
//! [`ActorRecognizer::recognize`] runs three steps over a segmented document:
//! 1. [`matcher`]: dictionary names (countries, organisations, groups, agents,
//!    people, places) matched as the longest phrases over the tokens, with case rules;
//! 2. [`compose`]: noun phrases built from them: `Russian troops` (adjective and
//!    agent), `Chinese Foreign Minister Qin Gang` (nationality, title and an unknown
//!    name), `president of Armenia`, `Hungarian and Romanian officials`, compound actors
//!    (`China and Russia`), people resolved by date;
//! 3. [`coref`]: within the story, later mentions linked to earlier ones: surnames and
//!    names introduced with a title, definite descriptions (`the president`), pronouns,
//!    and `the two leaders`.
//!
//! Every [`Mention`] says how it was resolved ([`Resolution`]), for `--explain`.

// Keep every function of this stage short enough to read at once (clippy's default
// threshold, 100 lines).
#![warn(clippy::too_many_lines)]

mod companies;
pub mod compose;
pub mod coref;
pub mod matcher;
mod officers;
mod surnames;
#[cfg(test)]
pub(crate) mod testing;
mod waters;

use crate::codes::ActorCode;
use crate::dict::{ActorCategory, Dictionaries, Layer, NameKind, Origin, PersonEntry};
use crate::lexicon::{Lexicon, WordId};
use crate::segment::{Segmented, Token, TokenFlags};
use chrono::NaiveDate;
use matcher::{MatchContext, NameProblem, PhraseTrie, Referent};
use serde::Serialize;
use std::ops::Range;

/// What kind of thing a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A state, by name, adjective, demonym, capital or seat of power.
    Country,
    /// A region or bloc.
    Region,
    /// An international or non-governmental organisation.
    Organization,
    /// A non-state group.
    Group,
    /// A person.
    Person,
    /// A generic agent (`troops`, `the government`, `officials`).
    Agent,
    /// A place (city, province).
    Place,
    /// A pronoun.
    Pronoun,
}

/// How a mention's code was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Resolution {
    /// A dictionary name.
    Dictionary {
        /// `file:line` of the name.
        source: String,
    },
    /// A noun phrase composed of a country (or organisation) and an agent or title:
    /// `Russian troops`, `China's foreign minister`, `president of Armenia`.
    Composed {
        /// The rule that composed it.
        rule: &'static str,
        /// `file:line` of the country part.
        country: String,
        /// `file:line` of the agent part.
        agent: String,
    },
    /// An unknown person named with a title (`Chinese Foreign Minister Qin Gang`).
    Title {
        /// `file:line` of the title.
        title: String,
    },
    /// A person in the dictionary, with the role held on the story's date.
    Person {
        /// `file:line` of the role line used.
        source: String,
        /// The office, when the role line names it.
        office: Option<String>,
    },
    /// A short mention linked to an earlier full one (`Putin`, `Qin`).
    Alias {
        /// Index of the earlier mention.
        antecedent: usize,
    },
    /// A definite description linked to an earlier mention (`the president`).
    Definite {
        /// Index of the earlier mention.
        antecedent: usize,
    },
    /// A pronoun and the mention it refers to.
    Pronoun {
        /// Index of the earlier mention.
        antecedent: usize,
    },
    /// A company named after its country (`American Express`, `British Airways`):
    /// the country's business sector.
    Company,
    /// A plural phrase standing for earlier actors (`the two leaders`).
    Collective {
        /// Indices of the earlier mentions.
        antecedents: Vec<usize>,
    },
}

/// One mention of an actor (or place) in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Index of the sentence.
    pub sentence: u32,
    /// First token (index into the document's tokens).
    pub first_token: u32,
    /// One past the last token.
    pub end_token: u32,
    /// The head token (the noun that heads the phrase).
    pub head: u32,
    /// Byte offset of the mention's first byte in the document text.
    pub start: u32,
    /// Byte offset one past its last byte.
    pub end: u32,
    /// The actor code.
    pub code: ActorCode,
    /// What kind of thing it names.
    pub kind: MentionKind,
    /// How the code was found.
    pub resolution: Resolution,
    /// It names a person (for pronoun agreement).
    pub person: bool,
    /// It is plural.
    pub plural: bool,
    /// Members of one compound actor (`China and Russia`) share a group number.
    pub group: Option<u32>,
    /// It only modifies a noun that is no actor (`the Russian position`).
    pub modifier: bool,
    /// It names a state by its capital (`Paris`, `Moscow`): before an event noun that
    /// is the venue (`the Paris meeting`), not a party.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub capital: bool,
}

impl Mention {
    /// A mention over tokens `range` of sentence `sentence`, headed by token `head`, with
    /// its byte span taken from `tokens`: singular, no person, in no group, no modifier
    /// (callers set those fields with struct update syntax).
    pub(crate) fn new(
        sentence: u32,
        tokens: &[Token],
        range: Range<usize>,
        head: usize,
        code: ActorCode,
        kind: MentionKind,
        resolution: Resolution,
    ) -> Mention {
        Mention {
            sentence,
            first_token: range.start as u32,
            end_token: range.end as u32,
            head: head as u32,
            start: tokens[range.start].start,
            end: tokens[range.end - 1].end,
            code,
            kind,
            resolution,
            person: false,
            plural: false,
            group: None,
            modifier: false,
            capital: false,
        }
    }

    /// A mention of the one token `t` (an alias, a pronoun), as [`Mention::new`].
    pub(crate) fn one_token(
        sentence: u32,
        tokens: &[Token],
        t: usize,
        code: ActorCode,
        kind: MentionKind,
        resolution: Resolution,
    ) -> Mention {
        Mention::new(sentence, tokens, t..t + 1, t, code, kind, resolution)
    }

    /// The three-character country (or organisation type) of the code.
    pub fn country(&self) -> &str {
        self.code.prefix()
    }

    /// Whether the code has no known country (`---GOV`).
    pub fn unknown_country(&self) -> bool {
        self.code.prefix() == "---"
    }
}

/// A compiled actor entry: what the recognizer needs of a dictionary entry.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorInfo {
    /// The code.
    pub code: ActorCode,
    /// Display name.
    pub display: String,
    /// Description.
    pub about: Option<String>,
    /// Kind of actor.
    pub category: ActorCategory,
}

/// A compiled role.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RoleInfo {
    /// The role code.
    pub code: ActorCode,
    /// Display name.
    pub display: String,
    /// Description.
    pub about: Option<String>,
}

/// Finds and resolves actor mentions. Built once from the dictionaries.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorRecognizer {
    /// The compiled names.
    pub trie: PhraseTrie,
    /// Actors, indexed by [`Referent::Actor::entry`].
    pub actors: Vec<ActorInfo>,
    /// Roles, indexed by [`Referent::Agent::role`].
    pub roles: Vec<RoleInfo>,
    /// People, indexed by [`Referent::Person`].
    pub people: Vec<PersonEntry>,
    /// Places: (country, name), indexed by [`Referent::Place`].
    pub places: Vec<(ActorCode, String)>,
    /// The dictionary files, for `file:line` references.
    pub files: Vec<String>,
    /// Role codes used by the composition rules.
    pub(crate) known_roles: KnownRoles,
    /// Words that make a name after a country a company's (`actors/corporate.txt`).
    pub(crate) corporate: companies::CorporateWords,
    /// Some names are of an added layer (`layer: added`): each sentence is read with
    /// the base names first, and the added ones fill only what those leave.
    #[serde(default)]
    pub has_added: bool,
}

#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) struct KnownRoles {
    pub eli: ActorCode,
    pub unknown_country: ActorCode,
}

/// Reusable buffers for recognition.
#[derive(Debug, Default)]
pub struct Scratch {
    phrase_buf: Vec<u32>,
    pieces: Vec<compose::Piece>,
    aliases: Vec<(String, usize)>,
}

/// The names being compiled into the trie, and the problems met.
struct Names<'a> {
    lex: &'a mut Lexicon,
    trie: PhraseTrie,
    problems: Vec<NameProblem>,
}

impl Names<'_> {
    /// Adds a name (its problem, if any, is kept).
    fn add(&mut self, name: &crate::dict::Name, referent: Referent) {
        if let Err(p) = self.trie.add(self.lex, name, referent) {
            self.problems.push(p);
        }
    }

    /// Marks the phrases added since `from` as of the added layer when `layer` is.
    fn mark_layer(&mut self, from: usize, layer: Layer) {
        if layer == Layer::Added {
            for p in &mut self.trie.phrases[from..] {
                p.added = true;
            }
        }
    }

    /// Every name of every actor (countries, organisations, groups).
    fn add_actors(&mut self, dicts: &Dictionaries) -> Vec<ActorInfo> {
        let mut actors = Vec::with_capacity(dicts.actors.len());
        for (i, a) in dicts.actors.iter().enumerate() {
            actors.push(ActorInfo {
                code: a.code,
                display: a.display.clone(),
                about: a.about.clone(),
                category: a.category,
            });
            let from = self.trie.phrases.len();
            for (kind, name) in &a.names {
                let entry = i as u32;
                self.add(name, Referent::Actor { entry, kind: *kind });
            }
            self.mark_layer(from, a.layer);
        }
        actors
    }

    /// Every agent noun, singular and plural (`police/police`: one form, both numbers).
    fn add_roles(&mut self, dicts: &Dictionaries) -> Vec<RoleInfo> {
        let mut roles = Vec::with_capacity(dicts.roles.len());
        for (i, r) in dicts.roles.iter().enumerate() {
            roles.push(RoleInfo {
                code: r.code,
                display: r.display.clone(),
                about: r.about.clone(),
            });
            let from = self.trie.phrases.len();
            for noun in &r.nouns {
                let agent = |plural| Referent::Agent {
                    role: i as u16,
                    person: noun.person,
                    plural,
                };
                self.add(&noun.singular, agent(false));
                if noun.plural != noun.singular.text {
                    if let Err(p) = self.trie.add_text(
                        self.lex,
                        &noun.plural,
                        noun.singular.exact_case,
                        noun.singular.origin,
                        agent(true),
                    ) {
                        self.problems.push(p);
                    }
                } else {
                    // Written `police/police`: the one form is singular and plural.
                    let _ = self.trie.add(self.lex, &noun.singular, agent(true));
                }
            }
            self.mark_layer(from, r.layer);
        }
        roles
    }

    /// Every name of every person.
    fn add_people(&mut self, dicts: &Dictionaries) {
        for (i, p) in dicts.people.iter().enumerate() {
            let from = self.trie.phrases.len();
            for name in &p.names {
                self.add(name, Referent::Person(i as u32));
            }
            self.mark_layer(from, p.layer);
        }
    }

    /// Every place, as (country, name).
    fn add_places(&mut self, dicts: &Dictionaries) -> Vec<(ActorCode, String)> {
        let mut places = Vec::with_capacity(dicts.places.len());
        for (i, p) in dicts.places.iter().enumerate() {
            places.push((p.country, p.name.text.clone()));
            self.add(&p.name, Referent::Place(i as u32));
        }
        places
    }
}

/// The office of a person the dictionaries know, on a date none of their terms covers:
/// coded as the country's elite (`ELI`).
pub const OUT_OF_OFFICE: &str = "former or future office holder";

impl ActorRecognizer {
    /// Compiles the actor dictionaries, adding their words to `lex`. Names that cannot
    /// be compiled are returned as problems (the linter reports them).
    pub fn new(dicts: &Dictionaries, lex: &mut Lexicon) -> (Self, Vec<NameProblem>) {
        let mut names = Names {
            lex,
            trie: PhraseTrie::default(),
            problems: Vec::new(),
        };
        let actors = names.add_actors(dicts);
        let roles = names.add_roles(dicts);
        names.add_people(dicts);
        let places = names.add_places(dicts);
        let known_roles = KnownRoles {
            eli: ActorCode::new("ELI").expect("valid"),
            unknown_country: ActorCode::new("---").expect("valid"),
        };
        let has_added = names.trie.phrases.iter().any(|p| p.added);
        let rec = ActorRecognizer {
            trie: names.trie,
            actors,
            roles,
            people: dicts.people.clone(),
            places,
            files: dicts.files.clone(),
            known_roles,
            corporate: companies::CorporateWords::new(&dicts.corporate),
            has_added,
        };
        (rec, names.problems)
    }

    /// `file:line` of an origin.
    pub fn locate(&self, origin: Origin) -> String {
        origin.locate(&self.files)
    }

    /// The code of a person on `date` (or, undated, in their latest role), with the
    /// role line used. Outside every role: the nearest role's country plus `ELI`.
    pub fn person_code(
        &self,
        person: u32,
        date: Option<NaiveDate>,
    ) -> (ActorCode, Origin, Option<String>) {
        let p = &self.people[person as usize];
        let dated = p.roles.iter().filter(|r| !r.undated);
        let chosen = match date {
            Some(d) => {
                if let Some(r) = p.roles.iter().find(|r| r.covers(d)) {
                    return (r.code, r.origin, r.office.clone());
                }
                if let Some(r) = p.roles.iter().find(|r| r.undated) {
                    return (r.code, r.origin, r.office.clone());
                }
                dated.min_by_key(|r| r.distance(d))
            }
            // Undated: the latest role (news archives are read against their date; an
            // undated sentence is most often about the person's best-known office).
            None => dated.max_by_key(|r| r.from.map(|f| f.first_day()).unwrap_or(NaiveDate::MIN)),
        };
        match chosen {
            Some(r) if date.is_none() => (r.code, r.origin, r.office.clone()),
            Some(r) => {
                let country = ActorCode::new(r.code.prefix()).unwrap_or(r.code);
                (
                    country.with_role(&self.known_roles.eli),
                    r.origin,
                    Some(OUT_OF_OFFICE.into()),
                )
            }
            None => {
                let r = &p.roles[0];
                (r.code, r.origin, r.office.clone())
            }
        }
    }

    /// The kind of mention an actor entry gives.
    pub(crate) fn actor_kind(&self, entry: u32) -> MentionKind {
        match self.actors[entry as usize].category {
            ActorCategory::Country => MentionKind::Country,
            ActorCategory::Region => MentionKind::Region,
            ActorCategory::Organization => MentionKind::Organization,
            ActorCategory::Group => MentionKind::Group,
        }
    }

    /// Finds the actor mentions of a segmented document. `words` are the tokens' word
    /// ids ([`Lexicon::lookup_tokens`]); `date` is the story date.
    #[allow(clippy::too_many_arguments)]
    pub fn recognize(
        &self,
        text: &str,
        seg: &Segmented,
        words: &[WordId],
        lex: &Lexicon,
        date: Option<NaiveDate>,
        dateline: Option<&str>,
        scratch: &mut Scratch,
        out: &mut Vec<Mention>,
    ) {
        out.clear();
        scratch.aliases.clear();
        let lowercase_text = !text.bytes().take(8000).any(|b| b.is_ascii_uppercase());
        let ctx = MatchContext {
            text,
            tokens: &seg.tokens,
            words,
            lowercase_text,
            base_only: self.has_added,
        };
        let mut doc = coref::DocState::default();
        doc.dateline_country = dateline.and_then(|d| self.place_country(d, lex));
        for sentence in &seg.sentences {
            let first_new = out.len();
            compose::sentence_mentions(self, &ctx, lex, sentence, date, scratch, out);
            if self.has_added {
                let all = MatchContext {
                    base_only: false,
                    ..ctx
                };
                self.fill_gaps(&all, lex, sentence, date, scratch, first_new, out);
            }
            companies::recode(&ctx, sentence, first_new, &self.corporate, out);
            companies::titles_in_company_names(&ctx, sentence, first_new, &self.corporate, out);
            companies::add_named_companies(&ctx, sentence, first_new, out);
            officers::company_officers(&ctx, sentence, first_new, out);
            surnames::drop_surname_titles(&ctx, sentence, first_new, out);
            waters::drop_water_names(&ctx, sentence, first_new, out);
            coref::link_sentence(&ctx, lex, sentence, first_new, scratch, &mut doc, out);
        }
    }
}

/// Removes the mentions of `out[first..]` (the sentence's, before any link between
/// mentions points into them) for which `drop` holds, keeping the others in order.
fn drop_new_mentions(out: &mut Vec<Mention>, first: usize, drop: impl Fn(&Mention) -> bool) {
    let mut i = 0;
    out.retain(|m| {
        let keep = i < first || !drop(m);
        i += 1;
        keep
    });
}

impl ActorRecognizer {
    /// The added layer's mentions of a sentence whose base mentions are `out[first..]`:
    /// the sentence is read again with every name, and a mention of that reading is
    /// kept only where [`fills_gap`] says so. A compound of the second reading that
    /// lost a member is no compound.
    #[allow(clippy::too_many_arguments)]
    fn fill_gaps(
        &self,
        ctx: &MatchContext<'_>,
        lex: &Lexicon,
        sentence: &crate::segment::Sentence,
        date: Option<NaiveDate>,
        scratch: &mut Scratch,
        first: usize,
        out: &mut Vec<Mention>,
    ) {
        let second = out.len();
        compose::sentence_mentions(self, ctx, lex, sentence, date, scratch, out);
        let keep: Vec<bool> = (second..out.len())
            .map(|i| fills_gap(ctx, sentence, &out[first..second], &out[first..], &out[i]))
            .collect();
        // New indices of the kept mentions; a group that lost a member is dissolved.
        let mut new_index = vec![None; keep.len()];
        let mut next = second;
        for (k, slot) in keep.iter().zip(new_index.iter_mut()) {
            if *k {
                *slot = Some(next);
                next += 1;
            }
        }
        let group_whole = |g: u32| {
            (second..out.len())
                .filter(|&i| out[i].group == Some(g))
                .all(|i| keep[i - second])
        };
        let regroup: Vec<Option<u32>> = (second..out.len())
            .map(|i| {
                let g = out[i].group?;
                let at = (g as usize).checked_sub(second)?;
                group_whole(g)
                    .then(|| new_index.get(at).copied().flatten())
                    .flatten()
                    .map(|n| n as u32)
            })
            .collect();
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            i <= second || keep[i - 1 - second]
        });
        let kept_groups = regroup.into_iter().zip(&keep).filter(|(_, k)| **k);
        for (m, (g, _)) in out[second..].iter_mut().zip(kept_groups) {
            m.group = g;
        }
    }

    /// The country of a place name as a dateline gives it (`MOSCOW`, `NEW YORK`):
    /// a capital, a country name or a place in the dictionaries, in any case.
    pub fn place_country(&self, place: &str, lex: &Lexicon) -> Option<ActorCode> {
        let name = place.split(',').next().unwrap_or(place).trim();
        let mut tokens = Vec::new();
        let mut norm = String::new();
        crate::segment::tokenize(name, 0..name.len(), &mut tokens, &mut norm);
        let words: Vec<WordId> = tokens
            .iter()
            .map(|t| lex.lookup(&norm[t.norm_start as usize..t.norm_end as usize]))
            .collect();
        self.trie.lookup(&words).iter().find_map(|&p| {
            match self.trie.phrases[p as usize].referent {
                Referent::Actor {
                    entry,
                    kind: NameKind::Capital | NameKind::Name,
                } if self.actors[entry as usize].category == ActorCategory::Country => {
                    Some(self.actors[entry as usize].code)
                }
                Referent::Place(i) => Some(self.places[i as usize].0),
                _ => None,
            }
        })
    }
}

/// Whether mention `m` of the second reading of a sentence (every name, the added
/// layer's too) is kept beside the sentence's `base` mentions (the first reading, the
/// base names alone); `all` are both readings' mentions. The added layer fills only
/// what the base names leave:
/// - a token read by a base mention keeps that reading (an added agent noun never
///   re-composes a phrase around a base name: `Danish publication` stays `Danish`);
/// - an agent noun alone (no actor composes with it) is no actor: imported agent lists
///   name thousands of generic nouns (`publication`, `prison`) that dyad's own list
///   leaves out on purpose, and alone they give only `---ROLE`;
/// - a name inside a longer capitalised name is not read: a capitalised word right
///   before or after it that no mention covers (not the sentence's first word) says the
///   text names something else (`the Liberation Tigers` is not the group `Tigers`).
fn fills_gap(
    ctx: &MatchContext<'_>,
    sentence: &crate::segment::Sentence,
    base: &[Mention],
    all: &[Mention],
    m: &Mention,
) -> bool {
    let shares_a_token = |o: &Mention| m.first_token < o.end_token && o.first_token < m.end_token;
    if base.iter().any(shares_a_token) {
        return false;
    }
    if m.kind == MentionKind::Agent && matches!(m.resolution, Resolution::Dictionary { .. }) {
        return false;
    }
    let loose_capital = |t: usize| {
        t > sentence.tokens.start
            && t < sentence.tokens.end
            && ctx.tokens[t].flags.contains(TokenFlags::CAPITALIZED)
            && !all
                .iter()
                .any(|o| (o.first_token as usize..o.end_token as usize).contains(&t))
    };
    let before = (m.first_token as usize).checked_sub(1);
    !(before.is_some_and(loose_capital) || loose_capital(m.end_token as usize))
}

impl NameKind {
    /// Whether a name of this kind can stand before an agent noun to give its
    /// country (`Russian troops`, `US officials`, `Kremlin officials`).
    pub fn modifies_agents(self) -> bool {
        !matches!(self, NameKind::People)
    }
}

/// The indices of the mentions in the sentence of mention `m`: a sentence's mentions
/// are contiguous, and a group's members all lie in one sentence, so steps that look
/// for them scan this range alone and stay linear on a long story.
pub(crate) fn sentence_mentions(mentions: &[Mention], m: usize) -> std::ops::Range<usize> {
    let sentence = mentions[m].sentence;
    let start = mentions[..m]
        .iter()
        .rposition(|x| x.sentence != sentence)
        .map_or(0, |i| i + 1);
    let end = mentions[m..]
        .iter()
        .position(|x| x.sentence != sentence)
        .map_or(mentions.len(), |i| m + i);
    start..end
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use crate::dict::{Dictionaries, builtin_files, merge_files};
    use crate::pipeline::{Analysis, Pipeline};
    use std::borrow::Cow;

    /// The built-in dictionaries with an added layer of our own (PETRARCH-style
    /// imports are written this way): a group with a name of its own and one that
    /// reuses a built-in name, a country, an agent noun, and a person with dated roles
    /// only.
    fn with_added_layer() -> Pipeline {
        let head = "settings\n  layer: added\n";
        let added = [
            (
                "actors/groups-test.txt",
                "ZRBFRN  Zorbian Front\n  names: Zorbian Front\nZRBRUS  Not Russia\n  names: Russia\n",
            ),
            (
                "actors/countries-test.txt",
                "ZRB  Zorbistan\n  names: Zorbistan\n  adjectives: Zorbistani\n",
            ),
            ("agents/test.txt", "CVL  Civilians\n  groups: zorbhamlet\n"),
            (
                "people/test.txt",
                "Quentin Zorbaz | Zorbaz\n  ZRBGOV  2010 .. 2020  President\n",
            ),
        ];
        let files = merge_files(
            builtin_files(),
            added
                .iter()
                .map(|(p, t)| (p.to_string(), Cow::Owned(format!("{head}{t}"))))
                .collect(),
        );
        let dicts = Dictionaries::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"))
    }

    /// (surface, code) of each mention of `text`, dated `date` if given.
    fn read(p: &Pipeline, text: &str, date: Option<&str>) -> Vec<(String, String)> {
        let mut doc = Document::from_text(text.to_string());
        doc.published = date.map(|d| d.parse().expect("a date"));
        let mut a = Analysis::default();
        p.analyze(&doc, None, &mut a);
        a.mentions
            .iter()
            .map(|m| {
                let surface = &doc.text[m.start as usize..m.end as usize];
                (surface.to_string(), m.code.to_string())
            })
            .collect()
    }

    fn has(mentions: &[(String, String)], surface: &str, code: &str) -> bool {
        mentions.iter().any(|(s, c)| s == surface && c == code)
    }

    #[test]
    fn an_added_actor_fills_a_gap_and_never_overrides_a_built_in_reading() {
        let p = with_added_layer();
        let day = Some("2015-06-01");
        // A name only the added layer has: read.
        let m = read(&p, "The Zorbian Front attacked Georgia.", day);
        assert!(has(&m, "Zorbian Front", "ZRBFRN"), "{m:?}");
        // Not inside a longer capitalised name the text gives.
        let m = read(&p, "The New Zorbian Front attacked Georgia.", day);
        assert!(m.iter().all(|(_, c)| c != "ZRBFRN"), "{m:?}");
        // A name the built-in dictionaries read keeps their reading.
        let m = read(&p, "Russia attacked Georgia.", day);
        assert!(has(&m, "Russia", "RUS"), "{m:?}");
        assert!(m.iter().all(|(_, c)| c != "ZRBRUS"), "{m:?}");
        // An added agent noun composes with an added actor; alone it is no actor, and
        // it does not re-compose a phrase around a built-in mention.
        let m = read(&p, "Gunmen shelled a Zorbistani zorbhamlet.", day);
        assert!(has(&m, "Zorbistani zorbhamlet", "ZRBCVL"), "{m:?}");
        let m = read(&p, "Gunmen shelled a zorbhamlet.", day);
        assert!(m.iter().all(|(s, _)| s != "zorbhamlet"), "{m:?}");
        let m = read(&p, "The Russian zorbhamlet was attacked.", day);
        assert!(has(&m, "Russian", "RUS"), "{m:?}");
        assert!(m.iter().all(|(_, c)| c != "RUSCVL"), "{m:?}");
        // An added person's dated roles apply only to a dated story.
        let m = read(&p, "Quentin Zorbaz met Putin.", day);
        assert!(has(&m, "Quentin Zorbaz", "ZRBGOV"), "{m:?}");
        let m = read(&p, "Quentin Zorbaz met Putin.", None);
        assert!(m.iter().all(|(s, _)| s != "Quentin Zorbaz"), "{m:?}");
        // Without the layer setting, the same agent noun composes with the built-in
        // adjective.
        let base = merge_files(
            builtin_files(),
            vec![(
                "agents/test.txt".to_string(),
                Cow::Borrowed("CVL  Civilians\n  groups: zorbhamlet\n"),
            )],
        );
        let dicts = Dictionaries::parse(&base).unwrap_or_else(|e| panic!("{e}"));
        let plain = Pipeline::new(&dicts).unwrap_or_else(|e| panic!("{e}"));
        let m = read(&plain, "The Russian zorbhamlet was attacked.", day);
        assert!(has(&m, "Russian zorbhamlet", "RUSCVL"), "{m:?}");
    }
}
