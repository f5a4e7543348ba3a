-- HTTP validators of a listing's or feed's own page, for conditional GET.
-- They hold only for validated_url: a source whose URL changes in the config
-- is fetched unconditionally once.
ALTER TABLE sources ADD COLUMN etag TEXT;
ALTER TABLE sources ADD COLUMN last_modified TEXT;
ALTER TABLE sources ADD COLUMN validated_url TEXT;
