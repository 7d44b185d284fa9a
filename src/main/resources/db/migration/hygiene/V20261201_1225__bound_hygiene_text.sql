-- Hygiene: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE zones SET name = left(name, 40), zone_type = left(zone_type, 20), created_by = left(created_by, 100)
    WHERE char_length(name) > 40 OR char_length(zone_type) > 20 OR char_length(created_by) > 100;
ALTER TABLE zones
    ADD CONSTRAINT zones_name_len CHECK (char_length(name) <= 40),
    ADD CONSTRAINT zones_zone_type_len CHECK (char_length(zone_type) <= 20),
    ADD CONSTRAINT zones_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE disinfections SET done_by = left(done_by, 50), recorded_by = left(recorded_by, 100)
    WHERE char_length(done_by) > 50 OR char_length(recorded_by) > 100;
ALTER TABLE disinfections
    ADD CONSTRAINT disinfections_done_by_len CHECK (char_length(done_by) <= 50),
    ADD CONSTRAINT disinfections_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE disinfection_photos SET content_type = left(content_type, 100)
    WHERE char_length(content_type) > 100;
ALTER TABLE disinfection_photos
    ADD CONSTRAINT disinfection_photos_content_type_len CHECK (char_length(content_type) <= 100);

UPDATE ventilations SET done_by = left(done_by, 50), recorded_by = left(recorded_by, 100)
    WHERE char_length(done_by) > 50 OR char_length(recorded_by) > 100;
ALTER TABLE ventilations
    ADD CONSTRAINT ventilations_done_by_len CHECK (char_length(done_by) <= 50),
    ADD CONSTRAINT ventilations_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE waste_removals SET done_by = left(done_by, 50), recorded_by = left(recorded_by, 100)
    WHERE char_length(done_by) > 50 OR char_length(recorded_by) > 100;
ALTER TABLE waste_removals
    ADD CONSTRAINT waste_removals_done_by_len CHECK (char_length(done_by) <= 50),
    ADD CONSTRAINT waste_removals_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE medical_waste_handovers SET handed_by = left(handed_by, 50), receiver_name = left(receiver_name, 50), receiver_unit = left(receiver_unit, 60), recorded_by = left(recorded_by, 100)
    WHERE char_length(handed_by) > 50 OR char_length(receiver_name) > 50 OR char_length(receiver_unit) > 60 OR char_length(recorded_by) > 100;
ALTER TABLE medical_waste_handovers
    ADD CONSTRAINT medical_waste_handovers_handed_by_len CHECK (char_length(handed_by) <= 50),
    ADD CONSTRAINT medical_waste_handovers_receiver_name_len CHECK (char_length(receiver_name) <= 50),
    ADD CONSTRAINT medical_waste_handovers_receiver_unit_len CHECK (char_length(receiver_unit) <= 60),
    ADD CONSTRAINT medical_waste_handovers_recorded_by_len CHECK (char_length(recorded_by) <= 100);
