package org.hallsafe.platform;

import java.util.Set;

/** Permission strings as {@code module:resource:action}; {@code @PreAuthorize} and the navigation check these. */
public final class Permissions {

    public static final String ORG_VIEW = "organization:directory:view";
    public static final String ORG_EDIT = "organization:directory:edit";
    public static final String SITE_EDIT = "organization:site:edit";
    public static final String STAFF_REVEAL = "organization:staff:reveal";
    public static final String LEADERSHIP_VIEW = "organization:leadership:view";
    public static final String LEADERSHIP_EDIT = "organization:leadership:edit";
    public static final String MEASURE_VIEW = "organization:measure:view";
    public static final String MEASURE_EDIT = "organization:measure:edit";
    public static final String ACCOUNT_MANAGE = "platform:account:manage";
    public static final String METRICS_VIEW = "platform:metrics:view";
    /** The hall's display screens: make, name, list and revoke their keys (issue 15). The hall's administrator. */
    public static final String SCREEN_MANAGE = "display:screen:manage";
    public static final String AUDIT_VIEW = "audit:log:view";
    public static final String INCIDENT_VIEW = "incident:report:view";
    public static final String INCIDENT_HANDLE = "incident:report:handle";
    public static final String GATE_RECORD = "screening:gate:record";
    public static final String GATE_BACKFILL = "screening:gate:backfill";
    public static final String GATE_TODAY = "screening:today:view";
    public static final String LEDGER_VIEW = "screening:ledger:view";
    public static final String PERSON_REVEAL = "screening:person:reveal";
    public static final String SCREENING_SETTINGS = "screening:settings:edit";
    public static final String HEALTH_SELF = "staffhealth:self:record";
    public static final String HEALTH_BOARD = "staffhealth:board:view";
    /** Staff temperatures on the board: the leadership group, its office and section heads; others see only how checks stand. */
    public static final String HEALTH_READINGS = "staffhealth:readings:view";
    public static final String HEALTH_RECORD_FOR = "staffhealth:check:record-for";
    public static final String HEALTH_SETTINGS = "staffhealth:schedule:edit";
    public static final String HYGIENE_RECORD = "hygiene:record:create";
    public static final String HYGIENE_VIEW = "hygiene:coverage:view";
    public static final String HYGIENE_ZONES = "hygiene:zone:edit";
    public static final String CANTEEN_MANAGE = "canteen:ledger:edit";
    public static final String CANTEEN_DOOR = "canteen:door:record";
    public static final String CANTEEN_VIEW = "canteen:ledger:view";

    public static final String BOOK_FOR = "appointments:booking:create";
    public static final String WINDOW_CALL = "appointments:window:call";
    public static final String APPOINTMENTS_EDIT = "appointments:calendar:edit";
    public static final String APPOINTMENTS_VIEW = "appointments:figures:view";
    public static final String DUTY_LOG = "appointments:duty:log";
    public static final String DUTY_ROSTER = "appointments:duty:roster";

    /** The leadership group's office writes notices (issue 15). */
    public static final String NOTICE_EDIT = "notice:notice:edit";
    /** A second person approves a notice before it is published: the office, the leaders, the administrators. */
    public static final String NOTICE_APPROVE = "notice:notice:approve";
    /** Staff read the prevention-knowledge library. */
    public static final String NOTICE_VIEW = "notice:knowledge:view";

    /** Agency service (issue 14): the case list, a case's page, the ledger. */
    public static final String AGENCY_VIEW = "agency:case:view";
    /** Open a case at a window or from a call, post in and out, materials, notices, handovers, finish, send. */
    public static final String AGENCY_HANDLE = "agency:case:handle";
    /** Each agency item's time limit and owning section. */
    public static final String AGENCY_EDIT = "agency:item:edit";

    /** Issue 16: the leadership's overview of every measure (the home page of leaders and the office). */
    public static final String OVERVIEW_VIEW = "accountability:overview:view";
    /** A section head writes the section's daily report (信息反馈) and replies in its threads. */
    public static final String FEEDBACK_WRITE = "accountability:feedback:write";
    /** Reads section reports: the leadership group, its office, and section heads (their own and those addressed to them). */
    public static final String FEEDBACK_VIEW = "accountability:feedback:view";
    /** The daily briefing (每日防控工作日报): read it. */
    public static final String BRIEFING_VIEW = "accountability:briefing:view";
    /** The office adds remarks to the daily briefing and sends it to the group. */
    public static final String BRIEFING_EDIT = "accountability:briefing:edit";
    /** Unannounced inspections (督查): plan, carry out, re-check a rectification. The leadership group and its office. */
    public static final String INSPECTION_RUN = "accountability:inspection:run";
    /** The owner section records the fix of a finding (整改) with its evidence. */
    public static final String RECTIFICATION_FIX = "accountability:rectification:fix";
    /** A record about an earlier moment than the hall's short window allows (补录): with a reason, and marked. */
    public static final String RECORD_BACKFILL = "organization:record:backfill";
    /** Import staff and their accounts from a sheet, print one-time sign-in links. */
    public static final String STAFF_IMPORT = "organization:staff:import";
    /** Issue 18: the gate tablets' API tokens (make, list, revoke). */
    public static final String DEVICE_MANAGE = "platform:device:manage";
    /** Issue 17: trace who shared the hall with a person (the leadership group and its office; a reason, audited). */
    public static final String TRACE_RUN = "tracing:trace:run";
    /** Issue 17: a trace's contacts with their full phone numbers (export, notify): the office. */
    public static final String TRACE_REVEAL = "tracing:contact:reveal";

    static final Set<String> ALL = Set.of(TRACE_RUN, TRACE_REVEAL, OVERVIEW_VIEW, FEEDBACK_WRITE, FEEDBACK_VIEW, BRIEFING_VIEW, BRIEFING_EDIT,
            INSPECTION_RUN, RECTIFICATION_FIX, RECORD_BACKFILL, STAFF_IMPORT, DEVICE_MANAGE, AGENCY_VIEW, AGENCY_HANDLE, AGENCY_EDIT, NOTICE_EDIT, NOTICE_APPROVE, NOTICE_VIEW, BOOK_FOR, WINDOW_CALL, APPOINTMENTS_EDIT, APPOINTMENTS_VIEW, DUTY_LOG, DUTY_ROSTER,
            ORG_VIEW, ORG_EDIT, SITE_EDIT, STAFF_REVEAL, LEADERSHIP_VIEW, LEADERSHIP_EDIT,
            MEASURE_VIEW, MEASURE_EDIT, ACCOUNT_MANAGE, METRICS_VIEW, AUDIT_VIEW, INCIDENT_VIEW, INCIDENT_HANDLE,
            GATE_RECORD, GATE_BACKFILL, GATE_TODAY, LEDGER_VIEW, PERSON_REVEAL, SCREENING_SETTINGS, HEALTH_SELF,
            HEALTH_BOARD, HEALTH_RECORD_FOR, HEALTH_SETTINGS, HYGIENE_RECORD, HYGIENE_VIEW, HYGIENE_ZONES, CANTEEN_MANAGE, CANTEEN_DOOR, CANTEEN_VIEW,
            HEALTH_READINGS, SCREEN_MANAGE);

    /**
     * A hall's administrator holds all but the halls themselves (another hall is not theirs to open or change), the
     * metrics, which count every hall's traffic (those are the bureau administrator's alone), and contact tracing,
     * which the work plan gives to the leadership group and its office only.
     */
    static final Set<String> HALL_ADMIN = ALL.stream()
            .filter(p -> !p.equals(SITE_EDIT) && !p.equals(METRICS_VIEW) && !p.equals(TRACE_RUN) && !p.equals(TRACE_REVEAL))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Permissions() {
    }
}
