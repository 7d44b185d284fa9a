-- References stay inside one hall (issue 12, item 13): notes carry their incident's hall, and notifications and
-- notes point at an incident of their own hall only.

ALTER TABLE incidents ADD CONSTRAINT incidents_site_id_id_uq UNIQUE (site_id, id);
COMMENT ON CONSTRAINT incidents_site_id_id_uq ON incidents IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

ALTER TABLE incident_notes ADD COLUMN site_id bigint;
UPDATE incident_notes n SET site_id = i.site_id FROM incidents i WHERE i.id = n.incident_id;
ALTER TABLE incident_notes ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE incident_notes DROP CONSTRAINT incident_notes_incident_id_fkey;
ALTER TABLE incident_notes ADD CONSTRAINT incident_notes_incident_fk
    FOREIGN KEY (site_id, incident_id) REFERENCES incidents (site_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_incident_id_fkey;
ALTER TABLE notifications ADD CONSTRAINT notifications_incident_fk
    FOREIGN KEY (site_id, incident_id) REFERENCES incidents (site_id, id);

ALTER TABLE notifications ADD CONSTRAINT notifications_account_fk
    FOREIGN KEY (site_id, account_id) REFERENCES accounts (site_id, id);
