-- Audit: an append-only log of sign-ins, changes and reads of personal data.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    site_id     bigint,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target_type text,
    target_id   text,
    summary     text,
    address     text        NOT NULL DEFAULT '',
    recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE audit_log IS 'Who did what, when and from where. Rows can be added, never changed or deleted (see the triggers).';
CREATE INDEX audit_log_site_id_idx ON audit_log (site_id, id DESC);
COMMENT ON INDEX audit_log_site_id_idx IS 'The audit page: one hall, newest first, keyset paging on id.';
CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor), id DESC);
COMMENT ON INDEX audit_log_actor_idx IS 'The audit page filtered by who did it.';

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
