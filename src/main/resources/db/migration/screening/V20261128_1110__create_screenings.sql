-- Screening: the first gate (R-SCR-1..3). Identity documents, phones, temperatures and symptoms are sealed (SM4);
-- decisions and their reasons stay plain so the ledger can be filtered.

CREATE TABLE screening_settings (
    site_id              bigint       PRIMARY KEY,
    fever_threshold      numeric(3,1) NOT NULL CHECK (fever_threshold BETWEEN 36.0 AND 39.0),
    recheck_wait_minutes int          NOT NULL CHECK (recheck_wait_minutes BETWEEN 0 AND 60),
    symptoms             text[]       NOT NULL,
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    updated_by           text         NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE screening_settings IS 'Per hall: the fever threshold, the wait before a re-measure, and the symptoms asked at the gate. A hall without a row uses GateDesk.Settings.DEFAULT.';

CREATE TABLE citizens (
    id            bigserial PRIMARY KEY,
    site_id       bigint      NOT NULL,
    name          text        NOT NULL,
    doc_type      text        NOT NULL CHECK (doc_type IN ('ID_CARD','PASSPORT','HK_MACAU_PERMIT','TAIWAN_PERMIT','OTHER')),
    doc_cipher    bytea       NOT NULL,
    doc_hash      bytea       NOT NULL,
    doc_masked    text        NOT NULL,
    phone_cipher  bytea,
    phone_hash    bytea,
    phone_masked  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE citizens IS 'Citizens who came to the gate, so a returning one is found by document number.';
CREATE UNIQUE INDEX citizens_document_uq ON citizens (site_id, doc_type, doc_hash);
COMMENT ON INDEX citizens_document_uq IS 'The gate finds a returning citizen by document type and the keyed hash of its number.';

CREATE TABLE screenings (
    id                  bigserial PRIMARY KEY,
    site_id             bigint       NOT NULL,
    submission_id       uuid         NOT NULL,
    person_type         text         NOT NULL CHECK (person_type IN ('STAFF','CITIZEN')),
    staff_id            bigint,
    citizen_id          bigint REFERENCES citizens (id),
    person_name         text         NOT NULL,
    doc_masked          text,
    phone_masked        text,
    mask                text         NOT NULL CHECK (mask IN ('NONE','DISPOSABLE_MEDICAL','N95_KN95','OTHER')),
    health_cipher       bytea        NOT NULL,
    decision            text         NOT NULL CHECK (decision IN ('ADMITTED','REFUSED','RECHECK')),
    reasons             text[]       NOT NULL DEFAULT '{}',
    recheck_of          bigint REFERENCES screenings (id),
    screened_at         timestamptz  NOT NULL,
    recorded_at         timestamptz  NOT NULL,
    backfilled          boolean      NOT NULL DEFAULT false,
    backfill_reason     text,
    screener            text         NOT NULL,
    questioning_cipher  bytea,
    handling            text CHECK (handling IN ('SENT_HOME','FEVER_CLINIC','OTHER')),
    questioned_at       timestamptz,
    incident_id         bigint,
    CHECK (person_type = 'STAFF' AND staff_id IS NOT NULL OR person_type = 'CITIZEN' AND citizen_id IS NOT NULL),
    CHECK (NOT backfilled OR backfill_reason IS NOT NULL)
);
COMMENT ON TABLE screenings IS 'The screening ledger (监测台账): one row per reading at the gate; the server stamps recorded_at, and screened_at differs only for back-filled rows.';
CREATE UNIQUE INDEX screenings_submission_uq ON screenings (site_id, submission_id);
COMMENT ON INDEX screenings_submission_uq IS 'A tablet that retries or a double tap stores one record: the gate page sends an id it makes itself.';
CREATE INDEX screenings_ledger_idx ON screenings (site_id, screened_at DESC, id DESC);
COMMENT ON INDEX screenings_ledger_idx IS 'The ledger: one hall, a date range, newest first, keyset paging on (screened_at, id).';
CREATE INDEX screenings_refused_idx ON screenings (site_id, screened_at DESC) WHERE decision = 'REFUSED';
COMMENT ON INDEX screenings_refused_idx IS 'Today at the gate: the refused list.';
CREATE INDEX screenings_pending_recheck_idx ON screenings (site_id, screened_at) WHERE decision = 'RECHECK';
COMMENT ON INDEX screenings_pending_recheck_idx IS 'The gate lists readings over the threshold that wait for their re-measure.';
CREATE UNIQUE INDEX screenings_recheck_once_uq ON screenings (recheck_of) WHERE recheck_of IS NOT NULL;
COMMENT ON INDEX screenings_recheck_once_uq IS 'A reading is re-measured once: the later reading decides.';
