//! Rendering one recipient's pending alerts into a multipart mail.
//!
//! Templates are minijinja with HTML auto-escaping, because every string here
//! (titles, evidence, quotes, speakers) comes from untrusted pages. Header
//! values are stripped of control characters so a page title cannot inject a
//! header; lettre encodes non-ASCII.

use std::sync::LazyLock;

use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue, MessageId};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use minijinja::{Environment, context};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::store::{AlertRow, PendingMail};

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    env.add_template("alert.txt.j2", include_str!("templates/alert.txt.j2"))
        .expect("text template parses");
    env.add_template("alert.html.j2", include_str!("templates/alert.html.j2"))
        .expect("html template parses");
    env
});

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("recipient {0:?} is not a mail address")]
    Recipient(String),
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
}

/// `List-Unsubscribe` (RFC 2369): where a mail client's unsubscribe button goes.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post` (RFC 8058): the https link unsubscribes in one click.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

#[derive(Serialize)]
struct AlertView<'a> {
    kind: &'a str,
    country: Option<&'a str>,
    country_code: Option<&'a str>,
    quote: Option<&'a str>,
    speaker: Option<&'a str>,
    source: &'a str,
    url: &'a str,
    title: Option<&'a str>,
    evidence: &'a str,
    evidence_before: &'a str,
    evidence_match: &'a str,
    evidence_after: &'a str,
    replaced: Option<&'a str>,
    seen: String,
}

impl<'a> AlertView<'a> {
    fn new(alert: &'a AlertRow) -> Self {
        let needle = match alert.kind.as_str() {
            "country" => alert.country.as_deref(),
            _ => alert.quote.as_deref(),
        };
        let (before, matched, after) = split_around(&alert.evidence, needle.unwrap_or_default());
        AlertView {
            kind: &alert.kind,
            country: alert.country.as_deref(),
            country_code: alert.country_code.as_deref(),
            quote: alert.quote.as_deref(),
            speaker: alert.speaker.as_deref(),
            source: &alert.source,
            url: &alert.url,
            title: alert.title.as_deref(),
            evidence: &alert.evidence,
            evidence_before: before,
            evidence_match: matched,
            evidence_after: after,
            replaced: alert.replaced.as_deref(),
            seen: chrono::DateTime::from_timestamp(alert.created_at, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default(),
        }
    }
}

/// Splits `text` around the first occurrence of `needle` (case-insensitive
/// for ASCII), for highlighting; no match leaves everything in `before`.
fn split_around<'t>(text: &'t str, needle: &str) -> (&'t str, &'t str, &'t str) {
    if needle.is_empty() {
        return (text, "", "");
    }
    let found = text.char_indices().map(|(i, _)| i).find(|&i| {
        text.get(i..i + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    });
    match found {
        Some(i) => (
            &text[..i],
            &text[i..i + needle.len()],
            &text[i + needle.len()..],
        ),
        None => (text, "", ""),
    }
}

/// The subject says what is new: one country, one quote, or a digest.
pub fn subject(alerts: &[AlertRow]) -> String {
    let countries: Vec<&str> = alerts.iter().filter_map(|a| a.country.as_deref()).collect();
    let quotes: Vec<&AlertRow> = alerts.iter().filter(|a| a.kind == "quote").collect();
    let mut speakers: Vec<&str> = quotes.iter().filter_map(|a| a.speaker.as_deref()).collect();
    speakers.dedup();
    let quote_part = match quotes.len() {
        0 => None,
        1 => Some(match speakers.first() {
            Some(s) => format!("New quote: {s}"),
            None => "New quote".to_owned(),
        }),
        n if speakers.is_empty() => Some(format!("{n} new quotes")),
        n => Some(format!("{n} new quotes: {}", speakers.join(", "))),
    };
    let country_part = match countries.len() {
        0 => None,
        1 => Some(format!(
            "New country: {} (deportation agreement)",
            countries[0]
        )),
        _ => Some(format!(
            "{} new countries: {} (deportation agreements)",
            countries.len(),
            countries.join(", ")
        )),
    };
    let subject = match (country_part, quote_part) {
        (Some(c), Some(q)) => format!("{c}; {q}"),
        (Some(c), None) => c,
        (None, Some(q)) => q,
        (None, None) => "pactwatch".to_owned(),
    };
    header_safe(&subject)
}

/// Removes control characters (CR, LF, tabs...) from a header value.
fn header_safe(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Message-ID that depends only on the recipient and the alerts, so a mail
/// re-sent after a crash carries the same id and receivers can dedupe it.
pub fn message_id(recipient: &str, alerts: &[AlertRow], from: &Mailbox) -> String {
    let mut hash = Sha256::new();
    hash.update(recipient.as_bytes());
    for alert in alerts {
        hash.update(alert.id.0.to_be_bytes());
    }
    let digest = hash.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("<pactwatch.{hex}@{}>", from.email.domain())
}

/// The subject, plain-text body and HTML body of a mail.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn render_bodies(mail: &PendingMail, watch: &str) -> Result<Rendered, RenderError> {
    let subject = subject(&mail.alerts);
    let views: Vec<AlertView> = mail.alerts.iter().map(AlertView::new).collect();
    let ctx = context! { alerts => views, subject => subject, recipient => mail.recipient, watch => watch };
    Ok(Rendered {
        text: TEMPLATES.get_template("alert.txt.j2")?.render(&ctx)?,
        html: TEMPLATES.get_template("alert.html.j2")?.render(&ctx)?,
        subject,
    })
}

/// Builds the mail. `unsubscribe_url`, when set, is offered for one-click
/// unsubscribe; a mail to the sender is always offered.
pub fn render(
    mail: &PendingMail,
    from: &Mailbox,
    watch: &str,
    unsubscribe_url: Option<&str>,
) -> Result<Message, RenderError> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|_| RenderError::Recipient(mail.recipient.clone()))?;
    let Rendered {
        subject,
        text,
        html,
    } = render_bodies(mail, watch)?;
    let mailto = format!("<mailto:{}?subject=unsubscribe>", from.email);
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .header(MessageId::from(message_id(
            &mail.recipient,
            &mail.alerts,
            from,
        )));
    builder = match unsubscribe_url {
        Some(url) => builder
            .header(ListUnsubscribe(format!("<{url}>, {mailto}")))
            .header(ListUnsubscribePost),
        None => builder.header(ListUnsubscribe(mailto)),
    };
    let message = builder.multipart(
        MultiPart::alternative()
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(text),
            )
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(html),
            ),
    )?;
    Ok(message)
}

/// A plain-text note to the operator; the subject is made header-safe.
pub fn operator_message(
    from: &Mailbox,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Message, RenderError> {
    let to: Mailbox = to
        .parse()
        .map_err(|_| RenderError::Recipient(to.to_owned()))?;
    Ok(Message::builder()
        .from(from.clone())
        .to(to)
        .subject(header_safe(subject))
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_owned())?)
}

/// A made-up mail for `send-test` and the rendered sample in docs/: one
/// country and one quote, as a subscriber would receive them.
pub fn sample_mail(recipient: &str) -> PendingMail {
    let base = AlertRow {
        id: crate::store::AlertId(0),
        kind: "country".to_owned(),
        country: Some("Eswatini".to_owned()),
        country_code: Some("SZ".to_owned()),
        quote: None,
        speaker: None,
        source: "example-wire".to_owned(),
        url: "https://news.example.org/2025/07/16/eswatini-deportees".to_owned(),
        title: Some("Eswatini agrees to take deportees from the US".to_owned()),
        evidence: "Eswatini has agreed to accept people deported from the United States who are not its citizens, officials said on Tuesday.".to_owned(),
        replaced: Some("Officials declined to say which countries were in talks.".to_owned()),
        created_at: 1_752_624_000,
    };
    let quote = AlertRow {
        id: crate::store::AlertId(-1),
        kind: "quote".to_owned(),
        country: None,
        country_code: None,
        quote: Some("We are working with other countries to say, we want to send you some of the most despicable human beings".to_owned()),
        speaker: Some("Marco Rubio".to_owned()),
        evidence: "\u{201c}We are working with other countries to say, we want to send you some of the most despicable human beings,\u{201d} Secretary of State Marco Rubio said.".to_owned(),
        replaced: None,
        ..base.clone()
    };
    PendingMail {
        recipient: recipient.to_owned(),
        alerts: vec![base, quote],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AlertId;

    fn alert(id: i64, kind: &str, country: Option<&str>, speaker: Option<&str>) -> AlertRow {
        AlertRow {
            id: AlertId(id),
            kind: kind.to_owned(),
            country: country.map(str::to_owned),
            country_code: country.map(|_| "SZ".to_owned()),
            quote: (kind == "quote").then(|| "We will <script>take</script> them".to_owned()),
            speaker: speaker.map(str::to_owned),
            source: "wire".to_owned(),
            url: "https://ex.org/a".to_owned(),
            title: Some("Title\r\nBcc: x@y".to_owned()),
            evidence: "Eswatini agreed to accept deportees.".to_owned(),
            replaced: None,
            created_at: 1_750_000_000,
        }
    }

    #[test]
    fn subjects_name_what_is_new() {
        assert_eq!(
            subject(&[alert(1, "country", Some("Eswatini"), None)]),
            "New country: Eswatini (deportation agreement)"
        );
        assert_eq!(
            subject(&[
                alert(1, "quote", None, Some("Marco Rubio")),
                alert(2, "quote", None, Some("Kristi Noem"))
            ]),
            "2 new quotes: Marco Rubio, Kristi Noem"
        );
        assert_eq!(header_safe("a\r\nBcc: x@y"), "a Bcc: x@y");
    }

    #[test]
    fn non_ascii_headers_are_encoded_and_decode_back() {
        let from: Mailbox = "Pactwatch <p@example.org>".parse().unwrap();
        let mail = PendingMail {
            recipient: "a@example.org".to_owned(),
            alerts: vec![alert(1, "quote", None, Some("José Raúl Mulino"))],
        };
        let raw = render(&mail, &from, "test", None).unwrap().formatted();
        let head = String::from_utf8_lossy(&raw);
        let head = head.split("\r\n\r\n").next().unwrap();
        assert!(head.is_ascii(), "{head}");
        let parsed = mailparse::parse_mail(&raw).unwrap();
        assert_eq!(
            parsed
                .headers
                .iter()
                .find(|h| h.get_key() == "Subject")
                .unwrap()
                .get_value(),
            "New quote: José Raúl Mulino"
        );
    }

    #[test]
    fn html_escapes_page_text_and_ids_are_stable() {
        let from: Mailbox = "P <p@example.org>".parse().unwrap();
        let mail = PendingMail {
            recipient: "a@example.org".to_owned(),
            alerts: vec![
                alert(1, "quote", None, Some("X")),
                alert(2, "country", Some("Eswatini"), None),
            ],
        };
        let html = render_bodies(&mail, "test").unwrap().html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<mark>Eswatini</mark>"), "{html}");
        assert!(render(&mail, &from, "test", None).is_ok());
        assert_eq!(
            message_id("a@example.org", &mail.alerts, &from),
            message_id("a@example.org", &mail.alerts, &from)
        );
        assert_ne!(
            message_id("a@example.org", &mail.alerts, &from),
            message_id("b@example.org", &mail.alerts, &from)
        );
    }
}
