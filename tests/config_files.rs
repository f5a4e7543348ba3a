//! The shipped configuration files parse, and document every key the parser knows.

use std::path::Path;

use pactwatch::config::{Config, EMBEDDED_DEFAULT, SourceKind, Transport};

fn load(name: &str) -> (String, Config) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("config")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let config = Config::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    (text, config)
}

#[test]
fn default_config_runs_without_a_mail_server() {
    let (text, config) = load("pactwatch.toml");
    assert_eq!(
        text, EMBEDDED_DEFAULT,
        "the binary embeds the shipped default"
    );
    assert_eq!(config.email.transport(), Transport::File);
    assert!(!config.sources.is_empty());
    assert!(!config.http.allow_private_addresses);
    assert!(!config.subscribers.is_empty());
}

#[test]
fn example_config_documents_every_key() {
    let (text, config) = load("pactwatch.example.toml");
    assert!(config.sources.iter().any(|s| s.kind == SourceKind::Listing));
    assert!(config.sources.iter().any(|s| s.kind == SourceKind::Feed));
    for key in [
        "path",
        "user_agent",
        "timeout",
        "connect_timeout",
        "read_timeout",
        "concurrency",
        "per_host_interval",
        "allow_private_addresses",
        "private_allowlist",
        "max_body",
        "max_redirects",
        "retries",
        "tiers",
        "retire_after",
        "recheck_budget",
        "name",
        "url",
        "kind",
        "interval",
        "selector",
        "links",
        "enabled",
        "from",
        "transport",
        "file_dir",
        "smtp_host",
        "smtp_port",
        "smtp_tls",
        "smtp_user",
        "smtp_password_env",
        "smtp_timeout",
        "smtp_password_file",
        "unsubscribe_url",
        "operator",
        "failures_before_alert",
        "silent_after",
        "min_body_chars",
        "thin_passes_before_alert",
        "email",
        "mode",
        "digest_every",
        "kinds",
        "countries",
        "sources",
        "listen",
    ] {
        assert!(
            text.lines()
                .any(|l| l.trim_start_matches("# ").starts_with(&format!("{key} ="))),
            "example config does not document `{key}`"
        );
    }
}
