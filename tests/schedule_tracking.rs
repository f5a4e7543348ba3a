//! Change tracking of published stories: an article found through a feed is
//! re-checked on its age tier (so an edit after discovery becomes a new
//! version and an alert without the feed being due), within the per-pass
//! budget, until it is retired; retired articles keep their history.

mod common;

use std::time::Duration;

use common::{Daemon, HTML, Install, RSS, Site, SmtpSink, article_html, rss};
use pactwatch::store::Store;

/// Generous deadlines against a hung test; nothing here is about speed.
const PATIENCE: Duration = Duration::from_secs(60);

fn requests_to(requests: &[wiremock::Request], path: &str) -> usize {
    requests.iter().filter(|r| r.url.path() == path).count()
}

const STORY: &[&str] = &[
    "WASHINGTON (Wire) — The Trump administration has deported hundreds of migrants to El Salvador under an agreement with its government, officials said.",
];

/// A feed listing `stories`, each an article page.
fn site_pages<'a>(site: &Site, stories: &[&'a str]) -> Vec<(&'a str, &'static str, String)> {
    let links: Vec<String> = stories.iter().map(|s| site.url(s)).collect();
    let items: Vec<(&str, &str)> = links.iter().map(|l| ("Story", l.as_str())).collect();
    let mut pages = vec![("/feed.xml", RSS, rss(&items))];
    for story in stories {
        pages.push((*story, HTML, article_html("Story", STORY)));
    }
    pages
}

/// An install watching the feed, with a `[tracking]` table placed before
/// the sources (Install puts the sources text after its `[http]` keys).
fn install(site: &Site, smtp: &SmtpSink, tracking: &str) -> Install {
    Install::new(
        &format!(
            "[tracking]\n{tracking}\n\n[[sources]]\nname = \"wire-feed\"\nurl = \"{}\"\nkind = \"feed\"\ninterval = \"1h\"\n",
            site.url("/feed.xml")
        ),
        smtp.port,
        &["analyst@newsroom.test"],
    )
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
    let install = install(
        &site,
        &smtp,
        "tiers = [{ younger_than = \"1h\", every = \"2s\" }]",
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

#[tokio::test(flavor = "multi_thread")]
async fn re_checks_stay_within_the_per_pass_budget() {
    let site = Site::start().await;
    let stories = ["/news/1", "/news/2", "/news/3"];
    site.serve(&site_pages(&site, &stories)).await;
    let smtp = SmtpSink::start();
    let install = install(&site, &smtp, "recheck_budget = 2");
    install.check(); // discovers all three (new articles are not budgeted)

    site.serve(&site_pages(&site, &stories)).await; // clears the request log
    install.check(); // `check` re-checks every tracked article, budget allowing
    let requests = site.server.received_requests().await.unwrap();
    let rechecked: usize = stories.iter().map(|s| requests_to(&requests, s)).sum();
    assert_eq!(rechecked, 2, "two of three, as the budget allows");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retired_article_is_no_longer_fetched_and_keeps_its_history() {
    let site = Site::start().await;
    site.serve(&site_pages(&site, &["/news/old"])).await;
    let smtp = SmtpSink::start();
    let install = install(
        &site,
        &smtp,
        "tiers = [{ younger_than = \"1h\", every = \"1s\" }]\nretire_after = \"2s\"",
    );
    install.check();
    // Past retire_after (whole seconds in the database): the next re-check is the last.
    std::thread::sleep(Duration::from_millis(3100));
    install.check();
    site.serve(&site_pages(&site, &["/news/old"])).await;
    install.check();

    let requests = site.server.received_requests().await.unwrap();
    assert_eq!(requests_to(&requests, "/feed.xml"), 1);
    assert_eq!(requests_to(&requests, "/news/old"), 0, "retired");
    let store = Store::open(&install.dir.path().join("db/pactwatch.sqlite3")).unwrap();
    assert_eq!(store.count_versions().unwrap(), 1, "its history is kept");
}
