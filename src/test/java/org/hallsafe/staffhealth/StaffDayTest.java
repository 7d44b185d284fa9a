package org.hallsafe.staffhealth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.hallsafe.staffhealth.StaffDay.Kind;
import org.hallsafe.staffhealth.StaffDay.Slot;
import org.hallsafe.staffhealth.StaffDay.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** R-MON-1, R-MON-2: which checks a working day asks for, and when each is due, late or missed. */
class StaffDayTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final StaffDay.Rules RULES = new StaffDay.Rules(Duration.ofHours(2), Duration.ofMinutes(15));

    private static Instant at(String time) {
        return MONDAY.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private static List<Slot> day(List<Instant> checks, List<Instant> returns, String now) {
        return StaffDay.compute(StaffDay.Schedule.DEFAULT, RULES, MONDAY, ZONE, checks, returns, at(now));
    }

    @Test
    void rMon1_rMon2_asksBeforeWorkEveryTwoHoursOfWorkingTimeAcrossLunchAndAfterWork() {
        List<Slot> slots = day(List.of(), List.of(), "06:30");
        assertThat(slots).extracting(Slot::kind, s -> s.dueAt().atZone(ZONE).toLocalTime().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.BEFORE_WORK, "08:30"),
                org.assertj.core.groups.Tuple.tuple(Kind.PERIODIC, "10:30"),
                org.assertj.core.groups.Tuple.tuple(Kind.PERIODIC, "15:00"),
                org.assertj.core.groups.Tuple.tuple(Kind.PERIODIC, "17:00"),
                org.assertj.core.groups.Tuple.tuple(Kind.AFTER_WORK, "17:30"));
        assertThat(slots).allMatch(s -> s.status() == Status.UPCOMING);
    }

    @Test
    void movesFromOpenToDueToLateToMissedAsTheClockRuns() {
        assertThat(day(List.of(), List.of(), "10:05").get(1).status()).isEqualTo(Status.OPEN);
        assertThat(day(List.of(), List.of(), "10:40").get(1).status()).isEqualTo(Status.DUE);
        assertThat(day(List.of(), List.of(), "10:46").get(1).status()).isEqualTo(Status.LATE);
        assertThat(day(List.of(), List.of(), "11:31").get(1).status()).isEqualTo(Status.MISSED);
    }

    @Test
    void countsACheckWithinTheGraceOnTimeAndAfterItLate() {
        assertThat(day(List.of(at("08:10"), at("10:44")), List.of(), "12:00")).extracting(Slot::status)
                .startsWith(Status.DONE_ON_TIME, Status.DONE_ON_TIME);
        assertThat(day(List.of(at("08:50")), List.of(), "12:00").get(0).status()).isEqualTo(Status.DONE_LATE);
    }

    @Test
    void rMon1_asksForACheckOnEveryReturnToTheHall() {
        List<Slot> slots = day(List.of(at("14:41")), List.of(at("14:40")), "16:00");
        Slot back = slots.stream().filter(s -> s.kind() == Kind.RETURN).findFirst().orElseThrow();
        assertThat(back.status()).isEqualTo(Status.DONE_ON_TIME);
        assertThat(back.checkedAt()).isEqualTo(at("14:41"));
    }

    @Test
    void asksNothingOnADayOffAndNothingOfAFutureCheck() {
        assertThat(StaffDay.compute(StaffDay.Schedule.DEFAULT, RULES, MONDAY.minusDays(1), ZONE, List.of(), List.of(),
                at("10:00"))).isEmpty();
        assertThat(day(List.of(at("10:30")), List.of(), "10:20").get(1).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void r13_2_rMon1_whatAPersonOwesFollowsTheHallsCalendarNotTheWeekdays() {
        LocalDate saturday = MONDAY.plusDays(5);
        Instant saturdayTen = saturday.atTime(10, 0).atZone(ZONE).toInstant();
        // a public holiday on a Monday: the hall is closed, nothing is owed
        assertThat(StaffDay.compute(StaffDay.Schedule.DEFAULT, RULES, MONDAY, ZONE, List.of(), List.of(), at("10:00"),
                false, true)).isEmpty();
        // a 调休 working Saturday: the full day is owed, though the schedule's weekdays leave Saturday out
        assertThat(StaffDay.compute(StaffDay.Schedule.DEFAULT, RULES, saturday, ZONE, List.of(), List.of(), saturdayTen,
                true, true)).extracting(Slot::kind).startsWith(Kind.BEFORE_WORK).endsWith(Kind.AFTER_WORK);
        // an ordinary Saturday: nothing
        assertThat(StaffDay.compute(StaffDay.Schedule.DEFAULT, RULES, saturday, ZONE, List.of(), List.of(), saturdayTen,
                true, false)).isEmpty();
    }
}
