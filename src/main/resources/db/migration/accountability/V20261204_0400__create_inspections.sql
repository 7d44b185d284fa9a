-- Unannounced inspections (督查, issue 16 item 5; R-REQ-3): the leadership group plans one, hidden from everyone
-- else until it is carried out; a checklist per measure of the plan; each item recorded on the spot (pass or
-- finding, a note, a photo, the place and the section); a finding becomes a rectification (整改) of its owner
-- section with a deadline, fixed with evidence, re-checked by the inspector and closed, or sent back.

CREATE TABLE inspections (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES sites (id),
    title           text        NOT NULL CONSTRAINT inspections_title_len CHECK (char_length(title) <= 60),
    planned_on      date        NOT NULL,
    state           text        NOT NULL DEFAULT 'PLANNED' CHECK (state IN ('PLANNED', 'CARRIED_OUT')),
    planned_at      timestamptz NOT NULL,
    planned_by      text        NOT NULL CONSTRAINT inspections_planned_by_len CHECK (char_length(planned_by) <= 100),
    carried_out_at  timestamptz,
    carried_out_by  text        CONSTRAINT inspections_carried_out_by_len CHECK (char_length(carried_out_by) <= 100),
    CONSTRAINT inspections_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT inspections_carried_out_ck CHECK ((state = 'CARRIED_OUT') = (carried_out_at IS NOT NULL))
);
COMMENT ON TABLE inspections IS 'Unannounced inspections of the leadership group: planned (seen only by those who run inspections), then carried out.';
COMMENT ON CONSTRAINT inspections_site_id_id_uq ON inspections IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
CREATE INDEX inspections_site_day_idx ON inspections (site_id, planned_on DESC);

CREATE TABLE inspection_items (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL,
    inspection_id   bigint      NOT NULL,
    position        int         NOT NULL CHECK (position BETWEEN 1 AND 200),
    measure_code    text        NOT NULL CONSTRAINT inspection_items_measure_code_len CHECK (char_length(measure_code) <= 10),
    item            text        NOT NULL CONSTRAINT inspection_items_item_len CHECK (char_length(item) <= 120),
    result          text        CHECK (result IN ('PASS', 'FINDING')),
    note            text        NOT NULL DEFAULT '' CONSTRAINT inspection_items_note_len CHECK (char_length(note) <= 500),
    place           text        NOT NULL DEFAULT '' CONSTRAINT inspection_items_place_len CHECK (char_length(place) <= 60),
    department_id   bigint,
    due_on          date,
    recorded_at     timestamptz,
    recorded_by     text        CONSTRAINT inspection_items_recorded_by_len CHECK (char_length(recorded_by) <= 100),
    CONSTRAINT inspection_items_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT inspection_items_position_uq UNIQUE (inspection_id, position),
    CONSTRAINT inspection_items_inspection_fk FOREIGN KEY (site_id, inspection_id) REFERENCES inspections (site_id, id),
    CONSTRAINT inspection_items_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id),
    CONSTRAINT inspection_items_finding_ck CHECK (result IS DISTINCT FROM 'FINDING' OR (department_id IS NOT NULL AND due_on IS NOT NULL))
);
COMMENT ON TABLE inspection_items IS 'An inspection''s checklist, seeded from the plan''s measures: each item passed or a finding, with note, place, section and (for a finding) the deadline of its rectification.';
COMMENT ON CONSTRAINT inspection_items_site_id_id_uq ON inspection_items IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';

CREATE TABLE rectifications (
    id                   bigserial   PRIMARY KEY,
    site_id              bigint      NOT NULL,
    item_id              bigint      NOT NULL,
    department_id        bigint      NOT NULL,
    due_on               date        NOT NULL,
    state                text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'FIXED', 'CLOSED')),
    opened_at            timestamptz NOT NULL,
    fix_note             text        NOT NULL DEFAULT '' CONSTRAINT rectifications_fix_note_len CHECK (char_length(fix_note) <= 500),
    fixed_at             timestamptz,
    fixed_by             text        CONSTRAINT rectifications_fixed_by_len CHECK (char_length(fixed_by) <= 100),
    check_note           text        NOT NULL DEFAULT '' CONSTRAINT rectifications_check_note_len CHECK (char_length(check_note) <= 500),
    checked_at           timestamptz,
    checked_by           text        CONSTRAINT rectifications_checked_by_len CHECK (char_length(checked_by) <= 100),
    sent_back            int         NOT NULL DEFAULT 0 CHECK (sent_back >= 0),
    closed_at            timestamptz,
    overdue_incident_id  bigint,
    CONSTRAINT rectifications_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT rectifications_item_uq UNIQUE (site_id, item_id),
    CONSTRAINT rectifications_item_fk FOREIGN KEY (site_id, item_id) REFERENCES inspection_items (site_id, id),
    CONSTRAINT rectifications_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id),
    CONSTRAINT rectifications_closed_ck CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
);
COMMENT ON TABLE rectifications IS 'Rectifications (整改): one per finding, owned by a section with a deadline; OPEN, FIXED (evidence recorded), CLOSED after the re-check; an overdue one raises one incident.';
COMMENT ON CONSTRAINT rectifications_site_id_id_uq ON rectifications IS 'What the composite foreign keys (site_id, x_id) of other tables point at: a reference never leaves its hall.';
CREATE INDEX rectifications_open_idx ON rectifications (site_id, state, due_on) WHERE state <> 'CLOSED';
CREATE INDEX rectifications_department_idx ON rectifications (site_id, department_id);

CREATE TABLE inspection_photos (
    id                 bigserial PRIMARY KEY,
    site_id            bigint    NOT NULL,
    item_id            bigint,
    rectification_id   bigint,
    content_type       text      NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes              bytea     NOT NULL,
    CONSTRAINT inspection_photos_item_fk FOREIGN KEY (site_id, item_id) REFERENCES inspection_items (site_id, id),
    CONSTRAINT inspection_photos_rectification_fk FOREIGN KEY (site_id, rectification_id) REFERENCES rectifications (site_id, id),
    CONSTRAINT inspection_photos_one_owner_ck CHECK ((item_id IS NULL) <> (rectification_id IS NULL))
);
COMMENT ON TABLE inspection_photos IS 'Photos as proof: of a finding (item_id) or of its fix (rectification_id), as uploaded; the type told by the first bytes.';
CREATE INDEX inspection_photos_item_idx ON inspection_photos (site_id, item_id);
CREATE INDEX inspection_photos_rectification_idx ON inspection_photos (site_id, rectification_id);
