-- Agency service (代办, issue 14; R-SVC-4): a case for an item marked 可代办, opened online, from a call or at a window;
-- its materials checked against the item's list, pauses for a one-time notice (补正), post in and out, the custody
-- chain of the file with two names on every handover, and the case's timeline. Applicant, phone and return address
-- are sealed (SM4) and shown masked.

CREATE TABLE agency_items (
    site_id          bigint      NOT NULL REFERENCES sites (id),
    item_id          bigint      NOT NULL,
    time_limit_days  int         NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
    department_id    bigint,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    PRIMARY KEY (site_id, item_id),
    CONSTRAINT agency_items_item_fk FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id),
    CONSTRAINT agency_items_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id),
    CONSTRAINT agency_items_updated_by_len CHECK (char_length(updated_by) <= 100)
);
COMMENT ON TABLE agency_items IS 'The service commitment of an item marked 可代办: its time limit in working days from acceptance and the owning section. An item without a row has 5 working days and no section.';

CREATE TABLE agency_cases (
    id                   bigserial   PRIMARY KEY,
    site_id              bigint      NOT NULL REFERENCES sites (id),
    code                 text        NOT NULL,
    item_id              bigint      NOT NULL,
    department_id        bigint,
    channel              text        NOT NULL CHECK (channel IN ('ONLINE', 'WECHAT', 'PHONE', 'WINDOW')),
    state                text        NOT NULL DEFAULT 'APPLIED'
                                     CHECK (state IN ('APPLIED', 'SUPPLEMENT', 'ACCEPTED', 'DONE', 'SENT', 'WITHDRAWN')),
    applicant_name       bytea,
    applicant_masked     text        NOT NULL,
    company              text        NOT NULL DEFAULT '',
    phone                bytea,
    phone_masked         text        NOT NULL,
    phone_hash           bytea,
    address              bytea,
    address_masked       text        NOT NULL,
    sending              text        NOT NULL DEFAULT '',
    time_limit_days      int         NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
    accepted_at          timestamptz,
    due_on               date,
    paused_days          int         NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
    done_at              timestamptz,
    on_time              boolean,
    sent_at              timestamptz,
    withdrawn_reason     text,
    call_id              bigint,
    submission_id        uuid        NOT NULL,
    warned_at            timestamptz,
    overdue_incident_id  bigint,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    anonymised_at        timestamptz,
    CONSTRAINT agency_cases_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT agency_cases_code_uq UNIQUE (code),
    CONSTRAINT agency_cases_submission_uq UNIQUE (site_id, submission_id),
    CONSTRAINT agency_cases_item_fk FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id),
    CONSTRAINT agency_cases_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id),
    CONSTRAINT agency_cases_code_len CHECK (char_length(code) <= 12),
    CONSTRAINT agency_cases_applicant_masked_len CHECK (char_length(applicant_masked) <= 40),
    CONSTRAINT agency_cases_company_len CHECK (char_length(company) <= 100),
    CONSTRAINT agency_cases_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    CONSTRAINT agency_cases_address_masked_len CHECK (char_length(address_masked) <= 60),
    CONSTRAINT agency_cases_sending_len CHECK (char_length(sending) <= 500),
    CONSTRAINT agency_cases_withdrawn_reason_len CHECK (char_length(withdrawn_reason) <= 200),
    CONSTRAINT agency_cases_created_by_len CHECK (char_length(created_by) <= 100)
);
COMMENT ON TABLE agency_cases IS 'Agency cases (代办件): item, channel, state, the sealed applicant, phone and return address with their masked forms, the commitment (limit, acceptance, due date, paused days, on time or late), and the code the citizen keeps.';
COMMENT ON CONSTRAINT agency_cases_site_id_id_uq ON agency_cases IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
COMMENT ON COLUMN agency_cases.call_id IS 'The duty consultation (appointments/duty) the case was opened from, if any; a number only, read through the duty facade.';
CREATE INDEX agency_cases_state_idx ON agency_cases (site_id, state);
COMMENT ON INDEX agency_cases_state_idx IS 'The staff list and the ledger by state.';
CREATE INDEX agency_cases_due_idx ON agency_cases (site_id, due_on);
COMMENT ON INDEX agency_cases_due_idx IS 'The warning and overdue jobs: cases by due date.';
CREATE INDEX agency_cases_phone_idx ON agency_cases (phone_hash);
COMMENT ON INDEX agency_cases_phone_idx IS 'Finding a citizen''s cases by the keyed hash of the full phone number.';

CREATE TABLE agency_materials (
    id          bigserial   PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    case_id     bigint      NOT NULL,
    position    int         NOT NULL CHECK (position BETWEEN 1 AND 30),
    name        text        NOT NULL,
    state       text        NOT NULL DEFAULT 'EXPECTED' CHECK (state IN ('EXPECTED', 'RECEIVED', 'MISSING', 'TO_CORRECT')),
    note        text        NOT NULL DEFAULT '',
    checked_at  timestamptz,
    checked_by  text,
    CONSTRAINT agency_materials_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT agency_materials_position_uq UNIQUE (case_id, position),
    CONSTRAINT agency_materials_case_fk FOREIGN KEY (site_id, case_id) REFERENCES agency_cases (site_id, id),
    CONSTRAINT agency_materials_name_len CHECK (char_length(name) <= 100),
    CONSTRAINT agency_materials_note_len CHECK (char_length(note) <= 200),
    CONSTRAINT agency_materials_checked_by_len CHECK (char_length(checked_by) <= 100)
);
COMMENT ON TABLE agency_materials IS 'A case''s materials, copied from the item''s list at opening (one line one material), each expected, received, missing or to be corrected.';

CREATE TABLE agency_pauses (
    id           bigserial   PRIMARY KEY,
    site_id      bigint      NOT NULL REFERENCES sites (id),
    case_id      bigint      NOT NULL,
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    notice_text  text        NOT NULL DEFAULT '',
    started_by   text        NOT NULL,
    CONSTRAINT agency_pauses_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT agency_pauses_case_fk FOREIGN KEY (site_id, case_id) REFERENCES agency_cases (site_id, id),
    CONSTRAINT agency_pauses_notice_len CHECK (char_length(notice_text) <= 2000),
    CONSTRAINT agency_pauses_started_by_len CHECK (char_length(started_by) <= 100),
    CONSTRAINT agency_pauses_order CHECK (ended_at IS NULL OR ended_at >= started_at)
);
COMMENT ON TABLE agency_pauses IS 'Pauses of a case for a one-time notice (一次性告知, 补正): the notice sent and how long the clock stood still.';
CREATE INDEX agency_pauses_case_idx ON agency_pauses (site_id, case_id);

CREATE TABLE agency_mail (
    id                bigserial   PRIMARY KEY,
    site_id           bigint      NOT NULL REFERENCES sites (id),
    case_id           bigint,
    direction         text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    carrier           text        NOT NULL CHECK (carrier IN ('CHINA_POST', 'EMS', 'SF', 'OTHER')),
    carrier_other     text        NOT NULL DEFAULT '',
    tracking_no       text        NOT NULL,
    tracking_flagged  boolean     NOT NULL DEFAULT false,
    sheets            int         CHECK (sheets BETWEEN 1 AND 2000),
    logged_at         timestamptz NOT NULL,
    logged_by         text        NOT NULL,
    packed_by         text,
    note              text        NOT NULL DEFAULT '',
    CONSTRAINT agency_mail_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT agency_mail_case_fk FOREIGN KEY (site_id, case_id) REFERENCES agency_cases (site_id, id),
    CONSTRAINT agency_mail_carrier_other_len CHECK (char_length(carrier_other) <= 40),
    CONSTRAINT agency_mail_tracking_no_len CHECK (char_length(tracking_no) <= 40),
    CONSTRAINT agency_mail_logged_by_len CHECK (char_length(logged_by) <= 100),
    CONSTRAINT agency_mail_packed_by_len CHECK (char_length(packed_by) <= 100),
    CONSTRAINT agency_mail_note_len CHECK (char_length(note) <= 200)
);
COMMENT ON TABLE agency_mail IS 'Post in (materials from the citizen, logged by the mail room, matched to a case) and out (the result, packed and handed to the courier): carrier, tracking number, whether its format is unknown.';
CREATE INDEX agency_mail_case_idx ON agency_mail (site_id, case_id);
CREATE INDEX agency_mail_logged_idx ON agency_mail (site_id, direction, logged_at DESC);

CREATE TABLE agency_handovers (
    id            bigserial   PRIMARY KEY,
    site_id       bigint      NOT NULL REFERENCES sites (id),
    case_id       bigint      NOT NULL,
    seq           int         NOT NULL CHECK (seq >= 1),
    from_station  text        NOT NULL CHECK (from_station IN ('MAIL_ROOM', 'WINDOW', 'SECTION', 'APPROVAL', 'RESULT', 'MAIL_OUT')),
    to_station    text        NOT NULL CHECK (to_station IN ('MAIL_ROOM', 'WINDOW', 'SECTION', 'APPROVAL', 'RESULT', 'MAIL_OUT')),
    what          text        NOT NULL CHECK (what IN ('MATERIALS', 'RESULT')),
    sheets        int         NOT NULL CHECK (sheets BETWEEN 1 AND 2000),
    handed_by     text        NOT NULL,
    handed_at     timestamptz NOT NULL,
    to_account    text        NOT NULL,
    confirmed_by  text,
    confirmed_at  timestamptz,
    token_hash    bytea,
    CONSTRAINT agency_handovers_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT agency_handovers_seq_uq UNIQUE (site_id, case_id, seq),
    CONSTRAINT agency_handovers_case_fk FOREIGN KEY (site_id, case_id) REFERENCES agency_cases (site_id, id),
    CONSTRAINT agency_handovers_handed_by_len CHECK (char_length(handed_by) <= 100),
    CONSTRAINT agency_handovers_to_account_len CHECK (char_length(to_account) <= 100),
    CONSTRAINT agency_handovers_confirmed_by_len CHECK (char_length(confirmed_by) <= 100),
    CONSTRAINT agency_handovers_two_people CHECK (confirmed_by IS NULL OR confirmed_by <> handed_by),
    CONSTRAINT agency_handovers_confirmed CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);
COMMENT ON TABLE agency_handovers IS 'The custody chain (流转) of a case''s file, append-only and in order: from which station to which, materials or result, sheets, who handed it over and who confirmed receipt (never the same person).';

CREATE TABLE agency_case_log (
    id       bigserial   PRIMARY KEY,
    site_id  bigint      NOT NULL REFERENCES sites (id),
    case_id  bigint      NOT NULL,
    at       timestamptz NOT NULL,
    by       text        NOT NULL,
    action   text        NOT NULL,
    detail   text        NOT NULL DEFAULT '',
    CONSTRAINT agency_case_log_case_fk FOREIGN KEY (site_id, case_id) REFERENCES agency_cases (site_id, id),
    CONSTRAINT agency_case_log_by_len CHECK (char_length(by) <= 100),
    CONSTRAINT agency_case_log_action_len CHECK (char_length(action) <= 40),
    CONSTRAINT agency_case_log_detail_len CHECK (char_length(detail) <= 300)
);
COMMENT ON TABLE agency_case_log IS 'A case''s timeline as its page shows it: when, by whom, what happened; never personal data.';
CREATE INDEX agency_case_log_case_idx ON agency_case_log (site_id, case_id, at);
