package org.hallsafe.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff who left lose their phone and ID number after the period; the name stays, as ledgers and rosters name them. */
@Component
class StaffRetention implements RetentionRule {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public DataClass dataClass() {
        return DataClass.RETIRED_STAFF;
    }

    @Override
    @Transactional
    public int anonymise(Instant before, int limit) {
        return jdbc.sql("""
                WITH batch AS (SELECT id FROM staff WHERE anonymised_at IS NULL AND retired_at < :before
                    ORDER BY retired_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                UPDATE staff s SET phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, id_number_cipher = NULL,
                    id_number_hash = NULL, id_number_masked = NULL, anonymised_at = :now
                FROM batch WHERE s.id = batch.id""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
