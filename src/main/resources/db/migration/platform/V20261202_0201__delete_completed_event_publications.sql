-- Issue 19, item 3: Spring Modulith now deletes a publication once every listener handled it
-- (spring.modulith.events.completion-mode=delete), so the retention job no longer prunes the registry; the completed
-- rows kept so far go once here.
DELETE FROM event_publication WHERE completion_date IS NOT NULL;
