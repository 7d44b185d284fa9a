package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agency cases past their time limit, on the overview (R-SVC): today the cases the list shows under 已超期 (accepted,
 * not done, due before today: {@link AgencyCases.CaseSummary#overdue}); for a past day those accepted, due before it
 * and not done by its end.
 */
@Component
class AgencyFigures implements HallFigures {

    static final String OVERDUE = "figure.agency.overdue";

    private final JdbcClient jdbc;
    private final Clock clock;

    AgencyFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        long overdue = trend(siteId, day, day).get(OVERDUE).get(0);
        return List.of(new Figure(OVERDUE, "R-SVC", overdue, overdue > 0 ? Level.ALERT : Level.GOOD,
                "/agency?overdue=true"));
    }

    @Override
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        Long[] values = new Long[days];
        java.util.Arrays.fill(values, 0L);
        jdbc.sql("""
                SELECT d.n, count(c.id) FROM
                  (SELECT n, CAST(:from AS date) + n AS day, least(CAST(:start AS timestamptz) + make_interval(days => n + 1), CAST(:now AS timestamptz)) AS at
                   FROM generate_series(0, :last) AS n) d
                JOIN agency_cases c ON c.site_id = :site AND c.state IN ('ACCEPTED', 'DONE', 'SENT')
                  AND c.accepted_at <= d.at AND c.due_on < d.day AND (c.done_at IS NULL OR c.done_at > d.at)
                GROUP BY d.n""")
                .param("from", from).param("start", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("now", Timestamp.from(clock.instant())).param("last", days - 1).param("site", siteId)
                .query((rs, n) -> values[rs.getInt(1)] = rs.getLong(2)).list();
        return Map.of(OVERDUE, List.of(values));
    }
}
