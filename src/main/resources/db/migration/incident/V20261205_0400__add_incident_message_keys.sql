-- Issue 20, items 2 and 7: an incident's title and details are kept as a message key and its arguments, so each
-- reader sees them in their own language; title keeps the Chinese sentence for readers that take it as it is
-- (the SMS, the briefing) and for rows written before, which have no key and are shown as stored.
ALTER TABLE incidents ADD COLUMN title_key text CONSTRAINT incidents_title_key_len CHECK (char_length(title_key) <= 100);
ALTER TABLE incidents ADD COLUMN title_args text CONSTRAINT incidents_title_args_len CHECK (char_length(title_args) <= 1000);
ALTER TABLE incidents ADD COLUMN details_key text CONSTRAINT incidents_details_key_len CHECK (char_length(details_key) <= 100);
COMMENT ON COLUMN incidents.title_key IS 'The message key of the title (null: show title as stored); also what groups repeated refusals.';
COMMENT ON COLUMN incidents.title_args IS 'The title''s arguments, separated by U+001F; an argument starting U+0002 names message keys.';
COMMENT ON COLUMN incidents.details_key IS 'The message key of the details; details_cipher then seals its arguments, not the sentence.';

CREATE INDEX incidents_unacknowledged_site_idx ON incidents (site_id, id DESC) WHERE status = 'OPEN' AND acknowledged_at IS NULL;
COMMENT ON INDEX incidents_unacknowledged_site_idx IS 'The navigation badge (unacknowledged incidents of a hall) and the list filtered to unacknowledged ones.';
