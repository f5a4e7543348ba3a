//! The operator's inspection commands on a database built by real passes.

mod common;

use common::{HTML, Install, Site, SmtpSink, article_html};

const DAY1: &[&str] = &[
    "The administration has deported hundreds of migrants to El Salvador under an agreement with its government, officials said.",
];
const DAY2_NEW: &str = "Eswatini has agreed to accept people deported from the United States who are not its citizens, officials said on Tuesday.";

async fn two_days() -> (Site, SmtpSink, Install, String) {
    let site = Site::start().await;
    let smtp = SmtpSink::start();
    let url = site.url("/live");
    let install = Install::new(
        &format!("[[sources]]\nname = \"wire\"\nurl = \"{url}\"\nkind = \"article\"\n"),
        smtp.port,
        &["analyst@newsroom.test"],
    );
    site.serve(&[("/live", HTML, article_html("Deals", DAY1))])
        .await;
    install.check();
    let day2: Vec<&str> = DAY1.iter().copied().chain([DAY2_NEW]).collect();
    site.serve(&[("/live", HTML, article_html("Deals, updated", &day2))])
        .await;
    install.check();
    (site, smtp, install, url)
}

fn stdout(output: std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn history_diff_and_facts_show_what_changed() {
    let (_site, _smtp, install, url) = two_days().await;

    let history = stdout(install.pactwatch(&["history", &url]));
    let rows: Vec<&str> = history.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{history}");
    assert!(rows[0].trim_start().starts_with("1 ") && rows[0].ends_with("Deals"));
    assert!(rows[1].ends_with("Deals, updated"));

    let diff = stdout(install.pactwatch(&["diff", &url]));
    assert!(diff.contains(&format!("+{DAY2_NEW}")), "{diff}");
    assert!(!diff.contains("\x1b["), "no colour when not a terminal");
    let sentences =
        stdout(install.pactwatch(&["diff", &url, "--sentences", "--from", "1", "--to", "2"]));
    assert_eq!(
        sentences
            .lines()
            .filter(|l| l.starts_with("+ "))
            .collect::<Vec<_>>(),
        vec![format!("+ {DAY2_NEW}")]
    );
    let out_of_range = install.pactwatch(&["diff", &url, "--to", "3"]);
    assert!(!out_of_range.status.success());
    assert!(String::from_utf8_lossy(&out_of_range.stderr).contains("versions 1 to 2"));

    let facts = stdout(install.pactwatch(&["facts"]));
    assert!(facts.contains("Countries (2):"), "{facts}");
    assert!(facts.contains("SV ") && facts.contains("SZ "), "{facts}");

    let unknown = install.pactwatch(&["history", "https://nowhere.test/x"]);
    assert!(!unknown.status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn backup_is_a_consistent_copy_and_never_overwrites() {
    let (_site, _smtp, install, _url) = two_days().await;
    let copy = install.dir.path().join("backup.sqlite3");
    let copy_arg = copy.to_str().unwrap();
    stdout(install.pactwatch(&["backup", copy_arg]));
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let versions: i64 = conn
        .query_row("SELECT count(*) FROM versions", [], |r| r.get(0))
        .unwrap();
    let alerts: i64 = conn
        .query_row("SELECT count(*) FROM alerts", [], |r| r.get(0))
        .unwrap();
    assert_eq!((versions, alerts), (2, install.alerts().len() as i64));
    let again = install.pactwatch(&["backup", copy_arg]);
    assert!(!again.status.success(), "an existing file is kept");
}

#[test]
fn config_check_names_every_mistake_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        r#"[storage]
path = "var/db.sqlite3"

[http]
timeout = "twenty seconds"
per_host_intreval = "1s"

[[sources]]
name = "wire"
url = "https://example.org/feed"
kind = "feed"

[[sources]]
name = "wire"
url = "https://example.org/other"
kind = "feed"

[email]
from = "Pactwatch <alerts@example.org>"
"#,
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pactwatch"))
        .args(["config", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 3, "{printed}");
    let file = path.display().to_string();
    assert!(
        lines[0].starts_with(&format!("{file}:5: ")) && lines[0].contains("duration"),
        "{printed}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}:6: ")) && lines[1].contains("per_host_intreval"),
        "{printed}"
    );
    assert!(
        lines[2].starts_with(&format!("{file}:14: ")) && lines[2].contains("used twice"),
        "{printed}"
    );

    let good =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/pactwatch.example.toml");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pactwatch"))
        .args(["config", "check"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
