package org.hallsafe.appointments;

import java.time.Instant;

/**
 * A window called the next citizen (叫下一位). It names the booking by its code and the window by its number, never
 * the person: the hall's call display shows and speaks exactly this.
 */
public record CitizenCalled(long siteId, long bookingId, String bookingCode, int windowNumber, Instant at) {
}
