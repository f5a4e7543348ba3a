-- What the operator is told about: when a listing or feed last yielded a new
-- article (silence), how many passes in a row gave only empty or tiny bodies
-- (a redesign), and which problem was last reported (so each problem and its
-- recovery are mailed once).
ALTER TABLE sources ADD COLUMN last_new_article_at INTEGER;
ALTER TABLE sources ADD COLUMN thin_body_streak INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN reported_problem TEXT;
