-- Issue 18, item 5 (see V20261204_0909): the one-time sign-in links of issue 16 get their key of site_id and id.
ALTER TABLE sign_in_links ADD CONSTRAINT sign_in_links_hall_key_uq UNIQUE (site_id, id);
