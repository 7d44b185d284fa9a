-- Two roles (issue 12, items 6 and 10): the role running these migrations owns every table; the application's role
-- ${app_role} reads and writes rows, may only add to and read the audit log, and cannot touch the migration history.
-- The default privileges give it the same rights on every table later migrations make. With one role for both
-- (an external database with no owner role configured) there is nothing to grant.
DO $$
BEGIN
    IF '${app_role}' = '' OR '${app_role}' = current_user THEN
        RAISE NOTICE 'one database role for migrations and application: no grants';
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${app_role}');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${app_role}');
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', '${app_role}');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', '${app_role}');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', '${app_role}');
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM %I', '${app_role}');
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', '${app_role}');
END;
$$;
