-- Hygiene (R-DIS-1..3): zones and their disinfection plans, disinfections, airing, waste removal, and the handover
-- ledger of medical waste (used masks and the like).

CREATE TABLE zones (
    id                   bigserial PRIMARY KEY,
    site_id              bigint      NOT NULL,
    name                 text        NOT NULL,
    zone_type            text        NOT NULL,
    department_id        bigint,
    methods              text[]      NOT NULL,
    concentration_mg_l   int CHECK (concentration_mg_l BETWEEN 50 AND 5000),
    interval_minutes     int         NOT NULL CHECK (interval_minutes BETWEEN 30 AND 1440),
    ventilation_minutes  int CHECK (ventilation_minutes BETWEEN 30 AND 1440),
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text        NOT NULL DEFAULT 'system',
    retired_at           timestamptz
);
COMMENT ON TABLE zones IS 'Areas of the hall with their disinfection plan: methods, 84 concentration, interval, airing interval, responsible section.';
CREATE UNIQUE INDEX zones_name_uq ON zones (site_id, name) WHERE retired_at IS NULL;
COMMENT ON INDEX zones_name_uq IS 'A hall''s active zones have distinct names; lists sort by them.';

CREATE TABLE disinfections (
    id                 bigserial PRIMARY KEY,
    site_id            bigint      NOT NULL,
    submission_id      uuid        NOT NULL,
    zone_id            bigint      NOT NULL REFERENCES zones (id),
    method             text        NOT NULL CHECK (method IN ('MOP_84','SPRAY','MOXA','UV','WIPE')),
    concentration_mg_l int,
    done_at            timestamptz NOT NULL,
    done_by            text        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    CHECK (method <> 'MOP_84' OR concentration_mg_l IS NOT NULL)
);
COMMENT ON TABLE disinfections IS 'Each disinfection of a zone: how (84 with its concentration), who, when; the server stamps when it was recorded.';
CREATE UNIQUE INDEX disinfections_submission_uq ON disinfections (site_id, submission_id);
COMMENT ON INDEX disinfections_submission_uq IS 'A phone that retries stores one record.';
CREATE INDEX disinfections_zone_idx ON disinfections (zone_id, done_at DESC);
COMMENT ON INDEX disinfections_zone_idx IS 'The last disinfection of each zone, and a zone''s day timeline.';

CREATE TABLE disinfection_photos (
    disinfection_id bigint PRIMARY KEY REFERENCES disinfections (id),
    content_type    text   NOT NULL,
    bytes           bytea  NOT NULL
);
COMMENT ON TABLE disinfection_photos IS 'An optional photo of a disinfection, as proof on the spot.';

CREATE TABLE ventilations (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL,
    zone_id     bigint      NOT NULL REFERENCES zones (id),
    opened_at   timestamptz NOT NULL,
    minutes     int         NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    done_by     text        NOT NULL,
    recorded_by text        NOT NULL
);
COMMENT ON TABLE ventilations IS 'Windows opened: which zone, for how long, by whom (R-DIS-3).';
CREATE INDEX ventilations_zone_idx ON ventilations (zone_id, opened_at DESC);
COMMENT ON INDEX ventilations_zone_idx IS 'The last airing of each zone.';

CREATE TABLE waste_removals (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL,
    zone_id     bigint      NOT NULL REFERENCES zones (id),
    bags        int         NOT NULL CHECK (bags BETWEEN 1 AND 500),
    removed_at  timestamptz NOT NULL,
    done_by     text        NOT NULL,
    recorded_by text        NOT NULL
);
COMMENT ON TABLE waste_removals IS 'Hall waste taken away, from which point, how many bags (R-DIS-2).';
CREATE INDEX waste_removals_day_idx ON waste_removals (site_id, removed_at);
COMMENT ON INDEX waste_removals_day_idx IS 'The day''s waste removals.';

CREATE TABLE medical_waste_handovers (
    id            bigserial PRIMARY KEY,
    site_id       bigint       NOT NULL,
    containers    int          NOT NULL CHECK (containers BETWEEN 1 AND 500),
    weight_kg     numeric(6,2) CHECK (weight_kg > 0),
    handed_by     text         NOT NULL,
    receiver_name text         NOT NULL CHECK (length(trim(receiver_name)) > 0),
    receiver_unit text         NOT NULL CHECK (length(trim(receiver_unit)) > 0),
    handed_at     timestamptz  NOT NULL,
    recorded_by   text         NOT NULL
);
COMMENT ON TABLE medical_waste_handovers IS 'Used masks and other medical waste in sealed containers, handed to the collector: never without the receiver (R-DIS-2).';
CREATE INDEX medical_waste_handovers_day_idx ON medical_waste_handovers (site_id, handed_at);
COMMENT ON INDEX medical_waste_handovers_day_idx IS 'The handover ledger by day.';

CREATE TABLE hygiene_flags (
    site_id       bigint      NOT NULL,
    zone_id       bigint      NOT NULL REFERENCES zones (id),
    day           date        NOT NULL,
    department_id bigint,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (zone_id, day)
);
COMMENT ON TABLE hygiene_flags IS 'Zones not disinfected at all on a working day (blind spots); the job claims each flag by inserting it, so the section is told once.';
CREATE INDEX hygiene_flags_site_idx ON hygiene_flags (site_id, day DESC);
COMMENT ON INDEX hygiene_flags_site_idx IS 'The flags of a hall, newest day first.';
