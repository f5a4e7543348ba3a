//! The schedule lives in the database: the real daemon, stopped with SIGTERM
//! and started again, resumes it instead of re-fetching everything, picks up
//! added sources and stops removed ones (keeping their history); and an
//! article found through a feed is re-checked on its age tier, so an edit
//! days later becomes a new version and an alert without the feed being due.

mod common;

use std::time::Duration;

use common::{Daemon, HTML, Install, RSS, Site, SmtpSink, article_html, rss};
use pactwatch::store::Store;

/// Generous deadlines against a hung test; nothing here is about speed.
const PATIENCE: Duration = Duration::from_secs(60);

fn requests_to(requests: &[wiremock::Request], path: &str) -> usize {
    requests.iter().filter(|r| r.url.path() == path).count()
}

/// `pactwatch sources` rows as (name, state, next check).
fn schedule(install: &Install) -> Vec<(String, String, String)> {
    let output = install.pactwatch(&["sources"]);
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            (f[0].to_owned(), f[2].to_owned(), f[4].to_owned())
        })
        .collect()
}

fn article_source(name: &str, url: &str) -> String {
    format!(
        "[[sources]]\nname = \"{name}\"\nurl = \"{url}\"\nkind = \"article\"\ninterval = \"1h\"\n\n"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restart_keeps_next_check_times_and_follows_the_config() {
    let site = Site::start().await;
    let story = |title: &str| {
        article_html(
            title,
            &["Officials said the deportation flights to El Salvador would continue."],
        )
    };
    site.serve(&[
        ("/live", HTML, story("Live")),
        ("/other", HTML, story("Other")),
    ])
    .await;
    let smtp = SmtpSink::start();
    let live = article_source("wire-live", &site.url("/live"));
    let install = Install::new(&live, smtp.port, &["analyst@newsroom.test"]);

    let daemon = Daemon::start(&install.config);
    daemon.wait_for("pass finished", 1, PATIENCE);
    daemon.stop();
    let before = schedule(&install);
    assert_eq!(before[0].1, "ok", "{before:?}");

    let daemon = Daemon::start(&install.config);
    daemon.wait_for("pass finished", 1, PATIENCE);
    let log = daemon.stop();
    assert!(log.contains("sources=0"), "nothing was due:\n{log}");
    assert_eq!(schedule(&install), before, "the next check survived");
    let requests = site.server.received_requests().await.unwrap();
    assert_eq!(requests_to(&requests, "/live"), 1, "no re-fetch on restart");

    // The operator replaces the source with another one.
    let config = std::fs::read_to_string(&install.config).unwrap();
    let other = article_source("wire-other", &site.url("/other"));
    std::fs::write(&install.config, config.replace(&live, &other)).unwrap();
    let daemon = Daemon::start(&install.config);
    daemon.wait_for("pass finished", 1, PATIENCE);
    daemon.stop();
    let requests = site.server.received_requests().await.unwrap();
    assert_eq!(
        requests_to(&requests, "/other"),
        1,
        "the added source is picked up"
    );
    assert_eq!(requests_to(&requests, "/live"), 1, "the removed one stops");
    let after = schedule(&install);
    let states: Vec<(&str, &str)> = after
        .iter()
        .map(|(name, state, _)| (name.as_str(), state.as_str()))
        .collect();
    assert_eq!(states, [("wire-live", "removed"), ("wire-other", "ok")]);
    let store = Store::open(&install.dir.path().join("db/pactwatch.sqlite3")).unwrap();
    assert_eq!(
        store.count_versions().unwrap(),
        2,
        "the removed source's history is kept"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_edited_after_discovery_alerts_on_its_tiered_recheck() {
    const BEFORE: &[&str] = &[
        "WASHINGTON (Wire) — The Trump administration has deported hundreds of migrants to El Salvador under an agreement with its government, officials said.",
    ];
    const AFTER: &[&str] = &[
        BEFORE[0],
        "Eswatini has agreed to accept people deported from the United States who are not its citizens, the Department of Homeland Security said on Tuesday.",
    ];
    let site = Site::start().await;
    let pages = |paragraphs: &[&str]| {
        vec![
            (
                "/feed.xml",
                RSS,
                rss(&[("Deals", &site.url("/news/deals"))]),
            ),
            ("/news/deals", HTML, article_html("Deals", paragraphs)),
        ]
    };
    site.serve(&pages(BEFORE)).await;
    let smtp = SmtpSink::start();
    // A feed due only hourly, and a tier that re-checks young articles every
    // 2 seconds: only the tier can catch the edit within this test.
    let install = Install::new(
        &format!(
            "[tracking]\ntiers = [{{ younger_than = \"1h\", every = \"2s\" }}]\n\n[[sources]]\nname = \"wire-feed\"\nurl = \"{}\"\nkind = \"feed\"\ninterval = \"1h\"\n",
            site.url("/feed.xml")
        ),
        smtp.port,
        &["analyst@newsroom.test"],
    );

    let daemon = Daemon::start(&install.config);
    daemon.wait_for("new version", 1, PATIENCE);
    assert!(
        install.alerts().is_empty(),
        "the first sighting is a baseline"
    );
    let requests = site.server.received_requests().await.unwrap();
    assert_eq!(requests_to(&requests, "/feed.xml"), 1);
    // The story is edited; serving it anew also clears the request log.
    site.serve(&pages(AFTER)).await;
    daemon.wait_for("new version", 2, PATIENCE);
    let start = std::time::Instant::now();
    while smtp.mails().is_empty() {
        assert!(start.elapsed() < PATIENCE, "no mail:\n{}", daemon.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    daemon.stop();

    let alerts = install.alerts();
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    assert_eq!(alerts[0]["country_code"], "SZ");
    assert_eq!(alerts[0]["url"], site.url("/news/deals"));
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].header("Subject").unwrap().contains("Eswatini"));
    let requests = site.server.received_requests().await.unwrap();
    assert_eq!(
        requests_to(&requests, "/feed.xml"),
        0,
        "the feed was not due again"
    );
    assert!(requests_to(&requests, "/news/deals") >= 1);
}
