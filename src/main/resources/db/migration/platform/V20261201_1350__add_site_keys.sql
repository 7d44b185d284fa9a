-- References stay inside one hall (issue 12, item 13): an account is the target of composite foreign keys
-- (site_id, account_id), so a staff member or a notification of one hall never points at another hall's account.
ALTER TABLE accounts ADD CONSTRAINT accounts_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT accounts_site_id_id_uq ON accounts IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
