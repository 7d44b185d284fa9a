package org.hallsafe.agency;

/** An agency case was its result was posted to the citizen. */
public record AgencyResultSent(long siteId, long caseId) {
}
