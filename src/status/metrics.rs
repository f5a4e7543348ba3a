//! Metrics: what the pipeline has done since the process started, in a form
//! Prometheus can scrape, plus the scheduler heartbeat `/healthz` judges.
//!
//! The pipeline reports outcomes it already knows through a few methods
//! ([`Metrics::fetch_finished`], [`Metrics::pass_finished`],
//! [`Metrics::heartbeat`]); everything is atomics, so those calls never block
//! a pass. Values whose truth lives in the database (pending deliveries,
//! per-source failure streaks) are copied in at scrape time by
//! [`Metrics::observe_database`] rather than tracked here, so they are right
//! even after a restart. This module never does I/O of its own.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::fetch::{FetchError, Fetched};
use crate::pipeline::PassReport;
use crate::store::SourceRow;

/// No heartbeat recorded yet.
const NEVER: u64 = u64::MAX;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SourceLabel {
    source: String,
}

#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    fetches: Family<OutcomeLabel, Counter>,
    pass_duration: Histogram,
    versions_stored: Counter,
    alerts_created: Counter,
    mails: Family<OutcomeLabel, Counter>,
    pending_deliveries: Gauge,
    source_failures: Family<SourceLabel, Gauge>,
    last_heartbeat_unix: Gauge,
    /// Monotonic twin of `last_heartbeat_unix` for `/healthz`, so a wall
    /// clock jump cannot make a live daemon look dead: milliseconds since
    /// `started`, or [`NEVER`].
    last_heartbeat_ms: AtomicU64,
    started: Instant,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("pactwatch");
        let fetches = Family::<OutcomeLabel, Counter>::default();
        registry.register(
            "fetches",
            "HTTP fetches by outcome: ok, not_modified, or the error kind",
            fetches.clone(),
        );
        // 50 ms to about 14 minutes: a pass over a few cached pages is fast,
        // a first pass over many slow sites is not.
        let pass_duration = Histogram::new(exponential_buckets(0.05, 2.0, 15));
        registry.register(
            "pass_duration_seconds",
            "Wall time of one pass (sources, articles and mail delivery)",
            pass_duration.clone(),
        );
        let versions_stored = Counter::default();
        registry.register(
            "versions_stored",
            "Article versions stored (bodies that changed), counted as each pass ends",
            versions_stored.clone(),
        );
        let alerts_created = Counter::default();
        registry.register(
            "alerts_created",
            "Alerts created (new facts after a source's baseline), counted as each pass ends",
            alerts_created.clone(),
        );
        let mails = Family::<OutcomeLabel, Counter>::default();
        registry.register(
            "mails",
            "Alert mails by outcome: sent, or failed (retried unless permanent)",
            mails.clone(),
        );
        let pending_deliveries = Gauge::default();
        registry.register(
            "pending_deliveries",
            "Alert deliveries waiting to be mailed, read from the database at scrape time",
            pending_deliveries.clone(),
        );
        let source_failures = Family::<SourceLabel, Gauge>::default();
        registry.register(
            "source_consecutive_failures",
            "Failed checks in a row per active source, read from the database at scrape time",
            source_failures.clone(),
        );
        let last_heartbeat_unix = Gauge::default();
        registry.register(
            "last_heartbeat_timestamp_seconds",
            "Unix time the scheduler loop or a fetch last made progress",
            last_heartbeat_unix.clone(),
        );
        Self {
            registry,
            fetches,
            pass_duration,
            versions_stored,
            alerts_created,
            mails,
            pending_deliveries,
            source_failures,
            last_heartbeat_unix,
            last_heartbeat_ms: AtomicU64::new(NEVER),
            started: Instant::now(),
        }
    }

    /// Records that the daemon is making progress.
    pub fn heartbeat(&self) {
        let elapsed = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(NEVER - 1);
        self.last_heartbeat_ms.store(elapsed, Ordering::Relaxed);
        self.last_heartbeat_unix.set(chrono::Utc::now().timestamp());
    }

    /// How long ago the last heartbeat was; `None` before the first.
    pub fn since_heartbeat(&self) -> Option<Duration> {
        match self.last_heartbeat_ms.load(Ordering::Relaxed) {
            NEVER => None,
            at => Some(
                self.started
                    .elapsed()
                    .saturating_sub(Duration::from_millis(at)),
            ),
        }
    }

    /// Counts a fetch by outcome and hands the result back unchanged, so the
    /// pipeline can wrap its fetch calls without restructuring them. A
    /// finished fetch is progress: a long pass keeps the heartbeat fresh.
    pub fn fetch_finished(
        &self,
        result: Result<Fetched, FetchError>,
    ) -> Result<Fetched, FetchError> {
        let outcome = fetch_outcome(&result);
        self.fetches.get_or_create(&OutcomeLabel { outcome }).inc();
        self.heartbeat();
        result
    }

    pub fn pass_finished(&self, report: &PassReport) {
        self.pass_duration.observe(report.duration.as_secs_f64());
        self.versions_stored.inc_by(report.new_versions as u64);
        self.alerts_created.inc_by(report.alerts as u64);
        for (outcome, count) in [
            ("sent", report.delivery.mails_sent),
            ("failed", report.delivery.mails_failed),
        ] {
            // Created even at zero so `rate()` has a series from the start.
            self.mails
                .get_or_create(&OutcomeLabel { outcome })
                .inc_by(count as u64);
        }
        self.heartbeat();
    }

    /// Copies the database's view into the gauges. Sources no longer active
    /// drop out, so a removed source does not alert forever.
    pub fn observe_database(&self, sources: &[SourceRow], pending_deliveries: usize) {
        self.pending_deliveries
            .set(i64::try_from(pending_deliveries).unwrap_or(i64::MAX));
        self.source_failures.clear();
        for source in sources.iter().filter(|s| s.active) {
            self.source_failures
                .get_or_create(&SourceLabel {
                    source: source.name.clone(),
                })
                .set(i64::from(source.consecutive_failures));
        }
    }

    /// The OpenMetrics text exposition of everything above.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .expect("writing to a String cannot fail");
        text
    }
}

/// The `outcome` label of a fetch: few, fixed values, so the series count
/// stays bounded whatever the sites answer.
fn fetch_outcome(result: &Result<Fetched, FetchError>) -> &'static str {
    match result {
        Ok(Fetched::Page(_)) => "ok",
        Ok(Fetched::NotModified) => "not_modified",
        Err(FetchError::Timeout) => "timeout",
        Err(FetchError::Connect(_)) => "connect",
        Err(FetchError::Status { status, .. }) if *status >= 500 => "http_5xx",
        Err(FetchError::Status { .. }) => "http_4xx",
        Err(FetchError::RobotsDisallowed) => "robots_disallowed",
        Err(FetchError::RobotsUnavailable(_)) => "robots_unavailable",
        Err(FetchError::TooManyRedirects { .. } | FetchError::BadRedirect { .. }) => "redirect",
        Err(FetchError::PrivateAddress(_)) => "private_address",
        Err(FetchError::TooLarge { .. }) => "too_large",
        Err(FetchError::NotHtml(_)) => "not_html",
        Err(FetchError::Scheme(_)) => "scheme",
        Err(FetchError::Other(_)) => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SourceKind;
    use crate::notify::DeliveryReport;
    use crate::store::SourceId;

    fn source(name: &str, active: bool, failures: u32) -> SourceRow {
        SourceRow {
            id: SourceId(1),
            name: name.to_owned(),
            url: "https://example.org/".to_owned(),
            kind: SourceKind::Feed,
            active,
            baseline_done: true,
            next_check_at: 0,
            last_checked_at: None,
            last_success_at: None,
            last_error: None,
            consecutive_failures: failures,
            last_new_article_at: None,
            thin_body_streak: 0,
            reported_problem: None,
        }
    }

    #[test]
    fn fetches_are_counted_by_outcome_and_passed_through() {
        let metrics = Metrics::new();
        assert!(metrics.since_heartbeat().is_none());
        assert!(matches!(
            metrics.fetch_finished(Ok(Fetched::NotModified)),
            Ok(Fetched::NotModified)
        ));
        for status in [503, 404, 404] {
            let result = metrics.fetch_finished(Err(FetchError::Status {
                status,
                retry_after: None,
            }));
            assert!(result.is_err());
        }
        let text = metrics.encode();
        assert!(
            text.contains("pactwatch_fetches_total{outcome=\"not_modified\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("pactwatch_fetches_total{outcome=\"http_5xx\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("pactwatch_fetches_total{outcome=\"http_4xx\"} 2\n"),
            "{text}"
        );
        assert!(metrics.since_heartbeat().is_some(), "a fetch is progress");
    }

    #[test]
    fn a_pass_adds_its_counts() {
        let metrics = Metrics::new();
        let report = PassReport {
            new_versions: 3,
            alerts: 2,
            delivery: DeliveryReport {
                mails_sent: 1,
                mails_failed: 4,
                alerts_delivered: 2,
            },
            duration: Duration::from_millis(1500),
            ..PassReport::default()
        };
        metrics.pass_finished(&report);
        metrics.pass_finished(&report);
        let text = metrics.encode();
        for line in [
            "pactwatch_versions_stored_total 6\n",
            "pactwatch_alerts_created_total 4\n",
            "pactwatch_mails_total{outcome=\"sent\"} 2\n",
            "pactwatch_mails_total{outcome=\"failed\"} 8\n",
            "pactwatch_pass_duration_seconds_count 2\n",
            "pactwatch_pass_duration_seconds_sum 3.0\n",
        ] {
            assert!(text.contains(line), "missing {line:?} in\n{text}");
        }
    }

    #[test]
    fn database_gauges_follow_the_latest_view() {
        let metrics = Metrics::new();
        metrics.observe_database(&[source("wire", true, 3), source("old", true, 1)], 5);
        metrics.observe_database(&[source("wire", true, 4), source("old", false, 9)], 2);
        let text = metrics.encode();
        assert!(text.contains("pactwatch_pending_deliveries 2\n"), "{text}");
        assert!(
            text.contains("pactwatch_source_consecutive_failures{source=\"wire\"} 4\n"),
            "{text}"
        );
        assert!(!text.contains("source=\"old\""), "{text}");
    }
}
