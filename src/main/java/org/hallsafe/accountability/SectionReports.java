package org.hallsafe.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hallsafe.accountability.FeedbackForms.ReportForm;
import org.hallsafe.incident.Incidents;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.Measures;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sections' daily reports (信息反馈制度, R-REQ-1): who must report today and how each stands, the report form
 * prefilled from the section's column of the responsibility matrix and the day's incidents, and the submission. A
 * section head reports for their own section, for today only: a report is never written for another day.
 */
@Service
class SectionReports {

    /** One section's report of a day: its state, and the report once there is one. */
    record Line(DepartmentView section, ReportTimes.State state, Long reportId, Instant submittedAt,
            String submittedName, boolean hasRequest) {
    }

    /** One measure's figures in a section's column. */
    record Figure(String measureCode, int done, int due, int overdue) {
    }

    /** The form's prefilled part: what the section's records already say today. */
    record Prefill(DepartmentView section, LocalDate day, List<Figure> figures, int incidentsToday, int incidentsOpen,
            ReportTimes times, ReportTimes.State state) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final StaffDirectory staff;
    private final Measures measures;
    private final Incidents incidents;
    private final HallCalendar calendar;
    private final ActivityLog activity;
    private final LiveUpdates live;

    SectionReports(JdbcClient jdbc, Clock clock, Directory directory, StaffDirectory staff, Measures measures,
            Incidents incidents, HallCalendar calendar, ActivityLog activity, LiveUpdates live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.staff = staff;
        this.measures = measures;
        this.incidents = incidents;
        this.calendar = calendar;
        this.activity = activity;
        this.live = live;
    }

    // ---- the hall's times

    @Transactional(readOnly = true)
    ReportTimes times(long siteId) {
        return jdbc.sql("SELECT remind_at, due_at FROM feedback_settings WHERE site_id = :site").param("site", siteId)
                .query((rs, n) -> new ReportTimes(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime()))
                .optional().orElse(ReportTimes.DEFAULT);
    }

    @Transactional
    void saveTimes(long siteId, LocalTime remindAt, LocalTime dueAt) {
        if (!remindAt.isBefore(dueAt)) {
            throw new InvalidInputException("remindAt", "feedback.times.order");
        }
        jdbc.sql("""
                INSERT INTO feedback_settings (site_id, remind_at, due_at, updated_at, updated_by)
                VALUES (:site, :remind, :due, :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET remind_at = excluded.remind_at, due_at = excluded.due_at,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("site", siteId).param("remind", remindAt).param("due", dueAt).param("now", now())
                .param("by", SignedIn.actor()).update();
        activity.record("UPDATED", "feedback-settings", siteId, remindAt + " / " + dueAt);
    }

    // ---- the day

    /** Every section of the hall and how its report of {@code day} stands now. */
    @Transactional(readOnly = true)
    List<Line> day(long siteId, LocalDate day) {
        ReportTimes times = times(siteId);
        boolean working = calendar.isWorkingDay(siteId, day);
        LocalDateTime now = LocalDateTime.now(clock);
        record Row(long sectionId, long id, Instant at, String name, boolean late, boolean request) {
        }
        Map<Long, Row> rows = jdbc.sql("""
                SELECT department_id, id, submitted_at, submitted_name, late, request <> '' FROM section_reports
                WHERE site_id = :site AND day = :day""")
                .param("site", siteId).param("day", day)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list().stream().collect(Collectors.toMap(Row::sectionId, Function.identity()));
        return sections(siteId).stream().map(s -> {
            Row r = rows.get(s.id());
            ReportTimes.State state = times.state(day, working, r != null, r != null && r.late(), now);
            return r == null ? new Line(s, state, null, null, null, false)
                    : new Line(s, state, r.id(), r.at(), r.name(), r.request());
        }).toList();
    }

    /** The sections that report daily: every section of the hall (not the bureau's units). */
    List<DepartmentView> sections(long siteId) {
        return directory.departments(siteId, DepartmentKind.SECTION, "", false);
    }

    // ---- the form

    /** The signed-in person's own section, if their account belongs to a staff member of one. */
    Optional<DepartmentView> ownSection(SignedIn who) {
        return staff.byAccount(who.siteId(), who.accountId()).map(StaffView::departmentId)
                .map(id -> directory.department(who.siteId(), id))
                .filter(d -> d.kind() == DepartmentKind.SECTION && !d.retired());
    }

    /** Today's report of the section, if it was submitted. */
    @Transactional(readOnly = true)
    Optional<Long> submittedToday(long siteId, long sectionId) {
        return jdbc.sql("SELECT id FROM section_reports WHERE site_id = :site AND department_id = :section AND day = :day")
                .param("site", siteId).param("section", sectionId).param("day", LocalDate.now(clock))
                .query(Long.class).optional();
    }

    /** The section's column of today's matrix and the day's incidents: what the form starts from. */
    @Transactional(readOnly = true)
    Prefill prefill(long siteId, DepartmentView section) {
        LocalDate day = LocalDate.now(clock);
        Measures.Matrix matrix = measures.matrix(siteId, List.of(section));
        List<Figure> figures = matrix.rows().stream()
                .filter(row -> row.cells().get(0).responsible())
                .map(row -> row.cells().get(0).status()
                        .map(s -> new Figure(row.measure().code(), s.done(), s.due(), s.overdue()))
                        .orElse(new Figure(row.measure().code(), 0, 0, 0)))
                .toList();
        ReportTimes times = times(siteId);
        ReportTimes.State state = times.state(day, calendar.isWorkingDay(siteId, day), false, false,
                LocalDateTime.now(clock));
        return new Prefill(section, day, figures, incidentsOn(siteId, day), incidents.openCount(siteId), times, state);
    }

    private int incidentsOn(long siteId, LocalDate day) {
        return (int) incidents.list(siteId, null, 500).stream()
                .filter(i -> i.reportedAt().atZone(clock.getZone()).toLocalDate().equals(day)).count();
    }

    /** Submits today's report of the person's own section, once; after the hall's due time it is marked late. */
    @Transactional
    long submit(SignedIn who, ReportForm form) {
        DepartmentView section = ownSection(who).orElseThrow(() -> new InvalidInputException("problems", "feedback.noSection"));
        String request = text(form.request());
        Long requestTo = request.isEmpty() ? null : form.requestTo();
        if (requestTo != null) {
            try {
                DepartmentView to = directory.department(who.siteId(), requestTo);
                if (to.retired() || to.id() == section.id()) {
                    throw new InvalidInputException("requestTo", "feedback.requestTo.unknown");
                }
            } catch (NotFoundException e) {
                throw new InvalidInputException("requestTo", "feedback.requestTo.unknown");
            }
        }
        Prefill prefill = prefill(who.siteId(), section);
        LocalDateTime now = LocalDateTime.now(clock);
        boolean late = prefill.times().late(prefill.day(), now);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO section_reports (site_id, department_id, day, problems, request, request_to, incidents_today,
                    incidents_open, late, submitted_at, submitted_by, submitted_name)
                VALUES (:site, :section, :day, :problems, :request, :to, :today, :open, :late, :now, :by, :name)
                ON CONFLICT (site_id, department_id, day) DO NOTHING RETURNING id""")
                .param("site", who.siteId()).param("section", section.id()).param("day", prefill.day())
                .param("problems", text(form.problems())).param("request", request).param("to", requestTo)
                .param("today", prefill.incidentsToday()).param("open", prefill.incidentsOpen()).param("late", late)
                .param("now", now()).param("by", who.username())
                .param("name", PlainText.Rules.truncate(who.displayName(), 100))
                .query(Long.class).optional();
        long report = id.orElseThrow(() -> new InvalidInputException("problems", "feedback.report.already"));
        for (Figure f : prefill.figures()) {
            jdbc.sql("""
                    INSERT INTO section_report_figures (site_id, report_id, measure_code, done, due, overdue)
                    VALUES (:site, :report, :code, :done, :due, :overdue)""")
                    .param("site", who.siteId()).param("report", report).param("code", f.measureCode())
                    .param("done", f.done()).param("due", f.due()).param("overdue", f.overdue()).update();
        }
        activity.record("CREATED", "section-report", report, section.name() + (late ? " late" : ""));
        live.publishToSite(who.siteId(), "feedback");
        return report;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
