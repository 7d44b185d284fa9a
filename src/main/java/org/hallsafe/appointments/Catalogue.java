package org.hallsafe.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.hallsafe.organization.HallCalendar;
import org.hallsafe.organization.HallCalendar.Period;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.PerRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hall offers and when: its items (事项) and the windows that handle them, the booking rules, the weekly opening
 * hours of single windows, and the postponed-opening state. The hall's week, holidays and 调休 working days are the
 * hall calendar's ({@link HallCalendar}).
 */
@Service
public class Catalogue {

    private final JdbcClient jdbc;
    private final org.hallsafe.platform.FormShape shape;
    private final Clock clock;
    private final ActivityLog activity;
    private final Directory directory;
    private final org.springframework.context.MessageSource messages;
    private final HallWindows windows;
    private final WindowHours hours;

    Catalogue(JdbcClient jdbc, Clock clock, ActivityLog activity, Directory directory,
            org.springframework.context.MessageSource messages, org.hallsafe.platform.FormShape shape,
            org.hallsafe.notice.Notices notices, HallWindows windows, WindowHours hours) {
        this.notices = notices;
        this.shape = shape;
        this.windows = windows;
        this.hours = hours;
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

    /** A hall by its code, for the public pages; without a code, the first active hall. */
    @Transactional(readOnly = true)
    public Optional<org.hallsafe.organization.Views.SiteView> hall(String code) {
        String wanted = code == null ? "" : code.strip();
        // the directory's search matches the code itself, so a province's list of halls is not read for each page
        return directory.sites(wanted, false).stream().filter(s -> wanted.isEmpty() || s.code().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** Where a request keeps the hall's rules it has read: one read per request (issue 13, item 4). */
    private static final String SETTINGS_READ = Catalogue.class.getName() + ".settings.";

    /**
     * A hall's booking rules. Within a web request they are read once: the page, the booking and its SMS all ask, and
     * they cannot change under the request but by {@link #saveSettings}, which forgets the read.
     */
    @Transactional(readOnly = true)
    public Settings settings(long siteId) {
        return PerRequest.once(SETTINGS_READ + siteId, () -> jdbc.sql("""
                SELECT slot_minutes, window_capacity, hall_cap, per_person_daily, days_ahead, no_show_minutes,
                       sms_verification, postponed, postponed_message, hotline, reminder_day_text, reminder_hour_text
                FROM appointment_settings WHERE site_id = :site""").param("site", siteId).query(Settings.class)
                .optional().orElseGet(() -> Settings.defaults(word("appointments.reminder.day.default"),
                        word("appointments.reminder.hour.default"))));
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
                .param("by", SignedIn.actor()).update();
        PerRequest.forget(SETTINGS_READ + siteId);
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
        return find(siteId, id).orElseThrow(() -> NotFoundException.of("item", id));
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(long siteId, long id) {
        return items(siteId, true, id).stream().findFirst();
    }

    /** Items with their active windows in number order; the windows' numbers and names come from organization's facade. */
    private List<Item> items(long siteId, boolean includeRetired, Long id) {
        var windows = this.windows.of(siteId).values().stream().filter(w -> !w.retired()).toList();
        return jdbc.sql("""
                SELECT i.id, i.name, i.minutes, i.materials, i.online_url, i.agency,
                       coalesce(array_agg(iw.window_id) FILTER (WHERE iw.window_id IS NOT NULL), '{}') AS window_ids,
                       i.retired_at IS NOT NULL AS retired
                FROM service_items i
                LEFT JOIN service_item_windows iw ON iw.item_id = i.id
                WHERE i.site_id = :site AND (:all OR i.retired_at IS NULL) AND (CAST(:id AS bigint) IS NULL OR i.id = :id)
                GROUP BY i.id ORDER BY i.name""")
                .param("site", siteId).param("all", includeRetired).param("id", id)
                .query((rs, n) -> {
                    Set<Long> handled = Set.of((Long[]) rs.getArray(7).getArray());
                    var own = windows.stream().filter(w -> handled.contains(w.id())).toList();
                    return new Item(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), own.stream().map(w -> w.id()).toList(),
                            String.join("、", own.stream().map(w -> w.number() + " " + w.name()).toList()), rs.getBoolean(8));
                })
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
                    .param("agency", f.agency()).param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor())
                    .query(Long.class).single();
        } else {
            int n = jdbc.sql("""
                    UPDATE service_items SET name = :name, minutes = :minutes, materials = :materials, online_url = :url,
                        agency = :agency WHERE site_id = :site AND id = :id""")
                    .param("site", siteId).param("id", id).param("name", f.name().strip()).param("minutes", f.minutes())
                    .param("materials", trim(f.materials())).param("url", trim(f.onlineUrl()))
                    .param("agency", f.agency()).update();
            if (n == 0) {
                throw NotFoundException.of("item", id);
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
        windows.require(siteId, windowIds);
    }

    // ---- the calendar: the hall's week and its exceptions are organization's HallCalendar; a window may keep its own
    // week ({@link WindowHours})

    /** The weekly hours of the hall ({@code windowId} null) or of a window; a window without its own has the hall's. */
    @Transactional(readOnly = true)
    public Map<DayOfWeek, List<Period>> hours(long siteId, Long windowId) {
        return hours.hours(siteId, windowId);
    }

    /** True when a window keeps hours of its own. */
    @Transactional(readOnly = true)
    public boolean hasOwnHours(long siteId, long windowId) {
        return hours.hasOwnHours(siteId, windowId);
    }

    /** Replaces the weekly hours of the hall or a window; a window form left without days falls back to the hall's. */
    @Transactional
    public void saveHours(long siteId, HoursForm f) {
        hours.saveHours(siteId, f);
    }

    /** The opening periods of a hall or window on a date (see {@link WindowHours#periods}). */
    @Transactional(readOnly = true)
    public List<Period> periods(long siteId, Long windowId, LocalDate day) {
        return hours.periods(siteId, windowId, day);
    }

    /** SMS texts go out in Chinese, whatever the language of the page that caused them. */
    String word(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

}
