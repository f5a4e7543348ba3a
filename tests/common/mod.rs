//! Shared fixtures for the integration tests: a real SMTP server on loopback
//! (mailin-embedded, in-process), a real HTTP server on loopback (wiremock),
//! a temporary config and database, and the real `pactwatch` binary.

#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use mailin_embedded::{Handler, Response, Server, response};

/// One message as the SMTP server received it.
#[derive(Debug, Clone, Default)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl ReceivedMail {
    /// The unfolded value of a header, e.g. `Subject`.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or_default();
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    }
}

#[derive(Clone)]
struct Collector {
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
    current: ReceivedMail,
    reject: Arc<Mutex<Vec<String>>>,
}

impl Handler for Collector {
    fn rcpt(&mut self, to: &str) -> Response {
        if self.reject.lock().unwrap().iter().any(|r| r == to) {
            return response::NO_MAILBOX;
        }
        response::OK
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = ReceivedMail {
            from: from.to_owned(),
            to: to.to_vec(),
            data: String::new(),
        };
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.data.push_str(&String::from_utf8_lossy(buf));
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.mails
            .lock()
            .unwrap()
            .push(std::mem::take(&mut self.current));
        response::OK
    }
}

/// A real SMTP server on loopback that keeps what it receives.
pub struct SmtpSink {
    pub port: u16,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
    reject: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        Self::start_on(listener)
    }

    /// Starts on a port chosen earlier (see [`free_port`]), to model a mail
    /// server that comes back up.
    pub fn start_at(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        Self::start_on(listener)
    }

    fn start_on(listener: TcpListener) -> Self {
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let reject = Arc::new(Mutex::new(Vec::new()));
        let collector = Collector {
            mails: mails.clone(),
            current: ReceivedMail::default(),
            reject: reject.clone(),
        };
        let mut server = Server::new(collector);
        server.with_name("sink.test").with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        Self {
            port,
            mails,
            reject,
        }
    }

    /// Makes the server answer 550 for this recipient.
    pub fn reject(&self, address: &str) {
        self.reject.lock().unwrap().push(address.to_owned());
    }

    pub fn mails(&self) -> Vec<ReceivedMail> {
        self.mails.lock().unwrap().clone()
    }
}

/// A loopback port with nothing listening on it (for "SMTP server down").
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A news article page in a typical layout: navigation, a teaser rail and a
/// footer around the body paragraphs.
pub fn article_html(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Wire</title>
<meta property="og:title" content="{title}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article><h1>{title}</h1><div class="article-body">
{body}</div></article>
<aside class="related"><h3>Trending</h3><ul><li><a href="/other">Stocks rally as markets open</a></li></ul></aside></main>
<footer><p>Copyright Wire Services. All rights reserved. Sign up for our newsletter.</p></footer>
</body></html>"#
    )
}

pub fn rss(items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(title, link)| format!("<item><title>{title}</title><link>{link}</link></item>"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>http://example.test/</link><description>d</description>{items}</channel></rss>"#
    )
}

/// A temporary installation: config file, database and outbox in one folder.
pub struct Install {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl Install {
    /// Writes a config with the given sources (TOML `[[sources]]` blocks) and
    /// mail going to an SMTP server on `smtp_port`.
    pub fn new(sources: &str, smtp_port: u16, subscribers: &[&str]) -> Self {
        let subscribers: String = subscribers
            .iter()
            .map(|s| format!("[[subscribers]]\nemail = \"{s}\"\n"))
            .collect();
        Self::with_subscribers(sources, smtp_port, &subscribers)
    }

    /// Like [`Install::new`], with `[[subscribers]]` blocks written out.
    pub fn with_subscribers(sources: &str, smtp_port: u16, subscribers: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            r#"[storage]
path = "{db}"

[http]
timeout = "5s"
per_host_interval = "0s"
allow_private_addresses = true
retries = 0

{sources}

[email]
from = "Pactwatch <alerts@pactwatch.test>"
transport = "smtp"
smtp_host = "127.0.0.1"
smtp_port = {smtp_port}
smtp_tls = "none"
smtp_timeout = "5s"

{subscribers}"#,
            db = dir.path().join("db/pactwatch.sqlite3").display(),
        );
        let path = dir.path().join("pactwatch.toml");
        std::fs::write(&path, config).unwrap();
        Self { dir, config: path }
    }

    pub fn pactwatch(&self, args: &[&str]) -> Output {
        run_pactwatch(&self.config, args)
    }

    /// `pactwatch sources`, one row of whitespace-split fields per source
    /// (name, URL, state, last check, next check, fails, last error …).
    pub fn source_rows(&self) -> Vec<Vec<String>> {
        let output = self.pactwatch(&["sources"]);
        assert!(output.status.success());
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .skip(1)
            .take_while(|line| !line.is_empty()) // the outbox summary follows
            .map(|line| line.split_whitespace().map(str::to_owned).collect())
            .collect()
    }

    /// `pactwatch check`, asserting it exits 0.
    pub fn check(&self) -> String {
        let output = self.pactwatch(&["check"]);
        assert!(
            output.status.success(),
            "check failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// `pactwatch alerts --format json`, parsed.
    pub fn alerts(&self) -> Vec<serde_json::Value> {
        let output = self.pactwatch(&["alerts", "--format", "json"]);
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

pub fn run_pactwatch(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pactwatch"))
        .arg("--config")
        .arg(config)
        .args(args)
        .env("RUST_LOG", "info")
        .output()
        .unwrap()
}

/// A news site on loopback whose pages can be replaced between passes.
pub struct Site {
    pub server: wiremock::MockServer,
}

impl Site {
    pub async fn start() -> Self {
        Self {
            server: wiremock::MockServer::start().await,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.uri())
    }

    /// Serves `pages` (path, content type, body) and nothing else.
    pub async fn serve(&self, pages: &[(&str, &str, String)]) {
        use wiremock::matchers::{method, path};
        self.server.reset().await;
        for (page, content_type, body) in pages {
            wiremock::Mock::given(method("GET"))
                .and(path(*page))
                .respond_with(
                    wiremock::ResponseTemplate::new(200)
                        .insert_header("content-type", *content_type)
                        .set_body_string(body.clone()),
                )
                .mount(&self.server)
                .await;
        }
    }
}

pub const HTML: &str = "text/html; charset=utf-8";
pub const RSS: &str = "application/rss+xml";

/// An `[http]` section for driving `pactwatch::fetch::Fetcher` directly
/// against loopback: private addresses allowed, no pacing, no retries.
pub fn loopback_http() -> pactwatch::config::HttpConfig {
    pactwatch::config::HttpConfig {
        allow_private_addresses: true,
        per_host_interval: std::time::Duration::ZERO,
        retries: 0,
        timeout: std::time::Duration::from_secs(5),
        ..Default::default()
    }
}

/// When each request reached a wiremock server, by path: wiremock records
/// requests but not their arrival times, which spacing tests need.
#[derive(Clone, Default)]
pub struct Arrivals {
    log: Arc<Mutex<Vec<(String, std::time::Instant)>>>,
}

impl Arrivals {
    /// A responder that logs each arrival and answers with `template`.
    pub fn answering(
        &self,
        template: wiremock::ResponseTemplate,
    ) -> impl wiremock::Respond + use<> {
        let log = self.log.clone();
        move |request: &wiremock::Request| {
            log.lock()
                .unwrap()
                .push((request.url.path().to_owned(), std::time::Instant::now()));
            template.clone()
        }
    }

    /// Every arrival so far, in order.
    pub fn all(&self) -> Vec<(String, std::time::Instant)> {
        self.log.lock().unwrap().clone()
    }
}

/// A `pactwatch run` daemon whose log lines (stderr) are collected as they come.
pub struct Daemon {
    child: std::process::Child,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Daemon {
    pub fn start(config: &Path) -> Self {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_pactwatch"))
            .arg("--config")
            .arg(config)
            .arg("run")
            .env("RUST_LOG", "info")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push(strip_ansi(&line));
            }
        });
        Self {
            child,
            lines,
            reader: Some(reader),
        }
    }

    /// How many log lines so far contain `text`.
    pub fn count(&self, text: &str) -> usize {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(text))
            .count()
    }

    /// Waits until `n` log lines contain `text`; panics with the log after
    /// `limit` (a deadline against hanging, not a speed requirement).
    pub fn wait_for(&self, text: &str, n: usize, limit: std::time::Duration) {
        let start = std::time::Instant::now();
        while self.count(text) < n {
            assert!(
                start.elapsed() < limit,
                "no {n}x {text:?} in the daemon log:\n{}",
                self.log()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    pub fn log(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    /// SIGTERM, then waits for a clean exit (asserted).
    pub fn stop(mut self) -> String {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let exit = self.child.wait().unwrap();
        // The reader sees end of file once the process is gone: the log is complete.
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        assert!(exit.success(), "daemon exited with {exit}:\n{}", self.log());
        self.log()
    }
}

/// The log without terminal colours, so `sources=0` can be searched for.
fn strip_ansi(line: &str) -> String {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI sequences end with a letter, e.g. ESC [ 2 m.
            chars.by_ref().find(char::is_ascii_alphabetic);
        } else {
            plain.push(c);
        }
    }
    plain
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // A failed assertion must not leave a daemon behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
