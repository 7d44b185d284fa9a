package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gate's tiles on the leadership's overview (R-SCR): people screened on the day, each once as {@link Today}
 * counts them (a re-measure is not a second person), and readings refused, as the ledger filtered by 劝返 lists them.
 */
@Component
class ScreeningFigures implements HallFigures {

    static final String SCREENED = "figure.screening.screened";
    static final String REFUSED = "figure.screening.refused";

    private final JdbcClient jdbc;
    private final Clock clock;

    ScreeningFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        Map<String, List<Long>> counts = trend(siteId, day, day);
        long screened = counts.get(SCREENED).get(0);
        long refused = counts.get(REFUSED).get(0);
        String ledger = "/screening/ledger?from=" + day + "&to=" + day;
        return List.of(
                new Figure(SCREENED, "R-SCR", screened, Level.NONE, ledger),
                new Figure(REFUSED, "R-SCR", refused, refused > 0 ? Level.WATCH : Level.GOOD,
                        ledger + "&decision=REFUSED"));
    }

    @Override
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> byDay = new HashMap<>();
        jdbc.sql("""
                SELECT (screened_at AT TIME ZONE :zone)::date, count(*) FILTER (WHERE recheck_of IS NULL),
                       count(*) FILTER (WHERE decision = 'REFUSED')
                FROM screenings WHERE site_id = :site AND screened_at >= :from AND screened_at < :to GROUP BY 1""")
                .param("zone", clock.getZone().getId()).param("site", siteId)
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> byDay.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        return Map.of(SCREENED, series(byDay, from, to, 0), REFUSED, series(byDay, from, to, 1));
    }

    private static List<Long> series(Map<LocalDate, long[]> byDay, LocalDate from, LocalDate to, int i) {
        return from.datesUntil(to.plusDays(1)).map(d -> byDay.containsKey(d) ? byDay.get(d)[i] : 0L).toList();
    }
}
