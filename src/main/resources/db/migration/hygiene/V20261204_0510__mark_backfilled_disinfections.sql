-- Issue 16, item 6: a disinfection written up beyond the hall's window is a back-fill, with its reason, and says so.
ALTER TABLE disinfections
    ADD COLUMN backfilled boolean NOT NULL DEFAULT false,
    ADD COLUMN backfill_reason text CONSTRAINT disinfections_backfill_reason_len CHECK (char_length(backfill_reason) <= 500),
    ADD CONSTRAINT disinfections_backfill_needs_reason CHECK (NOT backfilled OR backfill_reason IS NOT NULL);
COMMENT ON COLUMN disinfections.backfilled IS 'Written up beyond the hall''s window (补录); shown as such in every list, export and count.';
ALTER TABLE hygiene_flags ADD COLUMN backfilled boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN hygiene_flags.backfilled IS 'The zone''s only disinfections that day were back-filled: a blind spot covered on paper only.';
