package org.hallsafe.platform;

import java.util.Set;

/**
 * The hall's roles and the permissions ({@code module:resource:action}) each one holds. Pages and API operations
 * check permissions, never roles, so a role can change without touching a controller.
 */
public enum Role {

    /** The bureau's administrator: everything a hall's administrator may do, and the halls themselves. */
    BUREAU_ADMIN(Permissions.ALL),
    /** A hall's administrator: everything within the hall, nothing of another hall. */
    ADMIN(Permissions.HALL_ADMIN),
    LEADER(Set.of(Permissions.ORG_VIEW, Permissions.STAFF_REVEAL, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW,
            Permissions.INCIDENT_VIEW, Permissions.INCIDENT_HANDLE, Permissions.GATE_TODAY, Permissions.LEDGER_VIEW,
            Permissions.PERSON_REVEAL, Permissions.HEALTH_SELF, Permissions.HEALTH_BOARD, Permissions.HYGIENE_VIEW,
            Permissions.HYGIENE_RECORD, Permissions.CANTEEN_VIEW, Permissions.APPOINTMENTS_VIEW,
            Permissions.HEALTH_READINGS, Permissions.NOTICE_APPROVE, Permissions.NOTICE_VIEW, Permissions.AGENCY_VIEW,
            Permissions.OVERVIEW_VIEW, Permissions.FEEDBACK_VIEW, Permissions.BRIEFING_VIEW, Permissions.INSPECTION_RUN,
            Permissions.TRACE_RUN)),
    OFFICE(Set.of(Permissions.ORG_VIEW, Permissions.STAFF_REVEAL, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW,
            Permissions.LEADERSHIP_EDIT, Permissions.INCIDENT_VIEW, Permissions.INCIDENT_HANDLE, Permissions.GATE_TODAY,
            Permissions.LEDGER_VIEW, Permissions.PERSON_REVEAL, Permissions.GATE_BACKFILL, Permissions.HEALTH_SELF,
            Permissions.HEALTH_BOARD, Permissions.HYGIENE_VIEW, Permissions.HYGIENE_RECORD, Permissions.HYGIENE_ZONES,
            Permissions.CANTEEN_VIEW, Permissions.BOOK_FOR, Permissions.WINDOW_CALL, Permissions.APPOINTMENTS_EDIT,
            Permissions.APPOINTMENTS_VIEW, Permissions.DUTY_LOG, Permissions.DUTY_ROSTER, Permissions.HEALTH_READINGS,
            Permissions.NOTICE_EDIT, Permissions.NOTICE_APPROVE, Permissions.NOTICE_VIEW, Permissions.AGENCY_VIEW,
            Permissions.AGENCY_HANDLE, Permissions.AGENCY_EDIT, Permissions.OVERVIEW_VIEW, Permissions.FEEDBACK_WRITE,
            Permissions.FEEDBACK_VIEW, Permissions.BRIEFING_VIEW, Permissions.BRIEFING_EDIT, Permissions.INSPECTION_RUN,
            Permissions.RECTIFICATION_FIX, Permissions.RECORD_BACKFILL, Permissions.TRACE_RUN, Permissions.TRACE_REVEAL)),
    SECTION_HEAD(Set.of(Permissions.ORG_VIEW, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW, Permissions.GATE_TODAY,
            Permissions.HEALTH_SELF, Permissions.HEALTH_BOARD, Permissions.HEALTH_RECORD_FOR, Permissions.HYGIENE_VIEW,
            Permissions.HYGIENE_RECORD, Permissions.BOOK_FOR, Permissions.WINDOW_CALL, Permissions.APPOINTMENTS_VIEW,
            Permissions.DUTY_LOG, Permissions.DUTY_ROSTER, Permissions.HEALTH_READINGS, Permissions.NOTICE_VIEW,
            Permissions.AGENCY_VIEW, Permissions.AGENCY_HANDLE, Permissions.FEEDBACK_WRITE, Permissions.FEEDBACK_VIEW,
            Permissions.RECTIFICATION_FIX, Permissions.RECORD_BACKFILL)),
    SCREENER(Set.of(Permissions.GATE_RECORD, Permissions.GATE_TODAY, Permissions.HEALTH_SELF, Permissions.HEALTH_RECORD_FOR,
            Permissions.BOOK_FOR, Permissions.NOTICE_VIEW)),
    STAFF(Set.of(Permissions.HEALTH_SELF, Permissions.HYGIENE_RECORD, Permissions.BOOK_FOR, Permissions.WINDOW_CALL,
            Permissions.DUTY_LOG, Permissions.NOTICE_VIEW, Permissions.AGENCY_VIEW, Permissions.AGENCY_HANDLE)),
    CANTEEN(Set.of(Permissions.HEALTH_SELF, Permissions.HYGIENE_RECORD, Permissions.CANTEEN_MANAGE, Permissions.CANTEEN_DOOR,
            Permissions.CANTEEN_VIEW, Permissions.HEALTH_BOARD, Permissions.NOTICE_VIEW)),
    /**
     * Window staff (窗口工作人员, issue 16 item 8): the plan's window work: serve citizens (call the next booking, book
     * for one, agency cases), wipe the counter after each item ("事项受理办结后…及时用快干消毒液消毒"), keep the
     * duty phone when the hall is closed ("各窗口派专人值班值守、回复电话咨询"), their own temperature checks, the
     * knowledge library. Nothing of the gate, the ledgers or other people's readings.
     */
    WINDOW(Set.of(Permissions.HEALTH_SELF, Permissions.HYGIENE_RECORD, Permissions.BOOK_FOR, Permissions.WINDOW_CALL,
            Permissions.DUTY_LOG, Permissions.NOTICE_VIEW, Permissions.AGENCY_VIEW, Permissions.AGENCY_HANDLE)),
    /**
     * Cleaners (保洁员, issue 16 item 8): the plan's cleaning work: disinfect the zones when due, air the rooms, take
     * the waste away (all through the hygiene records), their own temperature checks, the knowledge library. No
     * citizens' data, no bookings, no ledgers.
     */
    CLEANER(Set.of(Permissions.HEALTH_SELF, Permissions.HYGIENE_RECORD, Permissions.NOTICE_VIEW));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /**
     * Whether an account of this role may act on (reset, switch off or on, change) an account of the other role:
     * only on a strictly lower rank, so a hall's administrator cannot take over another administrator, and the
     * bureau's administrator is changed only by a bureau's administrator.
     */
    public boolean mayManage(Role other) {
        return this == BUREAU_ADMIN || rank() > other.rank();
    }

    /** Administrators above everyone else; the other roles are peers as far as accounts go. */
    private int rank() {
        return this == BUREAU_ADMIN ? 2 : this == ADMIN ? 1 : 0;
    }

    /** Message-bundle key of the role's name. */
    public String label() {
        return "role." + name();
    }
}
