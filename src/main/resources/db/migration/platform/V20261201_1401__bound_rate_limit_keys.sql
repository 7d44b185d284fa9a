-- Issue 12, items 3 and 7 together: a bucket's key is a limit name and a keyed hash, never longer than this.
ALTER TABLE rate_limit_buckets ADD CONSTRAINT rate_limit_buckets_id_len CHECK (char_length(id) <= 200);
