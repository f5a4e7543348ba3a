//! Resilience within a pass, shown against loopback servers with the real
//! `Fetcher`: transient failures retried with backoff, Retry-After honoured
//! but never an excuse for endless retries, and an unreadable robots.txt
//! treated as "not now" rather than "anything goes".

mod common;

use std::time::Duration;

use common::{Arrivals, loopback_http};
use pactwatch::config::HttpConfig;
use pactwatch::fetch::{FetchError, Fetched, Fetcher, Validators};
use url::Url;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn url(server: &MockServer, path: &str) -> Url {
    Url::parse(&format!("{}{path}", server.uri())).unwrap()
}

fn page() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw("<p>back</p>", "text/html")
}

fn unavailable(retry_after: &str) -> ResponseTemplate {
    ResponseTemplate::new(503).insert_header("retry-after", retry_after)
}

fn retrying(retries: usize) -> Fetcher {
    Fetcher::new(&HttpConfig {
        retries,
        ..loopback_http()
    })
    .unwrap()
}

#[tokio::test]
async fn a_503_then_200_recovers_within_the_pass_after_retry_after() {
    let server = MockServer::start().await;
    let arrivals = Arrivals::default();
    Mock::given(path("/story"))
        .respond_with(arrivals.answering(unavailable("1")))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/story"))
        .respond_with(arrivals.answering(page()))
        .mount(&server)
        .await;

    let fetched = retrying(2)
        .fetch(&url(&server, "/story"), &Validators::default())
        .await;
    let Ok(Fetched::Page(page)) = fetched else {
        panic!("expected recovery: {fetched:?}")
    };
    assert_eq!(page.body, b"<p>back</p>");
    let log = arrivals.all();
    assert_eq!(log.len(), 2, "{log:?}");
    let gap = log[1].1 - log[0].1;
    assert!(
        gap >= Duration::from_millis(950),
        "Retry-After: 1 was not waited for ({gap:?})"
    );
}

#[tokio::test]
async fn retry_after_never_extends_the_number_of_retries() {
    let server = MockServer::start().await;
    Mock::given(path("/down"))
        .respond_with(unavailable("1"))
        .mount(&server)
        .await;
    let error = retrying(1)
        .fetch(&url(&server, "/down"), &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::Status { status: 503, .. }),
        "{error:?}"
    );
    let tries = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/down")
        .count();
    assert_eq!(tries, 2, "one try and one retry");
}

#[tokio::test]
async fn a_long_retry_after_is_left_to_the_next_pass() {
    let server = MockServer::start().await;
    Mock::given(path("/busy"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    let error = retrying(3)
        .fetch(&url(&server, "/busy"), &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            FetchError::Status { status: 429, retry_after: Some(d) } if d == Duration::from_secs(3600)
        ),
        "{error:?}"
    );
    assert!(error.is_transient(), "the source's backoff takes over");
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        2,
        "robots.txt and one try"
    );
}

#[tokio::test]
async fn an_unavailable_robots_txt_stops_the_site_until_it_recovers() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/robots.txt"))
        .respond_with(ResponseTemplate::new(200).set_body_string("User-agent: *\nAllow: /\n"))
        .mount(&server)
        .await;
    Mock::given(path("/news"))
        .respond_with(page())
        .mount(&server)
        .await;
    let fetcher = retrying(0);
    let news = url(&server, "/news");

    let error = fetcher
        .fetch(&news, &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::RobotsUnavailable(_)),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("robots.txt unavailable (HTTP status 503)"),
        "{error}"
    );
    let fetched = fetcher.fetch(&news, &Validators::default()).await;
    assert!(matches!(fetched, Ok(Fetched::Page(_))), "{fetched:?}");
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/robots.txt", "/robots.txt", "/news"]);
}

/// A site that answers robots.txt but never answers a page, on its own
/// loopback address (pacing is per host, and wiremock lives on 127.0.0.1).
fn hanging_site() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.2:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            if head.starts_with(b"GET /robots.txt") {
                let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
            }
            held.push(stream);
        }
    });
    base
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hanging_host_holds_one_request_slot_not_all_of_them() {
    let hanging = hanging_site();
    let server = MockServer::start().await;
    Mock::given(path("/news"))
        .respond_with(page())
        .mount(&server)
        .await;
    let fetcher = std::sync::Arc::new(
        Fetcher::new(&HttpConfig {
            concurrency: 2,
            per_host_interval: Duration::from_millis(20),
            timeout: Duration::from_secs(2),
            ..loopback_http()
        })
        .unwrap(),
    );

    // Three sources on the hanging site start first...
    let stuck: Vec<_> = (0..3)
        .map(|i| {
            let fetcher = fetcher.clone();
            let url = Url::parse(&format!("{hanging}/story/{i}")).unwrap();
            tokio::spawn(async move { fetcher.fetch(&url, &Validators::default()).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // ...and the healthy site still gets the other slot.
    let healthy = fetcher
        .fetch(&url(&server, "/news"), &Validators::default())
        .await;
    assert!(matches!(healthy, Ok(Fetched::Page(_))), "{healthy:?}");
    assert!(
        stuck.iter().all(|task| !task.is_finished()),
        "the healthy fetch finished before any hanging one gave up"
    );
    for task in stuck {
        let error = task.await.unwrap().unwrap_err();
        assert!(matches!(error, FetchError::Timeout), "{error:?}");
    }
}
