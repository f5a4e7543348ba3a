//! robots.txt, fetched once per origin, cached with an expiry, and obeyed for
//! our user agent. Parsing and matching are texting_robots'; this file only
//! caches and decides what a missing or broken robots.txt means.

use std::collections::HashMap;
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

#[derive(Default)]
pub struct RobotsCache {
    entries: Mutex<HashMap<String, (Instant, std::sync::Arc<Rules>)>>,
}

impl RobotsCache {
    pub async fn get(&self, origin: &str) -> Option<std::sync::Arc<Rules>> {
        let entries = self.entries.lock().await;
        entries
            .get(origin)
            .filter(|(at, _)| at.elapsed() < ROBOTS_TTL)
            .map(|(_, rules)| rules.clone())
    }

    pub async fn put(&self, origin: String, rules: Rules) -> std::sync::Arc<Rules> {
        let rules = std::sync::Arc::new(rules);
        self.entries
            .lock()
            .await
            .insert(origin, (Instant::now(), rules.clone()));
        rules
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
}
