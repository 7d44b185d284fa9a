-- Issue 12: an SMS code is good for the one booking it was sent for (this phone, this item) and only once.
ALTER TABLE sms_challenges ADD COLUMN item_id bigint REFERENCES service_items (id);
ALTER TABLE sms_challenges ADD COLUMN used_at timestamptz;
COMMENT ON COLUMN sms_challenges.item_id IS 'The item the code was sent for; codes sent before issue 12 (NULL) match no booking.';
COMMENT ON COLUMN sms_challenges.used_at IS 'When a booking used the code; a used code books nothing more.';
