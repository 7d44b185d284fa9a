package org.hallsafe.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.hallsafe.organization.MeasureStatusProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R-SVC-4 (agency service) in the responsibility matrix's R-SVC row, per owning section of the cases: done on time
 * (cases finished on time that day), due (open cases within their time limit) and overdue (open cases past it, and
 * cases finished late that day). A case without an owning section counts nowhere: the items page names one.
 */
@Component
class AgencyMeasure implements MeasureStatusProvider {

    private final JdbcClient jdbc;
    private final Clock clock;

    AgencyMeasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String measureCode() {
        return "R-SVC";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Map<Long, MeasureStatus> out = new HashMap<>();
        jdbc.sql("""
                SELECT department_id,
                       count(*) FILTER (WHERE on_time AND done_at >= :from AND done_at < :to),
                       count(*) FILTER (WHERE state IN ('ACCEPTED', 'SUPPLEMENT') AND due_on >= :day),
                       count(*) FILTER (WHERE (state IN ('ACCEPTED', 'SUPPLEMENT') AND due_on < :day)
                                          OR (NOT on_time AND done_at >= :from AND done_at < :to))
                FROM agency_cases WHERE site_id = :site AND department_id IS NOT NULL
                  AND (state IN ('ACCEPTED', 'SUPPLEMENT') OR (done_at >= :from AND done_at < :to))
                GROUP BY department_id""")
                .param("site", siteId).param("day", day)
                .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> Map.entry(rs.getLong(1), new MeasureStatus(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The cases counted: the section's open cases and those done that day (the list's section filter). */
    @Override
    public String sectionLink(long siteId, long sectionId, LocalDate day) {
        return "/agency?section=" + sectionId + "&day=" + day;
    }

    @Override
    public String recordsKey() {
        return "measure.records.cases";
    }
}
