package org.hallsafe.hygiene;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.RecordTimes;
import org.hallsafe.organization.Views.DepartmentView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.EarlierMoment.Verdict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hygiene's facade: zones with their plans and the disinfections done in them. How a zone stands is {@link ZoneRules};
 * coverage and blind spots are {@link Coverage}, airing and waste {@link AiringAndWaste}.
 */
@Service
public class Hygiene {

    public enum State { OK, DUE, OVERDUE }

    public record Zone(long id, String name, ZoneType zoneType, Long departmentId, String departmentName,
            List<Method> methods, Integer concentration, int intervalMinutes, Integer ventilationMinutes) {

        /** The method the two-tap form starts with. */
        public Method firstMethod() {
            return methods.isEmpty() ? Method.MOP_84 : methods.get(0);
        }
    }

    /** A disinfection of the day; {@code backfilled} ones carry their reason and are marked 补录 wherever shown. */
    public record Done(long id, Instant at, Method method, Integer concentration, String doneBy, boolean photo,
            boolean backfilled, String backfillReason) {
    }

    /** A zone now: its last disinfection and airing, today's timeline, and how it stands. */
    public record ZoneNow(Zone zone, Instant last, State state, Instant dueAt, List<Done> today, Instant lastAired,
            State airing) {

        /** Minutes since the last disinfection, or -1 without one. */
        public long minutesSince(Instant now) {
            return last == null ? -1 : Duration.between(last, now).toMinutes();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final LiveUpdates live;
    private final Directory directory;
    private final RecordTimes recordTimes;

    Hygiene(JdbcClient jdbc, Clock clock, ActivityLog activity, LiveUpdates live, Directory directory,
            RecordTimes recordTimes) {
        this.directory = directory;
        this.recordTimes = recordTimes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.live = live;
    }

    // ---- zones

    private static final String ZONE = """
            SELECT id, name, zone_type, department_id, methods, concentration_mg_l, interval_minutes, ventilation_minutes
            FROM zones""";

    @Transactional(readOnly = true)
    public List<Zone> zones(long siteId) {
        Map<Long, String> sections = sectionNames(siteId);
        return jdbc.sql(ZONE + " WHERE site_id = :site AND retired_at IS NULL ORDER BY name")
                .param("site", siteId).query((rs, n) -> zone(rs, sections)).list();
    }

    @Transactional(readOnly = true)
    public Zone zone(long siteId, long id) {
        Map<Long, String> sections = sectionNames(siteId);
        return jdbc.sql(ZONE + " WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> zone(rs, sections)).optional().orElseThrow(() -> NotFoundException.of("zone", id));
    }

    /** The hall's sections by id, retired ones too (a zone keeps its section's name), from organization's facade. */
    Map<Long, String> sectionNames(long siteId) {
        return directory.departments(siteId, null, "", true).stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
    }

    @Transactional
    public long saveZone(long siteId, Long id, ZoneForm f) {
        if (f.departmentId() != null && !sectionNames(siteId).containsKey(f.departmentId())) {
            throw new InvalidInputException("departmentId", "hygiene.department.unknown");
        }
        if (f.methods().contains(Method.MOP_84) && f.concentration() == null) {
            throw new InvalidInputException("concentration", "hygiene.concentration.required");
        }
        String methods = f.methods().stream().map(Enum::name).collect(Collectors.joining(","));
        try {
            long saved = id == null
                    ? jdbc.sql("""
                            INSERT INTO zones (site_id, name, zone_type, department_id, methods, concentration_mg_l,
                                interval_minutes, ventilation_minutes, created_by)
                            VALUES (:site, :name, :type, :dept, string_to_array(:methods, ','), :c, :i, :v, :by) RETURNING id""")
                            .param("site", siteId).param("name", f.name().strip()).param("type", f.zoneType().name())
                            .param("dept", f.departmentId()).param("methods", methods).param("c", f.concentration())
                            .param("i", f.intervalMinutes()).param("v", f.ventilationMinutes()).param("by", SignedIn.actor())
                            .query(Long.class).single()
                    : updated(jdbc.sql("""
                            UPDATE zones SET name = :name, zone_type = :type, department_id = :dept,
                                methods = string_to_array(:methods, ','), concentration_mg_l = :c, interval_minutes = :i,
                                ventilation_minutes = :v WHERE site_id = :site AND id = :id""")
                            .param("site", siteId).param("id", id).param("name", f.name().strip())
                            .param("type", f.zoneType().name()).param("dept", f.departmentId()).param("methods", methods)
                            .param("c", f.concentration()).param("i", f.intervalMinutes()).param("v", f.ventilationMinutes())
                            .update(), id);
            activity.record(id == null ? "CREATED" : "UPDATED", "zone", saved, f.name());
            return saved;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "hygiene.zone.taken");
        }
    }

    @Transactional
    public void retireZone(long siteId, long id) {
        updated(jdbc.sql("UPDATE zones SET retired_at = :now WHERE site_id = :site AND id = :id AND retired_at IS NULL")
                .param("now", now()).param("site", siteId).param("id", id).update(), id);
        activity.record("RETIRED", "zone", id, null);
    }

    // ---- recording

    /** A disinfection, stored once however often the phone sends it; a photo is optional. */
    @Transactional
    public long disinfect(long siteId, DisinfectionForm f, String photoType, byte[] photo) {
        // a resent record answers with the stored one before any rule: the back-fill window may have closed meanwhile
        Optional<Long> earlier = stored(siteId, f.submissionId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Zone zone = zone(siteId, f.zoneId());
        if (f.method() == Method.MOP_84 && f.concentration() == null) {
            throw new InvalidInputException("concentration", "hygiene.concentration.required");
        }
        // the one rule for an earlier moment (issue 16, item 6): within the hall's window, or a back-fill with a reason
        Verdict verdict = RecordTimes.accepted(recordTimes.judge(siteId,
                f.doneAt() == null ? null : f.doneAt().atZone(clock.getZone()).toInstant(), f.backfillReason()), "doneAt");
        Instant at = verdict.at();
        Optional<Long> id = jdbc.sql("""
                INSERT INTO disinfections (site_id, submission_id, zone_id, method, concentration_mg_l, done_at, done_by,
                    recorded_at, recorded_by, backfilled, backfill_reason)
                VALUES (:site, :s, :zone, :method, :c, :at, :doneBy, :now, :by, :backfilled, :reason)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("s", f.submissionId()).param("zone", zone.id())
                .param("method", f.method().name()).param("c", f.method() == Method.MOP_84 ? f.concentration() : null)
                .param("at", Timestamp.from(at)).param("doneBy", f.doneBy().strip()).param("now", now())
                .param("by", SignedIn.actor()).param("backfilled", verdict.backfilled()).param("reason", verdict.reason())
                .query(Long.class).optional();
        if (id.isEmpty()) { // the same record, sent twice at once: the other request stored it
            return stored(siteId, f.submissionId()).orElseThrow();
        }
        if (photo != null && photo.length > 0) {
            jdbc.sql("""
                    INSERT INTO disinfection_photos (site_id, disinfection_id, content_type, bytes)
                    VALUES (:site, :id, :type, :bytes)""")
                    .param("site", siteId).param("id", id.get()).param("type", photoType).param("bytes", photo).update();
        }
        live.publishToSite(siteId, "hygiene");
        return id.get();
    }

    /** The disinfection a submission stored, if it did. */
    private Optional<Long> stored(long siteId, UUID submission) {
        return jdbc.sql("SELECT id FROM disinfections WHERE site_id = :site AND submission_id = :s")
                .param("site", siteId).param("s", submission).query(Long.class).optional();
    }

    private static final String DISINFECTION = """
            SELECT d.id, d.zone_id, z.name, d.done_at, d.method, d.concentration_mg_l, d.done_by, d.backfilled
            FROM disinfections d JOIN zones z ON z.site_id = d.site_id AND z.id = d.zone_id
            """;

    /** One disinfection of the hall, as the API answers it. */
    @Transactional(readOnly = true)
    HygieneApi.DisinfectionView disinfection(long siteId, long id) {
        return jdbc.sql(DISINFECTION + "WHERE d.site_id = :site AND d.id = :id").param("site", siteId).param("id", id)
                .query(Hygiene::view).optional().orElseThrow(() -> NotFoundException.of("disinfection", id));
    }

    /** A day's disinfections of the hall in the order they were done, retired zones' included, for the API. */
    @Transactional(readOnly = true)
    List<HygieneApi.DisinfectionView> disinfections(long siteId, LocalDate day) {
        return jdbc.sql(DISINFECTION + "WHERE d.site_id = :site AND d.done_at >= :from AND d.done_at < :to ORDER BY d.done_at, d.id")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query(Hygiene::view).list();
    }

    private static HygieneApi.DisinfectionView view(ResultSet rs, int row) throws SQLException {
        return new HygieneApi.DisinfectionView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), Method.valueOf(rs.getString(5)), (Integer) rs.getObject(6),
                rs.getString(7), rs.getBoolean(8));
    }

    public record Aired(Instant at, String zone, int minutes, String doneBy) {
    }

    public record Removed(Instant at, String zone, int bags, String doneBy) {
    }

    public record Handover(long id, Instant at, int containers, BigDecimal weightKg, String handedBy,
            String receiverName, String receiverUnit) {
    }

    /** The flagged blind spots of a hall, newest first; {@code backfilled}: covered by a back-fill only. */
    public record Flag(LocalDate day, String zone, String department, boolean backfilled) {
    }

    /** A disinfection's photo as it was uploaded. */
    public record Photo(String contentType, byte[] bytes) {
    }

    @Transactional(readOnly = true)
    public Optional<Photo> photo(long siteId, long disinfectionId) {
        return jdbc.sql("""
                SELECT p.content_type, p.bytes FROM disinfection_photos p JOIN disinfections d ON d.id = p.disinfection_id
                WHERE d.site_id = :site AND d.id = :id""").param("site", siteId).param("id", disinfectionId)
                .query(Photo.class).optional();
    }

    private static Zone zone(java.sql.ResultSet rs, Map<Long, String> sections) throws SQLException {
        long dept = rs.getLong("department_id");
        boolean noDept = rs.wasNull();
        return new Zone(rs.getLong("id"), rs.getString("name"), ZoneType.valueOf(rs.getString("zone_type")),
                noDept ? null : dept, noDept ? null : sections.get(dept), methods(rs.getArray("methods")),
                (Integer) rs.getObject("concentration_mg_l"), rs.getInt("interval_minutes"),
                (Integer) rs.getObject("ventilation_minutes"));
    }

    private static List<Method> methods(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Method::valueOf).toList();
    }

    private static long updated(int rows, long id) {
        if (rows == 0) {
            throw NotFoundException.of("zone", id);
        }
        return id;
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
