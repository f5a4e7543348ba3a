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
