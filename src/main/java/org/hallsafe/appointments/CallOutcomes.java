package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.Map;

/**
 * The phone calls of a date range as the figures page counts them, per outcome: a plug-in the duty module fills
 * (appointments does not depend on duty; duty books through appointments). Without it the page shows no calls.
 */
public interface CallOutcomes {

    /** Calls per outcome, keyed by the outcome's name, every outcome present (zero when none), in the outcome's order. */
    Map<String, Integer> outcomes(long siteId, LocalDate from, LocalDate to);
}
