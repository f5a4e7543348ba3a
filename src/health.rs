//! Source health, as the operator sees it: failing, silent, or yielding empty
//! bodies (a redesign that broke extraction).
//!
//! Pure: a source's stored state and the thresholds in, a verdict out. The
//! pipeline mails the operator when the verdict changes, once per problem and
//! once on recovery; this module only decides.

use std::time::Duration;

use crate::config::{HealthConfig, SourceKind};
use crate::store::{SourceRow, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Failing { failures: u32, error: String },
    Silent { since: Timestamp },
    ThinBodies { passes: u32 },
}

impl Problem {
    /// What is stored to remember the problem was reported.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Failing { .. } => "failing",
            Problem::Silent { .. } => "silent",
            Problem::ThinBodies { .. } => "thin-bodies",
        }
    }

    pub fn describe(&self, source: &str) -> (String, String) {
        match self {
            Problem::Failing { failures, error } => (
                format!("pactwatch: source {source} is failing"),
                format!(
                    "Source {source} failed {failures} passes in a row.\nLast error: {error}\n\nIt keeps being retried with backoff; `pactwatch sources` shows its state."
                ),
            ),
            Problem::Silent { since } => (
                format!("pactwatch: source {source} has gone silent"),
                format!(
                    "Source {source} has listed no new article since {}.\nThe section or feed may have moved; check its URL and `links` filter.",
                    crate::inspect::rfc3339(*since)
                ),
            ),
            Problem::ThinBodies { passes } => (
                format!("pactwatch: source {source} yields empty articles"),
                format!(
                    "For {passes} passes in a row, every article of {source} extracted to an empty or tiny body.\nThe site may have been redesigned; consider a `selector` for it."
                ),
            ),
        }
    }
}

/// The source's current problem, if any; failing outranks the others.
pub fn assess(source: &SourceRow, now: Timestamp, config: &HealthConfig) -> Option<Problem> {
    if source.consecutive_failures >= config.failures_before_alert {
        return Some(Problem::Failing {
            failures: source.consecutive_failures,
            error: source.last_error.clone().unwrap_or_default(),
        });
    }
    if source.thin_body_streak >= config.thin_passes_before_alert {
        return Some(Problem::ThinBodies {
            passes: source.thin_body_streak,
        });
    }
    if source.kind != SourceKind::Article {
        let since = source.last_new_article_at.or(source.last_success_at)?;
        let quiet = Duration::from_secs(u64::try_from(now - since).unwrap_or(0));
        if quiet >= config.silent_after {
            return Some(Problem::Silent { since });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SourceId;

    fn source(kind: SourceKind) -> SourceRow {
        SourceRow {
            id: SourceId(1),
            name: "wire".into(),
            url: "https://ex.org/".into(),
            kind,
            active: true,
            baseline_done: true,
            next_check_at: 0,
            last_checked_at: Some(1000),
            last_success_at: Some(1000),
            last_error: None,
            consecutive_failures: 0,
            last_new_article_at: Some(1000),
            thin_body_streak: 0,
            reported_problem: None,
        }
    }

    #[test]
    fn verdicts() {
        let config = HealthConfig::default();
        let day = 24 * 3600;
        let mut s = source(SourceKind::Feed);
        assert_eq!(assess(&s, 1000 + day, &config), None);
        assert_eq!(
            assess(&s, 1000 + 3 * day, &config),
            Some(Problem::Silent { since: 1000 })
        );
        assert_eq!(
            assess(&source(SourceKind::Article), 1000 + 9 * day, &config),
            None
        );
        s.thin_body_streak = 3;
        assert_eq!(assess(&s, 1000, &config).unwrap().key(), "thin-bodies");
        s.consecutive_failures = 3;
        s.last_error = Some("HTTP status 500".into());
        let failing = assess(&s, 1000, &config).unwrap();
        assert_eq!(failing.key(), "failing");
        assert!(failing.describe("wire").1.contains("HTTP status 500"));
    }
}
