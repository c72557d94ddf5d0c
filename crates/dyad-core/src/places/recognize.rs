//! Recognition: which words of a sentence name a place.
//!
//! - The actor stage's place mentions (dictionary names) and capitals (`Moscow`, a
//!   country's name given by its capital) are places wherever they stand; a seat of
//!   power (`the Kremlin`) stands for its city.
//! - A country is a place after a locative (`in Ukraine`, `in southern Guyana`).
//! - Other gazetteer names count only after a locative (`in Bakhmut`, `southwest of
//!   Baghdad`) or before a division noun (`the Donetsk region`): a capitalised word
//!   alone is too often a person or a thing (the gazetteer has a town called March).

use super::{Cue, FeatureKind, Gazetteer, PlaceInput, lookup_key, place_key};
use crate::actors::{Mention, MentionKind, Resolution};
use crate::segment::TokenFlags;
use std::ops::Range;

/// A place name found in the text, before resolution.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Sentence index (`u32::MAX`: the dateline).
    pub sentence: u32,
    /// Token range.
    pub tokens: (u32, u32),
    /// Byte span of the name.
    pub name: (usize, usize),
    /// The name to look up when it is not the text (`the Kremlin` -> Moscow).
    pub lookup: Option<&'static str>,
    /// How it was found.
    pub cue: Cue,
    /// A locative word comes before it.
    pub locative: bool,
    /// The actor mention it comes from.
    pub mention: Option<usize>,
    /// The country the dictionaries give the name (`RUS`).
    pub country: Option<String>,
    /// Byte span of a qualifier after a comma (`Paris, Texas`).
    pub qualifier: Option<(usize, usize)>,
    /// The kind of feature the words ask for (`region` after the name: a division).
    pub want: Option<FeatureKind>,
}

/// Words after which a name is where something happens.
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "into",
    "within",
];
/// Words after which `to` leads to a place (`a visit to Moscow`, `flew to Kyiv`): after
/// other words it leads to a recipient (`proposed to China`).
const MOVES: &[&str] = &[
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "trips",
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "flew",
    "fly",
    "flies",
    "flying",
    "arrived",
    "arrive",
    "arrives",
    "came",
    "come",
    "comes",
    "went",
    "go",
    "goes",
    "returned",
    "return",
    "returns",
    "deployed",
    "deploy",
    "sent",
    "send",
    "moved",
    "journey",
    "way",
    "headed",
    "heading",
    "fled",
    "flee",
    "marched",
    "march",
    "delegation",
    "mission",
    "troops",
    "forces",
    "back",
];
/// Words that may stand between a locative and the name.
const MODIFIERS: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "downtown",
    "rural",
    "occupied",
    "war-torn",
    "besieged",
    "neighbouring",
    "neighboring",
    "nearby",
];
/// Words before `of` that make the name a place (`southwest of Baghdad`).
const OF_PLACE: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "outskirts",
    "suburbs",
    "centre",
    "center",
    "heart",
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "streets",
    "outside",
];
/// Nouns after a name that make it a first-level division.
const DIVISIONS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "state",
    "governorate",
    "prefecture",
    "county",
    "district",
    "territory",
    "krai",
    "republic",
];
/// Capitalised words that the gazetteer has as towns but that name no place here.
const NOT_PLACES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "god",
    "time",
    "power",
    "office",
    "court",
    "parliament",
    "congress",
    "senate",
    "house",
    "washington post",
    "league",
    "cup",
    "games",
    "olympics",
    "world",
    "university",
    "college",
    "hospital",
    "school",
    "church",
    "mosque",
    "airport",
    "station",
    "square",
    "street",
    "road",
    "hotel",
    "embassy",
    "ministry",
    "palace",
    "hall",
    "centre",
    "center",
    "camp",
    "prison",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "the",
];
/// Seats of power named for their city.
const SEATS: &[(&str, &str)] = &[
    ("kremlin", "Moscow"),
    ("white house", "Washington"),
    ("downing street", "London"),
    ("elysee", "Paris"),
    ("elysee palace", "Paris"),
    ("zhongnanhai", "Beijing"),
    ("blue house", "Seoul"),
    ("capitol hill", "Washington"),
    ("pentagon", "Washington"),
    ("quai d orsay", "Paris"),
    ("whitehall", "London"),
    ("westminster", "London"),
];

/// Whether a locative leads to token `first` (within `sent`): `in`, `in the`, `in
/// southern`, `southwest of`, or a locative name before `and` (`in Iraq and
/// Afghanistan`).
pub(crate) fn locative_before(input: &PlaceInput<'_>, sent: &Range<usize>, first: usize) -> bool {
    let seg = input.seg;
    let mut t = first;
    let mut steps = 0;
    while t > sent.start && steps < 3 {
        t -= 1;
        steps += 1;
        let w = seg.norm(&seg.tokens[t]);
        if LOCATIVES.contains(&w) {
            return true;
        }
        if w == "to" {
            let from = t.saturating_sub(4).max(sent.start);
            return (from..t).any(|q| MOVES.contains(&seg.norm(&seg.tokens[q])));
        }
        if w == "of" {
            return t > sent.start && OF_PLACE.contains(&seg.norm(&seg.tokens[t - 1]));
        }
        if (w == "and" || w == "or") && steps == 1 {
            // `in Iraq and Afghanistan`: the second name shares the first's locative.
            let mut q = t;
            while q > sent.start && q + 4 > t && capitalized(input, q - 1) {
                q -= 1;
            }
            if q < t {
                return locative_before(input, sent, q);
            }
        }
        if !MODIFIERS.contains(&w) {
            return false;
        }
    }
    false
}

fn capitalized(input: &PlaceInput<'_>, t: usize) -> bool {
    let f = input.seg.tokens[t].flags;
    f.contains(TokenFlags::CAPITALIZED) && !f.contains(TokenFlags::PUNCT)
}

/// The qualifier after a name: `, Texas` or `, Ontario` (capitalised words up to the
/// next punctuation).
fn qualifier(input: &PlaceInput<'_>, sent: &Range<usize>, end: usize) -> Option<(usize, usize)> {
    let seg = input.seg;
    if end + 1 >= sent.end || seg.norm(&seg.tokens[end]) != "," || !capitalized(input, end + 1) {
        return None;
    }
    let mut last = end + 1;
    while last + 1 < sent.end && last < end + 3 && capitalized(input, last + 1) {
        last += 1;
    }
    Some((
        seg.tokens[end + 1].start as usize,
        seg.tokens[last].end as usize,
    ))
}

/// Words that may open the noun phrase of a place named as a verb's object (`shelled
/// the besieged city of Mariupol`).
const PHRASE: &[&str] = &[
    "the",
    "city",
    "town",
    "village",
    "port",
    "of",
    "besieged",
    "embattled",
    "frontline",
    "front-line",
    "strategic",
    "key",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];

/// The first token of the noun phrase that ends with candidate `c` (`the city of
/// Rafah`): the words of [`PHRASE`] before it, at most four, within its sentence;
/// `u32::MAX` when the name modifies what follows it (`the London Assembly`, `the
/// Seattle-based company`): the phrase does not end with it.
pub fn phrase_start(input: &PlaceInput<'_>, c: &Candidate) -> u32 {
    let seg = input.seg;
    let first = c.tokens.0 as usize;
    let Some(sentence) = seg.sentences.get(c.sentence as usize) else {
        return c.tokens.0;
    };
    let end = c.tokens.1 as usize;
    if end < sentence.tokens.end
        && (capitalized(input, end)
            || input.text[seg.tokens[end].start as usize..].starts_with('-')
            || input.text[..seg.tokens[end - 1].end as usize].ends_with('-'))
    {
        return u32::MAX;
    }
    let mut t = first;
    while t > sentence.tokens.start
        && first - t < 4
        && PHRASE.contains(&seg.norm(&seg.tokens[t - 1]))
    {
        t -= 1;
    }
    t as u32
}

/// Whether a division noun follows `end` (`the Donetsk region`).
fn division_after(input: &PlaceInput<'_>, sent: &Range<usize>, end: usize) -> bool {
    end < sent.end && DIVISIONS.contains(&input.seg.norm(&input.seg.tokens[end]))
}

/// The candidates of every sentence and of the dateline, in document order (the
/// dateline first).
pub fn candidates(g: &Gazetteer, input: &PlaceInput<'_>, out: &mut Vec<Candidate>) {
    if let Some((place, start, end)) = input.dateline {
        out.push(Candidate {
            sentence: u32::MAX,
            tokens: (0, 0),
            name: (start, start + place.len().min(end - start)),
            lookup: None,
            cue: Cue::Dateline,
            locative: false,
            mention: None,
            country: input.dateline_country.map(str::to_string),
            qualifier: None,
            want: None,
        });
    }
    let mut m = 0;
    let mut key = String::new();
    let mut towns = Vec::new();
    for sentence in &input.seg.sentences {
        let sent = sentence.tokens.clone();
        let first_mention = m;
        while m < input.mentions.len() && input.mentions[m].sentence <= sentence.index {
            m += 1;
        }
        let mentions = &input.mentions[first_mention..m];
        let before = out.len();
        for (i, mention) in mentions.iter().enumerate() {
            if let Some(c) = from_mention(
                g,
                input,
                &sent,
                first_mention + i,
                mention,
                &mut key,
                &mut towns,
            ) {
                out.push(c);
            }
        }
        locatives(g, input, sentence.index, &sent, mentions, &mut key, out);
        out[before..].sort_by_key(|c| c.tokens.0);
    }
}

/// A candidate from an actor mention: a dictionary place, a capital, a seat of power,
/// or a country after a locative.
/// `towns` caches, per document, whether a country mention's text names a town of
/// its country (news repeats the same names).
fn from_mention(
    g: &Gazetteer,
    input: &PlaceInput<'_>,
    sent: &Range<usize>,
    index: usize,
    mention: &Mention,
    key: &mut String,
    towns: &mut Vec<(u64, bool)>,
) -> Option<Candidate> {
    let (first, end) = (mention.first_token as usize, mention.end_token as usize);
    let text = &input.text[mention.start as usize..mention.end as usize];
    let locative = locative_before(input, sent, first);
    let country = mention.country().to_string();
    let mut lookup = None;
    let cue = match (mention.kind, &mention.resolution) {
        (MentionKind::Place, _) => Cue::Dictionary,
        // `the US stance`, `in the US drivers prefer`: a modifier names no place.
        (MentionKind::Country, _) if mention.modifier => return None,
        (MentionKind::Country, Resolution::Dictionary { .. }) => {
            let name = text.trim_start_matches("the ").trim_start_matches("The ");
            place_key(name, key);
            let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes())
                ^ u64::from(mention.code.prefix().as_bytes()[0]);
            let town = match towns.iter().find(|(h, _)| *h == hash) {
                Some(&(_, t)) => t,
                None => {
                    lookup_key(g, name, key);
                    let t = is_town_of(g, key, &country);
                    towns.push((hash, t));
                    t
                }
            };
            if let Some((_, city)) = SEATS.iter().find(|(k, _)| k == key) {
                lookup = Some(*city);
                Cue::Capital
            } else if town {
                Cue::Capital
            } else if locative && !name_goes_on(input, sent, end) {
                Cue::Country
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let want = division_after(input, sent, end).then_some(FeatureKind::Adm1);
    Some(Candidate {
        sentence: mention.sentence,
        tokens: (first as u32, end as u32),
        name: (mention.start as usize, mention.end as usize),
        lookup,
        cue: if want.is_some() { Cue::Division } else { cue },
        locative,
        mention: Some(index),
        country: Some(country),
        qualifier: qualifier(input, sent, end),
        want,
    })
}

/// Whether a capitalised word other than a month or a weekday follows the mention:
/// the country then begins a longer name (`at the Japan National Press Club`), not a
/// place.
fn name_goes_on(input: &PlaceInput<'_>, sent: &Range<usize>, end: usize) -> bool {
    end < sent.end
        && capitalized(input, end)
        && !NOT_PLACES[..19].contains(&input.seg.norm(&input.seg.tokens[end]))
}

/// Whether `key` names a town of the country coded `code` (a capital given as a
/// country mention: `Moscow`, not `Russia`).
fn is_town_of(g: &Gazetteer, key: &str, code: &str) -> bool {
    let Some(country) = g.country_by_code(code) else {
        return false;
    };
    g.find(key)
        .any(|f| f.kind == FeatureKind::Town && g.info(f).country == country)
}

/// Gazetteer names after a locative or before a division noun, outside mentions
/// other than agents (`protesters in Kingston` is one agent mention whose country came
/// from the place: the place keeps that country).
fn locatives(
    g: &Gazetteer,
    input: &PlaceInput<'_>,
    sentence: u32,
    sent: &Range<usize>,
    mentions: &[Mention],
    key: &mut String,
    out: &mut Vec<Candidate>,
) {
    let seg = input.seg;
    let covering = |t: usize| {
        mentions
            .iter()
            .find(|m| (m.first_token as usize..m.end_token as usize).contains(&t))
    };
    let in_mention = |t: usize| covering(t).is_some_and(|m| m.kind != MentionKind::Agent);
    let mut t = sent.start + 1;
    while t < sent.end {
        if !capitalized(input, t) || in_mention(t) || capitalized(input, t - 1) {
            t += 1;
            continue;
        }
        // The longest run of capitalised words (up to four) that the gazetteer knows.
        let mut run_end = t + 1;
        while run_end < sent.end
            && run_end < t + 4
            && capitalized(input, run_end)
            && !in_mention(run_end)
        {
            run_end += 1;
        }
        let locative = locative_before(input, sent, t);
        let mut hit = None;
        for end in (t + 1..=run_end).rev() {
            // Only a locative or a division noun makes the words a place: look the
            // name up only then (most capitalised words are neither).
            let division = division_after(input, sent, end);
            if !locative && !division {
                continue;
            }
            let span = (
                seg.tokens[t].start as usize,
                seg.tokens[end - 1].end as usize,
            );
            lookup_key(g, &input.text[span.0..span.1], key);
            if !g.contains(key) || NOT_PLACES.contains(&key.as_str()) {
                continue;
            }
            hit = Some((end, span, division));
            break;
        }
        let Some((end, span, division)) = hit else {
            t = run_end;
            continue;
        };
        out.push(Candidate {
            sentence,
            tokens: (t as u32, end as u32),
            name: span,
            lookup: None,
            cue: if division {
                Cue::Division
            } else {
                Cue::Locative
            },
            locative,
            mention: None,
            country: covering(t)
                .filter(|m| m.kind == MentionKind::Agent && !m.unknown_country())
                .map(|m| m.country().to_string()),
            qualifier: qualifier(input, sent, end),
            want: division.then_some(FeatureKind::Adm1),
        });
        t = end;
    }
}
