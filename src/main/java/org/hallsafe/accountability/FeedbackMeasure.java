package org.hallsafe.accountability;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hallsafe.organization.MeasureStatusProvider;
import org.springframework.stereotype.Component;

/**
 * R-REQ's cell of each section on the responsibility matrix, from the daily reports: done when submitted, due until
 * the hall's due time, overdue after it.
 */
@Component
class FeedbackMeasure implements MeasureStatusProvider {

    private final SectionReports reports;

    FeedbackMeasure(SectionReports reports) {
        this.reports = reports;
    }

    @Override
    public String measureCode() {
        return "R-REQ";
    }

    @Override
    public Map<Long, MeasureStatus> statuses(long siteId, LocalDate day) {
        Map<Long, MeasureStatus> cells = new LinkedHashMap<>();
        for (SectionReports.Line line : reports.day(siteId, day)) {
            switch (line.state()) {
                case SUBMITTED, LATE -> cells.put(line.section().id(), new MeasureStatus(1, 0, 0));
                case DUE -> cells.put(line.section().id(), new MeasureStatus(0, 1, 0));
                case OVERDUE -> cells.put(line.section().id(), new MeasureStatus(0, 0, 1));
                case NOT_DUE -> { }
            }
        }
        return cells;
    }
}
