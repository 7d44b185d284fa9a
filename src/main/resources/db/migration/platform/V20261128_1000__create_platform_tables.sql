-- Platform: accounts, first-administrator setup links, HTTP sessions shared by every node,
-- and the Spring Modulith event publication registry.
-- Versions are timestamps so that every module's folder can add migrations in any order of arrival.

CREATE TABLE accounts (
    id              bigserial PRIMARY KEY,
    site_id         bigint      NOT NULL,
    username        text        NOT NULL,
    display_name    text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('ADMIN','LEADER','OFFICE','SECTION_HEAD','SCREENER','STAFF','CANTEEN')),
    password_hash   text        NOT NULL,
    failed_sign_ins int         NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    enabled         boolean     NOT NULL DEFAULT true,
    demo            boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE accounts IS 'Sign-in accounts of staff; citizens have none. Lock-out state is kept here so every node sees it.';
CREATE UNIQUE INDEX accounts_username_uq ON accounts (lower(username));
COMMENT ON INDEX accounts_username_uq IS 'Sign-in looks accounts up by user name, case-insensitively; names are unique.';
CREATE INDEX accounts_site_idx ON accounts (site_id, username);
COMMENT ON INDEX accounts_site_idx IS 'The accounts page lists one hall''s accounts by user name.';

CREATE TABLE setup_tokens (
    token_hash text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
COMMENT ON TABLE setup_tokens IS 'SHA-256 of one-time links that create the first administrator; the links themselves are only in the log.';

CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
COMMENT ON INDEX spring_session_ix1 IS 'Each request finds its session by the id in its cookie.';
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
COMMENT ON INDEX spring_session_ix2 IS 'The clean-up job deletes sessions idle past their timeout.';
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
COMMENT ON INDEX spring_session_ix3 IS 'Finding the sessions of one account, to end them.';

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
COMMENT ON TABLE event_publication IS 'Spring Modulith: events between modules, kept until every listener has handled them and resent after a restart.';
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
COMMENT ON INDEX event_publication_serialized_event_hash_idx IS 'Modulith marks a publication complete by finding its serialized event.';
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
COMMENT ON INDEX event_publication_by_completion_date_idx IS 'Modulith finds incomplete publications to resubmit.';
