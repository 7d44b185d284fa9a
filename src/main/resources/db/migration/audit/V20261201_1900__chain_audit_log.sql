-- Audit: every row carries a hash over its content and the hash of the row before it in the same hall (rows of no
-- hall form their own chain), so a changed or removed row breaks the chain where it was touched (issue 12, item 10).
-- The application checks the chain with its own copy of the hash expression (AuditChain.java); keep both the same.
ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text;
COMMENT ON COLUMN audit_log.prev_hash IS 'hash of the row before this one in the same hall (site_id NULL: its own chain); NULL for the first';
COMMENT ON COLUMN audit_log.hash IS 'sha256, hex, of prev_hash and this row (audit_log_hash)';

CREATE FUNCTION audit_log_hash(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(json_build_array(r.id, r.site_id,
        (extract(epoch FROM r.occurred_at) * 1000000)::bigint, r.actor, r.action, r.target_type, r.target_id,
        r.summary, r.address, (extract(epoch FROM r.recorded_at) * 1000000)::bigint, r.prev_hash)::text, 'UTF8')), 'hex')
$$;
COMMENT ON FUNCTION audit_log_hash(audit_log) IS 'The hash of one audit row: its fields as a JSON array (times in microseconds since 1970) with prev_hash.';

-- Links each new row to the last one of its hall. The per-hall lock is held to the end of the transaction, and the
-- id is drawn under it, so on any number of nodes the rows of one hall chain in id order.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1635087464, coalesce(NEW.site_id, 0)::int);
    NEW.id := nextval('audit_log_id_seq');
    IF NEW.site_id IS NULL THEN
        SELECT hash INTO NEW.prev_hash FROM audit_log WHERE site_id IS NULL ORDER BY id DESC LIMIT 1;
    ELSE
        SELECT hash INTO NEW.prev_hash FROM audit_log WHERE site_id = NEW.site_id ORDER BY id DESC LIMIT 1;
    END IF;
    NEW.hash := audit_log_hash(NEW);
    RETURN NEW;
END;
$$;
-- named to fire after any other BEFORE INSERT trigger (they fire in name order), so the hash covers the stored row
CREATE TRIGGER audit_log_zz_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- the rows already there, hall by hall in id order
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
DO $$
DECLARE
    r audit_log;
    previous text;
    last_site bigint;
    first boolean := true;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY site_id NULLS FIRST, id LOOP
        IF first OR r.site_id IS DISTINCT FROM last_site THEN
            previous := NULL;
        END IF;
        first := false;
        last_site := r.site_id;
        r.prev_hash := previous;
        r.hash := audit_log_hash(r);
        UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous := r.hash;
    END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
