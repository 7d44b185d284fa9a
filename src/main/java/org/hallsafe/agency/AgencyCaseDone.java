package org.hallsafe.agency;

/** An agency case was finished (办结), on time or late against its commitment. */
public record AgencyCaseDone(long siteId, long caseId, boolean onTime) {
}
