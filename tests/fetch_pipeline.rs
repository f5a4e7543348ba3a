//! Fetch properties as the real binary shows them: a 304 is recorded as
//! unchanged without a new version (for articles, and for feeds, whose links
//! are then not re-read), a silent host fails only its own source,
//! and a failing source backs off across passes and recovers by itself, all
//! visible in `pactwatch sources`.

mod common;

use std::net::TcpListener;

use common::{HTML, Install, RSS, Site, SmtpSink, article_html, rss};
use pactwatch::store::Store;
use wiremock::matchers::{header, path};
use wiremock::{Mock, ResponseTemplate};

fn versions(install: &Install) -> i64 {
    Store::open(&install.dir.path().join("db/pactwatch.sqlite3"))
        .unwrap()
        .count_versions()
        .unwrap()
}

/// `pactwatch sources`, one row per source: (name, state, next check, fails, last error).
fn sources(install: &Install) -> Vec<(String, String, String, u32, String)> {
    install
        .source_rows()
        .into_iter()
        .map(|fields| {
            (
                fields[0].clone(),
                fields[2].clone(),
                fields[4].clone(),
                fields[5].parse().unwrap(),
                fields[6..].join(" "),
            )
        })
        .collect()
}

fn live_page(paragraph: &str) -> String {
    article_html(
        "Deportation deals: live",
        &[
            "The administration has deported hundreds of migrants to El Salvador, officials said.",
            paragraph,
        ],
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_304_is_recorded_unchanged_without_a_new_version() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(
        &format!(
            "[[sources]]\nname = \"wire-live\"\nurl = \"{}\"\nkind = \"article\"\n",
            site.url("/live")
        ),
        smtp.port,
        &["analyst@newsroom.test"],
    );
    Mock::given(path("/live"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v1\"")
                .set_body_raw(live_page("Talks continue."), HTML),
        )
        .mount(&site.server)
        .await;
    install.check();
    assert_eq!(versions(&install), 1);

    // From now on a conditional request gets 304; an unconditional one would
    // get a changed page, so a missing If-None-Match or a re-parse would show
    // up as a second version.
    site.server.reset().await;
    Mock::given(path("/live"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .mount(&site.server)
        .await;
    Mock::given(path("/live"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v2\"")
                .set_body_raw(live_page("Talks collapsed."), HTML),
        )
        .mount(&site.server)
        .await;
    let summary = install.check();
    assert!(summary.contains("0 new versions"), "{summary}");
    assert_eq!(versions(&install), 1);
    let requests = site.server.received_requests().await.unwrap();
    let live: Vec<_> = requests
        .iter()
        .filter(|r| r.url.path() == "/live")
        .collect();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].headers["if-none-match"], "\"v1\"");
    let rows = sources(&install);
    assert_eq!(rows[0].1, "ok", "{rows:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_silent_host_fails_its_own_source_while_the_others_complete() {
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}/live", silent.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming() {
            held.push(stream);
        }
    });
    let site = Site::start().await;
    site.serve(&[("/live", HTML, live_page("Talks continue."))])
        .await;
    let smtp = SmtpSink::start();
    // The leading key lands in Install's [http] table: a short read timeout.
    let install = Install::new(
        &format!(
            "read_timeout = \"1s\"\n\n[[sources]]\nname = \"silent\"\nurl = \"{silent_url}\"\nkind = \"article\"\n\n[[sources]]\nname = \"wire\"\nurl = \"{}\"\nkind = \"article\"\n",
            site.url("/live")
        ),
        smtp.port,
        &["analyst@newsroom.test"],
    );
    let summary = install.check();
    assert!(
        summary.contains("checked 2 sources (1 failed), 1 new versions"),
        "{summary}"
    );
    let rows = sources(&install);
    assert_eq!(rows[0].0, "silent");
    assert_eq!(rows[0].1, "failing", "{rows:?}");
    assert!(rows[0].4.contains("timed out"), "{rows:?}");
    assert_eq!((rows[1].0.as_str(), rows[1].1.as_str()), ("wire", "ok"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_source_backs_off_across_passes_and_recovers_by_itself() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(
        &format!(
            "[[sources]]\nname = \"wire\"\nurl = \"{}\"\nkind = \"article\"\ninterval = \"1h\"\n",
            site.url("/live")
        ),
        smtp.port,
        &["analyst@newsroom.test"],
    );
    Mock::given(path("/live"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&site.server)
        .await;
    let hours_ahead = |next: &str| {
        let next = chrono::DateTime::parse_from_rfc3339(next).unwrap();
        (next.timestamp() - chrono::Utc::now().timestamp()) as f64 / 3600.0
    };

    for failures in 1..=3u32 {
        install.check();
        let row = &sources(&install)[0];
        assert_eq!((row.1.as_str(), row.3), ("failing", failures), "{row:?}");
        assert!(row.4.contains("HTTP status 500"), "{row:?}");
        // The interval doubled per failure, plus up to 10% jitter.
        let backoff = f64::from(1u32 << (failures - 1));
        let ahead = hours_ahead(&row.2);
        assert!(
            ahead > backoff - 0.05 && ahead < backoff * 1.1 + 0.05,
            "failure {failures}: next check {ahead:.2}h ahead"
        );
    }

    site.serve(&[("/live", HTML, live_page("Talks continue."))])
        .await;
    install.check();
    let row = &sources(&install)[0];
    assert_eq!((row.1.as_str(), row.3), ("ok", 0), "{row:?}");
    assert_eq!(row.4, "", "the last error is cleared");
    let ahead = hours_ahead(&row.2);
    assert!(
        ahead > 0.95 && ahead < 1.15,
        "back to the interval: {ahead:.2}h"
    );
}

fn feed_source(site: &Site) -> String {
    format!(
        "[[sources]]\nname = \"wire-feed\"\nurl = \"{}\"\nkind = \"feed\"\n",
        site.url("/feed.xml")
    )
}

async fn serve_feed(site: &Site, etag: &str, links: &[&str]) {
    let items: Vec<(&str, String)> = links.iter().map(|l| ("Story", site.url(l))).collect();
    let items: Vec<(&str, &str)> = items.iter().map(|(t, u)| (*t, u.as_str())).collect();
    Mock::given(path("/feed.xml"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", etag)
                .set_body_raw(rss(&items), RSS),
        )
        .mount(&site.server)
        .await;
}

async fn serve_story(site: &Site, page: &str) {
    Mock::given(path(page))
        .respond_with(ResponseTemplate::new(200).set_body_raw(live_page("Talks continue."), HTML))
        .mount(&site.server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_answering_304_is_not_reparsed_and_its_articles_are_still_rechecked() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(&feed_source(&site), smtp.port, &["analyst@newsroom.test"]);
    serve_feed(&site, "\"f1\"", &["/news/a"]).await;
    serve_story(&site, "/news/a").await;
    install.check();

    // Now the feed answers 304 to its validator; re-read, it would list /news/b.
    site.server.reset().await;
    Mock::given(path("/feed.xml"))
        .and(header("if-none-match", "\"f1\""))
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .mount(&site.server)
        .await;
    serve_feed(&site, "\"f2\"", &["/news/a", "/news/b"]).await;
    serve_story(&site, "/news/a").await;
    serve_story(&site, "/news/b").await;
    install.check();

    let requests = site.server.received_requests().await.unwrap();
    let requests: Vec<_> = requests
        .iter()
        .filter(|r| r.url.path() != "/robots.txt")
        .collect();
    let paths: Vec<&str> = requests.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        ["/feed.xml", "/news/a"],
        "feed 304, then the tracked re-check"
    );
    assert_eq!(requests[0].headers["if-none-match"], "\"f1\"");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_whose_new_link_failed_is_read_again_unconditionally() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(&feed_source(&site), smtp.port, &["analyst@newsroom.test"]);
    serve_feed(&site, "\"f1\"", &["/news/a", "/news/b"]).await;
    serve_story(&site, "/news/a").await;
    Mock::given(path("/news/b"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&site.server)
        .await;
    install.check();

    site.server.reset().await;
    serve_feed(&site, "\"f1\"", &["/news/a", "/news/b"]).await;
    serve_story(&site, "/news/a").await;
    serve_story(&site, "/news/b").await;
    install.check();

    let requests = site.server.received_requests().await.unwrap();
    let feed = requests
        .iter()
        .find(|r| r.url.path() == "/feed.xml")
        .unwrap();
    assert!(
        !feed.headers.contains_key("if-none-match"),
        "a 304 would have hidden the failed link"
    );
    assert!(requests.iter().any(|r| r.url.path() == "/news/b"));
    assert_eq!(versions(&install), 2);
}
