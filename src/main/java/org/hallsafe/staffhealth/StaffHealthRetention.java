package org.hallsafe.staffhealth;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff checks lose their temperature and symptoms after the staff-health period; time, source and abnormal stay. */
@Configuration(proxyBeanMethods = false)
class StaffHealthRetention {

    @Bean
    RetentionRule staffChecksRetention() {
        return new RetentionRule("staff_checks", DataClass.STAFF_HEALTH, """
                WITH batch AS (SELECT id FROM staff_checks WHERE anonymised_at IS NULL AND checked_at < :before
                    ORDER BY checked_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE staff_checks c SET health_cipher = NULL, anonymised_at = :now FROM batch WHERE c.id = batch.id""");
    }
}
