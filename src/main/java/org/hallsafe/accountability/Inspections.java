package org.hallsafe.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hallsafe.accountability.InspectionFlow.Inspection;
import org.hallsafe.accountability.InspectionFlow.Rectification;
import org.hallsafe.accountability.InspectionForms.ItemForm;
import org.hallsafe.accountability.InspectionForms.PlanForm;
import org.hallsafe.accountability.InspectionForms.Result;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unannounced inspections: planned by the leadership group with a checklist seeded from the plan ({@link Checklist}),
 * each item recorded on the spot (with a photo), then carried out, when every finding becomes a rectification of its
 * section ({@link Rectifications}). A planned inspection is seen only by those who run inspections.
 */
@Service
class Inspections {

    record Summary(long id, String title, LocalDate plannedOn, Inspection state, Instant carriedOutAt,
            String carriedOutBy, int items, int recorded, int findings) {
    }

    record Item(long id, int position, String measureCode, String item, Result result, String note, String place,
            Long departmentId, String departmentName, LocalDate dueOn, Instant recordedAt, String recordedBy,
            Long photoId, Long rectificationId, Rectification rectificationState) {
    }

    record Detail(Summary inspection, List<Item> items) {
    }

    record Photo(String contentType, byte[] bytes) {
    }

    private static final String SUMMARY = """
            SELECT s.id, s.title, s.planned_on, s.state, s.carried_out_at, s.carried_out_by,
                   count(i.id) AS items, count(i.result) AS recorded, count(*) FILTER (WHERE i.result = 'FINDING') AS findings
            FROM inspections s LEFT JOIN inspection_items i ON i.site_id = s.site_id AND i.inspection_id = s.id
            WHERE s.site_id = :site""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final ActivityLog activity;

    Inspections(JdbcClient jdbc, Clock clock, Directory directory, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.activity = activity;
    }

    /** Plans an inspection with the checklist items of the chosen measures. */
    @Transactional
    long plan(long siteId, PlanForm f) {
        List<Map.Entry<String, String>> items = Checklist.seed(f.measures());
        if (items.isEmpty()) {
            throw new InvalidInputException("measures", "inspection.measures.required");
        }
        long id = jdbc.sql("""
                INSERT INTO inspections (site_id, title, planned_on, planned_at, planned_by)
                VALUES (:site, :title, :day, :now, :by) RETURNING id""")
                .param("site", siteId).param("title", f.title().strip()).param("day", f.plannedOn())
                .param("now", now()).param("by", SignedIn.actor()).query(Long.class).single();
        int position = 0;
        for (Map.Entry<String, String> item : items) {
            jdbc.sql("""
                    INSERT INTO inspection_items (site_id, inspection_id, position, measure_code, item)
                    VALUES (:site, :id, :position, :code, :item)""")
                    .param("site", siteId).param("id", id).param("position", ++position).param("code", item.getKey())
                    .param("item", item.getValue()).update();
        }
        activity.record("PLANNED", "inspection", id, f.title());
        return id;
    }

    /** The inspections of {@code from..to} (by the planned day) the viewer may see, newest first. */
    @Transactional(readOnly = true)
    List<Summary> list(long siteId, boolean runs, LocalDate from, LocalDate to) {
        return jdbc.sql(SUMMARY + """
                 AND s.planned_on BETWEEN :from AND :to AND (:runs OR s.state = 'CARRIED_OUT')
                GROUP BY s.id ORDER BY s.planned_on DESC, s.id DESC LIMIT 500""")
                .param("site", siteId).param("from", from).param("to", to).param("runs", runs)
                .query(Inspections::summary).list();
    }

    /** An inspection with its checklist; 404 when it is not there or the viewer may not see it yet. */
    @Transactional(readOnly = true)
    Detail get(long siteId, long id, boolean runs) {
        Summary s = jdbc.sql(SUMMARY + " AND s.id = :id GROUP BY s.id").param("site", siteId).param("id", id)
                .query(Inspections::summary).optional()
                .filter(found -> InspectionFlow.visible(found.state(), runs))
                .orElseThrow(() -> NotFoundException.of("inspection", id));
        Map<Long, String> sections = directory.departmentNames(siteId);
        List<Item> items = jdbc.sql("""
                SELECT i.id, i.position, i.measure_code, i.item, i.result, i.note, i.place, i.department_id, i.due_on,
                       i.recorded_at, i.recorded_by, (SELECT max(p.id) FROM inspection_photos p
                           WHERE p.site_id = i.site_id AND p.item_id = i.id) AS photo_id, r.id AS rectification_id,
                       r.state AS rectification_state
                FROM inspection_items i LEFT JOIN rectifications r ON r.site_id = i.site_id AND r.item_id = i.id
                WHERE i.site_id = :site AND i.inspection_id = :id ORDER BY i.position""")
                .param("site", siteId).param("id", id).query((rs, n) -> item(rs, sections)).list();
        return new Detail(s, items);
    }

    /** Records one item on the spot; a new photo replaces the item's earlier one. Only while the inspection is planned. */
    @Transactional
    void record(long siteId, long inspectionId, long itemId, ItemForm f, String photoType, byte[] photo) {
        Detail d = get(siteId, inspectionId, true);
        if (d.items().stream().noneMatch(i -> i.id() == itemId)) {
            throw NotFoundException.of("inspection item", itemId);
        }
        if (!InspectionFlow.recordable(d.inspection().state())) {
            throw new InvalidInputException("result", "inspection.alreadyCarriedOut");
        }
        boolean finding = f.result() == Result.FINDING;
        Map<String, String> problems = new LinkedHashMap<>();
        if (finding && PlainText.Rules.isBlank(f.note())) {
            problems.put("note", "inspection.finding.noteRequired");
        }
        boolean knownSection = f.departmentId() != null && directory.departmentNames(siteId).containsKey(f.departmentId());
        if ((finding || f.departmentId() != null) && !knownSection) {
            problems.put("departmentId", "inspection.finding.sectionRequired");
        }
        if (finding && (f.dueOn() == null || f.dueOn().isBefore(LocalDate.now(clock)))) {
            problems.put("dueOn", "inspection.finding.dueOn");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                UPDATE inspection_items SET result = :result, note = :note, place = :place, department_id = :dept,
                    due_on = :due, recorded_at = :now, recorded_by = :by
                WHERE site_id = :site AND id = :item AND inspection_id = :inspection""")
                .param("result", f.result().name()).param("note", text(f.note())).param("place", text(f.place()))
                .param("dept", f.departmentId()).param("due", finding ? f.dueOn() : null).param("now", now())
                .param("by", SignedIn.actor()).param("site", siteId).param("item", itemId)
                .param("inspection", inspectionId).update();
        if (photo != null && photo.length > 0) {
            jdbc.sql("DELETE FROM inspection_photos WHERE site_id = :site AND item_id = :item")
                    .param("site", siteId).param("item", itemId).update();
            jdbc.sql("""
                    INSERT INTO inspection_photos (site_id, item_id, content_type, bytes)
                    VALUES (:site, :item, :type, :bytes)""")
                    .param("site", siteId).param("item", itemId).param("type", photoType).param("bytes", photo).update();
        }
    }

    /**
     * Marks the inspection carried out, once (a second tap changes nothing), and opens a rectification for each
     * finding; the number of rectifications opened.
     */
    @Transactional
    int carryOut(long siteId, long id) {
        get(siteId, id, true);
        int changed = jdbc.sql("""
                UPDATE inspections SET state = 'CARRIED_OUT', carried_out_at = :now, carried_out_by = :by
                WHERE site_id = :site AND id = :id AND state = 'PLANNED'""")
                .param("now", now()).param("by", SignedIn.actor()).param("site", siteId).param("id", id).update();
        if (changed == 0) {
            return 0;
        }
        int opened = jdbc.sql("""
                INSERT INTO rectifications (site_id, item_id, department_id, due_on, opened_at)
                SELECT site_id, id, department_id, due_on, :now FROM inspection_items
                WHERE site_id = :site AND inspection_id = :id AND result = 'FINDING'
                ON CONFLICT (site_id, item_id) DO NOTHING""")
                .param("now", now()).param("site", siteId).param("id", id).update();
        activity.record("CARRIED_OUT", "inspection", id, opened + " rectifications");
        return opened;
    }

    /** A photo of a finding or a fix, if the viewer may see the inspection it belongs to. */
    @Transactional(readOnly = true)
    Optional<Photo> photo(long siteId, long photoId, boolean runs) {
        return jdbc.sql("""
                SELECT p.content_type, p.bytes FROM inspection_photos p
                LEFT JOIN rectifications r ON r.site_id = p.site_id AND r.id = p.rectification_id
                JOIN inspection_items i ON i.site_id = p.site_id AND i.id = coalesce(p.item_id, r.item_id)
                JOIN inspections s ON s.site_id = i.site_id AND s.id = i.inspection_id
                WHERE p.site_id = :site AND p.id = :id AND (:runs OR s.state = 'CARRIED_OUT')""")
                .param("site", siteId).param("id", photoId).param("runs", runs).query(Photo.class).optional();
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("carried_out_at");
        return new Summary(rs.getLong("id"), rs.getString("title"), rs.getObject("planned_on", LocalDate.class),
                Inspection.valueOf(rs.getString("state")), done == null ? null : done.toInstant(),
                rs.getString("carried_out_by"), rs.getInt("items"), rs.getInt("recorded"), rs.getInt("findings"));
    }

    private static Item item(ResultSet rs, Map<Long, String> sections) throws SQLException {
        Long dept = (Long) rs.getObject("department_id");
        String result = rs.getString("result");
        String rect = rs.getString("rectification_state");
        Timestamp at = rs.getTimestamp("recorded_at");
        return new Item(rs.getLong("id"), rs.getInt("position"), rs.getString("measure_code"), rs.getString("item"),
                result == null ? null : Result.valueOf(result), rs.getString("note"), rs.getString("place"), dept,
                dept == null ? null : sections.get(dept), rs.getObject("due_on", LocalDate.class),
                at == null ? null : at.toInstant(), rs.getString("recorded_by"), (Long) rs.getObject("photo_id"),
                (Long) rs.getObject("rectification_id"), rect == null ? null : Rectification.valueOf(rect));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
