//! The pipeline: every stage wired together, built once from the dictionaries and
//! run per document.

use crate::actors::{self, ActorRecognizer, Mention};
use crate::clean::{Boilerplate, CleanText, Cleaners};
use crate::dict::{CameoTable, DictError, DictErrors, Dictionaries};
use crate::document::Document;
use crate::events::{Event, EventCoder, EventScratch};
use crate::lexicon::{Lexicon, WordId};
use crate::segment::{Segmented, Segmenter};
use chrono::NaiveDate;

/// Every stage, ready to run. Build one and share it (it is `Sync`).
pub struct Pipeline {
    /// The vocabulary of every stage.
    pub lexicon: Lexicon,
    cleaners: Cleaners,
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
    countries: rustc_hash::FxHashSet<crate::codes::ActorCode>,
    /// Pattern text by origin, for explanations.
    pattern_text: rustc_hash::FxHashMap<crate::dict::Origin, String>,
}

/// Everything the pipeline found in one document. Reuse one value per thread: its
/// buffers are kept between documents.
#[derive(Debug)]
pub struct Analysis {
    /// The cleaned view of the text.
    pub clean: CleanText,
    /// Sentences and tokens.
    pub segmented: Segmented,
    /// The tokens' word ids.
    pub words: Vec<WordId>,
    /// Actor mentions, in document order.
    pub mentions: Vec<Mention>,
    /// Events, in document order.
    pub events: Vec<Event>,
    /// The story date used to resolve roles and relative dates.
    pub story_date: Option<NaiveDate>,
    scratch: actors::Scratch,
    event_scratch: EventScratch,
    dates: Vec<crate::enrich::dates::DateMention>,
}

impl Default for Analysis {
    fn default() -> Self {
        Analysis {
            clean: CleanText::new(""),
            segmented: Segmented::default(),
            words: Vec::new(),
            mentions: Vec::new(),
            events: Vec::new(),
            story_date: None,
            scratch: actors::Scratch::default(),
            event_scratch: EventScratch::default(),
            dates: Vec::new(),
        }
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
        errors.extend(
            problems.into_iter().map(|p| {
                DictError::new(&file_of(p.origin.file), p.origin.line as usize, p.message)
            }),
        );
        if !errors.is_empty() {
            return Err(DictErrors(errors));
        }
        Ok(Pipeline {
            lexicon,
            cleaners: Cleaners::standard(boilerplate),
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
        })
    }

    /// The pipeline with the built-in dictionaries.
    pub fn builtin() -> Result<Self, DictErrors> {
        Self::new(&Dictionaries::builtin()?)
    }

    /// `file:line` of a dictionary origin.
    pub fn locate(&self, origin: crate::dict::Origin) -> String {
        let file = self
            .files
            .get(origin.file as usize)
            .map(String::as_str)
            .unwrap_or("?");
        format!("{file}:{}", origin.line)
    }

    /// A pattern as written, with its place: `verbs/05-....txt:38: 057 * &AGREEMENT with $`.
    pub fn rule_text(&self, origin: crate::dict::Origin) -> String {
        match self.pattern_text.get(&origin) {
            Some(t) => format!("{}: {t}", self.locate(origin)),
            None => self.locate(origin),
        }
    }

    /// The three-letter country or region code `prefix`, if the dictionaries define it.
    pub fn country_code(&self, prefix: &str) -> Option<&str> {
        let code = crate::codes::ActorCode::new(prefix)?;
        self.countries.get(&code).map(|c| c.as_str())
    }

    /// Cleans and segments `doc` into `out` (the first stages only).
    pub fn segment(&self, doc: &Document, out: &mut Analysis) {
        self.cleaners
            .clean_into(&doc.text, doc.title.as_deref(), &mut out.clean);
        self.segmenter.segment(&out.clean, &mut out.segmented);
    }

    /// Runs every stage on `doc`. `story_date` overrides the document's own date.
    pub fn analyze(&self, doc: &Document, story_date: Option<NaiveDate>, out: &mut Analysis) {
        self.segment(doc, out);
        out.story_date = story_date.or_else(|| doc.published.map(|p| p.first_day()));
        self.lexicon.lookup_tokens(&out.segmented, &mut out.words);
        self.actors.recognize(
            &doc.text,
            &out.segmented,
            &out.words,
            &self.lexicon,
            out.story_date,
            out.clean.dateline.as_ref().map(|d| d.place.as_str()),
            &mut out.scratch,
            &mut out.mentions,
        );
        self.events.code_document(
            &doc.text,
            &out.segmented,
            &out.words,
            &self.lexicon,
            &out.mentions,
            &mut out.event_scratch,
            &mut out.events,
        );
        crate::enrich::attach_dates(
            &doc.text,
            &out.segmented,
            out.story_date,
            &mut out.events,
            &mut out.dates,
        );
    }
}
