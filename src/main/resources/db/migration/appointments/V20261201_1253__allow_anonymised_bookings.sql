-- Retention (issue 12): bookings, duty-call consultations and SMS challenges lose the person past their period;
-- times, items, windows, channels, statuses and outcomes stay for the figures.
ALTER TABLE bookings ALTER COLUMN doc_hash DROP NOT NULL;
ALTER TABLE bookings ALTER COLUMN doc_cipher DROP NOT NULL;
ALTER TABLE bookings ALTER COLUMN phone_hash DROP NOT NULL;
ALTER TABLE bookings ALTER COLUMN phone_cipher DROP NOT NULL;
ALTER TABLE bookings ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN bookings.anonymised_at IS 'When name, document and phone were removed (hallsafe.retention.bookings after the booked time).';
CREATE INDEX bookings_retention_idx ON bookings (ends_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX bookings_retention_idx IS 'The retention job: bookings not anonymised yet, oldest first.';

ALTER TABLE consultations ALTER COLUMN phone_hash DROP NOT NULL;
ALTER TABLE consultations ALTER COLUMN phone_cipher DROP NOT NULL;
ALTER TABLE consultations ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN consultations.anonymised_at IS 'When caller, phone, matter, answer and follow-up were removed.';
CREATE INDEX consultations_retention_idx ON consultations (taken_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX consultations_retention_idx IS 'The retention job: calls not anonymised yet, oldest first.';

ALTER TABLE sms_challenges ALTER COLUMN phone_hash DROP NOT NULL;
ALTER TABLE sms_challenges ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN sms_challenges.anonymised_at IS 'When the phone''s hash was removed.';
CREATE INDEX sms_challenges_retention_idx ON sms_challenges (created_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX sms_challenges_retention_idx IS 'The retention job: codes whose phone is not removed yet, oldest first.';
