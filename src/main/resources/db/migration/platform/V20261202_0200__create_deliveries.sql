-- Issue 19, item 3: the outbox of notifications. One row per recipient, channel and purpose, written in the
-- transaction that decides to tell someone; a worker on any node claims due rows with a lease, sends outside any
-- transaction and marks them SENT. A lease that runs out (its node died) is taken over by another node; a SENT row is
-- never sent again; the unique key keeps a resend or an escalation from telling anyone twice for the same purpose.
CREATE TABLE deliveries (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES sites (id),
    source          text        NOT NULL CONSTRAINT deliveries_source_len CHECK (char_length(source) <= 40),
    source_id       text        NOT NULL CONSTRAINT deliveries_source_id_len CHECK (char_length(source_id) <= 100),
    purpose         text        NOT NULL CONSTRAINT deliveries_purpose_len CHECK (char_length(purpose) <= 40),
    channel         text        NOT NULL CONSTRAINT deliveries_channel_len CHECK (char_length(channel) <= 10)
                                CHECK (channel IN ('SMS')),
    recipient       text        NOT NULL CONSTRAINT deliveries_recipient_len CHECK (char_length(recipient) <= 100),
    recipient_name  text        NOT NULL CONSTRAINT deliveries_recipient_name_len CHECK (char_length(recipient_name) <= 100),
    phone_cipher    bytea,
    phone_masked    text        CONSTRAINT deliveries_phone_masked_len CHECK (char_length(phone_masked) <= 20),
    body_cipher     bytea,
    state           text        NOT NULL DEFAULT 'PENDING'
                                CHECK (state IN ('PENDING','SENDING','SENT','FAILED','RETRYING')),
    attempts        int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    lease_owner     text        CONSTRAINT deliveries_lease_owner_len CHECK (char_length(lease_owner) <= 100),
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text        CONSTRAINT deliveries_last_error_len CHECK (char_length(last_error) <= 300),
    created_at      timestamptz NOT NULL,
    anonymised_at   timestamptz,
    CONSTRAINT deliveries_once_uq UNIQUE (site_id, source, source_id, recipient, channel, purpose)
);
COMMENT ON TABLE deliveries IS 'Outbox of notifications (SMS): one row per recipient, channel and purpose; claimed with a lease, sent outside any transaction, retried with back-off, never sent twice once SENT.';
COMMENT ON COLUMN deliveries.recipient IS 'Who, as the sender names them (e.g. staff:42); part of the unique key, never a phone number.';
COMMENT ON COLUMN deliveries.phone_cipher IS 'The phone number sealed with PersonalData (SM4-GCM); NULL once anonymised by the retention job.';
COMMENT ON COLUMN deliveries.body_cipher IS 'The message sealed with PersonalData: it may name a person or carry a code.';
COMMENT ON COLUMN deliveries.lease_until IS 'A SENDING row whose lease has run out belongs to a node that died: another node takes it over.';

CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE state IN ('PENDING','RETRYING');
COMMENT ON INDEX deliveries_due_idx IS 'The worker claims PENDING and RETRYING rows whose next attempt is due.';
CREATE INDEX deliveries_leased_idx ON deliveries (lease_until) WHERE state = 'SENDING';
COMMENT ON INDEX deliveries_leased_idx IS 'The worker takes over SENDING rows whose lease has run out.';
CREATE INDEX deliveries_source_idx ON deliveries (site_id, source, source_id);
COMMENT ON INDEX deliveries_source_idx IS 'The incident page shows each delivery of its incident.';
CREATE INDEX deliveries_retention_idx ON deliveries (created_at) WHERE anonymised_at IS NULL AND state IN ('SENT','FAILED');
COMMENT ON INDEX deliveries_retention_idx IS 'The retention job: finished deliveries whose phone and text are still kept, oldest first.';
