//! Safety, shown against loopback servers with the real `Fetcher`: only
//! http(s), redirects limited and every hop re-checked by the SSRF guard
//! before any connection, bodies capped while streaming, timeouts that let
//! other sources finish, non-HTML skipped, and legacy charsets decoded.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use common::loopback_http;
use pactwatch::config::HttpConfig;
use pactwatch::fetch::{FetchError, Fetched, Fetcher, Validators};
use url::Url;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn url(server: &MockServer, path: &str) -> Url {
    Url::parse(&format!("{}{path}", server.uri())).unwrap()
}

async fn redirect(server: &MockServer, from: &str, to: &str) {
    Mock::given(path(from))
        .respond_with(ResponseTemplate::new(302).insert_header("location", to))
        .mount(server)
        .await;
}

/// The guard on, with only the test server's own address exempt.
fn guarded() -> HttpConfig {
    HttpConfig {
        allow_private_addresses: false,
        private_allowlist: vec!["127.0.0.1".parse().unwrap()],
        ..loopback_http()
    }
}

/// Reads one request head from `stream` and returns its request line.
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
        head.push(byte[0]);
    }
    String::from_utf8_lossy(&head)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn redirects_to_private_addresses_are_refused_before_connecting() {
    let server = MockServer::start().await;
    // A live server on another loopback address, which the allowlist does
    // not name: reachable, so "refused" cannot be a failed connection.
    let bystander = TcpListener::bind("127.0.0.2:0").unwrap();
    bystander.set_nonblocking(true).unwrap();
    let bystander_url = format!("http://{}/admin", bystander.local_addr().unwrap());
    let port = server.address().port();
    let targets = [
        (
            "/metadata",
            "http://169.254.169.254/latest/meta-data/".to_owned(),
        ),
        ("/intranet", "http://10.0.0.1/".to_owned()),
        ("/ipv6-loopback", format!("http://[::1]:{port}/")),
        ("/mapped", format!("http://[::ffff:127.0.0.2]:{port}/")),
        ("/bystander", bystander_url.clone()),
    ];
    for (from, to) in &targets {
        redirect(&server, from, to).await;
    }
    redirect(&server, "/file", "file:///etc/passwd").await;
    redirect(&server, "/moved", "/landing").await;
    Mock::given(path("/landing"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<p>here</p>", "text/html"))
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&guarded()).unwrap();
    let none = Validators::default();

    for (from, to) in &targets {
        let error = fetcher.fetch(&url(&server, from), &none).await.unwrap_err();
        assert!(
            matches!(error, FetchError::PrivateAddress(_)),
            "{from} -> {to}: {error:?}"
        );
        assert!(
            error.to_string().contains("not a public address"),
            "{error}"
        );
    }
    let error = fetcher
        .fetch(&Url::parse(&bystander_url).unwrap(), &none)
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::PrivateAddress(ref ip) if ip == "127.0.0.2"),
        "{error:?}"
    );
    let error = fetcher.fetch(&url(&server, "/file"), &none).await;
    assert!(matches!(error, Err(FetchError::Scheme(_))), "{error:?}");
    assert!(
        matches!(
            bystander.accept(),
            Err(ref e) if e.kind() == std::io::ErrorKind::WouldBlock
        ),
        "nothing ever connected to the refused address"
    );
    // The allowlisted address itself is fine, redirects included.
    let landed = fetcher.fetch(&url(&server, "/moved"), &none).await.unwrap();
    let Fetched::Page(page) = landed else {
        panic!("expected a page")
    };
    assert_eq!(page.url.path(), "/landing");
}

#[tokio::test]
async fn a_hostname_is_judged_by_the_addresses_it_resolves_to() {
    // A live server: if the guard let `localhost` through, it would answer.
    let server = MockServer::start().await;
    Mock::given(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<p>inside</p>", "text/html"))
        .mount(&server)
        .await;
    let by_name = Url::parse(&format!("http://localhost:{}/", server.address().port())).unwrap();
    let strict = Fetcher::new(&HttpConfig {
        allow_private_addresses: false,
        ..loopback_http()
    })
    .unwrap();
    let error = strict
        .fetch(&by_name, &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::PrivateAddress(ref host) if host == "localhost"),
        "{error:?}"
    );
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "refused at resolution, before any connection"
    );
    // Allowlisting the address it resolves to lets the name through.
    let fetched = Fetcher::new(&guarded())
        .unwrap()
        .fetch(&by_name, &Validators::default())
        .await;
    assert!(matches!(fetched, Ok(Fetched::Page(_))), "{fetched:?}");
}

#[tokio::test]
async fn redirects_are_limited() {
    let server = MockServer::start().await;
    redirect(&server, "/loop", "/loop").await;
    let fetcher = Fetcher::new(&HttpConfig {
        max_redirects: 3,
        ..loopback_http()
    })
    .unwrap();
    let error = fetcher
        .fetch(&url(&server, "/loop"), &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::TooManyRedirects { limit: 3 }),
        "{error:?}"
    );
    let hops = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/loop")
        .count();
    assert_eq!(hops, 4, "the first request and three redirects");
}

/// A server that streams 20 MB of HTML without announcing a length; returns
/// how many bytes it managed to write before the client hung up.
fn endless_page_server() -> (String, std::thread::JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        loop {
            let (mut stream, _) = listener.accept().unwrap();
            if read_head(&mut stream).contains("/robots.txt") {
                let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
                continue;
            }
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nconnection: close\r\n\r\n",
            );
            let chunk = vec![b'a'; 64 * 1024];
            let mut written = 0;
            while written < 20 * 1024 * 1024 {
                match stream.write(&chunk) {
                    Ok(n) => written += n,
                    Err(_) => break,
                }
            }
            return written;
        }
    });
    (base, handle)
}

#[tokio::test]
async fn a_20_mb_body_is_cut_at_the_cap_while_streaming() {
    let (base, server) = endless_page_server();
    let limit = 1024 * 1024;
    let fetcher = Fetcher::new(&HttpConfig {
        max_body: limit,
        ..loopback_http()
    })
    .unwrap();
    let error = fetcher
        .fetch(
            &Url::parse(&format!("{base}/huge")).unwrap(),
            &Validators::default(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::TooLarge { limit: l } if l == limit),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "body exceeds the 1048576-byte limit (http.max_body)"
    );
    drop(fetcher);
    let written = tokio::task::spawn_blocking(move || server.join().unwrap())
        .await
        .unwrap();
    assert!(
        written < 20 * 1024 * 1024,
        "the client hung up early instead of reading 20 MB (server wrote {written})"
    );
}

#[tokio::test]
async fn an_announced_oversized_body_is_refused_unread() {
    let server = MockServer::start().await;
    Mock::given(path("/huge"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'a'; 20 << 20], "text/html"))
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&loopback_http()).unwrap();
    let error = fetcher
        .fetch(&url(&server, "/huge"), &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::TooLarge { limit } if limit == 5 * 1024 * 1024),
        "the default cap is 5 MiB: {error:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_never_answers_times_out_while_another_completes() {
    // Accepts connections, reads nothing, writes nothing, keeps them open.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = Url::parse(&format!("http://{}/news", silent.local_addr().unwrap())).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming() {
            held.push(stream);
        }
    });
    let server = MockServer::start().await;
    Mock::given(path("/news"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<p>ok</p>", "text/html"))
        .mount(&server)
        .await;
    let fetcher = std::sync::Arc::new(
        Fetcher::new(&HttpConfig {
            timeout: Duration::from_secs(2),
            ..loopback_http()
        })
        .unwrap(),
    );

    let slow = tokio::spawn({
        let fetcher = fetcher.clone();
        async move { fetcher.fetch(&silent_url, &Validators::default()).await }
    });
    let healthy = fetcher
        .fetch(&url(&server, "/news"), &Validators::default())
        .await;
    assert!(matches!(healthy, Ok(Fetched::Page(_))), "{healthy:?}");
    assert!(
        !slow.is_finished(),
        "the healthy source finished while the silent one was still waiting"
    );
    let error = slow.await.unwrap().unwrap_err();
    let timed_out = match &error {
        FetchError::RobotsUnavailable(inner) => matches!(**inner, FetchError::Timeout),
        other => matches!(other, FetchError::Timeout),
    };
    assert!(timed_out, "{error:?}");
    assert!(error.to_string().contains("timed out"), "{error}");
}

#[tokio::test]
async fn non_html_content_is_skipped() {
    let server = MockServer::start().await;
    Mock::given(path("/report.pdf"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.7".to_vec(), "application/pdf"),
        )
        .mount(&server)
        .await;
    let fetcher = Fetcher::new(&loopback_http()).unwrap();
    let error = fetcher
        .fetch(&url(&server, "/report.pdf"), &Validators::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::NotHtml(ref ct) if ct == "application/pdf"),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_windows_1252_page_is_decoded_correctly() {
    // "Café owner: “São Tomé has agreed,” she said — in windows-1252 bytes.
    let text: &[u8] =
        b"<p>Caf\xe9 owner: \x93S\xe3o Tom\xe9 has agreed to take deportees,\x94 she said \x97 officials in Bras\xedlia and Bogot\xe1 declined to comment.</p>";
    let expected = "Café owner: “São Tomé has agreed to take deportees,” she said — officials in Brasília and Bogotá";
    let server = MockServer::start().await;
    let pages = [
        // Declared in the Content-Type header.
        ("/header", "text/html; charset=windows-1252", text.to_vec()),
        // Declared in a <meta> tag only.
        (
            "/meta",
            "text/html",
            [
                b"<html><head><meta charset=\"windows-1252\"></head><body>".as_slice(),
                text,
            ]
            .concat(),
        ),
        // Not declared at all: detected.
        ("/detected", "text/html", text.repeat(4)),
    ];
    for (page, content_type, body) in &pages {
        Mock::given(path(*page))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), content_type))
            .mount(&server)
            .await;
    }
    let fetcher = Fetcher::new(&loopback_http()).unwrap();
    for (page, _, _) in &pages {
        let Fetched::Page(fetched) = fetcher
            .fetch(&url(&server, page), &Validators::default())
            .await
            .unwrap()
        else {
            panic!("expected a page")
        };
        let html = pactwatch::extract::decode_html(&fetched.body, fetched.charset.as_deref());
        assert!(html.contains(expected), "{page}: {html}");
    }
}
