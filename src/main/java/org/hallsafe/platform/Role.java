package org.hallsafe.platform;

import java.util.Set;

/**
 * The hall's roles and the permissions ({@code module:resource:action}) each one holds. Pages and API operations
 * check permissions, never roles, so a role can change without touching a controller.
 */
public enum Role {

    ADMIN(Permissions.ALL),
    LEADER(Set.of(Permissions.ORG_VIEW, Permissions.STAFF_REVEAL, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW,
            Permissions.INCIDENT_VIEW, Permissions.INCIDENT_HANDLE, Permissions.GATE_TODAY, Permissions.LEDGER_VIEW,
            Permissions.PERSON_REVEAL)),
    OFFICE(Set.of(Permissions.ORG_VIEW, Permissions.STAFF_REVEAL, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW,
            Permissions.LEADERSHIP_EDIT, Permissions.INCIDENT_VIEW, Permissions.INCIDENT_HANDLE, Permissions.GATE_TODAY,
            Permissions.LEDGER_VIEW, Permissions.PERSON_REVEAL, Permissions.GATE_BACKFILL)),
    SECTION_HEAD(Set.of(Permissions.ORG_VIEW, Permissions.MEASURE_VIEW, Permissions.LEADERSHIP_VIEW, Permissions.GATE_TODAY)),
    SCREENER(Set.of(Permissions.GATE_RECORD, Permissions.GATE_TODAY)),
    STAFF(Set.of()),
    CANTEEN(Set.of());

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** Message-bundle key of the role's name. */
    public String label() {
        return "role." + name();
    }
}
