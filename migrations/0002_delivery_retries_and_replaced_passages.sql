-- Failed deliveries wait before the next attempt (backoff across passes).
ALTER TABLE deliveries ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;

-- For a change to an existing article: the passage the new text replaced,
-- shown beside it in the mail.
ALTER TABLE alerts ADD COLUMN replaced TEXT;
