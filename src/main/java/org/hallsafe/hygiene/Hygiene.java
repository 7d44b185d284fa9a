package org.hallsafe.hygiene;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.HandoverForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.hygiene.HygieneForms.VentilationForm;
import org.hallsafe.hygiene.HygieneForms.WasteForm;
import org.hallsafe.hygiene.HygieneForms.ZoneForm;
import org.hallsafe.hygiene.HygieneForms.ZoneType;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones and what is done in them. A zone is due when its interval has passed since its last disinfection and overdue
 * half an hour later; a working day without any disinfection of a zone is a blind spot.
 */
@Service
public class Hygiene {

    static final Duration GRACE = Duration.ofMinutes(30);

    public enum State { OK, DUE, OVERDUE }

    public record Zone(long id, String name, ZoneType zoneType, Long departmentId, String departmentName,
            List<Method> methods, Integer concentration, int intervalMinutes, Integer ventilationMinutes) {

        /** The method the two-tap form starts with. */
        public Method firstMethod() {
            return methods.isEmpty() ? Method.MOP_84 : methods.get(0);
        }
    }

    public record Done(long id, Instant at, Method method, Integer concentration, String doneBy, boolean photo) {
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
    private final org.hallsafe.organization.Directory directory;
    private final org.hallsafe.organization.HallCalendar calendar;

    Hygiene(JdbcClient jdbc, Clock clock, ActivityLog activity, LiveUpdates live,
            org.hallsafe.organization.Directory directory, org.hallsafe.organization.HallCalendar calendar) {
        this.directory = directory;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.live = live;
    }

    // ---- zones

    private static final String ZONE = """
            SELECT z.id, z.name, z.zone_type, z.department_id, d.name AS department_name, z.methods,
                   z.concentration_mg_l, z.interval_minutes, z.ventilation_minutes
            FROM zones z LEFT JOIN departments d ON d.id = z.department_id""";

    @Transactional(readOnly = true)
    public List<Zone> zones(long siteId) {
        return jdbc.sql(ZONE + " WHERE z.site_id = :site AND z.retired_at IS NULL ORDER BY z.name")
                .param("site", siteId).query((rs, n) -> zone(rs)).list();
    }

    @Transactional(readOnly = true)
    public Zone zone(long siteId, long id) {
        return jdbc.sql(ZONE + " WHERE z.site_id = :site AND z.id = :id").param("site", siteId).param("id", id)
                .query((rs, n) -> zone(rs)).optional().orElseThrow();
    }

    @Transactional
    public long saveZone(long siteId, Long id, ZoneForm f) {
        if (f.departmentId() != null && directory.departments(siteId, null, "", true).stream()
                .noneMatch(d -> d.id() == f.departmentId())) {
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
                            .param("i", f.intervalMinutes()).param("v", f.ventilationMinutes()).param("by", actor())
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
        Zone zone = zone(siteId, f.zoneId());
        if (f.method() == Method.MOP_84 && f.concentration() == null) {
            throw new InvalidInputException("concentration", "hygiene.concentration.required");
        }
        Instant at = f.doneAt() == null ? clock.instant() : f.doneAt().atZone(clock.getZone()).toInstant();
        if (at.isAfter(clock.instant().plusSeconds(60))) {
            throw new InvalidInputException("doneAt", "hygiene.future");
        }
        Optional<Long> id = jdbc.sql("""
                INSERT INTO disinfections (site_id, submission_id, zone_id, method, concentration_mg_l, done_at, done_by,
                    recorded_at, recorded_by)
                VALUES (:site, :s, :zone, :method, :c, :at, :doneBy, :now, :by)
                ON CONFLICT (site_id, submission_id) DO NOTHING RETURNING id""")
                .param("site", siteId).param("s", f.submissionId()).param("zone", zone.id())
                .param("method", f.method().name()).param("c", f.method() == Method.MOP_84 ? f.concentration() : null)
                .param("at", Timestamp.from(at)).param("doneBy", f.doneBy().strip()).param("now", now())
                .param("by", actor()).query(Long.class).optional();
        if (id.isEmpty()) {
            return jdbc.sql("SELECT id FROM disinfections WHERE site_id = :site AND submission_id = :s")
                    .param("site", siteId).param("s", f.submissionId()).query(Long.class).single();
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

    @Transactional
    public void ventilate(long siteId, VentilationForm f) {
        zone(siteId, f.zoneId());
        jdbc.sql("INSERT INTO ventilations (site_id, zone_id, opened_at, minutes, done_by, recorded_by) VALUES (:site, :zone, :now, :m, :doneBy, :by)")
                .param("site", siteId).param("zone", f.zoneId()).param("now", now()).param("m", f.minutes())
                .param("doneBy", f.doneBy().strip()).param("by", actor()).update();
        live.publishToSite(siteId, "hygiene");
    }

    @Transactional
    public void removeWaste(long siteId, WasteForm f) {
        zone(siteId, f.zoneId());
        jdbc.sql("INSERT INTO waste_removals (site_id, zone_id, bags, removed_at, done_by, recorded_by) VALUES (:site, :zone, :bags, :now, :doneBy, :by)")
                .param("site", siteId).param("zone", f.zoneId()).param("bags", f.bags()).param("now", now())
                .param("doneBy", f.doneBy().strip()).param("by", actor()).update();
    }

    /** A medical-waste handover; the receiver's name and unit are required here and by the table. */
    @Transactional
    public long handOver(long siteId, HandoverForm f) {
        if (f.receiverName() == null || f.receiverName().isBlank()) {
            throw new InvalidInputException("receiverName", "hygiene.receiver.required");
        }
        if (f.receiverUnit() == null || f.receiverUnit().isBlank()) {
            throw new InvalidInputException("receiverUnit", "hygiene.receiver.required");
        }
        long id = jdbc.sql("""
                INSERT INTO medical_waste_handovers (site_id, containers, weight_kg, handed_by, receiver_name, receiver_unit,
                    handed_at, recorded_by)
                VALUES (:site, :c, :w, :by, :rn, :ru, :now, :actor) RETURNING id""")
                .param("site", siteId).param("c", f.containers()).param("w", f.weightKg()).param("by", f.handedBy().strip())
                .param("rn", f.receiverName().strip()).param("ru", f.receiverUnit().strip()).param("now", now())
                .param("actor", actor()).query(Long.class).single();
        activity.record("CREATED", "medical-waste", id, f.containers() + " → " + f.receiverUnit());
        return id;
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

    // ---- coverage

    /** Every zone now, the most urgent first: overdue, then due, then the longest since disinfection. */
    @Transactional(readOnly = true)
    public List<ZoneNow> now(long siteId) {
        return on(siteId, LocalDate.now(clock), clock.instant());
    }

    /** Every zone as it stood at {@code at} on {@code day} (for a past day, at its end). */
    @Transactional(readOnly = true)
    public List<ZoneNow> on(long siteId, LocalDate day, Instant at) {
        ZoneId zone = clock.getZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = at.isBefore(to) ? at : to;
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql("SELECT zone_id, max(done_at) FROM disinfections WHERE site_id = :site AND done_at <= :now GROUP BY zone_id")
                .param("site", siteId).param("now", Timestamp.from(now))
                .query((rs, n) -> last.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        Map<Long, Instant> aired = new HashMap<>();
        jdbc.sql("SELECT zone_id, max(opened_at) FROM ventilations WHERE site_id = :site AND opened_at <= :now GROUP BY zone_id")
                .param("site", siteId).param("now", Timestamp.from(now))
                .query((rs, n) -> aired.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        Map<Long, List<Done>> today = new HashMap<>();
        jdbc.sql("""
                SELECT d.zone_id, d.id, d.done_at, d.method, d.concentration_mg_l, d.done_by,
                       EXISTS (SELECT 1 FROM disinfection_photos p WHERE p.disinfection_id = d.id) AS photo
                FROM disinfections d WHERE d.site_id = :site AND d.done_at >= :from AND d.done_at < :to AND d.done_at <= :now
                ORDER BY d.done_at""")
                .param("site", siteId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> today.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Done(rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), Method.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5), rs.getString(6), rs.getBoolean(7)))).list();
        List<ZoneNow> zones = new ArrayList<>();
        for (Zone z : zones(siteId)) {
            Instant l = last.get(z.id());
            Instant due = l == null ? null : l.plus(Duration.ofMinutes(z.intervalMinutes()));
            Instant a = aired.get(z.id());
            State airing = z.ventilationMinutes() == null ? State.OK
                    : state(a == null ? null : a.plus(Duration.ofMinutes(z.ventilationMinutes())), now);
            zones.add(new ZoneNow(z, l, state(due, now), due, today.getOrDefault(z.id(), List.of()), a, airing));
        }
        zones.sort(java.util.Comparator.comparing((ZoneNow z) -> -z.state().ordinal())
                .thenComparing(z -> z.last() == null ? Instant.MIN : z.last()));
        return zones;
    }

    private static State state(Instant due, Instant now) {
        if (due == null || now.isAfter(due.plus(GRACE))) {
            return State.OVERDUE;
        }
        return now.isBefore(due) ? State.OK : State.DUE;
    }

    /**
     * Zones that got no disinfection at all on a day the hall was open: blind spots. A public holiday or a weekend has
     * none; a 调休 working weekend is a working day like any other (the hall calendar decides).
     */
    @Transactional(readOnly = true)
    public List<Zone> uncovered(long siteId, LocalDate day) {
        if (!calendar.isWorkingDay(siteId, day)) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        List<Long> covered = jdbc.sql("SELECT DISTINCT zone_id FROM disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())).query(Long.class).list();
        return zones(siteId).stream().filter(z -> !covered.contains(z.id())).toList();
    }

    /** Claims the flag of an uncovered zone for a day; true only for the first node, which then tells the section. */
    boolean flag(long siteId, Zone zone, LocalDate day) {
        return jdbc.sql("""
                INSERT INTO hygiene_flags (site_id, zone_id, day, department_id, created_at)
                VALUES (:site, :zone, :day, :dept, :now) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("zone", zone.id()).param("day", day).param("dept", zone.departmentId())
                .param("now", now()).update() == 1;
    }

    /** The flagged blind spots of a hall, newest first. */
    public record Flag(LocalDate day, String zone, String department) {
    }

    @Transactional(readOnly = true)
    public List<Flag> flags(long siteId, int limit) {
        return jdbc.sql("""
                SELECT f.day, z.name AS zone, coalesce(d.name, '') AS department FROM hygiene_flags f
                JOIN zones z ON z.id = f.zone_id LEFT JOIN departments d ON d.id = f.department_id
                WHERE f.site_id = :site ORDER BY f.day DESC, z.name LIMIT :limit""")
                .param("site", siteId).param("limit", limit).query(Flag.class).list();
    }

    List<Long> sites() {
        return jdbc.sql("SELECT DISTINCT site_id FROM zones WHERE retired_at IS NULL").query(Long.class).list();
    }

    // ---- the day's ledgers

    public record Aired(Instant at, String zone, int minutes, String doneBy) {
    }

    public record Removed(Instant at, String zone, int bags, String doneBy) {
    }

    public record Handover(long id, Instant at, int containers, java.math.BigDecimal weightKg, String handedBy,
            String receiverName, String receiverUnit) {
    }

    @Transactional(readOnly = true)
    public List<Aired> aired(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT v.opened_at AS at, z.name AS zone, v.minutes, v.done_by FROM ventilations v JOIN zones z ON z.id = v.zone_id
                WHERE v.site_id = :site AND v.opened_at >= :from AND v.opened_at < :to ORDER BY v.opened_at DESC""")
                .params(dayParams(siteId, day)).query(Aired.class).list();
    }

    @Transactional(readOnly = true)
    public List<Removed> removed(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT w.removed_at AS at, z.name AS zone, w.bags, w.done_by FROM waste_removals w JOIN zones z ON z.id = w.zone_id
                WHERE w.site_id = :site AND w.removed_at >= :from AND w.removed_at < :to ORDER BY w.removed_at DESC""")
                .params(dayParams(siteId, day)).query(Removed.class).list();
    }

    @Transactional(readOnly = true)
    public List<Handover> handovers(long siteId, LocalDate day) {
        return jdbc.sql("""
                SELECT id, handed_at AS at, containers, weight_kg, handed_by, receiver_name, receiver_unit
                FROM medical_waste_handovers WHERE site_id = :site AND handed_at >= :from AND handed_at < :to ORDER BY handed_at DESC""")
                .params(dayParams(siteId, day)).query(Handover.class).list();
    }

    private Map<String, Object> dayParams(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        return Map.of("site", siteId, "from", Timestamp.from(day.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static Zone zone(java.sql.ResultSet rs) throws SQLException {
        long dept = rs.getLong("department_id");
        boolean noDept = rs.wasNull();
        return new Zone(rs.getLong("id"), rs.getString("name"), ZoneType.valueOf(rs.getString("zone_type")),
                noDept ? null : dept, rs.getString("department_name"), methods(rs.getArray("methods")),
                (Integer) rs.getObject("concentration_mg_l"), rs.getInt("interval_minutes"),
                (Integer) rs.getObject("ventilation_minutes"));
    }

    private static List<Method> methods(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Method::valueOf).toList();
    }

    private static long updated(int rows, long id) {
        if (rows == 0) {
            throw new java.util.NoSuchElementException(String.valueOf(id));
        }
        return id;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::getUsername).orElse("system");
    }
}
