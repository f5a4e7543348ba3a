//! Configuration: the TOML file an operator writes, parsed into typed values.
//!
//! Parsing is strict: an unknown key or a bad value is an error that names the
//! key and its line, because a silently ignored typo in a monitoring tool means
//! a source nobody watches. This module only reads the file; it never opens the
//! database, the network or the SMTP server.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

/// One thing wrong with a config file, with the line it is on when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A config error stops at the first problem; an operator fixing a file wants
/// them all. After an error, the offending lines are blanked and parsing
/// resumes, this many times at most.
const MAX_PROBLEMS: usize = 50;

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
    #[error("{path}: {problems}", problems = .problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
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
    #[serde(default)]
    pub email: EmailConfig,
    #[serde(default)]
    pub subscribers: Vec<SubscriberConfig>,
    #[serde(default)]
    pub health: HealthConfig,
    #[serde(default)]
    pub status: StatusConfig,
}

/// When a source's trouble is worth an operator mail (`email.operator`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HealthConfig {
    /// Consecutive failed passes before the source counts as failing.
    pub failures_before_alert: u32,
    /// A listing or feed with no new article for this long counts as silent.
    #[serde(with = "humantime_serde")]
    pub silent_after: Duration,
    /// Extracted bodies shorter than this many characters count as thin...
    pub min_body_chars: usize,
    /// ...and this many passes in a row with only thin bodies look like a
    /// site redesign that broke extraction.
    pub thin_passes_before_alert: u32,
}

impl Default for HealthConfig {
    fn default() -> Self {
        Self {
            failures_before_alert: 3,
            silent_after: Duration::from_secs(3 * 24 * 3600),
            min_body_chars: 200,
            thin_passes_before_alert: 3,
        }
    }
}

/// The status endpoint (`/healthz`, `/metrics`); off unless `listen` is set,
/// because it is unauthenticated and not every host should expose it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusConfig {
    #[serde(default)]
    pub listen: Option<SocketAddr>,
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

/// How often a source is checked when its config does not say.
pub fn default_interval() -> Duration {
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
    #[serde(default = "default_from")]
    pub from: String,
    /// Absent: "smtp" when `smtp_host` is set, else "file". Read it through
    /// [`EmailConfig::transport`].
    #[serde(default, rename = "transport")]
    pub transport_setting: Option<Transport>,
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
    /// A file holding the SMTP password (e.g. a systemd credential,
    /// `%d/smtp-password`); used when `smtp_password_env` is not set.
    #[serde(default)]
    pub smtp_password_file: Option<PathBuf>,
    /// An https URL for one-click unsubscribe (RFC 8058); without it the
    /// List-Unsubscribe header offers a mail to `from`.
    #[serde(default)]
    pub unsubscribe_url: Option<Url>,
    /// Receives operator mail (a source failing, silent or broken, and its
    /// recovery), separate from subscribers.
    #[serde(default)]
    pub operator: Option<String>,
    #[serde(default = "default_smtp_timeout", with = "humantime_serde")]
    pub smtp_timeout: Duration,
}

fn default_from() -> String {
    "Pactwatch <pactwatch@localhost>".to_owned()
}

impl EmailConfig {
    pub fn transport(&self) -> Transport {
        self.transport_setting
            .unwrap_or(if self.smtp_host.is_some() {
                Transport::Smtp
            } else {
                Transport::File
            })
    }
}

impl Default for EmailConfig {
    fn default() -> Self {
        Self {
            from: default_from(),
            transport_setting: None,
            file_dir: default_file_dir(),
            smtp_host: None,
            smtp_port: default_smtp_port(),
            smtp_tls: default_smtp_tls(),
            smtp_user: None,
            smtp_password_env: None,
            smtp_password_file: None,
            unsubscribe_url: None,
            operator: None,
            smtp_timeout: default_smtp_timeout(),
        }
    }
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

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryMode {
    /// One mail per pass that found something.
    #[default]
    Immediate,
    /// One mail per `digest_every`, gathering every pass in between.
    Digest,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AlertKind {
    Country,
    Quote,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriberConfig {
    pub email: String,
    #[serde(default)]
    pub mode: DeliveryMode,
    #[serde(default = "default_digest_every", with = "humantime_serde")]
    pub digest_every: Duration,
    /// Only these kinds of alert; all when absent.
    #[serde(default)]
    pub kinds: Option<Vec<AlertKind>>,
    /// Country alerts only for these countries (ISO codes or names); quote
    /// alerts are not affected. All countries when absent.
    #[serde(default)]
    pub countries: Option<Vec<String>>,
    /// Only alerts from these sources (by name); all when absent.
    #[serde(default)]
    pub sources: Option<Vec<String>>,
}

fn default_digest_every() -> Duration {
    Duration::from_secs(24 * 3600)
}

impl SubscriberConfig {
    /// Whether this subscriber wants an alert of `kind` (about `country`, for
    /// country alerts) from `source`.
    pub fn wants(&self, kind: AlertKind, country: Option<(&str, &str)>, source: &str) -> bool {
        let kind_ok = self.kinds.as_ref().is_none_or(|k| k.contains(&kind));
        let source_ok = self
            .sources
            .as_ref()
            .is_none_or(|s| s.iter().any(|name| name == source));
        let country_ok = match (country, &self.countries) {
            (Some((code, name)), Some(wanted)) => wanted
                .iter()
                .any(|w| w.eq_ignore_ascii_case(code) || w.eq_ignore_ascii_case(name)),
            _ => true,
        };
        kind_ok && source_ok && country_ok
    }
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
    /// On failure the error lists every problem found, each with its line.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let mut problems = Vec::new();
        let mut working = text.to_owned();
        let config = loop {
            match toml::from_str::<Config>(&working) {
                Ok(config) => break Some(config),
                Err(error) => {
                    let problem = toml_problem(&working, &error);
                    let repeated = problems.last() == Some(&problem);
                    problems.push(problem);
                    let Some(span) = error.span() else { break None };
                    if repeated || problems.len() >= MAX_PROBLEMS {
                        break None;
                    }
                    blank_out(&mut working, span);
                }
            }
        };
        problems.dedup();
        // What remains after blanking the broken lines is still checked, so
        // one run reports syntax, type and meaning problems together.
        if let Some(config) = &config {
            problems.extend(config.problems(text));
        }
        problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        match config {
            Some(config) if problems.is_empty() => Ok(config),
            _ => Err(ConfigError::Invalid {
                path: path.to_owned(),
                problems,
            }),
        }
    }

    /// What is wrong beyond syntax and types, located in `text`.
    fn problems(&self, text: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut at = |key: &str, value: &str, nth: usize, message: String| {
            problems.push(Problem {
                line: line_of(text, key, value, nth),
                message,
            });
        };
        let mut seen_names: std::collections::HashMap<&str, usize> = Default::default();
        for source in &self.sources {
            let name = source.name.as_str();
            let nth = seen_names.entry(name).or_default();
            *nth += 1;
            if name.trim().is_empty() {
                at(
                    "name",
                    "",
                    1,
                    format!("source with url {} has an empty name", source.url),
                );
            }
            if *nth == 2 {
                at(
                    "name",
                    &format!("{name:?}"),
                    2,
                    format!("source name {name:?} is used twice"),
                );
            }
            if !matches!(source.url.scheme(), "http" | "https") {
                at(
                    "url",
                    source.url.as_str(),
                    1,
                    format!(
                        "source {name:?}: url must be http or https, not {}",
                        source.url.scheme()
                    ),
                );
            }
            if let Some(css) = &source.selector
                && let Err(e) = crate::extract::parse_selector(css)
            {
                at(
                    "selector",
                    css,
                    1,
                    format!("source {name:?}: selector {css:?} is not valid CSS: {e}"),
                );
            }
            if source.interval.is_zero() {
                at(
                    "name",
                    &format!("{name:?}"),
                    1,
                    format!("source {name:?}: interval must be above zero"),
                );
            }
        }
        if self.http.concurrency == 0 {
            at(
                "concurrency",
                "",
                1,
                "http.concurrency must be at least 1".to_owned(),
            );
        }
        if self.email.from.parse::<lettre::message::Mailbox>().is_err() {
            let from = &self.email.from;
            at(
                "from",
                from,
                1,
                format!("email.from {from:?} is not a mail address"),
            );
        }
        if self.email.transport() == Transport::Smtp && self.email.smtp_host.is_none() {
            at(
                "transport",
                "smtp",
                1,
                "email.transport is \"smtp\" but email.smtp_host is missing".to_owned(),
            );
        }
        if let Some(operator) = &self.email.operator
            && operator.parse::<lettre::Address>().is_err()
        {
            at(
                "operator",
                operator,
                1,
                format!("email.operator {operator:?} is not a mail address"),
            );
        }
        if let Some(url) = &self.email.unsubscribe_url
            && url.scheme() != "https"
        {
            at(
                "unsubscribe_url",
                "",
                1,
                format!("email.unsubscribe_url {url} must be https"),
            );
        }
        for subscriber in &self.subscribers {
            let email = subscriber.email.as_str();
            if subscriber.mode == DeliveryMode::Digest && subscriber.digest_every.is_zero() {
                at(
                    "email",
                    email,
                    1,
                    format!("subscriber {email:?}: digest_every must be above zero"),
                );
            }
            if let Some(unknown) = subscriber
                .sources
                .iter()
                .flatten()
                .find(|name| !self.sources.iter().any(|s| &s.name == *name))
            {
                at(
                    "sources",
                    unknown,
                    1,
                    format!("subscriber {email:?}: no source is named {unknown:?}"),
                );
            }
            if email.parse::<lettre::Address>().is_err() {
                at(
                    "email",
                    email,
                    1,
                    format!("subscriber email {email:?} is not a mail address"),
                );
            }
        }
        problems
    }
}

/// toml's messages carry a byte span; operators want a line number.
fn toml_problem(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim_end().to_owned();
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let at = text.get(span).unwrap_or_default().trim();
            let message = if at.is_empty() || at.len() > 60 || at.contains('\n') {
                message
            } else {
                format!("{message} (at `{at}`)")
            };
            Problem {
                line: Some(line),
                message,
            }
        }
        None => Problem {
            line: None,
            message,
        },
    }
}

/// Blanks the lines an error points at, keeping line numbers. A table header
/// takes its whole table with it, so its keys do not spill into the table
/// before it.
fn blank_out(text: &mut String, span: std::ops::Range<usize>) {
    let start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut end = text[span.end.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    if text[start..end].trim_start().starts_with('[') {
        let after = end;
        let mut offset = after;
        for line in text[after..].split_inclusive('\n') {
            if line.trim_start().starts_with('[') && offset > after {
                break;
            }
            offset += line.len();
        }
        end = offset.max(after);
    }
    let blanked: String = text[start..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    text.replace_range(start..end, &blanked);
}

/// The line of the `nth` `key = …` assignment whose value contains `value`.
fn line_of(text: &str, key: &str, value: &str, nth: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            line.strip_prefix(key)
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix('='))
                .is_some_and(|rest| rest.contains(value))
        })
        .nth(nth.saturating_sub(1))
        .map(|(i, _)| i + 1)
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
        assert_eq!(config.email.transport(), Transport::File);
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
    fn every_mistake_is_reported_with_its_line() {
        let text = format!(
            "{MINIMAL}\n[http]\ntimeout = \"soon\"\nconcurency = 3\n\n[[sources]]\nname = \"a\"\nurl = \"https://example.org/\"\nkind = \"feed\"\n\n[[sources]]\nname = \"a\"\nurl = \"https://example.org/b\"\nkind = \"feed\"\n"
        );
        let Err(ConfigError::Invalid { problems, .. }) = parse(&text) else {
            panic!("three mistakes must fail");
        };
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(5), Some(6), Some(14)], "{problems:?}");
        assert!(problems[1].message.contains("concurency"));
        assert!(problems[2].message.contains("used twice"));
    }

    #[test]
    fn an_unknown_table_is_one_problem() {
        let text = format!("{MINIMAL}\n[htp]\ntimeout = \"5s\"\nretries = 1\n");
        let Err(ConfigError::Invalid { problems, .. }) = parse(&text) else {
            panic!("unknown table must fail");
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(4));
    }

    #[test]
    fn transport_follows_the_smtp_host_unless_set() {
        let config = parse("").unwrap();
        assert_eq!(config.email.transport(), Transport::File);
        let smtp = parse("[email]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = 2525\n").unwrap();
        assert_eq!(smtp.email.transport(), Transport::Smtp);
        let file = parse("[email]\ntransport = \"file\"\nsmtp_host = \"mx\"\n").unwrap();
        assert_eq!(file.email.transport(), Transport::File);
    }

    #[test]
    fn bad_duration_is_reported_with_its_line() {
        let text = format!("{MINIMAL}[http]\ntimeout = \"soon\"\n");
        let error = parse(&text).unwrap_err().to_string();
        assert!(error.contains("line 4"), "{error}");
    }
}
