//! Fetching: HTTP with politeness and safety, and nothing of articles.
//!
//! A [`Fetcher`] turns a URL into bytes, or into a clear [`FetchError`]. It
//! obeys robots.txt, spaces requests to one host by `per_host_interval` (or
//! the site's longer Crawl-delay), bounds the requests in flight, refuses
//! non-public addresses unless told otherwise, follows redirects itself so
//! every hop is checked like the first, caps body size while streaming, sends
//! conditional requests, and retries transient failures with jittered
//! exponential backoff (honouring Retry-After). It never parses HTML or
//! touches the database.

mod guard;
mod robots;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use futures_util::StreamExt;
use reqwest::StatusCode;
use reqwest::header::{
    CONTENT_TYPE, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION,
    RETRY_AFTER,
};
use tokio::sync::{Mutex, OwnedMutexGuard, Semaphore, SemaphorePermit};
use tokio::time::Instant;
use url::Url;

use crate::config::HttpConfig;
use guard::Guard;
pub use guard::is_public;

/// Retry-After values longer than this are not waited for within a pass; the
/// source's own backoff takes over.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("unsupported URL scheme {0:?} (only http and https)")]
    Scheme(String),
    #[error(
        "refused to connect to {0}: not a public address (see http.private_allowlist and http.allow_private_addresses)"
    )]
    PrivateAddress(String),
    #[error("disallowed by robots.txt")]
    RobotsDisallowed,
    #[error("robots.txt unavailable ({0}); the site is not fetched until it can be read")]
    RobotsUnavailable(Box<FetchError>),
    #[error("timed out")]
    Timeout,
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("HTTP status {status}")]
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("more than {limit} redirects (http.max_redirects)")]
    TooManyRedirects { limit: usize },
    #[error("redirect {status} without a usable Location header")]
    BadRedirect { status: u16 },
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
            FetchError::RobotsUnavailable(inner) => inner.is_transient(),
            _ => false,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            FetchError::RobotsUnavailable(inner) => inner.retry_after(),
            _ => None,
        }
    }

    fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            return FetchError::Timeout;
        }
        // The resolver's refusal arrives wrapped inside a connect error.
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
        while let Some(e) = source {
            if let Some(refused) = e.downcast_ref::<guard::Refused>() {
                return FetchError::PrivateAddress(refused.host.clone());
            }
            source = e.source();
        }
        let text = crate::error_chain(&error);
        if error.is_connect() {
            FetchError::Connect(text)
        } else {
            FetchError::Other(text)
        }
    }
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
    guard: Arc<Guard>,
    robots: robots::RobotsCache,
    /// Per host, when the last request to it started. Hand-written rather than
    /// a governor rate limiter because the gap varies per host (a robots.txt
    /// Crawl-delay learned after the first request) and must count from when
    /// a request really starts; a limiter's quota is fixed at creation. The
    /// async lock is held
    /// while waiting for the host's turn, so waiters queue per host, and,
    /// while pacing is on, until the response is read: one request per host
    /// at a time, so a site that hangs holds one permit, not all of them.
    hosts: std::sync::Mutex<HashMap<String, Arc<Mutex<Option<Instant>>>>>,
    /// Requests in flight, across all hosts and callers (`http.concurrency`).
    permits: Semaphore,
}

/// What a request is for: a page obeys robots.txt and may be conditional;
/// a robots.txt request cannot wait for robots.txt.
#[derive(Clone, Copy)]
enum Purpose<'v> {
    Page(&'v Validators),
    Robots,
}

/// The right to send one request: a concurrency permit and, while pacing is
/// on, the host's lock. Held until the response body is read.
struct Turn<'a> {
    _permit: SemaphorePermit<'a>,
    _host: Option<OwnedMutexGuard<Option<Instant>>>,
}

/// A response that is not a redirect, with the URL that gave it and the turn
/// it holds until its body is read.
struct Response<'a> {
    url: Url,
    response: reqwest::Response,
    _turn: Turn<'a>,
}

impl Fetcher {
    pub fn new(config: &HttpConfig) -> Result<Self, FetchError> {
        let guard = Arc::new(Guard::new(
            config.allow_private_addresses,
            &config.private_allowlist,
        ));
        let mut builder = reqwest::Client::builder()
            .user_agent(&config.user_agent)
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            // Redirects are followed in `follow`, where each hop is guarded,
            // robots-checked and paced like the first request.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would connect to the target on our behalf, past the
            // resolver's check.
            .no_proxy();
        if !guard.allows_everything() {
            builder = builder.dns_resolver(Arc::new(guard::GuardedResolver(guard.clone())));
        }
        let client = builder
            .build()
            .map_err(|e| FetchError::Other(crate::error_chain(&e)))?;
        Ok(Self {
            client,
            config: config.clone(),
            guard,
            robots: robots::RobotsCache::default(),
            hosts: std::sync::Mutex::new(HashMap::new()),
            permits: Semaphore::new(config.concurrency.max(1)),
        })
    }

    /// Fetches `url` politely, retrying transient failures within this call.
    pub async fn fetch(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        let attempt = || self.attempt(url, validators);
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
            // Retry-After stretches a backoff step but never adds retries
            // beyond `http.retries`, and a long one ends the attempts.
            .adjust(|error, backoff| match (error.retry_after(), backoff) {
                (_, None) => None,
                (Some(wait), _) if wait > MAX_RETRY_AFTER => None,
                (Some(wait), Some(backoff)) => Some(wait.max(backoff)),
                (None, backoff) => backoff,
            })
            .notify(|error, wait| {
                tracing::debug!(%url, %error, ?wait, "retrying");
            })
            .await
    }

    async fn attempt(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        let Response {
            url: final_url,
            response,
            _turn,
        } = self.follow(url, Purpose::Page(validators)).await?;
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
        let body =
            read_capped(response, self.config.max_body)
                .await?
                .ok_or(FetchError::TooLarge {
                    limit: self.config.max_body,
                })?;
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

    /// Sends a GET and follows redirects, up to `max_redirects` hops. Every
    /// hop is checked by the SSRF guard before any connection, obeys the
    /// robots.txt of its origin (unless it is a robots.txt request itself)
    /// and waits for its host's turn.
    async fn follow(&self, start: &Url, purpose: Purpose<'_>) -> Result<Response<'_>, FetchError> {
        let mut url = start.clone();
        for _ in 0..=self.config.max_redirects {
            check_url(&url, &self.guard)?;
            let mut pacing = self.config.per_host_interval;
            if let Purpose::Page(_) = purpose {
                let rules = Box::pin(self.robots_for(&url)).await?;
                if !rules.allows(url.as_str()) {
                    return Err(FetchError::RobotsDisallowed);
                }
                pacing = pacing.max(rules.crawl_delay().unwrap_or_default());
            }
            let mut request = self.client.get(url.clone()).header(
                reqwest::header::ACCEPT,
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            );
            // Validators belong to the URL asked for, not to a redirect target.
            if let Purpose::Page(validators) = purpose
                && url == *start
            {
                if let Some(etag) = &validators.etag {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                if let Some(date) = &validators.last_modified {
                    request = request.header(IF_MODIFIED_SINCE, date);
                }
            }
            let turn = self.take_turn(&url, pacing).await;
            let response = request.send().await.map_err(FetchError::from_reqwest)?;
            let status = response.status();
            if !matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
                return Ok(Response {
                    url,
                    response,
                    _turn: turn,
                });
            }
            url = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|location| url.join(location).ok())
                .ok_or(FetchError::BadRedirect {
                    status: status.as_u16(),
                })?;
        }
        Err(FetchError::TooManyRedirects {
            limit: self.config.max_redirects,
        })
    }

    /// The robots.txt rules for `url`'s origin, fetched once per origin and
    /// cached. 5xx, 429 and network failures mean "unavailable": nothing on
    /// the site is fetched until robots.txt can be read (RFC 9309).
    async fn robots_for(&self, url: &Url) -> Result<Arc<robots::Rules>, FetchError> {
        let origin = url.origin().ascii_serialization();
        self.robots
            .get_or_fetch(&origin, || async {
                let robots_url = url
                    .join("/robots.txt")
                    .map_err(|e| FetchError::Other(e.to_string()))?;
                let unavailable = |e: FetchError| FetchError::RobotsUnavailable(Box::new(e));
                let Response {
                    response, _turn, ..
                } = match self.follow(&robots_url, Purpose::Robots).await {
                    Ok(response) => response,
                    Err(e) if e.is_transient() => return Err(unavailable(e)),
                    // Refused or broken redirects: no usable robots.txt.
                    Err(_) => return Ok(robots::Rules::AllowAll),
                };
                let status = response.status().as_u16();
                if status == 429 || status >= 500 {
                    return Err(unavailable(FetchError::Status {
                        status,
                        retry_after: retry_after(response.headers()),
                    }));
                }
                let body = read_prefix(response, robots::MAX_ROBOTS_BODY)
                    .await
                    .map_err(unavailable)?;
                Ok(robots::Rules::from_response(
                    status,
                    &body,
                    &self.config.user_agent,
                ))
            })
            .await
    }

    /// Waits until `url`'s host may be contacted (`interval` after the last
    /// request to it started, and its previous request finished when
    /// `interval` is above zero) and a concurrency permit is free. The host's
    /// clock is set when the permit is granted, i.e. when the request really
    /// starts, so a queue for permits never squeezes two requests together.
    async fn take_turn(&self, url: &Url, interval: Duration) -> Turn<'_> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let slot = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            hosts.entry(host).or_default().clone()
        };
        let mut last_start = slot.lock_owned().await;
        // Only sleep when the turn is in the future: a timer, even an expired
        // one, costs a tick (~1 ms) while the host's queue is blocked.
        if let Some(turn) = last_start.map(|at| at + interval)
            && turn > Instant::now()
        {
            tokio::time::sleep_until(turn).await;
        }
        let permit = self
            .permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        *last_start = Some(Instant::now());
        Turn {
            _permit: permit,
            // Zero pacing (loopback benchmarks) also lifts the one-at-a-time rule.
            _host: (!interval.is_zero()).then_some(last_start),
        }
    }
}

/// Reads the body, or `None` once it passes `limit` bytes: the rest is never
/// read, so a 20 MB (or endless, or decompression-bomb) body costs `limit`.
async fn read_capped(
    response: reqwest::Response,
    limit: usize,
) -> Result<Option<Vec<u8>>, FetchError> {
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Ok(None);
    }
    let mut body = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(FetchError::from_reqwest)?;
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}

/// Reads at most `limit` bytes of the body and drops the rest.
async fn read_prefix(response: reqwest::Response, limit: usize) -> Result<Vec<u8>, FetchError> {
    let mut body = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(FetchError::from_reqwest)?;
        let room = limit - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() == limit {
            break;
        }
    }
    Ok(body)
}

/// Refuses non-http(s) schemes and literal IPs the guard refuses: they never
/// reach the resolver, which judges every hostname (`localhost` included).
fn check_url(url: &Url, guard: &Guard) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme(url.scheme().to_owned()));
    }
    if guard.allows_everything() {
        return Ok(());
    }
    let literal: Option<IpAddr> = match url.host() {
        Some(url::Host::Ipv4(v4)) => Some(v4.into()),
        Some(url::Host::Ipv6(v6)) => Some(v6.into()),
        _ => None,
    };
    match literal {
        Some(ip) if !guard.permits(ip) => Err(FetchError::PrivateAddress(ip.to_string())),
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
            "http://10.0.0.1/",
            "http://2130706433/",
            "http://[::ffff:7f00:1]/",
        ] {
            let url = Url::parse(url).unwrap();
            assert!(matches!(
                check_url(&url, &Guard::new(false, &[])),
                Err(FetchError::PrivateAddress(_))
            ));
            assert!(check_url(&url, &Guard::new(true, &[])).is_ok());
        }
        let file = Url::parse("file:///etc/passwd").unwrap();
        assert!(matches!(
            check_url(&file, &Guard::new(true, &[])),
            Err(FetchError::Scheme(_))
        ));
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
