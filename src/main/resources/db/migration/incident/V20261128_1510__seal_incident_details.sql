-- What is known of a case (temperatures, symptoms, places visited, contacts) is personal data: sealed like the rest.
ALTER TABLE incidents DROP COLUMN details;
ALTER TABLE incidents ADD COLUMN details_cipher bytea;
ALTER TABLE incident_notes DROP COLUMN body;
ALTER TABLE incident_notes ADD COLUMN body_cipher bytea;
