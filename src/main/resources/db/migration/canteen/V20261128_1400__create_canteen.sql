-- Canteen (R-CAN-1..6): suppliers and their certificates (索证), the purchase inspection ledger (进货查验台账),
-- tableware disinfection, who enters the canteen, and food waste.

CREATE TABLE suppliers (
    id         bigserial PRIMARY KEY,
    site_id    bigint      NOT NULL,
    name       text        NOT NULL,
    contact    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT 'system',
    retired_at timestamptz
);
COMMENT ON TABLE suppliers IS 'Suppliers of the canteen.';
CREATE UNIQUE INDEX suppliers_name_uq ON suppliers (site_id, name) WHERE retired_at IS NULL;
COMMENT ON INDEX suppliers_name_uq IS 'A hall''s active suppliers have distinct names; lists sort by them.';

CREATE TABLE supplier_certificates (
    id          bigserial PRIMARY KEY,
    supplier_id bigint      NOT NULL REFERENCES suppliers (id),
    kind        text        NOT NULL CHECK (kind IN ('BUSINESS_LICENCE','FOOD_LICENCE','QUARANTINE')),
    number      text        NOT NULL CHECK (length(trim(number)) > 0),
    expires_on  date        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE supplier_certificates IS 'Business licence, food business licence, and quarantine certificates for meat and poultry, with expiry dates.';
CREATE INDEX supplier_certificates_supplier_idx ON supplier_certificates (supplier_id, kind, expires_on DESC);
COMMENT ON INDEX supplier_certificates_supplier_idx IS 'The newest certificate of each kind of a supplier.';

CREATE TABLE purchases (
    id                   bigserial PRIMARY KEY,
    site_id              bigint      NOT NULL,
    submission_id        uuid        NOT NULL,
    supplier_id          bigint      NOT NULL REFERENCES suppliers (id),
    delivered_on         date        NOT NULL,
    invoice_no           text        NOT NULL DEFAULT '',
    certificates_checked boolean     NOT NULL,
    inspector            text        NOT NULL,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL
);
COMMENT ON TABLE purchases IS 'A delivery: supplier, date, invoice, certificates and invoices obtained (索证索票), inspector.';
CREATE UNIQUE INDEX purchases_submission_uq ON purchases (site_id, submission_id);
COMMENT ON INDEX purchases_submission_uq IS 'A form sent twice stores one delivery.';
CREATE INDEX purchases_day_idx ON purchases (site_id, delivered_on DESC, id DESC);
COMMENT ON INDEX purchases_day_idx IS 'The purchase ledger by day, newest first.';

CREATE TABLE purchase_items (
    id             bigserial PRIMARY KEY,
    purchase_id    bigint       NOT NULL REFERENCES purchases (id),
    name           text         NOT NULL,
    category       text         NOT NULL,
    quantity       numeric(10,2) NOT NULL CHECK (quantity > 0),
    unit           text         NOT NULL,
    batch          text         NOT NULL DEFAULT '',
    produced_on    date,
    shelf_life     text         NOT NULL DEFAULT '',
    quarantine_no  text         NOT NULL DEFAULT '',
    result         text         NOT NULL CHECK (result IN ('ACCEPTED','REJECTED')),
    reason         text         NOT NULL DEFAULT '',
    CHECK (result = 'ACCEPTED' OR length(trim(reason)) > 0),
    CHECK (category <> 'POULTRY' OR length(trim(quarantine_no)) > 0)
);
COMMENT ON TABLE purchase_items IS 'Items of a delivery with the incoming inspection: accepted, or rejected with a reason; poultry always with its quarantine certificate.';
CREATE INDEX purchase_items_purchase_idx ON purchase_items (purchase_id, id);
COMMENT ON INDEX purchase_items_purchase_idx IS 'The items of a delivery in the order entered.';

CREATE TABLE tableware_disinfections (
    id            bigserial PRIMARY KEY,
    site_id       bigint       NOT NULL,
    meal          text         NOT NULL CHECK (meal IN ('BREAKFAST','LUNCH','DINNER')),
    method        text         NOT NULL CHECK (method IN ('STEAM','BOILING','CABINET','CHEMICAL')),
    concentration int,
    minutes       int          NOT NULL CHECK (minutes BETWEEN 1 AND 240),
    temperature_c int,
    done_by       text         NOT NULL,
    done_at       timestamptz  NOT NULL,
    recorded_by   text         NOT NULL,
    CHECK (method <> 'CHEMICAL' OR concentration IS NOT NULL)
);
COMMENT ON TABLE tableware_disinfections IS 'Kitchenware and tableware disinfection after each meal (R-CAN-3).';
CREATE INDEX tableware_disinfections_day_idx ON tableware_disinfections (site_id, done_at);
COMMENT ON INDEX tableware_disinfections_day_idx IS 'The day''s disinfections, per meal.';

CREATE TABLE canteen_entries (
    id           bigserial PRIMARY KEY,
    site_id      bigint      NOT NULL,
    meal         text        NOT NULL,
    staff_id     bigint,
    typed        text        NOT NULL,
    allowed      boolean     NOT NULL,
    hands_washed boolean     NOT NULL,
    at           timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
COMMENT ON TABLE canteen_entries IS 'The canteen door: staff admitted after washing hands, anyone else refused and recorded (R-CAN-4, R-CAN-5).';
CREATE INDEX canteen_entries_day_idx ON canteen_entries (site_id, at);
COMMENT ON INDEX canteen_entries_day_idx IS 'Counts per meal of a day.';

CREATE TABLE food_waste (
    id          bigserial PRIMARY KEY,
    site_id     bigint       NOT NULL,
    kg          numeric(6,2) NOT NULL CHECK (kg > 0),
    handed_to   text         NOT NULL CHECK (length(trim(handed_to)) > 0),
    at          timestamptz  NOT NULL,
    recorded_by text         NOT NULL
);
COMMENT ON TABLE food_waste IS 'Food waste handed over per the rules (R-CAN-6).';
CREATE INDEX food_waste_day_idx ON food_waste (site_id, at);
COMMENT ON INDEX food_waste_day_idx IS 'The day''s food waste.';
