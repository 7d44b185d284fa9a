-- bench/tracing: more halls beside the demo's (hall 1), and filler citizens for every hall, so that the 30 M
-- screenings spread over :halls halls and a citizen comes about 13 times a year (as in a real hall), not thousands.
-- Filler citizens copy the sealed document and phone of a seed citizen (never opened by a trace) with a unique
-- keyed hash; the seed citizens (sealed by HallSafe through the API, numbers known to the bench) stay the ones traced.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
INSERT INTO sites (code, name)
SELECT 'bench' || k, '基准大厅' || k FROM generate_series(2, :halls) k
ON CONFLICT DO NOTHING;
DROP TABLE IF EXISTS bench_halls, bench_cit_seed, bench_staff_seed;
CREATE TABLE bench_cit_seed AS
SELECT row_number() OVER (ORDER BY citizen_id)::int AS n, citizen_id
FROM (SELECT DISTINCT citizen_id FROM bench_seed WHERE person_type = 'CITIZEN') c;
CREATE TABLE bench_staff_seed AS
SELECT row_number() OVER (ORDER BY n)::int AS n, staff_id, person_name FROM bench_seed WHERE person_type = 'STAFF';
ALTER TABLE bench_cit_seed ADD PRIMARY KEY (n);
ALTER TABLE bench_staff_seed ADD PRIMARY KEY (n);
-- per hall: k (0..halls-1), its site, and its range of filler citizens
CREATE TABLE bench_halls (k int PRIMARY KEY, site_id bigint, filler_lo bigint, filler_n int);
INSERT INTO bench_halls
SELECT row_number() OVER (ORDER BY id)::int - 1, id, 0, greatest(1000, (:rows::bigint * 9 / 10 / 13 / :halls)::int)
FROM sites ORDER BY id LIMIT :halls;
DO $$
DECLARE h record; lo bigint;
BEGIN
  FOR h IN SELECT * FROM bench_halls ORDER BY k LOOP
    lo := (SELECT max(id) FROM citizens) + 1;
    INSERT INTO citizens (id, site_id, name, doc_type, doc_cipher, doc_hash, doc_masked, phone_cipher, phone_hash,
                          phone_masked, created_at, updated_at)
    SELECT lo + i, h.site_id, c.name, c.doc_type, c.doc_cipher, decode(md5(h.site_id || '/' || i), 'hex'),
           c.doc_masked, c.phone_cipher, decode(md5('p' || h.site_id || '/' || i), 'hex'), c.phone_masked, now(), now()
    FROM generate_series(0, h.filler_n - 1) i
    JOIN citizens c ON c.id = (SELECT citizen_id FROM bench_cit_seed WHERE n = 1 + i % (SELECT count(*) FROM bench_cit_seed));
    UPDATE bench_halls SET filler_lo = lo WHERE k = h.k;
  END LOOP;
END $$;
SELECT setval(pg_get_serial_sequence('citizens', 'id'), (SELECT max(id) FROM citizens));
SELECT k, site_id, filler_lo, filler_n FROM bench_halls ORDER BY k;
