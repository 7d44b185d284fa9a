-- Issue 17 item 2: the optional exit scan at the gate. A visitor's leaving time, stamped by the server when the
-- screener taps 离开 or scans the booking code on the way out; empty when nobody scanned (tracing then estimates it).
ALTER TABLE screenings ADD COLUMN left_at timestamptz;
ALTER TABLE screenings ADD COLUMN left_by text CHECK (char_length(left_by) <= 100);
ALTER TABLE screenings ADD CONSTRAINT screenings_left_after_entry CHECK (left_at IS NULL OR left_at >= screened_at);
COMMENT ON COLUMN screenings.left_at IS 'When the person left the hall (exit scan at the gate, server time); NULL when not scanned.';
