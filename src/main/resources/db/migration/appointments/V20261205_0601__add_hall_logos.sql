-- Issue 20, item 5: the hall's own logo at the top of the citizens' booking pages, uploaded by the hall's admin
-- (PNG, JPEG or SVG, told by content, at most 200 KB). Without one the pages show a plain mark.
CREATE TABLE hall_logos (
    site_id      bigint      PRIMARY KEY REFERENCES sites (id),
    content_type text        NOT NULL CONSTRAINT hall_logos_content_type_len CHECK (char_length(content_type) <= 40),
    bytes        bytea       NOT NULL CONSTRAINT hall_logos_size CHECK (octet_length(bytes) BETWEEN 1 AND 204800),
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL CONSTRAINT hall_logos_updated_by_len CHECK (char_length(updated_by) <= 100)
);
COMMENT ON TABLE hall_logos IS 'A hall''s logo for its public booking pages (PNG, JPEG or SVG, checked by content).';
