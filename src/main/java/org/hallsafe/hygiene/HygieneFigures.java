package org.hallsafe.hygiene;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones overdue for disinfection, on the overview (R-DIS): as {@link Coverage#on} and the day's hygiene report count
 * them (today now, a past day as it ended), by {@link ZoneRules}; none on a day the hall is closed, as the matrix.
 */
@Component
class HygieneFigures implements HallFigures {

    static final String OVERDUE = "figure.hygiene.overdue";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallCalendar calendar;

    HygieneFigures(JdbcClient jdbc, Clock clock, HallCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        long overdue = trend(siteId, day, day).get(OVERDUE).get(0);
        Level level = !calendar.isWorkingDay(siteId, day) ? Level.NONE : overdue > 0 ? Level.ALERT : Level.GOOD;
        return List.of(new Figure(OVERDUE, "R-DIS", overdue, level, "/hygiene/report?day=" + day));
    }

    /** For each day and active zone, its last disinfection by the day's end (or now): one lookup per zone and day. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        long[] counts = new long[days];
        jdbc.sql("""
                SELECT d.n, d.at, z.interval_minutes,
                       (SELECT max(x.done_at) FROM disinfections x WHERE x.zone_id = z.id AND x.done_at <= d.at)
                FROM (SELECT n, least(CAST(:start AS timestamptz) + make_interval(days => n + 1), CAST(:now AS timestamptz)) AS at
                      FROM generate_series(0, :last) AS n) d
                CROSS JOIN zones z WHERE z.site_id = :site AND z.retired_at IS NULL""")
                .param("start", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("now", Timestamp.from(clock.instant())).param("last", days - 1).param("site", siteId)
                .query((rs, n) -> {
                    Instant at = rs.getTimestamp(2).toInstant();
                    Timestamp last = rs.getTimestamp(4);
                    Instant due = ZoneRules.dueAt(last == null ? null : last.toInstant(), rs.getInt(3));
                    if (ZoneRules.state(due, at) == Hygiene.State.OVERDUE) {
                        counts[rs.getInt(1)]++;
                    }
                    return null;
                }).list();
        List<Long> overdue = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            overdue.add(calendar.isWorkingDay(siteId, from.plusDays(i)) ? counts[i] : 0L);
        }
        return Map.of(OVERDUE, overdue);
    }
}
