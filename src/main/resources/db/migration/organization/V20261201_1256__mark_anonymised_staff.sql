-- Retention (issue 12): the phone and ID number of staff who left are removed after hallsafe.retention.retired-staff;
-- the name stays, as the ledgers and rosters still name them.
ALTER TABLE staff ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN staff.anonymised_at IS 'When phone and ID number of a retired staff member were removed.';
