-- Issue 16, item 6: a check for an earlier slot keeps its moment within the hall's window, beyond it is a back-fill
-- with its reason; the moment it was entered is kept beside the moment it is about.
ALTER TABLE staff_checks
    ADD COLUMN recorded_at timestamptz,
    ADD COLUMN backfilled boolean NOT NULL DEFAULT false,
    ADD COLUMN backfill_reason text CONSTRAINT staff_checks_backfill_reason_len CHECK (char_length(backfill_reason) <= 500),
    ADD CONSTRAINT staff_checks_backfill_needs_reason CHECK (NOT backfilled OR backfill_reason IS NOT NULL);
COMMENT ON COLUMN staff_checks.recorded_at IS 'The server''s time of entry (null on checks before issue 16: then checked_at).';
COMMENT ON COLUMN staff_checks.backfilled IS 'Written up beyond the hall''s window (补录); shown as such on the board.';
