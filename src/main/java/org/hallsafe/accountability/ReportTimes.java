package org.hallsafe.accountability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When a section's daily report is reminded and due (a hall setting, default 16:30 and 17:00), and how a report stands
 * at a moment: the one rule behind the day's list, the matrix cell, the overview tile and the reminder job.
 */
record ReportTimes(LocalTime remindAt, LocalTime dueAt) {

    static final ReportTimes DEFAULT = new ReportTimes(LocalTime.of(16, 30), LocalTime.of(17, 0));

    /** How a section's report of {@code day} stands at {@code now}. */
    enum State { SUBMITTED, LATE, DUE, OVERDUE, NOT_DUE }

    State state(LocalDate day, boolean workingDay, boolean submitted, boolean late, LocalDateTime now) {
        if (submitted) {
            return late ? State.LATE : State.SUBMITTED;
        }
        if (!workingDay || now.isBefore(day.atStartOfDay())) {
            return State.NOT_DUE;
        }
        return now.isBefore(day.atTime(dueAt)) ? State.DUE : State.OVERDUE;
    }

    /** A report of {@code day} written at {@code at} is late once the day's due time has passed. */
    boolean late(LocalDate day, LocalDateTime at) {
        return !at.isBefore(day.atTime(dueAt));
    }

    /** Between the reminder and the due time of {@code day}: the moment to remind a section that has not reported. */
    boolean remindNow(LocalDate day, LocalDateTime now) {
        return !now.isBefore(day.atTime(remindAt)) && now.isBefore(day.atTime(dueAt));
    }
}
