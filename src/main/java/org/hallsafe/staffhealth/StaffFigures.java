package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.HallFigures;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.staffhealth.StaffDay.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff health's tiles on the overview (R-MON): checks due now, done late and missed, and staff with an abnormal
 * reading, as the compliance page adds them up over the sections ({@link Compliance#sections}). The trend computes
 * the same days from two range queries ({@link StaffDay} per person and day), not fourteen boards.
 */
@Component
class StaffFigures implements HallFigures {

    static final String DUE = "figure.staffhealth.due";
    static final String LATE = "figure.staffhealth.late";
    static final String MISSED = "figure.staffhealth.missed";
    static final String ABNORMAL = "figure.staffhealth.abnormal";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;
    private final Schedules schedules;
    private final HallCalendar calendar;
    private final StaffHealthProperties properties;

    StaffFigures(JdbcClient jdbc, Clock clock, StaffDirectory staff, Schedules schedules, HallCalendar calendar,
            StaffHealthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
        this.schedules = schedules;
        this.calendar = calendar;
        this.properties = properties;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        Map<String, List<Long>> t = trend(siteId, day, day);
        long due = t.get(DUE).get(0);
        long late = t.get(LATE).get(0);
        long missed = t.get(MISSED).get(0);
        long abnormal = t.get(ABNORMAL).get(0);
        String compliance = "/staffhealth/compliance?day=" + day;
        return List.of(
                new Figure(DUE, "R-MON", due, due > 0 ? Level.WATCH : Level.GOOD, "/staffhealth"),
                new Figure(LATE, "R-MON", late, late > 0 ? Level.WATCH : Level.GOOD, compliance),
                new Figure(MISSED, "R-MON", missed, missed > 0 ? Level.ALERT : Level.GOOD, compliance),
                new Figure(ABNORMAL, "R-MON", abnormal, abnormal > 0 ? Level.ALERT : Level.GOOD, "/staffhealth"));
    }

    /**
     * Each day as {@link StaffHealth#board} computes it (a past day as it ended), for the active staff: checks and
     * returns of the whole range read once, the day's slots computed per person.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<LocalDate, Map<Long, List<Instant>>> checks = new HashMap<>();
        Map<LocalDate, Set<Long>> abnormal = new HashMap<>();
        jdbc.sql("SELECT staff_id, checked_at, abnormal FROM staff_checks WHERE site_id = :site AND checked_at >= :from AND checked_at < :to")
                .param("site", siteId).param("from", start).param("to", end).query((rs, n) -> {
                    Instant at = rs.getTimestamp(2).toInstant();
                    LocalDate d = at.atZone(zone).toLocalDate();
                    checks.computeIfAbsent(d, k -> new HashMap<>()).computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(at);
                    if (rs.getBoolean(3)) {
                        abnormal.computeIfAbsent(d, k -> new HashSet<>()).add(rs.getLong(1));
                    }
                    return null;
                }).list();
        Map<LocalDate, Map<Long, List<Instant>>> returns = new HashMap<>();
        jdbc.sql("SELECT staff_id, at FROM staff_presence WHERE site_id = :site AND kind = 'RETURNED' AND at >= :from AND at < :to ORDER BY at, id")
                .param("site", siteId).param("from", start).param("to", end).query((rs, n) -> {
                    Instant at = rs.getTimestamp(2).toInstant();
                    return returns.computeIfAbsent(at.atZone(zone).toLocalDate(), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(at);
                }).list();
        List<StaffView> people = staff.search(siteId, "", null, false);
        Map<StaffDay.Group, StaffDay.Schedule> groups = schedules.schedules(siteId);
        List<Long> due = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        List<Long> missed = new ArrayList<>();
        List<Long> sick = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant endOfDay = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant now = clock.instant().isBefore(endOfDay) ? clock.instant() : endOfDay;
            HallCalendar.DayHours hall = calendar.hours(siteId, d);
            long[] c = new long[4];
            Set<Long> abnormalToday = abnormal.getOrDefault(d, Set.of());
            for (StaffView p : people) {
                for (StaffDay.Slot s : StaffDay.compute(groups.get(StaffHealth.groupOf(p)), properties.rules(), d, zone,
                        checks.getOrDefault(d, Map.of()).getOrDefault(p.id(), List.of()),
                        returns.getOrDefault(d, Map.of()).getOrDefault(p.id(), List.of()), now, hall.open(),
                        hall.exception())) {
                    c[0] += s.status() == Status.DUE || s.status() == Status.LATE ? 1 : 0;
                    c[1] += s.status() == Status.DONE_LATE ? 1 : 0;
                    c[2] += s.status() == Status.MISSED ? 1 : 0;
                }
                c[3] += abnormalToday.contains(p.id()) ? 1 : 0;
            }
            due.add(c[0]);
            late.add(c[1]);
            missed.add(c[2]);
            sick.add(c[3]);
        }
        return Map.of(DUE, due, LATE, late, MISSED, missed, ABNORMAL, sick);
    }
}
