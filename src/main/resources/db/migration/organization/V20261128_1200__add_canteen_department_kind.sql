-- The canteen's staff follow the canteen's schedule (R-CAN-4, R-MON-1): the canteen becomes a kind of department.
ALTER TABLE departments DROP CONSTRAINT departments_kind_check;
ALTER TABLE departments ADD CONSTRAINT departments_kind_check CHECK (kind IN ('SECTION','UNIT','CANTEEN'));
