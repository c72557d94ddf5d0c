//! Writing: one transaction per batch of coded documents. A document with the same
//! id and content is skipped by its hash; one with new content (or, when re-coding,
//! new dictionaries) has its sentences and mentions replaced, and every event it
//! touched (before or after) is recomputed from its mentions, all in the same
//! transaction, so a kill at any moment leaves the store as it was before the batch
//! or after it.

use crate::merge::{MergeRule, event_place};
use crate::record::{CodedDocument, MentionIn, Place};
use crate::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a write is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// `dyad ingest`: skip documents whose content hash is stored already.
    Ingest,
    /// `dyad recode`: replace stored documents coded with other dictionaries.
    Recode,
}

/// Changes under one CAMEO root.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RootChange {
    /// Mentions that appeared.
    pub mentions_added: u64,
    /// Mentions that went away.
    pub mentions_removed: u64,
    /// Events that appeared.
    pub events_added: u64,
    /// Events that went away.
    pub events_removed: u64,
}

impl RootChange {
    fn add(&mut self, o: &RootChange) {
        self.mentions_added += o.mentions_added;
        self.mentions_removed += o.mentions_removed;
        self.events_added += o.events_added;
        self.events_removed += o.events_removed;
    }
}

/// What a batch (or a whole run, summed with [`BatchReport::add`]) did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Documents stored for the first time.
    pub new: u64,
    /// Documents skipped: same content (ingest) or same dictionaries (recode).
    pub unchanged: u64,
    /// Documents whose content changed and whose mentions were replaced.
    pub replaced: u64,
    /// Documents re-coded with other dictionaries.
    pub recoded: u64,
    /// Mentions written.
    pub mentions_written: u64,
    /// Changes per CAMEO root (mentions compared by sentence, code, actors, mode and
    /// date; events by id).
    pub by_root: BTreeMap<u8, RootChange>,
}

impl BatchReport {
    /// Adds another report's counts to this one.
    pub fn add(&mut self, o: &BatchReport) {
        self.new += o.new;
        self.unchanged += o.unchanged;
        self.replaced += o.replaced;
        self.recoded += o.recoded;
        self.mentions_written += o.mentions_written;
        for (root, c) in &o.by_root {
            self.by_root.entry(*root).or_default().add(c);
        }
    }

    /// The changes summed over every root.
    pub fn total(&self) -> RootChange {
        let mut t = RootChange::default();
        for c in self.by_root.values() {
            t.add(c);
        }
        t
    }
}

/// An event row is computed from its mentions in Rust ([`insert_event`]), the same
/// way whichever path the mentions come by: the key columns (equal in every mention)
/// and the Goldstein value, QuadClass and countries from its first mention; the
/// earliest first day and latest last day; counts of mentions, distinct outlets (a
/// document without outlet counts as its own) and distinct documents; the earliest
/// and latest publication dates; the first mention (earliest publication date, then
/// document id, sentence and number); the place that most of its mentions' places
/// agree with, most precise first ([`event_place`]).
const EVENT_INSERT: &str = "
    INSERT OR REPLACE INTO events (id, date, date_end, source, source_country, target, target_country,
        cameo, root, quad, goldstein, plover, mode, shown, location, mentions, sources,
        articles, first_seen, last_seen, first_mention, loc_country, loc_adm1, loc_lat, loc_lon,
        loc_feature, loc_precision, loc_how)";

type Signature = (u32, String, String, Option<String>, String, String);

fn signature(m: &MentionIn) -> Signature {
    (
        m.sentence,
        m.cameo.clone(),
        m.source.clone(),
        m.target.clone(),
        m.mode.clone(),
        m.date.clone(),
    )
}

/// Events touched by a batch: id -> root before the batch (none: did not exist).
type Touched = HashMap<i64, Option<u8>>;

/// The mentions a batch wrote, by event. An event that did not exist before the batch
/// has only these mentions, so they need not be read back; `stale` (a document
/// written twice in one batch) sends every event through a read of its mentions.
#[derive(Default)]
struct Fresh<'a> {
    mentions: HashMap<i64, Vec<(&'a CodedDocument, &'a MentionIn)>>,
    docs: HashSet<i64>,
    stale: bool,
}

impl Store {
    /// The content hash stored for document `id`, if it is stored.
    pub fn content_hash_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Writes one batch in one transaction; see the [module docs](self).
    pub fn write(
        &mut self,
        docs: &[CodedDocument],
        mode: WriteMode,
    ) -> Result<BatchReport, StoreError> {
        let path = self.path.clone();
        let rule = self.rule;
        let err = |e| StoreError::classify(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut report = BatchReport::default();
        let mut touched = Touched::new();
        let mut fresh = Fresh::default();
        for cd in docs {
            write_document(&tx, rule, cd, mode, &mut report, &mut touched, &mut fresh).map_err(
                |e| {
                    if is_constraint(&e) {
                        StoreError::Collision(cd.doc.id.clone(), path.clone())
                    } else {
                        err(e)
                    }
                },
            )?;
        }
        recompute_events(&tx, &touched, &fresh, &mut report).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(report)
    }

    /// Up to `limit` stored documents coded with dictionaries other than `dict_hash`,
    /// in storage order, rebuilt as read.
    pub fn documents_to_recode(
        &self,
        dict_hash: &str,
        limit: usize,
    ) -> Result<Vec<dyad_core::Document>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, url, published, outlet, text, language FROM documents
                 WHERE dict_hash <> ?1 ORDER BY num LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![dict_hash, limit as i64], |r| {
                let published: Option<String> = r.get(3)?;
                Ok(dyad_core::Document {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    url: r.get(2)?,
                    published: published.and_then(|p| p.parse().ok()),
                    source: r.get(4)?,
                    text: r.get(5)?,
                    language: r.get(6)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// How many stored documents were coded with dictionaries other than `dict_hash`.
    pub fn count_to_recode(&self, dict_hash: &str) -> Result<u64, StoreError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM documents WHERE dict_hash <> ?1")
            .and_then(|mut s| s.query_row([dict_hash], |r| r.get::<_, i64>(0)))
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// Sets the cross-story merge rule. When it differs from the stored one, every
    /// mention's event is recomputed and the events table rebuilt, in one transaction.
    /// Returns whether anything changed.
    pub fn set_merge_rule(&mut self, rule: MergeRule) -> Result<bool, StoreError> {
        if rule == self.rule {
            return Ok(false);
        }
        let path = self.path.clone();
        let err = |e| StoreError::classify(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        rebuild_events(&tx, rule).map_err(err)?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE name = 'merge_rule'",
            [rule.as_str()],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        self.rule = rule;
        Ok(true)
    }
}

fn is_constraint(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
}

fn write_document<'a>(
    tx: &Transaction<'_>,
    rule: MergeRule,
    cd: &'a CodedDocument,
    mode: WriteMode,
    report: &mut BatchReport,
    touched: &mut Touched,
    fresh: &mut Fresh<'a>,
) -> rusqlite::Result<()> {
    let existing: Option<(i64, String, String)> = tx
        .prepare_cached("SELECT num, content_hash, dict_hash FROM documents WHERE id = ?1")?
        .query_row([&cd.doc.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let mut old: HashMap<Signature, (u64, u8)> = HashMap::new();
    let num = match (&existing, mode) {
        (Some((_, content, _)), WriteMode::Ingest) if *content == cd.content_hash => {
            report.unchanged += 1;
            return Ok(());
        }
        (Some((_, content, dict)), WriteMode::Recode)
            if *content == cd.content_hash && *dict == cd.dict_hash =>
        {
            report.unchanged += 1;
            return Ok(());
        }
        // Re-coding a document deleted meanwhile: nothing to do.
        (None, WriteMode::Recode) => {
            report.unchanged += 1;
            return Ok(());
        }
        (Some((num, content, _)), _) => {
            if *content == cd.content_hash {
                report.recoded += 1;
            } else {
                report.replaced += 1;
            }
            fresh.stale |= fresh.docs.contains(num);
            remove_document_rows(tx, *num, &mut old, touched)?;
            update_document(tx, *num, cd)?;
            *num
        }
        (None, WriteMode::Ingest) => {
            report.new += 1;
            insert_document(tx, cd)?
        }
    };
    fresh.docs.insert(num);
    let sent_ids = insert_sentences(tx, num, cd)?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO mentions (doc, sentence, ordinal, sent, event, date, date_end,
            date_precision, date_text, source, source_country, source_start, source_end,
            target, target_country, target_start, target_end, trigger_start, trigger_end,
            cameo, root, quad, goldstein, plover, plover_mode, mode, shown, is_primary, quote,
            grp, rule, confidence, location, loc_country, loc_adm1, loc_lat, loc_lon, loc_feature,
            loc_precision, loc_how)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34,
            ?35, ?36, ?37, ?38, ?39, ?40)",
    )?;
    for m in &cd.mentions {
        let event = rule.event_id(&cd.doc.id, m);
        touch(tx, touched, event)?;
        fresh.mentions.entry(event).or_default().push((cd, m));
        let sent = sent_ids.get(&m.sentence).copied().unwrap_or(0);
        let l = m.location.as_ref();
        ins.execute(params![
            num,
            m.sentence,
            m.ordinal,
            sent,
            event,
            m.date,
            m.date_end,
            m.date_precision,
            m.date_text,
            m.source,
            m.source_country,
            m.source_span.map(|s| s.0),
            m.source_span.map(|s| s.1),
            m.target,
            m.target_country,
            m.target_span.map(|s| s.0),
            m.target_span.map(|s| s.1),
            m.trigger.0,
            m.trigger.1,
            m.cameo,
            m.root,
            m.quad,
            m.goldstein,
            m.plover,
            m.plover_mode,
            m.mode,
            m.shown,
            m.primary,
            m.quote,
            m.group,
            m.rule,
            m.confidence,
            l.map(|l| &l.name),
            l.map(|l| &l.country),
            l.and_then(|l| l.adm1.as_ref()),
            l.map(|l| l.lat),
            l.map(|l| l.lon),
            l.and_then(|l| l.feature.as_ref()),
            l.map(|l| &l.precision),
            l.map(|l| &l.how),
        ])?;
        report.mentions_written += 1;
        let sig = signature(m);
        match old.get_mut(&sig) {
            Some((n, _)) if *n > 0 => *n -= 1,
            _ => report.by_root.entry(m.root).or_default().mentions_added += 1,
        }
    }
    for (n, root) in old.values() {
        report.by_root.entry(*root).or_default().mentions_removed += n;
    }
    Ok(())
}

/// Remembers an event as touched, with its root before the batch.
fn touch(tx: &Transaction<'_>, touched: &mut Touched, event: i64) -> rusqlite::Result<()> {
    if let std::collections::hash_map::Entry::Vacant(v) = touched.entry(event) {
        let root: Option<u8> = tx
            .prepare_cached("SELECT root FROM events WHERE id = ?1")?
            .query_row([event], |r| r.get(0))
            .optional()?;
        v.insert(root);
    }
    Ok(())
}

fn insert_document(tx: &Transaction<'_>, cd: &CodedDocument) -> rusqlite::Result<i64> {
    let d = &cd.doc;
    tx.prepare_cached(
        "INSERT INTO documents (id, url, title, outlet, published, language, text, content_hash,
            dict_hash, ingested)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(params![
        d.id,
        d.url,
        d.title,
        d.source,
        d.published.map(|p| p.to_string()),
        d.language,
        d.text,
        cd.content_hash,
        cd.dict_hash,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn update_document(tx: &Transaction<'_>, num: i64, cd: &CodedDocument) -> rusqlite::Result<()> {
    let d = &cd.doc;
    tx.prepare_cached(
        "UPDATE documents SET url = ?2, title = ?3, outlet = ?4, published = ?5, language = ?6,
            text = ?7, content_hash = ?8, dict_hash = ?9,
            ingested = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE num = ?1",
    )?
    .execute(params![
        num,
        d.url,
        d.title,
        d.source,
        d.published.map(|p| p.to_string()),
        d.language,
        d.text,
        cd.content_hash,
        cd.dict_hash,
    ])?;
    Ok(())
}

/// Deletes a document's sentences (and their full-text entries) and mentions,
/// remembering the mentions' signatures and events.
fn remove_document_rows(
    tx: &Transaction<'_>,
    num: i64,
    old: &mut HashMap<Signature, (u64, u8)>,
    touched: &mut Touched,
) -> rusqlite::Result<()> {
    let rows: Vec<(Signature, u8, i64)> = tx
        .prepare_cached(
            "SELECT sentence, cameo, source, target, mode, date, root, event
             FROM mentions WHERE doc = ?1",
        )?
        .query_map([num], |r| {
            Ok((
                (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ),
                r.get(6)?,
                r.get(7)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    for (sig, root, event) in rows {
        old.entry(sig).or_insert((0, root)).0 += 1;
        touch(tx, touched, event)?;
    }
    tx.prepare_cached(
        "INSERT INTO sentence_fts (sentence_fts, rowid, text)
         SELECT 'delete', id, text FROM sentences WHERE doc = ?1",
    )?
    .execute([num])?;
    tx.prepare_cached("DELETE FROM sentences WHERE doc = ?1")?
        .execute([num])?;
    tx.prepare_cached("DELETE FROM mentions WHERE doc = ?1")?
        .execute([num])?;
    Ok(())
}

/// Inserts the sentences (and their full-text entries); returns index -> row id.
fn insert_sentences(
    tx: &Transaction<'_>,
    num: i64,
    cd: &CodedDocument,
) -> rusqlite::Result<HashMap<u32, i64>> {
    let mut ids = HashMap::with_capacity(cd.sentences.len());
    let mut ins = tx.prepare_cached(
        "INSERT INTO sentences (doc, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut fts = tx.prepare_cached("INSERT INTO sentence_fts (rowid, text) VALUES (?1, ?2)")?;
    for s in &cd.sentences {
        ins.execute(params![num, s.index, s.start as i64, s.end as i64, s.text])?;
        let id = tx.last_insert_rowid();
        fts.execute(params![id, s.text])?;
        ids.insert(s.index, id);
    }
    Ok(ids)
}

/// Recomputes every touched event from its mentions and counts the events that
/// appeared and went away, per root.
fn recompute_events(
    tx: &Transaction<'_>,
    touched: &Touched,
    fresh: &Fresh<'_>,
    report: &mut BatchReport,
) -> rusqlite::Result<()> {
    let mut ids: Vec<(&i64, &Option<u8>)> = touched.iter().collect();
    ids.sort();
    for (id, before) in ids {
        let new = before
            .is_none()
            .then(|| fresh.mentions.get(id))
            .flatten()
            .filter(|_| !fresh.stale);
        let after = match new {
            Some(list) => {
                let parts: Vec<Part<'_>> = list
                    .iter()
                    .map(|(d, m)| Part {
                        doc_id: &d.doc.id,
                        outlet: d.doc.source.as_deref(),
                        published: d.doc.published.map(|p| p.to_string()),
                        m,
                    })
                    .collect();
                Some(insert_event(tx, *id, &parts, false)?)
            }
            None => recompute_event(tx, *id)?,
        };
        match (before, after) {
            (None, Some(root)) => report.by_root.entry(root).or_default().events_added += 1,
            (Some(root), None) => report.by_root.entry(*root).or_default().events_removed += 1,
            _ => {}
        }
    }
    Ok(())
}

/// One mention with what the event row needs of its document.
struct Part<'a> {
    doc_id: &'a str,
    outlet: Option<&'a str>,
    published: Option<String>,
    m: &'a MentionIn,
}

/// Reads an event's mentions and writes its row (deleting it when none is left);
/// returns its root, none when it is gone.
fn recompute_event(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Option<u8>> {
    let rows: Vec<(String, Option<String>, Option<String>, MentionIn)> = tx
        .prepare_cached(
            "SELECT d.id, d.outlet, d.published, m.date, m.date_end, m.sentence, m.ordinal,
                    m.source, m.source_country, m.target, m.target_country, m.cameo, m.root,
                    m.quad, m.goldstein, m.plover, m.mode, m.shown, m.location, m.loc_country,
                    m.loc_adm1, m.loc_lat, m.loc_lon, m.loc_feature, m.loc_precision, m.loc_how
             FROM mentions m JOIN documents d ON d.num = m.doc WHERE m.event = ?1",
        )?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                MentionIn {
                    date: r.get(3)?,
                    date_end: r.get(4)?,
                    sentence: r.get(5)?,
                    ordinal: r.get(6)?,
                    source: r.get(7)?,
                    source_country: r.get(8)?,
                    target: r.get(9)?,
                    target_country: r.get(10)?,
                    cameo: r.get(11)?,
                    root: r.get(12)?,
                    quad: r.get(13)?,
                    goldstein: r.get(14)?,
                    plover: r.get(15)?,
                    mode: r.get(16)?,
                    shown: r.get(17)?,
                    location: place_at(r, 18)?,
                    ..MentionIn::key_only()
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    if rows.is_empty() {
        tx.prepare_cached("DELETE FROM events WHERE id = ?1")?
            .execute([id])?;
        return Ok(None);
    }
    let parts: Vec<Part<'_>> = rows
        .iter()
        .map(|(doc_id, outlet, published, m)| Part {
            doc_id,
            outlet: outlet.as_deref(),
            published: published.clone(),
            m,
        })
        .collect();
    insert_event(tx, id, &parts, true).map(Some)
}

/// Writes (or replaces) the row of event `id` from all its mentions; returns its root.
fn insert_event(
    tx: &Transaction<'_>,
    id: i64,
    parts: &[Part<'_>],
    may_exist: bool,
) -> rusqlite::Result<u8> {
    fn order<'p>(p: &'p Part<'_>) -> (&'p str, &'p str, u32, u32) {
        (
            p.published.as_deref().unwrap_or(""),
            p.doc_id,
            p.m.sentence,
            p.m.ordinal,
        )
    }
    let first = parts
        .iter()
        .min_by(|a, b| order(a).cmp(&order(b)))
        .expect("an event has a mention");
    let m0 = first.m;
    let date = parts.iter().map(|p| p.m.date.as_str()).min();
    let date_end = parts.iter().filter_map(|p| p.m.date_end.as_deref()).max();
    let outlets: HashSet<&str> = parts.iter().map(|p| p.outlet.unwrap_or(p.doc_id)).collect();
    let articles: HashSet<&str> = parts.iter().map(|p| p.doc_id).collect();
    let published = parts.iter().filter_map(|p| p.published.as_deref());
    let first_id = format!("{}-{}-{}", first.doc_id, m0.sentence, m0.ordinal);
    let places: Vec<&Place> = parts.iter().filter_map(|p| p.m.location.as_ref()).collect();
    let place = event_place(&places);
    // An event that gained or lost mentions but kept its dates: update the counts in
    // place, leaving the row's index entries (actors, dates) untouched.
    let updated = if !may_exist {
        0
    } else {
        tx.prepare_cached(
            "UPDATE events SET mentions = ?2, sources = ?3, articles = ?4, first_seen = ?5,
                last_seen = ?6, first_mention = ?7, source_country = ?8, target_country = ?9,
                quad = ?10, goldstein = ?11, plover = ?12, location = ?15, loc_country = ?16,
                loc_adm1 = ?17, loc_lat = ?18, loc_lon = ?19, loc_feature = ?20,
                loc_precision = ?21, loc_how = ?22
             WHERE id = ?1 AND date = ?13 AND date_end IS ?14",
        )?
        .execute(params![
            id,
            parts.len() as i64,
            outlets.len() as i64,
            articles.len() as i64,
            published.clone().min(),
            published.clone().max(),
            first_id,
            m0.source_country,
            m0.target_country,
            m0.quad,
            m0.goldstein,
            m0.plover,
            date,
            date_end,
            place.map(|l| &l.name),
            place.map(|l| &l.country),
            place.and_then(|l| l.adm1.as_ref()),
            place.map(|l| l.lat),
            place.map(|l| l.lon),
            place.and_then(|l| l.feature.as_ref()),
            place.map(|l| &l.precision),
            place.map(|l| &l.how),
        ])?
    };
    if updated > 0 {
        return Ok(m0.root);
    }
    tx.prepare_cached(&format!(
        "{EVENT_INSERT} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
            ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)"
    ))?
    .execute(params![
        id,
        date,
        date_end,
        m0.source,
        m0.source_country,
        m0.target,
        m0.target_country,
        m0.cameo,
        m0.root,
        m0.quad,
        m0.goldstein,
        m0.plover,
        m0.mode,
        m0.shown,
        place.map(|l| &l.name),
        parts.len() as i64,
        outlets.len() as i64,
        articles.len() as i64,
        published.clone().min(),
        published.max(),
        first_id,
        place.map(|l| &l.country),
        place.and_then(|l| l.adm1.as_ref()),
        place.map(|l| l.lat),
        place.map(|l| l.lon),
        place.and_then(|l| l.feature.as_ref()),
        place.map(|l| &l.precision),
        place.map(|l| &l.how),
    ])?;
    Ok(m0.root)
}

/// Recomputes every mention's event under `rule` and rebuilds the events table.
fn rebuild_events(tx: &Transaction<'_>, rule: MergeRule) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String, MentionIn)> = tx
        .prepare(
            "SELECT m.id, d.id, m.mode, m.source, m.target, m.cameo, m.date,
                    m.date_end, m.sentence, m.ordinal
             FROM mentions m JOIN documents d ON d.num = m.doc",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                MentionIn {
                    mode: r.get(2)?,
                    source: r.get(3)?,
                    target: r.get(4)?,
                    cameo: r.get(5)?,
                    date: r.get(6)?,
                    date_end: r.get(7)?,
                    sentence: r.get(8)?,
                    ordinal: r.get(9)?,
                    ..MentionIn::key_only()
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut upd = tx.prepare("UPDATE mentions SET event = ?2 WHERE id = ?1")?;
    for (id, doc, m) in &rows {
        upd.execute(params![id, rule.event_id(doc, m)])?;
    }
    tx.execute("DELETE FROM events", [])?;
    let events: Vec<i64> = tx
        .prepare("SELECT DISTINCT event FROM mentions")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in events {
        recompute_event(tx, id)?;
    }
    Ok(())
}

/// The place stored in the eight columns from `at` (`location`, then the `loc_*`
/// columns of [`crate::schema::PLACE_COLUMNS`]), none when the name is null.
pub(crate) fn place_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Option<Place>> {
    let Some(name) = r.get::<_, Option<String>>(at)? else {
        return Ok(None);
    };
    Ok(Some(Place {
        name,
        country: r.get::<_, Option<String>>(at + 1)?.unwrap_or_default(),
        adm1: r.get(at + 2)?,
        lat: r.get::<_, Option<f64>>(at + 3)?.unwrap_or_default(),
        lon: r.get::<_, Option<f64>>(at + 4)?.unwrap_or_default(),
        feature: r.get(at + 5)?,
        precision: r.get::<_, Option<String>>(at + 6)?.unwrap_or_default(),
        how: r.get::<_, Option<String>>(at + 7)?.unwrap_or_default(),
    }))
}
