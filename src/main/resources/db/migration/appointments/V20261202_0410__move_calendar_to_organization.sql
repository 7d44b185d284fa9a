-- One hall calendar (issue 19, item 7): the hall's weekly hours and its holidays and 调休 days move from appointments
-- to organization (hall_hours, hall_calendar_days), with their ids; nothing is lost. A window's own hours stay here.

INSERT INTO hall_calendar_days (id, site_id, day, open, note)
SELECT id, site_id, day, open, note FROM calendar_days;
SELECT setval(pg_get_serial_sequence('hall_calendar_days', 'id'),
              greatest((SELECT max(id) FROM hall_calendar_days), 1));

INSERT INTO hall_hours (site_id, weekday, starts, ends)
SELECT site_id, weekday, starts, ends FROM opening_hours WHERE window_id IS NULL ORDER BY id;
DELETE FROM opening_hours WHERE window_id IS NULL;
ALTER TABLE opening_hours ALTER COLUMN window_id SET NOT NULL;
COMMENT ON TABLE opening_hours IS 'Weekly opening hours of one window, which replace the hall''s (hall_hours) for it.';

DROP TABLE calendar_days;
