package org.hallsafe.hygiene;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.hygiene.Hygiene.Done;
import org.hallsafe.hygiene.Hygiene.Flag;
import org.hallsafe.hygiene.Hygiene.Zone;
import org.hallsafe.hygiene.Hygiene.ZoneNow;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.organization.HallCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage zone by zone: how each zone stands now or stood on a day ({@link ZoneRules}), and the blind spots of a day
 * the hall was open (the hall calendar's: not a holiday, but a 调休 working weekend).
 */
@Service
class Coverage {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Hygiene hygiene;
    private final HallCalendar calendar;

    Coverage(JdbcClient jdbc, Clock clock, Hygiene hygiene, HallCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hygiene = hygiene;
        this.calendar = calendar;
    }

    /** Every zone now, the most urgent first: overdue, then due, then the longest since disinfection. */
    @Transactional(readOnly = true)
    List<ZoneNow> now(long siteId) {
        return on(siteId, LocalDate.now(clock), clock.instant());
    }

    /** Every zone as it stood at {@code at} on {@code day} (for a past day, at its end). */
    @Transactional(readOnly = true)
    List<ZoneNow> on(long siteId, LocalDate day, Instant at) {
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
                       EXISTS (SELECT 1 FROM disinfection_photos p WHERE p.disinfection_id = d.id) AS photo,
                       d.backfilled, d.backfill_reason
                FROM disinfections d WHERE d.site_id = :site AND d.done_at >= :from AND d.done_at < :to AND d.done_at <= :now
                ORDER BY d.done_at""")
                .param("site", siteId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> today.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Done(rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), Method.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getString(9)))).list();
        List<ZoneNow> zones = new ArrayList<>();
        for (Zone z : hygiene.zones(siteId)) {
            Instant l = last.get(z.id());
            Instant due = ZoneRules.dueAt(l, z.intervalMinutes());
            Instant a = aired.get(z.id());
            zones.add(new ZoneNow(z, l, ZoneRules.state(due, now), due, today.getOrDefault(z.id(), List.of()), a,
                    ZoneRules.airing(a, z.ventilationMinutes(), now)));
        }
        zones.sort(ZoneRules.URGENT_FIRST);
        return zones;
    }

    /**
     * Zones that got no disinfection on a day the hall was open: blind spots. A public holiday or a weekend has none;
     * a 调休 working weekend is a working day like any other (the hall calendar decides). A back-fill (补录) does not
     * clear a blind spot silently: the zone stays flagged, marked as covered by a back-fill only (issue 16, item 6).
     */
    @Transactional(readOnly = true)
    List<Zone> uncovered(long siteId, LocalDate day) {
        boolean open = calendar.isWorkingDay(siteId, day);
        return ZoneRules.blindSpots(open, open ? hygiene.zones(siteId) : List.of(), Zone::id, covered(siteId, day, false));
    }

    /** The zones a day's disinfections covered: all of them, or only those written in time ({@code false}). */
    List<Long> covered(long siteId, LocalDate day, boolean backfilled) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                SELECT DISTINCT zone_id FROM disinfections WHERE site_id = :site AND done_at >= :from AND done_at < :to
                AND backfilled = :backfilled""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("backfilled", backfilled).query(Long.class).list();
    }

    /** Claims the flag of an uncovered zone for a day; true only for the first node, which then tells the section. */
    boolean flag(long siteId, Zone zone, LocalDate day, boolean backfilled) {
        return jdbc.sql("""
                INSERT INTO hygiene_flags (site_id, zone_id, day, department_id, created_at, backfilled)
                VALUES (:site, :zone, :day, :dept, :now, :backfilled) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("zone", zone.id()).param("day", day).param("dept", zone.departmentId())
                .param("now", Timestamp.from(clock.instant())).param("backfilled", backfilled).update() == 1;
    }

    @Transactional(readOnly = true)
    List<Flag> flags(long siteId, int limit) {
        Map<Long, String> sections = hygiene.sectionNames(siteId);
        return jdbc.sql("""
                SELECT f.day, z.name AS zone, f.department_id, f.backfilled FROM hygiene_flags f JOIN zones z ON z.id = f.zone_id
                WHERE f.site_id = :site ORDER BY f.day DESC, z.name LIMIT :limit""")
                .param("site", siteId).param("limit", limit).query((rs, n) -> {
                    long dept = rs.getLong(3);
                    boolean none = rs.wasNull();
                    return new Flag(rs.getDate(1).toLocalDate(), rs.getString(2),
                            none ? "" : sections.getOrDefault(dept, ""), rs.getBoolean(4));
                }).list();
    }

    List<Long> sites() {
        return jdbc.sql("SELECT DISTINCT site_id FROM zones WHERE retired_at IS NULL").query(Long.class).list();
    }
}
