-- Issue 17: contact tracing. A trace is a snapshot: who was traced, over which days, why and by whom, the visits
-- found and the contacts ranked, as they were when the office asked (the records behind them may be anonymised later).

CREATE TABLE trace_settings (
    site_id              bigint      PRIMARY KEY REFERENCES sites (id),
    default_stay_minutes int         NOT NULL CHECK (default_stay_minutes BETWEEN 5 AND 480),
    staff_stay_minutes   int         NOT NULL CHECK (staff_stay_minutes BETWEEN 60 AND 720),
    updated_at           timestamptz NOT NULL,
    updated_by           text        NOT NULL CONSTRAINT trace_settings_updated_by_len CHECK (char_length(updated_by) <= 100)
);
COMMENT ON TABLE trace_settings IS 'Per hall: how long a visitor is taken to stay when neither an exit scan, a slot nor a 办结 says when they left (60 minutes without a row), and a staff member who passed the gate (480).';

CREATE TABLE traces (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES sites (id),
    subject_kind     text        NOT NULL CHECK (subject_kind IN ('CITIZEN','STAFF')),
    subject_label    text        NOT NULL CONSTRAINT traces_subject_label_len CHECK (char_length(subject_label) <= 120),
    subject_hash     bytea,
    subject_staff_id bigint,
    period_from      date        NOT NULL,
    period_to        date        NOT NULL,
    reason           text        NOT NULL CONSTRAINT traces_reason_len CHECK (char_length(reason) <= 500),
    traced_by        text        NOT NULL CONSTRAINT traces_traced_by_len CHECK (char_length(traced_by) <= 100),
    traced_at        timestamptz NOT NULL,
    incident_id      bigint,
    CONSTRAINT traces_period_order CHECK (period_to >= period_from),
    CONSTRAINT traces_reason_given CHECK (char_length(btrim(reason)) > 0),
    CONSTRAINT traces_subject_known CHECK (subject_kind = 'STAFF' AND subject_staff_id IS NOT NULL
                                           OR subject_kind = 'CITIZEN' AND subject_hash IS NOT NULL),
    CONSTRAINT traces_hall_key_uq UNIQUE (site_id, id),
    CONSTRAINT traces_staff_fk FOREIGN KEY (site_id, subject_staff_id) REFERENCES staff (site_id, id),
    CONSTRAINT traces_incident_fk FOREIGN KEY (site_id, incident_id) REFERENCES incidents (site_id, id)
);
COMMENT ON TABLE traces IS 'Contact traces (issue 17): the subject (a citizen by the keyed hash of a document or phone number, or a staff member), the days (Asia/Shanghai), the reason, who traced and when; incident_id once reported to the leadership group.';
COMMENT ON COLUMN traces.subject_hash IS 'PersonalData.lookupHash of the document or phone number the trace started from; never the number itself.';
CREATE INDEX traces_recent_idx ON traces (site_id, traced_at DESC, id DESC);
COMMENT ON INDEX traces_recent_idx IS 'The tracing page: the hall''s recent traces, newest first.';

CREATE TABLE trace_visits (
    id            bigserial   PRIMARY KEY,
    site_id       bigint      NOT NULL,
    trace_id      bigint      NOT NULL,
    position      int         NOT NULL,
    entered_at    timestamptz NOT NULL,
    left_at       timestamptz NOT NULL,
    left_basis    text        NOT NULL CHECK (left_basis IN ('SCANNED','SLOT','DONE','DEFAULT_STAY')),
    booking_code  text        CONSTRAINT trace_visits_booking_code_len CHECK (char_length(booking_code) <= 40),
    window_number int,
    window_name   text        CONSTRAINT trace_visits_window_name_len CHECK (char_length(window_name) <= 100),
    served_by     text        CONSTRAINT trace_visits_served_by_len CHECK (char_length(served_by) <= 200),
    called_at     timestamptz,
    done_at       timestamptz,
    screener      text        CONSTRAINT trace_visits_screener_len CHECK (char_length(screener) <= 100),
    CONSTRAINT trace_visits_left_after_entry CHECK (left_at >= entered_at),
    CONSTRAINT trace_visits_hall_key_uq UNIQUE (site_id, id),
    CONSTRAINT trace_visits_trace_fk FOREIGN KEY (site_id, trace_id) REFERENCES traces (site_id, id)
);
COMMENT ON TABLE trace_visits IS 'The traced person''s visits: gate entry, when they left (SCANNED at the exit, or estimated from the SLOT end, the window''s 办结 (DONE) or the hall''s DEFAULT_STAY), their booking and the window and staff who served them.';
CREATE INDEX trace_visits_trace_idx ON trace_visits (site_id, trace_id, position);
COMMENT ON INDEX trace_visits_trace_idx IS 'A trace''s page: its visits in order.';

CREATE TABLE trace_contacts (
    id            bigserial   PRIMARY KEY,
    site_id       bigint      NOT NULL,
    trace_id      bigint      NOT NULL,
    rank          int         NOT NULL CHECK (rank >= 1),
    kind          text        NOT NULL CHECK (kind IN ('VISITOR','SERVED_BY','NEIGHBOUR_WINDOW','SCREENER','CANTEEN')),
    person_kind   text        NOT NULL CHECK (person_kind IN ('CITIZEN','STAFF')),
    staff_id      bigint,
    name          text        NOT NULL CONSTRAINT trace_contacts_name_len CHECK (char_length(name) <= 100),
    phone_masked  text        CONSTRAINT trace_contacts_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    phone_cipher  bytea,
    overlap_from  timestamptz NOT NULL,
    overlap_to    timestamptz NOT NULL,
    minutes       int         NOT NULL CHECK (minutes >= 0),
    estimated     boolean     NOT NULL,
    why_key       text        NOT NULL CONSTRAINT trace_contacts_why_key_len CHECK (char_length(why_key) <= 100),
    why_args      text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(why_args) <= 5),
    notified_at   timestamptz,
    notified_by   text        CONSTRAINT trace_contacts_notified_by_len CHECK (char_length(notified_by) <= 100),
    CONSTRAINT trace_contacts_overlap_order CHECK (overlap_to >= overlap_from),
    CONSTRAINT trace_contacts_hall_key_uq UNIQUE (site_id, id),
    CONSTRAINT trace_contacts_rank_uq UNIQUE (site_id, trace_id, rank),
    CONSTRAINT trace_contacts_trace_fk FOREIGN KEY (site_id, trace_id) REFERENCES traces (site_id, id),
    CONSTRAINT trace_contacts_staff_fk FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id)
);
COMMENT ON TABLE trace_contacts IS 'One row per contact of a trace, ranked: why (a message key and its arguments, each a short value), when, for how long, estimated or exact; the phone sealed (PersonalData) and masked; notified_at set once when the SMS went out.';
