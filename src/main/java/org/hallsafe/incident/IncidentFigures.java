package org.hallsafe.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents not yet acknowledged by the leadership group, on the overview (R-ORG): today those the incident list shows
 * as 待确认 (status OPEN); for a past day those reported and not acknowledged by its end. Closing acknowledges too.
 */
@Component
class IncidentFigures implements HallFigures {

    static final String UNACKNOWLEDGED = "figure.incident.unacknowledged";

    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        long open = trend(siteId, day, day).get(UNACKNOWLEDGED).get(0);
        return List.of(new Figure(UNACKNOWLEDGED, "R-ORG", open, open > 0 ? Level.ALERT : Level.GOOD,
                "/incidents?status=OPEN"));
    }

    /** For each day, the incidents unacknowledged at its end, or now for today. */
    @Override
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        List<Long> counts = from.datesUntil(to.plusDays(1)).map(d -> 0L).toList();
        Long[] values = counts.toArray(new Long[0]);
        Instant now = clock.instant();
        jdbc.sql("""
                SELECT d.n, count(i.id) FROM
                  (SELECT n, least(CAST(:start AS timestamptz) + make_interval(days => n + 1), CAST(:now AS timestamptz)) AS at
                   FROM generate_series(0, :days) AS n) d
                JOIN incidents i ON i.site_id = :site AND i.reported_at < d.at
                  AND (i.acknowledged_at IS NULL OR i.acknowledged_at >= d.at)
                GROUP BY d.n""")
                .param("start", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("now", Timestamp.from(now)).param("days", counts.size() - 1).param("site", siteId)
                .query((rs, n) -> values[rs.getInt(1)] = rs.getLong(2)).list();
        return Map.of(UNACKNOWLEDGED, List.of(values));
    }
}
