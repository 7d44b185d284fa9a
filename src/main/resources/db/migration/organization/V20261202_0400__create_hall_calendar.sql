-- One hall calendar (issue 19, item 7): the hall's regular week and the exceptions to it (public holidays, 调休
-- working weekends, special hours), read by staff health, hygiene, appointments and every deadline counted in working
-- days. Until now the appointments module kept them alone (opening_hours with window_id NULL, calendar_days), so staff
-- health expected checks and hygiene flagged blind spots on a public holiday. The data moves here in the next step.

CREATE TABLE hall_hours (
    id        bigserial PRIMARY KEY,
    site_id   bigint NOT NULL REFERENCES sites (id),
    weekday   int    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts    time   NOT NULL,
    ends      time   NOT NULL CHECK (ends > starts)
);
COMMENT ON TABLE hall_hours IS 'The regular week of a hall: the opening periods of each weekday it opens. A hall without rows opens Monday to Friday, 08:30-12:00 and 14:30-17:30.';
CREATE INDEX hall_hours_site_idx ON hall_hours (site_id, weekday, starts);
COMMENT ON INDEX hall_hours_site_idx IS 'The week of a hall, by weekday and period (HallCalendar.week).';

CREATE TABLE hall_calendar_days (
    id         bigserial   PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    day        date        NOT NULL,
    open       boolean     NOT NULL,
    opens      time,
    closes     time,
    note       text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    CONSTRAINT hall_calendar_days_note_len CHECK (char_length(note) <= 100),
    CONSTRAINT hall_calendar_days_created_by_len CHECK (char_length(created_by) <= 100),
    CONSTRAINT hall_calendar_days_hours_whole CHECK ((opens IS NULL) = (closes IS NULL)),
    CONSTRAINT hall_calendar_days_hours_open CHECK (open OR opens IS NULL),
    CONSTRAINT hall_calendar_days_hours_order CHECK (closes > opens)
);
COMMENT ON TABLE hall_calendar_days IS 'Exceptions to a hall''s week: a public holiday (closed), a 调休 working day (open with a working day''s hours), or special hours (opens-closes).';
CREATE UNIQUE INDEX hall_calendar_days_uq ON hall_calendar_days (site_id, day);
COMMENT ON INDEX hall_calendar_days_uq IS 'One exception per hall and day; the days of a range (HallCalendar.hours, addWorkingDays).';
