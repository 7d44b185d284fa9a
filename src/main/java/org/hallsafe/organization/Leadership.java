package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.hallsafe.organization.Forms.LeadershipForm;
import org.hallsafe.organization.Views.LeadershipView;
import org.hallsafe.platform.ActivityLog;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.SignedIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership group (领导小组): leader, deputies and members, and its office with the office director. Later
 * modules send their reports to these people.
 */
@Service
public class Leadership {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActivityLog activity;
    private final StaffDirectory staff;

    Leadership(JdbcClient jdbc, Clock clock, ActivityLog activity, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activity = activity;
        this.staff = staff;
    }

    /** The group in the plan's order: leader, deputies, members, then the office. */
    @Transactional(readOnly = true)
    public List<LeadershipView> members(long siteId, boolean includeRetired) {
        return jdbc.sql("""
                SELECT m.id, m.staff_id, s.name AS staff_name, coalesce(d.name, '') AS department_name, m.role,
                       s.account_id, m.retired_at IS NOT NULL AS retired
                FROM leadership_members m
                JOIN staff s ON s.id = m.staff_id
                LEFT JOIN departments d ON d.id = s.department_id
                WHERE m.site_id = :site AND (:all OR m.retired_at IS NULL)
                ORDER BY CASE m.role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 WHEN 'MEMBER' THEN 2
                                     WHEN 'OFFICE_DIRECTOR' THEN 3 ELSE 4 END, s.name""")
                .param("site", siteId).param("all", includeRetired).query(LeadershipView.class).list();
    }

    @Transactional
    public long appoint(long siteId, LeadershipForm form) {
        var person = staff.get(siteId, form.staffId());
        if (person.retired()) {
            throw new InvalidInputException("staffId", "leadership.staff.retired");
        }
        try {
            long id = jdbc.sql("""
                    INSERT INTO leadership_members (site_id, staff_id, role, created_by)
                    VALUES (:site, :staff, :role, :by) RETURNING id""")
                    .param("site", siteId).param("staff", form.staffId()).param("role", form.role().name())
                    .param("by", SignedIn.actor()).query(Long.class).single();
            activity.record("CREATED", "leadership", id, person.name() + " " + form.role());
            return id;
        } catch (DuplicateKeyException e) {
            throw e.getMessage() != null && e.getMessage().contains("single_uq")
                    ? new InvalidInputException("role", "leadership.role.taken")
                    : new InvalidInputException("staffId", "leadership.staff.already");
        }
    }

    @Transactional
    public void retire(long siteId, long id) {
        Directory.updated(jdbc.sql("""
                UPDATE leadership_members SET retired_at = :now, updated_at = :now
                WHERE site_id = :site AND id = :id AND retired_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("site", siteId).param("id", id).update(), id);
        activity.record("RETIRED", "leadership", id, null);
    }
}
