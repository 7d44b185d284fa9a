package org.hallsafe.organization;

/** Places in the leadership group (领导小组) and its office (领导小组办公室), in the plan's order. */
public enum LeadershipRole {
    LEADER, DEPUTY, MEMBER, OFFICE_DIRECTOR, OFFICE_MEMBER;

    /** The office (设在局办公室) receives reports on the group's behalf. */
    public boolean inOffice() {
        return this == OFFICE_DIRECTOR || this == OFFICE_MEMBER;
    }
}
