package org.hallsafe.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hallsafe.appointments.AppointmentForms.HoursForm;
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.HallCalendar.Period;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.FormShape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opening hours: the hall's week and its exceptions are organization's {@link HallCalendar}; a window may keep a week of
 * its own here ({@code opening_hours}). Reached through {@link Catalogue}.
 */
@Component
class WindowHours {

    private final JdbcClient jdbc;
    private final FormShape shape;
    private final ActivityLog activity;
    private final HallCalendar calendar;
    private final HallWindows windows;

    WindowHours(JdbcClient jdbc, FormShape shape, ActivityLog activity, HallCalendar calendar, HallWindows windows) {
        this.jdbc = jdbc;
        this.shape = shape;
        this.activity = activity;
        this.calendar = calendar;
        this.windows = windows;
    }

    /** The weekly hours of the hall ({@code windowId} null) or of a window; a window without its own has the hall's. */
    Map<DayOfWeek, List<Period>> hours(long siteId, Long windowId) {
        Map<DayOfWeek, List<Period>> own = windowId == null ? Map.of() : ownHours(siteId, windowId);
        return own.isEmpty() ? calendar.week(siteId) : own;
    }

    /** True when a window keeps hours of its own. */
    boolean hasOwnHours(long siteId, long windowId) {
        return !ownHours(siteId, windowId).isEmpty();
    }

    private Map<DayOfWeek, List<Period>> ownHours(long siteId, long windowId) {
        Map<DayOfWeek, List<Period>> hours = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT weekday, starts, ends FROM opening_hours
                WHERE site_id = :site AND window_id = :window ORDER BY weekday, starts""")
                .param("site", siteId).param("window", windowId)
                .query((rs, n) -> hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                        .add(new Period(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime())))
                .list();
        return hours;
    }

    /** Replaces the weekly hours of the hall or a window; a window form left without days falls back to the hall's. */
    void saveHours(long siteId, HoursForm f) {
        if (f.windowId() != null) {
            windows.require(siteId, List.of(f.windowId()));
        }
        shape.check(f, f.ruleProblems());
        if (f.windowId() == null) {
            Map<DayOfWeek, List<Period>> week = new LinkedHashMap<>();
            f.days().forEach(d -> week.put(d, f.periods()));
            calendar.saveWeek(siteId, week, f.summary());
            return;
        }
        jdbc.sql("DELETE FROM opening_hours WHERE site_id = :site AND window_id = :window")
                .param("site", siteId).param("window", f.windowId()).update();
        for (DayOfWeek day : f.days()) {
            for (Period p : f.periods()) {
                jdbc.sql("INSERT INTO opening_hours (site_id, window_id, weekday, starts, ends) VALUES (:site, :window, :day, :s, :e)")
                        .param("site", siteId).param("window", f.windowId()).param("day", day.getValue())
                        .param("s", p.starts()).param("e", p.ends()).update();
            }
        }
        activity.record("UPDATED", "opening-hours", f.windowId(), f.summary());
    }

    /**
     * The opening periods of a hall or window on a date: none on a day the hall is closed (a holiday); on a 调休 day or
     * a day of special hours the hall's hours of that day, or a window's own first working day's; else the week's.
     */
    List<Period> periods(long siteId, Long windowId, LocalDate day) {
        HallCalendar.DayHours hall = calendar.hours(siteId, day);
        Map<DayOfWeek, List<Period>> own = windowId == null ? Map.of() : ownHours(siteId, windowId);
        if (!hall.open() || own.isEmpty()) {
            return hall.periods();
        }
        return hall.exception() ? own.values().iterator().next() : own.getOrDefault(day.getDayOfWeek(), List.of());
    }
}
