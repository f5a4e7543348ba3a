//! The spine, end to end: the real binary against a real HTTP server and a
//! real SMTP server on loopback, with a real SQLite file.

mod common;

use common::{HTML, Install, RSS, Site, SmtpSink, article_html, free_port, rss};

const BASE_STORY: &[&str] = &[
    "WASHINGTON (Wire) — The Trump administration has deported hundreds of migrants to El Salvador under an agreement with the government of President Nayib Bukele, officials said.",
    "The administration is seeking more countries willing to accept deportees who are not their own citizens, according to two officials familiar with the talks.",
];

const NEW_PARAGRAPHS: &[&str] = &[
    "Eswatini has agreed to accept people deported from the United States who are not its citizens, the Department of Homeland Security said on Tuesday.",
    "“Our partners in Africa have agreed to take deportees from third countries, and more agreements will follow,” Secretary of State Marco Rubio said.",
];

fn sources(site: &Site) -> String {
    format!(
        r#"[[sources]]
name = "wire-live"
url = "{live}"
kind = "article"

[[sources]]
name = "wire-section"
url = "{section}"
kind = "listing"
links = "/news/"

[[sources]]
name = "wire-feed"
url = "{feed}"
kind = "feed"
"#,
        live = site.url("/live/deportations"),
        section = site.url("/section/immigration"),
        feed = site.url("/feed.xml"),
    )
}

/// The site before the news: a live story, a section page and a feed.
fn first_day(site: &Site) -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "/live/deportations",
            HTML,
            article_html("Deportation deals: live", BASE_STORY),
        ),
        (
            "/section/immigration",
            HTML,
            format!(
                r#"<html><body><nav><a href="/">Home</a></nav><a href="/news/bukele-prison">Inside the prison</a><a href="{}">Elsewhere</a></body></html>"#,
                "https://elsewhere.test/news/x"
            ),
        ),
        (
            "/news/bukele-prison",
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
            rss(&[("Prison", &site.url("/news/bukele-prison"))]),
        ),
    ]
}

/// The next day: the live story gains a paragraph naming a new country and a
/// new quote; the feed gains an item that repeats known facts in other words.
fn second_day(site: &Site) -> Vec<(&'static str, &'static str, String)> {
    let mut pages = first_day(site);
    let live: Vec<&str> = BASE_STORY.iter().chain(NEW_PARAGRAPHS).copied().collect();
    pages[0].2 = article_html("Deportation deals: live", &live);
    pages[3].2 = rss(&[
        ("Prison", &site.url("/news/bukele-prison")),
        ("Rubio", &site.url("/news/rubio-remarks")),
    ]);
    pages.push((
        "/news/rubio-remarks",
        HTML,
        article_html(
            "Rubio on partners",
            &[
                "Rubio repeated his remarks on Wednesday.",
                "\"Our partners in Africa have agreed to take deportees from third countries and more agreements will follow,\" Marco Rubio said.",
            ],
        ),
    ));
    pages
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_country_and_quote_make_one_mail_per_subscriber_once() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(
        &sources(&site),
        smtp.port,
        &["analyst@newsroom.test", "editor@newsroom.test"],
    );

    site.serve(&first_day(&site)).await;
    install.check();
    assert!(install.alerts().is_empty(), "the first pass is a baseline");
    assert!(smtp.mails().is_empty());

    site.serve(&second_day(&site)).await;
    install.check();
    let alerts = install.alerts();
    let countries: Vec<&str> = alerts
        .iter()
        .filter(|a| a["kind"] == "country")
        .map(|a| a["country_code"].as_str().unwrap())
        .collect();
    assert_eq!(countries, vec!["SZ"], "{alerts:#?}");
    let quotes: Vec<&serde_json::Value> = alerts.iter().filter(|a| a["kind"] == "quote").collect();
    assert_eq!(
        quotes.len(),
        1,
        "the repeated quote is not new: {alerts:#?}"
    );
    assert_eq!(quotes[0]["speaker"], "Marco Rubio");
    assert!(
        quotes[0]["quote"]
            .as_str()
            .unwrap()
            .starts_with("Our partners in Africa")
    );
    // Both outlets carry the quote in the same pass; whichever was read first owns it.
    let (title, path) = match quotes[0]["source"].as_str().unwrap() {
        "wire-live" => ("Deportation deals: live", "/live/deportations"),
        _ => ("Rubio on partners", "/news/rubio-remarks"),
    };
    assert_eq!(quotes[0]["title"], title);
    assert_eq!(quotes[0]["url"], site.url(path));
    assert!(quotes[0]["country"].is_null());
    let country = alerts.iter().find(|a| a["kind"] == "country").unwrap();
    assert_eq!(country["country"], "Eswatini");
    assert!(country["quote"].is_null() && country["speaker"].is_null());
    assert!(
        country["evidence"]
            .as_str()
            .unwrap()
            .starts_with("Eswatini has agreed")
    );
    assert_eq!(country["url"], site.url("/live/deportations"));
    assert!(country["created_at"].as_str().unwrap().ends_with('Z'));

    let mails = smtp.mails();
    assert_eq!(mails.len(), 2, "one mail per subscriber");
    let mut recipients: Vec<&str> = mails.iter().map(|m| m.to[0].as_str()).collect();
    recipients.sort();
    assert_eq!(
        recipients,
        vec!["analyst@newsroom.test", "editor@newsroom.test"]
    );
    for mail in &mails {
        let subject = mail.header("Subject").unwrap();
        assert!(subject.contains("Eswatini"), "{subject}");
        assert!(subject.contains("Marco Rubio"), "{subject}");
    }

    install.check();
    assert_eq!(smtp.mails().len(), 2, "an identical pass sends nothing");
    assert_eq!(install.alerts().len(), alerts.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn alerts_wait_for_a_dead_mail_server_and_are_delivered_once() {
    let site = Site::start().await;
    let port = free_port();
    let install = Install::new(&sources(&site), port, &["analyst@newsroom.test"]);

    site.serve(&first_day(&site)).await;
    install.check();
    site.serve(&second_day(&site)).await;
    let summary = install.check();
    assert!(
        summary.contains("0 mails sent, 1 mails failed"),
        "{summary}"
    );
    assert_eq!(install.alerts().len(), 2);

    let smtp = SmtpSink::start_at(port);
    let summary = install.check();
    assert!(summary.contains("1 mails sent"), "{summary}");
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].header("Subject").unwrap().contains("Eswatini"));

    install.check();
    assert_eq!(smtp.mails().len(), 1, "nothing is sent twice");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_source_is_recorded_and_does_not_stop_the_pass() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(&sources(&site), smtp.port, &["analyst@newsroom.test"]);
    // Only the feed and its article exist; the live page and the section 404.
    let pages = first_day(&site);
    site.serve(&[pages[2].clone(), pages[3].clone()]).await;
    let summary = install.check();
    assert!(
        summary.contains("checked 3 sources (2 failed)"),
        "{summary}"
    );
    let sources = String::from_utf8(install.pactwatch(&["sources"]).stdout).unwrap();
    assert!(sources.contains("HTTP status 404"), "{sources}");
    assert!(
        sources
            .lines()
            .any(|l| l.starts_with("wire-feed") && l.contains(" ok ")),
        "{sources}"
    );
}
