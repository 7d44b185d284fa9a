package org.hallsafe.appointments;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Appointments' share of retention: bookings, duty calls and SMS codes lose the person; times, items, windows,
 * channels, statuses and outcomes stay, so the figures of a past month do not change.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentRetention {

    /** The last event of a booking: its time, or a later change (cancelled or moved after it). */
    @Bean
    RetentionRule bookingsRetention() {
        return new RetentionRule("bookings", DataClass.BOOKINGS, """
                WITH batch AS (SELECT id FROM bookings
                    WHERE anonymised_at IS NULL AND ends_at < :before AND changed_at < :before
                    ORDER BY ends_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE bookings b SET name = :marker, doc_masked = :marker, doc_hash = NULL, doc_cipher = NULL,
                    phone_masked = :marker, phone_hash = NULL, phone_cipher = NULL, anonymised_at = :now
                FROM batch WHERE b.id = batch.id""");
    }

    /** An open call-back keeps the caller's phone until it is marked done; the period counts from then. */
    @Bean
    RetentionRule consultationsRetention() {
        return new RetentionRule("consultations", DataClass.CONSULTATIONS, """
                WITH batch AS (SELECT id FROM consultations
                    WHERE anonymised_at IS NULL AND taken_at < :before
                      AND (follow_up = '' AND follow_up_done_at IS NULL OR follow_up_done_at < :before)
                    ORDER BY taken_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE consultations c SET caller_name = CASE WHEN c.caller_name = '' THEN '' ELSE :marker END,
                    phone_masked = :marker, phone_hash = NULL, phone_cipher = NULL, matter = :marker, answer = '',
                    follow_up = CASE WHEN c.follow_up = '' THEN '' ELSE :marker END, anonymised_at = :now
                FROM batch WHERE c.id = batch.id""");
    }

    @Bean
    RetentionRule smsChallengesRetention() {
        return new RetentionRule("sms_challenges", DataClass.SMS_CHALLENGES, """
                WITH batch AS (SELECT id FROM sms_challenges WHERE anonymised_at IS NULL AND created_at < :before
                    ORDER BY created_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE sms_challenges c SET phone_hash = NULL, anonymised_at = :now FROM batch WHERE c.id = batch.id""");
    }
}
