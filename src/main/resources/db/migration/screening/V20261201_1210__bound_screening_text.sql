-- Screening: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE screening_settings SET updated_by = left(updated_by, 100)
    WHERE char_length(updated_by) > 100;
ALTER TABLE screening_settings
    ADD CONSTRAINT screening_settings_updated_by_len CHECK (char_length(updated_by) <= 100);

UPDATE citizens SET name = left(name, 50), doc_masked = left(doc_masked, 40), phone_masked = left(phone_masked, 20)
    WHERE char_length(name) > 50 OR char_length(doc_masked) > 40 OR char_length(phone_masked) > 20;
ALTER TABLE citizens
    ADD CONSTRAINT citizens_name_len CHECK (char_length(name) <= 50),
    ADD CONSTRAINT citizens_doc_masked_len CHECK (char_length(doc_masked) <= 40),
    ADD CONSTRAINT citizens_phone_masked_len CHECK (char_length(phone_masked) <= 20);

UPDATE screenings SET person_name = left(person_name, 50), doc_masked = left(doc_masked, 40), phone_masked = left(phone_masked, 20), backfill_reason = left(backfill_reason, 500), screener = left(screener, 100)
    WHERE char_length(person_name) > 50 OR char_length(doc_masked) > 40 OR char_length(phone_masked) > 20 OR char_length(backfill_reason) > 500 OR char_length(screener) > 100;
ALTER TABLE screenings
    ADD CONSTRAINT screenings_person_name_len CHECK (char_length(person_name) <= 50),
    ADD CONSTRAINT screenings_doc_masked_len CHECK (char_length(doc_masked) <= 40),
    ADD CONSTRAINT screenings_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    ADD CONSTRAINT screenings_backfill_reason_len CHECK (char_length(backfill_reason) <= 500),
    ADD CONSTRAINT screenings_screener_len CHECK (char_length(screener) <= 100);
