package org.hallsafe.staffhealth;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One staff member's checks of one day, as the plan asks for them: before work, every two hours of working time (the
 * lunch break does not count), after work, and after each return to the hall. Each check slot opens a little before
 * it is due, is late after the grace period, and is missed when it closes an hour after it was due. A check fills the
 * earliest open slot it falls in.
 */
public final class StaffDay {

    private StaffDay() {
    }

    public enum Group { BUREAU, WINDOW, CANTEEN }

    public enum Kind { BEFORE_WORK, PERIODIC, AFTER_WORK, RETURN }

    public enum Status { UPCOMING, OPEN, DUE, LATE, MISSED, DONE_ON_TIME, DONE_LATE }

    /** A working day with its lunch break, and the weekdays it applies to. */
    public record Schedule(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
            LocalTime afternoonEnd, Set<DayOfWeek> workingDays) {

        /** The plan's hall: 08:30–12:00 and 14:30–17:30, Monday to Friday. */
        public static final Schedule DEFAULT = new Schedule(LocalTime.of(8, 30), LocalTime.of(12, 0),
                LocalTime.of(14, 30), LocalTime.of(17, 30), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

        boolean works(LocalDate day) {
            return workingDays.contains(day.getDayOfWeek());
        }
    }

    /** The rules' durations: checks every {@code interval} of working time, {@code grace} before a check is late. */
    record Rules(Duration interval, Duration grace) {
    }

    /** One check the day asks for, and how it stands. */
    public record Slot(Kind kind, Instant dueAt, Instant opensAt, Instant closesAt, Status status, Instant checkedAt) {

        /** Stable name of the slot, for reminders: {@code 2026-11-28/PERIODIC/02:30Z}. */
        public String key() {
            return kind + "/" + dueAt;
        }

        public boolean needsAttention() {
            return status == Status.DUE || status == Status.LATE || status == Status.MISSED;
        }
    }

    private static final Duration EARLY = Duration.ofMinutes(30);
    private static final Duration BEFORE_WORK_EARLY = Duration.ofMinutes(90);
    private static final Duration CLOSES_AFTER = Duration.ofMinutes(60);

    /**
     * The day's slots with their status at {@code now}.
     *
     * @param checks when the staff member's checks were taken that day
     * @param returns when they came back to the hall that day
     */
    static List<Slot> compute(Schedule schedule, Rules rules, LocalDate day, ZoneId zone, List<Instant> checks,
            List<Instant> returns, Instant now) {
        return schedule.works(day) ? computeWorking(schedule, rules, day, zone, checks, returns, now) : List.of();
    }

    /**
     * The day's slots on a day the hall's calendar decides, whatever the schedule's weekdays say: none when the hall is
     * closed (a public holiday), the full day on a 调休 working weekend, else the schedule's weekdays.
     *
     * @param hallOpen whether the hall opens that day
     * @param exception whether the calendar's exception (holiday or 调休) made it so
     */
    static List<Slot> compute(Schedule schedule, Rules rules, LocalDate day, ZoneId zone, List<Instant> checks,
            List<Instant> returns, Instant now, boolean hallOpen, boolean exception) {
        if (!hallOpen || !exception && !schedule.works(day)) {
            return List.of();
        }
        return computeWorking(schedule, rules, day, zone, checks, returns, now);
    }

    private static List<Slot> computeWorking(Schedule schedule, Rules rules, LocalDate day, ZoneId zone,
            List<Instant> checks, List<Instant> returns, Instant now) {
        record Due(Kind kind, Instant at, Duration early) {
        }
        List<Due> dues = new ArrayList<>();
        Instant start = day.atTime(schedule.morningStart()).atZone(zone).toInstant();
        Instant end = day.atTime(schedule.afternoonEnd()).atZone(zone).toInstant();
        dues.add(new Due(Kind.BEFORE_WORK, start, BEFORE_WORK_EARLY));
        Duration morning = Duration.between(schedule.morningStart(), schedule.morningEnd());
        Duration afternoon = Duration.between(schedule.afternoonStart(), schedule.afternoonEnd());
        for (Duration worked = rules.interval(); worked.compareTo(morning.plus(afternoon)) < 0; worked = worked.plus(rules.interval())) {
            LocalTime at = worked.compareTo(morning) <= 0 ? schedule.morningStart().plus(worked)
                    : schedule.afternoonStart().plus(worked.minus(morning));
            dues.add(new Due(Kind.PERIODIC, day.atTime(at).atZone(zone).toInstant(), EARLY));
        }
        dues.add(new Due(Kind.AFTER_WORK, end, EARLY));
        for (Instant r : returns) {
            dues.add(new Due(Kind.RETURN, r, Duration.ofMinutes(5)));
        }
        dues.sort(Comparator.comparing(Due::at));

        List<Instant> unused = new ArrayList<>(checks.stream().sorted().toList());
        List<Slot> slots = new ArrayList<>();
        for (Due due : dues) {
            Instant opens = due.at().minus(due.early());
            Instant closes = due.at().plus(CLOSES_AFTER);
            Instant checked = unused.stream().filter(c -> !c.isBefore(opens) && !c.isAfter(closes) && !c.isAfter(now))
                    .findFirst().orElse(null);
            Status status;
            if (checked != null) {
                unused.remove(checked);
                status = checked.isAfter(due.at().plus(rules.grace())) ? Status.DONE_LATE : Status.DONE_ON_TIME;
            } else if (now.isBefore(opens)) {
                status = Status.UPCOMING;
            } else if (now.isBefore(due.at())) {
                status = Status.OPEN;
            } else if (!now.isAfter(due.at().plus(rules.grace()))) {
                status = Status.DUE;
            } else if (now.isBefore(closes)) {
                status = Status.LATE;
            } else {
                status = Status.MISSED;
            }
            slots.add(new Slot(due.kind(), due.at(), opens, closes, status, checked));
        }
        return slots;
    }
}
