-- Issue 17 (tracing): the booking of a gate entry, and the people a window served over a period.
CREATE INDEX bookings_screening_idx ON bookings (site_id, screening_id) WHERE screening_id IS NOT NULL;
COMMENT ON INDEX bookings_screening_idx IS 'Tracing: the bookings behind gate entries (VisitBookings.ofScreenings): slot end, call and 办结 estimate when a visitor left.';
CREATE INDEX bookings_window_called_idx ON bookings (site_id, window_id, called_at) WHERE called_at IS NOT NULL;
COMMENT ON INDEX bookings_window_called_idx IS 'Tracing: the citizens a window called over a period (VisitBookings.calledAt), for a traced staff member.';
