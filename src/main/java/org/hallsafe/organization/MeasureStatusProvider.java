package org.hallsafe.organization;

import java.time.LocalDate;
import java.util.Map;

/**
 * Implemented by the modules that carry out a measure (screening, staff health, hygiene …) to fill a cell of the
 * responsibility matrix: how one section stands on one measure on one day.
 */
public interface MeasureStatusProvider {

    /** The measure code this provider reports on, e.g. {@code R-DIS}. */
    String measureCode();

    /** The day's figures of every section that has any, by section id: one call fills a row of the matrix. */
    Map<Long, MeasureStatus> statuses(long siteId, LocalDate day);

    /** Counts of a cell: tasks done, due now, and overdue or missed. */
    record MeasureStatus(int done, int due, int overdue) {
    }
}
