package org.hallsafe.duty;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Duty's share of retention: a call loses the caller; time, window, item and outcome stay for the figures. */
@Configuration(proxyBeanMethods = false)
class DutyRetention {

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
}
