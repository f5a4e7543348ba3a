//! Benchmark: one pass over 2,000 sources served from loopback.
//!
//! An in-process axum server on 127.0.0.1 serves 2,000 small article pages
//! (with ETags, answering 304 to a matching If-None-Match). Three phases:
//! a full `Pipeline` pass (fetch, extract, diff, detect, store), a second
//! pass that gets 304 for everything, and the bare `Fetcher` over the same
//! URLs. Each prints wall time, requests/s and the peak RSS so far (VmHWM,
//! which includes the server, since it runs in this process).
//!
//! `cargo bench --bench fetch_pass [-- CONCURRENCY]` (default 32). Loopback
//! only; every loop is bounded; it stops by itself.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use pactwatch::config::{Config, HttpConfig};
use pactwatch::fetch::{Fetcher, Validators};
use pactwatch::pipeline::{Pipeline, Scope};
use url::Url;

const SOURCES: usize = 2_000;

const COUNTRIES: &[&str] = &["Eswatini", "Rwanda", "Uganda", "Ghana", "Costa Rica"];

fn page(i: usize) -> String {
    let country = COUNTRIES[i % COUNTRIES.len()];
    let paragraphs: String = (0..6)
        .map(|p| {
            format!(
                "<p>Paragraph {p} of story {i}: {country} has agreed to accept people deported from the United States who are not its citizens, officials said on day {p}.</p>\n"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Story {i}</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Story {i}</h1>{paragraphs}</article>\
         <footer>Copyright Wire.</footer></body></html>"
    )
}

async fn article(
    State(requests): State<Arc<AtomicUsize>>,
    Path(i): Path<usize>,
    headers: HeaderMap,
) -> Response {
    requests.fetch_add(1, Ordering::Relaxed);
    let etag = format!("\"{i}\"");
    if headers
        .get(IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (ETAG, etag),
        ],
        page(i),
    )
        .into_response()
}

async fn robots(State(requests): State<Arc<AtomicUsize>>) -> &'static str {
    requests.fetch_add(1, Ordering::Relaxed);
    "User-agent: *\nAllow: /\n"
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn report(phase: &str, elapsed: Duration, requests: usize) {
    println!(
        "{phase:<34} {:>8.2} s  {requests:>6} requests  {:>9.0} requests/s  peak RSS {:>6.1} MiB",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        peak_rss_mib()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; the first number, if any, is the concurrency.
    let concurrency: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(32);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(bench(concurrency));
}

async fn bench(concurrency: usize) {
    let requests = Arc::new(AtomicUsize::new(0));
    let app = axum::Router::new()
        .route("/robots.txt", axum::routing::get(robots))
        .route("/story/{i}", axum::routing::get(article))
        .with_state(requests.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir().expect("temp dir");
    let sources: String = (0..SOURCES)
        .map(|i| {
            format!(
                "[[sources]]\nname = \"s{i:04}\"\nurl = \"{base}/story/{i}\"\nkind = \"article\"\n"
            )
        })
        .collect();
    let config = format!(
        "[storage]\npath = \"{db}\"\n\n[http]\nconcurrency = {concurrency}\nper_host_interval = \"0s\"\nallow_private_addresses = true\nretries = 0\n\n{sources}\n[email]\nfrom = \"Bench <bench@example.org>\"\ntransport = \"file\"\nfile_dir = \"{outbox}\"\n",
        db = dir.path().join("bench.sqlite3").display(),
        outbox = dir.path().join("outbox").display(),
    );
    let config = Config::parse(&config, std::path::Path::new("bench.toml")).expect("config");
    println!("{SOURCES} article sources on {base}, concurrency {concurrency}, per_host_interval 0");

    let pipeline = Pipeline::new(config, "bench").expect("pipeline");
    let (_, shutdown) = tokio::sync::watch::channel(false);
    for phase in [
        "pipeline pass (200, new versions)",
        "pipeline pass again (304)",
    ] {
        let before = requests.load(Ordering::Relaxed);
        let started = Instant::now();
        let pass = pipeline.pass(Scope::All, &shutdown).await.expect("pass");
        let elapsed = started.elapsed();
        assert_eq!(pass.sources_failed, 0, "{pass:?}");
        report(phase, elapsed, requests.load(Ordering::Relaxed) - before);
        println!(
            "{:<34} {} pages, {} unchanged, {} new versions",
            "", pass.pages_fetched, pass.not_modified, pass.new_versions
        );
    }
    drop(pipeline);

    let fetcher = Fetcher::new(&HttpConfig {
        concurrency,
        per_host_interval: Duration::ZERO,
        allow_private_addresses: true,
        retries: 0,
        ..HttpConfig::default()
    })
    .expect("fetcher");
    let urls: Vec<Url> = (0..SOURCES)
        .map(|i| Url::parse(&format!("{base}/story/{i}")).expect("url"))
        .collect();
    let before = requests.load(Ordering::Relaxed);
    let started = Instant::now();
    let none = Validators::default();
    let fetched = futures_util::stream::iter(&urls)
        .map(|url| fetcher.fetch(url, &none))
        .buffer_unordered(concurrency)
        .filter(|r| std::future::ready(r.is_ok()))
        .count()
        .await;
    let elapsed = started.elapsed();
    assert_eq!(fetched, SOURCES);
    report(
        "fetcher only (200)",
        elapsed,
        requests.load(Ordering::Relaxed) - before,
    );
}
