//! Politeness, shown against loopback servers with the real `Fetcher`:
//! robots.txt obeyed and cached, requests to one host spaced (by
//! `per_host_interval` or a longer Crawl-delay), a bounded number in flight,
//! conditional GET, compression and an honest User-Agent. Spacing is checked
//! on the server's recorded arrival times, as a lower bound with slack.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{Arrivals, loopback_http};
use pactwatch::fetch::{FetchError, Fetched, Fetcher, Validators};
use url::Url;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn html(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "text/html; charset=utf-8")
}

fn url(server: &MockServer, path: &str) -> Url {
    Url::parse(&format!("{}{path}", server.uri())).unwrap()
}

fn paths(requests: &[wiremock::Request]) -> Vec<String> {
    requests.iter().map(|r| r.url.path().to_owned()).collect()
}

#[tokio::test]
async fn robots_txt_disallow_is_respected_and_fetched_once() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(ResponseTemplate::new(200).set_body_string(
            "User-agent: *\nDisallow: /\n\nUser-agent: pactwatch\nDisallow: /private/\n",
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(html("<p>page</p>"))
        .mount(&server)
        .await;
    Mock::given(path("/go"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/private/memo"))
        .with_priority(1)
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&loopback_http()).unwrap();

    // Directly, and as the target of a redirect from an allowed page.
    for start in ["/private/memo", "/go"] {
        let refused = fetcher
            .fetch(&url(&server, start), &Validators::default())
            .await;
        assert!(
            matches!(refused, Err(FetchError::RobotsDisallowed)),
            "{start}: {refused:?}"
        );
    }
    for page in ["/news/1", "/news/2"] {
        let fetched = fetcher
            .fetch(&url(&server, page), &Validators::default())
            .await
            .unwrap();
        assert!(matches!(fetched, Fetched::Page(_)));
    }

    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        paths(&requests),
        ["/robots.txt", "/go", "/news/1", "/news/2"],
        "the disallowed page is never requested and robots.txt is cached"
    );
    // An honest User-Agent: our product token (which the robots group above
    // names) and a contact URL; compressed bodies are welcome.
    let agent = requests[2].headers["user-agent"].to_str().unwrap();
    assert!(agent.starts_with("pactwatch/"), "{agent}");
    assert!(agent.contains("(+https://"), "{agent}");
    let encodings = requests[2].headers["accept-encoding"].to_str().unwrap();
    assert!(
        encodings.contains("gzip") && encodings.contains("br"),
        "{encodings}"
    );
}

#[tokio::test]
async fn two_sources_on_one_host_are_spaced_by_the_interval() {
    let server = MockServer::start().await;
    let arrivals = Arrivals::default();
    Mock::given(method("GET"))
        .respond_with(arrivals.answering(html("<p>x</p>")))
        .mount(&server)
        .await;
    let interval = Duration::from_millis(700);
    let fetcher = Fetcher::new(&pactwatch::config::HttpConfig {
        per_host_interval: interval,
        ..loopback_http()
    })
    .unwrap();

    // Two sources of one site, fetched at the same moment.
    let (a, b, none) = (
        url(&server, "/section/a"),
        url(&server, "/feed/b"),
        Validators::default(),
    );
    let (a, b) = tokio::join!(fetcher.fetch(&a, &none), fetcher.fetch(&b, &none));
    assert!(a.is_ok() && b.is_ok());

    let log = arrivals.all();
    assert_eq!(log.len(), 3, "robots.txt and two pages: {log:?}");
    assert_eq!(log[0].0, "/robots.txt");
    for pair in log.windows(2) {
        let gap = pair[1].1 - pair[0].1;
        assert!(
            // Generous slack: arrival times carry scheduling noise.
            gap >= interval - Duration::from_millis(250),
            "{} followed {} after {gap:?}",
            pair[1].0,
            pair[0].0
        );
    }
}

#[tokio::test]
async fn a_longer_crawl_delay_wins_over_the_interval() {
    let server = MockServer::start().await;
    let arrivals = Arrivals::default();
    Mock::given(path("/robots.txt"))
        .respond_with(arrivals.answering(
            ResponseTemplate::new(200).set_body_string("User-agent: *\nCrawl-delay: 1\n"),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(arrivals.answering(html("<p>x</p>")))
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&pactwatch::config::HttpConfig {
        per_host_interval: Duration::from_millis(50),
        ..loopback_http()
    })
    .unwrap();

    for page in ["/a", "/b", "/c"] {
        fetcher
            .fetch(&url(&server, page), &Validators::default())
            .await
            .unwrap();
    }
    let log = arrivals.all();
    let pages: Vec<&str> = log.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(pages, ["/robots.txt", "/a", "/b", "/c"]);
    for pair in log.windows(2) {
        let gap = pair[1].1 - pair[0].1;
        assert!(
            gap >= Duration::from_millis(750),
            "{} followed {} after {gap:?}, under the 1s Crawl-delay",
            pair[1].0,
            pair[0].0
        );
    }
}

#[tokio::test]
async fn conditional_get_sends_validators_and_maps_304_to_not_modified() {
    let server = MockServer::start().await;
    Mock::given(path("/story"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .mount(&server)
        .await;
    Mock::given(path("/story"))
        .respond_with(
            html("<p>story</p>")
                .insert_header("etag", "\"v1\"")
                .insert_header("last-modified", "Mon, 23 Nov 2026 08:00:00 GMT"),
        )
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&loopback_http()).unwrap();
    let story = url(&server, "/story");

    let Fetched::Page(first) = fetcher.fetch(&story, &Validators::default()).await.unwrap() else {
        panic!("the first fetch has no validators to send");
    };
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    let second = fetcher.fetch(&story, &first.validators).await.unwrap();
    assert!(matches!(second, Fetched::NotModified), "{second:?}");
    let requests = server.received_requests().await.unwrap();
    let last = requests.last().unwrap();
    assert_eq!(
        last.headers["if-modified-since"],
        "Mon, 23 Nov 2026 08:00:00 GMT"
    );
    assert!(!requests[1].headers.contains_key("if-none-match"));
}

#[tokio::test]
async fn gzip_bodies_are_decoded() {
    use std::io::Write;
    let server = MockServer::start().await;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all("<p>São Tomé and Príncipe</p>".as_bytes())
        .unwrap();
    Mock::given(path("/zipped"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html; charset=utf-8")
                .insert_header("content-encoding", "gzip")
                .set_body_bytes(gzip.finish().unwrap()),
        )
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&loopback_http()).unwrap();
    let Fetched::Page(page) = fetcher
        .fetch(&url(&server, "/zipped"), &Validators::default())
        .await
        .unwrap()
    else {
        panic!("expected a page");
    };
    assert_eq!(page.body, "<p>São Tomé and Príncipe</p>".as_bytes());
}

/// Requests in flight never exceed `http.concurrency`, however many callers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrency_is_bounded_across_callers() {
    // wiremock cannot tell how many requests it holds at once, so a tiny
    // server counts them: each is held open for a moment before its 404.
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    {
        let (in_flight, peak) = (in_flight.clone(), peak.clone());
        tokio::spawn(async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            loop {
                let (mut socket, _) = listener.accept().await.unwrap();
                let (in_flight, peak) = (in_flight.clone(), peak.clone());
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        let n = socket.read(&mut buf).await.unwrap();
                        if n == 0 {
                            return;
                        }
                        request.extend_from_slice(&buf[..n]);
                    }
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(150)).await;
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    let _ = socket
                        .write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                        .await;
                });
            }
        });
    }
    let fetcher = Fetcher::new(&pactwatch::config::HttpConfig {
        concurrency: 3,
        ..loopback_http()
    })
    .unwrap();
    let urls: Vec<Url> = (0..12)
        .map(|i| Url::parse(&format!("http://{address}/page/{i}")).unwrap())
        .collect();
    let none = Validators::default();
    let results =
        futures_util::future::join_all(urls.iter().map(|u| fetcher.fetch(u, &none))).await;
    assert!(
        results
            .iter()
            .all(|r| matches!(r, Err(FetchError::Status { status: 404, .. })))
    );
    assert_eq!(
        peak.load(Ordering::SeqCst),
        3,
        "at most 3 at once, and 3 used"
    );
}
