-- Issue 18, item 5: every hall table has a unique key of site_id and its primary key's columns, so sharding by
-- hall (Citus, site_id the distribution column) only drops the primary key of id alone: a key Citus accepts is
-- already there, built and used by the composite foreign keys, and nothing is rebuilt. docs/scale-out.md has the design; ScaleOutSchemaIssue18Test holds every table to it.
ALTER TABLE hall_calendar_days ADD CONSTRAINT hall_calendar_days_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE hall_hours ADD CONSTRAINT hall_hours_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE leadership_members ADD CONSTRAINT leadership_members_hall_key_uq UNIQUE (site_id, id);
