-- Before the bulk load: remember the gate's real check-ins as the seed of the generated rows, and take the
-- screenings table's indexes and keys off (their exact definitions are kept in bench_ddl and put back by
-- load-finish.sql), so the load writes the heap only and each index is then built once, sorted.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS bench_seed;
CREATE TABLE bench_seed AS
SELECT row_number() OVER (ORDER BY id)::int AS n, person_type, staff_id, citizen_id, person_name, doc_masked,
       phone_masked, mask, health_cipher, decision, reasons, screener
FROM screenings WHERE NOT backfilled AND recheck_of IS NULL;
ALTER TABLE bench_seed ADD PRIMARY KEY (n);

CREATE TABLE IF NOT EXISTS bench_ddl (ord int, name text, drop_sql text, create_sql text);
-- only when the previous load finished: otherwise bench_ddl still holds what has to be put back
INSERT INTO bench_ddl
SELECT * FROM (
  -- foreign keys first (they depend on the primary key), then the other constraints, then plain indexes
  SELECT CASE c.contype WHEN 'f' THEN 1 ELSE 2 END, c.conname,
         format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
  FROM pg_constraint c
  WHERE (c.conrelid = 'screenings'::regclass OR c.confrelid = 'screenings'::regclass) AND c.contype IN ('f', 'p', 'u')
  UNION ALL
  SELECT 3, i.relname, format('DROP INDEX %s', i.oid::regclass), pg_get_indexdef(i.oid)
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
  WHERE x.indrelid = 'screenings'::regclass
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = 'screenings'::regclass)
) d
WHERE NOT EXISTS (SELECT 1 FROM bench_ddl);

SELECT ord, name FROM bench_ddl ORDER BY ord, name;
DO $$
DECLARE d record;
BEGIN
  FOR d IN SELECT * FROM bench_ddl ORDER BY ord LOOP
    BEGIN
      EXECUTE d.drop_sql;
    EXCEPTION WHEN undefined_object OR undefined_table THEN
      NULL; -- already dropped by an interrupted load
    END;
  END LOOP;
END $$;
SELECT max(id) AS bench_base_id FROM screenings \gset
SELECT count(*) AS seeds FROM bench_seed;
