-- The bureau's administrator manages the halls; a hall's administrator manages only their hall.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('BUREAU_ADMIN','ADMIN','LEADER','OFFICE','SECTION_HEAD','SCREENER','STAFF','CANTEEN'));
-- an installation that already has administrators: the first of them becomes the bureau's
UPDATE accounts SET role = 'BUREAU_ADMIN'
WHERE id = (SELECT min(id) FROM accounts WHERE role = 'ADMIN' AND NOT demo);
