package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hallsafe.incident.Incidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Today at the gate: how many were screened, admitted and refused, by hour, and who was refused. */
@Service
public class Today {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Incidents incidents;

    Today(JdbcClient jdbc, Clock clock, Incidents incidents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
    }

    /** Counts of the day; a re-measured person counts once, by the reading that decided. */
    public record Figures(LocalDate day, int screened, int admitted, int refused, int waiting, int openIncidents,
            int[] byHour, List<Refused> refusedList) {

        /** The counts by hour as a JSON array, for the chart. */
        public String byHourJson() {
            return java.util.Arrays.toString(byHour);
        }
    }

    public record Refused(long id, String name, Gate.PersonType personType, Instant screenedAt, List<String> reasons,
            boolean questioned) {
    }

    /** People screened at the gate today, each once: the count the hall's display screen shows, and nothing else. */
    @Transactional(readOnly = true)
    public int screenedToday(long siteId) {
        LocalDate day = LocalDate.now(clock);
        return jdbc.sql("SELECT count(*)::int FROM screenings WHERE site_id = :site AND screened_at >= :from"
                        + " AND screened_at < :to AND recheck_of IS NULL")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public Figures figures(long siteId) {
        LocalDate day = LocalDate.now(clock);
        Timestamp from = Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        int[] counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE recheck_of IS NULL),
                       count(*) FILTER (WHERE decision = 'ADMITTED'),
                       count(*) FILTER (WHERE decision = 'REFUSED'),
                       count(*) FILTER (WHERE decision = 'RECHECK'
                                        AND NOT EXISTS (SELECT 1 FROM screenings r WHERE r.recheck_of = s.id))
                FROM screenings s WHERE site_id = :site AND screened_at >= :from AND screened_at < :to""")
                .param("site", siteId).param("from", from).param("to", to)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).single();
        int[] byHour = new int[24];
        jdbc.sql("""
                SELECT extract(hour FROM screened_at AT TIME ZONE :zone)::int AS hour, count(*) FROM screenings
                WHERE site_id = :site AND screened_at >= :from AND screened_at < :to AND recheck_of IS NULL
                GROUP BY 1""")
                .param("zone", clock.getZone().getId()).param("site", siteId).param("from", from).param("to", to)
                .query((rs, n) -> byHour[rs.getInt(1)] = rs.getInt(2)).list();
        List<Refused> refused = jdbc.sql("""
                SELECT id, person_name, person_type, screened_at, reasons, questioned_at IS NOT NULL AS questioned
                FROM screenings WHERE site_id = :site AND decision = 'REFUSED' AND screened_at >= :from AND screened_at < :to
                ORDER BY screened_at DESC""")
                .param("site", siteId).param("from", from).param("to", to)
                .query((rs, n) -> new Refused(rs.getLong(1), rs.getString(2), Gate.PersonType.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), List.of((String[]) rs.getArray(5).getArray()), rs.getBoolean(6)))
                .list();
        return new Figures(day, counts[0], counts[1], counts[2], counts[3], incidents.openCount(siteId), byHour, refused);
    }
}
