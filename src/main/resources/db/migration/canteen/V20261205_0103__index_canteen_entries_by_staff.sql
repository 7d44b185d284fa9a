-- Issue 17 (tracing): one staff member's meals at the canteen door over a period.
CREATE INDEX canteen_entries_staff_time_idx ON canteen_entries (site_id, staff_id, at) WHERE staff_id IS NOT NULL AND allowed;
COMMENT ON INDEX canteen_entries_staff_time_idx IS 'Tracing: a traced staff member''s sittings (CanteenSittings.ofStaff).';
