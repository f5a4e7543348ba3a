//! The `pactwatch` command: parses arguments, sets up logging and the shutdown
//! signal, and hands over to the library. Errors become messages and exit
//! codes here and nowhere else.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use tokio::sync::watch;

use pactwatch::config::{self, Config};
use pactwatch::extract::{self, ExtractOptions};
use pactwatch::pipeline::{Pipeline, Scope};
use pactwatch::status::{StatusError, StatusServer};
use pactwatch::store::{AlertRow, Store};

#[derive(Parser)]
#[command(
    version,
    about = "Watches news sources and mails subscribers when a new country or quote about US deportation agreements appears"
)]
struct Cli {
    /// Configuration file. Without this flag, config/pactwatch.toml is used
    /// when it exists, else the embedded default.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Log output: human-readable text or JSON lines (for journald and collectors).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Run the daemon: check sources when due and deliver alerts until SIGTERM or Ctrl-C.
    Run,
    /// Check every enabled source once now, deliver pending alerts, and exit.
    Check,
    /// Print every alert produced so far, oldest first.
    Alerts {
        #[arg(long, value_enum, default_value_t = AlertFormat::Text)]
        format: AlertFormat,
    },
    /// Show each source's state, next check and last error.
    Sources,
    /// See pactwatch work in seconds: replay bundled example articles through the
    /// real pipeline on loopback, with no network and no mail server.
    Demo {
        /// Where the alert mail is written, as .eml files.
        #[arg(long, default_value = "var/demo-outbox")]
        out: PathBuf,
    },
    /// Extract the article from saved HTML files (plain or .gz), without the database.
    Extract {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum AlertFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Jsonl,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pactwatch: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("info,html5ever=error,selectors=error")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Extract { format, files } => extract_files(format, &files),
        Command::Demo { out } => demo(&out),
        Command::Alerts { format } => {
            let config = load_config(cli.config.as_deref())?;
            print_alerts(&Store::open(&config.storage.path)?, format)
        }
        Command::Sources => {
            let config = load_config(cli.config.as_deref())?;
            let store = Store::open(&config.storage.path)?;
            store.sync_sources(&config.sources, pactwatch::pipeline::now())?;
            print_sources(&store)
        }
        Command::Run | Command::Check => {
            let config = load_config(cli.config.as_deref())?;
            let watch_name = cli
                .config
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| config::DEFAULT_PATH.to_owned());
            let status = config
                .status
                .listen
                .map(|addr| (addr, config.storage.path.clone()));
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let pipeline = Pipeline::new(config, &watch_name)?;
                let shutdown = shutdown_signal();
                if matches!(cli.command, Command::Run) {
                    let status = start_status(status, &pipeline, &shutdown).await?;
                    tracing::info!("pactwatch daemon started");
                    pipeline.run(shutdown).await?;
                    if let Some(status) = status {
                        status.await??;
                    }
                    tracing::info!("pactwatch daemon stopped");
                } else {
                    let report = pipeline.pass(Scope::All, &shutdown).await?;
                    println!(
                        "checked {} sources ({} failed), {} new versions, {} alerts, {} mails sent, {} mails failed",
                        report.sources_checked,
                        report.sources_failed,
                        report.new_versions,
                        report.alerts,
                        report.delivery.mails_sent,
                        report.delivery.mails_failed
                    );
                }
                anyhow::Ok(())
            })
        }
    }
}

fn load_config(path: Option<&Path>) -> Result<Config> {
    match path {
        Some(path) => Ok(Config::load(path)?),
        None if Path::new(config::DEFAULT_PATH).exists() => {
            Ok(Config::load(Path::new(config::DEFAULT_PATH))?)
        }
        None => {
            tracing::info!(
                "no {} here: using the embedded default configuration",
                config::DEFAULT_PATH
            );
            Ok(Config::parse(
                config::EMBEDDED_DEFAULT,
                Path::new("<embedded default>"),
            )?)
        }
    }
}

/// Binds the status endpoint (when configured: address and database) before
/// the daemon starts, so a taken port is an error at startup rather than a
/// daemon nobody can observe.
async fn start_status(
    config: Option<(std::net::SocketAddr, PathBuf)>,
    pipeline: &Pipeline,
    shutdown: &watch::Receiver<bool>,
) -> Result<Option<tokio::task::JoinHandle<Result<(), StatusError>>>> {
    let Some((addr, db)) = config else {
        return Ok(None);
    };
    let server = StatusServer::bind(addr, pipeline.metrics(), Store::open(&db)?).await?;
    tracing::info!(addr = %server.local_addr()?, "status endpoint: /healthz and /metrics");
    Ok(Some(tokio::spawn(server.serve(shutdown.clone()))))
}

/// Turns true on SIGTERM (what systemd and docker send) or Ctrl-C.
fn shutdown_signal() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler installs");
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        tracing::info!("shutdown requested: finishing the work in flight");
        let _ = tx.send(true);
    });
    rx
}

/// The demo prints its own story on stdout, so the pipeline's info logs would
/// only interleave with it: unless RUST_LOG says otherwise, only warnings show.
/// A current-thread runtime keeps every task under that quieter subscriber.
fn demo(out: &Path) -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let quiet = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report =
        tracing::subscriber::with_default(quiet, || runtime.block_on(pactwatch::demo::run(out)))?;
    println!("{report}");
    Ok(())
}

/// One line of `alerts --format json`: the contract other tools read.
#[derive(Serialize)]
struct AlertJson<'a> {
    id: i64,
    kind: &'a str,
    country: Option<&'a str>,
    country_code: Option<&'a str>,
    quote: Option<&'a str>,
    speaker: Option<&'a str>,
    source: &'a str,
    url: &'a str,
    title: Option<&'a str>,
    evidence: &'a str,
    created_at: String,
}

fn rfc3339(timestamp: i64) -> String {
    chrono::DateTime::from_timestamp(timestamp, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn print_alerts(store: &Store, format: AlertFormat) -> Result<()> {
    let alerts = store.alerts()?;
    let mut out = std::io::stdout().lock();
    match format {
        AlertFormat::Json => {
            for a in &alerts {
                let line = AlertJson {
                    id: a.id.0,
                    kind: &a.kind,
                    country: a.country.as_deref(),
                    country_code: a.country_code.as_deref(),
                    quote: a.quote.as_deref(),
                    speaker: a.speaker.as_deref(),
                    source: &a.source,
                    url: &a.url,
                    title: a.title.as_deref(),
                    evidence: &a.evidence,
                    created_at: rfc3339(a.created_at),
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
        }
        AlertFormat::Text => {
            if alerts.is_empty() {
                writeln!(out, "no alerts yet")?;
            }
            for a in &alerts {
                writeln!(out, "{}", describe_alert(a))?;
            }
        }
    }
    Ok(())
}

fn describe_alert(a: &AlertRow) -> String {
    let fact = match a.kind.as_str() {
        "country" => format!(
            "country {} ({})",
            a.country.as_deref().unwrap_or("?"),
            a.country_code.as_deref().unwrap_or("?")
        ),
        _ => format!(
            "quote   \"{}\" - {}",
            truncate(a.quote.as_deref().unwrap_or_default(), 70),
            a.speaker.as_deref().unwrap_or("unattributed")
        ),
    };
    format!(
        "#{:<4} {}  {}\n      {} {}",
        a.id.0,
        rfc3339(a.created_at),
        fact,
        a.source,
        a.url
    )
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

fn print_sources(store: &Store) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<28} {:<8} {:<8} {:<21} {:<21} {:>5}  last error",
        "source", "kind", "state", "last success", "next check", "fails"
    )?;
    for s in store.sources()? {
        let state = if !s.active {
            "removed"
        } else if s.consecutive_failures > 0 {
            "failing"
        } else if s.last_success_at.is_some() {
            "ok"
        } else {
            "new"
        };
        writeln!(
            out,
            "{:<28} {:<8} {:<8} {:<21} {:<21} {:>5}  {}",
            s.name,
            format!("{:?}", s.kind).to_lowercase(),
            state,
            s.last_success_at.map(rfc3339).unwrap_or_else(|| "-".into()),
            if s.active {
                rfc3339(s.next_check_at)
            } else {
                "-".into()
            },
            s.consecutive_failures,
            s.last_error.as_deref().unwrap_or("")
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ExtractedJson<'a> {
    id: &'a str,
    title: Option<&'a str>,
    text: &'a str,
}

fn extract_files(format: ExtractFormat, files: &[PathBuf]) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for file in files {
        let bytes = read_maybe_gzip(file)?;
        let article = extract::extract(&bytes, &ExtractOptions::default());
        let id = file_id(file);
        match format {
            ExtractFormat::Jsonl => {
                serde_json::to_writer(
                    &mut out,
                    &ExtractedJson {
                        id: &id,
                        title: article.title.as_deref(),
                        text: &article.text,
                    },
                )?;
                writeln!(out)?;
            }
            ExtractFormat::Text => {
                writeln!(out, "== {id} ==")?;
                if let Some(title) = &article.title {
                    writeln!(out, "# {title}\n")?;
                }
                writeln!(out, "{}\n", article.text)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn read_maybe_gzip(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_end(&mut bytes)
        .with_context(|| format!("{} is not valid gzip", path.display()))?;
    if bytes.is_empty() && !raw.is_empty() {
        bail!("{} decompressed to nothing", path.display());
    }
    Ok(bytes)
}

/// The file name without `.html` / `.html.gz` / `.htm` / `.gz`.
fn file_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let name = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))
        .unwrap_or(name);
    name.to_owned()
}
