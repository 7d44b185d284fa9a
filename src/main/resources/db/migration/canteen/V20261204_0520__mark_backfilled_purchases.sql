-- Issue 16, item 6: a delivery dated beyond the hall's window is a back-fill, with its reason, and says so;
-- issue 16, item 7 (R-CAN-4): the canteen door records why it refused someone.
ALTER TABLE purchases
    ADD COLUMN backfilled boolean NOT NULL DEFAULT false,
    ADD COLUMN backfill_reason text CONSTRAINT purchases_backfill_reason_len CHECK (char_length(backfill_reason) <= 500),
    ADD CONSTRAINT purchases_backfill_needs_reason CHECK (NOT backfilled OR backfill_reason IS NOT NULL);
COMMENT ON COLUMN purchases.backfilled IS 'Dated beyond the hall''s window (补录); shown as such in the ledger and its export.';
ALTER TABLE canteen_entries ADD COLUMN refusal text CONSTRAINT canteen_entries_refusal_len CHECK (char_length(refusal) <= 60);
COMMENT ON COLUMN canteen_entries.refusal IS 'Why the door refused: not staff, refused at the gate today, or an abnormal reading today.';
