package org.hallsafe.appointments;

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
 * Appointments' share of retention: bookings, duty calls and SMS codes lose the person; times, items, windows,
 * channels, statuses and outcomes stay, so the figures of a past month do not change.
 */
final class AppointmentRetention {

    private AppointmentRetention() {
    }

    @Component
    static class BookingRule implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        BookingRule(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "bookings";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.BOOKINGS;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            // the last event of a booking: its time, or a later change (cancelled or moved after it)
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM bookings
                        WHERE anonymised_at IS NULL AND ends_at < :before AND changed_at < :before
                        ORDER BY ends_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE bookings b SET name = :marker, doc_masked = :marker, doc_hash = NULL, doc_cipher = NULL,
                        phone_masked = :marker, phone_hash = NULL, phone_cipher = NULL, anonymised_at = :now
                    FROM batch WHERE b.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    @Component
    static class ConsultationRule implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        ConsultationRule(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "consultations";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.CONSULTATIONS;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            // an open call-back keeps the caller's phone until it is marked done; the period counts from then
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM consultations
                        WHERE anonymised_at IS NULL AND taken_at < :before
                          AND (follow_up = '' AND follow_up_done_at IS NULL OR follow_up_done_at < :before)
                        ORDER BY taken_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE consultations c SET caller_name = CASE WHEN c.caller_name = '' THEN '' ELSE :marker END,
                        phone_masked = :marker, phone_hash = NULL, phone_cipher = NULL, matter = :marker, answer = '',
                        follow_up = CASE WHEN c.follow_up = '' THEN '' ELSE :marker END, anonymised_at = :now
                    FROM batch WHERE c.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("marker", RetentionProperties.ANONYMISED).param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    @Component
    static class SmsChallengeRule implements RetentionRule {

        private final JdbcClient jdbc;
        private final Clock clock;

        SmsChallengeRule(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "sms_challenges";
        }

        @Override
        public DataClass dataClass() {
            return DataClass.SMS_CHALLENGES;
        }

        @Override
        @Transactional
        public int anonymise(Instant before, int limit) {
            return jdbc.sql("""
                    WITH batch AS (SELECT id FROM sms_challenges WHERE anonymised_at IS NULL AND created_at < :before
                        ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                    UPDATE sms_challenges c SET phone_hash = NULL, anonymised_at = :now FROM batch WHERE c.id = batch.id""")
                    .param("before", Timestamp.from(before)).param("limit", limit)
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }
}
