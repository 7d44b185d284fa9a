-- Organization: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE sites SET code = left(code, 20), name = left(name, 60), address = left(address, 200), created_by = left(created_by, 100)
    WHERE char_length(code) > 20 OR char_length(name) > 60 OR char_length(address) > 200 OR char_length(created_by) > 100;
ALTER TABLE sites
    ADD CONSTRAINT sites_code_len CHECK (char_length(code) <= 20),
    ADD CONSTRAINT sites_name_len CHECK (char_length(name) <= 60),
    ADD CONSTRAINT sites_address_len CHECK (char_length(address) <= 200),
    ADD CONSTRAINT sites_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE departments SET name = left(name, 40), phone = left(phone, 30), duties = left(duties, 500), created_by = left(created_by, 100)
    WHERE char_length(name) > 40 OR char_length(phone) > 30 OR char_length(duties) > 500 OR char_length(created_by) > 100;
ALTER TABLE departments
    ADD CONSTRAINT departments_name_len CHECK (char_length(name) <= 40),
    ADD CONSTRAINT departments_phone_len CHECK (char_length(phone) <= 30),
    ADD CONSTRAINT departments_duties_len CHECK (char_length(duties) <= 500),
    ADD CONSTRAINT departments_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE service_windows SET name = left(name, 40), area = left(area, 40), created_by = left(created_by, 100)
    WHERE char_length(name) > 40 OR char_length(area) > 40 OR char_length(created_by) > 100;
ALTER TABLE service_windows
    ADD CONSTRAINT service_windows_name_len CHECK (char_length(name) <= 40),
    ADD CONSTRAINT service_windows_area_len CHECK (char_length(area) <= 40),
    ADD CONSTRAINT service_windows_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE staff SET name = left(name, 50), card_no = left(card_no, 20), job_title = left(job_title, 30), phone_masked = left(phone_masked, 20), id_number_masked = left(id_number_masked, 30), created_by = left(created_by, 100)
    WHERE char_length(name) > 50 OR char_length(card_no) > 20 OR char_length(job_title) > 30 OR char_length(phone_masked) > 20 OR char_length(id_number_masked) > 30 OR char_length(created_by) > 100;
ALTER TABLE staff
    ADD CONSTRAINT staff_name_len CHECK (char_length(name) <= 50),
    ADD CONSTRAINT staff_card_no_len CHECK (char_length(card_no) <= 20),
    ADD CONSTRAINT staff_job_title_len CHECK (char_length(job_title) <= 30),
    ADD CONSTRAINT staff_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    ADD CONSTRAINT staff_id_number_masked_len CHECK (char_length(id_number_masked) <= 30),
    ADD CONSTRAINT staff_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE leadership_members SET created_by = left(created_by, 100)
    WHERE char_length(created_by) > 100;
ALTER TABLE leadership_members
    ADD CONSTRAINT leadership_members_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE measure_owners SET measure_code = left(measure_code, 20), created_by = left(created_by, 100)
    WHERE char_length(measure_code) > 20 OR char_length(created_by) > 100;
ALTER TABLE measure_owners
    ADD CONSTRAINT measure_owners_measure_code_len CHECK (char_length(measure_code) <= 20),
    ADD CONSTRAINT measure_owners_created_by_len CHECK (char_length(created_by) <= 100);
