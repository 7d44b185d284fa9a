package org.hallsafe.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How times are shown everywhere: {@code 2026-11-28 14:05} in the hall's zone. Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    /** The time of day alone, {@code 14:05}: for slots, whose day the page already shows. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }

    /** A date with its weekday, {@code 2026-11-30 周一}: for the days a citizen chooses from. */
    public String day(LocalDate date) {
        return date == null ? "" : DATE.format(date) + " " + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
