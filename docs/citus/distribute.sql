-- Issue 18, item 5: turn a HallSafe database (made by Flyway on a Citus coordinator) into a cluster sharded by hall.
-- Not run on our machines (Citus is not installable there); see docs/scale-out.md for the design and how to verify it.
-- Run once, as the owner of the tables, after HallSafe's migrations and before the application starts.
SET citus.enable_unsafe_triggers = on;

-- 1. Unique keys that gain the hall (each already identifies one hall's row).
ALTER TABLE agency_cases DROP CONSTRAINT agency_cases_code_uq, ADD CONSTRAINT agency_cases_code_uq UNIQUE (site_id, code);
ALTER TABLE agency_materials DROP CONSTRAINT agency_materials_position_uq,
    ADD CONSTRAINT agency_materials_position_uq UNIQUE (site_id, case_id, position);
ALTER TABLE notifications DROP CONSTRAINT notifications_account_id_incident_id_kind_key,
    ADD CONSTRAINT notifications_once_uq UNIQUE (site_id, account_id, incident_id, kind);
DROP INDEX screenings_recheck_once_uq;
CREATE UNIQUE INDEX screenings_recheck_once_uq ON screenings (site_id, recheck_of) WHERE recheck_of IS NOT NULL;
ALTER TABLE inspection_items DROP CONSTRAINT inspection_items_position_uq,
    ADD CONSTRAINT inspection_items_position_uq UNIQUE (site_id, inspection_id, position);
DROP INDEX staff_account_uq;
CREATE UNIQUE INDEX staff_account_uq ON staff (site_id, account_id) WHERE account_id IS NOT NULL;

-- 2. The bureau's own audit rows move to a local table; hall rows keep their chains.
CREATE TABLE audit_log_bureau (LIKE audit_log INCLUDING ALL);
INSERT INTO audit_log_bureau SELECT * FROM audit_log WHERE site_id IS NULL;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
DELETE FROM audit_log WHERE site_id IS NULL;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;
ALTER TABLE audit_log ALTER COLUMN site_id SET NOT NULL;

-- 3. Reference tables, then every table with site_id distributed and co-located with the first one.
SELECT create_reference_table(t) FROM unnest(ARRAY['sites', 'accounts', 'screen_keys', 'device_tokens', 'sign_in_links', 'setup_tokens']) t;
DO $$
DECLARE
    t record;
    anchor text;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'
          AND c.relname NOT IN ('sites', 'accounts', 'screen_keys', 'device_tokens', 'sign_in_links', 'setup_tokens')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'site_id' AND NOT a.attisdropped)
        ORDER BY c.relname
    LOOP
        -- the primary key of id alone goes; the (site_id, …) key beside it stays (the schema test guarantees it)
        IF NOT EXISTS (SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey)
                       WHERE x.indrelid = t.relname::regclass AND x.indisprimary AND a.attname = 'site_id') THEN
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT IF EXISTS %I', t.relname, t.relname || '_pkey');
        END IF;
        IF anchor IS NULL THEN
            PERFORM create_distributed_table(t.relname, 'site_id');
            anchor := t.relname;
        ELSE
            PERFORM create_distributed_table(t.relname, 'site_id', colocate_with => anchor);
        END IF;
    END LOOP;
END;
$$;
