-- Issue 18, item 1: gate tablets sign their API calls with a device token (Authorization: Bearer …) instead of a
-- person's password. The hall's administrator makes one per tablet on /admin/devices; the token is shown once and only
-- its SHA-256 is kept (a random 192-bit token needs no slow hash). Revoked tokens stop within the nodes' short cache.
CREATE TABLE device_tokens (
    id           bigserial   PRIMARY KEY,
    site_id      bigint      NOT NULL REFERENCES sites (id),
    name         text        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    token_hint   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    CONSTRAINT device_tokens_name_len CHECK (char_length(name) <= 40),
    CONSTRAINT device_tokens_name_blank CHECK (btrim(name) <> ''),
    CONSTRAINT device_tokens_hash_len CHECK (octet_length(token_hash) = 32),
    CONSTRAINT device_tokens_token_hint_len CHECK (char_length(token_hint) <= 8),
    CONSTRAINT device_tokens_created_by_len CHECK (char_length(created_by) <= 100),
    CONSTRAINT device_tokens_revoked_by_len CHECK (char_length(revoked_by) <= 100),
    UNIQUE (site_id, id)
);
COMMENT ON TABLE device_tokens IS 'API tokens of the hall''s gate tablets (门岗平板): each records check-ins as the device, never as a person.';
COMMENT ON COLUMN device_tokens.token_hint IS 'The first four characters of the token, so the administrator can tell which tablet holds which.';
COMMENT ON COLUMN device_tokens.last_used_at IS 'When a node last read the token from the database (at most once per cache period, default 30 s).';
-- the device page lists a hall's tokens, newest first
CREATE INDEX device_tokens_site_idx ON device_tokens (site_id, id DESC);
