-- Retention (issue 12): what an outsider refused at the canteen door typed (a name, a number) is removed after
-- hallsafe.retention.citizens; the refusal itself stays counted.
ALTER TABLE canteen_entries ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN canteen_entries.anonymised_at IS 'When what a non-staff visitor typed was replaced by a marker.';
CREATE INDEX canteen_entries_retention_idx ON canteen_entries (at) WHERE anonymised_at IS NULL AND staff_id IS NULL;
COMMENT ON INDEX canteen_entries_retention_idx IS 'The retention job: refusals of outsiders not anonymised yet, oldest first.';
