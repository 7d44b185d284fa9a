-- Incident: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE incidents SET source = left(source, 40), source_id = left(source_id, 100), title = left(title, 200), reported_by = left(reported_by, 100), acknowledged_by = left(acknowledged_by, 100), closed_by = left(closed_by, 100)
    WHERE char_length(source) > 40 OR char_length(source_id) > 100 OR char_length(title) > 200 OR char_length(reported_by) > 100 OR char_length(acknowledged_by) > 100 OR char_length(closed_by) > 100;
ALTER TABLE incidents
    ADD CONSTRAINT incidents_source_len CHECK (char_length(source) <= 40),
    ADD CONSTRAINT incidents_source_id_len CHECK (char_length(source_id) <= 100),
    ADD CONSTRAINT incidents_title_len CHECK (char_length(title) <= 200),
    ADD CONSTRAINT incidents_reported_by_len CHECK (char_length(reported_by) <= 100),
    ADD CONSTRAINT incidents_acknowledged_by_len CHECK (char_length(acknowledged_by) <= 100),
    ADD CONSTRAINT incidents_closed_by_len CHECK (char_length(closed_by) <= 100);

UPDATE incident_notes SET written_by = left(written_by, 100)
    WHERE char_length(written_by) > 100;
ALTER TABLE incident_notes
    ADD CONSTRAINT incident_notes_written_by_len CHECK (char_length(written_by) <= 100);
