-- Issue 12, items 4 and 13 together: the item an SMS code was sent for is an item of the code's own hall.
ALTER TABLE sms_challenges DROP CONSTRAINT sms_challenges_item_id_fkey;
ALTER TABLE sms_challenges ADD CONSTRAINT sms_challenges_item_fk
    FOREIGN KEY (site_id, item_id) REFERENCES service_items (site_id, id);
