-- Issue 16, item 8: one-time sign-in links (and their QR codes) printed on a sheet, with which a person chooses the
-- password of an account made for them. Only a SHA-256 of each link's token is stored; a link is used once, expires,
-- and can be revoked.
CREATE TABLE sign_in_links (
    id          bigserial   PRIMARY KEY,
    site_id     bigint      NOT NULL,
    account_id  bigint      NOT NULL,
    token_hash  text        NOT NULL CONSTRAINT sign_in_links_token_hash_len CHECK (char_length(token_hash) <= 128),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL CONSTRAINT sign_in_links_created_by_len CHECK (char_length(created_by) <= 100),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    revoked_by  text        CONSTRAINT sign_in_links_revoked_by_len CHECK (char_length(revoked_by) <= 100),
    CONSTRAINT sign_in_links_account_fk FOREIGN KEY (site_id, account_id) REFERENCES accounts (site_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE sign_in_links IS 'One-time sign-in links: hash of the token, its account, expiry, use and revocation.';
CREATE UNIQUE INDEX sign_in_links_token_uq ON sign_in_links (token_hash);
COMMENT ON INDEX sign_in_links_token_uq IS 'Opening a link finds it by the hash of its token.';
CREATE INDEX sign_in_links_account_idx ON sign_in_links (site_id, account_id, created_at DESC);
COMMENT ON INDEX sign_in_links_account_idx IS 'The sign-in sheet page shows the latest link of each account of the hall; issuing revokes the older ones.';
