//! Fetching: HTTP with politeness and safety, and nothing of articles.
//!
//! A [`Fetcher`] turns a URL into bytes, or into a clear [`FetchError`]. It
//! obeys robots.txt, spaces requests to one host by `per_host_interval` (or
//! the site's longer Crawl-delay), refuses non-public addresses unless told
//! otherwise, caps body size while streaming, sends conditional requests, and
//! retries transient failures with jittered exponential backoff (honouring
//! Retry-After). It never parses HTML or touches the database.

mod guard;
mod robots;

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use futures_util::StreamExt;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use reqwest::StatusCode;
use reqwest::header::{
    CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, RETRY_AFTER,
};
use url::Url;

use crate::config::HttpConfig;
pub use guard::is_public;

/// Retry-After values longer than this are not waited for within a pass; the
/// source's own backoff takes over.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("unsupported URL scheme {0:?} (only http and https)")]
    Scheme(String),
    #[error(
        "refused to connect to non-public address {0} (set http.allow_private_addresses for test setups)"
    )]
    PrivateAddress(String),
    #[error("disallowed by robots.txt")]
    RobotsDisallowed,
    #[error("timed out")]
    Timeout,
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("HTTP status {status}")]
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("body exceeds the {limit}-byte limit (http.max_body)")]
    TooLarge { limit: usize },
    #[error("content type {0:?} is not HTML or a feed")]
    NotHtml(String),
    #[error("request failed: {0}")]
    Other(String),
}

impl FetchError {
    /// Whether trying again soon may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Timeout | FetchError::Connect(_) => true,
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            return FetchError::Timeout;
        }
        let text = chain(&error);
        if text.contains("non-public address") {
            FetchError::PrivateAddress(text)
        } else if error.is_connect() {
            FetchError::Connect(text)
        } else {
            FetchError::Other(text)
        }
    }
}

fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

/// HTTP validators from an earlier response, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// The URL after redirects.
    pub url: Url,
    pub content_type: Option<String>,
    /// The `charset` parameter of the Content-Type header.
    pub charset: Option<String>,
    pub body: Vec<u8>,
    pub validators: Validators,
}

#[derive(Debug, Clone)]
pub enum Fetched {
    Page(Box<Page>),
    /// 304: the validators still hold; nothing to parse.
    NotModified,
}

pub struct Fetcher {
    client: reqwest::Client,
    config: HttpConfig,
    robots: robots::RobotsCache,
    hosts: tokio::sync::Mutex<HashMap<String, Arc<DefaultDirectRateLimiter>>>,
}

impl Fetcher {
    pub fn new(config: &HttpConfig) -> Result<Self, FetchError> {
        let max_redirects = config.max_redirects;
        let allow_private = config.allow_private_addresses;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                attempt.error(format!("more than {max_redirects} redirects"))
            } else if let Err(e) = check_url(attempt.url(), allow_private) {
                attempt.error(e.to_string())
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(&config.user_agent)
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .read_timeout(config.timeout)
            .redirect(policy);
        if !allow_private {
            builder = builder.dns_resolver(Arc::new(guard::GuardedResolver));
        }
        let client = builder.build().map_err(|e| FetchError::Other(chain(&e)))?;
        Ok(Self {
            client,
            config: config.clone(),
            robots: robots::RobotsCache::default(),
            hosts: tokio::sync::Mutex::new(HashMap::new()),
        })
    }

    /// Fetches `url` politely, retrying transient failures within this call.
    pub async fn fetch(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        check_url(url, self.config.allow_private_addresses)?;
        let rules = self.robots_for(url).await;
        if !rules.allows(url.as_str()) {
            return Err(FetchError::RobotsDisallowed);
        }
        let pacing = rules
            .crawl_delay()
            .unwrap_or_default()
            .max(self.config.per_host_interval);
        let attempt = || async {
            self.wait_for_host(url, pacing).await;
            self.request(url, validators).await
        };
        attempt
            .retry(
                ExponentialBuilder::default()
                    .with_min_delay(Duration::from_millis(500))
                    .with_max_delay(Duration::from_secs(10))
                    .with_max_times(self.config.retries)
                    .with_jitter(),
            )
            .sleep(tokio::time::sleep)
            .when(FetchError::is_transient)
            .adjust(|error, backoff| match error.retry_after() {
                Some(wait) if wait > MAX_RETRY_AFTER => None,
                Some(wait) => Some(wait),
                None => backoff,
            })
            .notify(|error, wait| {
                tracing::debug!(%url, %error, ?wait, "retrying");
            })
            .await
    }

    async fn request(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut request = self.client.get(url.clone()).header(
            reqwest::header::ACCEPT,
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
        );
        if let Some(etag) = &validators.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header(IF_MODIFIED_SINCE, date);
        }
        let response = request.send().await.map_err(FetchError::from_reqwest)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                status: status.as_u16(),
                retry_after: retry_after(response.headers()),
            });
        }
        let headers = response.headers().clone();
        let content_type = header(&headers, CONTENT_TYPE.as_str());
        if let Some(ct) = &content_type
            && !is_document_type(ct)
        {
            return Err(FetchError::NotHtml(ct.clone()));
        }
        if response
            .content_length()
            .is_some_and(|len| len > self.config.max_body as u64)
        {
            return Err(FetchError::TooLarge {
                limit: self.config.max_body,
            });
        }
        let final_url = response.url().clone();
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(FetchError::from_reqwest)?;
            if body.len() + chunk.len() > self.config.max_body {
                return Err(FetchError::TooLarge {
                    limit: self.config.max_body,
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched::Page(Box::new(Page {
            url: final_url,
            charset: content_type.as_deref().and_then(charset_param),
            content_type,
            body,
            validators: Validators {
                etag: header(&headers, ETAG.as_str()),
                last_modified: header(&headers, LAST_MODIFIED.as_str()),
            },
        })))
    }

    async fn robots_for(&self, url: &Url) -> Arc<robots::Rules> {
        let origin = url.origin().ascii_serialization();
        if let Some(rules) = self.robots.get(&origin).await {
            return rules;
        }
        let rules = match url.join("/robots.txt") {
            Ok(robots_url) => {
                self.wait_for_host(url, self.config.per_host_interval).await;
                match self.client.get(robots_url).send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        let body = response.bytes().await.unwrap_or_default();
                        robots::Rules::from_response(status, &body, &self.config.user_agent)
                    }
                    // Unreachable robots.txt: the page fetch will report the real error.
                    Err(_) => robots::Rules::AllowAll,
                }
            }
            Err(_) => robots::Rules::AllowAll,
        };
        self.robots.put(origin, rules).await
    }

    /// Waits until this host may be contacted again. One limiter per host, so
    /// sources sharing a host share its pacing.
    async fn wait_for_host(&self, url: &Url, interval: Duration) {
        if interval.is_zero() {
            return;
        }
        let host = url.host_str().unwrap_or_default().to_owned();
        let limiter = {
            let mut hosts = self.hosts.lock().await;
            hosts
                .entry(host)
                .or_insert_with(|| {
                    let quota = Quota::with_period(interval)
                        .expect("interval is non-zero")
                        .allow_burst(NonZeroU32::MIN);
                    Arc::new(RateLimiter::direct(quota))
                })
                .clone()
        };
        limiter.until_ready().await;
    }
}

/// Refuses non-http(s) schemes and, unless allowed, literal non-public IPs
/// (which bypass the resolver).
fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme(url.scheme().to_owned()));
    }
    if allow_private {
        return Ok(());
    }
    let literal: Option<IpAddr> = match url.host() {
        Some(url::Host::Ipv4(v4)) => Some(v4.into()),
        Some(url::Host::Ipv6(v6)) => Some(v6.into()),
        _ => None,
    };
    match literal {
        Some(ip) if !is_public(ip) => Err(FetchError::PrivateAddress(ip.to_string())),
        _ if url
            .host_str()
            .is_some_and(|h| h.eq_ignore_ascii_case("localhost")) =>
        {
            Err(FetchError::PrivateAddress("localhost".to_owned()))
        }
        _ => Ok(()),
    }
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate_to_system_time(value)?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

fn httpdate_to_system_time(value: &str) -> Option<std::time::SystemTime> {
    chrono::DateTime::parse_from_rfc2822(value)
        .ok()
        .map(std::time::SystemTime::from)
}

fn is_document_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime == "text/html"
        || mime == "text/plain"
        || mime.ends_with("xml") // xhtml, rss, atom, plain xml
        || mime.ends_with("+json") && mime.contains("feed")
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_private_urls_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://localhost:8080/",
            "http://10.0.0.1/",
        ] {
            let url = Url::parse(url).unwrap();
            assert!(matches!(
                check_url(&url, false),
                Err(FetchError::PrivateAddress(_))
            ));
            assert!(check_url(&url, true).is_ok());
        }
        let file = Url::parse("file:///etc/passwd").unwrap();
        assert!(matches!(check_url(&file, true), Err(FetchError::Scheme(_))));
    }

    #[test]
    fn content_types() {
        assert!(is_document_type("text/html; charset=utf-8"));
        assert!(is_document_type("application/rss+xml"));
        assert!(!is_document_type("image/png"));
        assert!(!is_document_type("application/pdf"));
        assert_eq!(
            charset_param("text/html; charset=\"Windows-1252\""),
            Some("Windows-1252".into())
        );
    }
}
