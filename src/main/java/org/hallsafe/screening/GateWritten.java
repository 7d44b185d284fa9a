package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.hallsafe.organization.WrittenRecords;
import org.hallsafe.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the day's gate readings were written, for the formalism check (issue 16, item 6): the screener, the moment of
 * entry against the moment screened, the paper-ledger catch-ups (补录), and the temperature (opened in one audited
 * batch). The gate answers to no one section.
 */
@Component
class GateWritten implements WrittenRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalData personalData;

    GateWritten(JdbcClient jdbc, Clock clock, PersonalData personalData) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.personalData = personalData;
    }

    @Override
    @Transactional
    public List<WrittenRecord> written(long siteId, LocalDate day) {
        ZoneId zone = clock.getZone();
        record Row(long id, String screener, Instant recordedAt, Instant screenedAt, boolean backfilled, String subject,
                byte[] health) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, screener, recorded_at, screened_at, backfilled,
                       coalesce('staff:' || staff_id, 'citizen:' || citizen_id, 'screening:' || id) AS subject,
                       health_cipher AS health
                FROM screenings WHERE site_id = :site AND screened_at >= :from AND screened_at < :to ORDER BY screened_at""")
                .param("site", siteId).param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())).query(Row.class).list();
        List<Row> sealed = rows.stream().filter(r -> r.health() != null).toList();
        List<String> plain = sealed.isEmpty() ? List.of() : personalData.revealAll(
                sealed.stream().map(Row::health).toList(), "screening", "formalism check " + day);
        List<WrittenRecord> out = new ArrayList<>();
        int opened = 0;
        for (Row r : rows) {
            Health health = r.health() == null ? Health.open(null) : Health.open(plain.get(opened++));
            out.add(new WrittenRecord("screening.gate", null, r.screener(), r.recordedAt(), r.screenedAt(),
                    r.backfilled(), health.temperature(), r.subject(), "/screening/ledger/" + r.id()));
        }
        return out;
    }
}
