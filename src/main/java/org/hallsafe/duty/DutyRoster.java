package org.hallsafe.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.hallsafe.duty.DutyForms.RosterForm;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.organization.Views.WindowView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.PlausibleDate;
import org.hallsafe.platform.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The duty roster: who is on duty at which window or phone line on a day. Windows and staff are read through
 * organization's facades. Reached through {@link Duty}.
 */
@Component
class DutyRoster {

    private final JdbcClient jdbc;
    private final FormShape shape;
    private final Clock clock;
    private final StaffDirectory staff;
    private final Directory directory;
    private final ActivityLog activity;

    DutyRoster(JdbcClient jdbc, FormShape shape, Clock clock, StaffDirectory staff, Directory directory,
            ActivityLog activity) {
        this.jdbc = jdbc;
        this.shape = shape;
        this.clock = clock;
        this.staff = staff;
        this.directory = directory;
        this.activity = activity;
    }

    private record PostRow(long id, LocalDate day, Long windowId, String phoneLine, long staffId, String note) {
    }

    List<Duty.Post> roster(long siteId, LocalDate from, LocalDate to) {
        List<PostRow> rows = jdbc.sql("""
                SELECT r.id, r.day, r.window_id, r.phone_line, r.staff_id, r.note FROM duty_roster r
                WHERE r.site_id = :site AND r.day BETWEEN :from AND :to""")
                .param("site", siteId).param("from", from).param("to", to).query(PostRow.class).list();
        Map<Long, WindowView> windows = windows(siteId);
        Map<Long, StaffView> people = new HashMap<>();
        return rows.stream().map(r -> {
            WindowView w = r.windowId() == null ? null : windows.get(r.windowId());
            StaffView s = people.computeIfAbsent(r.staffId(), id -> staff.get(siteId, id));
            return new Duty.Post(r.id(), r.day(), r.windowId(), w == null ? null : w.number(), w == null ? null : w.name(),
                    r.phoneLine(), r.staffId(), s.name(), s.phoneMasked(), r.note());
        }).sorted(Comparator.comparing(Duty.Post::day)
                .thenComparing(Duty.Post::windowNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Duty.Post::phoneLine).thenComparing(Duty.Post::staffName)).toList();
    }

    /** Puts a person on a post; {@code checkShape} false when {@code @Valid} checked the form in this request. */
    void addPost(long siteId, RosterForm f, boolean checkShape) {
        if (f.windowId() != null) {
            directory.window(siteId, f.windowId());
        }
        Map<String, String> problems = f.ruleProblems();
        PlausibleDate.Horizon.YEAR.problem(f.day(), clock).ifPresent(key -> problems.putIfAbsent("day", key));
        Duty.check(shape, f, problems, checkShape);
        var person = staff.get(siteId, f.staffId());
        if (person.retired()) {
            throw new InvalidInputException("staffId", "gate.staff.retired");
        }
        jdbc.sql("""
                INSERT INTO duty_roster (site_id, day, window_id, phone_line, staff_id, note, created_at, created_by)
                VALUES (:site, :day, :window, :line, :staff, :note, :now, :by) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("day", f.day()).param("window", f.windowId())
                .param("line", Duty.trim(f.phoneLine())).param("staff", f.staffId()).param("note", Duty.trim(f.note()))
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        activity.record("CREATED", "duty-post", siteId, f.day() + " " + person.name());
    }

    void removePost(long siteId, long id) {
        int n = jdbc.sql("DELETE FROM duty_roster WHERE site_id = :site AND id = :id").param("site", siteId).param("id", id)
                .update();
        if (n == 0) {
            throw NotFoundException.of("duty post", id);
        }
        activity.record("DELETED", "duty-post", id, "");
    }

    /** The window a signed-in person is on duty at today, if any: the call form starts with it. */
    Optional<Long> myWindowToday(long siteId) {
        return CurrentUser.find().flatMap(u -> staff.byAccount(siteId, u.accountId())).flatMap(s -> jdbc.sql("""
                SELECT window_id FROM duty_roster WHERE site_id = :site AND day = :day AND staff_id = :staff
                  AND window_id IS NOT NULL ORDER BY id LIMIT 1""")
                .param("site", siteId).param("day", LocalDate.now(clock)).param("staff", s.id()).query(Long.class).optional());
    }

    private Map<Long, WindowView> windows(long siteId) {
        Map<Long, WindowView> windows = new HashMap<>();
        directory.windows(siteId, "", true).forEach(w -> windows.put(w.id(), w));
        return windows;
    }
}
