//! The schedule lives in the database: the real daemon, stopped with SIGTERM
//! and started again, resumes it instead of re-fetching everything, picks up
//! added sources and stops removed ones (keeping their history).

mod common;

use std::time::Duration;

use common::{Daemon, HTML, Install, Site, SmtpSink, article_html};
use pactwatch::store::Store;

/// Generous deadlines against a hung test; nothing here is about speed.
const PATIENCE: Duration = Duration::from_secs(60);

fn requests_to(requests: &[wiremock::Request], path: &str) -> usize {
    requests.iter().filter(|r| r.url.path() == path).count()
}

/// `pactwatch sources` rows as (name, state, next check).
fn schedule(install: &Install) -> Vec<(String, String, String)> {
    install
        .source_rows()
        .into_iter()
        .map(|f| (f[0].clone(), f[2].clone(), f[4].clone()))
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
