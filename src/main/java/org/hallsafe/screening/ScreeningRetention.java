package org.hallsafe.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hallsafe.platform.RetentionProperties;
import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate's share of retention: a reading keeps its time, mask, decision and reasons for the ledger's counts and
 * loses the temperature, symptoms and questioning; a citizen's reading also loses name, document and phone, and the
 * citizen row itself is emptied after the last visit. Staff readings follow the staff-health period.
 */
final class ScreeningRetention {

    private ScreeningRetention() {
    }

    /** Citizens' readings at the gate. */
    @Component
    static class CitizenReadings implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        CitizenReadings(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "screenings";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.CITIZENS;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM screenings
                        WHERE anonymised_at IS NULL AND person_type = 'CITIZEN' AND screened_at < :before
                        ORDER BY person_type, screened_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE screenings s SET person_name = :marker, doc_masked = NULL, phone_masked = NULL,
                        health_cipher = NULL, questioning_cipher = NULL, anonymised_at = :now
                    FROM batch WHERE s.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /** Staff readings at the gate: employment health records, kept as long as the staff's own checks. */
    @Component
    static class StaffReadings implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        StaffReadings(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "staff screenings";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.STAFF_HEALTH;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM screenings
                        WHERE anonymised_at IS NULL AND person_type = 'STAFF' AND screened_at < :before
                        ORDER BY person_type, screened_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE screenings s SET health_cipher = NULL, questioning_cipher = NULL, anonymised_at = :now
                    FROM batch WHERE s.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }

    /** Who came to the gate: emptied after their last visit, so the gate no longer knows them by document. */
    @Component
    static class Citizens implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        Citizens(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "citizens";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.CITIZENS;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM citizens WHERE anonymised_at IS NULL AND updated_at < :before
                        ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE citizens c SET name = :marker, doc_cipher = NULL, doc_hash = NULL, doc_masked = :marker,
                        phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, anonymised_at = :now
                    FROM batch WHERE c.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
