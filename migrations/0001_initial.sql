-- Sources mirror the config; the schedule lives here so a restart resumes it.
-- A source removed from the config is deactivated, never deleted: its history stays.
CREATE TABLE sources (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL UNIQUE,
    url                  TEXT    NOT NULL,
    kind                 TEXT    NOT NULL CHECK (kind IN ('article', 'listing', 'feed')),
    active               INTEGER NOT NULL DEFAULT 1,
    baseline_done        INTEGER NOT NULL DEFAULT 0,
    next_check_at        INTEGER NOT NULL DEFAULT 0,   -- unix seconds
    last_checked_at      INTEGER,
    last_success_at      INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);

-- One row per canonical article URL, whichever source found it first.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources (id),
    url            TEXT    NOT NULL UNIQUE,
    first_seen_at  INTEGER NOT NULL,
    next_check_at  INTEGER NOT NULL,
    retired        INTEGER NOT NULL DEFAULT 0,
    etag           TEXT,
    last_modified  TEXT
);
CREATE INDEX articles_due ON articles (retired, next_check_at);

-- Every distinct body an article has had; an unchanged body adds no row.
CREATE TABLE versions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id),
    fetched_at    INTEGER NOT NULL,
    content_hash  TEXT    NOT NULL,
    title         TEXT,
    byline        TEXT,
    published     TEXT,
    canonical_url TEXT,
    text          TEXT    NOT NULL
);
CREATE INDEX versions_by_article ON versions (article_id, id);

-- What is already known, globally: novelty is decided against these.
CREATE TABLE known_countries (
    code             TEXT PRIMARY KEY,
    name             TEXT    NOT NULL,
    first_version_id INTEGER NOT NULL REFERENCES versions (id),
    evidence         TEXT    NOT NULL,
    first_seen_at    INTEGER NOT NULL
);

CREATE TABLE known_quotes (
    id               INTEGER PRIMARY KEY,
    quote_key        TEXT    NOT NULL UNIQUE,
    quote            TEXT    NOT NULL,
    speaker          TEXT,
    first_version_id INTEGER NOT NULL REFERENCES versions (id),
    first_seen_at    INTEGER NOT NULL
);

-- The outbox: alerts and their per-recipient deliveries are written in the
-- same transaction as the version that produced them.
CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('country', 'quote')),
    country      TEXT,
    country_code TEXT,
    quote        TEXT,
    speaker      TEXT,
    version_id   INTEGER NOT NULL REFERENCES versions (id),
    evidence     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE deliveries (
    alert_id   INTEGER NOT NULL REFERENCES alerts (id),
    recipient  TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at    INTEGER,
    PRIMARY KEY (alert_id, recipient)
);
CREATE INDEX deliveries_pending ON deliveries (status, recipient);
