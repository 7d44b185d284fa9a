-- Issue 17 (tracing): a person's visits at the gate over a period, index-backed at 30 million screening rows.
CREATE INDEX screenings_citizen_time_idx ON screenings (site_id, citizen_id, screened_at) WHERE citizen_id IS NOT NULL;
COMMENT ON INDEX screenings_citizen_time_idx IS 'Tracing: one citizen''s gate entries of a period (GateVisits.ofCitizen).';
CREATE INDEX screenings_staff_time_idx ON screenings (site_id, staff_id, screened_at) WHERE staff_id IS NOT NULL;
COMMENT ON INDEX screenings_staff_time_idx IS 'Tracing: one staff member''s gate entries of a period (GateVisits.ofStaff).';
CREATE INDEX screenings_admitted_citizens_idx ON screenings (site_id, screened_at)
    INCLUDE (citizen_id, left_at) WHERE decision = 'ADMITTED' AND person_type = 'CITIZEN';
COMMENT ON INDEX screenings_admitted_citizens_idx IS 'Tracing: the citizens admitted in a time range, those who were in the hall with the traced person (GateVisits.citizensEntered).';
CREATE INDEX citizens_phone_idx ON citizens (site_id, phone_hash) WHERE phone_hash IS NOT NULL;
COMMENT ON INDEX citizens_phone_idx IS 'Tracing: the citizens on file with a phone number (its keyed hash), when the office starts from a phone.';
