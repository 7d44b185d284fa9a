package org.hallsafe.organization;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff who left lose their phone and ID number after the period; the name stays, as ledgers and rosters name them. */
@Configuration(proxyBeanMethods = false)
class StaffRetention {

    @Bean
    RetentionRule retiredStaffRetention() {
        return new RetentionRule("staff", DataClass.RETIRED_STAFF, """
                WITH batch AS (SELECT id FROM staff WHERE anonymised_at IS NULL AND retired_at < :before
                    ORDER BY retired_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE staff s SET phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, id_number_cipher = NULL,
                    id_number_hash = NULL, id_number_masked = NULL, anonymised_at = :now
                FROM batch WHERE s.id = batch.id""");
    }
}
