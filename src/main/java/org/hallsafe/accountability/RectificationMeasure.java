package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hallsafe.organization.MeasureStatusProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility matrix's R-REQ cells from rectifications, per owner section and day (R-REQ-3): done = closed
 * that day or fixed and waiting for the re-check; due = open within the deadline; overdue = open past the deadline.
 * A rectification closed before the day does not count.
 */
@Component
class RectificationMeasure implements MeasureStatusProvider {

    private final JdbcClient jdbc;
    private final Clock clock;

    RectificationMeasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String measureCode() {
        return "R-REQ";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        Map<Long, MeasureStatus> cells = new HashMap<>();
        jdbc.sql("""
                SELECT department_id,
                       count(*) FILTER (WHERE done) AS done,
                       count(*) FILTER (WHERE NOT done AND due_on >= :day) AS due,
                       count(*) FILTER (WHERE NOT done AND due_on < :day) AS overdue
                FROM (SELECT department_id, due_on,
                             (closed_at IS NOT NULL AND (closed_at AT TIME ZONE :zone)::date <= :day)
                                 OR (fixed_at IS NOT NULL AND (fixed_at AT TIME ZONE :zone)::date <= :day) AS done
                      FROM rectifications
                      WHERE site_id = :site AND (opened_at AT TIME ZONE :zone)::date <= :day
                        AND (closed_at IS NULL OR (closed_at AT TIME ZONE :zone)::date >= :day)) r
                GROUP BY department_id""")
                .param("site", siteId).param("day", day).param("zone", clock.getZone().getId())
                .query((rs, n) -> cells.put(rs.getLong("department_id"),
                        new MeasureStatus(rs.getInt("done"), rs.getInt("due"), rs.getInt("overdue"))))
                .list();
        return cells;
    }
}
