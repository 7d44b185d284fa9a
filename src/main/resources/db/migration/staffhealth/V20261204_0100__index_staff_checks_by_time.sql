-- Issue 16 item 1: the leadership's overview reads a hall's staff checks of fourteen days at once (the trend of its
-- tiles), and the board a hall's checks of one day; the older index leads with staff_id, so both scanned the table.
CREATE INDEX staff_checks_time_idx ON staff_checks (site_id, checked_at);
COMMENT ON INDEX staff_checks_time_idx IS 'A hall''s staff checks of a day or of a range of days: the board, the compliance page and the overview''s staff health tiles and their 14-day trend.';
