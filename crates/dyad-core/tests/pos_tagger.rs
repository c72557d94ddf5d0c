//! The part-of-speech tagger on sentences written for this test: the words that an
//! event coder misreads when it cannot tell a noun from a verb, each in both readings.

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::segment::segment_plain;
use dyad_core::tags::{Pos, Tag, Tagger};
use proptest::prelude::*;

/// The tags of `sentence`, with the token texts.
fn tagged(sentence: &str) -> Vec<(String, Tag)> {
    let (clean, seg) = segment_plain(sentence);
    let mut tags = Vec::new();
    Tagger::builtin().tag_document(clean.view(), &seg, &mut tags);
    seg.tokens
        .iter()
        .zip(tags)
        .map(|(t, tag)| (sentence[t.span()].to_string(), tag))
        .collect()
}

/// The tag of the first token `word` in `sentence`.
fn tag_of(sentence: &str, word: &str) -> Tag {
    let tags = tagged(sentence);
    tags.iter()
        .find(|(w, _)| w == word)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no token {word:?} in {tags:?}"))
}

fn assert_pos(sentence: &str, word: &str, pos: Pos) {
    let tag = tag_of(sentence, word);
    assert_eq!(
        tag.pos(),
        pos,
        "{word:?} in {sentence:?} is {tag:?}; all: {:?}",
        tagged(sentence)
    );
}

fn assert_tag(sentence: &str, word: &str, expected: Tag) {
    let tag = tag_of(sentence, word);
    assert_eq!(
        tag,
        expected,
        "{word:?} in {sentence:?}; all: {:?}",
        tagged(sentence)
    );
}

#[test]
fn pounds_money_and_pounds_shelling() {
    assert_pos(
        "The company paid 50 pounds for the report.",
        "pounds",
        Pos::Noun,
    );
    assert_pos(
        "Profits rose to 600 million pounds last year.",
        "pounds",
        Pos::Noun,
    );
    assert_tag("Artillery pounds the city.", "pounds", Tag::VerbPresent3);
    assert_tag("The army pounds the rebels.", "pounds", Tag::VerbPresent3);
}

#[test]
fn march_the_month_and_march_the_verb() {
    assert_pos("The talks ended in March.", "March", Pos::Propn);
    assert_pos(
        "Elections will be held on 12 March next year.",
        "March",
        Pos::Propn,
    );
    assert_pos(
        "Thousands of protesters march through the capital.",
        "march",
        Pos::Verb,
    );
    assert_tag(
        "Students will march to parliament on Friday.",
        "march",
        Tag::VerbBase,
    );
}

#[test]
fn rounds_of_ammunition() {
    assert_pos(
        "Police found 200 rounds of ammunition in the car.",
        "rounds",
        Pos::Noun,
    );
    assert_pos(
        "Troops fired several rounds at the crowd.",
        "rounds",
        Pos::Noun,
    );
    assert_pos(
        "The third rounds of talks ended without a deal.",
        "rounds",
        Pos::Noun,
    );
}

#[test]
fn arm_and_arms() {
    assert_pos(
        "The rebels agreed to hand over their arms.",
        "arms",
        Pos::Noun,
    );
    assert_pos("The government plans to arm the militia.", "arm", Pos::Verb);
    assert_pos("He broke his arm in the crash.", "arm", Pos::Noun);
}

#[test]
fn fund() {
    assert_pos("The fund will invest in new roads.", "fund", Pos::Noun);
    assert_tag(
        "Donors agreed to fund the new hospital.",
        "fund",
        Tag::VerbBase,
    );
}

#[test]
fn back() {
    assert_pos("Washington will back the resolution.", "back", Pos::Verb);
    assert_pos("The minister came back to the capital.", "back", Pos::Adv);
}

#[test]
fn ruling() {
    assert_pos(
        "The court's ruling angered the opposition.",
        "ruling",
        Pos::Noun,
    );
    assert_tag(
        "The judge is ruling on the case today.",
        "ruling",
        Tag::VerbGerund,
    );
}

#[test]
fn aid() {
    assert_pos(
        "The country received food aid from Japan.",
        "aid",
        Pos::Noun,
    );
    assert_tag("Japan will aid the refugees.", "aid", Tag::VerbBase);
}

#[test]
fn fire_and_fired() {
    assert_pos("The fire destroyed the market.", "fire", Pos::Noun);
    assert_tag("Soldiers fired on the protesters.", "fired", Tag::VerbPast);
    assert_tag(
        "The minister was fired on Monday.",
        "fired",
        Tag::VerbPastParticiple,
    );
    assert_tag("Police opened fire on the crowd.", "fire", Tag::Noun);
}

#[test]
fn attack() {
    assert_pos("The attack killed ten people.", "attack", Pos::Noun);
    assert_pos("Rebels attack the town every week.", "attack", Pos::Verb);
    assert_tag(
        "Militants attacked a police station.",
        "attacked",
        Tag::VerbPast,
    );
    assert_pos(
        "He condemned the attack on the embassy.",
        "attack",
        Pos::Noun,
    );
}

#[test]
fn meeting() {
    assert_pos("The meeting ended without agreement.", "meeting", Pos::Noun);
    assert_tag(
        "The ministers are meeting in Geneva.",
        "meeting",
        Tag::VerbGerund,
    );
}

#[test]
fn talks() {
    assert_pos("The talks collapsed on Friday.", "talks", Pos::Noun);
    assert_pos(
        "Iran held talks with the European Union.",
        "talks",
        Pos::Noun,
    );
    assert_tag(
        "She talks to reporters every morning.",
        "talks",
        Tag::VerbPresent3,
    );
    assert_tag("He often talks about the war.", "talks", Tag::VerbPresent3);
}

/// Verbs that news text nearly always uses as nouns, after a noun subject with a
/// modifier, or before "with": the model still reads them as nouns (the noun reading
/// wins by a small margin). Kept to measure the next model by:
/// `cargo test -p dyad-core --test pos_tagger -- --ignored`.
#[test]
#[ignore = "known misses of the current model (see scripts/train-pos/README.md)"]
fn known_misses() {
    assert_pos(
        "Russian artillery pounds the city every night.",
        "pounds",
        Pos::Verb,
    );
    assert_pos(
        "The army pounds rebel positions near the border.",
        "pounds",
        Pos::Verb,
    );
    assert_pos(
        "The president talks with his advisers every day.",
        "talks",
        Pos::Verb,
    );
}

#[test]
fn the_pipeline_tags_every_token_and_the_same_way_each_time() {
    let pipeline = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
    let text = "The army pounds the city. Talks will resume in March.\n\n\
                * * *\n\nThe U.S. Army said Gen. Smith didn't attend the meeting.";
    let doc = Document::from_text(text);
    let (mut a, mut b) = (Analysis::default(), Analysis::default());
    pipeline.analyze(&doc, None, &mut a);
    // A second document through the same buffers, then the first again.
    pipeline.analyze(&Document::from_text("Protesters march."), None, &mut b);
    pipeline.analyze(&doc, None, &mut b);
    assert_eq!(a.tags.len(), a.segmented.tokens.len());
    assert_eq!(a.tags, b.tags);
    let pounds = a
        .segmented
        .tokens
        .iter()
        .position(|t| &text[t.span()] == "pounds")
        .expect("a token");
    assert!(a.tag(pounds).is_some_and(Tag::is_verb));
    assert_eq!(a.tag(a.segmented.tokens.len()), None);
    for s in &a.segmented.sentences {
        assert_eq!(a.sentence_tags(s).len(), s.tokens.len());
        let last = &a.segmented.tokens[s.tokens.end - 1];
        if &text[last.span()] == "." {
            assert_eq!(a.tag(s.tokens.end - 1), Some(Tag::Punct));
        }
    }
}

proptest! {
    #[test]
    fn any_text_gets_one_tag_per_token(text in "\\PC{0,200}") {
        let (clean, seg) = segment_plain(&text);
        let mut tags = vec![Tag::Noun; 3];
        Tagger::builtin().tag_document(clean.view(), &seg, &mut tags);
        prop_assert_eq!(tags.len(), seg.tokens.len());
        let mut again = Vec::new();
        Tagger::builtin().tag_document(clean.view(), &seg, &mut again);
        prop_assert_eq!(tags, again);
    }
}
