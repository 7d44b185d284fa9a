-- Organization (R-ORG-1, R-ORG-2): halls, sections and bureau units, service windows, staff, the leadership
-- group, and who owns each measure of the plan. Retired rows stay: their history still points at them.

CREATE TABLE sites (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL,
    name       text        NOT NULL,
    address    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    updated_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);
COMMENT ON TABLE sites IS 'Government service halls; every other row belongs to one.';
CREATE UNIQUE INDEX sites_code_uq ON sites (lower(code));
COMMENT ON INDEX sites_code_uq IS 'Sites are referred to by a short code; it is unique.';
INSERT INTO sites (code, name) VALUES ('main', '市政务服务大厅');

CREATE TABLE departments (
    id         bigserial PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    kind       text        NOT NULL CHECK (kind IN ('SECTION','UNIT')),
    name       text        NOT NULL,
    phone      text        NOT NULL DEFAULT '',
    duties     text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    updated_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);
COMMENT ON TABLE departments IS 'Sections of the bureau (科室) and bureau units (局属单位).';
CREATE UNIQUE INDEX departments_name_uq ON departments (site_id, name) WHERE retired_at IS NULL;
COMMENT ON INDEX departments_name_uq IS 'Two active sections of one hall never share a name; the list sorts by it.';

CREATE TABLE service_windows (
    id         bigserial PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    number     int         NOT NULL CHECK (number BETWEEN 1 AND 999),
    name       text        NOT NULL,
    area       text        NOT NULL DEFAULT '',
    section_id bigint REFERENCES departments (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    updated_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);
COMMENT ON TABLE service_windows IS 'Service windows (窗口) of the hall, each run by a section.';
CREATE UNIQUE INDEX service_windows_number_uq ON service_windows (site_id, number) WHERE retired_at IS NULL;
COMMENT ON INDEX service_windows_number_uq IS 'Window numbers are what citizens see: unique among a hall''s active windows; the list sorts by them.';

CREATE TABLE staff (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES sites (id),
    name             text        NOT NULL,
    card_no          text        NOT NULL,
    department_id    bigint REFERENCES departments (id),
    window_id        bigint REFERENCES service_windows (id),
    job_title        text        NOT NULL DEFAULT '',
    phone_cipher     bytea,
    phone_hash       bytea,
    phone_masked     text,
    id_number_cipher bytea,
    id_number_hash   bytea,
    id_number_masked text,
    account_id       bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text        NOT NULL DEFAULT 'system',
    updated_at       timestamptz NOT NULL DEFAULT now(),
    retired_at       timestamptz,
    CHECK (department_id IS NOT NULL OR window_id IS NOT NULL)
);
COMMENT ON TABLE staff IS 'Bureau, hall-window and canteen staff. Phone and ID numbers are SM4 cipher text, an HMAC-SM3 for look-up, and the masked form; never plain text.';
CREATE UNIQUE INDEX staff_card_no_uq ON staff (site_id, lower(card_no));
COMMENT ON INDEX staff_card_no_uq IS 'The gate and the canteen door find staff by card number; a number is never given twice, not even after retirement.';
CREATE INDEX staff_phone_hash_idx ON staff (phone_hash);
COMMENT ON INDEX staff_phone_hash_idx IS 'Exact look-up of a staff member by phone number through its keyed hash.';
CREATE INDEX staff_id_number_hash_idx ON staff (id_number_hash);
COMMENT ON INDEX staff_id_number_hash_idx IS 'Exact look-up of a staff member by ID number through its keyed hash.';
CREATE INDEX staff_site_name_idx ON staff (site_id, name);
COMMENT ON INDEX staff_site_name_idx IS 'The staff list of one hall sorted by name, and search by name prefix.';
CREATE UNIQUE INDEX staff_account_uq ON staff (account_id) WHERE account_id IS NOT NULL;
COMMENT ON INDEX staff_account_uq IS 'An account belongs to one staff member at most; finds the staff member of the signed-in user.';

CREATE TABLE leadership_members (
    id         bigserial PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    staff_id   bigint      NOT NULL REFERENCES staff (id),
    role       text        NOT NULL CHECK (role IN ('LEADER','DEPUTY','MEMBER','OFFICE_DIRECTOR','OFFICE_MEMBER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    updated_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);
COMMENT ON TABLE leadership_members IS 'The epidemic prevention leadership group (领导小组) and its office (领导小组办公室).';
CREATE UNIQUE INDEX leadership_members_staff_uq ON leadership_members (site_id, staff_id) WHERE retired_at IS NULL;
COMMENT ON INDEX leadership_members_staff_uq IS 'A person holds one place in the group at a time.';
CREATE UNIQUE INDEX leadership_members_single_uq ON leadership_members (site_id, role)
    WHERE retired_at IS NULL AND role IN ('LEADER','OFFICE_DIRECTOR');
COMMENT ON INDEX leadership_members_single_uq IS 'One leader (组长) and one office director per hall.';

CREATE TABLE measure_owners (
    site_id       bigint NOT NULL REFERENCES sites (id),
    measure_code  text   NOT NULL,
    department_id bigint NOT NULL REFERENCES departments (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL DEFAULT 'system',
    PRIMARY KEY (site_id, measure_code, department_id)
);
COMMENT ON TABLE measure_owners IS 'The responsible sections (责任科室) of each measure of the plan, per hall; an admin can change them.';
