//! The demo: shows a newcomer the product working in seconds, with no network
//! and no mail server.
//!
//! A bundled news site (fictional wire copy about the 2025 US third-country
//! deportation deals) is served on loopback and read by the real pipeline,
//! twice: on "day 1" everything is a baseline; on "day 2" the live story gains
//! a paragraph naming a new country with a new quote, and a new article
//! appears in the feed, so alerts are created and mailed as `.eml` files. The
//! database is temporary and removed afterwards. The demo adds no detection or
//! mail logic of its own: what it shows is what `pactwatch run` does.

mod site;

use std::fmt;
use std::path::{Path, PathBuf};

use tokio::sync::watch;

use crate::config::{Config, ConfigError};
use crate::pipeline::{PassReport, Pipeline, PipelineError, Scope};
use crate::store::{AlertRow, StoreError};
use site::DemoSite;

/// Who the demo's alert mail is addressed to.
const RECIPIENT: &str = "you@example.org";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot start the demo news site on loopback: {0}")]
    Site(std::io::Error),
    #[error("cannot create a temporary folder for the demo database: {0}")]
    TempDir(std::io::Error),
    #[error("cannot list the demo outbox {path}: {source}")]
    Outbox {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the demo did, step by step; `Display` tells it as a short story.
#[derive(Debug)]
pub struct DemoReport {
    pub site: String,
    pub day_one: PassReport,
    pub day_two: PassReport,
    /// Every alert, all from day 2 (day 1 is the baseline).
    pub alerts: Vec<AlertRow>,
    /// The `.eml` files this run wrote, sorted.
    pub mails: Vec<PathBuf>,
    pub out_dir: PathBuf,
}

/// Replays the two days and writes the alert mail into `out_dir`.
pub async fn run(out_dir: &Path) -> Result<DemoReport, DemoError> {
    let site = DemoSite::start().await.map_err(DemoError::Site)?;
    let scratch = Scratch::create()?;
    let config = Config::parse(
        &demo_config(&site, &scratch.0.join("pactwatch.sqlite3"), out_dir),
        Path::new("<demo>"),
    )?;
    let earlier_mails = eml_files(out_dir)?;
    let pipeline = Pipeline::new(config, "demo")?;
    // The demo runs to the end; nothing ever asks it to stop early.
    let (_keep_running, shutdown) = watch::channel(false);

    let day_one = pipeline.pass(Scope::All, &shutdown).await?;
    site.advance_to_day_two();
    let day_two = pipeline.pass(Scope::All, &shutdown).await?;

    let alerts = pipeline.store().alerts()?;
    let mut mails: Vec<PathBuf> = eml_files(out_dir)?
        .into_iter()
        .filter(|m| !earlier_mails.contains(m))
        .collect();
    mails.sort();
    Ok(DemoReport {
        site: site.url(""),
        day_one,
        day_two,
        alerts,
        mails,
        out_dir: out_dir.to_owned(),
    })
}

/// A real configuration file, as an operator would write one, pointed at
/// the loopback site.
fn demo_config(site: &DemoSite, database: &Path, out_dir: &Path) -> String {
    format!(
        r#"[storage]
path = {database}

[http]
timeout = "5s"
per_host_interval = "0s"
allow_private_addresses = true
retries = 0

[[sources]]
name = "demo-wire-live"
url = "{live}"
kind = "article"

[[sources]]
name = "demo-wire-immigration"
url = "{section}"
kind = "listing"
links = "/news/"

[[sources]]
name = "demo-wire-feed"
url = "{feed}"
kind = "feed"

[email]
from = "Pactwatch demo <pactwatch@example.org>"
transport = "file"
file_dir = {out_dir}

[[subscribers]]
email = "{RECIPIENT}"
"#,
        database = toml_string(database),
        out_dir = toml_string(out_dir),
        live = site.url(site::LIVE_PATH),
        section = site.url(site::SECTION_PATH),
        feed = site.url(site::FEED_PATH),
    )
}

/// A path as a TOML string, escaped whatever characters it holds.
fn toml_string(path: &Path) -> String {
    toml::Value::String(path.display().to_string()).to_string()
}

fn eml_files(dir: &Path) -> Result<Vec<PathBuf>, DemoError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(DemoError::Outbox {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|source| DemoError::Outbox {
                path: dir.to_owned(),
                source,
            })?
            .path();
        if path.extension().is_some_and(|e| e == "eml") {
            files.push(path);
        }
    }
    Ok(files)
}

/// The demo's private folder for its database, removed when dropped so that
/// each run starts from a fresh baseline and leaves nothing behind.
struct Scratch(PathBuf);

impl Scratch {
    fn create() -> Result<Self, DemoError> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("pactwatch-demo-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(DemoError::TempDir)?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pactwatch demo: {} fictional wire articles about the 2025 US third-country deportation deals,",
            site::ARTICLE_COUNT
        )?;
        writeln!(
            f,
            "served on {} (loopback only: no network, no mail server).",
            self.site
        )?;
        writeln!(f, "Sources: a live story, a section page and an RSS feed.")?;
        writeln!(f)?;
        let one = &self.day_one;
        writeln!(f, "Day 1, first pass: the baseline")?;
        writeln!(
            f,
            "  checked {} sources, fetched {} pages, stored {} article versions",
            one.sources_checked, one.pages_fetched, one.new_versions
        )?;
        writeln!(
            f,
            "  recorded {} facts already in the news as known; {} alerts, because a new",
            one.facts_recorded, one.alerts
        )?;
        writeln!(
            f,
            "  installation must not flood its subscribers with the past"
        )?;
        writeln!(f)?;
        let two = &self.day_two;
        writeln!(
            f,
            "Day 2, second pass: the live story gains an update; the section and the feed list a new article"
        )?;
        writeln!(
            f,
            "  checked {} sources, fetched {} pages, stored {} new versions (unchanged pages store nothing)",
            two.sources_checked, two.pages_fetched, two.new_versions
        )?;
        writeln!(
            f,
            "  {} new facts, {} alerts:",
            two.facts_recorded,
            self.alerts.len()
        )?;
        for (n, alert) in self.alerts.iter().enumerate() {
            writeln!(f)?;
            match alert.kind.as_str() {
                "country" => writeln!(
                    f,
                    "  {}. New country: {} ({})",
                    n + 1,
                    alert.country.as_deref().unwrap_or("?"),
                    alert.country_code.as_deref().unwrap_or("?")
                )?,
                _ => writeln!(
                    f,
                    "  {}. New quote from {}: \"{}\"",
                    n + 1,
                    alert.speaker.as_deref().unwrap_or("an unnamed speaker"),
                    alert.quote.as_deref().unwrap_or_default()
                )?,
            }
            writeln!(f, "     evidence: {}", alert.evidence)?;
            writeln!(f, "     source:   {}, {}", alert.source, alert.url)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Mail: {} sent, {} failed; written as .eml files to {}:",
            two.delivery.mails_sent,
            two.delivery.mails_failed,
            self.out_dir.display()
        )?;
        for mail in &self.mails {
            writeln!(f, "  {}", mail.display())?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Open a mail in any mail client, or read it with `less`. The database was temporary."
        )?;
        write!(
            f,
            "To watch real news sites: `pactwatch run` (see README.md)."
        )
    }
}
