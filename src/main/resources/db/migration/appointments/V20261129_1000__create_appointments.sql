-- Appointments and duty (R-SVC-2, R-SVC-3): the service catalogue, the opening calendar, slots with a capacity and a
-- hall-wide cap, bookings by web, WeChat, phone and walk-in, the duty roster and the consultation log.

CREATE TABLE appointment_settings (
    site_id             bigint      PRIMARY KEY REFERENCES sites (id),
    slot_minutes        int         NOT NULL DEFAULT 30 CHECK (slot_minutes IN (10, 15, 20, 30, 60)),
    window_capacity     int         NOT NULL DEFAULT 4 CHECK (window_capacity BETWEEN 1 AND 500),
    hall_cap            int         NOT NULL DEFAULT 40 CHECK (hall_cap BETWEEN 1 AND 5000),
    per_person_daily    int         NOT NULL DEFAULT 2 CHECK (per_person_daily BETWEEN 1 AND 20),
    days_ahead          int         NOT NULL DEFAULT 14 CHECK (days_ahead BETWEEN 1 AND 90),
    no_show_minutes     int         NOT NULL DEFAULT 30 CHECK (no_show_minutes BETWEEN 0 AND 240),
    sms_verification    boolean     NOT NULL DEFAULT false,
    postponed           boolean     NOT NULL DEFAULT false,
    postponed_message   text        NOT NULL DEFAULT '',
    hotline             text        NOT NULL DEFAULT '',
    reminder_day_text   text        NOT NULL,
    reminder_hour_text  text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          text        NOT NULL
);
COMMENT ON TABLE appointment_settings IS 'A hall''s booking rules: slot length, capacities, per-person limit, SMS verification, postponed opening (推迟开放) and reminder texts.';

CREATE TABLE service_items (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    name        text        NOT NULL CHECK (length(trim(name)) > 0),
    minutes     int         NOT NULL CHECK (minutes BETWEEN 1 AND 480),
    materials   text        NOT NULL DEFAULT '',
    online_url  text        NOT NULL DEFAULT '',
    agency      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL DEFAULT 'system',
    retired_at  timestamptz
);
COMMENT ON TABLE service_items IS 'The service catalogue (事项): expected duration, materials to bring, online application link, agency service (代办).';
CREATE UNIQUE INDEX service_items_name_uq ON service_items (site_id, name) WHERE retired_at IS NULL;
COMMENT ON INDEX service_items_name_uq IS 'A hall''s active items have distinct names; lists sort by them.';

CREATE TABLE service_item_windows (
    item_id   bigint NOT NULL REFERENCES service_items (id),
    window_id bigint NOT NULL REFERENCES service_windows (id),
    PRIMARY KEY (item_id, window_id)
);
COMMENT ON TABLE service_item_windows IS 'The windows that handle an item.';
CREATE INDEX service_item_windows_window_idx ON service_item_windows (window_id);
COMMENT ON INDEX service_item_windows_window_idx IS 'The items of a window.';

CREATE TABLE opening_hours (
    id        bigserial PRIMARY KEY,
    site_id   bigint NOT NULL REFERENCES sites (id),
    window_id bigint REFERENCES service_windows (id),
    weekday   int    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts    time   NOT NULL,
    ends      time   NOT NULL CHECK (ends > starts)
);
COMMENT ON TABLE opening_hours IS 'Weekly opening hours of the hall (window_id NULL) or of one window, which then replace the hall''s for it.';
CREATE INDEX opening_hours_site_idx ON opening_hours (site_id, window_id, weekday);
COMMENT ON INDEX opening_hours_site_idx IS 'The hours of a hall or window by weekday.';

CREATE TABLE calendar_days (
    id        bigserial PRIMARY KEY,
    site_id   bigint NOT NULL REFERENCES sites (id),
    day       date   NOT NULL,
    open      boolean NOT NULL,
    note      text   NOT NULL DEFAULT ''
);
COMMENT ON TABLE calendar_days IS 'Exceptions to the week: holidays (closed) and weekend working days (调休, open with Monday''s hours).';
CREATE UNIQUE INDEX calendar_days_uq ON calendar_days (site_id, day);
COMMENT ON INDEX calendar_days_uq IS 'One exception per hall and day.';

CREATE TABLE hall_slots (
    site_id   bigint      NOT NULL REFERENCES sites (id),
    starts_at timestamptz NOT NULL,
    cap       int         NOT NULL CHECK (cap >= 0),
    booked    int         NOT NULL DEFAULT 0 CHECK (booked >= 0),
    PRIMARY KEY (site_id, starts_at)
);
COMMENT ON TABLE hall_slots IS 'The hall-wide cap of booked people per slot time, over all windows together (crowd density); booked only moves by conditional UPDATE.';

CREATE TABLE slots (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    window_id   bigint      NOT NULL REFERENCES service_windows (id),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    capacity    int         NOT NULL CHECK (capacity >= 0),
    booked      int         NOT NULL DEFAULT 0 CHECK (booked >= 0),
    released_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    FOREIGN KEY (site_id, starts_at) REFERENCES hall_slots (site_id, starts_at)
);
COMMENT ON TABLE slots IS 'Bookable time of one window with its capacity; visible to citizens from released_at. booked only moves by conditional UPDATE, so it never passes capacity.';
CREATE UNIQUE INDEX slots_window_time_uq ON slots (site_id, window_id, starts_at);
COMMENT ON INDEX slots_window_time_uq IS 'One slot per window and time: generating again adds nothing.';
CREATE INDEX slots_time_idx ON slots (site_id, starts_at);
COMMENT ON INDEX slots_time_idx IS 'A day''s slots of a hall.';

CREATE TABLE bookings (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES sites (id),
    submission_id    uuid        NOT NULL,
    code             text        NOT NULL,
    item_id          bigint      NOT NULL REFERENCES service_items (id),
    slot_id          bigint      NOT NULL REFERENCES slots (id),
    window_id        bigint      NOT NULL REFERENCES service_windows (id),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    name             text        NOT NULL,
    doc_type         text        NOT NULL,
    doc_masked       text        NOT NULL,
    doc_hash         bytea       NOT NULL,
    doc_cipher       bytea       NOT NULL,
    phone_masked     text        NOT NULL,
    phone_hash       bytea       NOT NULL,
    phone_cipher     bytea       NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('WEB','WECHAT','PHONE','WALK_IN')),
    status           text        NOT NULL CHECK (status IN ('BOOKED','CANCELLED','ARRIVED','CALLED','DONE','NO_SHOW','REFUSED')),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    changed_at       timestamptz NOT NULL,
    arrived_at       timestamptz,
    screening_id     bigint,
    called_at        timestamptz,
    reminded_day_at  timestamptz,
    reminded_hour_at timestamptz,
    rescheduled_from bigint REFERENCES bookings (id)
);
COMMENT ON TABLE bookings IS 'Appointments. Document and phone are sealed (SM4-GCM), found by keyed hash, shown masked.';
CREATE UNIQUE INDEX bookings_submission_uq ON bookings (site_id, submission_id);
COMMENT ON INDEX bookings_submission_uq IS 'A form sent twice books once.';
CREATE UNIQUE INDEX bookings_code_uq ON bookings (site_id, code);
COMMENT ON INDEX bookings_code_uq IS 'The confirmation code finds one booking of the hall.';
CREATE UNIQUE INDEX bookings_one_active_uq ON bookings (site_id, item_id, doc_hash) WHERE status IN ('BOOKED','ARRIVED','CALLED');
COMMENT ON INDEX bookings_one_active_uq IS 'One active booking per person and item, even when two arrive at once.';
CREATE INDEX bookings_person_idx ON bookings (site_id, doc_hash, starts_at);
COMMENT ON INDEX bookings_person_idx IS 'A person''s bookings of a day (daily limit) and arrival at the gate.';
CREATE INDEX bookings_time_idx ON bookings (site_id, starts_at, id);
COMMENT ON INDEX bookings_time_idx IS 'A day''s list per window, figures, no-shows and reminders.';

CREATE TABLE sms_challenges (
    id         bigserial PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    phone_hash bytea       NOT NULL,
    code_hash  text        NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   int         NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL
);
COMMENT ON TABLE sms_challenges IS 'SMS verification codes of the booking page (stored as a hash), valid for ten minutes and five attempts.';
CREATE INDEX sms_challenges_phone_idx ON sms_challenges (site_id, phone_hash, created_at DESC);
COMMENT ON INDEX sms_challenges_phone_idx IS 'The newest code sent to a phone.';

CREATE TABLE duty_roster (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    day         date        NOT NULL,
    window_id   bigint      REFERENCES service_windows (id),
    phone_line  text        NOT NULL DEFAULT '',
    staff_id    bigint      NOT NULL REFERENCES staff (id),
    note        text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    CHECK (window_id IS NOT NULL OR length(trim(phone_line)) > 0)
);
COMMENT ON TABLE duty_roster IS 'Who is on duty (值班值守) at which window and phone line on a day.';
CREATE UNIQUE INDEX duty_roster_uq ON duty_roster (site_id, day, staff_id, coalesce(window_id, 0), phone_line);
COMMENT ON INDEX duty_roster_uq IS 'A person is put on the same post of a day once.';

CREATE TABLE consultations (
    id             bigserial PRIMARY KEY,
    site_id        bigint      NOT NULL REFERENCES sites (id),
    submission_id  uuid        NOT NULL,
    taken_at       timestamptz NOT NULL,
    taken_by       text        NOT NULL,
    window_id      bigint      REFERENCES service_windows (id),
    caller_name    text        NOT NULL DEFAULT '',
    phone_masked   text        NOT NULL,
    phone_hash     bytea       NOT NULL,
    phone_cipher   bytea       NOT NULL,
    item_id        bigint      REFERENCES service_items (id),
    matter         text        NOT NULL CHECK (length(trim(matter)) > 0),
    answer         text        NOT NULL DEFAULT '',
    outcome        text        NOT NULL CHECK (outcome IN ('ANSWERED','GUIDED_ONLINE','BOOKED','AGENCY','TRANSFERRED','CALL_BACK')),
    follow_up      text        NOT NULL DEFAULT '',
    follow_up_done_at timestamptz,
    booking_id     bigint      REFERENCES bookings (id),
    CHECK (outcome <> 'BOOKED' OR booking_id IS NOT NULL)
);
COMMENT ON TABLE consultations IS 'Phone consultations taken by the person on duty: caller (phone sealed), matter, answer, outcome, follow-up.';
CREATE UNIQUE INDEX consultations_submission_uq ON consultations (site_id, submission_id);
COMMENT ON INDEX consultations_submission_uq IS 'A form sent twice logs one call.';
CREATE INDEX consultations_time_idx ON consultations (site_id, taken_at DESC, id DESC);
COMMENT ON INDEX consultations_time_idx IS 'The consultation log, newest first.';
