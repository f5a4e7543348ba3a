//! Configuration: the TOML file an operator writes, parsed into typed values.
//!
//! Parsing is strict: an unknown key or a bad value is an error that names the
//! key and its line, because a silently ignored typo in a monitoring tool means
//! a source nobody watches. This module only reads the file; it never opens the
//! database, the network or the SMTP server.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

/// The default location, relative to the working directory.
pub const DEFAULT_PATH: &str = "config/pactwatch.toml";

/// The shipped default configuration, so `run` and `check` work from any
/// directory even before the operator writes their own.
pub const EMBEDDED_DEFAULT: &str = include_str!("../config/pactwatch.toml");

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {problems}", problems = .problems.join("; "))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub storage: StorageConfig,
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub tracking: TrackingConfig,
    #[serde(default)]
    pub sources: Vec<SourceConfig>,
    pub email: EmailConfig,
    #[serde(default)]
    pub subscribers: Vec<SubscriberConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageConfig {
    #[serde(default = "default_db_path")]
    pub path: PathBuf,
}

impl Default for StorageConfig {
    fn default() -> Self {
        Self {
            path: default_db_path(),
        }
    }
}

fn default_db_path() -> PathBuf {
    PathBuf::from("var/pactwatch.sqlite3")
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    pub user_agent: String,
    /// Whole-request limit, from connecting to the last body byte (per hop).
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
    #[serde(with = "humantime_serde")]
    pub connect_timeout: Duration,
    /// Longest silence between two reads of one response.
    #[serde(with = "humantime_serde")]
    pub read_timeout: Duration,
    /// Requests in flight at once, across all hosts.
    pub concurrency: usize,
    /// Gap between the starts of two requests to one host (a longer
    /// Crawl-delay wins); above zero, also one request per host at a time.
    #[serde(with = "humantime_serde")]
    pub per_host_interval: Duration,
    pub allow_private_addresses: bool,
    /// Exact addresses exempt from the SSRF guard (an intranet page, a
    /// loopback test server); everything else non-public stays refused.
    pub private_allowlist: Vec<std::net::IpAddr>,
    /// Bodies larger than this are cut off with an error, not stored.
    pub max_body: usize,
    pub max_redirects: usize,
    /// Transient failures (timeouts, 429, 5xx) are retried this many times
    /// within a pass.
    pub retries: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            user_agent: concat!(
                "pactwatch/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/pactwatch/pactwatch)"
            )
            .to_owned(),
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(15),
            concurrency: 8,
            per_host_interval: Duration::from_secs(1),
            allow_private_addresses: false,
            private_allowlist: Vec::new(),
            max_body: 5 * 1024 * 1024,
            max_redirects: 5,
            retries: 2,
        }
    }
}

/// How articles found through listings and feeds are re-checked for edits:
/// often while young, rarely when old, never once retired.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrackingConfig {
    pub tiers: Vec<TrackingTier>,
    #[serde(with = "humantime_serde")]
    pub retire_after: Duration,
    /// At most this many tracked-article re-checks per pass, oldest-due first.
    pub recheck_budget: usize,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TrackingTier {
    /// The tier applies while the article is younger than this.
    #[serde(with = "humantime_serde")]
    pub younger_than: Duration,
    #[serde(with = "humantime_serde")]
    pub every: Duration,
}

impl Default for TrackingConfig {
    fn default() -> Self {
        let hours = |h: u64| Duration::from_secs(h * 3600);
        Self {
            tiers: vec![
                TrackingTier {
                    younger_than: hours(6),
                    every: Duration::from_secs(15 * 60),
                },
                TrackingTier {
                    younger_than: hours(24),
                    every: hours(1),
                },
                TrackingTier {
                    younger_than: hours(7 * 24),
                    every: hours(24),
                },
            ],
            retire_after: hours(30 * 24),
            recheck_budget: 200,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// One page whose text may change in place (a live blog).
    Article,
    /// An HTML section page whose same-site article links are followed.
    Listing,
    /// An RSS or Atom feed whose item links are followed.
    Feed,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    pub url: Url,
    pub kind: SourceKind,
    #[serde(default = "default_interval", with = "humantime_serde")]
    pub interval: Duration,
    #[serde(default)]
    pub selector: Option<String>,
    #[serde(default)]
    pub links: Option<String>,
    #[serde(default = "enabled")]
    pub enabled: bool,
}

fn default_interval() -> Duration {
    Duration::from_secs(15 * 60)
}

fn enabled() -> bool {
    true
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    Smtp,
    /// One .eml file per mail in `file_dir`: for trying pactwatch without a
    /// mail server.
    File,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    Starttls,
    Tls,
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailConfig {
    pub from: String,
    #[serde(default = "default_transport")]
    pub transport: Transport,
    #[serde(default = "default_file_dir")]
    pub file_dir: PathBuf,
    #[serde(default)]
    pub smtp_host: Option<String>,
    #[serde(default = "default_smtp_port")]
    pub smtp_port: u16,
    #[serde(default = "default_smtp_tls")]
    pub smtp_tls: SmtpTls,
    #[serde(default)]
    pub smtp_user: Option<String>,
    /// The name of the environment variable holding the SMTP password; the
    /// secret itself never sits in the file.
    #[serde(default)]
    pub smtp_password_env: Option<String>,
    #[serde(default = "default_smtp_timeout", with = "humantime_serde")]
    pub smtp_timeout: Duration,
}

fn default_transport() -> Transport {
    Transport::File
}

fn default_file_dir() -> PathBuf {
    PathBuf::from("var/outbox")
}

fn default_smtp_port() -> u16 {
    587
}

fn default_smtp_tls() -> SmtpTls {
    SmtpTls::Starttls
}

fn default_smtp_timeout() -> Duration {
    Duration::from_secs(30)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriberConfig {
    pub email: String,
}

impl Config {
    /// Reads and validates the file at `path`. Relative storage and outbox
    /// paths stay relative to the working directory, as the operator wrote them.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parses and validates `text`; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_owned(),
            message: describe_toml_error(text, &e),
        })?;
        let problems = config.problems();
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::Invalid {
                path: path.to_owned(),
                problems,
            })
        }
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = HashSet::new();
        for source in &self.sources {
            if source.name.trim().is_empty() {
                problems.push(format!("source with url {} has an empty name", source.url));
            }
            if !names.insert(source.name.as_str()) {
                problems.push(format!("source name {:?} is used twice", source.name));
            }
            if !matches!(source.url.scheme(), "http" | "https") {
                problems.push(format!(
                    "source {:?}: url must be http or https, not {}",
                    source.name,
                    source.url.scheme()
                ));
            }
            if let Some(css) = &source.selector
                && let Err(e) = crate::extract::parse_selector(css)
            {
                problems.push(format!(
                    "source {:?}: selector {css:?} is not valid CSS: {e}",
                    source.name
                ));
            }
            if source.interval.is_zero() {
                problems.push(format!(
                    "source {:?}: interval must be above zero",
                    source.name
                ));
            }
        }
        if self.http.concurrency == 0 {
            problems.push("http.concurrency must be at least 1".to_owned());
        }
        if self.email.from.parse::<lettre::message::Mailbox>().is_err() {
            problems.push(format!(
                "email.from {:?} is not a mail address",
                self.email.from
            ));
        }
        if self.email.transport == Transport::Smtp && self.email.smtp_host.is_none() {
            problems.push("email.transport is \"smtp\" but email.smtp_host is missing".to_owned());
        }
        for subscriber in &self.subscribers {
            if subscriber.email.parse::<lettre::Address>().is_err() {
                problems.push(format!(
                    "subscriber email {:?} is not a mail address",
                    subscriber.email
                ));
            }
        }
        problems
    }
}

/// toml's messages carry a byte span; operators want a line number.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim_end();
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let key = text[span.clone()].trim();
            if key.is_empty() || key.len() > 60 {
                format!("line {line}: {message}")
            } else {
                format!("line {line}: {message} (at `{key}`)")
            }
        }
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("test.toml"))
    }

    const MINIMAL: &str = "[email]\nfrom = \"Pactwatch <alerts@example.org>\"\n";

    #[test]
    fn unknown_key_names_key_and_line() {
        let text = format!("{MINIMAL}\n[http]\ntimeout = \"5s\"\nconcurency = 3\n");
        let error = parse(&text).unwrap_err().to_string();
        assert!(error.contains("line 6"), "{error}");
        assert!(error.contains("concurency"), "{error}");
    }

    #[test]
    fn durations_and_defaults() {
        let text = format!(
            "{MINIMAL}\n[http]\nper_host_interval = \"500ms\"\n\n[[sources]]\nname = \"a\"\nurl = \"https://example.org/\"\nkind = \"feed\"\n"
        );
        let config = parse(&text).unwrap();
        assert_eq!(config.http.per_host_interval, Duration::from_millis(500));
        assert_eq!(config.http.timeout, Duration::from_secs(20));
        assert_eq!(config.sources[0].interval, Duration::from_secs(900));
        assert_eq!(config.sources[0].kind, SourceKind::Feed);
        assert_eq!(config.email.transport, Transport::File);
    }

    #[test]
    fn semantic_problems_are_all_reported() {
        let text = format!(
            "{MINIMAL}\n[[sources]]\nname = \"a\"\nurl = \"ftp://example.org/\"\nkind = \"feed\"\n\n[[sources]]\nname = \"a\"\nurl = \"https://example.org/\"\nkind = \"article\"\nselector = \"div[\"\n"
        );
        let error = parse(&text).unwrap_err().to_string();
        assert!(error.contains("used twice"), "{error}");
        assert!(error.contains("ftp"), "{error}");
        assert!(error.contains("not valid CSS"), "{error}");
    }

    #[test]
    fn bad_duration_is_reported_with_its_line() {
        let text = format!("{MINIMAL}[http]\ntimeout = \"soon\"\n");
        let error = parse(&text).unwrap_err().to_string();
        assert!(error.contains("line 4"), "{error}");
    }
}
