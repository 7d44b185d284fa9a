-- Appointments and duty: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE appointment_settings SET postponed_message = left(postponed_message, 500), hotline = left(hotline, 20), reminder_day_text = left(reminder_day_text, 500), reminder_hour_text = left(reminder_hour_text, 500), updated_by = left(updated_by, 100)
    WHERE char_length(postponed_message) > 500 OR char_length(hotline) > 20 OR char_length(reminder_day_text) > 500 OR char_length(reminder_hour_text) > 500 OR char_length(updated_by) > 100;
ALTER TABLE appointment_settings
    ADD CONSTRAINT appointment_settings_postponed_message_len CHECK (char_length(postponed_message) <= 500),
    ADD CONSTRAINT appointment_settings_hotline_len CHECK (char_length(hotline) <= 20),
    ADD CONSTRAINT appointment_settings_reminder_day_text_len CHECK (char_length(reminder_day_text) <= 500),
    ADD CONSTRAINT appointment_settings_reminder_hour_text_len CHECK (char_length(reminder_hour_text) <= 500),
    ADD CONSTRAINT appointment_settings_updated_by_len CHECK (char_length(updated_by) <= 100);

UPDATE service_items SET name = left(name, 100), materials = left(materials, 2000), online_url = left(online_url, 500), created_by = left(created_by, 100)
    WHERE char_length(name) > 100 OR char_length(materials) > 2000 OR char_length(online_url) > 500 OR char_length(created_by) > 100;
ALTER TABLE service_items
    ADD CONSTRAINT service_items_name_len CHECK (char_length(name) <= 100),
    ADD CONSTRAINT service_items_materials_len CHECK (char_length(materials) <= 2000),
    ADD CONSTRAINT service_items_online_url_len CHECK (char_length(online_url) <= 500),
    ADD CONSTRAINT service_items_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE calendar_days SET note = left(note, 100)
    WHERE char_length(note) > 100;
ALTER TABLE calendar_days
    ADD CONSTRAINT calendar_days_note_len CHECK (char_length(note) <= 100);

UPDATE slots SET created_by = left(created_by, 100)
    WHERE char_length(created_by) > 100;
ALTER TABLE slots
    ADD CONSTRAINT slots_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE bookings SET code = left(code, 16), name = left(name, 50), doc_type = left(doc_type, 20), doc_masked = left(doc_masked, 40), phone_masked = left(phone_masked, 20), created_by = left(created_by, 100)
    WHERE char_length(code) > 16 OR char_length(name) > 50 OR char_length(doc_type) > 20 OR char_length(doc_masked) > 40 OR char_length(phone_masked) > 20 OR char_length(created_by) > 100;
ALTER TABLE bookings
    ADD CONSTRAINT bookings_code_len CHECK (char_length(code) <= 16),
    ADD CONSTRAINT bookings_name_len CHECK (char_length(name) <= 50),
    ADD CONSTRAINT bookings_doc_type_len CHECK (char_length(doc_type) <= 20),
    ADD CONSTRAINT bookings_doc_masked_len CHECK (char_length(doc_masked) <= 40),
    ADD CONSTRAINT bookings_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    ADD CONSTRAINT bookings_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE sms_challenges SET code_hash = left(code_hash, 128)
    WHERE char_length(code_hash) > 128;
ALTER TABLE sms_challenges
    ADD CONSTRAINT sms_challenges_code_hash_len CHECK (char_length(code_hash) <= 128);

UPDATE duty_roster SET phone_line = left(phone_line, 20), note = left(note, 500), created_by = left(created_by, 100)
    WHERE char_length(phone_line) > 20 OR char_length(note) > 500 OR char_length(created_by) > 100;
ALTER TABLE duty_roster
    ADD CONSTRAINT duty_roster_phone_line_len CHECK (char_length(phone_line) <= 20),
    ADD CONSTRAINT duty_roster_note_len CHECK (char_length(note) <= 500),
    ADD CONSTRAINT duty_roster_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE consultations SET taken_by = left(taken_by, 100), caller_name = left(caller_name, 50), phone_masked = left(phone_masked, 20), matter = left(matter, 500), answer = left(answer, 2000), follow_up = left(follow_up, 500)
    WHERE char_length(taken_by) > 100 OR char_length(caller_name) > 50 OR char_length(phone_masked) > 20 OR char_length(matter) > 500 OR char_length(answer) > 2000 OR char_length(follow_up) > 500;
ALTER TABLE consultations
    ADD CONSTRAINT consultations_taken_by_len CHECK (char_length(taken_by) <= 100),
    ADD CONSTRAINT consultations_caller_name_len CHECK (char_length(caller_name) <= 50),
    ADD CONSTRAINT consultations_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    ADD CONSTRAINT consultations_matter_len CHECK (char_length(matter) <= 500),
    ADD CONSTRAINT consultations_answer_len CHECK (char_length(answer) <= 2000),
    ADD CONSTRAINT consultations_follow_up_len CHECK (char_length(follow_up) <= 500);
