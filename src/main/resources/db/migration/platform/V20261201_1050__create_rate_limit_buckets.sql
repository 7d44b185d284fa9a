-- Rate-limit buckets of Bucket4j's PostgreSQL proxy (issue 12): one row per limit and hashed key, shared by all nodes.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
COMMENT ON TABLE rate_limit_buckets IS 'Bucket4j state per rate limit and key (a keyed hash of phone, document, code, user name or address; never the value itself).';
COMMENT ON COLUMN rate_limit_buckets.id IS 'Limit name and the keyed hash of its key, e.g. booking-phone:3q2+7w…';
COMMENT ON COLUMN rate_limit_buckets.expires_at IS 'Epoch milliseconds after which the bucket is full again and may be deleted.';
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
COMMENT ON INDEX rate_limit_buckets_expires_idx IS 'The clean-up job deletes expired buckets.';
