//! Writing: one transaction per batch of coded documents. A document with the same
//! id and content is skipped by its hash; one with new content (or, when re-coding,
//! new dictionaries) has its sentences and mentions replaced, and every event it
//! touched (before or after) is recomputed from its mentions, all in the same
//! transaction, so a kill at any moment leaves the store as it was before the batch
//! or after it.

use crate::merge::{MergeRule, stable_id};
use crate::record::{CodedDocument, MentionIn};
use crate::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::{BTreeMap, HashMap};

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

/// The event columns computed from the mentions of `m.event` (and their documents).
/// Columns that are part of the merge key are equal in every mention of an event;
/// dates, counts and the first mention are order-independent aggregates.
const EVENT_SELECT: &str = "
    SELECT m.event, min(m.date), max(m.date_end), m.source, m.source_country, m.target,
           m.target_country, m.cameo, m.root, m.quad, m.goldstein, m.plover, m.mode, m.shown,
           m.location, count(*), count(DISTINCT coalesce(d.outlet, d.id)),
           count(DISTINCT m.doc), min(d.published), max(d.published),
           (SELECT m2.id FROM mentions m2 JOIN documents d2 ON d2.num = m2.doc
             WHERE m2.event = m.event
             ORDER BY coalesce(d2.published, ''), d2.id, m2.sentence, m2.ordinal LIMIT 1)
    FROM mentions m JOIN documents d ON d.num = m.doc";

const EVENT_INSERT: &str = "
    INSERT INTO events (id, date, date_end, source, source_country, target, target_country,
        cameo, root, quad, goldstein, plover, mode, shown, location, mentions, sources,
        articles, first_seen, last_seen, first_mention)";

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
        for cd in docs {
            write_document(&tx, rule, cd, mode, &mut report, &mut touched).map_err(|e| {
                if is_constraint(&e) {
                    StoreError::Collision(cd.doc.id.clone(), path.clone())
                } else {
                    err(e)
                }
            })?;
        }
        recompute_events(&tx, &touched, &mut report).map_err(err)?;
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

fn write_document(
    tx: &Transaction<'_>,
    rule: MergeRule,
    cd: &CodedDocument,
    mode: WriteMode,
    report: &mut BatchReport,
    touched: &mut Touched,
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
            remove_document_rows(tx, *num, &mut old, touched)?;
            update_document(tx, *num, cd)?;
            *num
        }
        (None, WriteMode::Ingest) => {
            report.new += 1;
            insert_document(tx, cd)?
        }
    };
    let sent_ids = insert_sentences(tx, num, cd)?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO mentions (id, doc, sentence, ordinal, sent, event, date, date_end,
            date_precision, date_text, source, source_country, source_start, source_end,
            target, target_country, target_start, target_end, trigger_start, trigger_end,
            cameo, root, quad, goldstein, plover, plover_mode, mode, shown, is_primary, quote,
            grp, rule, confidence, location)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)",
    )?;
    for m in &cd.mentions {
        let id = stable_id(&format!("{}-{}-{}", cd.doc.id, m.sentence, m.ordinal));
        let event = rule.event_id(&cd.doc.id, m);
        touch(tx, touched, event)?;
        let sent = sent_ids.get(&m.sentence).copied().unwrap_or(0);
        ins.execute(params![
            id,
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
            m.location,
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
    report: &mut BatchReport,
) -> rusqlite::Result<()> {
    let mut ids: Vec<(&i64, &Option<u8>)> = touched.iter().collect();
    ids.sort();
    let mut del = tx.prepare_cached("DELETE FROM events WHERE id = ?1")?;
    let mut ins = tx.prepare_cached(&format!(
        "{EVENT_INSERT} {EVENT_SELECT} WHERE m.event = ?1 GROUP BY m.event"
    ))?;
    for (id, before) in ids {
        del.execute([id])?;
        let after = ins.execute([id])? > 0;
        match (before, after) {
            (None, true) => {
                let root: u8 = tx
                    .prepare_cached("SELECT root FROM events WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))?;
                report.by_root.entry(root).or_default().events_added += 1;
            }
            (Some(root), false) => report.by_root.entry(*root).or_default().events_removed += 1,
            _ => {}
        }
    }
    Ok(())
}

/// Recomputes every mention's event under `rule` and rebuilds the events table.
fn rebuild_events(tx: &Transaction<'_>, rule: MergeRule) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String, MentionIn)> = tx
        .prepare(
            "SELECT m.id, d.id, m.mode, m.source, m.target, m.cameo, m.location, m.date,
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
                    location: r.get(6)?,
                    date: r.get(7)?,
                    date_end: r.get(8)?,
                    sentence: r.get(9)?,
                    ordinal: r.get(10)?,
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
    tx.execute(
        &format!("{EVENT_INSERT} {EVENT_SELECT} GROUP BY m.event"),
        [],
    )?;
    Ok(())
}
