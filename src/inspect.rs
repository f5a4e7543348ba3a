//! Inspection: what the database knows, rendered for people and tools.
//!
//! Read-only views behind the `alerts`, `sources`, `history`, `diff` and
//! `facts` commands. The JSON line format of `alerts` is a contract other
//! tools read; the text forms are for people. Nothing here writes.

use std::io::Write;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::store::{AlertRow, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("output: {0}")]
    Io(#[from] std::io::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "no versions stored for {0} (see `pactwatch sources` and `pactwatch alerts` for known URLs)"
    )]
    UnknownUrl(String),
    #[error("version {0} does not exist; this article has versions 1 to {1}")]
    NoSuchVersion(usize, usize),
}

type Result<T> = std::result::Result<T, InspectError>;

#[derive(Serialize)]
struct AlertJson<'a> {
    id: i64,
    kind: &'a str,
    country: Option<&'a str>,
    country_code: Option<&'a str>,
    quote: Option<&'a str>,
    speaker: Option<&'a str>,
    source: &'a str,
    url: &'a str,
    title: Option<&'a str>,
    evidence: &'a str,
    created_at: String,
}

pub fn rfc3339(timestamp: i64) -> String {
    chrono::DateTime::from_timestamp(timestamp, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `alerts --format json`: one object per line, oldest first.
pub fn alerts_json(store: &Store, out: &mut dyn Write) -> Result<()> {
    for a in store.alerts()? {
        let line = AlertJson {
            id: a.id.0,
            kind: &a.kind,
            country: a.country.as_deref(),
            country_code: a.country_code.as_deref(),
            quote: a.quote.as_deref(),
            speaker: a.speaker.as_deref(),
            source: &a.source,
            url: &a.url,
            title: a.title.as_deref(),
            evidence: &a.evidence,
            created_at: rfc3339(a.created_at),
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    Ok(())
}

/// `alerts`: one readable entry per alert, oldest first.
pub fn alerts_text(store: &Store, out: &mut dyn Write) -> Result<()> {
    let alerts = store.alerts()?;
    if alerts.is_empty() {
        writeln!(out, "no alerts yet")?;
    }
    for a in &alerts {
        writeln!(out, "{}", describe_alert(a))?;
    }
    Ok(())
}

fn describe_alert(a: &AlertRow) -> String {
    let fact = match a.kind.as_str() {
        "country" => format!(
            "country {} ({})",
            a.country.as_deref().unwrap_or("?"),
            a.country_code.as_deref().unwrap_or("?")
        ),
        _ => format!(
            "quote   \"{}\" - {}",
            truncate(a.quote.as_deref().unwrap_or_default(), 70),
            a.speaker.as_deref().unwrap_or("unattributed")
        ),
    };
    format!(
        "#{:<4} {}  {}\n      {} {}",
        a.id.0,
        rfc3339(a.created_at),
        fact,
        a.source,
        a.url
    )
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// `sources`: each source's state, schedule and last error, then the outbox.
pub fn sources(store: &Store, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "{:<28} {:<8} {:<8} {:<21} {:<21} {:>5}  last error",
        "source", "kind", "state", "last success", "next check", "fails"
    )?;
    for s in store.sources()? {
        let state = if !s.active {
            "removed"
        } else if s.consecutive_failures > 0 {
            "failing"
        } else if s.last_success_at.is_some() {
            "ok"
        } else {
            "new"
        };
        writeln!(
            out,
            "{:<28} {:<8} {:<8} {:<21} {:<21} {:>5}  {}",
            s.name,
            format!("{:?}", s.kind).to_lowercase(),
            state,
            s.last_success_at.map(rfc3339).unwrap_or_else(|| "-".into()),
            if s.active {
                rfc3339(s.next_check_at)
            } else {
                "-".into()
            },
            s.consecutive_failures,
            s.last_error.as_deref().unwrap_or("")
        )?;
    }
    let (pending, sent, dead) = store.delivery_counts()?;
    writeln!(
        out,
        "\ndeliveries: {pending} pending, {sent} sent, {dead} dead"
    )?;
    Ok(())
}

/// `history URL`: every stored version of one article.
pub fn history(store: &Store, url: &str, out: &mut dyn Write) -> Result<()> {
    let versions = store.versions(url)?;
    if versions.is_empty() {
        return Err(InspectError::UnknownUrl(url.to_owned()));
    }
    writeln!(
        out,
        "{:>3}  {:<20}  {:<12}  {:>6}  title",
        "#", "fetched", "sha256", "chars"
    )?;
    for (n, v) in versions.iter().enumerate() {
        writeln!(
            out,
            "{:>3}  {:<20}  {:<12}  {:>6}  {}",
            n + 1,
            rfc3339(v.fetched_at),
            &v.content_hash[..12.min(v.content_hash.len())],
            v.text.chars().count(),
            v.title.as_deref().unwrap_or("")
        )?;
    }
    Ok(())
}

/// How `diff` shows a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffStyle {
    /// Paragraph lines, unified-diff style.
    Unified,
    /// Only the sentences the newer version adds (what detection looks at).
    Sentences,
}

/// `diff URL`: versions `from` and `to` (1-based; default the last two).
pub fn diff(
    store: &Store,
    url: &str,
    from: Option<usize>,
    to: Option<usize>,
    style: DiffStyle,
    colour: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let versions = store.versions(url)?;
    let count = versions.len();
    if count == 0 {
        return Err(InspectError::UnknownUrl(url.to_owned()));
    }
    let to = to.unwrap_or(count);
    let from = from.unwrap_or(to.saturating_sub(1).max(1));
    for n in [from, to] {
        if n == 0 || n > count {
            return Err(InspectError::NoSuchVersion(n, count));
        }
    }
    let (old, new) = (&versions[from - 1], &versions[to - 1]);
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    writeln!(
        out,
        "{}",
        paint(
            "1",
            &format!("--- version {from} ({})", rfc3339(old.fetched_at))
        )
    )?;
    writeln!(
        out,
        "{}",
        paint(
            "1",
            &format!("+++ version {to} ({})", rfc3339(new.fetched_at))
        )
    )?;
    match style {
        DiffStyle::Unified => {
            let diff = TextDiff::from_lines(&old.text, &new.text);
            for group in diff.grouped_ops(1) {
                writeln!(out, "{}", paint("36", "@@"))?;
                for op in group {
                    for change in diff.iter_changes(&op) {
                        let line = change.value().trim_end_matches('\n');
                        match change.tag() {
                            ChangeTag::Delete => {
                                writeln!(out, "{}", paint("31", &format!("-{line}")))?
                            }
                            ChangeTag::Insert => {
                                writeln!(out, "{}", paint("32", &format!("+{line}")))?
                            }
                            ChangeTag::Equal => writeln!(out, " {line}")?,
                        }
                    }
                }
            }
        }
        DiffStyle::Sentences => {
            for addition in crate::diff::additions(Some(&old.text), &new.text) {
                if let Some(replaced) = &addition.replaced {
                    writeln!(out, "{}", paint("31", &format!("- {replaced}")))?;
                }
                writeln!(
                    out,
                    "{}",
                    paint("32", &format!("+ {}", &new.text[addition.sentence]))
                )?;
            }
        }
    }
    Ok(())
}

/// `facts`: the known countries and quotes, with where they were first seen.
pub fn facts(store: &Store, out: &mut dyn Write) -> Result<()> {
    let countries = store.known_countries()?;
    writeln!(out, "Countries ({}):", countries.len())?;
    for c in &countries {
        writeln!(
            out,
            "  {:<3} {:<28} first seen {}  {}  {}",
            c.code,
            c.name,
            rfc3339(c.first_seen_at),
            c.source,
            c.url
        )?;
    }
    let quotes = store.known_quotes()?;
    writeln!(out, "Quotes ({}):", quotes.len())?;
    for q in &quotes {
        writeln!(
            out,
            "  \"{}\" - {}\n      first seen {}  {}  {}",
            truncate(&q.quote, 90),
            q.speaker.as_deref().unwrap_or("unattributed"),
            rfc3339(q.first_seen_at),
            q.source,
            q.url
        )?;
    }
    Ok(())
}
