package org.hallsafe.agency;

/** An agency case was paused for a one-time notice (补正): the clock stands still. */
public record AgencyCasePaused(long siteId, long caseId) {
}
