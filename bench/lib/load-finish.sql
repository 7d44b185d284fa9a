-- After the bulk load: put back every index and key of screenings exactly as they were (bench_ddl), move the id
-- sequence past the loaded rows, and gather statistics.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;
SELECT setval(pg_get_serial_sequence('screenings', 'id'), (SELECT max(id) FROM screenings));
DO $$
DECLARE d record;
BEGIN
  FOR d IN SELECT * FROM bench_ddl ORDER BY ord DESC, name LOOP
    RAISE NOTICE '%', d.create_sql;
    EXECUTE d.create_sql;
  END LOOP;
END $$;
DELETE FROM bench_ddl;
VACUUM (ANALYZE) screenings;
SELECT count(*) AS screenings, pg_size_pretty(pg_total_relation_size('screenings')) AS total_size FROM screenings;
