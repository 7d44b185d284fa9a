package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.hallsafe.appointments.AppointmentForms.HoursForm;
import org.hallsafe.appointments.AppointmentForms.ItemForm;
import org.hallsafe.appointments.AppointmentForms.SettingsForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hall offers and when: its items (事项) and the windows that handle them, the booking rules, the weekly opening
 * hours of the hall and of single windows, holidays and weekend working days, and the postponed-opening state.
 */
@Service
public class Catalogue {

    /** Until a hall sets its own: Monday to Friday, 08:30–12:00 and 14:30–17:30. */
    static final List<Period> DEFAULT_HOURS = List.of(new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new Period(LocalTime.of(14, 30), LocalTime.of(17, 30)));
    static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final JdbcClient jdbc;
    private final org.hallsafe.platform.FormShape shape;
    private final Clock clock;
    private final ActivityLog activity;
    private final Directory directory;
    private final org.springframework.context.MessageSource messages;

    Catalogue(JdbcClient jdbc, Clock clock, ActivityLog activity, Directory directory,
            org.springframework.context.MessageSource messages, org.hallsafe.platform.FormShape shape,
            org.hallsafe.notice.Notices notices) {
        this.notices = notices;
        this.shape = shape;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.directory = directory;
    }

    private final org.hallsafe.notice.Notices notices;

    /** A hall's booking rules. */
    public record Settings(int slotMinutes, int windowCapacity, int hallCap, int perPersonDaily, int daysAhead,
            int noShowMinutes, boolean smsVerification, boolean postponed, String postponedMessage, String hotline,
            String reminderDayText, String reminderHourText) {

        static Settings defaults(String dayText, String hourText) {
            return new Settings(30, 4, 40, 2, 14, 30, false, false, "", "", dayText, hourText);
        }
    }

    /** An item of the catalogue with the windows that handle it. */
    public record Item(long id, String name, int minutes, String materials, String onlineUrl, boolean agency,
            List<Long> windowIds, String windowNames, boolean retired) {
    }

    /** An opening period of a day. */
    public record Period(LocalTime starts, LocalTime ends) {
    }

    /** An exception to the week: a holiday, or a weekend working day. */
    public record CalendarDay(long id, LocalDate day, boolean open, String note) {
    }

    /** A hall by its code, for the public pages; without a code, the first active hall. */
    @Transactional(readOnly = true)
    public Optional<org.hallsafe.organization.Views.SiteView> hall(String code) {
        String wanted = code == null ? "" : code.strip();
        // the directory's search matches the code itself, so a province's list of halls is not read for each page
        return directory.sites(wanted, false).stream().filter(s -> wanted.isEmpty() || s.code().equalsIgnoreCase(wanted))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Settings settings(long siteId) {
        return jdbc.sql("""
                SELECT slot_minutes, window_capacity, hall_cap, per_person_daily, days_ahead, no_show_minutes,
                       sms_verification, postponed, postponed_message, hotline, reminder_day_text, reminder_hour_text
                FROM appointment_settings WHERE site_id = :site""").param("site", siteId).query(Settings.class)
                .optional().orElseGet(() -> Settings.defaults(word("appointments.reminder.day.default"),
                        word("appointments.reminder.hour.default")));
    }

    /**
     * The postponed-opening notice (推迟开放通告) shown while the hall's opening is postponed: the hall's published
     * notice of that kind (issue 15, item 2), the one text the booking page, the duty desk, the screens and the website
     * all show. Empty while the hall is open.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<org.hallsafe.notice.PublishedNotice> postponedNotice(long siteId) {
        return settings(siteId).postponed() ? notices.postponedOpening(siteId) : java.util.Optional.empty();
    }

    /** The form's rules in the hall: switching 推迟开放 on needs the hall's published postponed-opening notice. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> ruleProblems(long siteId, SettingsForm f) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>(f.ruleProblems());
        if (f.postponed() && !settings(siteId).postponed() && notices.postponedOpening(siteId).isEmpty()) {
            problems.put("postponed", "appointments.postponed.noticeNeeded");
        }
        return problems;
    }

    /**
     * Saves the booking rules. Switching 推迟开放 on needs a published postponed-opening notice (the office writes
     * and publishes it first, under Notices); switching it off withdraws that notice from every channel.
     */
    @Transactional
    public void saveSettings(long siteId, SettingsForm f) {
        shape.check(f, ruleProblems(siteId, f));
        boolean wasPostponed = settings(siteId).postponed();
        if (!f.postponed() && wasPostponed) {
            notices.withdrawPostponedOpening(siteId);
        }
        jdbc.sql("""
                INSERT INTO appointment_settings (site_id, slot_minutes, window_capacity, hall_cap, per_person_daily,
                    days_ahead, no_show_minutes, sms_verification, postponed, postponed_message, hotline,
                    reminder_day_text, reminder_hour_text, updated_at, updated_by)
                VALUES (:site, :slot, :cap, :hall, :daily, :ahead, :noShow, :sms, :postponed, :message, :hotline,
                    :dayText, :hourText, :now, :by)
                ON CONFLICT (site_id) DO UPDATE SET slot_minutes = excluded.slot_minutes,
                    window_capacity = excluded.window_capacity, hall_cap = excluded.hall_cap,
                    per_person_daily = excluded.per_person_daily, days_ahead = excluded.days_ahead,
                    no_show_minutes = excluded.no_show_minutes, sms_verification = excluded.sms_verification,
                    postponed = excluded.postponed, postponed_message = excluded.postponed_message,
                    hotline = excluded.hotline, reminder_day_text = excluded.reminder_day_text,
                    reminder_hour_text = excluded.reminder_hour_text, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("site", siteId).param("slot", f.slotMinutes()).param("cap", f.windowCapacity())
                .param("hall", f.hallCap()).param("daily", f.perPersonDaily()).param("ahead", f.daysAhead())
                .param("noShow", f.noShowMinutes()).param("sms", f.smsVerification())
                .param("postponed", f.postponed()).param("message", trim(f.postponedMessage()))
                .param("hotline", trim(f.hotline())).param("dayText", f.reminderDayText().strip())
                .param("hourText", f.reminderHourText().strip()).param("now", Timestamp.from(clock.instant()))
                .param("by", actor()).update();
        activity.record("UPDATED", "appointment-settings", siteId, (f.postponed() ? "postponed" : "open") + " / slot "
                + f.slotMinutes() + " / cap " + f.windowCapacity() + "," + f.hallCap());
    }

    // ---- items

    @Transactional(readOnly = true)
    public List<Item> items(long siteId, boolean includeRetired) {
        return items(siteId, includeRetired, null);
    }

    /** One item, retired or not. */
    @Transactional(readOnly = true)
    public Item item(long siteId, long id) {
        return find(siteId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(long siteId, long id) {
        return items(siteId, true, id).stream().findFirst();
    }

    private List<Item> items(long siteId, boolean includeRetired, Long id) {
        return jdbc.sql("""
                SELECT i.id, i.name, i.minutes, i.materials, i.online_url, i.agency,
                       coalesce(array_agg(w.id ORDER BY w.number) FILTER (WHERE w.id IS NOT NULL), '{}') AS window_ids,
                       coalesce(string_agg(w.number || ' ' || w.name, '、' ORDER BY w.number), '') AS window_names,
                       i.retired_at IS NOT NULL AS retired
                FROM service_items i
                LEFT JOIN service_item_windows iw ON iw.item_id = i.id
                LEFT JOIN service_windows w ON w.id = iw.window_id AND w.retired_at IS NULL
                WHERE i.site_id = :site AND (:all OR i.retired_at IS NULL) AND (CAST(:id AS bigint) IS NULL OR i.id = :id)
                GROUP BY i.id ORDER BY i.name""")
                .param("site", siteId).param("all", includeRetired).param("id", id)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), List.of((Long[]) rs.getArray(7).getArray()), rs.getString(8),
                        rs.getBoolean(9)))
                .list();
    }

    @Transactional
    public long saveItem(long siteId, Long id, ItemForm f) {
        // the windows must be this hall's: a rule on the hall's state, after the form's own shape
        var windows = directory.windows(siteId, "", false).stream().map(w -> w.id()).toList();
        shape.check(f, f.windowIds() != null && !windows.containsAll(f.windowIds())
                ? Map.of("windowIds", "appointments.item.windows") : Map.of());
        boolean taken = jdbc.sql("""
                SELECT count(*) > 0 FROM service_items WHERE site_id = :site AND name = :name AND retired_at IS NULL
                  AND id <> coalesce(CAST(:id AS bigint), 0)""")
                .param("site", siteId).param("name", f.name().strip()).param("id", id).query(Boolean.class).single();
        if (taken) {
            throw new InvalidInputException("name", "appointments.item.taken");
        }
        long itemId;
        if (id == null) {
            itemId = jdbc.sql("""
                    INSERT INTO service_items (site_id, name, minutes, materials, online_url, agency, created_at, created_by)
                    VALUES (:site, :name, :minutes, :materials, :url, :agency, :now, :by) RETURNING id""")
                    .param("site", siteId).param("name", f.name().strip()).param("minutes", f.minutes())
                    .param("materials", trim(f.materials())).param("url", trim(f.onlineUrl()))
                    .param("agency", f.agency()).param("now", Timestamp.from(clock.instant())).param("by", actor())
                    .query(Long.class).single();
        } else {
            int n = jdbc.sql("""
                    UPDATE service_items SET name = :name, minutes = :minutes, materials = :materials, online_url = :url,
                        agency = :agency WHERE site_id = :site AND id = :id""")
                    .param("site", siteId).param("id", id).param("name", f.name().strip()).param("minutes", f.minutes())
                    .param("materials", trim(f.materials())).param("url", trim(f.onlineUrl()))
                    .param("agency", f.agency()).update();
            if (n == 0) {
                throw new NoSuchElementException("item " + id);
            }
            itemId = id;
            jdbc.sql("DELETE FROM service_item_windows WHERE item_id = :id").param("id", id).update();
        }
        for (Long w : f.windowIds() == null ? List.<Long>of() : f.windowIds()) {
            jdbc.sql("""
                    INSERT INTO service_item_windows (site_id, item_id, window_id) VALUES (:site, :i, :w) ON CONFLICT DO NOTHING""")
                    .param("site", siteId).param("i", itemId).param("w", w).update();
        }
        activity.record(id == null ? "CREATED" : "UPDATED", "service-item", itemId, f.name().strip());
        return itemId;
    }

    @Transactional
    public void retireItem(long siteId, long id) {
        int n = jdbc.sql("UPDATE service_items SET retired_at = :now WHERE site_id = :site AND id = :id AND retired_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update();
        if (n == 0) {
            // another hall's item is not there; one retired before stays as it was, and nothing is recorded
            item(siteId, id);
            return;
        }
        activity.record("RETIRED", "service-item", id, "");
    }

    /**
     * Windows a request names must be windows of the hall: another hall's answers as if it were not there (404), so
     * nothing is stored or recorded for it.
     */
    void requireWindows(long siteId, java.util.Collection<Long> windowIds) {
        if (windowIds == null || windowIds.isEmpty()) {
            return;
        }
        Set<Long> own = new java.util.HashSet<>(directory.windows(siteId, "", true).stream().map(w -> w.id()).toList());
        for (Long w : windowIds) {
            if (w != null && !own.contains(w)) {
                throw new NoSuchElementException("window " + w);
            }
        }
    }

    // ---- the calendar

    /** The weekly hours of the hall ({@code windowId} null) or of a window; a window without its own has the hall's. */
    @Transactional(readOnly = true)
    public Map<DayOfWeek, List<Period>> hours(long siteId, Long windowId) {
        Map<DayOfWeek, List<Period>> own = ownHours(siteId, windowId);
        if (!own.isEmpty() || windowId == null && hasAnyHours(siteId)) {
            return own;
        }
        if (windowId != null) {
            return hours(siteId, null);
        }
        Map<DayOfWeek, List<Period>> defaults = new LinkedHashMap<>();
        DEFAULT_DAYS.forEach(d -> defaults.put(d, DEFAULT_HOURS));
        return defaults;
    }

    /** True when a window keeps hours of its own. */
    @Transactional(readOnly = true)
    public boolean hasOwnHours(long siteId, long windowId) {
        return !ownHours(siteId, windowId).isEmpty();
    }

    private boolean hasAnyHours(long siteId) {
        return jdbc.sql("SELECT count(*) > 0 FROM opening_hours WHERE site_id = :site AND window_id IS NULL")
                .param("site", siteId).query(Boolean.class).single();
    }

    private Map<DayOfWeek, List<Period>> ownHours(long siteId, Long windowId) {
        Map<DayOfWeek, List<Period>> hours = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT weekday, starts, ends FROM opening_hours
                WHERE site_id = :site AND window_id IS NOT DISTINCT FROM CAST(:window AS bigint) ORDER BY weekday, starts""")
                .param("site", siteId).param("window", windowId)
                .query((rs, n) -> hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                        .add(new Period(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime())))
                .list();
        return hours;
    }

    /** Replaces the weekly hours of the hall or a window; a window form left without days falls back to the hall's. */
    @Transactional
    public void saveHours(long siteId, HoursForm f) {
        if (f.windowId() != null) {
            requireWindows(siteId, List.of(f.windowId()));
        }
        shape.check(f, f.ruleProblems());
        jdbc.sql("DELETE FROM opening_hours WHERE site_id = :site AND window_id IS NOT DISTINCT FROM CAST(:window AS bigint)")
                .param("site", siteId).param("window", f.windowId()).update();
        for (DayOfWeek day : f.days()) {
            for (Period p : f.periods()) {
                jdbc.sql("INSERT INTO opening_hours (site_id, window_id, weekday, starts, ends) VALUES (:site, :window, :day, :s, :e)")
                        .param("site", siteId).param("window", f.windowId()).param("day", day.getValue())
                        .param("s", p.starts()).param("e", p.ends()).update();
            }
        }
        activity.record("UPDATED", "opening-hours", f.windowId() == null ? siteId : f.windowId(), f.summary());
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> calendarDays(long siteId, LocalDate from) {
        return jdbc.sql("SELECT id, day, open, note FROM calendar_days WHERE site_id = :site AND day >= :from ORDER BY day")
                .param("site", siteId).param("from", from).query(CalendarDay.class).list();
    }

    @Transactional
    public void saveCalendarDay(long siteId, LocalDate day, boolean open, String note) {
        if (day == null) {
            throw new InvalidInputException("day", "validation.required");
        }
        String noteProblem = PlainText.Rules.problem(trim(note), PlainText.LABEL, false);
        if (noteProblem != null) {
            throw new InvalidInputException("note", noteProblem);
        }
        jdbc.sql("""
                INSERT INTO calendar_days (site_id, day, open, note) VALUES (:site, :day, :open, :note)
                ON CONFLICT (site_id, day) DO UPDATE SET open = excluded.open, note = excluded.note""")
                .param("site", siteId).param("day", day).param("open", open).param("note", trim(note)).update();
        activity.record("UPDATED", "calendar-day", siteId, day + (open ? " open " : " closed ") + trim(note));
    }

    @Transactional
    public void deleteCalendarDay(long siteId, long id) {
        int n = jdbc.sql("DELETE FROM calendar_days WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .update();
        if (n == 0) {
            throw new NoSuchElementException("calendar day " + id);
        }
        activity.record("DELETED", "calendar-day", id, "");
    }

    /** The opening periods of a hall or window on a date: the week's, unless the day is a holiday or a working weekend. */
    @Transactional(readOnly = true)
    public List<Period> periods(long siteId, Long windowId, LocalDate day) {
        Optional<Boolean> exception = jdbc.sql("SELECT open FROM calendar_days WHERE site_id = :site AND day = :day")
                .param("site", siteId).param("day", day).query(Boolean.class).optional();
        Map<DayOfWeek, List<Period>> week = hours(siteId, windowId);
        if (exception.isPresent()) {
            return exception.get() ? week.values().stream().findFirst().orElse(DEFAULT_HOURS) : List.of();
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** SMS texts go out in Chinese, whatever the language of the page that caused them. */
    String word(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static String actor() {
        return CurrentUser.find().map(CurrentUser::getUsername).orElse("system");
    }
}
