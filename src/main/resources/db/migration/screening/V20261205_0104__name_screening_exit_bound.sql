-- Issue 17: the exit scan's left_by bound (V20261205_0001) was added unnamed, as screenings_left_by_check; every text
-- bound is named <table>_<column>_len (issue 12, item 7: BoundedInputTest finds each by that name). Renamed here only
-- if still unnamed, so a second fix of the same name elsewhere does no harm.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'screenings'::regclass AND conname = 'screenings_left_by_check') THEN
        ALTER TABLE screenings RENAME CONSTRAINT screenings_left_by_check TO screenings_left_by_len;
    END IF;
END $$;
