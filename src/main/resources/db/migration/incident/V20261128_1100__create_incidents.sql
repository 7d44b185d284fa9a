-- Incident: reports to the leadership group (R-SCR-2 and, later, every measure that finds a case).
CREATE TABLE incidents (
    id              bigserial PRIMARY KEY,
    site_id         bigint      NOT NULL,
    source          text        NOT NULL,
    source_id       text        NOT NULL,
    title           text        NOT NULL,
    details         text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ACKNOWLEDGED','CLOSED')),
    reported_at     timestamptz NOT NULL,
    reported_by     text        NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text,
    escalated_at    timestamptz,
    closed_at       timestamptz,
    closed_by       text,
    UNIQUE (site_id, source, source_id)
);
COMMENT ON TABLE incidents IS 'A case reported to the leadership group: acknowledged by one member, escalated to the leader when nobody does in time, followed up and closed.';
CREATE INDEX incidents_site_reported_idx ON incidents (site_id, id DESC);
COMMENT ON INDEX incidents_site_reported_idx IS 'The incident list of a hall, newest first.';
CREATE INDEX incidents_unacknowledged_idx ON incidents (reported_at) WHERE acknowledged_at IS NULL AND escalated_at IS NULL AND status = 'OPEN';
COMMENT ON INDEX incidents_unacknowledged_idx IS 'The escalation job finds open, unacknowledged, not yet escalated incidents past their deadline.';

CREATE TABLE incident_notes (
    id          bigserial PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incidents (id),
    kind        text        NOT NULL CHECK (kind IN ('NOTE','ACKNOWLEDGED','ESCALATED','CLOSED','DETAILS')),
    body        text        NOT NULL DEFAULT '',
    written_at  timestamptz NOT NULL,
    written_by  text        NOT NULL
);
COMMENT ON TABLE incident_notes IS 'The follow-up of an incident, each entry stamped with who and when.';
CREATE INDEX incident_notes_incident_idx ON incident_notes (incident_id, id);
COMMENT ON INDEX incident_notes_incident_idx IS 'The incident page shows its notes in order.';

CREATE TABLE notifications (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL,
    account_id  bigint      NOT NULL,
    incident_id bigint      NOT NULL REFERENCES incidents (id),
    kind        text        NOT NULL CHECK (kind IN ('REPORTED','ESCALATED')),
    created_at  timestamptz NOT NULL,
    read_at     timestamptz,
    UNIQUE (account_id, incident_id, kind)
);
COMMENT ON TABLE notifications IS 'In-app notifications of incidents, one per recipient; unique so a resent event notifies once.';
CREATE INDEX notifications_account_idx ON notifications (account_id, id DESC);
COMMENT ON INDEX notifications_account_idx IS 'A person''s notification list, newest first, and the unread count.';
