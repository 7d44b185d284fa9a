-- bench/tracing: a year of bookings and canteen entries in hall 1 (the traced hall). Half the admitted citizens of
-- hall 1 came with a booking: slot of 30 minutes around their entry, one of the hall's windows, called 10 minutes
-- after entry and done (办结) 15 minutes later. The keys of bookings are kept: item and slot are the demo's first
-- (their time is not what a trace reads; starts_at/ends_at/window are). Every demo staff member of hall 1 eats lunch
-- in the canteen on each day of the loaded year.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SELECT min(id) AS item FROM service_items WHERE site_id = 1 \gset
SELECT min(id) AS slot FROM slots WHERE site_id = 1 \gset
SELECT array_agg(id ORDER BY number) AS wins, count(*) AS nwin FROM service_windows WHERE site_id = 1 AND retired_at IS NULL \gset
INSERT INTO bookings (site_id, submission_id, code, item_id, slot_id, window_id, starts_at, ends_at, name, doc_type,
    doc_masked, doc_hash, doc_cipher, phone_masked, phone_hash, phone_cipher, channel, status, created_at, created_by,
    changed_at, arrived_at, screening_id, called_at)
SELECT 1, gen_random_uuid(), 'B' || s.id, :item, :slot,
       (:'wins'::bigint[])[1 + (s.id % :nwin)::int],
       date_bin('30 minutes', s.screened_at, timestamptz '2000-01-01'),
       date_bin('30 minutes', s.screened_at, timestamptz '2000-01-01') + interval '30 minutes',
       c.name, c.doc_type, c.doc_masked, c.doc_hash, c.doc_cipher, coalesce(c.phone_masked, '138****0000'),
       coalesce(c.phone_hash, decode(md5('x' || c.id), 'hex')), coalesce(c.phone_cipher, c.doc_cipher),
       'WEB', 'DONE', s.screened_at - interval '2 days', 'bench', s.screened_at + interval '25 minutes',
       s.screened_at, s.id, s.screened_at + interval '10 minutes'
FROM screenings s JOIN citizens c ON c.site_id = s.site_id AND c.id = s.citizen_id
WHERE s.site_id = 1 AND s.person_type = 'CITIZEN' AND s.decision = 'ADMITTED' AND s.id % 2 = 0 AND :item IS NOT NULL;
INSERT INTO canteen_entries (site_id, meal, staff_id, typed, allowed, hands_washed, at, recorded_by)
SELECT 1, 'LUNCH', st.id, st.id::text, true, true,
       (d + time '11:45' + make_interval(mins => (st.id % 40)::int)) AT TIME ZONE 'Asia/Shanghai', 'bench'
FROM (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date - k AS d FROM generate_series(1, :days) k) days
CROSS JOIN staff st WHERE st.site_id = 1 AND st.retired_at IS NULL;
SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM canteen_entries) AS canteen_entries;
