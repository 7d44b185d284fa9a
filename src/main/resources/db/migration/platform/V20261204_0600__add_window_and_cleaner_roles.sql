-- Issue 16, item 8: the plan's work needs two roles the hall lacked: window staff (窗口工作人员), who serve citizens
-- at a window, and cleaners (保洁员), who disinfect the hall's zones and take the waste away.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('BUREAU_ADMIN','ADMIN','LEADER','OFFICE','SECTION_HEAD','SCREENER','STAFF','CANTEEN','WINDOW','CLEANER'));
