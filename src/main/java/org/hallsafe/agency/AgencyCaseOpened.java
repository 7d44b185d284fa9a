package org.hallsafe.agency;

/** An agency case was opened (any channel). */
public record AgencyCaseOpened(long siteId, long caseId) {
}
