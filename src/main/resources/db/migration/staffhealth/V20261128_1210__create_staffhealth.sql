-- Staff health (R-MON-1..3, R-PPE-1..2): the working day each group keeps, temperature checks, leaving and returning,
-- masks, hand hygiene at the windows, and the reminders sent. Temperatures and symptoms are sealed (SM4).

CREATE TABLE staffhealth_schedules (
    site_id         bigint NOT NULL,
    staff_group     text   NOT NULL CHECK (staff_group IN ('BUREAU','WINDOW','CANTEEN')),
    morning_start   time   NOT NULL,
    morning_end     time   NOT NULL,
    afternoon_start time   NOT NULL,
    afternoon_end   time   NOT NULL,
    working_days    text   NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL DEFAULT 'system',
    PRIMARY KEY (site_id, staff_group),
    CHECK (morning_start < morning_end AND morning_end <= afternoon_start AND afternoon_start < afternoon_end)
);
COMMENT ON TABLE staffhealth_schedules IS 'The working day of each staff group in a hall; a group without a row keeps StaffDay.Schedule.DEFAULT.';

CREATE TABLE staff_checks (
    id            bigserial PRIMARY KEY,
    site_id       bigint      NOT NULL,
    submission_id uuid        NOT NULL,
    staff_id      bigint      NOT NULL,
    checked_at    timestamptz NOT NULL,
    source        text        NOT NULL CHECK (source IN ('SELF','OTHER','GATE')),
    health_cipher bytea,
    screening_id  bigint,
    abnormal      boolean     NOT NULL,
    measured_by   text        NOT NULL,
    incident_id   bigint,
    CHECK (source = 'GATE' AND screening_id IS NOT NULL OR source <> 'GATE' AND health_cipher IS NOT NULL)
);
COMMENT ON TABLE staff_checks IS 'Temperature checks of staff: their own, taken by a head or screener, or a gate screening (whose reading stays in the ledger).';
CREATE UNIQUE INDEX staff_checks_submission_uq ON staff_checks (site_id, submission_id);
COMMENT ON INDEX staff_checks_submission_uq IS 'A phone that retries stores one check.';
CREATE INDEX staff_checks_day_idx ON staff_checks (site_id, staff_id, checked_at);
COMMENT ON INDEX staff_checks_day_idx IS 'A staff member''s checks of one day, for the due/late/missed computation.';

CREATE TABLE staff_presence (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL,
    staff_id    bigint      NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('LEFT','RETURNED')),
    at          timestamptz NOT NULL,
    recorded_by text        NOT NULL
);
COMMENT ON TABLE staff_presence IS 'Leaving the hall and coming back: each return asks for a return-to-post check.';
CREATE INDEX staff_presence_day_idx ON staff_presence (site_id, staff_id, at);
COMMENT ON INDEX staff_presence_day_idx IS 'A staff member''s leaving and returning of one day.';

CREATE TABLE mask_events (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL,
    staff_id    bigint      NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('PUT_ON','DISINFECTED')),
    mask_type   text        NOT NULL CHECK (mask_type IN ('DISPOSABLE_MEDICAL','N95_KN95','OTHER')),
    at          timestamptz NOT NULL,
    recorded_by text        NOT NULL
);
COMMENT ON TABLE mask_events IS 'Masks put on and N95/3M masks disinfected; a disposable mask is due for change hours after it was put on.';
CREATE INDEX mask_events_day_idx ON mask_events (site_id, staff_id, at DESC);
COMMENT ON INDEX mask_events_day_idx IS 'The mask a staff member wears now: the latest event.';

CREATE TABLE hand_events (
    id        bigserial PRIMARY KEY,
    site_id   bigint      NOT NULL,
    staff_id  bigint      NOT NULL,
    window_id bigint      NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('SERVICE','SANITISE')),
    at        timestamptz NOT NULL
);
COMMENT ON TABLE hand_events IS 'Window staff: each completed service and each hand sanitisation, one tap each.';
CREATE INDEX hand_events_day_idx ON hand_events (site_id, window_id, at);
COMMENT ON INDEX hand_events_day_idx IS 'The day''s sanitisation ratio per window.';

CREATE TABLE staffhealth_reminders (
    site_id    bigint      NOT NULL,
    staff_id   bigint      NOT NULL,
    slot_key   text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('CHECK_DUE','CHECK_LATE','MASK_DUE')),
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    PRIMARY KEY (site_id, staff_id, slot_key)
);
COMMENT ON TABLE staffhealth_reminders IS 'Reminders sent, one per slot: the reminder job claims a slot by inserting it, so several nodes remind once.';
CREATE INDEX staffhealth_reminders_unread_idx ON staffhealth_reminders (site_id, staff_id, created_at DESC) WHERE read_at IS NULL;
COMMENT ON INDEX staffhealth_reminders_unread_idx IS 'A staff member''s unread reminders on their page.';
