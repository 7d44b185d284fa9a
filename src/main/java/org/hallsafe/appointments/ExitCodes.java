package org.hallsafe.appointments;

import java.time.LocalDate;
import java.util.Optional;

import org.hallsafe.screening.VisitCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The gate's exit scan finds the screening a booking code checked in today (bookings.screening_id, issue 17). */
@Component
class ExitCodes implements VisitCodes {

    private final JdbcClient jdbc;
    private final Slots slots;

    ExitCodes(JdbcClient jdbc, Slots slots) {
        this.jdbc = jdbc;
        this.slots = slots;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> screeningOf(long siteId, String code, LocalDate day) {
        String normal = Bookings.normaliseCode(code);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT screening_id FROM bookings WHERE site_id = :site AND code = :code AND screening_id IS NOT NULL
                  AND starts_at >= :from AND starts_at < :to""")
                .param("site", siteId).param("code", normal).param("from", slots.start(day))
                .param("to", slots.start(day.plusDays(1)))
                .query(Long.class).optional();
    }
}
