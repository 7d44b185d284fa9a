package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.Measures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R-SCR (the first gate) in the responsibility matrix, for each section that owns it: the day's readings at the gate
 * handled (admitted, re-measured, or refused and questioned), waiting for their re-measure, and refused without the
 * questioning record the plan asks for. Together they are every reading of the day: the ledger of that day.
 */
@Component
class GateMeasure implements MeasureStatusProvider {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Measures measures;

    GateMeasure(JdbcClient jdbc, Clock clock, Measures measures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.measures = measures;
    }

    @Override
    public String measureCode() {
        return "R-SCR";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        Set<Long> owners = measures.owners(siteId).getOrDefault(measureCode(), Set.of());
        if (owners.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = clock.getZone();
        MeasureStatus status = jdbc.sql("""
                SELECT count(*) FILTER (WHERE s.decision = 'ADMITTED' OR s.decision = 'REFUSED' AND s.questioned_at IS NOT NULL
                                          OR s.decision = 'RECHECK' AND r.id IS NOT NULL) AS done,
                       count(*) FILTER (WHERE s.decision = 'RECHECK' AND r.id IS NULL) AS due,
                       count(*) FILTER (WHERE s.decision = 'REFUSED' AND s.questioned_at IS NULL) AS overdue
                FROM screenings s
                LEFT JOIN LATERAL (SELECT id FROM screenings WHERE site_id = s.site_id AND recheck_of = s.id LIMIT 1) r ON true
                WHERE s.site_id = :site AND s.screened_at >= :from AND s.screened_at < :to""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new MeasureStatus(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
        Map<Long, MeasureStatus> out = new HashMap<>();
        owners.forEach(owner -> out.put(owner, status));
        return out;
    }

    /** The ledger of that day: every reading counted. */
    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/screening/ledger?from=" + day + "&to=" + day;
    }

    @Override
    public String recordsKey() {
        return "measure.records.screenings";
    }
}
