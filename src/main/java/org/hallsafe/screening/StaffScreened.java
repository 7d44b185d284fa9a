package org.hallsafe.screening;

import java.time.Instant;

/**
 * A staff member passed the gate. Carries no health data: staff health counts it as a check and reads nothing
 * more; the reading itself stays sealed in the ledger.
 */
public record StaffScreened(long siteId, long staffId, long screeningId, Instant screenedAt, boolean refused) {
}
