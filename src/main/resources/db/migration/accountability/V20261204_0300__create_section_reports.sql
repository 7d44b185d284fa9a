-- Issue 16, item 3 (信息反馈制度, R-REQ-1): each section's daily report to the leadership group, prefilled from the
-- section's column of the responsibility matrix; problems and a request addressed to another section or the group;
-- replies in a thread, read receipts, reminders sent once. A hall sets when reports are reminded and due.

CREATE TABLE feedback_settings (
    site_id     bigint      PRIMARY KEY REFERENCES sites (id),
    remind_at   time        NOT NULL DEFAULT '16:30',
    due_at      time        NOT NULL DEFAULT '17:00',
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL CONSTRAINT feedback_settings_updated_by_len CHECK (char_length(updated_by) <= 100),
    CONSTRAINT feedback_settings_order CHECK (remind_at < due_at)
);
COMMENT ON TABLE feedback_settings IS 'When a hall''s section reports are reminded and due; a hall without a row uses 16:30 and 17:00.';

CREATE TABLE section_reports (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES sites (id),
    department_id   bigint      NOT NULL,
    day             date        NOT NULL,
    problems        text        NOT NULL DEFAULT '' CONSTRAINT section_reports_problems_len CHECK (char_length(problems) <= 1000),
    request         text        NOT NULL DEFAULT '' CONSTRAINT section_reports_request_len CHECK (char_length(request) <= 1000),
    request_to      bigint,
    incidents_today integer     NOT NULL DEFAULT 0,
    incidents_open  integer     NOT NULL DEFAULT 0,
    late            boolean     NOT NULL DEFAULT false,
    submitted_at    timestamptz NOT NULL,
    submitted_by    text        NOT NULL CONSTRAINT section_reports_submitted_by_len CHECK (char_length(submitted_by) <= 100),
    submitted_name  text        NOT NULL CONSTRAINT section_reports_submitted_name_len CHECK (char_length(submitted_name) <= 100),
    CONSTRAINT section_reports_site_id_id_uq UNIQUE (site_id, id),
    CONSTRAINT section_reports_one_a_day UNIQUE (site_id, department_id, day),
    CONSTRAINT section_reports_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id),
    CONSTRAINT section_reports_request_to_fk FOREIGN KEY (site_id, request_to) REFERENCES departments (site_id, id)
);
COMMENT ON TABLE section_reports IS 'A section''s daily report (one per section and day); request_to null with a request means the leadership group.';
COMMENT ON COLUMN section_reports.late IS 'Submitted after the hall''s due time: shown as late in every list.';
COMMENT ON CONSTRAINT section_reports_one_a_day ON section_reports IS 'One report per section and day; also serves the day''s list and the overdue count.';
CREATE INDEX section_reports_request_to_idx ON section_reports (site_id, request_to, day) WHERE request_to IS NOT NULL;
COMMENT ON INDEX section_reports_request_to_idx IS 'Requests addressed to a section, on its /feedback page.';

CREATE TABLE section_report_figures (
    site_id      bigint  NOT NULL,
    report_id    bigint  NOT NULL,
    measure_code text    NOT NULL CONSTRAINT section_report_figures_measure_code_len CHECK (char_length(measure_code) <= 20),
    done         integer NOT NULL,
    due          integer NOT NULL,
    overdue      integer NOT NULL,
    PRIMARY KEY (report_id, measure_code),
    CONSTRAINT section_report_figures_report_fk FOREIGN KEY (site_id, report_id) REFERENCES section_reports (site_id, id)
);
COMMENT ON TABLE section_report_figures IS 'The section''s column of the matrix as it stood when the report was submitted.';

CREATE TABLE section_report_replies (
    id          bigserial   PRIMARY KEY,
    site_id     bigint      NOT NULL,
    report_id   bigint      NOT NULL,
    body        text        NOT NULL CONSTRAINT section_report_replies_body_len CHECK (char_length(body) <= 1000),
    written_at  timestamptz NOT NULL,
    written_by  text        NOT NULL CONSTRAINT section_report_replies_written_by_len CHECK (char_length(written_by) <= 100),
    writer_name text        NOT NULL CONSTRAINT section_report_replies_writer_name_len CHECK (char_length(writer_name) <= 100),
    CONSTRAINT section_report_replies_report_fk FOREIGN KEY (site_id, report_id) REFERENCES section_reports (site_id, id)
);
COMMENT ON TABLE section_report_replies IS 'The thread under a report, oldest first.';
CREATE INDEX section_report_replies_report_idx ON section_report_replies (report_id, written_at);
COMMENT ON INDEX section_report_replies_report_idx IS 'A report''s thread in order.';

CREATE TABLE section_report_reads (
    site_id     bigint      NOT NULL,
    report_id   bigint      NOT NULL,
    account_id  bigint      NOT NULL,
    reader_name text        NOT NULL CONSTRAINT section_report_reads_reader_name_len CHECK (char_length(reader_name) <= 100),
    read_at     timestamptz NOT NULL,
    PRIMARY KEY (report_id, account_id),
    CONSTRAINT section_report_reads_report_fk FOREIGN KEY (site_id, report_id) REFERENCES section_reports (site_id, id)
);
COMMENT ON TABLE section_report_reads IS 'Read receipts: who first opened a report, and when.';

CREATE TABLE section_report_reminders (
    site_id       bigint      NOT NULL,
    department_id bigint      NOT NULL,
    day           date        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('REMIND', 'OVERDUE')),
    claimed_at    timestamptz NOT NULL,
    PRIMARY KEY (site_id, department_id, day, kind),
    CONSTRAINT section_report_reminders_department_fk FOREIGN KEY (site_id, department_id) REFERENCES departments (site_id, id)
);
COMMENT ON TABLE section_report_reminders IS 'A reminder (or the overdue notice) claimed once per section and day, so several nodes send it once.';

CREATE TABLE briefings (
    id          bigserial   PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    day         date        NOT NULL,
    remarks     text        NOT NULL DEFAULT '' CONSTRAINT briefings_remarks_len CHECK (char_length(remarks) <= 2000),
    snapshot    text        CONSTRAINT briefings_snapshot_len CHECK (char_length(snapshot) <= 200000),
    sent_at     timestamptz,
    sent_by     text        CONSTRAINT briefings_sent_by_len CHECK (char_length(sent_by) <= 100),
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL CONSTRAINT briefings_updated_by_len CHECK (char_length(updated_by) <= 100),
    CONSTRAINT briefings_one_a_day UNIQUE (site_id, day),
    CONSTRAINT briefings_sent_whole CHECK ((sent_at IS NULL) = (snapshot IS NULL))
);
COMMENT ON TABLE briefings IS 'The daily briefing (每日防控工作日报): the office''s remarks, and once sent the figures as they stood (JSON), so history does not move.';
COMMENT ON CONSTRAINT briefings_one_a_day ON briefings IS 'One briefing per hall and day; also serves the history by day.';
