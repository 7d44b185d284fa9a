-- Canteen: every text column a person or HallSafe fills gets a length bound (issue 12, item 7), the same as the
-- form and API allow, so no table can again hold megabytes in a field (and no export cell overflows).
-- char_length counts characters, as the forms do. Columns already bound by an IN list are left as they are.
-- A value already longer (left by the review that found the hole) is cut to the bound first, so the migration
-- cannot fail on an old row; one UPDATE and one ALTER per table, so each table is read twice at most.

UPDATE suppliers SET name = left(name, 60), contact = left(contact, 60), created_by = left(created_by, 100)
    WHERE char_length(name) > 60 OR char_length(contact) > 60 OR char_length(created_by) > 100;
ALTER TABLE suppliers
    ADD CONSTRAINT suppliers_name_len CHECK (char_length(name) <= 60),
    ADD CONSTRAINT suppliers_contact_len CHECK (char_length(contact) <= 60),
    ADD CONSTRAINT suppliers_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE supplier_certificates SET number = left(number, 40), created_by = left(created_by, 100)
    WHERE char_length(number) > 40 OR char_length(created_by) > 100;
ALTER TABLE supplier_certificates
    ADD CONSTRAINT supplier_certificates_number_len CHECK (char_length(number) <= 40),
    ADD CONSTRAINT supplier_certificates_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE purchases SET invoice_no = left(invoice_no, 40), inspector = left(inspector, 50), created_by = left(created_by, 100)
    WHERE char_length(invoice_no) > 40 OR char_length(inspector) > 50 OR char_length(created_by) > 100;
ALTER TABLE purchases
    ADD CONSTRAINT purchases_invoice_no_len CHECK (char_length(invoice_no) <= 40),
    ADD CONSTRAINT purchases_inspector_len CHECK (char_length(inspector) <= 50),
    ADD CONSTRAINT purchases_created_by_len CHECK (char_length(created_by) <= 100);

UPDATE purchase_items SET name = left(name, 60), category = left(category, 20), unit = left(unit, 10), batch = left(batch, 40), shelf_life = left(shelf_life, 20), quarantine_no = left(quarantine_no, 40), reason = left(reason, 200)
    WHERE char_length(name) > 60 OR char_length(category) > 20 OR char_length(unit) > 10 OR char_length(batch) > 40 OR char_length(shelf_life) > 20 OR char_length(quarantine_no) > 40 OR char_length(reason) > 200;
ALTER TABLE purchase_items
    ADD CONSTRAINT purchase_items_name_len CHECK (char_length(name) <= 60),
    ADD CONSTRAINT purchase_items_category_len CHECK (char_length(category) <= 20),
    ADD CONSTRAINT purchase_items_unit_len CHECK (char_length(unit) <= 10),
    ADD CONSTRAINT purchase_items_batch_len CHECK (char_length(batch) <= 40),
    ADD CONSTRAINT purchase_items_shelf_life_len CHECK (char_length(shelf_life) <= 20),
    ADD CONSTRAINT purchase_items_quarantine_no_len CHECK (char_length(quarantine_no) <= 40),
    ADD CONSTRAINT purchase_items_reason_len CHECK (char_length(reason) <= 200);

UPDATE tableware_disinfections SET done_by = left(done_by, 50), recorded_by = left(recorded_by, 100)
    WHERE char_length(done_by) > 50 OR char_length(recorded_by) > 100;
ALTER TABLE tableware_disinfections
    ADD CONSTRAINT tableware_disinfections_done_by_len CHECK (char_length(done_by) <= 50),
    ADD CONSTRAINT tableware_disinfections_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE canteen_entries SET meal = left(meal, 20), typed = left(typed, 40), recorded_by = left(recorded_by, 100)
    WHERE char_length(meal) > 20 OR char_length(typed) > 40 OR char_length(recorded_by) > 100;
ALTER TABLE canteen_entries
    ADD CONSTRAINT canteen_entries_meal_len CHECK (char_length(meal) <= 20),
    ADD CONSTRAINT canteen_entries_typed_len CHECK (char_length(typed) <= 40),
    ADD CONSTRAINT canteen_entries_recorded_by_len CHECK (char_length(recorded_by) <= 100);

UPDATE food_waste SET handed_to = left(handed_to, 60), recorded_by = left(recorded_by, 100)
    WHERE char_length(handed_to) > 60 OR char_length(recorded_by) > 100;
ALTER TABLE food_waste
    ADD CONSTRAINT food_waste_handed_to_len CHECK (char_length(handed_to) <= 60),
    ADD CONSTRAINT food_waste_recorded_by_len CHECK (char_length(recorded_by) <= 100);
