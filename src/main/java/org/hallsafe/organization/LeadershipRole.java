package org.hallsafe.organization;

/** Places in the leadership group (领导小组) and its office (领导小组办公室), in the plan's order. */
public enum LeadershipRole {
    LEADER, DEPUTY, MEMBER, OFFICE_DIRECTOR, OFFICE_MEMBER
}
