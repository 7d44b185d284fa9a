package org.hallsafe.canteen;

import org.hallsafe.platform.RetentionProperties.DataClass;
import org.hallsafe.platform.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What an outsider refused at the canteen door typed (a name, a number) goes after the citizens' period. */
@Configuration(proxyBeanMethods = false)
class CanteenRetention {

    @Bean
    RetentionRule canteenEntriesRetention() {
        return new RetentionRule("canteen_entries", DataClass.CITIZENS, """
                WITH batch AS (SELECT id FROM canteen_entries WHERE anonymised_at IS NULL AND staff_id IS NULL AND at < :before
                    ORDER BY at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED)
                UPDATE canteen_entries e SET typed = :marker, anonymised_at = :now FROM batch WHERE e.id = batch.id""");
    }
}
