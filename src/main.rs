//! The `pactwatch` command: parses arguments, sets up logging and the shutdown
//! signal, and hands over to the library. Errors become messages and exit
//! codes here and nowhere else.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use tokio::sync::watch;

use pactwatch::config::{self, Config, Transport};
use pactwatch::extract::{self, ExtractOptions};
use pactwatch::inspect;
use pactwatch::notify::Notifier;
use pactwatch::pipeline::{PassObserver, Pipeline, Scope};
use pactwatch::status::{StatusError, StatusServer};
use pactwatch::store::Store;

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
    /// Send a sample alert mail through the configured transport and report the outcome.
    SendTest {
        /// The address to send the sample to.
        #[arg(long)]
        to: String,
    },
    /// Every stored version of one article (by its canonical URL).
    History { url: String },
    /// What changed between two versions of an article (default: the last two).
    Diff {
        url: String,
        /// Older version number, as listed by `history` (1 is the first).
        #[arg(long)]
        from: Option<usize>,
        /// Newer version number.
        #[arg(long)]
        to: Option<usize>,
        /// Show only the sentences the newer version adds, as detection sees them.
        #[arg(long)]
        sentences: bool,
    },
    /// Known countries with when and where they were first reported; known quotes with speakers.
    Facts,
    /// Write a consistent copy of the database to FILE, safe while the daemon runs.
    Backup { file: PathBuf },
    /// Configuration tools.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
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

#[derive(Subcommand)]
enum ConfigAction {
    /// Validate a config file and print every problem with its line, without starting anything.
    Check {
        /// The file to check (default: --config, else config/pactwatch.toml).
        file: Option<PathBuf>,
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
            let store = open_store(cli.config.as_deref())?;
            let mut out = std::io::stdout().lock();
            match format {
                AlertFormat::Json => inspect::alerts_json(&store, &mut out)?,
                AlertFormat::Text => inspect::alerts_text(&store, &mut out)?,
            }
            Ok(())
        }
        Command::Sources => {
            let config = load_config(cli.config.as_deref())?;
            let store = Store::open(&config.storage.path)?;
            store.sync_sources(&config.sources, pactwatch::pipeline::now())?;
            Ok(inspect::sources(&store, &mut std::io::stdout().lock())?)
        }
        Command::History { url } => {
            let store = open_store(cli.config.as_deref())?;
            Ok(inspect::history(
                &store,
                &url,
                &mut std::io::stdout().lock(),
            )?)
        }
        Command::Diff {
            url,
            from,
            to,
            sentences,
        } => {
            let store = open_store(cli.config.as_deref())?;
            let style = if sentences {
                inspect::DiffStyle::Sentences
            } else {
                inspect::DiffStyle::Unified
            };
            let colour = std::io::stdout().is_terminal();
            let mut out = std::io::stdout().lock();
            Ok(inspect::diff(
                &store, &url, from, to, style, colour, &mut out,
            )?)
        }
        Command::Facts => {
            let store = open_store(cli.config.as_deref())?;
            Ok(inspect::facts(&store, &mut std::io::stdout().lock())?)
        }
        Command::Backup { file } => {
            if file.exists() {
                bail!(
                    "{} exists; a backup never overwrites a file",
                    file.display()
                );
            }
            let store = open_store(cli.config.as_deref())?;
            store.backup(&file)?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Config {
            action: ConfigAction::Check { file },
        } => config_check(file.as_deref().or(cli.config.as_deref())),
        Command::SendTest { to } => {
            let config = load_config(cli.config.as_deref())?;
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let notifier = Notifier::new(&config.email, &config.subscribers, "send-test")?;
                notifier
                    .send_test(&to)
                    .await
                    .with_context(|| format!("sample mail to {to} failed"))?;
                match config.email.transport() {
                    Transport::Smtp => println!(
                        "sample mail to {to} accepted by {}:{}",
                        config.email.smtp_host.as_deref().unwrap_or("localhost"),
                        config.email.smtp_port
                    ),
                    Transport::File => println!(
                        "sample mail to {to} written to {}",
                        config.email.file_dir.display()
                    ),
                }
                anyhow::Ok(())
            })
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
                let mut pipeline = Pipeline::new(config, &watch_name)?;
                if matches!(cli.command, Command::Check) && std::io::stderr().is_terminal() {
                    pipeline = pipeline.with_observer(Box::new(ProgressBar::new()));
                }
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

/// A progress bar over the sources of a `check` pass, on a terminal only;
/// elsewhere the log's per-source lines say the same in plain text.
struct ProgressBar(indicatif::ProgressBar);

impl ProgressBar {
    fn new() -> Self {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} sources  {msg}")
                .expect("static template"),
        );
        Self(bar)
    }
}

impl PassObserver for ProgressBar {
    fn pass_started(&self, sources: usize) {
        self.0
            .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.0.set_length(sources as u64);
    }

    fn source_finished(&self, name: &str, ok: bool) {
        self.0
            .set_message(format!("{name} {}", if ok { "ok" } else { "failed" }));
        self.0.inc(1);
    }

    fn pass_finished(&self) {
        self.0.finish_and_clear();
    }
}

fn open_store(config: Option<&Path>) -> Result<Store> {
    let config = load_config(config)?;
    Ok(Store::open(&config.storage.path)?)
}

/// Prints every problem of the file, one per line as `FILE:LINE: message`;
/// fails when there is any.
fn config_check(path: Option<&Path>) -> Result<()> {
    let path = path.unwrap_or(Path::new(config::DEFAULT_PATH));
    match Config::load(path) {
        Ok(config) => {
            println!(
                "{}: ok ({} sources, {} subscribers)",
                path.display(),
                config.sources.len(),
                config.subscribers.len()
            );
            Ok(())
        }
        Err(config::ConfigError::Invalid { problems, .. }) => {
            for problem in &problems {
                match problem.line {
                    Some(line) => println!("{}:{line}: {}", path.display(), problem.message),
                    None => println!("{}: {}", path.display(), problem.message),
                }
            }
            bail!("{} problem(s) in {}", problems.len(), path.display())
        }
        Err(error) => Err(error.into()),
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
