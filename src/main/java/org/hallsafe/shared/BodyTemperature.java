package org.hallsafe.shared;

import java.math.BigDecimal;

/**
 * A body temperature in °C as a thermometer shows it, wherever it is taken (the gate, a staff member's own check):
 * 34.0 to 43.0 with at most one decimal (issue 13, item 2).
 */
public final class BodyTemperature {

    public static final BigDecimal LOWEST = new BigDecimal("34.0");
    public static final BigDecimal HIGHEST = new BigDecimal("43.0");

    private BodyTemperature() {
    }

    /** Whether a thermometer can show this reading. */
    public static boolean plausible(BigDecimal celsius) {
        return celsius != null && celsius.compareTo(LOWEST) >= 0 && celsius.compareTo(HIGHEST) <= 0
                && celsius.stripTrailingZeros().scale() <= 1;
    }
}
