package org.hallsafe.staffhealth;

import java.time.Duration;
import java.time.Instant;

import org.hallsafe.staffhealth.StaffHealth.MaskState;

/**
 * How long a mask may be worn (R-PPE-1): a disposable medical mask is changed {@code life} after it was put on, and is
 * overdue {@code grace} later; other masks (N95/KN95, others) are disinfected, not timed. Pure: no Spring, no database.
 */
record MaskWear(Duration life, Duration grace) {

    private static final String DISPOSABLE = "DISPOSABLE_MEDICAL";

    /** The state at {@code now} of a mask of {@code type} put on at {@code on}. */
    MaskState state(String type, Instant on, Instant now) {
        if (on == null) {
            return MaskState.NONE;
        }
        Instant due = on.plus(life);
        if (!DISPOSABLE.equals(type) || now.isBefore(due)) {
            return MaskState.WORN;
        }
        return now.isAfter(due.plus(grace)) ? MaskState.OVERDUE : MaskState.CHANGE_DUE;
    }

    /** Whether a disposable mask put on at {@code previous} was changed in time by the next one, put on at {@code next}. */
    boolean changedInTime(Instant previous, Instant next) {
        return !next.isAfter(previous.plus(life).plus(grace));
    }

    /** Whether a mask of this type is timed at all. */
    static boolean timed(String type) {
        return DISPOSABLE.equals(type);
    }
}
