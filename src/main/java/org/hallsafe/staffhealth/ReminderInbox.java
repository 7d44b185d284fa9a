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

    /**
     * Claims a reminder for a slot: true only for the first caller on any node, who then sends it.
     */
    boolean claim(long siteId, long staffId, String key, String kind) {
        return jdbc.sql("""
                INSERT INTO staffhealth_reminders (site_id, staff_id, slot_key, kind, created_at)
                VALUES (:site, :staff, :key, :kind, :now) ON CONFLICT DO NOTHING""")
                .param("site", siteId).param("staff", staffId).param("key", key).param("kind", kind).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** The open halls, from organization's facade. */
    List<Long> sites() {
        return directory.sites("", false).stream().map(SiteView::id).toList();
    }
}
