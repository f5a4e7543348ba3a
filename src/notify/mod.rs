//! Notification: renders pending alerts into mail and delivers it, exactly once.
//!
//! Owns the outbox's sending side and the SMTP (or file) transport. Alerts and
//! their deliveries were written by the store together with the version that
//! produced them; here each recipient's pending alerts become one multipart
//! mail, and the deliveries are marked sent only after the server accepted
//! it. A transient failure leaves them pending for the next pass; a permanent
//! one (5xx) marks that recipient's deliveries dead and spares the others.
//! Never fetches or parses pages.

mod render;

use std::path::PathBuf;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::{EmailConfig, SmtpTls, Transport};
use crate::store::{AlertId, Store, StoreError, Timestamp};

pub use render::render;

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error("email.from {0:?} is not a mailbox")]
    From(String),
    #[error("SMTP password variable {0} is not set")]
    MissingPassword(String),
    #[error("SMTP setup: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("cannot create outbox directory {path}: {source}")]
    FileDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What one delivery round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub mails_sent: usize,
    pub mails_failed: usize,
    pub alerts_delivered: usize,
}

enum Sender {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

pub struct Notifier {
    sender: Sender,
    from: Mailbox,
    watch: String,
}

impl Notifier {
    /// `watch` names this installation in the mail footer (the config file).
    pub fn new(config: &EmailConfig, watch: &str) -> Result<Self, NotifyError> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|_| NotifyError::From(config.from.clone()))?;
        let sender = match config.transport {
            Transport::File => {
                std::fs::create_dir_all(&config.file_dir).map_err(|source| {
                    NotifyError::FileDir {
                        path: config.file_dir.clone(),
                        source,
                    }
                })?;
                Sender::File(AsyncFileTransport::new(&config.file_dir))
            }
            Transport::Smtp => Sender::Smtp(smtp_transport(config)?),
        };
        Ok(Self {
            sender,
            from,
            watch: watch.to_owned(),
        })
    }

    /// Sends every pending alert, one mail per recipient.
    pub async fn deliver_pending(
        &self,
        store: &Store,
        now: Timestamp,
    ) -> Result<DeliveryReport, NotifyError> {
        let mut report = DeliveryReport::default();
        for mail in store.pending_mail()? {
            let ids: Vec<AlertId> = mail.alerts.iter().map(|a| a.id).collect();
            let message = match render(&mail, &self.from, &self.watch) {
                Ok(message) => message,
                Err(error) => {
                    // An address that cannot be mailed will never become mailable.
                    tracing::error!(recipient = %mail.recipient, %error, "cannot build mail");
                    store.mark_failed(&mail.recipient, &ids, &error.to_string(), true)?;
                    report.mails_failed += 1;
                    continue;
                }
            };
            let outcome = match &self.sender {
                Sender::Smtp(smtp) => smtp
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| (e.is_permanent(), error_chain(&e))),
                Sender::File(file) => file
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| (false, error_chain(&e))),
            };
            match outcome {
                Ok(()) => {
                    store.mark_sent(&mail.recipient, &ids, now)?;
                    report.mails_sent += 1;
                    report.alerts_delivered += ids.len();
                    tracing::info!(recipient = %mail.recipient, alerts = ids.len(), "mail sent");
                }
                Err((permanent, error)) => {
                    store.mark_failed(&mail.recipient, &ids, &error, permanent)?;
                    report.mails_failed += 1;
                    tracing::warn!(recipient = %mail.recipient, permanent, %error, "mail not sent");
                }
            }
        }
        Ok(report)
    }
}

fn smtp_transport(config: &EmailConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>, NotifyError> {
    let host = config.smtp_host.as_deref().unwrap_or("localhost");
    let mut builder = match config.smtp_tls {
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
        SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
    }
    .port(config.smtp_port)
    .timeout(Some(config.smtp_timeout));
    if let Some(user) = &config.smtp_user {
        let password = match &config.smtp_password_env {
            Some(var) => {
                std::env::var(var).map_err(|_| NotifyError::MissingPassword(var.clone()))?
            }
            None => String::new(),
        };
        builder = builder.credentials(Credentials::new(user.clone(), password));
    }
    Ok(builder.build())
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}
