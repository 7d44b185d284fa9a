package org.hallsafe.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.HallFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The overview's and the briefing's tile: sections whose daily report is overdue (not submitted by the due time). */
@Component
class FeedbackFigures implements HallFigures {

    static final String OVERDUE = "figure.accountability.reportsOverdue";

    private final SectionReports reports;
    private final HallCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackFigures(SectionReports reports, HallCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Figure> figures(long siteId, LocalDate day) {
        List<SectionReports.Line> lines = reports.day(siteId, day);
        long overdue = lines.stream().filter(l -> l.state() == ReportTimes.State.OVERDUE).count();
        boolean due = lines.stream().anyMatch(l -> l.state() == ReportTimes.State.DUE);
        boolean none = lines.stream().allMatch(l -> l.state() == ReportTimes.State.NOT_DUE);
        Level level = overdue > 0 ? Level.ALERT : due ? Level.WATCH : none ? Level.NONE : Level.GOOD;
        return List.of(new Figure(OVERDUE, "R-REQ", overdue, level, "/feedback?day=" + day));
    }

    /** Per day: the hall's sections less the reports submitted, once the day's due time has passed; one query. */
    @Override
    public Map<String, List<Long>> trend(long siteId, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> submitted = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT day, count(*) FROM section_reports WHERE site_id = :site AND day BETWEEN :from AND :to
                GROUP BY day""")
                .param("site", siteId).param("from", from).param("to", to)
                .query((rs, n) -> submitted.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        long sections = reports.sections(siteId).size();
        ReportTimes times = reports.times(siteId);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> values = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean passed = !now.isBefore(d.atTime(times.dueAt()));
            values.add(passed && calendar.isWorkingDay(siteId, d)
                    ? Math.max(0, sections - submitted.getOrDefault(d, 0L)) : 0L);
        }
        return Map.of(OVERDUE, values);
    }
}
