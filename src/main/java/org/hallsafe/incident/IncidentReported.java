package org.hallsafe.incident;

/** A case was reported to the leadership group ({@code escalated}: sent again to the leader). */
public record IncidentReported(long siteId, long incidentId, String title, boolean escalated) {
}
