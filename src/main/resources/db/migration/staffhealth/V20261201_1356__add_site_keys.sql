-- References stay inside one hall (issue 12, item 13): checks, leaving and returning, masks, hand hygiene and
-- reminders belong to a staff member (and a window, a gate reading, an incident) of their own hall.

ALTER TABLE staff_checks ADD CONSTRAINT staff_checks_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
ALTER TABLE staff_checks ADD CONSTRAINT staff_checks_screening_fk
    FOREIGN KEY (site_id, screening_id) REFERENCES screenings (site_id, id);
ALTER TABLE staff_checks ADD CONSTRAINT staff_checks_incident_fk
    FOREIGN KEY (site_id, incident_id) REFERENCES incidents (site_id, id);
ALTER TABLE staff_presence ADD CONSTRAINT staff_presence_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
ALTER TABLE mask_events ADD CONSTRAINT mask_events_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
ALTER TABLE hand_events ADD CONSTRAINT hand_events_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
ALTER TABLE hand_events ADD CONSTRAINT hand_events_window_fk
    FOREIGN KEY (site_id, window_id) REFERENCES service_windows (site_id, id);
ALTER TABLE staffhealth_reminders ADD CONSTRAINT staffhealth_reminders_staff_fk
    FOREIGN KEY (site_id, staff_id) REFERENCES staff (site_id, id);
