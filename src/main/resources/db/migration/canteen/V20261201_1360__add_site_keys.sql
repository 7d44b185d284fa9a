-- References stay inside one hall (issue 12, item 13): certificates and deliveries belong to a supplier of their own
-- hall, the items of a delivery to the delivery's hall, and the canteen door admits staff of its own hall.

ALTER TABLE suppliers ADD CONSTRAINT suppliers_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT suppliers_site_id_id_uq ON suppliers IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
ALTER TABLE purchases ADD CONSTRAINT purchases_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT purchases_site_id_id_uq ON purchases IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE supplier_certificates ADD COLUMN site_id bigint;
UPDATE supplier_certificates c SET site_id = s.site_id FROM suppliers s WHERE s.id = c.supplier_id;
ALTER TABLE supplier_certificates ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE supplier_certificates DROP CONSTRAINT supplier_certificates_supplier_id_fkey;
ALTER TABLE supplier_certificates ADD CONSTRAINT supplier_certificates_supplier_fk
    FOREIGN KEY (site_id, supplier_id) REFERENCES suppliers (site_id, id);

ALTER TABLE purchases DROP CONSTRAINT purchases_supplier_id_fkey;
ALTER TABLE purchases ADD CONSTRAINT purchases_supplier_fk
    FOREIGN KEY (site_id, supplier_id) REFERENCES suppliers (site_id, id);

ALTER TABLE purchase_items ADD COLUMN site_id bigint;
UPDATE purchase_items i SET site_id = p.site_id FROM purchases p WHERE p.id = i.purchase_id;
ALTER TABLE purchase_items ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE purchase_items DROP CONSTRAINT purchase_items_purchase_id_fkey;
ALTER TABLE purchase_items ADD CONSTRAINT purchase_items_purchase_fk
    FOREIGN KEY (site_id, purchase_id) REFERENCES purchases (site_id, id);

ALTER TABLE canteen_entries ADD CONSTRAINT canteen_entries_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
