//! Operator mail: one note when a source starts failing, goes silent or
//! yields empty bodies, and one when it recovers.

mod common;

use std::time::Duration;

use common::{HTML, Install, RSS, ReceivedMail, Site, SmtpSink, article_html, rss};

const OPERATOR: &str = "ops@newsroom.test";

fn install(site: &Site, smtp: &SmtpSink, kind: &str, path: &str, health: &str) -> Install {
    let sources = format!(
        "[[sources]]\nname = \"wire\"\nurl = \"{}\"\nkind = \"{kind}\"\n",
        site.url(path)
    );
    let rest = format!(
        "operator = \"{OPERATOR}\"\n\n[health]\n{health}\n\n[[subscribers]]\nemail = \"analyst@newsroom.test\"\n"
    );
    Install::with_subscribers(&sources, smtp.port, &rest)
}

fn operator_subjects(smtp: &SmtpSink) -> Vec<String> {
    smtp.mails()
        .iter()
        .filter(|m: &&ReceivedMail| m.to == vec![OPERATOR.to_owned()])
        .map(|m| m.header("Subject").unwrap())
        .collect()
}

const LONG: &str = "The administration has deported hundreds of migrants to El Salvador under an agreement with its government, officials said, and more flights are planned in the coming weeks according to two people familiar with the plans.";

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_source_is_reported_once_and_so_is_its_recovery() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = install(
        &site,
        &smtp,
        "article",
        "/live",
        "failures_before_alert = 3",
    );
    site.serve(&[]).await; // everything 404s
    install.check();
    install.check();
    assert!(
        operator_subjects(&smtp).is_empty(),
        "two failures are not yet a problem"
    );
    install.check();
    install.check();
    assert_eq!(
        operator_subjects(&smtp),
        vec!["pactwatch: source wire is failing"]
    );
    let body = &smtp.mails()[0].data;
    assert!(body.contains("HTTP status 404"), "{body}");

    site.serve(&[("/live", HTML, article_html("Deals", &[LONG]))])
        .await;
    install.check();
    install.check();
    assert_eq!(
        operator_subjects(&smtp),
        vec![
            "pactwatch: source wire is failing",
            "pactwatch: source wire recovered"
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_bodies_after_a_redesign_are_reported() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = install(
        &site,
        &smtp,
        "article",
        "/live",
        "thin_passes_before_alert = 2",
    );
    site.serve(&[("/live", HTML, article_html("Deals", &[LONG]))])
        .await;
    install.check();
    // The redesign: the body is now rendered by script; only a stub remains.
    let stub = "<html><body><div id=app>Loading…</div><script>render()</script></body></html>";
    site.serve(&[("/live", HTML, stub.to_owned())]).await;
    install.check();
    assert!(operator_subjects(&smtp).is_empty());
    install.check();
    assert_eq!(
        operator_subjects(&smtp),
        vec!["pactwatch: source wire yields empty articles"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_with_no_new_articles_goes_silent() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = install(&site, &smtp, "feed", "/feed.xml", "silent_after = \"2s\"");
    let pages = vec![
        ("/feed.xml", RSS, rss(&[("One", &site.url("/news/one"))])),
        ("/news/one", HTML, article_html("One", &[LONG])),
    ];
    site.serve(&pages).await;
    install.check();
    assert!(operator_subjects(&smtp).is_empty());
    tokio::time::sleep(Duration::from_secs(3)).await;
    install.check();
    assert_eq!(
        operator_subjects(&smtp),
        vec!["pactwatch: source wire has gone silent"]
    );
}
