-- Notices (issue 15; R-SVC-1, R-REQ-2): one notice of a hall, written in Markdown by the leadership group's office,
-- approved by a second person, published on the channels it names, withdrawn or expired; every saved version kept.

CREATE TABLE notices (
    id            bigserial   PRIMARY KEY,
    site_id       bigint      NOT NULL REFERENCES sites (id),
    kind          text        NOT NULL CHECK (kind IN ('POSTPONED_OPENING', 'KNOWLEDGE', 'PROGRESS', 'OTHER')),
    status        text        NOT NULL DEFAULT 'DRAFT'
                              CHECK (status IN ('DRAFT', 'APPROVED', 'PUBLISHED', 'WITHDRAWN', 'EXPIRED')),
    version       int         NOT NULL DEFAULT 1 CHECK (version >= 1),
    title         text        NOT NULL,
    body          text        NOT NULL,
    channels      text[]      NOT NULL
                              CHECK (channels <@ ARRAY['WEBSITE', 'WECHAT', 'MEDIA', 'BOARD', 'SCREEN']::text[]),
    valid_from    timestamptz NOT NULL,
    valid_until   timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    approved_at   timestamptz,
    approved_by   text,
    published_at  timestamptz,
    published_by  text,
    ended_at      timestamptz,
    ended_by      text,
    CONSTRAINT notices_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT notices_title_len CHECK (char_length(title) <= 100),
    CONSTRAINT notices_title_blank CHECK (btrim(title) <> ''),
    CONSTRAINT notices_body_len CHECK (char_length(body) <= 20000),
    CONSTRAINT notices_created_by_len CHECK (char_length(created_by) <= 100),
    CONSTRAINT notices_updated_by_len CHECK (char_length(updated_by) <= 100),
    CONSTRAINT notices_approved_by_len CHECK (char_length(approved_by) <= 100),
    CONSTRAINT notices_published_by_len CHECK (char_length(published_by) <= 100),
    CONSTRAINT notices_ended_by_len CHECK (char_length(ended_by) <= 100),
    CONSTRAINT notices_validity CHECK (valid_until IS NULL OR valid_until > valid_from),
    CONSTRAINT notices_approved CHECK (status IN ('DRAFT') OR approved_at IS NOT NULL),
    CONSTRAINT notices_published CHECK (status IN ('DRAFT', 'APPROVED') OR published_at IS NOT NULL)
);
COMMENT ON TABLE notices IS 'A hall''s notices as they stand now: kind, title, Markdown body, validity, channels, and where they are in draft -> approved -> published -> withdrawn/expired.';
COMMENT ON CONSTRAINT notices_site_id_id_uq ON notices IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
CREATE INDEX notices_published_idx ON notices (site_id, published_at DESC) WHERE status = 'PUBLISHED';
COMMENT ON INDEX notices_published_idx IS 'The published notices of a hall, newest first: public page, feed, screens, API.';
CREATE INDEX notices_site_idx ON notices (site_id, updated_at DESC);
COMMENT ON INDEX notices_site_idx IS 'The office''s list of a hall''s notices, last changed first.';

CREATE TABLE notice_versions (
    site_id      bigint      NOT NULL,
    notice_id    bigint      NOT NULL,
    version      int         NOT NULL CHECK (version >= 1),
    kind         text        NOT NULL CHECK (kind IN ('POSTPONED_OPENING', 'KNOWLEDGE', 'PROGRESS', 'OTHER')),
    title        text        NOT NULL,
    body         text        NOT NULL,
    channels     text[]      NOT NULL,
    valid_from   timestamptz NOT NULL,
    valid_until  timestamptz,
    saved_at     timestamptz NOT NULL,
    saved_by     text        NOT NULL,
    PRIMARY KEY (notice_id, version),
    CONSTRAINT notice_versions_notice_fk FOREIGN KEY (site_id, notice_id) REFERENCES notices (site_id, id),
    CONSTRAINT notice_versions_title_len CHECK (char_length(title) <= 100),
    CONSTRAINT notice_versions_body_len CHECK (char_length(body) <= 20000),
    CONSTRAINT notice_versions_saved_by_len CHECK (char_length(saved_by) <= 100)
);
COMMENT ON TABLE notice_versions IS 'Every saved version of every notice, never changed afterwards: what was approved and published can always be shown.';

CREATE TABLE notice_images (
    id            bigserial   PRIMARY KEY,
    site_id       bigint      NOT NULL,
    notice_id     bigint      NOT NULL,
    content_type  text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes         bytea       NOT NULL CHECK (octet_length(bytes) <= 5242880),
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    CONSTRAINT notice_images_notice_fk FOREIGN KEY (site_id, notice_id) REFERENCES notices (site_id, id),
    CONSTRAINT notice_images_created_by_len CHECK (char_length(created_by) <= 100)
);
COMMENT ON TABLE notice_images IS 'Pictures in a notice''s body, uploaded like disinfection photos (JPEG, PNG or WebP by their first bytes, at most 5 MB); public once their notice is published.';
CREATE INDEX notice_images_notice_idx ON notice_images (site_id, notice_id);
COMMENT ON INDEX notice_images_notice_idx IS 'A notice''s pictures, for its edit page and exports.';
