package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one calendar of a hall: its regular week (which weekdays it opens, and its hours) and the exceptions to it, a
 * public holiday (closed on a weekday), a 调休 working day (open on a weekend, with a working day's hours) or a day of
 * special hours. Staff health, hygiene, appointments and every deadline counted in working days (工作日) read it here.
 */
@Service
public class HallCalendar {

    /** Until a hall sets its own: Monday to Friday, 08:30–12:00 and 14:30–17:30. */
    public static final List<Period> DEFAULT_HOURS = List.of(new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new Period(LocalTime.of(14, 30), LocalTime.of(17, 30)));
    static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Counting working days looks at most this far: a hall closed for longer has no working day to find. */
    private static final int MAX_SEARCH_DAYS = 3660;

    /** An opening period of a day. */
    public record Period(LocalTime starts, LocalTime ends) {
    }

    /** An exception to the week: a holiday ({@code open} false), a 调休 working day, or special hours. */
    public record CalendarDay(long id, LocalDate day, boolean open, LocalTime opens, LocalTime closes, String note) {
    }

    /** A date as the hall keeps it: open or closed, its opening periods, and whether an exception made it so. */
    public record DayHours(LocalDate day, boolean open, List<Period> periods, boolean exception, String note) {

        /** When the hall opens, or null on a closed day. */
        public LocalTime opens() {
            return periods.isEmpty() ? null : periods.get(0).starts();
        }

        /** When the hall closes, or null on a closed day. */
        public LocalTime closes() {
            return periods.isEmpty() ? null : periods.get(periods.size() - 1).ends();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;

    HallCalendar(JdbcClient jdbc, Clock clock, ActivityLog activity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
    }

    // ---- reading

    /** True when the hall opens on the date: a working day of its week, or a 调休 day, and not a holiday. */
    @Transactional(readOnly = true)
    public boolean isWorkingDay(long siteId, LocalDate date) {
        return hours(siteId, date).open();
    }

    /** The hall's hours on a date: the week's, unless an exception says otherwise. */
    @Transactional(readOnly = true)
    public DayHours hours(long siteId, LocalDate date) {
        return hours(week(siteId), exceptions(siteId, date, date), date);
    }

    /**
     * The working days after {@code from} up to and including {@code to} (the day a time limit starts from is not
     * counted, as 工作日 limits are counted); 0 when {@code to} is not after {@code from}.
     */
    @Transactional(readOnly = true)
    public int workingDaysBetween(long siteId, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Map<DayOfWeek, List<Period>> week = week(siteId);
        Map<LocalDate, CalendarDay> exceptions = exceptions(siteId, from.plusDays(1), to);
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += hours(week, exceptions, d).open() ? 1 : 0;
        }
        return n;
    }

    /**
     * The {@code n}-th working day after {@code date}: weekends and holidays are skipped, 调休 working days count.
     * With {@code n} 0, the date itself.
     */
    @Transactional(readOnly = true)
    public LocalDate addWorkingDays(long siteId, LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        Map<DayOfWeek, List<Period>> week = week(siteId);
        LocalDate day = date;
        int left = n;
        int chunk = Math.max(31, n * 2 + 14);
        while (left > 0) {
            if (day.isAfter(date.plusDays(MAX_SEARCH_DAYS))) {
                throw new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days of " + date);
            }
            Map<LocalDate, CalendarDay> exceptions = exceptions(siteId, day.plusDays(1), day.plusDays(chunk));
            for (int i = 0; i < chunk && left > 0; i++) {
                day = day.plusDays(1);
                left -= hours(week, exceptions, day).open() ? 1 : 0;
            }
        }
        return day;
    }

    /** The regular week: the hours of each weekday the hall opens; the default week until the hall sets its own. */
    @Transactional(readOnly = true)
    public Map<DayOfWeek, List<Period>> week(long siteId) {
        Map<DayOfWeek, List<Period>> hours = new TreeMap<>();
        jdbc.sql("SELECT weekday, starts, ends FROM hall_hours WHERE site_id = :site ORDER BY weekday, starts")
                .param("site", siteId)
                .query((rs, n) -> hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                        .add(new Period(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime())))
                .list();
        if (hours.isEmpty()) {
            DEFAULT_DAYS.forEach(d -> hours.put(d, DEFAULT_HOURS));
        }
        return hours;
    }

    /** The exceptions from a date on, in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> days(long siteId, LocalDate from) {
        return jdbc.sql("""
                SELECT id, day, open, opens, closes, note FROM hall_calendar_days
                WHERE site_id = :site AND day >= :from ORDER BY day""")
                .param("site", siteId).param("from", from).query(CalendarDay.class).list();
    }

    private Map<LocalDate, CalendarDay> exceptions(long siteId, LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay> out = new HashMap<>();
        jdbc.sql("""
                SELECT id, day, open, opens, closes, note FROM hall_calendar_days
                WHERE site_id = :site AND day BETWEEN :from AND :to""")
                .param("site", siteId).param("from", from).param("to", to).query(CalendarDay.class).list()
                .forEach(d -> out.put(d.day(), d));
        return out;
    }

    /**
     * A closed exception closes the day; an open one opens it with its special hours, or else with the hours of the
     * week's first working day (a 调休 Saturday works like a Monday).
     */
    static DayHours hours(Map<DayOfWeek, List<Period>> week, Map<LocalDate, CalendarDay> exceptions, LocalDate date) {
        CalendarDay e = exceptions.get(date);
        if (e == null) {
            List<Period> periods = week.getOrDefault(date.getDayOfWeek(), List.of());
            return new DayHours(date, !periods.isEmpty(), periods, false, "");
        }
        if (!e.open()) {
            return new DayHours(date, false, List.of(), true, e.note());
        }
        List<Period> periods = e.opens() != null ? List.of(new Period(e.opens(), e.closes()))
                : week.values().stream().findFirst().orElse(DEFAULT_HOURS);
        return new DayHours(date, true, periods, true, e.note());
    }

    // ---- keeping

    /** Replaces the hall's regular week. */
    @Transactional
    public void saveWeek(long siteId, Map<DayOfWeek, List<Period>> hours, String summary) {
        jdbc.sql("DELETE FROM hall_hours WHERE site_id = :site").param("site", siteId).update();
        hours.forEach((day, periods) -> periods.forEach(p -> jdbc.sql("""
                INSERT INTO hall_hours (site_id, weekday, starts, ends) VALUES (:site, :day, :s, :e)""")
                .param("site", siteId).param("day", day.getValue()).param("s", p.starts()).param("e", p.ends())
                .update()));
        activity.record("UPDATED", "opening-hours", siteId, summary);
    }

    /**
     * Adds or replaces the exception of a date: closed (a holiday), or open, with special hours or else a working day's
     * hours. Special hours need both times, the closing after the opening, and only on an open day.
     */
    @Transactional
    public void saveDay(long siteId, LocalDate day, boolean open, LocalTime opens, LocalTime closes, String note) {
        if (day == null) {
            throw new InvalidInputException("day", "validation.required");
        }
        String text = note == null ? "" : note.strip();
        String noteProblem = PlainText.Rules.problem(text, PlainText.LABEL, false);
        if (noteProblem != null) {
            throw new InvalidInputException("note", noteProblem);
        }
        if ((opens == null) != (closes == null) || opens != null && (!open || !closes.isAfter(opens))) {
            throw new InvalidInputException("closes", "calendar.hours.invalid");
        }
        jdbc.sql("""
                INSERT INTO hall_calendar_days (site_id, day, open, opens, closes, note, created_at, created_by)
                VALUES (:site, :day, :open, :opens, :closes, :note, :now, :by)
                ON CONFLICT (site_id, day) DO UPDATE SET open = excluded.open, opens = excluded.opens,
                    closes = excluded.closes, note = excluded.note, created_at = excluded.created_at,
                    created_by = excluded.created_by""")
                .param("site", siteId).param("day", day).param("open", open).param("opens", opens)
                .param("closes", closes).param("note", text).param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.find().map(CurrentUser::getUsername).orElse("system")).update();
        activity.record("UPDATED", "calendar-day", siteId, day + (open ? " open " : " closed ")
                + (opens == null ? "" : opens + "-" + closes + " ") + text);
    }

    /** Removes an exception of the hall; another hall's answers as if it were not there. */
    @Transactional
    public void deleteDay(long siteId, long id) {
        int n = jdbc.sql("DELETE FROM hall_calendar_days WHERE site_id = :site AND id = :id").param("site", siteId)
                .param("id", id).update();
        if (n == 0) {
            throw NotFoundException.of("calendar day", id);
        }
        activity.record("DELETED", "calendar-day", id, "");
    }
}
