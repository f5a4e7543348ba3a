//! Alert mail as subscribers receive it, through a real SMTP server on
//! loopback: content, header safety, digests, per-recipient failures, and
//! exactly-once delivery across SIGKILL.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use common::{HTML, Install, ReceivedMail, Site, SmtpSink, article_html};

const BASE: &[&str] = &[
    "WASHINGTON (Wire) — The administration has deported hundreds of migrants to El Salvador under an agreement with its government, officials said.",
];
const NEW_COUNTRY: &str = "Eswatini has agreed to accept people deported from the United States &lt;script&gt;alert(1)&lt;/script&gt; who are not its citizens, officials said.";
const NEW_QUOTE: &str = "“We will keep sending deportees to the countries that have agreed to take them,” Homeland Security Secretary Kristi Noem said in a statement.";

fn source(site: &Site) -> String {
    format!(
        "[[sources]]\nname = \"wire-live\"\nurl = \"{}\"\nkind = \"article\"\n",
        site.url("/live")
    )
}

async fn publish(site: &Site, title: &str, paragraphs: &[&str]) {
    site.serve(&[("/live", HTML, article_html(title, paragraphs))])
        .await;
}

fn parts(mail: &ReceivedMail) -> (String, String) {
    let parsed = mailparse::parse_mail(mail.data.as_bytes()).unwrap();
    let mut text = String::new();
    let mut html = String::new();
    for part in parsed.parts() {
        match part.ctype.mimetype.as_str() {
            "text/plain" => text = part.get_body().unwrap(),
            "text/html" => html = part.get_body().unwrap(),
            _ => {}
        }
    }
    (text, html)
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_parts_carry_escaped_evidence_and_no_injected_headers() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let install = Install::new(&source(&site), smtp.port, &["analyst@newsroom.test"]);
    publish(&site, "Deals", BASE).await;
    install.check();
    let evil_title = "Deals&#13;&#10;Bcc: victim@evil.test";
    let updated: Vec<&str> = BASE.iter().copied().chain([NEW_COUNTRY]).collect();
    publish(&site, evil_title, &updated).await;
    install.check();

    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(
        mail.to,
        vec!["analyst@newsroom.test"],
        "no injected recipient"
    );
    assert!(mail.header("Bcc").is_none(), "{}", mail.data);
    assert!(
        mail.header("Subject")
            .unwrap()
            .contains("New country: Eswatini"),
        "{}",
        mail.data
    );
    assert!(mail.header("List-Unsubscribe").unwrap().contains("mailto:"));
    assert!(
        mail.header("Message-ID")
            .unwrap()
            .starts_with("<pactwatch.")
    );

    let (text, html) = parts(mail);
    assert!(
        text.contains("Eswatini has agreed to accept people deported"),
        "{text}"
    );
    assert!(text.contains(&site.url("/live")), "{text}");
    assert!(html.contains("<mark>Eswatini</mark>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_digest_gathers_two_passes_into_one_mail() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let subscribers = "[[subscribers]]\nemail = \"now@newsroom.test\"\n\n[[subscribers]]\nemail = \"daily@newsroom.test\"\nmode = \"digest\"\ndigest_every = \"4s\"\n";
    let install = Install::with_subscribers(&source(&site), smtp.port, subscribers);
    publish(&site, "Deals", BASE).await;
    install.check();
    let day2: Vec<&str> = BASE.iter().copied().chain([NEW_COUNTRY]).collect();
    publish(&site, "Deals", &day2).await;
    install.check();
    let day3: Vec<&str> = day2.iter().copied().chain([NEW_QUOTE]).collect();
    publish(&site, "Deals", &day3).await;
    install.check();

    let to = |mails: &[ReceivedMail], who: &str| -> Vec<ReceivedMail> {
        mails.iter().filter(|m| m.to[0] == who).cloned().collect()
    };
    assert_eq!(
        to(&smtp.mails(), "now@newsroom.test").len(),
        2,
        "immediate: one per pass"
    );
    assert!(
        to(&smtp.mails(), "daily@newsroom.test").is_empty(),
        "digest waits"
    );

    tokio::time::sleep(Duration::from_secs(5)).await;
    install.check();
    let digests = to(&smtp.mails(), "daily@newsroom.test");
    assert_eq!(digests.len(), 1);
    let subject = digests[0].header("Subject").unwrap();
    assert!(
        subject.contains("Eswatini") && subject.contains("Kristi Noem"),
        "{subject}"
    );
    install.check();
    assert_eq!(to(&smtp.mails(), "daily@newsroom.test").len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_recipient_does_not_block_the_others() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    smtp.reject("gone@newsroom.test");
    let install = Install::new(
        &source(&site),
        smtp.port,
        &["gone@newsroom.test", "analyst@newsroom.test"],
    );
    publish(&site, "Deals", BASE).await;
    install.check();
    let day2: Vec<&str> = BASE.iter().copied().chain([NEW_COUNTRY]).collect();
    publish(&site, "Deals", &day2).await;
    let summary = install.check();
    assert!(
        summary.contains("1 mails sent, 1 mails failed"),
        "{summary}"
    );
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["analyst@newsroom.test"]);

    // Dead, not pending: the next pass does not try again.
    let summary = install.check();
    assert!(
        summary.contains("0 mails sent, 0 mails failed"),
        "{summary}"
    );
    let sources = String::from_utf8(install.pactwatch(&["sources"]).stdout).unwrap();
    assert!(sources.contains("1 dead"), "{sources}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sigkill_at_any_point_then_restart_delivers_each_alert_once() {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    // Due every second, so each daemon start fetches, stores and mails anew.
    let install = Install::new(
        &source(&site).replace(
            "kind = \"article\"",
            "kind = \"article\"\ninterval = \"1s\"",
        ),
        smtp.port,
        &["analyst@newsroom.test", "editor@newsroom.test"],
    );
    publish(&site, "Deals", BASE).await;
    install.check();
    let day2: Vec<&str> = BASE
        .iter()
        .copied()
        .chain([NEW_COUNTRY, NEW_QUOTE])
        .collect();
    publish(&site, "Deals", &day2).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;

    // Kill the daemon at points spread over start-up, fetch, store and send.
    for delay_ms in [0u64, 10, 25, 50, 80, 120, 200, 400] {
        let mut daemon = std::process::Command::new(env!("CARGO_BIN_EXE_pactwatch"))
            .arg("--config")
            .arg(&install.config)
            .arg("run")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        daemon.kill().unwrap(); // SIGKILL: no chance to clean up
        daemon.wait().unwrap();
    }
    install.check();
    assert_eq!(
        install.alerts().len(),
        2,
        "each fact alerted once across restarts"
    );

    // Receivers dedupe by Message-ID; after that, each recipient has each alert once.
    let mut by_recipient: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for mail in smtp.mails() {
        by_recipient
            .entry(mail.to[0].clone())
            .or_default()
            .insert(mail.header("Message-ID").unwrap());
    }
    assert_eq!(by_recipient.len(), 2);
    for (recipient, ids) in &by_recipient {
        assert_eq!(ids.len(), 1, "{recipient} got the alerts in one mail, once");
    }
    for mail in smtp.mails() {
        let subject = mail.header("Subject").unwrap();
        assert!(
            subject.contains("Eswatini") && subject.contains("Kristi Noem"),
            "{subject}"
        );
    }
    let summary = install.check();
    assert!(
        summary.contains("0 mails sent, 0 mails failed"),
        "{summary}"
    );
}

#[test]
fn the_rendered_sample_in_docs_is_current() {
    let sample = pactwatch::notify::sample_mail("analyst@example.org");
    let html = pactwatch::notify::render_bodies(&sample, "config/pactwatch.toml")
        .unwrap()
        .html;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sample-alert.html");
    if std::env::var_os("PACTWATCH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &html).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).expect(
        "docs/sample-alert.html exists (PACTWATCH_BLESS=1 cargo test --test mail writes it)",
    );
    assert_eq!(
        on_disk, html,
        "regenerate with PACTWATCH_BLESS=1 cargo test --test mail"
    );
}
