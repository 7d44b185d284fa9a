-- Retention (issue 12, PIPL art. 19, 47): past its period a citizen's identity and a reading's health data are
-- anonymised, never deleted, so the ledger keeps its counts, times and decisions. anonymised_at marks a row done.
ALTER TABLE citizens ALTER COLUMN doc_cipher DROP NOT NULL;
ALTER TABLE citizens ALTER COLUMN doc_hash DROP NOT NULL;
ALTER TABLE citizens ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN citizens.anonymised_at IS 'When name, document and phone were removed (hallsafe.retention.citizens after the last visit); a returning citizen is then a new row.';
CREATE INDEX citizens_retention_idx ON citizens (updated_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX citizens_retention_idx IS 'The retention job: citizens not anonymised yet, oldest last visit first.';

ALTER TABLE screenings ALTER COLUMN health_cipher DROP NOT NULL;
ALTER TABLE screenings ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN screenings.anonymised_at IS 'When the reading (temperature, symptoms), the questioning and, for a citizen, name, document and phone were removed; time, mask, decision and reasons stay.';
CREATE INDEX screenings_retention_idx ON screenings (person_type, screened_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX screenings_retention_idx IS 'The retention job: readings not anonymised yet, per kind of person, oldest first.';
