//! Scheduling: when each source and each tracked article is next due.
//!
//! Pure functions of time and configuration; the times themselves live in the
//! database, so a restart resumes the schedule instead of re-fetching
//! everything at once. Jitter spreads sources that share an interval so they
//! do not all fire on the same second.

use std::time::Duration;

use rand::Rng;

use crate::config::TrackingConfig;
use crate::store::Timestamp;

/// A failing source waits at most this long between attempts.
pub const MAX_FAILURE_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// Up to this share of the interval is added at random.
const JITTER_SHARE: f64 = 0.1;

fn secs(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

fn jitter(interval: Duration) -> i64 {
    let max = secs(interval) as f64 * JITTER_SHARE;
    if max < 1.0 {
        return 0;
    }
    rand::rng().random_range(0..=max as i64)
}

/// The next check after a successful one.
pub fn next_after_success(now: Timestamp, interval: Duration) -> Timestamp {
    now.saturating_add(secs(interval))
        .saturating_add(jitter(interval))
}

/// The next check after `failures` consecutive failures: the interval doubled
/// per failure, capped, so a broken site is asked less and less but never
/// forgotten, and recovers by itself.
pub fn next_after_failure(now: Timestamp, interval: Duration, failures: u32) -> Timestamp {
    let factor = 1u32 << failures.saturating_sub(1).min(16);
    let backoff = interval
        .saturating_mul(factor)
        .min(MAX_FAILURE_BACKOFF.max(interval));
    now.saturating_add(secs(backoff))
        .saturating_add(jitter(backoff))
}

/// When a tracked article is re-checked next, by its age: the first tier it
/// is younger than decides; past every tier it is checked at the last tier's
/// pace until `retire_after`, then retired (`None`).
pub fn next_article_check(
    now: Timestamp,
    first_seen: Timestamp,
    tracking: &TrackingConfig,
) -> Option<Timestamp> {
    let age = Duration::from_secs(u64::try_from(now.saturating_sub(first_seen)).unwrap_or(0));
    if age >= tracking.retire_after {
        return None;
    }
    let every = tracking
        .tiers
        .iter()
        .find(|tier| age < tier.younger_than)
        .or(tracking.tiers.last())
        .map(|tier| tier.every)
        .unwrap_or(Duration::from_secs(24 * 3600));
    Some(
        now.saturating_add(secs(every))
            .saturating_add(jitter(every)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TrackingTier;

    #[test]
    fn success_lands_within_interval_plus_jitter() {
        for _ in 0..100 {
            let next = next_after_success(1000, Duration::from_secs(900));
            assert!((1900..=1990).contains(&next), "{next}");
        }
    }

    #[test]
    fn failures_back_off_exponentially_and_cap() {
        let interval = Duration::from_secs(60);
        let at = |f| next_after_failure(0, interval, f);
        assert!((60..=66).contains(&at(1)));
        assert!((120..=132).contains(&at(2)));
        assert!((240..=264).contains(&at(3)));
        let capped = at(30);
        assert!((21600..=23760).contains(&capped), "{capped}");
    }

    #[test]
    fn articles_follow_age_tiers_then_retire() {
        let tracking = TrackingConfig {
            tiers: vec![
                TrackingTier {
                    younger_than: Duration::from_secs(3600),
                    every: Duration::from_secs(60),
                },
                TrackingTier {
                    younger_than: Duration::from_secs(86400),
                    every: Duration::from_secs(3600),
                },
            ],
            retire_after: Duration::from_secs(7 * 86400),
            recheck_budget: 10,
        };
        let young = next_article_check(100, 0, &tracking).unwrap();
        assert!((160..=166).contains(&young));
        let day_old = next_article_check(7200, 0, &tracking).unwrap();
        assert!((10800..=11160).contains(&day_old));
        let old = next_article_check(3 * 86400, 0, &tracking).unwrap();
        assert!(old >= 3 * 86400 + 3600);
        assert_eq!(next_article_check(8 * 86400, 0, &tracking), None);
    }
}
