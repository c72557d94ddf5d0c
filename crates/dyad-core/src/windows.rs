//! Windowed analysis of long documents: memory bounded by a window, not the document.
//!
//! An analysis holds about 40 bytes per byte of text dense with actors (tokens, tags,
//! mentions, events), so a 10 MB story would take some 400 MB at once.
//! [`Pipeline::analyze_windows`] cuts a text longer than a window into consecutive
//! windows and analyses them one after the other, handing each analysis to the
//! caller (who writes its records) before the next window overwrites it.
//!
//! A window ends at the last paragraph break (a blank line) in its second half, else
//! at the start of its last sentence there, else after its last white space there,
//! else at a char boundary. Byte offsets stay the document's; sentence, event and
//! mention numbers continue across windows ([`WindowInfo`]), so event ids stay
//! unique. Story-level context is the window's: coreference (`he`, `the president`)
//! reaches back only to the window's start, and the story's countries (which resolve
//! ambiguous place names) and the dateline (only the first window has one) are the
//! window's. A document no longer than one window is analysed exactly as
//! [`Pipeline::analyze`] does.

use crate::clean::is_space;
use crate::document::Document;
use crate::pipeline::{Analysis, Pipeline};
use chrono::NaiveDate;

/// The window of [`Pipeline::analyze_windows`] used by every writer of records
/// (`dyad code`, the store, the server): news stories are about 5 KB, so only
/// documents hundreds of times longer are cut. Measured in `docs/reliability.md`.
pub const WINDOW_BYTES: usize = 512 * 1024;

/// The smallest window [`Pipeline::analyze_windows`] accepts (a smaller one is
/// raised to it), so that a window always holds a char.
const MIN_WINDOW_BYTES: usize = 64;

/// A sentence that starts this close to the end of the text looked at may have been
/// split with too little text after it to tell (`U.S.` before a cut), so a window
/// does not end there.
const LOOKAHEAD_BYTES: usize = 32;

/// Which part of its document an [`Analysis`] covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WindowInfo {
    /// 0-based number of the window in its document.
    pub index: u32,
    /// Byte offset of the window's first byte in the document text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Document-wide number of the window's first sentence.
    pub first_sentence: u32,
    /// Document-wide number of the window's first event.
    pub first_event: u32,
    /// Document-wide number of the window's first actor mention.
    pub first_mention: u32,
    /// Whether the window ends the document.
    pub last: bool,
}

impl WindowInfo {
    /// The one window of a whole document of `len` bytes.
    pub fn whole(len: usize) -> Self {
        WindowInfo {
            end: len,
            last: true,
            ..WindowInfo::default()
        }
    }
}

impl Pipeline {
    /// Runs every stage on `doc` window by window (windows of at most `window_bytes`,
    /// [`WINDOW_BYTES`] for records; see the module's doc), calling `each` with the
    /// analysis of every window in document order. `out.window` says which window
    /// it is; offsets are the document's. A document of at most `window_bytes` is
    /// one window, analysed as by [`Pipeline::analyze`].
    pub fn analyze_windows(
        &self,
        doc: &Document,
        story_date: Option<NaiveDate>,
        window_bytes: usize,
        out: &mut Analysis,
        mut each: impl FnMut(&Analysis),
    ) {
        let text = doc.text.as_str();
        let story_date = story_date.or_else(|| doc.published.map(|p| p.first_day()));
        let window_bytes = window_bytes.max(MIN_WINDOW_BYTES);
        let mut next = WindowInfo::default();
        loop {
            let start = next.start;
            let end = self.window_end(text, start, window_bytes, out);
            let title = if start == 0 {
                doc.title.as_deref()
            } else {
                None
            };
            self.analyze_text(&text[start..end], title, story_date, start == 0, out);
            shift_offsets(out, start);
            out.window = WindowInfo {
                end,
                last: end >= text.len(),
                ..next
            };
            each(out);
            if out.window.last {
                return;
            }
            next = WindowInfo {
                index: next.index + 1,
                start: end,
                end,
                first_sentence: next.first_sentence + count(out.segmented.sentences.len()),
                first_event: next.first_event + count(out.events.len()),
                first_mention: next.first_mention + count(out.mentions.len()),
                last: false,
            };
        }
    }

    /// Where the window that starts at `start` ends (see the module's doc). Uses
    /// `out` to segment the window when it has no paragraph break to end at.
    fn window_end(&self, text: &str, start: usize, window: usize, out: &mut Analysis) -> usize {
        if text.len() - start <= window {
            return text.len();
        }
        let limit = floor_char_boundary(text, start + window);
        let half = ceil_char_boundary(text, start + window / 2).min(limit);
        if let Some(cut) = paragraph_cut(text, half, limit) {
            return cut;
        }
        self.segment_text(&text[start..limit], None, start == 0, out);
        let last_safe = limit.saturating_sub(LOOKAHEAD_BYTES);
        let sentence_cut = out
            .segmented
            .sentences
            .iter()
            .rev()
            .map(|s| start + s.start)
            .find(|&s| s <= last_safe)
            .filter(|&s| s >= half);
        sentence_cut
            .or_else(|| space_cut(text, half, limit))
            .unwrap_or(limit)
    }
}

/// A count of items as a `u32` number (saturating: documents are far smaller).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The start of the line after the last blank line of `text[from..to]`, if any:
/// a paragraph break, where every segmenter layout ends a sentence.
fn paragraph_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    let region = &text[from..to];
    let mut later_newline: Option<usize> = None;
    for (i, _) in region.rmatch_indices('\n') {
        if let Some(j) = later_newline
            && region[i + 1..j].chars().all(is_space)
        {
            return Some(from + j + 1);
        }
        later_newline = Some(i);
    }
    None
}

/// The offset just after the last white space of `text[from..to]`, if any.
fn space_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    text[from..to]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map(|(i, c)| from + i + c.len_utf8())
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Moves every byte offset of an analysis of a window that starts at byte `by` of
/// its document from the window's text to the document's.
fn shift_offsets(out: &mut Analysis, by: usize) {
    if by == 0 {
        return;
    }
    let by32 = count(by);
    for s in &mut out.segmented.sentences {
        s.start += by;
        s.end += by;
    }
    for t in &mut out.segmented.tokens {
        t.start = t.start.saturating_add(by32);
        t.end = t.end.saturating_add(by32);
    }
    for m in &mut out.mentions {
        m.start = m.start.saturating_add(by32);
        m.end = m.end.saturating_add(by32);
    }
    for e in &mut out.events {
        if let Some((s, t)) = e.date.as_mut().and_then(|d| d.span.as_mut()) {
            *s = s.saturating_add(by32);
            *t = t.saturating_add(by32);
        }
    }
    for p in &mut out.places {
        p.start = p.start.saturating_add(by32);
        p.end = p.end.saturating_add(by32);
    }
    for d in &mut out.dates {
        d.start = d.start.saturating_add(by32);
        d.end = d.end.saturating_add(by32);
    }
    for r in &mut out.clean.removals {
        r.start += by;
        r.end += by;
    }
    if let Some(d) = &mut out.clean.dateline {
        d.start += by;
        d.end += by;
    }
}
