-- A hall's display screens (issue 15, item 4): each opens with a key the hall's administrator made. The key itself
-- is shown once, at creation, inside the screen's address; only its keyed hash is kept.
CREATE TABLE screen_keys (
    id           bigserial   PRIMARY KEY,
    site_id      bigint      NOT NULL REFERENCES sites (id),
    name         text        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL,
    last_seen_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    CONSTRAINT screen_keys_name_len CHECK (char_length(name) <= 40),
    CONSTRAINT screen_keys_name_blank CHECK (btrim(name) <> ''),
    CONSTRAINT screen_keys_created_by_len CHECK (char_length(created_by) <= 100),
    CONSTRAINT screen_keys_revoked_by_len CHECK (char_length(revoked_by) <= 100)
);
COMMENT ON TABLE screen_keys IS 'Keys of the hall''s display screens (大屏): a screen opens /screen/{hall}?key=…; revoked keys stop at once.';
-- the key page lists a hall's keys, newest first
CREATE INDEX screen_keys_site_idx ON screen_keys (site_id, id DESC);
