-- Staff health: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE staffhealth_schedules SET working_days = left(working_days, 20), updated_by = left(updated_by, 100)
    WHERE char_length(working_days) > 20 OR char_length(updated_by) > 100;
ALTER TABLE staffhealth_schedules
    ADD CONSTRAINT staffhealth_schedules_working_days_len CHECK (char_length(working_days) <= 20),
    ADD CONSTRAINT staffhealth_schedules_updated_by_len CHECK (char_length(updated_by) <= 100);

UPDATE staff_checks SET measured_by = left(measured_by, 100)
    WHERE char_length(measured_by) > 100;
ALTER TABLE staff_checks
    ADD CONSTRAINT staff_checks_measured_by_len CHECK (char_length(measured_by) <= 100);

UPDATE staff_presence SET recorded_by = left(recorded_by, 100)
    WHERE char_length(recorded_by) > 100;
ALTER TABLE staff_presence
    ADD CONSTRAINT staff_presence_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE mask_events SET recorded_by = left(recorded_by, 100)
    WHERE char_length(recorded_by) > 100;
ALTER TABLE mask_events
    ADD CONSTRAINT mask_events_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE staffhealth_reminders SET slot_key = left(slot_key, 100)
    WHERE char_length(slot_key) > 100;
ALTER TABLE staffhealth_reminders
    ADD CONSTRAINT staffhealth_reminders_slot_key_len CHECK (char_length(slot_key) <= 100);
