-- References stay inside one hall (issue 12, item 13). An outside review stored, from hall B, opening hours for hall
-- A's window and a consultation pointing at hall A's window and item: every reference is now a composite key
-- (site_id, x_id), so the table refuses such a row whatever the code does.

ALTER TABLE service_items ADD CONSTRAINT service_items_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT service_items_site_id_id_uq ON service_items IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE slots ADD CONSTRAINT slots_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT slots_site_id_id_uq ON slots IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE bookings ADD CONSTRAINT bookings_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT bookings_site_id_id_uq ON bookings IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE service_item_windows ADD COLUMN site_id bigint;
UPDATE service_item_windows iw SET site_id = i.site_id FROM service_items i WHERE i.id = iw.item_id;
ALTER TABLE service_item_windows ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE service_item_windows DROP CONSTRAINT service_item_windows_item_id_fkey;
ALTER TABLE service_item_windows ADD CONSTRAINT service_item_windows_item_fk
    FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id);
ALTER TABLE service_item_windows DROP CONSTRAINT service_item_windows_window_id_fkey;
ALTER TABLE service_item_windows ADD CONSTRAINT service_item_windows_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);

ALTER TABLE opening_hours DROP CONSTRAINT opening_hours_window_id_fkey;
ALTER TABLE opening_hours ADD CONSTRAINT opening_hours_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);

ALTER TABLE slots DROP CONSTRAINT slots_window_id_fkey;
ALTER TABLE slots ADD CONSTRAINT slots_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);

ALTER TABLE bookings DROP CONSTRAINT bookings_item_id_fkey;
ALTER TABLE bookings ADD CONSTRAINT bookings_item_fk
    FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id);
ALTER TABLE bookings DROP CONSTRAINT bookings_slot_id_fkey;
ALTER TABLE bookings ADD CONSTRAINT bookings_slot_fk
    FOREIGN KEY (site_id, slot_id) REFERENCES slots (site_id, id);
ALTER TABLE bookings DROP CONSTRAINT bookings_window_id_fkey;
ALTER TABLE bookings ADD CONSTRAINT bookings_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);
ALTER TABLE bookings DROP CONSTRAINT bookings_rescheduled_from_fkey;
ALTER TABLE bookings ADD CONSTRAINT bookings_rescheduled_from_fk
    FOREIGN KEY (site_id, rescheduled_from) REFERENCES bookings (site_id, id);

ALTER TABLE duty_roster DROP CONSTRAINT duty_roster_window_id_fkey;
ALTER TABLE duty_roster ADD CONSTRAINT duty_roster_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);
ALTER TABLE duty_roster DROP CONSTRAINT duty_roster_staff_id_fkey;
ALTER TABLE duty_roster ADD CONSTRAINT duty_roster_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);

ALTER TABLE consultations DROP CONSTRAINT consultations_window_id_fkey;
ALTER TABLE consultations ADD CONSTRAINT consultations_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);
ALTER TABLE consultations DROP CONSTRAINT consultations_item_id_fkey;
ALTER TABLE consultations ADD CONSTRAINT consultations_item_fk
    FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id);
ALTER TABLE consultations DROP CONSTRAINT consultations_booking_id_fkey;
ALTER TABLE consultations ADD CONSTRAINT consultations_booking_fk
    FOREIGN KEY (site_id, booking_id) REFERENCES bookings (site_id, id);

ALTER TABLE bookings ADD CONSTRAINT bookings_screening_fk
    FOREIGN KEY (site_id, screening_id) REFERENCES screenings (site_id, id);
