-- Issue 17 item 5 (tracing at 30 million screenings): when the people in the hall with a traced person left is read
-- from the bookings of thousands of gate entries at once; an index holding the columns that estimate it
-- (VisitBookings.leavingOf) answers without a visit to the table. It replaces the plain one of V20261205_0102.
CREATE INDEX bookings_screening_leaving_idx ON bookings (site_id, screening_id)
    INCLUDE (id, window_id, ends_at, called_at, status, changed_at) WHERE screening_id IS NOT NULL;
COMMENT ON INDEX bookings_screening_leaving_idx IS 'Tracing: slot end, call and 办结 of the bookings behind gate entries (VisitBookings.leavingOf, ofScreenings).';
DROP INDEX bookings_screening_idx;
