package org.hallsafe.accountability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.hallsafe.accountability.ReportTimes.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of a section report's day: due, reminded, overdue, late (issue 16, item 3). */
class ReportTimesTest {

    private final ReportTimes times = new ReportTimes(LocalTime.of(16, 30), LocalTime.of(17, 0));
    private final LocalDate day = LocalDate.of(2026, 12, 2);

    @Test
    void r16_3_aReportNotSubmittedByTheDueTimeIsOverdue() {
        assertThat(times.state(day, true, false, false, day.atTime(16, 59))).isEqualTo(State.DUE);
        assertThat(times.state(day, true, false, false, day.atTime(17, 0))).isEqualTo(State.OVERDUE);
        assertThat(times.state(day, true, false, false, day.plusDays(1).atTime(9, 0))).isEqualTo(State.OVERDUE);
        assertThat(times.state(day, true, true, false, day.atTime(17, 30))).isEqualTo(State.SUBMITTED);
        assertThat(times.state(day, true, true, true, day.atTime(17, 30))).isEqualTo(State.LATE);
    }

    @Test
    void r16_3_nothingIsDueOnADayOffOrBeforeTheDay() {
        assertThat(times.state(day, false, false, false, day.atTime(18, 0))).isEqualTo(State.NOT_DUE);
        assertThat(times.state(day, true, false, false, day.minusDays(1).atTime(18, 0))).isEqualTo(State.NOT_DUE);
    }

    @Test
    void r16_3_theReminderFallsBetweenTheReminderAndTheDueTime() {
        assertThat(times.remindNow(day, day.atTime(16, 29))).isFalse();
        assertThat(times.remindNow(day, day.atTime(16, 30))).isTrue();
        assertThat(times.remindNow(day, day.atTime(16, 59))).isTrue();
        assertThat(times.remindNow(day, day.atTime(17, 0))).isFalse();
        assertThat(times.late(day, LocalDateTime.of(day, LocalTime.of(16, 59)))).isFalse();
        assertThat(times.late(day, LocalDateTime.of(day, LocalTime.of(17, 0)))).isTrue();
    }
}
