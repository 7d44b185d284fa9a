package org.hallsafe.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The service commitment (承诺时限) of an agency case, counted in the hall's working days: a pure rule, no Spring, no
 * database. The limit starts the day after acceptance (受理), as 工作日 limits are counted; working days inside a pause
 * for 补正 do not count, so each one moves the due date a working day later.
 *
 * <p>A pause from {@code from} to {@code to} stops the working days after {@code from} up to and including {@code to}:
 * a pause started and ended the same day costs nothing; one started on Monday and ended on Wednesday gives the case
 * Tuesday and Wednesday back.
 */
final class CommitmentClock {

    /** Counting looks at most this far for a working day: a hall closed for ten years has none to find. */
    static final int MAX_SEARCH_DAYS = 3660;

    /** A pause for 补正 ({@code to} null while the case still waits on the citizen). */
    record Pause(LocalDate from, LocalDate to) {

        Pause {
            Objects.requireNonNull(from, "from");
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a pause ends before it starts: " + from + " .. " + to);
            }
        }
    }

    /** Where a case stands on {@code today}: its due date, working days left (negative: overdue by so many). */
    record Standing(LocalDate dueOn, int workingDaysLeft, boolean paused) {

        boolean overdue() {
            return workingDaysLeft < 0;
        }

        /** The last working day before the limit: the day the section head is warned. */
        boolean dueTomorrow() {
            return workingDaysLeft == 1;
        }
    }

    private final Predicate<LocalDate> workingDay;

    CommitmentClock(Predicate<LocalDate> workingDay) {
        this.workingDay = Objects.requireNonNull(workingDay, "workingDay");
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += workingDay.test(d) ? 1 : 0;
        }
        return n;
    }

    /** The {@code n}-th working day after {@code date}; the date itself for 0. */
    LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = date;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (day.isAfter(date.plusDays(MAX_SEARCH_DAYS))) {
                throw new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days of " + date);
            }
            left -= workingDay.test(day) ? 1 : 0;
        }
        return day;
    }

    /** The working days a pause stopped, up to {@code today} for a pause still open. */
    int pausedDays(Pause pause, LocalDate today) {
        return workingDaysBetween(pause.from(), pause.to() == null ? today : pause.to());
    }

    /** The working days all pauses stopped (up to {@code today} for one still open). */
    int pausedDays(List<Pause> pauses, LocalDate today) {
        return pauses.stream().mapToInt(p -> pausedDays(p, today)).sum();
    }

    /** The due date: the limit's last working day after acceptance, one working day later for each paused one. */
    LocalDate dueOn(LocalDate acceptedOn, int limitDays, int pausedDays) {
        if (limitDays < 1) {
            throw new IllegalArgumentException("a time limit is at least one working day: " + limitDays);
        }
        return addWorkingDays(acceptedOn, limitDays + Math.max(0, pausedDays));
    }

    /**
     * Working days left on {@code today} until {@code dueOn}: the due day counts, today does not (on the due day 0
     * left, the day before 1). Past the due date, minus the working days since, at least −1: a case due on Friday is
     * overdue on Saturday, though no working day has passed.
     */
    int workingDaysLeft(LocalDate today, LocalDate dueOn) {
        return today.isAfter(dueOn) ? -Math.max(1, workingDaysBetween(dueOn, today)) : workingDaysBetween(today, dueOn);
    }

    /**
     * Where a case accepted on {@code acceptedOn} stands on {@code today}, with its pauses since acceptance. While a
     * pause is open the countdown stands still: the days left are those of the day it started.
     */
    Standing standing(LocalDate acceptedOn, int limitDays, List<Pause> pauses, LocalDate today) {
        LocalDate due = dueOn(acceptedOn, limitDays, pausedDays(pauses, today));
        Pause open = pauses.stream().filter(p -> p.to() == null).findFirst().orElse(null);
        if (open == null) {
            return new Standing(due, workingDaysLeft(today, due), false);
        }
        return new Standing(due, workingDaysLeft(open.from(), dueOn(acceptedOn, limitDays,
                pausedDays(pauses, open.from()))), true);
    }

    /** A case finished on the due date or before it is on time. */
    static boolean onTime(LocalDate doneOn, LocalDate dueOn) {
        return !doneOn.isAfter(dueOn);
    }
}
