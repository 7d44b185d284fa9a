-- bench/province: :halls halls on one database, each a copy of the demo bureau's hall 1 (sections, windows, 62 staff
-- with their sealed numbers, hygiene zones, service items and the next two weeks' slots, the leadership group), with
-- the accounts and the gate tablet the load signs in with. Run once after the first node loaded the demo.
-- Output: one line per hall: site|code|token|screener|cleaner|office|staff ids|zone ids|item:slot pairs
\set ON_ERROR_STOP on
\pset footer off
CREATE TABLE IF NOT EXISTS bench_map (tbl text, dst bigint, old_id bigint, new_id bigint, PRIMARY KEY (tbl, dst, old_id));
CREATE TABLE IF NOT EXISTS bench_halls (site_id bigint PRIMARY KEY, code text, token text);

-- copies the rows of table tbl of hall src into hall dst: new ids (kept in bench_map), the columns named in remap
-- pointing at the copies of their rows, the columns in nulls left empty
CREATE OR REPLACE FUNCTION bench_copy(tbl text, src bigint, dst bigint, remap jsonb DEFAULT '{}', nulls text[] DEFAULT '{}')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE cols text; sel text; has_id boolean;
BEGIN
  SELECT bool_or(column_name = 'id'),
         string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FILTER (WHERE column_name NOT IN ('id', 'site_id')),
         string_agg(CASE WHEN remap ? column_name
                           THEN format('(SELECT new_id FROM bench_map WHERE tbl = %L AND dst = %s AND old_id = t.%I)',
                                       remap ->> column_name, dst, column_name)
                         WHEN column_name = ANY (nulls) THEN 'NULL'
                         ELSE 't.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
                    FILTER (WHERE column_name NOT IN ('id', 'site_id'))
    INTO has_id, cols, sel
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = tbl AND is_generated = 'NEVER';
  IF has_id THEN
    EXECUTE format('INSERT INTO bench_map SELECT %L, %s, id, nextval(pg_get_serial_sequence(%L, ''id'')) FROM %I WHERE site_id = %s',
                   tbl, dst, tbl, tbl, src);
    EXECUTE format('INSERT INTO %I (id, site_id, %s) SELECT m.new_id, %s, %s FROM %I t JOIN bench_map m ON m.tbl = %L AND m.dst = %s AND m.old_id = t.id WHERE t.site_id = %s',
                   tbl, cols, dst, sel, tbl, tbl, dst, src);
  ELSE
    EXECUTE format('INSERT INTO %I (site_id, %s) SELECT %s, %s FROM %I t WHERE t.site_id = %s', tbl, cols, dst, sel, tbl, src);
  END IF;
END $$;

SET synchronous_commit = off;
SELECT set_config('bench.halls', :'halls', false) \gset
DO $$
DECLARE k int; site bigint; token text; pw text;
BEGIN
  SELECT password_hash INTO pw FROM accounts WHERE username = 'screener';
  FOR k IN 1 .. current_setting('bench.halls')::int LOOP
    IF k = 1 THEN
      site := 1;  -- the demo hall itself is hall 1 of the province
    ELSE
      INSERT INTO sites (code, name, address) VALUES ('p' || k, '政务服务大厅' || k, '第' || k || '区')
        ON CONFLICT DO NOTHING;
      SELECT id INTO site FROM sites WHERE code = 'p' || k;
      IF NOT EXISTS (SELECT 1 FROM departments WHERE site_id = site) THEN
        PERFORM bench_copy('departments', 1, site);
        PERFORM bench_copy('service_windows', 1, site, '{"section_id": "departments"}');
        PERFORM bench_copy('staff', 1, site, '{"department_id": "departments", "window_id": "service_windows"}', '{account_id}');
        PERFORM bench_copy('leadership_members', 1, site, '{"staff_id": "staff"}');
        PERFORM bench_copy('zones', 1, site, '{"department_id": "departments"}');
        PERFORM bench_copy('service_items', 1, site);
        PERFORM bench_copy('service_item_windows', 1, site, '{"item_id": "service_items", "window_id": "service_windows"}');
        PERFORM bench_copy('hall_slots', 1, site);
        PERFORM bench_copy('slots', 1, site, '{"window_id": "service_windows"}');
      END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM bench_halls WHERE site_id = site) THEN
      -- accounts of the hall's gate screener (staff checks for others), cleaner and office (ledger, overview), with the
      -- demo password; a gate tablet's device token, kept as its SHA-256 as /admin/devices keeps it
      INSERT INTO accounts (site_id, username, display_name, role, password_hash, demo, created_by) VALUES
        (site, 'p' || k || '-screener', '测温员' || k, 'SCREENER', pw, true, 'bench'),
        (site, 'p' || k || '-cleaner', '保洁员' || k, 'CLEANER', pw, true, 'bench'),
        (site, 'p' || k || '-office', '办公室' || k, 'OFFICE', pw, true, 'bench');
      token := 'prov' || k || 'x' || md5(random()::text);
      INSERT INTO device_tokens (site_id, name, token_hash, token_hint, created_by)
        VALUES (site, '入口平板 ' || k, sha256(convert_to(token, 'UTF8')), left(token, 4), 'bench');
      INSERT INTO bench_halls VALUES (site, (SELECT code FROM sites WHERE id = site), token);
    END IF;
  END LOOP;
END $$;

\pset format unaligned
\pset tuples_only on
SELECT h.site_id, h.code, h.token, 'p' || row_number() OVER (ORDER BY h.site_id) || '-screener',
       'p' || row_number() OVER (ORDER BY h.site_id) || '-cleaner', 'p' || row_number() OVER (ORDER BY h.site_id) || '-office',
       (SELECT string_agg(id::text, ',' ORDER BY id) FROM staff s WHERE s.site_id = h.site_id AND retired_at IS NULL),
       (SELECT string_agg(id::text, ',' ORDER BY id) FROM zones z WHERE z.site_id = h.site_id AND retired_at IS NULL),
       (SELECT string_agg(item_id || ':' || id, ',') FROM (
          SELECT DISTINCT ON (s.id) s.id, w.item_id FROM slots s JOIN service_item_windows w ON w.site_id = s.site_id
          AND w.window_id = s.window_id WHERE s.site_id = h.site_id AND s.starts_at > now() ORDER BY s.id, w.item_id) b)
FROM bench_halls h ORDER BY h.site_id;
