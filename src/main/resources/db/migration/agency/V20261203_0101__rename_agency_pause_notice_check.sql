-- The bound of agency_pauses.notice_text is named after its column, as every text bound is (<table>_<column>_len):
-- the guard test that probes each bound finds it by that name.
ALTER TABLE agency_pauses RENAME CONSTRAINT agency_pauses_notice_len TO agency_pauses_notice_text_len;
