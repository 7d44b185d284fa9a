package org.hallsafe.screening;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Implemented by the module that books visits, so the gate's exit scan (issue 17 item 2) finds whom a booking code
 * admitted: the code on the visitor's paper or phone (typed, or its QR code scanned) leads to the day's screening.
 */
public interface VisitCodes {

    /** The screening that checked this booking in on this day, in this hall; empty for an unknown code. */
    Optional<Long> screeningOf(long siteId, String code, LocalDate day);
}
