package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectifications' tiles on the leaders' overview and in the briefing (R-REQ-3): open (not yet closed) and overdue
 * (still the owner's to do after the deadline's day) at the end of a day. A day in the past counts as it stood then.
 */
@Component
class RectificationFigures implements HallFigures {

    static final String OPEN = "figure.accountability.rectificationsOpen";
    static final String OVERDUE = "figure.accountability.rectificationsOverdue";

    private final JdbcClient jdbc;
    private final Clock clock;

    RectificationFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(long siteId, LocalDate day) {
        Map<String, List<Long>> t = trend(siteId, day, day);
        long open = t.get(OPEN).get(0);
        long overdue = t.get(OVERDUE).get(0);
        return List.of(
                new Figure(OPEN, "R-REQ", open, open == 0 ? Level.GOOD : Level.WATCH, "/rectifications"),
                new Figure(OVERDUE, "R-REQ", overdue, overdue == 0 ? Level.GOOD : Level.ALERT,
                        "/rectifications?overdue=true"));
    }

    /** One grouped query for both tiles over the days. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> byDay = new HashMap<>();
        jdbc.sql("""
                SELECT d.day::date AS day,
                       count(r.id) AS open,
                       count(r.id) FILTER (WHERE r.due_on < d.day::date
                           AND (r.fixed_at IS NULL OR (r.fixed_at AT TIME ZONE :zone)::date > d.day::date)) AS overdue
                FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d(day)
                LEFT JOIN rectifications r ON r.site_id = :site
                    AND (r.opened_at AT TIME ZONE :zone)::date <= d.day::date
                    AND (r.closed_at IS NULL OR (r.closed_at AT TIME ZONE :zone)::date > d.day::date)
                GROUP BY d.day ORDER BY d.day""")
                .param("zone", clock.getZone().getId()).param("from", from).param("to", to).param("site", siteId)
                .query((rs, n) -> byDay.put(rs.getObject("day", LocalDate.class),
                        new long[] {rs.getLong("open"), rs.getLong("overdue")}))
                .list();
        List<Long> open = new ArrayList<>();
        List<Long> overdue = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] v = byDay.getOrDefault(d, new long[2]);
            open.add(v[0]);
            overdue.add(v[1]);
        }
        return Map.of(OPEN, open, OVERDUE, overdue);
    }
}
