//! The schema's history: an append-only list of numbered SQL files. Never edit
//! a file once released; add the next number instead.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_initial.sql")),
    M::up(include_str!(
        "../../migrations/0002_delivery_retries_and_replaced_passages.sql"
    )),
    M::up(include_str!("../../migrations/0003_source_health.sql")),
    M::up(include_str!("../../migrations/0004_source_validators.sql")),
];

/// Brings the database to the newest schema, in one transaction, keyed by
/// SQLite's `user_version`.
pub fn apply(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    Migrations::from_slice(MIGRATIONS).to_latest(conn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(
            rusqlite_migration::Migrations::from_slice(super::MIGRATIONS)
                .validate()
                .is_ok()
        );
    }
}
