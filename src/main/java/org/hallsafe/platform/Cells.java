package org.hallsafe.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How a ledger's values read: times in the hall's zone, numbers without a trailing ".0". */
final class Cells {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Cells() {
    }

    static LedgerPrintout.Cell printed(Object value, ZoneId zone) {
        if (value == null) {
            return new LedgerPrintout.Cell("", false);
        }
        if (value instanceof Number n) {
            return new LedgerPrintout.Cell(number(n), true);
        }
        if (value instanceof LocalDate d) {
            return new LedgerPrintout.Cell(DATE.format(d), false);
        }
        if (value instanceof LocalTime t) {
            return new LedgerPrintout.Cell(TIME.format(t), false);
        }
        LocalDateTime at = dateTime(value, zone);
        return new LedgerPrintout.Cell(at != null ? DATE_TIME.format(at) : value.toString(), false);
    }

    static LocalDateTime dateTime(Object value, ZoneId zone) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, zone);
        } else if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDateTime();
        } else if (value instanceof LocalDateTime l) {
            return l;
        }
        return null;
    }

    static String number(Number n) {
        if (n instanceof BigDecimal b) {
            return b.toPlainString();
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
