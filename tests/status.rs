//! The status endpoint of the real daemon: `run` on a loopback site and SMTP
//! server with `[status] listen` set; `/healthz` and `/metrics` answer and
//! count what the passes did; SIGTERM during a fetch stops the daemon cleanly
//! with everything the passes reported committed, and nothing more.

mod common;

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{HTML, Install, RSS, Site, SmtpSink, article_html, free_port, rss};
use pactwatch::store::Store;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

const LIVE: &str = "/live/deportations";

const BASE_STORY: &[&str] = &[
    "WASHINGTON (Wire) — The Trump administration has deported hundreds of migrants to El Salvador under an agreement with the government of President Nayib Bukele, officials said.",
];

const NEW_PARAGRAPH: &str = "Eswatini has agreed to accept people deported from the United States who are not its citizens, the Department of Homeland Security said on Tuesday.";

/// Every source is due again two seconds after it was checked, so the daemon
/// keeps passing while the test watches.
fn sources(site: &Site) -> String {
    format!(
        r#"[[sources]]
name = "wire-live"
url = "{live}"
kind = "article"
interval = "2s"

[[sources]]
name = "wire-section"
url = "{section}"
kind = "listing"
links = "/news/"
interval = "2s"

[[sources]]
name = "wire-feed"
url = "{feed}"
kind = "feed"
interval = "2s"
"#,
        live = site.url(LIVE),
        section = site.url("/section/immigration"),
        feed = site.url("/feed.xml"),
    )
}

/// The four pages of the first day: live story, section page, one article
/// (linked from both the section and the feed), and the feed.
fn first_day(site: &Site) -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            LIVE,
            HTML,
            article_html("Deportation deals: live", BASE_STORY),
        ),
        (
            "/section/immigration",
            HTML,
            r#"<html><body><a href="/news/prison">Inside the prison</a></body></html>"#.to_owned(),
        ),
        (
            "/news/prison",
            HTML,
            article_html(
                "Inside the prison",
                &[
                    "Deportees sent to El Salvador are held in a maximum-security prison, lawyers said.",
                ],
            ),
        ),
        (
            "/feed.xml",
            RSS,
            rss(&[("Prison", &site.url("/news/prison"))]),
        ),
    ]
}

/// The daemon, started with JSON logs on stderr so its pass reports can be
/// read; a thread drains them so a full pipe never blocks the daemon.
struct Daemon {
    child: Child,
    logs: Option<std::thread::JoinHandle<String>>,
}

impl Daemon {
    fn start(install: &Install) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pactwatch"))
            .arg("--config")
            .arg(&install.config)
            .args(["--log-format", "json", "run"])
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let logs = std::thread::spawn(move || {
            let mut logs = String::new();
            let _ = stderr.read_to_string(&mut logs);
            logs
        });
        Self {
            child,
            logs: Some(logs),
        }
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the exit, generously; returns whether it succeeded and the logs.
    fn wait(mut self, deadline: Duration) -> (bool, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < deadline,
                "the daemon did not stop within {deadline:?} of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let logs = self.logs.take().unwrap().join().unwrap();
        (status.success(), logs)
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // A daemon that outlives a failed assertion would keep the port.
        let _ = self.child.kill();
    }
}

/// Polls `url` until `accept` holds for (status, body), or panics at `deadline`.
async fn poll(
    client: &reqwest::Client,
    url: &str,
    deadline: Duration,
    accept: impl Fn(u16, &str) -> bool,
) -> String {
    let started = Instant::now();
    let mut last = String::from("no answer");
    while started.elapsed() < deadline {
        if let Ok(response) = client.get(url).send().await {
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            if accept(status, &body) {
                return body;
            }
            last = format!("{status}: {body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{url} never gave the expected answer; last: {last}");
}

async fn requests_for(site: &Site, page: &str) -> usize {
    site.server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == page)
        .count()
}

/// The value of one sample line (`name{labels} value`) of an exposition.
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics.lines().find_map(|line| {
        line.strip_prefix(series)?
            .strip_prefix(' ')?
            .trim()
            .parse()
            .ok()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_daemon_reports_health_and_metrics_and_stops_cleanly_on_sigterm() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(&sources(&site), smtp.port, &["analyst@newsroom.test"]);
    let port = free_port();
    let mut config = std::fs::read_to_string(&install.config).unwrap();
    config.push_str(&format!("\n[status]\nlisten = \"127.0.0.1:{port}\"\n"));
    std::fs::write(&install.config, config).unwrap();
    site.serve(&first_day(&site)).await;

    let daemon = Daemon::start(&install);
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");

    let health = poll(
        &client,
        &format!("{base}/healthz"),
        Duration::from_secs(60),
        |status, _| status == 200,
    )
    .await;
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "ok");

    let metrics = poll(
        &client,
        &format!("{base}/metrics"),
        Duration::from_secs(60),
        |_, body| sample(body, "pactwatch_pass_duration_seconds_count").is_some_and(|n| n >= 1.0),
    )
    .await;
    let fetched_ok = sample(&metrics, "pactwatch_fetches_total{outcome=\"ok\"}").unwrap();
    assert!(fetched_ok >= 4.0, "every page was fetched:\n{metrics}");
    let versions = sample(&metrics, "pactwatch_versions_stored_total").unwrap();
    assert!(
        versions >= 2.0,
        "the live story and the article:\n{metrics}"
    );
    assert_eq!(
        sample(&metrics, "pactwatch_alerts_created_total"),
        Some(0.0),
        "the first pass is a baseline:\n{metrics}"
    );
    assert_eq!(sample(&metrics, "pactwatch_pending_deliveries"), Some(0.0));
    for source in ["wire-live", "wire-section", "wire-feed"] {
        assert_eq!(
            sample(
                &metrics,
                &format!("pactwatch_source_consecutive_failures{{source=\"{source}\"}}")
            ),
            Some(0.0),
            "{source}:\n{metrics}"
        );
    }

    // The next day's live story answers slowly; SIGTERM lands while it is in
    // flight. Mounted over the first day's mocks, so no pass sees a gap.
    Mock::given(method("GET"))
        .and(path(LIVE))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", HTML)
                .set_body_string(article_html(
                    "Deportation deals: live",
                    &[BASE_STORY[0], NEW_PARAGRAPH],
                ))
                .set_delay(Duration::from_secs(2)),
        )
        .with_priority(1)
        .mount(&site.server)
        .await;
    // Counted after mounting: any request from here on gets the slow answer.
    let before = requests_for(&site, LIVE).await;
    let started = Instant::now();
    while requests_for(&site, LIVE).await == before {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no pass fetched the live story again"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    daemon.terminate();
    let (success, logs) = daemon.wait(Duration::from_secs(20));
    assert!(success, "exit status after SIGTERM:\n{logs}");

    let events: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    let signalled = events
        .iter()
        .position(|e| {
            e["fields"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("shutdown requested"))
        })
        .expect("the daemon saw SIGTERM");
    let live_stored_last = events.iter().rposition(|e| {
        e["fields"]["message"] == "new version" && e["fields"]["url"] == site.url(LIVE)
    });
    assert!(
        live_stored_last.is_some_and(|at| at > signalled),
        "the live story in flight at SIGTERM was stored after it:\n{logs}"
    );
    let reported: i64 = events
        .iter()
        .filter(|line| line["fields"]["message"] == "pass finished")
        .map(|line| line["fields"]["new_versions"].as_i64().unwrap())
        .sum();
    let stored = Store::open(&install.dir.path().join("db/pactwatch.sqlite3"))
        .unwrap()
        .count_versions()
        .unwrap();
    assert_eq!(
        stored, reported,
        "versions in the database are exactly those the passes reported:\n{logs}"
    );
    let alerts = install.alerts();
    assert!(
        alerts.iter().any(|a| a["country"] == "Eswatini"),
        "its facts were committed with it: {alerts:#?}"
    );
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the status endpoint is gone"
    );
}
