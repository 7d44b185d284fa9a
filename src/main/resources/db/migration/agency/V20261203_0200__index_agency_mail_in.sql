-- An envelope in is logged once: the same carrier and tracking number logged again (a doubled click, a second scan)
-- answers the envelope logged first (issue 14, item 2).
CREATE UNIQUE INDEX agency_mail_in_tracking_uq ON agency_mail (site_id, carrier, tracking_no) WHERE direction = 'IN';
COMMENT ON INDEX agency_mail_in_tracking_uq IS 'MailRoom.logIn: INSERT .. ON CONFLICT DO NOTHING, and the look-up of the envelope logged first.';
