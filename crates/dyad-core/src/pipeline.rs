//! The pipeline: every stage wired together, built once from the dictionaries and
//! run per document.

use crate::actors::{self, ActorRecognizer, Mention};
use crate::clean::{Boilerplate, CleanText, Cleaners};
use crate::dict::{CameoTable, DictError, DictErrors, Dictionaries};
use crate::document::Document;
use crate::events::{Event, EventCoder, EventScratch};
use crate::lexicon::{Lexicon, WordId};
use crate::relevance::{Discards, DomainCues, StoryDomain};
use crate::segment::{Segmented, Segmenter, Sentence};
use crate::tags::{Tag, Tagger};
pub use crate::windows::{WINDOW_BYTES, WindowInfo};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The compiled, serialisable part of a [`Pipeline`] (by reference, for writing).
#[derive(Serialize)]
struct CompiledRef<'a> {
    format: u32,
    lexicon: &'a Lexicon,
    boilerplate: &'a str,
    actors: &'a ActorRecognizer,
    events: &'a EventCoder,
    cameo: &'a CameoTable,
    files: &'a [String],
    countries: &'a FxHashSet<crate::codes::ActorCode>,
    pattern_text: &'a FxHashMap<crate::dict::Origin, String>,
    domains: &'a DomainCues,
    discards: &'a Discards,
}

/// The compiled, serialisable part of a [`Pipeline`] (owned, for reading).
#[derive(Deserialize)]
struct Compiled {
    format: u32,
    lexicon: Lexicon,
    boilerplate: String,
    actors: ActorRecognizer,
    events: EventCoder,
    cameo: CameoTable,
    files: Vec<String>,
    countries: FxHashSet<crate::codes::ActorCode>,
    pattern_text: FxHashMap<crate::dict::Origin, String>,
    domains: DomainCues,
    discards: Discards,
}

/// Bumped whenever the compiled layout changes, so a stale blob is refused.
const COMPILED_FORMAT: u32 = 5;

/// A compiled pipeline that could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the compiled dictionaries: {0}")]
pub struct CompiledError(String);

/// Every stage, ready to run. Build one and share it (it is `Sync`).
pub struct Pipeline {
    /// The vocabulary of every stage.
    pub lexicon: Lexicon,
    /// The boilerplate patterns, compiled into the cleaners on first use.
    boilerplate: String,
    cleaners: OnceLock<Cleaners>,
    segmenter: Segmenter,
    /// The actor recognizer.
    pub actors: ActorRecognizer,
    /// The event coder.
    pub events: EventCoder,
    /// The CAMEO code table.
    pub cameo: CameoTable,
    /// The dictionary files used.
    pub files: Vec<String>,
    /// Country and region codes (three letters) of the actor dictionaries.
    countries: FxHashSet<crate::codes::ActorCode>,
    /// Pattern text by origin, for explanations.
    pattern_text: FxHashMap<crate::dict::Origin, String>,
    /// Cue words of story domains (the relevance stage).
    domains: DomainCues,
    /// Discard phrases (the relevance stage).
    discards: Discards,
    /// Whether the geolocation stage runs (off only to measure its cost).
    locate: bool,
    /// The default output's lowest confidence ([`DEFAULT_MIN_CONFIDENCE`] unless set).
    min_confidence: f32,
}

/// The default output's lowest confidence: an event the confidence model holds more
/// likely wrong than right is withheld (`low confidence`; docs/conventions.md).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// Everything the pipeline found in one document. Reuse one value per thread: its
/// buffers are kept between documents.
#[derive(Debug)]
pub struct Analysis {
    /// The cleaned view of the text. In a window's analysis the view is the window's
    /// text (its offset 0 is `window.start`); its removals and dateline are moved to
    /// the document's offsets like everything else.
    pub clean: CleanText,
    /// Sentences and tokens.
    pub segmented: Segmented,
    /// The tokens' word ids.
    pub words: Vec<WordId>,
    /// The tokens' parts of speech: `tags[i]` is the tag of `segmented.tokens[i]`.
    pub tags: Vec<Tag>,
    /// Actor mentions, in document order.
    pub mentions: Vec<Mention>,
    /// Events, in document order.
    pub events: Vec<Event>,
    /// The story date used to resolve roles and relative dates.
    pub story_date: Option<NaiveDate>,
    /// The story's domain and each sentence's (the relevance stage).
    pub domain: StoryDomain,
    scratch: actors::Scratch,
    event_scratch: EventScratch,
    pub(crate) dates: Vec<crate::enrich::dates::DateMention>,
    /// Place mentions (the dateline's first), resolved to the gazetteer.
    pub places: Vec<crate::places::PlaceMention>,
    /// Which part of the document this analysis covers: all of it after
    /// [`Pipeline::analyze`], one window after each step of
    /// [`Pipeline::analyze_windows`]. Byte offsets are always the document's;
    /// sentence and event indices are the window's (add `first_sentence` and
    /// `first_event` for the document's numbers, as [`crate::output`] does).
    pub window: WindowInfo,
    /// The default output's lowest confidence, the pipeline's
    /// ([`Pipeline::set_min_confidence`]).
    pub min_confidence: f32,
}

impl Default for Analysis {
    fn default() -> Self {
        Analysis {
            clean: CleanText::new(""),
            segmented: Segmented::default(),
            words: Vec::new(),
            tags: Vec::new(),
            mentions: Vec::new(),
            events: Vec::new(),
            story_date: None,
            domain: StoryDomain::default(),
            scratch: actors::Scratch::default(),
            event_scratch: EventScratch::default(),
            dates: Vec::new(),
            places: Vec::new(),
            window: WindowInfo::default(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }
}

impl Analysis {
    /// The part of speech of token `token` (an index into `segmented.tokens`), once
    /// [`Pipeline::analyze`] has run; `None` past the last token.
    pub fn tag(&self, token: usize) -> Option<Tag> {
        self.tags.get(token).copied()
    }

    /// The parts of speech of the tokens of `sentence`, in order.
    pub fn sentence_tags(&self, sentence: &Sentence) -> &[Tag] {
        self.tags.get(sentence.tokens.clone()).unwrap_or(&[])
    }
}

impl Pipeline {
    /// Builds the pipeline from parsed dictionaries. Fails on names or patterns that
    /// cannot be compiled.
    pub fn new(dicts: &Dictionaries) -> Result<Self, DictErrors> {
        let boilerplate =
            Boilerplate::parse("boilerplate.txt", &dicts.boilerplate).map_err(|e| {
                DictErrors(vec![DictError::new(
                    &e.file,
                    e.line,
                    format!("bad pattern {:?}: {}", e.pattern, e.message),
                )])
            })?;
        let mut lexicon = Lexicon::new();
        let (actors, problems) = ActorRecognizer::new(dicts, &mut lexicon);
        let file_of = |f: u16| dicts.files.get(f as usize).cloned().unwrap_or_default();
        let mut errors: Vec<DictError> = problems
            .into_iter()
            .map(|p| {
                DictError::new(
                    &file_of(p.origin.file),
                    p.origin.line as usize,
                    format!("{:?}: {}", p.name, p.message),
                )
            })
            .collect();
        let (events, problems) = EventCoder::new(dicts, &mut lexicon);
        let domains = DomainCues::new(&dicts.domains, &mut lexicon);
        let discards = Discards::new(&dicts.discards, &mut lexicon);
        errors.extend(
            problems.into_iter().map(|p| {
                DictError::new(&file_of(p.origin.file), p.origin.line as usize, p.message)
            }),
        );
        if !errors.is_empty() {
            return Err(DictErrors(errors));
        }
        let cleaners = OnceLock::new();
        let _ = cleaners.set(Cleaners::standard(boilerplate));
        Ok(Pipeline {
            lexicon,
            boilerplate: dicts.boilerplate.clone(),
            cleaners,
            segmenter: Segmenter::default(),
            actors,
            events,
            cameo: dicts.cameo.clone(),
            files: dicts.files.clone(),
            countries: dicts
                .actors
                .iter()
                .map(|a| a.code)
                .filter(|c| !c.has_role())
                .collect(),
            pattern_text: dicts
                .patterns
                .iter()
                .flat_map(|e| e.patterns.iter().map(|p| (p.origin, p.text.clone())))
                .collect(),
            domains,
            discards,
            locate: true,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        })
    }

    /// The pipeline with the built-in dictionaries, compiled from their text.
    pub fn builtin() -> Result<Self, DictErrors> {
        Self::new(&Dictionaries::builtin()?)
    }

    /// The compiled pipeline as bytes, to be written once (at build time) and read back
    /// with [`Pipeline::from_bytes`] far faster than compiling the dictionaries again.
    pub fn to_bytes(&self) -> Vec<u8> {
        let compiled = CompiledRef {
            format: COMPILED_FORMAT,
            lexicon: &self.lexicon,
            boilerplate: &self.boilerplate,
            actors: &self.actors,
            events: &self.events,
            cameo: &self.cameo,
            files: &self.files,
            countries: &self.countries,
            pattern_text: &self.pattern_text,
            domains: &self.domains,
            discards: &self.discards,
        };
        // Serialising plain data to memory cannot fail.
        postcard::to_allocvec(&compiled).unwrap_or_default()
    }

    /// Reads a pipeline written by [`Pipeline::to_bytes`]. The boilerplate patterns are
    /// compiled on first use.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CompiledError> {
        let c: Compiled = postcard::from_bytes(bytes).map_err(|e| CompiledError(e.to_string()))?;
        if c.format != COMPILED_FORMAT {
            return Err(CompiledError(format!(
                "format {} where {COMPILED_FORMAT} is expected",
                c.format
            )));
        }
        Ok(Pipeline {
            lexicon: c.lexicon,
            boilerplate: c.boilerplate,
            cleaners: OnceLock::new(),
            segmenter: Segmenter::default(),
            actors: c.actors,
            events: c.events,
            cameo: c.cameo,
            files: c.files,
            countries: c.countries,
            pattern_text: c.pattern_text,
            domains: c.domains,
            discards: c.discards,
            locate: true,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        })
    }

    /// Turns the geolocation stage (places and event locations) on or off; it is on
    /// unless turned off, which `scripts/bench.sh` does to measure what it costs.
    pub fn set_locations(&mut self, on: bool) {
        self.locate = on;
    }

    /// Sets the default output's lowest confidence (`dyad code --min-confidence`): an
    /// event whose confidence, rounded to two decimals as printed, is below `p` is
    /// withheld as `low confidence`. 0 shows what the rules alone let through.
    pub fn set_min_confidence(&mut self, p: f32) {
        self.min_confidence = p;
    }

    fn cleaners(&self) -> &Cleaners {
        self.cleaners.get_or_init(|| {
            // The patterns compiled when the pipeline was built, so they compile again.
            let boilerplate = Boilerplate::parse("boilerplate.txt", &self.boilerplate)
                .unwrap_or_else(|_| {
                    Boilerplate::parse("boilerplate.txt", "").expect("no patterns compile")
                });
            Cleaners::standard(boilerplate)
        })
    }

    /// `file:line` of a dictionary origin.
    pub fn locate(&self, origin: crate::dict::Origin) -> String {
        origin.locate(&self.files)
    }

    /// A pattern as written, with its place: `verbs/05-....txt:38: 057 * &AGREEMENT with $`.
    pub fn rule_text(&self, origin: crate::dict::Origin) -> String {
        match self.pattern_text.get(&origin) {
            Some(t) => format!("{}: {t}", self.locate(origin)),
            None => self.locate(origin),
        }
    }

    /// The discard phrase that withholds the events of sentence `s` of analysis `a`,
    /// with its place: `"world cup" (discards/phoenix.txt:12)`.
    pub fn discard_text(&self, a: &Analysis, s: u32) -> Option<String> {
        let (i, _) = a.domain.discarded.of_sentence(s)?;
        let (text, origin) = self.discards.phrase(i)?;
        Some(format!("{text:?} ({})", self.locate(origin)))
    }

    /// The three-letter country or region code `prefix`, if the dictionaries define it.
    pub fn country_code(&self, prefix: &str) -> Option<&str> {
        let code = crate::codes::ActorCode::new(prefix)?;
        self.countries.get(&code).map(|c| c.as_str())
    }

    /// Cleans and segments `doc` into `out` (the first stages only).
    pub fn segment(&self, doc: &Document, out: &mut Analysis) {
        out.window = WindowInfo::whole(doc.text.len());
        self.segment_text(&doc.text, doc.title.as_deref(), true, out);
    }

    /// Cleans and segments `text`: a whole story or its first window
    /// (`story_start`), else a later window, cleaned without the steps that look at
    /// a story's opening.
    pub(crate) fn segment_text(
        &self,
        text: &str,
        title: Option<&str>,
        story_start: bool,
        out: &mut Analysis,
    ) {
        if story_start {
            self.cleaners().clean_into(text, title, &mut out.clean);
        } else {
            self.cleaners().clean_continued_into(text, &mut out.clean);
        }
        self.segmenter.segment(&out.clean, &mut out.segmented);
    }

    /// Runs every stage on `doc`. `story_date` overrides the document's own date.
    ///
    /// The analysis holds the whole document at once (about 40 bytes per byte of text
    /// dense with actors): a caller that writes records of documents of any length
    /// uses [`Pipeline::analyze_windows`].
    pub fn analyze(&self, doc: &Document, story_date: Option<NaiveDate>, out: &mut Analysis) {
        out.window = WindowInfo::whole(doc.text.len());
        let story_date = story_date.or_else(|| doc.published.map(|p| p.first_day()));
        self.analyze_text(&doc.text, doc.title.as_deref(), story_date, true, out);
    }

    /// Runs every stage on `text` (a whole story, or one window of it: see
    /// [`Pipeline::segment_text`]). Offsets are `text`'s.
    pub(crate) fn analyze_text(
        &self,
        text: &str,
        title: Option<&str>,
        story_date: Option<NaiveDate>,
        story_start: bool,
        out: &mut Analysis,
    ) {
        self.segment_text(text, title, story_start, out);
        out.story_date = story_date;
        self.lexicon.lookup_tokens(&out.segmented, &mut out.words);
        Tagger::builtin().tag_document(out.clean.view(), &out.segmented, &mut out.tags);
        self.domains
            .classify(&out.segmented, &out.words, &mut out.domain);
        self.discards
            .find(&out.segmented, &out.words, &mut out.domain);
        self.actors.recognize(
            text,
            &out.segmented,
            &out.words,
            &self.lexicon,
            out.story_date,
            out.clean.dateline.as_ref().map(|d| d.place.as_str()),
            &mut out.scratch,
            &mut out.mentions,
        );
        self.events.code_document(
            text,
            &out.segmented,
            &out.words,
            &out.tags,
            &self.lexicon,
            &out.mentions,
            &mut out.event_scratch,
            &mut out.events,
        );
        crate::enrich::attach_dates(
            text,
            &out.segmented,
            out.story_date,
            &mut out.events,
            &mut out.dates,
        );
        out.places.clear();
        if self.locate {
            self.geolocate(text, out);
        }
        crate::events::confidence::assign(&mut out.events, &out.mentions, &out.domain);
        out.min_confidence = self.min_confidence;
    }

    /// The geolocation stage: the document's places and each event's location.
    fn geolocate(&self, text: &str, out: &mut Analysis) {
        let dateline = out.clean.dateline.as_ref();
        let dateline_country =
            dateline.and_then(|d| self.actors.place_country(&d.place, &self.lexicon));
        crate::enrich::location::attach_locations(
            crate::places::gazetteer(),
            &crate::places::PlaceInput {
                text,
                seg: &out.segmented,
                mentions: &out.mentions,
                dateline: dateline.map(|d| (d.place.as_str(), d.start, d.end)),
                dateline_country: dateline_country.as_ref().map(|c| c.as_str()),
            },
            &mut out.places,
            &mut out.events,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compiled_pipeline_reads_back_and_codes_the_same() {
        let built = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
        let read = Pipeline::from_bytes(&built.to_bytes()).expect("reads back");
        let text = "Russia and China signed an agreement on Monday. Chinese President Xi Jinping said he would visit Moscow. Police arrested 40 protesters in Santiago.";
        let doc = Document::from_text(text);
        let (mut a, mut b) = (Analysis::default(), Analysis::default());
        built.analyze(&doc, None, &mut a);
        read.analyze(&doc, None, &mut b);
        assert!(!a.events.is_empty());
        assert_eq!(a.mentions, b.mentions);
        assert_eq!(a.events, b.events);
        assert_eq!(built.lexicon.len(), read.lexicon.len());
    }

    #[test]
    fn a_damaged_blob_is_refused() {
        let built = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
        let bytes = built.to_bytes();
        assert!(Pipeline::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(Pipeline::from_bytes(&[]).is_err());
    }
}
