-- References stay inside one hall (issue 12, item 13): a zone's section, and every disinfection, airing, waste
-- removal, photo and blind-spot flag of a zone, belong to the zone's hall.

ALTER TABLE zones ADD CONSTRAINT zones_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT zones_site_id_id_uq ON zones IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE disinfections ADD CONSTRAINT disinfections_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT disinfections_site_id_id_uq ON disinfections IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE zones ADD CONSTRAINT zones_department_fk
    FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id);

ALTER TABLE disinfections DROP CONSTRAINT disinfections_zone_id_fkey;
ALTER TABLE disinfections ADD CONSTRAINT disinfections_zone_fk
    FOREIGN KEY (site_id, zone_id) REFERENCES zones (site_id, id);

ALTER TABLE disinfection_photos ADD COLUMN site_id bigint;
UPDATE disinfection_photos p SET site_id = d.site_id FROM disinfections d WHERE d.id = p.disinfection_id;
ALTER TABLE disinfection_photos ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE disinfection_photos DROP CONSTRAINT disinfection_photos_disinfection_id_fkey;
ALTER TABLE disinfection_photos ADD CONSTRAINT disinfection_photos_disinfection_fk
    FOREIGN KEY (site_id, disinfection_id) REFERENCES disinfections (site_id, id);

ALTER TABLE ventilations DROP CONSTRAINT ventilations_zone_id_fkey;
ALTER TABLE ventilations ADD CONSTRAINT ventilations_zone_fk
    FOREIGN KEY (site_id, zone_id) REFERENCES zones (site_id, id);

ALTER TABLE waste_removals DROP CONSTRAINT waste_removals_zone_id_fkey;
ALTER TABLE waste_removals ADD CONSTRAINT waste_removals_zone_fk
    FOREIGN KEY (site_id, zone_id) REFERENCES zones (site_id, id);

ALTER TABLE hygiene_flags DROP CONSTRAINT hygiene_flags_zone_id_fkey;
ALTER TABLE hygiene_flags ADD CONSTRAINT hygiene_flags_zone_fk
    FOREIGN KEY (site_id, zone_id) REFERENCES zones (site_id, id);
ALTER TABLE hygiene_flags ADD CONSTRAINT hygiene_flags_department_fk
    FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id);
