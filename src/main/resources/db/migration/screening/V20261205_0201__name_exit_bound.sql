-- Issue 17 item 2 (T2): the bound of screenings.left_by (V20261205_0001) under the name every text bound carries,
-- <table>_<column>_len, which the bound checks (BoundedInputTest) and the database's answer to a too-long value name.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'screenings'::regclass AND conname = 'screenings_left_by_check') THEN
    ALTER TABLE screenings RENAME CONSTRAINT screenings_left_by_check TO screenings_left_by_len;
  END IF;
END $$;
