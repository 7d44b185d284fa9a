package org.hallsafe.screening;

import java.time.Instant;

/**
 * A citizen's reading at the gate has been decided, published in the screening's transaction. It names the person by
 * the keyed hash of their document (never the number) and carries the booking code the screener scanned, if any.
 */
public record CitizenScreened(long siteId, long screeningId, byte[] docHash, String bookingCode, Gate.Decision decision,
        Instant screenedAt) {
}
