package org.hallsafe.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One submitted report: what it says, its thread of replies, and who read it when (read receipts). */
@Service
class ReportThread {

    record Report(long id, long sectionId, String sectionName, LocalDate day, String problems, String request,
            Long requestTo, String requestToName, int incidentsToday, int incidentsOpen, boolean late,
            Instant submittedAt, String submittedBy, String submittedName) {
    }

    record Reply(String body, Instant writtenAt, String writerName) {
    }

    record Read(String readerName, Instant readAt) {
    }

    /** Section names come from the organization's directory (its tables are not read here). */
    private static final String SELECT = """
            SELECT r.id, r.department_id AS section_id, '' AS section_name, r.day, r.problems, r.request, r.request_to,
                   '' AS request_to_name, r.incidents_today, r.incidents_open, r.late, r.submitted_at, r.submitted_by,
                   r.submitted_name
            FROM section_reports r""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Directory directory;

    ReportThread(JdbcClient jdbc, Clock clock, ActivityLog activity, LiveUpdates live, Directory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.live = live;
    }

    @Transactional(readOnly = true)
    Report get(long siteId, long id) {
        return jdbc.sql(SELECT + " WHERE r.site_id = :site AND r.id = :id").param("site", siteId).param("id", id)
                .query(Report.class).optional().map(r -> named(siteId, List.of(r)).get(0))
                .orElseThrow(() -> NotFoundException.of("report", id));
    }

    /** The reports of a day, in the sections' order: for the briefing. */
    @Transactional(readOnly = true)
    List<Report> ofDay(long siteId, LocalDate day) {
        return named(siteId, jdbc.sql(SELECT + " WHERE r.site_id = :site AND r.day = :day ORDER BY r.department_id")
                .param("site", siteId).param("day", day).query(Report.class).list());
    }

    /** Requests addressed to a section in the last week, newest first. */
    @Transactional(readOnly = true)
    List<Report> requestsTo(long siteId, long sectionId, LocalDate today) {
        return named(siteId, jdbc.sql(SELECT + " WHERE r.site_id = :site AND r.request_to = :section AND r.day > :since ORDER BY r.id DESC")
                .param("site", siteId).param("section", sectionId).param("since", today.minusDays(7))
                .query(Report.class).list());
    }

    private List<Report> named(long siteId, List<Report> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<Long, String> names = directory.departments(siteId, null, "", true).stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
        return reports.stream().map(r -> new Report(r.id(), r.sectionId(), names.getOrDefault(r.sectionId(), ""),
                r.day(), r.problems(), r.request(), r.requestTo(),
                r.requestTo() == null ? null : names.getOrDefault(r.requestTo(), ""), r.incidentsToday(),
                r.incidentsOpen(), r.late(), r.submittedAt(), r.submittedBy(), r.submittedName())).toList();
    }

    @Transactional(readOnly = true)
    List<SectionReports.Figure> figures(long siteId, long id) {
        return jdbc.sql("""
                SELECT measure_code, done, due, overdue FROM section_report_figures
                WHERE site_id = :site AND report_id = :id ORDER BY measure_code""")
                .param("site", siteId).param("id", id).query(SectionReports.Figure.class).list();
    }

    @Transactional(readOnly = true)
    List<Reply> replies(long siteId, long id) {
        return jdbc.sql("""
                SELECT body, written_at, writer_name FROM section_report_replies
                WHERE site_id = :site AND report_id = :id ORDER BY written_at, id""")
                .param("site", siteId).param("id", id).query(Reply.class).list();
    }

    @Transactional
    void reply(SignedIn who, long id, String body) {
        Report report = get(who.siteId(), id);
        jdbc.sql("""
                INSERT INTO section_report_replies (site_id, report_id, body, written_at, written_by, writer_name)
                VALUES (:site, :id, :body, :now, :by, :name)""")
                .param("site", who.siteId()).param("id", report.id()).param("body", body.strip())
                .param("now", Timestamp.from(clock.instant())).param("by", who.username())
                .param("name", PlainText.Rules.truncate(who.displayName(), 100)).update();
        activity.record("REPLIED", "section-report", id, null);
        live.publishToSite(who.siteId(), "feedback");
    }

    @Transactional(readOnly = true)
    List<Read> reads(long siteId, long id) {
        return jdbc.sql("""
                SELECT reader_name, read_at FROM section_report_reads WHERE site_id = :site AND report_id = :id
                ORDER BY read_at""")
                .param("site", siteId).param("id", id).query(Read.class).list();
    }

    /** The first opening by anyone but its writer is the read receipt; later openings change nothing. */
    @Transactional
    void markRead(SignedIn who, Report report) {
        if (who.username().equals(report.submittedBy())) {
            return;
        }
        jdbc.sql("""
                INSERT INTO section_report_reads (site_id, report_id, account_id, reader_name, read_at)
                VALUES (:site, :id, :account, :name, :now) ON CONFLICT DO NOTHING""")
                .param("site", who.siteId()).param("id", report.id()).param("account", who.accountId())
                .param("name", PlainText.Rules.truncate(who.displayName(), 100))
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
