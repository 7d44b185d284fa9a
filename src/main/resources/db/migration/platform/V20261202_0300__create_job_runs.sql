-- Issue 19, item 4: one row per run of a scheduled job on a node, for the bureau administrator's page /admin/jobs.
-- Bureau-wide, so no site_id: a job serves every hall at once, and no hall's account reads this table.
CREATE TABLE job_runs (
    id          bigserial   PRIMARY KEY,
    job_name    text        NOT NULL CONSTRAINT job_runs_job_name_len CHECK (char_length(job_name) <= 100),
    node        text        NOT NULL CONSTRAINT job_runs_node_len CHECK (char_length(node) <= 100),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    duration_ms bigint      NOT NULL CHECK (duration_ms >= 0),
    outcome     text        NOT NULL CHECK (outcome IN ('OK', 'FAILED', 'TIMED_OUT')),
    error       text        CONSTRAINT job_runs_error_len CHECK (char_length(error) <= 1000)
);
COMMENT ON TABLE job_runs IS 'Runs of the scheduled jobs on every node, kept hallsafe.jobs.keep-runs-for (7 days); bureau-wide, no hall.';
COMMENT ON COLUMN job_runs.job_name IS 'Class and method of the @Scheduled method, e.g. Escalation.escalateOverdue.';
COMMENT ON COLUMN job_runs.node IS 'Host and process id of the node that ran it.';
COMMENT ON COLUMN job_runs.error IS 'A FAILED run: the exception and its root cause, without the database''s Detail line.';
CREATE INDEX job_runs_job_started_idx ON job_runs (job_name, started_at);
COMMENT ON INDEX job_runs_job_started_idx IS 'The last run of each job (/admin/jobs) and the pruning of a job''s old runs after each run.';
CREATE INDEX job_runs_failures_idx ON job_runs (started_at) WHERE outcome <> 'OK';
COMMENT ON INDEX job_runs_failures_idx IS 'The failures of the last 24 hours on /admin/jobs.';
