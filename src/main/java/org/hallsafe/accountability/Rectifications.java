package org.hallsafe.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.accountability.InspectionFlow.Rectification;
import org.hallsafe.accountability.InspectionFlow.Step;
import org.hallsafe.accountability.InspectionForms.CheckForm;
import org.hallsafe.accountability.InspectionForms.FixForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifications (整改): the owner section records the fix with evidence, the inspector re-checks it and closes it or
 * sends it back ({@link InspectionFlow}). Those who run inspections see every one; a section head sees their own
 * section's.
 */
@Service
class Rectifications {

    record Rect(long id, long inspectionId, String inspectionTitle, LocalDate inspectedOn, String measureCode,
            String item, String finding, String place, long departmentId, String departmentName, LocalDate dueOn,
            Rectification state, boolean overdue, String fixNote, Instant fixedAt, String fixedBy, String checkNote,
            Instant checkedAt, String checkedBy, int sentBack, Instant closedAt, Long findingPhotoId, Long fixPhotoId,
            Long incidentId) {
    }

    private static final String SELECT = """
            SELECT r.id, s.id AS inspection_id, s.title, s.planned_on, i.measure_code, i.item, i.note, i.place,
                   r.department_id, r.due_on, r.state, r.fix_note, r.fixed_at, r.fixed_by, r.check_note, r.checked_at,
                   r.checked_by, r.sent_back, r.closed_at, r.overdue_incident_id,
                   (SELECT max(p.id) FROM inspection_photos p WHERE p.site_id = i.site_id AND p.item_id = i.id) AS finding_photo,
                   (SELECT max(p.id) FROM inspection_photos p WHERE p.site_id = r.site_id AND p.rectification_id = r.id) AS fix_photo
            FROM rectifications r
            JOIN inspection_items i ON i.site_id = r.site_id AND i.id = r.item_id
            JOIN inspections s ON s.site_id = i.site_id AND s.id = i.inspection_id
            WHERE r.site_id = :site AND (:all OR r.department_id = :section)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final ActivityLog activity;

    Rectifications(JdbcClient jdbc, Clock clock, Directory directory, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.activity = activity;
    }

    /** The viewer's rectifications: open ones first by deadline, then the closed, newest first. */
    @Transactional(readOnly = true)
    List<Rect> list(long siteId, Viewer viewer, boolean overdueOnly) {
        Map<Long, String> sections = directory.departmentNames(siteId);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + """
                 AND (NOT :overdue OR (r.state = 'OPEN' AND r.due_on < :today))
                ORDER BY r.state = 'CLOSED', r.due_on, r.id DESC LIMIT 500""")
                .param("site", siteId).param("all", viewer.runs()).param("section", viewer.sectionId())
                .param("overdue", overdueOnly).param("today", today).query((rs, n) -> rect(rs, sections, today)).list();
    }

    /** One rectification the viewer may see; 404 otherwise. */
    @Transactional(readOnly = true)
    Rect get(long siteId, long id, Viewer viewer) {
        Map<Long, String> sections = directory.departmentNames(siteId);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " AND r.id = :id").param("site", siteId).param("all", viewer.runs())
                .param("section", viewer.sectionId()).param("id", id).query((rs, n) -> rect(rs, sections, today))
                .optional().orElseThrow(() -> NotFoundException.of("rectification", id));
    }

    /** The owner section's fix with its evidence; only an open rectification of a section the viewer may fix for. */
    @Transactional
    void fix(long siteId, long id, Viewer viewer, FixForm f, String photoType, byte[] photo) {
        Rect r = get(siteId, id, viewer);
        if (!viewer.mayFix(r.departmentId())) {
            throw NotFoundException.of("rectification", id);
        }
        Rectification to = InspectionFlow.next(r.state(), Step.FIX)
                .orElseThrow(() -> new InvalidInputException("note", "rectification.notOpen"));
        int changed = jdbc.sql("""
                UPDATE rectifications SET state = :to, fix_note = :note, fixed_at = :now, fixed_by = :by
                WHERE site_id = :site AND id = :id AND state = :from""")
                .param("to", to.name()).param("note", f.note().strip()).param("now", now()).param("by", SignedIn.actor())
                .param("site", siteId).param("id", id).param("from", r.state().name()).update();
        if (changed == 0) {
            throw new InvalidInputException("note", "rectification.notOpen");
        }
        if (photo != null && photo.length > 0) {
            jdbc.sql("DELETE FROM inspection_photos WHERE site_id = :site AND rectification_id = :id")
                    .param("site", siteId).param("id", id).update();
            jdbc.sql("""
                    INSERT INTO inspection_photos (site_id, rectification_id, content_type, bytes)
                    VALUES (:site, :id, :type, :bytes)""")
                    .param("site", siteId).param("id", id).param("type", photoType).param("bytes", photo).update();
        }
        activity.record("FIXED", "rectification", id, f.note());
    }

    /** The inspector's re-check of a recorded fix: passed closes it, failed sends it back to the owner. */
    @Transactional
    void check(long siteId, long id, CheckForm f) {
        Rect r = get(siteId, id, new Viewer(true, false, null));
        boolean passed = Boolean.TRUE.equals(f.passed());
        if (!passed && f.dueOn() != null && f.dueOn().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueOn", "inspection.finding.dueOn");
        }
        Rectification to = InspectionFlow.next(r.state(), passed ? Step.CHECK_PASSED : Step.CHECK_FAILED)
                .orElseThrow(() -> new InvalidInputException("passed", "rectification.notFixed"));
        int changed = jdbc.sql("""
                UPDATE rectifications SET state = :to, check_note = :note, checked_at = :now, checked_by = :by,
                    closed_at = CASE WHEN :passed THEN CAST(:now AS timestamptz) END,
                    fixed_at = CASE WHEN :passed THEN fixed_at END,
                    sent_back = sent_back + CASE WHEN :passed THEN 0 ELSE 1 END,
                    due_on = coalesce(CAST(:due AS date), due_on)
                WHERE site_id = :site AND id = :id AND state = :from""")
                .param("to", to.name()).param("note", f.note() == null ? "" : f.note().strip()).param("now", now())
                .param("by", SignedIn.actor()).param("passed", passed).param("due", passed ? null : f.dueOn())
                .param("site", siteId).param("id", id).param("from", r.state().name()).update();
        if (changed == 0) {
            throw new InvalidInputException("passed", "rectification.notFixed");
        }
        activity.record(passed ? "CLOSED" : "SENT_BACK", "rectification", id, f.note());
    }

    private static Rect rect(ResultSet rs, Map<Long, String> sections, LocalDate today) throws SQLException {
        Rectification state = Rectification.valueOf(rs.getString("state"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        long dept = rs.getLong("department_id");
        return new Rect(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("title"),
                rs.getObject("planned_on", LocalDate.class), rs.getString("measure_code"), rs.getString("item"),
                rs.getString("note"), rs.getString("place"), dept, sections.get(dept), due, state,
                InspectionFlow.overdue(state, due, today), rs.getString("fix_note"), instant(rs, "fixed_at"),
                rs.getString("fixed_by"), rs.getString("check_note"), instant(rs, "checked_at"),
                rs.getString("checked_by"), rs.getInt("sent_back"), instant(rs, "closed_at"),
                (Long) rs.getObject("finding_photo"), (Long) rs.getObject("fix_photo"),
                (Long) rs.getObject("overdue_incident_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
