-- bench/overview: a year of one hall's records for the leadership's overview (issue 16 item 1).
-- psql -v site=<hall id> -f load.sql. Weekdays of the last 365 days up to yesterday, 08:30-17:30 Asia/Shanghai:
-- ~400 screenings a day (1 % refused), five checks per staff member a day, each zone disinfected every two hours,
-- tableware after three meals, two incidents a day (acknowledged). The sealed columns hold random bytes: the
-- overview never opens them.
\set ON_ERROR_STOP on
SET TIME ZONE 'Asia/Shanghai';

CREATE TEMP TABLE bench_days AS
SELECT d::date AS day FROM generate_series(current_date - 365, current_date - 1, interval '1 day') AS d
WHERE extract(isodow FROM d) < 6;

INSERT INTO citizens (site_id, name, doc_type, doc_cipher, doc_hash, doc_masked, created_at, updated_at)
VALUES (:site, '压测市民', 'ID_CARD', decode(md5(random()::text), 'hex'), decode(md5(random()::text), 'hex'), '4309**********1234', now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO screenings (site_id, submission_id, person_type, citizen_id, person_name, mask, health_cipher, decision,
                        reasons, screened_at, recorded_at, screener)
SELECT :site, gen_random_uuid(), 'CITIZEN', c.id, '压测市民', CASE WHEN i % 100 = 0 THEN 'NONE' ELSE 'DISPOSABLE_MEDICAL' END,
       decode(md5(random()::text), 'hex'), CASE WHEN i % 100 = 0 THEN 'REFUSED' ELSE 'ADMITTED' END,
       CASE WHEN i % 100 = 0 THEN ARRAY['NO_MASK'] ELSE '{}'::text[] END,
       d.day + time '08:30' + (i * interval '80 seconds'), d.day + time '08:30' + (i * interval '80 seconds'), 'screener'
FROM bench_days d CROSS JOIN generate_series(0, 399) AS i
CROSS JOIN (SELECT id FROM citizens WHERE site_id = :site AND name = '压测市民' LIMIT 1) c;

INSERT INTO staff_checks (site_id, submission_id, staff_id, checked_at, source, health_cipher, abnormal, measured_by)
SELECT :site, gen_random_uuid(), s.id, d.day + t.at + (s.id % 7) * interval '1 minute', 'SELF', decode(md5(random()::text), 'hex'),
       (s.id + extract(doy FROM d.day)::int) % 997 = 0, 'bench'
FROM bench_days d
CROSS JOIN (SELECT id FROM staff WHERE site_id = :site AND retired_at IS NULL) s
CROSS JOIN (VALUES (time '08:10'), (time '10:30'), (time '15:00'), (time '17:00'), (time '17:35')) AS t(at);

INSERT INTO disinfections (site_id, submission_id, zone_id, method, concentration_mg_l, done_at, done_by, recorded_at, recorded_by)
SELECT :site, gen_random_uuid(), z.id, 'MOP_84', 500, d.day + time '08:00' + h * interval '2 hours',
       '压测保洁', d.day + time '08:00' + h * interval '2 hours', 'bench'
FROM bench_days d CROSS JOIN (SELECT id FROM zones WHERE site_id = :site AND retired_at IS NULL) z
CROSS JOIN generate_series(0, 4) AS h;

INSERT INTO tableware_disinfections (site_id, meal, method, minutes, done_by, done_at, recorded_by)
SELECT :site, m.meal, 'STEAM', 20, '压测厨师', d.day + m.at, 'bench'
FROM bench_days d CROSS JOIN (VALUES ('BREAKFAST', time '08:45'), ('LUNCH', time '13:15'), ('DINNER', time '18:45')) AS m(meal, at);

INSERT INTO incidents (site_id, source, source_id, title, status, reported_at, reported_by, acknowledged_at, acknowledged_by)
SELECT :site, 'bench', d.day || '-' || i, '压测报告', 'ACKNOWLEDGED', d.day + time '10:00' + i * interval '3 hours',
       'bench', d.day + time '10:20' + i * interval '3 hours', 'bench'
FROM bench_days d CROSS JOIN generate_series(0, 1) AS i;

ANALYZE;
SELECT 'screenings', count(*) FROM screenings WHERE site_id = :site
UNION ALL SELECT 'staff_checks', count(*) FROM staff_checks WHERE site_id = :site
UNION ALL SELECT 'disinfections', count(*) FROM disinfections WHERE site_id = :site
UNION ALL SELECT 'tableware', count(*) FROM tableware_disinfections WHERE site_id = :site
UNION ALL SELECT 'incidents', count(*) FROM incidents WHERE site_id = :site;
