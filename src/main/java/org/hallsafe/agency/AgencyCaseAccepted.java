package org.hallsafe.agency;

/** An agency case was accepted (受理): its materials are complete and the clock runs. */
public record AgencyCaseAccepted(long siteId, long caseId) {
}
