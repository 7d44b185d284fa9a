package org.hallsafe.agency;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service commitment (承诺时限) counted in working days, with weekends, a public holiday, 调休 and 补正 pauses. */
class CommitmentClockTest {

    /** National Day 2026: closed 1–7 October, Saturday 10 October a 调休 working day. */
    static final Set<LocalDate> HOLIDAY = Set.of(d(10, 1), d(10, 2), d(10, 5), d(10, 6), d(10, 7));
    static final Set<LocalDate> MAKE_UP = Set.of(d(10, 10));
    static final Predicate<LocalDate> HALL = day -> MAKE_UP.contains(day)
            || !HOLIDAY.contains(day) && day.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0;

    final CommitmentClock clock = new CommitmentClock(HALL);

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void r14_3_rSvc4_fiveWorkingDaysFromAFridayAcceptanceSkipTheWeekendAndTheNationalHoliday() {
        // accepted Friday 25 September: Mon 28, Tue 29, Wed 30, then closed until Thursday 8, Friday 9
        assertThat(clock.dueOn(d(9, 25), 5, 0)).isEqualTo(d(10, 9));
        assertThat(clock.dueOn(d(9, 25), 3, 0)).as("the acceptance day itself is not counted").isEqualTo(d(9, 30));
        assertThat(clock.dueOn(d(9, 25), 4, 0)).as("a week of holiday is not counted").isEqualTo(d(10, 8));
        assertThat(clock.dueOn(d(10, 8), 2, 0)).as("the 调休 Saturday counts").isEqualTo(d(10, 10));
    }

    @Test
    void r14_3_rSvc4_aPauseFor补正AcrossTheHolidayMovesTheDueDateByItsWorkingDaysOnly() {
        // notice on Tuesday 29 September, the missing page arrives Thursday 8 October: Wed 30 and Thu 8 were paused
        CommitmentClock.Pause pause = new CommitmentClock.Pause(d(9, 29), d(10, 8));
        assertThat(clock.pausedDays(pause, d(10, 20))).isEqualTo(2);
        // seven working days after 25 September: 28, 29, 30, 8, 9, 10 (调休), 12
        assertThat(clock.dueOn(d(9, 25), 5, clock.pausedDays(List.of(pause), d(10, 20)))).isEqualTo(d(10, 12));
        assertThat(clock.pausedDays(new CommitmentClock.Pause(d(9, 29), d(9, 29)), d(10, 20)))
                .as("paused and resumed on one day costs nothing").isZero();
        assertThat(clock.pausedDays(new CommitmentClock.Pause(d(10, 2), d(10, 4)), d(10, 20)))
                .as("a pause over closed days only costs nothing").isZero();
    }

    @Test
    void r14_3_rSvc4_theCountdownWarnsTheDayBeforeAndIsOverdueAfterTheDueDay() {
        List<CommitmentClock.Pause> pauses = List.of(new CommitmentClock.Pause(d(9, 29), d(10, 8)));
        assertThat(clock.standing(d(9, 25), 5, pauses, d(10, 9)))
                .isEqualTo(new CommitmentClock.Standing(d(10, 12), 2, false));
        CommitmentClock.Standing saturday = clock.standing(d(9, 25), 5, pauses, d(10, 10));
        assertThat(saturday.workingDaysLeft()).isEqualTo(1);
        assertThat(saturday.dueTomorrow()).as("the 调休 Saturday is the last working day before the limit").isTrue();
        assertThat(clock.standing(d(9, 25), 5, pauses, d(10, 11)).workingDaysLeft())
                .as("Sunday: still one working day, the due Monday").isEqualTo(1);
        CommitmentClock.Standing due = clock.standing(d(9, 25), 5, pauses, d(10, 12));
        assertThat(due.workingDaysLeft()).isZero();
        assertThat(due.overdue()).isFalse();
        CommitmentClock.Standing late = clock.standing(d(9, 25), 5, pauses, d(10, 13));
        assertThat(late.workingDaysLeft()).isEqualTo(-1);
        assertThat(late.overdue()).isTrue();
        assertThat(clock.standing(d(9, 25), 5, pauses, d(10, 17)).workingDaysLeft())
                .as("overdue by working days, the weekend not counted").isEqualTo(-4);
        assertThat(clock.standing(d(9, 14), 5, List.of(), d(9, 26)).overdue())
                .as("due Monday 21: the Saturday after is overdue too").isTrue();
        assertThat(clock.workingDaysLeft(d(9, 19), d(9, 18))).as("due Friday, seen on Saturday").isEqualTo(-1);
    }

    @Test
    void r14_3_rSvc4_whilePausedTheCountdownStandsStill() {
        // accepted Monday 14 September with 5 days: due Monday 21; a notice on Wednesday 16 leaves 3 days
        List<CommitmentClock.Pause> open = List.of(new CommitmentClock.Pause(d(9, 16), null));
        CommitmentClock.Standing onThe16th = clock.standing(d(9, 14), 5, open, d(9, 16));
        assertThat(onThe16th).isEqualTo(new CommitmentClock.Standing(d(9, 21), 3, true));
        CommitmentClock.Standing aWeekLater = clock.standing(d(9, 14), 5, open, d(9, 23));
        assertThat(aWeekLater.workingDaysLeft()).as("a week waiting on the citizen costs the case nothing").isEqualTo(3);
        assertThat(aWeekLater.dueOn()).isEqualTo(d(9, 28));
        assertThat(aWeekLater.paused()).isTrue();
        assertThat(aWeekLater.overdue()).isFalse();
    }

    @Test
    void r14_3_rSvc4_finishingOnTheDueDayIsOnTimeAndTheDayAfterIsLate() {
        assertThat(CommitmentClock.onTime(d(10, 12), d(10, 12))).isTrue();
        assertThat(CommitmentClock.onTime(d(10, 9), d(10, 12))).isTrue();
        assertThat(CommitmentClock.onTime(d(10, 13), d(10, 12))).isFalse();
    }

    @Test
    void r14_3_nonsenseIsRefused() {
        assertThatThrownBy(() -> clock.dueOn(d(9, 25), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitmentClock.Pause(d(9, 25), d(9, 24))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitmentClock(day -> false).dueOn(d(9, 25), 1, 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
