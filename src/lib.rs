//! pactwatch: watches news sources and mails subscribers when a new fact about
//! US third-country deportation agreements appears.
//!
//! The pipeline runs one way:
//! `schedule -> fetch -> discover -> extract -> store -> diff -> detect -> notify`.
//! Each stage is a module with a narrow, typed interface; `pipeline` is the
//! only place that wires them together, and both the daemon (`run`) and the
//! one-shot `check` drive it. See ARCHITECTURE.md for the map and invariants.

pub mod config;
pub mod demo;
pub mod detect;
pub mod diff;
pub mod discover;
pub mod extract;
pub mod fetch;
pub mod health;
pub mod inspect;
pub mod notify;
pub mod pipeline;
pub mod schedule;
pub mod segment;
pub mod status;
pub mod store;

/// An error with its chain of causes, `outer: inner: innermost`: reqwest and
/// lettre put the useful part (DNS failure, refused connection, the SMTP
/// reply) in the causes, which `Display` alone drops.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}
