//! robots.txt, fetched once per origin, cached with an expiry, and obeyed for
//! our user agent. Parsing and matching are texting_robots'; this file only
//! caches and decides what a missing or broken robots.txt means; fetching it
//! is the `Fetcher`'s job.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use texting_robots::Robot;
use tokio::sync::Mutex;

/// How long a fetched robots.txt is trusted.
pub const ROBOTS_TTL: Duration = Duration::from_secs(24 * 3600);

/// What a site's robots.txt says, as far as we care.
pub enum Rules {
    /// No usable robots.txt (404, or unparsable): everything is allowed.
    AllowAll,
    /// The site forbids everything (401/403 on robots.txt, by convention).
    /// An unreachable robots.txt (5xx, 429, network) is not a rule: the
    /// fetcher reports it as an error and asks again next time.
    DisallowAll,
    Parsed(Box<Robot>),
}

impl Rules {
    pub fn from_response(status: u16, body: &[u8], user_agent: &str) -> Self {
        match status {
            // Robots groups name the product token ("pactwatch"), not the full
            // User-Agent header ("pactwatch/0.1 (+url)").
            200..=299 => Robot::new(product_token(user_agent), body)
                .map(|r| Rules::Parsed(Box::new(r)))
                .unwrap_or(Rules::AllowAll),
            401 | 403 => Rules::DisallowAll,
            _ => Rules::AllowAll,
        }
    }

    pub fn allows(&self, url: &str) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Parsed(robot) => robot.allowed(url),
        }
    }

    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Rules::Parsed(robot) => robot
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(3600.0))),
            _ => None,
        }
    }
}

fn product_token(user_agent: &str) -> &str {
    user_agent
        .split(|c: char| c == '/' || c.is_whitespace())
        .next()
        .unwrap_or(user_agent)
}

/// At most this much of a robots.txt is read (RFC 9309 asks parsers to
/// handle at least 500 KiB); the rest is ignored, never buffered.
pub const MAX_ROBOTS_BODY: usize = 512 * 1024;

type Slot = Arc<Mutex<Option<(Instant, Arc<Rules>)>>>;

/// Rules per origin. Each origin has its own slot, locked while its
/// robots.txt is fetched, so sources that share a site ask for robots.txt
/// once, not once each.
#[derive(Default)]
pub struct RobotsCache {
    slots: std::sync::Mutex<HashMap<String, Slot>>,
}

impl RobotsCache {
    /// The cached rules for `origin`, or those `fetch` produces. A failed
    /// fetch is not cached: the next request tries again.
    pub async fn get_or_fetch<E, Fut>(
        &self,
        origin: &str,
        fetch: impl FnOnce() -> Fut,
    ) -> Result<Arc<Rules>, E>
    where
        Fut: Future<Output = Result<Rules, E>>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.entry(origin.to_owned()).or_default().clone()
        };
        let mut entry = slot.lock().await;
        if let Some((at, rules)) = entry.as_ref()
            && at.elapsed() < ROBOTS_TTL
        {
            return Ok(rules.clone());
        }
        let rules = Arc::new(fetch().await?);
        *entry = Some((Instant::now(), rules.clone()));
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obeys_rules_for_our_agent() {
        let body = b"User-agent: pactwatch\nDisallow: /private/\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /\n";
        let rules = Rules::from_response(200, body, "pactwatch/0.1");
        assert!(rules.allows("https://example.org/news/1"));
        assert!(!rules.allows("https://example.org/private/x"));
        assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(3)));
        assert!(Rules::from_response(404, b"", "pactwatch").allows("https://example.org/"));
        assert!(!Rules::from_response(403, b"", "pactwatch").allows("https://example.org/"));
    }

    #[tokio::test]
    async fn fetches_once_per_origin_and_never_caches_failures() {
        let cache = RobotsCache::default();
        let failed: Result<_, &str> = cache
            .get_or_fetch("http://a", || async { Err("503") })
            .await;
        assert!(failed.is_err());
        let calls = std::sync::atomic::AtomicUsize::new(0);
        for _ in 0..3 {
            let rules: Result<_, ()> = cache
                .get_or_fetch("http://a", || async {
                    calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    Ok(Rules::DisallowAll)
                })
                .await;
            assert!(!rules.unwrap().allows("http://a/x"));
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
