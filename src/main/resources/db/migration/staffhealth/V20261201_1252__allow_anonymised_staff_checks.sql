-- Retention (issue 12): a staff check's temperature and symptoms are removed after hallsafe.retention.staff-health;
-- the check itself (time, source, abnormal) stays for the compliance figures.
ALTER TABLE staff_checks ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN staff_checks.anonymised_at IS 'When the sealed reading was removed.';
ALTER TABLE staff_checks DROP CONSTRAINT staff_checks_check;
ALTER TABLE staff_checks ADD CONSTRAINT staff_checks_reading_check
    CHECK (source = 'GATE' AND screening_id IS NOT NULL
           OR source <> 'GATE' AND (health_cipher IS NOT NULL OR anonymised_at IS NOT NULL));
CREATE INDEX staff_checks_retention_idx ON staff_checks (checked_at) WHERE anonymised_at IS NULL;
COMMENT ON INDEX staff_checks_retention_idx IS 'The retention job: checks whose reading is not removed yet, oldest first.';
