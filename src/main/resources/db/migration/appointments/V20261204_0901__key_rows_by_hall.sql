-- Issue 18, item 5: every hall table has a unique key of site_id and its primary key's columns, so sharding by
-- hall (Citus, site_id the distribution column) only drops the primary key of id alone: a key Citus accepts is
-- already there, built and used by the composite foreign keys, and nothing is rebuilt. docs/scale-out.md has the design; ScaleOutSchemaIssue18Test holds every table to it.
ALTER TABLE consultations ADD CONSTRAINT consultations_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE duty_roster ADD CONSTRAINT duty_roster_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE opening_hours ADD CONSTRAINT opening_hours_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE service_item_windows ADD CONSTRAINT service_item_windows_hall_key_uq UNIQUE (site_id, item_id, window_id);
ALTER TABLE sms_challenges ADD CONSTRAINT sms_challenges_hall_key_uq UNIQUE (site_id, id);
