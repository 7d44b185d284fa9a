-- References stay inside one hall (issue 12, item 13): a ledger line points at a citizen, a staff member, a first
-- reading and an incident of its own hall only.

ALTER TABLE citizens ADD CONSTRAINT citizens_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT citizens_site_id_id_uq ON citizens IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE screenings ADD CONSTRAINT screenings_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT screenings_site_id_id_uq ON screenings IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE screenings DROP CONSTRAINT screenings_citizen_id_fkey;
ALTER TABLE screenings ADD CONSTRAINT screenings_citizen_fk
    FOREIGN KEY (site_id, citizen_id) REFERENCES citizens (site_id, id);
ALTER TABLE screenings DROP CONSTRAINT screenings_recheck_of_fkey;
ALTER TABLE screenings ADD CONSTRAINT screenings_recheck_of_fk
    FOREIGN KEY (site_id, recheck_of) REFERENCES screenings (site_id, id);
ALTER TABLE screenings ADD CONSTRAINT screenings_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
ALTER TABLE screenings ADD CONSTRAINT screenings_incident_fk
    FOREIGN KEY (site_id, incident_id) REFERENCES incidents (site_id, id);
