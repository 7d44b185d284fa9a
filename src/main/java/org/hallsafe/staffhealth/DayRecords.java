package org.hallsafe.staffhealth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.organization.Views.StaffView;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.LiveUpdates;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.screening.Gate;
import org.hallsafe.screening.StaffScreened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens in a staff member's day besides their own checks: leaving and returning, masks, hand hygiene, the gate. */
@Service
class DayRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;
    private final LiveUpdates live;

    DayRecords(JdbcClient jdbc, Clock clock, StaffDirectory staff, LiveUpdates live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
        this.live = live;
    }

    /** Leaving the hall: the return will ask for a check. */
    @Transactional
    void left(long siteId, long staffId) {
        presence(siteId, staffId, "LEFT");
    }

    @Transactional
    void returned(long siteId, long staffId) {
        presence(siteId, staffId, "RETURNED");
    }

    private void presence(long siteId, long staffId, String kind) {
        staff.get(siteId, staffId);
        jdbc.sql("INSERT INTO staff_presence (site_id, staff_id, kind, at, recorded_by) VALUES (:site, :staff, :kind, :now, :by)")
                .param("site", siteId).param("staff", staffId).param("kind", kind).param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        live.publishToSite(siteId, "staffhealth");
    }

    /** A fresh mask put on, or an N95/3M mask disinfected (R-PPE-1). */
    @Transactional
    void mask(long siteId, long staffId, String kind, Gate.Mask type) {
        if (type == null || type == Gate.Mask.NONE) {
            throw new InvalidInputException("maskType", "gate.mask.required");
        }
        if ("DISINFECTED".equals(kind) && type != Gate.Mask.N95_KN95) {
            throw new InvalidInputException("maskType", "staffhealth.mask.disinfectN95");
        }
        staff.get(siteId, staffId);
        jdbc.sql("INSERT INTO mask_events (site_id, staff_id, kind, mask_type, at, recorded_by) VALUES (:site, :staff, :kind, :type, :now, :by)")
                .param("site", siteId).param("staff", staffId).param("kind", kind).param("type", type.name())
                .param("now", Timestamp.from(clock.instant())).param("by", SignedIn.actor()).update();
        live.publishToSite(siteId, "staffhealth");
    }

    /** One tap at the window: a service completed, or hands sanitised (R-PPE-2). */
    @Transactional
    void hand(long siteId, long staffId, String kind) {
        StaffView person = staff.get(siteId, staffId);
        if (person.windowId() == null) {
            throw new InvalidInputException("kind", "staffhealth.hand.windowOnly");
        }
        jdbc.sql("INSERT INTO hand_events (site_id, staff_id, window_id, kind, at) VALUES (:site, :staff, :window, :kind, :now)")
                .param("site", siteId).param("staff", staffId).param("window", person.windowId()).param("kind", kind)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** A staff member passing the gate: the screening counts as a check, and as their return if they were out. */
    @ApplicationModuleListener
    void on(StaffScreened screened) {
        jdbc.sql("""
                INSERT INTO staff_checks (site_id, submission_id, staff_id, checked_at, source, screening_id, abnormal, measured_by)
                VALUES (:site, :s, :staff, :at, 'GATE', :screening, :abnormal, 'gate')
                ON CONFLICT (site_id, submission_id) DO NOTHING""")
                .param("site", screened.siteId())
                .param("s", UUID.nameUUIDFromBytes(("screening-" + screened.screeningId()).getBytes()))
                .param("staff", screened.staffId()).param("at", Timestamp.from(screened.screenedAt()))
                .param("screening", screened.screeningId()).param("abnormal", screened.refused()).update();
        String last = jdbc.sql("""
                SELECT kind FROM staff_presence WHERE site_id = :site AND staff_id = :staff AND at <= :at
                ORDER BY at DESC, id DESC LIMIT 1""")
                .param("site", screened.siteId()).param("staff", screened.staffId())
                .param("at", Timestamp.from(screened.screenedAt())).query(String.class).optional().orElse("");
        if ("LEFT".equals(last)) {
            jdbc.sql("INSERT INTO staff_presence (site_id, staff_id, kind, at, recorded_by) VALUES (:site, :staff, 'RETURNED', :at, 'gate')")
                    .param("site", screened.siteId()).param("staff", screened.staffId())
                    .param("at", Timestamp.from(screened.screenedAt().minusSeconds(1))).update();
        }
        live.publishToSite(screened.siteId(), "staffhealth");
    }
}
