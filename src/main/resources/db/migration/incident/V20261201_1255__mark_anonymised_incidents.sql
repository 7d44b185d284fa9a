-- Retention (issue 12): a closed incident's title (it names the person), sealed details and notes are removed after
-- hallsafe.retention.incidents; source, status and times stay.
ALTER TABLE incidents ADD COLUMN anonymised_at timestamptz;
COMMENT ON COLUMN incidents.anonymised_at IS 'When title, details and notes were removed.';
CREATE INDEX incidents_retention_idx ON incidents (closed_at) WHERE anonymised_at IS NULL AND status = 'CLOSED';
COMMENT ON INDEX incidents_retention_idx IS 'The retention job: closed incidents not anonymised yet, oldest first.';
