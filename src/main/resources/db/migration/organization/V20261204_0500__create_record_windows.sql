-- Issue 16, item 6: how long after a moment a record about it may still be written as an ordinary record; beyond it
-- the record is a back-fill (补录) with a reason. A hall without a row keeps the default (30 minutes).
CREATE TABLE record_windows (
    site_id    bigint      PRIMARY KEY REFERENCES sites (id),
    minutes    integer     NOT NULL CHECK (minutes BETWEEN 0 AND 720),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL CONSTRAINT record_windows_updated_by_len CHECK (char_length(updated_by) <= 100)
);
COMMENT ON TABLE record_windows IS 'Per hall: minutes a record may lie behind its moment before it counts as a back-fill (R-REQ-3).';
