//! Storage: the only module that speaks SQL.
//!
//! One SQLite file (WAL mode) holds the sources and their schedule, every
//! version of every article, the facts already known, and the outbox of alerts
//! and deliveries. The schema comes from the numbered files in `migrations/`,
//! applied at open by `user_version` in one transaction. Anything that must
//! change together (a version, the facts it introduces, its alerts and their
//! deliveries) changes in one transaction, so a crash never leaves half a pass.
//!
//! This module knows rows, not HTTP, HTML or mail.

mod migrations;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::config::{SourceConfig, SourceKind};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("cannot create database directory {path}: {source}")]
    CreateDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);
    };
}
id_type!(SourceId);
id_type!(ArticleId);
id_type!(VersionId);
id_type!(AlertId);

/// Seconds since the Unix epoch; the store's only notion of time.
pub type Timestamp = i64;

#[derive(Debug, Clone)]
pub struct SourceRow {
    pub id: SourceId,
    pub name: String,
    pub url: String,
    pub kind: SourceKind,
    pub active: bool,
    pub baseline_done: bool,
    pub next_check_at: Timestamp,
    pub last_checked_at: Option<Timestamp>,
    pub last_success_at: Option<Timestamp>,
    pub last_error: Option<String>,
    pub consecutive_failures: u32,
    pub last_new_article_at: Option<Timestamp>,
    pub thin_body_streak: u32,
    /// The health problem last reported to the operator, if unresolved.
    pub reported_problem: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub source_id: SourceId,
    pub url: String,
    pub first_seen_at: Timestamp,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone)]
pub struct VersionRow {
    pub id: VersionId,
    pub fetched_at: Timestamp,
    pub content_hash: String,
    pub title: Option<String>,
    pub text: String,
}

/// A version about to be stored.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    pub article: ArticleId,
    pub content_hash: &'a str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub canonical_url: Option<&'a str>,
    pub text: &'a str,
}

/// A fact, as identified for novelty.
#[derive(Debug, Clone)]
pub enum Fact {
    Country {
        code: String,
        name: String,
    },
    Quote {
        key: String,
        quote: String,
        speaker: Option<String>,
    },
}

/// A fact found in a version's added text, before novelty is decided.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub fact: Fact,
    pub evidence: String,
    /// What the added text replaced in the previous version, if anything.
    pub replaced: Option<String>,
    /// Who is to be told, should the fact turn out to be new.
    pub recipients: Vec<String>,
}

/// Whether new facts become alerts (after a source's baseline) or are only
/// recorded as known (during it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Novelty {
    Alert,
    RecordOnly,
}

#[derive(Debug, Clone)]
pub struct SavedVersion {
    pub version: VersionId,
    pub new_facts: usize,
    pub alerts: Vec<AlertId>,
}

/// An alert joined with where it was found, as reported to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRow {
    pub id: AlertId,
    pub kind: String,
    pub country: Option<String>,
    pub country_code: Option<String>,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    pub source: String,
    pub url: String,
    pub title: Option<String>,
    pub evidence: String,
    pub replaced: Option<String>,
    pub created_at: Timestamp,
}

/// Pending alerts for one recipient, oldest first.
#[derive(Debug, Clone)]
pub struct PendingMail {
    pub recipient: String,
    pub alerts: Vec<AlertRow>,
}

pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed, with parent directories) and migrates the database.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_owned(),
                source,
            })?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (every
        // multi-statement change is a transaction), so a poisoned lock is usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the sources table match the config: new sources are added due
    /// now, changed ones updated, removed ones deactivated (history kept).
    pub fn sync_sources(&self, sources: &[SourceConfig], now: Timestamp) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("UPDATE sources SET active = 0", [])?;
        for source in sources.iter().filter(|s| s.enabled) {
            tx.execute(
                "INSERT INTO sources (name, url, kind, active, next_check_at)
                 VALUES (?1, ?2, ?3, 1, ?4)
                 ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind, active = 1",
                params![source.name, source.url.as_str(), kind_str(source.kind), now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn sources(&self) -> Result<Vec<SourceRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, name, url, kind, active, baseline_done, next_check_at, last_checked_at,
                    last_success_at, last_error, consecutive_failures, last_new_article_at,
                    thin_body_streak, reported_problem
             FROM sources ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceRow {
                id: SourceId(r.get(0)?),
                name: r.get(1)?,
                url: r.get(2)?,
                kind: parse_kind(&r.get::<_, String>(3)?),
                active: r.get(4)?,
                baseline_done: r.get(5)?,
                next_check_at: r.get(6)?,
                last_checked_at: r.get(7)?,
                last_success_at: r.get(8)?,
                last_error: r.get(9)?,
                consecutive_failures: r.get(10)?,
                last_new_article_at: r.get(11)?,
                thin_body_streak: r.get(12)?,
                reported_problem: r.get(13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn record_source_success(
        &self,
        id: SourceId,
        now: Timestamp,
        next: Timestamp,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE sources SET last_checked_at = ?2, last_success_at = ?2, last_error = NULL,
                    consecutive_failures = 0, next_check_at = ?3, baseline_done = 1
             WHERE id = ?1",
            params![id.0, now, next],
        )?;
        Ok(())
    }

    pub fn record_source_failure(
        &self,
        id: SourceId,
        now: Timestamp,
        error: &str,
        next: Timestamp,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE sources SET last_checked_at = ?2, last_error = ?3,
                    consecutive_failures = consecutive_failures + 1, next_check_at = ?4
             WHERE id = ?1",
            params![id.0, now, error, next],
        )?;
        Ok(())
    }

    /// Notes the bodies one pass extracted for a source: a pass with only
    /// empty or tiny bodies lengthens the streak, any good body ends it.
    pub fn record_body_sizes(&self, id: SourceId, only_thin: bool) -> Result<()> {
        let sql = if only_thin {
            "UPDATE sources SET thin_body_streak = thin_body_streak + 1 WHERE id = ?1"
        } else {
            "UPDATE sources SET thin_body_streak = 0 WHERE id = ?1"
        };
        self.conn().execute(sql, [id.0])?;
        Ok(())
    }

    /// Notes that a listing or feed yielded an article not seen before.
    pub fn record_new_article(&self, id: SourceId, now: Timestamp) -> Result<()> {
        self.conn().execute(
            "UPDATE sources SET last_new_article_at = ?2 WHERE id = ?1",
            params![id.0, now],
        )?;
        Ok(())
    }

    /// Remembers which health problem the operator was last told about.
    pub fn set_reported_problem(&self, id: SourceId, problem: Option<&str>) -> Result<()> {
        self.conn().execute(
            "UPDATE sources SET reported_problem = ?2 WHERE id = ?1",
            params![id.0, problem],
        )?;
        Ok(())
    }

    /// The earliest time anything is due: an active source or a tracked
    /// article of one.
    pub fn next_due(&self) -> Result<Option<Timestamp>> {
        Ok(self.conn().query_row(
            "SELECT min(t) FROM (
                 SELECT min(next_check_at) AS t FROM sources WHERE active = 1
                 UNION ALL
                 SELECT min(a.next_check_at) FROM articles a JOIN sources s ON s.id = a.source_id
                 WHERE a.retired = 0 AND s.active = 1 AND s.kind != 'article')",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn article_by_url(&self, url: &str) -> Result<Option<ArticleRow>> {
        Ok(self
            .conn()
            .query_row(
                &format!("{ARTICLE_SELECT} WHERE url = ?1"),
                [url],
                article_row,
            )
            .optional()?)
    }

    /// Returns the article for `url`, creating it (first seen now, owned by
    /// `source`) when it is new. The flag says whether it was created.
    pub fn upsert_article(
        &self,
        source: SourceId,
        url: &str,
        now: Timestamp,
    ) -> Result<(ArticleRow, bool)> {
        let conn = self.conn();
        let created = conn.execute(
            "INSERT INTO articles (source_id, url, first_seen_at, next_check_at)
             VALUES (?1, ?2, ?3, ?3) ON CONFLICT (url) DO NOTHING",
            params![source.0, url, now],
        )? == 1;
        let row = conn.query_row(
            &format!("{ARTICLE_SELECT} WHERE url = ?1"),
            [url],
            article_row,
        )?;
        Ok((row, created))
    }

    /// Tracked articles of `source` whose re-check is due, oldest-due first.
    pub fn due_articles(
        &self,
        source: SourceId,
        now: Timestamp,
        limit: usize,
    ) -> Result<Vec<ArticleRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "{ARTICLE_SELECT} WHERE source_id = ?1 AND retired = 0 AND next_check_at <= ?2
             ORDER BY next_check_at LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![source.0, now, i64::try_from(limit).unwrap_or(i64::MAX)],
            article_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets when the article is next re-checked, or retires it (history kept).
    pub fn schedule_article(&self, id: ArticleId, next: Option<Timestamp>) -> Result<()> {
        match next {
            Some(next) => self.conn().execute(
                "UPDATE articles SET next_check_at = ?2 WHERE id = ?1",
                params![id.0, next],
            )?,
            None => self
                .conn()
                .execute("UPDATE articles SET retired = 1 WHERE id = ?1", [id.0])?,
        };
        Ok(())
    }

    /// Remembers the HTTP validators for conditional requests.
    pub fn set_validators(
        &self,
        id: ArticleId,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE articles SET etag = ?2, last_modified = ?3 WHERE id = ?1",
            params![id.0, etag, last_modified],
        )?;
        Ok(())
    }

    pub fn latest_version(&self, article: ArticleId) -> Result<Option<VersionRow>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, fetched_at, content_hash, title, text FROM versions
                 WHERE article_id = ?1 ORDER BY id DESC LIMIT 1",
                [article.0],
                |r| {
                    Ok(VersionRow {
                        id: VersionId(r.get(0)?),
                        fetched_at: r.get(1)?,
                        content_hash: r.get(2)?,
                        title: r.get(3)?,
                        text: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Stores a new version together with the facts it makes known and, when
    /// `novelty` says so, their alerts and one pending delivery per recipient:
    /// all in one transaction.
    pub fn save_version(
        &self,
        version: &NewVersion,
        candidates: &[Candidate],
        novelty: Novelty,
        now: Timestamp,
    ) -> Result<SavedVersion> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO versions (article_id, fetched_at, content_hash, title, byline, published,
                                   canonical_url, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                version.article.0,
                now,
                version.content_hash,
                version.title,
                version.byline,
                version.published,
                version.canonical_url,
                version.text
            ],
        )?;
        let version_id = VersionId(tx.last_insert_rowid());
        let mut saved = SavedVersion {
            version: version_id,
            new_facts: 0,
            alerts: Vec::new(),
        };
        for candidate in candidates {
            if !record_if_new(&tx, candidate, version_id, now)? {
                continue;
            }
            saved.new_facts += 1;
            if novelty == Novelty::Alert {
                let alert = insert_alert(&tx, candidate, version_id, now)?;
                for recipient in &candidate.recipients {
                    tx.execute(
                        "INSERT INTO deliveries (alert_id, recipient) VALUES (?1, ?2)",
                        params![alert.0, recipient],
                    )?;
                }
                saved.alerts.push(alert);
            }
        }
        tx.commit()?;
        Ok(saved)
    }

    /// Every alert so far, oldest first.
    pub fn alerts(&self) -> Result<Vec<AlertRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!("{ALERT_SELECT} ORDER BY a.id"))?;
        let rows = stmt.query_map([], alert_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pending deliveries whose next attempt has come, grouped by recipient,
    /// recipients in order of their oldest pending alert.
    pub fn pending_mail(&self, now: Timestamp) -> Result<Vec<PendingMail>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT d.recipient, x.* FROM deliveries d
             JOIN ({ALERT_SELECT}) x ON x.id = d.alert_id
             WHERE d.status = 'pending' AND d.next_attempt_at <= ?1
             ORDER BY d.recipient, d.alert_id"
        ))?;
        let mut mails: Vec<PendingMail> = Vec::new();
        let mut rows = stmt.query([now])?;
        while let Some(row) = rows.next()? {
            let recipient: String = row.get(0)?;
            let alert = alert_row_at(row, 1)?;
            match mails.last_mut() {
                Some(mail) if mail.recipient == recipient => mail.alerts.push(alert),
                _ => mails.push(PendingMail {
                    recipient,
                    alerts: vec![alert],
                }),
            }
        }
        mails.sort_by_key(|m| m.alerts[0].id);
        Ok(mails)
    }

    /// Marks deliveries sent, after the mail server accepted the message.
    pub fn mark_sent(&self, recipient: &str, alerts: &[AlertId], now: Timestamp) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for alert in alerts {
            tx.execute(
                "UPDATE deliveries SET status = 'sent', sent_at = ?3, attempts = attempts + 1,
                        last_error = NULL
                 WHERE alert_id = ?1 AND recipient = ?2 AND status = 'pending'",
                params![alert.0, recipient, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records a failed attempt. A permanent failure stops retries for that
    /// recipient; a transient one leaves the delivery pending until `retry_at`.
    pub fn mark_failed(
        &self,
        recipient: &str,
        alerts: &[AlertId],
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<()> {
        let status = if retry_at.is_some() {
            "pending"
        } else {
            "dead"
        };
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for alert in alerts {
            tx.execute(
                "UPDATE deliveries SET status = ?4, attempts = attempts + 1, last_error = ?3,
                        next_attempt_at = ?5
                 WHERE alert_id = ?1 AND recipient = ?2 AND status = 'pending'",
                params![alert.0, recipient, error, status, retry_at.unwrap_or(0)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// How many attempts the most-tried pending delivery of `recipient` has had.
    pub fn delivery_attempts(&self, recipient: &str) -> Result<u32> {
        Ok(self.conn().query_row(
            "SELECT coalesce(max(attempts), 0) FROM deliveries
             WHERE recipient = ?1 AND status = 'pending'",
            [recipient],
            |r| r.get(0),
        )?)
    }

    /// Deliveries by status: (pending, sent, dead).
    pub fn delivery_counts(&self) -> Result<(i64, i64, i64)> {
        Ok(self.conn().query_row(
            "SELECT count(*) FILTER (WHERE status = 'pending'),
                    count(*) FILTER (WHERE status = 'sent'),
                    count(*) FILTER (WHERE status = 'dead')
             FROM deliveries",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    }

    /// A trivial read that proves the database file answers (for `/healthz`).
    pub fn ping(&self) -> Result<()> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM sources", [], |_| Ok(()))?)
    }

    /// The validators last seen on a listing's or feed's page at `url`, as
    /// (ETag, Last-Modified); none when they were for another URL.
    pub fn source_validators(
        &self,
        id: SourceId,
        url: &str,
    ) -> Result<(Option<String>, Option<String>)> {
        Ok(self
            .conn()
            .query_row(
                "SELECT etag, last_modified FROM sources WHERE id = ?1 AND validated_url = ?2",
                params![id.0, url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Remembers (or, with `None`s, forgets) a source page's validators.
    pub fn set_source_validators(
        &self,
        id: SourceId,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE sources SET etag = ?3, last_modified = ?4, validated_url = ?2 WHERE id = ?1",
            params![id.0, url, etag, last_modified],
        )?;
        Ok(())
    }

    pub fn count_versions(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM versions", [], |r| r.get(0))?)
    }
}

/// A stored version with its article, for `history` and `diff`.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    pub id: VersionId,
    pub fetched_at: Timestamp,
    pub content_hash: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub text: String,
}

/// A known country, where and when it was first reported.
#[derive(Debug, Clone)]
pub struct KnownCountry {
    pub code: String,
    pub name: String,
    pub first_seen_at: Timestamp,
    pub source: String,
    pub url: String,
    pub evidence: String,
}

/// A known quote, where and when it was first reported.
#[derive(Debug, Clone)]
pub struct KnownQuote {
    pub quote: String,
    pub speaker: Option<String>,
    pub first_seen_at: Timestamp,
    pub source: String,
    pub url: String,
}

impl Store {
    /// Every version of the article at `url` (canonical), oldest first.
    pub fn versions(&self, url: &str) -> Result<Vec<VersionInfo>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT v.id, v.fetched_at, v.content_hash, v.title, v.published, v.text
             FROM versions v JOIN articles a ON a.id = v.article_id
             WHERE a.url = ?1 ORDER BY v.id",
        )?;
        let rows = stmt.query_map([url], |r| {
            Ok(VersionInfo {
                id: VersionId(r.get(0)?),
                fetched_at: r.get(1)?,
                content_hash: r.get(2)?,
                title: r.get(3)?,
                published: r.get(4)?,
                text: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn known_countries(&self) -> Result<Vec<KnownCountry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT k.code, k.name, k.first_seen_at, s.name, a.url, k.evidence
             FROM known_countries k
             JOIN versions v ON v.id = k.first_version_id
             JOIN articles a ON a.id = v.article_id
             JOIN sources s ON s.id = a.source_id
             ORDER BY k.first_seen_at, k.code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KnownCountry {
                code: r.get(0)?,
                name: r.get(1)?,
                first_seen_at: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
                evidence: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn known_quotes(&self) -> Result<Vec<KnownQuote>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT k.quote, k.speaker, k.first_seen_at, s.name, a.url
             FROM known_quotes k
             JOIN versions v ON v.id = k.first_version_id
             JOIN articles a ON a.id = v.article_id
             JOIN sources s ON s.id = a.source_id
             ORDER BY k.first_seen_at, k.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KnownQuote {
                quote: r.get(0)?,
                speaker: r.get(1)?,
                first_seen_at: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a consistent copy of the database to `path` (which must not
    /// exist) while other connections keep reading and writing.
    pub fn backup(&self, path: &Path) -> Result<()> {
        let target = path.to_str().ok_or_else(|| StoreError::CreateDir {
            path: path.to_owned(),
            source: std::io::Error::other("backup path is not valid UTF-8"),
        })?;
        self.conn().execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }
}

const ALERT_SELECT: &str = "SELECT a.id, a.kind, a.country, a.country_code, a.quote, a.speaker,
        s.name, ar.url, v.title, a.evidence, a.replaced, a.created_at
     FROM alerts a
     JOIN versions v ON v.id = a.version_id
     JOIN articles ar ON ar.id = v.article_id
     JOIN sources s ON s.id = ar.source_id";

fn alert_row(r: &rusqlite::Row) -> rusqlite::Result<AlertRow> {
    alert_row_at(r, 0)
}

fn alert_row_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<AlertRow> {
    Ok(AlertRow {
        id: AlertId(r.get(at)?),
        kind: r.get(at + 1)?,
        country: r.get(at + 2)?,
        country_code: r.get(at + 3)?,
        quote: r.get(at + 4)?,
        speaker: r.get(at + 5)?,
        source: r.get(at + 6)?,
        url: r.get(at + 7)?,
        title: r.get(at + 8)?,
        evidence: r.get(at + 9)?,
        replaced: r.get(at + 10)?,
        created_at: r.get(at + 11)?,
    })
}

/// The columns `article_row` reads, in its order.
const ARTICLE_SELECT: &str =
    "SELECT id, source_id, url, first_seen_at, etag, last_modified FROM articles";

fn article_row(r: &rusqlite::Row) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: ArticleId(r.get(0)?),
        source_id: SourceId(r.get(1)?),
        url: r.get(2)?,
        first_seen_at: r.get(3)?,
        etag: r.get(4)?,
        last_modified: r.get(5)?,
    })
}

/// Adds the fact to what is known and says whether it was new. A quote is
/// known when its key contains, or is contained in, a known key: a trimmed
/// quote is the same quote.
fn record_if_new(
    tx: &Transaction,
    candidate: &Candidate,
    version: VersionId,
    now: Timestamp,
) -> Result<bool> {
    let inserted = match &candidate.fact {
        Fact::Country { code, name } => tx.execute(
            "INSERT INTO known_countries (code, name, first_version_id, evidence, first_seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO NOTHING",
            params![code, name, version.0, candidate.evidence, now],
        )?,
        Fact::Quote {
            key,
            quote,
            speaker,
        } => {
            if key.is_empty() {
                return Ok(false);
            }
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM known_quotes
                                WHERE instr(quote_key, ?1) > 0 OR instr(?1, quote_key) > 0)",
                [key],
                |r| r.get(0),
            )?;
            if known {
                0
            } else {
                tx.execute(
                    "INSERT INTO known_quotes (quote_key, quote, speaker, first_version_id, first_seen_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![key, quote, speaker, version.0, now],
                )?
            }
        }
    };
    Ok(inserted == 1)
}

fn insert_alert(
    tx: &Transaction,
    candidate: &Candidate,
    version: VersionId,
    now: Timestamp,
) -> Result<AlertId> {
    let (kind, country, code, quote, speaker) = match &candidate.fact {
        Fact::Country { code, name } => ("country", Some(name), Some(code), None, None),
        Fact::Quote { quote, speaker, .. } => ("quote", None, None, Some(quote), speaker.as_ref()),
    };
    tx.execute(
        "INSERT INTO alerts (kind, country, country_code, quote, speaker, version_id, evidence,
                             replaced, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            kind,
            country,
            code,
            quote,
            speaker,
            version.0,
            candidate.evidence,
            candidate.replaced,
            now
        ],
    )?;
    Ok(AlertId(tx.last_insert_rowid()))
}

fn kind_str(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::Listing => "listing",
        SourceKind::Feed => "feed",
    }
}

fn parse_kind(kind: &str) -> SourceKind {
    match kind {
        "listing" => SourceKind::Listing,
        "feed" => SourceKind::Feed,
        _ => SourceKind::Article,
    }
}
