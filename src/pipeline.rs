//! The pipeline: the one place where the stages meet.
//!
//! `schedule -> fetch -> discover -> extract -> store -> diff -> detect -> notify`
//!
//! A pass checks sources (all of them for `check`, the due ones for `run`),
//! follows the articles they list, stores each changed body as a version,
//! keeps the facts that the change adds and that nobody reported before, and
//! then delivers pending mail. A failing source is logged and recorded and
//! never stops the pass. Stages talk only through their typed interfaces; this
//! module holds no SQL, no HTML handling and no mail formatting of its own.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use scraper::Selector;
use sha2::{Digest, Sha256};
use tokio::sync::watch;
use url::Url;

use crate::config::{self, AlertKind, Config, SourceConfig, SourceKind};
use crate::discover::{self, DiscoverError};
use crate::extract::{self, ExtractOptions};
use crate::fetch::{FetchError, Fetched, Fetcher, Page, Validators};
use crate::notify::{DeliveryReport, Notifier, NotifyError, Retry};
use crate::status::Metrics;
use crate::store::{ArticleRow, Candidate, Fact, Novelty, SourceRow, Store, StoreError, Timestamp};
use crate::{detect, diff, health, schedule};

/// The daemon never sleeps longer than this, so pending mail is retried
/// promptly after an SMTP outage even when no source is due.
const MAX_IDLE: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Notify(#[from] NotifyError),
    #[error("source {source_name}: invalid selector: {message}")]
    Selector {
        source_name: String,
        message: String,
    },
}

/// Why one source (or one of its articles) failed.
#[derive(Debug, thiserror::Error)]
enum SourceError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Discover(#[from] DiscoverError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Which sources a pass checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Those whose next check time has come (the daemon).
    Due,
    /// Every active source and every tracked article, now (`check`).
    All,
}

/// What a pass did, for the summary log line and the caller.
#[derive(Debug, Default, Clone)]
pub struct PassReport {
    pub sources_checked: usize,
    pub sources_failed: usize,
    pub pages_fetched: usize,
    pub not_modified: usize,
    pub new_versions: usize,
    pub facts_recorded: usize,
    pub alerts: usize,
    pub delivery: DeliveryReport,
    pub duration: Duration,
}

impl PassReport {
    fn add(&mut self, tally: &SourceTally) {
        self.pages_fetched += tally.pages_fetched;
        self.not_modified += tally.not_modified;
        self.new_versions += tally.new_versions;
        self.facts_recorded += tally.facts_recorded;
        self.alerts += tally.alerts;
    }
}

#[derive(Debug, Default)]
struct SourceTally {
    new_articles: usize,
    good_bodies: usize,
    thin_bodies: usize,
    pages_fetched: usize,
    not_modified: usize,
    new_versions: usize,
    facts_recorded: usize,
    alerts: usize,
}

/// Told how a pass progresses, e.g. to draw a progress bar.
pub trait PassObserver: Send + Sync {
    fn pass_started(&self, sources: usize);
    fn source_finished(&self, name: &str, ok: bool);
    fn pass_finished(&self);
}

pub struct Pipeline {
    observer: Option<Box<dyn PassObserver>>,
    config: Config,
    store: Store,
    fetcher: Fetcher,
    notifier: Notifier,
    selectors: HashMap<String, Selector>,
    metrics: Arc<Metrics>,
}

pub fn now() -> Timestamp {
    chrono::Utc::now().timestamp()
}

impl Pipeline {
    /// Opens the database, mirrors the configured sources into it and sets up
    /// the fetcher and the mail transport. `watch` names this installation in
    /// mail footers.
    pub fn new(config: Config, watch: &str) -> Result<Self, PipelineError> {
        let store = Store::open(&config.storage.path)?;
        store.sync_sources(&config.sources, now())?;
        let fetcher = Fetcher::new(&config.http)?;
        let notifier = Notifier::new(&config.email, &config.subscribers, watch)?;
        let mut selectors = HashMap::new();
        for source in &config.sources {
            if let Some(css) = &source.selector {
                let selector =
                    extract::parse_selector(css).map_err(|message| PipelineError::Selector {
                        source_name: source.name.clone(),
                        message,
                    })?;
                selectors.insert(source.name.clone(), selector);
            }
        }
        Ok(Self {
            observer: None,
            config,
            store,
            fetcher,
            notifier,
            selectors,
            metrics: Arc::new(Metrics::new()),
        })
    }

    pub fn with_observer(mut self, observer: Box<dyn PassObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What this pipeline has done, for the status endpoint.
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// One pass: check sources in `scope`, then deliver pending mail. Once
    /// `shutdown` turns true no new source or article is started; the ones in
    /// flight finish and are committed.
    pub async fn pass(
        &self,
        scope: Scope,
        shutdown: &watch::Receiver<bool>,
    ) -> Result<PassReport, PipelineError> {
        let started = Instant::now();
        let started_at = now();
        let (due, waiting): (Vec<SourceRow>, Vec<SourceRow>) = self
            .store
            .sources()?
            .into_iter()
            .filter(|s| s.active)
            .partition(|s| scope == Scope::All || s.next_check_at <= started_at);
        let budget = AtomicUsize::new(self.config.tracking.recheck_budget);
        if let Some(observer) = &self.observer {
            observer.pass_started(due.len());
        }
        let outcomes: Vec<(SourceRow, Result<SourceTally, SourceError>)> =
            futures_util::stream::iter(due)
                .map(|source| async {
                    let outcome = self.check_source(&source, scope, &budget, shutdown).await;
                    if let Some(observer) = &self.observer {
                        observer.source_finished(&source.name, outcome.is_ok());
                    }
                    (source, outcome)
                })
                // All due sources at once: the fetcher bounds the requests in
                // flight (http.concurrency) and gives each host one at a time,
                // so a host that hangs delays only its own sources.
                .buffer_unordered(usize::MAX)
                .collect()
                .await;
        let mut report = PassReport::default();
        let checked: HashSet<i64> = outcomes.iter().map(|(s, _)| s.id.0).collect();
        // Sources that are not due may still own articles due on their age
        // tier; their own schedule and health stay untouched.
        let budget = &budget;
        let rechecks: Vec<SourceTally> = futures_util::stream::iter(&waiting)
            .filter(|s| std::future::ready(s.kind != SourceKind::Article))
            .map(|source| async move {
                let mut tally = SourceTally::default();
                let skip = HashSet::new();
                let rechecked = self
                    .recheck_articles(source, &skip, now(), budget, shutdown, &mut tally)
                    .await;
                if let Err(error) = rechecked {
                    tracing::warn!(source = %source.name, %error, "article re-checks failed");
                }
                tally
            })
            .buffer_unordered(usize::MAX)
            .collect()
            .await;
        for tally in &rechecks {
            report.add(tally);
        }
        for (source, outcome) in outcomes {
            let interval = self
                .source_config(&source.name)
                .map_or(config::default_interval(), |s| s.interval);
            let at = now();
            report.sources_checked += 1;
            match outcome {
                Ok(tally) => {
                    self.store.record_source_success(
                        source.id,
                        at,
                        schedule::next_after_success(at, interval),
                    )?;
                    if tally.new_articles > 0 {
                        self.store.record_new_article(source.id, at)?;
                    }
                    tracing::info!(
                        source = %source.name,
                        fetched = tally.pages_fetched,
                        new_versions = tally.new_versions,
                        alerts = tally.alerts,
                        "source checked"
                    );
                    if tally.good_bodies + tally.thin_bodies > 0 {
                        self.store
                            .record_body_sizes(source.id, tally.good_bodies == 0)?;
                    }
                    report.add(&tally);
                }
                Err(error) => {
                    report.sources_failed += 1;
                    let failures = source.consecutive_failures + 1;
                    tracing::warn!(source = %source.name, %error, failures, "source failed");
                    self.store.record_source_failure(
                        source.id,
                        at,
                        &error.to_string(),
                        schedule::next_after_failure(at, interval, failures),
                    )?;
                }
            }
        }
        if let Some(observer) = &self.observer {
            observer.pass_finished();
        }
        self.report_health(&checked).await?;
        let retry = match scope {
            Scope::Due => Retry::WhenDue,
            Scope::All => Retry::Now,
        };
        report.delivery = self
            .notifier
            .deliver_pending(&self.store, now(), retry)
            .await?;
        report.duration = started.elapsed();
        self.metrics.pass_finished(&report);
        tracing::info!(
            sources = report.sources_checked,
            failed = report.sources_failed,
            fetched = report.pages_fetched,
            unchanged = report.not_modified,
            new_versions = report.new_versions,
            alerts = report.alerts,
            mails_sent = report.delivery.mails_sent,
            mails_failed = report.delivery.mails_failed,
            duration_ms = report.duration.as_millis() as u64,
            "pass finished"
        );
        Ok(report)
    }

    /// Mails the operator when a checked source's health changes: once when a
    /// problem starts, once when it ends. Without an operator address the
    /// change is only logged and remembered.
    async fn report_health(&self, checked: &HashSet<i64>) -> Result<(), PipelineError> {
        let at = now();
        for source in self.store.sources()? {
            if !checked.contains(&source.id.0) {
                continue;
            }
            let problem = health::assess(&source, at, &self.config.health);
            let key = problem.as_ref().map(health::Problem::key);
            if key == source.reported_problem.as_deref() {
                continue;
            }
            let (subject, body) = match &problem {
                Some(problem) => problem.describe(&source.name),
                None => (
                    format!("pactwatch: source {} recovered", source.name),
                    format!(
                        "Source {} is healthy again (it was: {}).",
                        source.name,
                        source.reported_problem.as_deref().unwrap_or("unknown")
                    ),
                ),
            };
            tracing::warn!(source = %source.name, %subject, "source health changed");
            if let Some(operator) = &self.config.email.operator
                && let Err(error) = self.notifier.send_operator(operator, &subject, &body).await
            {
                // Not remembered, so the next pass tries to tell the operator again.
                tracing::error!(%error, "cannot mail the operator");
                continue;
            }
            self.store.set_reported_problem(source.id, key)?;
        }
        Ok(())
    }

    /// The daemon: passes over due sources until `shutdown` turns true.
    pub async fn run(&self, mut shutdown: watch::Receiver<bool>) -> Result<(), PipelineError> {
        loop {
            self.metrics.heartbeat();
            self.pass(Scope::Due, &shutdown).await?;
            if *shutdown.borrow() {
                return Ok(());
            }
            let wait = self
                .store
                .next_due()?
                .map(|at| Duration::from_secs(u64::try_from(at - now()).unwrap_or(0)))
                .unwrap_or(MAX_IDLE)
                .clamp(Duration::from_secs(1), MAX_IDLE);
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => return Ok(()),
            }
        }
    }

    /// The subscribers whose filters let this alert through.
    fn recipients(
        &self,
        kind: AlertKind,
        country: Option<(&str, &str)>,
        source: &str,
    ) -> Vec<String> {
        self.config
            .subscribers
            .iter()
            .filter(|s| s.wants(kind, country, source))
            .map(|s| s.email.clone())
            .collect()
    }

    /// The configured source of this name; a source row exists only for
    /// sources in the config (removed ones are inactive and never checked).
    fn source_config(&self, name: &str) -> Option<&SourceConfig> {
        self.config.sources.iter().find(|s| s.name == name)
    }

    async fn check_source(
        &self,
        source: &SourceRow,
        scope: Scope,
        budget: &AtomicUsize,
        shutdown: &watch::Receiver<bool>,
    ) -> Result<SourceTally, SourceError> {
        let mut tally = SourceTally::default();
        let novelty = novelty(source);
        let url = Url::parse(&source.url).map_err(|e| FetchError::Other(e.to_string()))?;
        if source.kind == SourceKind::Article {
            let known = self
                .store
                .article_by_url(discover::canonical_url(&url).as_str())?;
            self.check_article(source, &url, known, novelty, &mut tally)
                .await?;
            return Ok(tally);
        }
        let (etag, last_modified) = self.store.source_validators(source.id, url.as_str())?;
        let validators = Validators {
            etag,
            last_modified,
        };
        let mut checked = HashSet::new();
        let index = self.fetcher.fetch(&url, &validators).await;
        match self.metrics.fetch_finished(index)? {
            // No new links; the tracked articles are still re-checked below.
            Fetched::NotModified => tally.not_modified += 1,
            Fetched::Page(index) => {
                tally.pages_fetched += 1;
                let filter = self
                    .source_config(&source.name)
                    .and_then(|s| s.links.as_deref());
                let links = match source.kind {
                    SourceKind::Feed => discover::feed_links(&index.body, &index.url, filter)?,
                    _ => {
                        let html = extract::decode_html(&index.body, index.charset.as_deref());
                        discover::listing_links(&html, &index.url, filter)
                    }
                };
                let mut complete = true;
                for link in &links {
                    if *shutdown.borrow() {
                        complete = false;
                        break;
                    }
                    if self.store.article_by_url(link.as_str())?.is_some() {
                        continue;
                    }
                    match self
                        .check_logged(source, link, None, novelty, &mut tally)
                        .await
                    {
                        Some(id) => {
                            checked.insert(id);
                        }
                        None => complete = false,
                    }
                }
                // The page's validators are kept only once every new link on it
                // was read: a link that failed must not hide behind a 304.
                let kept = if complete {
                    index.validators
                } else {
                    Validators::default()
                };
                self.store.set_source_validators(
                    source.id,
                    url.as_str(),
                    kept.etag.as_deref(),
                    kept.last_modified.as_deref(),
                )?;
                if !complete && *shutdown.borrow() {
                    return Ok(tally);
                }
            }
        }
        let due_by = if scope == Scope::All { i64::MAX } else { now() };
        self.recheck_articles(source, &checked, due_by, budget, shutdown, &mut tally)
            .await?;
        Ok(tally)
    }

    /// Re-checks the articles `source` found earlier whose age-tier check is
    /// due by `due_by`, within the pass's `budget`; `skip` were just checked.
    async fn recheck_articles(
        &self,
        source: &SourceRow,
        skip: &HashSet<i64>,
        due_by: Timestamp,
        budget: &AtomicUsize,
        shutdown: &watch::Receiver<bool>,
        tally: &mut SourceTally,
    ) -> Result<(), SourceError> {
        let novelty = novelty(source);
        let remaining = budget.load(Ordering::Relaxed);
        for article in self.store.due_articles(source.id, due_by, remaining)? {
            if *shutdown.borrow() || skip.contains(&article.id.0) {
                continue;
            }
            if budget
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| b.checked_sub(1))
                .is_err()
            {
                break;
            }
            let Ok(article_url) = Url::parse(&article.url) else {
                continue;
            };
            self.check_logged(source, &article_url, Some(article), novelty, tally)
                .await;
        }
        Ok(())
    }

    /// Checks one article of a listing or feed; its failure is logged and
    /// does not fail the source. Returns the article id when it was checked.
    async fn check_logged(
        &self,
        source: &SourceRow,
        url: &Url,
        known: Option<ArticleRow>,
        novelty: Novelty,
        tally: &mut SourceTally,
    ) -> Option<i64> {
        match self.check_article(source, url, known, novelty, tally).await {
            Ok(id) => Some(id),
            Err(error) => {
                tracing::warn!(source = %source.name, %url, %error, "article failed");
                None
            }
        }
    }

    /// Fetches an article (conditionally when known), stores a new version if
    /// its body changed, and records the facts that the change adds.
    async fn check_article(
        &self,
        source: &SourceRow,
        url: &Url,
        known: Option<ArticleRow>,
        novelty: Novelty,
        tally: &mut SourceTally,
    ) -> Result<i64, SourceError> {
        let validators = known
            .as_ref()
            .map(|a| Validators {
                etag: a.etag.clone(),
                last_modified: a.last_modified.clone(),
            })
            .unwrap_or_default();
        let fetched = self
            .metrics
            .fetch_finished(self.fetcher.fetch(url, &validators).await);
        let at = now();
        let (article, fetched) = match known {
            Some(article) => (article, fetched),
            // A new article is recorded only once it could be fetched, so a
            // failed first fetch is retried as new on the next pass.
            None => {
                let fetched = fetched?;
                let canonical = discover::canonical_url(url);
                let (article, created) =
                    self.store
                        .upsert_article(source.id, canonical.as_str(), at)?;
                if created && source.kind != SourceKind::Article {
                    tally.new_articles += 1;
                }
                (article, Ok(fetched))
            }
        };
        self.store.schedule_article(
            article.id,
            schedule::next_article_check(at, article.first_seen_at, &self.config.tracking),
        )?;
        match fetched? {
            Fetched::NotModified => tally.not_modified += 1,
            Fetched::Page(page) => {
                tally.pages_fetched += 1;
                self.store.set_validators(
                    article.id,
                    page.validators.etag.as_deref(),
                    page.validators.last_modified.as_deref(),
                )?;
                self.store_version(source, &article, &page, novelty, tally)?;
            }
        }
        Ok(article.id.0)
    }

    fn store_version(
        &self,
        source: &SourceRow,
        article: &ArticleRow,
        page: &Page,
        novelty: Novelty,
        tally: &mut SourceTally,
    ) -> Result<(), SourceError> {
        let extracted = extract::extract(
            &page.body,
            &ExtractOptions {
                header_charset: page.charset.as_deref(),
                selector: self.selectors.get(&source.name),
            },
        );
        let text = extracted.text.trim();
        if text.chars().count() < self.config.health.min_body_chars {
            tally.thin_bodies += 1;
        } else {
            tally.good_bodies += 1;
        }
        if text.is_empty() {
            // An empty body is a broken page or a redesign; storing it would make
            // the next real body look entirely new.
            tracing::warn!(source = %source.name, url = %article.url, "no article text extracted");
            return Ok(());
        }
        let hash = content_hash(text);
        let previous = self.store.latest_version(article.id)?;
        if previous.as_ref().is_some_and(|p| p.content_hash == hash) {
            return Ok(());
        }
        let added = diff::additions(previous.as_ref().map(|p| p.text.as_str()), text);
        let findings = detect::detect(text);
        // A finding counts only where its evidence overlaps what the change added.
        let candidate = |evidence: std::ops::Range<usize>, fact: Fact, recipients: Vec<String>| {
            let touched = diff::touching(&added, &evidence);
            (!touched.is_empty()).then(|| Candidate {
                replaced: replaced_passage(&touched),
                evidence: text[evidence].to_owned(),
                fact,
                recipients,
            })
        };
        let countries = findings.countries.into_iter().filter_map(|c| {
            let recipients =
                self.recipients(AlertKind::Country, Some((c.code, c.name)), &source.name);
            let fact = Fact::Country {
                code: c.code.to_owned(),
                name: c.name.to_owned(),
            };
            candidate(c.evidence, fact, recipients)
        });
        let quotes = findings.quotes.into_iter().filter_map(|q| {
            let recipients = self.recipients(AlertKind::Quote, None, &source.name);
            let fact = Fact::Quote {
                key: detect::quote_key(&q.text),
                quote: q.text,
                speaker: q.speaker,
            };
            candidate(q.evidence, fact, recipients)
        });
        let candidates: Vec<Candidate> = countries.chain(quotes).collect();
        let saved = self.store.save_version(
            &crate::store::NewVersion {
                article: article.id,
                content_hash: &hash,
                title: extracted.title.as_deref(),
                byline: extracted.byline.as_deref(),
                published: extracted.published.as_deref(),
                canonical_url: extracted.canonical_url.as_deref(),
                text,
            },
            &candidates,
            novelty,
            now(),
        )?;
        tally.new_versions += 1;
        tally.facts_recorded += saved.new_facts;
        tally.alerts += saved.alerts.len();
        tracing::info!(
            source = %source.name,
            url = %article.url,
            added_sentences = added.len(),
            new_facts = saved.new_facts,
            alerts = saved.alerts.len(),
            "new version"
        );
        Ok(())
    }
}

/// During a source's baseline what it shows is only recorded as known.
fn novelty(source: &SourceRow) -> Novelty {
    if source.baseline_done {
        Novelty::Alert
    } else {
        Novelty::RecordOnly
    }
}

/// The old text that the additions carrying a finding replaced, if any.
fn replaced_passage(touched: &[&diff::Addition]) -> Option<String> {
    let mut passages: Vec<&str> = touched
        .iter()
        .filter_map(|a| a.replaced.as_deref())
        .collect();
    passages.dedup();
    (!passages.is_empty()).then(|| passages.join(" "))
}

/// Identity of a body for dedupe: SHA-256 of the extracted text.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
