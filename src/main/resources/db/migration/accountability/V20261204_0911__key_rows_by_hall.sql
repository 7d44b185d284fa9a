-- Issue 18, item 5 (see V20261204_0900..0910): the accountability tables of issue 16 get their key of site_id and the
-- primary key's columns, so ScaleOutSchemaIssue18Test holds them to docs/scale-out.md like every other hall table.
ALTER TABLE briefings ADD CONSTRAINT briefings_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE inspection_photos ADD CONSTRAINT inspection_photos_hall_key_uq UNIQUE (site_id, id);
ALTER TABLE section_report_figures ADD CONSTRAINT section_report_figures_hall_key_uq UNIQUE (site_id, report_id, measure_code);
ALTER TABLE section_report_reads ADD CONSTRAINT section_report_reads_hall_key_uq UNIQUE (site_id, report_id, account_id);
ALTER TABLE section_report_replies ADD CONSTRAINT section_report_replies_hall_key_uq UNIQUE (site_id, id);
