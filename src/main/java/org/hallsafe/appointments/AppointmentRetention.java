package org.hallsafe.appointments;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Appointments' share of retention: bookings and SMS codes lose the person; times, items, windows, channels and
 * statuses stay, so the figures of a past month do not change (duty calls: DutyRetention).
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

    @Bean
    RetentionRule smsChallengesRetention() {
        return new RetentionRule("sms_challenges", DataClass.SMS_CHALLENGES, """
                WITH batch AS (SELECT id FROM sms_challenges WHERE anonymised_at IS NULL AND created_at < :before
                    ORDER BY created_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE sms_challenges c SET phone_hash = NULL, anonymised_at = :now FROM batch WHERE c.id = batch.id""");
    }
}
