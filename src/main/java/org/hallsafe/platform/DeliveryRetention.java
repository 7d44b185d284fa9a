package org.hallsafe.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A finished delivery (sent or given up) loses its sealed phone number and text after the SMS period
 * ({@code hallsafe.retention.sms-challenges}); who was told, why, when and how it went stay for the incident page.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

    @Bean
    RetentionRule deliveriesRetention() {
        return new RetentionRule("deliveries", RetentionProperties.DataClass.SMS_CHALLENGES, """
                WITH batch AS (SELECT id FROM deliveries WHERE anonymised_at IS NULL AND state IN ('SENT','FAILED')
                    AND created_at < :before ORDER BY created_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE deliveries d SET phone_cipher = NULL, body_cipher = NULL, anonymised_at = :now
                FROM batch WHERE d.id = batch.id""");
    }
}
