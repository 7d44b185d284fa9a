package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Views.SiteView;
import org.hallsafe.staffhealth.StaffHealth.Reminder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminders a staff member was sent, each claimed once across nodes, and read on their day's page. */
@Service
class ReminderInbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;

    ReminderInbox(JdbcClient jdbc, Clock clock, Directory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    List<Reminder> unreadReminders(long siteId, long staffId) {
        return jdbc.sql("""
                SELECT slot_key, kind, created_at FROM staffhealth_reminders
                WHERE site_id = :site AND staff_id = :staff AND read_at IS NULL ORDER BY created_at DESC LIMIT 10""")
                .param("site", siteId).param("staff", staffId)
                .query((rs, n) -> new Reminder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    @Transactional
    void readReminders(long siteId, long staffId) {
        jdbc.sql("UPDATE staffhealth_reminders SET read_at = :now WHERE site_id = :site AND staff_id = :staff AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("staff", staffId).update();
    }

    /** A reminder the sweep would send or mark: a staff member, the slot (or mask) key, and the kind. */
    record Claim(long staffId, String key, String kind) {
    }

    /**
     * Claims a hall's reminders in one statement: those no node claimed before, which this caller then sends. The
     * sweep offers every reminder of the day each minute (most were claimed a minute ago), so one statement a hall
     * replaces one a reminder: at 150 halls, late in the day, that was 46,500 a minute on each node (issue 18).
     * The rows go in key order, so two nodes claiming the same new reminders wait for each other and never deadlock
     * (the board's order changes from minute to minute).
     */
    List<Claim> claim(long siteId, List<Claim> offered) {
        if (offered.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                INSERT INTO staffhealth_reminders (site_id, staff_id, slot_key, kind, created_at)
                SELECT :site, u.staff_id, u.slot_key, u.kind, :now
                FROM unnest(:staff::bigint[], :key::text[], :kind::text[]) AS u(staff_id, slot_key, kind)
                ORDER BY u.staff_id, u.slot_key
                ON CONFLICT DO NOTHING RETURNING staff_id, slot_key, kind""")
                .param("site", siteId).param("now", Timestamp.from(clock.instant()))
                .param("staff", offered.stream().map(Claim::staffId).toArray(Long[]::new))
                .param("key", offered.stream().map(Claim::key).toArray(String[]::new))
                .param("kind", offered.stream().map(Claim::kind).toArray(String[]::new))
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The open halls, from organization's facade. */
    List<Long> sites() {
        return directory.sites("", false).stream().map(SiteView::id).toList();
    }
}
