//! `pactwatch demo`, the real binary: it needs no network, no mail server and
//! no config, and it ends with alert mail about what day 2 introduced only.

use std::process::Command;

#[test]
fn the_demo_mails_the_new_countries_and_nothing_from_the_baseline() {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_pactwatch"))
        .args(["demo", "--out"])
        .arg(out.path())
        .current_dir(out.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("New country: Ghana (GH)"), "{stdout}");
    assert!(stdout.contains("New country: Uganda (UG)"), "{stdout}");
    assert!(
        stdout.contains("; 0 alerts, because"),
        "day 1 is a baseline: {stdout}"
    );

    let mails: Vec<std::path::PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "eml"))
        .collect();
    assert_eq!(mails.len(), 1, "one mail for the one subscriber: {stdout}");
    assert!(
        stdout.contains(&mails[0].display().to_string()),
        "the demo says where the mail is: {stdout}"
    );
    let mail = std::fs::read_to_string(&mails[0]).unwrap();
    let head = mail.split("\r\n\r\n").next().unwrap().replace("\r\n ", " ");
    let subject = head
        .lines()
        .find_map(|line| line.strip_prefix("Subject: "))
        .unwrap();
    assert!(
        subject.contains("Ghana") && subject.contains("Uganda"),
        "{subject}"
    );
    for known_on_day_one in ["Eswatini", "El Salvador", "Rwanda"] {
        assert!(
            !mail.contains(known_on_day_one),
            "{known_on_day_one} was already known on day 1:\n{mail}"
        );
    }
}
