//! Notification: renders pending alerts into mail and delivers it, exactly once.
//!
//! Owns the outbox's sending side and the SMTP (or file) transport. Alerts and
//! their deliveries were written by the store together with the version that
//! produced them; here each recipient's pending alerts become one multipart
//! mail, and the deliveries are marked sent only after the server accepted
//! it. A transient failure leaves them pending, retried with backoff on later
//! passes; a permanent one (5xx) marks that recipient's deliveries dead and
//! spares the others. Digest subscribers are mailed once per `digest_every`.
//! Never fetches or parses pages.

mod render;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{DeliveryMode, EmailConfig, SmtpTls, SubscriberConfig, Transport};
use crate::store::{AlertId, PendingMail, Store, StoreError, Timestamp};

pub use render::{Rendered, render, render_bodies, sample_mail};

/// The first retry of a failed delivery waits this long, doubling per attempt.
const FIRST_RETRY: Duration = Duration::from_secs(30);
/// ... up to this.
const MAX_RETRY: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error("email.from {0:?} is not a mailbox")]
    From(String),
    #[error("SMTP password variable {0} is not set")]
    MissingPassword(String),
    #[error("cannot read SMTP password file {path}: {source}")]
    PasswordFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("SMTP setup: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("cannot create outbox directory {path}: {source}")]
    FileDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot build mail: {0}")]
    Render(#[from] render::RenderError),
    #[error("mail not accepted: {0}")]
    Send(String),
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

/// Whether failed deliveries wait out their backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    WhenDue,
    Now,
}

/// How a send failed: whether trying again can help, and why.
struct SendFailure {
    permanent: bool,
    message: String,
}

pub struct Notifier {
    sender: Sender,
    from: Mailbox,
    watch: String,
    unsubscribe_url: Option<String>,
    subscribers: HashMap<String, SubscriberConfig>,
}

impl Notifier {
    /// `watch` names this installation in the mail footer (the config file).
    pub fn new(
        config: &EmailConfig,
        subscribers: &[SubscriberConfig],
        watch: &str,
    ) -> Result<Self, NotifyError> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|_| NotifyError::From(config.from.clone()))?;
        let sender = match config.transport() {
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
            unsubscribe_url: config.unsubscribe_url.as_ref().map(|u| u.to_string()),
            subscribers: subscribers
                .iter()
                .map(|s| (s.email.clone(), s.clone()))
                .collect(),
        })
    }

    /// Sends pending alerts, one mail per recipient. Deliveries waiting out a
    /// retry backoff are included only with `Retry::Now` (the one-shot `check`).
    pub async fn deliver_pending(
        &self,
        store: &Store,
        now: Timestamp,
        retry: Retry,
    ) -> Result<DeliveryReport, NotifyError> {
        let mut report = DeliveryReport::default();
        let due_by = match retry {
            Retry::WhenDue => now,
            Retry::Now => Timestamp::MAX,
        };
        for mail in store.pending_mail(due_by)? {
            let Some(subscriber) = self.subscribers.get(&mail.recipient) else {
                // Removed from the config: keep the deliveries, mail nothing.
                tracing::debug!(recipient = %mail.recipient, "not a subscriber any more");
                continue;
            };
            if !digest_due(subscriber, &mail, now) {
                continue;
            }
            let ids: Vec<AlertId> = mail.alerts.iter().map(|a| a.id).collect();
            let outcome = match self.message(&mail) {
                Ok(message) => self.send(message).await,
                Err(error) => Err(SendFailure {
                    // An address that cannot be mailed will never become mailable.
                    permanent: true,
                    message: error.to_string(),
                }),
            };
            match outcome {
                Ok(()) => {
                    store.mark_sent(&mail.recipient, &ids, now)?;
                    report.mails_sent += 1;
                    report.alerts_delivered += ids.len();
                    tracing::info!(recipient = %mail.recipient, alerts = ids.len(), "mail sent");
                }
                Err(failure) => {
                    let retry_at = (!failure.permanent).then(|| {
                        let attempts = store.delivery_attempts(&mail.recipient).unwrap_or(0);
                        now.saturating_add(retry_delay(attempts))
                    });
                    store.mark_failed(&mail.recipient, &ids, &failure.message, retry_at)?;
                    report.mails_failed += 1;
                    if failure.permanent {
                        tracing::error!(recipient = %mail.recipient, error = %failure.message,
                            "mail refused permanently; this recipient's alerts are marked dead");
                    } else {
                        tracing::warn!(recipient = %mail.recipient, error = %failure.message,
                            "mail not sent; will retry");
                    }
                }
            }
        }
        Ok(report)
    }

    /// Sends a sample alert mail to `to` through the configured transport, so
    /// an operator can see the mail and test the server settings.
    pub async fn send_test(&self, to: &str) -> Result<(), NotifyError> {
        let mail = sample_mail(to);
        let message = self.message(&mail)?;
        self.send(message)
            .await
            .map_err(|failure| NotifyError::Send(failure.message))
    }

    /// Mails the operator a plain-text note about the service itself.
    pub async fn send_operator(
        &self,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), NotifyError> {
        let message = render::operator_message(&self.from, to, subject, body)?;
        self.send(message)
            .await
            .map_err(|failure| NotifyError::Send(failure.message))
    }

    fn message(&self, mail: &PendingMail) -> Result<Message, render::RenderError> {
        render(
            mail,
            &self.from,
            &self.watch,
            self.unsubscribe_url.as_deref(),
        )
    }

    async fn send(&self, message: Message) -> Result<(), SendFailure> {
        match &self.sender {
            Sender::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| SendFailure {
                permanent: e.is_permanent(),
                message: crate::error_chain(&e),
            }),
            Sender::File(file) => file.send(message).await.map(drop).map_err(|e| SendFailure {
                permanent: false,
                message: crate::error_chain(&e),
            }),
        }
    }
}

/// A digest subscriber is mailed once its oldest pending alert has waited
/// `digest_every`, so each digest gathers every pass in that window.
fn digest_due(subscriber: &SubscriberConfig, mail: &PendingMail, now: Timestamp) -> bool {
    match subscriber.mode {
        DeliveryMode::Immediate => true,
        DeliveryMode::Digest => {
            let oldest = mail
                .alerts
                .iter()
                .map(|a| a.created_at)
                .min()
                .unwrap_or(now);
            let every = i64::try_from(subscriber.digest_every.as_secs()).unwrap_or(i64::MAX);
            now >= oldest.saturating_add(every)
        }
    }
}

/// Seconds to wait after the `attempts`-th failure: doubling, capped.
fn retry_delay(attempts: u32) -> i64 {
    let delay = FIRST_RETRY
        .saturating_mul(1 << attempts.min(16))
        .min(MAX_RETRY);
    i64::try_from(delay.as_secs()).unwrap_or(i64::MAX)
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
        builder = builder.credentials(Credentials::new(user.clone(), smtp_password(config)?));
    }
    Ok(builder.build())
}

/// The SMTP secret, from the named environment variable or else the file.
fn smtp_password(config: &EmailConfig) -> Result<String, NotifyError> {
    if let Some(var) = &config.smtp_password_env {
        return std::env::var(var).map_err(|_| NotifyError::MissingPassword(var.clone()));
    }
    match &config.smtp_password_file {
        Some(path) => std::fs::read_to_string(path)
            .map(|secret| secret.trim_end_matches(['\r', '\n']).to_owned())
            .map_err(|source| NotifyError::PasswordFile {
                path: path.clone(),
                source,
            }),
        None => Ok(String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_cap() {
        assert_eq!(retry_delay(0), 30);
        assert_eq!(retry_delay(1), 60);
        assert_eq!(retry_delay(3), 240);
        assert_eq!(retry_delay(20), 3600);
    }
}
