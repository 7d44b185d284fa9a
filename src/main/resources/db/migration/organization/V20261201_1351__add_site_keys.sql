-- Every reference between two rows of halls stays inside one hall (issue 12, item 13): a row of hall B can never point
-- at a section, window or staff member of hall A, whatever the code above does. The referenced tables get a unique
-- key (site_id, id); each reference becomes a composite foreign key (site_id, x_id) that replaces the simple one.

ALTER TABLE departments ADD CONSTRAINT departments_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT departments_site_id_id_uq ON departments IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE service_windows ADD CONSTRAINT service_windows_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT service_windows_site_id_id_uq ON service_windows IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE staff ADD CONSTRAINT staff_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT staff_site_id_id_uq ON staff IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE service_windows DROP CONSTRAINT service_windows_section_id_fkey;
ALTER TABLE service_windows ADD CONSTRAINT service_windows_section_fk
    FOREIGN KEY (site_id, section_id) REFERENCES departments (site_id, id);

ALTER TABLE staff DROP CONSTRAINT staff_department_id_fkey;
ALTER TABLE staff ADD CONSTRAINT staff_department_fk
    FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id);
ALTER TABLE staff DROP CONSTRAINT staff_window_id_fkey;
ALTER TABLE staff ADD CONSTRAINT staff_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);

ALTER TABLE leadership_members DROP CONSTRAINT leadership_members_staff_id_fkey;
ALTER TABLE leadership_members ADD CONSTRAINT leadership_members_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);

ALTER TABLE measure_owners DROP CONSTRAINT measure_owners_department_id_fkey;
ALTER TABLE measure_owners ADD CONSTRAINT measure_owners_department_fk
    FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id);

ALTER TABLE staff ADD CONSTRAINT staff_account_fk
    FOREIGN KEY (site_id, account_id) REFERENCES accounts (site_id, id);
