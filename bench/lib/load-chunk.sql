-- One slice of the bulk load: rows :lo..:hi of :rows, spread in time order over :days days ending yesterday in the
-- hall's zone, within opening hours 08:30-12:00 and 14:30-17:30 (Asia/Shanghai), every day. Each row copies the
-- person, mask, decision and the SM4-GCM-sealed health data of a real check-in from bench_seed (so the ledger and
-- the export open real cipher text), with a fresh submission id and id :base + g, so ids follow time as they do
-- when the gate writes them.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
INSERT INTO screenings (id, site_id, submission_id, person_type, staff_id, citizen_id, person_name, doc_masked,
    phone_masked, mask, health_cipher, decision, reasons, recheck_of, screened_at, recorded_at, backfilled,
    backfill_reason, screener)
SELECT :base + g.g, 1, gen_random_uuid(), s.person_type, s.staff_id, s.citizen_id, s.person_name, s.doc_masked,
       s.phone_masked, s.mask, s.health_cipher, s.decision, s.reasons, NULL, g.at, g.at, false, NULL, s.screener
FROM (
  SELECT g, 1 + (hashint8(g) & 2147483647) % :seeds AS n,
         (((now() AT TIME ZONE 'Asia/Shanghai')::date - :days + floor(pos)::int) + time '08:30'
           + make_interval(secs => CASE WHEN (pos - floor(pos)) * 390 < 210 THEN (pos - floor(pos)) * 390 * 60
                                        ELSE ((pos - floor(pos)) * 390 + 150) * 60 END)) AT TIME ZONE 'Asia/Shanghai' AS at
  FROM (SELECT g, (g - 1)::float8 * :days / :rows AS pos FROM generate_series(:lo::bigint, :hi::bigint) g) p
) g
JOIN bench_seed s ON s.n = g.n;
