package org.hallsafe.duty;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.MeasureStatusProvider;
import org.hallsafe.organization.Views.WindowView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R-SVC (窗口值班) in the responsibility matrix's window columns: each window in use has someone on the day's duty
 * roster. A window with a post that day counts done, one without counts overdue. A window's cell opens the roster of
 * that window on that day: the posts counted.
 */
@Component
class DutyMeasure implements MeasureStatusProvider {

    private final JdbcClient jdbc;
    private final Directory directory;

    DutyMeasure(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public String measureCode() {
        return "R-SVC";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        return Map.of();
    }

    @Override
    public Map<Long, MeasureStatus> windowStatuses(long siteId, LocalDate day) {
        Set<Long> staffed = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT window_id FROM duty_roster WHERE site_id = :site AND day = :day AND window_id IS NOT NULL""")
                .param("site", siteId).param("day", day).query(Long.class).list());
        return directory.windows(siteId, "", false).stream().collect(Collectors.toMap(WindowView::id,
                w -> staffed.contains(w.id()) ? new MeasureStatus(1, 0, 0) : new MeasureStatus(0, 0, 1)));
    }

    /** The roster of that window on that day. */
    @Override
    public String windowLink(long siteId, long windowId, LocalDate day) {
        return "/duty/roster?from=" + day + "&day=" + day + "&window=" + windowId;
    }

    @Override
    public String recordsKey() {
        return "measure.records.duty";
    }
}
