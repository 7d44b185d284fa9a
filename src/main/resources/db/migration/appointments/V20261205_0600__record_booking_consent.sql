-- Issue 20, item 5: PIPL art. 29 asks a separate consent for sensitive personal data (the ID number). A citizen's own
-- booking (web, WeChat) is refused without it; when it was given is kept with the booking. Bookings made before this
-- (and the staff's phone and walk-in bookings) have none.
ALTER TABLE bookings ADD COLUMN consent_at timestamptz;
COMMENT ON COLUMN bookings.consent_at IS 'When the citizen ticked the separate consent to the ID number (PIPL art. 29); NULL for staff bookings and older ones.';

-- "我的预约": a code sent to a phone to list its bookings, not to book an item.
ALTER TABLE sms_challenges ADD COLUMN purpose text NOT NULL DEFAULT 'BOOK'
    CONSTRAINT sms_challenges_purpose_len CHECK (char_length(purpose) <= 8)
    CONSTRAINT sms_challenges_purpose_known CHECK (purpose IN ('BOOK', 'MINE'));
COMMENT ON COLUMN sms_challenges.purpose IS 'BOOK: the code books the item; MINE: the code opens the phone''s list of bookings (我的预约).';
