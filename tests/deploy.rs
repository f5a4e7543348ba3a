//! The deployment files stay in step with the binary: the compose config
//! parses under the strict parser, and the systemd unit starts the daemon the
//! way the README says, sandboxed.

use std::path::Path;

use pactwatch::config::{Config, SmtpTls, Transport};

fn deploy_file(name: &str) -> (std::path::PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("deploy")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

#[test]
fn compose_config_sends_to_mailpit_and_serves_status() {
    let (path, _) = deploy_file("pactwatch.compose.toml");
    let config = Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.email.transport(), Transport::Smtp);
    assert_eq!(config.email.smtp_host.as_deref(), Some("mailpit"));
    assert_eq!(config.email.smtp_port, 1025);
    assert_eq!(config.email.smtp_tls, SmtpTls::None);
    assert_eq!(
        config.status.listen.map(|a| a.port()),
        Some(9464),
        "compose.yaml publishes 9464"
    );
    assert!(
        config.storage.path.starts_with("/var/lib/pactwatch"),
        "the database is on the volume"
    );
    let (_, compose) = deploy_file("compose.yaml");
    assert!(compose.contains("./pactwatch.compose.toml:/etc/pactwatch/pactwatch.toml:ro"));
}

#[test]
fn systemd_unit_runs_the_daemon_sandboxed() {
    let (_, unit) = deploy_file("pactwatch.service");
    let directives: Vec<&str> = unit
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('='))
        .collect();
    for expected in [
        "ExecStart=/usr/local/bin/pactwatch --config /etc/pactwatch/pactwatch.toml --log-format json run",
        "DynamicUser=yes",
        "StateDirectory=pactwatch",
        "WorkingDirectory=/var/lib/pactwatch",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "SystemCallFilter=@system-service",
        "LoadCredential=smtp-password:/etc/pactwatch/smtp-password",
        "KillSignal=SIGTERM",
        "Restart=on-failure",
    ] {
        assert!(directives.contains(&expected), "missing {expected}");
    }
}
