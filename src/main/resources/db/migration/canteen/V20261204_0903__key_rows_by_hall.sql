-- Issue 18, item 5: every hall table has a unique key of site_id and its primary key's columns, so sharding by
-- hall (Citus, site_id the distribution column) only drops the primary key of id alone: a key Citus accepts is
-- already there, built and used by the composite foreign keys, and nothing is rebuilt. docs/scale-out.md has the design; ScaleOutSchemaIssue18Test holds every table to it.
ALTER TABLE canteen_entries ADD CONSTRAINT canteen_entries_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE food_waste ADD CONSTRAINT food_waste_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE purchase_items ADD CONSTRAINT purchase_items_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE supplier_certificates ADD CONSTRAINT supplier_certificates_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE tableware_disinfections ADD CONSTRAINT tableware_disinfections_hall_key_uq UNIQUE (site_id, id);
