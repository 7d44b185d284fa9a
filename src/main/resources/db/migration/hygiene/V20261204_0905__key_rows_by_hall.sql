-- Issue 18, item 5: every hall table has a unique key of site_id and its primary key's columns, so sharding by
-- hall (Citus, site_id the distribution column) only drops the primary key of id alone: a key Citus accepts is
-- already there, built and used by the composite foreign keys, and nothing is rebuilt. docs/scale-out.md has the design; ScaleOutSchemaIssue18Test holds every table to it.
ALTER TABLE disinfection_photos ADD CONSTRAINT disinfection_photos_hall_key_uq UNIQUE (site_id, disinfection_id);
ALTER TABLE hygiene_flags ADD CONSTRAINT hygiene_flags_hall_key_uq UNIQUE (site_id, zone_id, day);
ALTER TABLE medical_waste_handovers ADD CONSTRAINT medical_waste_handovers_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE ventilations ADD CONSTRAINT ventilations_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE waste_removals ADD CONSTRAINT waste_removals_hall_key_uq UNIQUE (site_id, id);
