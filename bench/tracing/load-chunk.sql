-- bench/tracing: one slice of the screenings, rows :lo..:hi of :rows over :days days ending yesterday, within
-- opening hours (as bench/lib/load-chunk.sql, whose time formula this keeps), spread over :halls halls (row g goes
-- to hall g % halls). In hall 1 one row in ten is a staff member (demo staff, copied from a seed check-in) and two
-- citizen rows in a thousand are a seed citizen (so each of ~1000 seed citizens comes ~50 times a year, ~2 times in
-- 14 days); every other row is a filler citizen of its hall. A third of the rows carry an exit scan 15-75 minutes
-- after entry (the gate's new 离开), the rest are left to the trace's estimate.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
INSERT INTO screenings (id, site_id, submission_id, person_type, staff_id, citizen_id, person_name, doc_masked,
    phone_masked, mask, health_cipher, decision, reasons, recheck_of, screened_at, recorded_at, backfilled,
    backfill_reason, screener, left_at, left_by)
SELECT :base + g.g, h.site_id, gen_random_uuid(),
       CASE WHEN g.kind = 'S' THEN 'STAFF' ELSE 'CITIZEN' END,
       CASE WHEN g.kind = 'S' THEN st.staff_id END,
       CASE g.kind WHEN 'S' THEN NULL WHEN 'C' THEN cs.citizen_id ELSE h.filler_lo + g.h2 % h.filler_n END,
       CASE WHEN g.kind = 'S' THEN st.person_name ELSE s.person_name END,
       CASE WHEN g.kind = 'S' THEN NULL ELSE s.doc_masked END, s.phone_masked, s.mask, s.health_cipher, s.decision,
       s.reasons, NULL, g.at, g.at, false, NULL, s.screener,
       CASE WHEN g.g % 3 = 0 AND s.decision = 'ADMITTED' THEN g.at + make_interval(mins => 15 + (g.h2 % 61)::int) END,
       CASE WHEN g.g % 3 = 0 AND s.decision = 'ADMITTED' THEN s.screener END
FROM (
  SELECT g, h1, h2, (g % :halls)::int AS k,
         CASE WHEN g % :halls <> 0 THEN 'F' WHEN h1 % 10 = 0 THEN 'S' WHEN h1 % 1000 < 2 THEN 'C' ELSE 'F' END AS kind,
         (((now() AT TIME ZONE 'Asia/Shanghai')::date - :days + floor(pos)::int) + time '08:30'
           + make_interval(secs => CASE WHEN (pos - floor(pos)) * 390 < 210 THEN (pos - floor(pos)) * 390 * 60
                                        ELSE ((pos - floor(pos)) * 390 + 150) * 60 END)) AT TIME ZONE 'Asia/Shanghai' AS at
  FROM (SELECT g, (g - 1)::float8 * :days / :rows AS pos, hashint8(g) & 2147483647 AS h1,
               hashint8(-g) & 2147483647 AS h2
        FROM generate_series(:lo::bigint, :hi::bigint) g) p
) g
JOIN bench_halls h ON h.k = g.k
JOIN bench_seed s ON s.n = 1 + g.h2 % :seeds
LEFT JOIN bench_cit_seed cs ON g.kind = 'C' AND cs.n = 1 + g.h2 % (SELECT count(*) FROM bench_cit_seed)
LEFT JOIN bench_staff_seed st ON g.kind = 'S' AND st.n = 1 + g.h2 % (SELECT count(*) FROM bench_staff_seed);
