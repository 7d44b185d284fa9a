-- Issue 12: one phone holds as many self-service bookings a day as one person may.
CREATE INDEX bookings_phone_idx ON bookings (site_id, phone_hash, starts_at);
COMMENT ON INDEX bookings_phone_idx IS 'A phone''s bookings of a day (daily limit per phone for web and WeChat bookings).';
